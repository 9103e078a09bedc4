"""The events of a checked file, recurring ones expanded into their occurrences inside the import's window."""

import datetime as dt
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

import icalendar
import recurring_ical_events
from dateutil.rrule import rrulestr
from django.utils.translation import gettext as _

from .ics_reading import SINGLE_VALUED, SUB_DAILY, ImportFileError, as_list, dates_of, limit, out_of_range


@dataclass
class Incoming:
    """One event to write: its UID, the VEVENT (for an occurrence: with its own DTSTART/DTEND) and its series."""

    uid: str
    vevent: icalendar.Event
    series_of: icalendar.Event | None = None

    @property
    def label(self) -> str:
        return f"{self.vevent.get('SUMMARY', '')} ({self.uid})"


def incoming_events(calendar: icalendar.Calendar, now: dt.datetime, skipped: list) -> list[Incoming]:
    """The events of the file, recurring ones expanded inside the window; ImportFileError past any cap."""
    vevents = calendar.walk("VEVENT")
    if len(vevents) > limit("EVENTS_IMPORT_MAX_EVENTS", 5000):
        raise ImportFileError(
            _("The file has %(count)d events; at most %(max)d are imported at once.")
            % {"count": len(vevents), "max": limit("EVENTS_IMPORT_MAX_EVENTS", 5000)}
        )
    problems = []
    for index, vevent in enumerate(vevents, start=1):
        where = _("Event %(number)d (%(uid)s)") % {"number": index, "uid": str(vevent.get("UID", _("no UID")))[:80]}
        if not str(vevent.get("UID", "")).strip():
            problems.append(_("%(where)s has no UID.") % {"where": where})
        elif len(str(vevent["UID"])) > 200:
            problems.append(_("%(where)s: the UID is longer than 200 characters.") % {"where": where})
        if "DTSTART" not in vevent:
            problems.append(_("%(where)s has no DTSTART.") % {"where": where})
        repeated = [name for name in SINGLE_VALUED if isinstance(vevent.get(name), list)]
        if repeated:
            problems.append(_("%(where)s has %(property)s more than once.") % {"where": where, "property": repeated[0]})
        rule = vevent.get("RRULE")
        if rule is not None and not isinstance(rule, list) and str(rule.get("FREQ", [""])[0]).upper() in SUB_DAILY:
            problems.append(
                _("%(where)s repeats more often than daily; such series are not imported.") % {"where": where}
            )
        dates = sum(len(dates_of(value)) for name in ("RDATE", "EXDATE") for value in as_list(vevent.get(name)))
        if dates > limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000):
            problems.append(_("%(where)s lists more than %(max)d dates.") % {
                "where": where, "max": limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000)})  # fmt: skip
        for name, error in vevent.errors:
            problems.append(
                _("%(where)s: %(property)s: %(error)s") % {"where": where, "property": name, "error": error}
            )
        if not vevent.errors and not repeated:
            problems.extend(out_of_range(vevent, where))
    if problems:
        raise ImportFileError(" ".join(problems[:10]))

    overrides = {str(vevent["UID"]) for vevent in vevents if "RECURRENCE-ID" in vevent}
    masters = {str(vevent["UID"]) for vevent in vevents if "RECURRENCE-ID" not in vevent}
    by_uid = defaultdict(list)  # a series with its moved occurrences, found without a walk of the file per series
    for vevent in vevents:
        by_uid[str(vevent["UID"])].append(vevent)
    zones = calendar.walk("VTIMEZONE")
    items, expanded, seen = [], 0, set()
    first, last = import_window(now)
    for vevent in vevents:
        uid = str(vevent["UID"])
        label = f"{vevent.get('SUMMARY', '')} ({uid})"
        if "RECURRENCE-ID" in vevent:
            if uid not in masters:
                skipped.append((label, _("a moved occurrence of a series that is not in the file")))
            continue  # otherwise applied by the expansion of its series
        if uid in seen:
            skipped.append((label, _("the UID appears twice in the file; the first event is imported")))
            continue
        seen.add(uid)
        if "RRULE" not in vevent and "RDATE" not in vevent and uid not in overrides:
            items.append(Incoming(uid, vevent))
            continue
        occurrences = expand(
            [*zones, *by_uid[uid]], vevent, now, cap=limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000) - expanded
        )
        expanded += len(occurrences)
        if not occurrences:
            skipped.append(
                (
                    label,
                    _("no occurrence between %(first)s and %(last)s") % {"first": first.date(), "last": last.date()},
                )
            )
        items.extend(Incoming(f"{uid}/{occurrence_key(o)}", o, series_of=vevent) for o in occurrences)
    return items


def import_window(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    return (
        now - dt.timedelta(days=limit("EVENTS_IMPORT_PAST_DAYS", 365)),
        now + dt.timedelta(days=limit("EVENTS_IMPORT_FUTURE_DAYS", 2 * 365)),
    )


def expand(components: list, master: icalendar.Event, now: dt.datetime, cap: int) -> list:
    """The occurrences of a recurring event inside the window; ImportFileError when there are more than cap.

    components: the file's time zones, the series and its moved occurrences.
    """
    first, last = import_window(now)
    uid = str(master["UID"])
    too_many = ImportFileError(
        _("The recurring event %(uid)s has more than %(max)d occurrences to import; at most %(total)d are imported.")
        % {"uid": uid[:80], "max": cap, "total": limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000)}
    )
    if "RRULE" in master:
        # Count with dateutil first, lazily: a rule like FREQ=SECONDLY;COUNT=1000000000 must not be expanded.
        start = master.decoded("DTSTART")
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time())
        # Compare like with like: a floating or all-day start against the window's wall-clock bounds.
        low, high = (first, last) if start.tzinfo else (first.replace(tzinfo=None), last.replace(tzinfo=None))
        rule_text = master["RRULE"].to_ical().decode()
        # dateutil wants UNTIL of the same kind as DTSTART; RFC 5545 readers accept either.
        until = re.search(r"UNTIL=(\d{8})(T\d{6})?(Z?)", rule_text)
        if until and start.tzinfo is None and until.group(3):
            rule_text = rule_text.replace(until.group(0), f"UNTIL={until.group(1)}{until.group(2) or 'T235959'}")
        elif until and start.tzinfo is not None and not until.group(3):
            rule_text = rule_text.replace(until.group(0), f"UNTIL={until.group(1)}{until.group(2) or 'T235959'}Z")
        try:
            rule = rrulestr(rule_text, dtstart=start, forceset=True)
            within = 0
            for seen, instant in enumerate(rule):
                if instant > high:
                    break
                within += instant >= low
                if within > cap or seen > 100 * max(cap, 1):
                    raise too_many
        except (ValueError, TypeError, OverflowError) as error:
            raise ImportFileError(
                _("The recurrence rule of %(uid)s cannot be read: %(error)s") % {"uid": uid[:80], "error": error}
            ) from error
    single = icalendar.Calendar()
    for component in components:
        single.add_component(component)
    try:
        occurrences = list(itertools.islice(recurring_ical_events.of(single).between(first, last), cap + 1))
    except Exception as error:  # the library's errors for broken series vary by what is broken
        raise ImportFileError(
            _("The recurrence rule of %(uid)s cannot be read: %(error)s") % {"uid": uid[:80], "error": error}
        ) from error
    if len(occurrences) > cap:
        raise too_many
    return occurrences


def occurrence_key(vevent: icalendar.Event) -> str:
    """The occurrence's original start (RECURRENCE-ID), which stays when the occurrence is moved."""
    start = vevent.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in vevent else vevent.decoded("DTSTART")
    if isinstance(start, dt.datetime):
        return (start.astimezone(dt.UTC) if start.tzinfo else start).strftime("%Y%m%dT%H%M%SZ")
    return start.strftime("%Y%m%d")
