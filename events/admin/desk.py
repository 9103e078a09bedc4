"""The press officer's desk: one admin page with the day's work (drafts, embargoes about to lift, coming events
that still lack Russian texts or times, recent cancellations), and the words the event list and the desk share for
a moment in the office's time zone and for what an event still lacks."""

import dataclasses
import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from events.dates import format_day, format_event_dates, zone_time_label
from events.models import Event
from events.timezones import office_zone

# How far ahead and back each section looks, in days.
EMBARGO_DAYS = 7
COMING_DAYS = 14
CANCELLED_DAYS = 14
# Rows shown per section; the heading counts them all, and a link leads to the whole selection in the event list.
ROWS = 50
# Texts whose Russian version the desk asks for: what a Russian reader sees first in listings and feeds.
DESK_TEXTS = ("title", "summary")


def missing_russian(names=DESK_TEXTS) -> Q:
    """Events with an English text among names that has no Russian version (shown in English instead)."""
    missing = Q()
    for name in names:
        missing |= Q(**{f"{name}_en__gt": ""}) & (Q(**{f"{name}_ru": ""}) | Q(**{f"{name}_ru__isnull": True}))
    return missing


def without_times() -> Q:
    """Events known to the day but not to the hour, where an hour is expected: one all-day day of an event that is
    not a visit (a meeting, a signing, a forum's session happen at a time; a visit or a festival lasts days)."""
    return Q(date_precision=Event.Precision.DAY, all_day=True, end_date=F("start_date"), event_type__is_visit=False)


def without_days() -> Q:
    """Events known only to the month or the year."""
    return Q(date_precision__in=[Event.Precision.MONTH, Event.Precision.YEAR])


def format_moment(moment: dt.datetime, *, weekday: bool = False) -> str:
    """A moment as people say it, in the office's zone: "Tuesday, 12 January 2027, 09:00 Moscow time"."""
    zone = office_zone()
    local = moment.astimezone(zone)
    day = format_day(local.date())
    if weekday:
        day = f"{dateformat.format(local, 'l')}, {day}"
    return f"{day}, {local:%H:%M} {zone_time_label(zone)}"


def office_days(earlier: dt.datetime, later: dt.datetime) -> int:
    """How many of the office's calendar days lie between two moments (0: the same day)."""
    zone = office_zone()
    return (later.astimezone(zone).date() - earlier.astimezone(zone).date()).days


def days_until(moment: dt.datetime, now: dt.datetime) -> str:
    """How soon a moment comes, by the office's calendar days: "today", "tomorrow", "in 3 days"."""
    days = office_days(now, moment)
    if days <= 0:
        return gettext("today")
    if days == 1:
        return gettext("tomorrow")
    return ngettext("in %(count)d day", "in %(count)d days", days) % {"count": days}


def days_since(moment: dt.datetime, now: dt.datetime) -> str:
    """How long ago a moment was, by the office's calendar days: "today", "yesterday", "3 days ago"."""
    days = office_days(moment, now)
    if days <= 0:
        return gettext("today")
    if days == 1:
        return gettext("yesterday")
    return ngettext("%(count)d day ago", "%(count)d days ago", days) % {"count": days}


def status_badge(event: Event) -> str:
    return format_html('<span class="desk-badge desk-{}">{}</span>', event.status, event.get_status_display())


def publication(event: Event) -> tuple[str, str, str]:
    """Where an event stands: its kind (draft, embargoed, public), in words, and until when an embargo holds ("")."""
    if not event.is_published:
        return "draft", gettext("draft"), ""
    if event.is_embargoed:
        lifted = gettext("until %(moment)s") % {"moment": format_moment(event.publish_at)}
        return "embargoed", gettext("embargoed"), lifted
    return "public", gettext("public"), ""


def publication_badge(event: Event, *, until: bool = False) -> str:
    """Draft, embargoed (with the moment it lifts when until) or public, as a badge."""
    kind, words, lifted = publication(event)
    badge = format_html('<span class="desk-badge desk-{}">{}</span>', kind, words)
    if until and lifted:
        return format_html('{}<span class="desk-until">{}</span>', badge, lifted)
    return badge


def publication_words(event: Event) -> str:
    """What publication_badge says, as plain text (the staff spreadsheet's column): "embargoed until …"."""
    _kind, words, lifted = publication(event)
    return f"{words} {lifted}" if lifted else words


def what_is_missing(event: Event) -> list[str]:
    """Name what a coming event still lacks: its Russian title or summary, its times, its days."""
    missing = [
        gettext("Russian title") if name == "title" else gettext("Russian summary")
        for name in DESK_TEXTS
        if getattr(event, f"{name}_en") and not getattr(event, f"{name}_ru")
    ]
    if event.date_precision in (Event.Precision.MONTH, Event.Precision.YEAR):
        missing.append(gettext("days not announced"))
    elif event.all_day and event.end_date == event.start_date and not event.event_type.is_visit:
        missing.append(gettext("no times yet"))
    return missing


@dataclasses.dataclass
class Section:
    """One part of the desk: its heading, what it holds and why, its rows (at most ROWS) and how many there are."""

    key: str
    title: str
    explanation: str
    empty: str
    rows: list
    count: int
    more_url: str = ""

    @property
    def heading(self) -> str:
        return f"{self.title} ({self.count})"

    @property
    def is_cut(self) -> bool:
        return self.count > len(self.rows)


def section(key: str, queryset: QuerySet, *, title, explanation, empty, row, more_url="") -> Section:
    """Count the selection and read its first ROWS events (two queries, whatever the number of events)."""
    events = list(queryset.select_related("event_type", "venue")[:ROWS])
    count = len(events) if len(events) < ROWS else queryset.count()
    rows = [
        {"event": event, "when": format_event_dates(event), "publication": publication_badge(event), **row(event)}
        for event in events
    ]
    return Section(key, str(title), str(explanation), str(empty), rows, count, more_url)


def desk_sections(now: dt.datetime) -> list[Section]:
    """The desk's sections at now."""
    changelist = reverse("admin:events_event_changelist")
    today = now.astimezone(office_zone()).date()
    drafts = Event.objects.filter(is_published=False).order_by("-created_at", "-pk")
    lifting = Event.objects.embargoed(now).filter(publish_at__lte=now + dt.timedelta(days=EMBARGO_DAYS))
    coming = (
        Event.objects.between(today, today + dt.timedelta(days=COMING_DAYS))
        .exclude(status=Event.Status.CANCELLED)
        .filter(missing_russian() | without_times() | without_days())
        .order_by("start_date", "start", "pk")
    )
    cancelled = Event.objects.filter(
        status=Event.Status.CANCELLED, status_changed_at__gte=now - dt.timedelta(days=CANCELLED_DAYS)
    ).order_by("-status_changed_at", "-pk")
    return [
        section(
            "drafts",
            drafts,
            title=_("Drafts"),
            explanation=_("Events not yet published, the newest first. Nobody outside this admin sees them."),
            empty=_("No drafts."),
            more_url=f"{changelist}?publication=draft",
            row=lambda event: {"note": days_since(event.created_at, now)},
        ),
        section(
            "embargoes",
            lifting.order_by("publish_at", "pk"),
            title=_("Embargoes lifting in the next 7 days"),
            explanation=_(
                "Published events still hidden from the public. Each appears on the site and in public feeds at "
                "the moment shown."
            ),
            empty=_("No embargo lifts in the next 7 days."),
            more_url=f"{changelist}?publication=embargoed",
            row=lambda event: {
                "note": f"{format_moment(event.publish_at, weekday=True)} ({days_until(event.publish_at, now)})",
            },
        ),
        section(
            "coming",
            coming,
            title=_("Coming in the next 14 days, incomplete"),
            explanation=_(
                "Events from today to 14 days ahead, cancelled ones aside, that lack a Russian title or summary "
                "(Russian readers see the English text), whose days are not announced (known only to the month or "
                "year), or that have no times yet: a single all-day day of an event that is not a visit, as a "
                "meeting, a signing or a forum happens at an hour that journalists need."
            ),
            empty=_("Every event of the next 14 days has its Russian texts and its times."),
            row=lambda event: {"missing": what_is_missing(event)},
        ),
        section(
            "cancelled",
            cancelled,
            title=_("Cancelled in the last 14 days"),
            explanation=_(
                "Public feeds keep a cancelled event, marked “Cancelled”, for some days after its cancellation, so "
                "that subscribers' calendars remove it."
            ),
            empty=_("No event was cancelled in the last 14 days."),
            more_url=f"{changelist}?status__exact=cancelled",
            row=lambda event: {"note": days_since(event.status_changed_at, now)},
        ),
    ]


def desk_view(model_admin, request):
    """The desk: every staff member who may see events (editors, publishers, superusers, view-only staff); it only
    reads."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    now = timezone.now()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("Desk"),
        "sections": desk_sections(now),
        "zone_words": zone_time_label(office_zone()),
    }
    return TemplateResponse(request, "admin/events/desk.html", context)
