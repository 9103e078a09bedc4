"""The public HTML pages: listing, archive, month grid, event detail, and the error pages."""

import base64
import calendar
import datetime as dt
import hashlib
from typing import NamedTuple
from urllib.parse import quote, urlencode

from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found as django_page_not_found
from django.views.generic import DetailView, TemplateView
from django_countries import countries

from . import freshness
from .dates import format_event_dates, format_month
from .feeds import describe_selection, describe_window
from .filters import (
    FILTER_NAMES,
    EventFilter,
    city_name,
    describe_errors,
    normal_filters,
    offer_options,
    page_counts,
    selected_filters,
)
from .grid import Segment, month_weeks
from .jsonld import json_ld
from .links import calendar_links
from .listing import LISTED_RELATED, heads, nest, part_counts
from .models import MAX_YEAR, MIN_YEAR, Event, can_see_unpublished, current_minute, start_of_utc_day
from .paging import CachedCountPaginator
from .typography import typeset_response

PAGE_SIZE = 20
# The month grid shows this many lanes of events a week (the rest as "3 more events" a day), and lists this many.
MONTH_LANES = 4
MONTH_LIST = 20
# The most undated events ("dates to be announced") a listing shows, below its last page of dated ones.
UNDATED_LIST = 100


class WholePageMixin:
    """Serve an anonymous reader's page whole from the cache while nothing it shows has changed (freshness.py)."""

    def dispatch(self, request, *args, **kwargs):
        # The page's own parameters as sent (the filter form shows them as typed); unknown ones change nothing.
        sent = [(name, request.GET.getlist(name)) for name in (*FILTER_NAMES, "page") if name in request.GET]
        respond = super().dispatch
        return freshness.whole_response(request, lambda: respond(request, *args, **kwargs), parts=(sent,))


class FilteredPageMixin(WholePageMixin):
    """Filter a page's events with the shared EventFilter; invalid filters answer 400 with their messages."""

    def filtered(self, events):
        self.filterset = EventFilter(self.request.GET, queryset=events)
        if not self.filterset.is_valid():
            raise BadRequest(" ".join(describe_errors(self.filterset)))
        return self.filterset.qs

    def paginate(self, events):
        paginator = CachedCountPaginator(events, PAGE_SIZE)
        number = self.request.GET.get("page", "1")
        try:
            return paginator.page(number)
        except InvalidPage as error:
            raise BadRequest(_("page: there is no page %(page)s.") % {"page": number[:20]}) from error

    # The days a page's subscription is limited to (see filter_context); None: the feed's default window.
    subscribed_days: tuple[dt.date | None, dt.date | None] | None = None
    # Whether the page lists coming events only, as the Atom feed does.
    lists_coming_events = False

    # Whether the page has the filter form and the subscribe block (the embeddable pages have neither).
    offers_filters = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.offers_filters:
            context.update(
                filter_context(self.request, self.filterset, days=self.subscribed_days, news=self.lists_coming_events)
            )
        return context


def filter_context(request, filterset, *, days=None, news: bool = True) -> dict:
    """The active filters with links that remove each, and the subscription links for this selection.

    The subscribed feed holds every event the page lists: with the page's filters in normal form (so that every
    spelling finds the same cached feed) and, for a page that is not the coming events, the page's days as a fixed
    `from`/`to` window (`days`, either end open) rather than the feed's default window. The Atom feed holds coming
    events (what a news reader follows): the block offers it only on a page of coming events (`news`).
    """
    data = filterset.form.cleaned_data
    # The form's selects offer the values with events on this page, counted (see page_counts): the form is cached
    # per counts, page and values as sent, since rendering the selects is most of a listing's time.
    kind = request.resolver_match.view_name if request.resolver_match else request.path
    now = current_minute()
    counted = filterset.queryset
    if news:
        # The listing of coming events shows those whose dates are still to be announced too, in a section of theirs.
        counted = counted | Event.objects.public(now).undated()
    counts = page_counts(counted, kind=kind, now=now)
    offer_options(filterset, counts.rows)
    params = selected_filters(request.GET)
    active = []
    for name, value in params.items():
        label = getattr(data.get(name), "name", None) or value
        if name == "status":
            label = Event.Status(value).label
        elif name == "country":
            label = countries.name(value.upper())
        elif name == "city":
            label = city_name(counts.rows, value)
        rest = {key: item for key, item in params.items() if key != name}
        active.append(
            {
                "name": filterset.form.fields[name].label,
                "value": label,
                "remove": f"?{urlencode(rest)}" if rest else "?",
            }
        )
    coming = selected_filters(normal_filters(request.GET))
    # The Atom feed: the coming events of the page's filters, without its days (the page's <head> names it too).
    atom_url = request.build_absolute_uri(reverse("events:atom") + (f"?{urlencode(coming)}" if coming else ""))
    subscribed, held = coming, dict(data)
    if days is not None:
        window = {"from": days[0], "to": days[1]}
        held.update(window)
        subscribed = selected_filters({**coming, **{name: day.isoformat() for name, day in window.items() if day}})
    query = f"?{urlencode(subscribed)}" if subscribed else ""
    feed_url = request.build_absolute_uri(reverse("events:feed") + query)
    webcal_url = "webcal://" + feed_url.split("://", 1)[1]
    sent = [(name, request.GET.getlist(name)) for name in FILTER_NAMES]
    form_key = freshness.key(
        "filter-form", freshness.current().key, kind, counts.counted_at, get_language(), request.path, sent
    )
    return {
        "filter_form": filterset.form,
        "filter_form_key": form_key,
        "active_filters": active,
        "query_string": urlencode(params),
        "feed_name": describe_selection(held),
        "feed_window": describe_window(held),
        "feed_url": feed_url,
        "webcal_url": webcal_url,
        "google_url": "https://calendar.google.com/calendar/render?cid=" + quote(webcal_url, safe=""),
        "atom_url": atom_url,
        "atom_subscribed": news,
        # What changed among the subscribed feed's events (change_feeds.py).
        "changes_atom_url": request.build_absolute_uri(reverse("events:changes-atom") + query),
        "changes_json_url": request.build_absolute_uri(reverse("events:changes-json") + query),
        "csv_url": reverse("events:event-csv") + query,
        "alerts_url": reverse("events:alerts") + query,
        # A month page offers the grid of the month a visitor is in, the others the coming events of the filters.
        "embed_url": request.build_absolute_uri(
            reverse("events:embed-current-month" if kind == "events:event-month" else "events:embed")
            + (f"?{urlencode(coming)}" if coming else "")
        ),
    }


class EventListView(FilteredPageMixin, TemplateView):
    """Upcoming events, those in progress included; days in order, the newest announcement first within a day.

    Each visit is listed once with its parts under it (listing.py). Events whose dates are still to be announced
    follow the dated ones, on the last page, in a section of their own: filters and search find them too (a day
    filter leaves them out, as they have no day).
    """

    template_name = "events/event_list.html"
    extra_context = {"nav": "upcoming"}
    lists_coming_events = True

    def get_context_data(self, **kwargs):
        now = current_minute()
        selection = self.filtered(Event.objects.public(now).upcoming(now))
        events = heads(selection).select_related(*LISTED_RELATED)
        page = self.paginate(events.order_by("start_date", "-created_at", "-pk"))
        listed = nest(page.object_list, selection, now)
        context = super().get_context_data(page=page, events=listed, **kwargs)
        if not page.has_next():
            # Events without dates change only with the data (not with the clock): remembered per data version.
            normal = normal_filters(self.request.GET)
            undated = self.filterset.filter_queryset(Event.objects.public(now).undated())
            context["undated"], context["undated_more"] = freshness.remember(
                "undated", (sorted(normal.lists()),), lambda: undated_events(undated, now), timeout=3600
            )
        if not listed:
            past = EventFilter(self.request.GET, queryset=Event.objects.public(now).past(now)).qs
            recent = heads(past).select_related(*LISTED_RELATED).order_by("-end_date", "-pk")[:5]
            context["recent"] = nest(recent, past, now)
        return context


def undated_events(undated, now: dt.datetime) -> tuple[list[Event], bool]:
    """A selection of events without dates as a listing shows it: newest first with their parts (at most
    UNDATED_LIST), and whether there are more."""
    shown = list(heads(undated).select_related(*LISTED_RELATED).order_by("-created_at", "-pk")[: UNDATED_LIST + 1])
    return nest(shown[:UNDATED_LIST], undated, now), len(shown) > UNDATED_LIST


class EventArchiveView(FilteredPageMixin, TemplateView):
    """Past events, the latest first, with the years and months that have events."""

    template_name = "events/event_archive.html"
    extra_context = {"nav": "archive"}

    def get_context_data(self, **kwargs):
        now = current_minute()
        past = self.filtered(Event.objects.public(now).past(now))
        self.subscribed_days = archive_days(self.filterset.form.cleaned_data, now)
        events = heads(past).select_related(*LISTED_RELATED)
        page = self.paginate(events.order_by("-end_date", "-start_date", "-pk"))
        listed = nest(page.object_list, past, now)
        return super().get_context_data(page=page, events=listed, years=self.years(now), **kwargs)

    def years(self, now) -> dict[int, list[dt.date]]:
        """The months with past events of this selection, by year, the latest first: derived once a day per data
        version (reading every past event's month is most of the page's time), so an event that ends today shows
        its month from tomorrow; its page is in the listing at once."""
        midnight = start_of_utc_day(now)
        params = normal_filters(self.request.GET)
        months = freshness.remember(
            "archive-months",
            (midnight, sorted(params.lists())),
            lambda: list(
                EventFilter(params, queryset=Event.objects.public(midnight).past(midnight))
                .qs.filter(date_precision__in=["day", "month"])
                .dates("start_date", "month", order="DESC")
            ),
            timeout=24 * 3600,
        )
        years: dict[int, list] = {}
        for month in months:
            years.setdefault(month.year, []).append(month)
        return years


class EventMonthView(FilteredPageMixin, TemplateView):
    """A month as a calendar grid; events known only to the month or year are listed beside it."""

    template_name = "events/event_month.html"
    extra_context = {"nav": "archive"}
    # The grid and its lists, rendered once per data version, day, language, month and filters.
    body_template = "events/includes/month_body.html"

    def get_context_data(self, year, month, **kwargs):
        if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            raise Http404
        first = dt.date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        now = timezone.now()
        self.filtered(Event.objects.public(now))  # refuses invalid filters, and gives the form as typed
        self.subscribed_days = month_days(self.filterset.form.cleaned_data, first, last)
        # The grid is cached under the filters in normal form, so it is made from them (not from the query as typed).
        self.normal = normal_filters(self.request.GET)
        events = EventFilter(self.normal, queryset=Event.objects.public(now)).qs.chronological()
        # The grid and its lists are the same until the calendar changes, an embargo ends or the day turns.
        body = freshness.remember(
            "month",
            (self.body_template, now.astimezone(dt.UTC).date(), get_language(), first, sorted(self.normal.lists())),
            lambda: render_to_string(self.body_template, self.month_context(events, first, last), request=self.request),
            timeout=24 * 3600,
        )
        previous_month = (first - dt.timedelta(days=1)).replace(day=1)
        next_month = last + dt.timedelta(days=1)
        return super().get_context_data(
            month_start=first,
            month_name=format_month(first),
            month_body=mark_safe(body),  # rendered from a template just above, escaped there
            previous_month=previous_month if previous_month.year >= MIN_YEAR else None,
            next_month=next_month if next_month.year <= MAX_YEAR else None,
            **kwargs,
        )

    def month_context(self, events, first: dt.date, last: dt.date) -> dict:
        """What the month's grid and lists show."""
        year, month = first.year, first.month
        # Every event of the grid's six weeks, as days only: the lanes are laid out from these.
        # Known to the day only, so the window's lower bound follows the longest such event, not a year-long one.
        # A visit's parts are not entries of their own (listing.py): the grid shows the visit, "+2 parts".
        window = heads(events).between(
            first - dt.timedelta(days=6), last + dt.timedelta(days=6), precisions=[Event.Precision.DAY]
        )
        days = [Days(*row) for row in window.values_list("pk", "start_date", "end_date")]
        weeks = month_weeks(year, month, days, max_lanes=MONTH_LANES)
        in_month = [event.pk for event in days if event.end_date >= first and event.start_date <= last]
        shown = {cell.event.pk for week in weeks for lane in week.lanes for cell in lane if isinstance(cell, Segment)}
        # Then whole rows, only for what the page shows.
        listed = in_month[:MONTH_LIST]
        fetched = heads(events).filter(pk__in=shown.union(listed)).select_related(*LISTED_RELATED).in_bulk()
        nest([fetched[pk] for pk in listed], events)
        parts = part_counts(events, [pk for pk in shown.difference(listed) if fetched[pk].has_parts])
        for week in weeks:
            for lane in week.lanes:
                for cell in lane:
                    if isinstance(cell, Segment):
                        cell.event = fetched[cell.event.pk]
                        cell.parts = len(getattr(cell.event, "listed_parts", [])) or parts.get(cell.event.pk, 0)
            week.more = [
                (count, self.day_url(day)) if count else None for day, count in zip(week.days, week.hidden, strict=True)
            ]
        vague = heads(events).between(first, last, precisions=[Event.Precision.MONTH, Event.Precision.YEAR])
        vague = vague.select_related(*LISTED_RELATED)
        vague_events = nest(vague[: MONTH_LIST + 1], events)
        return {
            "month_start": first,
            "month_name": format_month(first),
            "weekdays": [dt.date(2024, 1, day) for day in range(1, 8)],  # 1 January 2024 was a Monday
            "weeks": weeks,
            "grid_events": [fetched[pk] for pk in listed],
            "grid_total": len(in_month),
            "vague_events": vague_events[:MONTH_LIST],
            "vague_total": vague.count() if len(vague_events) > MONTH_LIST else len(vague_events),
            "more_links": self.more_links(first, last),
            "has_events": bool(days) or bool(vague_events),
        }

    def day_url(self, first: dt.date, last: dt.date | None = None) -> str:
        """The listing of the days first..last with this page's filters: coming events, or the archive's past ones."""
        last = last or first
        params = {**selected_filters(self.normal), "from": first.isoformat(), "to": last.isoformat()}
        page = "events:event-list" if last >= timezone.now().date() else "events:event-archive"
        return f"{reverse(page)}?{urlencode(params)}"

    def more_links(self, first: dt.date, last: dt.date) -> list[tuple[str, str]]:
        """Where the rest of a month's events are listed: the archive for its past days, the listing for the rest."""
        today = timezone.now().date()
        links = []
        if first < today:
            links.append((self.day_url(first, min(last, today - dt.timedelta(days=1))), _("Past events of this month")))
        if last >= today:
            links.append((self.day_url(max(first, today), last), _("Coming events of this month")))
        return links


def archive_days(data: dict, now: dt.datetime) -> tuple[dt.date | None, dt.date]:
    """The days whose events the archive's subscription holds: its filters' own, up to today at most.

    A fixed window rather than one that grows with every event that ends. Up to today (UTC), not yesterday: a timed
    event that ended this morning began today and is in the archive already; the feed holds too what begins today
    and has not ended yet. (A timed event's first day is its local one: far east of UTC, one that ended shortly
    before midnight UTC may begin on tomorrow's date, and reaches the archive's feed with the next day's link.)
    """
    today = now.astimezone(dt.UTC).date()
    last = min(data["to"], today) if data.get("to") else today
    first = data.get("from")
    return (first if first is None or first <= last else last), last


def month_days(data: dict, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The days whose events a month page's subscription holds: the month's, within its filters' own days."""
    start, end = max(first, data.get("from") or first), min(last, data.get("to") or last)
    # Filters' days outside the month: the page lists nothing, and its subscription is the month's.
    return (start, end) if start <= end else (first, last)


class Days(NamedTuple):
    """What the month grid lays out: an event's days."""

    pk: int
    start_date: dt.date
    end_date: dt.date


class EventDetailView(WholePageMixin, DetailView):
    """One public event; drafts and embargoed events answer 404 like unknown slugs, except to staff (a preview)."""

    def get_queryset(self):
        events = Event.objects.all() if can_see_unpublished(self.request.user) else Event.objects.public()
        return events.select_related("event_type", "venue", "series", "source").prefetch_related(
            "participations__person", "tags", "organisers"
        )

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            # An address the event had before its slug changed: a permanent redirect, to a page the reader may see.
            moved = self.get_queryset().slug_now(kwargs["slug"])
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(reverse("events:event-detail", kwargs={"slug": moved}))
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        event = self.object
        public = Event.objects.public().select_related(*LISTED_RELATED)
        url = self.request.build_absolute_uri(event.get_absolute_url())
        ics_url = reverse("events:event-ics", kwargs={"slug": event.slug})
        named, unnamed = people_at_a_glance(list(event.participations.all()))
        return super().get_context_data(
            when=format_event_dates(event),
            # The minute, as the listing and the page cache (freshness.py) count it: the page shows the marker from
            # the minute the event leaves the coming events.
            ended=event.has_ended(current_minute()),
            main_people=named,
            more_people=unnamed,
            agenda=[line.strip() for line in (event.agenda or "").splitlines() if line.strip()],
            parts=public.filter(parent=event).chronological(),
            parent=public.filter(pk=event.parent_id).first() if event.parent_id else None,
            editions=public.filter(series_id=event.series_id).exclude(pk=event.pk).chronological()
            if event.series_id
            else [],
            preview=not event.is_public,
            page_url=url,
            ics_url=ics_url,
            calendar_links=calendar_links(event, page_url=url, ics_url=self.request.build_absolute_uri(ics_url)),
            json_ld=json_ld(event, url),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        # The JSON-LD block is allowed by its hash, which (unlike a nonce) keeps the page the same on every
        # request: ETags and the static export depend on that. See the Content-Security-Policy in settings.
        digest = base64.b64encode(hashlib.sha256(str(context["json_ld"]).encode()).digest()).decode()
        # Set here whole (django-csp keeps a header the view set), so that a cached page keeps it too.
        response[HEADER] = build_policy(update={"script-src": [f"'sha256-{digest}'"]})
        if context["preview"]:
            patch_cache_control(response, private=True, no_store=True)
        return response


# The people the top of an event page names: its guests and hosts (everyone, when no one has those roles), at most
# this many; the Participants section lists them all.
MAIN_PEOPLE = 4


def people_at_a_glance(participations: list) -> tuple[list, int]:
    """The participations named at the top of an event page, and how many more the Participants section lists."""
    main = [p for p in participations if p.role != p.Role.PARTICIPANT] or participations
    named = main[:MAIN_PEOPLE]
    return named, len(participations) - len(named)


def bad_request(request, exception):
    """The 400 page, in the page's language, naming what was wrong with the request (JSON under /api/)."""
    message = str(exception) if isinstance(exception, BadRequest) else ""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message or "Bad request."}, status=400)
    return typeset_response(render(request, "400.html", {"message": message}, status=400))


def page_not_found(request, exception):
    """The 404 page in the page's language; JSON under /api/, where clients expect JSON."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return typeset_response(django_page_not_found(request, exception))


def robots_txt(request):
    """Keep crawlers out of the admin and the private feeds, in every language, and point them to the sitemap."""
    lines = ["User-agent: *"]
    for name, kwargs in (("admin:index", {}), ("events:private-feed", {"token": "-"}), ("events:alerts", {})):
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                lines.append(f"Disallow: {reverse(name, kwargs=kwargs).rsplit('/', 1)[0]}/")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
