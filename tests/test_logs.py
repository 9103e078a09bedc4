"""events/logs.py: what a request sends cannot forge or garble a log line."""

import io
import logging

import pytest

pytestmark = pytest.mark.django_db


def test_a_value_from_a_query_cannot_write_a_line_or_an_escape_into_the_log(client):
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console" or h.filters)
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        client.get("/events/?status=x%0AFORGED%1b[2J")
    finally:
        handler.setStream(previous)
    lines = stream.getvalue().splitlines()
    # The message and the exception's line of its traceback each quote the value, escaped; no line of its own.
    quoting = [line for line in lines if "FORGED" in line]
    assert (len(quoting), "\x1b" in stream.getvalue(), all("x\\nFORGED\\x1b[2J" in line for line in quoting)) == (
        2,
        False,
        True,
    )
