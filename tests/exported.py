"""Checks on an exported site folder, shared by the export tests and the 10,000-event check."""

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK = re.compile(r'\s(href|src|action)="([^"]*)"')


def links_of(html: str) -> list[str]:
    return [value.replace("&amp;", "&") for _name, value in LINK.findall(html)]


def broken_links(folder: Path) -> list[str]:
    """Every link of every exported page that does not lead to a file of the folder (or leaves the site)."""
    broken = []
    for page in sorted(folder.rglob("*.html")):
        here = page.relative_to(folder).as_posix()
        for link in links_of(page.read_text()):
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "webcal", "mailto") or link.startswith("#"):
                continue  # another site, or the live site given as --base-url
            if parts.scheme or parts.netloc or link.startswith("/") or parts.query:
                broken.append(f"{here}: {link} (does not work from disk)")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
            if target.startswith("..") or not (folder / target).is_file():
                broken.append(f"{here}: {link} (no such file)")
    return broken
