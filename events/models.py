"""The data model of the diplomatic event calendar.

Translated fields (title, summary, ...) get English and Russian columns from
django-modeltranslation; see translation.py.
"""

import datetime as dt
import hashlib
import hmac
import secrets
import uuid
from calendar import monthrange
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from timezone_field import TimeZoneField

from .text import clean_instance

# Event fields whose change a calendar subscriber must see: a change to any of
# them bumps Event.sequence (RFC 5545 SEQUENCE), so clients replace their copy.
MATERIAL_FIELDS = (
    "title_en",
    "title_ru",
    "status",
    "date_precision",
    "all_day",
    "start_date",
    "end_date",
    "start",
    "end",
    "timezone",
    "venue_id",
)

# What decides whether the public sees an event: changing them (or any field of a published event) needs the
# publish permission.
PUBLICATION_FIELDS = ("is_published", "publish_at")

# What search() looks in: both languages of the texts, people and places.
SEARCH_FIELDS = [
    f"{field}_{language}"
    for field in (
        "title",
        "summary",
        "participations__person__name",
        "participations__position",
        "venue__name",
        "venue__city",
    )
    for language in ("en", "ru")
]

# Dates outside these years are typing mistakes, and beyond them time-zone
# arithmetic overflows.
MIN_YEAR, MAX_YEAR = 1800, 2200


class EditConflict(Exception):
    """A save of an event that someone else saved (or deleted) after it was read."""

    def __init__(self, event: "Event", seen: int | None):
        super().__init__(f"Event {event.pk} changed since edit {seen} was read.")
        self.event = event
        self.seen = seen


class TextCleanedModel(models.Model):
    """A model whose text columns hold no control characters, whoever writes them (admin, API, import, drafting)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        clean_instance(self)
        super().save(*args, **kwargs)


def same_value(first, second) -> bool:
    """Compare field values, taking an empty text and no text as the same."""
    return first == second or (first in (None, "") and second in (None, ""))


def generate_uid() -> str:
    return str(uuid.uuid4())


class SlugNaturalKeyManager(models.Manager):
    """Let fixtures refer to vocabulary rows by slug rather than by database id."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class EventType(TextCleanedModel):
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

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("event type")
        verbose_name_plural = _("event types")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


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


class Person(TextCleanedModel):
    """Someone who takes part in events; the position held at each event is on Participation."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Organisation(TextCleanedModel):
    """A body that organises or initiates events: a ministry, a parliament, a committee."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    country = CountryField(_("country"), blank=True)

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Tag(TextCleanedModel):
    """A topic such as EAEU, CIS, CSTO, Union State, UN or OSCE."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Series(TextCleanedModel):
    """A recurring event, such as an annual forum; each edition is an Event of its own."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("series")
        verbose_name_plural = pgettext_lazy("plural", "series")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


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


def start_of_utc_day(now: dt.datetime) -> dt.datetime:
    """Midnight UTC of the day now falls on: where feeds' day-based rules turn."""
    return dt.datetime.combine(now.astimezone(dt.UTC).date(), dt.time(), dt.UTC)


def current_minute() -> dt.datetime:
    """Now, to the minute: pages name the same selection for a minute, so its count can be cached (paging.py).

    Never early: an embargo that ends within the minute is lifted at most a minute late.
    """
    return timezone.now().replace(second=0, microsecond=0)


def longest_running(today: dt.date, precisions: list[str] | None = None) -> int:
    """The most days from first to last day among dated events (of these precisions) ending on or after today - 1.

    No such event still running on `today` began more than this many days
    before it. Read once per data version, day and precisions (freshness.py),
    as it depends on nothing else.
    """
    from django.core.cache import cache
    from django.db.models import DurationField, ExpressionWrapper, Max

    from . import freshness

    kinds = ",".join(sorted(precisions)) if precisions is not None else "all"
    # Drafts count too (a staff selection asks for them): keyed on every change, not only public ones.
    version = hashlib.blake2b(repr(freshness.current().any_change_key).encode(), digest_size=16).hexdigest()
    key = f"events:longest-running:{version}:{today.isoformat()}:{kinds}"
    days = cache.get(key)
    if days is None:
        span = ExpressionWrapper(F("end_date") - F("start_date"), output_field=DurationField())
        candidates = Event.objects.dated().filter(end_date__gte=today - dt.timedelta(days=1))
        if precisions is not None:
            candidates = candidates.filter(date_precision__in=precisions)
        longest = candidates.aggregate(longest=Max(span))["longest"]
        days = longest.days if longest else 0
        cache.set(key, days, 24 * 3600)
    return days


def can_see_unpublished(user) -> bool:
    """Whether this user may see drafts and embargoed events: active staff with the view permission."""
    return bool(
        user and user.is_authenticated and user.is_active and user.is_staff and user.has_perm("events.view_event")
    )


def public_at(is_published: bool, publish_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether an event so published is public at now: the Python twin of EventQuerySet.public()."""
    return is_published and (publish_at is None or publish_at <= now)


class EventQuerySet(models.QuerySet):
    def public(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep events anyone may see: published, and past their embargo time if they have one."""
        now = now or timezone.now()
        return self.filter(Q(publish_at__isnull=True) | Q(publish_at__lte=now), is_published=True)

    def unpublished(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep drafts and embargoed events: exactly those that public() leaves out."""
        now = now or timezone.now()
        return self.exclude(pk__in=self.public(now).values("pk"))

    def dated(self) -> "EventQuerySet":
        """Keep events with at least a known year."""
        return self.exclude(date_precision=Event.Precision.NONE)

    def undated(self) -> "EventQuerySet":
        """Keep events whose dates are still to be announced."""
        return self.filter(date_precision=Event.Precision.NONE)

    def upcoming(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep dated events that have not ended, including those in progress.

        A timed event ends at its end (or its start when no end is known); an
        all-day, month or year event lasts until the end of its last day in
        UTC. Undated events are neither upcoming nor past.
        """
        now = now or timezone.now()
        today = now.astimezone(dt.UTC).date()
        return self.dated().filter(
            Q(all_day=True, end_date__gte=today)
            | Q(all_day=False, end__gte=now)
            | Q(all_day=False, end__isnull=True, start__gte=now),
            # Implied by the above (a timed event's local last day is at most a day behind UTC), and what
            # lets an index on start_date find these events without reading every past one.
            start_date__gte=today - dt.timedelta(days=longest_running(today) + 1),
        )

    def past(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep dated events that have ended: the complement of upcoming() among dated events."""
        return self.dated().exclude(pk__in=self.upcoming(now).values("pk"))

    def between(
        self, first: dt.date | None = None, last: dt.date | None = None, *, precisions: list[str] | None = None
    ) -> "EventQuerySet":
        """Keep dated events that overlap the days first..last (both inclusive, either open), of these precisions.

        Overlapping means ending on or after first and starting on or before
        last; the lower bound on the first day (no event overlapping `first`
        began longer before it than the longest such event lasts) lets an
        index on start_date read only the events near the window.
        """
        queryset = self.dated()
        if precisions is not None:
            queryset = queryset.filter(date_precision__in=precisions)
        if first is not None:
            earliest = first - dt.timedelta(days=longest_running(first, precisions))
            queryset = queryset.filter(end_date__gte=first, start_date__gte=earliest)
        if last is not None:
            queryset = queryset.filter(start_date__lte=last)
        return queryset

    def of_type(self, slug: str) -> "EventQuerySet":
        return self.filter(event_type__slug=slug)

    def in_country(self, code: str) -> "EventQuerySet":
        """Keep events held in the country with this ISO 3166 alpha-2 code."""
        return self.filter(venue__country=code.upper())

    def with_tag(self, slug: str) -> "EventQuerySet":
        return self.filter(tags__slug=slug).distinct()

    def with_person(self, slug: str) -> "EventQuerySet":
        return self.filter(participations__person__slug=slug).distinct()

    def in_city(self, name: str) -> "EventQuerySet":
        """Keep events in the city of this name, written in English or Russian, in any letter case."""
        return self.filter(Q(venue__city_en__iexact=name) | Q(venue__city_ru__iexact=name))

    def search(self, text: str) -> "EventQuerySet":
        """Keep events whose title, summary, people or place contain every word of text, in either language."""
        queryset = self
        for word in text.split():
            match = Q()
            for field in SEARCH_FIELDS:
                match |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(pk__in=Event.objects.filter(match).values("pk"))
        return queryset

    def listed_in_feeds(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep dated events, dropping cancelled ones EVENTS_FEED_CANCELLED_DAYS after their cancellation.

        Until then a cancelled event stays in feeds, marked CANCELLED, so that
        every subscriber's calendar learns of the cancellation before the event goes.
        """
        now = now or timezone.now()
        # Whole UTC days, so that feeds change at most at midnight for this reason (see feeds.py).
        cutoff = start_of_utc_day(now) - dt.timedelta(days=settings.EVENTS_FEED_CANCELLED_DAYS)
        return (
            self.dated()
            .alias(cancelled_at=Coalesce("status_changed_at", "updated_at"))
            .exclude(status=Event.Status.CANCELLED, cancelled_at__lt=cutoff)
        )

    def chronological(self) -> "EventQuerySet":
        """Order by first day, timed events by start within a day, undated events last."""
        return self.order_by(F("start_date").asc(nulls_last=True), Coalesce("start", "created_at").asc(), "pk")


class Event(TextCleanedModel):
    """One event: a visit, a forum, a festival, culture days, or a part of one of them."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        TENTATIVE = "tentative", _("tentative")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    class Precision(models.TextChoices):
        DAY = "day", _("exact days")
        MONTH = "month", _("month only")
        YEAR = "year", _("year only")
        NONE = "none", _("no date yet")

    class VisitLevel(models.TextChoices):
        STATE = "state", _("state visit")
        OFFICIAL = "official", _("official visit")
        WORKING = "working", _("working visit")

    # What
    uid = models.CharField(
        _("calendar UID"),
        max_length=255,
        unique=True,
        default=generate_uid,
        editable=False,
        help_text=_("Identifies the event in subscribers' calendars; never changes."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    event_type = models.ForeignKey(EventType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="events")
    visit_level = models.CharField(_("visit level"), max_length=10, choices=VisitLevel.choices, blank=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One item per line."))

    # When. start_date/end_date (end inclusive) are set for every dated event,
    # timed ones included (the local days in the event's zone), so that ranges,
    # archives and ordering need one pair of columns. start/end are only for
    # timed events and are stored in UTC.
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    all_day = models.BooleanField(_("all day"), default=True)
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    start = models.DateTimeField(_("starts at"), null=True, blank=True)
    end = models.DateTimeField(_("ends at"), null=True, blank=True)
    timezone = TimeZoneField(_("time zone"), blank=True, use_pytz=False)

    # Where and who
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    people = models.ManyToManyField(
        Person, through="Participation", verbose_name=_("participants"), related_name="events", blank=True
    )
    organisers = models.ManyToManyField(Organisation, verbose_name=_("organisers"), related_name="events", blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), related_name="events", blank=True)

    # Structure
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="parts",
        help_text=_("The visit or event this is a part of."),
    )
    series = models.ForeignKey(
        Series, verbose_name=_("series"), null=True, blank=True, on_delete=models.PROTECT, related_name="editions"
    )
    edition = models.PositiveSmallIntegerField(
        _("edition number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("4 for the Fourth Forum."),
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )

    # State
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    is_published = models.BooleanField(_("published"), default=False)
    publish_at = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_("A published event stays hidden from the public until this time."),
    )

    # Bookkeeping for calendar clients
    sequence = models.PositiveIntegerField(_("revision (SEQUENCE)"), default=0, editable=False)
    # Every save adds one, and a save is refused unless the row still holds the number the saver read
    # (optimistic concurrency: two officers editing at once cannot overwrite each other unseen).
    lock_version = models.PositiveIntegerField(_("edit number"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True, editable=False)
    # For events imported from another calendar: the SEQUENCE and LAST-MODIFIED read there, so that
    # importing the same file again changes nothing and only a newer version updates the event.
    origin_sequence = models.PositiveIntegerField(_("imported SEQUENCE"), null=True, blank=True, editable=False)
    origin_modified = models.DateTimeField(_("imported LAST-MODIFIED"), null=True, blank=True, editable=False)
    # Who owns an imported event: the file's address or the partner named at import. Empty for events made here
    # (admin, API, drafting), which no import may change. A later file updates only events of its own source.
    imported_from = models.CharField(_("imported from"), max_length=300, blank=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        # No default ordering: it would leak into GROUP BY of counts; use chronological().
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Editors (change permission) save drafts; making an event public, or changing what the public sees, needs this.
        permissions = [("publish_event", _("Can publish events and change published ones"))]
        constraints = [
            models.UniqueConstraint(fields=["series", "edition"], name="unique_series_edition"),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")) | Q(end_date__isnull=True) | Q(start_date__isnull=True),
                name="event_end_date_not_before_start_date",
            ),
            models.CheckConstraint(
                condition=Q(end__gte=F("start")) | Q(end__isnull=True) | Q(start__isnull=True),
                name="event_end_not_before_start",
            ),
        ]
        indexes = [
            models.Index(fields=["start_date", "end_date"], name="event_dates"),
            models.Index(fields=["is_published", "publish_at"], name="event_publication"),
            # The order of the upcoming listing, read from today's events on (see upcoming()).
            models.Index(fields=["start_date", "-created_at", "-id"], name="event_listing_order"),
            # The API's order ("start"); SQLite reads it for NULLS LAST too, so a page is not a sort of every event.
            models.Index(fields=["start_date", "start", "id"], name="event_api_order"),
            # Events known to the month or year, next to a month's grid.
            models.Index(fields=["date_precision", "start_date"], name="event_precision_start"),
            # Few events have a parent or a series: partial indexes, whose statistics tell the planner so
            # (SQLite judged the plain foreign-key index useless and scanned the table for an event's parts).
            models.Index(fields=["parent"], condition=Q(parent__isnull=False), name="event_parts"),
            models.Index(fields=["series"], condition=Q(series__isnull=False), name="event_editions"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.normalise()
        if not self.slug:
            self.slug = self._unique_slug()
        update_fields = kwargs.get("update_fields")
        if self.pk is None and self.status_changed_at is None:
            # A cancelled event leaves feeds some days after its cancellation, however it was created.
            self.status_changed_at = timezone.now()
        loaded = getattr(self, "_loaded_material", None)
        if self.pk is not None and loaded:
            changed = {
                name
                for name, value in loaded.items()
                if not same_value(getattr(self, name), value)
                and (update_fields is None or name.removesuffix("_id") in update_fields or name in update_fields)
            }
            if changed:
                # In the database, so that two concurrent saves each count.
                self.sequence = F("sequence") + 1
            if "status" in changed:
                self.status_changed_at = timezone.now()
            if changed and update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence", "status_changed_at", "updated_at"}
        seen = getattr(self, "seen_version", None)
        if self.pk is not None and not self._state.adding:
            self.lock_version = seen + 1 if seen is not None else F("lock_version") + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "lock_version"}
        try:
            super().save(*args, **kwargs)
        except EditConflict:
            self.lock_version = seen
            raise
        self._remember_material()

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        """Update the row only if it still holds the edit number read (seen_version): compare and swap."""
        seen = getattr(self, "seen_version", None)
        if seen is None:
            updated = super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        elif base_qs.filter(pk=pk_val, lock_version=seen)._update(values) > 0:
            updated = True
        else:
            # Changed or deleted meanwhile: refuse, rather than overwrite it or insert a deleted event again.
            raise EditConflict(self, seen)
        if updated and any(hasattr(getattr(self, name), "resolve_expression") for name in ("sequence", "lock_version")):
            # Counted in the database; read back before post_save (the change history records them).
            self.sequence, self.lock_version = base_qs.values_list("sequence", "lock_version").get(pk=pk_val)
        return updated

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        self._remember_material(fields)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_material, instance._loaded_publication = {}, {}
        instance._remember_material()
        return instance

    def _remember_material(self, fields=None) -> None:
        """Note the stored values of the material fields, to see at the next save what changed."""
        if not hasattr(self, "_loaded_material"):
            self._loaded_material = {}
        if not hasattr(self, "_loaded_publication"):
            self._loaded_publication = {}
        if "lock_version" in self.__dict__ and (fields is None or "lock_version" in fields):
            # The edit number the next save compares with; see _do_update.
            self.seen_version = self.__dict__["lock_version"]
        for name in PUBLICATION_FIELDS:
            if (fields is None or name in fields) and name in self.__dict__:
                self._loaded_publication[name] = self.__dict__[name]
        for name in MATERIAL_FIELDS:
            # Only fields actually loaded: reading a deferred one would query again.
            wanted = fields is None or name in fields or name.removesuffix("_id") in fields
            if wanted and name in self.__dict__:
                self._loaded_material[name] = self.__dict__[name]

    def _unique_slug(self) -> str:
        year = f"-{self.start_date.year}" if self.start_date else ""
        base = (slugify(self.title_en or self.title or "", allow_unicode=False) or "event")[:100] + year
        slug, counter = base, 2
        while Event.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, counter = f"{base}-{counter}", counter + 1
        return slug

    def normalise(self) -> None:
        """Derive what follows from the entered values; never guess a missing fact."""
        clean_instance(self)
        if self.date_precision != self.Precision.DAY:
            self.all_day = True
        if self.date_precision == self.Precision.NONE:
            return
        if self.all_day:
            if self.start_date and not self.end_date:
                self.end_date = self.start_date
            if self.date_precision == self.Precision.MONTH and self.end_date:
                self.end_date = self.end_date.replace(day=monthrange(self.end_date.year, self.end_date.month)[1])
            if self.date_precision == self.Precision.YEAR and self.end_date:
                self.end_date = self.end_date.replace(month=12, day=31)
            return
        if not self.timezone and self.venue_id and self.venue.timezone:
            self.timezone = self.venue.timezone
        if self.start and self.timezone:
            zone = ZoneInfo(str(self.timezone))
            try:
                self.start_date = self.start.astimezone(zone).date()
                self.end_date = (self.end or self.start).astimezone(zone).date()
            except OverflowError:
                # Beyond year 1 or 9999 in local time; clean() reports the year.
                pass

    def clean(self):
        errors = {}
        self._clean_years(errors)
        if errors:
            raise ValidationError(errors)
        self.normalise()
        self._clean_dates(errors)
        if self.publish_at and not self.is_published:
            errors["publish_at"] = _(
                "An embargo applies to a published event: tick “published”, or clear the embargo time."
            )
        if self.visit_level and self.event_type_id and not self.event_type.is_visit:
            errors["visit_level"] = _("Only visits have a visit level; “%(type)s” is not a visit type.") % {
                "type": self.event_type
            }
        if self.edition and not self.series_id:
            errors["edition"] = _("An edition number needs a series; choose the series or clear the number.")
        self._clean_parent(errors)
        if errors:
            raise ValidationError(errors)

    def _clean_years(self, errors: dict) -> None:
        for name in ("start_date", "end_date", "start", "end", "publish_at"):
            value = getattr(self, name)
            if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
                errors[name] = _("Give a year between %(first)d and %(last)d.") % {"first": MIN_YEAR, "last": MAX_YEAR}

    def _clean_dates(self, errors: dict) -> None:
        precision = self.date_precision
        if precision == self.Precision.NONE:
            if any(value is not None for value in (self.start_date, self.end_date, self.start, self.end)):
                errors["date_precision"] = _(
                    "The dates are set but the precision says there is no date yet: "
                    "choose a precision or clear the dates."
                )
            return
        if not self.all_day:
            if self.start is None:
                errors["start"] = _("A timed event needs its start time (or tick “all day”).")
            if not self.timezone:
                errors["timezone"] = _("A timed event needs the time zone of its venue.")
            if self.start is not None and self.end is not None and self.end < self.start:
                errors["end"] = _("The event ends before it starts.")
            return
        if self.start is not None or self.end is not None:
            errors["start"] = _("An all-day event has days, not times: clear the times or untick “all day”.")
        if self.start_date is None:
            errors["start_date"] = _("Give the first day, or choose “no date yet” as the precision.")
            return
        if self.end_date is not None and self.end_date < self.start_date:
            errors["end_date"] = _("The last day is before the first day.")
        if precision == self.Precision.MONTH and self.start_date.day != 1:
            errors["start_date"] = _(
                "Only the month is known: give the first day of the month (%(date)s), "
                "not a day the sources do not state."
            ) % {"date": self.start_date.replace(day=1).isoformat()}
        if precision == self.Precision.YEAR and (self.start_date.month, self.start_date.day) != (1, 1):
            errors["start_date"] = _(
                "Only the year is known: give 1 January (%(date)s), not a day the sources do not state."
            ) % {"date": self.start_date.replace(month=1, day=1).isoformat()}

    def _clean_parent(self, errors: dict) -> None:
        # An admin inline gives its parts the parent object before the parent is saved.
        if self.parent_id is None and not Event.parent.is_cached(self):
            return
        parent = self.parent
        if parent is None:
            return
        ancestor, seen = parent, set()
        while ancestor is not None and ancestor.pk is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                errors["parent"] = _("An event cannot be a part of itself or of one of its own parts.")
                return
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        if (
            self.start_date
            and self.end_date
            and parent.start_date
            and parent.end_date
            and (self.start_date < parent.start_date or self.end_date > parent.end_date)
        ):
            message = _("A part must take place within the dates of the event it belongs to (%(dates)s).") % {
                "dates": f"{parent.start_date.isoformat()}..{parent.end_date.isoformat()}"
            }
            errors["start" if not self.all_day else "start_date"] = message

    def needs_publisher(self) -> bool:
        """Whether saving this event as it is now needs the publish permission (see services.check_may_save).

        True when the event is published (public or embargoed) as stored or as it would be saved, or when its
        embargo time changes: what the public sees, or will see at a set time, is a publisher's decision.
        """
        return bool(
            self.stored("is_published")
            or self.is_published
            or not same_value(self.stored("publish_at"), self.publish_at)
        )

    def stored(self, name: str):
        """A publication field (PUBLICATION_FIELDS) as last read from the database: None for a new event, and the
        present value for one never read (an old version from the history)."""
        if self.pk is None:
            return None
        return getattr(self, "_loaded_publication", {}).get(name, getattr(self, name))

    @property
    def is_public(self) -> bool:
        return public_at(self.is_published, self.publish_at, timezone.now())

    @property
    def was_public(self) -> bool:
        """Whether the event as last read from the database is public now (before the save being made)."""
        return public_at(bool(self.stored("is_published")), self.stored("publish_at"), timezone.now())

    @property
    def is_embargoed(self) -> bool:
        return self.is_published and self.publish_at is not None and self.publish_at > timezone.now()

    @property
    def country(self):
        return self.venue.country if self.venue_id else None

    @property
    def missing_translations(self) -> list[str]:
        """Name the texts that have English but no Russian version (shown in English instead)."""
        return [
            name
            for name in ("title", "summary", "description", "agenda")
            if getattr(self, f"{name}_en") and not getattr(self, f"{name}_ru")
        ]


class Participation(TextCleanedModel):
    """A person's part in an event, with the position they held at the time."""

    class Role(models.TextChoices):
        GUEST = "guest", _("guest")
        HOST = "host", _("host")
        PARTICIPANT = "participant", _("participant")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    position = models.CharField(_("position"), max_length=300, blank=True, help_text=_("As held at the time."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="unique_participation")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class FeedToken(models.Model):
    """A staff member's secret address of the private feed, which also shows drafts and embargoed events.

    Only a hash of the key is stored: the address is shown once, when the
    token is created or rotated, and cannot be read back.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="feed_token"
    )
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("private feed token")
        verbose_name_plural = _("private feed tokens")

    def __str__(self):
        return str(self.user)

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user) -> tuple["FeedToken", str]:
        """Create or rotate the user's token; return it with the new key, which is never stored."""
        key = secrets.token_urlsafe(32)
        token, _created = cls.objects.update_or_create(
            user=user, defaults={"key_hash": cls.hash_key(key), "created_at": timezone.now()}
        )
        return token, key

    @classmethod
    def user_for_key(cls, key: str):
        """Return the active staff user who may read drafts through this key, or None."""
        digest = cls.hash_key(key)
        token = cls.objects.select_related("user").filter(key_hash=digest).first()
        if token is None or not hmac.compare_digest(token.key_hash, digest):
            return None
        return token.user if can_see_unpublished(token.user) else None


class DataVersion(models.Model):
    """A single row counting changes to the calendar's data (see freshness.py)."""

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)
    # Every change, hidden work included (number moves only for what the public sees): what caches of selections
    # that may include drafts (staff's counts, the longest event's span) key on.
    edits = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self):
        return str(self.number)
