"""What a save of an edited event must know about the event as it was read: two small model mixins.

CheckedEdits refuses a save over someone else's (optimistic locking on lock_version); TrackedChanges remembers the
values read, so that a save can tell what a calendar subscriber must see as changed (SEQUENCE, RFC 5545) and whether
the publication changed.
"""

from django.db import router, transaction
from django.utils import timezone

# Event fields whose change a calendar subscriber must see: a change to any of
# them bumps Event.sequence (RFC 5545 SEQUENCE), so clients replace their copy.
MATERIAL_FIELDS = (
    "title_en",
    "title_ru",
    "status",
    "date_precision",
    "all_day",
    "start_date",
    "end_date",
    "start",
    "end",
    "timezone",
    "venue_id",
)

# What decides whether the public sees an event: changing them (or any field of a published event) needs the
# publish permission.
PUBLICATION_FIELDS = ("is_published", "publish_at")

# What decides whether a save changes the event's address (see addresses.py): remembered with the publication fields.
ADDRESS_FIELDS = ("slug", "slug_fixed")


class EditConflict(Exception):
    """A save of an event that someone else saved (or deleted) after it was read."""

    def __init__(self, event, seen: int | None):
        super().__init__(f"Event {event.pk} changed since edit {seen} was read.")
        self.event = event
        self.seen = seen


def same_value(first, second) -> bool:
    """Compare field values, taking an empty text and no text as the same."""
    return first == second or (first in (None, "") and second in (None, ""))


class CheckedEdits:
    """Save a stored row only if it still holds the edit number that was read (seen_version), else EditConflict.

    Each save adds one to lock_version. The save locks the row, compares and writes in one transaction: a second
    save of the same edit waits for the first (SELECT ... FOR UPDATE on PostgreSQL, the write lock that an
    IMMEDIATE transaction takes on SQLite) and then finds the row changed. A row deleted meanwhile is never
    inserted again. The numbers are read from the locked row, so the change history records the values stored.
    Whoever knows better what was read (the admin form) sets seen_version; None compares with nothing.
    """

    seen_version: int | None = None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.remember_version()
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None or "lock_version" in fields:
            self.remember_version()

    def save(self, *args, **kwargs):
        if self.pk is None or self._state.adding:
            super().save(*args, **kwargs)
            self.remember_version()
            return
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "lock_version"}
        # The numbers as they were, to put back if the save fails (a deferred one is not read: that would query).
        read = {name: self.__dict__[name] for name in ("lock_version", "sequence") if name in self.__dict__}
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        # No savepoint of its own: inside a transaction a failure marks it for rollback, as Model.save() does.
        with transaction.atomic(using=using, savepoint=False):
            stored = (
                type(self)
                ._base_manager.using(using)
                .select_for_update()
                .filter(pk=self.pk)
                .values_list("lock_version", "sequence")
                .first()
            )
            if stored is None or (self.seen_version is not None and stored[0] != self.seen_version):
                # Changed or deleted meanwhile: refuse, rather than overwrite it or insert a deleted event again.
                raise EditConflict(self, self.seen_version)
            version, sequence = stored
            # The stored SEQUENCE too, which TrackedChanges counts this save's change from.
            self.lock_version, self.sequence = version + 1, sequence
            try:
                super().save(*args, **kwargs)
            except BaseException:
                for name, value in read.items():
                    setattr(self, name, value)
                raise
        self.remember_version()

    def remember_version(self) -> None:
        """Take the loaded edit number as the one the next save compares with (a deferred one is not read)."""
        if "lock_version" in self.__dict__:
            self.seen_version = self.__dict__["lock_version"]


class TrackedChanges:
    """Remember the stored values of the material and publication fields, to tell at the next save what changed.

    A save that changes a material field counts one more SEQUENCE (from the stored one: see CheckedEdits), and
    one that changes the status records when.
    """

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_material, instance._loaded_publication = {}, {}
        instance._remember_material()
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        self._remember_material(fields)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        loaded = getattr(self, "_loaded_material", None)
        if self.pk is not None and loaded:
            changed = {
                name
                for name, value in loaded.items()
                if not same_value(getattr(self, name), value)
                and (update_fields is None or name.removesuffix("_id") in update_fields or name in update_fields)
            }
            if changed:
                self.sequence += 1
            if "status" in changed:
                self.status_changed_at = timezone.now()
            if changed and update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence", "status_changed_at", "updated_at"}
        super().save(*args, **kwargs)
        self._remember_material()

    def stored(self, name: str):
        """A publication or address field (PUBLICATION_FIELDS, ADDRESS_FIELDS) as last read from the database: None
        for a new event, and the present value for one never read (an old version from the history)."""
        if self.pk is None:
            return None
        return getattr(self, "_loaded_publication", {}).get(name, getattr(self, name))

    def _remember_material(self, fields=None) -> None:
        """Note the stored values of the material fields, to see at the next save what changed."""
        if not hasattr(self, "_loaded_material"):
            self._loaded_material = {}
        if not hasattr(self, "_loaded_publication"):
            self._loaded_publication = {}
        for name in (*PUBLICATION_FIELDS, *ADDRESS_FIELDS):
            if (fields is None or name in fields) and name in self.__dict__:
                self._loaded_publication[name] = self.__dict__[name]
        for name in MATERIAL_FIELDS:
            # Only fields actually loaded: reading a deferred one would query again.
            wanted = fields is None or name in fields or name.removesuffix("_id") in fields
            if wanted and name in self.__dict__:
                self._loaded_material[name] = self.__dict__[name]
