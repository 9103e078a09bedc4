import datetime as dt

import factory

from events.models import Event, EventType, Participation, Person, Series, Source, Tag, Venue


class EventTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventType
        django_get_or_create = ["slug"]

    slug = "visit"
    name_en = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    name_plural_en = factory.LazyAttribute(lambda o: f"{o.name_en}s")
    is_visit = factory.LazyAttribute(lambda o: o.slug == "visit")


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    city_en = "Moscow"
    city_ru = "Москва"
    country = "RU"
    timezone = "Europe/Moscow"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
    country = "BY"


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    slug = factory.Sequence(lambda n: f"tag-{n}")
    name_en = factory.Sequence(lambda n: f"Tag {n}")


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    slug = factory.Sequence(lambda n: f"series-{n}")
    name_en = factory.Sequence(lambda n: f"Series {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title_en = "Press release"
    published_at = dt.datetime(2017, 11, 13, 8, 32, tzinfo=dt.UTC)


class EventFactory(factory.django.DjangoModelFactory):
    """A published, confirmed, timed one-hour event in Moscow."""

    class Meta:
        model = Event

    # Saved even by .build(), so that validation of a built event sees real vocabulary rows.
    event_type = factory.LazyFunction(lambda: EventTypeFactory(slug="forum"))
    title_en = factory.Sequence(lambda n: f"Event {n}")
    title_ru = factory.Sequence(lambda n: f"Событие {n}")
    venue = factory.LazyFunction(VenueFactory)
    all_day = False
    timezone = "Europe/Moscow"
    start = dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC)
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=1))
    is_published = True


class AllDayEventFactory(EventFactory):
    all_day = True
    timezone = ""
    start = None
    end = None
    start_date = dt.date(2017, 11, 14)
    end_date = dt.date(2017, 11, 15)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = Participation.Role.GUEST
