"""A timed event that ends at exactly 00:00 local time ends on the day before (events.dates.local_days): its last
day (end_date), which listings, the month grid, day filters and counts read, was the next day. Recomputed here for
the events saved before; their times, and so their feeds' DTSTART/DTEND and SEQUENCE, stay as they are.

The rule is written out here, not imported, so that this migration keeps doing what it did when the rule moves.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import migrations
from django.utils import timezone

BATCH = 1000


def last_local_day(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> dt.date:
    first, last = start.astimezone(zone), end.astimezone(zone)
    if end > start and last.time() == dt.time(0):
        last -= dt.timedelta(days=1)
    return max(first.date(), last.date())


def end_on_the_day_before(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    rows = (
        Event.objects.filter(all_day=False, start__isnull=False, end__isnull=False)
        .exclude(timezone="")
        .only("pk", "start", "end", "timezone", "end_date")
        .order_by("pk")
    )
    changed = []
    for event in rows.iterator(chunk_size=BATCH):
        try:
            last = last_local_day(event.start, event.end, ZoneInfo(str(event.timezone)))
        except (OverflowError, ValueError, KeyError):
            continue  # a zone or a year the rule cannot read: left as it was
        if last != event.end_date:
            event.end_date, event.updated_at = last, timezone.now()
            changed.append(event)
    Event.objects.bulk_update(changed, ["end_date", "updated_at"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("events", "0015_venues_not_named_after_their_city")]

    operations = [migrations.RunPython(end_on_the_day_before, migrations.RunPython.noop)]
