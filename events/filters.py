"""The one filter definition behind the HTML listing, the iCal feeds and the API.

Parameters: type, country, city, tag, person, status, from, to, q. Every one is
validated: an unknown slug, a malformed date or a NUL byte is a 400 with a
message, not an empty result or a 500.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import django_filters
import django_filters.fields
from django import forms
from django.core.cache import cache
from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from . import freshness
from .models import MAX_YEAR, MIN_YEAR, Event, EventType, Person, Tag

ISO_DATE = ["%Y-%m-%d"]
ISO_DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_SEARCH_WORDS = 10
FILTER_NAMES = ("type", "country", "city", "tag", "person", "status", "from", "to", "q")


class IsoDateField(forms.DateField):
    """A day written YYYY-MM-DD (nothing looser), within the years the calendar holds."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not (isinstance(value, str) and ISO_DATE_PATTERN.fullmatch(value)):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        day = super().to_python(value)
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise forms.ValidationError(
                _("Give a year between %(first)d and %(last)d."), params={"first": MIN_YEAR, "last": MAX_YEAR}
            )
        return day


class IsoDateFilter(django_filters.DateFilter):
    field_class = IsoDateField


class SearchField(forms.CharField):
    """Words to look for: at most MAX_SEARCH_WORDS, each one more subquery."""

    def clean(self, value):
        value = super().clean(value)
        if value and len(value.split()) > MAX_SEARCH_WORDS:
            raise forms.ValidationError(_("Search for at most %(count)d words."), params={"count": MAX_SEARCH_WORDS})
        return value


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class CountryCodeField(django_filters.fields.ChoiceField):
    """An ISO 3166 alpha-2 code, accepted in either letter case."""

    def to_python(self, value):
        return super().to_python(value).upper()


class CountryCodeFilter(django_filters.ChoiceFilter):
    field_class = CountryCodeField


class OptionsSelect(forms.Select):
    """A select whose options are worked out only when it is rendered (see offer_options), so that a page whose
    filter form is cached reads no vocabulary. `offer(value sent)` gives the choices and the one of their values
    that the value sent names (a city typed in either language or letter case names its option)."""

    offer: Callable | None = None

    def get_context(self, name, value, attrs):
        if self.offer is not None:
            self.choices, value = self.offer(value)
        context = super().get_context(name, value, attrs)
        # A text filter's length limit (the city's) still holds for what is sent, but is no attribute of a select.
        context["widget"]["attrs"].pop("maxlength", None)
        return context


class EventFilter(django_filters.FilterSet):
    type = django_filters.ModelChoiceFilter(
        label=_("Type"),
        empty_label=_("Any"),
        widget=OptionsSelect,
        queryset=EventType.objects.all(),
        to_field_name="slug",
        field_name="event_type",
    )
    country = CountryCodeFilter(
        label=_("Country"),
        empty_label=_("Any"),
        choices=lambda: list(countries),
        widget=OptionsSelect,
        method="filter_country",
    )
    # Offered as a select of the cities with events, but any city name is taken, as typed in either language.
    city = django_filters.CharFilter(
        label=_("City"), max_length=100, widget=OptionsSelect(choices=[("", _("Any"))]), method="filter_city"
    )
    tag = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        empty_label=_("Any"),
        queryset=lambda request: Tag.objects.filter(Exists(Event.objects.public().filter(tags=OuterRef("pk")))),
        to_field_name="slug",
        widget=OptionsSelect,
        method="filter_tag",
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Person"),
        empty_label=_("Any"),
        queryset=lambda request: Person.objects.filter(
            Exists(Event.objects.public().filter(participations__person=OuterRef("pk")))
        ),
        to_field_name="slug",
        widget=OptionsSelect,
        method="filter_person",
    )
    status = django_filters.ChoiceFilter(label=_("Status"), empty_label=_("Any"), choices=Event.Status.choices)
    # "from" is a Python keyword, so these two are added to the class namespace by name.
    locals()["from"] = IsoDateFilter(
        label=_("From"),
        input_formats=ISO_DATE,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        method="filter_from",
        help_text=_("Events that end on or after this day (YYYY-MM-DD)."),
    )
    locals()["to"] = IsoDateFilter(
        label=_("To"),
        input_formats=ISO_DATE,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        method="filter_to",
        help_text=_("Events that start on or before this day (YYYY-MM-DD)."),
    )
    q = SearchFilter(label=_("Search"), max_length=200, method="filter_search")

    class Meta:
        model = Event
        fields = ["type", "country", "city", "tag", "person", "status", "from", "to", "q"]

    def filter_country(self, queryset, name, value: str):
        return queryset.in_country(value)

    def filter_city(self, queryset, name, value):
        return queryset.in_city(value.strip()) if value.strip() else queryset

    def filter_tag(self, queryset, name, value: str):
        return queryset.with_tag(value.slug)

    def filter_person(self, queryset, name, value: str):
        return queryset.with_person(value.slug)

    def filter_from(self, queryset, name, value):
        return queryset.between(first=value)

    def filter_to(self, queryset, name, value):
        return queryset.between(last=value)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.repeated = sorted(name for name in self.base_filters if data is not None and len(data.getlist(name)) > 1)

    def is_valid(self):
        valid = super().is_valid()
        for name in self.repeated:
            self.form.add_error(name, _("Give this filter once."))
        data = self.form.cleaned_data if hasattr(self.form, "cleaned_data") else {}
        first, last = data.get("from"), data.get("to")
        if first and last and first > last:
            self.form.add_error("to", _("“to” is before “from”."))
        return valid and not self.form.errors


def describe_errors(filterset: EventFilter, *, prefix: str = "") -> list[str]:
    """One line per invalid parameter, "name: message", for 400 answers and command errors."""
    return [f"{prefix}{name}: {' '.join(messages)}" for name, messages in filterset.errors.items()]


def selected_filters(params) -> dict[str, str]:
    """The filter parameters actually given (empty ones mean "any"), in their canonical order."""
    return {name: params[name] for name in FILTER_NAMES if params.get(name, "").strip()}


def lower_case(value: str) -> str:
    """Letters in lower case where every database matches the two cases alike (A/a, Д/д, Σ/σ); letters whose case
    mapping is not one to one (ß, İ, ẞ) stay as written, since PostgreSQL's UPPER() and SQLite's LIKE would not
    find the same events for both spellings."""
    return "".join(
        lower if len(lower := character.lower()) == 1 and lower.upper() == character.upper() else character
        for character in value
    )


# Filters that ignore letter case (and, for words, spacing): one normal form each, so that a cache key or an ETag
# cannot be multiplied by writing the same selection another way.
CASE_FOLDED = {"city": lower_case, "q": lambda value: " ".join(lower_case(value).split()), "country": str.upper}


def normal_filters(params) -> QueryDict:
    """The recognised filters of a query in normal form: known names only, in their canonical order, values
    trimmed, case-folded where the filter ignores case, empty ones left out. A filter given twice keeps both values
    and one with a NUL keeps it (EventFilter refuses them, as for any page). What cache keys and ETags come from,
    and what a cached response is built from, so that its bytes follow from its key."""
    normal = QueryDict(mutable=True)
    for name in FILTER_NAMES:
        values = [value.strip() for value in params.getlist(name)]
        values = [CASE_FOLDED.get(name, str)(value) for value in values if value]
        if values:
            normal.setlist(name, values)
    return normal


# The filter form's options: only values with events, counted, in the page language's alphabetical order -----------

# What each select offers, and the event fields its values come from: slug (or code) first, then the names.
COUNTED_FIELDS = {
    "type": ("event_type__slug", "event_type__name_en", "event_type__name_ru"),
    "place": ("venue__country", "venue__city_en", "venue__city_ru"),
    "tag": ("tags__slug", "tags__name_en", "tags__name_ru"),
    "person": ("participations__person__slug", "participations__person__name_en", "participations__person__name_ru"),
}


def count_options(events: QuerySet) -> dict[str, list[tuple]]:
    """How many of these events each type, place (country and city), topic and person has, as rows
    (value, English name, Russian name, count) of the values with events: one grouped query per vocabulary (countries
    and cities are both the venue's), whatever the number of values. Plain tuples, to be kept in the cache."""
    counted = {}
    for name, fields in COUNTED_FIELDS.items():
        # A row per event and value: an event has one type and venue, and a topic or a person once (unique pairs).
        rows = events.order_by().values(*fields).annotate(events=Count("pk"))
        counted[name] = [(*row, events) for *row, events in rows.values_list(*fields, "events") if row[0]]
    return counted


# Kept until the data changes (the data version moves) or the clock makes a coming event past (next_clock_change):
# nothing else changes which events a page counts (the coming ones, the past ones, or all of them).
COUNTS_SECONDS = 24 * 3600


@dataclass(frozen=True)
class PageCounts:
    """count_options' rows of a page's events, counted at a moment, and the moment until which they hold (None:
    until the data changes)."""

    rows: dict[str, list[tuple]]
    counted_at: dt.datetime
    until: dt.datetime | None


def next_clock_change(now: dt.datetime) -> dt.datetime | None:
    """The first moment after now at which a public event stops being coming (upcoming()) and becomes past (past()),
    as pages see it at the current minute (models.current_minute): the end of its last day in UTC for an all-day
    event, the minute after its end (its start, when it has no end) for a timed one. None when no event is coming."""
    found = (
        Event.objects.public(now)
        .upcoming(now)
        .aggregate(
            last_day=Min("end_date", filter=Q(all_day=True)), end=Min(Coalesce("end", "start"), filter=Q(all_day=False))
        )
    )
    moments = []
    if found["last_day"] is not None:
        moments.append(dt.datetime.combine(found["last_day"] + dt.timedelta(days=1), dt.time(), dt.UTC))
    if found["end"] is not None:
        moments.append(found["end"].replace(second=0, microsecond=0) + dt.timedelta(minutes=1))
    return min(moments, default=None)


def page_counts(events: QuerySet, *, kind: str, now: dt.datetime) -> PageCounts:
    """count_options of a page's events, kept per data version and kind of page (kind: the coming events, the
    archive, a month) until the clock changes which events are coming: a page read by many costs a cache read."""
    name = freshness.key("filter-counts", freshness.current().key, kind)
    counts = cache.get(name)
    if counts is None or (counts.until is not None and now >= counts.until):
        counts = PageCounts(count_options(events), now, next_clock_change(now))
        cache.set(name, counts, COUNTS_SECONDS)
    return counts


def in_language(language: str, english: str | None, russian: str | None) -> str:
    """A name in the page's language, or in the other one when it has none there (as modeltranslation falls back)."""
    return (russian or english or "") if language == "ru" else (english or russian or "")


def collation_key(name: str, language: str) -> tuple:
    """Sort names as a reader of the language expects: letter case ignored, ё beside е (after it only when all else
    is equal), a Latin letter with an accent beside the bare one; й stays a letter of its own, after и. Names in the
    page's alphabet come before those in the other (in Russian, Cyrillic before Latin), and digits before both."""
    own = "CYRILLIC" if language == "ru" else "LATIN"
    letters = []
    for character in name.casefold():
        if character == "ё":
            character = "е"
        elif (bare := unicodedata.normalize("NFD", character)[0]).isascii():
            character = bare
        letters.append((script_rank(character, own), character))
    return (letters, name.casefold(), name)


def script_rank(character: str, own: str) -> int:
    """0 for a digit, a space or a sign; 1 for a letter of the page's own alphabet; 2 for any other letter."""
    if not character.isalpha():
        return 0
    return 1 if unicodedata.name(character, "").startswith(own) else 2


def option_label(name: str, count: int) -> str:
    return f"{name} ({count})"


def sorted_options(named: dict[str, tuple[str, int]], language: str) -> list[tuple[str, str]]:
    """(value, "Name (count)") choices from {value: (name, count)}, in the alphabetical order of the names."""
    ordered = sorted(named.items(), key=lambda item: (collation_key(item[1][0], language), item[0]))
    return [(value, option_label(name, count)) for value, (name, count) in ordered]


def named_options(rows: list[tuple], language: str) -> dict[str, tuple[str, int]]:
    """{slug: (name in the language, count)} of a vocabulary's counted rows."""
    return {slug: (in_language(language, english, russian), count) for slug, english, russian, count in rows}


def country_options(rows: list[tuple]) -> dict[str, tuple[str, int]]:
    """{code: (the country's name in the active language, count)}: each event has one venue, so the counts of a
    country's places add up to its own."""
    counts: dict[str, int] = {}
    for code, _city_en, _city_ru, count in rows:
        counts[code] = counts.get(code, 0) + count
    return {code: (str(countries.name(code)), count) for code, count in counts.items()}


def city_options(rows: list[tuple], language: str) -> tuple[dict[str, tuple[str, int]], dict[str, str]]:
    """{value: (name in the language, count)} of the cities with events, and {spelling: value} of every spelling
    (either language, letter case folded) that names each. The value is the city's English spelling (its Russian
    one when it has none): stable, and what the city filter matches in either language. Venues whose cities are
    spelled alike are one city, as the filter finds them together."""
    cities: dict[str, tuple[str, int]] = {}
    spellings: dict[str, str] = {}
    # The first spelling, in an order that does not change with the counts, names the city: one with a Russian
    # name first, then the one with the fewest capitals ("Moscow" rather than "MOSCOW").
    in_order = sorted(rows, key=lambda row: (not row[2], (row[1] or row[2] or "").swapcase(), row[2] or ""))
    for _code, english, russian, count in in_order:
        spelling = english or russian
        if not spelling:
            continue
        value = spellings.setdefault(lower_case(spelling), spelling)
        name, total = cities.get(value, ("", 0))
        cities[value] = (name or in_language(language, english, russian), total + count)
        if russian:
            spellings.setdefault(lower_case(russian), value)
    return cities, spellings


def offered_values(name: str, counted: dict, sent: str, chosen, language: str) -> tuple[dict, str]:
    """The values the select `name` offers, {value: (name in the language, count)}, and the value that `sent` names
    (chosen: the row it was validated to, if any). A value sent that the counts lack is offered with 0 events."""
    if name == "country":
        named, selected = country_options(counted["place"]), sent.upper()
        missing = str(countries.name(selected))
    elif name == "city":
        named, spellings = city_options(counted["place"], language)
        selected = spellings.get(lower_case(sent), sent)
        missing = sent
    else:
        named, selected = named_options(counted[name], language), sent
        missing = in_language(language, chosen.name_en, chosen.name_ru) if chosen is not None else sent
    if selected and selected not in named:
        named[selected] = (missing, 0)
    return named, selected


def city_name(counted: dict, sent: str) -> str:
    """The name, in the active language, of the city that a city filter as sent names (as sent when none has events)."""
    named, selected = offered_values("city", counted, sent.strip(), None, get_language())
    return named[selected][0]


# The selects that offer only values with events.
OFFERED = ("type", "country", "city", "tag", "person")


def offer_options(filterset: EventFilter, counted: dict[str, list[tuple]]) -> None:
    """Make the form's selects of types, countries, cities, topics and people offer the values with events (counted:
    count_options' rows), each with its count, sorted by name in the active language, once they are rendered. A
    value sent stays offered, and selected, with 0 events when this page has none of it."""
    cleaned = filterset.form.cleaned_data

    def offer_for(name: str) -> Callable:
        def offer(value):
            language = get_language()
            sent = value.strip() if isinstance(value, str) else ""
            named, selected = offered_values(name, counted, sent, cleaned.get(name), language)
            return [("", _("Any")), *sorted_options(named, language)], selected

        return offer

    for name in OFFERED:
        filterset.form.fields[name].widget.offer = offer_for(name)
