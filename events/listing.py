"""How a page lists a selection of events: a visit once, with its parts under it.

A part (a signing, a meeting, an exhibition) that the selection holds together with its visit is not an entry of
its own: the visit is listed, and its parts are shown under it ("+2 parts") in listings, the archive, the month
grid and search results. A part that the selection holds without its visit (a filter found the signing, not the
visit) is listed, and names its visit when the public may see it.

The parts stay in the selection: the subscribed feed, the API and the counts of a filter hold them as before;
only the page's entries change.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from .models import Event
from .models.publication import public_at

# What a listed event shows besides itself: its type and place, and the visit a part names.
LISTED_RELATED = ("event_type", "venue", "parent")
PART_RELATED = ("event_type", "venue")


def heads(selection: QuerySet[Event]) -> QuerySet[Event]:
    """The events of a selection that are not parts of another event in it: the page's entries, each marked
    `has_parts` when the selection holds parts of it (so that a page without any reads no parts)."""
    return selection.exclude(parent__in=selection.values("pk")).annotate(
        has_parts=Exists(selection.filter(parent=OuterRef("pk")))
    )


def nest(events, selection: QuerySet[Event], now: dt.datetime | None = None) -> list[Event]:
    """The listed events, each given `listed_parts` (its parts in the selection, in order of time) and
    `named_parent` (a listed part's visit, when public; None otherwise).

    One query for the parts of all the listed events, none when heads() found that none has parts; the visits
    come with the events (LISTED_RELATED).
    """
    events = list(events)
    now = now or timezone.now()
    parts: dict[int, list[Event]] = {}
    having = [event.pk for event in events if getattr(event, "has_parts", True)]
    if having:
        found = selection.filter(parent__in=having).select_related(*PART_RELATED)
        for part in found.chronological():
            parts.setdefault(part.parent_id, []).append(part)
    for event in events:
        event.listed_parts = parts.get(event.pk, [])
        parent = event.parent if event.parent_id else None
        event.named_parent = (
            parent if parent is not None and public_at(parent.is_published, parent.publish_at, now) else None
        )
    return events


def part_counts(selection: QuerySet[Event], pks) -> dict[int, int]:
    """How many parts the selection holds of each of these events (for the month grid's "+2 parts")."""
    counts: dict[int, int] = {}
    if not pks:
        return counts
    for parent in selection.filter(parent__in=list(pks)).values_list("parent", flat=True):
        counts[parent] = counts.get(parent, 0) + 1
    return counts
