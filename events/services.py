"""Writes with side effects, shared by the admin, the API and the importers."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MAX_YEAR, Event, Participation, Venue
from .shared import Place, find_or_create_person, find_or_create_source, find_or_create_venue


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


def record_first_versions() -> None:
    """Record the first version of each event and participation that has none: fixtures load without the signals
    that record the change history."""
    for model in (Event, Participation):
        model.history.bulk_history_create(list(model.objects.exclude(pk__in=model.history.values("id"))))


# Saves and deletes of the admin ------------------------------------------------------------------------------------


def save_checked(user, event: Event) -> None:
    """Save an event as the admin's form (or a restored version) left it, if the user may (check_may_save)."""
    check_may_save(user, event)
    event.save()


def delete_checked(user, event: Event) -> None:
    """Delete an event, with its parts, if the user may (check_may_delete)."""
    check_may_delete(user, event)
    event.delete()


def delete_events(user, events) -> None:
    """Delete the events of a queryset, with their parts, if the user may delete each (check_may_delete)."""
    if not may_publish(user):
        for event in events:
            check_may_delete(user, event)
    events.delete()


def run_on_each(user, events: Iterable[Event], operation, *, check: bool = False) -> tuple[int, list[str]]:
    """Apply operation to each event, each in its own transaction (checking first, with check, that the user may
    change it); return how many it changed and why each refused one was refused."""
    done, refusals = 0, []
    for event in events:
        try:
            with transaction.atomic():
                if check:
                    check_may_save(user, event)
                changed = operation(event)
        except (PermissionDenied, ServiceError) as error:
            refusals.append(f"{event}: {error}")
        except ValidationError as error:
            refusals.append(f"{event}: {'; '.join(error.messages)}")
        else:
            done += 1 if changed else 0
    return done, refusals


# Venue fields that calendar clients show (LOCATION, GEO).
VENUE_LOCATION_FIELDS = ("name_en", "name_ru", "city_en", "city_ru", "country", "latitude", "longitude")


def save_venue(venue: Venue, changed: Iterable[str] = ()) -> int | None:
    """Save a venue; when a field calendar clients show changed, announce it to its events' subscribers and return
    how many events that concerns (None when nothing they show changed)."""
    venue.save()
    if not set(changed) & set(VENUE_LOCATION_FIELDS):
        return None
    return announce_venue_change(venue)


def announce_venue_change(venue: Venue) -> int:
    """Bump SEQUENCE of every event at the venue, whose place as subscribers see it has changed (the bulk update
    counts itself in the data version: EventQuerySet.update)."""
    return Event.objects.filter(venue=venue).update(
        sequence=F("sequence") + 1, lock_version=F("lock_version") + 1, updated_at=timezone.now()
    )


# Writes of the API -------------------------------------------------------------------------------------------------


@transaction.atomic
def save_event(event: Event, data: dict) -> Event:
    """Save an event written through the API with its place, people, topics and source, all or nothing.

    data holds what the client sent: "venue_spec" (name, city, country,
    coordinates), "participants", "tags" and "source"; a key left out leaves
    that part as it is.
    """
    if "venue_spec" in data:
        event.venue = venue_from_spec(data["venue_spec"], event)
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
        spec = data["source"]
        event.source = (
            find_or_create_source(title=spec["title"], url=spec.get("url") or "", published_at=spec["published_at"])
            if spec
            else None
        )
        event.save(update_fields=["source", "updated_at"])
    return event


def venue_from_spec(spec: dict, event: Event) -> Venue | None:
    """The venue an API client names (name, city, country, coordinates; an empty name is the city itself)."""
    if not spec:
        return None
    place = Place(country=spec["country"], city_en=spec.get("city") or "", name_en=spec.get("venue") or "")
    coordinates = None
    if spec.get("latitude") is not None and spec.get("longitude") is not None:
        coordinates = (spec["latitude"], spec["longitude"])
    return find_or_create_venue(place, timezone=str(event.timezone or ""), coordinates=coordinates)


# Drafts from a press release ---------------------------------------------------------------------------------------


class DraftsRefused(Exception):
    """Some drafts cannot be saved; nothing was. errors: the model's messages by the draft's index."""

    def __init__(self, errors: dict[int, list[str]]):
        super().__init__(errors)
        self.errors = errors


@transaction.atomic
def save_drafts(release: dict, drafts: list[dict], *, user=None) -> list[Event]:
    """Save proposals of a press release as drafts with the release as their source, all or none.

    release: title, url, published (a date), language and text. Each draft: title, event_type, visit_level,
    dates (first day, last day, precision), city_en, city_ru, country, timezone, people (the visitor first) and
    sentence (kept as the description). A draft the model refuses raises DraftsRefused, after every draft was
    checked, so that each gets its messages.
    """
    language = release["language"]
    source = find_or_create_source(
        title=release["title"],
        url=release["url"] or "",
        published_at=dt.datetime.combine(release["published"], dt.time(), dt.UTC),
        language=language,
        text=release["text"],
    )
    saved, errors = [], {}
    for index, draft in enumerate(drafts):
        start, end, precision = draft["dates"]
        event = Event(
            event_type=draft["event_type"],
            visit_level=draft["visit_level"] if draft["event_type"].is_visit else "",
            date_precision=precision,
            all_day=True,
            start_date=start,
            end_date=end,
            source=source,
            is_published=False,
            **{"title_en": draft["title"], f"title_{language}": draft["title"]},
            **{f"description_{language}": draft["sentence"]},
        )
        try:
            if draft["country"]:
                # The place a release names is a whole city (or country): it has no building's name.
                place = Place(
                    country=draft["country"], city_en=draft["city_en"] or draft["city_ru"], city_ru=draft["city_ru"]
                )
                event.venue = find_or_create_venue(place, timezone=draft["timezone"] or "")
            event.full_clean()
        except ValidationError as error:
            errors[index] = error.messages
            continue
        check_may_save(user, event)
        event.save()
        for order, person in enumerate(draft["people"]):
            first_visitor = order == 0 and draft["event_type"].is_visit
            role = Participation.Role.GUEST if first_visitor else Participation.Role.PARTICIPANT
            Participation.objects.create(event=event, person=person, role=role, order=order)
        saved.append(event)
    if errors:
        raise DraftsRefused(errors)  # leaving the transaction, which rolls back what was saved
    return saved
