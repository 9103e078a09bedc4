"""Writing an import: parts after their parent, a few queries per kind rather than per event, the free slugs and
the change history a save of each would give."""

import pytest

from events.importers.ics import ImportFileError, import_calendar
from events.models import Event

from ..factories import EventFactory, TagFactory
from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


def test_parts_keep_their_parent_through_related_to():
    parent = event_lines(uid="visit")
    part = event_lines(uid="signing", summary="Signing", **{"RELATED-TO;RELTYPE=PARENT": "visit"})

    import_calendar(ics(part, parent))

    assert Event.objects.get(uid="signing").parent.uid == "visit"


def test_parts_of_parts_new_in_the_file_are_linked_whatever_their_order():
    visit = event_lines(uid="visit")
    talks = event_lines(uid="talks", summary="Talks", **{"RELATED-TO;RELTYPE=PARENT": "visit"})
    signing = event_lines(uid="signing", summary="Signing", **{"RELATED-TO": "talks"})

    import_calendar(ics(signing, talks, visit))

    parents = dict(Event.objects.values_list("uid", "parent__uid"))
    assert parents == {"visit": None, "talks": "visit", "signing": "talks"}


def test_parts_that_name_each_other_as_parent_refuse_the_file():
    first = event_lines(uid="first", **{"RELATED-TO": "second"})
    second = event_lines(uid="second", **{"RELATED-TO": "first"})

    with pytest.raises(ImportFileError, match="An event cannot be a part of itself or of one of its own parts"):
        import_calendar(ics(first, second))
    assert Event.objects.count() == 0


def partner_file(count: int) -> bytes:
    places = ["Moscow, Russia", "Minsk, Belarus", "Osobnyak\\, Spiridonovka 17, Moscow, Russia"]
    return ics(
        *(
            event_lines(
                uid=f"bulk-{n}",
                summary=f"Event {n}",
                CATEGORIES=["Visit,Energy", "Forum,Economy", "Festival"][n % 3],
                LOCATION=places[n % 3],
                URL=f"https://partner.example.org/events/{n}",
                **{"DTSTART;VALUE=DATE": f"2027{1 + n % 12:02d}{1 + n % 27:02d}", "DTEND;VALUE=DATE": None},
            )
            for n in range(count)
        )
    )


def test_a_preview_takes_as_many_queries_for_twenty_events_as_for_ten_and_a_few_more_for_a_hundred():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            report = import_calendar(partner_file(count), dry_run=True)
        assert len(report.created) == count
        return len(captured.captured_queries)

    ten, twenty, hundred = queries(10), queries(20), queries(100)

    assert ten == twenty
    # SQLite takes at most 999 values a statement: an insert of events (or their history) is split every ~25 rows.
    assert hundred - twenty <= 12
    assert Event.objects.count() == 0


def test_new_events_get_the_free_slugs_a_save_would_give_them():
    EventFactory(title_en="Consultations", slug="consultations-2027")
    EventFactory(title_en="Consultations", slug="consultations-2027-3")
    TagFactory(name_en="Energy policy", slug="energy")
    events = [event_lines(uid=f"c{n}", CATEGORIES="Visit,Energy") for n in range(3)]

    import_calendar(ics(*events))

    slugs = dict(Event.objects.filter(uid__in=["c0", "c1", "c2"]).values_list("uid", "slug"))
    assert slugs == {"c0": "consultations-2027-2", "c1": "consultations-2027-4", "c2": "consultations-2027-5"}
    assert [tag.name for tag in Event.objects.get(uid="c0").tags.all()] == ["Energy policy"]  # found by its slug


def test_an_import_and_an_update_write_the_history_and_the_revision_numbers_as_a_save_would():
    import_calendar(ics(event_lines(CATEGORIES="Visit,Energy")), publish=True)
    event = Event.objects.get(uid="partner-1")
    created = event.history.get()

    import_calendar(ics(event_lines(sequence=1, summary="Moved", CATEGORIES="Visit,Economy")), publish=True)

    event.refresh_from_db()
    updated = event.history.order_by("history_id").last()
    assert (created.history_type, created.title_en, [t.tag.name for t in created.tags.all()]) == (
        "+", "Consultations", ["Energy"]
    )  # fmt: skip
    assert (updated.history_type, updated.title_en, [t.tag.name for t in updated.tags.all()]) == (
        "~", "Moved", ["Economy"]
    )  # fmt: skip
    assert (event.sequence, event.lock_version, event.slug) == (1, 1, "consultations-2027")
    assert [tag.name for tag in event.tags.all()] == ["Economy"]
    assert event.status_changed_at is not None


def test_the_history_of_an_imported_and_an_updated_event_holds_each_value_of_its_row():
    import_calendar(ics(event_lines(LOCATION="Moscow, Russia", URL="https://partner.example.org/1")), publish=True)
    created = Event.objects.get(uid="partner-1")
    import_calendar(ics(event_lines(sequence=1, summary="Moved", STATUS="CANCELLED")), publish=True)
    updated = Event.objects.get(uid="partner-1")

    records = list(updated.history.order_by("history_id"))
    names = [f.attname for f in Event._meta.concrete_fields]
    assert [[getattr(record, name) for name in names] for record in records] == [
        [getattr(created, name) for name in names],
        [getattr(updated, name) for name in names],
    ]
    assert [(record.history_type, record.history_user, record.history_change_reason) for record in records] == [
        ("+", None, ""),
        ("~", None, ""),
    ]


def test_a_value_a_field_refuses_is_refused_in_every_event_that_gives_it():
    events = [event_lines(uid=uid, sequence=-1) for uid in ("a", "b", "c")]

    report = import_calendar(ics(*events, event_lines(uid="d")))

    why = "origin_sequence: Ensure this value is greater than or equal to 0."
    assert report.skipped == [(f"Consultations ({uid})", why) for uid in ("a", "b", "c")]
    assert list(Event.objects.values_list("uid", flat=True)) == ["d"]
