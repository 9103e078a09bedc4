"""Series: a rule becomes a series of events inside the window (exceptions left out, moved occurrences kept under
their original day), an occurrence dropped from the file is cancelled, the cap counts each series, the report says
in words what was cut, two RRULEs give their union, an open-ended daily series that began long ago imports its
occurrences nearest today."""

import datetime as dt

import pytest

from events.importers.ics import import_calendar
from events.models import Event, Series

from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


def daily(uid: str, start: str, summary: str = "Stand-up") -> str:
    return event_lines(
        uid=uid,
        summary=summary,
        RRULE="FREQ=DAILY",
        **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None, "DTSTART": start, "DTEND": start[:9] + "093000Z"},
    )


def test_the_cap_counts_each_series_and_the_report_says_what_was_imported(now):
    report = import_calendar(ics(daily("a", "20160101T090000Z"), daily("b", "20160101T090000Z", "Review")), now=now)

    assert Event.objects.filter(uid__startswith="a/").count() == 1000
    assert Event.objects.filter(uid__startswith="b/").count() == 1000
    first = Event.objects.filter(uid__startswith="a/").order_by("start").first().start
    assert first == dt.datetime(2016, 11, 13, 9, tzinfo=dt.UTC)  # the window's first: all 365 before now are nearer
    assert [what for _label, what in report.notes if "series" in what] == [
        "daily series “Stand-up”: 1,095 occurrences in the window, the 1,000 nearest today imported, "
        "13 Nov 2016 to 9 Aug 2019",
        "daily series “Review”: 1,095 occurrences in the window, the 1,000 nearest today imported, "
        "13 Nov 2016 to 9 Aug 2019",
    ]


def test_an_open_ended_daily_series_that_began_decades_ago_imports(now, settings):
    settings.EVENTS_IMPORT_MAX_OCCURRENCES = 10

    report = import_calendar(ics(daily("old", "19700101T090000Z")), now=now)

    starts = sorted(Event.objects.values_list("start", flat=True))
    assert report.skipped == []
    assert (starts[0], starts[-1]) == (
        dt.datetime(2017, 11, 8, 9, tzinfo=dt.UTC),
        dt.datetime(2017, 11, 17, 9, tzinfo=dt.UTC),
    )


def test_a_rule_with_a_billion_occurrences_is_skipped_without_expanding_it(now, settings):
    settings.EVENTS_IMPORT_MAX_OCCURRENCES = 100
    hostile = event_lines(
        uid="hostile", RRULE="FREQ=DAILY;COUNT=1000000000;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12",
        **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None}, DTSTART="20171114T100000Z",
    )  # fmt: skip

    report = import_calendar(ics(hostile, event_lines(uid="good")), now=now)

    assert report.skipped == [("Consultations (hostile)", "its series has more than 5000 occurrences in the window")]
    assert list(Event.objects.values_list("uid", flat=True)) == ["good"]


def test_two_rrules_give_the_union_of_their_occurrences(now):
    both = event_lines(
        RRULE="FREQ=YEARLY;COUNT=2\r\nRRULE:FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1;COUNT=2",
        **{"DTSTART;VALUE=DATE": "20171120", "DTEND;VALUE=DATE": "20171121"},
    )

    import_calendar(ics(both), now=now)

    assert sorted(Event.objects.values_list("start_date", flat=True)) == [
        dt.date(2017, 11, 20),
        dt.date(2018, 6, 1),
        dt.date(2018, 11, 20),
        dt.date(2019, 6, 1),
    ]


def test_series_are_read_and_made_with_a_few_queries_whatever_their_number(now):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count: int) -> int:
        weekly = [
            event_lines(uid=f"s{n}", summary=f"Meeting {n}", RRULE="FREQ=WEEKLY;COUNT=3", CATEGORIES="Talks")
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as captured:
            report = import_calendar(ics(*(lines.replace("2027", "2017") for lines in weekly)), now=now, dry_run=True)
        assert len(report.created) == 3 * count
        return len(captured.captured_queries)

    ten, forty = queries(10), queries(40)

    # SQLite takes at most 999 values a statement: the 90 more events (and their history) take a few more inserts;
    # a query or two per series would take 30 or 60 more.
    assert forty - ten <= 10
    assert Event.objects.count() == 0


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


def test_an_occurrence_dropped_from_its_series_is_cancelled(now):
    weekly = {"RRULE": "FREQ=WEEKLY;COUNT=3", "DTSTART;VALUE=DATE": "20171120", "DTEND;VALUE=DATE": "20171121"}
    import_calendar(ics(event_lines(uid="weekly", **weekly)), now=now)

    report = import_calendar(
        ics(event_lines(uid="weekly", sequence=1, **weekly, **{"EXDATE;VALUE=DATE": "20171127"})), now=now
    )

    assert report.notes == [("Consultations (weekly/20171127)", "no longer in its series: cancelled")]
    statuses = dict(Event.objects.filter(series__isnull=False).values_list("uid", "status"))
    assert statuses == {"weekly/20171120": "confirmed", "weekly/20171127": "cancelled", "weekly/20171204": "confirmed"}


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
