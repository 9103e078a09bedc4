"""The spreadsheet of any selection (/events.csv) and the admin's export: what Excel and Python's csv module read."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import Event
from events.spreadsheet import iso_dates, neutralise

from .factories import AllDayEventFactory, EventFactory, EventTypeFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 3, 10, 9, 0, tzinfo=dt.UTC)
HEADERS_EN = [
    "Title", "Type", "Status", "Dates", "Start (ISO 8601)", "End (ISO 8601)", "Time zone", "Place", "City",
    "Country", "People", "Topics", "Event summary", "Event page", "Calendar file (.ics)", "UID", "Last changed (UTC)",
]  # fmt: skip


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def table(response) -> list[list[str]]:
    """The file as Python's csv module reads it (the byte order mark dropped by the utf-8-sig codec)."""
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"), newline="")))


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def visits(clock):
    """A timed visit with a guest, an all-day forum, a month-only visit and a draft visit, all coming."""
    visit = EventTypeFactory(slug="visit")
    talks = EventFactory(
        event_type=visit,
        title_en="Talks in Moscow",
        title_ru="Переговоры в Москве",
        slug="talks-in-moscow-2030",
        start=dt.datetime(2030, 4, 14, 7, 0, tzinfo=dt.UTC),
        end=dt.datetime(2030, 4, 14, 9, 30, tzinfo=dt.UTC),
        summary_en="Talks on consular issues.",
    )
    ParticipationFactory(event=talks, person=PersonFactory(name_en="Vladimir Makei", name_ru="Владимир Макей"))
    AllDayEventFactory(
        title_en="Regional forum",
        slug="regional-forum-2030",
        start_date=dt.date(2030, 5, 2),
        end_date=dt.date(2030, 5, 3),
    )
    AllDayEventFactory(
        event_type=visit, title_en="Visit in June", slug="visit-in-june-2030", date_precision=Event.Precision.MONTH,
        start_date=dt.date(2030, 6, 1), end_date=dt.date(2030, 6, 30),
    )  # fmt: skip
    AllDayEventFactory(event_type=visit, title_en="Draft visit", slug="draft-visit-2030", is_published=False)
    return talks


def test_the_csv_of_a_filtered_selection_has_exactly_its_events_with_a_bom(client, visits):
    response = client.get("/events.csv?type=visit")

    raw = body(client.get("/events.csv?type=visit"))
    assert (response.status_code, response["Content-Type"], response["Content-Disposition"]) == (
        200,
        "text/csv; charset=utf-8; header=present",
        'attachment; filename="events.csv"',
    )
    assert raw.startswith(b"\xef\xbb\xbfTitle,Type,")
    assert table(response) == [
        HEADERS_EN,
        [
            "Talks in Moscow", "Visit", "confirmed", "14 April 2030, 10:00–12:30 Moscow time (07:00–09:30 UTC)",
            "2030-04-14T10:00:00+03:00", "2030-04-14T12:30:00+03:00", "Europe/Moscow", "Moscow, Russia", "Moscow",
            "Russia", "Vladimir Makei", "", "Talks on consular issues.", "http://testserver/events/talks-in-moscow-2030/",
            "http://testserver/events/talks-in-moscow-2030.ics", visits.uid, "2030-03-10T09:00:00Z",
        ],
        [
            "Visit in June", "Visit", "confirmed", "June 2030", "2030-06", "2030-06", "", "Moscow, Russia", "Moscow",
            "Russia", "", "", "", "http://testserver/events/visit-in-june-2030/",
            "http://testserver/events/visit-in-june-2030.ics", Event.objects.get(slug="visit-in-june-2030").uid,
            "2030-03-10T09:00:00Z",
        ],
    ]  # fmt: skip


def test_the_russian_csv_is_written_in_russian_even_when_streamed_after_the_request(client, visits):
    response = client.get("/ru/events.csv?type=visit&to=2030-04-30")
    translation.activate("en")

    rows = table(response)

    assert (rows[1][:4], rows[1][10], rows[1][13]) == (
        [
            "Переговоры в Москве",
            "Визит",
            "подтверждено",
            "14 апреля 2030 г., 10:00–12:30 по московскому времени (07:00–09:30 UTC)",
        ],
        "Владимир Макей",
        "http://testserver/ru/events/talks-in-moscow-2030/",
    )


@pytest.mark.parametrize(
    ("title", "cell"),
    [
        ('=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'),
        ("+7 495 244-16-06", "'+7 495 244-16-06"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("Visit to Minsk = talks", "Visit to Minsk = talks"),
    ],
)
def test_a_title_that_would_start_a_formula_comes_out_as_text(client, clock, title, cell):
    AllDayEventFactory(title_en=title, start_date=dt.date(2030, 4, 1), end_date=dt.date(2030, 4, 1))

    rows = table(client.get("/events.csv"))

    assert rows[1][0] == cell


def test_neutralise_prefixes_a_tab_or_a_carriage_return_and_leaves_other_text_alone():
    texts = ("\tX", "\rX", "X=1", "", "2030-04-14")

    assert [neutralise(text) for text in texts] == ["'\tX", "'\rX", "X=1", "", "2030-04-14"]


def test_iso_dates_give_the_year_of_an_event_known_only_to_its_year_and_nothing_for_an_undated_one(db):
    year = AllDayEventFactory.build(date_precision=Event.Precision.YEAR, start_date=dt.date(2016, 1, 1),
                                    end_date=dt.date(2016, 12, 31))  # fmt: skip
    undated = AllDayEventFactory.build(date_precision=Event.Precision.NONE, start_date=None, end_date=None)

    assert (iso_dates(year), iso_dates(undated)) == (("2016", "2016"), ("", ""))


def test_the_csv_lists_undated_events_without_dates_or_a_calendar_file_unless_days_are_asked(client, clock):
    AllDayEventFactory(title_en="Slavic Bazaar", slug="slavic-bazaar", date_precision=Event.Precision.NONE,
                       start_date=None, end_date=None)  # fmt: skip

    everything = table(client.get("/events.csv"))
    days = table(client.get("/events.csv?from=2030-01-01"))

    assert ([row[:6] + row[13:15] for row in everything[1:]], days[1:]) == (
        [
            [
                "Slavic Bazaar",
                "Forum",
                "confirmed",
                "Dates to be announced",
                "",
                "",
                "http://testserver/events/slavic-bazaar/",
                "",
            ]
        ],
        [],
    )


def test_the_number_of_queries_does_not_grow_with_the_events(client, clock):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            body(client.get("/events.csv?from=2030-01-01"))
        return len(captured)

    for day in range(2):
        ParticipationFactory(event=AllDayEventFactory(start_date=dt.date(2030, 4, 1 + day), end_date=None))
    few = queries()
    for day in range(40):
        ParticipationFactory(event=AllDayEventFactory(start_date=dt.date(2030, 5, 1 + day % 28), end_date=None))
    many = queries()

    assert (few, many, len(table(client.get("/events.csv?from=2030-01-01")))) == (few, few, 43)


def test_an_unchanged_csv_answers_304_and_bad_filters_400(client, visits):
    etag = client.get("/events.csv?type=visit")["ETag"]

    again = client.get("/events.csv?type=visit", HTTP_IF_NONE_MATCH=etag)
    bad = client.get("/events.csv?from=2030-02-30")

    assert (again.status_code, bad.status_code, bad.content.decode()) == (
        304,
        400,
        "from: Enter a valid date.\n",
    )


def test_the_admin_export_marks_drafts_and_embargoed_events(client, visits, django_user_model):
    embargoed = AllDayEventFactory(title_en="Embargoed forum", publish_at=NOW + dt.timedelta(days=2))
    draft = Event.objects.get(slug="draft-visit-2030")
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True, is_superuser=True)
    client.force_login(viewer, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post(
        "/admin/events/event/", {"action": "export_csv", "_selected_action": [draft.pk, embargoed.pk, visits.pk]}
    )
    rows = table(response)

    assert (response["Cache-Control"], rows[0][-1], [(row[0], row[-1]) for row in rows[1:]]) == (
        "private, no-store, max-age=0, no-cache, must-revalidate",
        "Publication",
        [
            ("Draft visit", "draft"),
            ("Embargoed forum", "embargoed until 12 March 2030, 12:00 Moscow time"),
            ("Talks in Moscow", "public"),
        ],
    )
