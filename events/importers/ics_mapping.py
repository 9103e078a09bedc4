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

from .ics_checks import Skip
from .ics_reading import STATUS_FROM_ICAL, WEB_ADDRESS, ImportFileError, ImportReport, own_export, text
from .ics_recurrence import Incoming
from .ics_writing import batches


class EventMapper:
    """The mapping half of the Importer (ics.py), which sets up the state read here: the known types, places, tags,
    sources and series, and those to create."""

    def note(self, item: Incoming, report: ImportReport, what: str) -> None:
        """A note for the officer: once for a whole series, under the series' UID, rather than per occurrence."""
        if item.series_of is None:
            report.notes.append((item.label, what))
            return
        uid = str(item.series_of["UID"])
        if (uid, what) not in self.noted:
            self.noted.add((uid, what))
            report.notes.append((f"{item.series_of.get('SUMMARY', '')} ({uid})", what))

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
        self.read_series(items)
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
            if self.types.named(mapped) or self.types.named(name):
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

    def venue(self, vevent, event: Event, report: ImportReport, item: Incoming) -> Venue | None:
        """The venue named by LOCATION ("Building, City, Country"), found or created; GEO gives its coordinates."""
        location = text(vevent, "LOCATION")
        if not location:
            return None
        place = self.place(location)
        if place is None:
            self.note(item, report, _("place “%(place)s” not recognised: no venue set") % {"place": location})
            return None
        if place in self.venues:
            return self.venues[place]
        venue = next((venue for venue in self.new_venues if shared.venue_matches(venue, place)), None)
        if venue is not None:
            return venue  # made by this run for an earlier event
        zone = str(event.timezone) if event.timezone and str(event.timezone) != "UTC" else ""
        coordinates = (vevent["GEO"].latitude, vevent["GEO"].longitude) if "GEO" in vevent else None
        try:
            try:
                venue = shared.new_venue(place, timezone=zone, coordinates=coordinates)
            except ArithmeticError:  # a finite number too large for six decimals: the place without them
                value = vevent["GEO"].to_ical()[:60]
                self.note(item, report, _("GEO %(value)s is not a latitude and longitude: left out") % {"value": value})
                venue = shared.new_venue(place, timezone=zone, coordinates=None)
        except ValidationError as error:
            raise Skip(_("the place cannot be stored: %(errors)s") % {"errors": error}) from error
        self.venues[place] = venue
        self.new_venues.append(venue)
        return venue

    def source_for(self, vevent, report: ImportReport, item: Incoming) -> Source | None:
        url = text(vevent, "URL")[:500]
        try:
            WEB_ADDRESS(url)
        except ValidationError:
            self.note(item, report, _("the URL is not a web address (http or https): not kept"))
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
            language = translation.get_language_info(lang)["name_translated"].lower()
            self.note(item, report, _("no English title: the %(language)s one stands in") % {"language": language})
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
        event.event_type = self.event_type(vevent, item, report)
        if not event.event_type.is_visit:
            event.visit_level = ""
        event.venue = self.venue(vevent, event, report, item)
        if text(vevent, "URL") and event.source_id is None and not own_export(vevent):
            # Another calendar's page about the event; this service's own URL is the event's page, not a source.
            event.source = self.source_for(vevent, report, item)
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
            self.note(
                item,
                report,
                _("floating time, read as %(zone)s time; check it (kept as a draft)") % {"zone": self.zone},
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
            self.note(item, report, _("time zone not recognised; the times are kept in UTC"))
        event.all_day, event.timezone = False, key
        event.start = start.astimezone(dt.UTC)
        event.end = end.astimezone(dt.UTC) if isinstance(end, dt.datetime) and end > start else None
        if isinstance(end, dt.datetime) and end < start:
            self.note(item, report, _("the end is before the start: only the start is kept"))
        event.start_date = event.end_date = None
        return floating

    def event_type(self, vevent, item: Incoming, report: ImportReport) -> EventType:
        """The type the event's categories name (mapped first by the officer's options), else the default type,
        else the general type "Other event", noted."""
        wanted = text(vevent, "X-DIPCAL-TYPE")
        categories = self.categories(vevent)
        names = [self.category_map.get(name.casefold(), name) for name in categories]
        if kind := self.types.named(wanted) or self.types.find(names):
            return kind
        if self.default_type is not None:
            return self.default_type
        if wanted and categories and slugify(wanted) == wanted:
            # This service's own export names its type (slug, and its name as the first category): bring it along.
            kind = EventType.objects.create(
                slug=wanted[:50], **{f"name_{self.language}": categories[0][:100]},
                **{f"name_plural_{self.language}": categories[0][:100]},
            )  # fmt: skip
            self.types.add(kind)
            return kind
        if self.types.other is not None:
            why = _("no event type among its categories (%(categories)s): imported as “%(type)s”; change it if needed")
            self.note(item, report, why % {"categories": ", ".join(categories) or "—", "type": self.types.other.name})
            return self.types.other
        raise ImportFileError(
            _("%(event)s: no event type among its categories (%(categories)s); choose a default type.")
            % {"event": item.label, "categories": ", ".join(categories) or "—"}
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
        """The series of a recurring VEVENT: the stored one of its name (read by read_series), or a new one."""
        uid = str(master["UID"])
        if uid not in self.series:
            name, slug = self.series_name(master)
            series = next((found for found in self.stored_series.get(name, ()) if found.slug.startswith(slug)), None)
            if series is None:
                series = Series(**{f"name_{self.language}": name})
                self.new_series.append((series, slug))
                self.stored_series.setdefault(name, []).append(series)
            self.series[uid] = series
        return self.series[uid]

    def series_name(self, master) -> tuple[str, str]:
        name = (text(master, "X-DIPCAL-TITLE") or text(master, "SUMMARY") or str(master["UID"]))[:300]
        return name, (slugify(name) or "series")[:40]

    def read_series(self, items: list[Incoming]) -> None:
        """The stored series that the file's recurring events name, by name: one query for all of them."""
        names = sorted({self.series_name(item.series_of)[0] for item in items if item.series_of is not None})
        for chunk in batches(names):
            for series in Series.objects.filter(**{f"name_{self.language}__in": chunk}).order_by("pk"):
                self.stored_series.setdefault(getattr(series, f"name_{self.language}"), []).append(series)
