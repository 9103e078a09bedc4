"""Log filters: a private feed's address is a password, and logs keep only its first characters."""

import logging
import re

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
