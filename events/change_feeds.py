"""The change feeds of any selection: /changes/ and /changes.atom (Atom), /changes.json (JSON Feed 1.1).

What changed comes from changes.public_changes; the selection (the shared filters, refused with a 400 as the .ics
feed refuses them), the ETag from the data version and the cache of built feeds are the .ics feed's (feeds.py).
"""

import datetime as dt
import json
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views import View

from . import freshness
from .changes import Change, InvalidSelection, public_changes
from .feeds import bad_filters, describe_selection, feed_etag, listing_path
from .filters import EventFilter, normal_filters, selected_filters
from .links import is_placeable
from .models import Event, start_of_utc_day

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_TYPES = {"atom": Atom1Feed.content_type, "json": "application/feed+json; charset=utf-8"}


class ChangesAtom(Atom1Feed):
    """Atom, with each entry's .ics file linked beside its page, dated by its entries (or, without any, by the
    data version's moment: the same feed is the same bytes)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["ics_link"]:
            handler.addQuickElement("link", "", {"rel": "related", "type": "text/calendar", "href": item["ics_link"]})

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.feed["stamp"]


class ChangeFeedView(View):
    """GET /changes/, /changes.atom, /changes.json?type=&country=&...: what changed in any public selection."""

    format = "atom"

    def get(self, request):
        now = timezone.now()
        last_modified, version = freshness.data_version(now)
        params = normal_filters(request.GET)
        etag = feed_etag(request, params, version, "changes", self.format)
        response = get_conditional_response(request, etag=etag, last_modified=int(last_modified.timestamp()))
        if response is None:
            # The ETag names these bytes (the version moves with every public change, ended embargoes and days
            # included), so it keys the cache. Only valid selections are kept.
            key = freshness.key("changes", etag)
            body = cache.get(key)
            if body is None:
                try:
                    body = write_feed(request, params, now=now, stamp=last_modified, kind=self.format)
                except InvalidSelection as refused:
                    return bad_filters(refused.filterset)
                cache.set(key, body, settings.EVENTS_FEED_CACHE_SECONDS)
            response = HttpResponse(body, content_type=CONTENT_TYPES[self.format])
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified.timestamp())
        patch_cache_control(response, public=True, max_age=settings.EVENTS_FEED_MAX_AGE)
        return response


def write_feed(request, params, *, now: dt.datetime, stamp: dt.datetime, kind: str) -> bytes:
    """The change feed of these filters (in normal form) as Atom or JSON Feed; InvalidSelection for bad filters."""
    filterset = EventFilter(params, queryset=Event.objects.public(now))
    if not filterset.is_valid():
        raise InvalidSelection(filterset)
    since = start_of_utc_day(now) - dt.timedelta(days=settings.EVENTS_CHANGES_DAYS)
    changes = public_changes(params, since=since, until=now, limit=settings.EVENTS_CHANGES_LIMIT)
    query = urlencode(selected_filters(params))
    about = {
        "title": _("Changes: %(selection)s") % {"selection": describe_selection(filterset.form.cleaned_data)},
        "description": describe_changes_window(),
        "home": request.build_absolute_uri(listing_path(params)),
        "self": request.build_absolute_uri(reverse(f"events:changes-{kind}") + (f"?{query}" if query else "")),
        "stamp": stamp,
    }
    writer = write_atom if kind == "atom" else write_json_feed
    return writer(request, about, changes)


def describe_changes_window() -> str:
    days = settings.EVENTS_CHANGES_DAYS
    return ngettext(
        "What changed in the last %(days)d day, the newest first: new events, dates, places and titles, "
        "postponements and cancellations.",
        "What changed in the last %(days)d days, the newest first: new events, dates, places and titles, "
        "postponements and cancellations.",
        days,
    ) % {"days": days}


def entry_links(request, change: Change) -> tuple[str, str | None]:
    """The event's page and its .ics file (None for an event without dates, which has none), absolute."""
    event = change.event
    ics = reverse("events:event-ics", kwargs={"slug": event.slug}) if is_placeable(event) else None
    return request.build_absolute_uri(event.get_absolute_url()), request.build_absolute_uri(ics) if ics else None


def entry_id(request, change: Change) -> str:
    """A tag: URI (RFC 4151) that names the change for good: the site's host, the day and the moment the change
    first became public, and the event's UID (the same in every language and under every selection)."""
    host = urlsplit(f"//{request.get_host()}").hostname or "localhost"
    first = change.first_public_at.astimezone(dt.UTC)
    return f"tag:{host},{first:%Y-%m-%d}:change/{quote(change.key, safe='/:@')}"


def write_atom(request, about: dict, changes: list[Change]) -> bytes:
    feed = ChangesAtom(
        title=about["title"],
        link=about["home"],
        description=about["description"],
        subtitle=about["description"],
        language=get_language(),
        feed_url=about["self"],
        feed_guid=about["self"],
        author_name=_("Diplomatic events"),
        stamp=about["stamp"],
    )
    for change in changes:
        page, ics = entry_links(request, change)
        feed.add_item(
            title=change.headline,
            link=page,
            # Atom's summary is HTML here: the lines as escaped text, one a line.
            description="<br>".join(escape(line) for line in change.details),
            unique_id=entry_id(request, change),
            pubdate=change.first_public_at,
            updateddate=change.became_public_at,
            categories=list(change.kinds),
            ics_link=ics,
        )
    return feed.writeString("utf-8").encode()


def write_json_feed(request, about: dict, changes: list[Change]) -> bytes:
    """JSON Feed 1.1, each item with its change in `_change` (kinds, the event's UID, old and new as shown)."""
    items = []
    for change in changes:
        page, ics = entry_links(request, change)
        item = {
            "id": entry_id(request, change),
            "url": page,
            "title": change.headline,
            "content_text": "\n".join(change.details),
            "date_published": change.first_public_at.astimezone(dt.UTC).isoformat(),
            "date_modified": change.became_public_at.astimezone(dt.UTC).isoformat(),
            "tags": list(change.kinds),
            "_change": {
                "kinds": list(change.kinds),
                "event_uid": change.event.uid,
                "old": vars(change.old) if change.old is not None else None,
                "new": vars(change.new),
            },
        }
        if ics:
            item["attachments"] = [{"url": ics, "mime_type": "text/calendar"}]
        items.append(item)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": about["title"],
        "home_page_url": about["home"],
        "feed_url": about["self"],
        "description": about["description"],
        "language": get_language(),
        "authors": [{"name": _("Diplomatic events")}],
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=1).encode()
