"""Writes with side effects, shared by the admin, the API and the importers."""

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MAX_YEAR, Event, Venue


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
    dated to that year alone and titled after the series; the texts of this
    edition are not copied, being facts of this edition only. The officer
    fills in the days, the title and the texts when they are announced.
    """
    if event.series_id is None:
        raise ServiceError(_("“%(event)s” is not part of a series: choose its series first.") % {"event": event})
    if event.start_date is None:
        raise ServiceError(_("“%(event)s” has no date, so its next year is unknown.") % {"event": event})
    next_year = event.start_date.year + 1
    series = event.series
    if next_year > MAX_YEAR or series.editions.filter(start_date__year=next_year).exists():
        raise ServiceError(
            _("“%(series)s” already has an edition in %(year)d.") % {"series": series, "year": next_year}
        )
    edition = event.edition + 1 if event.edition else None
    if edition and series.editions.filter(edition=edition).exists():
        raise ServiceError(
            _("Edition %(edition)s of “%(series)s” already exists.") % {"edition": edition, "series": series}
        )
    copy = Event(
        event_type=event.event_type,
        visit_level=event.visit_level,
        series=series,
        edition=edition,
        venue=event.venue,
        status=Event.Status.TENTATIVE,
        is_published=False,
        date_precision=Event.Precision.YEAR,
        all_day=True,
        start_date=dt.date(next_year, 1, 1),
        end_date=dt.date(next_year, 12, 31),
        title_en=f"{series.name_en} {next_year}",
        title_ru=f"{series.name_ru} {next_year}" if series.name_ru else "",
    )
    copy.full_clean()
    copy.save()
    copy.tags.set(event.tags.all())
    copy.organisers.set(event.organisers.all())
    return copy


# Venue fields that calendar clients show (LOCATION, GEO).
VENUE_LOCATION_FIELDS = ("name_en", "name_ru", "city_en", "city_ru", "country", "latitude", "longitude")


def announce_venue_change(venue: Venue) -> int:
    """Bump SEQUENCE of every event at the venue, whose place as subscribers see it has changed."""
    return Event.objects.filter(venue=venue).update(sequence=F("sequence") + 1, updated_at=timezone.now())
