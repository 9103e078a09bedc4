"""The shared rows events refer to: their types, places, people, organisers, topics, series and sources."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from timezone_field import TimeZoneField

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


class Venue(TextCleanedModel):
    """Where events happen: a building, or only a city, or only a country when that is all that is known."""

    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Leave empty for a whole city or country.")
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

    def clean(self):
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
