"""Drafting's dates: relative to the publication, ranges however joined, and the year a date leaves out."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


def dates_and_types(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(proposal.iso, proposal.event_type.slug) for proposal in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today, the ministers held talks in Minsk.", [("2018-03-14", "meeting")]),
        ("Tomorrow the Forum of Regions opens in Minsk.", [("2018-03-15", "forum")]),
        ("Yesterday, the Council met in Minsk.", [("2018-03-13", "meeting")]),
        ("In December last year, the ministers held talks in Tokyo.", [("2017-12", "meeting")]),
        ("The next summit will take place next year.", [("2019", "meeting")]),
        ("The consultations will be held next week.", [("2018-03-19..2018-03-25", "meeting")]),
        ("Next month, an exhibition of Russian icons opens in Rome.", [("2018-04", "exhibition")]),
        ("On Tuesday, the Ambassador will open a photo exhibition.", [("2018-03-20", "exhibition")]),
        ("Last Monday, the Ambassador held a meeting with the Governor.", [("2018-03-12", "meeting")]),
        ("Вчера состоялись переговоры министров.", [("2018-03-13", "meeting")]),
        ("В декабре прошлого года в Токио прошли переговоры.", [("2017-12", "meeting")]),
        ("В прошлом году форум прошёл в Минске.", [("2017", "forum")]),
        ("На следующей неделе пройдёт заседание рабочей группы.", [("2018-03-19..2018-03-25", "meeting")]),
        ("В следующем месяце состоится конференция.", [("2018-04", "forum")]),
        ("В прошлую пятницу Посол провёл встречу с губернатором.", [("2018-03-09", "meeting")]),
    ],
)
def test_relative_dates_count_from_the_publication_in_both_languages(seed, text, expected):
    assert dates_and_types(text, dt.date(2018, 3, 14)) == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An exhibition of icons opens on 5 May and runs until 20 June.", "2018-05-05..2018-06-20"),
        ("The exhibition will be open from 5 May to 20 June.", "2018-05-05..2018-06-20"),
        ("The exhibition runs 5 May through 20 June.", "2018-05-05..2018-06-20"),
        ("The festival takes place 30 May — 2 June.", "2018-05-30..2018-06-02"),
        ("The festival takes place May 30 − June 2.", "2018-05-30..2018-06-02"),
        ("The festival runs from 27 December 2018 to 8 January 2019.", "2018-12-27..2019-01-08"),
        ("The summit opens on 13 June and lasts two days.", "2018-06-13..2018-06-14"),
        ("The forum will be held between 6 and 8 September.", "2018-09-06..2018-09-08"),
        ("The festival runs from Friday, 2 November, to Sunday, 4 November.", "2018-11-02..2018-11-04"),
        ("Выставка откроется 5 мая и продлится до 20 июня.", "2018-05-05..2018-06-20"),
        ("Фестиваль пройдёт с 30 мая по 2 июня.", "2018-05-30..2018-06-02"),
        ("Фестиваль пройдёт 30 мая – 2 июня.", "2018-05-30..2018-06-02"),
        ("Форум пройдёт со 2 по 3 сентября.", "2018-09-02..2018-09-03"),
        # Two days of a month joined by "to", the first bare, without "from" before it.
        ("The conference will be held in Vilnius, 11 to 13 June 2018.", "2018-06-11..2018-06-13"),
    ],
)
def test_ranges_however_written_give_one_proposal_from_the_first_to_the_last_day(seed, text, expected):
    assert [iso for iso, _slug in dates_and_types(text, dt.date(2018, 3, 14))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Published in January: the nearest July is the coming one, but the verbs say the past.
        ("The festival, held in Novi Sad in July, drew thousands.", "2018-07"),
        ("The Youth Forum took place in Belgrade on 12-13 July.", "2018-07-12..2018-07-13"),
        ("В июле в Нови-Саде состоялся фестиваль русской музыки.", "2018-07"),
        ("The Youth Forum will take place in Belgrade on 12-13 July.", "2019-07-12..2019-07-13"),
        # 12 July was a Thursday in 2018, a Friday in 2019.
        ("The Youth Forum is in Belgrade on Friday, 12 July.", "2019-07-12"),
        ("The Youth Forum is in Belgrade on Thursday, 12 July.", "2018-07-12"),
        ("Форум молодёжи откроется 12 июля (четверг).", "2018-07-12"),
        ("Ministers agreed to hold the next round of consultations on 10 September.", "2019-09-10"),
    ],
)
def test_a_missing_year_follows_the_tense_the_weekday_and_the_paragraph(seed, text, expected):
    assert dates_and_types(text, dt.date(2019, 1, 15))[0][0] == expected


def test_a_festival_in_a_paragraph_about_2016_is_in_2016(seed):
    text = "In 2016, Days of Culture were held in Almaty. A festival took place there on 4–9 October."

    assert dates_and_types(text, dt.date(2019, 1, 15)) == [
        ("2016", "culture-days"),
        ("2016-10-04..2016-10-09", "festival"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the 10th of January, the sides will hold negotiations.", "2019-01-10"),
        ("The Council will meet on January 12th.", "2019-01-12"),
        ("Заседание состоится 14.11.2019.", "2019-11-14"),
        ("On 14 and 15 November, the Forum will be held in Minsk.", "2019-11-14..2019-11-15"),
    ],
)
def test_ordinals_numeric_dates_and_two_days_joined_by_and(seed, text, expected):
    assert [iso for iso, _slug in dates_and_types(text, dt.date(2019, 1, 5))] == [expected]


def test_a_year_that_frames_a_day_of_the_same_sentence_is_not_proposed_again(seed):
    text = "Last year, the consultations took place in Moscow on 6 October."

    assert dates_and_types(text, dt.date(2018, 12, 14)) == [("2017-10-06", "meeting")]


def test_a_plan_for_a_year_and_a_count_of_meetings_are_not_events(seed):
    text = (
        "Министры утвердили план консультаций на 2022 год. This year, the Presidents have met six times. "
        "The Forum is held annually in June."
    )

    assert dates_and_types(text, dt.date(2021, 10, 18)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Пекин, Национальный центр – 3, 4 и 5 декабря: балет П.И.Чайковского «Лебединое озеро»;",
            ["2026-12-03..2026-12-05"],
        ),
        ('The ballet "Swan Lake" will be performed on 3, 4 and 5 December.', ["2026-12-03..2026-12-05"]),
        ("Пекин – 3, 4, 5 декабря: опера «Царская невеста».", ["2026-12-03..2026-12-05"]),
    ],
)
def test_consecutive_days_listed_with_commas_are_one_run_and_a_stage_work_is_an_event(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 11, 10))] == expected


@pytest.mark.parametrize(
    "text",
    ["The round table will be held on Thursday the 26th.", "On Thursday, the 26th, the round table will be held."],
)
def test_a_weekday_with_a_bare_ordinal_is_that_day_of_a_month_where_it_falls_on_that_weekday(seed, text):
    assert [p.iso for p in propose(text, published=dt.date(2026, 2, 3))] == ["2026-02-26"]


@pytest.mark.parametrize(
    "text",
    [
        "С 24-го по 26-е февраля 2026 г. Министр посетит Российскую Федерацию с официальным визитом.",
        "С 24 по 26-е февраля Министр посетит Российскую Федерацию с официальным визитом.",
        "С 24-го по 26 февраля Министр посетит Российскую Федерацию с официальным визитом.",
    ],
)
def test_a_russian_range_with_ordinal_endings_is_read(seed, text):
    assert [p.iso for p in propose(text, published=dt.date(2026, 2, 16))] == ["2026-02-24..2026-02-26"]


def test_a_russian_run_of_bare_days_after_a_month_said_before_is_of_that_month(seed):
    text = "В конце мая, с 28 по 30-е, в Алма-Ате мы проведем международный семинар."

    assert [p.iso for p in propose(text, published=dt.date(2024, 4, 12))] == ["2024-05-28..2024-05-30"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Прошлогодний фестиваль, прошедший в августе, посетили свыше 12 тысяч зрителей.", ["2025-08"]),
        ("Last year's forum, held on 29–30 May, drew delegations from 70 countries.", ["2025-05-29..2025-05-30"]),
        ("The forum will be held on 29–30 May 2027, after last year's success.", ["2027-05-29..2027-05-30"]),
    ],
)
def test_last_years_event_takes_last_year_for_a_date_said_without_its_year(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 10, 5))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"I valued the people most," said one of last year\'s participants.', []),
        ("Last year's forum drew delegations from 70 countries.", ["2025"]),
    ],
)
def test_last_years_is_a_date_only_for_an_event(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 10, 5))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Members will report on the implementation of today's resolutions at the 20th Heads of Bureaus Conference, "
         "to be held in Lyon next spring.", ["2027-03..2027-05"]),
        ("Yesterday's talks in Minsk covered trade.", ["2026-10-04"]),
    ],
)  # fmt: skip
def test_todays_is_a_date_only_for_an_event(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 10, 5))] == expected


def test_days_an_event_was_postponed_by_are_no_culture_days(seed):
    text = "The launch of our report, originally scheduled for Tuesday 10 March, has been postponed by nine days."

    assert propose(text, published=dt.date(2026, 3, 3)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Визит делегации переносится на вторую половину мая.", [("2018-05", "visit")]),
        ("Заседание комиссии перенесено на конец июня.", [("2018-06", "meeting")]),
        ("Форум намечен на середину сентября.", [("2018-09", "forum")]),
    ],
)
def test_a_part_of_a_month_after_na_is_that_month(seed, text, expected):
    assert dates_and_types(text, dt.date(2018, 3, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks took place in 2011, in September.", [("2011-09", "meeting")]),
        ("Переговоры состоялись в 2011 году, в сентябре.", [("2011-09", "meeting")]),
    ],
)
def test_a_month_set_off_by_a_comma_after_a_year_is_that_years_month(seed, text, expected):
    assert dates_and_types(text, dt.date(2023, 10, 6)) == expected


@pytest.mark.parametrize(
    "text",
    ["A follow-up visit in 2014 found problems.", "A follow-up visit in 2014 resulted in an agreement."],
)
def test_a_year_before_a_verb_in_the_past_is_a_year_not_a_count(seed, text):
    assert dates_and_types(text, dt.date(2023, 10, 6)) == [("2014", "visit")]


@pytest.mark.parametrize(
    "text",
    [
        "June 10 to 12 — Expert consultations on the nomination",
        "Expert consultations were held June 10 to 12 in Ottawa.",
    ],
)
def test_a_month_then_two_days_joined_by_to_are_a_run(seed, text):
    assert dates_and_types(text, dt.date(2024, 7, 2)) == [("2024-06-10..2024-06-12", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dash after a year that starts an aside is no span of years.
        (
            "We hosted the seventh BRICS International Competition Conference in 2021 — in a hybrid format, because "
            "of the pandemic.",
            [("2021", "forum")],
        ),
        # A span of years is no year of an event.
        ("The programme of conferences in 2021–2022 was approved.", []),
    ],
)
def test_a_year_followed_by_a_dash_is_a_year_unless_another_year_follows(seed, text, expected):
    assert dates_and_types(text, dt.date(2025, 2, 18)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The seminar is held today and tomorrow in Tirana.", [("2023-11-09..2023-11-10", "forum")]),
        ("Вчера и сегодня в Минске прошли консультации.", [("2023-11-08..2023-11-09", "meeting")]),
        # Not running: two days apart stay two events.
        ("The ministers met yesterday and will meet again the day after tomorrow.",
         [("2023-11-08", "meeting"), ("2023-11-11", "meeting")]),
    ],
)  # fmt: skip
def test_two_days_named_from_the_publication_and_running_are_one_run(seed, text, expected):
    assert dates_and_types(text, dt.date(2023, 11, 9)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chronicle of March 2026\n\n24 March. The Minister met the Ambassador.\n\n26–27 March. The Council held a "
        'conference, "Eurasian Security: A Look to 2030", attended by experts from 31 countries.',
        "Хроника марта 2026 года\n\n24 марта. Министр встретился с послом.\n\n26–27 марта. Совет провёл конференцию "
        "«Евразия: взгляд к 2030 году» с участием экспертов из 31 страны.",
    ],
)
def test_a_year_a_quoted_name_looks_to_is_the_names_not_a_date(seed, text):
    assert [p.iso for p in propose(text, published=dt.date(2026, 4, 2))] == ["2026-03-24", "2026-03-26..2026-03-27"]
