"""The events of a checked file, recurring ones expanded into their occurrences inside the import's window.

Each series brings at most EVENTS_IMPORT_MAX_OCCURRENCES occurrences (a cap per series, not per file): a series with
more inside the window (an open-ended daily stand-up: about 1,100) brings those nearest today, and the report says
so in words. Several RRULEs give the union of their occurrences. A series whose rule cannot be read, or that would
take unbounded work to count, is skipped with the reason; the rest of the file imports.
"""

import copy
import datetime as dt
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

import icalendar
import recurring_ical_events
from dateutil.rrule import rruleset, rrulestr
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from .ics_checks import Skip
from .ics_reading import ImportFileError, ImportReport, as_list, limit

# Occurrences counted in the window before a series is skipped as unbounded: 20 times the cap, and at least what a
# series of several a day gives over the window (a daily one gives about 1,100).
HARD_LIMIT, HARD_FLOOR = 20, 5000
UNTIL = re.compile(r"UNTIL=(\d{8})(T\d{6})?(Z?)")


@dataclass
class Incoming:
    """One event to write: its UID, the VEVENT (for an occurrence: with its own DTSTART/DTEND) and its series."""

    uid: str
    vevent: icalendar.Event
    series_of: icalendar.Event | None = None

    @property
    def label(self) -> str:
        return f"{self.vevent.get('SUMMARY', '')} ({self.uid})"


def incoming_events(
    vevents: list, zones: list, now: dt.datetime, report: ImportReport, strict: bool = False
) -> list[Incoming]:
    """The events to write, recurring ones expanded inside the window; ImportFileError past the file's cap."""
    overrides = {str(vevent["UID"]) for vevent in vevents if "RECURRENCE-ID" in vevent}
    masters = {str(vevent["UID"]) for vevent in vevents if "RECURRENCE-ID" not in vevent}
    by_uid = defaultdict(list)  # a series with its moved occurrences, found without a walk of the file per series
    for vevent in vevents:
        by_uid[str(vevent["UID"])].append(vevent)
    items, seen = [], set()
    first, last = import_window(now)
    for vevent in vevents:
        uid = str(vevent["UID"])
        label = f"{vevent.get('SUMMARY', '')} ({uid})"
        if "RECURRENCE-ID" in vevent:
            if uid not in masters:
                report.skipped.append((label, _("a moved occurrence of a series that is not in the file")))
            continue  # otherwise applied by the expansion of its series
        if uid in seen:
            report.skipped.append((label, _("the UID appears twice in the file; the first event is imported")))
            continue
        seen.add(uid)
        if "RRULE" not in vevent and "RDATE" not in vevent and uid not in overrides:
            items.append(Incoming(uid, vevent))
            continue
        try:
            occurrences = expand([*zones, *by_uid[uid]], vevent, now, report, label)
        except Skip as why:
            if strict:
                problems = {"problems": f"{label}: {why}"}
                raise ImportFileError(_("Refused as a whole (strict): %(problems)s") % problems) from why
            report.skipped.append((label, str(why)))
            continue
        if not occurrences:
            window = {"first": first.date(), "last": last.date()}
            report.skipped.append((label, _("no occurrence between %(first)s and %(last)s") % window))
        items.extend(Incoming(f"{uid}/{occurrence_key(o)}", o, series_of=vevent) for o in occurrences)
    total = limit("EVENTS_IMPORT_MAX_WRITTEN", 20000)
    if len(items) > total:
        why = _("The file gives %(count)d events with the occurrences of its series; at most %(max)d are imported.")
        raise ImportFileError(why % {"count": len(items), "max": total})
    return items


def import_window(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    return (
        now - dt.timedelta(days=limit("EVENTS_IMPORT_PAST_DAYS", 365)),
        now + dt.timedelta(days=limit("EVENTS_IMPORT_FUTURE_DAYS", 2 * 365)),
    )


def expand(components: list, master: icalendar.Event, now: dt.datetime, report: ImportReport, label: str) -> list:
    """The occurrences of a recurring event inside the window, at most the cap nearest now (noted); Skip when the
    rule cannot be read or would take unbounded work.

    components: the file's time zones, the series and its moved occurrences.
    """
    cap = limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000)
    hard = max(HARD_LIMIT * cap, HARD_FLOOR)
    first, last = import_window(now)
    start = master.decoded("DTSTART")
    # Compare like with like: a floating or all-day start against the window's wall-clock bounds.
    naive = not isinstance(start, dt.datetime) or start.tzinfo is None
    low, high, today = (moment(first), moment(last), moment(now)) if naive else (first, last, now)
    near = moved_near(master, low)
    components = [near if component is master else component for component in components]
    instants = rule_instants(near, low, high, cap, hard)
    if instants is not None and len(instants) > cap:
        # Only the part of the window that holds the cap nearest today is expanded (a day more at each end, for a
        # floating or all-day series read against UTC bounds), then cut to the cap.
        nearest = sorted(sorted(instants, key=lambda instant: abs(instant - today))[:cap])
        first = max(first, moment(nearest[0], now) - dt.timedelta(days=1))
        last = min(last, moment(nearest[-1], now) + dt.timedelta(days=1))
    single = icalendar.Calendar()
    for component in components:
        single.add_component(component)
    try:
        query = recurring_ical_events.of(single).between(first, last)
        occurrences = list(itertools.islice(query, hard + 1))
    except Exception as error:  # the library's errors for broken series vary by what is broken
        raise Skip(_("its recurrence cannot be read (%(error)s)") % {"error": str(error)[:120]}) from error
    if len(occurrences) > hard:
        raise Skip(_("its series has more than %(max)d occurrences in the window") % {"max": hard})
    if instants is not None and len(instants) > cap:
        occurrences.sort(key=lambda vevent: abs(moment(vevent.decoded("DTSTART"), today) - today))
        occurrences = sorted(occurrences[:cap], key=lambda vevent: moment(vevent.decoded("DTSTART"), today))
        report.notes.append((label, capped(master, len(instants), occurrences)))
    return occurrences


def moved_near(master: icalendar.Event, low: dt.datetime) -> icalendar.Event:
    """The series with its DTSTART moved, by whole periods of its rule, to about a year before low, so that neither
    dateutil nor the expansion walks centuries of birthdays to reach the window; the same occurrences after it.
    A rule with COUNT, or whose start is near or on a day some months lack, is left as it is."""
    rules = as_list(master.get("RRULE"))
    start = master.decoded("DTSTART")
    if len(rules) != 1 or "COUNT" in rules[0] or moment(start, low) > low - dt.timedelta(days=800):
        return master
    frequency, interval = str(rules[0]["FREQ"][0]).upper(), int(rules[0].get("INTERVAL", [1])[0] or 1)
    if frequency in ("DAILY", "WEEKLY"):
        step = dt.timedelta(days=interval * (7 if frequency == "WEEKLY" else 1))
        moved = start + step * ((low - moment(start, low) - dt.timedelta(days=400)) // step)
    elif frequency in ("MONTHLY", "YEARLY") and start.day <= 28:
        step = interval * (12 if frequency == "YEARLY" else 1)
        months = ((low.year - start.year) * 12 + low.month - start.month - 13) // step * step
        index = start.month - 1 + months
        moved = start.replace(year=start.year + index // 12, month=index % 12 + 1)
    else:
        return master
    near = copy.copy(master)
    for name in ("DTSTART", "DTEND"):
        if name in master:
            shifted = icalendar.vDDDTypes(moved if name == "DTSTART" else moved + (master.decoded(name) - start))
            shifted.params = master[name].params
            near[name] = shifted
    return near


def rule_instants(master: icalendar.Event, low: dt.datetime, high: dt.datetime, cap: int, hard: int) -> list | None:
    """The starts the RRULEs give inside low..high, counted with dateutil, lazily: a rule like
    FREQ=DAILY;COUNT=1000000000 is not expanded. None without a rule; Skip past hard."""
    rules = as_list(master.get("RRULE"))
    if not rules:
        return None
    start = master.decoded("DTSTART")
    if not isinstance(start, dt.datetime):
        start = dt.datetime.combine(start, dt.time())
    union = rruleset()
    try:
        for rule in rules:
            union.rrule(rrulestr(same_kind_until(rule.to_ical().decode(), start), dtstart=start))
        within = []
        for seen, instant in enumerate(union):
            if instant > high:
                break
            if instant >= low:
                within.append(instant)
            if len(within) > hard:
                raise Skip(_("its series has more than %(max)d occurrences in the window") % {"max": hard})
            if seen > 100 * max(cap, 1) + len(within):
                raise Skip(_("its rule gives more than %(max)d occurrences before the window") % {"max": 100 * cap})
    except (ValueError, TypeError, OverflowError, AttributeError, IndexError) as error:
        raise Skip(_("its RRULE cannot be read (%(error)s)") % {"error": str(error)[:120]}) from error
    return within


def same_kind_until(rule_text: str, start: dt.datetime) -> str:
    """dateutil wants UNTIL of the same kind as DTSTART; RFC 5545 readers accept either."""
    until = UNTIL.search(rule_text)
    if until and start.tzinfo is None and until.group(3):
        return rule_text.replace(until.group(0), f"UNTIL={until.group(1)}{until.group(2) or 'T235959'}")
    if until and start.tzinfo is not None and not until.group(3):
        return rule_text.replace(until.group(0), f"UNTIL={until.group(1)}{until.group(2) or 'T235959'}Z")
    return rule_text


def moment(value, like: dt.datetime | None = None) -> dt.datetime:
    """A date or time as a datetime comparable with like (naive without it): all-day dates at midnight."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if like is not None and like.tzinfo is not None:
        return value if value.tzinfo else value.replace(tzinfo=like.tzinfo)
    return value.replace(tzinfo=None)


def capped(master: icalendar.Event, count: int, kept: list) -> str:
    """The report's words for a series cut to the cap: which, how many, which were kept."""
    rule = as_list(master.get("RRULE"))[0]
    kinds = {"DAILY": _("daily series"), "WEEKLY": _("weekly series"), "MONTHLY": _("monthly series"),
             "YEARLY": _("yearly series")}  # fmt: skip
    kind = kinds.get(str(rule.get("FREQ", [""])[0]).upper(), _("series"))
    first, last = (moment(vevent.decoded("DTSTART")).date() for vevent in (kept[0], kept[-1]))
    return _(
        "%(kind)s “%(title)s”: %(count)s occurrences in the window, the %(cap)s nearest today imported, "
        "%(first)s to %(last)s"
    ) % {
        "kind": kind,
        "title": str(master.get("SUMMARY", ""))[:80],
        "count": number_format(count, force_grouping=True),
        "cap": number_format(len(kept), force_grouping=True),
        "first": date_format(first, "j M Y"),
        "last": date_format(last, "j M Y"),
    }


def occurrence_key(vevent: icalendar.Event) -> str:
    """The occurrence's original start (RECURRENCE-ID), which stays when the occurrence is moved."""
    start = vevent.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in vevent else vevent.decoded("DTSTART")
    if isinstance(start, dt.datetime):
        return (start.astimezone(dt.UTC) if start.tzinfo else start).strftime("%Y%m%dT%H%M%SZ")
    return start.strftime("%Y%m%d")
