"""events/paging.py: a selection's total counted once per data version."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .factories import AllDayEventFactory

pytestmark = pytest.mark.django_db


def upcoming_event(days):
    day = timezone.now().date() + dt.timedelta(days=days)
    return AllDayEventFactory(start_date=day, end_date=day)


# The count is remembered per minute too (the selection holds its moment to the minute): requests that straddle a
# minute's turn would count again, so the clock stands still.
@time_machine.travel(dt.datetime(2026, 12, 4, 12, 0, 30, tzinfo=dt.UTC), tick=False)
def test_listing_counts_its_pages_once_per_data_version(client, settings):
    settings.EVENTS_PAGE_CACHE_SECONDS = 0  # rendered each time: the count is what is remembered
    for day in range(25):
        upcoming_event(day + 1)
    assert "Page 1 of 2" in client.get("/events/").content.decode()

    with CaptureQueriesContext(connection) as again:
        client.get("/events/")
    assert not [query for query in again.captured_queries if "COUNT(*)" in query["sql"]]

    for day in range(20):
        upcoming_event(day + 1)
    assert "Page 1 of 3" in client.get("/events/").content.decode()
