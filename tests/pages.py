"""Data and pages shared by the HTML validity, accessibility and browser tests."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from events.models import Alert, Event, EventType
from events.models.alerts import SIGNER

from .factories import AllDayEventFactory, EventFactory, VenueFactory

# Two e-mail alerts of the demo, by their keys: one confirmed (its page and its unsubscribe page), one not yet.
CONFIRMED_ALERT, PENDING_ALERT = "demo-confirmed-alert", "demo-pending-alert"

PAGES = [
    "/events/",
    "/ru/events/",
    "/events/?type=visit&country=RU",
    "/events/past/",
    "/ru/events/past/",
    "/events/past/?type=signing",
    "/events/2017/06/",
    "/ru/events/2017/11/",
    "/events/makei-working-visit-to-russia-2017/",
    "/ru/events/makei-working-visit-to-russia-2017/",
    "/events/minsk-days-in-moscow-2017/",
    "/events/slavic-bazaar-in-vitebsk/",
    "/events/no-such-event/",
    "/ru/events/?from=2017-02-30",
    "/embed/",
    "/ru/embed/?type=visit",
    "/embed/month/2017/06/",
    "/ru/embed/month/2017/11/",
    "/alerts/?type=visit",
    "/ru/alerts/?country=RU",
    f"/alerts/{SIGNER.sign(CONFIRMED_ALERT)}/",
    f"/ru/alerts/{SIGNER.sign(CONFIRMED_ALERT)}/unsubscribe/",
    f"/alerts/{SIGNER.sign(PENDING_ALERT)}/confirm/",
    f"/ru/alerts/{SIGNER.sign(PENDING_ALERT)}/confirm/",
    "/alerts/no-such-alert/",
]


def load_demo() -> None:
    """The seed, plus coming events of every kind so that the listing has something to show."""
    call_command("loaddata", "seed", verbosity=0)
    for key, confirmed in ((CONFIRMED_ALERT, timezone.now()), (PENDING_ALERT, None)):
        Alert.objects.create(key=key, email="reporter@example.org", selection="type=visit", language="en",
                             frequency="immediate", site_url="http://testserver", confirmed_at=confirmed)  # fmt: skip
    today = timezone.now().date()
    visit = EventType.objects.get(slug="visit")
    moscow = VenueFactory()
    EventFactory(
        title_en="Consultations on consular issues",
        title_ru="Консультации по консульским вопросам",
        event_type=visit,
        visit_level="official",
        venue=moscow,
        start=timezone.now().replace(hour=7, minute=0, second=0, microsecond=0) + dt.timedelta(days=3),
        end=timezone.now().replace(hour=9, minute=0, second=0, microsecond=0) + dt.timedelta(days=3),
    )
    AllDayEventFactory(
        title_en="Cancelled culture days",
        title_ru="Отменённые дни культуры",
        status=Event.Status.CANCELLED,
        venue=moscow,
        start_date=today + dt.timedelta(days=10),
        end_date=today + dt.timedelta(days=12),
    )
    AllDayEventFactory(
        title_en="Forum on regional cooperation",
        title_ru="",
        status=Event.Status.POSTPONED,
        venue=moscow,
        start_date=today + dt.timedelta(days=20),
        end_date=today + dt.timedelta(days=21),
    )
