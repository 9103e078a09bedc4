"""Saving an edited event: SEQUENCE for what subscribers must see, and no save over someone else's
(events/models/editing.py)."""

import datetime as dt
import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from events.models import EditConflict, Event

from ..factories import EventFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_sequence_starts_at_zero_and_goes_up_by_one_on_a_time_change():
    event = EventFactory()
    assert event.sequence == 0

    event = Event.objects.get(pk=event.pk)
    event.start += dt.timedelta(hours=1)
    event.end += dt.timedelta(hours=1)
    event.save()

    assert event.sequence == 1
    assert Event.objects.get(pk=event.pk).sequence == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title_en", "New title"),
        ("title_ru", "Новое название"),
        ("status", "cancelled"),
        ("timezone", "Europe/Minsk"),
    ],
)
def test_sequence_goes_up_on_a_change_subscribers_must_see(field, value):
    event = Event.objects.get(pk=EventFactory().pk)

    setattr(event, field, value)
    event.save()

    assert event.sequence == 1


def test_sequence_goes_up_when_the_venue_changes():
    event = Event.objects.get(pk=EventFactory().pk)

    event.venue = VenueFactory(city_en="Sochi")
    event.save()

    assert event.sequence == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description_en", "Longer text"),
        ("summary_ru", "Кратко"),
        ("agenda_en", "Talks"),
        ("is_published", False),
        ("slug", "another-slug"),
    ],
)
def test_sequence_stays_on_other_edits(field, value):
    event = Event.objects.get(pk=EventFactory().pk)

    setattr(event, field, value)
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_a_stale_copy_cannot_overwrite_a_newer_save_and_sequence_counts_each_accepted_change():
    created = EventFactory()
    first, second = Event.objects.get(pk=created.pk), Event.objects.get(pk=created.pk)

    first.title_en = "First officer's title"
    first.save()
    second.status = Event.Status.POSTPONED
    with pytest.raises(EditConflict), transaction.atomic():
        second.save()

    stored = Event.objects.get(pk=created.pk)
    assert (stored.title_en, stored.status, stored.sequence, stored.lock_version) == (
        "First officer's title",
        Event.Status.CONFIRMED,
        1,
        1,
    )
    stored.status = Event.Status.POSTPONED
    stored.save()
    assert Event.objects.values_list("sequence", "lock_version").get(pk=created.pk) == (2, 2)


def test_saving_an_event_deleted_meanwhile_is_refused_not_inserted_again():
    event = Event.objects.get(pk=EventFactory().pk)
    Event.objects.filter(pk=event.pk).delete()

    with pytest.raises(EditConflict), transaction.atomic():
        event.save()

    assert not Event.objects.filter(pk=event.pk).exists()


def test_saving_twice_without_changes_keeps_sequence():
    event = Event.objects.get(pk=EventFactory().pk)

    event.save()
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_status_change_records_its_time_and_creation_counts_as_one():
    event = Event.objects.get(pk=EventFactory().pk)
    created = event.status_changed_at
    assert abs(created - event.created_at) < dt.timedelta(seconds=1)

    event.status = Event.Status.CANCELLED
    event.save()

    assert event.status_changed_at > created


def test_updated_at_moves_on_every_save_and_created_at_does_not():
    event = Event.objects.get(pk=EventFactory().pk)
    created_at, updated_at = event.created_at, event.updated_at

    event.description_en = "More"
    event.save()

    assert (event.created_at, event.updated_at > updated_at) == (created_at, True)


def test_sequence_stays_when_a_value_is_set_again_unchanged():
    event = Event.objects.get(pk=EventFactory(timezone="Europe/Moscow").pk)

    event.timezone = "Europe/Moscow"
    event.start = event.start.astimezone(dt.timezone(dt.timedelta(hours=3)))
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_sequence_goes_up_when_saving_only_the_changed_field():
    event = Event.objects.get(pk=EventFactory().pk)

    event.status = Event.Status.CANCELLED
    event.save(update_fields=["status"])

    stored = Event.objects.get(pk=event.pk)
    assert (stored.sequence, stored.status_changed_at is not None) == (1, True)


def test_sequence_ignores_changes_left_out_of_update_fields():
    event = Event.objects.get(pk=EventFactory().pk)

    event.title_en = "Not saved"
    event.save(update_fields=["description_en"])

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_refresh_from_db_forgets_older_values():
    event = Event.objects.get(pk=EventFactory(title_en="Old").pk)
    Event.objects.filter(pk=event.pk).update(title_en="New")
    event.refresh_from_db()

    event.description_en = "Only the text"
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_empty_and_missing_russian_title_are_the_same():
    event = Event.objects.get(pk=EventFactory(title_ru=None).pk)

    event.title_ru = ""
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def event_statements(queries) -> list[str]:
    """The verbs of the statements that read or write the events table itself (not its history or relations)."""
    return [
        query["sql"].split()[0]
        for query in queries
        if re.search(r'\b(FROM|UPDATE|INTO) "events_event"( |$)', query["sql"])
    ]


@pytest.mark.parametrize(("field", "value"), [("description_en", "More"), ("title_en", "Renamed")])
def test_a_save_reads_the_row_once_under_lock_and_writes_it_once(field, value):
    event = Event.objects.get(pk=EventFactory().pk)
    setattr(event, field, value)

    with CaptureQueriesContext(connection) as captured:
        event.save()

    # The comparison is a read of the locked row, which also gives the numbers: nothing is read back after the
    # write. (A compare-and-swap in the UPDATE itself needs Django's private Model._do_update.)
    assert event_statements(captured.captured_queries) == ["SELECT", "UPDATE"]


def test_a_copy_without_its_edit_number_counts_from_the_row_as_stored():
    created = EventFactory()
    Event.objects.filter(pk=created.pk).update(sequence=3, lock_version=5)
    copy = Event.objects.only("id", "title_en").get(pk=created.pk)

    copy.title_en = "Renamed"
    copy.save()

    stored = Event.objects.values_list("title_en", "sequence", "lock_version").get(pk=created.pk)
    assert ((copy.sequence, copy.lock_version), stored) == ((4, 6), ("Renamed", 4, 6))


def test_a_refused_save_leaves_the_copy_as_read():
    created = EventFactory()
    first, second = Event.objects.get(pk=created.pk), Event.objects.get(pk=created.pk)
    first.title_en = "First officer's title"
    first.save()

    second.title_en = "Second officer's title"
    with pytest.raises(EditConflict) as refused, transaction.atomic():
        second.save()

    assert (refused.value.seen, second.seen_version, second.sequence, second.lock_version) == (0, 0, 0, 0)


def test_the_change_history_records_the_numbers_stored():
    event = Event.objects.get(pk=EventFactory().pk)

    event.title_en = "Renamed"
    event.save()

    latest = Event.history.filter(id=event.pk).order_by("-history_id").first()
    assert (latest.sequence, latest.lock_version) == (1, 1)
