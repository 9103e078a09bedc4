"""The change history of events (django-simple-history): what changed between two versions.

Used by the admin's history page and by the message an officer sees when someone else saved the
event while they were editing it.
"""

import dataclasses
import datetime as dt

from django.db.models.signals import pre_save
from django.utils.translation import gettext as _
from simple_history.template_utils import HistoricalRecordContextHelper

from .models import Event

# Bookkeeping that every save moves, and the untranslated columns django-modeltranslation keeps beside
# the English and Russian ones: not what an officer changed.
NOT_SHOWN = [
    "title",
    "summary",
    "description",
    "agenda",
    "sequence",
    "lock_version",
    "created_at",
    "updated_at",
    "status_changed_at",
    "origin_sequence",
    "origin_modified",
]


def changes_between(older, newer) -> list[dict]:
    """The fields that differ between two historical records, as {field, old, new} for display."""
    delta = newer.diff_against(older, excluded_fields=NOT_SHOWN, foreign_keys_are_objs=True)
    # An empty translation may be stored as NULL or as "": the same to a reader.
    changes = [
        _with_labels(change) for change in delta.changes if not (change.old in (None, "") and change.new in (None, ""))
    ]
    return HistoricalRecordContextHelper(Event, newer).context_for_delta_changes(
        dataclasses.replace(delta, changes=changes)
    )


def _with_labels(change):
    """A choice shown by its label ("postponed", "перенесено"), not its stored key."""
    labels = dict(Event._meta.get_field(change.field).flatchoices or ())
    if not labels:
        return change
    return dataclasses.replace(change, old=labels.get(change.old, change.old), new=labels.get(change.new, change.new))


def conflict_messages(event_pk: int, seen: int) -> list[str]:
    """What to tell an officer whose copy (edit number seen) is out of date: who changed what since."""
    records = Event.history.filter(id=event_pk).select_related("history_user").order_by("-history_id")
    latest = records.first()
    if latest is None or latest.history_type == "-":
        return [_("Someone else deleted this event while you were editing it. Nothing was saved.")]
    who = _display_user(latest.history_user)
    when = latest.history_date.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
    lines = [
        _(
            "%(who)s saved this event at %(when)s UTC while you were editing it, so your changes were not "
            "saved. They are still in the form below."
        )
        % {"who": who, "when": when}
    ]
    seen_record = records.filter(lock_version=seen).first()
    changes = changes_between(seen_record, latest) if seen_record is not None else []
    if changes:
        lines.append(_("Their changes:"))
        lines += [f"{change['field']}: {change['old'] or '—'} → {change['new'] or '—'}" for change in changes]
    lines.append(_("Save again to replace their version with yours, or reload the page to start again from theirs."))
    return lines


def _display_user(user) -> str:
    if user is None:
        return _("Someone else (an import or a script)")
    return user.get_full_name() or user.get_username()


def _loaded_from_a_fixture(sender, instance, raw=False, **kwargs):
    """Loading a fixture or a backup restores history; it must not add versions (its tags would, one by one)."""
    if raw:
        instance.skip_history_when_saving = True


def connect() -> None:
    pre_save.connect(_loaded_from_a_fixture, sender=Event, dispatch_uid="events.history.fixtures")
