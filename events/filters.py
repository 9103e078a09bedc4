"""The one filter definition behind the HTML listing, the iCal feeds and the API.

Parameters: type, country, city, tag, person, status, from, to, q. Every one is
validated: an unknown slug, a malformed date or a NUL byte is a 400 with a
message, not an empty result or a 500.
"""

import re

import django_filters
import django_filters.fields
from django import forms
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

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


class EventFilter(django_filters.FilterSet):
    type = django_filters.ModelChoiceFilter(
        label=_("Type"),
        empty_label=_("Any"),
        queryset=EventType.objects.all(),
        to_field_name="slug",
        field_name="event_type",
    )
    country = CountryCodeFilter(
        label=_("Country"), empty_label=_("Any"), choices=lambda: list(countries), method="filter_country"
    )
    city = django_filters.CharFilter(label=_("City"), max_length=100, method="filter_city")
    tag = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        empty_label=_("Any"),
        queryset=lambda request: Tag.objects.filter(Exists(Event.objects.public().filter(tags=OuterRef("pk")))),
        to_field_name="slug",
        method="filter_tag",
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Person"),
        empty_label=_("Any"),
        queryset=lambda request: Person.objects.filter(
            Exists(Event.objects.public().filter(participations__person=OuterRef("pk")))
        ),
        to_field_name="slug",
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
