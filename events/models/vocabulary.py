"""The shared rows events refer to: their types, places, people, organisers, topics, series and sources."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries
from django_countries.fields import CountryField
from timezone_field import TimeZoneField

from ..slugs import words
from .base import CountedQuerySet, TextCleanedModel


class SlugNaturalKeyManager(models.Manager.from_queryset(CountedQuerySet)):
    """Let fixtures refer to vocabulary rows by slug rather than by database id."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class NamedVocabulary(TextCleanedModel):
    """A row known by its name, and by its slug in addresses, filters and fixtures.

    Each kind declares its own `name` (their lengths differ) and its verbose names.
    """

    slug = models.SlugField(_("slug"), unique=True)

    objects = SlugNaturalKeyManager()

    class Meta:
        abstract = True
        ordering = ["name_en"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class EventType(NamedVocabulary):
    """A kind of event: visit, forum, festival, culture days, and whatever officers add."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in addresses, feeds and the API."))
    name = models.CharField(_("name"), max_length=100)
    name_plural = models.CharField(_("plural name"), max_length=100, help_text=_("For example “Visits”."))
    is_visit = models.BooleanField(
        _("is a visit"),
        default=False,
        help_text=_("Events of this type record a protocol level (state, official, working)."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("event type")
        verbose_name_plural = _("event types")


class Person(NamedVocabulary):
    """Someone who takes part in events; the position held at each event is on Participation."""

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)

    class Meta(NamedVocabulary.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")


class Organisation(NamedVocabulary):
    """A body that organises or initiates events: a ministry, a parliament, a committee."""

    name = models.CharField(_("name"), max_length=300)
    country = CountryField(_("country"), blank=True)

    class Meta(NamedVocabulary.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class Tag(NamedVocabulary):
    """A topic such as EAEU, CIS, CSTO, Union State, UN or OSCE."""

    name = models.CharField(_("name"), max_length=100)

    class Meta(NamedVocabulary.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class Series(NamedVocabulary):
    """A recurring event, such as an annual forum; each edition is an Event of its own."""

    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta(NamedVocabulary.Meta):
        verbose_name = _("series")
        verbose_name_plural = pgettext_lazy("plural", "series")


# Words that name a city as a city ("City of Minsk", "г. Минск", "город Москва"), not a building or place in it.
CITY_WORDS = frozenset({"city", "of", "the", "g", "gorod"})
# Names of the calendar's usual countries that django-countries does not give.
MORE_COUNTRY_NAMES = {
    "BY": ("Беларусь", "Republic of Belarus", "Республика Беларусь"),
    "RU": ("Russian Federation", "Российская Федерация"),
}


def country_names(code: str) -> list[str]:
    """A country's names in English and Russian."""
    names = list(MORE_COUNTRY_NAMES.get(code, ()))
    for language in ("en", "ru"):
        with translation.override(language):
            names.append(str(countries.name(code)))
    return names


def names_only_the_place(name: str, cities, country: str) -> bool:
    """Whether a venue's name says no more than its city and country ("Minsk" in Minsk, "Минск, Беларусь", "City of
    Minsk"), so that the venue would read "Minsk, Minsk, Belarus".

    Compared as a slug writes words: in any case, with or without punctuation, and across the alphabets where the
    transliteration is the same ("Минск" and "Minsk").
    """
    said = words(name)
    known = {tuple(words(place)) for place in (*cities, *country_names(country)) if place}
    places = sorted((place for place in known if place), key=len, reverse=True)
    at, named = 0, False
    while at < len(said):
        place = next((place for place in places if tuple(said[at : at + len(place)]) == place), None)
        if place is not None:
            at, named = at + len(place), True
        elif said[at] in CITY_WORDS:
            at += 1
        else:
            return False
    return named


class Venue(TextCleanedModel):
    """Where events happen: a building, or only a city, or only a country when that is all that is known."""

    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_(
            "The building or place, for example “Ministry of Foreign Affairs”. Leave empty for a whole city or "
            "country: a name that only repeats the city is left out."
        ),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    timezone = TimeZoneField(
        _("time zone"),
        blank=True,
        use_pytz=False,
        help_text=_("IANA time zone, for example Europe/Moscow. Timed events here default to it."),
    )

    class Meta:
        ordering = ["country", "city", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return ", ".join(part for part in (self.name, self.city, str(self.country.name)) if part)

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)

    def normalise(self) -> list[str]:
        """Leave out a name that only repeats the city or country (names_only_the_place): such a venue is the city
        (or country) itself. Return the names left out."""
        left_out = []
        for field in ("name_en", "name_ru"):
            name = getattr(self, field, None)
            if name and names_only_the_place(name, (self.city_en, self.city_ru), self.country.code or ""):
                left_out.append(name)
                setattr(self, field, "")
        return left_out

    def clean(self):
        self.normalise()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))


class Source(TextCleanedModel):
    """A press release (or other publication) that events are taken from."""

    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("address (URL)"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("publication date"))
    text = models.TextField(_("text"), blank=True, help_text=_("The full text, as published."))

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title
