"""The export of 10,000 generated events: every link finds its file, a sample of pages is valid HTML, and the
feeds parse in ical.js and icalendar. Slow (minutes), so `make export-check` runs it, in CI, not `make test`."""

import pytest
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone

from events.export import export_site
from events.feeds import select_feed_events
from events.models import Event

from .exported import broken_links
from .factories import AllDayEventFactory
from .icaljs import parse_with_icaljs
from .vnu import html_problems

pytestmark = [pytest.mark.scale, pytest.mark.django_db]


def test_export_of_ten_thousand_events_has_no_broken_link_valid_pages_and_readable_feeds(tmp_path, still_clock):
    # The clock stands still: the export takes minutes, and a feed's window is counted from today, so an export that
    # crossed midnight UTC compared its feed with the next day's window (CI, 2026-12-03 23:50).
    call_command("generate_demo_events", count=10_000, verbosity=0)
    draft = AllDayEventFactory(title_en="Unannounced draft visit", slug="unannounced-draft-visit", is_published=False)

    report = export_site(tmp_path, languages=["en"])

    public = Event.objects.public()
    pages = sorted(tmp_path.glob("events/*/index.html"))
    assert len(pages) == public.count() + 1  # and the archive, events/past/
    assert len(list(tmp_path.glob("events/*.ics"))) == public.dated().count()
    assert report.skipped == []
    assert broken_links(tmp_path) == []
    assert not list(tmp_path.rglob(f"*{draft.slug}*"))
    assert draft.uid not in (tmp_path / "feeds" / "events.ics").read_text()

    sample = [*pages[:: len(pages) // 12], *sorted(tmp_path.glob("events/past/page/*/index.html"))[:3]]
    sample += [tmp_path / "index.html", *sorted(tmp_path.glob("events/2*/*/index.html"))[::40]]
    assert html_problems(sample) == []

    feed = parse_with_icaljs((tmp_path / "feeds" / "events.ics").read_bytes())
    _filters, expected = select_feed_events(QueryDict(), now=timezone.now())
    assert sorted(event["uid"] for event in feed["events"]) == sorted(expected.values_list("uid", flat=True))
    visits = parse_with_icaljs((tmp_path / "feeds" / "type" / "visit.ics").read_bytes())
    assert len(visits["events"]) == expected.filter(event_type__slug="visit").count()
