"""An event's address: its slug, chosen while the event is a draft, kept once published, and the old slugs that
still lead to it.

A draft's slug follows its title and year (slugs.event_slug_base) until someone sets one by hand. Publishing fixes it
(slug_fixed): from then on it changes only when an officer gives another one, and the slug it had stays an address
of the event (EventSlugHistory), so that links and subscriptions made to it answer with a permanent redirect.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..slugs import event_slug_base, numbered, unique_slug


class EventSlugHistory(models.Model):
    """A slug an event was published under and no longer has: its page and .ics redirect to the event's own."""

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="old_slugs"
    )
    slug = models.SlugField(_("old slug"), max_length=120, unique=True)
    created_at = models.DateTimeField(_("replaced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.slug


class KeptAddress:
    """The slug rule of Event: chosen at each save (choose_slug), the old one kept when a fixed slug changes."""

    @classmethod
    def reserved_slugs(cls, candidates: list[str], *, exclude_pk=None) -> set[str]:
        """The candidates that are old addresses of another event (see slugs.taken_slugs)."""
        rows = EventSlugHistory.objects.filter(slug__in=candidates)
        if exclude_pk is not None:
            rows = rows.exclude(event_id=exclude_pk)
        return set(rows.values_list("slug", flat=True))

    def choose_slug(self) -> str | None:
        """Set the slug this save writes; return the slug it replaces when that one must stay an address.

        A new event keeps a slug given to it (set by hand), else gets its title's. A stored one keeps a slug given
        by hand (one other than the stored); a slug left empty is made again from the title, but a published event
        keeps its own: clearing the field is no request to move a public page. Otherwise a draft whose slug is not
        fixed follows its title and year. A fixed slug (published, or set by hand) that changes stays an address.
        """
        stored = self.stored("slug")
        # A published event's slug is fixed, even one loaded from a fixture or a backup as it was written.
        fixed = bool(self.stored("slug_fixed") or self.stored("is_published"))
        if self.pk is None or self._state.adding:
            self.slug_fixed = bool(self.slug) or self.is_published
            self.slug = self.slug or unique_slug(type(self), event_slug_base(self))
            return None
        if self.slug and self.slug != stored:
            self.slug_fixed = True
        elif not self.slug and self.is_published and stored:
            self.slug = stored
        elif not self.slug or not fixed:
            base = event_slug_base(self)
            # The stored slug when the title's still gives it (no query), else the first free one.
            self.slug = (
                stored if stored == numbered(type(self), base, 1) else unique_slug(type(self), base, exclude_pk=self.pk)
            )
            self.slug_fixed = self.is_published
        return stored if fixed and stored and stored != self.slug else None

    def keep_address(self, old: str | None) -> None:
        """After a save that changed the slug: the slug replaced stays an address of the event (when it must), and
        the new one is nobody's old address any more."""
        EventSlugHistory.objects.filter(slug=self.slug).delete()
        if old:
            EventSlugHistory.objects.update_or_create(slug=old, defaults={"event": self})

    def clean_slug(self, errors: dict) -> None:
        """Refuse a slug given by hand that is an old address of another event (its links lead there)."""
        if not self.slug or self.slug == self.stored("slug"):
            return
        taken = EventSlugHistory.objects.filter(slug=self.slug).exclude(event_id=self.pk).select_related("event")
        old = taken.first()
        if old is not None:
            errors["slug"] = _("“%(slug)s” was the address of “%(event)s” and still leads there: choose another.") % {
                "slug": self.slug,
                "event": old.event,
            }
