"""The officer's desk and the event list in Chromium at 1280 px: no sideways scrolling, titles readable, axe-clean."""

import pytest
from django.contrib.auth.models import Permission

from .conftest import ARTIFACTS, log_in, violations_on

PASSWORD = "a-long-test-password"
LONG_TITLE = {
    "en": "Signing of the programme of cooperative foreign policy actions of states party to the Union State Treaty",
    "ru": "Подписание программы согласованных действий в области внешней политики государств",
}
PAGES = ["/admin/events/event/desk/", "/admin/events/event/", "/ru/admin/events/event/desk/", "/ru/admin/events/event/"]

# The widths a page and the event list's table take, and the lines of the longest title link.
MEASURE = """(start) => {
    const results = document.querySelector('#changelist .results');
    const links = [...document.querySelectorAll('#result_list .field-title a')];
    const link = links.find(a => a.textContent.startsWith(start));
    return {
        page: document.documentElement.scrollWidth,
        table: results ? results.scrollWidth - results.clientWidth : 0,
        lines: link ? link.getClientRects().length : null,
    };
}"""


def log_in_as(page, site, django_user_model, role: str) -> None:
    if role == "superuser":
        django_user_model.objects.create_superuser("officer", password=PASSWORD)
    else:
        # The live server's database is emptied between tests, the Editors group with it: an editor's permissions.
        editor = django_user_model.objects.create_user("officer", password=PASSWORD, is_staff=True)
        codenames = ["view_event", "add_event", "change_event", "delete_event", "view_venue", "view_eventtype"]
        editor.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
        )
    log_in(page, site, "officer", PASSWORD)


@pytest.mark.parametrize("role", ["superuser", "editor"])
def test_desk_and_event_list_fit_1280_px_in_both_languages(site, page, django_user_model, role):
    log_in_as(page, site, django_user_model, role)

    measured = {}
    for path in PAGES:
        page.goto(f"{site}{path}")
        language = "ru" if path.startswith("/ru/") else "en"
        measured[path] = page.evaluate(MEASURE, LONG_TITLE[language])
        page.screenshot(path=ARTIFACTS / f"desk-{role}-{path.strip('/').replace('/', '-')}.png", full_page=True)

    # Not wider than the window, the list's table not scrolled sideways, the long title in 1 to 3 lines.
    assert {
        path: (found["page"], found["table"], found["lines"] in (None, 1, 2, 3)) for path, found in measured.items()
    } == {path: (1280, 0, True) for path in PAGES}
    assert [measured[path]["lines"] is not None for path in PAGES] == [False, True, False, True]


def test_desk_shows_the_demo_day_in_its_sections(site, page, django_user_model):
    log_in_as(page, site, django_user_model, "editor")

    page.click("text=Open the desk")
    page.wait_for_load_state()

    assert page.locator("h1").inner_text() == "Desk"
    assert page.locator(".desk-section h2").all_inner_texts() == [
        "Drafts (0)",
        "Embargoes lifting in the next 7 days (0)",
        "Coming in the next 14 days, incomplete (0)",
        "Cancelled in the last 14 days (1)",
    ]
    page.click("#desk-cancelled >> text=Cancelled culture days")
    page.wait_for_load_state()
    # A published event: an editor reads it (changing it is a publisher's).
    assert page.locator("h1").inner_text() == "View event"


def test_desk_and_event_list_have_no_serious_accessibility_violations(site, officer):
    assert violations_on(officer, site, PAGES) == {}
