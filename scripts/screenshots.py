"""The README's screenshots, taken from the demo a newcomer gets: `make screenshots`.

Sets the demo up as `make run` does (migrations, then setup_demo) on a throw-away SQLite database in var/screenshots/
(never the developer's own), serves it on a free port of 127.0.0.1, and photographs the listing, the archive, a
month and an event page, in English and Russian, on a desktop (1280 px wide) and a phone (360 px), with Playwright
and Debian's Chromium, into docs/screenshots/<page>-<language>-<width>.png. Each shot is one screen high: what a
reader sees first, in a file of a reasonable size. Then, logged in as the demo's admin (given a password of this run,
never shown), the officer's desk, the event list and an event's form in English at 1280 px (admin-desk-en-1280.png,
admin-events-en-1280.png, admin-event-en-1280.png), after adding a day's work to the throw-away database only
(a_days_work: a draft, an embargo, a coming meeting with its Russian missing, a cancellation), since the seed's events,
all published and past, leave the desk empty.

    make screenshots
"""

import os
import secrets
import sys
import threading
import time
from io import StringIO
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "screenshots"
OUT = ROOT / "docs" / "screenshots"
PAGES = {
    "listing": "/events/",
    "archive": "/events/past/",
    "month": "/events/2017/06/",
    "event": "/events/makei-working-visit-to-russia-2017/",
}
LANGUAGES = {"en": "", "ru": "/ru"}
# The officer's pages, in English on a desktop.
ADMIN_PAGES = {"admin-desk": "/admin/events/event/desk/", "admin-events": "/admin/events/event/"}
# The event whose form is photographed (admin-event-en-1280.png): the draft of a_days_work.
DRAFT_TITLE = "Working visit of Russian Foreign Minister Sergey Lavrov to Minsk"
ADMIN_WIDTH = 1280
# The address the pages are shown at (Chromium is told where it is served): the same in every run, so that an
# unchanged page gives the same picture, and one a deployment could have rather than a port of this machine.
HOST = "calendar.example.org"
# A desktop and a phone, as the browser tests see them (tests/browser/conftest.py); a desktop screen a little lower.
SCREENS = {1280: 800, 360: 740}


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def set_up_demo() -> str:
    """A fresh database with the demo, as `make run` makes it (development settings, the seed, an admin account);
    the admin's password for this run."""
    WORK.mkdir(parents=True, exist_ok=True)
    database = WORK / "db.sqlite3"
    for leftover in WORK.glob("db.sqlite3*"):
        leftover.unlink()
    os.environ.update({"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}", "DJANGO_ALLOWED_HOSTS": HOST})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "calendar_site.settings")
    # The demo's cache is this process's memory, never a shared Redis a developer may have configured.
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("setup_demo", stdout=StringIO())  # its password is not kept: the run sets its own, never printed
    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(24)
    admin = get_user_model().objects.get(username="admin")
    admin.set_password(password)
    admin.save()
    draft = a_days_work()
    ADMIN_PAGES["admin-event"] = f"/admin/events/event/{draft.pk}/change/"
    return password


def a_days_work():
    """What a press office has on its desk on a working day, dated from today: a visit drafted for next month, a forum
    announced under embargo until 09:00 the day after tomorrow, a meeting next week whose Russian title and hour are
    still missing, and culture days cancelled yesterday. Returns the draft."""
    import datetime as dt

    from django.utils import timezone

    from events.models import Event, EventType
    from events.timezones import office_zone

    today = timezone.localdate(timezone=office_zone())
    kinds = {kind.slug: kind for kind in EventType.objects.all()}
    embargo = dt.datetime.combine(today + dt.timedelta(days=2), dt.time(9), tzinfo=office_zone())
    work = [
        (DRAFT_TITLE, "Рабочий визит Министра иностранных дел России Сергея Лаврова в Минск", "visit", 35, {
            "is_published": False, "visit_level": "working"}),
        ("Eleventh Forum of Regions of Russia and Belarus", "XI Форум регионов России и Белоруссии", "forum", 60, {
            "publish_at": embargo}),
        ("Consultations of the foreign ministries on consular issues", "", "meeting", 6, {}),
        ("Belarusian Culture Days in Kazan", "Дни белорусской культуры в Казани", "culture-days", 20, {
            "status": Event.Status.CANCELLED}),
    ]  # fmt: skip
    for title_en, title_ru, kind, days, fields in work:
        start = today + dt.timedelta(days=days)
        Event.objects.create(
            title_en=title_en, title_ru=title_ru, event_type=kinds[kind], all_day=True, start_date=start,
            end_date=start + dt.timedelta(days=1 if kind != "meeting" else 0), **{"is_published": True, **fields},
        )  # fmt: skip
    return Event.objects.get(title_en=DRAFT_TITLE)


def serve():
    """The demo served on a free port of 127.0.0.1 from a thread of this process; the server and its host:port."""
    from django.core.wsgi import get_wsgi_application

    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"127.0.0.1:{server.server_port}"


def shoot(page, url: str, target: Path) -> Path:
    response = page.goto(url)
    if response is None or response.status != 200:
        raise SystemExit(f"{url} answered {response and response.status}")
    page.screenshot(path=target, animations="disabled", caret="hide")
    return target


def photograph_admin(browser, password: str) -> list[Path]:
    """Log in as the demo's admin and photograph the officer's pages."""
    context = browser.new_context(
        viewport={"width": ADMIN_WIDTH, "height": SCREENS[ADMIN_WIDTH]}, reduced_motion="reduce"
    )
    from tests.browser.conftest import log_in

    page = context.new_page()
    log_in(page, f"http://{HOST}", "admin", password)
    written = [
        shoot(page, f"http://{HOST}{path}", OUT / f"{name}-en-{ADMIN_WIDTH}.png") for name, path in ADMIN_PAGES.items()
    ]
    context.close()
    return written


def photograph(served_at: str, password: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        resolve = f"--host-resolver-rules=MAP {HOST} {served_at}"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, resolve])
        for width, height in SCREENS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
            page = context.new_page()
            for name, path in PAGES.items():
                for language, prefix in LANGUAGES.items():
                    target = OUT / f"{name}-{language}-{width}.png"
                    written.append(shoot(page, f"http://{HOST}{prefix}{path}", target))
            context.close()
        written += photograph_admin(browser, password)
        browser.close()
    return written


def main() -> int:
    started = time.monotonic()
    password = set_up_demo()
    server, served_at = serve()
    try:
        written = photograph(served_at, password)
    finally:
        server.shutdown()
    for path in written:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KiB")
    print(f"{len(written)} screenshots in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
