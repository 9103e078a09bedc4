"""public_changes: the changes of a selection that the public saw, from the change history, in a time window."""

import datetime as dt

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.changes import InvalidSelection, in_selection, public_changes
from events.filters import EventFilter
from events.models import Event, Venue

from .factories import AllDayEventFactory, EventFactory, EventTypeFactory, TagFactory, VenueFactory
from .writes import at, save_at

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2030, 3, 4, 9, 0, tzinfo=dt.UTC)
SINCE = MONDAY - dt.timedelta(days=90)


def visit(**fields) -> Event:
    """A published visit of 14-15 May 2030 in Minsk, announced on Monday."""
    minsk = VenueFactory(city_en="Minsk", city_ru="Минск", country="BY", timezone="Europe/Minsk")
    defaults = {
        "event_type": EventTypeFactory(slug="visit", is_visit=True),
        "title_en": "Visit to Minsk",
        "title_ru": "Визит в Минск",
        "venue": minsk,
        "start_date": dt.date(2030, 5, 14),
        "end_date": dt.date(2030, 5, 15),
    }
    with at(MONDAY):
        return AllDayEventFactory(**(defaults | fields))


def changes(until: dt.datetime, params: dict | None = None, **options) -> list[tuple]:
    """(kind, when, headline, details) of each change, newest first."""
    return [
        (change.kind, change.became_public_at, change.headline, change.details)
        for change in public_changes(params or {}, since=SINCE, until=until, **options)
    ]


def test_a_rescheduling_says_the_old_and_the_new_dates():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=1), event, start_date=dt.date(2030, 5, 16), end_date=dt.date(2030, 5, 17))

    found = changes(MONDAY + dt.timedelta(days=2))

    assert found == [
        (
            "rescheduled",
            MONDAY + dt.timedelta(days=1),
            "Rescheduled: Visit to Minsk",
            ["Dates: 14–15 May 2030 → 16–17 May 2030"],
        ),
        ("announced", MONDAY, "Announced: Visit to Minsk", ["14–15 May 2030", "Minsk, Belarus", "confirmed"]),
    ]


def test_a_cancellation_says_the_old_and_the_new_status():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=1), event, status=Event.Status.CANCELLED)

    found = changes(MONDAY + dt.timedelta(days=2))

    assert found[0] == (
        "cancelled",
        MONDAY + dt.timedelta(days=1),
        "Cancelled: Visit to Minsk",
        ["Status: confirmed → cancelled"],
    )


def test_a_timed_event_moved_by_an_hour_says_the_times_as_people_write_them():
    with at(MONDAY):
        event = EventFactory(
            title_en="Talks", start=dt.datetime(2030, 5, 14, 7, 0, tzinfo=dt.UTC), end=None, timezone="Europe/Moscow"
        )
    save_at(MONDAY + dt.timedelta(hours=2), event, start=dt.datetime(2030, 5, 14, 8, 0, tzinfo=dt.UTC))

    found = changes(MONDAY + dt.timedelta(days=1))

    assert found[0][3] == [
        "Dates: 14 May 2030, 10:00 Moscow time (07:00 UTC) → 14 May 2030, 11:00 Moscow time (08:00 UTC)"
    ]


def test_a_postponement_and_its_restoration_are_two_changes():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=1), event, status=Event.Status.POSTPONED)
    save_at(MONDAY + dt.timedelta(days=5), event, status=Event.Status.CONFIRMED)

    found = changes(MONDAY + dt.timedelta(days=6))

    assert [(kind, details) for kind, _when, _headline, details in found] == [
        ("restored", ["Status: postponed → confirmed"]),
        ("postponed", ["Status: confirmed → postponed"]),
        ("announced", ["14–15 May 2030", "Minsk, Belarus", "confirmed"]),
    ]


def test_an_embargoed_announcement_appears_when_its_embargo_ends_dated_then():
    embargo = MONDAY + dt.timedelta(days=2, hours=3)
    visit(publish_at=embargo)

    before = changes(embargo - dt.timedelta(minutes=1))
    after = changes(embargo + dt.timedelta(minutes=1))

    assert (before, [(kind, when) for kind, when, *_rest in after]) == ([], [("announced", embargo)])


def test_a_typo_fixed_in_the_description_makes_no_entry():
    event = visit(description_en="Talks on trade.")
    save_at(MONDAY + dt.timedelta(days=1), event, description_en="Talks on trade and energy.", summary_en="Talks.")

    found = changes(MONDAY + dt.timedelta(days=2))

    assert [kind for kind, *_rest in found] == ["announced"]


def test_a_drafts_edits_never_appear_and_its_publication_is_its_announcement():
    event = visit(is_published=False)
    save_at(MONDAY + dt.timedelta(days=1), event, start_date=dt.date(2030, 5, 20), end_date=dt.date(2030, 5, 21))
    still_draft = changes(MONDAY + dt.timedelta(days=2))
    save_at(MONDAY + dt.timedelta(days=3), event, is_published=True)

    found = changes(MONDAY + dt.timedelta(days=4))

    assert (still_draft, found) == (
        [],
        [
            (
                "announced",
                MONDAY + dt.timedelta(days=3),
                "Announced: Visit to Minsk",
                ["20–21 May 2030", "Minsk, Belarus", "confirmed"],
            )
        ],
    )


def test_saves_that_end_where_they_began_make_no_entry():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=1), event, start_date=dt.date(2030, 5, 15))
    save_at(MONDAY + dt.timedelta(days=1, minutes=5), event, start_date=dt.date(2030, 5, 14))

    found = changes(MONDAY + dt.timedelta(days=2))

    assert [kind for kind, *_rest in found] == ["announced"]


def test_saves_within_the_settle_time_are_one_change_from_the_first_to_the_last():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=1), event, start_date=dt.date(2030, 5, 15))
    save_at(
        MONDAY + dt.timedelta(days=1, minutes=10), event, start_date=dt.date(2030, 5, 16), end_date=dt.date(2030, 5, 16)
    )

    found = changes(MONDAY + dt.timedelta(days=2))

    assert found[0] == (
        "rescheduled",
        MONDAY + dt.timedelta(days=1, minutes=10),
        "Rescheduled: Visit to Minsk",
        ["Dates: 14–15 May 2030 → 16 May 2030"],
    )


def test_edits_made_while_hidden_count_from_the_moment_the_event_is_public_again():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=1), event, is_published=False)
    save_at(MONDAY + dt.timedelta(days=2), event, start_date=dt.date(2030, 6, 1), end_date=dt.date(2030, 6, 1))
    save_at(MONDAY + dt.timedelta(days=3), event, is_published=True)

    hidden = changes(MONDAY + dt.timedelta(days=2, hours=1))
    public = changes(MONDAY + dt.timedelta(days=4))

    assert (hidden, [(kind, when, details) for kind, when, _headline, details in public]) == (
        [],
        [
            ("rescheduled", MONDAY + dt.timedelta(days=3), ["Dates: 14–15 May 2030 → 1 June 2030"]),
            ("announced", MONDAY, ["14–15 May 2030", "Minsk, Belarus", "confirmed"]),
        ],
    )


def test_an_event_moved_to_another_country_tells_the_followers_of_the_old_one():
    event = visit()
    moscow = VenueFactory(city_en="Moscow", city_ru="Москва", country="RU")
    save_at(MONDAY + dt.timedelta(days=1), event, venue=moscow)

    belarus = changes(MONDAY + dt.timedelta(days=2), {"country": "BY"})
    russia = changes(MONDAY + dt.timedelta(days=2), {"country": "ru", "type": "visit"})
    forums = changes(MONDAY + dt.timedelta(days=2), {"type": "forum"})

    moved = (
        "moved",
        MONDAY + dt.timedelta(days=1),
        "Moved: Visit to Minsk",
        ["Place: Minsk, Belarus → Moscow, Russia"],
    )
    assert (belarus[0], [kind for kind, *_rest in belarus], [kind for kind, *_rest in russia], forums) == (
        moved,
        ["moved", "announced"],
        ["moved"],
        [],
    )


def test_the_changes_are_written_in_the_active_language():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=1), event, start_date=dt.date(2030, 5, 16), end_date=dt.date(2030, 5, 17))
    save_at(MONDAY + dt.timedelta(days=2), event, status=Event.Status.CANCELLED)

    with translation.override("ru"):
        found = [change.details for change in public_changes({}, since=SINCE, until=MONDAY + dt.timedelta(days=3))]
        title = public_changes({}, since=SINCE, until=MONDAY + dt.timedelta(days=3))[0].new.title

    assert (title, found[1][0].endswith("14–15 мая 2030 г. → 16–17 мая 2030 г."), found[2]) == (
        "Визит в Минск",
        True,
        ["14–15 мая 2030 г.", "Минск, Белоруссия", "подтверждено"],
    )


def test_the_window_and_the_limit_keep_the_newest_changes():
    event = visit()
    for day in (1, 2, 3):
        save_at(MONDAY + dt.timedelta(days=day), event, start_date=dt.date(2030, 5, 14 + day), end_date=None)

    newest = changes(MONDAY + dt.timedelta(days=4), limit=2)
    later = [
        change.became_public_at
        for change in public_changes({}, since=MONDAY + dt.timedelta(days=2), until=MONDAY + dt.timedelta(days=4))
    ]

    assert ([when for _kind, when, *_rest in newest], later) == (
        [MONDAY + dt.timedelta(days=3), MONDAY + dt.timedelta(days=2)],
        [MONDAY + dt.timedelta(days=3), MONDAY + dt.timedelta(days=2)],
    )


def test_a_change_made_before_the_window_is_not_repeated_as_an_announcement():
    event = visit()
    save_at(MONDAY + dt.timedelta(days=100), event, start_date=dt.date(2030, 9, 1), end_date=None)
    save_at(MONDAY + dt.timedelta(days=200), event, status=Event.Status.CANCELLED)

    found = [
        (change.kind, change.old.dates)
        for change in public_changes({}, since=MONDAY + dt.timedelta(days=150), until=MONDAY + dt.timedelta(days=201))
    ]

    assert found == [("cancelled", "1 September 2030")]


def test_topics_filter_the_changes_by_the_event_as_it_is():
    event = visit()
    visit(title_en="Other visit")
    with at(MONDAY + dt.timedelta(hours=1)):
        event.tags.add(TagFactory(slug="csto"))

    found = changes(MONDAY + dt.timedelta(days=1), {"tag": "csto"})

    assert [headline for _kind, _when, headline, _details in found] == ["Announced: Visit to Minsk"]


def test_invalid_filters_are_refused_with_their_messages():
    with pytest.raises(InvalidSelection) as refused:
        public_changes({"type": "no-such-type", "from": "2030-13-01"}, since=SINCE, until=MONDAY)

    assert sorted(refused.value.filterset.errors) == ["from", "type"]


def queries_for(until: dt.datetime) -> int:
    with CaptureQueriesContext(connection) as queries:
        public_changes({"country": "BY"}, since=SINCE, until=until)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_changes():
    first = visit()
    save_at(MONDAY + dt.timedelta(days=1), first, status=Event.Status.POSTPONED)
    few = queries_for(MONDAY + dt.timedelta(days=2))
    for number in range(5):
        other = visit(title_en=f"Visit {number}", venue=VenueFactory(city_en=f"City {number}", country="BY"))
        save_at(MONDAY + dt.timedelta(days=3), other, start_date=dt.date(2030, 5, 20), end_date=None)
        save_at(MONDAY + dt.timedelta(days=4), other, status=Event.Status.CANCELLED)

    many = queries_for(MONDAY + dt.timedelta(days=5))

    assert (len(public_changes({}, since=SINCE, until=MONDAY + dt.timedelta(days=5))), many) == (17, few)


@pytest.mark.parametrize(
    "query", ["type=visit", "country=BY", "city=минск", "status=cancelled", "from=2030-05-15", "to=2030-05-14"]
)
def test_reading_a_version_selects_what_the_shared_filters_select(query):
    visit()
    visit(title_en="Forum", event_type=EventTypeFactory(slug="forum"), start_date=dt.date(2030, 5, 16), end_date=None)
    visit(title_en="Cancelled", status=Event.Status.CANCELLED, venue=VenueFactory(city_en="Moscow", country="RU"))
    filterset = EventFilter(QueryDict(query), queryset=Event.objects.all())
    assert filterset.is_valid()
    venues = Venue.objects.in_bulk()

    by_versions = {
        version["title_en"]
        for version in Event.history.values("title_en", "event_type_id", "venue_id", "status", "start_date", "end_date")
        if in_selection(version, filterset.form.cleaned_data, venues)
    }

    assert by_versions == set(filterset.qs.values_list("title_en", flat=True))
