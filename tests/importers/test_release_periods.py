"""Drafting's periods: seasons, a day by its number alone, a programme's weekdays, ends of events, deadlines and
statistics periods."""

import datetime as dt

import pytest

from events.importers.release import propose
from events.importers.release_words import Proposal

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2024, 3, 21)  # a Thursday


def dates_and_types(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The next meeting of the Commission will take place in Tashkent in the autumn.", "2024-09..2024-11"),
        ("The forum was held in Kazan last summer.", "2023-06..2023-08"),
        ("The consultations will be held in the spring of 2025.", "2025-03..2025-05"),
        ("Осенью в Алматы прошли Дни российской культуры.", "2023-09..2023-11"),
        ("Летом прошлого года в Минске прошёл форум регионов.", "2023-06..2023-08"),
        ("Зимой 2024 года состоялось заседание комиссии.", "2023-12..2024-02"),
    ],
)
def test_a_season_is_proposed_as_its_months_in_the_year_the_tense_or_the_text_gives(seed, text, expected):
    assert [iso for iso, _slug in dates_and_types(text)] == [expected]


@pytest.mark.parametrize(
    "text", ["The Summer Academy of diplomats opened a conference.", "The forum on Arctic summer shipping opened."]
)
def test_a_season_word_that_is_not_a_time_is_not_a_date(seed, text):
    assert dates_and_types(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last month, on the 22nd, the Governor received the Consul General.", [("2024-02-22", "meeting")]),
        ("In May, on the 14th, the ministers will hold talks.", [("2024-05-14", "meeting")]),
        ("The 10th meeting of the Joint Commission will convene on 21 October.", [("2024-10-21", "meeting")]),
        ("10-е заседание комиссии пройдёт 21 октября.", [("2024-10-21", "meeting")]),
    ],
)
def test_a_day_by_its_number_alone_takes_the_month_named_before_and_an_ordinal_before_a_noun_is_no_day(
    seed, text, expected
):
    assert dates_and_types(text) == expected


def test_a_russian_day_by_its_number_alone_follows_the_programmes_last_day(seed):
    text = "10 декабря – переговоры в Вашингтоне.\n\nСреда, 11-е: Министр примет Министра иностранных дел Вьетнама."

    assert dates_and_types(text, dt.date(2019, 12, 6)) == [("2019-12-10", "meeting"), ("2019-12-11", "meeting")]


def test_a_weekday_after_a_programmes_days_to_come_is_the_next_such_day_after_them(seed):
    text = "12–13 декабря – форум в Риме.\n\nВ субботу Министр откроет выставку в Доме приёмов."

    assert dates_and_types(text, dt.date(2019, 12, 6)) == [("2019-12-12..2019-12-13", "forum"),
                                                           ("2019-12-14", "exhibition")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An exhibition of crafts opens on August 10 at the National Museum of the Republic of Tatarstan and will "
            "remain open until the end of September.",
            [("2024-08-10..2024-09-30", "exhibition")],
        ),
        (
            "The day before yesterday, the Days of the Region opened in Harbin; they will last until 27 March.",
            [("2024-03-19..2024-03-27", "culture-days")],
        ),
        (
            "В среду, 27 марта, в музее откроется выставка «Великая степь», которая продлится до 15 мая.",
            [("2024-03-27..2024-05-15", "exhibition")],
        ),
        (
            "The day after tomorrow, the business forum will open in Minsk. The forum, which is expected to bring "
            "together 120 companies, will last until 25 March.",
            [("2024-03-23..2024-03-25", "forum")],
        ),
    ],
)
def test_the_end_of_an_event_named_before_ends_it_in_the_same_sentence_or_the_next(seed, text, expected):
    assert dates_and_types(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Companies wishing to take part in the B2B meetings are requested to apply by 13 April.",
        "Applications for the festival are accepted until 20 April.",
        "Заявки на участие в мастер-классах фестиваля принимаются до 15 апреля.",
        "Аккредитация на заседание осуществляется до 18.00 24 марта.",
    ],
)
def test_a_deadline_is_not_an_event(seed, text):
    assert dates_and_types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In January-April 2024, trade grew by 12 per cent, and the number of tourists visiting Serbia doubled.",
        "In January–February, the exhibition centre had 50,000 visitors.",
    ],
)
def test_months_from_january_joined_by_a_dash_are_a_statistics_period_not_an_event(seed, text):
    assert dates_and_types(text) == []


def test_months_from_one_to_another_are_proposed_as_months():
    proposal = Proposal(start=dt.date(2024, 9, 1), end=dt.date(2024, 11, 1), precision="month", sentence="")

    assert proposal.iso == "2024-09..2024-11"


@pytest.mark.parametrize(
    "text",
    [
        "Indian Culture Days open on January 26, Republic Day in India, and close on February 1, with a food festival.",
        "Дни индийской культуры откроются 26 января, в День Республики, и завершатся 1 февраля фестивалем еды.",
    ],
)
def test_an_opening_and_a_closing_with_an_aside_between_are_one_run(seed, text):
    assert dates_and_types(text, dt.date(2027, 1, 16)) == [("2027-01-26..2027-02-01", "culture-days")]


@pytest.mark.parametrize(
    "text",
    [
        "Во вторник открылась выставка, которая продлится до 15 февраля.",
        "An exhibition opened on Tuesday, which will run until 15 February.",
    ],
)
def test_an_event_named_between_its_first_day_and_its_end_is_the_runs(seed, text):
    assert dates_and_types(text, dt.date(2025, 12, 7)) == [("2025-12-02..2026-02-15", "exhibition")]


def test_a_range_of_bare_ordinals_takes_the_month_named_before(seed):
    text = (
        "Two arrangements will be signed on 21 July. The signing will take place during the visit of the Secretary, "
        "who will be in France from the 20th to the 22nd."
    )

    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2026, 7, 6))] == [
        ("2026-07-21", "signing"),
        ("2026-07-20..2026-07-22", "visit"),
    ]


def test_a_milestone_years_ahead_gives_no_year_to_the_days_after_it(seed):
    text = (
        "The Council reviewed the baseline, which foresees the start of research operations in 2034. The next "
        "meeting of the Council is scheduled for 18 and 19 November."
    )

    assert [p.iso for p in propose(text, published=dt.date(2026, 7, 6))] == ["2026-11-18..2026-11-19"]


def test_a_deadline_starts_no_run_to_a_later_end(seed):
    text = (
        "The Science Meeting will take place from 8 to 12 June. More than 600 astronomers are expected, and the first "
        "session will be devoted to early results. Abstracts are due by 31 March, and early-bird registration runs "
        "until the end of April."
    )

    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2026, 2, 16))] == [
        ("2026-06-08..2026-06-12", "meeting")
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The close first, the opening after it, with the event's name between.
        ("Вчера завершилась торговая ярмарка в Ташкенте, открывшаяся 14 марта.", dt.date(2024, 3, 21),
         [("2024-03-14..2024-03-20", "exhibition")]),
        ("Вчера в Минске завершила работу выставка белорусской графики, проходившая со 2 марта.",
         dt.date(2024, 3, 21), [("2024-03-02..2024-03-20", "exhibition")]),
        ("The trade fair in Almaty closed on 19 March, having opened on 12 March.", dt.date(2024, 3, 21),
         [("2024-03-12..2024-03-19", "exhibition")]),
        # The opening in a clause of its own, the close after the comma.
        ("The photo exhibition, which opened on 4 March, closes today.", dt.date(2024, 3, 21),
         [("2024-03-04..2024-03-21", "exhibition")]),
    ],
)  # fmt: skip
def test_an_event_closed_on_one_day_that_opened_on_an_earlier_one_is_one_run(seed, text, published, expected):
    assert dates_and_types(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two events: one closed, another opened.
        ("Вчера завершилась ярмарка в Ташкенте; 14 марта открылась выставка в Самарканде.",
         [("2024-03-20", "exhibition"), ("2024-03-14", "exhibition")]),
        # Opened on a day, and a meeting on another: no run.
        ("The exhibition, which opened on 4 March, will host a round table on 25 March.",
         [("2024-03-04", "exhibition"), ("2024-03-25", "forum")]),
    ],
)  # fmt: skip
def test_a_close_and_an_opening_of_different_events_stay_apart(seed, text, expected):
    assert dates_and_types(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, the Ambassador will meet the rector and open the photo exhibition \"Hanoi\" at the library. "
         "The exhibition will be on view until 14 April.",
         [("2024-03-25", "meeting"), ("2024-03-25..2024-04-14", "exhibition")]),
        # No opening told: the end alone stays a day.
        ("On Monday, the Ambassador will meet the rector at the library. The exhibition will be on view until 14 "
         "April.", [("2024-03-25", "meeting"), ("2024-04-14", "exhibition")]),
    ],
)  # fmt: skip
def test_an_exhibition_opened_in_another_events_sentence_runs_from_that_day_to_its_end(seed, text, expected):
    assert dates_and_types(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Напоминаем, что приём заявок на участие российских компаний в национальной экспозиции на выставке "
        "«Иннопром. Центральная Азия» продлится до 31 марта.",
        "Registration of companies for the national pavilion at the international exhibition of digital solutions "
        "in Tashkent remains open until 31 March.",
    ],
)
def test_intake_for_an_exhibition_far_before_its_closing_day_is_a_deadline_past_a_quoted_names_full_stop(seed, text):
    assert dates_and_types(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An ordinal day set off by commas after the day it names.
        ("The Commission met in Urumqi from 19 to 21 March. On the last day, the 21st, the two bureaus signed a "
         "memorandum.", [("2024-03-19..2024-03-21", "meeting"), ("2024-03-21", "signing")]),
        # Not an ordinal before its noun: "the 21st session".
        ("The Commission met in Urumqi on 19 March. It was, the 21st session, a long one.",
         [("2024-03-19", "meeting")]),
    ],
)  # fmt: skip
def test_an_ordinal_day_set_off_by_commas_is_a_day(seed, text, expected):
    assert dates_and_types(text) == expected


def test_a_month_something_is_due_by_is_no_event_and_gives_no_year_to_the_next(seed):
    text = (
        "The Authority will prepare its national report, due by August 2019. "
        "The next public information day will be held in Paks in April."
    )
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2018, 1, 12))] == [("2018-04", "other")]


def test_a_lone_ordinal_day_set_off_with_its_weekday_is_the_such_day_of_that_weekday(seed):
    text = "The talks were held on 12 January.\n\nThe site will open to all on the 28th, a Saturday, for its open day."
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2026, 2, 16))] == [
        ("2026-01-12", "meeting"),
        ("2026-02-28", "other"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The session of the Committee closed in Riyadh on Monday, after sixteen days of debate that began on 10 "
        "September.",
        "The session of the Committee, which began on 10 September, closed in Riyadh on Monday.",
    ],
)
def test_a_session_that_began_on_one_day_and_closed_on_another_runs_between_them(seed, text):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2023, 9, 26))] == [
        ("2023-09-10..2023-09-25", "meeting")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year after the range's end is its first day's too, whatever the year the first day alone would take.
        ("The forum will take place from 24 August to 5 September 2021.", "2021-08-24..2021-09-05"),
        ("The forum will take place from 20 December to 10 January 2021.", "2020-12-20..2021-01-10"),
        ("Форум пройдёт с 24 августа по 5 сентября 2021 года.", "2021-08-24..2021-09-05"),
        ("The forum will take place from 24 August to 5 September.", "2020-08-24..2020-09-05"),
    ],
)
def test_a_range_whose_end_alone_gives_a_year_is_all_in_that_year(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2020, 3, 31))] == [expected]
