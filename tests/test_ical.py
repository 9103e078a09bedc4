import datetime as dt
import random

import icalendar
import pytest
from django.utils import translation
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline

from events.facts import of_events
from events.ical import (
    FEED_PREFETCH,
    FEED_RELATED,
    build_calendar,
    escape_text,
    fold,
    param_value,
    write_calendar,
    write_vevent,
)
from events.models import Event
from events.vtimezone import vtimezone_bytes

from .factories import (
    AllDayEventFactory,
    EventFactory,
    ParticipationFactory,
    PersonFactory,
    SourceFactory,
    TagFactory,
    VenueFactory,
)
from .ical_oracle import oracle_calendar
from .icaljs import parse_with_icaljs

pytestmark = pytest.mark.django_db

BASE = "https://calendar.example.org"


def build(events, *, private=False, now=None, compare=True, **kwargs) -> bytes:
    """The written calendar of events; unless told not to, checks it against the bytes icalendar builds of the same
    facts (tests/ical_oracle.py)."""
    kwargs.setdefault("name", "Test")
    kwargs.setdefault("description", "Test calendar")
    facts = list(of_events(events, now=now or dt.datetime.now(dt.UTC)))

    written = b"".join(write_calendar(facts, base_url=BASE, private=private, **kwargs))

    if compare:
        assert written == oracle_calendar(facts, base_url=BASE, private=private, **kwargs)
    return written


def fetched(*events):
    pks = [event.pk for event in events]
    return list(
        Event.objects.filter(pk__in=pks).select_related(*FEED_RELATED).prefetch_related(*FEED_PREFETCH).order_by("pk")
    )


def only_vevent(content: bytes) -> icalendar.Event:
    (vevent,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return vevent


def test_calendar_properties_name_refresh_and_prodid():
    content = build([], name="Visits · Belarus", description="All visits")

    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Diplomatic event calendar//EN"
    assert (str(calendar["NAME"]), str(calendar["X-WR-CALNAME"])) == ("Visits · Belarus", "Visits · Belarus")
    assert str(calendar["X-WR-CALDESC"]) == "All visits"
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in content
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in content


def test_all_day_event_has_exclusive_end_date_and_two_visible_days():
    event = AllDayEventFactory(start_date=dt.date(2017, 11, 14), end_date=dt.date(2017, 11, 15))

    content = build(fetched(event))

    assert b"\r\nDTSTART;VALUE=DATE:20171114\r\nDTEND;VALUE=DATE:20171116\r\n" in content
    (parsed,) = parse_with_icaljs(content)["events"]
    assert (parsed["allDay"], parsed["start"], parsed["end"]) == (True, "2017-11-14", "2017-11-16")


@pytest.mark.parametrize(
    ("zone", "utc_start"),
    [
        ("Europe/Moscow", dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC)),
        ("Europe/Moscow", dt.datetime(2013, 7, 1, 6, 0, tzinfo=dt.UTC)),  # MSK was UTC+4 then
        ("Europe/Berlin", dt.datetime(2017, 7, 3, 8, 0, tzinfo=dt.UTC)),  # summer time
        ("Europe/Berlin", dt.datetime(2017, 12, 4, 9, 0, tzinfo=dt.UTC)),  # winter time
        ("America/New_York", dt.datetime(2018, 3, 12, 14, 0, tzinfo=dt.UTC)),  # day after the change
        ("Asia/Vladivostok", dt.datetime(2017, 11, 14, 23, 30, tzinfo=dt.UTC)),  # next day locally
        ("America/Havana", dt.datetime(2018, 11, 5, 15, 0, tzinfo=dt.UTC)),
    ],
)
def test_timed_event_reads_back_to_the_same_utc_instant_in_icaljs_and_icalendar(zone, utc_start):
    event = EventFactory(timezone=zone, start=utc_start, end=utc_start + dt.timedelta(hours=2))

    content = build(fetched(event))

    parsed = parse_with_icaljs(content)
    (vevent,) = parsed["events"]
    assert parsed["timezones"] == [zone]
    assert (vevent["tzid"], vevent["start"], vevent["end"]) == (
        zone,
        utc_start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        (utc_start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    )
    python_vevent = only_vevent(content)
    assert python_vevent["DTSTART"].params["TZID"] == zone
    assert python_vevent.decoded("DTSTART").astimezone(dt.UTC) == utc_start


def test_timed_events_over_several_years_read_back_in_icaljs():
    starts = [dt.datetime(year, month, 10, 9, 0, tzinfo=dt.UTC) for year in (2015, 2016, 2017) for month in (1, 7)]
    events = [
        EventFactory(timezone="Europe/Berlin", start=start, end=start + dt.timedelta(hours=1)) for start in starts
    ]

    parsed = parse_with_icaljs(build(fetched(*events)))

    assert [vevent["start"] for vevent in parsed["events"]] == [
        start.strftime("%Y-%m-%dT%H:%M:%S.000Z") for start in starts
    ]


def test_one_vtimezone_per_zone_used():
    events = [
        EventFactory(timezone="Europe/Moscow"),
        EventFactory(timezone="Europe/Moscow"),
        EventFactory(timezone="Asia/Vladivostok"),
        AllDayEventFactory(),
    ]

    calendar = icalendar.Calendar.from_ical(build(fetched(*events)))

    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Vladivostok", "Europe/Moscow"]


def test_event_properties_map_from_the_model():
    venue = VenueFactory(latitude="55.755833", longitude="37.617222")
    parent = AllDayEventFactory(title_en="Working visit", venue=venue)
    event = AllDayEventFactory(
        title_en="Signing",
        venue=venue,
        parent=parent,
        summary_en="Two documents.",
        agenda_en="Programme 2018–2019\nPlan of consultations",
        slug="signing",
    )
    event.tags.add(TagFactory(name_en="Union State"))
    ParticipationFactory(event=event, person=PersonFactory(name_en="Vladimir Makei"), position_en="Foreign Minister")

    vevent = only_vevent(build(fetched(event)))

    assert str(vevent["UID"]) == event.uid
    assert (vevent["SEQUENCE"], str(vevent["STATUS"]), str(vevent["TRANSP"])) == (0, "CONFIRMED", "TRANSPARENT")
    assert str(vevent["LOCATION"]) == "Moscow, Russia"
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (55.755833, 37.617222)
    assert str(vevent["URL"]) == f"{BASE}/events/signing/"
    assert vevent["CATEGORIES"].cats == ["Forum", "Union State"]
    assert str(vevent["RELATED-TO"]) == parent.uid
    assert vevent["RELATED-TO"].params["RELTYPE"] == "PARENT"
    assert vevent.decoded("DTSTAMP") == event.updated_at.replace(microsecond=0)
    assert vevent.decoded("LAST-MODIFIED") == event.updated_at.replace(microsecond=0)
    assert vevent.decoded("CREATED") == event.created_at.replace(microsecond=0)
    assert str(vevent["DESCRIPTION"]) == (
        "Two documents.\n\n"
        "When: 14–15 November 2017\n\n"
        "Participants:\n- Vladimir Makei, Foreign Minister (guest)\n\n"
        "Agenda:\n- Programme 2018–2019\n- Plan of consultations\n\n"
        "Part of: Working visit\n\n"
        f"{BASE}/events/signing/"
    )


@pytest.mark.parametrize(
    ("status", "ical_status", "prefix"),
    [
        ("confirmed", "CONFIRMED", ""),
        ("tentative", "TENTATIVE", ""),
        ("postponed", "TENTATIVE", "Postponed: "),
        ("cancelled", "CANCELLED", "Cancelled: "),
    ],
)
def test_status_maps_to_ical_status_and_summary_prefix(status, ical_status, prefix):
    event = EventFactory(title_en="Talks", status=status)

    vevent = only_vevent(build(fetched(event)))

    assert (str(vevent["STATUS"]), str(vevent["SUMMARY"])) == (ical_status, f"{prefix}Talks")


def test_status_prefix_in_russian():
    event = EventFactory(title_ru="Переговоры", status="cancelled")

    with translation.override("ru"):
        vevent = only_vevent(build(fetched(event)))

    assert str(vevent["SUMMARY"]) == "Отменено: Переговоры"


def test_month_precision_spans_the_month_and_says_days_are_not_announced():
    event = AllDayEventFactory(
        title_en="Minsk Days", date_precision="month", start_date=dt.date(2017, 10, 1), end_date=None
    )

    content = build(fetched(event))

    vevent = only_vevent(content)
    assert str(vevent["SUMMARY"]) == "Minsk Days (October 2017, days not announced)"
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (dt.date(2017, 10, 1), dt.date(2017, 11, 1))


def test_year_precision_spans_the_year():
    event = AllDayEventFactory(title_en="Forum", date_precision="year", start_date=dt.date(2014, 1, 1), end_date=None)

    vevent = only_vevent(build(fetched(event)))

    assert str(vevent["SUMMARY"]) == "Forum (2014, dates not announced)"
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (dt.date(2014, 1, 1), dt.date(2015, 1, 1))


def test_undated_events_are_left_out():
    undated = AllDayEventFactory(date_precision="none", start_date=None, end_date=None)
    dated = AllDayEventFactory()

    calendar = icalendar.Calendar.from_ical(build(fetched(undated, dated)))

    assert [str(vevent["UID"]) for vevent in calendar.walk("VEVENT")] == [dated.uid]


def test_a_calendar_with_no_event_holds_the_vtimezone_of_its_own_zone():
    undated = AllDayEventFactory(date_precision="none", start_date=None, end_date=None)

    content = build(fetched(undated), today=dt.date(2026, 12, 3))

    calendar = icalendar.Calendar.from_ical(content)
    assert [component.name for component in calendar.subcomponents] == ["VTIMEZONE"]
    assert content.count(b"BEGIN:VTIMEZONE\r\nTZID:Europe/Moscow\r\n") == 1
    assert vtimezone_bytes("Europe/Moscow", 2026, 2026) in content
    parsed = parse_with_icaljs(content)
    assert (parsed["timezones"], parsed["events"]) == (["Europe/Moscow"], [])


def test_a_calendar_of_all_day_events_has_no_vtimezone():
    content = build(fetched(AllDayEventFactory()), today=dt.date(2026, 12, 3))

    assert icalendar.Calendar.from_ical(content).walk("VTIMEZONE") == []


HOSTILE = "Talks, round 2; agenda\\items\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:injected"


def test_hostile_title_is_escaped_and_reads_back_as_its_one_line():
    event = EventFactory(title_en=HOSTILE)

    content = build(fetched(event))

    # A title is one line: its line breaks were stored as spaces; commas, semicolons and backslashes are escaped.
    assert str(only_vevent(content)["SUMMARY"]) == "Talks, round 2; agenda\\items END:VEVENT BEGIN:VEVENT UID:injected"
    parsed = parse_with_icaljs(content)
    assert [vevent["uid"] for vevent in parsed["events"]] == [event.uid]
    assert parsed["events"][0]["summary"] == str(only_vevent(content)["SUMMARY"])
    assert b"\r\nUID:injected" not in content


def test_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_characters():
    event = EventFactory(title_ru="Ж" * 200, description_ru="Ё" * 500 + "漢" * 100)

    with translation.override("ru"):
        content = build(fetched(event))

    assert content.endswith(b"\r\n")
    assert b"\n" not in content.replace(b"\r\n", b"")
    for line in content.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")
    assert str(only_vevent(content)["SUMMARY"]) == "Ж" * 200


def test_building_twice_gives_identical_bytes():
    events = [EventFactory(), AllDayEventFactory()]

    assert build(fetched(*events)) == build(fetched(*events))


def test_facts_and_the_calendar_of_fetched_events_run_no_query(django_assert_num_queries, now):
    event = AllDayEventFactory(parent=AllDayEventFactory(), venue=VenueFactory(), source=SourceFactory())
    event.tags.add(TagFactory())
    ParticipationFactory(event=event)
    events = fetched(event)

    with django_assert_num_queries(0):
        write_calendar(of_events(events, now=now), name="Test", description="Test calendar", base_url=BASE)


def test_private_calendar_marks_drafts_and_embargoed_events(now):
    draft = EventFactory(title_en="Secret talks", is_published=False)
    embargoed = EventFactory(title_en="Visit", publish_at=dt.datetime(2017, 11, 14, 6, 0, tzinfo=dt.UTC))
    public = EventFactory(title_en="Forum")

    calendar = icalendar.Calendar.from_ical(build(fetched(draft, embargoed, public), private=True, now=now))

    assert [(str(v["SUMMARY"]), str(v["CLASS"])) for v in calendar.walk("VEVENT")] == [
        ("[Draft] Secret talks", "CONFIDENTIAL"),
        ("[Embargoed until 2017-11-14 06:00 UTC] Visit", "CONFIDENTIAL"),
        ("Forum", "PUBLIC"),
    ]


def test_write_vevent_without_end_has_no_dtend(now):
    event = EventFactory(end=None)
    (facts,) = of_events(fetched(event), now=now)

    vevent = icalendar.Event.from_ical(write_vevent(facts, base_url=BASE))

    assert "DTEND" not in vevent


def test_a_time_the_clocks_show_twice_is_written_in_utc_and_both_parsers_agree():
    first = dt.datetime(2017, 10, 29, 0, 30, tzinfo=dt.UTC)  # 02:30 CEST, before the clocks go back
    second = dt.datetime(2017, 10, 29, 1, 30, tzinfo=dt.UTC)  # 02:30 CET, after
    events = [
        EventFactory(timezone="Europe/Berlin", start=first, end=first + dt.timedelta(minutes=20)),
        EventFactory(timezone="Europe/Berlin", start=second, end=second + dt.timedelta(minutes=20)),
    ]

    content = build(fetched(*events))

    assert [vevent["start"] for vevent in parse_with_icaljs(content)["events"]] == [
        "2017-10-29T00:30:00.000Z",
        "2017-10-29T01:30:00.000Z",
    ]
    starts = [v.decoded("DTSTART") for v in icalendar.Calendar.from_ical(content).walk("VEVENT")]
    assert starts == [first, second]


def test_utc_events_are_written_in_utc_without_a_vtimezone():
    event = EventFactory(timezone="UTC")

    calendar = icalendar.Calendar.from_ical(build(fetched(event)))

    assert calendar.walk("VTIMEZONE") == []
    assert calendar.walk("VEVENT")[0].decoded("DTSTART") == event.start


def test_control_characters_never_reach_the_file():
    event = EventFactory(title_en="Talks\x1b[31m\x0c with\x0b escapes", description_en="Line\x07 one\nLine two")

    content = build(fetched(event))

    assert str(only_vevent(content)["SUMMARY"]) == "Talks[31m with escapes"
    assert not any(byte < 0x20 and byte not in (0x09, 0x0A, 0x0D) for byte in content)


def test_build_calendar_reads_back_the_written_file(now):
    event = EventFactory(title_en="Talks")

    calendar = build_calendar(fetched(event), name="Test", description="Test calendar", base_url=BASE, now=now)

    assert [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")] == ["Talks"]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("private", [False, True])
def test_every_property_is_written_as_icalendar_writes_it(language, private):
    venue = VenueFactory(name_en="Palace of Independence", name_ru="", latitude="53.9", longitude="-27.000001")
    parent = AllDayEventFactory(title_en="State visit", title_ru="Государственный визит", is_published=False)
    event = EventFactory(
        title_en="Talks; round 2, closed",
        title_ru="",
        summary_en="Summary, with; marks\\",
        description_en="First line\nSecond line: " + "long " * 40,
        agenda_en="One\n\nTwo",
        venue=venue,
        parent=parent,
        source=SourceFactory(title_en="Press release", url="https://mfa.example/1"),
        status="postponed",
        publish_at=dt.datetime(2017, 11, 20, tzinfo=dt.UTC),
    )
    event.tags.add(TagFactory(name_en="Energy", name_ru="Энергетика"), TagFactory(name_en="agriculture"))
    ParticipationFactory(event=event, person=PersonFactory(name_en="Second", name_ru="Второй"), order=2)
    ParticipationFactory(event=event, person=PersonFactory(name_en="First"), order=1, role="host")

    with translation.override(language):
        content = build(fetched(event, parent), private=private, now=dt.datetime(2017, 11, 13, tzinfo=dt.UTC))

    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[1]
    assert (str(vevent["STATUS"]), str(vevent["CLASS"])) == ("TENTATIVE", "CONFIDENTIAL")
    assert ("RELATED-TO" in vevent) is private


# Text as it may reach the writer: any character UTF-8 can carry (astral ones too), with the ones iCalendar treats
# specially made frequent.
any_text = st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from('\\;,:^"\u2019\r\nN ')), max_size=300)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(text=any_text)
def test_text_is_escaped_as_icalendar_escapes_it(text):
    # icalendar reads a backslash before N as a line break first: the one place where the writer differs.
    assume("\\N" not in text)

    assert escape_text(text) == icalendar.vText(text).to_ical().decode()


def test_a_backslash_before_n_stays_a_backslash_and_reads_back_as_typed():
    event = EventFactory(title_en="Files in C:\\New folder")

    content = build(fetched(event), compare=False)

    assert b"\r\nSUMMARY:Files in C:\\\\New folder\r\n" in content
    assert str(only_vevent(content)["SUMMARY"]) == "Files in C:\\New folder"
    assert parse_with_icaljs(content)["events"][0]["summary"] == "Files in C:\\New folder"
    # What icalendar 7.3 writes instead: a line break.
    assert icalendar.vText("C:\\New folder").to_ical() == b"C:\\new folder"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(text=any_text, name=st.sampled_from(["SUMMARY", "DESCRIPTION", "X-DIPCAL-AGENDA", "LOCATION"]))
def test_content_lines_are_folded_as_icalendar_folds_them(text, name):
    line = f"{name}:{escape_text(text)}"

    folded = fold(line)

    assert folded == Contentline(line).to_ical() + b"\r\n"
    physical = folded.split(b"\r\n")
    assert physical[-1] == b""
    assert all(len(piece) <= 75 for piece in physical)
    # No character is cut in two: every physical line is UTF-8 on its own.
    assert "".join(piece.decode()[1:] if number else piece.decode() for number, piece in enumerate(physical)) == line


@settings(max_examples=200, deadline=None, derandomize=True)
@given(value=any_text)
def test_parameter_values_are_quoted_as_icalendar_quotes_them(value):
    parameters = icalendar.Parameters({"TZID": value})

    assert f"TZID={param_value(value)}".encode() == parameters.to_ical()


def test_random_texts_read_back_unchanged_in_icalendar_and_icaljs():
    chooser = random.Random(5545)
    alphabet = [*'\\;,:^"\u2019 \nN', "Ж", "漢", "\U0001f600", "\U00010348", "é", "a"]
    texts = ["".join(chooser.choice(alphabet) for _ in range(chooser.randint(1, 400))) for _ in range(30)]
    events = [EventFactory(title_en=text[:300].replace("\n", " "), description_en=text) for text in texts]

    content = build(fetched(*events), compare=False)

    by_uid = {event.uid: event for event in events}
    for vevent in icalendar.Calendar.from_ical(content).walk("VEVENT"):
        event = by_uid[str(vevent["UID"])]
        assert str(vevent["SUMMARY"]) == event.title_en
        assert str(vevent["DESCRIPTION"]).startswith(event.description_en)
    for vevent in parse_with_icaljs(content)["events"]:
        event = by_uid[vevent["uid"]]
        assert (vevent["summary"], vevent["description"][: len(event.description_en)]) == (
            event.title_en,
            event.description_en,
        )
