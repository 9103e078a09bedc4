"""The embeddable calendar: a compact listing (/embed/) and month grid (/embed/month/) for another site's <iframe>.

The pages take the shared filters and show only public events, kept whole like the other pages (freshness.py).
Only these pages may be framed, and only by the origins of EVENTS_EMBED_ORIGINS (by this site alone when none is
set): their Content-Security-Policy names them in frame-ancestors, set on each answer (a kept page included), so a
changed setting holds from the next request. They set no cookie and load no script; links open on the main site,
in the whole window (<base target="_top">), except the month navigation, which stays in the frame.
"""

import datetime as dt
from urllib.parse import urlencode

from csp.constants import HEADER, SELF
from csp.utils import build_policy
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from .feeds import describe_selection
from .filters import normal_filters, selected_filters
from .listing import LISTED_RELATED, heads, nest
from .models import Event, current_minute
from .views import EventMonthView, FilteredPageMixin

# The most events the compact listing shows; a link leads to the rest on the main site.
EMBED_LIST = 10


def frame_ancestors() -> list[str]:
    """Who may frame the embed pages: the configured origins, or this site alone."""
    return list(settings.EVENTS_EMBED_ORIGINS) or [SELF]


def allow_framing(response):
    """Let the configured origins frame this answer: CSP frame-ancestors, which browsers obey over X-Frame-Options.

    X-Frame-Options names no list of origins: SAMEORIGIN when only this site may frame the page, else none at all
    (the XFrameOptionsMiddleware's DENY would refuse the frame in browsers that ignore CSP's frame-ancestors).
    """
    # Set whole here, so that django-csp keeps it (as for the event page's JSON-LD hash).
    response[HEADER] = build_policy(replace={"frame-ancestors": frame_ancestors()})
    if settings.EVENTS_EMBED_ORIGINS:
        response.xframe_options_exempt = True
    else:
        response["X-Frame-Options"] = "SAMEORIGIN"
    return response


class EmbedMixin(FilteredPageMixin):
    """A page for a frame: no filter form, no subscribe block; the selection named; links to the main site's."""

    offers_filters = False

    def dispatch(self, request, *args, **kwargs):
        return allow_framing(super().dispatch(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # the month page reads its filters in there
        params = selected_filters(normal_filters(self.request.GET))
        query = f"?{urlencode(params)}" if params else ""
        context.update(
            selection_name=describe_selection(self.filterset.form.cleaned_data),
            query=query,
            full_url=reverse("events:event-list") + query,
            feed_url=reverse("events:feed") + query,
        )
        return context


class EmbedListView(EmbedMixin, TemplateView):
    """GET /embed/?filters: the coming events of a selection, the first EMBED_LIST of them, each visit's parts named
    under it (listing.py)."""

    template_name = "events/embed_list.html"

    def get_context_data(self, **kwargs):
        now = current_minute()
        selection = self.filtered(Event.objects.public(now).upcoming(now))
        listed = heads(selection).select_related(*LISTED_RELATED).order_by("start_date", "-created_at", "-pk")
        events = list(listed[: EMBED_LIST + 1])
        shown = nest(events[:EMBED_LIST], selection, now)
        return super().get_context_data(events=shown, more=len(events) > EMBED_LIST, **kwargs)


class EmbedMonthView(EmbedMixin, EventMonthView):
    """GET /embed/month/<year>/<month>/?filters: a month's compact grid, with the previous and next months."""

    template_name = "events/embed_month.html"
    body_template = "events/includes/embed_month_body.html"
    extra_context = None


class EmbedCurrentMonthView(EmbedMonthView):
    """GET /embed/month/?filters: this month (UTC), whichever it is when the page is read."""

    def get_context_data(self, **kwargs):
        today = timezone.now().astimezone(dt.UTC).date()
        return super().get_context_data(year=today.year, month=today.month, **kwargs)
