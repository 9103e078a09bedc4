"""Export the public site as static files: the server's own documents, with links between files made relative.

Every file is rendered by the project itself (the same URLs, views, templates
and iCal builder, through Django's request handler), so the export cannot
drift from what the server shows. Exporting is a crawl: it starts from what
must exist (listings, the archive, months with events, every public event and
its .ics, the feeds) and follows the links it finds to more exportable pages
(the listings' further pages). Then the links of each HTML file are rewritten:

- to an exported file: a relative link, so the folder works from any path or
  straight from disk;
- to anything else of the site (filtered listings, search, months without
  events, a language not exported): to the live site when a base URL is given;
  otherwise the link is dropped (an <a> keeps its text; a list item holding
  only that link, a <link>, a <meta> and the filter form go away), so nothing
  in the export is broken.

With a base URL (the live site's address) the pages are rendered for that
address: canonical and alternate links, the subscription links, the sitemap and
the feeds' event links keep pointing to it. Without one they are rendered for
UNADDRESSED_HOST: the feeds leave links out, and what needs an absolute address
(subscription links, the Atom feed, the sitemap, robots.txt) is left out.

Re-running over the same folder writes only files whose bytes changed and
removes the files an earlier run wrote that are no longer part of the site
(listed in MANIFEST), never anything else.
"""

import json
import os
import posixpath
import re
import tempfile
from collections import deque
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http.request import split_domain_port
from django.test import Client
from django.test.utils import override_settings
from django.urls import Resolver404, get_script_prefix, resolve, set_script_prefix
from django.utils import translation

from .feeds import UNADDRESSED_HOST
from .models import Event, EventType

MANIFEST = ".export-manifest.json"
URL_SAFE = "/:@!$&'()*+,;=-._~"
LISTINGS = {"home", "event-list", "event-archive"}  # exported with their further pages

LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')
LOC = re.compile(r"<loc>([^<]+)</loc>")
ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
LONE_LINK_ITEM = re.compile(r"<li>\s*(<a\b[^>]*>(?:(?!</?a\b|</?li\b).)*</a>)\s*</li>", re.S)
FORM = re.compile(r"<form\b([^>]*)>.*?</form>", re.S)
EMPTY_ELEMENT = re.compile(r"<(?:link|meta|img|script|source)\b[^>]*>")
SUBSCRIBE = re.compile(r'\s*<aside class="subscribe".*?</aside>', re.S)


class ExportError(Exception):
    """A page failed to render (for example: static files not collected); nothing is written."""


@dataclass
class Report:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    files: dict[str, str] = field(default_factory=dict)  # file -> the site URL it was rendered from
    skipped: list[str] = field(default_factory=list)  # URLs not exported, with the reason


def attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\s{name}="([^"]*)"', tag)
    return found.group(1).replace("&amp;", "&") if found else None


def with_attribute(tag: str, name: str, value: str) -> str:
    escaped = value.replace("&", "&amp;").replace('"', "&quot;")
    return re.sub(rf'(\s{name}=")[^"]*(")', lambda match: match.group(1) + escaped + match.group(2), tag, count=1)


class SiteExporter:
    """One export of the public site into a folder; see the module's docstring for what it writes."""

    def __init__(self, outdir, *, languages=None, base_url: str | None = None, write_file=None):
        self.outdir = Path(outdir)
        # How a file is written: write_atomically(path, content), or what a caller passes in its place.
        self.write_file = write_file or write_atomically
        self.languages = list(languages or [code for code, _name in settings.LANGUAGES])
        self.base_url = base_url.rstrip("/") if base_url else None
        address = urlsplit(self.base_url or f"https://{UNADDRESSED_HOST}")
        domain, _port = split_domain_port(address.netloc)
        if address.scheme not in ("http", "https") or not domain or address.query or address.fragment:
            raise ExportError(f"{base_url} is not a site address (https://host[/path], no query).")
        self.scheme, self.host = address.scheme, address.netloc
        # As links show it (percent-encoded), and as WSGI passes SCRIPT_NAME (UTF-8 bytes read as Latin-1).
        self.prefix = quote(unquote(address.path.rstrip("/")), safe="/")
        self.script_name = unquote(self.prefix).encode().decode("latin-1")
        self.live = f"{self.scheme}://{self.host}{self.prefix}"  # the live site's address, percent-encoded
        # Static files keep their own address (Django adds the script prefix to a relative STATIC_URL once).
        self.static = "/" + urlsplit(configured_static_url()).path.strip("/") + "/"
        self.months = months_with_events()
        self.files: dict[str, str] = {}

    # Which site URLs are exported, and as which file.

    def file_for(self, url: str) -> str | None:
        """The file a site URL (path and query, without the base URL's path) is exported as; None if it is not."""
        path, _, query = url.partition("?")
        params = parse_qsl(query, keep_blank_values=True)
        if path.startswith(self.static):
            name = posixpath.normpath(path.removeprefix(self.static))
            return None if params or name.startswith(("..", "/")) else f"static/{name}"
        if path in ("/sitemap.xml", "/robots.txt") or re.fullmatch(r"/sitemap-\w+\.xml", path):
            if self.base_url is None:
                return None  # both hold absolute addresses
            if not params:
                return path[1:]
            if path.startswith("/sitemap-") and len(params) == 1 and params[0][0] == "p" and params[0][1].isdigit():
                return f"{path[1:-4]}-{int(params[0][1])}.xml"
            return None
        first = path.split("/")[1]
        language = first if first in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        try:
            with translation.override(language):  # i18n_patterns match only the active language's prefix
                match = resolve(path)
        except Resolver404:
            return None
        if match.namespace != "events" or language not in self.languages:
            return None
        name, here = match.url_name, path.lstrip("/")
        if name in LISTINGS:
            if not params:
                return f"{here}index.html"
            if len(params) == 1 and params[0][0] == "page" and params[0][1].isdigit():
                number = int(params[0][1])
                return f"{here}index.html" if number == 1 else f"{here}page/{number}/index.html"
            return None
        if name == "feed":
            if not params:
                return here
            if len(params) == 1 and params[0][0] in ("type", "country") and re.fullmatch(r"[-\w]+", params[0][1]):
                return f"{posixpath.dirname(here)}/{params[0][0]}/{params[0][1].lower()}.ics"
            return None
        if params:
            return None
        if name == "event-month":
            year, month = match.kwargs["year"], match.kwargs["month"]
            lang = "" if language == settings.LANGUAGE_CODE else f"{language}/"
            return f"{lang}events/{year}/{month:02d}/index.html" if (year, month) in self.months else None
        if name == "event-detail":
            return f"{here}index.html"
        if name == "event-ics" or (name == "atom" and self.base_url is not None):
            return here
        return None

    def seeds(self) -> list[str]:
        """The URLs exported whether or not a page links to them."""
        urls = ["/sitemap.xml", "/robots.txt"]
        public = Event.objects.public()
        slugs = list(public.order_by("pk").values_list("slug", "start_date"))
        types = EventType.objects.filter(events__in=public).distinct().order_by("slug").values_list("slug", flat=True)
        countries = sorted({code.lower() for code in public.values_list("venue__country", flat=True) if code})
        for language in self.languages:
            lang = "" if language == settings.LANGUAGE_CODE else f"/{language}"
            urls += [f"{lang}/", f"{lang}/events/", f"{lang}/events/past/", f"{lang}/feeds/upcoming.atom"]
            urls += [f"{lang}/feeds/events.ics", *(f"{lang}/feeds/events.ics?type={slug}" for slug in types)]
            urls += [f"{lang}/feeds/events.ics?country={code}" for code in countries]
            urls += [f"{lang}/events/{year}/{month:02d}/" for year, month in sorted(self.months)]
            for slug, start in slugs:
                urls += [f"{lang}/events/{slug}/", *([f"{lang}/events/{slug}.ics"] if start else [])]
        return urls

    def site_url(self, link: str, *, base: str) -> str | None:
        """A link found in the document rendered from `base`, as a site URL; None for other sites and schemes."""
        parts = urlsplit(link)
        if (parts.scheme or parts.netloc) and (parts.scheme not in ("http", "https") or parts.netloc != self.host):
            return None
        if not parts.path and not parts.query:
            return None  # a fragment of the same document
        path = quote(unquote(parts.path), safe=URL_SAFE)  # compare links in one (percent-encoded) form
        if not path:
            path = base.partition("?")[0]  # "?page=2": the same page
        elif parts.netloc or path.startswith("/"):
            if self.prefix and (path + "/").startswith(self.prefix + "/"):
                path = path[len(self.prefix) :] or "/"
            elif self.prefix and not path.startswith(self.static):  # an absolute STATIC_URL is outside the prefix
                return None
        else:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(base.partition("?")[0]), path))
            path = joined + ("/" if path.endswith("/") and joined != "/" else "")
        query = urlencode(parse_qsl(parts.query, keep_blank_values=True))
        return path + (f"?{query}" if query else "")

    # Rendering and writing.

    def export(self) -> Report:
        """Render everything first (a failure writes nothing), then write changed files and remove stale ones."""
        report = Report()
        self.files = report.files
        with tempfile.TemporaryDirectory(prefix="export-site-") as scratch:
            self.crawl(Path(scratch), report)
            self.outdir.mkdir(parents=True, exist_ok=True)
            manifest = self.outdir / MANIFEST
            before = self.manifest_files(manifest)
            # Listed before writing, so that files of an interrupted run are still removed by the next one.
            self.write_file(manifest, json.dumps(sorted(before | set(report.files)), indent=0).encode() + b"\n")
            self.write(Path(scratch), report)
        self.remove_stale(before, report)
        self.write_file(manifest, json.dumps(sorted(report.files), indent=0).encode() + b"\n")
        return report

    def manifest_files(self, manifest: Path) -> set[str]:
        """The files an earlier run wrote, ignoring any entry that would lead outside the folder."""
        if not manifest.is_file():
            return set()
        root = self.outdir.resolve()
        return {
            name
            for name in json.loads(manifest.read_text())
            if isinstance(name, str) and (self.outdir / name).resolve().is_relative_to(root) and name != MANIFEST
        }

    def crawl(self, scratch: Path, report: Report) -> None:
        client = Client(HTTP_HOST=self.host, SCRIPT_NAME=self.script_name)
        queue, queued = deque(self.seeds()), set()
        queued.update(queue)
        previous_prefix = get_script_prefix()
        # The test client's handler, unlike the WSGI one, leaves the script prefix that reverse() uses alone.
        set_script_prefix(unquote(self.prefix) + "/")
        # STATIC_URL set again (to itself) resets the static files storage's address, which Django computes
        # once with the script prefix of the moment.
        overrides = {
            "ALLOWED_HOSTS": [split_domain_port(self.host)[0]],
            "SECURE_SSL_REDIRECT": False,
            "STATIC_URL": configured_static_url(),
        }
        try:
            with override_settings(**overrides):
                self.follow(client, queue, queued, scratch, report)
        finally:
            set_script_prefix(previous_prefix)

    def follow(self, client, queue, queued, scratch: Path, report: Report) -> None:
        """Render each queued URL that is exported and queue the site links it holds."""
        required = set(queue)
        while queue:
            url = queue.popleft()
            target = self.file_for(url)
            if target is None or target in report.files:
                continue
            content = self.fetch(client, url, report)
            if content is None:
                if url in required:
                    # A page that must exist failed (a wrong address, a broken deployment): stop before writing.
                    raise ExportError(f"{url} could not be rendered: {report.skipped[-1]}")
                continue
            report.files[target] = url
            (scratch / target).parent.mkdir(parents=True, exist_ok=True)
            (scratch / target).write_bytes(content)
            document = content.decode() if target.endswith((".html", ".xml")) else ""
            found = LINK.findall(document) if target.endswith(".html") else []
            found += LOC.findall(document) if target.startswith("sitemap") else []
            for link in found:
                local = self.site_url(link.replace("&amp;", "&"), base=url)
                if local is not None and local not in queued:
                    queued.add(local)
                    queue.append(local)

    def fetch(self, client: Client, url: str, report: Report) -> bytes | None:
        if url.startswith(self.static):
            return self.static_file(url, report)
        path, _, query = url.partition("?")
        try:
            response = client.get(path, dict(parse_qsl(query)), secure=self.scheme == "https")
        except Exception as error:
            raise ExportError(f"{url} could not be rendered: {error}") from error
        if response.status_code != 200:
            report.skipped.append(f"{url}: HTTP {response.status_code}")
            return None
        return b"".join(response) if response.streaming else response.content

    def static_file(self, url: str, report: Report) -> bytes | None:
        """A static file a page uses, from the collected files (hashed names) or the apps' own."""
        name = unquote(url.removeprefix(self.static))
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as file:
                return file.read()
        if found := finders.find(name):
            return Path(found).read_bytes()
        report.skipped.append(f"{url}: no such static file")
        return None

    def write(self, scratch: Path, report: Report) -> None:
        for target, url in sorted(report.files.items()):
            content = (scratch / target).read_bytes()
            if target.endswith(".html"):
                content = self.rewrite_html(content.decode(), target, url).encode()
            destination = self.outdir / target
            if destination.is_file() and destination.read_bytes() == content:
                report.unchanged += 1
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            self.write_file(destination, content)
            report.written += 1

    def remove_stale(self, before: set[str], report: Report) -> None:
        for target in sorted(before - set(report.files)):
            stale = self.outdir / target
            if stale.is_file():
                stale.unlink()
                report.removed += 1
            for folder in stale.parents:
                if folder == self.outdir or not folder.is_dir() or any(folder.iterdir()):
                    break
                folder.rmdir()

    # Rewriting links.

    def link_for(self, link: str, *, current: str, base: str, navigation: bool = True) -> str | None:
        """A link of the document `current` (rendered from `base`) as exported; None when it must be dropped.

        Links to exported files become relative. With a base URL, other site links point to the live site,
        and machine-facing absolute addresses (navigation=False: <link>, <meta>) are kept as they are.
        """
        if self.base_url is None and UNADDRESSED_HOST in unquote(urlsplit(link).query):
            return None  # another service's link carrying our address, such as Google Calendar's
        if link.startswith("webcal:"):
            return link if self.base_url else None
        local = self.site_url(link, base=base)
        if local is None:
            return link
        if self.base_url and not navigation and urlsplit(link).scheme:
            return link
        fragment = urlsplit(link).fragment
        target = self.file_for(local)
        if target in self.files:
            relative = posixpath.relpath(target, posixpath.dirname(current) or ".")
            return relative + (f"#{fragment}" if fragment else "")
        return None if self.base_url is None else link if urlsplit(link).scheme else self.live + local

    def rewrite_html(self, html: str, current: str, base: str) -> str:
        def lone_link_item(match):
            href = attribute(match.group(1), "href")
            return (
                "" if href is not None and self.link_for(href, current=current, base=base) is None else match.group(0)
            )

        def anchor(match):
            tag, inner = match.group(1), match.group(2)
            href = attribute(tag, "href")
            new = self.link_for(href, current=current, base=base) if href is not None else href
            if href is None or new == href:
                return match.group(0)
            return inner if new is None else f"<a{with_attribute(tag, 'href', new)}>{inner}</a>"

        def form(match):
            action = attribute(match.group(1), "action")
            local = self.site_url(action, base=base) if action is not None else None
            if self.base_url is None or local is None:
                return ""  # filters and search need the server
            return match.group(0).replace(match.group(1), with_attribute(match.group(1), "action", self.live + local))

        def empty_element(match):
            tag = match.group(0)
            for name in ("href", "src", "content"):
                value = attribute(tag, name)
                if value is None or (name == "content" and not value.startswith(f"{self.scheme}://{self.host}")):
                    continue
                new = self.link_for(value, current=current, base=base, navigation=False)
                if new is None or (name == "content" and not self.base_url):
                    return ""
                tag = with_attribute(tag, name, new)
            return tag

        html = FORM.sub(form, html)
        if self.base_url is None:
            html = SUBSCRIBE.sub("", html)  # subscribing needs an absolute address; the footer's link downloads
        html = LONE_LINK_ITEM.sub(lone_link_item, html)
        html = ANCHOR.sub(anchor, html)
        html = EMPTY_ELEMENT.sub(empty_element, html)
        if self.base_url is None:
            # The JSON-LD "url" of an event page: the page itself.
            html = html.replace(f'"https://{UNADDRESSED_HOST}{self.prefix}/', '"/').replace(
                f'"url": "{base}"', f'"url": "{posixpath.basename(current)}"'
            )
        return html


def months_with_events() -> set[tuple[int, int]]:
    """Every month a public event known to the day or the month falls in, from its start to its end."""
    months = set()
    dated = Event.objects.public().filter(date_precision__in=["day", "month"]).values_list("start_date", "end_date")
    for start, end in dated.iterator():
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            months.add((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def configured_static_url() -> str:
    """STATIC_URL as the settings module gives it: reading settings.STATIC_URL adds the script prefix of the moment
    to a relative address (and keeps that), and the export sets its own prefix. (Settings overridden in a test
    have no module of their own: the process's is read.)"""
    return import_module(settings.SETTINGS_MODULE or os.environ["DJANGO_SETTINGS_MODULE"]).STATIC_URL


def write_atomically(path: Path, content: bytes) -> None:
    """Write through a temporary file and rename it, so no reader ever sees half a file."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def export_site(outdir, **options) -> Report:
    return SiteExporter(outdir, **options).export()
