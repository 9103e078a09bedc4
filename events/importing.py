"""Import events from iCalendar files (partners' feeds, this service's own exports): upsert by UID.

A file is read whole and checked before anything is written: size, encoding
(UTF-8, as RFC 5545 requires), nesting of BEGIN/END, the number of events and
of expanded occurrences, every event's DTSTART and UID, and every date it
gives (inside the years 1-9999, DURATION included). A file that fails any
check raises ImportFileError naming the problem, and nothing is written.
Then all events are written in one transaction (rolled back for a dry run).

Every import names its source (the partner, or the file's address), and the
events it creates belong to that source (Event.imported_from). A later file
updates or cancels only events of its own source: a known UID that belongs to
an event made in this calendar, or to another source, is reported as a
conflict and left alone, and so is a RELATED-TO parent that the source does
not own. Without the publish permission (may_publish=False), a newer version
of a published event is a conflict too.

An event whose UID is known is updated only when the file's version is newer
(a higher SEQUENCE, or the same SEQUENCE and a later LAST-MODIFIED); the same
file imported twice changes nothing. STATUS:CANCELLED cancels. Recurring
events (RRULE/RDATE) become a series with one event per occurrence inside a
window around today, with UIDs "<UID>/<start>" so that re-imports find them.
The X-DIPCAL-* properties of this service's own feeds give back each event's
own title, texts, type, date precision and "postponed" (see ical.py).

The work does not grow in queries with the number of events: the events,
places, tags and sources a file names are read with one query per kind, and
written with bulk inserts and updates (and their change history), so that a
preview of thousands of events fits in a request.
"""

import datetime as dt
import http.client
import itertools
import os
import re
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events
import x_wr_timezone
from dateutil.rrule import rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from simple_history.models import HistoricalRecords

from . import freshness
from .models import Event, EventType, Series, Source, Tag, Venue, same_value
from .services import unique_slug
from .text import clean_instance, clean_line

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
# The source of an import that names none (scripts, tests): the command and the admin always name one.
UNNAMED_SOURCE = "unnamed import"
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


def source_name(value: str) -> str:
    """The name an import's events belong to, as stored: one line, trimmed; ImportFileError if empty or too long."""
    name = clean_line(value).strip()
    longest = Event._meta.get_field("imported_from").max_length
    if not name:
        raise ImportFileError(_("Name the source of the file: the partner, or the address of its feed."))
    if len(name) > longest:
        raise ImportFileError(
            _("The name of the source is longer than %(max)d characters; give a shorter one.") % {"max": longest}
        )
    return name


def location_source(location: str) -> str:
    """The default source of a file read by the command: its address, or the absolute path of a local file."""
    location = location.strip()
    if location.startswith(("http://", "https://")):
        return location
    # Not resolved: a link that points at each day's file names the same feed every day.
    return os.path.abspath(location)


# Reading and checking the file ----------------------------------------------------------------------


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


# From VEVENTs to event fields --------------------------------------------------------------------


@dataclass
class Incoming:
    """One event to write: its UID, the VEVENT (for an occurrence: with its own DTSTART/DTEND) and its series."""

    uid: str
    vevent: icalendar.Event
    series_of: icalendar.Event | None = None

    @property
    def label(self) -> str:
        return f"{self.vevent.get('SUMMARY', '')} ({self.uid})"


def dates_of(value) -> list:
    """The dates of an RDATE or EXDATE; none for a broken one, which the file's errors report."""
    try:
        return value.dts
    except Exception:  # icalendar raises its own error type for a property that did not parse
        return []


def as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


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


def batches(values: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def uid_prefix(prefix: str) -> Q:
    """The UIDs that start with prefix. On SQLite also as a range, which the UID index serves: its LIKE is a Python
    function there (see sqlite.py) that no index can."""
    condition = Q(uid__startswith=prefix)
    if connection.vendor == "sqlite":
        # SQLite compares text byte by byte: the UIDs that start with "x/" lie from "x/" up to "x0".
        condition &= Q(uid__gte=prefix, uid__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1))
    return condition


def free_slugs(model, choices: list[Callable[[int], str]]) -> list[str]:
    """For each request (its n-th choice of slug by n), its first choice free in the table and not given to an
    earlier request: a query per round of choices for all requests together, not one per try."""
    given: set[str] = set()
    result: list[str] = [""] * len(choices)
    tried, size, waiting = [0] * len(choices), 1, list(range(len(choices)))
    while waiting:
        candidates = sorted({choices[i](n) for i in waiting for n in range(tried[i], tried[i] + size)})
        taken = set()
        for chunk in batches(candidates):
            taken.update(model.objects.filter(slug__in=chunk).values_list("slug", flat=True))
        still = []
        for i in waiting:
            tries = (choices[i](n) for n in range(tried[i], tried[i] + size))
            slug = next((slug for slug in tries if slug not in taken and slug not in given), "")
            if slug:
                result[i] = slug
                given.add(slug)
            else:
                tried[i] += size
                still.append(i)
        waiting, size = still, size * 10
    return result


def slug_choices(preferred: list[str], base: str, numbered: Callable[[int], str]) -> Callable[[int], str]:
    """The n-th slug to try: the preferred ones, then base, then numbered(2), numbered(3)..."""

    def choice(n: int) -> str:
        if n < len(preferred):
            return preferred[n]
        return base if n == len(preferred) else numbered(n - len(preferred) + 1)

    return choice


def slug_base(event: Event) -> str:
    """The slug an event gets from its English title and year, as Event._unique_slug makes it."""
    year = f"-{event.start_date.year}" if event.start_date else ""
    return (slugify(event.title_en or event.title or "", allow_unicode=False) or "event")[:100] + year


def update_rows(events: list[Event], names: list[str]) -> None:
    """Write these fields of each event to its row as save() writes them, with one statement run for all rows.

    Not QuerySet.bulk_update: it builds a CASE per field and row (seconds for a thousand events), and
    django-modeltranslation's manager would turn the untranslated column "title" into the active language's one.
    """
    if not events:
        return
    quote, fields = connection.ops.quote_name, [Event._meta.get_field(name) for name in names]
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = f"UPDATE {quote(Event._meta.db_table)} SET {assignments} WHERE {quote(Event._meta.pk.column)} = %s"
    rows = [[f.get_db_prep_save(f.pre_save(event, False), connection) for f in fields] + [event.pk] for event in events]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def history_user():
    """Whom the change history names for an import: the signed-in user of the admin request, as for a save."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@dataclass
class Pending:
    """An event this import writes: new, or stored and changed (tags None: its tags stay as they are)."""

    event: Event
    new: bool
    tags: list[Tag] | None = None
    slugs: list[str] = field(default_factory=list)  # for a new event: the slugs it keeps if free, in order


class Importer:
    """Write the incoming events; the officer's options are the constructor's arguments.

    A run reads what the file names (stored events, places, tags, sources) with one query per kind, decides
    every event in memory, and writes with bulk queries; the objects to create wait in new_* until then.
    """

    # Not checked by full_clean, which would query once per event for each: the foreign keys point at rows this
    # run found or makes, UIDs are matched before, slugs are chosen free (free_slugs), and the check constraints
    # say what clean() checks. The database still refuses a duplicate (IntegrityError, reported).
    NOT_VALIDATED = ["slug", "event_type", "venue", "source", "series", "parent"]

    def __init__(
        self,
        *,
        source: str = UNNAMED_SOURCE,
        may_publish: bool = True,
        default_type=None,
        publish=False,
        category_map=None,
        language="en",
        zone=None,
        now=None,
        lock=False,
    ):
        self.source = source_name(source)
        if publish and not may_publish:
            raise ImportFileError(_("Only a publisher may publish events: import them as drafts."))
        self.may_publish = may_publish
        self.default_type = default_type
        self.publish = publish
        self.category_map = {key.casefold(): value for key, value in (category_map or {}).items()}
        self.language = language
        self.zone = zone or settings.TIME_ZONE
        self.now = now or timezone.now()
        self.lock = lock
        self.type_spellings: dict[str, EventType] = {}
        for kind in EventType.objects.all():
            self.add_type(kind)
        self.series: dict[str, Series] = {}
        self.places: dict[str, tuple[str, str, str] | None] = {}  # LOCATION -> (country, city, building)
        self.venues: dict[tuple[str, str, str], Venue] = {}
        self.new_venues: list[Venue] = []
        self.tags_by_slug: dict[str, list[Tag]] = defaultdict(list)
        self.tags_by_name: dict[str, list[Tag]] = defaultdict(list)
        self.new_tags: list[tuple[Tag, str]] = []  # with the slug it is named by
        self.sources: dict[str, Source] = {}
        self.new_sources: list[Source] = []
        self.tag_links: dict[int, list] = {}  # a stored event's rows of Event.tags.through, by its id

    def run(self, items: list[Incoming], report: ImportReport) -> None:
        self.read_vocabulary(items)
        stored = self.stored_events([item.uid for item in items])
        pending: list[Pending] = []
        seen: list[Event] = []  # unchanged, but with a newer version number to remember
        parts: list[tuple[Event, Incoming]] = []
        for item in items:
            try:
                event = self.consider(item, stored.get(item.uid), report, pending, seen)
            except ArithmeticError as error:  # out_of_range() catches dates; this names anything else that overflows
                raise ImportFileError(
                    _("%(event)s cannot be imported: a value in it is out of range (%(error)s).")
                    % {"event": item.label, "error": error}
                ) from error
            if event is not None and "RELATED-TO" in item.vevent:
                parts.append((event, item))
        self.cancel_dropped_occurrences(items, pending, report)
        self.attach_parents(parts, stored, pending, report)
        self.save(pending, seen)

    # Deciding, in memory --------------------------------------------------------------------------------------

    def consider(
        self, item: Incoming, event: Event | None, report: ImportReport, pending: list[Pending], seen: list[Event]
    ) -> Event | None:
        """Decide what the item does to its event, and prepare the change; the event, unless left alone."""
        vevent = item.vevent
        sequence = int(vevent.get("SEQUENCE", 0) or 0)
        modified = self.instant(vevent, "LAST-MODIFIED") or self.instant(vevent, "DTSTAMP")
        new = event is None
        slugs = []
        if event is None:
            event = Event(uid=item.uid, is_published=False, imported_from=self.source)
            if own_export(vevent) and text(vevent, "URL"):
                # Keep the page address of the exporting site when it is free here.
                slug = text(vevent, "URL").rstrip("/").rsplit("/", 1)[-1]
                if slugify(slug) == slug:
                    slugs.append(slug)
        else:
            conflict = self.not_ours(event)
            if conflict:
                report.conflicts.append((item.label, conflict))
                return None
            known = (
                event.origin_sequence if event.origin_sequence is not None else event.sequence,
                (event.origin_modified or event.updated_at).replace(microsecond=0),  # iCalendar has whole seconds
            )
            version = (sequence, modified or known[1])
            if version == known:
                # The version already imported: nothing changes, not even what an officer edited since.
                report.unchanged.append(item.label)
                return event
            if version < known:
                if sequence < known[0]:
                    why = _("older than the stored version (SEQUENCE %(file)d, stored %(stored)d)") % {
                        "file": sequence, "stored": known[0]}  # fmt: skip
                else:
                    moments = {"file": f"{version[1]:%Y-%m-%d %H:%M:%S}", "stored": f"{known[1]:%Y-%m-%d %H:%M:%S}"}
                    why = _("older than the stored version (LAST-MODIFIED %(file)s, stored %(stored)s)") % moments
                report.skipped.append((item.label, why))
                return None
            if event.is_published and not self.may_publish:
                # Decided before the file's content is read: what the public sees is a publisher's decision.
                why = _("the event is published: updating it needs the publish permission")
                report.conflicts.append((item.label, why))
                return None
        before = self.snapshot(event) if not new else None
        floating = self.fill(event, item, report)
        if new and item.series_of is not None:
            # One slug per occurrence from its date, rather than a search for a free "-2", "-3"... per occurrence.
            slugs.append(f"{(slugify(event.title_en) or 'event')[:80]}-{item.uid.rsplit('/', 1)[1].lower()}")
        if new:
            # A floating time is a guess about the zone: such an event waits, as a draft, for an officer.
            event.is_published = self.publish and not floating
        event.origin_sequence, event.origin_modified = sequence, modified
        self.validate(event, item.label)
        tags = self.tags(vevent)
        if not new and before == self.snapshot(event) and self.tag_ids(event) == {tag.pk for tag in tags}:
            report.unchanged.append(item.label)
            seen.append(event)
            return event
        pending.append(Pending(event, new, tags, slugs))
        if new:
            report.created.append(item.label)
        else:
            self.report_update(event, item.label, report)
        return event

    def not_ours(self, event: Event) -> str:
        """Why this import may not change a stored event: made in this calendar, or another source's ("" if ours)."""
        if event.imported_from == self.source:
            return ""
        if not event.imported_from:
            return _("UID %(uid)s belongs to an event made in this calendar: not changed") % {"uid": event.uid}
        return _("UID %(uid)s belongs to an event imported from %(source)s: not changed") % {
            "uid": event.uid, "source": event.imported_from}  # fmt: skip

    @staticmethod
    def report_update(event: Event, label: str, report: ImportReport) -> None:
        report.updated.append(label)
        if event.is_published:
            report.published.append(label)

    def cancel_dropped_occurrences(self, items: list[Incoming], pending: list[Pending], report: ImportReport) -> None:
        """Occurrences this source imported before, inside the window, that their series in the file no longer has:
        cancelled."""
        first, last = import_window(self.now)
        kept = {item.uid for item in items}
        masters = sorted({str(item.series_of["UID"]) for item in items if item.series_of is not None})
        for chunk in batches(masters, 100):
            prefixes = Q()
            for master in chunk:
                prefixes |= uid_prefix(f"{master}/")
            dropped = Event.objects.filter(
                prefixes, imported_from=self.source, start_date__range=(first.date(), last.date())
            ).exclude(status=Event.Status.CANCELLED)
            if self.lock:
                dropped = dropped.select_for_update(of=("self",))
            for event in dropped.order_by("start_date", "uid"):
                if event.uid in kept:
                    continue
                label = f"{event.title} ({event.uid})"
                if event.is_published and not self.may_publish:
                    why = _("no longer in its series, but published: cancelling it needs the publish permission")
                    report.conflicts.append((label, why))
                    continue
                event.status = Event.Status.CANCELLED
                pending.append(Pending(event, new=False))
                self.report_update(event, label, report)
                report.notes.append((label, _("no longer in its series: cancelled")))

    def attach_parents(
        self, parts: list[tuple[Event, Incoming]], stored: dict[str, Event], pending: list[Pending], report
    ) -> None:
        """RELATED-TO;RELTYPE=PARENT makes an event a part of another, found by UID, if this source owns both."""
        known = {change.event.uid: change.event for change in pending}
        for uid, event in stored.items():
            known.setdefault(uid, event)
        wanted = {uid for _event, item in parts for uid in parent_uids(item.vevent)}
        for chunk in batches(sorted(wanted - known.keys())):
            known.update((event.uid, event) for event in Event.objects.filter(uid__in=chunk))
        writing = {id(change.event) for change in pending}
        for event, item in parts:
            for uid in parent_uids(item.vevent):
                parent = known.get(uid)
                if parent is None or parent is event or (parent.pk is not None and parent.pk == event.parent_id):
                    continue
                if parent.imported_from != self.source:
                    owner = (
                        _("an event made in this calendar")
                        if not parent.imported_from
                        else _("an event imported from %(source)s") % {"source": parent.imported_from}
                    )
                    why = _("RELATED-TO names %(uid)s, %(owner)s: not made a part of it")
                    report.conflicts.append((item.label, why % {"uid": uid, "owner": owner}))
                    continue
                if event.is_published and not self.may_publish:
                    why = _("the event is published: making it a part of %(uid)s needs the publish permission")
                    report.conflicts.append((item.label, why % {"uid": uid}))
                    continue
                event.parent = parent
                self.refuse_cycle(event, item.label)
                self.validate(event, event.uid)
                if id(event) not in writing:
                    # A new parent for an event otherwise unchanged: written, as before, without a line in the report.
                    pending.append(Pending(event, new=False))
                    writing.add(id(event))

    @staticmethod
    def refuse_cycle(event: Event, label: str) -> None:
        """Refuse a part that would be its own ancestor; clean() finds such loops only among saved events."""
        ancestor, seen = event.parent, set()
        while ancestor is not None and id(ancestor) not in seen:
            if ancestor is event or (event.pk is not None and ancestor.pk == event.pk):
                errors = "parent: " + _("An event cannot be a part of itself or of one of its own parts.")
                message = _("%(event)s cannot be imported: %(errors)s") % {"event": label, "errors": errors}
                raise ImportFileError(message)
            seen.add(id(ancestor))
            ancestor = ancestor.parent

    @staticmethod
    def snapshot(event: Event) -> dict:
        ignore = {"id", "sequence", "lock_version", "created_at", "updated_at", "status_changed_at", "origin_sequence",
                  "origin_modified"}  # fmt: skip
        values = {}
        for model_field in Event._meta.concrete_fields:
            if model_field.attname in ignore:
                continue
            value = getattr(event, model_field.attname)
            if value is None and model_field.is_relation and model_field.is_cached(event):
                # A place, source or parent this run creates: no id yet, but not the same as none.
                value = "new" if getattr(event, model_field.name) is not None else None
            values[model_field.attname] = str(value)
        return values

    def validate(self, event: Event, label: str) -> None:
        try:
            event.full_clean(exclude=self.NOT_VALIDATED, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            messages = "; ".join(f"{name}: {' '.join(m)}" for name, m in error.message_dict.items())
            raise ImportFileError(
                _("%(event)s cannot be imported: %(errors)s") % {"event": label, "errors": messages}
            ) from error

    # Reading what the file names, one query per kind ---------------------------------------------------------

    def stored_events(self, uids: list[str]) -> dict[str, Event]:
        """The stored events with these UIDs, with their parents and the rows of their tags."""
        found: dict[str, Event] = {}
        for chunk in batches(sorted(set(uids))):
            query = Event.objects.filter(uid__in=chunk).select_related("parent")
            if self.lock:
                # Held until the import commits (PostgreSQL; SQLite writes one transaction at a time): an edit
                # saved meanwhile is not overwritten unseen, as the edit number (lock_version) guards a save.
                query = query.select_for_update(of=("self",))
            found.update((event.uid, event) for event in query)
        self.read_tag_links([event.pk for event in found.values()])
        return found

    def read_tag_links(self, ids: list[int]) -> None:
        ids = sorted(set(ids) - self.tag_links.keys())
        for pk in ids:
            self.tag_links[pk] = []
        for chunk in batches(ids):
            for link in Event.tags.through.objects.filter(event_id__in=chunk):
                self.tag_links[link.event_id].append(link)

    def tag_ids(self, event: Event) -> set:
        return {link.tag_id for link in self.tag_links.get(event.pk, ())}

    def read_vocabulary(self, items: list[Incoming]) -> None:
        """Read the places, tags and sources the file names: each of them once, whatever the number of events."""
        places, tags, urls = set(), set(), set()
        for item in items:
            vevent = item.vevent
            if place := self.place(text(vevent, "LOCATION")):
                places.add(place)
            tags.update(self.tag_names(vevent))
            if text(vevent, "URL") and not own_export(vevent):
                urls.add(text(vevent, "URL")[:500])
        self.read_venues(places)
        self.read_tags(tags)
        for chunk in batches(sorted(urls)):
            for source in Source.objects.filter(url__in=chunk).order_by("pk"):
                self.sources.setdefault(source.url, source)

    def place(self, location: str) -> tuple[str, str, str] | None:
        """LOCATION "Building, City, Country" as (country code, city, building); None when no country is named."""
        if location not in self.places:
            parts = [part.strip() for part in location.split(",") if part.strip()]
            country = None
            if parts:
                country = countries.by_name(parts[-1], language=self.language) or countries.by_name(
                    parts[-1], language="en"
                )
                if not country:
                    country = countries.by_name(parts[-1], language="ru")
            city = parts[-2] if len(parts) >= 2 else ""
            self.places[location] = (country, city, ", ".join(parts[:-2])) if country else None
        return self.places[location]

    def read_venues(self, places: set[tuple[str, str, str]]) -> None:
        """The first stored venue (by id) of each place: same country, and the same city and name in the file's
        language (an empty one matching an empty one)."""
        if not places:
            return
        city_field, name_field = f"city_{self.language}", f"name_{self.language}"
        codes = sorted({place[0] for place in places})
        conditions = [Q(**{f"{city_field}__in": chunk}) for chunk in batches(sorted({p[1] for p in places if p[1]}))]
        if any(not place[1] for place in places):
            conditions.append(Q(**{city_field: ""}) | Q(**{f"{city_field}__isnull": True}))
        for condition in conditions:
            for venue in Venue.objects.filter(condition, country__in=codes).order_by("pk"):
                place = (venue.country.code, getattr(venue, city_field) or "", getattr(venue, name_field) or "")
                if place in places:
                    self.venues.setdefault(place, venue)

    def read_tags(self, wanted: set[tuple[str, str]]) -> None:
        """The stored tags that the file's categories name, by slug or by either name (any case)."""
        pairs = sorted(wanted)
        for chunk in batches(pairs, 100):  # an OR of names: SQLite parses at most 1,000 deep
            condition = Q(slug__in=[slug for _name, slug in chunk])
            for name, _slug in chunk:
                condition |= Q(name_en__iexact=name) | Q(name_ru__iexact=name)
            for tag in Tag.objects.filter(condition).order_by("pk"):
                if all(known.pk != tag.pk for known in self.tags_by_slug[tag.slug]):
                    self.remember_tag(tag, tag.slug)

    def remember_tag(self, tag: Tag, slug: str) -> None:
        self.tags_by_slug[slug].append(tag)
        for name in (tag.name_en, tag.name_ru):
            if name:
                self.tags_by_name[name.casefold()].append(tag)

    # The event's related rows, as read, or to create ---------------------------------------------------------

    def tag_names(self, vevent) -> list[tuple[str, str]]:
        """The categories that are not the event's type, as the (name, slug) of the tags they name."""
        found = []
        for name in self.categories(vevent):
            mapped = self.category_map.get(name.casefold(), name)
            if self.type_named(mapped) or self.type_named(name):
                continue
            found.append((mapped, slugify(mapped) or slugify(mapped, allow_unicode=True) or "tag"))
        return found

    def tags(self, vevent) -> list[Tag]:
        """The categories that are not the event's type, as tags (found by name or slug, created if new)."""
        found = []
        for name, slug in self.tag_names(vevent):
            matching = [*self.tags_by_slug.get(slug, ()), *self.tags_by_name.get(name.casefold(), ())]
            if matching:
                # As Tag.objects.filter(...).first(): tags are ordered by their English name.
                tag = min(matching, key=lambda tag: (tag.name_en or "", tag.pk is None, tag.pk or 0))
            else:
                tag = Tag(**{f"name_{self.language}": name[:100]})
                self.new_tags.append((tag, slug))
                self.remember_tag(tag, slug)
            found.append(tag)
        return found

    def venue(self, vevent, event: Event, report: ImportReport, label: str) -> Venue | None:
        """The venue named by LOCATION ("Building, City, Country"), found or created; GEO gives its coordinates."""
        location = text(vevent, "LOCATION")
        if not location:
            return None
        place = self.place(location)
        if place is None:
            report.notes.append((label, _("place “%(place)s” not recognised: no venue set") % {"place": location}))
            return None
        if place in self.venues:
            return self.venues[place]
        country, city, name = place
        venue = Venue(country=country, **{f"city_{self.language}": city, f"name_{self.language}": name})
        venue.timezone = str(event.timezone) if event.timezone and str(event.timezone) != "UTC" else ""
        if "GEO" in vevent:
            geo = vevent["GEO"]
            try:
                venue.latitude = Decimal(str(geo.latitude)).quantize(Decimal("0.000001"))
                venue.longitude = Decimal(str(geo.longitude)).quantize(Decimal("0.000001"))
            except ArithmeticError as error:  # a finite number too large for six decimals
                raise ImportFileError(
                    _("%(event)s: the place cannot be stored: GEO %(value)s is not a latitude and longitude.")
                    % {"event": label, "value": geo.to_ical()[:60]}
                ) from error
        try:
            venue.full_clean()
        except ValidationError as error:
            raise ImportFileError(
                _("%(event)s: the place cannot be stored: %(errors)s") % {"event": label, "errors": error}
            ) from error
        self.venues[place] = venue
        self.new_venues.append(venue)
        return venue

    def source_for(self, vevent, report: ImportReport, label: str) -> Source | None:
        url = text(vevent, "URL")[:500]
        try:
            WEB_ADDRESS(url)
        except ValidationError:
            report.notes.append((label, _("the URL is not a web address (http or https): not kept")))
            return None
        source = self.sources.get(url)
        if source is None:
            published = self.instant(vevent, "CREATED") or self.instant(vevent, "DTSTAMP") or self.now
            title = text(vevent, "X-DIPCAL-TITLE") or text(vevent, "SUMMARY") or url
            source = Source(url=url, published_at=published, **{f"title_{self.language}": title[:500]})
            self.sources[url] = source
            self.new_sources.append(source)
        return source

    # Writing, in bulk ------------------------------------------------------------------------------------------

    def save(self, pending: list[Pending], seen: list[Event]) -> None:
        """Write the run: new places, sources and tags, then the events, their tags and their change history."""
        now = timezone.now()
        created = [change for change in pending if change.new]
        changed = [change for change in pending if not change.new]
        try:
            self.create_vocabulary()
            self.create_events(created, now)
            self.update_events([change.event for change in changed], now)
            update_rows(seen, ["origin_sequence", "origin_modified"])
            links = self.write_tags(pending)
            self.write_history(created, changed, links, now)
        except IntegrityError as error:
            raise ImportFileError(
                _(
                    "The events cannot be written (%(error)s); an officer or another import may have changed them "
                    "meanwhile: try again."
                )
                % {"error": error}
            ) from error
        if any(change.event.is_public for change in pending):
            # Bulk writes send no signals: the data version moves on once, if the public sees a change (an import
            # changes no event's publication, so a public event was public before too; see freshness.connect).
            freshness.bump()
        elif pending:
            freshness.touch()  # drafts only: counted for staff's caches, invisible to the public

    def create_vocabulary(self) -> None:
        for model, objects in ((Venue, self.new_venues), (Source, self.new_sources)):
            for instance in objects:
                clean_instance(instance)  # what save() does, which bulk_create skips
            model.objects.bulk_create(objects, batch_size=BATCH)
        choices = [
            slug_choices([], slug[:45], lambda number, slug=slug: f"{slug[:40]}-{number}")  # as services.unique_slug
            for _tag, slug in self.new_tags
        ]
        slugs = free_slugs(Tag, choices)
        for (tag, _slug), slug in zip(self.new_tags, slugs, strict=True):
            tag.slug = slug
            clean_instance(tag)
        Tag.objects.bulk_create([tag for tag, _slug in self.new_tags], batch_size=BATCH)

    def create_events(self, created: list[Pending], now: dt.datetime) -> None:
        """Insert the new events, as Event.save() would: normalised, with a free slug; parts after their parent."""
        events = [change.event for change in created]
        for event in events:
            self.prepare(event)
        choices = [
            slug_choices(change.slugs, base, lambda number, base=base: f"{base}-{number}")  # as Event._unique_slug
            for change, base in ((change, slug_base(change.event)) for change in created)
        ]
        for event, slug in zip(events, free_slugs(Event, choices), strict=True):
            event.slug, event.status_changed_at = slug, now
        waiting = events
        while waiting:
            ready = [event for event in waiting if event.parent is None or event.parent.pk is not None]
            for event in ready:
                if event.parent is not None:
                    event.parent_id = event.parent.pk  # inserted in the round before
            Event.objects.bulk_create(ready, batch_size=BATCH)
            waiting = [event for event in waiting if event.pk is None]

    def update_events(self, events: list[Event], now: dt.datetime) -> None:
        """Update the stored events as Event.save() would: SEQUENCE and the status time on a material change, the
        edit number, the time of the change (the rows are this transaction's: see stored_events)."""
        for event in events:
            self.prepare(event)
            loaded = getattr(event, "_loaded_material", {})
            material = {name for name, value in loaded.items() if not same_value(getattr(event, name), value)}
            if material:
                event.sequence += 1
            if "status" in material:
                event.status_changed_at = now
            event.lock_version += 1
            event.updated_at = now
        update_rows(events, [f.name for f in Event._meta.concrete_fields if f.name not in ("id", "uid", "created_at")])

    @staticmethod
    def prepare(event: Event) -> None:
        """Point the foreign keys at the rows inserted since they were chosen, and normalise as save() does."""
        for name in ("event_type", "venue", "source", "series", "parent"):
            model_field = Event._meta.get_field(name)
            if model_field.is_cached(event):
                related = getattr(event, name)
                if related is not None and getattr(event, model_field.attname) != related.pk:
                    setattr(event, name, related)
        event.normalise()

    def write_tags(self, pending: list[Pending]) -> dict[int, list]:
        """Give each written event the tags of its categories, as tags.set() would; each event's rows after that."""
        through = Event.tags.through
        self.read_tag_links([change.event.pk for change in pending if not change.new])
        added, removed, links = [], [], {}
        for change in pending:
            event = change.event
            stored = self.tag_links.get(event.pk, []) if not change.new else []
            if change.tags is None:
                links[event.pk] = stored
                continue
            wanted = {tag.pk: tag for tag in change.tags}
            kept = [link for link in stored if link.tag_id in wanted]
            removed += [link.pk for link in stored if link.tag_id not in wanted]
            present = {link.tag_id for link in kept}
            new = [through(event_id=event.pk, tag_id=pk) for pk in wanted if pk not in present]
            added += new
            links[event.pk] = kept + new
        for chunk in batches(removed):
            through.objects.filter(pk__in=chunk).delete()
        through.objects.bulk_create(added, batch_size=BATCH)
        return links

    def write_history(self, created: list[Pending], changed: list[Pending], links: dict[int, list], now) -> None:
        """One change-history record per written event (as a save writes it), with its tags and organisers."""
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        user, records = history_user(), []
        for changes, update in ((created, False), (changed, True)):
            events = [change.event for change in changes]
            if events:
                made = Event.history.bulk_history_create(
                    events, update=update, default_user=user, default_date=now, batch_size=BATCH
                )
                records += zip(events, made, strict=True)
        organisers = defaultdict(list)
        for chunk in batches([change.event.pk for change in changed]):
            for link in Event.organisers.through.objects.filter(event_id__in=chunk):
                organisers[link.event_id].append(link)
        history = Event.history.model
        for m2m_field, rows_of in (("tags", links), ("organisers", organisers)):
            through, copies = Event._meta.get_field(m2m_field).remote_field.through, []
            copy_model = getattr(history, m2m_field).model
            for event, record in records:
                for link in rows_of.get(event.pk, ()):
                    values = {f.attname: getattr(link, f.attname) for f in through._meta.fields}
                    copies.append(copy_model(history=record, **values))
            copy_model.objects.bulk_create(copies, batch_size=BATCH)

    def instant(self, vevent, name: str) -> dt.datetime | None:
        if name not in vevent:
            return None
        value = vevent.decoded(name)
        if not isinstance(value, dt.datetime):
            return None
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def fill(self, event: Event, item: Incoming, report: ImportReport) -> bool:
        """Set the event's fields from the VEVENT; True when its time was floating (no zone in the file)."""
        vevent, lang = item.vevent, self.language
        title = text(vevent, "X-DIPCAL-TITLE") or text(vevent, "SUMMARY") or _("(untitled)")
        setattr(event, f"title_{lang}", title[:300])
        if not event.title_en:
            # English is the calendar's required language: the file's text stands in until an officer translates.
            event.title_en = title[:300]
            report.notes.append(
                (
                    item.label,
                    _("no English title: the %(language)s one stands in")
                    % {"language": translation.get_language_info(lang)["name_translated"].lower()},
                )
            )
        if own_export(vevent):
            setattr(event, f"summary_{lang}", text(vevent, "X-DIPCAL-SUMMARY")[:500])
            setattr(event, f"description_{lang}", text(vevent, "X-DIPCAL-DESCRIPTION"))
            setattr(event, f"agenda_{lang}", text(vevent, "X-DIPCAL-AGENDA"))
        else:
            setattr(event, f"description_{lang}", text(vevent, "DESCRIPTION"))
        floating = self.fill_dates(event, item, report)
        status = text(vevent, "X-DIPCAL-STATUS") or text(vevent, "STATUS").upper()
        event.status = (
            Event.Status.POSTPONED if status == "postponed" else STATUS_FROM_ICAL.get(status, Event.Status.CONFIRMED)
        )
        event.event_type = self.event_type(vevent, item.label)
        if not event.event_type.is_visit:
            event.visit_level = ""
        event.venue = self.venue(vevent, event, report, item.label)
        if text(vevent, "URL") and event.source_id is None and not own_export(vevent):
            # Another calendar's page about the event; this service's own URL is the event's page, not a source.
            event.source = self.source_for(vevent, report, item.label)
        if item.series_of is not None:
            event.series = self.series_for(item.series_of)
        return floating

    def fill_dates(self, event: Event, item: Incoming, report: ImportReport) -> bool:
        vevent = item.vevent
        start = vevent.decoded("DTSTART")
        end = vevent.decoded("DTEND") if "DTEND" in vevent else None
        if end is None and "DURATION" in vevent:
            end = start + vevent.decoded("DURATION")
        precision = text(vevent, "X-DIPCAL-PRECISION").lower()
        event.date_precision = precision if precision in ("month", "year") else Event.Precision.DAY
        if not isinstance(start, dt.datetime):
            event.all_day, event.start, event.end, event.timezone = True, None, None, ""
            event.start_date = start
            # RFC 5545: DTEND of an all-day event is the day after the last one.
            last = (end.date() if isinstance(end, dt.datetime) else end) if end else None
            event.end_date = max(start, last - dt.timedelta(days=1)) if last else start
            return False
        floating = start.tzinfo is None
        if floating:
            report.notes.append(
                (
                    item.label,
                    _("floating time, read as %(zone)s time; check it (kept as a draft)") % {"zone": self.zone},
                )
            )
            zone = ZoneInfo(self.zone)
            start = start.replace(tzinfo=zone)
            end = end.replace(tzinfo=zone) if isinstance(end, dt.datetime) and end.tzinfo is None else end
        key = text(vevent, "X-DIPCAL-TIMEZONE") or getattr(start.tzinfo, "key", None)
        if key is None:
            # Outlook names zones the Windows way ("Russian Standard Time"); the instant is right either way.
            tzid = str(vevent["DTSTART"].params.get("TZID", ""))
            key = WINDOWS_TO_OLSON.get(tzid.strip('"'))
        if key is None and start.utcoffset() == dt.timedelta(0):
            key = "UTC"
        try:
            ZoneInfo(key or "")
        except (ZoneInfoNotFoundError, ValueError):
            key = None
        if key is None:
            key = "UTC"
            report.notes.append((item.label, _("time zone not recognised; the times are kept in UTC")))
        event.all_day, event.timezone = False, key
        event.start = start.astimezone(dt.UTC)
        event.end = end.astimezone(dt.UTC) if isinstance(end, dt.datetime) and end > start else None
        if isinstance(end, dt.datetime) and end < start:
            report.notes.append((item.label, _("the end is before the start: only the start is kept")))
        event.start_date = event.end_date = None
        return floating

    def add_type(self, kind: EventType) -> None:
        """Know the type by its slug and its names, singular and plural, in both languages."""
        for spelling in (kind.slug, kind.name_en, kind.name_ru, kind.name_plural_en, kind.name_plural_ru):
            if spelling:
                self.type_spellings.setdefault(spelling.casefold(), kind)

    def type_named(self, name: str) -> EventType | None:
        return self.type_spellings.get(name.casefold()) if name else None

    def event_type(self, vevent, label: str) -> EventType:
        wanted = text(vevent, "X-DIPCAL-TYPE")
        categories = self.categories(vevent)
        names = [self.category_map.get(name.casefold(), name) for name in categories]
        for candidate in [wanted, *names]:
            if kind := self.type_named(candidate):
                return kind
        if self.default_type is not None:
            return self.default_type
        if wanted and categories and slugify(wanted) == wanted:
            # This service's own export names its type (slug, and its name as the first category): bring it along.
            kind = EventType.objects.create(
                slug=wanted[:50], **{f"name_{self.language}": categories[0][:100]},
                **{f"name_plural_{self.language}": categories[0][:100]},
            )  # fmt: skip
            self.add_type(kind)
            return kind
        raise ImportFileError(
            _("%(event)s: no event type among its categories (%(categories)s); choose a default type.")
            % {"event": label, "categories": ", ".join(categories) or "—"}
        )

    @staticmethod
    def categories(vevent) -> list[str]:
        values = vevent.get("CATEGORIES")
        if values is None:
            return []
        names = []
        for value in values if isinstance(values, list) else [values]:
            names.extend(str(category).strip() for category in value.cats)
        return [name for name in names if name]

    def series_for(self, master) -> Series:
        uid = str(master["UID"])
        if uid not in self.series:
            name = text(master, "X-DIPCAL-TITLE") or text(master, "SUMMARY") or uid
            slug = (slugify(name) or "series")[:40]
            series = Series.objects.filter(slug__startswith=slug, **{f"name_{self.language}": name[:300]}).first()
            if series is None:
                series = Series.objects.create(slug=unique_slug(Series, slug), **{f"name_{self.language}": name[:300]})
            self.series[uid] = series
        return self.series[uid]


def parent_uids(vevent) -> list[str]:
    """The UIDs a VEVENT names as its parent (RELATED-TO, whose RELTYPE is PARENT unless it says otherwise)."""
    related = vevent.get("RELATED-TO")
    return [str(value) for value in as_list(related) if value.params.get("RELTYPE", "PARENT").upper() == "PARENT"]


def import_calendar(
    data: bytes, *, dry_run: bool = False, source: str = UNNAMED_SOURCE, may_publish: bool = True, **options
) -> ImportReport:
    """Import an iCalendar file's events for a source; all or nothing (ImportFileError), nothing at all for a dry run.

    source: whom the events belong to (a later import changes only its own); may_publish: whether the importing
    user may publish (the command may; the admin page asks the publish permission), without which a newer version
    of a published event is a conflict. The other options are Importer's.
    """
    report = ImportReport(dry_run=dry_run)
    importer = Importer(source=source, may_publish=may_publish, lock=not dry_run, **options)
    calendar = parse_calendar(data)
    items = incoming_events(calendar, importer.now, report.skipped)
    with transaction.atomic():
        importer.run(items, report)
        if dry_run:
            transaction.set_rollback(True)
    return report
