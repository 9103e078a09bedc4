"""A reader in a real browser (see conftest.py): filters, an event, its download, the month grid, axe, CSP."""

from pathlib import Path

from events.models import Event

from ..pages import PAGES
from .conftest import ARTIFACTS, violations_on


def test_reader_filters_opens_an_event_downloads_it_and_switches_to_russian(site, page):
    page.goto(f"{site}/events/")
    page.screenshot(path=ARTIFACTS / "listing.png", full_page=True)
    assert page.locator("h1").inner_text() == "Upcoming events"

    page.select_option("#id_type", "visit")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.url == f"{site}/events/?q=&type=visit&country=&city=&tag=&person=&status=&from=&to="
    assert page.locator(".event-title").all_inner_texts() == ["Consultations on consular issues"]
    assert page.locator(".active-filters li span").all_inner_texts() == ["Type: Visit"]

    page.goto(f"{site}/events/past/?type=visit")
    page.click("text=Working visit of Belarusian Foreign Minister Vladimir Makei to Russia")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Working visit of Belarusian Foreign Minister Vladimir Makei to Russia"
    page.screenshot(path=ARTIFACTS / "detail.png", full_page=True)

    with page.expect_download() as download_info:
        page.click("text=Download .ics file")
    download = download_info.value
    assert download.suggested_filename == "makei-working-visit-to-russia-2017.ics"
    content = Path(download.path()).read_bytes()
    assert b"DTSTART;VALUE=DATE:20171114\r\nDTEND;VALUE=DATE:20171116\r\n" in content

    page.click("nav.languages >> text=RU")
    page.wait_for_load_state()
    assert page.url == f"{site}/ru/events/makei-working-visit-to-russia-2017/"
    assert page.locator("h1").inner_text() == (
        "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в\u00a0Россию"  # typeset
    )
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "14–15\u00a0ноября 2017\u00a0г." in page.locator(".facts").inner_text()


def test_reader_steps_through_the_month_grid(site, page):
    page.goto(f"{site}/events/2017/06/")
    page.screenshot(path=ARTIFACTS / "month.png", full_page=True)
    assert page.locator("h1").inner_text() == "June 2017"
    # The visit of 4-5 June (a Sunday and a Monday: two weeks) and the forum, each with its parts summarised.
    assert page.locator(".month-grid .segment a").all_inner_texts() == [
        "Visit of Belarusian Foreign Minister Vladimir Makei to Moscow +3 parts",
        "Visit of Belarusian Foreign Minister Vladimir Makei to Moscow +3 parts",
        "Fourth Forum of Russian and Belarusian Regions +1 part",
    ]

    page.click("a[rel=next]")
    assert page.locator("h1").inner_text() == "July 2017"
    page.click("a[rel=next]")
    page.click("a[rel=prev]")
    page.click("a[rel=prev]")
    assert page.url == f"{site}/events/2017/06/"

    page.goto(f"{site}/ru/events/2017/11/")
    assert page.locator("h1").inner_text() == "Ноябрь 2017\u00a0г."
    assert page.locator(".month-grid td.segment[colspan='2']").count() == 1


def test_no_serious_or_critical_accessibility_violations(site, browser):
    # axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = violations_on(page, site, PAGES)
    context.close()
    assert found == {}


def test_no_page_breaks_its_content_security_policy(site, page, django_user_model):
    django_user_model.objects.create_superuser("editor", password="a-long-test-password")
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    for path in [*PAGES, "/api/docs/", "/admin/login/"]:
        page.goto(f"{site}{path}")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    slug = "makei-working-visit-to-russia-2017"
    change = f"/admin/events/event/{Event.objects.get(slug=slug).pk}/change/"
    for path in ["/admin/", "/admin/events/event/", change, "/admin/events/event/add/", "/ru/admin/events/event/"]:
        page.goto(f"{site}{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{site}/api/docs/")
    page.wait_for_selector(".swagger-ui .info")
    assert refused == []
