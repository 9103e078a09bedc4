"""Backup and restore as the README documents them keep every event, translation, participant and token."""

import os
import shutil
import subprocess

import psycopg
import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import connection
from rest_framework.authtoken.models import Token

from events.models import Event, FeedToken, Participation

# The README's commands: what a backup leaves out is rebuilt by `migrate` (content types, permissions)
# or is not worth keeping (sessions, login attempts).
DUMP_OPTIONS = {
    "natural_foreign": True,
    "natural_primary": True,
    "exclude": ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"],
}
APP_MODELS = ["events", "auth.user", "authtoken"]


def everything() -> str:
    """All the kept data, in one comparable text (natural keys, so ids given by migrations do not matter).

    Not the data version: loading moves it on, so caches filled before the restore are not used.
    """
    out = _Text()
    call_command(
        "dumpdata", *APP_MODELS, natural_foreign=True, natural_primary=True, exclude=["events.dataversion"], stdout=out
    )
    return out.text


class _Text:
    def __init__(self):
        self.text = ""

    def write(self, chunk):
        self.text += chunk

    def flush(self):
        pass


def seeded_calendar_with_tokens() -> tuple[str, str]:
    call_command("loaddata", "seed", verbosity=0)
    officer = User.objects.create_user("officer", "officer@example.org", "secret", is_staff=True)
    # A permission travels by its natural key (app, model, codename): permissions themselves are not dumped.
    officer.user_permissions.add(Permission.objects.get(codename="view_event"))
    _, feed_key = FeedToken.issue(officer)
    api_key = Token.objects.create(user=officer).key
    return feed_key, api_key


def assert_restored(feed_key: str, api_key: str, before: str) -> None:
    assert everything() == before
    assert (Event.objects.count(), Participation.objects.count()) == (15, 3)
    visit = Event.objects.get(slug="makei-working-visit-to-russia-2017")
    assert visit.title_ru == "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию"
    assert FeedToken.user_for_key(feed_key).username == "officer"
    assert Token.objects.get(key=api_key).user.username == "officer"


@pytest.mark.django_db(transaction=True)
def test_dumpdata_then_loaddata_into_an_emptied_database_keeps_everything(tmp_path):
    feed_key, api_key = seeded_calendar_with_tokens()
    before = everything()
    backup = tmp_path / "calendar.json.gz"

    call_command("dumpdata", output=str(backup), verbosity=0, **DUMP_OPTIONS)
    call_command("flush", interactive=False, verbosity=0)
    assert Event.objects.count() == 0
    call_command("migrate", verbosity=0)
    call_command("loaddata", str(backup), verbosity=0)

    assert_restored(feed_key, api_key, before)


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql" or not shutil.which("pg_dump"),
    reason="pg_dump and pg_restore back up PostgreSQL",
)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_pg_dump_then_pg_restore_into_a_new_database_keeps_every_row(tmp_path):
    seeded_calendar_with_tokens()
    settings = connection.settings_dict
    server = ["-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432), "-U", settings["USER"]]
    restored = f"{settings['NAME']}_restored"
    backup = tmp_path / "calendar.dump"
    environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    with connection.cursor() as cursor:
        tables = sorted(
            table for table in connection.introspection.table_names(cursor) if not table.startswith("django_session")
        )

    subprocess.run(
        ["pg_dump", *server, "--format=custom", f"--file={backup}", settings["NAME"]], check=True, env=environment
    )
    subprocess.run(["dropdb", *server, "--if-exists", restored], check=True, env=environment)
    subprocess.run(["createdb", *server, restored], check=True, env=environment)
    try:
        subprocess.run(
            ["pg_restore", *server, "--exit-on-error", f"--dbname={restored}", str(backup)], check=True, env=environment
        )
        copies = {}
        for name in (settings["NAME"], restored):
            with psycopg.connect(host=server[1], port=server[3], user=settings["USER"], dbname=name) as database:
                copies[name] = {
                    table: database.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall() for table in tables
                }
    finally:
        subprocess.run(["dropdb", *server, "--if-exists", restored], check=True, env=environment)

    assert copies[restored] == copies[settings["NAME"]]
    assert len(copies[restored]["events_event"]) == 15
    assert len(copies[restored]["events_participation"]) == 3
    assert len(copies[restored]["events_feedtoken"]) == 1
