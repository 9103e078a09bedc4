"""The named selections of events (EventQuerySet), and the moments and spans they are computed from."""

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.db.models import DurationField, ExpressionWrapper, F, Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .publication import public_condition

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

    No such event still running on `today` began more than this many days before it. Remembered per data version
    (drafts count too: a staff selection asks for them), day and precisions, as it depends on nothing else.
    """
    from .. import freshness
    from .event import Event

    def longest() -> int:
        span = ExpressionWrapper(F("end_date") - F("start_date"), output_field=DurationField())
        candidates = Event.objects.dated().filter(end_date__gte=today - dt.timedelta(days=1))
        if precisions is not None:
            candidates = candidates.filter(date_precision__in=precisions)
        found = candidates.aggregate(longest=Max(span))["longest"]
        return found.days if found else 0

    kinds = sorted(precisions) if precisions is not None else None
    return freshness.remember("longest-running", (today, kinds), longest, timeout=24 * 3600, hidden=True)


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs) -> int:
        """Update the rows and count the change (freshness.count): a bulk write sends no signal. A change the
        public sees when any of the rows is public before or after it."""
        from .. import freshness

        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.values_list("pk", flat=True))
            if not pks:
                return 0
            was_public = freshness.public_among(pks)
            rows = super().update(**kwargs)
            freshness.count(was_public or freshness.public_among(pks))
        return rows

    def public(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep events anyone may see: published, and past their embargo time if they have one."""
        return self.filter(public_condition(now or timezone.now()))

    def embargoed(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep published events whose embargo time is still to come: published, but not yet public."""
        return self.filter(is_published=True).exclude(public_condition(now or timezone.now()))

    def unpublished(self, now: dt.datetime | None = None) -> "EventQuerySet":
        """Keep drafts and embargoed events: exactly those that public() leaves out."""
        now = now or timezone.now()
        return self.exclude(pk__in=self.public(now).values("pk"))

    def dated(self) -> "EventQuerySet":
        """Keep events with at least a known year."""
        return self.exclude(date_precision=self.model.Precision.NONE)

    def undated(self) -> "EventQuerySet":
        """Keep events whose dates are still to be announced."""
        return self.filter(date_precision=self.model.Precision.NONE)

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
        """Keep dated events that have ended: the complement of upcoming() among dated events.

        Written as its own condition (the negation of upcoming()'s, for rows the model validates: an all-day
        event has its last day, a timed one its start) rather than "not among the upcoming ones", so that the
        archive reads its newest events in the order of an index and stops after a page. Event.has_ended(now) is
        the same rule for one event in hand (the event page's "This event has ended").
        """
        now = now or timezone.now()
        today = now.astimezone(dt.UTC).date()
        return self.dated().filter(
            Q(all_day=True, end_date__lt=today)
            | Q(all_day=False, end__lt=now)
            | Q(all_day=False, end__isnull=True, start__lt=now)
        )

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

    def slug_now(self, old_slug: str) -> str | None:
        """The slug of the event among these that once had old_slug (EventSlugHistory), or None: where an old
        address leads, for the pages, the .ics and the API alike."""
        moved = self.select_related(None).prefetch_related(None).filter(old_slugs__slug=old_slug)
        return moved.values_list("slug", flat=True).first()

    def search(self, text: str) -> "EventQuerySet":
        """Keep events whose title, summary, people or place contain every word of text, in either language."""
        queryset = self
        for word in text.split():
            match = Q()
            for field in SEARCH_FIELDS:
                match |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(pk__in=self.model.objects.filter(match).values("pk"))
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
            .exclude(status=self.model.Status.CANCELLED, cancelled_at__lt=cutoff)
        )

    def chronological(self) -> "EventQuerySet":
        """Order by first day, timed events by start within a day, undated events last."""
        return self.order_by(F("start_date").asc(nulls_last=True), Coalesce("start", "created_at").asc(), "pk")
