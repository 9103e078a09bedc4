"""send_alerts, against a real SMTP server on 127.0.0.1: the messages received, whole, with their headers and links."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.alert_runs import queue_changes, send_alerts
from events.models import Alert, AlertMessage, Event

from .conftest import REFUSED, text
from .helpers import MONDAY, SITE, at, confirmed_alert, save_at, visit

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)
# Past the settle time (EVENTS_CHANGES_SETTLE_MINUTES, 30) of a change made at a whole hour.
SETTLED = dt.timedelta(minutes=31)
# The queries one more alert adds to a run that queues its message: naming its selection (its type), a savepoint,
# moving its cursor, queueing the message, releasing the savepoint.
PER_ALERT = 5


def run(moment: dt.datetime, **options):
    with at(moment):
        return send_alerts(**options)


def footer(alert: Alert, how_often: str) -> str:
    token = alert.token
    return (
        "-- \n"
        f"You receive this because {alert.email} follows the changes of this selection ({how_often}).\n"
        f"All its events: {SITE}/events/?type=visit\n"
        f"Its changes as a feed: {SITE}/changes/?type=visit\n"
        f"Change how often you are told, or stop the alert: {SITE}/alerts/{token}/\n"
        f"Unsubscribe at once: {SITE}/alerts/{token}/unsubscribe/\n"
    )


def rescheduling_and_cancellation():
    """Two visits announced before the alert; on Monday one is moved by two days (10:00 UTC), the other cancelled
    (11:00 UTC)."""
    minsk, brest = visit(), visit("Visit to Brest", title_ru="Визит в Брест")
    save_at(MONDAY + HOUR, minsk, start_date=dt.date(2030, 5, 16), end_date=dt.date(2030, 5, 17))
    save_at(MONDAY + 2 * HOUR, brest, status=Event.Status.CANCELLED)


CHANGES = (
    "Rescheduled: Visit to Minsk\n"
    "  Dates: 14–15 May 2030 → 16–17 May 2030\n"
    "  Public since 4 March 2030, 13:00 Moscow time\n"
    f"  Event page: {SITE}/events/visit-minsk-2030/\n"
    f"  Add to your calendar: {SITE}/events/visit-minsk-2030.ics\n"
    "\n"
    "Cancelled: Visit to Brest\n"
    "  Status: confirmed → cancelled\n"
    "  Public since 4 March 2030, 14:00 Moscow time\n"
    f"  Event page: {SITE}/events/visit-brest-2030/\n"
    f"  Add to your calendar: {SITE}/events/visit-brest-2030.ics\n"
)


def test_a_rescheduling_and_a_cancellation_arrive_in_one_immediate_message_with_its_list_headers(smtp):
    alert = confirmed_alert()
    rescheduling_and_cancellation()

    report = run(MONDAY + 2 * HOUR + SETTLED)

    [message] = smtp.messages
    token = alert.token
    assert (report.queued, report.sent, smtp.mailbox.recipients) == (1, 1, [["reporter@example.org"]])
    # A long header is folded before its value (a line break and a space), which readers of the header unfold.
    assert {name: message[name].strip() for name in ("Subject", "From", "To", "List-Id", "List-Unsubscribe")} == {
        "Subject": "2 changes in Visits",
        "From": "Diplomatic events calendar <alerts@calendar.example>",
        "To": "reporter@example.org",
        "List-Id": "Visits <alerts.calendar.example>",
        "List-Unsubscribe": f"<{SITE}/alerts/{token}/unsubscribe/>",
    }
    assert (message["List-Unsubscribe-Post"], message["Auto-Submitted"]) == (
        "List-Unsubscribe=One-Click",
        "auto-generated",
    )
    assert text(message) == (
        "What changed in “Visits”:\n\n" + CHANGES + "\n" + footer(alert, "as soon as something changes") + "\n"
    )


def test_a_run_before_a_change_settles_waits_for_it_and_a_later_run_sends_it_once(smtp):
    confirmed_alert()
    rescheduling_and_cancellation()

    early = run(MONDAY + 2 * HOUR + dt.timedelta(minutes=10))
    later = run(MONDAY + 2 * HOUR + SETTLED)
    again = run(MONDAY + 5 * HOUR)

    assert [(report.queued, report.sent) for report in (early, later, again)] == [(1, 1), (1, 1), (0, 0)]
    assert [message["Subject"] for message in smtp.messages] == [
        "Rescheduled: Visit to Minsk",
        "Cancelled: Visit to Brest",
    ]


def test_a_daily_digest_tells_of_the_day_up_to_the_digest_hour_once(smtp):
    alert = confirmed_alert(frequency=Alert.Frequency.DAILY)
    rescheduling_and_cancellation()

    # 06:59 Moscow time on Tuesday: not yet; 07:05: the digest; 09:00 and the next morning: nothing new to tell.
    before = run(dt.datetime(2030, 3, 5, 3, 59, tzinfo=dt.UTC))
    digest = run(dt.datetime(2030, 3, 5, 4, 5, tzinfo=dt.UTC))
    after = [run(dt.datetime(2030, 3, 5, 6, tzinfo=dt.UTC)), run(dt.datetime(2030, 3, 6, 4, 5, tzinfo=dt.UTC))]

    assert [(report.queued, report.sent) for report in (before, digest, *after)] == [(0, 0), (1, 1), (0, 0), (0, 0)]
    [message] = smtp.messages
    assert message["Subject"] == "Daily digest: 2 changes in Visits"
    assert text(message) == (
        "What changed in “Visits”, from 4 March 2030, 12:00 Moscow time to 5 March 2030, 06:30 Moscow time:\n\n"
        + CHANGES
        + "\n"
        + footer(alert, "once a day, a digest")
        + "\n"
    )


def test_an_embargoed_announcement_is_sent_only_once_its_embargo_ends(smtp):
    confirmed_alert()
    embargo = MONDAY + 6 * HOUR
    visit("Visit to Grodno", moment=MONDAY + HOUR, publish_at=embargo)

    during = run(embargo - dt.timedelta(minutes=1))
    after = run(embargo + SETTLED)

    assert [(report.queued, report.sent) for report in (during, after)] == [(0, 0), (1, 1)]
    [message] = smtp.messages
    assert message["Subject"] == "Announced: Visit to Grodno"
    assert "  Public since 4 March 2030, 18:00 Moscow time\n" in text(message)


def test_a_drafts_edits_are_never_sent(smtp):
    confirmed_alert()
    draft = visit("Secret visit", is_published=False)
    save_at(MONDAY + HOUR, draft, start_date=dt.date(2030, 6, 1), end_date=dt.date(2030, 6, 2))

    report = run(MONDAY + 3 * HOUR)

    assert (report.queued, smtp.messages) == (0, [])


def test_an_unsubscribed_address_gets_nothing_more_not_even_a_message_already_queued(smtp):
    alert = confirmed_alert()
    rescheduling_and_cancellation()
    run(MONDAY + 2 * HOUR + SETTLED, deliver=False)
    message = AlertMessage.objects.get()
    unsubscribe = message.headers["List-Unsubscribe"].strip("<>").removeprefix(SITE)

    # What a mail program's one-click button sends (RFC 8058): no cookie, no CSRF token.
    answer = Client(enforce_csrf_checks=True).post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    save_at(MONDAY + 4 * HOUR, Event.objects.get(title_en="Visit to Minsk"), status=Event.Status.POSTPONED)
    report = run(MONDAY + 6 * HOUR)

    assert (answer.status_code, Alert.objects.filter(pk=alert.pk).exists()) == (200, False)
    assert (report.queued, report.sent, smtp.messages, AlertMessage.objects.count()) == (0, 0, [], 0)


def test_a_message_not_delivered_while_the_server_is_down_is_sent_once_by_the_next_run(smtp):
    confirmed_alert()
    rescheduling_and_cancellation()
    smtp.stop()

    down = run(MONDAY + 3 * HOUR)
    smtp.start()
    up = run(MONDAY + 3 * HOUR + dt.timedelta(minutes=5))
    again = run(MONDAY + 4 * HOUR)

    assert [(report.queued, report.sent, report.failed) for report in (down, up, again)] == [
        (1, 0, 1),
        (0, 1, 0),
        (0, 0, 0),
    ]
    assert [message["Subject"] for message in smtp.messages] == ["2 changes in Visits"]
    # The server's failure counts against no message: only its delivery is counted.
    assert AlertMessage.objects.get().attempts == 1


def test_a_message_taken_by_a_run_that_stopped_is_sent_once_its_lease_ends(smtp):
    confirmed_alert()
    rescheduling_and_cancellation()
    run(MONDAY + 3 * HOUR, deliver=False)
    # A run took it and stopped before sending it.
    AlertMessage.objects.update(claimed_at=MONDAY + 3 * HOUR)

    within_lease = run(MONDAY + 3 * HOUR + dt.timedelta(minutes=5))
    after_lease = run(MONDAY + 3 * HOUR + dt.timedelta(minutes=11))

    assert [(report.sent, report.failed) for report in (within_lease, after_lease)] == [(0, 0), (1, 0)]
    assert len(smtp.messages) == 1


def test_a_window_already_queued_by_another_run_is_not_queued_again():
    rescheduling_and_cancellation()
    alert = confirmed_alert()
    stale = Alert.objects.get(pk=alert.pk)
    save_at(MONDAY + 3 * HOUR, Event.objects.get(title_en="Visit to Minsk"), status=Event.Status.POSTPONED)

    first = queue_changes(alert, MONDAY + 4 * HOUR)
    # Another run that read the alert before the first moved its cursor.
    second = queue_changes(stale, MONDAY + 4 * HOUR)

    assert (first, second, AlertMessage.objects.count()) == (1, 0, 1)


def test_an_address_the_server_refuses_for_good_is_not_tried_again(smtp, settings):
    confirmed_alert(email=REFUSED)
    rescheduling_and_cancellation()

    first = run(MONDAY + 3 * HOUR)
    second = run(MONDAY + 4 * HOUR)

    message = AlertMessage.objects.get()
    assert [(report.sent, report.failed) for report in (first, second)] == [(0, 1), (0, 0)]
    assert (message.attempts, message.sent_at, smtp.messages) == (settings.EVENTS_ALERTS_MAX_ATTEMPTS, None, [])
    assert "550" in message.last_error


def test_a_russian_alert_is_written_in_russian_with_links_under_ru(smtp):
    alert = confirmed_alert(language="ru")
    rescheduling_and_cancellation()

    run(MONDAY + 3 * HOUR)

    [message] = smtp.messages
    body = text(message)
    assert message["Subject"] == "2 изменения: Визиты"
    assert body.startswith("Изменения в подборке «Визиты»:\n\nНовые даты: Визит в Минск\n")
    assert f"{SITE}/ru/events/visit-minsk-2030/" in body
    assert message["List-Unsubscribe"].strip() == f"<{SITE}/ru/alerts/{alert.token}/unsubscribe/>"


def test_unconfirmed_alerts_are_deleted_after_the_confirmation_time_and_sent_messages_after_the_keeping_time(smtp):
    pending = Alert.objects.create(email="late@example.org", selection="", language="en", frequency="daily",
                                   site_url=SITE)  # fmt: skip
    Alert.objects.filter(pk=pending.pk).update(created_at=MONDAY)
    confirmed_alert()
    rescheduling_and_cancellation()
    run(MONDAY + 3 * HOUR)

    month_later = run(MONDAY + dt.timedelta(days=31))

    assert (month_later.forgotten, month_later.pruned) == (1, 1)
    assert (Alert.objects.filter(pk=pending.pk).exists(), AlertMessage.objects.count()) == (False, 0)


def test_the_command_runs_once_and_says_what_it_did(smtp, capsys):
    confirmed_alert()
    rescheduling_and_cancellation()

    with at(MONDAY + 3 * HOUR):
        call_command("send_alerts")

    assert capsys.readouterr().out == (
        "1 messages queued, 1 sent, 0 failed; 0 unconfirmed alerts deleted, 0 old messages deleted.\n"
    )


def queries_of_a_run(alerts: int) -> int:
    for number in range(alerts):
        confirmed_alert(email=f"reader{number}@example.org")
    with CaptureQueriesContext(connection) as captured:
        run(MONDAY + 3 * HOUR, deliver=False)
    return len(captured)


def test_alerts_of_one_selection_read_its_changes_once_a_run():
    rescheduling_and_cancellation()
    one = queries_of_a_run(1)
    AlertMessage.objects.all().delete()
    Alert.objects.all().delete()
    three = queries_of_a_run(3)

    # Each further alert costs only its own writes (moving its cursor, queueing its message, in a savepoint) and
    # naming its selection, not another reading of the change history.
    assert (AlertMessage.objects.count(), three - one) == (3, 2 * PER_ALERT)


def test_a_mail_server_down_longer_than_the_retries_of_a_message_loses_nothing(smtp, settings):
    confirmed_alert()
    rescheduling_and_cancellation()
    smtp.stop()

    # Cron every minute for half an hour: more runs than a message's attempts.
    settings.EVENTS_ALERTS_MAX_ATTEMPTS = 5
    down = [run(MONDAY + 3 * HOUR + dt.timedelta(minutes=minute)) for minute in range(30)]
    smtp.start()
    up = run(MONDAY + 4 * HOUR)

    assert (sum(report.failed for report in down), up.sent, len(smtp.messages)) == (30, 1, 1)


def test_an_event_saved_again_and_again_has_each_change_told_once_whatever_the_runs(smtp):
    """Eight saves twenty minutes apart, each moving the visit by a day, and a run every five minutes: the saves
    within the settle time of a change's first are that change, the same whichever run reads them."""
    confirmed_alert()
    minsk = visit()
    for number in range(8):
        day = dt.date(2030, 5, 15 + number)
        save_at(
            MONDAY + dt.timedelta(minutes=1 + 20 * number), minsk, start_date=day, end_date=day + dt.timedelta(days=1)
        )
    for minute in range(0, 240, 5):
        run(MONDAY + dt.timedelta(minutes=minute))

    assert [text(message).splitlines()[3] for message in smtp.messages] == [
        "  Dates: 14–15 May 2030 → 16–17 May 2030",
        "  Dates: 16–17 May 2030 → 18–19 May 2030",
        "  Dates: 18–19 May 2030 → 20–21 May 2030",
        "  Dates: 20–21 May 2030 → 22–23 May 2030",
    ]
