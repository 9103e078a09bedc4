"""`make bench`'s import cases (scripts/bench.py runs them on its first calendar): a preview and an import of
1,000 and 10,000 events, as an officer does them, against reading the same file with the icalendar package alone.
"""

import statistics
import time


def import_file(count: int, today) -> bytes:
    """An .ics file of `count` timed events as calendar apps write them (Google's shape: a VTIMEZONE-less TZID,
    CATEGORIES, LOCATION, a DESCRIPTION), on days of the import window from today on."""
    import datetime as dt

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//import//EN", "X-WR-TIMEZONE:Europe/Moscow"]
    for number in range(count):
        day = today + dt.timedelta(days=number % 700)
        start = f"{day:%Y%m%d}T{9 + number % 8:02d}0000"
        end = f"{day:%Y%m%d}T{10 + number % 8:02d}3000"
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{number}@example.org",
            "DTSTAMP:20260101T000000Z",
            f"DTSTART;TZID=Europe/Moscow:{start}",
            f"DTEND;TZID=Europe/Moscow:{end}",
            f"SUMMARY:Consultations on regional cooperation, round {number}",
            f"DESCRIPTION:Delegations of the foreign ministries meet for round {number} of the consultations.",
            "LOCATION:Moscow\\, Russia",
            ["CATEGORIES:Meeting", "CATEGORIES:Conference", "CATEGORIES:Official visit"][number % 3],
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def measure_imports() -> dict:
    """Importing 1,000 and 10,000 events (the preview, then the import itself, as an officer does it), each in a
    transaction rolled back, against reading the same file with the icalendar package alone: the practical lower
    bound of any import."""
    import icalendar
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.utils import timezone

    from events.importers.ics import import_calendar

    results = {}
    # 10,000 events are over a file's cap (EVENTS_IMPORT_MAX_EVENTS, 5,000 by default): raised for the measurement.
    for count, times in ((1_000, 3), (10_000, 1)):
        data = import_file(count, timezone.localdate())
        parse, preview, whole, queries = [], [], [], []
        for _ in range(times):
            started = time.perf_counter()
            icalendar.Calendar.from_ical(data)
            parse.append(time.perf_counter() - started)
            with transaction.atomic(), override_settings(EVENTS_IMPORT_MAX_EVENTS=max(count, 5_000)):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    import_calendar(data, dry_run=True, source="bench")
                    middle = time.perf_counter()
                    report = import_calendar(data, source="bench", publish=True)
                    ended = time.perf_counter()
                transaction.set_rollback(True)
            if len(report.created) != count:
                raise SystemExit(f"import of {count:,} events created {len(report.created):,}")
            preview.append(middle - started)
            whole.append(ended - started)
            queries.append(len(captured))
        results[str(count)] = {
            "parse_ms": statistics.median(parse) * 1000,
            "preview_ms": statistics.median(preview) * 1000,
            "preview_and_import_ms": statistics.median(whole) * 1000,
            "queries": statistics.median(queries),
        }
    return results


def import_goals(imports: dict, seconds_goal: float) -> list[dict]:
    """The issue's goals for imports: 1,000 events previewed and imported within seconds_goal, and bulk writes (a
    query per batch of rows, SQLite's batches being small: 999 values a query), not a query per event."""
    seconds = imports["1000"]["preview_and_import_ms"] / 1000
    per_event = imports["10000"]["queries"] / 10_000
    return [
        {
            "goal": f"preview and import of 1,000 events ≤ {seconds_goal} s",
            "value": round(seconds, 2),
            "met": seconds <= seconds_goal,
        },
        {"goal": "import of 10,000 events: under 0.1 queries an event", "value": round(per_event, 3),
         "met": per_event < 0.1},
    ]  # fmt: skip


def print_imports(imports: dict) -> None:
    for count, timing in imports.items():
        parse = timing["parse_ms"]
        print(
            f"import {int(count):,} events: preview {timing['preview_ms']:.0f} ms, preview and import "
            f"{timing['preview_and_import_ms']:.0f} ms ({timing['preview_and_import_ms'] / parse:.1f}× reading "
            f"the file with icalendar alone, {parse:.0f} ms), {timing['queries']:.0f} queries"
        )
