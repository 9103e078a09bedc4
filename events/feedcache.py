"""Public feeds written from caches: the common poll and the common edit at the cost of a few light queries.

A feed is cached whole, in parts, under its ETag (feeds.py). When anything
changes, the feed is written again here from rows of values: each event's
facts are made of them (facts.EventFacts.of_rows, no model instance), and
each VEVENT is taken from the cache under its facts' digest; only the events
whose VEVENT is not cached are written (ical.write_vevent). After one edit,
one event is written; the rest is reading values and the cache.

The selection's ids are read first, in order, by one query with all its
filters; then the rows, a chunk of events at a time, so memory holds the ids,
one chunk of rows and the parts written so far, never the feed twice. All of
it is read from one snapshot of the database (snapshot()), so an officer's
edit during the build is seen whole or not at all: never an event read public
with the people or topics it was given as a draft.
"""

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterator

from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import QuerySet

from . import ical
from .facts import EVENT_COLUMNS, EVENT_TEXTS, PEOPLE_COLUMNS, PEOPLE_TEXTS, TAG_TEXTS, EventFacts, columns
from .models import Event, Participation


@functools.cache
def row_query() -> QuerySet:
    """The rows of dated events with their type, place, source and parent: the columns are resolved once per process.

    Every language's column of each text, by its own name: modeltranslation would otherwise rename translated fields.
    """
    return Event.objects.rewrite(False).dated().values(*columns(EVENT_COLUMNS, EVENT_TEXTS))


@functools.cache
def tag_query() -> QuerySet:
    """Rows of an event's id and the names of one of its tags."""
    return Event.tags.through.objects.values("event_id", *columns((), TAG_TEXTS))


@functools.cache
def people_query() -> QuerySet:
    """Rows of an event's id and one participation with its person's name."""
    return Participation.objects.rewrite(False).values("event_id", *columns(PEOPLE_COLUMNS, PEOPLE_TEXTS))


def write_public_feed(
    events: QuerySet[Event],
    *,
    name: str,
    description: str,
    base_url: str | None,
    now: dt.datetime,
    timeout: int | None,
    fragments: ical.FragmentStore = cache,
    chunk_size: int = ical.CHUNK_SIZE,
    on_chunk: Callable[[list[int]], object] | None = None,
) -> list[bytes]:
    """The parts of the public calendar of events, with each VEVENT from the fragment store (the cache) when there.

    on_chunk, when given, is called with each chunk's ids before its rows are read.
    """
    with snapshot(events.db):
        return ical.write_calendar(
            public_facts(events, now=now, chunk_size=chunk_size, on_chunk=on_chunk),
            name=name,
            description=description,
            base_url=base_url,
            fragments=fragments,
            fragment_timeout=timeout,
            chunk_size=chunk_size,
        )


def public_facts(
    events: QuerySet[Event],
    *,
    now: dt.datetime,
    chunk_size: int = ical.CHUNK_SIZE,
    on_chunk: Callable[[list[int]], object] | None = None,
) -> Iterator[EventFacts]:
    """The facts of the selection's dated public events, in its order, from rows read a chunk at a time.

    Within snapshot(), so that every chunk is read from the same state. The
    selection's query (with all its filters) is run once, for the ids, and no
    server-side cursor is held open for it.
    """
    using = events.db
    ids = list(events.dated().chronological().values_list("pk", flat=True))
    for chunk in ical.chunks(ids, chunk_size):
        if on_chunk is not None:
            on_chunk(chunk)
        tags = by_event(tag_query().using(using).filter(event_id__in=chunk))
        people = by_event(people_query().using(using).filter(event_id__in=chunk))
        # Public only, whatever the ids came from.
        rows = {row["id"]: row for row in row_query().using(using).public(now).filter(pk__in=chunk)}
        for event_id in chunk:
            row = rows.get(event_id)
            if row is not None:
                yield EventFacts.of_rows(row, tags.get(event_id, ()), people.get(event_id, ()), now=now)


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


def by_event(rows) -> dict[int, list[dict]]:
    """Rows of values by their event_id."""
    found: dict[int, list[dict]] = {}
    for row in rows:
        found.setdefault(row["event_id"], []).append(row)
    return found
