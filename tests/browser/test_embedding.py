"""The embeddable calendar in a real browser: framed by a page of another origin that is allowed, refused by one that
is not, its links opening on the main site in the whole window, and a subscribe block whose code is copied."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import serious_violations


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test's output, not a server's log
        pass


@pytest.fixture
def parent(site, tmp_path):
    """Another site (127.0.0.1 on its own port; the calendar is served as localhost) whose page frames the
    calendar's /embed/month/2017/06/; its origin."""
    embed = f"{site}/embed/month/2017/06/"
    (tmp_path / "index.html").write_text(
        f'<!DOCTYPE html><html lang="en"><title>Ministry</title><h1>Ministry</h1>'
        f'<iframe src="{embed}" title="Calendar" width="800" height="600"></iframe></html>'
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def framed(page, url: str):
    """The parent page loaded (frames included), and its frame."""
    page.goto(url, wait_until="load")
    return next(frame for frame in page.frames if frame is not page.main_frame)


def test_an_allowed_origin_shows_the_calendar_and_its_links_open_on_the_main_site(site, page, parent, settings):
    settings.EVENTS_EMBED_ORIGINS = [parent]

    frame = framed(page, f"{parent}/")
    heading = frame.locator("h1").inner_text()
    frame.locator("a", has_text="Fourth Forum of Russian and Belarusian Regions").click()
    page.wait_for_url(f"{site}/events/fourth-forum-of-regions-2017/")

    assert (heading, page.locator("h1").inner_text()) == (
        "June 2017 · Diplomatic events",
        "Fourth Forum of Russian and Belarusian Regions",
    )


def test_another_origin_is_refused_the_frame(site, page, parent, settings):
    settings.EVENTS_EMBED_ORIGINS = ["https://mfa.example.org"]

    frame = framed(page, f"{parent}/")

    assert (frame.url.startswith(site), frame.locator("h1.embed-title").count()) == (False, 0)


def test_without_configured_origins_another_site_is_refused_and_the_calendar_itself_may_frame(
    site, page, parent, settings
):
    settings.EVENTS_EMBED_ORIGINS = []

    elsewhere = framed(page, f"{parent}/").locator("h1.embed-title").count()
    page.goto(f"{site}/events/")
    page.evaluate(
        "src => { const frame = document.createElement('iframe'); frame.src = src; frame.title = 'Calendar';"
        " document.body.append(frame); return new Promise(done => frame.onload = done); }",
        f"{site}/embed/",
    )
    own = next(frame for frame in page.frames if frame is not page.main_frame)

    assert (elsewhere, own.locator("h1.embed-title").inner_text()) == (0, "Diplomatic events")


def test_the_embed_pages_have_no_serious_accessibility_violation_at_a_frames_width(site, browser):
    context = browser.new_context(viewport={"width": 400, "height": 600}, bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in ("/embed/", "/ru/embed/", "/embed/month/2017/06/", "/ru/embed/month/2017/11/"):
        page.goto(f"{site}{path}")
        found[path] = serious_violations(page)
    context.close()

    assert found == {path: [] for path in found}


def test_the_copy_button_copies_the_code_of_the_frame(site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site}/events/?type=visit")

    page.get_by_role("button", name="Copy the code").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    status = page.locator(".copy-status").inner_text()
    context.close()

    assert (copied, status) == (
        f'<iframe src="{site}/embed/?type=visit" title="Diplomatic events calendar" width="100%" height="500" '
        'style="border: 0" loading="lazy"></iframe>',
        "Copied.",
    )
