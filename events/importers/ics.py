"""Import events from iCalendar files (partners' feeds, this service's own exports): upsert by UID.

A file is read whole and checked before anything is written: size, encoding
(UTF-8, as RFC 5545 requires), nesting of BEGIN/END, the number of events and
of expanded occurrences, every event's DTSTART and UID, and every date it
gives (inside the years 1-9999, DURATION included). A file that fails any
check raises ImportFileError naming the problem, and nothing is written.
Then all events are written in one transaction (rolled back for a dry run).

Every import names its source (the partner, or the file's address), and the
events it creates belong to that source (Event.imported_from). A later file
updates or cancels only events of its own source: a known UID that belongs to
an event made in this calendar, or to another source, is reported as a
conflict and left alone, and so is a RELATED-TO parent that the source does
not own. Without the publish permission (may_publish=False), a newer version
of a published event is a conflict too.

An event whose UID is known is updated only when the file's version is newer
(a higher SEQUENCE, or the same SEQUENCE and a later LAST-MODIFIED); the same
file imported twice changes nothing. STATUS:CANCELLED cancels. Recurring
events (RRULE/RDATE) become a series with one event per occurrence inside a
window around today, with UIDs "<UID>/<start>" so that re-imports find them.
The X-DIPCAL-* properties of this service's own feeds give back each event's
own title, texts, type, date precision and "postponed" (see ical.py).

The work does not grow in queries with the number of events: the events,
places, tags and sources a file names are read with one query per kind, and
written with bulk inserts and updates (and their change history), so that a
preview of thousands of events fits in a request.

Here the import as a whole and what it decides for each event; the file's
checks are in ics_reading.py, recurrences in ics_recurrence.py, the values a
VEVENT gives in ics_mapping.py (places and sources found by the rules of
events/shared.py, as every writer finds them) and the bulk writes, which move
the data version themselves, in ics_writing.py.
"""

import copy
import functools
import os
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.query_utils import DeferredAttribute
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from events import shared
from events.models import Event, Series, Source, Tag, Venue
from events.slugs import event_words
from events.text import clean_line

from .ics_checks import EventChecker, Skip
from .ics_mapping import EventMapper
from .ics_reading import ImportFileError, ImportReport, own_export, parent_uids, parse_calendar, text
from .ics_recurrence import Incoming, import_window, incoming_events
from .ics_types import TypeVocabulary
from .ics_writing import EventWriter, Pending, batches

# The source of an import that names none (scripts, tests): the command and the admin always name one.
UNNAMED_SOURCE = "unnamed import"


UNREAD = object()  # a deferred field's value, never remembered as valid


@functools.cache
def remembered_fields() -> list[tuple[str, str]]:
    """(name, attname) of the fields whose valid values Importer.validate remembers: those not in NOT_VALIDATED and
    read as stored on the event (not through django-modeltranslation's descriptor, which picks a language)."""
    return [
        (model_field.name, model_field.attname)
        for model_field in Event._meta.fields
        if model_field.name not in Importer.NOT_VALIDATED
        and isinstance(getattr(Event, model_field.attname, None), DeferredAttribute)
    ]


def source_name(value: str) -> str:
    """The name an import's events belong to, as stored: one line, trimmed; ImportFileError if empty or too long."""
    name = clean_line(value).strip()
    longest = Event._meta.get_field("imported_from").max_length
    if not name:
        raise ImportFileError(_("Name the source of the file: the partner, or the address of its feed."))
    if len(name) > longest:
        raise ImportFileError(
            _("The name of the source is longer than %(max)d characters; give a shorter one.") % {"max": longest}
        )
    return name


def location_source(location: str) -> str:
    """The default source of a file read by the command: its address, or the absolute path of a local file."""
    location = location.strip()
    if location.startswith(("http://", "https://")):
        return location
    # Not resolved: a link that points at each day's file names the same feed every day.
    return os.path.abspath(location)


def uid_prefix(prefix: str) -> Q:
    """The UIDs that start with prefix. On SQLite also as a range, which the UID index serves: its LIKE is a Python
    function there (see sqlite.py) that no index can."""
    condition = Q(uid__startswith=prefix)
    if connection.vendor == "sqlite":
        # SQLite compares text byte by byte: the UIDs that start with "x/" lie from "x/" up to "x0".
        condition &= Q(uid__gte=prefix, uid__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1))
    return condition


class Importer(EventMapper, EventWriter):
    """Write the incoming events; the officer's options are the constructor's arguments.

    A run reads what the file names (stored events, places, tags, sources) with one query per kind, decides
    every event in memory, and writes with bulk queries; the objects to create wait in new_* until then.
    """

    # Not checked by full_clean, which would query once per event for each: the foreign keys point at rows this
    # run found or makes, UIDs are matched before, slugs are chosen free (free_slugs), and the check constraints
    # say what clean() checks. The database still refuses a duplicate (IntegrityError, reported).
    NOT_VALIDATED = ["slug", "event_type", "venue", "source", "series", "parent"]

    def __init__(
        self,
        *,
        source: str = UNNAMED_SOURCE,
        may_publish: bool = True,
        default_type=None,
        publish=False,
        category_map=None,
        language="en",
        zone=None,
        now=None,
        lock=False,
        strict=False,
        write=True,
    ):
        self.source = source_name(source)
        self.write = write
        if publish and not may_publish:
            raise ImportFileError(_("Only a publisher may publish events: import them as drafts."))
        self.may_publish = may_publish
        self.default_type = default_type
        self.publish = publish
        self.category_map = {key.casefold(): value for key, value in (category_map or {}).items()}
        self.language = language
        self.zone = zone or settings.TIME_ZONE
        self.now = now or timezone.now()
        self.lock = lock
        self.strict = strict
        self.types = TypeVocabulary()
        self.noted: set[tuple[str, str]] = set()  # (series UID, note): a series' notes are given once
        self.series: dict[str, Series] = {}  # by the UID of the recurring VEVENT
        self.stored_series: dict[str, list[Series]] = {}  # by name, those read and those to create
        self.new_series: list[tuple[Series, str]] = []  # with the slug it is named by
        self.places: dict[str, shared.Place | None] = {}  # by LOCATION
        self.venues: dict[shared.Place, Venue] = {}
        self.new_venues: list[Venue] = []
        self.tags_by_slug: dict[str, list[Tag]] = defaultdict(list)
        self.tags_by_name: dict[str, list[Tag]] = defaultdict(list)
        self.new_tags: list[tuple[Tag, str]] = []  # with the slug it is named by
        self.sources: dict[str, Source] = {}
        self.new_sources: list[Source] = []
        self.tag_links: dict[int, list] = {}  # a stored event's rows of Event.tags.through, by its id
        self.blank: Event | None = None  # what each new event starts as (see new_event)
        self.valid: set[tuple] = set()  # (field, type, value): the values that passed their field's checks

    def run(self, items: list[Incoming], report: ImportReport) -> None:
        self.read_vocabulary(items)
        stored = self.stored_events([item.uid for item in items])
        pending: list[Pending] = []
        seen: list[Event] = []  # unchanged, but with a newer version number to remember
        parts: list[tuple[Event, Incoming]] = []
        for item in items:
            try:
                event = self.consider(item, stored.get(item.uid), report, pending, seen)
            except ArithmeticError as error:  # out_of_range() catches dates; this names anything else that overflows
                self.skip(item, _("a value in it is out of range (%(error)s)") % {"error": error}, report)
                continue
            except Skip as why:
                self.skip(item, str(why), report)
                continue
            if event is not None and "RELATED-TO" in item.vevent:
                parts.append((event, item))
        self.cancel_dropped_occurrences(items, pending, report)
        self.attach_parents(parts, stored, pending, report)
        if self.write:
            self.save(pending, seen)

    def skip(self, item: Incoming, why: str, report: ImportReport) -> None:
        """Leave out an event that cannot be stored, with the reason; with strict, refuse the file instead."""
        if self.strict:
            raise ImportFileError(_("%(event)s cannot be imported: %(errors)s") % {"event": item.label, "errors": why})
        report.skipped.append((item.label, why))

    # Deciding, in memory --------------------------------------------------------------------------------------

    def consider(
        self, item: Incoming, event: Event | None, report: ImportReport, pending: list[Pending], seen: list[Event]
    ) -> Event | None:
        """Decide what the item does to its event, and prepare the change; the event, unless left alone."""
        vevent = item.vevent
        sequence = int(vevent.get("SEQUENCE", 0) or 0)
        modified = self.instant(vevent, "LAST-MODIFIED") or self.instant(vevent, "DTSTAMP")
        new = event is None
        slugs = []
        if event is None:
            event = self.new_event(item.uid)
            if own_export(vevent) and text(vevent, "URL"):
                # Keep the page address of the exporting site when it is free here.
                slug = text(vevent, "URL").rstrip("/").rsplit("/", 1)[-1]
                if slugify(slug) == slug:
                    slugs.append(slug)
        else:
            conflict = self.not_ours(event)
            if conflict:
                report.conflicts.append((item.label, conflict))
                return None
            known = (
                event.origin_sequence if event.origin_sequence is not None else event.sequence,
                (event.origin_modified or event.updated_at).replace(microsecond=0),  # iCalendar has whole seconds
            )
            version = (sequence, modified or known[1])
            if version == known:
                # The version already imported: nothing changes, not even what an officer edited since.
                report.unchanged.append(item.label)
                return event
            if version < known:
                if sequence < known[0]:
                    why = _("older than the stored version (SEQUENCE %(file)d, stored %(stored)d)") % {
                        "file": sequence, "stored": known[0]}  # fmt: skip
                else:
                    moments = {"file": f"{version[1]:%Y-%m-%d %H:%M:%S}", "stored": f"{known[1]:%Y-%m-%d %H:%M:%S}"}
                    why = _("older than the stored version (LAST-MODIFIED %(file)s, stored %(stored)s)") % moments
                report.skipped.append((item.label, why))
                return None
            if event.is_published and not self.may_publish:
                # Decided before the file's content is read: what the public sees is a publisher's decision.
                why = _("the event is published: updating it needs the publish permission")
                report.conflicts.append((item.label, why))
                return None
        before = self.snapshot(event) if not new else None
        floating = self.fill(event, item, report)
        if new and item.series_of is not None:
            # One slug per occurrence from its date, rather than a search for a free "-2", "-3"... per occurrence.
            slugs.append(f"{event_words(event)}-{item.uid.rsplit('/', 1)[1].lower()}")
        if new:
            # A floating time is a guess about the zone: such an event waits, as a draft, for an officer.
            event.is_published = self.publish and not floating
        event.origin_sequence, event.origin_modified = sequence, modified
        self.validate(event, item.label)
        tags = self.tags(vevent)
        if not new and before == self.snapshot(event) and self.tag_ids(event) == {tag.pk for tag in tags}:
            report.unchanged.append(item.label)
            seen.append(event)
            return event
        pending.append(Pending(event, new, tags, slugs))
        if new:
            report.created.append(item.label)
        else:
            self.report_update(event, item.label, report)
        return event

    def not_ours(self, event: Event) -> str:
        """Why this import may not change a stored event: made in this calendar, or another source's ("" if ours)."""
        if event.imported_from == self.source:
            return ""
        if not event.imported_from:
            return _("UID %(uid)s belongs to an event made in this calendar: not changed") % {"uid": event.uid}
        return _("UID %(uid)s belongs to an event imported from %(source)s: not changed") % {
            "uid": event.uid, "source": event.imported_from}  # fmt: skip

    @staticmethod
    def report_update(event: Event, label: str, report: ImportReport) -> None:
        report.updated.append(label)
        if event.is_published:
            report.published.append(label)

    def cancel_dropped_occurrences(self, items: list[Incoming], pending: list[Pending], report: ImportReport) -> None:
        """Occurrences this source imported before, inside the window, that their series in the file no longer has:
        cancelled."""
        first, last = import_window(self.now)
        kept = {item.uid for item in items}
        masters = sorted({str(item.series_of["UID"]) for item in items if item.series_of is not None})
        for chunk in batches(masters, 100):
            prefixes = Q()
            for master in chunk:
                prefixes |= uid_prefix(f"{master}/")
            dropped = Event.objects.filter(
                prefixes, imported_from=self.source, start_date__range=(first.date(), last.date())
            ).exclude(status=Event.Status.CANCELLED)
            if self.lock:
                dropped = dropped.select_for_update(of=("self",))
            for event in dropped.order_by("start_date", "uid"):
                if event.uid in kept:
                    continue
                label = f"{event.title} ({event.uid})"
                if event.is_published and not self.may_publish:
                    why = _("no longer in its series, but published: cancelling it needs the publish permission")
                    report.conflicts.append((label, why))
                    continue
                event.status = Event.Status.CANCELLED
                pending.append(Pending(event, new=False))
                self.report_update(event, label, report)
                report.notes.append((label, _("no longer in its series: cancelled")))

    def attach_parents(
        self, parts: list[tuple[Event, Incoming]], stored: dict[str, Event], pending: list[Pending], report
    ) -> None:
        """RELATED-TO;RELTYPE=PARENT makes an event a part of another, found by UID, if this source owns both."""
        known = {change.event.uid: change.event for change in pending}
        for uid, event in stored.items():
            known.setdefault(uid, event)
        wanted = {uid for _event, item in parts for uid in parent_uids(item.vevent)}
        for chunk in batches(sorted(wanted - known.keys())):
            known.update((event.uid, event) for event in Event.objects.filter(uid__in=chunk))
        writing = {id(change.event) for change in pending}
        for event, item in parts:
            for uid in parent_uids(item.vevent):
                parent = known.get(uid)
                if parent is None or parent is event or (parent.pk is not None and parent.pk == event.parent_id):
                    continue
                if parent.imported_from != self.source:
                    owner = (
                        _("an event made in this calendar")
                        if not parent.imported_from
                        else _("an event imported from %(source)s") % {"source": parent.imported_from}
                    )
                    why = _("RELATED-TO names %(uid)s, %(owner)s: not made a part of it")
                    report.conflicts.append((item.label, why % {"uid": uid, "owner": owner}))
                    continue
                if event.is_published and not self.may_publish:
                    why = _("the event is published: making it a part of %(uid)s needs the publish permission")
                    report.conflicts.append((item.label, why % {"uid": uid}))
                    continue
                event.parent = parent
                self.refuse_cycle(event, item.label)
                self.validate(event, event.uid)
                if id(event) not in writing:
                    # A new parent for an event otherwise unchanged: written, as before, without a line in the report.
                    pending.append(Pending(event, new=False))
                    writing.add(id(event))

    @staticmethod
    def refuse_cycle(event: Event, label: str) -> None:
        """Refuse a part that would be its own ancestor; clean() finds such loops only among saved events."""
        ancestor, seen = event.parent, set()
        while ancestor is not None and id(ancestor) not in seen:
            if ancestor is event or (event.pk is not None and ancestor.pk == event.pk):
                errors = "parent: " + _("An event cannot be a part of itself or of one of its own parts.")
                message = _("%(event)s cannot be imported: %(errors)s") % {"event": label, "errors": errors}
                raise ImportFileError(message)
            seen.add(id(ancestor))
            ancestor = ancestor.parent

    @staticmethod
    def snapshot(event: Event) -> dict:
        ignore = {"id", "sequence", "lock_version", "created_at", "updated_at", "status_changed_at", "origin_sequence",
                  "origin_modified"}  # fmt: skip
        values = {}
        for model_field in Event._meta.concrete_fields:
            if model_field.attname in ignore:
                continue
            value = getattr(event, model_field.attname)
            if value is None and model_field.is_relation and model_field.is_cached(event):
                # A place, source or parent this run creates: no id yet, but not the same as none.
                value = "new" if getattr(event, model_field.name) is not None else None
            values[model_field.attname] = str(value)
        return values

    def new_event(self, uid: str) -> Event:
        """A new event of this import: a copy of one made once, as Event() costs ten times more (its translated
        fields switch the active language to find each default)."""
        if self.blank is None:
            self.blank = Event(is_published=False, imported_from=self.source)
        event = copy.copy(self.blank)
        event.uid = uid
        return event

    def validate(self, event: Event, label: str) -> None:
        """full_clean, but for what NOT_VALIDATED names and for a value its field passed before in this run: a
        field's checks depend on its value alone, and the events of a file share many (their zone, whose check
        looks through some 600 names, status, type...). A value is remembered only if the checks left it as it was.
        The translated fields (title...) are checked in their language's columns (title_en...), which have their
        checks, English being required: their own value is one of those, found by a costly language lookup."""
        fresh = [(name, key) for name, key in self.field_values(event) if not self.known(key)]
        checked = {name for name, _key in fresh}
        errors = {}
        try:
            event.clean_fields(
                exclude=[model_field.name for model_field in Event._meta.fields if model_field.name not in checked]
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        after = dict(self.field_values(event))
        self.valid.update(key for name, key in fresh if name not in errors and after[name] == key)
        try:
            event.clean()  # as full_clean does, also after a field failed
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            messages = ValidationError(errors).message_dict
            raise Skip("; ".join(f"{name}: {' '.join(m)}" for name, m in messages.items()))

    def field_values(self, event: Event):
        """(field name, (field name, type, value)) of each remembered field, as clean_fields reads it."""
        values = event.__dict__
        for name, attname in remembered_fields():
            value = values.get(attname, UNREAD)
            yield name, (name, type(value), value)

    def known(self, key: tuple) -> bool:
        try:
            return key in self.valid
        except TypeError:  # not hashable: checked each time
            return False

    # Reading what the file names, one query per kind ---------------------------------------------------------

    def stored_events(self, uids: list[str]) -> dict[str, Event]:
        """The stored events with these UIDs, with their parents and the rows of their tags."""
        found: dict[str, Event] = {}
        for chunk in batches(sorted(set(uids))):
            query = Event.objects.filter(uid__in=chunk).select_related("parent")
            if self.lock:
                # Held until the import commits (PostgreSQL; SQLite writes one transaction at a time): an edit
                # saved meanwhile is not overwritten unseen, as the edit number (lock_version) guards a save.
                query = query.select_for_update(of=("self",))
            found.update((event.uid, event) for event in query)
        self.read_tag_links([event.pk for event in found.values()])
        return found

    def read_tag_links(self, ids: list[int]) -> None:
        ids = sorted(set(ids) - self.tag_links.keys())
        for pk in ids:
            self.tag_links[pk] = []
        for chunk in batches(ids):
            for link in Event.tags.through.objects.filter(event_id__in=chunk):
                self.tag_links[link.event_id].append(link)

    def tag_ids(self, event: Event) -> set:
        return {link.tag_id for link in self.tag_links.get(event.pk, ())}


def import_calendar(
    data: bytes,
    *,
    dry_run: bool = False,
    source: str = UNNAMED_SOURCE,
    may_publish: bool = True,
    strict: bool = False,
    **options,
) -> ImportReport:
    """Import an iCalendar file's events for a source in one transaction; nothing at all for a dry run.

    An event that cannot be read is skipped with the reason and the rest imports, unless strict, which refuses the
    whole file instead (ImportFileError, as for what is not a calendar at all or is over the caps). source: whom the
    events belong to (a later import changes only its own); may_publish: whether the importing user may publish
    (the command may; the admin page asks the publish permission), without which a newer version of a published
    event is a conflict. The other options are Importer's.
    """
    report = ImportReport(dry_run=dry_run)
    # A dry run (the preview) decides and checks every event as the import does, and writes nothing: what only the
    # database can refuse (a row another import wrote meanwhile) shows at the import itself.
    importer = Importer(
        source=source, may_publish=may_publish, lock=not dry_run, strict=strict, write=not dry_run, **options
    )
    calendar, lines = parse_calendar(data, report)
    checker = EventChecker(calendar, lines, report, strict=strict, window=import_window(importer.now))
    items = incoming_events(checker.readable(), calendar.walk("VTIMEZONE"), importer.now, report, strict)
    with transaction.atomic():
        importer.run(items, report)
        if dry_run:
            transaction.set_rollback(True)
    return report
