"""The one filter definition, as every listing, feed and the API use it."""

import datetime as dt

import pytest
from django.http import QueryDict

from events.filters import EventFilter
from events.models import Event

from .factories import AllDayEventFactory, ParticipationFactory, PersonFactory, VenueFactory

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
