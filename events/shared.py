"""The rows events share (places, people, sources): one rule each for finding them, for every writer.

The API (services.save_event), the .ics importer and drafting from a press
release all find an existing venue, person or source by the rules here, and
create one only when none matches.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils.text import slugify

from .models import Person, Source, Venue, names_only_the_place
from .slugs import unique_slug


@dataclass(frozen=True)
class Place:
    """A place as a writer names it: its country (code), and its city and building in one language or both.

    A building's name that only repeats the city or country ("Minsk, Minsk, Belarus") is left out, as Venue leaves it
    out (Venue.normalise): the place is the city itself, found among the venues or created as that.
    """

    country: str
    city_en: str = ""
    city_ru: str = ""
    name_en: str = ""
    name_ru: str = ""

    def __post_init__(self):
        for field in ("name_en", "name_ru"):
            name = getattr(self, field)
            if name and names_only_the_place(name, (self.city_en, self.city_ru), self.country):
                object.__setattr__(self, field, "")

    @property
    def cities(self) -> set[str]:
        return comparable(self.city_en, self.city_ru)

    @property
    def names(self) -> set[str]:
        return comparable(self.name_en, self.name_ru)


def comparable(*values) -> set[str]:
    """The values as compared: spaces collapsed, case folded, empty ones left out."""
    return {value for value in (" ".join(str(value or "").split()).casefold() for value in values) if value}


def venue_matches(venue: Venue, place: Place) -> bool:
    """The venue rule of the API, the importer and drafting: the same country; a city named in either language as
    either of the venue's (no city: a venue without one); the same for the building's name (no name: the whole
    city, a venue without one)."""
    if venue.country.code != place.country:
        return False
    cities, names = comparable(venue.city_en, venue.city_ru), comparable(venue.name_en, venue.name_ru)
    city_fits = bool(place.cities & cities) if place.cities else not cities
    name_fits = bool(place.names & names) if place.names else not names
    return city_fits and name_fits


def find_venues(places: Iterable[Place]) -> dict[Place, Venue]:
    """The first stored venue (by id) of each place that has one (venue_matches): a query per 100 cities."""
    places = set(places)
    if not places:
        return {}
    codes = sorted({place.country for place in places})
    cities = sorted(set().union(*(place.cities for place in places)))
    conditions = []
    for start in range(0, len(cities), 100):  # an OR of names: SQLite parses at most 1,000 deep
        condition = Q()
        for city in cities[start : start + 100]:
            condition |= Q(city_en__iexact=city) | Q(city_ru__iexact=city)
        conditions.append(condition)
    if any(not place.cities for place in places):
        conditions.append((Q(city_en="") | Q(city_en__isnull=True)) & (Q(city_ru="") | Q(city_ru__isnull=True)))
    candidates = {}
    for condition in conditions:
        candidates.update((venue.pk, venue) for venue in Venue.objects.filter(condition, country__in=codes))
    found: dict[Place, Venue] = {}
    for _pk, venue in sorted(candidates.items()):
        for place in places - found.keys():
            if venue_matches(venue, place):
                found[place] = venue
    return found


def new_venue(place: Place, *, timezone: str = "", coordinates: tuple | None = None) -> Venue:
    """An unsaved venue for the place, checked (ValidationError); coordinates: (latitude, longitude), rounded to the
    six decimals stored (ArithmeticError for a number too large for them)."""
    venue = Venue(
        country=place.country,
        city_en=place.city_en,
        city_ru=place.city_ru,
        name_en=place.name_en,
        name_ru=place.name_ru,
        timezone=timezone,
    )
    if coordinates is not None:
        venue.latitude, venue.longitude = (Decimal(str(value)).quantize(Decimal("0.000001")) for value in coordinates)
    venue.full_clean()
    return venue


def find_or_create_venue(place: Place, *, timezone: str = "", coordinates: tuple | None = None) -> Venue:
    """The place's venue, created (with the time zone and coordinates given) if the calendar has none yet.

    A venue is shared by its events: one event's write does not move it for the others.
    """
    venue = find_venues([place]).get(place)
    if venue is None:
        venue = new_venue(place, timezone=timezone, coordinates=coordinates)
        venue.save()
    return venue


def find_person(name: str) -> Person | None:
    """The person rule: the first person (by id) named so in either language (any case), or whose slug is the
    name's."""
    name = " ".join(name.split())
    condition = Q(name_en__iexact=name) | Q(name_ru__iexact=name)
    if slugify(name):
        condition |= Q(slug=slugify(name))
    return Person.objects.filter(condition).order_by("pk").first()


def find_or_create_person(name: str, country: str = "") -> Person:
    """The person of this name (find_person), created if new."""
    person = find_person(name)
    if person is None:
        person = Person.objects.create(
            slug=unique_slug(Person, slugify(name) or "person"), name_en=" ".join(name.split()), country=country or ""
        )
    return person


def find_sources(urls: Iterable[str]) -> dict[str, Source]:
    """The first source (by id) at each address: a query per 500 addresses."""
    urls, found = sorted({url for url in urls if url}), {}
    for start in range(0, len(urls), 500):
        for source in Source.objects.filter(url__in=urls[start : start + 500]).order_by("pk"):
            found.setdefault(source.url, source)
    return found


def find_source(*, title: str, url: str, published_at: dt.datetime) -> Source | None:
    """The source rule: the one at this address; without an address, the one of this title (in either language,
    any case) published at this moment."""
    if url:
        return find_sources([url]).get(url)
    title = " ".join(title.split())
    condition = Q(title_en__iexact=title) | Q(title_ru__iexact=title)
    return Source.objects.filter(condition, published_at=published_at).order_by("pk").first()


def new_source(*, url: str, published_at: dt.datetime, text: str = "", **titles) -> Source:
    """An unsaved source; titles: title_en, title_ru, as the writer has them."""
    return Source(url=url, published_at=published_at, text=text, **titles)


def find_or_create_source(
    *, title: str, url: str, published_at: dt.datetime, language: str = "en", text: str = ""
) -> Source:
    """The source (find_source), created if new."""
    source = find_source(title=title, url=url, published_at=published_at)
    if source is None:
        # English is the calendar's required language: the writer's title stands in until an officer translates.
        titles = {"title_en": title, f"title_{language}": title}
        source = new_source(url=url, published_at=published_at, text=text, **titles)
        source.save()
    return source
