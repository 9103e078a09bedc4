"""What changed in a selection of events, as its followers must learn it: the one source of the change feeds.

public_changes(params, since=, until=) reads the change history (django-simple-history: every save of an event is a
version, with its history_date) and gives the changes the public saw between since and until, newest first, as
Change values whose texts are in the language active at the call. The change feeds (change_feeds.py) call it; e-mail
alerts can call it the same way, for a stored selection and the time since their last message.

- Only what a calendar subscriber must see is a change: the fields that count SEQUENCE up (MATERIAL_FIELDS: title,
  status, dates and times, place). A typo fixed in a description, an agenda or a note makes no entry.
- Only what the public could see: a version counts from the moment it is public (publication.public_at, the one
  definition: published, and past its embargo). An embargoed event is announced when its embargo ends, dated then;
  edits made while an event was hidden (a draft again, or under a new embargo) count, as one change, from the moment
  it is public again. A draft's edits never count, and only events public at `until` have changes.
- Saves of one event within EVENTS_CHANGES_SETTLE_MINUTES of the first are one change, from the version the public
  saw before the first to the last one: a mistake put right a minute later (14 -> 15 -> 14 November) is no change.
- A selection is the shared filters (filters.EventFilter). Type, country, city, status and days are read from the
  versions: a change belongs to the selection when the event matched them before or after it, so the followers of
  visits in Belarus learn that a visit moved to Moscow. Topics, people and words are read from the event as it is.
- Reads are bounded, and do not grow in number with the changes: one query for the versions (those saved since the
  window opened, and for each event the last one before it and the last one public when saved), one for the places
  they name, one for the events of the changes kept (at most `limit`), besides the filters' own.
"""

import dataclasses
import datetime as dt
import heapq
import itertools
from operator import itemgetter
from types import SimpleNamespace
from typing import NamedTuple

from django.conf import settings
from django.db.models import Exists, F, Max, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .dates import format_event_dates
from .filters import EventFilter, in_language, lower_case, normal_filters
from .models import MATERIAL_FIELDS, Event, Venue, public_at, public_condition, same_value

# The kinds of change, the most newsworthy first: a change of several kinds is named by the first of them.
HEADLINES = {
    "announced": gettext_lazy("Announced: %(title)s"),
    "cancelled": gettext_lazy("Cancelled: %(title)s"),
    "postponed": gettext_lazy("Postponed: %(title)s"),
    "restored": gettext_lazy("Restored: %(title)s"),
    "rescheduled": gettext_lazy("Rescheduled: %(title)s"),
    "moved": gettext_lazy("Moved: %(title)s"),
    "renamed": gettext_lazy("Renamed: %(title)s"),
    "confirmed": gettext_lazy("Confirmed: %(title)s"),
    "tentative": gettext_lazy("Tentative: %(title)s"),
}
KINDS = tuple(HEADLINES)

# What a version of the history is read with: its event, when it was saved, whether it was public, what it showed.
VERSION_FIELDS = ("id", "history_id", "history_date", "is_published", "publish_at", "event_type_id", *MATERIAL_FIELDS)
# The filters read from each version rather than from the event as it is now.
VERSION_FILTERS = ("type", "country", "city", "status", "from", "to")


class Settled(NamedTuple):
    """One change of one event, as versions: the moments its first and last saves became public, the version the
    public saw before it (None before the event was announced) and the one it left."""

    first: dt.datetime
    last: dt.datetime
    before: dict | None
    after: dict

    @property
    def versions(self) -> list[dict]:
        return [version for version in (self.before, self.after) if version is not None]


class InvalidSelection(ValueError):
    """Filters that do not name a selection; filterset.errors says why (describe_errors writes it)."""

    def __init__(self, filterset: EventFilter):
        super().__init__("Invalid filters.")
        self.filterset = filterset


@dataclasses.dataclass(frozen=True)
class Shown:
    """What one version of an event showed the public, in the active language."""

    title: str
    dates: str
    place: str
    status: str


@dataclasses.dataclass(frozen=True)
class Change:
    """One change of one event as the public saw it. Texts are in the language active when it was made.

    first_public_at (with the event's UID, the change's lasting name: see key) is when its first save became
    public, became_public_at when its last one did (the change's date). `old` is what the public saw before (None
    for an announcement), `new` what it sees after.
    """

    event: Event
    kinds: tuple[str, ...]
    first_public_at: dt.datetime
    became_public_at: dt.datetime
    old: Shown | None
    new: Shown

    @property
    def kind(self) -> str:
        return self.kinds[0]

    @property
    def key(self) -> str:
        """A name of the change that never changes: the event's UID and the moment its first save became public."""
        return f"{self.event.uid}/{self.first_public_at.astimezone(dt.UTC):%Y%m%dT%H%M%S.%fZ}"

    @property
    def headline(self) -> str:
        """ "Rescheduled: Visit to Minsk", with the title as the change left it."""
        return HEADLINES[self.kind] % {"title": self.new.title}

    @property
    def details(self) -> list[str]:
        """One line per thing changed, old -> new ("Dates: 14–15 May 2030 → 16–17 May 2030"); an announcement says
        the event's dates, place and status."""
        if self.old is None:
            return [self.new.dates, self.new.place, self.new.status]
        lines = []
        for label, old, new in (
            (_("Dates: %(old)s → %(new)s"), self.old.dates, self.new.dates),
            (_("Place: %(old)s → %(new)s"), self.old.place, self.new.place),
            (_("Status: %(old)s → %(new)s"), self.old.status, self.new.status),
            (_("Title: %(old)s → %(new)s"), self.old.title, self.new.title),
        ):
            if old != new:
                lines.append(label % {"old": old, "new": new})
        return lines


def settle_time() -> dt.timedelta:
    return dt.timedelta(minutes=settings.EVENTS_CHANGES_SETTLE_MINUTES)


def public_changes(
    params, *, since: dt.datetime, until: dt.datetime, limit: int | None = None, whole_history: bool = False
) -> list[Change]:
    """The changes of the selection these filters name (a query's parameters) that became public between since and
    until, newest first, at most `limit`; InvalidSelection for filters the pages would refuse. params: a QueryDict,
    or a dict of one value per filter (a stored selection's).

    whole_history: group the saves of each changed event from its first version, not from the window's start, so
    that every window cuts the same changes out of it (e-mail alerts, which tell each change once, ask for it; a
    feed shows a window and needs only its own start)."""
    if not isinstance(params, QueryDict):
        query = QueryDict(mutable=True)
        query.update(params)
        params = query
    params = normal_filters(params)
    filterset = EventFilter(params, queryset=Event.objects.public(until))
    if not filterset.is_valid():
        raise InvalidSelection(filterset)
    # Saves a little before the window may make one change with saves within it.
    opened = since - settle_time()
    found = [
        change
        for records in versions_by_event(followed_events(params, opened, until), opened, until, whole=whole_history)
        for change in settled_changes(seen_versions(records, until))
        if since <= change.last <= until
    ]
    venues = Venue.objects.in_bulk({version["venue_id"] for change in found for version in change.versions})
    data = filterset.form.cleaned_data
    kept = [change for change in found if any(in_selection(version, data, venues) for version in change.versions)]
    newest = heapq.nlargest(limit or len(kept), kept, key=lambda change: (change.last, change.after["history_id"]))
    events = Event.objects.in_bulk({change.after["id"] for change in newest})
    # An event made hidden since the versions were read has no changes to show.
    described = (
        describe(events[change.after["id"]], change, venues) for change in newest if change.after["id"] in events
    )
    return [change for change in described if change is not None]


def followed_events(params: QueryDict, opened: dt.datetime, until: dt.datetime) -> QuerySet[Event]:
    """The events public at until that the selection's topics, people and words find, saved or out of an embargo
    between opened and until (the filters read from versions are applied to each version: see in_selection)."""
    as_now = QueryDict(mutable=True)
    for name in params:
        if name not in VERSION_FILTERS:
            as_now.setlist(name, params.getlist(name))
    events = EventFilter(as_now, queryset=Event.objects.public(until)).qs
    saved = Event.history.filter(id=OuterRef("pk"), history_date__gte=opened, history_date__lte=until)
    return events.filter(Q(Exists(saved)) | Q(publish_at__gte=opened, publish_at__lte=until))


def versions_by_event(events: QuerySet[Event], opened: dt.datetime, until: dt.datetime, *, whole: bool = False):
    """Each event's versions in the order they were saved, as dicts of VERSION_FIELDS, one event at a time: those
    saved between opened and until and, before them, the last one saved before opened and the last one that was
    public when saved (what the public had seen when the window opened, even if the event was hidden then)."""
    history = Event.history.filter(id__in=events.values("pk"), history_date__lte=until)
    before = history.filter(history_date__lt=opened)
    # history_id grows with every save, so the greatest is the latest.
    last = before.values("id").annotate(last=Max("history_id")).values("last")
    # public_condition's "now" is each version's own save: published, and past its embargo when saved.
    last_public = before.filter(public_condition(F("history_date"))).values("id").annotate(last=Max("history_id"))
    chosen = history.filter(
        Q(history_date__gte=opened) | Q(history_id__in=last) | Q(history_id__in=last_public.values("last"))
    )
    if whole:
        chosen = history  # each event's every version: see public_changes' whole_history
    rows = chosen.order_by("id", "history_date", "history_id").values(*VERSION_FIELDS).iterator(chunk_size=2000)
    for _event, records in itertools.groupby(rows, key=itemgetter("id")):
        records = list(records)
        # Public at until as its history has it, too (until may be past): an event hidden then had no changes to see.
        if public_at(records[-1]["is_published"], records[-1]["publish_at"], until):
            yield records


def seen_versions(records: list[dict], until: dt.datetime):
    """(moment, version) for each version of one event that the public saw, from the moment it saw it: its save, or
    the end of its embargo if that came before the next save and by until."""
    for record, following in itertools.zip_longest(records, records[1:]):
        saved = record["history_date"]
        moment = max(saved, record["publish_at"] or saved)
        ends = following["history_date"] if following is not None else None
        if (
            moment <= until
            and (ends is None or moment < ends)
            and public_at(record["is_published"], record["publish_at"], moment)
        ):
            yield moment, record


def differs(first: dict, second: dict) -> bool:
    """Whether two versions differ in what a calendar subscriber must see (the fields that count SEQUENCE up)."""
    return any(not same_value(first[name], second[name]) for name in MATERIAL_FIELDS)


def settled_changes(seen):
    """(first moment, last moment, version before, version after) for each change of one event: the versions seen
    within the settle time of a change's first are that change; one that ends as it began is none."""
    before, burst = None, []

    def change():
        if before is None or differs(before, burst[-1][1]):
            return Settled(burst[0][0], burst[-1][0], before, burst[-1][1])
        return None

    for moment, version in seen:
        latest = burst[-1][1] if burst else before
        if latest is not None and not differs(latest, version):
            continue
        if burst and moment - burst[0][0] > settle_time():
            if (made := change()) is not None:
                yield made
            before, burst = burst[-1][1], []
        burst.append((moment, version))
    if burst and (made := change()) is not None:
        yield made


def in_selection(version: dict, data: dict, venues: dict[int, Venue]) -> bool:
    """Whether a version matched the selection's type, country, city, status and days (cleaned filters): what
    EventFilter selects by these, read from a version of the history instead of the event as it is."""
    venue = venues.get(version["venue_id"])
    city = lower_case(data["city"].strip()) if data.get("city") else ""
    return all(
        (
            not data.get("type") or version["event_type_id"] == data["type"].pk,
            not data.get("status") or version["status"] == data["status"],
            not data.get("country") or (venue is not None and venue.country.code == data["country"]),
            not city
            or (venue is not None and city in {lower_case(venue.city_en or ""), lower_case(venue.city_ru or "")}),
            not data.get("from") or (version["end_date"] is not None and version["end_date"] >= data["from"]),
            not data.get("to") or (version["start_date"] is not None and version["start_date"] <= data["to"]),
        )
    )


def shown(version: dict, event: Event, venues: dict[int, Venue]) -> Shown:
    """What a version showed, in the active language (the title falls back to English, as pages do)."""
    # format_event_dates reads the date fields as attributes, which a version's dict has as keys.
    dates = format_event_dates(SimpleNamespace(**version))
    venue = venues.get(version["venue_id"])
    return Shown(
        title=in_language(get_language(), version["title_en"], version["title_ru"]) or event.title,
        dates=dates,
        place=str(venue) if venue is not None else _("no place announced"),
        status=str(Event.Status(version["status"]).label),
    )


def describe(event: Event, change: Settled, venues: dict[int, Venue]) -> Change | None:
    """The Change in the active language; None when nothing it shows changed (a new Russian title, read in
    English)."""
    new = shown(change.after, event, venues)
    old = shown(change.before, event, venues) if change.before is not None else None
    kinds = change_kinds(old, new, change.before, change.after)
    if not kinds:
        return None
    return Change(
        event=event, kinds=kinds, first_public_at=change.first, became_public_at=change.last, old=old, new=new
    )


def change_kinds(old: Shown | None, new: Shown, before: dict | None, after: dict) -> tuple[str, ...]:
    """The kinds of a change, the most newsworthy first (KINDS' order)."""
    if old is None:
        return ("announced",)
    kinds = set()
    if before["status"] != after["status"]:
        kinds.add(status_kind(before["status"], after["status"]))
    if old.dates != new.dates:
        kinds.add("rescheduled")
    if before["venue_id"] != after["venue_id"]:
        kinds.add("moved")
    if old.title != new.title:
        kinds.add("renamed")
    return tuple(kind for kind in KINDS if kind in kinds)


def status_kind(old: str, new: str) -> str:
    """Cancelled or postponed as it says; "restored" for an event back on after either; else its new status."""
    off = (Event.Status.CANCELLED, Event.Status.POSTPONED)
    if new in off:
        return str(new)
    return "restored" if old in off else str(new)
