"""Each VEVENT checked before anything is written: what a broken event means for the rest of the file.

An event whose own dates or rule cannot be read (DTSTART, DTEND, DURATION, RRULE, RDATE, EXDATE, RECURRENCE-ID; a
date outside the years 1-9999; a rule more often than daily) is skipped, with the reason, the property and its
line. A bad value in a property that is not essential (CREATED, GEO, SEQUENCE, ...) is dropped with a note: the
event imports without it, and nothing later reads it. Producers' habits are read as they mean them: an empty
`RRULE:` is no rule, a UTC RDATE under an all-day start is that date (Google's birthdays), an unquoted TZID with
commas is one name. An event without a UID gets one derived from its content (so that the same file imported
again finds it). With strict, any skip or drop refuses the whole file instead.
"""

import datetime as dt
import hashlib
import re

import icalendar
from django.utils.translation import gettext as _

from .ics_reading import SINGLE_VALUED, SUB_DAILY, ImportFileError, ImportReport, LineIndex, as_list, dates_of, limit
from .ics_zones import ZoneReader

ESSENTIAL = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "UID")
DATED = ("DTSTART", "DTEND", "RECURRENCE-ID", "DTSTAMP", "LAST-MODIFIED", "CREATED", "RDATE", "EXDATE")
# A day inside Python's range of dates at either end: any zone offset (under a day), and the day RFC 5545 takes
# from an all-day DTEND, keep a date that passes this check inside it, so no later arithmetic overflows.
EARLIEST, LATEST = dt.date(1, 1, 2), dt.date(9999, 12, 30)
UTC_DATE = re.compile(r"^(\d{8})(?:T\d{6})?Z?$")
MAX_UID = 200


class Skip(Exception):
    """This event cannot be imported: the message says why (property and line)."""


class EventChecker:
    """Check, repair and pick the importable VEVENTs of a parsed file; skips and notes go to the report."""

    def __init__(self, calendar: icalendar.Calendar, lines: LineIndex, report: ImportReport, *, strict, window):
        self.calendar, self.lines, self.report, self.strict = calendar, lines, report, strict
        self.zones = ZoneReader(calendar, window)
        self.problems: list[str] = []  # for strict: every skip and drop

    def readable(self) -> list[icalendar.Event]:
        vevents = self.calendar.walk("VEVENT")
        cap = limit("EVENTS_IMPORT_MAX_EVENTS", 5000)
        if len(vevents) > cap:
            raise ImportFileError(
                _("The file has %(count)d events; at most %(max)d are imported at once.")
                % {"count": len(vevents), "max": cap}
            )
        found = []
        for index, vevent in enumerate(vevents):
            self.index, self.total = index, len(vevents)
            uid = self.give_uid(vevent)
            label = f"{vevent.get('SUMMARY', '')} ({uid})"
            try:
                self.check(vevent, label)
            except Skip as why:
                self.report.skipped.append((label, str(why)))
                self.problems.append(f"{label}: {why}")
            except (ArithmeticError, ValueError, TypeError, AttributeError) as error:
                # What no check foresaw in a hostile file still skips only this event, named.
                why = _("cannot be read (%(error)s)") % {"error": str(error)[:120] or type(error).__name__}
                self.report.skipped.append((label, why))
                self.problems.append(f"{label}: {why}")
            else:
                found.append(vevent)
        if self.strict and self.problems:
            raise ImportFileError(
                _("Refused as a whole (strict): %(problems)s") % {"problems": " ".join(self.problems[:10])}
            )
        return found

    def line(self, name: str | None = None) -> str:
        number = self.lines.of(self.index, self.total, name)
        return _(", line %(line)d") % {"line": number} if number else ""

    def note(self, label: str, what: str) -> None:
        self.report.notes.append((label, what))

    def drop(self, vevent, label: str, name: str | None, why: str) -> None:
        """Leave out a property that is not essential, with a note that names it."""
        if name:
            vevent.pop(name, None)
        what = _("%(property)s left out: %(why)s%(line)s") % {
            "property": name or _("a line"), "why": why[:120], "line": self.line(name)}  # fmt: skip
        self.note(label, what)
        self.problems.append(f"{label}: {what}")

    def give_uid(self, vevent) -> str:
        """The event's UID; one derived from its content (without DTSTAMP, which each export renews) when it has
        none, or one too long to store."""
        uid = str(vevent.get("UID", "")).strip() if not isinstance(vevent.get("UID"), list) else ""
        if uid and len(uid) <= MAX_UID:
            return uid
        content = b"\n".join(
            line for line in vevent.to_ical().splitlines() if not line.upper().startswith((b"DTSTAMP", b"UID"))
        )
        derived = f"derived-{hashlib.sha256(uid.encode() + content).hexdigest()[:32]}"
        vevent.pop("UID", None)
        vevent.add("UID", derived)
        label = f"{vevent.get('SUMMARY', '')} ({derived})"
        if uid:
            self.note(label, _("the UID is longer than %(max)d characters: derived from it") % {"max": MAX_UID})
        else:
            self.note(label, _("no UID: one derived from its content, the same in each import of this version"))
        return derived

    def check(self, vevent, label: str) -> None:
        self.repair_rdates(vevent)
        repaired = self.zones.repair(vevent)
        errors = [(name, error) for name, error in vevent.errors if name not in repaired]
        for name, error in errors:
            if name in ESSENTIAL:
                raise Skip(_("%(property)s cannot be read (%(error)s)%(line)s") % {
                    "property": name, "error": str(error)[:120], "line": self.line(name)})  # fmt: skip
        for name, error in errors:
            self.drop(vevent, label, name, str(error))
        for name in SINGLE_VALUED:
            if name != "RRULE" and isinstance(vevent.get(name), list):
                if name in ESSENTIAL:
                    raise Skip(_("%(property)s is given more than once%(line)s") % {
                        "property": name, "line": self.line(name)})  # fmt: skip
                vevent[name] = vevent[name][0]
                self.note(label, _("%(property)s is given more than once: the first is kept") % {"property": name})
        if "DTSTART" not in vevent:
            raise Skip(_("it has no DTSTART (start)"))
        self.read_rules(vevent, label)
        dates = sum(len(dates_of(value)) for name in ("RDATE", "EXDATE") for value in as_list(vevent.get(name)))
        if dates > limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000):
            raise Skip(_("it lists more than %(max)d dates") % {"max": limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000)})
        for name, problem in out_of_range(vevent):
            if name in ESSENTIAL:
                raise Skip(problem + self.line(name))
            self.drop(vevent, label, name, problem)
        for what in self.zones.read(vevent):
            self.note(label, what)
        self.match_end(vevent, label)

    def read_rules(self, vevent, label: str) -> None:
        """Empty rules are no rules (noted); the rest must repeat at most daily."""
        rules = [rule for rule in as_list(vevent.get("RRULE")) if not rule.get("FREQ")]
        if rules:
            kept = [rule for rule in as_list(vevent.get("RRULE")) if rule.get("FREQ")]
            vevent.pop("RRULE")
            for rule in kept:
                vevent.add("RRULE", rule)
            self.note(label, _("an empty RRULE: read as no rule%(line)s") % {"line": self.line("RRULE")})
        for rule in as_list(vevent.get("RRULE")):
            if str(rule["FREQ"][0]).upper() in SUB_DAILY:
                raise Skip(_("it repeats more often than daily (RRULE FREQ=%(freq)s); such series are not imported")
                           % {"freq": str(rule["FREQ"][0])[:20]})  # fmt: skip

    def repair_rdates(self, vevent) -> None:
        """Google writes the RDATEs of an all-day birthday in UTC ("20131210Z"): each is that date."""
        start = vevent.get("DTSTART")
        if isinstance(start, icalendar.prop.vBroken) or type(getattr(start, "dt", None)) is not dt.date:
            return
        rdates, fixed = as_list(vevent.get("RDATE")), False
        for position, prop in enumerate(rdates):
            if isinstance(prop, icalendar.prop.vBroken):
                parts = [UTC_DATE.match(part.strip()) for part in str(prop).split(",")]
                if parts and all(parts):
                    days = [icalendar.vDate.from_ical(part.group(1)) for part in parts]
                    rdates[position], fixed = icalendar.vDDDLists(days), True
        if fixed:
            vevent.pop("RDATE")
            for prop in rdates:
                vevent.add("RDATE", prop)
            vevent.errors[:] = [(name, error) for name, error in vevent.errors if name != "RDATE"]

    def match_end(self, vevent, label: str) -> None:
        """An end of another kind than the start (a date for a time, floating for a zone) is read as the start's."""
        start, end = getattr(vevent.get("DTSTART"), "dt", None), getattr(vevent.get("DTEND"), "dt", None)
        if end is None or start is None:
            return
        if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
            vevent.pop("DTEND")
            self.note(label, _("DTEND is a date and DTSTART a time, or the other way round: the end is left out"))
        elif isinstance(start, dt.datetime) and (start.tzinfo is None) != (end.tzinfo is None):
            zone = start.tzinfo or end.tzinfo
            vevent["DTEND"].dt = end.replace(tzinfo=zone) if end.tzinfo is None else end
            if start.tzinfo is None:
                vevent["DTSTART"].dt = start.replace(tzinfo=zone)


def out_of_range(vevent: icalendar.Event) -> list[tuple[str, str]]:
    """Each date of the event outside the years 1-9999 (DURATION's end included), as its property and why:
    arithmetic on it would overflow (a zone's offset, the day before an all-day DTEND, the conversion to UTC)."""
    problems = []

    def refuse(name: str, prop) -> None:
        try:
            written = prop.to_ical().decode(errors="replace")
        except Exception:  # icalendar computes a PERIOD's end to write it, and that overflows too
            written = "…"
        problems.append(
            (name, _("%(property)s %(value)s gives a date outside the years 1 to 9999")
             % {"property": name, "value": written[:60]})
        )  # fmt: skip

    for name in DATED:
        for prop in as_list(vevent.get(name)):
            if not all(inside_dates(value) for value in values_of(prop)):
                refuse(name, prop)
    if "DURATION" in vevent and "DTEND" not in vevent and "DTSTART" in vevent:
        start = getattr(vevent["DTSTART"], "dt", None)
        try:
            fits = start is None or inside_dates(start + vevent["DURATION"].dt)
        except (OverflowError, TypeError, ValueError):
            fits = False
        if not fits:
            refuse("DURATION", vevent["DURATION"])
    return problems


def values_of(prop) -> list:
    """The dates and times a property gives: one, or each of an RDATE/EXDATE list (a PERIOD's start and end)."""
    if hasattr(prop, "dts"):
        values = [getattr(value, "dt", None) for value in dates_of(prop)]
    else:
        values = [getattr(prop, "dt", None)]
    found = []
    for value in values:
        if isinstance(value, tuple):  # a PERIOD: start and end, or start and duration
            start, end = value
            try:
                found += [start, end if isinstance(end, dt.date) else start + end]
            except (OverflowError, TypeError, ValueError):
                found += [start, dt.date.max]
        else:
            found.append(value)
    return found


def inside_dates(value) -> bool:
    """Whether a date or time lies inside EARLIEST..LATEST (anything else has no date to check)."""
    if isinstance(value, dt.date):  # a datetime too: its wall-clock date
        return EARLIEST <= (value.date() if isinstance(value, dt.datetime) else value) <= LATEST
    return True
