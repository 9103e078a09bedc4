"""A reader in a real browser: Debian's Chromium, driven by Playwright, with axe-core for accessibility.

`make test` runs the tests of this folder when /usr/bin/chromium exists and skips them, saying
why, when it does not; CI sets REQUIRE_BROWSER=1, which turns the skip into a
failure. Screenshots go to var/test-artifacts/.

A click that follows a link or sends a form returns once the new page has begun to load: a test waits for its load
(wait_for_load_state) before it reads a list or measures the page, which read what is there at that moment.
"""

import os
from pathlib import Path

import pytest

from ..pages import load_demo

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = ROOT / "var" / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# What this machine's Chromium needs to start headless and stay off the closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium): browser tests skipped"
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(reason.replace("skipped", "required by REQUIRE_BROWSER"))
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.skip(reason=reason))


def violations_on(page, site: str, paths) -> dict[str, list[str]]:
    """serious_violations of each page, for the pages that have any."""
    found = {}
    for path in paths:
        page.goto(f"{site}{path}")
        serious = serious_violations(page)
        if serious:
            found[path] = serious
    return found


def log_in(page, site: str, username: str, password: str) -> None:
    """Log the page in to the admin, as a person does at its login form."""
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} elements)"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api

    # Playwright's sync API keeps an event loop running in this thread while
    # the browser is open, and Django refuses database work beside a running
    # loop; the tests' own database work (set-up, flush) is plain sync code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(transactional_db, live_server, browser):
    """The demo (seed and a few coming events) served by a live server; its address."""
    load_demo()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return live_server.url


@pytest.fixture
def page(browser):
    """A desktop-sized page (1280 x 900) that accepts downloads."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A phone-sized page (360 x 740)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


OFFICER_PASSWORD = "a-long-test-password"


@pytest.fixture
def officer(site, browser, django_user_model):
    """A desktop-sized page (1280 x 900) logged in to the admin as a superuser; it runs axe, an inline script the
    pages' Content-Security-Policy refuses (test_reader.py checks the admin against that policy)."""
    django_user_model.objects.create_superuser("officer", password=OFFICER_PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    log_in(page, site, "officer", OFFICER_PASSWORD)
    yield page
    context.close()


def enter_all_day_visit(officer, title_en: str, title_ru: str, first: str, last: str) -> None:
    """Fill the add form of the officer's page with a published all-day visit (not saved)."""
    officer.select_option("#id_event_type", label="Visit")
    officer.fill("#id_title_en", title_en)
    officer.fill("#id_title_ru", title_ru)
    officer.check("#id_when_0")  # all day
    officer.fill("#id_start_date", first)
    officer.fill("#id_end_date", last)
    officer.check("#id_is_published")


def page_width(page) -> int:
    """How wide the page is laid out: the window's width when nothing makes it scroll sideways."""
    return page.evaluate("document.documentElement.scrollWidth")
