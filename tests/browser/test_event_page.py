"""The event page in a real browser (see conftest.py): "Add to calendar" above the fold, its links, the ended marker,
and a cancelled event's status in its calendar links and in the Atom feed."""

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from events.models import Event

from ..icaljs import parse_with_icaljs
from .conftest import ARTIFACTS, violations_on

MAKEI = "makei-working-visit-to-russia-2017"
ATOM = "{http://www.w3.org/2005/Atom}"


def calendar_links(page) -> list[tuple[str, str]]:
    links = page.locator(".add-to-calendar a")
    return list(zip(links.all_inner_texts(), [link.get_attribute("href") for link in links.all()], strict=True))


def bottom(page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("path", [f"/events/{MAKEI}/", f"/ru/events/{MAKEI}/"])
def test_add_to_calendar_and_the_facts_are_above_the_fold_on_a_desktop_and_a_phone(site, page, phone, path):
    for browser_page, height, name in ((page, 900, "1280"), (phone, 740, "360")):
        browser_page.goto(f"{site}{path}")
        browser_page.screenshot(path=ARTIFACTS / f"event-top-{name}-{path.split('/')[1]}.png")

        assert bottom(browser_page, ".add-to-calendar") <= height, name
        assert bottom(browser_page, ".facts") <= height, name
        assert bottom(browser_page, ".ended") <= height, name
        assert browser_page.evaluate("document.documentElement.scrollWidth") <= browser_page.viewport_size["width"]


def test_every_calendar_link_of_an_event_page_is_exact(site, page):
    page.goto(f"{site}/events/{MAKEI}/")

    host = site.split("://", 1)[1]
    title = "Working%20visit%20of%20Belarusian%20Foreign%20Minister%20Vladimir%20Makei%20to%20Russia"
    details = quote(
        "Foreign Minister of Belarus Vladimir Makei makes a working visit to Russia at the invitation of Foreign "
        f"Minister Sergey Lavrov.\n\n{site}/events/{MAKEI}/",
        safe="",
    )
    outlook = (
        f"/calendar/0/action/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={title}"
        f"&startdt=2017-11-14&enddt=2017-11-16&allday=true&body={details}&location=Russia"
    )
    assert calendar_links(page) == [
        ("Download .ics file", f"/events/{MAKEI}.ics"),
        ("Subscribe (webcal)", f"webcal://{host}/events/{MAKEI}.ics"),
        (
            "Google Calendar",
            f"https://calendar.google.com/calendar/render?action=TEMPLATE&text={title}&dates=20171114%2F20171116"
            f"&details={details}&location=Russia",
        ),
        ("Outlook.com", f"https://outlook.live.com{outlook}"),
        ("Microsoft 365", f"https://outlook.office.com{outlook}"),
    ]


def test_a_timed_events_links_give_its_utc_times(site, page):
    event = Event.objects.get(title_en="Consultations on consular issues")
    page.goto(f"{site}{event.get_absolute_url()}")

    links = dict(calendar_links(page))
    start, end = (moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ") for moment in (event.start, event.end))
    google = parse_qs(urlsplit(links["Google Calendar"]).query)
    outlook = parse_qs(urlsplit(links["Outlook.com"]).query)
    assert (google["dates"], google["ctz"]) == ([f"{start}/{end}"], ["Europe/Moscow"])
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        [event.start.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")],
        [event.end.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")],
        ["false"],
    )
    # The page writes the same times in the event's own zone, and in UTC.
    local = event.start.astimezone(event.timezone)
    assert (
        page.locator(".facts time")
        .inner_text()
        .endswith(
            f"{local:%H:%M}–{event.end.astimezone(event.timezone):%H:%M} Moscow time "
            f"({event.start.astimezone(dt.UTC):%H:%M}–{event.end.astimezone(dt.UTC):%H:%M} UTC)"
        )
    )


@pytest.mark.parametrize("language", ["", "/ru"])
def test_the_webcal_links_feed_holds_exactly_this_event(site, page, language):
    page.goto(f"{site}{language}/events/{MAKEI}/")
    webcal = page.locator(".add-to-calendar a", has_text="webcal").get_attribute("href")

    response = page.request.get("http" + webcal.removeprefix("webcal"))

    calendar = parse_with_icaljs(response.body())
    summary = {
        "": "Working visit of Belarusian Foreign Minister Vladimir Makei to Russia",
        "/ru": "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию",
    }[language]
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    found = [
        (event["uid"], event["summary"], event["allDay"], event["start"], event["end"]) for event in calendar["events"]
    ]
    assert found == [(Event.objects.get(slug=MAKEI).uid, summary, True, "2017-11-14", "2017-11-16")]


def test_a_past_event_says_it_has_ended_and_a_coming_one_does_not(site, page):
    page.goto(f"{site}/events/{MAKEI}/")
    ended = page.locator(".ended").all_inner_texts()
    page.goto(f"{site}/ru/events/{MAKEI}/")
    ended_in_russian = page.locator(".ended").count()
    page.goto(f"{site}{Event.objects.get(title_en='Consultations on consular issues').get_absolute_url()}")
    coming = page.locator(".ended").count()

    assert (ended, ended_in_russian, coming) == (["This event has ended."], 1, 0)


def test_an_undated_event_says_its_dates_are_to_be_announced_and_offers_no_calendar_link(site, phone):
    phone.goto(f"{site}/events/slavic-bazaar-in-vitebsk/")

    assert phone.locator(".facts dd").first.inner_text() == "Dates to be announced"
    assert phone.locator(".add-to-calendar").all_inner_texts() == [
        "Add to calendar\n\nThe dates are to be announced: this event can be added to a calendar once they are."
    ]
    assert phone.locator(".add-to-calendar a").count() == 0


def test_a_cancelled_events_status_shows_in_its_google_and_outlook_links_and_in_the_atom_feed(site, page):
    event = Event.objects.get(title_en="Cancelled culture days")
    titles = {}
    for language in ("", "/ru"):
        page.goto(f"{site}{language}{event.get_absolute_url()}")
        # By address: the links' words are in the page's language.
        links = {urlsplit(href).netloc: href for _words, href in calendar_links(page)}
        titles[language] = [
            parse_qs(urlsplit(links["calendar.google.com"]).query)["text"][0],
            parse_qs(urlsplit(links["outlook.live.com"]).query)["subject"][0],
            parse_qs(urlsplit(links["outlook.office.com"]).query)["subject"][0],
            page.locator(".badge").inner_text(),
        ]
        atom = ET.fromstring(page.request.get(f"{site}{language}/feeds/upcoming.atom").body())
        titles[f"{language} atom"] = [entry.findtext(f"{ATOM}title") for entry in atom.iter(f"{ATOM}entry")]

    assert titles == {
        "": ["Cancelled: Cancelled culture days"] * 3 + ["CANCELLED"],
        "/ru": ["Отменено: Отменённые дни культуры"] * 3 + ["ОТМЕНЕНО"],
        " atom": [
            "Consultations on consular issues",
            "Cancelled: Cancelled culture days",
            "Postponed: Forum on regional cooperation",
        ],
        "/ru atom": [
            "Консультации по консульским вопросам",
            "Отменено: Отменённые дни культуры",
            "Перенесено: Forum on regional cooperation",
        ],
    }


def test_event_pages_of_every_kind_have_no_serious_accessibility_violation(site, browser):
    # axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = context.new_page()
    paths = [
        Event.objects.get(title_en=title).get_absolute_url()
        for title in ("Cancelled culture days", "Consultations on consular issues", "Forum on regional cooperation")
    ]
    found = violations_on(page, site, [*paths, *(f"/ru{path}" for path in paths), f"/events/{MAKEI}/"])
    context.close()
    assert found == {}
