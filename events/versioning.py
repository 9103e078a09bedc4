"""One number that changes with every change to the calendar's data: what feed ETags and caches key on.

Reading it is one indexed row, whatever the size of the calendar. It is bumped
in the same transaction as the change, so a reader never sees new data under
an old number. Signals are used here, against the habit of this project,
because the number must move on every write path: admin inlines, cascaded
deletes and many-to-many changes included. Bulk writes that bypass signals
(QuerySet.update, bulk_create) call bump() themselves.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models import F, QuerySet, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

# Within one request the version is read once (pages ask for it for counts, windows and caches): the
# request sees one state of the calendar. Cleared when a request starts and ends, and by every bump.
_request = threading.local()


def _request_started(**kwargs) -> None:
    _request.active, _request.version = True, None


def _request_finished(**kwargs) -> None:
    _request.active, _request.version = False, None


def bump() -> None:
    """Move the data version on, within the caller's transaction."""
    from .models import DataVersion

    _request.version = None

    updated = DataVersion.objects.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        DataVersion.objects.get_or_create(pk=1, defaults={"number": 1, "changed_at": timezone.now()})


def current(**latest: QuerySet) -> tuple:
    """Return the data version and the time of the last change, then the first value of each query of latest.

    The queries are read as subqueries of the same SELECT: one round trip for everything a feed's ETag needs.
    """
    from .models import DataVersion

    remembered = getattr(_request, "version", None)
    if remembered is not None and not latest:
        return remembered
    subqueries = {name: Subquery(query[:1]) for name, query in latest.items()}
    row = DataVersion.objects.filter(pk=1).annotate(**subqueries).values_list("number", "changed_at", *latest).first()
    if row is None:
        row = (0, None, *(_first_value(query) for query in latest.values()))
    if getattr(_request, "active", False):
        _request.version = tuple(row[:2])
    return row


def _first_value(query: QuerySet):
    row = query.first()
    return next(iter(row.values())) if row else None


def _on_change(sender, **kwargs):
    bump()


def connect(app_config) -> None:
    """Bump the version on every save, delete and many-to-many change of the events app's data."""
    from .models import DataVersion

    request_started.connect(_request_started, dispatch_uid="version-request-started")
    request_finished.connect(_request_finished, dispatch_uid="version-request-finished")

    for model in app_config.get_models():
        # The change history (django-simple-history) is written with each change: no second bump.
        if model is DataVersion or model.__name__.startswith("Historical"):
            continue
        post_save.connect(_on_change, sender=model, dispatch_uid=f"version-save-{model.__name__}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"version-delete-{model.__name__}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_on_change, sender=through, dispatch_uid=f"version-m2m-{through.__name__}")
