"""An officer in a real browser (see conftest.py): the event form's when-choice, time zones, widths and axe."""

import icalendar

from events.models import Event

from .conftest import ARTIFACTS, enter_all_day_visit, page_width, serious_violations


def shown(page) -> dict[str, bool]:
    """Which date fields of the When fieldset the officer sees."""
    return {name: page.locator(f"#id_{name}").is_visible() for name in ("start_date", "start_0", "timezone")}


def vevent(page, site: str, event: Event) -> icalendar.Event:
    response = page.request.get(f"{site}/events/{event.slug}.ics")
    assert response.status == 200
    return icalendar.Calendar.from_ical(response.body()).walk("VEVENT")[0]


def test_an_officer_adds_an_all_day_visit_then_a_timed_meeting_in_another_zone(site, officer):
    officer.goto(f"{site}/admin/events/event/add/")
    assert shown(officer) == {"start_date": True, "start_0": False, "timezone": False}
    enter_all_day_visit(
        officer,
        "Working visit of the Foreign Minister of Belarus to Tokyo and Osaka, with talks",
        "Рабочий визит Министра иностранных дел Белоруссии в Токио и Осаку, с переговорами",
        "2030-05-14",
        "2030-05-15",
    )
    officer.click("input[name=_save]")
    officer.wait_for_load_state()
    visit = Event.objects.get(title_en__startswith="Working visit of the Foreign Minister of Belarus to Tokyo")

    officer.goto(f"{site}/admin/events/event/add/")
    officer.check("#id_when_1")  # at a time
    assert shown(officer) == {"start_date": False, "start_0": True, "timezone": True}
    officer.select_option("#id_event_type", label="Visit")
    officer.fill("#id_title_en", "Talks with the Foreign Minister of Japan")
    officer.fill("#id_title_ru", "Переговоры с Министром иностранных дел Японии")
    officer.fill("#id_start_0", "2030-05-14")
    officer.fill("#id_start_1", "10:00")
    officer.fill("#id_end_0", "2030-05-14")
    officer.fill("#id_end_1", "12:00")
    officer.select_option("#id_timezone", "Asia/Tokyo")
    officer.check("#id_is_published")
    widths = [page_width(officer)]
    officer.click("input[name=_save]")
    officer.wait_for_load_state()
    talks = Event.objects.get(title_en="Talks with the Foreign Minister of Japan")

    widths.append(page_width(officer))  # the event list, after the save
    officer.goto(f"{site}/events/{visit.slug}/")
    visit_dates = officer.locator(".facts").inner_text()
    officer.goto(f"{site}/events/{talks.slug}/")
    talks_dates = officer.locator(".facts").inner_text()
    visit_ics, talks_ics = vevent(officer, site, visit), vevent(officer, site, talks)
    assert (
        "14–15 May 2030" in visit_dates,
        "14 May 2030, 10:00–12:00 Tokyo time (01:00–03:00 UTC)" in talks_dates,
    ) == (
        True,
        True,
    )
    assert (visit_ics.decoded("DTSTART").isoformat(), visit_ics.decoded("DTEND").isoformat()) == (
        "2030-05-14",
        "2030-05-16",
    )
    assert (
        talks_ics["DTSTART"].to_ical().decode(),
        talks_ics["DTSTART"].params["TZID"],
        talks_ics["DTEND"].to_ical().decode(),
    ) == ("20300514T100000", "Asia/Tokyo", "20300514T120000")
    assert widths == [1280, 1280]


def test_the_change_form_fits_1280_px_and_has_no_serious_violation_in_english_and_russian(site, officer):
    event = Event.objects.get(slug="makei-working-visit-to-russia-2017")
    widths, violations = {}, {}
    for prefix in ("", "/ru"):
        officer.goto(f"{site}{prefix}/admin/events/event/{event.pk}/change/")
        officer.screenshot(path=ARTIFACTS / f"admin-event-form{prefix.replace('/', '-') or '-en'}.png", full_page=True)
        widths[prefix or "/en"] = page_width(officer)
        violations[prefix or "/en"] = serious_violations(officer)
    assert (widths, violations) == ({"/en": 1280, "/ru": 1280}, {"/en": [], "/ru": []})
