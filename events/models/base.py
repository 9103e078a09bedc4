"""What every model of the calendar shares."""

from django.db import models

from ..text import clean_instance


class TextCleanedModel(models.Model):
    """A model whose text columns hold no control characters, whoever writes them (admin, API, import, drafting)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        clean_instance(self)
        super().save(*args, **kwargs)
