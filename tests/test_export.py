"""The static export: the server's documents as files with relative links, only public events, incremental."""

import datetime as dt
import json
import posixpath
import re
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import icalendar
import pytest
from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.utils import timezone

from events.export import ExportError, export_site
from events.models import Event

from .exported import LINK, broken_links, links_of
from .factories import AllDayEventFactory
from .icaljs import parse_with_icaljs
from .pages import load_demo
from .vnu import html_problems

pytestmark = pytest.mark.django_db

LIVE = "https://calendar.example.org"


@pytest.fixture
def demo():
    """The seed and coming events (two pages of the listing), plus a draft and an embargoed event."""
    load_demo()
    today = timezone.now().date()
    for day in range(1, 20):
        AllDayEventFactory(
            title_en=f"Coming consultations {day}",
            title_ru=f"Предстоящие консультации {day}",
            start_date=today + dt.timedelta(days=day),
            end_date=today + dt.timedelta(days=day),
        )
    hidden = [
        AllDayEventFactory(
            title_en="Secret draft visit",
            slug="secret-draft-visit",
            is_published=False,
            start_date=today,
            end_date=today,
        ),
        AllDayEventFactory(
            title_en="Embargoed summit",
            slug="embargoed-summit",
            start_date=today + dt.timedelta(days=5),
            end_date=today + dt.timedelta(days=5),
            publish_at=timezone.now() + dt.timedelta(days=1),
        ),
    ]
    return hidden


def files_of(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_export_writes_listings_archive_months_events_feeds_and_assets_in_both_languages(demo, tmp_path):
    report = export_site(tmp_path)

    files = files_of(tmp_path)
    for language in ("", "ru/"):
        assert {
            f"{language}index.html",
            f"{language}page/2/index.html",
            f"{language}events/index.html",
            f"{language}events/page/2/index.html",
            f"{language}events/past/index.html",
            f"{language}events/2017/06/index.html",
            f"{language}events/2015/06/index.html",
            f"{language}events/makei-working-visit-to-russia-2017/index.html",
            f"{language}events/makei-working-visit-to-russia-2017.ics",
            f"{language}feeds/events.ics",
            f"{language}feeds/type/visit.ics",
            f"{language}feeds/type/culture-days.ics",
            f"{language}feeds/country/ru.ics",
            f"{language}feeds/country/by.ics",
        } <= files
        assert f"{language}events/page/3/index.html" not in files
        # An event with no date yet has a page but no .ics; months without events are not exported.
        assert f"{language}events/slavic-bazaar-in-vitebsk/index.html" in files
        assert f"{language}events/slavic-bazaar-in-vitebsk.ics" not in files
        assert f"{language}events/2017/07/index.html" not in files
    assert "static/events/site.css" in files
    public = Event.objects.public().count()
    assert (
        len(
            [
                name
                for name in files
                if re.fullmatch(r"events/[^/]+/index.html", name) and name != "events/past/index.html"
            ]
        )
        == public
    )
    assert (report.written, report.unchanged, report.removed) == (len(files) - 1, 0, 0)
    assert set(report.files) == files - {".export-manifest.json"}


def test_every_link_of_the_export_leads_to_an_exported_file(demo, tmp_path):
    export_site(tmp_path)

    assert broken_links(tmp_path) == []
    pages = list(tmp_path.rglob("*.html"))
    months = {
        (event.start_date.year, event.start_date.month)
        for event in Event.objects.public().filter(date_precision__in=["day", "month"])
    }
    # Per language: each public event, each month with events, and five listing pages (two of upcoming at /
    # and at /events/, the archive).
    assert len(pages) == 2 * (Event.objects.public().count() + len(months) + 5)
    assert not (tmp_path / "events" / "2017" / "6").exists()  # one file per month, named 06
    everything = "".join(path.read_text() for path in tmp_path.rglob("*") if path.suffix in (".html", ".ics"))
    assert "calendar.invalid" not in everything
    assert "testserver" not in everything


def test_drafts_and_embargoed_events_never_reach_the_export(demo, tmp_path):
    export_site(tmp_path, base_url=LIVE)

    names = files_of(tmp_path)
    contents = [(tmp_path / name).read_text() for name in names]
    for event in demo:
        for mark in (event.title_en, event.slug, event.uid):
            assert not [name for name in names if mark in name]
            assert not [text for text in contents if mark in text], mark


def test_an_embargoed_event_is_exported_once_its_embargo_has_passed(demo, tmp_path):
    export_site(tmp_path, languages=["en"])
    embargoed = demo[1]
    Event.objects.filter(pk=embargoed.pk).update(publish_at=timezone.now() - dt.timedelta(minutes=1))

    report = export_site(tmp_path, languages=["en"])

    assert f"events/{embargoed.slug}/index.html" in report.files
    assert "Embargoed summit" in (tmp_path / "events" / "index.html").read_text()
    assert report.removed == 0


def normalised(html: str, *, page_url: str, files: dict[str, str] | None = None, current: str = "") -> str:
    """Write every link as the site URL it leads to, whichever form it has (relative file, absolute, query)."""

    def site_url(match):
        link = match.group(2).replace("&amp;", "&")
        parts = urlsplit(link)
        if files is not None and not parts.scheme and not link.startswith(("/", "#", "?")):
            path = files[posixpath.normpath(posixpath.join(posixpath.dirname(current), parts.path))]
        elif parts.netloc == urlsplit(LIVE).netloc or not parts.scheme:
            path = (parts.path or page_url.partition("?")[0]) + (f"?{parts.query}" if parts.query else "")
        else:
            return match.group(0)
        base, _, query = path.partition("?")
        query = urlencode([pair for pair in parse_qsl(query) if pair != ("page", "1")])
        return f' {match.group(1)}="{base}{"?" + query if query else ""}"'

    return LINK.sub(site_url, html)


@pytest.mark.parametrize(
    ("url", "file"),
    [
        ("/", "index.html"),
        ("/events/?page=2", "events/page/2/index.html"),
        ("/events/past/", "events/past/index.html"),
        ("/events/2017/06/", "events/2017/06/index.html"),
        ("/events/makei-working-visit-to-russia-2017/", "events/makei-working-visit-to-russia-2017/index.html"),
        ("/ru/events/fourth-forum-of-regions-2017/", "ru/events/fourth-forum-of-regions-2017/index.html"),
        ("/ru/events/past/", "ru/events/past/index.html"),
    ],
)
def test_an_exported_page_is_the_server_page_with_only_the_link_form_changed(
    demo, tmp_path, client, settings, url, file
):
    settings.ALLOWED_HOSTS = ["calendar.example.org"]
    report = export_site(tmp_path, base_url=LIVE)
    path, _, query = url.partition("?")
    served = client.get(path, dict(parse_qsl(query)), HTTP_HOST="calendar.example.org", secure=True)
    assert served.status_code == 200

    exported = (tmp_path / file).read_text()

    assert exported != served.content.decode()  # the links did change form
    assert normalised(exported, page_url=url, files=report.files, current=file) == normalised(
        served.content.decode(), page_url=url
    )


def test_the_exported_feeds_are_the_server_feeds(demo, tmp_path, client, settings):
    settings.ALLOWED_HOSTS = ["calendar.example.org"]
    export_site(tmp_path, base_url=LIVE)

    for url, file in [
        ("/feeds/events.ics", "feeds/events.ics"),
        ("/ru/feeds/events.ics?type=visit", "ru/feeds/type/visit.ics"),
        ("/feeds/events.ics?country=by", "feeds/country/by.ics"),
        ("/events/fourth-forum-of-regions-2017.ics", "events/fourth-forum-of-regions-2017.ics"),
        ("/feeds/upcoming.atom", "feeds/upcoming.atom"),
        ("/sitemap-events.xml", "sitemap-events.xml"),
    ]:
        path, _, query = url.partition("?")
        served = client.get(path, dict(parse_qsl(query)), HTTP_HOST="calendar.example.org", secure=True)
        assert (tmp_path / file).read_bytes() == b"".join(served), url


def test_exported_feeds_parse_in_icaljs_and_icalendar_with_every_public_dated_event(demo, tmp_path):
    export_site(tmp_path)

    feed = parse_with_icaljs((tmp_path / "feeds" / "events.ics").read_bytes())
    visits = parse_with_icaljs((tmp_path / "ru" / "feeds" / "type" / "visit.ics").read_bytes())
    single = parse_with_icaljs((tmp_path / "events" / "makei-working-visit-to-russia-2017.ics").read_bytes())

    now = timezone.now()
    from events.feeds import select_feed_events  # the server's own selection

    _filters, expected = select_feed_events(QueryDict(), now=now)
    assert sorted(event["uid"] for event in feed["events"]) == sorted(expected.values_list("uid", flat=True))
    assert {event["uid"] for event in visits["events"]} == set(
        select_feed_events(QueryDict("type=visit"), now=now)[1].values_list("uid", flat=True)
    )
    assert [event["start"] for event in single["events"]] == ["2017-11-14"]
    # Without an address, the events carry no links to a site that does not exist.
    calendar = icalendar.Calendar.from_ical((tmp_path / "feeds" / "events.ics").read_bytes())
    assert [vevent for vevent in calendar.walk("VEVENT") if "URL" in vevent] == []


def test_without_a_base_url_the_export_leaves_out_forms_subscriptions_atom_and_sitemap(demo, tmp_path):
    export_site(tmp_path, languages=["en"])

    files = files_of(tmp_path)
    assert not {"sitemap.xml", "robots.txt", "feeds/upcoming.atom"} & files
    listing = (tmp_path / "events" / "index.html").read_text()
    assert "<form" not in listing
    assert 'class="subscribe"' not in listing
    assert "webcal:" not in listing
    assert "calendar.google.com/calendar/render?cid" not in listing
    assert '<a href="../feeds/events.ics">' in listing
    detail = (tmp_path / "events" / "makei-working-visit-to-russia-2017" / "index.html").read_text()
    assert '<link rel="canonical" href="index.html">' in detail
    assert '<link rel="canonical" href="index.html">' in listing
    assert '<link rel="canonical" href="events/index.html">' in (tmp_path / "index.html").read_text()
    assert 'property="og:url"' not in detail
    assert '"url": "index.html"' in detail
    assert "Add to Google Calendar" not in detail
    # A topic link needs the server's filter: the topic stays as text.
    assert "?tag=" not in detail


def test_with_a_base_url_forms_subscriptions_and_sitemap_point_to_the_live_site(demo, tmp_path):
    export_site(tmp_path, base_url="https://mfa.example.org/calendar/")

    listing = (tmp_path / "events" / "index.html").read_text()
    assert 'action="https://mfa.example.org/calendar/events/"' in listing
    assert 'href="webcal://mfa.example.org/calendar/feeds/events.ics"' in listing
    assert 'value="https://mfa.example.org/calendar/feeds/events.ics"' in listing
    assert 'href="../static/events/site.css"' in listing
    assert 'href="page/2/index.html"' in listing
    detail = (tmp_path / "events" / "makei-working-visit-to-russia-2017" / "index.html").read_text()
    canonical = "https://mfa.example.org/calendar/events/makei-working-visit-to-russia-2017/"
    assert f'<link rel="canonical" href="{canonical}">' in detail
    home = '<link rel="canonical" href="https://mfa.example.org/calendar/events/">'
    assert home in listing
    assert home in (tmp_path / "index.html").read_text()
    assert '<a href="../makei-working-visit-to-russia-2017.ics" download>' in detail
    index = (tmp_path / "sitemap.xml").read_text()
    assert "<loc>https://mfa.example.org/calendar/sitemap-events.xml</loc>" in index
    assert f"<loc>{canonical}</loc>" in (tmp_path / "sitemap-events.xml").read_text()
    assert "Sitemap: https://mfa.example.org/calendar/sitemap.xml" in (tmp_path / "robots.txt").read_text()
    calendar = icalendar.Calendar.from_ical((tmp_path / "feeds" / "events.ics").read_bytes())
    assert {str(vevent["URL"]).split("/events/")[0] for vevent in calendar.walk("VEVENT")} == {
        "https://mfa.example.org/calendar"
    }
    assert broken_links(tmp_path) == []


def test_exporting_one_language_drops_the_links_to_the_other(demo, tmp_path):
    export_site(tmp_path, languages=["en"])

    assert not (tmp_path / "ru").exists()
    listing = (tmp_path / "events" / "index.html").read_text()
    assert 'hreflang="ru"' not in listing
    assert '<span aria-current="true">EN</span>' in listing
    assert broken_links(tmp_path) == []


def test_a_second_export_rewrites_nothing_and_a_withdrawn_event_removes_only_its_files(demo, tmp_path):
    first = export_site(tmp_path)
    (tmp_path / "events" / "README.txt").write_text("the host's own file")

    again = export_site(tmp_path)
    Event.objects.filter(slug="makei-working-visit-to-russia-2017").update(is_published=False)
    third = export_site(tmp_path)

    assert (again.written, again.unchanged, again.removed) == (0, len(first.files), 0)
    assert third.removed == 4  # its page and .ics, in English and Russian
    assert not (tmp_path / "events" / "makei-working-visit-to-russia-2017").exists()
    assert not (tmp_path / "events" / "makei-working-visit-to-russia-2017.ics").exists()
    assert (tmp_path / "events" / "README.txt").read_text() == "the host's own file"
    assert 0 < third.written < 40  # the listings, months and feeds that showed it
    assert third.unchanged == len(third.files) - third.written
    assert json.loads((tmp_path / ".export-manifest.json").read_text()) == sorted(third.files)
    assert broken_links(tmp_path) == []


def test_exported_pages_are_valid_html(demo, tmp_path):
    export_site(tmp_path)
    sample = [
        tmp_path / name
        for name in (
            "index.html",
            "events/page/2/index.html",
            "events/past/index.html",
            "ru/events/2017/06/index.html",
            "events/makei-working-visit-to-russia-2017/index.html",
            "ru/events/fourth-forum-of-regions-2017/index.html",
        )
    ]

    assert html_problems(sample) == []


def test_export_site_command_reports_counts_and_refuses_bad_options(demo, tmp_path):
    out = StringIO()
    call_command("export_site", str(tmp_path), "--lang", "en", stdout=out)
    files = len(files_of(tmp_path)) - 1
    assert out.getvalue() == f"{files} files in {tmp_path}: {files} written, 0 unchanged, 0 removed.\n"

    with pytest.raises(CommandError, match="--lang: choose from en, ru"):
        call_command("export_site", str(tmp_path), "--lang", "de")
    with pytest.raises(CommandError, match="--base-url"):
        call_command("export_site", str(tmp_path), "--base-url", "calendar.example.org")


def test_links_of_reads_hrefs_sources_and_actions():
    html = '<a href="a.html?x=1&amp;y=2">a</a><img src="i.png" alt=""><form action="/f/"></form>'
    assert links_of(html) == ["a.html?x=1&y=2", "i.png", "/f/"]


@pytest.mark.parametrize(
    ("link", "base", "expected"),
    [
        ("?page=2", "/events/", "/events/?page=2"),
        ("../past/", "/events/x/", "/events/past/"),
        ("y.ics", "/events/x/", "/events/x/y.ics"),
        ("https://calendar.example.org/ru/events/", "/events/", "/ru/events/"),
        ("/events/?type=visit&page=2", "/", "/events/?type=visit&page=2"),
        ("https://other.example.org/events/", "/", None),
        ("webcal://calendar.example.org/feeds/events.ics", "/", None),
        ("#main", "/events/", None),
    ],
)
def test_links_are_read_as_site_urls_whatever_their_form(db, link, base, expected):
    from events.export import SiteExporter

    assert SiteExporter("unused", base_url=LIVE).site_url(link, base=base) == expected


def test_a_wrong_base_url_is_refused_and_leaves_an_earlier_export_alone(demo, tmp_path):
    export_site(tmp_path, languages=["en"])
    before = files_of(tmp_path)

    for wrong in ("https://calendar_mfa.example.org", "https://", "ftp://calendar.example.org", "https://a.org/?x=1"):
        with pytest.raises(ExportError):
            export_site(tmp_path, base_url=wrong)

    assert files_of(tmp_path) == before


def test_a_page_that_must_exist_failing_stops_the_export_before_anything_is_written(demo, tmp_path, settings):
    export_site(tmp_path / "site", languages=["en"])
    before = {name: (tmp_path / "site" / name).read_bytes() for name in files_of(tmp_path / "site")}
    Event.objects.filter(slug="makei-working-visit-to-russia-2017").update(title_en="Changed")
    # A deployment whose archive template is broken: found first, it names a page that does not exist.
    broken = tmp_path / "templates" / "events"
    broken.mkdir(parents=True)
    (broken / "event_archive.html").write_text("{% url 'events:no-such-page' %}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}]

    with pytest.raises(ExportError, match="/events/past/ could not be rendered"):
        export_site(tmp_path / "site", languages=["en"])

    assert {name: (tmp_path / "site" / name).read_bytes() for name in files_of(tmp_path / "site")} == before


def test_under_a_path_prefix_language_links_alternates_and_assets_are_right(demo, tmp_path):
    export_site(tmp_path, base_url="https://mfa.example.org/calendar")
    export_site(tmp_path / "root", base_url="https://mfa.example.org")  # a second export in the same process

    listing = (tmp_path / "events" / "index.html").read_text()
    assert '<a href="../ru/events/index.html" hreflang="ru" lang="ru">RU</a>' in listing
    assert '<link rel="alternate" hreflang="ru" href="https://mfa.example.org/calendar/ru/events/">' in listing
    root = (tmp_path / "root" / "events" / "index.html").read_text()
    assert 'href="../static/events/site.css"' in root
    assert '<link rel="alternate" hreflang="ru" href="https://mfa.example.org/ru/events/">' in root
    calendar = icalendar.Calendar.from_ical((tmp_path / "root" / "feeds" / "events.ics").read_bytes())
    assert {str(vevent["URL"]).rsplit("/events/", 1)[0] for vevent in calendar.walk("VEVENT")} == {
        "https://mfa.example.org"
    }
    assert broken_links(tmp_path) == []


def test_a_prefix_with_cyrillic_letters_exports_with_working_links(demo, tmp_path):
    export_site(tmp_path, base_url="https://mid.example.org/календарь", languages=["en"])

    listing = (tmp_path / "events" / "index.html").read_text()
    assert 'action="https://mid.example.org/%D0%BA%D0%B0%D0%BB%D0%B5%D0%BD%D0%B4%D0%B0%D1%80%D1%8C/events/"' in listing
    assert broken_links(tmp_path) == []


def test_an_interrupted_export_leaves_no_file_behind_for_the_next_run(demo, tmp_path):
    from events.export import write_atomically

    written = []

    def fail_after_a_few(path, content):
        if len(written) == 30:
            raise OSError("No space left on device")
        written.append(path)
        write_atomically(path, content)

    with pytest.raises(OSError, match="No space left"):
        export_site(tmp_path, languages=["en"], write_file=fail_after_a_few)
    assert written  # some files were written before the failure
    Event.objects.filter(slug__in=[path.parent.name for path in written]).update(is_published=False)

    report = export_site(tmp_path, languages=["en"])

    assert set(files_of(tmp_path)) == set(report.files) | {".export-manifest.json"}
    assert not [name for name in files_of(tmp_path) if name.endswith(".tmp")]


def test_manifest_entries_outside_the_folder_are_never_removed(demo, tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep")
    site = tmp_path / "site"
    export_site(site, languages=["en"])
    manifest = json.loads((site / ".export-manifest.json").read_text())
    (site / ".export-manifest.json").write_text(json.dumps([*manifest, "../precious.txt", str(outside)]))

    export_site(site, languages=["en"])

    assert outside.read_text() == "keep"
