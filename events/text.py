"""Text in and out: the one place that decides which characters a stored text may hold, and how text is
escaped for each format that leaves the service (iCalendar, XML, JSON in HTML, log lines).

In: every text field of every model is cleaned on save (models.TextCleanedModel), and every write path that bypasses
save() (bulk writes in the importer) calls clean_line() / clean_text() itself. Out: a value that did not come
from the database (a filter typed into a URL, a header) goes through the function of its format.
"""

import re

from django.db import models

# C0 controls but tab, line feed and carriage return; DEL; C1 controls; lone surrogates (not encodable as UTF-8,
# and PostgreSQL refuses them); and the non-characters U+FFFE and U+FFFF. RFC 5545 and XML 1.0 forbid all of them.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# What ends a line: in a one-line value each run of them becomes one space.
_LINE_BREAKS = re.compile("[\r\n\t\x85\u2028\u2029]+")
_NEWLINES = re.compile("\r\n?|[\x85\u2028\u2029]")


def clean_text(value: str) -> str:
    """A multi-line text as stored: lines end in LF, no control character or unpaired surrogate."""
    return _UNWANTED.sub("", _NEWLINES.sub("\n", value))


def clean_line(value: str) -> str:
    """A one-line value (a title, a name, a filter): line breaks and tabs become one space, controls go."""
    return _UNWANTED.sub("", _LINE_BREAKS.sub(" ", value))


def is_clean_line(value: str) -> bool:
    return clean_line(value) == value


def for_log(value: object) -> str:
    """A value from outside, as it may appear in one log line: controls, line breaks and escapes shown, not acted on."""
    text = str(value)
    return "".join(
        character if character.isprintable() or character == " " else character.encode("unicode_escape").decode()
        for character in text
    )


def clean_instance(instance: models.Model) -> None:
    """Clean every text column of a model instance in place: one-line fields as lines, TextFields as text.

    The values are read and written as stored (the instance's __dict__), not through django-modeltranslation's
    descriptors: through them, "title" reads the English text when the Russian one is empty and writes the active
    language's column, which would copy English into Russian whenever Russian is active.
    """
    values = instance.__dict__
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = values.get(field.attname)
            if isinstance(value, str) and value:
                cleaned = clean_text(value) if isinstance(field, models.TextField) else clean_line(value)
                if cleaned != value:
                    values[field.attname] = cleaned
