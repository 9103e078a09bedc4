"""A bounded load test: gunicorn with PostgreSQL and Redis, many readers, and officers editing in admin.

Readers ask for the listing, archive, month grid, event pages, the public feed (half of them with
If-None-Match, as calendar clients poll) and the API; two officers keep saving events through the
admin's change form, sometimes the same one at once. It prints requests per second and p50/p99 per
kind of request, and fails if any answer is a 5xx, a save is lost, or the server logged an error.

    make loadtest                  # 50 clients for 30 seconds
    LOADTEST_ARGS="--clients 20 --seconds 10" make loadtest
"""

import argparse
import http.client
import json
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.formdata import form_data  # noqa: E402 - after the project root is importable

WORK = ROOT / "var" / "loadtest"
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--events", type=int, default=2000, help="generated events beside the seed")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/calendar_loadtest")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/3")
    arguments = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    environment = server_environment(arguments)
    prepare(arguments, environment)
    log = WORK / "gunicorn.log"
    server = start_server(arguments, environment, log)
    try:
        wait_until_up(arguments.port)
        slugs = json.loads(run_manage(environment, "shell", "-c", SLUGS_SCRIPT).splitlines()[-1])
        result = load(arguments, slugs, environment["LOADTEST_PASSWORD"])
    finally:
        server.terminate()
        server.wait(timeout=30)
    logged_errors = [
        line
        for line in log.read_text(errors="replace").splitlines()
        if re.search(r"ERROR|Traceback|CRITICAL|Internal Server Error", line)
    ]
    result["logged_errors"] = logged_errors[:20]
    report(arguments, result)
    (WORK / "result.json").write_text(json.dumps(result, indent=2) + "\n")
    failed = result["server_errors"] or result["lost_saves"] or logged_errors or result["failures"]
    return 1 if failed else 0


def server_environment(arguments) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": arguments.database,
        "REDIS_URL": arguments.redis,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        # The load comes from one address: the API's per-address limits would answer most of it 429.
        "API_ANON_RATE": "100000000/hour",
        "API_WRITE_RATE": "100000000/hour",
        "LOADTEST_PASSWORD": secrets.token_urlsafe(16),
    }


def run_manage(environment: dict, *command: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=environment, check=True, capture_output=True, text=True
    )
    return done.stdout


def prepare(arguments, environment: dict) -> None:
    """A new database with the seed, generated events and two officers; an empty cache."""
    url = urllib.parse.urlparse(arguments.database)
    name = url.path.lstrip("/")
    with psycopg.connect(
        host=url.hostname, port=url.port or 5432, user=url.username, dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    redis_url = urllib.parse.urlparse(arguments.redis)
    subprocess.run(
        [
            "redis-cli",
            "-h",
            redis_url.hostname,
            "-p",
            str(redis_url.port or 6379),
            "-n",
            redis_url.path.lstrip("/") or "0",
            "FLUSHDB",
        ],
        check=True,
        capture_output=True,
    )
    run_manage(environment, "migrate", "--noinput")
    run_manage(environment, "setup_demo")
    run_manage(environment, "generate_demo_events", "--count", str(arguments.events))
    run_manage(environment, "collectstatic", "--noinput")
    run_manage(environment, "shell", "-c", OFFICERS_SCRIPT)


OFFICERS_SCRIPT = """
import os
from django.contrib.auth.models import User
for name in ("officer1", "officer2"):
    User.objects.create_superuser(name, f"{name}@example.org", os.environ["LOADTEST_PASSWORD"])
"""
SLUGS_SCRIPT = """
import json
from events.models import Event
public = Event.objects.public().dated().order_by("-start_date")
print(json.dumps({
    "events": list(public.values_list("slug", flat=True)[:300]),
    "edited": list(public.values_list("pk", flat=True)[:6]),
    "months": sorted({f"{day:%Y/%m}" for day in public.values_list("start_date", flat=True)[:300]}),
}))
"""


def start_server(arguments, environment: dict, log: Path) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "calendar_site.wsgi",
        "--bind",
        f"127.0.0.1:{arguments.port}",
        "--workers",
        str(arguments.workers),
        "--log-level",
        "warning",
        "--capture-output",
        "--error-logfile",
        str(log),
        "--timeout",
        "60",
    ]
    log.write_text("")
    return subprocess.Popen(command, cwd=ROOT, env=environment)


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/robots.txt")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within 60 seconds; see var/loadtest/gunicorn.log")


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.failures: list[str] = []

    def note(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.timings[kind].append(seconds)
            self.statuses[kind][status] += 1

    def fail(self, message: str) -> None:
        with self.lock:
            if len(self.failures) < 20:
                self.failures.append(message)


def request(connection_port: int, method: str, path: str, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", connection_port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def reader(port: int, slugs: dict, results: Results, stop: float, seed: int) -> None:
    chooser = random.Random(seed)
    feed_etag = None
    while time.monotonic() < stop:
        kind, path, headers = chooser.choice(
            [
                ("listing", "/events/", {}),
                ("listing", "/ru/events/?type=visit", {}),
                ("archive", "/events/past/", {}),
                ("month", f"/events/{chooser.choice(slugs['months'])}/", {}),
                ("detail", f"/events/{chooser.choice(slugs['events'])}/", {}),
                ("detail", f"/ru/events/{chooser.choice(slugs['events'])}/", {}),
                ("feed", "/feeds/events.ics", {}),
                ("feed 304", "/feeds/events.ics", {"If-None-Match": feed_etag} if feed_etag else {}),
                ("feed 304", "/feeds/events.ics", {"If-None-Match": feed_etag} if feed_etag else {}),
                ("api list", "/api/events/?page_size=20", {}),
                ("api detail", f"/api/events/{chooser.choice(slugs['events'])}/", {}),
            ]
        )
        started = time.perf_counter()
        try:
            response, _ = request(port, "GET", path, headers)
        except OSError as error:
            results.fail(f"{path}: {error}")
            continue
        results.note(kind, response.status, time.perf_counter() - started)
        if kind.startswith("feed") and response.status == 200:
            feed_etag = response.getheader("ETag")


class Officer:
    """A browser session in the admin: logs in, opens an event's change form, changes its summary, saves."""

    def __init__(self, port: int, name: str, password: str):
        self.port, self.cookies = port, {}
        form = self.get("/admin/login/")
        fields = {key: values[0] for key, values in form_data(form, "login-form").items()}
        fields.update(username=name, password=password, next="/admin/")
        response, _ = self.post("/admin/login/", fields)
        if response.status != 302:
            raise SystemExit(f"{name} could not log in to the admin ({response.status})")

    def _headers(self) -> dict:
        return {"Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items())}

    def _keep_cookies(self, response) -> None:
        for header in response.headers.get_all("Set-Cookie") or []:
            key, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[key] = value

    def get(self, path: str) -> str:
        response, body = request(self.port, "GET", path, self._headers())
        self._keep_cookies(response)
        return body.decode()

    def post(self, path: str, fields: dict):
        body = urllib.parse.urlencode(fields, doseq=True)
        headers = {
            **self._headers(),
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{self.port}{path}",
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
        }
        response, content = request(self.port, "POST", path, headers, body)
        self._keep_cookies(response)
        return response, content


def officer(port: int, name: str, password: str, pks: list[int], results: Results, stop: float, saved: list) -> None:
    chooser = random.Random(name)
    session = Officer(port, name, password)
    while time.monotonic() < stop:
        pk = chooser.choice(pks)
        path = f"/admin/events/event/{pk}/change/"
        fields = form_data(session.get(path), "event_form")
        summary = f"Edited by {name} ({secrets.token_hex(4)})"
        fields["summary_en"] = [summary]
        started = time.perf_counter()
        response, body = session.post(path, fields)
        results.note("admin save", response.status, time.perf_counter() - started)
        if response.status == 302:
            with results.lock:
                saved.append((pk, summary))
        elif response.status == 200 and "while you were editing it" in body.decode():
            results.note("admin conflict", 200, 0.0)
        elif response.status < 500:
            results.fail(f"{name} saving {path}: {response.status}")


def load(arguments, slugs: dict, password: str) -> dict:
    results, saved = Results(), []
    stop = time.monotonic() + arguments.seconds
    threads = [
        threading.Thread(target=reader, args=(arguments.port, slugs, results, stop, index))
        for index in range(arguments.clients - 2)
    ]
    threads += [
        threading.Thread(target=officer, args=(arguments.port, name, password, slugs["edited"], results, stop, saved))
        for name in ("officer1", "officer2")
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return summarise(arguments, results, saved, elapsed)


def summarise(arguments, results: Results, saved: list, elapsed: float) -> dict:
    kinds = {}
    for kind, timings in sorted(results.timings.items()):
        ordered = sorted(timings)
        kinds[kind] = {
            "requests": len(ordered),
            "per_second": round(len(ordered) / elapsed, 1),
            "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
            "statuses": dict(sorted(results.statuses[kind].items())),
        }
    lost = check_saves(arguments, saved)
    total = sum(kind["requests"] for name, kind in kinds.items() if name != "admin conflict")
    return {
        "clients": arguments.clients,
        "seconds": round(elapsed, 1),
        "workers": arguments.workers,
        "requests": total,
        "per_second": round(total / elapsed, 1),
        "server_errors": sum(
            count for kind in kinds.values() for status, count in kind["statuses"].items() if status >= 500
        ),
        "saves": len(saved),
        "lost_saves": lost,
        "failures": results.failures,
        "kinds": kinds,
    }


def check_saves(arguments, saved: list) -> list[str]:
    """Every save the admin confirmed is in the event's history, and each event holds its latest version."""
    url = urllib.parse.urlparse(arguments.database)
    pks = sorted({pk for pk, _ in saved})
    with psycopg.connect(
        host=url.hostname, port=url.port or 5432, user=url.username, dbname=url.path.lstrip("/")
    ) as database:
        recorded = set(
            database.execute("SELECT id, summary_en FROM events_historicalevent WHERE id = ANY(%s)", [pks]).fetchall()
        )
        latest = dict(
            database.execute(
                "SELECT DISTINCT ON (id) id, summary_en FROM events_historicalevent"
                " WHERE id = ANY(%s) ORDER BY id, history_id DESC",
                [pks],
            ).fetchall()
        )
        stored = dict(database.execute("SELECT id, summary_en FROM events_event WHERE id = ANY(%s)", [pks]).fetchall())
    lost = [
        f"event {pk}: the confirmed save {summary!r} is not in its history"
        for pk, summary in saved
        if (pk, summary) not in recorded
    ]
    lost += [
        f"event {pk}: holds {stored[pk]!r}, its last version says {latest.get(pk)!r}"
        for pk in pks
        if stored[pk] != latest.get(pk)
    ]
    return lost


def report(arguments, result: dict) -> None:
    print(
        f"Load test: {result['clients']} clients for {result['seconds']} s, "
        f"gunicorn with {result['workers']} workers, PostgreSQL and Redis"
    )
    print(f"{'request':<16}{'count':>8}{'per s':>9}{'p50 ms':>9}{'p99 ms':>9}  statuses")
    for name, kind in result["kinds"].items():
        statuses = ", ".join(f"{status}: {count}" for status, count in kind["statuses"].items())
        print(
            f"{name:<16}{kind['requests']:>8}{kind['per_second']:>9}{kind['p50_ms']:>9}{kind['p99_ms']:>9}  {statuses}"
        )
    print(f"all: {result['requests']} requests, {result['per_second']} per second; 5xx: {result['server_errors']}")
    print(f"admin saves confirmed: {result['saves']}; lost: {len(result['lost_saves'])}")
    for line in result["lost_saves"] + result["failures"] + result["logged_errors"]:
        print(f"  {line}")
    print(f"Errors in the server log: {len(result['logged_errors'])}. JSON: {WORK / 'result.json'}")


if __name__ == "__main__":
    sys.exit(main())
