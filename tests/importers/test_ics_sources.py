"""Who may change what: the events of an import belong to its source, which alone may change them, and a change of
a published event needs the publish permission."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from events.importers.ics import ImportFileError, import_calendar
from events.models import Event

from ..factories import EventFactory
from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


def test_new_events_belong_to_the_source_named_at_import():
    import_calendar(ics(event_lines()), source="Partner ministry")

    assert Event.objects.get(uid="partner-1").imported_from == "Partner ministry"


def test_a_file_cannot_update_or_cancel_an_event_made_in_this_calendar():
    made_here = EventFactory(uid="press-office-1", title_en="Talks made here", is_published=True)
    update = event_lines(uid="press-office-1", sequence=99, summary="Rewritten")
    cancel = event_lines(uid="press-office-1", sequence=100, summary="Cancelled", STATUS="CANCELLED")

    updating = import_calendar(ics(update), source="Partner ministry")
    cancelling = import_calendar(ics(cancel), source="Partner ministry")

    made_here.refresh_from_db()
    assert (updating.updated, updating.conflicts) == (
        [],
        [("Rewritten (press-office-1)", "UID press-office-1 belongs to an event made in this calendar: not changed")],
    )
    assert cancelling.conflicts == [
        ("Cancelled (press-office-1)", "UID press-office-1 belongs to an event made in this calendar: not changed")
    ]
    assert (made_here.title, made_here.status, made_here.imported_from) == ("Talks made here", "confirmed", "")
    assert updating.counts() == "0 created, 0 updated, 0 unchanged, 0 skipped, 1 conflict"


def test_a_file_cannot_change_the_events_of_another_source_but_its_own_source_can():
    import_calendar(ics(event_lines()), source="Partner ministry")

    other = import_calendar(ics(event_lines(sequence=5, summary="Hijacked")), source="https://other.example.org/x.ics")
    own = import_calendar(ics(event_lines(sequence=1, summary="Moved")), source="Partner ministry")

    assert other.conflicts == [
        ("Hijacked (partner-1)", "UID partner-1 belongs to an event imported from Partner ministry: not changed")
    ]
    assert own.updated == ["Moved (partner-1)"]
    assert Event.objects.get(uid="partner-1").title == "Moved"


def test_another_source_does_not_cancel_the_occurrences_its_series_lacks(now):
    weekly = {"RRULE": "FREQ=WEEKLY;COUNT=3", "DTSTART;VALUE=DATE": "20171120", "DTEND;VALUE=DATE": "20171121"}
    import_calendar(ics(event_lines(uid="weekly", **weekly)), source="Partner ministry", now=now)
    shorter = {**weekly, "RRULE": "FREQ=WEEKLY;COUNT=1"}

    report = import_calendar(ics(event_lines(uid="weekly", sequence=1, **shorter)), source="Someone else", now=now)

    assert [why for _label, why in report.conflicts] == [
        "UID weekly/20171120 belongs to an event imported from Partner ministry: not changed"
    ]
    assert (report.updated, report.notes) == ([], [])
    statuses = set(Event.objects.filter(series__isnull=False).values_list("status", flat=True))
    assert statuses == {"confirmed"}


def test_related_to_does_not_hang_a_part_on_an_event_the_source_does_not_own():
    draft = EventFactory(uid="press-office-visit", is_published=False)
    part = event_lines(uid="signing", summary="Signing", **{"RELATED-TO;RELTYPE=PARENT": "press-office-visit"})

    report = import_calendar(ics(part), source="Partner ministry")

    assert report.created == ["Signing (signing)"]
    assert report.conflicts == [
        (
            "Signing (signing)",
            "RELATED-TO names press-office-visit, an event made in this calendar: not made a part of it",
        )
    ]
    assert Event.objects.get(uid="signing").parent is None
    assert list(draft.parts.all()) == []


def test_without_the_publish_permission_an_update_of_a_published_event_is_a_conflict(now):
    import_calendar(ics(event_lines(uid="public"), event_lines(uid="embargoed"), event_lines(uid="draft")))
    Event.objects.filter(uid="public").update(is_published=True)
    Event.objects.filter(uid="embargoed").update(is_published=True, publish_at=now + dt.timedelta(days=3650))
    newer = [event_lines(uid=uid, sequence=1, summary="Renamed") for uid in ("public", "embargoed", "draft")]

    report = import_calendar(ics(*newer), may_publish=False)

    needs = "the event is published: updating it needs the publish permission"
    assert report.conflicts == [("Renamed (public)", needs), ("Renamed (embargoed)", needs)]
    assert report.updated == ["Renamed (draft)"]
    titles = dict(Event.objects.values_list("uid", "title_en"))
    assert titles == {"public": "Consultations", "embargoed": "Consultations", "draft": "Renamed"}
    with pytest.raises(ImportFileError, match="Only a publisher may publish events"):
        import_calendar(ics(event_lines(uid="new")), publish=True, may_publish=False)


def test_updates_of_published_events_are_marked_in_the_preview_before_anything_is_written(tmp_path):
    import_calendar(ics(event_lines(uid="public"), event_lines(uid="draft")))
    Event.objects.filter(uid="public").update(is_published=True)
    path = tmp_path / "partner.ics"
    path.write_bytes(ics(*(event_lines(uid=uid, sequence=1, summary="Renamed") for uid in ("public", "draft"))))
    out = StringIO()

    report = import_calendar(path.read_bytes(), dry_run=True)
    call_command("import_ics", str(path), "--dry-run", "--source", "unnamed import", stdout=out)

    assert (report.updated, report.published) == (["Renamed (public)", "Renamed (draft)"], ["Renamed (public)"])
    assert report.counts() == (
        "0 created, 2 updated, 0 unchanged, 0 skipped; 1 update changes a published event (subscribers will see it)"
    )
    assert out.getvalue().splitlines()[:2] == [
        "updated (published: subscribers will see it): Renamed (public)",
        "updated: Renamed (draft)",
    ]
    assert Event.objects.filter(title_en="Renamed").count() == 0
