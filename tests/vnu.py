"""Run the W3C Nu HTML checker (vnu.jar from npm, on the installed Java) over files."""

import json
import shutil
import subprocess
from pathlib import Path

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_problems(files: list[Path]) -> list[dict]:
    """The checker's errors and warnings for the files (each message names its file in `url`)."""
    assert shutil.which("java"), "Java is needed for the Nu HTML checker"
    assert VNU.exists(), "run `make install` (npm ci) to get vnu-jar"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "warning"]
