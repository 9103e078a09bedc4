"""The count of changes that caches, ETags and feeds key on (see freshness.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
