"""Read iCalendar bytes with Mozilla's ical.js (Thunderbird's parser), run by node."""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "js" / "parse_ics.mjs"


def parse_with_icaljs(content: bytes) -> dict:
    result = subprocess.run(
        ["node", str(SCRIPT)], input=content, capture_output=True, cwd=ROOT, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)
