"""Sending e-mail alerts, outside any request: what `manage.py send_alerts` runs, from cron or as a worker.

A run (send_alerts) does four things, each safe to stop at any point and to run beside another run:

1. Forgets alerts never confirmed within EVENTS_ALERTS_CONFIRM_HOURS, address and all.
2. Queues, for each confirmed alert that is due, one message with the changes of its selection that first became
   public since its cursor (sent_until), and moves the cursor, in one transaction. The window of changes ends the
   settle time (EVENTS_CHANGES_SETTLE_MINUTES) before now, so no later save can still join a change it holds: a
   change is told once, as it settled. An immediate alert is due at every run; a daily one once the day's digest
   hour (EVENTS_ALERTS_DIGEST_HOUR, in EVENTS_ICAL_TIMEZONE) has passed. The cursor moves only if no other run moved
   it first, and one message per alert and window is all the database accepts.
3. Sends the queued messages, oldest first, each taken first (claimed_at) so that two runs never send the same one;
   a message a stopped run had taken is taken again once its lease ends. A failed delivery is tried again at the
   next run, up to EVENTS_ALERTS_MAX_ATTEMPTS; an address the server refuses for good is not tried again.
4. Deletes sent and given-up messages after EVENTS_ALERTS_KEEP_DAYS.

The one case in which a message can arrive twice: the SMTP server accepted it and the run stopped before it could
note so. Each message keeps the Message-ID it was first sent with, so a mail program shows such a copy once.
"""

import contextlib
import dataclasses
import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.html import strip_tags

from .alert_mail import changes_message, selection_params
from .changes import InvalidSelection, public_changes, settle_time
from .models import Alert, AlertMessage
from .timezones import office_zone

logger = logging.getLogger(__name__)

# Refusals of one message (its recipient, its content); any other error (smtplib's are OSErrors too) is the mail
# server's: unreachable, dropped, refusing us.
MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError)


@dataclasses.dataclass
class RunReport:
    forgotten: int = 0
    queued: int = 0
    sent: int = 0
    failed: int = 0
    pruned: int = 0

    def __str__(self):
        return (
            f"{self.queued} messages queued, {self.sent} sent, {self.failed} failed; "
            f"{self.forgotten} unconfirmed alerts deleted, {self.pruned} old messages deleted."
        )


def send_alerts(now: dt.datetime | None = None, *, deliver: bool = True) -> RunReport:
    """One run (see the module's description); deliver=False queues without sending."""
    now = now or timezone.now()
    report = RunReport()
    report.forgotten = forget_unconfirmed(now)
    # Alerts moved by the same run share their cursor: each selection's changes are read once a run, not per alert.
    read = {}
    for alert in Alert.objects.filter(confirmed_at__isnull=False).order_by("pk").iterator():
        report.queued += queue_changes(alert, now, read=read)
    if deliver:
        report.sent, report.failed = deliver_queued(now)
    report.pruned = prune(now)
    return report


def forget_unconfirmed(now: dt.datetime) -> int:
    expired = now - dt.timedelta(hours=settings.EVENTS_ALERTS_CONFIRM_HOURS)
    deleted, _by_model = Alert.objects.filter(confirmed_at__isnull=True, created_at__lt=expired).delete()
    return deleted


def window_end(alert: Alert, now: dt.datetime) -> dt.datetime:
    """Where the alert's next window of changes ends: the settle time before now, or before the last digest hour."""
    if alert.frequency == Alert.Frequency.IMMEDIATE:
        return now - settle_time()
    zone = office_zone()
    local = now.astimezone(zone)
    day = local.date() if local.hour >= settings.EVENTS_ALERTS_DIGEST_HOUR else local.date() - dt.timedelta(days=1)
    hour = dt.datetime.combine(day, dt.time(settings.EVENTS_ALERTS_DIGEST_HOUR), zone)
    return hour.astimezone(dt.UTC) - settle_time()


def queue_changes(alert: Alert, now: dt.datetime, *, read: dict | None = None) -> int:
    """Queue the alert's message for its window, if it is due and anything changed; move its cursor. 1 if queued.
    read: the changes already read this run, by selection, language and cursor."""
    since, until = alert.sent_until, window_end(alert, now)
    if since is None or until <= since:
        return 0
    read = {} if read is None else read
    with translation.override(alert.language):
        key = (alert.selection, alert.language, since)
        if key not in read:
            read[key] = changes_since(alert, since, now)
        changes = read[key]
        told = sorted(
            (change for change in changes if since < change.first_public_at <= until),
            key=lambda change: (change.first_public_at, change.event.pk),
        )
        message = changes_message(alert, told, since=since, until=until) if told else None
    kind = AlertMessage.Kind.DIGEST if alert.frequency == Alert.Frequency.DAILY else AlertMessage.Kind.CHANGES
    try:
        with transaction.atomic():
            # Moved only from where this run read it: another run that got there first keeps its window.
            if not Alert.objects.filter(pk=alert.pk, sent_until=since).update(sent_until=until):
                return 0
            if message is None:
                return 0
            subject, body, headers = message
            AlertMessage.objects.create(
                alert=alert, kind=kind, window_end=until, subject=subject, body=body, headers=headers
            )
    except IntegrityError:
        return 0
    return 1


def changes_since(alert: Alert, since: dt.datetime, now: dt.datetime) -> list:
    """The changes of the alert's selection since its cursor, in the active language."""
    try:
        # The whole history: every run must cut the same changes out of it, so that none is told twice or halved.
        return public_changes(selection_params(alert), since=since, until=now, whole_history=True)
    except InvalidSelection:
        # Its filters name what is gone (a removed type): it follows nothing; its owner may stop it from the links
        # of the messages it had.
        logger.warning("Alert %s follows filters that no longer name a selection: %s", alert.pk, alert.selection)
        return []


def claimable(now: dt.datetime) -> Q:
    lease = now - dt.timedelta(seconds=settings.EVENTS_ALERTS_LEASE_SECONDS)
    return Q(sent_at__isnull=True, attempts__lt=settings.EVENTS_ALERTS_MAX_ATTEMPTS) & (
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=lease)
    )


def deliver_queued(now: dt.datetime) -> tuple[int, int]:
    """Send every queued message this run can take, over one connection; (sent, failed). A server that cannot be
    reached or that drops the connection ends the sending of this run (the next run tries again), and counts against
    no message: only a refusal of the message itself does (EVENTS_ALERTS_MAX_ATTEMPTS)."""
    sent = failed = 0
    pending = list(AlertMessage.objects.filter(claimable(now)).order_by("queued_at", "pk").values_list("pk", flat=True))
    connection = None
    try:
        for pk in pending:
            # Taken only if still queued and free: an unsubscribed alert's messages are gone with it.
            if not AlertMessage.objects.filter(claimable(now), pk=pk).update(claimed_at=timezone.now()):
                continue
            message = AlertMessage.objects.select_related("alert").filter(pk=pk).first()
            if message is None:
                continue  # unsubscribed since it was taken
            try:
                if connection is None:
                    connection = get_connection()
                    connection.open()
                as_email(message, connection).send()
            except MESSAGE_ERRORS as error:
                failed += 1
                # An address the server refuses for good is not tried again.
                attempts = settings.EVENTS_ALERTS_MAX_ATTEMPTS if refused_for_good(error) else F("attempts") + 1
                AlertMessage.objects.filter(pk=pk).update(
                    claimed_at=None, attempts=attempts, last_error=describe(error)
                )
                logger.warning("Alert message %s not sent: %s", pk, describe(error))
                continue
            except OSError as error:
                failed += 1
                AlertMessage.objects.filter(pk=pk).update(claimed_at=None, last_error=describe(error))
                logger.warning("Alert messages not sent, the mail server failed: %s", describe(error))
                break
            AlertMessage.objects.filter(pk=pk).update(sent_at=timezone.now(), attempts=F("attempts") + 1, last_error="")
            sent += 1
    finally:
        close(connection)
    return sent, failed


def describe(error: Exception) -> str:
    """An SMTP error as the log and the outbox keep it: its kind and code, without the addresses it may name."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return f"{type(error).__name__} {sorted({code for code, _text in error.recipients.values()})}"
    code = getattr(error, "smtp_code", None)
    said = strip_tags(str(getattr(error, "smtp_error", "") or ""))
    return f"{type(error).__name__}{f' {code}' if code else ''}: {said}"[:300]


def close(connection) -> None:
    if connection is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()


def refused_for_good(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in error.recipients.values())
    return False


def as_email(message: AlertMessage, connection) -> EmailMessage:
    """The message as Django sends it; its Message-ID is the message's own, the same if it is ever sent again."""
    alert = message.alert
    host = (settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].rstrip(">") or "localhost").strip()
    headers = {**message.headers, "Message-ID": f"<alert-{message.pk}-{alert.key[:12]}@{host}>"}
    return EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[alert.email],
        headers=headers,
        connection=connection,
    )


def prune(now: dt.datetime) -> int:
    old = now - dt.timedelta(days=settings.EVENTS_ALERTS_KEEP_DAYS)
    done = Q(sent_at__isnull=False) | Q(attempts__gte=settings.EVENTS_ALERTS_MAX_ATTEMPTS)
    deleted, _by_model = AlertMessage.objects.filter(done, queued_at__lt=old).delete()
    return deleted
