"""Freshness: whether anything cached or sent before still shows the calendar as it is.

The one home of the chain from "an officer saved" to "the subscriber's feed changed":

1. Every write moves the data version, in the same transaction (bump() for what the public sees, touch() for hidden
   work: drafts, embargoed events). Saves, deletes and many-to-many changes do it through signals (connect(): the
   number must move on every path, admin inlines and cascades included); bulk writes that bypass signals
   (QuerySet.update, bulk_create: the importer, services.announce_venue_change) call bump()/count() themselves.
2. current() reads the version: one indexed row, once per request, whatever the size of the calendar. An embargo
   that ends changes what the public sees without any write, so the version carries the moment the last one ended.
3. Every cache of derived content is keyed by key(namespace, *parts) over the version (remember(), for values;
   whole_response(), for anonymous pages and API answers; the feeds' ETags and parts, feeds.py): a new version
   names new entries, and the old ones expire unread. Nothing is ever deleted from the cache on a change.
"""

import datetime as dt
import functools
import hashlib
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connections, router
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language

from .models import Alert, AlertMessage, DataVersion, Event, FeedToken, Participation, start_of_utc_day
from .typography import typeset_response


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: dt.datetime | None
    # When the last embargo ended, as of the read: the event it held back became public then.
    lifted: dt.datetime | None
    # Every change, drafts and embargoed events included (number counts only what the public sees).
    edits: int = 0

    @property
    def key(self) -> tuple:
        """What public content depends on besides the clock's day; the time of the change too, so that a
        database restored from a backup cannot repeat a number."""
        return (self.number, self.changed_at, self.lifted)

    @property
    def any_change_key(self) -> tuple:
        """What a selection that may include drafts depends on (staff's listings, the longest event's span)."""
        return (self.edits, *self.key)


# Within one request the version is read once (pages ask for it for counts, forms and caches): the
# request sees one state of the calendar. Cleared when a request starts and ends, and by every bump.
_request = threading.local()


def _request_started(**kwargs) -> None:
    _request.active, _request.version = True, None


def _request_finished(**kwargs) -> None:
    _request.active, _request.version = False, None


def bump() -> None:
    """Move the data version on (a change the public sees), within the caller's transaction."""

    _request.version = None

    updated = DataVersion.objects.filter(pk=1).update(
        number=F("number") + 1, edits=F("edits") + 1, changed_at=timezone.now()
    )
    if not updated:
        DataVersion.objects.get_or_create(pk=1, defaults={"number": 1, "edits": 1, "changed_at": timezone.now()})


def touch() -> None:
    """Count a change the public does not see (a draft, an embargoed event): public keys stay as they are."""

    _request.version = None

    if not DataVersion.objects.filter(pk=1).update(edits=F("edits") + 1):
        DataVersion.objects.get_or_create(pk=1, defaults={"edits": 1})


def current(now: dt.datetime | None = None) -> Version:
    """The data version, with the last embargo lifted by `now`: one indexed query, once per request."""
    remembered = getattr(_request, "version", None)
    if remembered is not None:
        return remembered
    version = _read(now or timezone.now())
    if getattr(_request, "active", False):
        _request.version = version
    return version


def _read(now: dt.datetime) -> Version:
    """Read the version and the last embargo lifted by now in one query.

    Written as SQL (from the models' table and column names) rather than through the ORM: on a feed poll or a
    cached page, compiling the ORM's query would cost more than running it.
    """

    alias = router.db_for_read(DataVersion)
    connection = connections[alias]
    sql, params = _version_sql(alias), [True, connection.ops.adapt_datetimefield_value(now), 1]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        # Nothing has changed yet: there is no row to read the version from.
        lifted = (
            Event.objects.filter(is_published=True, publish_at__lte=now)
            .order_by("-publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        return Version(0, None, lifted)
    number, changed_at, edits, lifted = row
    return Version(number, _aware(changed_at), _aware(lifted), edits)


@functools.cache
def _version_sql(alias: str) -> str:
    """The version's row, with the latest embargo time already passed (the index event_publication reads one row)."""

    name = connections[alias].ops.quote_name
    version, event = DataVersion._meta, Event._meta
    column = {field: name(event.get_field(field).column) for field in ("is_published", "publish_at")}
    lifted = (
        f"SELECT {column['publish_at']} FROM {name(event.db_table)} "
        f"WHERE {column['is_published']} = %s AND {column['publish_at']} <= %s "
        f"ORDER BY {column['publish_at']} DESC LIMIT 1"
    )
    fields = ", ".join(name(version.get_field(field).column) for field in ("number", "changed_at", "edits"))
    return f"SELECT {fields}, ({lifted}) FROM {name(version.db_table)} WHERE {name(version.pk.column)} = %s"


def _aware(value) -> dt.datetime | None:
    """A datetime as the ORM would give it: SQLite hands a subquery's value over as text, and naive."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value


def count(public: bool) -> None:
    """Count a change: bump() when the public sees it, touch() otherwise."""
    if public:
        bump()
    else:
        touch()


def _event_changed(sender, instance, **kwargs):
    # Saved or deleted. Work on drafts and embargoed events is not public: outsiders see no new ETag, date or count
    # for it. An embargo's end moves every public key by itself (Version.lifted).
    count(kwargs.get("raw") or instance.was_public or instance.is_public)


def _participation_changed(sender, instance, **kwargs):
    count(kwargs.get("raw") or public_among([instance.event_id]))


def _relation_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Topics and organisers of events: a change shows only where a public event is concerned."""
    if action.startswith("post_"):
        count(instance.is_public if not reverse else action == "post_clear" or public_among(pk_set))


def public_among(pks) -> bool:

    return Event.objects.public().filter(pk__in=pks or ()).exists()


# How the public events reach each shared row: a change to a row that no public event shows changes nothing public.
SHOWN_THROUGH = {
    "Venue": "venue",
    "Person": "participations__person",
    "Organisation": "organisers",
    "Tag": "tags",
    "Series": "series",
    "Source": "source",
}


def _shared_row_changed(sender, instance, **kwargs):

    lookup = SHOWN_THROUGH.get(sender.__name__)
    count(kwargs.get("raw") or lookup is None or Event.objects.public().filter(**{lookup: instance}).exists())


def _on_change(sender, **kwargs):
    bump()


def connect(app_config) -> None:
    """Bump the version on every save, delete and many-to-many change of the events app's data that the public
    sees: every change of a public event (or of one that becomes or stops being public), of what public events
    show, and of the event types (every filter form lists them). Drafts, embargoed events, private feed tokens and
    e-mail alerts (which anyone may ask for: no reader's sign-up empties every cache) leave it alone."""

    request_started.connect(_request_started, dispatch_uid="version-request-started")
    request_finished.connect(_request_finished, dispatch_uid="version-request-finished")

    post_save.connect(_event_changed, sender=Event, dispatch_uid="version-save-Event")
    post_delete.connect(_event_changed, sender=Event, dispatch_uid="version-delete-Event")
    post_save.connect(_participation_changed, sender=Participation, dispatch_uid="version-save-Participation")
    post_delete.connect(_participation_changed, sender=Participation, dispatch_uid="version-delete-Participation")
    for field in Event._meta.local_many_to_many:
        through = field.remote_field.through
        if through is not Participation:
            m2m_changed.connect(_relation_changed, sender=through, dispatch_uid=f"version-m2m-{through.__name__}")
    for model in app_config.get_models():
        # The change history (django-simple-history) is written with each change: no second bump.
        if model in (DataVersion, FeedToken, Alert, AlertMessage, Event, Participation) or model.__name__.startswith(
            "Historical"
        ):
            continue
        post_save.connect(_shared_row_changed, sender=model, dispatch_uid=f"version-save-{model.__name__}")
        # A deleted row cannot be asked which events showed it: always a change.
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"version-delete-{model.__name__}")


# Keys and remembered values -------------------------------------------------------------------------------------


def digest(*parts: object) -> str:
    """The one hash of the project's cache keys and ETags: of the parts' repr, so any plain values will do."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def key(namespace: str, *parts: object) -> str:
    """The cache key of what `parts` decide within `namespace` (which says what kind of value it names)."""
    return f"events:{namespace}:{digest(*parts)}"


def body_etag(content: bytes) -> str:
    """A strong ETag of a response's bytes."""
    return f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'


def remember(namespace: str, parts: tuple, compute, *, timeout: int, hidden: bool = False):
    """compute(), kept in the cache under the current data version and parts until the version moves.

    hidden: the value depends on drafts and embargoed events too (a staff selection, the longest event's span), so
    it is keyed on every change (Version.any_change_key) rather than on the public ones.
    """
    version = current()
    name = key(namespace, version.any_change_key if hidden else version.key, *parts)
    value = cache.get(name)
    if value is None:
        value = compute()
        cache.set(name, value, timeout)
    return value


def data_version(now: dt.datetime) -> tuple[dt.datetime, tuple]:
    """What decides all public content besides the request, and its Last-Modified, read without touching events.

    The data version moves with every public change; the day moves the feeds' default window and the end of
    cancelled events' stay; an embargo that ends makes its event appear without any change. Last-Modified is the
    latest of those moments, so If-Modified-Since never keeps a copy that lost or gained an event.
    """
    version = current(now)
    midnight = start_of_utc_day(now)
    last_modified = max(moment for moment in (version.changed_at, midnight, version.lifted) if moment is not None)
    return last_modified, (*version.key, midnight.date())


# Large values in parts -----------------------------------------------------------------------------------------

# Large values (feeds) are kept as parts of at most this size, each under its own key (see store_parts).
PART_BYTES = 1 << 20


def coalesce(parts: list[bytes], limit: int = PART_BYTES) -> list[bytes]:
    """Join consecutive small parts up to `limit` bytes: fewer keys to fetch, no large part copied."""
    joined: list[bytes] = []
    group: list[bytes] = []
    size = 0
    for part in parts:
        if group and size + len(part) > limit:
            joined.append(b"".join(group))
            group, size = [], 0
        group.append(part)
        size += len(part)
    if group:
        joined.append(b"".join(group))
    return joined


def store_parts(name: str, parts: list[bytes], timeout: int) -> None:
    """Store parts one by one, then their number under name, so that a reader finds all or nothing.

    One key per part keeps memory to one copy of a feed: a single value would be serialised whole, next to the
    parts, on its way to the cache.
    """
    for number, part in enumerate(parts):
        cache.set(f"{name}:{number}", part, timeout)
    cache.set(name, len(parts), timeout)


def stored_parts(name: str) -> list[bytes] | None:
    """The parts stored by store_parts, or None when the value or any part of it is not (or no longer) cached."""
    count = cache.get(name)
    if count is None:
        return None
    keys = [f"{name}:{number}" for number in range(count)]
    found = cache.get_many(keys)
    return [found[part] for part in keys] if len(found) == count else None


# Whole responses -----------------------------------------------------------------------------------------------


def anonymous(request) -> bool:
    """A request with no session and no credentials: every such reader is shown the same public page."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def whole_response(request, respond, *, parts: tuple = ()) -> HttpResponse:
    """respond()'s answer to an anonymous GET, kept whole under the data version and the minute: an unchanged page
    costs the version's query and a cache read, no template rendered. See kept_response().

    A Russian page is typeset (typography.py) here, once, before it is kept: what is cached, exported and hashed
    into its ETag is the typeset page, and a kept page costs nothing more."""
    name, response = kept_response(request, parts)
    if response is not None:
        return response
    response = respond()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    return keep_response(request, name, typeset_response(response))


def kept_response(request, parts: tuple = ()) -> tuple[str | None, HttpResponse | None]:
    """The name an anonymous GET's answer is kept under, and the answer when it is kept (a 304 when the client
    has it); no name when the request's answer is not kept (staff, writes, page caching turned off).

    The name holds what decides the bytes besides the data: the language, the site's address and path prefix,
    the path, the minute (what is coming or past moves with the clock) and `parts` (the caller's parameters as
    sent, known names only: unknown ones cannot make copies).
    """
    seconds = settings.EVENTS_PAGE_CACHE_SECONDS
    if request.method not in ("GET", "HEAD") or not anonymous(request) or seconds <= 0:
        return None, None
    now = timezone.now()
    _modified, version = data_version(now)
    where = (request.scheme, request.get_host(), get_script_prefix(), request.path, get_language())
    name = key("response", version, now.replace(second=0, microsecond=0), where, parts)
    stored = cache.get(name)
    if stored is None:
        return name, None
    content, headers = stored
    response = HttpResponse(content)
    for header, value in headers:
        response[header] = value
    return name, conditional(request, response)


def keep_response(request, name: str | None, response: HttpResponse) -> HttpResponse:
    """Keep a rendered answer under name (from kept_response) when it may be shown to every anonymous reader: a
    200 that sets no cookie and is not private. Its ETag, unless it has one, is its body's hash, so that the page
    made again the next minute with the same bytes still answers 304."""
    if name is None or not keepable(response):
        return response
    response.setdefault("ETag", body_etag(response.content))
    patch_vary_headers(response, ["Authorization", "Cookie"])
    cache.set(name, (response.content, list(response.items())), settings.EVENTS_PAGE_CACHE_SECONDS)
    return conditional(request, response)


def conditional(request, response: HttpResponse) -> HttpResponse:
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


def keepable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )
