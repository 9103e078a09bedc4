"""Writes with side effects, shared by the admin, the API and the importers."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Event


class ServiceError(Exception):
    """A write that cannot be done for a reason the user can act on; the message says which."""


def publish_event(event: Event) -> bool:
    """Publish a draft (keeping any embargo time); return whether anything changed."""
    if event.is_published:
        return False
    event.is_published = True
    event.full_clean()
    event.save()
    return True


def cancel_event(event: Event) -> bool:
    """Mark the event cancelled, which bumps its SEQUENCE; return whether anything changed."""
    if event.status == Event.Status.CANCELLED:
        return False
    event.status = Event.Status.CANCELLED
    event.full_clean()
    event.save()
    return True


@transaction.atomic
def duplicate_as_next_edition(event: Event) -> Event:
    """Create next year's edition of a series event as an unpublished, tentative draft.

    Only the year of the next edition is known at this point, so the copy is
    dated to that year alone; the officer fills in the days when they are announced.
    """
    if event.series_id is None:
        raise ServiceError(_("“%(event)s” is not part of a series: choose its series first.") % {"event": event})
    if event.start_date is None:
        raise ServiceError(_("“%(event)s” has no date, so its next year is unknown.") % {"event": event})
    edition = event.edition + 1 if event.edition else None
    if edition and Event.objects.filter(series_id=event.series_id, edition=edition).exists():
        raise ServiceError(
            _("Edition %(edition)s of “%(series)s” already exists.") % {"edition": edition, "series": event.series}
        )
    next_year = event.start_date.year + 1
    copy = Event(
        event_type=event.event_type,
        visit_level=event.visit_level,
        series=event.series,
        edition=edition,
        venue=event.venue,
        status=Event.Status.TENTATIVE,
        is_published=False,
        date_precision=Event.Precision.YEAR,
        all_day=True,
        start_date=dt.date(next_year, 1, 1),
        end_date=dt.date(next_year, 12, 31),
    )
    for field in ("title", "summary", "description"):
        for language in ("en", "ru"):
            setattr(copy, f"{field}_{language}", getattr(event, f"{field}_{language}"))
    copy.full_clean()
    copy.save()
    copy.tags.set(event.tags.all())
    copy.organisers.set(event.organisers.all())
    return copy
