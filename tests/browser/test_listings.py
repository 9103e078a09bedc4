"""The listings in a real browser: every subscribe link gives the page's events (read by ical.js), the events whose
dates are to be announced, and a visit's parts under it."""

from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

from events.models import Event

from ..icaljs import parse_with_icaljs
from .conftest import ARTIFACTS

# The page's own events: its entries and the parts nested under them, not the events without dates (no feed can
# hold them) nor the recent events it suggests when it has none.
PAGE_EVENTS = """() => {
  const primary = document.querySelector('.primary');
  if (primary.querySelector('.empty')) return [];
  return [...primary.querySelectorAll('.event-title a, a.part-title')]
    .filter(link => !link.closest('.undated, .recent'))
    .map(link => new URL(link.href).pathname);
}"""


def month_paths(language: str) -> list[str]:
    months = set()
    for first, last in Event.objects.public().dated().values_list("start_date", "end_date"):
        months |= {(first.year, first.month), (last.year, last.month)}
    return [f"{language}/events/{year}/{month:02d}/" for year, month in sorted(months)]


def test_every_subscribe_link_of_every_listing_gives_the_pages_events_in_icaljs(site, page):
    paths = [
        f"{language}{path}"
        for language in ("", "/ru")
        for path in ("/events/", "/events/past/", "/events/past/?type=forum", "/events/?type=visit")
    ]
    paths += month_paths("") + month_paths("/ru")
    checked = []
    for path in paths:
        page.goto(f"{site}{path}")
        listed = set(page.evaluate(PAGE_EVENTS))
        webcal = page.locator(".subscribe a[href^='webcal:']").get_attribute("href")
        google = page.locator(".subscribe a[href^='https://calendar.google.com/']").get_attribute("href")
        copied = page.locator("#feed-url").input_value()
        feed_url = "http://" + webcal.removeprefix("webcal://")
        assert (copied, parse_qs(urlsplit(google).query)["cid"]) == (feed_url, [webcal])
        with urlopen(feed_url) as response:  # the live server on 127.0.0.1
            parsed = parse_with_icaljs(response.read())
        in_feed = {urlsplit(event["url"]).path for event in parsed["events"]}
        assert (path, in_feed) == (path, listed)
        checked.append((path, len(listed)))
    # Every page was read, and the demo's dated events were found on them (not only empty pages).
    assert len(checked) == len(paths)
    assert dict(checked)["/events/past/"] == 14
    assert dict(checked)["/ru/events/2017/06/"] == 6


def test_events_without_dates_are_listed_in_their_own_section_and_found_by_filters_and_search(site, page):
    page.goto(f"{site}/events/")
    section = page.locator("section.undated")
    assert section.locator("h2").inner_text() == "Dates to be announced"
    assert section.locator(".event-title").all_inner_texts() == ["Slavic Bazaar in Vitebsk international arts festival"]

    page.fill("#id_q", "bazaar")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("section.undated .event-title").all_inner_texts() == [
        "Slavic Bazaar in Vitebsk international arts festival"
    ]
    page.goto(f"{site}/ru/events/?type=festival")
    page.screenshot(path=ARTIFACTS / "undated-ru.png", full_page=True)
    assert page.locator("section.undated h2").inner_text() == "Даты будут объявлены"
    assert page.locator("section.undated .event-title").all_inner_texts() == [
        "Международный фестиваль искусств «Славянский базар в\u00a0Витебске»"
    ]
    page.goto(f"{site}/events/?type=visit")
    assert page.locator("section.undated").count() == 0


def test_a_visits_parts_are_nested_under_it_and_a_part_found_alone_names_its_visit(site, page):
    page.goto(f"{site}/events/past/")
    visit = page.locator("li.event", has=page.locator("h3", has_text="Working visit of Belarusian Foreign Minister"))
    assert visit.count() == 1
    assert page.locator(".event-title", has_text="Signing").count() == 0
    summary = visit.locator("details.parts summary")
    assert summary.inner_text() == "+2 parts"
    assert not visit.locator("a.part-title").first.is_visible()
    summary.click()
    page.screenshot(path=ARTIFACTS / "archive-parts.png", full_page=True)
    assert visit.locator("a.part-title").all_inner_texts() == [
        "Signing of the programme of cooperative foreign policy actions of states party to the Union State Treaty "
        "for 2018−2019",
        "Signing of the plan of consultations between the foreign ministries of Russia and Belarus for 2018",
    ]

    page.goto(f"{site}/events/past/?type=signing")
    entries = page.locator("li.event")
    assert entries.count() == 3
    part_of = entries.first.locator(".part-of")
    assert part_of.inner_text() == "Part of: Working visit of Belarusian Foreign Minister Vladimir Makei to Russia"
    part_of.locator("a").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/events/makei-working-visit-to-russia-2017/"
