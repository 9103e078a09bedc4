"""Every other page of the admin an officer opens, in English and Russian, at 1280 px: no sideways scrolling, and no
serious or critical axe violation (the desk, the event list and the event form have tests of their own)."""

from pathlib import Path

import pytest

from events.models import Alert, Event, Venue

from .conftest import ARTIFACTS, page_width, serious_violations

RELEASE = Path(__file__).resolve().parent.parent.parent / "fixtures" / "release-2017-11-13.txt"
FIXED_PAGES = [
    "/admin/",
    "/admin/events/venue/",
    "/admin/events/venue/add/",
    "/admin/events/person/",
    "/admin/events/person/add/",
    "/admin/events/series/add/",
    "/admin/events/source/add/",
    "/admin/events/organisation/add/",
    "/admin/events/tag/add/",
    "/admin/events/eventtype/add/",
    "/admin/events/feedtoken/add/",
    "/admin/events/alert/",
    "/admin/events/event/import-ics/",
    "/admin/events/event/draft/",
]


def pages_of_the_demo() -> list[str]:
    """The pages above, and those of rows of the demo: a venue's form, an event's history and one of its versions."""
    event = Event.objects.get(slug="makei-working-visit-to-russia-2017")
    event.save()  # a second version, so that the history lists two
    version = Event.history.filter(id=event.pk).order_by("history_id").first()
    venue = Venue.objects.order_by("pk").first()
    alert = Alert.objects.order_by("pk").first()
    return [
        *FIXED_PAGES,
        f"/admin/events/venue/{venue.pk}/change/",
        f"/admin/events/alert/{alert.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
        f"/admin/events/event/{event.pk}/history/{version.history_id}/",
    ]


def measure(officer, name: str) -> tuple[int, list[str]]:
    officer.screenshot(path=ARTIFACTS / f"admin-{name}.png", full_page=True)
    return page_width(officer), serious_violations(officer)


@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_the_admins_other_pages_fit_1280_px_with_no_serious_violation(site, officer, prefix):
    paths = pages_of_the_demo()
    found = {}
    for path in paths:
        response = officer.goto(f"{site}{prefix}{path}")
        assert response.status == 200, path
        found[path] = measure(officer, f"{prefix.strip('/') or 'en'}{path.replace('/', '-')}")

    assert found == {path: (1280, []) for path in paths}


@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_the_drafts_proposed_from_the_seed_release_fit_1280_px_with_no_serious_violation(site, officer, prefix):
    officer.goto(f"{site}{prefix}/admin/events/event/draft/")
    officer.fill("#id_title", "Comment on the upcoming working visit by Belarusian Foreign Minister Vladimir Makei")
    officer.fill("#id_published", "2017-11-13")
    officer.fill("#id_text", RELEASE.read_text(encoding="utf-8"))
    officer.click("input[name=propose]")
    officer.wait_for_load_state()
    proposals = officer.locator("fieldset.proposal").count()

    assert (proposals >= 5, measure(officer, f"{prefix.strip('/') or 'en'}-drafted")) == (True, (1280, []))
