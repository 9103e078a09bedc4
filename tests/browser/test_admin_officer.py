"""A press officer's day in Chromium: a visit with its parts, an embargoed announcement, two cancellations (by the
form and by the list's action), each checked as the public then sees it (the page, the event's .ics, the feed), and
every page the officer passes through no wider than the 1280 px window."""

import datetime as dt

import icalendar
import time_machine

from events.models import Event

from ..factories import AllDayEventFactory
from .conftest import enter_all_day_visit, page_width

FEED = "/feeds/events.ics"


def vevents(page, url: str) -> dict[str, icalendar.Event]:
    """The VEVENTs of a calendar file as the public gets it, by their English summary."""
    response = page.request.get(url)
    assert response.status == 200
    return {str(event["SUMMARY"]): event for event in icalendar.Calendar.from_ical(response.body()).walk("VEVENT")}


def save(officer, button: str = "_save") -> None:
    officer.click(f"input[name={button}]")
    officer.wait_for_load_state()
    assert officer.locator(".errornote").count() == 0, officer.locator(".errornote, .errorlist").all_inner_texts()


def test_an_all_day_visit_with_two_parts_is_one_page_and_three_linked_events_in_the_feed(site, officer, page):
    widths = []
    officer.goto(f"{site}/admin/events/event/add/")
    enter_all_day_visit(
        officer,
        "Working visit of Russian Foreign Minister Sergey Lavrov to Minsk",
        "Рабочий визит Министра иностранных дел России Сергея Лаврова в Минск",
        "2030-01-14",
        "2030-01-15",
    )
    parts = [
        ("Talks with the Foreign Minister of Belarus", "Переговоры с Министром иностранных дел Белоруссии", "14"),
        ("Joint meeting of the foreign ministry collegiums", "Совместное заседание коллегий министерств", "15"),
    ]
    for row, (title_en, title_ru, day) in enumerate(parts):
        officer.click("#parts-group .add-row a")
        officer.fill(f"#id_parts-{row}-title_en", title_en)
        officer.fill(f"#id_parts-{row}-title_ru", title_ru)
        officer.select_option(f"#id_parts-{row}-event_type", label="Meeting")
        officer.fill(f"#id_parts-{row}-start_date", f"2030-01-{day}")
        officer.check(f"#id_parts-{row}-is_published")
    widths.append(page_width(officer))
    save(officer)
    visit = Event.objects.get(title_en__startswith="Working visit of Russian Foreign Minister")

    page.goto(f"{site}/events/{visit.slug}/")
    listed = page.locator("section:has(h2:text('Parts of this event')) .event-title").all_inner_texts()
    feed = vevents(page, f"{site}{FEED}")
    related = {title: str(feed[title].get("RELATED-TO", "")) for title, _ru, _day in parts}
    assert (visit.slug, page.locator(".facts").inner_text().count("14–15 January 2030")) == (
        "lavrov-visit-to-minsk-2030",
        1,
    )
    assert [text.strip() for text in listed] == [title for title, _ru, _day in parts]
    assert (str(feed[visit.title_en]["DTSTART"].to_ical().decode()), related) == (
        "20300114",
        {title: visit.uid for title, _ru, _day in parts},
    )
    assert widths == [1280]


def test_an_embargoed_announcement_is_previewed_then_public_only_when_its_embargo_ends(site, officer, page):
    widths = []
    officer.goto(f"{site}/admin/events/event/add/")
    officer.select_option("#id_event_type", label="Forum")
    officer.fill("#id_title_en", "Eleventh Forum of Regions of Russia and Belarus")
    officer.fill("#id_title_ru", "XI Форум регионов России и Белоруссии")
    officer.check("#id_when_0")
    officer.fill("#id_start_date", "2030-06-26")
    officer.fill("#id_end_date", "2030-06-28")
    officer.check("#id_is_published")
    officer.fill("#id_publish_at_0", "2030-01-12")
    officer.fill("#id_publish_at_1", "09:00")  # the press office's time: Moscow, UTC+3
    save(officer, "_continue")
    forum = Event.objects.get(title_en="Eleventh Forum of Regions of Russia and Belarus")
    sentence = officer.locator(".field-publication_outlook .readonly").inner_text()
    with officer.context.expect_page() as opened:
        officer.locator("a.previewlink[lang=ru]").click()
    preview = opened.value
    preview.wait_for_load_state()
    widths += [page_width(officer), page_width(preview)]
    marked = preview.locator(".preview").inner_text().replace("\xa0", " ")  # typeset with no-break spaces

    before = (page.goto(f"{site}/events/{forum.slug}/").status, forum.title_en in vevents(page, f"{site}{FEED}"))
    with time_machine.travel(dt.datetime(2030, 1, 12, 6, 0, 30, tzinfo=dt.UTC), tick=False):
        after = (page.goto(f"{site}/events/{forum.slug}/").status, forum.title_en in vevents(page, f"{site}{FEED}"))
        shown = page.locator(".preview").count()

    assert forum.publish_at == dt.datetime(2030, 1, 12, 6, 0, tzinfo=dt.UTC)
    assert sentence == "Will appear on the public pages and in feeds at 09:00 Moscow time on 12 January 2030."
    assert (preview.url, marked) == (
        f"{site}/ru/events/{forum.slug}/",
        "Предпросмотр: событие под эмбарго и пока не опубликовано.",
    )
    assert (before, after, shown) == ((404, False), (200, True), 0)
    assert widths == [1280, 1280]


def cancelled_as_the_public_sees_it(page, site: str, event: Event) -> tuple:
    """The badge on the event's page, and its STATUS and SEQUENCE in its .ics and in the feed."""
    page.goto(f"{site}/events/{event.slug}/")
    badge = page.locator(".event-state .badge").text_content()  # shown in capitals by the style sheet
    own = vevents(page, f"{site}/events/{event.slug}.ics")[f"Cancelled: {event.title_en}"]
    listed = vevents(page, f"{site}{FEED}")[f"Cancelled: {event.title_en}"]
    return badge, str(own["STATUS"]), own["SEQUENCE"], str(listed["STATUS"]), listed["SEQUENCE"]


def test_a_visit_cancelled_in_its_form_shows_cancelled_on_its_page_and_in_the_feeds(site, officer, page):
    visit = AllDayEventFactory(
        title_en="Visit of the Foreign Minister of Belarus to Kazan",
        title_ru="Визит Министра иностранных дел Белоруссии в Казань",
        start_date=dt.date(2030, 3, 3),
        end_date=dt.date(2030, 3, 4),
    )
    officer.goto(f"{site}/admin/events/event/{visit.pk}/change/")
    help_text = officer.locator("#id_status_helptext").inner_text()
    officer.select_option("#id_status", "cancelled")
    width = page_width(officer)
    save(officer)

    assert "Subscribers' calendars will show the event as cancelled" in help_text
    assert cancelled_as_the_public_sees_it(page, site, visit) == ("Cancelled", "CANCELLED", 1, "CANCELLED", 1)
    assert width == 1280


def test_a_visit_cancelled_by_the_lists_action_is_confirmed_first_then_shows_cancelled(site, officer, page):
    visit = AllDayEventFactory(
        title_en="Visit of the Foreign Minister of Belarus to Samara",
        title_ru="Визит Министра иностранных дел Белоруссии в Самару",
        start_date=dt.date(2030, 4, 7),
        end_date=dt.date(2030, 4, 7),
    )
    officer.goto(f"{site}/admin/events/event/?q=Samara")
    officer.check(f"input.action-select[value='{visit.pk}']")
    officer.select_option("select[name=action]", "cancel")
    officer.click("button[name=index]")
    officer.wait_for_load_state()
    asked = officer.locator("#content-main").inner_text()
    width = page_width(officer)
    still = Event.objects.get(pk=visit.pk).status
    officer.click("input[value='Yes, cancel them']")
    officer.wait_for_load_state()
    told = officer.locator(".messagelist").inner_text()

    assert (still, told) == ("confirmed", "1 event cancelled.")
    assert "Subscribers' calendars will show the event as cancelled; it stays in feeds for" in asked
    assert "Visit of the Foreign Minister of Belarus to Samara" in asked
    assert cancelled_as_the_public_sees_it(page, site, visit) == ("Cancelled", "CANCELLED", 1, "CANCELLED", 1)
    assert width == 1280
