"""Event facts: the same facts from a fetched instance and from rows of values, in every language; their digest."""

import datetime as dt

import pytest
from django.utils import translation
from modeltranslation.utils import fallbacks

from events.facts import Cited, EventFacts, Parent, Participant, of_events
from events.feedcache import by_event, people_query, row_query, tag_query
from events.ical import FEED_PREFETCH, FEED_RELATED
from events.models import Event

from .factories import (
    AllDayEventFactory,
    EventFactory,
    ParticipationFactory,
    PersonFactory,
    SourceFactory,
    TagFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2017, 11, 13, 8, 32, tzinfo=dt.UTC)
BASE = "https://calendar.example.org"
ONE_WEEK = dt.timedelta(days=7)


def from_instances(*events) -> list[EventFacts]:
    fetched = (
        Event.objects.select_related(*FEED_RELATED)
        .prefetch_related(*FEED_PREFETCH)
        .in_bulk([event.pk for event in events])
    )
    return list(of_events((fetched[event.pk] for event in events), now=NOW))


def from_rows(*events) -> list[EventFacts]:
    ids = [event.pk for event in events]
    rows = {row["id"]: row for row in row_query().filter(pk__in=ids)}
    tags = by_event(tag_query().filter(event_id__in=ids))
    people = by_event(people_query().filter(event_id__in=ids))
    return [EventFacts.of_rows(rows[pk], tags.get(pk, ()), people.get(pk, ()), now=NOW) for pk in ids]


@pytest.fixture
def events(db):
    """Events with everything a VEVENT shows, some of it in English only."""
    venue = VenueFactory(name_en="Palace", name_ru="", city_ru="", latitude="53.9", longitude="27.5")
    parent = AllDayEventFactory(
        title_en="State visit", title_ru="Государственный визит", publish_at=NOW.replace(day=20)
    )
    summit = EventFactory(
        title_en="Summit",
        title_ru="Саммит",
        summary_en="In English only",
        agenda_en="One\nTwo",
        agenda_ru="Один\nДва",
        venue=venue,
        parent=parent,
        source=SourceFactory(title_en="Release", title_ru="", url="https://mfa.example/1"),
        status=Event.Status.POSTPONED,
        sequence=3,
    )
    summit.tags.add(
        TagFactory(name_en="energy", name_ru="Энергетика"),
        TagFactory(name_en="Energy"),
        TagFactory(name_en="Agriculture"),
    )
    ParticipationFactory(event=summit, person=PersonFactory(name_en="Second", name_ru="Второй"), order=2)
    ParticipationFactory(event=summit, person=PersonFactory(name_en="First"), order=1, role="host", position_en="PM")
    draft = AllDayEventFactory(title_en="Draft", is_published=False, venue=None, date_precision="month")
    embargoed = EventFactory(title_en="Embargoed", publish_at=NOW + dt.timedelta(hours=1), timezone="UTC")
    return summit, parent, draft, embargoed


@pytest.mark.parametrize("language", ["en", "ru"])
def test_facts_from_rows_equal_facts_from_instances(events, language):
    with translation.override(language):
        assert from_rows(*events) == from_instances(*events)


def test_facts_without_fallbacks_equal_too(events):
    with translation.override("ru"), fallbacks(False):
        facts = from_rows(*events)

        assert facts == from_instances(*events)
    assert facts[0].summary == ""


def test_facts_hold_the_shown_values_in_the_active_language(events):
    summit, parent, *_others = events

    with translation.override("ru"):
        (facts,) = from_rows(summit)

    assert facts._replace(uid="", slug="", created_at=None, updated_at=None, start=None, end=None) == EventFacts(
        uid="",
        slug="",
        created_at=None,
        updated_at=None,
        sequence=3,
        title="Саммит",
        summary="In English only",
        description="",
        agenda="Один\nДва",
        status="postponed",
        date_precision="day",
        all_day=False,
        start_date=dt.date(2017, 11, 14),
        end_date=dt.date(2017, 11, 14),
        start=None,
        end=None,
        timezone="Europe/Moscow",
        is_published=True,
        embargoed_until=None,
        type_slug="forum",
        type_name="Форум",
        place="Palace, Moscow, Россия",
        geo=(53.9, 27.5),
        tags=("Agriculture", "Energy", "Энергетика"),
        participants=(Participant("First", "PM", "принимающая сторона"), Participant("Второй", "", "гость")),
        parent=Parent(parent.uid, "Государственный визит", False),
        source=Cited("Release", dt.date(2017, 11, 13), "https://mfa.example/1"),
    )


def test_an_embargo_still_running_is_a_fact_and_hides_the_event(events):
    _summit, _parent, draft, embargoed = events

    draft_facts, embargoed_facts = from_rows(draft, embargoed)

    assert (draft_facts.hidden, draft_facts.embargoed_until) == (True, None)
    assert (embargoed_facts.hidden, embargoed_facts.embargoed_until) == (True, NOW + dt.timedelta(hours=1))


def test_the_digest_names_the_facts_the_language_and_the_address(events):
    (facts,) = from_rows(events[0])

    same = facts.digest(base_url=BASE)
    with translation.override("ru"):
        russian = facts.digest(base_url=BASE)
    others = {
        facts._replace(sequence=4).digest(base_url=BASE),
        facts._replace(tags=()).digest(base_url=BASE),
        facts._replace(parent=facts.parent._replace(visible=True)).digest(base_url=BASE),
        facts.digest(base_url=None),
        facts.digest(base_url="https://other.example"),
        russian,
    }

    assert same == from_instances(events[0])[0].digest(base_url=BASE)
    assert same.startswith("events:vevent:")
    assert same not in others
    assert len(others) == 6
