"""Import events from iCalendar files (partners' feeds, this service's own exports): upsert by UID.

A file is read whole and checked before anything is written: size, encoding
(UTF-8, as RFC 5545 requires), nesting of BEGIN/END, the number of events and
of expanded occurrences, and every event's DTSTART and UID. A file that fails
any check raises ImportFileError naming the problem, and nothing is written.
Then all events are written in one transaction (rolled back for a dry run).

An event whose UID is known is updated only when the file's version is newer
(a higher SEQUENCE, or the same SEQUENCE and a later LAST-MODIFIED); the same
file imported twice changes nothing. STATUS:CANCELLED cancels. Recurring
events (RRULE/RDATE) become a series with one event per occurrence inside a
window around today, with UIDs "<UID>/<start>" so that re-imports find them.
The X-DIPCAL-* properties of this service's own feeds give back each event's
own title, texts, type, date precision and "postponed" (see ical.py).
"""

import datetime as dt
import http.client
import itertools
import re
import urllib.request
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
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from .models import Event, EventType, Series, Source, Tag, Venue
from .services import unique_slug

STATUS_FROM_ICAL = {"CANCELLED": Event.Status.CANCELLED, "TENTATIVE": Event.Status.TENTATIVE}
FOLDED = re.compile(r"\r?\n[ \t]")  # RFC 5545 line folding
SINGLE_VALUED = ("UID", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "SUMMARY", "STATUS", "RRULE", "LAST-MODIFIED",
                 "LOCATION", "GEO", "URL", "DESCRIPTION", "RECURRENCE-ID", "DTSTAMP", "CREATED")  # fmt: skip
SUB_DAILY = ("SECONDLY", "MINUTELY", "HOURLY")
TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
MAX_DEPTH = 4  # VCALENDAR > VEVENT > VALARM, VTIMEZONE > STANDARD: nothing legitimate nests deeper


class ImportFileError(Exception):
    """The file cannot be imported at all; nothing was written."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (event, why)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (event, what the officer should check)
    dry_run: bool = False

    def counts(self) -> str:
        return _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": len(self.skipped),
        }


def limit(name: str, default: int) -> int:
    """An import cap from the settings (EVENTS_IMPORT_*, documented in settings.py)."""
    return getattr(settings, name, default)


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
    if problems:
        raise ImportFileError(" ".join(problems[:10]))

    overrides = {str(vevent["UID"]) for vevent in vevents if "RECURRENCE-ID" in vevent}
    masters = {str(vevent["UID"]) for vevent in vevents if "RECURRENCE-ID" not in vevent}
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
        occurrences = expand(calendar, vevent, now, cap=limit("EVENTS_IMPORT_MAX_OCCURRENCES", 1000) - expanded)
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


def expand(calendar: icalendar.Calendar, master: icalendar.Event, now: dt.datetime, cap: int) -> list:
    """The occurrences of a recurring event inside the window; ImportFileError when there are more than cap."""
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
    for component in calendar.walk("VTIMEZONE"):
        single.add_component(component)
    for vevent in calendar.walk("VEVENT"):
        if str(vevent["UID"]) == uid:
            single.add_component(vevent)
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


class Importer:
    """Write the incoming events; the officer's options are the constructor's arguments."""

    def __init__(self, *, default_type=None, publish=False, category_map=None, language="en", zone=None, now=None):
        self.default_type = default_type
        self.publish = publish
        self.category_map = {key.casefold(): value for key, value in (category_map or {}).items()}
        self.language = language
        self.zone = zone or settings.TIME_ZONE
        self.now = now or timezone.now()
        self.type_spellings: dict[str, EventType] = {}
        for kind in EventType.objects.all():
            self.add_type(kind)
        self.series: dict[str, Series] = {}

    def run(self, items: list[Incoming], report: ImportReport) -> None:
        parents = []
        for item in items:
            event = self.write(item, report)
            if event is not None and "RELATED-TO" in item.vevent:
                parents.append((event, item.vevent))
        self.cancel_dropped_occurrences(items, report)
        for event, vevent in parents:
            related = vevent["RELATED-TO"]
            for value in related if isinstance(related, list) else [related]:
                if value.params.get("RELTYPE", "PARENT").upper() == "PARENT":
                    parent = Event.objects.filter(uid=str(value)).exclude(pk=event.pk).first()
                    if parent is not None and event.parent_id != parent.pk:
                        event.parent = parent
                        self.validate(event, event.uid)
                        event.save()

    def cancel_dropped_occurrences(self, items: list[Incoming], report: ImportReport) -> None:
        """Occurrences imported before, inside the window, that their series in the file no longer has: cancelled."""
        first, last = import_window(self.now)
        kept = {item.uid for item in items}
        for master in {str(item.series_of["UID"]) for item in items if item.series_of is not None}:
            dropped = Event.objects.filter(uid__startswith=f"{master}/", start_date__range=(first.date(), last.date()))
            for event in dropped.exclude(uid__in=kept).exclude(status=Event.Status.CANCELLED):
                event.status = Event.Status.CANCELLED
                event.save()
                report.updated.append(f"{event.title} ({event.uid})")
                report.notes.append((f"{event.title} ({event.uid})", _("no longer in its series: cancelled")))

    def write(self, item: Incoming, report: ImportReport) -> Event | None:
        vevent = item.vevent
        sequence = int(vevent.get("SEQUENCE", 0) or 0)
        modified = self.instant(vevent, "LAST-MODIFIED") or self.instant(vevent, "DTSTAMP")
        event = Event.objects.filter(uid=item.uid).first()
        if event is None:
            event = Event(uid=item.uid, is_published=False)
            if own_export(vevent) and text(vevent, "URL"):
                # Keep the page address of the exporting site when it is free here.
                slug = text(vevent, "URL").rstrip("/").rsplit("/", 1)[-1]
                if slugify(slug) == slug and not Event.objects.filter(slug=slug).exists():
                    event.slug = slug
            new = True
        else:
            new = False
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
        before = self.snapshot(event) if not new else None
        floating = self.fill(event, item, report)
        if new and item.series_of is not None and not event.slug:
            # One slug per occurrence from its date, rather than a search for a free "-2", "-3"... per occurrence.
            slug = f"{(slugify(event.title_en) or 'event')[:80]}-{item.uid.rsplit('/', 1)[1].lower()}"
            event.slug = slug if not Event.objects.filter(slug=slug).exists() else ""
        if new:
            # A floating time is a guess about the zone: such an event waits, as a draft, for an officer.
            event.is_published = self.publish and not floating
        event.origin_sequence, event.origin_modified = sequence, modified
        self.validate(event, item.label)
        tags = self.tags(vevent)
        if not new and before == self.snapshot(event) and set(event.tags.all()) == set(tags):
            report.unchanged.append(item.label)
            Event.objects.filter(pk=event.pk).update(origin_sequence=sequence, origin_modified=modified)
            return event
        event.save()
        event.tags.set(tags)
        (report.created if new else report.updated).append(item.label)
        return event

    @staticmethod
    def snapshot(event: Event) -> dict:
        names = [f.attname for f in Event._meta.concrete_fields]
        ignore = {
            "id",
            "sequence",
            "created_at",
            "updated_at",
            "status_changed_at",
            "origin_sequence",
            "origin_modified",
        }
        return {name: str(getattr(event, name)) for name in names if name not in ignore}

    def validate(self, event: Event, label: str) -> None:
        try:
            event.full_clean(exclude=["slug"])
        except ValidationError as error:
            messages = "; ".join(f"{name}: {' '.join(m)}" for name, m in error.message_dict.items())
            raise ImportFileError(
                _("%(event)s cannot be imported: %(errors)s") % {"event": label, "errors": messages}
            ) from error

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
            event.source = self.source(vevent, report, item.label)
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

    def tags(self, vevent) -> list[Tag]:
        """The categories that are not the event's type, as tags (found by name or slug, created if new)."""
        found = []
        for name in self.categories(vevent):
            mapped = self.category_map.get(name.casefold(), name)
            if self.type_named(mapped) or self.type_named(name):
                continue
            slug = slugify(mapped) or slugify(mapped, allow_unicode=True) or "tag"
            tag = Tag.objects.filter(Q(slug=slug) | Q(name_en__iexact=mapped) | Q(name_ru__iexact=mapped)).first()
            if tag is None:
                tag = Tag(slug=unique_slug(Tag, slug[:45]), **{f"name_{self.language}": mapped[:100]})
                tag.save()
            found.append(tag)
        return found

    def venue(self, vevent, event: Event, report: ImportReport, label: str) -> Venue | None:
        """The venue named by LOCATION ("Building, City, Country"), found or created; GEO gives its coordinates."""
        location = text(vevent, "LOCATION")
        if not location:
            return None
        parts = [part.strip() for part in location.split(",") if part.strip()]
        country = countries.by_name(parts[-1], language=self.language) or countries.by_name(parts[-1], language="en")
        if not country:
            country = countries.by_name(parts[-1], language="ru")
        if not country:
            report.notes.append((label, _("place “%(place)s” not recognised: no venue set") % {"place": location}))
            return None
        city = parts[-2] if len(parts) >= 2 else ""
        name = ", ".join(parts[:-2])
        lang = self.language
        venues = Venue.objects.filter(country=country)
        for field_name, value in ((f"city_{lang}", city), (f"name_{lang}", name)):
            empty = Q(**{field_name: ""}) | Q(**{f"{field_name}__isnull": True})
            venues = venues.filter(Q(**{field_name: value}) if value else empty)
        venue = venues.order_by("pk").first()
        if venue is not None:
            return venue
        venue = Venue(country=country, **{f"city_{lang}": city, f"name_{lang}": name})
        venue.timezone = str(event.timezone) if event.timezone and str(event.timezone) != "UTC" else ""
        if "GEO" in vevent:
            geo = vevent["GEO"]
            venue.latitude = Decimal(str(geo.latitude)).quantize(Decimal("0.000001"))
            venue.longitude = Decimal(str(geo.longitude)).quantize(Decimal("0.000001"))
        try:
            venue.full_clean()
        except ValidationError as error:
            raise ImportFileError(
                _("%(event)s: the place cannot be stored: %(errors)s") % {"event": label, "errors": error}
            ) from error
        venue.save()
        return venue

    def source(self, vevent, report: ImportReport, label: str) -> Source | None:
        url = text(vevent, "URL")[:500]
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            report.notes.append((label, _("the URL is not a web address (http or https): not kept")))
            return None
        source = Source.objects.filter(url=url).order_by("pk").first()
        if source is None:
            published = self.instant(vevent, "CREATED") or self.instant(vevent, "DTSTAMP") or self.now
            title = text(vevent, "X-DIPCAL-TITLE") or text(vevent, "SUMMARY") or url
            source = Source.objects.create(url=url, published_at=published, **{f"title_{self.language}": title[:500]})
        return source

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


def import_calendar(data: bytes, *, dry_run: bool = False, **options) -> ImportReport:
    """Import an iCalendar file's events; all or nothing (ImportFileError), nothing at all for a dry run."""
    report = ImportReport(dry_run=dry_run)
    importer = Importer(**options)
    calendar = parse_calendar(data)
    items = incoming_events(calendar, importer.now, report.skipped)
    with transaction.atomic():
        importer.run(items, report)
        if dry_run:
            transaction.set_rollback(True)
    return report
