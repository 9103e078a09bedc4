"""From a VEVENT to an event's values: texts, dates, status, type, and the shared rows it names (place, tags,
source, series), read with one query per kind for the whole file."""

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from events import shared
from events.models import Event, EventType, Series, Source, Tag, Venue
from events.slugs import unique_slug

from .ics_reading import STATUS_FROM_ICAL, WEB_ADDRESS, ImportFileError, ImportReport, own_export, text
from .ics_recurrence import Incoming
from .ics_writing import batches


class EventMapper:
    """The mapping half of the Importer (ics.py), which sets up the state read here: the known types, places, tags,
    sources and series, and those to create."""

    def read_vocabulary(self, items: list[Incoming]) -> None:
        """Read the places, tags and sources the file names: each of them once, whatever the number of events."""
        places, tags, urls = set(), set(), set()
        for item in items:
            vevent = item.vevent
            if place := self.place(text(vevent, "LOCATION")):
                places.add(place)
            tags.update(self.tag_names(vevent))
            if text(vevent, "URL") and not own_export(vevent):
                urls.add(text(vevent, "URL")[:500])
        self.venues.update(shared.find_venues(places))
        self.read_tags(tags)
        self.sources.update(shared.find_sources(urls))

    def place(self, location: str) -> shared.Place | None:
        """LOCATION "Building, City, Country" as a place in the file's language; None when no country is named."""
        if location not in self.places:
            parts = [part.strip() for part in location.split(",") if part.strip()]
            country = None
            if parts:
                country = countries.by_name(parts[-1], language=self.language) or countries.by_name(
                    parts[-1], language="en"
                )
                if not country:
                    country = countries.by_name(parts[-1], language="ru")
            city = parts[-2] if len(parts) >= 2 else ""
            names = {f"city_{self.language}": city, f"name_{self.language}": ", ".join(parts[:-2])}
            self.places[location] = shared.Place(country=country, **names) if country else None
        return self.places[location]

    def read_tags(self, wanted: set[tuple[str, str]]) -> None:
        """The stored tags that the file's categories name, by slug or by either name (any case)."""
        pairs = sorted(wanted)
        for chunk in batches(pairs, 100):  # an OR of names: SQLite parses at most 1,000 deep
            condition = Q(slug__in=[slug for _name, slug in chunk])
            for name, _slug in chunk:
                condition |= Q(name_en__iexact=name) | Q(name_ru__iexact=name)
            for tag in Tag.objects.filter(condition).order_by("pk"):
                if all(known.pk != tag.pk for known in self.tags_by_slug[tag.slug]):
                    self.remember_tag(tag, tag.slug)

    def remember_tag(self, tag: Tag, slug: str) -> None:
        self.tags_by_slug[slug].append(tag)
        for name in (tag.name_en, tag.name_ru):
            if name:
                self.tags_by_name[name.casefold()].append(tag)

    # The event's related rows, as read, or to create ---------------------------------------------------------

    def tag_names(self, vevent) -> list[tuple[str, str]]:
        """The categories that are not the event's type, as the (name, slug) of the tags they name."""
        found = []
        for name in self.categories(vevent):
            mapped = self.category_map.get(name.casefold(), name)
            if self.type_named(mapped) or self.type_named(name):
                continue
            found.append((mapped, slugify(mapped) or slugify(mapped, allow_unicode=True) or "tag"))
        return found

    def tags(self, vevent) -> list[Tag]:
        """The categories that are not the event's type, as tags (found by name or slug, created if new)."""
        found = []
        for name, slug in self.tag_names(vevent):
            matching = [*self.tags_by_slug.get(slug, ()), *self.tags_by_name.get(name.casefold(), ())]
            if matching:
                # As Tag.objects.filter(...).first(): tags are ordered by their English name.
                tag = min(matching, key=lambda tag: (tag.name_en or "", tag.pk is None, tag.pk or 0))
            else:
                tag = Tag(**{f"name_{self.language}": name[:100]})
                self.new_tags.append((tag, slug))
                self.remember_tag(tag, slug)
            found.append(tag)
        return found

    def venue(self, vevent, event: Event, report: ImportReport, label: str) -> Venue | None:
        """The venue named by LOCATION ("Building, City, Country"), found or created; GEO gives its coordinates."""
        location = text(vevent, "LOCATION")
        if not location:
            return None
        place = self.place(location)
        if place is None:
            report.notes.append((label, _("place “%(place)s” not recognised: no venue set") % {"place": location}))
            return None
        if place in self.venues:
            return self.venues[place]
        venue = next((venue for venue in self.new_venues if shared.venue_matches(venue, place)), None)
        if venue is not None:
            return venue  # made by this run for an earlier event
        zone = str(event.timezone) if event.timezone and str(event.timezone) != "UTC" else ""
        coordinates = (vevent["GEO"].latitude, vevent["GEO"].longitude) if "GEO" in vevent else None
        try:
            venue = shared.new_venue(place, timezone=zone, coordinates=coordinates)
        except ArithmeticError as error:  # a finite number too large for six decimals
            raise ImportFileError(
                _("%(event)s: the place cannot be stored: GEO %(value)s is not a latitude and longitude.")
                % {"event": label, "value": vevent["GEO"].to_ical()[:60]}
            ) from error
        except ValidationError as error:
            raise ImportFileError(
                _("%(event)s: the place cannot be stored: %(errors)s") % {"event": label, "errors": error}
            ) from error
        self.venues[place] = venue
        self.new_venues.append(venue)
        return venue

    def source_for(self, vevent, report: ImportReport, label: str) -> Source | None:
        url = text(vevent, "URL")[:500]
        try:
            WEB_ADDRESS(url)
        except ValidationError:
            report.notes.append((label, _("the URL is not a web address (http or https): not kept")))
            return None
        source = self.sources.get(url)
        if source is None:
            published = self.instant(vevent, "CREATED") or self.instant(vevent, "DTSTAMP") or self.now
            title = text(vevent, "X-DIPCAL-TITLE") or text(vevent, "SUMMARY") or url
            source = shared.new_source(url=url, published_at=published, **{f"title_{self.language}": title[:500]})
            self.sources[url] = source
            self.new_sources.append(source)
        return source

    def instant(self, vevent, name: str) -> dt.datetime | None:
        if name not in vevent:
            return None
        value = vevent.decoded(name)
        if not isinstance(value, dt.datetime):
            return None
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def fill(self, event: Event, item: Incoming, report: ImportReport) -> bool:
        """Set the event's fields from the VEVENT; True when its time was floating (no zone in the file)."""
        vevent, lang = item.vevent, self.language
        title = text(vevent, "X-DIPCAL-TITLE") or text(vevent, "SUMMARY") or _("(untitled)")
        setattr(event, f"title_{lang}", title[:300])
        if not event.title_en:
            # English is the calendar's required language: the file's text stands in until an officer translates.
            event.title_en = title[:300]
            report.notes.append(
                (
                    item.label,
                    _("no English title: the %(language)s one stands in")
                    % {"language": translation.get_language_info(lang)["name_translated"].lower()},
                )
            )
        if own_export(vevent):
            setattr(event, f"summary_{lang}", text(vevent, "X-DIPCAL-SUMMARY")[:500])
            setattr(event, f"description_{lang}", text(vevent, "X-DIPCAL-DESCRIPTION"))
            setattr(event, f"agenda_{lang}", text(vevent, "X-DIPCAL-AGENDA"))
        else:
            setattr(event, f"description_{lang}", text(vevent, "DESCRIPTION"))
        floating = self.fill_dates(event, item, report)
        status = text(vevent, "X-DIPCAL-STATUS") or text(vevent, "STATUS").upper()
        event.status = (
            Event.Status.POSTPONED if status == "postponed" else STATUS_FROM_ICAL.get(status, Event.Status.CONFIRMED)
        )
        event.event_type = self.event_type(vevent, item.label)
        if not event.event_type.is_visit:
            event.visit_level = ""
        event.venue = self.venue(vevent, event, report, item.label)
        if text(vevent, "URL") and event.source_id is None and not own_export(vevent):
            # Another calendar's page about the event; this service's own URL is the event's page, not a source.
            event.source = self.source_for(vevent, report, item.label)
        if item.series_of is not None:
            event.series = self.series_for(item.series_of)
        return floating

    def fill_dates(self, event: Event, item: Incoming, report: ImportReport) -> bool:
        vevent = item.vevent
        start = vevent.decoded("DTSTART")
        end = vevent.decoded("DTEND") if "DTEND" in vevent else None
        if end is None and "DURATION" in vevent:
            end = start + vevent.decoded("DURATION")
        precision = text(vevent, "X-DIPCAL-PRECISION").lower()
        event.date_precision = precision if precision in ("month", "year") else Event.Precision.DAY
        if not isinstance(start, dt.datetime):
            event.all_day, event.start, event.end, event.timezone = True, None, None, ""
            event.start_date = start
            # RFC 5545: DTEND of an all-day event is the day after the last one.
            last = (end.date() if isinstance(end, dt.datetime) else end) if end else None
            event.end_date = max(start, last - dt.timedelta(days=1)) if last else start
            return False
        floating = start.tzinfo is None
        if floating:
            report.notes.append(
                (
                    item.label,
                    _("floating time, read as %(zone)s time; check it (kept as a draft)") % {"zone": self.zone},
                )
            )
            zone = ZoneInfo(self.zone)
            start = start.replace(tzinfo=zone)
            end = end.replace(tzinfo=zone) if isinstance(end, dt.datetime) and end.tzinfo is None else end
        key = text(vevent, "X-DIPCAL-TIMEZONE") or getattr(start.tzinfo, "key", None)
        if key is None:
            # Outlook names zones the Windows way ("Russian Standard Time"); the instant is right either way.
            tzid = str(vevent["DTSTART"].params.get("TZID", ""))
            key = WINDOWS_TO_OLSON.get(tzid.strip('"'))
        if key is None and start.utcoffset() == dt.timedelta(0):
            key = "UTC"
        try:
            ZoneInfo(key or "")
        except (ZoneInfoNotFoundError, ValueError):
            key = None
        if key is None:
            key = "UTC"
            report.notes.append((item.label, _("time zone not recognised; the times are kept in UTC")))
        event.all_day, event.timezone = False, key
        event.start = start.astimezone(dt.UTC)
        event.end = end.astimezone(dt.UTC) if isinstance(end, dt.datetime) and end > start else None
        if isinstance(end, dt.datetime) and end < start:
            report.notes.append((item.label, _("the end is before the start: only the start is kept")))
        event.start_date = event.end_date = None
        return floating

    def add_type(self, kind: EventType) -> None:
        """Know the type by its slug and its names, singular and plural, in both languages."""
        for spelling in (kind.slug, kind.name_en, kind.name_ru, kind.name_plural_en, kind.name_plural_ru):
            if spelling:
                self.type_spellings.setdefault(spelling.casefold(), kind)

    def type_named(self, name: str) -> EventType | None:
        return self.type_spellings.get(name.casefold()) if name else None

    def event_type(self, vevent, label: str) -> EventType:
        wanted = text(vevent, "X-DIPCAL-TYPE")
        categories = self.categories(vevent)
        names = [self.category_map.get(name.casefold(), name) for name in categories]
        for candidate in [wanted, *names]:
            if kind := self.type_named(candidate):
                return kind
        if self.default_type is not None:
            return self.default_type
        if wanted and categories and slugify(wanted) == wanted:
            # This service's own export names its type (slug, and its name as the first category): bring it along.
            kind = EventType.objects.create(
                slug=wanted[:50], **{f"name_{self.language}": categories[0][:100]},
                **{f"name_plural_{self.language}": categories[0][:100]},
            )  # fmt: skip
            self.add_type(kind)
            return kind
        raise ImportFileError(
            _("%(event)s: no event type among its categories (%(categories)s); choose a default type.")
            % {"event": label, "categories": ", ".join(categories) or "—"}
        )

    @staticmethod
    def categories(vevent) -> list[str]:
        values = vevent.get("CATEGORIES")
        if values is None:
            return []
        names = []
        for value in values if isinstance(values, list) else [values]:
            names.extend(str(category).strip() for category in value.cats)
        return [name for name in names if name]

    def series_for(self, master) -> Series:
        uid = str(master["UID"])
        if uid not in self.series:
            name = text(master, "X-DIPCAL-TITLE") or text(master, "SUMMARY") or uid
            slug = (slugify(name) or "series")[:40]
            series = Series.objects.filter(slug__startswith=slug, **{f"name_{self.language}": name[:300]}).first()
            if series is None:
                series = Series.objects.create(slug=unique_slug(Series, slug), **{f"name_{self.language}": name[:300]})
            self.series[uid] = series
        return self.series[uid]
