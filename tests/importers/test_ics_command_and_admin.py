"""The two ways in: the import_ics command (a file or an http address) and the admin's upload page, with its
permissions."""

import http.server
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.importers.ics import import_calendar
from events.models import Event

from ..factories import EventFactory
from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


def test_import_ics_command_reports_each_event_and_refuses_bad_options(tmp_path):
    path = tmp_path / "partner.ics"
    path.write_bytes(ics(event_lines(), event_lines(uid="p2", summary="Talks", CATEGORIES="Economy")))
    out = StringIO()

    call_command("import_ics", str(path), "--type", "forum", "--publish", stdout=out)

    assert out.getvalue() == (
        "created: Consultations (partner-1)\ncreated: Talks (p2)\n2 created, 0 updated, 0 unchanged, 0 skipped.\n"
    )
    assert Event.objects.filter(is_published=True).count() == 2
    with pytest.raises(
        CommandError, match=r"--type: no event type 'nope'; choose from culture-days, festival, forum, other, visit\."
    ):
        call_command("import_ics", str(path), "--type", "nope")
    with pytest.raises(CommandError, match="--timezone: 'Mars/Base' is not an IANA time zone"):
        call_command("import_ics", str(path), "--timezone", "Mars/Base")
    with pytest.raises(CommandError, match="--map-category: write CATEGORY=SLUG"):
        call_command("import_ics", str(path), "--map-category", "Economy")
    with pytest.raises(CommandError, match=r"No such file or directory.*Nothing was imported\."):
        call_command("import_ics", str(tmp_path / "missing.ics"))


def test_import_ics_command_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "partner.ics"
    path.write_bytes(ics(event_lines()))
    out = StringIO()

    call_command("import_ics", str(path), "--dry-run", stdout=out)

    assert out.getvalue().endswith("Dry run, nothing written: 1 created, 0 updated, 0 unchanged, 0 skipped.\n")
    assert Event.objects.count() == 0


def test_import_ics_command_reads_an_http_address():
    content = ics(event_lines())

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        call_command("import_ics", f"http://127.0.0.1:{server.server_port}/partner.ics", stdout=StringIO())
    finally:
        server.shutdown()
        server.server_close()
    assert Event.objects.get(uid="partner-1").title == "Consultations"


def test_import_ics_command_names_the_source_by_the_file_unless_told(tmp_path, monkeypatch):
    (tmp_path / "partner.ics").write_bytes(ics(event_lines()))
    monkeypatch.chdir(tmp_path)
    out = StringIO()

    call_command("import_ics", "partner.ics", stdout=out)
    call_command("import_ics", "partner.ics", "--source", "Partner ministry", stdout=out)

    assert Event.objects.get(uid="partner-1").imported_from == str(tmp_path / "partner.ics")
    assert out.getvalue().splitlines()[-2:] == [
        f"conflict: Consultations (partner-1): UID partner-1 belongs to an event imported from "
        f"{tmp_path / 'partner.ics'}: not changed",
        "0 created, 0 updated, 0 unchanged, 0 skipped, 1 conflict.",
    ]
    with pytest.raises(CommandError, match="--source: Name the source of the file"):
        call_command("import_ics", "partner.ics", "--source", " ")


def test_admin_import_previews_then_imports_an_uploaded_file(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/admin/events/event/import-ics/"
    assert admin_client.get(url).status_code == 200
    assert 'href="/admin/events/event/import-ics/"' in admin_client.get("/admin/events/event/").content.decode()

    def upload(**options):
        data = {"file": SimpleUploadedFile("p.ics", ics(event_lines())), "language": "en", "source": "Partner"}
        return admin_client.post(url, {**data, **options})

    preview = upload(dry_run="on")
    assert preview.status_code == 200
    assert "What the import would do" in preview.content.decode()
    assert "Preview, nothing written: 1 created, 0 updated, 0 unchanged, 0 skipped." in preview.content.decode()
    assert Event.objects.count() == 0
    done = upload()
    assert "<td>created</td><td>Consultations (partner-1)</td>" in done.content.decode()
    assert Event.objects.count() == 1
    refused = upload(file=SimpleUploadedFile("x.ics", b"hello"))
    assert "The file has no BEGIN:VCALENDAR. Nothing was imported." in refused.content.decode()


def test_admin_import_needs_permission_to_add_and_change_events(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw", is_staff=True)
    client.force_login(user)

    assert client.get("/admin/events/event/import-ics/").status_code == 403


def test_admin_import_needs_a_source_and_refuses_publish_without_the_permission(client, django_user_model):
    from django.contrib.auth.models import Permission
    from django.core.files.uploadedfile import SimpleUploadedFile

    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.user_permissions.set(Permission.objects.filter(codename__in=["add_event", "change_event", "view_event"]))
    client.force_login(editor)

    def upload(prefix="", **options):
        data = {"file": SimpleUploadedFile("p.ics", ics(event_lines())), "language": "en", **options}
        return client.post(f"{prefix}/admin/events/event/import-ics/", data).content.decode()

    assert "This field is required." in upload(dry_run="on")
    assert "Only a publisher may publish events: untick “Publish” to import them as drafts." in upload(
        source="Partner ministry", publish="on"
    )
    assert "Только публикатор может публиковать события" in upload("/ru", source="Partner ministry", publish="on")
    assert Event.objects.count() == 0
    assert "<td>created</td><td>Consultations (partner-1)</td>" in upload(source="Partner ministry")
    assert Event.objects.get(uid="partner-1").is_published is False


def test_admin_import_lists_the_published_updates_and_conflicts_of_an_editor(client, django_user_model):
    from django.contrib.auth.models import Permission
    from django.core.files.uploadedfile import SimpleUploadedFile

    import_calendar(ics(event_lines(uid="public")), source="Partner ministry", publish=True)
    EventFactory(uid="made-here")
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.user_permissions.set(Permission.objects.filter(codename__in=["add_event", "change_event", "view_event"]))
    client.force_login(editor)
    content = ics(event_lines(uid="public", sequence=1), event_lines(uid="made-here", sequence=1))

    page = client.post(
        "/admin/events/event/import-ics/",
        {"file": SimpleUploadedFile("p.ics", content), "language": "en", "source": "Partner ministry", "dry_run": "on"},
    ).content.decode()

    assert (
        "<td><strong>conflict</strong></td><td>Consultations (public)</td>"
        "<td>the event is published: updating it needs the publish permission</td>"
    ) in page
    assert "UID made-here belongs to an event made in this calendar: not changed" in page
    assert "0 created, 0 updated, 0 unchanged, 0 skipped, 2 conflicts." in page


def test_admin_import_shows_an_update_of_a_published_event_as_such(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    import_calendar(ics(event_lines()), source="Partner ministry", publish=True)

    page = admin_client.post(
        "/admin/events/event/import-ics/",
        {
            "file": SimpleUploadedFile("p.ics", ics(event_lines(sequence=1, summary="Moved"))),
            "language": "en",
            "source": "Partner ministry",
            "dry_run": "on",
        },
    ).content.decode()

    assert "<td><strong>updated (published: subscribers will see it)</strong></td><td>Moved (partner-1)</td>" in page
    assert Event.objects.get(uid="partner-1").title == "Consultations"
