"""Any selection of events as a spreadsheet (CSV): /events.csv?<filters>, and the admin's export of chosen events.

Written for Excel and LibreOffice as much as for scripts: UTF-8 with a byte order mark (without it Excel reads
Cyrillic as its ANSI code page), CRLF line ends (RFC 4180), a header row in the page's language, and every cell
that a spreadsheet would take for a formula (its first character =, +, -, @, a tab or a carriage return) prefixed
with a single quote, as OWASP recommends against CSV injection. The columns and their order are fixed (COLUMNS;
the README lists them): a script that reads them by position keeps working.

The rows are streamed, a chunk of events at a time, so a selection of any size is never held whole; the events,
their people and their topics are read with one query each per chunk (CHUNK_SIZE), never one per event.
"""

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views import View

from . import freshness
from .dates import format_event_dates
from .feeds import bad_filters, feed_etag, select_feed_events
from .filters import EventFilter, normal_filters
from .models import Event, Participation

# (key, header) in the order the file has them: new columns go at the end, so that positions never change.
COLUMNS = (
    ("title", _("Title")),
    ("type", _("Type")),
    ("status", _("Status")),
    ("dates", _("Dates")),
    ("start", _("Start (ISO 8601)")),
    ("end", _("End (ISO 8601)")),
    ("timezone", _("Time zone")),
    ("place", _("Place")),
    ("city", _("City")),
    ("country", _("Country")),
    ("people", _("People")),
    ("topics", _("Topics")),
    ("summary", _("Event summary")),
    ("page", _("Event page")),
    ("ics", _("Calendar file (.ics)")),
    ("uid", _("UID")),
    ("updated", _("Last changed (UTC)")),
)
# The admin's export adds whether each event is public, a draft or embargoed (and until when).
PUBLICATION = ("publication", _("Publication"))

# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
CHUNK_SIZE = 1000


def neutralise(value: str) -> str:
    """A cell's text as a spreadsheet shows it, never run: a leading quote before what would start a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class Addresses(NamedTuple):
    """An event's page and .ics file as absolute addresses, made without reverse() for each row (and without the
    request, which a streamed body outlives): a template with the slug's place marked."""

    page: str
    ics: str

    MARK = "slug-goes-here"

    @classmethod
    def of_request(cls, request) -> "Addresses":
        def absolute(name: str) -> str:
            return request.build_absolute_uri(reverse(name, kwargs={"slug": cls.MARK}))

        return cls(page=absolute("events:event-detail"), ics=absolute("events:event-ics"))

    def of(self, event: Event) -> tuple[str, str]:
        ics = self.ics.replace(self.MARK, event.slug) if event.date_precision != Event.Precision.NONE else ""
        return self.page.replace(self.MARK, event.slug), ics


def iso_dates(event: Event) -> tuple[str, str]:
    """The start and end in ISO 8601 at the precision known: a timed event's local times with their offset, an
    all-day event's first and last days (the last inclusive), a month as 2015-06, a year as 2014; undated: empty."""
    if event.date_precision == Event.Precision.NONE or event.start_date is None:
        return "", ""
    last = event.end_date or event.start_date
    if event.date_precision == Event.Precision.YEAR:
        return f"{event.start_date:%Y}", f"{last:%Y}"
    if event.date_precision == Event.Precision.MONTH:
        return f"{event.start_date:%Y-%m}", f"{last:%Y-%m}"
    if event.all_day or event.start is None:
        return event.start_date.isoformat(), last.isoformat()
    zone = ZoneInfo(str(event.timezone)) if event.timezone else dt.UTC
    end = event.end.astimezone(zone).isoformat() if event.end else ""
    return event.start.astimezone(zone).isoformat(), end


def event_cells(event: Event, addresses: Addresses) -> list[str]:
    """One event's cells, in the order of COLUMNS, in the active language (fetched with table_rows' relations)."""
    start, end = iso_dates(event)
    venue = event.venue
    page, ics = addresses.of(event)
    return [
        event.title,
        event.event_type.name,
        str(Event.Status(event.status).label),
        format_event_dates(event),
        start,
        end,
        str(event.timezone) if not event.all_day and event.timezone else "",
        str(venue) if venue else "",
        (venue.city or "") if venue else "",
        str(venue.country.name) if venue and venue.country else "",
        "; ".join(participation.person.name for participation in event.participations.all()),
        "; ".join(tag.name for tag in event.tags.all()),
        event.summary or "",
        page,
        ics,
        event.uid,
        event.updated_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    ]


def table_rows(events: QuerySet) -> Iterator[Event]:
    """The events in calendar order with what their rows show, CHUNK_SIZE at a time."""
    people = Prefetch("participations", queryset=Participation.objects.select_related("person"))
    return (
        events.select_related("event_type", "venue")
        .prefetch_related(people, "tags")
        .chronological()
        .iterator(chunk_size=CHUNK_SIZE)
    )


class Line:
    """A file-like object that hands back what csv.writer writes to it (Django's streaming CSV recipe)."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(
    events: Iterable[Event],
    *,
    addresses: Addresses,
    language: str,
    publication: Callable[[Event], str] | None = None,
) -> Iterator[bytes]:
    """The file, a header row and then a chunk of rows at a time, as UTF-8 with a byte order mark.

    The language is given, not read from the request: a streamed body is written after the view has returned.
    publication: the staff export's last column (the event's publication, in words).
    """
    writer = csv.writer(Line())
    with translation.override(language):
        headers = [str(header) for _key, header in (*COLUMNS, *([PUBLICATION] if publication else []))]
        yield (BOM + writer.writerow(headers)).encode()
        lines = []
        for event in events:
            cells = event_cells(event, addresses)
            if publication is not None:
                cells.append(publication(event))
            lines.append(writer.writerow([neutralise(cell) for cell in cells]))
            if len(lines) == CHUNK_SIZE:
                yield "".join(lines).encode()
                lines = []
        if lines:
            yield "".join(lines).encode()


def csv_response(chunks: Iterator[bytes], *, filename: str) -> StreamingHttpResponse:
    """A streamed CSV file to download (RFC 4180's media type, with its header row declared)."""
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8; header=present")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def select_table_events(params, *, now: dt.datetime) -> tuple[EventFilter, QuerySet[Event] | None]:
    """The events of the calendar feed of these filters (feeds.select_feed_events), and, unless the filters give
    days, the public events whose dates are still to be announced, which a spreadsheet can list as a feed cannot;
    None when the filters are invalid."""
    filterset, dated = select_feed_events(params, now=now)
    if dated is None:
        return filterset, None
    data = filterset.form.cleaned_data
    if data.get("from") or data.get("to"):
        return filterset, dated
    undated = EventFilter(params, queryset=Event.objects.public(now).undated()).qs
    return filterset, Event.objects.filter(Q(pk__in=dated.values("pk")) | Q(pk__in=undated.values("pk")))


def staff_csv_response(request, events: QuerySet[Event], *, publication: Callable[[Event], str]):
    """The admin's export of chosen events, drafts and embargoed ones included, with their publication in a last
    column; private to the member of staff who asked."""
    chunks = csv_chunks(
        table_rows(events),
        addresses=Addresses.of_request(request),
        language=translation.get_language(),
        publication=publication,
    )
    response = csv_response(chunks, filename="events-staff.csv")
    patch_cache_control(response, private=True, no_store=True)
    return response


class EventCsvView(View):
    """GET /events.csv?type=&country=&...: any public selection as a spreadsheet to download."""

    def get(self, request):
        now = timezone.now()
        last_modified, version = freshness.data_version(now)
        params = normal_filters(request.GET)
        # Decided by what decides a feed's bytes (the filters, the language, the site's address, the data version):
        # an unchanged file answers 304 before any event is read.
        etag = feed_etag(request, params, "csv", version)
        response = get_conditional_response(request, etag=etag, last_modified=int(last_modified.timestamp()))
        if response is None:
            filterset, events = select_table_events(params, now=now)
            if events is None:
                return bad_filters(filterset)
            chunks = csv_chunks(
                table_rows(events), addresses=Addresses.of_request(request), language=translation.get_language()
            )
            response = csv_response(chunks, filename="events.csv")
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified.timestamp())
        patch_cache_control(response, public=True, max_age=settings.EVENTS_FEED_MAX_AGE)
        return response
