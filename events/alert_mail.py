"""What an alert's messages say: their subjects, texts, links and headers, in the alert's language.

Every message names its selection and carries the alert's links: all its events, the change feed of the same
selection, the page where the owner changes or stops the alert, and a one-click unsubscribe, as a link and as the
List-Unsubscribe and List-Unsubscribe-Post headers (RFC 2369, RFC 8058) that mail programs show as a button.
"""

import datetime as dt
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .changes import Change
from .dates import format_day, zone_time_label
from .feeds import describe_selection, listing_path
from .filters import EventFilter
from .links import is_placeable
from .models import Alert, Event
from .models.alerts import SUBJECT_LENGTH
from .timezones import office_zone

# The most of what an asker typed (words to find, a city) that messages repeat.
TYPED_LENGTH = 40


def site_url(alert: Alert) -> str:
    return settings.EVENTS_SITE_URL or alert.site_url.rstrip("/")


def selection_params(alert: Alert) -> QueryDict:
    return QueryDict(alert.selection)


def name_selection(alert: Alert) -> str:
    """The selection as pages name it ("Visits · Belarus"), in the active language; as its query if it no longer
    names one (a type since removed). What the asker typed (words to find, a city) is cut to TYPED_LENGTH and its
    web addresses broken: the site must not carry a stranger's text, or links, to an address."""
    params = selection_params(alert).copy()
    for name in ("q", "city"):
        if name in params:
            params[name] = params[name][:TYPED_LENGTH].replace("://", ": //").replace("www.", "www .")
    filterset = EventFilter(params, queryset=Event.objects.none())
    if not filterset.is_valid():
        return Truncator(alert.selection).chars(TYPED_LENGTH)
    return describe_selection(filterset.form.cleaned_data)


def fit(subject: str) -> str:
    """A subject as the outbox keeps it: at most SUBJECT_LENGTH characters, a longer one ending in "…"."""
    return Truncator(subject).chars(SUBJECT_LENGTH)


def alert_links(alert: Alert) -> dict[str, str]:
    """The alert's addresses, absolute, in its language."""
    # The selection is stored as the filters' query, in the normal form links take.
    site, token, query = site_url(alert), alert.token, alert.selection
    with translation.override(alert.language):
        return {
            "listing": site + listing_path(selection_params(alert)),
            "changes": site + reverse("events:changes") + (f"?{query}" if query else ""),
            "confirm": site + reverse("events:alert-confirm", kwargs={"token": token}),
            "manage": site + reverse("events:alert-manage", kwargs={"token": token}),
            "unsubscribe": site + reverse("events:alert-unsubscribe", kwargs={"token": token}),
        }


def list_headers(alert: Alert, links: dict[str, str], selection: str) -> dict[str, str]:
    """The headers of a message of an alert: its list, how to leave it in one click, and that no one typed it."""
    host = urlsplit(site_url(alert)).hostname or "localhost"
    return {
        "List-Id": f"{selection} <alerts.{host}>",
        "List-Unsubscribe": f"<{links['unsubscribe']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
    }


def confirmation(alert: Alert) -> tuple[str, str, dict[str, str]]:
    """The message that asks the owner of the address to confirm the alert (subject, text, headers)."""
    with translation.override(alert.language):
        selection, links = name_selection(alert), alert_links(alert)
        subject = _("Confirm your e-mail alerts: %(selection)s") % {"selection": selection}
        body = render_to_string(
            "events/alerts/mail/confirm.txt",
            {
                "alert": alert,
                "selection": selection,
                "links": links,
                "frequency": alert.get_frequency_display(),
                "hours": settings.EVENTS_ALERTS_CONFIRM_HOURS,
            },
        )
    return fit(subject), body, {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}


def changes_message(
    alert: Alert, changes: list[Change], *, since: dt.datetime, until: dt.datetime
) -> tuple[str, str, dict[str, str]]:
    """The message telling of these changes (subject, text, headers): one, or a day's as a digest. Changes are
    told in the order they became public."""
    with translation.override(alert.language):
        selection, links = name_selection(alert), alert_links(alert)
        digest = alert.frequency == Alert.Frequency.DAILY
        count = len(changes)
        if digest:
            subject = ngettext(
                "Daily digest: %(count)d change in %(selection)s",
                "Daily digest: %(count)d changes in %(selection)s",
                count,
            ) % {"count": count, "selection": selection}
        elif count == 1:
            subject = changes[0].headline
        else:
            subject = ngettext("%(count)d change in %(selection)s", "%(count)d changes in %(selection)s", count) % {
                "count": count,
                "selection": selection,
            }
        zone = office_zone()
        window = _("from %(since)s to %(until)s") % {"since": moment(since, zone), "until": moment(until, zone)}
        body = render_to_string(
            "events/alerts/mail/changes.txt",
            {
                "alert": alert,
                "selection": selection,
                "links": links,
                "digest": digest,
                "window": window,
                "frequency": alert.get_frequency_display(),
                "entries": [entry(change, site_url(alert), zone) for change in changes],
            },
        )
        return fit(subject), body, list_headers(alert, links, selection)


def moment(when: dt.datetime, zone: ZoneInfo) -> str:
    """ "3 December 2026, 10:00 Moscow time" in the calendar's zone, in the active language."""
    local = when.astimezone(zone)
    return f"{format_day(local.date())}, {local:%H:%M} {zone_time_label(zone)}"


def entry(change: Change, site: str, zone: ZoneInfo) -> dict:
    """What a message says of one change: its headline, what changed, when it became public and its links."""
    event = change.event
    page = site + event.get_absolute_url()
    ics = site + reverse("events:event-ics", kwargs={"slug": event.slug}) if is_placeable(event) else ""
    return {
        "headline": change.headline,
        "details": [line for line in change.details if line],
        "public": moment(change.became_public_at, zone),
        "page": page,
        "ics": ics,
    }
