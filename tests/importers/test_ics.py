"""iCalendar import: upsert by UID, the mapping of each property, hostile files refused whole, round trip."""

import dataclasses
import datetime as dt
import http.server
import threading
from decimal import Decimal
from io import StringIO

import icalendar
import pytest
from django.core.management import CommandError, call_command
from django.http import QueryDict

from events import freshness
from events.feeds import select_feed_events, selection_description, selection_name
from events.ical import FEED_PREFETCH, FEED_RELATED, build_calendar
from events.importers.ics import ImportFileError, import_calendar
from events.models import Event, EventType, Organisation, Person, Series, Source, Tag, Venue

from ..factories import EventFactory, TagFactory

pytestmark = pytest.mark.django_db


def ics(*events: str, extra: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//EN\r\n{extra}{body}END:VCALENDAR\r\n"
    return text.replace("\n        ", "\n").replace("\r\r", "\r").replace("\n\n", "\n").encode()


def event_lines(uid="partner-1", sequence=0, summary="Consultations", **properties) -> str:
    lines = {
        "UID": uid,
        "SEQUENCE": str(sequence),
        "SUMMARY": summary,
        "DTSTART;VALUE=DATE": "20271114",
        "DTEND;VALUE=DATE": "20271116",
        "CATEGORIES": "Visit",
        **properties,
    }
    return "\r\n".join(f"{name}:{value}" for name, value in lines.items() if value is not None)


def test_an_all_day_event_is_created_with_its_inclusive_last_day_as_a_draft():
    report = import_calendar(ics(event_lines()))

    event = Event.objects.get(uid="partner-1")
    assert report.created == ["Consultations (partner-1)"]
    assert (event.title, event.start_date, event.end_date) == (
        "Consultations",
        dt.date(2027, 11, 14),
        dt.date(2027, 11, 15),
    )
    assert (event.all_day, event.event_type.slug, event.is_published) == (True, "visit", False)


def test_importing_the_same_file_twice_changes_nothing():
    data = ics(event_lines(), event_lines(uid="partner-2", summary="Forum", CATEGORIES="Forum,Energy"))
    import_calendar(data, publish=True)
    before = list(Event.objects.order_by("uid").values_list("uid", "sequence", "updated_at"))
    version = freshness.current()

    report = import_calendar(data, publish=True)

    assert (report.created, report.updated, report.skipped) == ([], [], [])
    assert report.unchanged == ["Consultations (partner-1)", "Forum (partner-2)"]
    assert list(Event.objects.order_by("uid").values_list("uid", "sequence", "updated_at")) == before
    assert freshness.current() == version
    assert list(Tag.objects.values_list("name_en", flat=True)) == ["Energy"]


def test_an_import_that_creates_events_moves_the_data_version():
    before = freshness.current()

    import_calendar(ics(event_lines(), event_lines(uid="partner-2", summary="Forum")), publish=True)

    assert freshness.current().number > before.number
    assert Event.objects.count() == 2


def test_an_import_of_drafts_leaves_the_public_data_version_alone():
    before = freshness.current()

    import_calendar(ics(event_lines(LOCATION="Moscow, Russia", CATEGORIES="Visit,Energy")))

    after = freshness.current()
    # The public key stays; the count of every edit (staff's caches) moves.
    assert (after.key, after.edits > before.edits) == (before.key, True)
    assert (Event.objects.count(), Venue.objects.count(), Tag.objects.count()) == (1, 1, 1)


def test_a_newer_sequence_updates_the_event_and_an_older_one_is_skipped():
    import_calendar(ics(event_lines(sequence=1)))
    event = Event.objects.get(uid="partner-1")

    newer = import_calendar(
        ics(event_lines(sequence=2, summary="Consultations, moved", **{"DTSTART;VALUE=DATE": "20271115"}))
    )
    older = import_calendar(ics(event_lines(sequence=0, summary="Old title")))

    event.refresh_from_db()
    assert newer.updated == ["Consultations, moved (partner-1)"]
    assert older.skipped == [("Old title (partner-1)", "older than the stored version (SEQUENCE 0, stored 2)")]
    assert (event.title, event.start_date, event.end_date) == (
        "Consultations, moved",
        dt.date(2027, 11, 15),
        dt.date(2027, 11, 15),
    )
    assert event.sequence == 1  # our own SEQUENCE moved once, for the one material change
    assert event.origin_sequence == 2


def test_the_same_sequence_with_a_later_last_modified_updates_the_event():
    import_calendar(ics(event_lines(**{"LAST-MODIFIED": "20271001T080000Z"})))

    report = import_calendar(ics(event_lines(summary="Renamed", **{"LAST-MODIFIED": "20271002T080000Z"})))

    assert report.updated == ["Renamed (partner-1)"]
    assert Event.objects.get(uid="partner-1").origin_modified == dt.datetime(2027, 10, 2, 8, tzinfo=dt.UTC)


def test_status_cancelled_cancels_a_known_event():
    import_calendar(ics(event_lines(sequence=0)), publish=True)

    report = import_calendar(ics(event_lines(sequence=1, STATUS="CANCELLED")))

    event = Event.objects.get(uid="partner-1")
    assert report.updated == ["Consultations (partner-1)"]
    assert (event.status, event.is_published) == (Event.Status.CANCELLED, True)


def test_timed_events_keep_their_zone_and_utc_ones_stay_utc():
    moscow = event_lines(
        uid="timed-moscow", **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None},
        **{"DTSTART;TZID=Europe/Moscow": "20271114T100000", "DTEND;TZID=Europe/Moscow": "20271114T120000"},
    )  # fmt: skip
    utc = event_lines(
        uid="timed-utc", **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None},
        DTSTART="20271114T230000Z", DURATION="PT2H",
    )  # fmt: skip

    import_calendar(ics(moscow, utc))

    first, second = Event.objects.get(uid="timed-moscow"), Event.objects.get(uid="timed-utc")
    assert (first.all_day, str(first.timezone)) == (False, "Europe/Moscow")
    assert (first.start, first.end) == (
        dt.datetime(2027, 11, 14, 7, tzinfo=dt.UTC),
        dt.datetime(2027, 11, 14, 9, tzinfo=dt.UTC),
    )
    assert (first.start_date, first.end_date) == (dt.date(2027, 11, 14), dt.date(2027, 11, 14))
    assert (str(second.timezone), second.start_date, second.end_date) == (
        "UTC",
        dt.date(2027, 11, 14),
        dt.date(2027, 11, 15),
    )
    assert second.end == dt.datetime(2027, 11, 15, 1, tzinfo=dt.UTC)


def test_a_floating_time_is_read_in_the_given_zone_flagged_and_kept_as_a_draft():
    floating = event_lines(**{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None}, DTSTART="20271114T100000")

    report = import_calendar(ics(floating), publish=True, zone="Europe/Minsk")

    event = Event.objects.get(uid="partner-1")
    assert report.notes == [
        ("Consultations (partner-1)", "floating time, read as Europe/Minsk time; check it (kept as a draft)")
    ]
    assert (event.start, event.is_published) == (dt.datetime(2027, 11, 14, 7, tzinfo=dt.UTC), False)


def test_location_and_geo_make_a_venue_and_url_a_source():
    lines = event_lines(
        LOCATION="Osobnyak\\, Spiridonovka 17, Moscow, Russia",
        GEO="55.757;37.593",
        URL="https://partner.example.org/events/1",
        DESCRIPTION="Talks\\non the agenda",
        CREATED="20271001T080000Z",
    )

    import_calendar(ics(lines))

    event = Event.objects.select_related("venue", "source").get(uid="partner-1")
    venue = event.venue
    assert (venue.name, venue.city, venue.country.code) == ("Osobnyak, Spiridonovka 17", "Moscow", "RU")
    assert (venue.latitude, venue.longitude) == (Decimal("55.757000"), Decimal("37.593000"))
    assert (event.source.url, event.source.title) == ("https://partner.example.org/events/1", "Consultations")
    assert event.source.published_at == dt.datetime(2027, 10, 1, 8, tzinfo=dt.UTC)
    assert event.description == "Talks\non the agenda"


def test_a_russian_location_finds_the_country_by_its_russian_name():
    import_calendar(ics(event_lines(LOCATION="Минск, Белоруссия")), language="ru")

    event = Event.objects.select_related("venue").get(uid="partner-1")
    assert (event.venue.city_ru, event.venue.country.code, event.title_ru) == ("Минск", "BY", "Consultations")


def test_an_unknown_place_is_reported_and_left_empty():
    report = import_calendar(ics(event_lines(LOCATION="Somewhere nice")))

    assert report.notes == [("Consultations (partner-1)", "place “Somewhere nice” not recognised: no venue set")]
    assert Event.objects.get(uid="partner-1").venue is None


def test_categories_give_the_type_and_tags_with_a_mapping_and_a_default():
    lines = [
        event_lines(uid="a", CATEGORIES="Kulturtage,Culture"),
        event_lines(uid="b", CATEGORIES="Economy"),
    ]

    import_calendar(
        ics(*lines), category_map={"Kulturtage": "culture-days"}, default_type=EventType.objects.get(slug="forum")
    )

    first, second = Event.objects.get(uid="a"), Event.objects.get(uid="b")
    assert (first.event_type.slug, [tag.name for tag in first.tags.all()]) == ("culture-days", ["Culture"])
    assert (second.event_type.slug, [tag.name for tag in second.tags.all()]) == ("forum", ["Economy"])


def test_a_yearly_rule_becomes_a_series_of_events_inside_the_window_with_exceptions(now):
    master = event_lines(
        uid="forum-of-regions",
        summary="Forum of Regions",
        CATEGORIES="Forum",
        RRULE="FREQ=YEARLY;COUNT=5",
        **{"EXDATE;VALUE=DATE": "20180629"},
        **{"DTSTART;VALUE=DATE": "20170629", "DTEND;VALUE=DATE": "20170701"},
    )
    moved = event_lines(
        uid="forum-of-regions",
        summary="Forum of Regions (moved)",
        CATEGORIES="Forum",
        **{"RECURRENCE-ID;VALUE=DATE": "20190629", "DTSTART;VALUE=DATE": "20190701", "DTEND;VALUE=DATE": "20190703"},
    )

    report = import_calendar(ics(master, moved), now=now)

    events = Event.objects.filter(series__isnull=False).order_by("start_date")
    assert [(e.uid, e.title, e.start_date, e.end_date) for e in events] == [
        ("forum-of-regions/20170629", "Forum of Regions", dt.date(2017, 6, 29), dt.date(2017, 6, 30)),
        ("forum-of-regions/20190629", "Forum of Regions (moved)", dt.date(2019, 7, 1), dt.date(2019, 7, 2)),
    ]  # 2018 excluded; 2020 and 2021 lie beyond two years from November 2017 (the window); a moved occurrence
    # keeps the UID of its original day, so moving it again updates it
    assert len(report.created) == 2
    assert list(Series.objects.values_list("name_en", flat=True)) == ["Forum of Regions"]
    assert import_calendar(ics(master, moved), now=now).unchanged == [label for label in report.created]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
            "Line 4: END:VTODO does not close BEGIN:VEVENT.",
        ),
        (
            b"BEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\n",
            "Line 1: expected BEGIN:VCALENDAR around everything, found BEGIN:VEVENT.",
        ),
        (b"hello world", "The file has no BEGIN:VCALENDAR."),
        ("BEGIN:VCALENDAR\r\n" + "BEGIN:VEVENT\r\n" * 5, "Line 5: components nested too deeply."),
    ],
    ids=["end-mismatch", "no-calendar", "not-icalendar", "deep"],
)
def test_broken_files_are_refused_with_a_clear_error_and_write_nothing(content, message):
    content = content.encode() if isinstance(content, str) else content
    with pytest.raises(ImportFileError) as refused:
        import_calendar(content)
    assert message in str(refused.value)
    assert Event.objects.count() == 0


def test_caps_on_size_and_number_of_events_refuse_the_file(settings):
    settings.EVENTS_IMPORT_MAX_BYTES = 2000
    with pytest.raises(ImportFileError, match=r"The file is larger than 0\.0 MB"):
        import_calendar(ics(*(event_lines(uid=f"e{n}") for n in range(20))))
    settings.EVENTS_IMPORT_MAX_BYTES = 10**6
    settings.EVENTS_IMPORT_MAX_EVENTS = 3
    with pytest.raises(ImportFileError, match=r"The file has 4 events; at most 3 are imported at once\."):
        import_calendar(ics(*(event_lines(uid=f"e{n}") for n in range(4))))
    assert Event.objects.count() == 0


def test_a_dry_run_reports_and_writes_nothing():
    report = import_calendar(ics(event_lines(LOCATION="Moscow, Russia", CATEGORIES="Visit,Energy")), dry_run=True)

    assert (report.created, report.dry_run) == (["Consultations (partner-1)"], True)
    assert (Event.objects.count(), Venue.objects.count(), Tag.objects.count()) == (0, 0, 0)


def test_a_preview_reports_exactly_what_the_import_then_does():
    import_calendar(ics(event_lines(uid="kept"), event_lines(uid="moved", summary="Talks")))
    again = ics(
        event_lines(uid="kept"),
        event_lines(uid="moved", sequence=1, summary="Talks", **{"DTSTART;VALUE=DATE": "20271115"}),
        event_lines(uid="new", summary="Forum", CATEGORIES="Conference", LOCATION="Minsk, Belarus"),
        event_lines(uid="broken", summary="Seminar", **{"DTSTART;VALUE=DATE": "2027-99-99"}),
    )

    preview = import_calendar(again, dry_run=True)
    written = Event.objects.count()
    done = import_calendar(again)

    assert dataclasses.replace(preview, dry_run=False) == done
    assert (written, Event.objects.count(), len(done.created), len(done.updated), len(done.skipped)) == (2, 3, 1, 1, 1)


def test_parts_keep_their_parent_through_related_to():
    parent = event_lines(uid="visit")
    part = event_lines(uid="signing", summary="Signing", **{"RELATED-TO;RELTYPE=PARENT": "visit"})

    import_calendar(ics(part, parent))

    assert Event.objects.get(uid="signing").parent.uid == "visit"


def test_parts_of_parts_new_in_the_file_are_linked_whatever_their_order():
    visit = event_lines(uid="visit")
    talks = event_lines(uid="talks", summary="Talks", **{"RELATED-TO;RELTYPE=PARENT": "visit"})
    signing = event_lines(uid="signing", summary="Signing", **{"RELATED-TO": "talks"})

    import_calendar(ics(signing, talks, visit))

    parents = dict(Event.objects.values_list("uid", "parent__uid"))
    assert parents == {"visit": None, "talks": "visit", "signing": "talks"}


def test_parts_that_name_each_other_as_parent_refuse_the_file():
    first = event_lines(uid="first", **{"RELATED-TO": "second"})
    second = event_lines(uid="second", **{"RELATED-TO": "first"})

    with pytest.raises(ImportFileError, match="An event cannot be a part of itself or of one of its own parts"):
        import_calendar(ics(first, second))
    assert Event.objects.count() == 0


def export(params: str, now) -> bytes:
    filterset, events = select_feed_events(QueryDict(params), now=now)
    return build_calendar(
        events.select_related(*FEED_RELATED).prefetch_related(*FEED_PREFETCH).chronological(),
        name=selection_name(filterset),
        description=selection_description(filterset, None),
        base_url="https://calendar.example.org",
        now=now,
    ).to_ical()


ROUND_TRIP = ("DTSTART", "DTEND", "STATUS", "SUMMARY", "LOCATION", "CATEGORIES", "URL", "RELATED-TO", "TRANSP")


def comparable(content: bytes) -> dict:
    events = {}
    for vevent in icalendar.Calendar.from_ical(content).walk("VEVENT"):
        fields = {name: vevent[name].to_ical() for name in ROUND_TRIP if name in vevent}
        fields.update({name: str(value) for name, value in vevent.items() if name.startswith("X-DIPCAL-")})
        events[str(vevent["UID"])] = fields
    return events


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_seed_feed_exported_imported_into_an_empty_database_and_exported_again_is_the_same(seed, now, language):
    from django.utils import translation

    hostile = EventFactory(
        title_en="Talks, round 2; agenda\\items\nline two", uid="hostile@example.org", status="postponed"
    )
    EventFactory(  # written in UTC: 02:30 happens twice in Berlin that night
        uid="overlap@example.org",
        timezone="Europe/Berlin",
        start=dt.datetime(2017, 10, 29, 0, 30, tzinfo=dt.UTC),
        end=dt.datetime(2017, 10, 29, 1, 30, tzinfo=dt.UTC),
        agenda_en="Opening\nTalks",
        agenda_ru="Открытие\nПереговоры",
    )
    with translation.override(language):
        first = export("from=2014-01-01", now)
    for model in (Event, Venue, Tag, Series, Source, Person, Organisation):
        model.objects.all().delete()
    EventType.objects.exclude(slug__in=["visit", "forum", "festival", "culture-days"]).delete()

    with translation.override(language):
        report = import_calendar(first, publish=True, language=language, now=now)
        second = export("from=2014-01-01", now)

    assert len(report.created) == 16  # the seed's 14 dated events, the hostile one and the one in the overlap
    overlap = Event.objects.get(uid="overlap@example.org")
    assert (str(overlap.timezone), overlap.agenda_en if language == "en" else overlap.agenda_ru) == (
        "Europe/Berlin", "Opening\nTalks" if language == "en" else "Открытие\nПереговоры"
    )  # fmt: skip
    assert comparable(second) == comparable(first)
    imported = Event.objects.get(uid="hostile@example.org")
    assert getattr(imported, f"title_{language}") == getattr(hostile, f"title_{language}")
    assert imported.status == Event.Status.POSTPONED


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


def test_the_same_version_again_keeps_what_an_officer_edited_since():
    import_calendar(ics(event_lines(**{"LAST-MODIFIED": "20271001T080000Z"})))
    event = Event.objects.get(uid="partner-1")
    event.title_en, event.status = "Consultations (edited)", Event.Status.POSTPONED
    event.save()

    report = import_calendar(ics(event_lines(**{"LAST-MODIFIED": "20271001T080000Z"})))

    event.refresh_from_db()
    assert report.unchanged == ["Consultations (partner-1)"]
    assert (event.title, event.status) == ("Consultations (edited)", Event.Status.POSTPONED)


def test_an_occurrence_dropped_from_its_series_is_cancelled(now):
    weekly = {"RRULE": "FREQ=WEEKLY;COUNT=3", "DTSTART;VALUE=DATE": "20171120", "DTEND;VALUE=DATE": "20171121"}
    import_calendar(ics(event_lines(uid="weekly", **weekly)), now=now)

    report = import_calendar(
        ics(event_lines(uid="weekly", sequence=1, **weekly, **{"EXDATE;VALUE=DATE": "20171127"})), now=now
    )

    assert report.notes == [("Consultations (weekly/20171127)", "no longer in its series: cancelled")]
    statuses = dict(Event.objects.filter(series__isnull=False).values_list("uid", "status"))
    assert statuses == {"weekly/20171120": "confirmed", "weekly/20171127": "cancelled", "weekly/20171204": "confirmed"}


def test_a_url_that_is_not_a_web_address_is_not_kept():
    report = import_calendar(ics(event_lines(URL="javascript:alert(document.cookie)")), publish=True)

    assert report.notes == [("Consultations (partner-1)", "the URL is not a web address (http or https): not kept")]
    assert Event.objects.get(uid="partner-1").source is None


OUTLOOK_ZONE = """BEGIN:VTIMEZONE
TZID:Russian Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
END:STANDARD
END:VTIMEZONE
"""


def test_outlook_windows_zone_names_become_iana_zones():
    outlook = event_lines(
        **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None},
        **{'DTSTART;TZID="Russian Standard Time"': "20270312T010000"},
        **{'DTEND;TZID="Russian Standard Time"': "20270312T020000"},
    )  # fmt: skip

    report = import_calendar(ics(outlook, extra=OUTLOOK_ZONE.replace("\n", "\r\n")))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == []
    assert (str(event.timezone), event.start, event.start_date) == (
        "Europe/Moscow", dt.datetime(2027, 3, 11, 22, tzinfo=dt.UTC), dt.date(2027, 3, 12)
    )  # fmt: skip


def test_google_x_wr_timezone_gives_floating_times_their_zone():
    floating = event_lines(**{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None}, DTSTART="20271114T100000")

    report = import_calendar(ics(floating, extra="X-WR-TIMEZONE:Europe/Minsk\r\n"))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == []
    assert (str(event.timezone), event.start) == ("Europe/Minsk", dt.datetime(2027, 11, 14, 7, tzinfo=dt.UTC))


def test_folded_lines_and_until_of_the_other_kind_are_read(now):
    description = "DESCRIPTION:Agenda\r\n BEGIN:VCALENDAR and more text"
    lines = event_lines(RRULE="FREQ=YEARLY;UNTIL=20190101T000000Z", **{"DTSTART;VALUE=DATE": "20171120"})
    lines = lines.replace("DTEND;VALUE=DATE:20271116", "DTEND;VALUE=DATE:20171121")

    report = import_calendar(ics(lines + "\r\n" + description), now=now)

    assert len(report.created) == 2  # 2017 and 2018
    assert Event.objects.filter(series__isnull=False).first().description == "AgendaBEGIN:VCALENDAR and more text"


def test_orphan_overrides_empty_series_and_repeated_uids_are_reported_as_skipped(now):
    orphan = event_lines(uid="orphan", **{"RECURRENCE-ID;VALUE=DATE": "20171120"})
    empty = event_lines(uid="later", RRULE="FREQ=YEARLY;COUNT=2", **{"DTSTART;VALUE=DATE": "20400101"})
    twice = [event_lines(uid="twice"), event_lines(uid="twice", summary="Second")]

    report = import_calendar(ics(orphan, empty, *twice), now=now)

    assert report.created == ["Consultations (twice)"]
    assert report.skipped == [
        ("Consultations (orphan)", "a moved occurrence of a series that is not in the file"),
        ("Consultations (later)", "no occurrence between 2016-11-13 and 2019-11-13"),
        ("Second (twice)", "the UID appears twice in the file; the first event is imported"),
    ]


# Who may change what: the source of an import, and the publish permission.


def test_new_events_belong_to_the_source_named_at_import():
    import_calendar(ics(event_lines()), source="Partner ministry")

    assert Event.objects.get(uid="partner-1").imported_from == "Partner ministry"


def test_a_file_cannot_update_or_cancel_an_event_made_in_this_calendar():
    made_here = EventFactory(uid="press-office-1", title_en="Talks made here", is_published=True)
    update = event_lines(uid="press-office-1", sequence=99, summary="Rewritten")
    cancel = event_lines(uid="press-office-1", sequence=100, summary="Cancelled", STATUS="CANCELLED")

    updating = import_calendar(ics(update), source="Partner ministry")
    cancelling = import_calendar(ics(cancel), source="Partner ministry")

    made_here.refresh_from_db()
    assert (updating.updated, updating.conflicts) == (
        [],
        [("Rewritten (press-office-1)", "UID press-office-1 belongs to an event made in this calendar: not changed")],
    )
    assert cancelling.conflicts == [
        ("Cancelled (press-office-1)", "UID press-office-1 belongs to an event made in this calendar: not changed")
    ]
    assert (made_here.title, made_here.status, made_here.imported_from) == ("Talks made here", "confirmed", "")
    assert updating.counts() == "0 created, 0 updated, 0 unchanged, 0 skipped, 1 conflict"


def test_a_file_cannot_change_the_events_of_another_source_but_its_own_source_can():
    import_calendar(ics(event_lines()), source="Partner ministry")

    other = import_calendar(ics(event_lines(sequence=5, summary="Hijacked")), source="https://other.example.org/x.ics")
    own = import_calendar(ics(event_lines(sequence=1, summary="Moved")), source="Partner ministry")

    assert other.conflicts == [
        ("Hijacked (partner-1)", "UID partner-1 belongs to an event imported from Partner ministry: not changed")
    ]
    assert own.updated == ["Moved (partner-1)"]
    assert Event.objects.get(uid="partner-1").title == "Moved"


def test_another_source_does_not_cancel_the_occurrences_its_series_lacks(now):
    weekly = {"RRULE": "FREQ=WEEKLY;COUNT=3", "DTSTART;VALUE=DATE": "20171120", "DTEND;VALUE=DATE": "20171121"}
    import_calendar(ics(event_lines(uid="weekly", **weekly)), source="Partner ministry", now=now)
    shorter = {**weekly, "RRULE": "FREQ=WEEKLY;COUNT=1"}

    report = import_calendar(ics(event_lines(uid="weekly", sequence=1, **shorter)), source="Someone else", now=now)

    assert [why for _label, why in report.conflicts] == [
        "UID weekly/20171120 belongs to an event imported from Partner ministry: not changed"
    ]
    assert (report.updated, report.notes) == ([], [])
    statuses = set(Event.objects.filter(series__isnull=False).values_list("status", flat=True))
    assert statuses == {"confirmed"}


def test_related_to_does_not_hang_a_part_on_an_event_the_source_does_not_own():
    draft = EventFactory(uid="press-office-visit", is_published=False)
    part = event_lines(uid="signing", summary="Signing", **{"RELATED-TO;RELTYPE=PARENT": "press-office-visit"})

    report = import_calendar(ics(part), source="Partner ministry")

    assert report.created == ["Signing (signing)"]
    assert report.conflicts == [
        (
            "Signing (signing)",
            "RELATED-TO names press-office-visit, an event made in this calendar: not made a part of it",
        )
    ]
    assert Event.objects.get(uid="signing").parent is None
    assert list(draft.parts.all()) == []


def test_without_the_publish_permission_an_update_of_a_published_event_is_a_conflict(now):
    import_calendar(ics(event_lines(uid="public"), event_lines(uid="embargoed"), event_lines(uid="draft")))
    Event.objects.filter(uid="public").update(is_published=True)
    Event.objects.filter(uid="embargoed").update(is_published=True, publish_at=now + dt.timedelta(days=3650))
    newer = [event_lines(uid=uid, sequence=1, summary="Renamed") for uid in ("public", "embargoed", "draft")]

    report = import_calendar(ics(*newer), may_publish=False)

    needs = "the event is published: updating it needs the publish permission"
    assert report.conflicts == [("Renamed (public)", needs), ("Renamed (embargoed)", needs)]
    assert report.updated == ["Renamed (draft)"]
    titles = dict(Event.objects.values_list("uid", "title_en"))
    assert titles == {"public": "Consultations", "embargoed": "Consultations", "draft": "Renamed"}
    with pytest.raises(ImportFileError, match="Only a publisher may publish events"):
        import_calendar(ics(event_lines(uid="new")), publish=True, may_publish=False)


def test_updates_of_published_events_are_marked_in_the_preview_before_anything_is_written(tmp_path):
    import_calendar(ics(event_lines(uid="public"), event_lines(uid="draft")))
    Event.objects.filter(uid="public").update(is_published=True)
    path = tmp_path / "partner.ics"
    path.write_bytes(ics(*(event_lines(uid=uid, sequence=1, summary="Renamed") for uid in ("public", "draft"))))
    out = StringIO()

    report = import_calendar(path.read_bytes(), dry_run=True)
    call_command("import_ics", str(path), "--dry-run", "--source", "unnamed import", stdout=out)

    assert (report.updated, report.published) == (["Renamed (public)", "Renamed (draft)"], ["Renamed (public)"])
    assert report.counts() == (
        "0 created, 2 updated, 0 unchanged, 0 skipped; 1 update changes a published event (subscribers will see it)"
    )
    assert out.getvalue().splitlines()[:2] == [
        "updated (published: subscribers will see it): Renamed (public)",
        "updated: Renamed (draft)",
    ]
    assert Event.objects.filter(title_en="Renamed").count() == 0


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


# Values that overflow Python's dates: a clear refusal, never a server error.


# Bounded work: a file is read and written with a few queries per kind, not a few per event.


def partner_file(count: int) -> bytes:
    places = ["Moscow, Russia", "Minsk, Belarus", "Osobnyak\\, Spiridonovka 17, Moscow, Russia"]
    return ics(
        *(
            event_lines(
                uid=f"bulk-{n}",
                summary=f"Event {n}",
                CATEGORIES=["Visit,Energy", "Forum,Economy", "Festival"][n % 3],
                LOCATION=places[n % 3],
                URL=f"https://partner.example.org/events/{n}",
                **{"DTSTART;VALUE=DATE": f"2027{1 + n % 12:02d}{1 + n % 27:02d}", "DTEND;VALUE=DATE": None},
            )
            for n in range(count)
        )
    )


def test_a_preview_takes_as_many_queries_for_twenty_events_as_for_ten_and_a_few_more_for_a_hundred():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            report = import_calendar(partner_file(count), dry_run=True)
        assert len(report.created) == count
        return len(captured.captured_queries)

    ten, twenty, hundred = queries(10), queries(20), queries(100)

    assert ten == twenty
    # SQLite takes at most 999 values a statement: an insert of events (or their history) is split every ~25 rows.
    assert hundred - twenty <= 12
    assert Event.objects.count() == 0


def test_new_events_get_the_free_slugs_a_save_would_give_them():
    EventFactory(title_en="Consultations", slug="consultations-2027")
    EventFactory(title_en="Consultations", slug="consultations-2027-3")
    TagFactory(name_en="Energy policy", slug="energy")
    events = [event_lines(uid=f"c{n}", CATEGORIES="Visit,Energy") for n in range(3)]

    import_calendar(ics(*events))

    slugs = dict(Event.objects.filter(uid__in=["c0", "c1", "c2"]).values_list("uid", "slug"))
    assert slugs == {"c0": "consultations-2027-2", "c1": "consultations-2027-4", "c2": "consultations-2027-5"}
    assert [tag.name for tag in Event.objects.get(uid="c0").tags.all()] == ["Energy policy"]  # found by its slug


def test_an_import_and_an_update_write_the_history_and_the_revision_numbers_as_a_save_would():
    import_calendar(ics(event_lines(CATEGORIES="Visit,Energy")), publish=True)
    event = Event.objects.get(uid="partner-1")
    created = event.history.get()

    import_calendar(ics(event_lines(sequence=1, summary="Moved", CATEGORIES="Visit,Economy")), publish=True)

    event.refresh_from_db()
    updated = event.history.order_by("history_id").last()
    assert (created.history_type, created.title_en, [t.tag.name for t in created.tags.all()]) == (
        "+", "Consultations", ["Energy"]
    )  # fmt: skip
    assert (updated.history_type, updated.title_en, [t.tag.name for t in updated.tags.all()]) == (
        "~", "Moved", ["Economy"]
    )  # fmt: skip
    assert (event.sequence, event.lock_version, event.slug) == (1, 1, "consultations-2027")
    assert [tag.name for tag in event.tags.all()] == ["Economy"]
    assert event.status_changed_at is not None
