"""The demo data holds every event of the press release in ../shared/seed/, and only facts it states."""

import datetime as dt

import pytest
from django.utils import translation

from events.dates import format_event_dates
from events.models import Event, EventType, Source

pytestmark = pytest.mark.django_db

RELEASE_TITLE = (
    "Comment by the Information and Press Department on the upcoming working visit by "
    "Belarusian Foreign Minister Vladimir Makei"
)


def by_slug(slug):
    return Event.objects.select_related("event_type", "venue", "series", "parent", "source").get(slug=slug)


def test_seed_holds_exactly_the_release_events_all_published(seed, now):
    slugs = set(Event.objects.public(now).values_list("slug", flat=True))

    assert slugs == {
        "makei-working-visit-to-russia-2017",
        "signing-union-state-foreign-policy-programme-2018-2019",
        "signing-foreign-ministries-consultations-plan-2018",
        "makei-visit-to-moscow-2017",
        "joint-meeting-foreign-ministry-collegiums-2017",
        "joint-ministerial-statement-25-years-2017",
        "archival-exhibition-25-years-2017",
        "fourth-forum-of-regions-2017",
        "industrial-exhibition-forum-of-regions-2017",
        "first-forum-of-regions-2014",
        "slavic-bazaar-in-vitebsk",
        "russian-spiritual-culture-days-in-belarus-2015",
        "moscow-days-in-belarus-2016",
        "belarusian-culture-days-in-moscow-2016",
        "minsk-days-in-moscow-2017",
    }
    assert Event.objects.count() == len(slugs)


@pytest.mark.parametrize(
    ("slug", "type_slug", "precision", "first", "last", "country", "city"),
    [
        ("makei-working-visit-to-russia-2017", "visit", "day", dt.date(2017, 11, 14), dt.date(2017, 11, 15), "RU", ""),
        ("makei-visit-to-moscow-2017", "visit", "day", dt.date(2017, 6, 4), dt.date(2017, 6, 5), "RU", "Moscow"),
        ("fourth-forum-of-regions-2017", "forum", "day", dt.date(2017, 6, 29), dt.date(2017, 6, 30), "RU", "Moscow"),
        ("first-forum-of-regions-2014", "forum", "year", dt.date(2014, 1, 1), dt.date(2014, 12, 31), None, None),
        ("slavic-bazaar-in-vitebsk", "festival", "none", None, None, "BY", "Vitebsk"),
        ("russian-spiritual-culture-days-in-belarus-2015", "culture-days", "month",
         dt.date(2015, 6, 1), dt.date(2015, 6, 30), "BY", ""),
        ("moscow-days-in-belarus-2016", "culture-days", "month", dt.date(2016, 6, 1), dt.date(2016, 6, 30), "BY", ""),
        ("belarusian-culture-days-in-moscow-2016", "culture-days", "year",
         dt.date(2016, 1, 1), dt.date(2016, 12, 31), "RU", "Moscow"),
        ("minsk-days-in-moscow-2017", "culture-days", "month",
         dt.date(2017, 10, 1), dt.date(2017, 10, 31), "RU", "Moscow"),
    ],
)  # fmt: skip
def test_seed_event_dates_precision_and_place(seed, slug, type_slug, precision, first, last, country, city):
    event = by_slug(slug)

    assert (event.event_type.slug, event.date_precision, event.all_day) == (type_slug, precision, True)
    assert (event.start_date, event.end_date, event.start, event.end) == (first, last, None, None)
    assert (event.venue.country.code if event.venue else None) == country
    assert (event.venue.city_en if event.venue else None) == city


def test_seed_events_pass_validation(seed):
    for event in Event.objects.all():
        event.full_clean()


@pytest.mark.parametrize(
    ("slug", "english", "russian"),
    [
        ("makei-working-visit-to-russia-2017", "14–15 November 2017", "14–15 ноября 2017 г."),
        ("makei-visit-to-moscow-2017", "4–5 June 2017", "4–5 июня 2017 г."),
        ("fourth-forum-of-regions-2017", "29–30 June 2017", "29–30 июня 2017 г."),
        ("first-forum-of-regions-2014", "2014", "2014 г."),
        ("russian-spiritual-culture-days-in-belarus-2015", "June 2015", "июнь 2015 г."),
        ("belarusian-culture-days-in-moscow-2016", "2016", "2016 г."),
        ("minsk-days-in-moscow-2017", "October 2017", "октябрь 2017 г."),
        ("slavic-bazaar-in-vitebsk", "Dates to be announced", "Даты будут объявлены"),
    ],
)
def test_seed_dates_read_as_the_release_writes_them(seed, slug, english, russian):
    event = by_slug(slug)

    with translation.override("en"):
        written_en = format_event_dates(event)
    with translation.override("ru"):
        written_ru = format_event_dates(event)

    assert (written_en, written_ru) == (english, russian)


def test_seed_november_visit_is_a_working_visit_at_lavrovs_invitation(seed):
    visit = by_slug("makei-working-visit-to-russia-2017")

    people = [(p.person.name_en, p.person.country.code, p.role, p.position_en) for p in visit.participations.all()]
    assert visit.visit_level == "working"
    assert people == [
        ("Vladimir Makei", "BY", "guest", "Foreign Minister of Belarus"),
        ("Sergey Lavrov", "RU", "host", "Foreign Minister of Russia"),
    ]
    assert set(visit.tags.values_list("slug", flat=True)) == {"eaeu", "cis", "csto", "union-state"}
    assert visit.agenda_en.splitlines()[3] == (
        "Signing of a programme of cooperative foreign policy actions of states party to the "
        "Union State Treaty for 2018−2019"
    )
    assert list(visit.parts.values_list("slug", flat=True).order_by("slug")) == [
        "signing-foreign-ministries-consultations-plan-2018",
        "signing-union-state-foreign-policy-programme-2018-2019",
    ]


def test_seed_june_visit_has_its_three_parts_and_no_invented_level(seed):
    visit = by_slug("makei-visit-to-moscow-2017")

    assert visit.visit_level == ""
    assert set(visit.parts.values_list("event_type__slug", "title_en")) == {
        ("meeting", "Joint meeting of the collegiums of the foreign ministries of Russia and Belarus"),
        ("signing", "Signing of a joint ministerial statement on the 25th anniversary of diplomatic relations"),
        ("exhibition", "Exhibition of archival photographs and documents"),
    }


def test_seed_fourth_forum_has_its_accompanying_industrial_exhibition(seed):
    forum = by_slug("fourth-forum-of-regions-2017")

    assert list(forum.parts.values_list("event_type__slug", "start_date", "end_date")) == [
        ("exhibition", dt.date(2017, 6, 29), dt.date(2017, 6, 30))
    ]


def test_seed_forums_are_editions_of_one_series(seed):
    fourth, first = by_slug("fourth-forum-of-regions-2017"), by_slug("first-forum-of-regions-2014")

    assert fourth.series == first.series
    assert (first.edition, fourth.edition) == (1, 4)
    assert set(first.organisers.values_list("slug", flat=True)) == {"federation-council", "council-of-the-republic"}
    assert list(fourth.organisers.all()) == []


def test_seed_slavic_bazaar_is_a_series_event_without_any_date(seed):
    bazaar = by_slug("slavic-bazaar-in-vitebsk")

    assert (bazaar.series.slug, bazaar.edition, bazaar.date_precision) == ("slavic-bazaar", None, "none")


def test_seed_every_event_cites_the_release_and_is_translated(seed):
    release = Source.objects.get()

    assert release.title_en == RELEASE_TITLE
    assert release.published_at == dt.datetime(2017, 11, 13, 8, 32, tzinfo=dt.UTC)
    assert release.text.startswith("On November 14−15, Foreign Minister of Belarus Vladimir Makei")
    assert release.url == ""
    for event in Event.objects.all():
        assert (event.source_id, event.missing_translations, event.sequence) == (release.pk, [], 0)
        assert event.title_ru


def test_seed_loads_into_the_four_event_types_of_the_migration(seed):
    assert list(EventType.objects.values_list("slug", flat=True)[:4]) == ["visit", "forum", "festival", "culture-days"]
    assert EventType.objects.get(slug="visit").is_visit
