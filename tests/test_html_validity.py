"""Every kind of public page is valid HTML by the W3C Nu HTML checker (vnu.jar, run on Java)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .pages import PAGES, load_demo

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_public_pages_are_valid_html(client, tmp_path):
    assert shutil.which("java"), "Java is needed for the Nu HTML checker"
    assert VNU.exists(), "run `make install` (npm ci) to get vnu-jar"
    load_demo()
    files = []
    for index, path in enumerate(PAGES):
        response = client.get(path)
        assert response.status_code in (200, 400, 404), path
        target = tmp_path / f"page{index}.html"
        target.write_bytes(response.content)
        files.append(target)

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )

    messages = json.loads(result.stderr)["messages"]
    problems = [
        f"{PAGES[files.index(Path(m['url'].removeprefix('file:')))]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert problems == [], "\n".join(problems)
