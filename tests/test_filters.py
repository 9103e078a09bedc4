"""The one filter definition, as every listing, feed and the API use it."""

import datetime as dt

import pytest
from django.http import QueryDict
from django.utils import translation

from events.filters import (
    OFFERED,
    EventFilter,
    collation_key,
    count_options,
    next_clock_change,
    offer_options,
    page_counts,
)
from events.models import Event

from .factories import (
    AllDayEventFactory,
    EventFactory,
    EventTypeFactory,
    ParticipationFactory,
    PersonFactory,
    TagFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def filtered(query: str):
    filterset = EventFilter(QueryDict(query), queryset=Event.objects.all())
    return filterset


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("type=visit&type=forum", {"type": ["Give this filter once."]}),
        ("from=2017-06-02&to=2017-06-01", {"to": ["“to” is before “from”."]}),
        ("from=2017-1-1", {"from": ["Enter a valid date."]}),
        ("from=+2017-01-01", {"from": ["Enter a valid date."]}),
        ("from=0001-01-01", {"from": ["Give a year between 1800 and 2200."]}),
        ("q=" + "+".join(["word"] * 11), {"q": ["Search for at most 10 words."]}),
    ],
)
def test_filters_refuse_ambiguous_or_impossible_values(query, errors):
    filterset = filtered(query)

    assert filterset.is_valid() is False
    assert {name: list(messages) for name, messages in filterset.errors.items()} == errors


def test_empty_filters_mean_any():
    event = AllDayEventFactory()

    filterset = filtered("q=&type=&country=&city=&tag=&person=&status=&from=&to=")

    assert filterset.is_valid()
    assert list(filterset.qs) == [event]


@pytest.mark.parametrize("city", ["москва", "МОСКВА", "Москва", "moscow", "MOSCOW"])
def test_city_matches_in_any_letter_case_in_both_alphabets(city):
    event = AllDayEventFactory(venue=VenueFactory(city_en="Moscow", city_ru="Москва"))
    AllDayEventFactory(venue=VenueFactory(city_en="Minsk", city_ru="Минск", country="BY"))

    assert list(filtered(f"city={city}").qs) == [event]


@pytest.mark.parametrize("word", ["лавров", "ЛАВРОВ", "Lavrov", "lavrov", "ЛАВ"])
def test_search_finds_people_in_any_letter_case(word):
    event = AllDayEventFactory()
    ParticipationFactory(event=event, person=PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров"))
    AllDayEventFactory(title_en="Other")

    assert list(filtered(f"q={word}").qs) == [event]


def test_from_and_to_keep_events_overlapping_the_days():
    inside = AllDayEventFactory(start_date=dt.date(2017, 6, 29), end_date=dt.date(2017, 6, 30))
    AllDayEventFactory(start_date=dt.date(2017, 7, 2), end_date=dt.date(2017, 7, 3))

    assert list(filtered("from=2017-06-30&to=2017-07-01").qs) == [inside]


def test_an_event_until_midnight_is_not_found_on_the_day_its_end_falls_on(client):
    # 30 June 2030, 22:00 to 1 July, 00:00 Moscow time: an evening of 30 June, not an event of July (whose grid
    # begins on Monday 1 July, with no day of June).
    evening = EventFactory(
        title_en="Reception on the national day",
        start=dt.datetime(2030, 6, 30, 19, tzinfo=dt.UTC),
        end=dt.datetime(2030, 6, 30, 21, tzinfo=dt.UTC),
    )
    july, june = client.get("/events/2030/07/"), client.get("/events/2030/06/")

    assert (evening.start_date, evening.end_date) == (dt.date(2030, 6, 30), dt.date(2030, 6, 30))
    assert (list(filtered("from=2030-07-01").qs), list(filtered("to=2030-06-30").qs)) == ([], [evening])
    assert (evening.title_en in july.content.decode(), evening.title_en in june.content.decode()) == (False, True)
    assert client.get("/api/events/?from=2030-07-01").json()["count"] == 0


def test_normal_filters_keep_known_names_in_order_trimmed_and_in_one_case_where_case_is_ignored():
    from django.http import QueryDict

    from events.filters import normal_filters

    normal = normal_filters(QueryDict("utm=1&q=%20Визит%20%20МИНСК%20&city=%20Gießen&country=by&type=visit&page=2&to="))
    assert list(normal.lists()) == [
        ("type", ["visit"]),
        ("country", ["BY"]),
        ("city", ["gießen"]),
        ("q", ["визит минск"]),
    ]


def test_letters_without_a_one_to_one_case_mapping_are_left_as_written():
    from events.filters import lower_case

    assert [lower_case(word) for word in ("GIESSEN", "Gießen", "İstanbul", "ΣΟΦΙΑ", "Минск")] == [
        "giessen",
        "gießen",
        "İstanbul",
        "σοφια",
        "минск",
    ]


def test_a_month_page_cached_for_one_spelling_of_a_city_is_not_served_for_another_selection(client, db):
    import datetime as dt

    from .factories import AllDayEventFactory, VenueFactory

    AllDayEventFactory(
        title_en="Culture days in Giessen",
        venue=VenueFactory(city_en="Gießen", country="DE"),
        start_date=dt.date(2030, 6, 3),
        end_date=dt.date(2030, 6, 4),
    )
    client.get("/events/2030/06/", {"city": "GIESSEN"})
    response = client.get("/events/2030/06/", {"city": "Gießen"})
    assert "Culture days in Giessen" in response.content.decode()


# What the filter form offers: the values with events, counted, sorted by name in the page's language


def offered(query: str, events, language: str = "en") -> dict[str, list[tuple[str, str]]]:
    """The choices each select of the form offers, with the value it shows selected, as a page renders them."""
    filterset = EventFilter(QueryDict(query), queryset=events)
    assert filterset.is_valid(), filterset.errors
    offer_options(filterset, count_options(events))
    with translation.override(language):
        return {
            name: [
                (option["value"], option["label"] + (" *" if option["selected"] else ""))
                for _group, group_options, _index in filterset.form.fields[name].widget.get_context(
                    name, filterset.form[name].value(), {}
                )["widget"]["optgroups"]
                for option in group_options
            ]
            for name in OFFERED
        }


def test_count_options_makes_one_grouped_query_per_vocabulary(django_assert_num_queries):
    visit = EventTypeFactory(slug="visit")
    lavrov = PersonFactory(slug="sergey-lavrov", name_en="Sergey Lavrov", name_ru="Сергей Лавров")
    csto = TagFactory(slug="csto", name_en="CSTO", name_ru="ОДКБ")
    minsk = VenueFactory(city_en="Minsk", city_ru="Минск", country="BY")
    for _ in range(3):
        event = AllDayEventFactory(event_type=visit, venue=minsk)
        event.tags.add(csto)
        ParticipationFactory(event=event, person=lavrov)
    AllDayEventFactory(venue=None)

    with django_assert_num_queries(4):
        counted = count_options(Event.objects.all())

    assert {name: sorted(rows) for name, rows in counted.items()} == {
        "type": [("forum", "Forum", "Форум", 1), ("visit", "Visit", "Визит", 3)],
        "place": [("BY", "Minsk", "Минск", 3)],
        "tag": [("csto", "CSTO", "ОДКБ", 3)],
        "person": [("sergey-lavrov", "Sergey Lavrov", "Сергей Лавров", 3)],
    }


def test_options_are_the_values_with_events_counted_in_both_languages():
    for slug in ("visit", "forum", "culture-days"):
        AllDayEventFactory(event_type=EventTypeFactory(slug=slug))
    AllDayEventFactory(event_type=EventTypeFactory(slug="visit"))
    EventTypeFactory(slug="festival")  # no event

    english = offered("", Event.objects.all())["type"]
    russian = offered("", Event.objects.all(), "ru")["type"]

    assert english == [
        ("", "Any *"),
        ("culture-days", "Culture days (1)"),
        ("forum", "Forum (1)"),
        ("visit", "Visit (2)"),
    ]
    assert russian == [
        ("", "Любой *"),
        ("visit", "Визит (2)"),
        ("culture-days", "Дни культуры (1)"),
        ("forum", "Форум (1)"),
    ]


def test_countries_are_sorted_by_their_name_in_the_page_language():
    for code in ("JP", "DE", "CN", "AT"):
        AllDayEventFactory(venue=VenueFactory(country=code, city_en="", city_ru=""))

    english = offered("", Event.objects.all())["country"]
    russian = offered("", Event.objects.all(), "ru")["country"]

    assert english == [
        ("", "Any *"),
        ("AT", "Austria (1)"),
        ("CN", "China (1)"),
        ("DE", "Germany (1)"),
        ("JP", "Japan (1)"),
    ]
    assert russian == [
        ("", "Любой *"),
        ("AT", "Австрия (1)"),
        ("DE", "Германия (1)"),
        ("CN", "Китай (1)"),
        ("JP", "Япония (1)"),
    ]


def test_russian_order_puts_yo_beside_ye_and_short_i_after_i_ignoring_case_cyrillic_first():
    names = ["Яблоко", "ёж", "Ель", "Еда", "йод", "Иней", "zebra", "Apple", "ЁЛКА"]

    russian = sorted(names, key=lambda name: collation_key(name, "ru"))
    english = sorted(names, key=lambda name: collation_key(name, "en"))

    assert russian == ["Еда", "ёж", "ЁЛКА", "Ель", "Иней", "йод", "Яблоко", "Apple", "zebra"]
    assert english == ["Apple", "zebra", "Еда", "ёж", "ЁЛКА", "Ель", "Иней", "йод", "Яблоко"]


def test_english_order_ignores_case_and_accents():
    names = ["Zürich", "aachen", "Ålesund", "zagreb", "Berlin"]

    assert sorted(names, key=lambda name: collation_key(name, "en")) == [
        "aachen",
        "Ålesund",
        "Berlin",
        "zagreb",
        "Zürich",
    ]


def test_cities_are_one_option_per_spelling_named_in_the_page_language():
    AllDayEventFactory(venue=VenueFactory(city_en="Moscow", city_ru="Москва"))
    AllDayEventFactory(venue=VenueFactory(city_en="MOSCOW", city_ru=""))
    AllDayEventFactory(venue=VenueFactory(city_en="", city_ru="Гродно", country="BY"))
    AllDayEventFactory(venue=VenueFactory(city_en="Vitebsk", city_ru="Витебск", country="BY"))

    english = offered("", Event.objects.all())["city"]
    russian = offered("city=москва", Event.objects.all(), "ru")["city"]

    assert english == [("", "Any *"), ("Moscow", "Moscow (2)"), ("Vitebsk", "Vitebsk (1)"), ("Гродно", "Гродно (1)")]
    assert russian == [("", "Любой"), ("Vitebsk", "Витебск (1)"), ("Гродно", "Гродно (1)"), ("Moscow", "Москва (2) *")]


def test_a_value_sent_without_events_here_is_valid_and_offered_selected_with_none():
    past = AllDayEventFactory(event_type=EventTypeFactory(slug="forum"))
    past.tags.add(TagFactory(slug="csto", name_en="CSTO"))
    ParticipationFactory(event=past, person=PersonFactory(slug="sergey-lavrov", name_en="Sergey Lavrov"))
    AllDayEventFactory(
        event_type=EventTypeFactory(slug="visit"), start_date=dt.date(2030, 1, 1), end_date=dt.date(2030, 1, 1)
    )
    coming = Event.objects.filter(start_date__year=2030)

    options = offered("type=forum&tag=csto&person=sergey-lavrov&country=by&city=Atlantis", coming)

    assert options == {
        "type": [("", "Any"), ("forum", "Forum (0) *"), ("visit", "Visit (1)")],
        "country": [("", "Any"), ("BY", "Belarus (0) *"), ("RU", "Russia (1)")],
        "city": [("", "Any"), ("Atlantis", "Atlantis (0) *"), ("Moscow", "Moscow (1)")],
        "tag": [("", "Any"), ("csto", "CSTO (0) *")],
        "person": [("", "Any"), ("sergey-lavrov", "Sergey Lavrov (0) *")],
    }


def test_a_topic_or_person_of_drafts_only_is_still_refused_as_before():
    draft = AllDayEventFactory(is_published=False)
    draft.tags.add(TagFactory(slug="csto"))
    ParticipationFactory(event=draft, person=PersonFactory(slug="sergey-lavrov"))

    filterset = filtered("tag=csto&person=sergey-lavrov")

    assert filterset.is_valid() is False
    assert sorted(filterset.errors) == ["person", "tag"]


def test_the_next_clock_change_is_when_the_first_coming_event_ends():
    now = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)
    AllDayEventFactory(start_date=dt.date(2030, 5, 1), end_date=dt.date(2030, 5, 2))
    EventFactory(
        start=dt.datetime(2030, 5, 1, 10, 0, tzinfo=dt.UTC), end=dt.datetime(2030, 5, 1, 11, 0, 30, tzinfo=dt.UTC)
    )
    EventFactory(start=dt.datetime(2030, 4, 1, 10, 0, tzinfo=dt.UTC))  # past
    EventFactory(start=dt.datetime(2030, 5, 1, 8, 0, tzinfo=dt.UTC), is_published=False)  # a draft

    assert next_clock_change(now) == dt.datetime(2030, 5, 1, 11, 1, tzinfo=dt.UTC)
    assert next_clock_change(dt.datetime(2030, 5, 1, 11, 1, tzinfo=dt.UTC)) == dt.datetime(2030, 5, 3, tzinfo=dt.UTC)
    assert next_clock_change(dt.datetime(2030, 5, 3, tzinfo=dt.UTC)) is None


def test_page_counts_are_counted_again_only_once_the_clock_has_changed_the_page(django_assert_num_queries):
    now = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)
    EventFactory(start=dt.datetime(2030, 5, 1, 10, 0, tzinfo=dt.UTC), end=dt.datetime(2030, 5, 1, 11, 0, tzinfo=dt.UTC))
    first = page_counts(Event.objects.public(now).upcoming(now), kind="list", now=now)

    events = Event.objects.public(now).upcoming(now)

    with django_assert_num_queries(1):  # the data version
        kept = page_counts(events, kind="list", now=now + dt.timedelta(hours=2))
    later = now + dt.timedelta(hours=2, minutes=1)
    again = page_counts(Event.objects.public(later).upcoming(later), kind="list", now=later)

    assert (first.until, first.rows["type"]) == (
        dt.datetime(2030, 5, 1, 11, 1, tzinfo=dt.UTC),
        [("forum", "Forum", "Форум", 1)],
    )
    assert kept == first
    assert (again.counted_at, again.until, again.rows["type"]) == (later, None, [])
