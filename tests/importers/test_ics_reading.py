"""Files as producers write them: several VCALENDARs, charsets other than UTF-8, a file cut off; never a traceback,
whatever a file is mutated into (truncated, bad values in each property, bad encodings); and what refuses a file
whole, with a clear message: a broken structure, the caps on size and events."""

import random

import pytest

from events.importers.ics import ImportFileError, import_calendar
from events.models import Event

from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


def test_several_vcalendars_in_one_file_are_imported_together():
    data = ics(event_lines(uid="a")) + ics(event_lines(uid="b"))

    report = import_calendar(data)

    assert report.created == ["Consultations (a)", "Consultations (b)"]
    assert report.notes == [("the file", "2 calendars in the file: their events are imported together")]


def test_a_file_in_a_declared_charset_is_decoded_with_a_note():
    data = (
        ics(event_lines(summary="Fête")).decode().replace("SUMMARY:", "SUMMARY;CHARSET=ISO-8859-1:").encode("latin-1")
    )

    report = import_calendar(data)

    assert Event.objects.get().title == "Fête"
    assert report.notes[0] == ("the file", "not UTF-8: read as iso8859-1; check its accented letters")


def test_a_file_cut_off_inside_an_event_imports_the_events_before_it():
    data = ics(event_lines(uid="a"), event_lines(uid="b"))

    report = import_calendar(data[: data.index(b"UID:b") + 8])

    assert report.created == ["Consultations (a)"]
    assert report.notes == [
        ("the file", "the file ends inside BEGIN:VEVENT (no END): the unfinished part from line 12 is left out")
    ]


PROPERTIES = [
    "UID:{}",
    "DTSTART:{}",
    "DTSTART;VALUE=DATE:{}",
    "DTSTART;TZID={}:20271114T100000",
    "DTEND:{}",
    "DURATION:{}",
    "RRULE:{}",
    "RDATE:{}",
    "EXDATE:{}",
    "RECURRENCE-ID:{}",
    "SEQUENCE:{}",
    "CREATED:{}",
    "LAST-MODIFIED:{}",
    "GEO:{}",
    "CATEGORIES:{}",
    "STATUS:{}",
    "URL:{}",
    "LOCATION:{}",
    "RELATED-TO:{}",
]
VALUES = ["", "0", "-1", "x", "00001231T000000Z", "99991231T235959", "FREQ=DAILY", "FREQ=SECONDLY;COUNT=5",
          "FREQ=YEARLY;BYDAY=XX", "P99999999W", "1e30;1e30", "Canberra, Melbourne, Sydney", "\x00", "é", ";;;",
          "20271114T100000Z/P1D", "UNTIL=2027", "20271114", "partner-1"]  # fmt: skip


def mutations(seed: int, count: int):
    """Files of this project's own shape, each damaged in one of the ways real files are: cut off, a bad value in a
    property, lines swapped or repeated, another encoding."""
    chance = random.Random(seed)
    base = ics(
        event_lines(uid="a", RRULE="FREQ=WEEKLY;COUNT=3", LOCATION="Moscow\\, Russia", GEO="55.7;37.6"),
        event_lines(uid="b", **{"RECURRENCE-ID;VALUE=DATE": "20271121"}),
        event_lines(uid="c", **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None, "DTSTART": "20271114T1000Z"}),
    )
    lines = base.split(b"\r\n")
    for _ in range(count):
        kind = chance.randrange(5)
        if kind == 0:
            yield base[: chance.randrange(len(base))]
        elif kind == 1:
            changed = list(lines)
            line = chance.choice(PROPERTIES).format(chance.choice(VALUES)).encode("utf-8", "replace")
            changed.insert(chance.randrange(3, len(changed)), line)
            yield b"\r\n".join(changed)
        elif kind == 2:
            changed = list(lines)
            first, second = chance.randrange(len(changed)), chance.randrange(len(changed))
            changed[first], changed[second] = changed[second], changed[first]
            yield b"\r\n".join(changed)
        elif kind == 3:
            yield base.decode().replace("Consultations", "Консультации").encode(chance.choice(["utf-16", "cp1251"]))
        else:
            yield bytes(byte ^ chance.choice([0, 0, 0, 0x20, 0x80]) for byte in base)


def test_no_mutation_of_a_calendar_gives_a_traceback(now):
    outcomes = set()

    for data in mutations(seed=5545, count=300):
        try:
            report = import_calendar(data, dry_run=True, now=now)
        except ImportFileError as error:
            outcomes.add("refused" if str(error) else "refused without a message")
        else:
            outcomes.add("imported" if report.created else "nothing")

    assert outcomes == {"refused", "imported", "nothing"}
    assert Event.objects.count() == 0


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
