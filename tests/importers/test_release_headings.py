"""A heading line's day: a programme's day for the lines below, or the days of the event titled above it."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


def test_a_titles_line_of_days_gives_the_titled_events_days(seed):
    text = "7th International Conference on Water Diplomacy\n\nVilnius, 11 to 13 June 2024\n\nIt opens the season."
    assert proposals(text, "2024-05-02") == [("2024-06-11..2024-06-13", "forum", False)]


ADVISORY = """MEDIA ADVISORY

WHAT: {what}

WHEN: {when}
"""


@pytest.mark.parametrize(
    ("what", "when", "expected"),
    [
        # the "WHAT:" line's first sentence names the event, however long the line
        (
            "Opening ceremony of the International Summer Exchange Camp. 140 young people from 22 countries will "
            "spend two weeks together.",
            "Monday, 30 June, 11:00 local time.",
            [("2025-06-30", "other", False)],
        ),
        (
            "Official presentation of the teams of the Tour of the Lakes.",
            "Friday, 27 June, 6:00 p.m. (riders on stage from 6:30 p.m.)",
            [("2025-06-27", "other", False)],
        ),
        (
            "Торжественная церемония открытия летнего лагеря.",
            "понедельник, 30 июня, 11:00.",
            [("2025-06-30", "other", False)],
        ),
        # an event that only tells the time names none of its own, nor does one whose accreditation or tickets open
        ("Press conference ahead of the festival, with the festival director.", "Wednesday, 25 June, 11:00.", []),
        ("Press conference ahead of the Jazz Festival.", "Wednesday, 25 June, 11:00.", []),
        ("Press conference ahead of the Jazz Festival", "Wednesday, 25 June, 11:00", []),
        ("Accreditation opens for the Eastern Economic Forum.", "Monday, 23 June", []),
        ("Старт продажи билетов на фестиваль «Белые ночи».", "23 июня", []),
    ],
)
def test_a_media_advisorys_what_line_names_the_event_of_its_when_line(seed, what, when, expected):
    assert proposals(ADVISORY.format(what=what, when=when), "2025-06-20") == expected


PROGRAMME = """ПРОГРАММА
Дней российского театра кукол в Республике Словения
(Любляна – Марибор, 14–18 мая 2019 г.)

16.05 (четверг), {first}
10:00–16:00 – семинар «Традиция русского Петрушки и современный театр кукол».

17.05 (пятница), {second}
12:00 – открытие выставки «Куклы, которые объехали мир». Выставка будет работать до 30.06.2019.
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [("Любляна", "Марибор"), ("Москва", "Казань")],
)
def test_a_day_and_its_weekday_before_a_place_head_the_lines_below(seed, first, second):
    text = PROGRAMME.format(first=first, second=second)
    assert proposals(text, "2019-05-06") == [
        ("2019-05-14..2019-05-18", "culture-days", False),
        ("2019-05-16", "forum", False),
        ("2019-05-17..2019-06-30", "exhibition", False),
    ]


def test_a_line_of_a_day_and_an_event_is_no_heading(seed):
    text = "Дни культуры пройдут с 14 по 18 мая.\n\n16 мая (четверг), Семинар в Любляне.\n"
    assert proposals(text, "2019-05-06") == [
        ("2019-05-14..2019-05-18", "culture-days", False),
        ("2019-05-16", "forum", False),
    ]
