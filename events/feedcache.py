"""Public feeds written from caches: the common poll and the common edit at the cost of a few light queries.

A feed is cached whole, in parts, under its ETag (feeds.py). When anything
changes, the feed is written again here, but each event's VEVENT comes from
the cache as long as nothing it is made of changed: rows of plain values
name each VEVENT (ical.vevent_key), and only the events whose VEVENT is not
cached are made into model instances, from those same rows (no second
query), and serialised by icalendar. After one edit, one event is
serialised; the rest is reading values and the cache.

The selection's ids are read first, in order, by one query with all its
filters; then the rows, CHUNK_SIZE events at a time, so memory holds the ids,
one chunk of rows and the parts written so far, never the feed twice. All of
it is read from one snapshot of the database (snapshot()), so an officer's
edit during the build is seen whole or not at all: never an event read public
with the people or topics it was given as a draft.
"""

import contextlib
import datetime as dt
import functools

from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import QuerySet

from . import ical
from .models import Event, EventType, Participation, Person, Source, Tag, Venue

# The related rows a VEVENT shows, as ical.made_of() reads them from instances.
SHOWN = (("event_type", EventType), ("venue", Venue), ("source", Source), ("parent", Event))


def columns(model, prefix: str = "") -> list[str]:
    return [f"{prefix}{field.attname}" for field in model._meta.concrete_fields]


EVENT_FIELDS = columns(Event)
POSITION = {name: index for index, name in enumerate(EVENT_FIELDS)}


def _spans() -> list[tuple[int, int]]:
    """Where each shown relation's values are within a row."""
    spans, first = [], len(EVENT_FIELDS)
    for _relation, model in SHOWN:
        spans.append((first, first + len(model._meta.concrete_fields)))
        first = spans[-1][1]
    return spans


SPANS = _spans()
# Where a participation's place in the list is, within its row.
ORDER = columns(Participation).index("order")
ZONE_FIELDS = ("all_day", "timezone", "start", "end", "start_date", "end_date")


@functools.cache
def row_query() -> QuerySet:
    """The rows of events and of what they show, as stored values: the 150-odd columns are resolved once per process.

    Stored values, as instances hold them: modeltranslation would otherwise rename translated fields.
    """
    selected = list(EVENT_FIELDS)
    for relation, model in SHOWN:
        selected.extend(columns(model, f"{relation}__"))
    return Event.objects.rewrite(False).dated().values_list(*selected)


@functools.cache
def tag_query() -> QuerySet:
    """Rows of (event id, values of a tag of the event)."""
    return Event.tags.through.objects.values_list("event_id", *columns(Tag, "tag__"))


@functools.cache
def people_query() -> QuerySet:
    """Rows of (event id, values of a participation, values of its person), in the order they are listed."""
    return Participation.objects.rewrite(False).values_list(
        "event_id", *columns(Participation), *columns(Person, "person__")
    )


def write_public_feed(
    events: QuerySet[Event],
    *,
    name: str,
    description: str,
    base_url: str | None,
    now: dt.datetime,
    timeout: int | None,
) -> list[bytes]:
    """The parts of the public calendar of events: what ical.write_calendar() writes, from cached VEVENTs."""
    using = events.db
    zone_years: dict[str, tuple[int, int]] = {}
    body = []
    with snapshot(using):
        # The selection's ids, in order, then the rows a chunk at a time: the selection's query (with all its
        # filters) is run once, and no server-side cursor is held open for it.
        ids = list(events.dated().chronological().values_list("pk", flat=True))
        for chunk in ical.chunks(ids):
            tags = by_event(tag_query().using(using).filter(event_id__in=chunk))
            people = by_event(people_query().using(using).filter(event_id__in=chunk))
            # Public only, whatever the ids came from.
            rows = {values[0]: values for values in row_query().using(using).public(now).filter(pk__in=chunk)}
            keys, made_ofs = [], []
            for event_id in chunk:
                values = rows.get(event_id)
                if values is None:
                    continue  # not public
                ical.note_zones(Values({field: values[POSITION[field]] for field in ZONE_FIELDS}), zone_years)
                shown = [values[first:last] if values[first] is not None else None for first, last in SPANS]
                parent = shown[3]
                parent_visible = parent is not None and ical.visible(
                    parent[POSITION["is_published"]], parent[POSITION["publish_at"]], now
                )
                made_of = (
                    values[: len(EVENT_FIELDS)],
                    *shown,
                    parent_visible,
                    sorted(tags.get(event_id, []), key=repr),
                    sorted(people.get(event_id, []), key=repr),
                )
                keys.append(ical.vevent_key(made_of, base_url=base_url))
                made_ofs.append(made_of)
            found = cache.get_many(keys)
            made = {}
            for key, made_of in zip(keys, made_ofs, strict=True):
                if key not in found and key not in made:
                    made[key] = ical.event_to_vevent(instance(made_of, using), base_url=base_url, now=now).to_ical()
            if made:
                cache.set_many(made, timeout)
                found.update(made)
            body.append(b"".join(found[key] for key in keys))
    return ical.assemble(name=name, description=description, zone_years=zone_years, body=body)


@contextlib.contextmanager
def snapshot(using: str):
    """Read everything within from one state of the database.

    PostgreSQL: a REPEATABLE READ transaction (reads only, so it never fails
    to serialise). SQLite: any transaction reads one state. Within a caller's
    transaction, the caller's isolation stands.
    """
    connection = connections[using]
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor == "sqlite":
        # Writers begin IMMEDIATE (settings): a read-only snapshot begins DEFERRED, so that it takes no write lock
        # and a feed's build never makes an officer's save wait (the write-ahead log keeps readers apart).
        connection.ensure_connection()
        mode, connection.transaction_mode = connection.transaction_mode, "DEFERRED"
        try:
            with transaction.atomic(using=using):
                yield
        finally:
            connection.transaction_mode = mode
        return
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def instance(made_of: tuple, using: str) -> Event:
    """The event a VEVENT is made of, as if fetched with FEED_RELATED and FEED_PREFETCH, from its rows of values."""
    values, *shown, _parent_visible, tags, people = made_of
    event = Event.from_db(using, EVENT_FIELDS, values)
    for (relation, model), related in zip(SHOWN, shown, strict=True):
        Event._meta.get_field(relation).set_cached_value(
            event, model.from_db(using, None, related) if related else None
        )
    participations = []
    width = len(Participation._meta.concrete_fields)
    # In the order the participants are listed (Participation.Meta.ordering), as the prefetch would give them.
    for row in sorted(people, key=lambda row: (row[ORDER], row[0])):
        participation = Participation.from_db(using, None, row[:width])
        Participation._meta.get_field("person").set_cached_value(
            participation, Person.from_db(using, None, row[width:])
        )
        participations.append(participation)
    prefetched(event, "participations", participations, Participation)
    prefetched(event, "tags", [Tag.from_db(using, None, row) for row in tags], Tag)
    return event


def prefetched(instance, name: str, objects: list, model) -> None:
    """Give a relation of an instance its objects, as prefetch_related() leaves them: no query when read.

    The related manager hands out the stored queryset as it is; an empty one of the model holds them (building the
    relation's own filtered queryset cost an eighth of a cold feed), so that a filter on it finds nothing rather
    than every event's rows.
    """
    queryset = model._base_manager.none()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def by_event(queryset) -> dict[int, list[tuple]]:
    """Rows that start with an event id, without it, by event id."""
    found: dict[int, list[tuple]] = {}
    for values in queryset:
        found.setdefault(values[0], []).append(values[1:])
    return found


class Values:
    """Attribute access to a dict of values: what ical.note_zones() reads from an event."""

    __slots__ = ("__dict__",)

    def __init__(self, values: dict):
        self.__dict__ = values
