"""Drafting readings of the twelfth session, each on texts of the project's own, with texts that must not fire it."""

import pytest

from events.importers.release_words import split_sentences
from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "в ближайшую субботу" (whose lemma is "близкий"): the Saturday to come; "в ближайшие годы" is no date
        ("В ближайшую субботу откроется фотовыставка.", "2024-06-03", [("2024-06-08", "exhibition", False)]),
        ("В ближайшие выходные пройдёт фестиваль.", "2024-06-03", [("2024-06-08..2024-06-09", "festival", False)]),
        ("В ближайшие годы пройдёт фестиваль.", "2024-06-03", []),
    ],
)
def test_the_nearest_weekday_or_weekend_is_the_one_to_come(seed, text, published, expected):
    assert proposals(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("День третий. Делегация приняла участие в семинаре.", [("2024-05-29", "forum", False)]),
        ("Day three: the delegation took part in a seminar.", [("2024-05-29", "forum", False)]),
        ("Day 2 – the delegation took part in a seminar.", [("2024-05-28", "forum", False)]),
        ("День первый и второй. Делегация приняла участие в семинаре.", [("2024-05-27..2024-05-28", "forum", False)]),
        # not a heading: a day of something else, or no number
        ("Day one of the new programme brought a seminar.", []),
        ("День открытых дверей. Делегация приняла участие в семинаре.", []),
    ],
)
def test_a_paragraph_headed_by_a_days_number_counts_it_from_the_trips_first_day(seed, text, expected):
    trip = (
        "С 27 по 31 мая делегация находилась во Вьетнаме."
        if text[0] == "Д"
        else "From 27 to 31 May the delegation was in Vietnam."
    )
    assert proposals(f"{trip}\n\n{text}", "2024-06-03") == [("2024-05-27..2024-05-31", "visit", False), *expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sports games and matches of more sorts are events of the general type; video games are not
        ("The National Youth Mind Sports Games took place in Jyväskylä on 30 May.", [("2022-05-30", "other", False)]),
        ("30 мая в Казани открылись Всемирные студенческие игры.", [("2022-05-30", "other", False)]),
        (
            "The Baltic–Nordic draughts match was played in Turku on 10–11 September.",
            [("2022-09-10..2022-09-11", "other", False)],
        ),
        ("On 30 May the company presented its new video games.", []),
        # irregular pasts tell the past: "ran from Thursday to Sunday" was last week
        ("The festival ran in Astana from Thursday to Sunday.", [("2023-01-05..2023-01-08", "festival", False)]),
        ("The festival will run in Astana from Thursday to Sunday.", [("2023-01-12..2023-01-15", "festival", False)]),
    ],
)
def test_games_matches_and_irregular_pasts(seed, text, expected):
    assert proposals(text, "2023-01-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head of the body speaking travels as the body does
        (
            "I was in Mongolia from 29 October to 4 November with two of our field scientists.",
            [("2016-10-29..2016-11-04", "visit", False)],
        ),
        ("В прошлый вторник я была в Берлине на переговорах.", [("2016-11-08", "meeting", False)]),
        # at a round table, the round table is the event
        ("В прошлый вторник я была в Берлине на круглом столе.", [("2016-11-08", "forum", False)]),
        ("В прошлый вторник мы были в Берлине на круглом столе.", [("2016-11-08", "forum", False)]),
        # no place, no trip
        ("I was in charge of the project from 29 October to 4 November.", []),
    ],
)
def test_the_speaker_travels_and_a_round_table_attended_is_the_event(seed, text, expected):
    assert proposals(text, "2016-11-09") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an event telling the time of the date before it: the event after the date is its own
        (
            "On the day before the meeting, Monday, 26 February 2024, the Secretariat will hold a workshop.",
            "2024-01-09",
            [("2024-02-26", "forum", False)],
        ),
        (
            "Накануне форума, 3 июня, состоится заседание делового совета.",
            "2025-05-20",
            [("2025-06-03", "meeting", False)],
        ),
        # with no event after it, the event named keeps the date
        (
            "On the eve of the meeting, on 26 February, the ministers will speak to the press.",
            "2024-01-09",
            [("2024-02-26", "meeting", False)],
        ),
    ],
)
def test_an_event_telling_the_time_yields_to_the_event_after_the_date(seed, text, published, expected):
    assert proposals(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day a programme is published is no event's; the event's own days stay its
        (
            "ITU has today published the programme of the Symposium, which will be held in Sharm el-Sheikh from 5 to "
            "8 June.",
            [("2023-06-05..2023-06-08", "forum", False)],
        ),
        ("Министерство сегодня опубликовало программу форума.", []),
        # a day of an event's own verb stays the event's
        ("The Minister today opened the forum.", [("2023-05-16", "forum", False)]),
    ],
)
def test_the_day_an_events_programme_is_published_is_not_its_day(seed, text, expected):
    assert proposals(text, "2023-05-16") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a programme to be published names no event of its day
        ("Программа секции будет опубликована на сайте на следующей неделе.", []),
        ("The programme of the forum will be published next week.", []),
        # results presented at a meeting: the meeting is the event
        ("Итоги школы будут представлены в июне на рабочей встрече в Москве.", [("2020-06", "meeting", False)]),
        # an event's results announced at a meeting: the meeting's day
        (
            "The results of the tender, announced on 5 November at the meeting of the Board, were approved.",
            [("2019-11-05", "meeting", False)],
        ),
    ],
)
def test_a_programme_to_be_published_is_no_event(seed, text, expected):
    assert proposals(text, "2019-11-05") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials end no sentence
        (
            "Делегация библиотеки имени Б.Н. Ельцина была в Ханое. Гости посетили музей.",
            ["Делегация библиотеки имени Б.Н. Ельцина была в Ханое.", "Гости посетили музей."],
        ),
        (
            "A talk on J.R.R. Tolkien opened the day. It was full.",
            ["A talk on J.R.R. Tolkien opened the day.", "It was full."],
        ),
        # a year's abbreviation in brackets does
        (
            "Отношения установлены (24 января 1992 г.). Министры высоко оценили приём.",
            ["Отношения установлены (24 января 1992 г.).", "Министры высоко оценили приём."],
        ),
    ],
)
def test_initials_end_no_sentence(text, expected):
    assert split_sentences(text) == expected


def test_a_visit_of_a_body_named_with_initials_is_proposed(seed):
    text = "С 19 по 22 февраля делегация библиотеки имени Б.Н. Ельцина находилась с визитом во Вьетнаме."
    assert proposals(text, "2024-02-26") == [("2024-02-19..2024-02-22", "visit", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "которую мы готовили на 9–10 сентября, переносится": the date moved from; the new dates follow
        (
            "Конференция «Леопард», которую мы готовили на 9–10 сентября во Владивостоке, переносится. Новые даты — "
            "2 и 3 декабря.",
            [("2025-09-09..2025-09-10", "forum", True), ("2025-12-02..2025-12-03", "forum", False)],
        ),
    ],
)
def test_a_date_prepared_for_is_the_one_moved_from(seed, text, expected):
    assert proposals(text, "2025-08-27") == expected


def test_returning_tells_the_past():
    # said on a Saturday, "on Monday" would be the Monday to come without the past of "returned"
    assert proposals("The delegation returned on Monday from a trip to Japan.", "2023-01-14") == [
        ("2023-01-09", "visit", False)
    ]


def test_a_move_told_with_another_date_carries_to_the_next_sentences(seed):
    text = (
        "Following the Government's decision of 27 March to extend the restrictions, the Federation has decided to "
        "postpone the European Senior Team Chess Championship.\n\n"
        "The championship was due to take place at the Radisson Golden Sands, Mellieħa, from 9 to 17 May. It will now "
        "be held at the same venue from 29 September to 7 October 2020."
    )
    decision, *championship = proposals(text, "2020-04-02")
    assert decision[1:] == ("other", True)  # a decision's date: a document's, unticked
    assert championship == [("2020-05-09..2020-05-17", "other", True), ("2020-09-29..2020-10-07", "other", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a delegation received over a heading's days is a visit hosted
        ("2–4 октября.\nЗоопарк принимал делегацию Пекинского зоопарка.", [("2018-10-02..2018-10-04", "visit", False)]),
        # received on one day: an audience
        ("9 октября.\nДиректор принял делегацию Пекинского зоопарка.", [("2018-10-09", "meeting", False)]),
    ],
)
def test_a_delegation_received_over_a_headings_days_is_a_visit(seed, text, expected):
    assert proposals(text, "2018-11-02") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun for the event the sentence before named: its date, not the competitions'
        (
            "Главное — фестиваль «Журавлиная родина». В этом году он пройдёт 19 сентября: будут лекции, конкурсы для "
            "детей.",
            [("2020-09-19", "festival", False)],
        ),
        (
            "The main event is the Crane Homeland festival. This year it will take place on 19 September, with "
            "lectures and competitions for children.",
            [("2020-09-19", "festival", False)],
        ),
        # "we" is no pronoun for an event
        (
            "The main event is the Crane Homeland festival. On 19 September we will hold a concert for children.",
            [("2020-09-19", "other", False)],
        ),
        # the days an event closed and began on, its workers between: "работали мы с 20 июля"
        (
            "Экспедиция по учёту журавлей завершилась позавчера, работали мы с 20 июля.",
            [("2020-07-20..2020-08-10", "other", False)],
        ),
    ],
)
def test_a_pronoun_takes_the_event_named_before_and_workers_since_a_day_start_its_run(seed, text, expected):
    assert proposals(text, "2020-08-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Throughout the autumn," leads a fronted run of months
        (
            "Throughout the autumn, from September to November, the festival travelled through 18 districts.",
            [("2018-09..2018-11", "festival", False)],
        ),
    ],
)
def test_a_run_of_months_fronted_by_throughout(seed, text, expected):
    assert proposals(text, "2019-01-15") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a director, a rector travel as other heads do
        ("Our Director travelled to Kazakhstan from 21 to 23 January.", [("2025-01-21..2025-01-23", "visit", False)]),
        (
            "С 21 по 23 января ректор университета находился с визитом в Алматы.",
            [("2025-01-21..2025-01-23", "visit", False)],
        ),
        ("On 22 January the Minister received the Director of Almaty Zoo.", [("2025-01-22", "meeting", False)]),
    ],
)
def test_directors_and_rectors_are_guests(seed, text, expected):
    assert proposals(text, "2026-01-08") == expected


def test_open_days_are_an_event_of_the_general_type_not_culture_days(seed):
    text = "Thank you to everyone who came to our open days last weekend."
    assert proposals(text, "2025-11-27") == [("2025-11-22..2025-11-23", "other", False)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "по итогам X <its day>": X's day, unless a signing follows (the signing's)
        (
            "По итогам переговоров 3 апреля принято совместное заявление.",
            "2024-04-05",
            [("2024-04-03", "meeting", False)],
        ),
        (
            "3–4 марта состоялось заседание комиссии. По итогам заседания 4 марта подписан протокол.",
            "2024-04-05",
            [("2024-03-03..2024-03-04", "meeting", False), ("2024-03-04", "signing", False)],
        ),
        (
            "По итогам визита, который завершился 20 мая, подписан протокол.",
            "2024-05-25",
            [("2024-05-20", "visit", False)],
        ),
        # a relative clause of the frame followed by the main clause: the main clause's event
        (
            "On the sidelines of the forum, which opens today in Kazan, the ministers signed an agreement.",
            "2024-11-01",
            [("2024-11-01", "signing", False)],
        ),
        # a verb of holding is no noun of holding: the object before it is held
        (
            "Выставку планируется провести в мае, а фестиваль — в июле.",
            "2024-03-01",
            [("2024-05", "exhibition", False), ("2024-07", "festival", False)],
        ),
        # a body announcing its event keeps it
        (
            "Оргкомитет форума проведёт его 10–12 июня в Казани.",
            "2024-03-01",
            [("2024-06-10..2024-06-12", "forum", False)],
        ),
        # an event's own participle is no timing to another
        ("Специально подготовленная выставка откроется 5 мая.", "2024-03-01", [("2024-05-05", "exhibition", False)]),
        ("Приуроченная к форуму выставка откроется 5 мая.", "2024-03-01", [("2024-05-05", "exhibition", False)]),
        # the speaker's memoir is no visit
        ("In 2005 I was in Kenya for the first time, as a volunteer.", "2016-11-09", []),
        # games that are products
        ("On 5 January the sports ministry released a new youth games app for children.", "2023-01-10", []),
    ],
)
def test_the_reviews_near_misses(seed, text, published, expected):
    assert proposals(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The delegation visited the U.K. On 15 May it will attend a seminar.",
            ["The delegation visited the U.K.", "On 15 May it will attend a seminar."],
        ),
        (
            "Собрание пройдёт в кабинете № 3. Обсуждаем расписание.",
            ["Собрание пройдёт в кабинете № 3.", "Обсуждаем расписание."],
        ),
        ("1. Special Session of the Committee", ["1. Special Session of the Committee"]),
    ],
)
def test_abbreviations_before_a_sentence_opener_and_numbers_end_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "в первой половине 2018 года", "во второй половине года": a half year; half of the participants is none
        (
            "Следующую встречу решено провести в первой половине 2018 года в Астане.",
            [("2018-01..2018-06", "meeting", False)],
        ),
        ("Во второй половине года пройдёт форум.", [("2017-07..2017-12", "forum", False)]),
        ("Половина участников форума прибыла вчера.", [("2017-06-21", "forum", False)]),
    ],
)
def test_a_half_of_a_year_said_with_polovina(seed, text, expected):
    assert proposals(text, "2017-06-22") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a week of fashion or design is a festival, as a film week is
        (
            "Baltic Design Week will take place in Riga from 30 May to 3 June.",
            [("2018-05-30..2018-06-03", "festival", False)],
        ),
        ("С 12 по 17 апреля в Москве пройдёт Неделя моды.", [("2018-04-12..2018-04-17", "festival", False)]),
        # a week of a country's culture stays culture days
        (
            "Uzbek Culture Week will take place in Riga from 30 May to 3 June.",
            [("2018-05-30..2018-06-03", "culture-days", False)],
        ),
    ],
)
def test_fashion_and_design_weeks_are_festivals(seed, text, expected):
    assert proposals(text, "2018-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a culture week with its programme after a colon stays culture days
        (
            "We closed the year with Chinese Culture Week from 3 to 7 December: five days of film screenings and "
            "cooking classes.",
            [("2018-12-03..2018-12-07", "culture-days", False)],
        ),
        # a round of a contest is no round of talks
        (
            'On 12 April we hosted the regional round of the "Chinese Bridge" Competition.',
            [("2018-04-12", "other", False)],
        ),
        ("On 12 April the sides held the second round of consultations.", [("2018-04-12", "meeting", False)]),
    ],
)
def test_a_culture_week_and_a_contests_round(seed, text, expected):
    assert proposals(text, "2019-01-15") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "would like to thank" is politeness, no future
        (
            'We would like to thank everyone who took part in the round table "Women in Science" at Al-Farabi '
            "University on 5 March.",
            [("2020-03-05", "forum", False)],
        ),
        # "would" of a plan reported is
        ("The ministers agreed that the round table would take place on 5 March.", [("2021-03-05", "forum", False)]),
    ],
)
def test_would_like_is_no_future(seed, text, expected):
    assert proposals(text, "2020-03-13") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an air show is an exhibition; its title's line of place and days, a venue's word in lower case
        (
            "AERO VOLGA 2019 International Air Show\nSamara, Kurumoch airfield, 24–28 July 2019\n\nThe show brings "
            "together 214 exhibitors.",
            [("2019-07-24..2019-07-28", "exhibition", False)],
        ),
        ("The figures show growth of 5% in June.", []),
    ],
)
def test_an_air_show_under_its_title(seed, text, expected):
    assert proposals(text, "2019-07-02") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Неделя китайской культуры": a week of a country's culture
        (
            "С 16 по 22 октября.\nИнститут Конфуция провёл Неделю китайской культуры.",
            [("2017-10-16..2017-10-22", "culture-days", False)],
        ),
        ("На следующей неделе культура станет главной темой.", []),
    ],
)
def test_a_russian_week_of_a_countrys_culture(seed, text, expected):
    assert proposals(text, "2017-11-02") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a film week with its programme after a colon stays a festival
        (
            "С 11 по 17 апреля в кинотеатре пройдёт Неделя французского кино: в программе семь фильмов и две премьеры.",
            [("2019-04-11..2019-04-17", "festival", False)],
        ),
        (
            "Russian Film Week opens in London on 15 November: twelve premieres and a gala.",
            [("2019-11-15", "festival", False)],
        ),
    ],
)
def test_a_film_week_with_its_programme(seed, text, expected):
    assert proposals(text, "2019-04-02") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second review's near misses
        ("По итогам визита в Китай 14-16 мая министр дал интервью.", [("2024-05-14..2024-05-16", "visit", False)]),
        ("По итогам переговоров 15 мая министры подписали совместное заявление.", [("2024-05-15", "meeting", False)]),
        ("Open days of Uzbek culture will be held on 5-7 June.", [("2024-06-05..2024-06-07", "culture-days", False)]),
        (
            "On 25 May Ivan Petrov became the winner of the international piano competition.",
            [("2024-05-25", "other", False)],
        ),
        ("The Ambassador congratulated the community on the festivity of Navruz, which falls on 21 March.", []),
    ],
)
def test_the_second_reviews_near_misses(seed, text, expected):
    assert proposals(text, "2024-05-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Новые даты —": a move's new days are to come, though the nearest such day is past
        (
            "Конференция «Город для всех», которую мы готовили на 2–3 апреля, переносится. Новые даты — 24 и 25 "
            "сентября.",
            [("2024-04-02..2024-04-03", "forum", True), ("2024-09-24..2024-09-25", "forum", False)],
        ),
        (
            "The conference has been postponed. New dates: 24 and 25 September.",
            [("2024-09-24..2024-09-25", "forum", False)],
        ),
    ],
)
def test_new_dates_are_to_come(seed, text, expected):
    assert proposals(text, "2024-03-01") == expected
