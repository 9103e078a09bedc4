"""Writes with side effects, shared by the admin, the API and the importers."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import MAX_YEAR, Event, Participation, Person, Source, Venue


class ServiceError(Exception):
    """A write that cannot be done for a reason the user can act on; the message says which."""


PUBLISH_PERMISSION = "events.publish_event"


def may_publish(user) -> bool:
    """Whether the user may make events public, or change or delete published ones (a publisher or a superuser)."""
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def check_may_save(user, event: Event) -> None:
    """Refuse (PermissionDenied) a save that changes what the public sees, or will see, by a user who may not publish.

    The one rule behind the admin, its actions and history, the API and imports: an editor without the publish
    permission writes drafts; publishing, unpublishing, setting or lifting an embargo and changing a published
    (public or embargoed) event need it.
    """
    if event.needs_publisher() and not may_publish(user):
        raise PermissionDenied(_("Only a publisher may publish events or change published ones; save it as a draft."))


def check_may_delete(user, event: Event) -> None:
    """Refuse deleting a published event, or a draft whose parts (deleted with it) include a published one, by a
    user who may not publish."""
    if may_publish(user):
        return
    if event.stored("is_published") or event.is_published or published_parts(event).exists():
        raise PermissionDenied(_("Only a publisher may delete a published event."))


def published_parts(event: Event):
    """The published events among the parts of the event, and the parts of those parts, at any depth."""
    level, seen = {event.pk}, {event.pk}
    while level:
        level = set(Event.objects.filter(parent__in=level).exclude(pk__in=seen).values_list("pk", flat=True))
        seen |= level
    return Event.objects.filter(pk__in=seen - {event.pk}, is_published=True)


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
    return Event.objects.filter(venue=venue).update(
        sequence=F("sequence") + 1, lock_version=F("lock_version") + 1, updated_at=timezone.now()
    )


@transaction.atomic
def save_event(event: Event, data: dict) -> Event:
    """Save an event written through the API with its place, people, topics and source, all or nothing.

    data holds what the client sent: "venue_spec" (name, city, country,
    coordinates), "participants", "tags" and "source"; a key left out leaves
    that part as it is.
    """
    if "venue_spec" in data:
        event.venue = find_or_create_venue(data["venue_spec"], event)
        event.normalise()
    event.save()
    if "tags" in data:
        event.tags.set(data["tags"])
    if "participants" in data:
        event.participations.all().delete()
        for order, participant in enumerate(data["participants"]):
            person = find_or_create_person(participant["name"], participant.get("country", ""))
            Participation.objects.create(
                event=event,
                person=person,
                role=participant["role"],
                position_en=participant.get("position", ""),
                order=order,
            )
    if "source" in data:
        event.source = find_or_create_source(data["source"]) if data["source"] else None
        event.save(update_fields=["source", "updated_at"])
    return event


def find_or_create_venue(spec: dict, event: Event) -> Venue | None:
    """The venue with this name, city and country (an empty name is the city itself), created if new."""
    if not spec:
        return None
    name, city = spec.get("venue") or "", spec.get("city") or ""
    venues = Venue.objects.filter(country=spec["country"])
    venues = venues.filter(Q(name_en=name) | Q(name_en__isnull=True)) if not name else venues.filter(name_en=name)
    venues = venues.filter(Q(city_en=city) | Q(city_en__isnull=True)) if not city else venues.filter(city_en=city)
    venue = venues.order_by("pk").first()
    if venue is not None:
        # A venue is shared by its events: one event's write does not move it for the others.
        return venue
    venue = Venue(name_en=name, city_en=city, country=spec["country"], timezone=str(event.timezone or ""))
    if spec.get("latitude") is not None and spec.get("longitude") is not None:
        venue.latitude = Decimal(str(spec["latitude"])).quantize(Decimal("0.000001"))
        venue.longitude = Decimal(str(spec["longitude"])).quantize(Decimal("0.000001"))
    venue.full_clean()
    venue.save()
    return venue


def find_or_create_person(name: str, country: str) -> Person:
    slug = slugify(name) or "person"
    person = Person.objects.filter(Q(name_en=name) | Q(slug=slug)).order_by("pk").first()
    if person is None:
        person = Person.objects.create(slug=unique_slug(Person, slug), name_en=name, country=country or "")
    return person


def find_or_create_source(spec: dict) -> Source:
    source = Source.objects.filter(title_en=spec["title"], published_at=spec["published_at"]).first()
    if source is None:
        source = Source.objects.create(
            title_en=spec["title"], url=spec.get("url") or "", published_at=spec["published_at"]
        )
    return source


def unique_slug(model, base: str) -> str:
    slug, counter = base[:45], 2
    while model.objects.filter(slug=slug).exists():
        slug, counter = f"{base[:40]}-{counter}", counter + 1
    return slug
