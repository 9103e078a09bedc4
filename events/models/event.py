"""Events, and the people taking part in them.

Translated fields (title, summary, ...) get English and Russian columns from
django-modeltranslation; see translation.py.
"""

import contextlib
import datetime as dt
import uuid
from calendar import monthrange
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, router, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from timezone_field import TimeZoneField

from ..dates import local_days
from ..text import clean_instance
from .addresses import KeptAddress
from .base import TextCleanedModel
from .editing import CheckedEdits, TrackedChanges, same_value
from .publication import public_at
from .queries import EventQuerySet
from .vocabulary import EventType, Organisation, Person, Series, Source, Tag, Venue

# Dates outside these years are typing mistakes, and beyond them time-zone
# arithmetic overflows.
MIN_YEAR, MAX_YEAR = 1800, 2200


def generate_uid() -> str:
    return str(uuid.uuid4())


class Event(KeptAddress, CheckedEdits, TrackedChanges, TextCleanedModel):
    """One event: a visit, a forum, a festival, culture days, or a part of one of them.

    A save is refused with EditConflict over a save made since the event was read (CheckedEdits), counts
    SEQUENCE up when what a subscriber sees changed (TrackedChanges), and chooses the slug (KeptAddress).
    """

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
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "The event's address: made from the title and the year while the event is a draft, unless set here by "
            "hand. Once the event is published it stays, unless a publisher sets another; the old address then "
            "leads to the new one."
        ),
    )
    # Whether the slug no longer follows the title: published once, or set by hand (see addresses.py).
    slug_fixed = models.BooleanField(_("slug fixed"), default=False, editable=False)
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
            # The archive's order, the newest first: a page of past events is read without sorting them all.
            models.Index(fields=["-end_date", "-start_date", "-id"], name="event_archive_order"),
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
        update_fields = kwargs.get("update_fields")
        stored, old = self.stored("slug"), None
        if update_fields is None or "slug" in update_fields:
            old = self.choose_slug()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "slug_fixed"}
        if self.pk is None and self.status_changed_at is None:
            # A cancelled event leaves feeds some days after its cancellation, however it was created.
            self.status_changed_at = timezone.now()
        if stored is None or self.slug == stored:
            super().save(*args, **kwargs)
            return
        using = kwargs.get("using") or router.db_for_write(Event, instance=self)
        with transaction.atomic(using=using, savepoint=False):
            super().save(*args, **kwargs)
            self.keep_address(old)

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def normalise(self) -> None:
        """Derive what follows from the entered values; never guess a missing fact."""
        clean_instance(self)
        if self.is_published:
            # Published once, the address is public: it no longer follows the title (addresses.py).
            self.slug_fixed = True
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
            # Beyond year 1 or 9999 in local time the days stay as they were; clean() reports the year.
            with contextlib.suppress(OverflowError):
                self.start_date, self.end_date = local_days(self.start, self.end, zone)

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
        self.clean_slug(errors)
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

    def has_ended(self, now: dt.datetime) -> bool:
        """Whether the event is over at `now`: true exactly for the events EventQuerySet.past(now) keeps.

        A timed event ends at its end (or its start when no end is known); an all-day, month or year event at the
        end of its last day in UTC. An undated event has not ended (nor is it upcoming).
        """
        if self.date_precision == self.Precision.NONE or self.start_date is None:
            return False
        if self.all_day:
            return (self.end_date or self.start_date) < now.astimezone(dt.UTC).date()
        last = self.end or self.start
        return last is not None and last < now

    @property
    def is_public(self) -> bool:
        """Whether anyone may see the event now."""
        return public_at(self.is_published, self.publish_at, timezone.now())

    @property
    def was_public(self) -> bool:
        """Whether the event as last read from the database is public now (before the save being made)."""
        return public_at(bool(self.stored("is_published")), self.stored("publish_at"), timezone.now())

    @property
    def is_embargoed(self) -> bool:
        """Published, but not yet public: its embargo time is still to come."""
        return self.is_published and not self.is_public

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
