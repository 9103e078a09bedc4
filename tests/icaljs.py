"""Read iCalendar bytes with Mozilla's ical.js (Thunderbird's parser), run by node, and check Python agrees."""

import datetime as dt
import json
import subprocess
from pathlib import Path

import icalendar

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "js" / "parse_ics.mjs"


def parse_with_icaljs(content: bytes) -> dict:
    """Return what ical.js reads; fail unless Python icalendar reads the same events with the same instants."""
    result = subprocess.run(
        ["node", str(SCRIPT)], input=content, capture_output=True, cwd=ROOT, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    parsed = json.loads(result.stdout)
    python_events = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert [str(vevent["UID"]) for vevent in python_events] == [event["uid"] for event in parsed["events"]]
    for vevent, event in zip(python_events, parsed["events"], strict=True):
        start = vevent.decoded("DTSTART")
        utc = "%Y-%m-%dT%H:%M:%S.000Z"
        assert event["start"] == (start.isoformat() if event["allDay"] else start.astimezone(dt.UTC).strftime(utc))
    return parsed
