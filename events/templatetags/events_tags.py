from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.dates import format_day, format_event_dates
from events.filters import selected_filters
from events.ical import status_title

register = template.Library()


@register.simple_tag
def localized(obj, field: str, multiline: bool = False):
    """Show a translated field in the page's language, or in English with a visible marker when missing."""
    language = (get_language() or "en")[:2]
    value = getattr(obj, f"{field}_{language}", None) or ""
    if value or language == "en":
        # linebreaks() escapes the text itself when asked to, but returns a plain str.
        return mark_safe(linebreaks(value, autoescape=True)) if multiline else value
    english = getattr(obj, f"{field}_en", None) or ""
    if not english:
        return ""
    marker = format_html('<span class="fallback">{}</span>', _("(in English)"))
    if multiline:
        return format_html('<div lang="en">{}</div><p>{}</p>', linebreaks(english, autoescape=True), marker)
    return format_html('<span lang="en">{}</span> {}', english, marker)


@register.filter
def event_dates(event) -> str:
    return format_event_dates(event)


@register.filter
def with_status(title, status: str) -> str:
    """A title as listings and the month grid show it: "Cancelled: …", worded as the feeds word it (status_title)."""
    return mark_safe(status_title(conditional_escape(title), status))


@register.filter
def written_day(value) -> str:
    """A date or datetime (taken in UTC) as people write a day: "13 November 2017", "13 ноября 2017 г."."""
    return format_day(value.date() if hasattr(value, "date") else value)


@register.simple_tag(takes_context=True)
def url_in_language(context, language: str) -> str:
    """The current page in another language, query string included: always a path on this site.

    A path that begins with two slashes ("//evil.example/", a 404) would be read by browsers as another host.
    """
    request = context["request"]
    # Without the script prefix: translate_url() resolves the path, and reverse() puts the prefix back.
    return "/" + translate_url(request.get_full_path_info(), language).lstrip("/")


@register.simple_tag(takes_context=True)
def absolute_url_in_language(context, language: str) -> str:
    """The same, with this site's address; only the path when the request's Host is not one of ours (a 400)."""
    request = context["request"]
    path = url_in_language(context, language)
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path


# The public pages that have a canonical address: "/" serves the listing, whose address is /events/.
CANONICAL_NAMES = {
    "events:home": "events:event-list",
    "events:event-list": "events:event-list",
    "events:event-archive": "events:event-archive",
    "events:event-month": "events:event-month",
    "events:event-detail": "events:event-detail",
}


@register.simple_tag(takes_context=True)
def canonical_url(context, language: str | None = None) -> str:
    """The page's canonical address (in `language`, by default the page's): "" for pages that have none.

    Without parameters that change nothing: a listing's filters in their
    normal order (filters.selected_filters) and its page number past the
    first; an event's page without any. "/" is the
    listing, so its address is /events/ (the one the sitemap lists).
    """
    request = context["request"]
    match = request.resolver_match
    name = CANONICAL_NAMES.get(match.view_name) if match is not None else None
    if name is None:
        return ""
    with translation.override(language or get_language()):
        path = reverse(name, kwargs=match.kwargs)
    params = selected_filters(request.GET) if name != "events:event-detail" else {}
    page = context.get("page")
    if getattr(page, "number", 1) > 1:
        params["page"] = str(page.number)
    query = urlencode(params)
    try:
        return request.build_absolute_uri(path + (f"?{query}" if query else ""))
    except DisallowedHost:
        return path


@register.simple_tag(takes_context=True)
def alternate_url(context, language: str) -> str:
    """The page in another language for hreflang: its canonical address there, or the same path and query."""
    return canonical_url(context, language) or absolute_url_in_language(context, language)


@register.simple_tag
def languages():
    return settings.LANGUAGES


@register.filter
def datetime_attr(event) -> str:
    """The machine-readable start of an event for <time datetime>, at the precision it is known."""
    if event.start_date is None:
        return ""
    if not event.all_day and event.start is not None:
        return event.start.isoformat()
    if event.date_precision == "year":
        return f"{event.start_date:%Y}"
    if event.date_precision == "month":
        return f"{event.start_date:%Y-%m}"
    return event.start_date.isoformat()
