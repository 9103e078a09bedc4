"""A review of the drafting rules of 2026-12-04's second session found them firing on ordinary text (or crashing);
each case is a test here, next to the case the rule was made for."""

import datetime as dt
from collections import Counter

import pytest

from events.importers.release import propose
from events.importers.release_references import REASONS

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 5, 12)


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


def ticked(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    return [(iso, slug) for iso, slug, reason in proposals(text, published) if not reason]


def test_a_film_week_said_as_the_week_three_times_is_read_without_end(seed):
    text = (
        "The Ministry will hold the Armenian Film Week in Buenos Aires this month.\n\n"
        "The Week opens in Buenos Aires on Tuesday 24 February and runs there until 2 March.\n\n"
        "The Week then moves to Córdoba, where it runs from 5 to 8 March."
    )

    assert ticked(text, dt.date(2026, 2, 3)) == [
        ("2026-02-24..2026-03-02", "festival"),
        ("2026-03-05..2026-03-08", "festival"),
    ]


def test_days_of_culture_after_a_film_week_stay_culture_days(seed):
    text = (
        "The Armenian Film Week will run in Buenos Aires from 24 February to 2 March.\n\n"
        "The Days of Armenian Culture will also take place in Córdoba in March. The Days open on 10 March."
    )

    assert ticked(text, dt.date(2026, 2, 3))[-1] == ("2026-03-10", "culture-days")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Building on last year's success, the Business Forum will be held again in Tashkent on 10–11 June.",
            [("2026-06-10..2026-06-11", "forum")],
        ),
        (
            "Прошлогодний фестиваль собрал пять тысяч зрителей, а в этот раз он пройдёт 10–12 июня.",
            [("2026-06-10..2026-06-12", "festival")],
        ),
    ],
)
def test_an_event_to_come_after_last_years_stays_this_year(seed, text, expected):
    assert ticked(text) == expected


def test_another_event_of_the_type_starting_in_a_months_event_does_not_replace_it(seed):
    text = (
        "The Days of Belarusian Culture will be held in Kazan in June.\n\n"
        "The Days of Tatarstan Culture will be held in Minsk from 28 June to 3 July."
    )

    assert ticked(text) == [("2026-06", "culture-days"), ("2026-06-28..2026-07-03", "culture-days")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kazakh-Belarusian Business Forum will take place in Minsk on 10–11 June. On 11 June, the Prime "
            "Ministers will hold talks, followed by the opening ceremony of a joint venture.",
            [("2026-06-10..2026-06-11", "forum"), ("2026-06-11", "meeting")],
        ),
        (
            "The photo exhibition will run at the National Museum from 1 June to 30 July. On 15 June, the plenary "
            "session of the Intergovernmental Commission will take place in Tashkent.",
            [("2026-06-01..2026-07-30", "exhibition"), ("2026-06-15", "meeting")],
        ),
    ],
)
def test_talks_near_a_ceremony_and_a_session_in_an_exhibitions_days_stay_events(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministers held talks on 10 May, when they agreed on the dates of the upcoming official visit.",
        "10 мая состоялась встреча министров, в ходе которой обсуждалась подготовка к предстоящему визиту.",
    ],
)
def test_talks_about_a_visit_to_come_are_talks(seed, text):
    assert ticked(text) == [("2026-05-10", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В ходе переговоров 10 мая стороны выступили за отмену односторонних санкций.", [("2026-05-10", "meeting")]),
        ("At the summit on 10 May, the leaders called for debt cancellation.", [("2026-05-10", "meeting")]),
        ("The concert on 8 July will go ahead; it has not been cancelled.", [("2026-07-08", "other")]),
    ],
)
def test_a_cancellation_as_a_topic_or_denied_cancels_nothing(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    "text", ["The concert planned for 8 July was not held.", "The forum scheduled for 8 July has not taken place."]
)
def test_an_event_that_was_not_held_is_unticked(seed, text):
    assert [reason for _iso, _slug, reason in proposals(text, dt.date(2026, 7, 20))] == ["The event was cancelled."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Eurasian Media Forum will be held in Almaty on 10–11 June.", [("2026-06-10..2026-06-11", "forum")]),
        ("Праздничные мероприятия, посвящённые Дню Победы, прошли в посольстве 9 мая.", [("2026-05-09", "other")]),
    ],
)
def test_a_media_forum_and_festive_events_are_events(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Kazakhstan's mission to the European Union hosted a reception on 8 July.",
            dt.date(2026, 7, 10),
            [("2026-07-08", "other")],
        ),
        ("On 8 July the IMF mission to Kyrgyzstan will conclude its review.", dt.date(2026, 7, 1), []),
    ],
)
def test_a_mission_that_is_an_office_is_no_visit(seed, text, published, expected):
    assert ticked(text, published) == expected


def test_the_day_of_an_event_just_named_with_its_own_days_is_not_an_earlier_ones(seed):
    text = (
        "The Forum of Regions was held on 10 March. The next forum will take place in Kazan on 5–6 October, and on "
        "the day of the forum an exhibition of regional producers will open."
    )

    assert ticked(text) == [("2026-03-10", "forum"), ("2026-10-05..2026-10-06", "forum")]


def test_the_day_of_an_event_known_only_by_its_season_is_no_day(seed):
    text = (
        "Встреча министров прошла 10 марта в Минске. Следующая встреча пройдёт в Москве осенью. "
        "В день встречи будет подписан меморандум."
    )

    assert ticked(text) == [("2026-03-10", "meeting"), ("2026-09..2026-11", "meeting")]


def test_meetings_of_working_groups_over_days_stay_with_talks_on_one_of_them(seed):
    text = "Meetings of the bilateral working groups will be held in Minsk on 18–20 June. On 19 June, the foreign "
    text += "ministers will hold talks."

    assert ticked(text) == [("2026-06-18..2026-06-20", "meeting"), ("2026-06-19", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit, initially planned for 20 November, has been moved to 5 December.", "2026-11-20"),
        ("The 2027 summit, initially scheduled for 15 April, has been moved to 20 May 2027.", "2027-04-15"),
    ],
)
def test_a_date_moved_from_is_the_one_within_a_year_before_the_new_date(seed, text, expected):
    assert proposals(text)[0][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 5 May, after a two-day break, the talks resumed in Geneva.", [("2026-05-05", "meeting")]),
        ("The President arrived in Minsk on 5 May after a two-day stay in Moscow.", [("2026-05-05", "visit")]),
    ],
)
def test_days_before_a_date_that_are_not_its_events_do_not_lengthen_it(seed, text, expected):
    assert ticked(text, dt.date(2026, 5, 7)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in Minsk on 10 May. After the talks, the ministers agreed to prepare an agreement for "
        "signing at the next meeting of the Commission.",
        "Переговоры прошли в Минске 10 мая. По итогам переговоров стороны договорились ускорить подготовку "
        "соглашения к подписанию.",
    ],
)
def test_a_signing_only_prepared_after_talks_is_no_signing(seed, text):
    assert [slug for _iso, slug, _reason in proposals(text)] == ["meeting"]


@pytest.mark.parametrize("times", [30, 300])
def test_each_sentence_is_read_for_its_words_once_however_often_the_day_of_an_event_is_named(seed, times):
    """Work, not time: "on the day of the meeting" compares its words with the sentences of the meetings before it;
    each sentence's words are read once, so the reading stays linear in the text's length."""
    dates = ", ".join(f"the meeting of group {n} on {n % 28 + 1} June" for n in range(50))
    text = f"The week's programme includes {dates}.\n\n" + "On the day of the meeting the ministers opened an "
    text += "exhibition in town. " * times
    work = Counter()

    propose(text, published=PUBLISHED, work=work)

    assert work["sentence words read"] == 1


# A review of the rules of 2026-12-04's third session (11 findings); each case the rule must not fire on. ------------

PUBLISHED_3 = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Monday, 8 June\n\nOPENING CEREMONY. The Minister will open the forum at 10:00 in the main hall.",
        "Понедельник, 8 июня\n\nЦЕРЕМОНИЯ ОТКРЫТИЯ. Министр откроет форум в 10:00 в главном зале.",
    ],
)
def test_an_items_label_in_capitals_stays_under_the_programmes_day(seed, text):
    assert ("2026-06-08", "forum") in ticked(text, PUBLISHED_3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В 2024 году в ходе государственного визита в Китай стороны подписали более 20 документов.",
            ("2024", "visit"),
        ),
        (
            "В сентябре 2024 года главкомы военно-воздушных сил двух стран провели переговоры о соглашении.",
            ("2024-09", "meeting"),
        ),
        ("В мае 2024 года в Минске прошли переговоры о создании совместного предприятия.", ("2024-05", "meeting")),
        (
            "In April 2024, the ministers met in Astana to discuss a working group created to draft the agreement.",
            ("2024-04", "meeting"),
        ),
    ],
)
def test_a_past_event_with_a_signing_forces_or_a_creation_in_its_words_stays_ticked(seed, text, expected):
    assert ticked(text, PUBLISHED_3) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "12 июня в посольстве состоится приём по случаю Дня России. Консульский отдел будет работать три дня в "
            "неделю.",
            ("2026-06-12", "other"),
        ),
        (
            "On 12 June, the embassy will hold a reception. The consular section will remain open three days a week.",
            ("2026-06-12", "other"),
        ),
        (
            "10 июня посол откроет фотовыставку в посольстве. Делегация будет работать в Казани три дня.",
            ("2026-06-10", "exhibition"),
        ),
    ],
)
def test_a_length_of_days_said_of_something_else_lengthens_no_event(seed, text, expected):
    assert ticked(text, PUBLISHED_3) == [expected]


def test_weekday_headings_of_a_digest_newest_first_in_the_past_go_back(seed):
    text = (
        "Friday\nThe Minister met the Ambassador of Japan.\n\n"
        "Thursday\nThe Minister held talks with the Foreign Minister of Laos.\n\n"
        "Wednesday\nThe Minister opened the Asian Business Forum."
    )

    assert [iso for iso, _slug in ticked(text, dt.date(2026, 6, 3))] == ["2026-05-29", "2026-05-28", "2026-05-27"]


@pytest.mark.parametrize(
    "text",
    [
        "Встреча министров 5 июля отменена, а 12 июля министр вернётся в Москву.",
        "Встреча 5 июля отменена, а 12 июля министры проведут телефонный разговор.",
    ],
)
def test_a_day_after_a_but_that_another_doing_takes_is_no_new_day_of_the_cancelled_event(seed, text):
    assert proposals(text, PUBLISHED_3) == [("2026-07-05", "meeting", str(REASONS["cancelled"]))]


def test_a_visit_to_an_exhibition_running_for_months_is_no_months_long_visit(seed):
    text = "В понедельник посол посетил выставку, которая продлится до 15 сентября."

    assert all(slug != "visit" or ".." not in iso for iso, slug in ticked(text, PUBLISHED_3))


@pytest.mark.parametrize(
    "text",
    [
        "The programme of the Days of Russian Culture includes:\n• Winter – a photo exhibition by Ivan Petrov",
        "Программа Дней культуры:\n– Весна – концерт камерного оркестра",
    ],
)
def test_a_capitalised_season_leading_a_list_line_is_a_works_title(seed, text):
    assert ticked(text, PUBLISHED_3) == []


def test_months_of_applications_are_no_contest(seed):
    assert ticked("Приём заявок на конкурс продлится с июня по сентябрь.", PUBLISHED_3) == []


@pytest.mark.parametrize(
    "text",
    [
        "Key events of Russia's 2026 chairmanship:\n- 12 June: summit in Astana\n- 14 February: meeting of foreign "
        "ministers in Bishkek\n- 20 April: forum of regions in Tashkent",
        "Основные мероприятия председательства в 2026 году:\n– 12 июня – саммит в Астане;\n– 14 февраля – заседание "
        "СМИД в Бишкеке;\n– 20 апреля – форум регионов в Ташкенте.",
    ],
)
def test_the_lines_of_a_list_whose_lead_names_its_year_take_that_year(seed, text):
    assert [iso for iso, _slug in ticked(text, PUBLISHED_3)] == ["2026-06-12", "2026-02-14", "2026-04-20"]
