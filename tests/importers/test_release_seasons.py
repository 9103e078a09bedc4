"""Drafting of runs of months ("from June to August", "с середины сентября до конца октября") and of expeditions
(release_seasons.py)."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 6, 1)


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The exhibition will run from June to August.", ("2026-06..2026-08", "exhibition")),
        ("The exhibition will be on view from June to November 2027.", ("2027-06..2027-11", "exhibition")),
        ("The exhibition will travel from November 2026 to March 2027.", ("2026-11..2027-03", "exhibition")),
        ("The camp will run between May and July.", ("2026-05..2026-07", "other")),
        ("The expedition will work from mid-November to the end of March.", ("2026-11..2027-03", "other")),
        ("Выставка будет открыта с июня по август.", ("2026-06..2026-08", "exhibition")),
        ("Экспедиция будет работать с середины сентября до конца октября.", ("2026-09..2026-10", "other")),
        ("Выставка пройдёт с декабря 2026 года по март 2027 года.", ("2026-12..2027-03", "exhibition")),
    ],
)
def test_a_run_of_months_from_one_to_another_is_the_events_months(seed, text, expected):
    assert proposals(text) == [(*expected, "")]


@pytest.mark.parametrize(
    "text", ["From January to April, trade grew by 5%.", "С января по апрель товарооборот вырос на 5%."]
)
def test_months_from_january_without_a_year_are_the_period_of_figures(seed, text):
    assert proposals(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The festival was held from May to June.", "2026-05..2026-06"),
        ("The camp will run between May and July.", "2026-05..2026-07"),
        ("The festival was held from March to April.", "2026-03..2026-04"),
    ],
)
def test_a_run_of_months_takes_the_year_its_last_month_and_the_tense_give(seed, text, expected):
    assert [iso for iso, _slug, _reason in proposals(text)] == [expected]


def test_a_run_of_months_frames_no_day_said_after_it(seed):
    text = "The expedition will work on the island from mid-November to the end of March, the institute said today."

    assert proposals(text, dt.date(2026, 11, 5)) == [("2026-11..2027-03", "other", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This spring we held a conference of distributors in Tashkent.", "2024-03..2024-05"),
        ("Этой весной мы провели в Ташкенте конференцию дистрибьюторов.", "2024-03..2024-05"),
        # To come: the next one.
        ("This autumn we will hold a conference in Tashkent.", "2024-09..2024-11"),
    ],
)
def test_this_season_past_when_told_in_the_past_tense_is_the_one_just_over(seed, text, expected):
    proposals = propose(text, published=dt.date(2024, 7, 10))

    assert [p.iso for p in proposals] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A season before its noun is no time: the meeting is on the 14th, not in the winter.
        ("On the 14th we will hold a video meeting on the winter ice regime of the Irtysh.",
         [("2026-06-14", "meeting", "")]),
        ("The summer school for young diplomats opened on 5 May.", [("2026-05-05", "other", "")]),
        # A season after "the" before a clause's next words is still one.
        ("In the autumn the commission will meet in Minsk.", [("2026-09..2026-11", "meeting", "")]),
    ],
)  # fmt: skip
def test_a_season_before_its_noun_is_no_time_and_a_day_on_the_14th_before_we_is_one(seed, text, expected):
    assert proposals(text) == expected


CHRONICLE = """Хроника международного сотрудничества Комиссии за {year} год

В {year} году Комиссия продолжила развивать контакты с избирательными органами.

Январь

16 января председатель Комиссии встретился с Послом Китая.

Март – апрель

С 16 по 20 марта в Астане прошёл семинар для членов избирательных комиссий."""


def test_a_chronicles_month_headings_take_the_year_it_told_before_them(seed):
    assert [p[:2] for p in proposals(CHRONICLE.format(year=2023), dt.date(2024, 1, 19))] == [
        ("2023-01-16", "meeting"),
        ("2023-03-16..2023-03-20", "forum"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # The year of the publication is told too: the nearest January is the one.
        CHRONICLE.format(year=2023).replace("контакты", "в 2024 году контакты"),
        # No year told before the first month: the nearest.
        CHRONICLE.format(year=2023).replace("2023", "этом"),
    ],
)
def test_a_chronicles_month_headings_keep_the_nearest_year_unless_it_told_the_year_before(seed, text):
    assert [p[0] for p in proposals(text, dt.date(2024, 1, 19))][:1] == ["2024-01-16"]


def test_a_month_heading_with_its_year_gives_its_entries_that_year(seed):
    text = "Review of our cooperation\n\nMARCH 2022\n\nOn 14 March the commission met the delegation of Georgia."
    assert [p[:2] for p in proposals(text, dt.date(2024, 1, 19))] == [("2022-03-14", "meeting")]


def test_a_chronicles_entries_led_by_their_days_take_the_year_it_told_before_them(seed):
    text = (
        "International cooperation of the Supreme Court in 2023: a chronicle of the year\n\n"
        "In 2023 the Supreme Court held 46 international events.\n\n"
        "14 February. The Chairman received the Ambassador of the Republic of Korea.\n\n"
        "20–22 March. Working visit of the Chairman of the Supreme Court to China."
    )
    assert [p[:2] for p in proposals(text, dt.date(2024, 1, 12))] == [
        ("2023-02-14", "meeting"),
        ("2023-03-20..2023-03-22", "visit"),
    ]


def test_a_chronicles_entries_led_by_a_month_and_a_topic_take_the_year_it_told_before_them(seed):
    text = (
        "International activities in 2023: a year of new routes\n\n"
        "Revenue from exports in 2023 grew by 14 per cent.\n\n"
        "May: Uzbekistan. A delegation of Uzbekistan Railways visited our plant in Bryansk. The guests saw it.\n\n"
        "October: North–South corridor. In late October the Holding took part in the meeting of the working group."
    )
    assert [p[:2] for p in proposals(text, dt.date(2024, 1, 12))] == [("2023-05", "visit"), ("2023-10", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This year the festival will take place in the second half of November.", [("2025-11", "festival")]),
        ("This summer, from late June to August, we will run a joint expedition.", [("2025-06..2025-08", "other")]),
        ("В этом году, с июня по август, мы проведём совместную экспедицию.", [("2025-06..2025-08", "other")]),
        # a season after the month is another event's
        (
            "The Committee will meet in late September, and a Conference is planned in the autumn.",
            [("2025-09", "meeting"), ("2025-09..2025-11", "forum")],
        ),
    ],
)
def test_a_year_or_a_season_before_a_month_it_holds_only_frames_it(seed, text, expected):
    assert [(iso, slug) for iso, slug, _title in proposals(text, dt.date(2025, 2, 6))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the month" of its end or start is the month of the day last named in the paragraph, else the publication's.
        ("Выставка откроется в Музее модерна 12 октября и продлится до конца месяца.",
         [("2021-10-12..2021-10-31", "exhibition")]),
        ("The exhibition opens on 12 October and runs until the end of the month.",
         [("2021-10-12..2021-10-31", "exhibition")]),
        ("At the end of the month, the Minister will travel to Yerevan on an official visit.", [("2021-09", "visit")]),
        ("В начале месяца в Минске пройдёт форум.", [("2021-09", "forum")]),
        # not a month's part without "the month": "at the end of the meeting"
        ("At the end of the meeting on 12 October the ministers signed a protocol.", [("2020-10-12", "meeting")]),
    ],
)  # fmt: skip
def test_the_end_or_start_of_the_month_is_that_of_the_last_day_named_or_of_the_publication(seed, text, expected):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2021, 9, 10))] == expected
