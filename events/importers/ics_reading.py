"""Reading an iCalendar file and checking it before anything is written (see ics.py for the import as a whole).

Size, encoding (UTF-8, as RFC 5545 requires), nesting of BEGIN/END, and every
date an event gives (inside the years 1-9999, DURATION included): a file that
fails any check raises ImportFileError naming the problem.
"""

import datetime as dt
import http.client
import re
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import icalendar
import x_wr_timezone
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events.models import Event

STATUS_FROM_ICAL = {"CANCELLED": Event.Status.CANCELLED, "TENTATIVE": Event.Status.TENTATIVE}
FOLDED = re.compile(r"\r?\n[ \t]")  # RFC 5545 line folding
SINGLE_VALUED = ("UID", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "SUMMARY", "STATUS", "RRULE", "LAST-MODIFIED",
                 "LOCATION", "GEO", "URL", "DESCRIPTION", "RECURRENCE-ID", "DTSTAMP", "CREATED")  # fmt: skip
DATED = ("DTSTART", "DTEND", "RECURRENCE-ID", "DTSTAMP", "LAST-MODIFIED", "CREATED", "RDATE", "EXDATE")
SUB_DAILY = ("SECONDLY", "MINUTELY", "HOURLY")
TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
MAX_DEPTH = 4  # VCALENDAR > VEVENT > VALARM, VTIMEZONE > STANDARD: nothing legitimate nests deeper
# A day inside Python's range of dates at either end: any zone offset (under a day), and the day RFC 5545 takes
# from an all-day DTEND, keep a date that passes this check inside it, so no later arithmetic overflows.
EARLIEST, LATEST = dt.date(1, 1, 2), dt.date(9999, 12, 30)
WEB_ADDRESS = URLValidator(schemes=["http", "https"])
BATCH = 500  # rows per bulk query, and values per IN (...) list: below every database's limit on parameters


class ImportFileError(Exception):
    """The file cannot be imported at all; nothing was written."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (event, why)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (event, why this file may not change it)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (event, what the officer should check)
    # The updated events that are published (public or embargoed): subscribers and readers see these changes.
    published: list[str] = field(default_factory=list)
    dry_run: bool = False

    def counts(self) -> str:
        text = _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": len(self.skipped),
        }
        if self.conflicts:
            count = len(self.conflicts)
            text += ", " + ngettext("%(count)d conflict", "%(count)d conflicts", count) % {"count": count}
        if self.published:
            count = len(self.published)
            text += "; " + ngettext(
                "%(count)d update changes a published event (subscribers will see it)",
                "%(count)d updates change published events (subscribers will see them)",
                count,
            ) % {"count": count}
        return text

    @property
    def updated_rows(self) -> list[tuple[str, bool]]:
        """Each updated event, and whether it is published (so that the change reaches subscribers)."""
        published = set(self.published)
        return [(label, label in published) for label in self.updated]


def limit(name: str, default: int) -> int:
    """An import cap from the settings (EVENTS_IMPORT_*, documented in settings.py)."""
    return getattr(settings, name, default)


def read_location(location: str) -> bytes:
    """The bytes of a local file or of an http(s) address, refusing more than the size cap."""
    cap = limit("EVENTS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
    if location.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(location, timeout=30) as response:
                data = response.read(cap + 1)
        except (OSError, ValueError, http.client.HTTPException) as error:
            raise ImportFileError(
                _("Could not fetch %(url)s: %(error)s") % {"url": location, "error": error}
            ) from error
    else:
        try:
            with Path(location).open("rb") as file:
                data = file.read(cap + 1)
        except OSError as error:
            raise ImportFileError(
                _("Could not read %(path)s: %(error)s") % {"path": location, "error": error}
            ) from error
    check_size(data)
    return data


def check_size(data: bytes) -> None:
    cap = limit("EVENTS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
    if len(data) > cap:
        raise ImportFileError(_("The file is larger than %(mb)s MB.") % {"mb": round(cap / 1024 / 1024, 1)})


def parse_calendar(data: bytes) -> icalendar.Calendar:
    """Check the file's size, encoding and structure, and parse it; ImportFileError says what is wrong."""
    check_size(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not UTF-8 text (byte %(byte)s at position %(position)d); iCalendar files are UTF-8.")
            % {"byte": hex(data[error.start]), "position": error.start}
        ) from error
    if "\x00" in text:
        raise ImportFileError(_("The file contains NUL characters: it is not an iCalendar text file."))
    check_nesting(FOLDED.sub("", text))
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as error:
        raise ImportFileError(_("The file is not valid iCalendar: %(error)s") % {"error": str(error)[:200]}) from error
    if calendar.name != "VCALENDAR":
        raise ImportFileError(_("The file does not start with BEGIN:VCALENDAR."))
    try:
        # Google Calendar's X-WR-TIMEZONE: floating times of the file are in that zone.
        return x_wr_timezone.to_standard(calendar)
    except Exception as error:  # the library raises whatever a broken zone makes it raise
        raise ImportFileError(_("The file is not valid iCalendar: %(error)s") % {"error": str(error)[:200]}) from error


def check_nesting(text: str) -> None:
    """Every BEGIN has its END, in order, not too deep, inside one VCALENDAR."""
    stack: list[str] = []
    calendars = 0
    for number, line in enumerate(text.splitlines(), start=1):
        name, _sep, value = line.partition(":")
        keyword = name.split(";")[0].strip().upper()
        if keyword not in ("BEGIN", "END"):
            continue
        value = value.strip().upper()
        if keyword == "BEGIN":
            if not stack:
                calendars += 1
                if value != "VCALENDAR" or calendars > 1:
                    raise ImportFileError(
                        _("Line %(line)d: expected one VCALENDAR around everything, found BEGIN:%(name)s.")
                        % {"line": number, "name": value[:40]}
                    )
            stack.append(value)
            if len(stack) > MAX_DEPTH:
                raise ImportFileError(_("Line %(line)d: components nested too deeply.") % {"line": number})
        elif not stack or stack[-1] != value:
            raise ImportFileError(
                _("Line %(line)d: END:%(name)s does not close %(open)s.")
                % {"line": number, "name": value[:40], "open": f"BEGIN:{stack[-1]}" if stack else _("anything")}
            )
        else:
            stack.pop()
    if stack:
        raise ImportFileError(_("The file ends inside BEGIN:%(name)s (no END).") % {"name": stack[-1]})
    if not calendars:
        raise ImportFileError(_("The file has no BEGIN:VCALENDAR."))


def dates_of(value) -> list:
    """The dates of an RDATE or EXDATE; none for a broken one, which the file's errors report."""
    try:
        return value.dts
    except Exception:  # icalendar raises its own error type for a property that did not parse
        return []


def as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def out_of_range(vevent: icalendar.Event, where: str) -> list[str]:
    """Name each date of the event outside the years 1-9999 (DURATION's end included): arithmetic on it would
    overflow (a zone's offset, the day before an all-day DTEND, the conversion to UTC of a stored time)."""
    problems = []

    def refuse(name: str, prop) -> None:
        try:
            written = prop.to_ical().decode(errors="replace")
        except Exception:  # icalendar computes a PERIOD's end to write it, and that overflows too
            written = "…"
        problems.append(
            _("%(where)s: %(property)s %(value)s gives a date outside the years 1 to 9999.")
            % {"where": where, "property": name, "value": written[:60]}
        )

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


def text(vevent, name: str) -> str:
    """A property's text, unescaped (icalendar leaves X- properties as written)."""
    value = vevent.get(name)
    if value is None:
        return ""
    if name.startswith("X-") and not isinstance(value, icalendar.vText):
        # RFC 5545 TEXT escapes: \\ \; \, and \n.
        return TEXT_ESCAPE.sub(lambda match: "\n" if match.group(1) in "nN" else match.group(1), str(value)).strip()
    return str(value).strip()


def own_export(vevent) -> bool:
    """Whether the VEVENT comes from this service's own feeds, which name the event's type (see ical.py)."""
    return "X-DIPCAL-TYPE" in vevent


def parent_uids(vevent) -> list[str]:
    """The UIDs a VEVENT names as its parent (RELATED-TO, whose RELTYPE is PARENT unless it says otherwise)."""
    related = vevent.get("RELATED-TO")
    return [str(value) for value in as_list(related) if value.params.get("RELTYPE", "PARENT").upper() == "PARENT"]
