"""Log filters: a private feed's address is a password, and logs keep only its first characters; and a value
from outside (a query, a header, a message naming a bad filter) cannot write a line of its own into the log."""

import logging
import re
import traceback

from .text import for_log

PRIVATE_FEED = re.compile(r"(/feeds/private/)([^/.\s?]{4})[^/.\s?]*")


def mask(text: str) -> str:
    return PRIVATE_FEED.sub(r"\1\2…", text)


class MaskFeedTokens(logging.Filter):
    """Shorten private feed tokens in a record's message and arguments (Django logs the path of every 4xx)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(mask(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


class EscapeControls(logging.Filter):
    """Write each record's message as one line: line breaks, terminal escapes and NULs shown escaped (\\n, \\x1b).

    On the handler, so every logger's records pass it; the traceback of an error (exc_info) is the log's own text
    and stays as it is.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = for_log(mask(message)), ()
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = traceback_text(record.exc_info[1])
        return True


# The lines of a traceback that are the log's own (frames show our source, not a request's values).
OWN_LINES = ("Traceback (most recent call last):", "  File ", "\nDuring handling", "\nThe above exception")


def traceback_text(error: BaseException) -> str:
    """The traceback as logging writes it, but each exception's message (which may quote a request's values, as
    BadRequest does) on one escaped line."""
    chunks = traceback.TracebackException.from_exception(error).format()
    return "".join(
        chunk if chunk.startswith(OWN_LINES) else for_log(mask(chunk.rstrip("\n"))) + "\n" for chunk in chunks
    ).rstrip("\n")
