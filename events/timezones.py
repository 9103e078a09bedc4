"""The time zones an officer chooses from: the canonical IANA zones, the venue's and the most used first.

zoneinfo.available_timezones() holds about 600 names, a third of them legacy aliases and backward links kept for
old data (Eire, GB-Eire, Navajo, Zulu, US/Eastern, Etc/GMT+3, localtime). The tz database says which names are
canonical in its zone.tab: one zone per country and region that has kept its own clocks since 1970 or has its own
name for them (Europe/Minsk, Europe/Vatican, Asia/Kolkata), under today's spelling (Europe/Kyiv, not Europe/Kiev).
Those, plus UTC, are offered. An event or venue that already holds another name keeps it: it stays valid, and is
offered to that event.
"""

import functools
import zoneinfo
from importlib import resources
from pathlib import Path

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext_lazy as _


def office_zone() -> zoneinfo.ZoneInfo:
    """The press office's own zone (EVENTS_ICAL_TIMEZONE): where "today" and an embargo's moment are read and
    typed."""
    return zoneinfo.ZoneInfo(settings.EVENTS_ICAL_TIMEZONE)


# How many of the zones most used by events are offered before the whole list.
MOST_USED = 8


def _zone_tab() -> str:
    """The text of zone.tab, from the tz database zoneinfo reads (the system's first, then the tzdata package)."""
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / "zone.tab"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")


@functools.cache
def canonical_zones() -> tuple[str, ...]:
    """The zones of zone.tab, plus UTC, that this Python can load, sorted by name."""
    names = {"UTC"}
    for line in _zone_tab().splitlines():
        if line and not line.startswith("#"):
            names.add(line.split("\t")[2].strip())
    return tuple(sorted(names & zoneinfo.available_timezones()))


def most_used_zones(limit: int = MOST_USED) -> list[str]:
    """The zones timed events use most, the most used first (ties by name)."""
    from events.models import Event

    rows = (
        Event.objects.exclude(timezone="")
        .values("timezone")
        .annotate(count=Count("id"))
        .order_by("-count", "timezone")[:limit]
    )
    return [str(row["timezone"]) for row in rows]


def zone_label(name: str) -> str:
    """A zone as the list shows it: Europe/Moscow, America/New York."""
    return name.replace("_", " ")


def zone_choices(*, venue_zone: str = "", current: str = "", most_used: list[str] | None = None) -> list:
    """The choices of a time-zone select: empty (the venue's zone), then the venue's and this event's zones, the most
    used ones, and every canonical zone; each zone once (a select may not show a value twice as selected)."""
    canonical = canonical_zones()
    first = [name for name in dict.fromkeys([venue_zone, current]) if name]
    used = [name for name in (most_used or []) if name not in first and name in canonical]
    rest = [name for name in canonical if name not in first and name not in used]
    empty = _("The venue's time zone (%(zone)s)") % {"zone": venue_zone} if venue_zone else _("The venue's time zone")
    groups = [("", empty)]
    if first:
        groups.append((_("This venue and event"), [(name, zone_label(name)) for name in first]))
    if used:
        groups.append((_("Most used"), [(name, zone_label(name)) for name in used]))
    groups.append((_("All time zones"), [(name, zone_label(name)) for name in rest]))
    return groups
