"""The .ics views: the public feed of any selection, one event's file, and a staff member's private feed."""

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponsePermanentRedirect, QueryDict
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views import View
from django_countries import countries

from . import freshness, ical
from .dates import format_day, format_event_dates, format_month
from .facts import EventFacts, of_events
from .feedcache import write_public_feed
from .filters import EventFilter, describe_errors, normal_filters, selected_filters
from .ical import FEED_PREFETCH, FEED_RELATED, CalendarResponse, write_calendar
from .models import Event, FeedToken, Venue
from .text import clean_line


def selection_name(filterset: EventFilter) -> str:
    """Name the selection as a calendar app shows it: "Visits · Belarus"; the whole calendar otherwise."""
    return describe_selection(filterset.form.cleaned_data)


def describe_selection(data: dict) -> str:
    """Name the selection of these valid filters (cleaned data): "Visits · Belarus", "Visits · June 2017"."""
    parts = [data["type"].name_plural if data.get("type") else _("Diplomatic events")]
    if data.get("status"):
        parts.append(Event.Status(data["status"]).label.capitalize())
    if data.get("country"):
        parts.append(str(countries.name(data["country"])))
    if data.get("city"):
        parts.append(city_name(data["city"].strip()))
    for key in ("tag", "person"):
        if data.get(key):
            parts.append(data[key].name)
    first, last = data.get("from"), data.get("to")
    if first and last and first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and first.month == last.month:
        # A month page's subscription: its month, as the page names it.
        parts.append(format_month(first))
    else:
        if first:
            parts.append(_("from %(date)s") % {"date": format_day(first)})
        if last:
            parts.append(_("until %(date)s") % {"date": format_day(last)})
    if data.get("q"):
        parts.append(f"«{data['q'].strip()}»")
    # Typed by whoever asked (a city, words to find): one line, whatever they typed.
    return clean_line(" · ".join(parts))


def city_name(typed: str) -> str:
    """A city as the calendar writes it (in the active language), however the filter typed it; as typed if unknown."""
    # Only places of public events: the name of a place only hidden work uses is not for outsiders (and does not
    # move the data version that this feed's ETag follows).
    public_places = Event.objects.public().filter(venue=OuterRef("pk"))
    venues = Venue.objects.filter(Q(city_en__iexact=typed) | Q(city_ru__iexact=typed), Exists(public_places))
    venue = venues.order_by("pk").first()
    return (venue.city or typed) if venue is not None else typed


def describe_window(data: dict) -> str:
    """Say which days' events a feed of these filters (cleaned data) holds, and how long cancelled ones stay."""
    if data.get("from") or data.get("to"):
        return _("Every event within these days; cancelled ones stay, marked as cancelled.")
    days = settings.EVENTS_FEED_PAST_DAYS
    window = ngettext(
        "Every coming event and those that ended in the last %(days)d day.",
        "Every coming event and those that ended in the last %(days)d days.",
        days,
    ) % {"days": days}
    days = settings.EVENTS_FEED_CANCELLED_DAYS
    cancelled = ngettext(
        "Cancelled events stay, marked as cancelled, for %(days)d day after their cancellation.",
        "Cancelled events stay, marked as cancelled, for %(days)d days after their cancellation.",
        days,
    ) % {"days": days}
    return f"{window} {cancelled}"


def selection_description(filterset: EventFilter, page_url: str | None) -> str:
    """Say in the calendar's DESCRIPTION which events it holds and which it leaves out."""
    rules = _(
        "Events known only to the month or the year span that month or year. "
        "Events without a date yet are not included."
    )
    window = describe_window(filterset.form.cleaned_data)
    return "\n".join(line for line in (selection_name(filterset), window, rules, page_url) if line)


def bad_filters(filterset: EventFilter) -> HttpResponse:
    text = "\n".join(describe_errors(filterset)) + "\n"
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


def select_feed_events(params, *, now: dt.datetime) -> tuple[EventFilter, QuerySet[Event] | None]:
    """Apply the shared filters and the feed's default window to the public events; None when params are invalid.

    Without `from` or `to`, a feed holds every coming event and those that
    ended in the last EVENTS_FEED_PAST_DAYS days, cancelled ones for
    EVENTS_FEED_CANCELLED_DAYS after their cancellation (listed_in_feeds).
    Either replaces that window with fixed days, whose events all stay,
    cancelled ones too: such a feed is what a month page or the archive
    subscribes to, and holds exactly the events that page lists.
    """
    filterset = EventFilter(params, queryset=Event.objects.public(now).dated())
    if not filterset.is_valid():
        return filterset, None
    events = filterset.qs
    data = filterset.form.cleaned_data
    if not data.get("from") and not data.get("to"):
        events = events.listed_in_feeds(now).between(
            first=now.date() - dt.timedelta(days=settings.EVENTS_FEED_PAST_DAYS)
        )
    return filterset, events


class EventFeedView(View):
    """GET /feeds/events.ics?type=&country=&...: any public selection, as a calendar to subscribe to."""

    def get(self, request):
        now = timezone.now()
        last_modified, version = freshness.data_version(now)
        # The recognised filters in normal form, not the query as sent: unknown parameters or another spelling
        # of the same selection find the same cached feed (and cannot fill the cache with copies of it).
        params = normal_filters(request.GET)
        etag = feed_etag(request, params, version)
        response = get_conditional_response(
            request, etag=etag, last_modified=int(last_modified.timestamp()) if last_modified else None
        )
        if response is None:
            # The ETag names these exact bytes, so it keys the cache: no change, no rebuild. Only valid
            # selections are cached, so the filters are read (and refused) only when the feed is not.
            key = freshness.key("feed", etag)
            parts = freshness.stored_parts(key)
            if parts is None:
                filterset, events = select_feed_events(params, now=now)
                if events is None:
                    return bad_filters(filterset)
                parts = freshness.coalesce(
                    write_public_feed(
                        events,
                        name=selection_name(filterset),
                        description=selection_description(filterset, absolute_url(request, listing_path(params))),
                        base_url=base_url(request),
                        now=now,
                        timeout=settings.EVENTS_FEED_CACHE_SECONDS,
                    )
                )
                freshness.store_parts(key, parts, settings.EVENTS_FEED_CACHE_SECONDS)
            response = CalendarResponse(parts, filename="events.ics")
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified.timestamp())
        patch_cache_control(response, public=True, max_age=settings.EVENTS_FEED_MAX_AGE)
        return response


def feed_rows(events: QuerySet[Event]):
    """The events of a feed with what their VEVENTs show, fetched a chunk at a time (never all rows at once)."""
    return (
        events.select_related(*FEED_RELATED)
        .prefetch_related(*FEED_PREFETCH)
        .chronological()
        .iterator(chunk_size=ical.CHUNK_SIZE)
    )


class EventIcsView(View):
    """GET /events/<slug>.ics: one public event as a file to download and open."""

    def get(self, request, slug):
        events = Event.objects.public().dated()
        event = events.select_related(*FEED_RELATED).prefetch_related(*FEED_PREFETCH).filter(slug=slug).first()
        if event is None:
            # An address the event had before its slug changed: a permanent redirect to its file.
            moved = events.slug_now(slug)
            if moved is None:
                raise Http404
            return HttpResponsePermanentRedirect(reverse("events:event-ics", kwargs={"slug": moved}))
        # The data version too: the file shows the event's type, place and parent, which change without it.
        _last_modified, version = freshness.data_version(timezone.now())
        etag = feed_etag(request, QueryDict(), event.uid, event.sequence, event.updated_at, version)
        response = get_conditional_response(request, etag=etag, last_modified=int(event.updated_at.timestamp()))
        if response is None:
            calendar = write_calendar(
                [EventFacts.of_event(event, now=timezone.now())],
                name=event.title,
                description=event.summary or event.title,
                base_url=base_url(request),
                fragments=cache,
                fragment_timeout=settings.EVENTS_FEED_CACHE_SECONDS,
            )
            response = CalendarResponse(calendar, filename=f"{event.slug}.ics", attachment=True)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(event.updated_at.timestamp())
        patch_cache_control(response, public=True, max_age=settings.EVENTS_FEED_MAX_AGE)
        return response


class PrivateFeedView(View):
    """GET /feeds/private/<key>.ics: everything, drafts and embargoed events marked, for one staff member."""

    def get(self, request, token):
        if FeedToken.user_for_key(token) is None:
            raise Http404
        now = timezone.now()
        filterset = EventFilter(request.GET, queryset=Event.objects.listed_in_feeds(now))
        if not filterset.is_valid():
            response = bad_filters(filterset)
        else:
            # No fragment store: a staff feed's texts stay out of shared caches.
            calendar = write_calendar(
                of_events(feed_rows(filterset.qs), now=now),
                name=_("%(name)s (staff, with drafts)") % {"name": selection_name(filterset)},
                description=_("Private staff feed: includes drafts and embargoed events. Do not share this address."),
                base_url=base_url(request),
                private=True,
            )
            response = CalendarResponse(calendar, filename="events-private.ics")
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response


def listing_path(params) -> str:
    """The web page of the same selection, in the active language."""
    query = urlencode(selected_filters(params))
    return reverse("events:event-list") + (f"?{query}" if query else "")


# The host a static export renders under when it is given no address (see export.py): links are left out.
UNADDRESSED_HOST = "calendar.invalid"


def base_url(request) -> str | None:
    """The site's address for links inside feeds; None when rendering for a static export without an address."""
    return None if request.get_host() == UNADDRESSED_HOST else request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, path: str) -> str | None:
    return None if request.get_host() == UNADDRESSED_HOST else request.build_absolute_uri(path)


def feed_etag(request, params: QueryDict, *parts: object) -> str:
    """A strong ETag from what decides a response's bytes (params: the filters in normal form), computed without
    building the calendar."""
    # The script prefix too: the same host can serve the site under two paths (and an export renders under any).
    site = (base_url(request), get_script_prefix())
    return f'"{freshness.digest(get_language(), *site, sorted(params.lists()), *parts)[:32]}"'


class UpcomingAtomFeed(Feed):
    """An Atom feed of upcoming public events, of any selection: what news readers follow."""

    feed_type = Atom1Feed
    limit = 50

    def get_object(self, request):
        filterset = EventFilter(request.GET, queryset=Event.objects.public().upcoming())
        if not filterset.is_valid():
            raise BadRequest(" ".join(describe_errors(filterset)))
        self.request = request
        return filterset

    def title(self, filterset):
        return selection_name(filterset)

    def subtitle(self, filterset):
        return _("Coming events, the soonest first.")

    def link(self, filterset):
        return reverse("events:event-list")

    def items(self, filterset):
        return filterset.qs.select_related("event_type", "venue").chronological()[: self.limit]

    def item_title(self, event):
        return ical.status_title(event.title, event.status)

    def item_description(self, event):
        parts = [format_event_dates(event)]
        if event.venue_id:
            parts.append(str(event.venue))
        if event.summary:
            parts.append(event.summary)
        return " · ".join(parts)

    def item_guid(self, event):
        return f"urn:uuid:{event.uid}" if len(event.uid) == 36 else event.uid

    item_guid_is_permalink = False

    def item_updateddate(self, event):
        return event.updated_at

    def item_pubdate(self, event):
        return event.created_at

    def item_categories(self, event):
        return [event.event_type.name]
