"""Phones first: at 360 x 740 the first screen shows events, the filters fold behind "Filter", the header keeps the
EN/RU switch on its line, and no public page scrolls sideways (see conftest.py for the demo and the pages)."""

from urllib.parse import urlencode

import pytest

from events.models import Event

from .conftest import ARTIFACTS, violations_on

# Where a line of the header's site name is: the switch's top must fall within its first line box.
FIRST_LINE_BOX = """() => {
  const name = document.querySelector('.site-name');
  const box = name.getBoundingClientRect();
  return {top: box.top, lineHeight: parseFloat(getComputedStyle(name).lineHeight)};
}"""


def public_pages() -> list[str]:
    """Every public page of the demo, in English: the listing, a filtered listing, the archive, each month with
    events, each event's page, a 404 and a 400 (the Russian ones are the same under /ru/)."""
    events = Event.objects.public()
    months = sorted({(day.year, day.month) for event in events.dated() for day in (event.start_date, event.end_date)})
    return [
        "/events/",
        "/events/?" + urlencode({"type": "visit", "country": "RU"}),
        "/events/past/",
        *(f"/events/{year}/{month:02d}/" for year, month in months),
        *sorted(event.get_absolute_url() for event in events),
        "/events/no-such-event/",
        "/events/?from=2017-02-30",
    ]


def test_the_first_event_is_on_the_first_screen_of_a_phone_with_the_filters_folded(site, phone):
    phone.goto(f"{site}/events/")
    phone.screenshot(path=ARTIFACTS / "listing-360.png")

    first_title = phone.locator(".event-title").first.bounding_box()
    assert 0 < first_title["y"] < 740
    assert phone.locator("details.filter-fold").get_attribute("open") is None
    assert phone.locator("details.filter-fold > summary").inner_text() == "Filter"
    assert not phone.locator("#id_type").is_visible()


def test_the_filter_fold_opens_on_a_tap_without_javascript(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    phone = context.new_page()
    phone.goto(f"{site}/events/")

    phone.click("details.filter-fold > summary")

    assert phone.locator("#id_type").is_visible()
    context.close()


@pytest.mark.parametrize(
    ("prefix", "visit", "summary"),
    [("", "Visit (1)", "Filter (2 active)"), ("/ru", "Визит (1)", "Фильтр (выбрано: 2)")],
    ids=["en", "ru"],
)
def test_the_filter_fold_is_open_and_counts_the_filters_set(site, phone, prefix, visit, summary):
    phone.goto(f"{site}{prefix}/events/?type=visit&country=RU")
    phone.screenshot(path=ARTIFACTS / f"listing-filtered-360{prefix.replace('/', '-')}.png")

    assert phone.locator("details.filter-fold").get_attribute("open") == ""
    assert phone.locator("#id_type").is_visible()
    assert phone.locator("#id_type option:checked").inner_text() == visit
    assert phone.locator("details.filter-fold > summary").inner_text() == summary


def test_the_folded_and_the_open_filters_have_no_serious_accessibility_violation_on_a_phone(site, browser):
    # axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    phone = context.new_page()
    found = violations_on(phone, site, ["/events/", "/ru/events/?type=visit", "/events/2017/06/?city=moscow"])
    context.close()

    assert found == {}


def test_wide_screens_show_the_filter_form_without_its_fold(site, page):
    page.goto(f"{site}/events/")

    assert page.locator("#id_type").is_visible()
    assert not page.locator("details.filter-fold > summary").is_visible()


def test_the_language_switch_stays_on_the_site_names_line_on_a_phone(site, phone):
    for path in ["/events/", "/ru/events/"]:
        phone.goto(f"{site}{path}")
        line = phone.evaluate(FIRST_LINE_BOX)
        switch = phone.locator("nav.languages").bounding_box()

        assert line["top"] - 1 <= switch["y"] < line["top"] + line["lineHeight"], path


def test_no_public_page_scrolls_sideways_on_a_phone_in_either_language(site, phone):
    pages = public_pages()
    wide = {}
    for path in [*pages, *(f"/ru{path}" for path in pages)]:
        phone.goto(f"{site}{path}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[path] = width
            phone.screenshot(path=ARTIFACTS / f"too-wide-{len(wide)}.png", full_page=True)

    assert len(pages) > 20
    assert wide == {}
