"""The secret addresses of staff members' private feeds."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .publication import can_see_unpublished


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
