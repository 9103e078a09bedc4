"""Event facts: everything one VEVENT shows, as plain values, read from a model instance or from rows of values.

The writer (ical.write_vevent) turns facts into bytes and knows nothing of
models; the feed cache (feedcache.py) reads rows of values, makes facts of
them without making model instances, and finds each VEVENT already written
under the facts' digest. Texts are in the language active when the facts are
made, with django-modeltranslation's fallback (translation.py): the first of
the active language and its fallbacks (MODELTRANSLATION_FALLBACK_LANGUAGES)
that holds a text, as an instance's attribute reads it.
"""

import datetime as dt
import functools
import hashlib
import importlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import django
from django.conf import settings
from django.urls import get_script_prefix
from django.utils import translation
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname, get_language, get_translation_fields, resolution_order

from . import freshness
from .models import Event, Participation, public_at


class Participant(NamedTuple):
    name: str
    position: str
    # The role as a reader sees it, in the active language ("guest").
    role: str


class Parent(NamedTuple):
    """The event this one is a part of."""

    uid: str
    title: str
    # Public when the facts were made: a public calendar names only a public parent.
    visible: bool


class Cited(NamedTuple):
    """The publication an event was taken from."""

    title: str
    # The day it was published, in UTC.
    day: dt.date
    url: str


class EventFacts(NamedTuple):
    """What a VEVENT of one event shows, as plain values (a NamedTuple: immutable, cheap to make and to hash)."""

    uid: str
    slug: str
    created_at: dt.datetime
    updated_at: dt.datetime
    sequence: int
    title: str
    summary: str
    description: str
    agenda: str
    status: str
    date_precision: str
    all_day: bool
    start_date: dt.date | None
    end_date: dt.date | None
    start: dt.datetime | None
    end: dt.datetime | None
    # The IANA name of the event's zone; "" when it has none.
    timezone: str
    is_published: bool
    # The end of an embargo still running when the facts were made; None when there is none.
    embargoed_until: dt.datetime | None
    type_slug: str
    type_name: str
    # The venue as one line ("Minsk, Belarus"); None without a venue.
    place: str | None
    geo: tuple[float, float] | None
    # Tag names as listed: by name, letter case aside.
    tags: tuple[str, ...]
    participants: tuple[Participant, ...]
    parent: Parent | None
    source: Cited | None

    @property
    def hidden(self) -> bool:
        """Whether the public cannot see the event: a draft, or under an embargo."""
        return not self.is_published or self.embargoed_until is not None

    def digest(self, *, base_url: str | None) -> str:
        """Name the VEVENT these facts make, so that no changed input can ever find an old VEVENT.

        Besides the facts: the language (the dates and labels the writer adds),
        the site's address and path, and the version of the code and
        translations that write VEVENTs.
        """
        return freshness.key(
            "vevent", render_version(), self, translation.get_language(), base_url, get_script_prefix()
        )

    @classmethod
    def of_event(cls, event: Event, *, now: dt.datetime) -> "EventFacts":
        """The facts of an event fetched with ical.FEED_RELATED and ical.FEED_PREFETCH (no query)."""
        venue = event.venue if event.venue_id else None
        parent = event.parent if event.parent_id else None
        source = event.source if event.source_id else None
        return cls(
            uid=event.uid,
            slug=event.slug,
            created_at=event.created_at,
            updated_at=event.updated_at,
            sequence=event.sequence,
            title=event.title,
            summary=event.summary,
            description=event.description,
            agenda=event.agenda,
            status=str(event.status),
            date_precision=str(event.date_precision),
            all_day=event.all_day,
            start_date=event.start_date,
            end_date=event.end_date,
            start=event.start,
            end=event.end,
            timezone=str(event.timezone) if event.timezone else "",
            is_published=event.is_published,
            embargoed_until=embargo(event.is_published, event.publish_at, now),
            type_slug=event.event_type.slug,
            type_name=event.event_type.name,
            place=str(venue) if venue is not None else None,
            geo=geo(venue.latitude, venue.longitude) if venue is not None else None,
            tags=listed_tags(tag.name for tag in event.tags.all()),
            participants=tuple(
                Participant(participation.person.name, participation.position, participation.get_role_display())
                for participation in event.participations.all()
            ),
            parent=Parent(parent.uid, parent.title, public_at(parent.is_published, parent.publish_at, now))
            if parent is not None
            else None,
            source=Cited(source.title, source.published_at.astimezone(dt.UTC).date(), source.url)
            if source is not None
            else None,
        )

    @classmethod
    def of_rows(
        cls, row: Mapping, tags: Iterable[Mapping], people: Iterable[Mapping], *, now: dt.datetime
    ) -> "EventFacts":
        """The facts of an event from rows of values (feedcache.py reads them): the event's (EVENT_COLUMNS and
        EVENT_TEXTS), its tags' (TAG_TEXTS) and its participants' (PEOPLE_COLUMNS and PEOPLE_TEXTS, in any order)."""
        order = languages()

        def text(name: str) -> str:
            return localized(row, name, order)

        has_venue, has_parent, has_source = (row[name] is not None for name in ("venue_id", "parent_id", "source_id"))
        zone = row["timezone"]
        return cls(
            uid=row["uid"],
            slug=row["slug"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            sequence=row["sequence"],
            title=text("title"),
            summary=text("summary"),
            description=text("description"),
            agenda=text("agenda"),
            status=row["status"],
            date_precision=row["date_precision"],
            all_day=row["all_day"],
            start_date=row["start_date"],
            end_date=row["end_date"],
            start=row["start"],
            end=row["end"],
            timezone=str(zone) if zone else "",
            is_published=row["is_published"],
            embargoed_until=embargo(row["is_published"], row["publish_at"], now),
            type_slug=row["event_type__slug"],
            type_name=text("event_type__name"),
            place=place(text("venue__name"), text("venue__city"), row["venue__country"]) if has_venue else None,
            geo=geo(row["venue__latitude"], row["venue__longitude"]) if has_venue else None,
            tags=listed_tags(localized(tag, "tag__name", order) for tag in tags),
            participants=tuple(
                participant(person, order)
                # As Participation.Meta.ordering lists them.
                for person in sorted(people, key=lambda person: (person["order"], person["id"]))
            ),
            parent=Parent(
                row["parent__uid"],
                text("parent__title"),
                public_at(row["parent__is_published"], row["parent__publish_at"], now),
            )
            if has_parent
            else None,
            source=Cited(
                text("source__title"), row["source__published_at"].astimezone(dt.UTC).date(), row["source__url"]
            )
            if has_source
            else None,
        )


# The columns of_rows() reads: the event's, with its type, place, source and parent, from one query.
EVENT_COLUMNS = (
    "id",
    "uid",
    "slug",
    "created_at",
    "updated_at",
    "sequence",
    "status",
    "date_precision",
    "all_day",
    "start_date",
    "end_date",
    "start",
    "end",
    "timezone",
    "is_published",
    "publish_at",
    "event_type__slug",
    "venue_id",
    "venue__country",
    "venue__latitude",
    "venue__longitude",
    "source_id",
    "source__published_at",
    "source__url",
    "parent_id",
    "parent__uid",
    "parent__is_published",
    "parent__publish_at",
)
EVENT_TEXTS = ("title", "summary", "description", "agenda", "event_type__name", "venue__name", "venue__city")
EVENT_TEXTS += ("source__title", "parent__title")
TAG_TEXTS = ("tag__name",)
PEOPLE_COLUMNS = ("id", "order", "role")
PEOPLE_TEXTS = ("position", "person__name")


def localized(row: Mapping, name: str, order: tuple[str, ...]) -> str:
    """A translated field of a row as an instance's attribute reads it: the first language in order with a text."""
    for column in localized_columns(name, order):
        value = row[column]
        # modeltranslation passes over None and the field's default, which is "" for every translated field.
        if value is not None and value != "":
            return value
    return ""


@functools.cache
def localized_columns(name: str, order: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(build_localized_fieldname(name, language) for language in order)


def languages() -> tuple[str, ...]:
    """The active language and its fallbacks, in the order django-modeltranslation tries them."""
    return resolution_order(get_language())


def embargo(is_published: bool, publish_at: dt.datetime | None, now: dt.datetime) -> dt.datetime | None:
    """The embargo time while it holds: published, but not yet public (the one rule, models.public_at)."""
    return publish_at if is_published and not public_at(is_published, publish_at, now) else None


def geo(latitude, longitude) -> tuple[float, float] | None:
    return (float(latitude), float(longitude)) if latitude is not None and longitude is not None else None


def place(name: str, city: str, country: str) -> str:
    """A venue as one line: what Venue.__str__ writes, from its values."""
    return ", ".join(part for part in (name, city, country_name(country, translation.get_language())) if part)


@functools.lru_cache(maxsize=1024)
def country_name(code: str, language: str | None) -> str:
    """A country's name in a language (django-countries, with COUNTRIES_OVERRIDE), translated once per process."""
    with translation.override(language):
        return str(countries.name(code))


def listed_tags(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(names, key=lambda name: (name.casefold(), name)))


def participant(row: Mapping, order: tuple[str, ...]) -> Participant:
    # The role as get_role_display() writes it: its label, or the stored value if it has none.
    role = role_labels(translation.get_language()).get(row["role"], row["role"])
    return Participant(localized(row, "person__name", order), localized(row, "position", order), role)


@functools.lru_cache(maxsize=16)
def role_labels(language: str | None) -> dict[str, str]:
    """The labels of the participants' roles in a language, translated once per process."""
    with translation.override(language):
        return {value: str(label) for value, label in Participation.Role.choices}


def columns(plain: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The names of plain columns and of every language's column of translated fields, for values()."""
    return [*plain, *get_translation_fields(*texts)]


def of_events(events: Iterable[Event], *, now: dt.datetime) -> Iterator[EventFacts]:
    """The facts of events fetched with ical.FEED_RELATED and ical.FEED_PREFETCH, one by one."""
    return (EventFacts.of_event(event, now=now) for event in events)


@functools.cache
def render_version() -> str:
    """A digest of the code and the translations that write VEVENTs: a new release never reuses old fragments."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(django.get_version().encode())
    here = Path(__file__).parent
    # The site's URLconf too: it decides the events' addresses (the language prefix among them).
    code = [here / name for name in ("facts.py", "ical.py", "dates.py", "text.py", "urls.py")]
    code.append(Path(importlib.import_module(settings.ROOT_URLCONF).__file__))
    for path in (*code, *sorted(settings.BASE_DIR.glob("locale/*/LC_MESSAGES/*.mo"))):
        digest.update(path.read_bytes())
    return digest.hexdigest()
