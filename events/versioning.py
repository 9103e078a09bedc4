"""One number that changes with every change to the calendar's data: what feed ETags and caches key on.

Reading it is one indexed row, whatever the size of the calendar. It is bumped
in the same transaction as the change, so a reader never sees new data under
an old number. Signals are used here, against the habit of this project,
because the number must move on every write path: admin inlines, cascaded
deletes and many-to-many changes included. Bulk writes that bypass signals
(QuerySet.update, bulk_create) call bump() themselves.

An embargo that ends changes what the public sees without any write, so the
version is read together with the moment the last embargo ended: every cache
of public content keys on both (Version.key).
"""

import datetime as dt
import threading
from dataclasses import dataclass

from django.core.signals import request_finished, request_started
from django.db import connections, router
from django.db.models import F, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.dateparse import parse_datetime


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
    from .models import DataVersion

    _request.version = None

    updated = DataVersion.objects.filter(pk=1).update(
        number=F("number") + 1, edits=F("edits") + 1, changed_at=timezone.now()
    )
    if not updated:
        DataVersion.objects.get_or_create(pk=1, defaults={"number": 1, "edits": 1, "changed_at": timezone.now()})


def touch() -> None:
    """Count a change the public does not see (a draft, an embargoed event): public keys stay as they are."""
    from .models import DataVersion

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


# A moment no query is ever asked about: it marks the parameter that `now` replaces in the compiled SQL.
_MARK = dt.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=dt.UTC)
_compiled: dict[str, tuple[str, list, int]] = {}


def _read(now: dt.datetime) -> Version:
    """Run the version's query, compiled once per database: on a feed poll the ORM's compilation would cost more
    than the query."""
    from .models import DataVersion

    alias = router.db_for_read(DataVersion)
    connection = connections[alias]
    if alias not in _compiled:
        sql, params = _query(_MARK).query.get_compiler(alias).as_sql()
        _compiled[alias] = (sql, list(params), list(params).index(connection.ops.adapt_datetimefield_value(_MARK)))
    sql, params, position = _compiled[alias]
    params = list(params)
    params[position] = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        # Nothing has changed yet: there is no row to read the version from.
        return Version(0, None, _lifted(now).first())
    number, changed_at, lifted, edits = row
    return Version(number, _aware(changed_at), _aware(lifted), edits)


def _lifted(now: dt.datetime):
    """The moments embargoes ended by now, the latest first (the index event_publication reads one row)."""
    from .models import Event

    return (
        Event.objects.filter(is_published=True, publish_at__lte=now)
        .order_by("-publish_at")
        .values_list("publish_at", flat=True)
    )


def _query(now: dt.datetime):
    from .models import DataVersion

    return (
        DataVersion.objects.filter(pk=1)
        .annotate(lifted=Subquery(_lifted(now)[:1]))
        .values_list("number", "changed_at", "lifted", "edits")
    )


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
    from .models import Event

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
    from .models import Event

    lookup = SHOWN_THROUGH.get(sender.__name__)
    count(kwargs.get("raw") or lookup is None or Event.objects.public().filter(**{lookup: instance}).exists())


def _on_change(sender, **kwargs):
    bump()


def connect(app_config) -> None:
    """Bump the version on every save, delete and many-to-many change of the events app's data that the public
    sees: every change of a public event (or of one that becomes or stops being public), of what public events
    show, and of the event types (every filter form lists them). Drafts, embargoed events and private feed tokens
    leave it alone."""
    from .models import DataVersion, Event, FeedToken, Participation

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
        if model in (DataVersion, FeedToken, Event, Participation) or model.__name__.startswith("Historical"):
            continue
        post_save.connect(_shared_row_changed, sender=model, dispatch_uid=f"version-save-{model.__name__}")
        # A deleted row cannot be asked which events showed it: always a change.
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"version-delete-{model.__name__}")
