"""E-mail alerts: an address following the changes of a selection, and the messages queued for it.

An alert is asked for on the site (alerts.py) and lives only once its owner confirms it from the message sent to the
address (double opt-in); an unconfirmed one is deleted after EVENTS_ALERTS_CONFIRM_HOURS. Stopping it deletes it with
its queued messages, so the address is kept only while it receives alerts.

Messages are written to the outbox (AlertMessage) in the same transaction that moves the alert's cursor (sent_until),
and sent from there (alert_runs.py): a run that stops half-way leaves every change either queued or still ahead of
the cursor, never lost and never queued twice.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _

# The links in messages carry the alert's key signed with the site's secret: a copy of the database alone does not
# make working links.
SIGNER = signing.Signer(salt="events.alerts", sep=".")


# The longest subject kept (a longer one is shortened with "…").
SUBJECT_LENGTH = 300


def new_key() -> str:
    return secrets.token_urlsafe(24)


class Alert(models.Model):
    """One address following one selection (the shared filters, as a query string in normal form)."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("as soon as something changes")
        DAILY = "daily", _("once a day, a digest")

    email = models.EmailField(_("e-mail address"))
    selection = models.TextField(_("selection"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    # The site's address as the owner used it (or EVENTS_SITE_URL): where the messages' links lead.
    site_url = models.CharField(max_length=300)
    created_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # Every change that first became public by this moment is queued (or was none of this selection's).
    sent_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail alert")
        verbose_name_plural = _("e-mail alerts")
        indexes = [models.Index(fields=["email"]), models.Index(fields=["confirmed_at", "frequency"])]

    def __str__(self):
        # Not the address: admin's log of deletions keeps this text for good.
        return f"#{self.pk}: {self.selection or '*'} ({self.frequency})"

    @property
    def token(self) -> str:
        """What the alert's links carry: its key, signed."""
        return SIGNER.sign(self.key)

    @classmethod
    def for_token(cls, token: str) -> "Alert | None":
        """The alert a link names; None for a link that was never valid or whose alert is gone."""
        try:
            key = SIGNER.unsign(token)
        except signing.BadSignature:
            return None
        return cls.objects.filter(key=key).first()

    @staticmethod
    def is_signed(token: str) -> bool:
        try:
            SIGNER.unsign(token)
        except signing.BadSignature:
            return False
        return True


class AlertMessage(models.Model):
    """One message in the outbox: written whole when it is queued, sent by the next run, kept a while after."""

    class Kind(models.TextChoices):
        CONFIRM = "confirm", _("confirmation")
        CHANGES = "changes", _("changes")
        DIGEST = "digest", _("daily digest")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The end of the window of changes it tells of (its asking, for a confirmation): one message per window.
    window_end = models.DateTimeField()
    subject = models.CharField(max_length=SUBJECT_LENGTH)
    body = models.TextField()
    headers = models.JSONField(default=dict)
    queued_at = models.DateTimeField(auto_now_add=True)
    # Taken by a run that is sending it; another run leaves it alone until the lease ends (EVENTS_ALERTS_LEASE_SECONDS).
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("alert message")
        verbose_name_plural = _("alert messages")
        constraints = [
            models.UniqueConstraint(fields=["alert", "kind", "window_end"], name="one_message_per_alert_window")
        ]
        indexes = [models.Index(fields=["sent_at", "queued_at"])]

    def __str__(self):
        return self.subject
