"""Every kind of public page is valid HTML by the W3C Nu HTML checker (vnu.jar, run on Java)."""

from pathlib import Path

import pytest

from .pages import PAGES, load_demo
from .vnu import html_problems

pytestmark = pytest.mark.django_db


def test_public_pages_are_valid_html(client, tmp_path):
    load_demo()
    files = []
    for index, path in enumerate(PAGES):
        response = client.get(path)
        assert response.status_code in (200, 400, 404), path
        target = tmp_path / f"page{index}.html"
        target.write_bytes(response.content)
        files.append(target)

    problems = [
        f"{PAGES[files.index(Path(m['url'].removeprefix('file:')))]}:{m.get('lastLine')}: {m['message']}"
        for m in html_problems(files)
    ]
    assert problems == [], "\n".join(problems)
