"""Public feeds written from caches: the common poll and the common edit at the cost of a few light queries.

A feed is cached whole, in parts, under its ETag (feeds.py). When anything
changes, the feed is written again here, but each event's VEVENT comes from
the cache as long as nothing it is made of changed: rows of plain values
name each VEVENT (ical.vevent_key), and only the events whose VEVENT is not
cached are fetched as model instances and serialised by icalendar. After one
edit, one event is serialised; the rest is reading values and the cache.

Rows are read CHUNK_SIZE events at a time, so memory holds one chunk of rows
and the parts written so far, never the feed twice.
"""

import datetime as dt

from django.core.cache import cache
from django.db.models import QuerySet

from . import ical
from .ical import FEED_PREFETCH, FEED_RELATED
from .models import Event, EventType, Participation, Person, Source, Tag, Venue

# The related rows a VEVENT shows, as ical.made_of() reads them from instances.
SHOWN = (("event_type", EventType), ("venue", Venue), ("source", Source), ("parent", Event))


def columns(model, prefix: str = "") -> list[str]:
    return [f"{prefix}{field.attname}" for field in model._meta.concrete_fields]


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
    event_columns = columns(Event)
    spans = []
    selected = list(event_columns)
    for relation, model in SHOWN:
        names = columns(model, f"{relation}__")
        spans.append((len(selected), len(selected) + len(names)))
        selected.extend(names)
    position = {name: index for index, name in enumerate(event_columns)}
    zone_fields = ("all_day", "timezone", "start", "end", "start_date", "end_date")
    rows = (
        events.dated()
        .chronological()
        # Stored values, as instances hold them: modeltranslation would otherwise rename translated fields.
        .rewrite(False)
        .values_list(*selected)
        .iterator(chunk_size=ical.CHUNK_SIZE)
    )
    zone_years: dict[str, tuple[int, int]] = {}
    body = []
    for chunk in ical.chunks(rows):
        ids = [values[position["id"]] for values in chunk]
        tags = related_rows(Event.tags.through.objects.filter(event_id__in=ids), "tag__", Tag)
        people = related_rows(Participation.objects.filter(event_id__in=ids), "", Participation, ("person__", Person))
        keys = []
        for values in chunk:
            ical.note_zones(Values({field: values[position[field]] for field in zone_fields}), zone_years)
            event_id = values[position["id"]]
            shown = [values[first:last] if values[first] is not None else None for first, last in spans]
            parent = shown[3]
            parent_visible = parent is not None and ical.visible(
                parent[position["is_published"]], parent[position["publish_at"]], now
            )
            made_of = (
                values[: len(event_columns)],
                *shown,
                parent_visible,
                sorted(tags.get(event_id, []), key=repr),
                sorted(people.get(event_id, []), key=repr),
            )
            keys.append(ical.vevent_key(made_of, base_url=base_url))
        found = cache.get_many(keys)
        missing = {event_id: key for event_id, key in zip(ids, keys, strict=True) if key not in found}
        if missing:
            fetched = events.filter(pk__in=missing).select_related(*FEED_RELATED).prefetch_related(*FEED_PREFETCH)
            made = {}
            for event in fetched:
                # Named by the instance's own values: if it changed since the rows were read, under its new name.
                key = ical.vevent_key(ical.made_of(event, now), base_url=base_url)
                made[key] = ical.event_to_vevent(event, base_url=base_url, now=now).to_ical()
                found[missing[event.pk]] = made[key]
            cache.set_many(made, timeout)
        body.append(b"".join(found[key] for key in keys if key in found))
    return ical.assemble(name=name, description=description, zone_years=zone_years, body=body)


def related_rows(queryset, prefix: str, model, *joined) -> dict[int, list[tuple]]:
    """Rows of a model related to events, as (values of model, values of each joined model), by event id."""
    names = columns(model, prefix)
    for join_prefix, join_model in joined:
        names += columns(join_model, join_prefix)
    if hasattr(queryset, "rewrite"):
        queryset = queryset.rewrite(False)
    found: dict[int, list[tuple]] = {}
    for values in queryset.values_list("event_id", *names):
        found.setdefault(values[0], []).append(values[1:])
    return found


class Values:
    """Attribute access to a dict of values: what ical.note_zones() reads from an event."""

    __slots__ = ("__dict__",)

    def __init__(self, values: dict):
        self.__dict__ = values
