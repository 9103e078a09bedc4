"""Reading an iCalendar file and checking it before anything is written (see ics.py for the import as a whole).

Size, encoding (UTF-8, as RFC 5545 requires), nesting of BEGIN/END, and every
date an event gives (inside the years 1-9999, DURATION included): a file that
fails any check raises ImportFileError naming the problem.
"""

import codecs
import http.client
import re
import urllib.request
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import icalendar
import x_wr_timezone
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events.models import Event

STATUS_FROM_ICAL = {"CANCELLED": Event.Status.CANCELLED, "TENTATIVE": Event.Status.TENTATIVE}
DECLARED_CHARSET = re.compile(rb"CHARSET=\"?([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)
SINGLE_VALUED = ("UID", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "SUMMARY", "STATUS", "RRULE", "LAST-MODIFIED",
                 "LOCATION", "GEO", "URL", "DESCRIPTION", "RECURRENCE-ID", "DTSTAMP", "CREATED")  # fmt: skip
SUB_DAILY = ("SECONDLY", "MINUTELY", "HOURLY")
TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
MAX_DEPTH = 4  # VCALENDAR > VEVENT > VALARM, VTIMEZONE > STANDARD: nothing legitimate nests deeper
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


def decode(data: bytes, report: ImportReport) -> str:
    """The file's text: UTF-8 as RFC 5545 requires, else the charset it declares (CHARSET=, as vCalendar 1.0 and
    old Outlook write) or, failing that, the one its bytes show, with a note; ImportFileError when none fits."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        candidates = [match.decode("ascii") for match in DECLARED_CHARSET.findall(data[:65536])]
        best = charset_normalizer.from_bytes(data[:65536]).best()
        candidates += [best.encoding] if best is not None else []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        name = codecs.lookup(encoding).name
        if name != "utf-16":
            report.notes.append((_("the file"), _("not UTF-8: read as %(charset)s; check its accented letters")
                                 % {"charset": name}))  # fmt: skip
        return text
    raise ImportFileError(
        _("The file is not text in UTF-8 or any charset it declares or shows; it is not an iCalendar file.")
    )


def parse_calendar(data: bytes, report: ImportReport) -> tuple[icalendar.Calendar, "LineIndex"]:
    """Check the file's size, encoding and structure, and parse it: several VCALENDARs in one file become one.
    ImportFileError says what is not a calendar at all; the lines of each VEVENT come along for the messages."""
    check_size(data)
    text = decode(data, report)
    if "\x00" in text:
        # A stray NUL inside a value (damaged storage): the rest of the file is still text.
        text = text.replace("\x00", "")
        report.notes.append((_("the file"), _("NUL characters in the file were left out")))
    lines = check_nesting(text)
    if lines.cut is not None:
        text = completed(text, lines, report)
    # icalendar keeps the VTIMEZONEs it has seen for the whole process: one file's zone named "Eastern" must not
    # give another file's "Eastern" times, so each import starts without them.
    icalendar.use_zoneinfo()
    calendars, first_error = None, None
    # What the parser cannot read outside events (a broken line of the calendar, a VFREEBUSY, a VTIMEZONE's bad
    # observance) is left out, with a note, rather than the file: events are what is imported.
    for attempt, why in [
        (lambda: text, ""),
        (lambda: events_only(text, zones=True), _("parts other than events and time zones could not be read")),
        (lambda: events_only(text, zones=False), _("parts other than events could not be read, time zones included")),
    ]:
        try:
            calendars = from_ical(attempt())
        except Exception as error:  # the parser raises what a broken line makes it raise
            first_error = first_error or error
            continue
        if why:
            report.notes.append((_("the file"), _("%(why)s (%(error)s): left out") % {"why": why,
                                 "error": str(first_error)[:100]}))  # fmt: skip
        break
    if calendars is None:
        raise ImportFileError(_("The file is not valid iCalendar: %(error)s") % {"error": str(first_error)[:200]})
    calendars = [calendar for calendar in calendars if calendar.name == "VCALENDAR"]
    if not calendars:
        raise ImportFileError(_("The file does not start with BEGIN:VCALENDAR."))
    if len(calendars) > 1:
        count = len(calendars)
        together = ngettext(
            "%(count)d calendar in the file: their events are imported together",
            "%(count)d calendars in the file: their events are imported together",
            count,
        )
        report.notes.append((_("the file"), together % {"count": count}))
    return merged([standard(calendar, report) for calendar in calendars]), lines


def events_only(text: str, *, zones: bool) -> str:
    """The file with only what the import reads: each calendar's VERSION and X-WR-TIMEZONE, its VEVENTs (with their
    alarms) and, if zones, its VTIMEZONEs."""
    kept, stack, keep = [], [], ("VEVENT", "VTIMEZONE") if zones else ("VEVENT",)
    for _number, line in logical_lines(text):
        name, _sep, value = line.partition(":")
        keyword, value = name.split(";")[0].strip().upper(), value.strip().upper()
        if keyword == "BEGIN":
            stack.append(value)
        inside = len(stack) >= 2 and stack[1] in keep
        if inside or (len(stack) == 1 and keyword in ("BEGIN", "END", "VERSION", "X-WR-TIMEZONE")):
            kept.append(line)
        if keyword == "END" and stack:
            stack.pop()
    return "\r\n".join(kept) + "\r\n"


def completed(text: str, lines: "LineIndex", report: ImportReport) -> str:
    """A file cut off (a download stopped short): what comes before the unfinished part, closed."""
    start, inside = lines.cut
    kept = text.splitlines()[: start - 1] if start else text.splitlines()
    if start:
        why = _("the file ends inside BEGIN:%(name)s (no END): the unfinished part from line %(line)d is left out")
        report.notes.append((_("the file"), why % {"name": inside[:40], "line": start}))
    else:
        report.notes.append((_("the file"), _("the file ends without END:VCALENDAR")))
    return "\r\n".join([*kept, "END:VCALENDAR", ""])


def from_ical(text: str) -> list[icalendar.Calendar]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its guesses about vendor TZIDs are checked in ics_zones.py
        return icalendar.Calendar.from_ical(text, multiple=True)


def standard(calendar: icalendar.Calendar, report: ImportReport) -> icalendar.Calendar:
    """Google Calendar's X-WR-TIMEZONE gives the calendar's floating times that zone; a file it cannot be applied to
    keeps them floating, with a note."""
    try:
        return x_wr_timezone.to_standard(calendar)
    except Exception as error:  # the library raises whatever a broken zone or date makes it raise
        zone = str(calendar.get("X-WR-TIMEZONE", ""))[:60]
        report.notes.append((_("the file"), _("X-WR-TIMEZONE %(zone)s could not be applied (%(error)s): times "
                             "without a zone stay floating") % {"zone": zone, "error": str(error)[:100]}))  # fmt: skip
        return calendar


def merged(calendars: list[icalendar.Calendar]) -> icalendar.Calendar:
    """One calendar with the components of all, each VTIMEZONE once (the first of a TZID)."""
    first, zones = calendars[0], {str(zone.get("TZID")) for zone in calendars[0].walk("VTIMEZONE")}
    for calendar in calendars[1:]:
        for component in calendar.subcomponents:
            if component.name == "VTIMEZONE":
                if str(component.get("TZID")) in zones:
                    continue
                zones.add(str(component.get("TZID")))
            first.add_component(component)
    return first


@dataclass
class LineIndex:
    """Where each VEVENT of the file starts and where its properties are (the first line of each), in file order."""

    events: list[tuple[int, dict[str, int]]] = field(default_factory=list)
    # A file cut off inside a component: the line where the unfinished part of the calendar starts (None: only
    # END:VCALENDAR is missing), and the component it ends inside.
    cut: tuple[int | None, str] | None = None

    def of(self, index: int, total: int, name: str | None = None) -> int | None:
        """The line of the index-th VEVENT (or of its property), when the parser found as many VEVENTs as the text."""
        if total != len(self.events) or not 0 <= index < total:
            return None
        start, properties = self.events[index]
        return properties.get(name, start) if name else start


def check_nesting(text: str) -> LineIndex:
    """Every BEGIN has its END, in order, not too deep, inside VCALENDARs; where each VEVENT and property is."""
    stack: list[str] = []
    starts: list[int] = []  # the line of each open BEGIN
    calendars = 0
    index = LineIndex()
    for number, line in logical_lines(text):
        name, _sep, value = line.partition(":")
        keyword = name.split(";")[0].strip().upper()
        if stack and stack[-1] == "VEVENT" and keyword not in ("BEGIN", "END"):
            index.events[-1][1].setdefault(keyword, number)
        if keyword not in ("BEGIN", "END"):
            continue
        value = value.strip().upper()
        if keyword == "BEGIN":
            if not stack:
                calendars += 1
                if value != "VCALENDAR":
                    raise ImportFileError(
                        _("Line %(line)d: expected BEGIN:VCALENDAR around everything, found BEGIN:%(name)s.")
                        % {"line": number, "name": value[:40]}
                    )
            stack.append(value)
            starts.append(number)
            if value == "VEVENT":
                index.events.append((number, {}))
            if len(stack) > MAX_DEPTH:
                raise ImportFileError(_("Line %(line)d: components nested too deeply.") % {"line": number})
        elif not stack or stack[-1] != value:
            raise ImportFileError(
                _("Line %(line)d: END:%(name)s does not close %(open)s.")
                % {"line": number, "name": value[:40], "open": f"BEGIN:{stack[-1]}" if stack else _("anything")}
            )
        else:
            stack.pop()
            starts.pop()
    if not calendars:
        raise ImportFileError(_("The file has no BEGIN:VCALENDAR."))
    if stack:
        index.cut = (starts[1] if len(starts) > 1 else None, stack[-1])
        if index.cut[0] is not None and stack[1] == "VEVENT":
            index.events.pop()
    return index


def logical_lines(text: str):
    """The file's content lines, unfolded (RFC 5545 3.1), each with the number of its first physical line."""
    number, current = 0, None
    for physical, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and current is not None:
            current += line[1:]
            continue
        if current is not None:
            yield number, current
        number, current = physical, line
    if current is not None:
        yield number, current


def dates_of(value) -> list:
    """The dates of an RDATE or EXDATE; none for a broken one, which the file's errors report."""
    try:
        return value.dts
    except Exception:  # icalendar raises its own error type for a property that did not parse
        return []


def as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


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
