"""Writing an import in bulk: new places, sources and tags, then the events, their tags and their change
history, as a save of each would write them, with a few queries for all of them."""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

from django.conf import settings
from django.db import IntegrityError, connection
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from events import freshness
from events.models import Event, Series, Source, Tag, Venue, same_value
from events.slugs import event_slug_base, free_slugs, numbered
from events.text import clean_instance

from .ics_reading import BATCH, ImportFileError

MANY_NAMESAKES = 20  # new events of one slug base, past which each prefers its own numbered slug


def batches(values: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def row_values(event: Event, fields: list, *, add: bool) -> dict:
    """The values of these fields as a save writes them to the row (auto_now times set on the event), by column."""
    return {f.attname: f.get_db_prep_save(f.pre_save(event, add), connection) for f in fields}


def update_rows(events: list[Event], names: list[str]) -> list[dict]:
    """Write these fields of each event to its row as save() writes them, with one statement run for all rows; the
    values written, by column, for each event.

    Not QuerySet.bulk_update: it builds a CASE per field and row (seconds for a thousand events), and
    django-modeltranslation's manager would turn the untranslated column "title" into the active language's one.
    """
    if not events:
        return []
    quote, fields = connection.ops.quote_name, [Event._meta.get_field(name) for name in names]
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = f"UPDATE {quote(Event._meta.db_table)} SET {assignments} WHERE {quote(Event._meta.pk.column)} = %s"
    written = [row_values(event, fields, add=False) for event in events]
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[*values.values(), event.pk] for event, values in zip(events, written, strict=True)])
    return written


def insert_rows(model, fields: list, rows: list[list]) -> list:
    """INSERT the rows (database values, in the order of fields) as bulk_create does, a batch under the database's
    cap on parameters a statement; the primary key of each row, in order.

    Not bulk_create, which prepares every value for the database itself: the change history writes the values of
    the events' rows (write_history), prepared once for both, and its rows need no model instance each.
    """
    if not rows:
        return []
    quote, ops = connection.ops.quote_name, connection.ops
    returning, returning_params = ops.return_insert_columns([model._meta.pk])
    head = f"{ops.insert_statement()} {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)})"
    keys = []
    with connection.cursor() as cursor:
        for chunk in batches(rows, min(BATCH, ops.bulk_batch_size(fields, rows))):
            values = ops.bulk_insert_sql(fields, [["%s"] * len(fields)] * len(chunk))
            cursor.execute(f"{head} {values} {returning}", [*chain.from_iterable(chunk), *returning_params])
            keys += [row[0] for row in ops.fetch_returned_insert_rows(cursor)]
    return keys


def history_user():
    """Whom the change history names for an import: the signed-in user of the admin request, as for a save."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@dataclass
class Pending:
    """An event this import writes: new, or stored and changed (tags None: its tags stay as they are)."""

    event: Event
    new: bool
    tags: list[Tag] | None = None
    slugs: list[str] = field(default_factory=list)  # for a new event: the slugs it keeps if free, in order


class EventWriter:
    """The writing half of the Importer (ics.py): its new_* rows and its pending events, written in bulk."""

    def save(self, pending: list[Pending], seen: list[Event]) -> None:
        """Write the run: new places, sources and tags, then the events, their tags and their change history."""
        now = timezone.now()
        created = [change for change in pending if change.new]
        changed = [change for change in pending if not change.new]
        try:
            self.create_vocabulary()
            written = self.create_events(created, now)
            written.update(self.update_events([change.event for change in changed], now))
            update_rows(seen, ["origin_sequence", "origin_modified"])
            links = self.write_tags(pending)
            self.write_history(created, changed, written, links, now)
        except IntegrityError as error:
            raise ImportFileError(
                _(
                    "The events cannot be written (%(error)s); an officer or another import may have changed them "
                    "meanwhile: try again."
                )
                % {"error": error}
            ) from error
        if pending:
            # Bulk writes send no signals: the data version moves on once, for the public if it sees a change (an
            # import changes no event's publication, so a public event was public before too), else for staff's
            # caches only (drafts, embargoed events).
            freshness.count(any(change.event.is_public for change in pending))

    def create_vocabulary(self) -> None:
        for model, objects in ((Venue, self.new_venues), (Source, self.new_sources)):
            for instance in objects:
                clean_instance(instance)  # what save() does, which bulk_create skips
            model.objects.bulk_create(objects, batch_size=BATCH)
        for model, named in ((Tag, self.new_tags), (Series, self.new_series)):
            slugs = free_slugs(model, [([], slug) for _row, slug in named])
            for (row, _slug), slug in zip(named, slugs, strict=True):
                row.slug = slug
                clean_instance(row)
            model.objects.bulk_create([row for row, _slug in named], batch_size=BATCH)

    def create_events(self, created: list[Pending], now: dt.datetime) -> dict[int, dict]:
        """Insert the new events, as Event.save() would: normalised, with a free slug; parts after their parent.
        The values written, by column, for each event (by its id())."""
        events = [change.event for change in created]
        for event in events:
            self.prepare(event)
        bases = [event_slug_base(change.event) for change in created]
        sizes, seen, requests = Counter(bases), Counter(), []
        for change, base in zip(created, bases, strict=True):
            # Many events of the same title and year (a file's weekly meetings) each prefer a numbered slug of their
            # own, so that free_slugs finds them free in its first round rather than in rounds of growing tries; a
            # few get what a save of each in turn would give them.
            seen[base] += 1
            own = [numbered(Event, base, seen[base])] if sizes[base] > MANY_NAMESAKES and seen[base] > 1 else []
            requests.append(([*change.slugs, *own], base))
        for event, slug in zip(events, free_slugs(Event, requests), strict=True):
            event.slug, event.status_changed_at = slug, now
        waiting, written = events, {}
        while waiting:
            ready = [event for event in waiting if event.parent is None or event.parent.pk is not None]
            for event in ready:
                if event.parent is not None:
                    event.parent_id = event.parent.pk  # inserted in the round before
            written.update(self.insert_events(ready))
            waiting = [event for event in waiting if event.pk is None]
        return written

    def update_events(self, events: list[Event], now: dt.datetime) -> dict[int, dict]:
        """Update the stored events as Event.save() would: SEQUENCE and the status time on a material change, the
        edit number, the time of the change (the rows are this transaction's: see stored_events). The values of
        each event's row, by column (by the event's id())."""
        for event in events:
            self.prepare(event)
            loaded = getattr(event, "_loaded_material", {})
            material = {name for name, value in loaded.items() if not same_value(getattr(event, name), value)}
            if material:
                event.sequence += 1
            if "status" in material:
                event.status_changed_at = now
            event.lock_version += 1
            event.updated_at = now
        kept = [f for f in Event._meta.concrete_fields if f.name in ("id", "uid", "created_at")]
        changing = [f.name for f in Event._meta.concrete_fields if f not in kept]
        rows = update_rows(events, changing)
        return {
            id(event): {**row_values(event, kept, add=False), **row} for event, row in zip(events, rows, strict=True)
        }

    @staticmethod
    def prepare(event: Event) -> None:
        """Point the foreign keys at the rows inserted since they were chosen, and normalise as save() does."""
        for name in ("event_type", "venue", "source", "series", "parent"):
            model_field = Event._meta.get_field(name)
            if model_field.is_cached(event):
                related = getattr(event, name)
                if related is not None and getattr(event, model_field.attname) != related.pk:
                    setattr(event, name, related)
        event.normalise()

    def write_tags(self, pending: list[Pending]) -> dict[int, list]:
        """Give each written event the tags of its categories, as tags.set() would; each event's rows after that."""
        through = Event.tags.through
        self.read_tag_links([change.event.pk for change in pending if not change.new])
        added, removed, links = [], [], {}
        for change in pending:
            event = change.event
            stored = self.tag_links.get(event.pk, []) if not change.new else []
            if change.tags is None:
                links[event.pk] = stored
                continue
            wanted = {tag.pk: tag for tag in change.tags}
            kept = [link for link in stored if link.tag_id in wanted]
            removed += [link.pk for link in stored if link.tag_id not in wanted]
            present = {link.tag_id for link in kept}
            new = [through(event_id=event.pk, tag_id=pk) for pk in wanted if pk not in present]
            added += new
            links[event.pk] = kept + new
        for chunk in batches(removed):
            through.objects.filter(pk__in=chunk).delete()
        through.objects.bulk_create(added, batch_size=BATCH)
        return links

    def insert_events(self, events: list[Event]) -> dict[int, dict]:
        """Insert new events as bulk_create would (their related rows checked saved, auto_now times set); the values
        written, by column, for each event (by its id())."""
        fields = [f for f in Event._meta.concrete_fields if not f.primary_key]
        written = {}
        for event in events:
            event._prepare_related_fields_for_save(operation_name="bulk_create")
            written[id(event)] = row_values(event, fields, add=True)
        keys = insert_rows(Event, fields, [list(written[id(event)].values()) for event in events])
        for event, key in zip(events, keys, strict=True):
            event.pk, event._state.adding, event._state.db = key, False, connection.alias
            written[id(event)][Event._meta.pk.attname] = key
        return written

    def write_history(
        self, created: list[Pending], changed: list[Pending], written: dict[int, dict], links: dict[int, list], now
    ) -> None:
        """One change-history record per written event, as a save writes it (the row's values, the time, the user),
        with its tags and organisers; the values are those just written to the event's row."""
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        history, user, records = Event.history.model, history_user(), []
        fields = [f for f in history._meta.concrete_fields if not f.primary_key]
        for changes, kind in ((created, "+"), (changed, "~")):
            events = [change.event for change in changes]
            own = {"history_date": now, "history_change_reason": "", "history_type": kind,
                   "history_user_id": user.pk if user is not None else None}  # fmt: skip
            own = {f.attname: f.get_db_prep_save(own[f.attname], connection) for f in fields if f.attname in own}
            rows = [[{**written[id(event)], **own}[f.attname] for f in fields] for event in events]
            records += zip(events, insert_rows(history, fields, rows), strict=True)
        organisers = defaultdict(list)
        for chunk in batches([change.event.pk for change in changed]):
            for link in Event.organisers.through.objects.filter(event_id__in=chunk):
                organisers[link.event_id].append(link)
        for m2m_field, rows_of in (("tags", links), ("organisers", organisers)):
            through, copies = Event._meta.get_field(m2m_field).remote_field.through, []
            copy_model = getattr(history, m2m_field).model
            for event, record in records:
                for link in rows_of.get(event.pk, ()):
                    values = {f.attname: getattr(link, f.attname) for f in through._meta.fields}
                    copies.append(copy_model(history_id=record, **values))
            copy_model.objects.bulk_create(copies, batch_size=BATCH)
