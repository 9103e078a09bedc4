"""What every model of the calendar shares."""

from django.db import models

from ..text import clean_instance


class CountedQuerySet(models.QuerySet):
    """Rows that public pages show: a bulk update sends no signal, so it moves the data version itself."""

    def update(self, **kwargs) -> int:
        from .. import freshness

        rows = super().update(**kwargs)
        if rows:
            freshness.bump()
        return rows


class TextCleanedModel(models.Model):
    """A model whose text columns hold no control characters, whoever writes them (admin, API, import, drafting)."""

    objects = CountedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        clean_instance(self)
        super().save(*args, **kwargs)
