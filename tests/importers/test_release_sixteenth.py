"""Drafting readings of the sixteenth session, each on texts of the project's own, with texts that must not fire it."""

import datetime as dt

import pytest

from events.importers.release import propose
from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Финал пройдёт в Казани с 20 по 24 апреля.", [("2018-04-20..2018-04-24", "other", False)]),
        ("Онлайн-полуфинал конкурса состоится 6 сентября.", [("2018-09-06", "other", False)]),
        ("Парад ВМФ пройдёт 30 июля в Кронштадте.", [("2018-07-30", "other", False)]),
        ("The naval parade will be held on 30 July in Kronstadt.", [("2018-07-30", "other", False)]),
        # a deadline, a day of results: no event
        ("Итоги финала будут опубликованы 10 мая.", []),
        ("Заявки на участие в финале принимаются до 10 мая.", []),
    ],
)
def test_finals_and_parades_are_events_of_the_general_type(seed, text, expected):
    assert proposals(text, "2018-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A press conference will be held on 9 June at 11:00 at the theatre.", [("2021-06-09", "other", False)]),
        ("Подробно о маршруте расскажут на пресс-конференции в следующий вторник.", [("2021-06-08", "other", False)]),
        # the close of talks told with it: the talks' day
        (
            "The two Prime Ministers held a joint press conference yesterday at the close of the 36th Summit, which "
            "brought together fourteen ministers.",
            [("2021-06-03", "meeting", False)],
        ),
        (
            "16 февраля. Переговоры с Министром иностранных дел Венгрии. По итогам переговоров — совместная "
            "пресс-конференция.",
            [("2021-02-16", "meeting", False)],
        ),
        # a statement's setting: no event
        ("The Minister said at a press conference at the Ministry on Monday that exports grew.", []),
        # accreditation for it: a deadline
        ("Accreditation for the press conference is open until 6 p.m. on Wednesday.", []),
    ],
)
def test_a_press_conference_is_an_event_unless_it_closes_another_or_a_statement_was_made_at_it(seed, text, expected):
    assert proposals(text, "2021-06-04") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Registration for the forum is open until 6 p.m. on 19 June.", []),
        ("Registration for the forum is open until 18:00 on 19 June.", []),
        # the forum's own day, after a time with full stops
        ("The forum opens at 9 a.m. on 19 June in Riga.", [("2021-06-19", "forum", False)]),
    ],
)
def test_a_deadlines_time_with_full_stops_keeps_what_is_due(seed, text, expected):
    assert proposals(text, "2021-06-04") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A life-size bronze statue of the engineer will be unveiled next Thursday, May 26, at 11 a.m.",
            [("2016-05-26", "other", False)],
        ),
        (
            "The new road bridge will be officially inaugurated on Friday, 1 September.",
            [("2017-09-01", "other", False)],
        ),
        ("The inauguration of the new chancery is planned for 14 June.", [("2016-06-14", "other", False)]),
        ("Закладка первого камня нового здания посольства состоится 12 мая.", [("2017-05-12", "other", False)]),
        # an exhibition inaugurated is the exhibition
        ("The Minister inaugurated the exhibition on 3 May.", [("2016-05-03", "exhibition", False)]),
        # a thing's inauguration years ago is its story: unticked
        (
            "The pipeline, inaugurated in Eskişehir on 12 June 2013, currently operates at full capacity.",
            [("2013-06-12", "other", True)],
        ),
    ],
)
def test_inaugurations_unveilings_and_foundation_stones_are_ceremonies(seed, text, expected):
    assert proposals(text, "2016-05-20") == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("A bronze statue will be unveiled on 26 May.", "Unveiling"),
        ("The bridge will be inaugurated on 1 September.", "Inauguration"),
        ("The ministers met on 3 May in Riga.", "Meeting"),
        ("The agreement will be signed on 3 June.", "Signing"),
    ],
)
def test_an_event_named_by_a_verb_alone_is_titled_by_its_noun(seed, text, title):
    assert [p.title for p in propose(text, published=dt.date(2016, 5, 20))] == [title]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A delegation from Bochnia led by the Mayor will be in Rock Island from May 24 to 27.",
            [("2016-05-24..2016-05-27", "visit", False)],
        ),
        # no guest: a thing, a grant's stay
        ("The statue arrived in Rock Island by container on 9 May.", []),
        ("The Institute's grant for a one-month stay in Valparaíso is open until 31 October.", []),
    ],
)
def test_guests_being_in_a_place_by_its_name_make_a_visit(seed, text, expected):
    assert proposals(text, "2016-05-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Пребывание малайзийской делегации во главе с командующим ВВС в России запланировано на 27–29 августа.",
            [("2019-08-27..2019-08-29", "visit", False)],
        ),
        (
            "The official opening of the National Pavilion will take place on 19 April.",
            [("2020-04-19", "other", False)],
        ),
        # the opening of an event is the event's
        ("The official opening of the exhibition will take place on 19 April.", [("2020-04-19", "exhibition", False)]),
        ("A port call of a Japanese destroyer to Manila is planned for June.", [("2020-06", "visit", False)]),
        ("Режим пребывания иностранцев изменится с 1 июля.", []),
    ],
)
def test_a_stay_of_guests_an_official_opening_and_a_port_call(seed, text, expected):
    assert proposals(text, "2019-06-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Days of Culture return to Broward County April 26 to May 2.",
            [("2027-04-26..2027-05-02", "culture-days", False)],
        ),
        ("The festival will run 14/05–16/05.", [("2027-05-14..2027-05-16", "festival", False)]),
        ("The reception will be held on 10/10 in Seoul.", [("2027-10-10", "other", False)]),
        ("15/05 (Sat), 12:00–18:00: Open Day at the Centre.", [("2027-05-15", "other", False)]),
        # a release that writes the month first: "5/2" is 2 May
        (
            "4/26 – Parade of Ships.\n\n5/2 – Air Show.",
            [("2027-04-26", "other", False), ("2027-05-02", "exhibition", False)],
        ),
        # no date told
        ("The consular hotline is open 24/7 until 30 April.", []),
        ("Only 1/2 of the festival's budget was spent.", []),
    ],
)
def test_a_later_month_after_to_and_days_with_a_slash_and_no_year(seed, text, expected):
    assert proposals(text, "2027-04-05") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fleet Week will run from April 26 to May 2.", [("2027-04-26..2027-05-02", "other", False)]),
        ("International Week takes place from 10 to 14 May.", [("2027-05-10..2027-05-14", "other", False)]),
        ("Uzbek Culture Week will follow on 1–6 December.", [("2027-12-01..2027-12-06", "culture-days", False)]),
        (
            "Next month the province will take its Culture and Tourism Week to Munich.",
            [("2027-05", "culture-days", False)],
        ),
        (
            "Mogilev Days will be held in Tula from 5 to 7 September.",
            [("2027-09-05..2027-09-07", "culture-days", False)],
        ),
    ],
)
def test_an_english_weeks_name_of_no_culture_is_an_event_of_the_general_type(seed, text, expected):
    assert proposals(text, "2027-04-05") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "По окончании визита отряд примет участие в военно-морском учении «Орруда-2025», которое пройдёт с 8 по "
            "11 ноября.",
            [("2025-11-08..2025-11-11", "other", False)],
        ),
        (
            "After the visit the ships will take part in the exercise, which will run from 8 to 11 November.",
            [("2025-11-08..2025-11-11", "other", False)],
        ),
        # a quoted name's word is not the event: the festival's
        (
            "Посол пригласил губернатора на фестиваль «Славянский базар», который пройдёт с 10 по 14 июля.",
            [("2026-07-10..2026-07-14", "festival", False)],
        ),
        # no clause of holding: the visit's days
        (
            "The exercise was planned during the visit, from 8 to 11 November.",
            [("2025-11-08..2025-11-11", "visit", False)],
        ),
    ],
)
def test_a_relative_clause_of_holding_before_a_date_gives_the_date_to_its_event(seed, text, expected):
    assert proposals(text, "2025-11-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A tourism seminar that had been planned for November in Tokyo was called off.",
            [("2019-11", "forum", True)],
        ),
        ("Load tests, completed on 18 August, confirmed that the structure meets all the design parameters.", []),
        ("The ministers met on 18 April in Riga.", [("2019-04-18", "meeting", False)]),
        (
            "The 29th Inter-Sessional Meeting of the Conference of Heads of Government of CARICOM took place on 26–27 "
            "February.",
            [("2019-02-26..2019-02-27", "meeting", False)],
        ),
        # a conference of heads held as one, and a round table of heads
        (
            "On 21–22 April, Tbilisi will host the regional Conference of Heads of Border Police.",
            [("2020-04-21..2020-04-22", "forum", False)],
        ),
        (
            "Last autumn we hosted a round table of the heads of five patent offices.",
            [("2018-09..2018-11", "forum", False)],
        ),
    ],
)
def test_called_off_requirements_met_and_a_conference_of_heads_as_a_body(seed, text, expected):
    assert proposals(text, "2019-05-21") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Заявки на участие в I этапе Кубка принимаются до 16 июня, на II этап – через федерацию до 1 августа.",
            [],
        ),
        ("Кубок пройдёт с 16 июня до 1 августа.", [("2021-06-16..2021-08-01", "other", False)]),
        (
            "Круглый стол по вопросам морского права, планировавшийся на 25 июня, отменен организаторами.",
            [("2021-06-25", "forum", True)],
        ),
    ],
)
def test_two_ends_make_no_run_and_a_cancelling_without_its_yo(seed, text, expected):
    assert proposals(text, "2021-06-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Commanding Officer called on the Deputy Commander of the Baltic Fleet at Kronshtadt on 23 July.",
            [("2021-07-23", "meeting", False)],
        ),
        ("The Ambassador paid a courtesy call on the Prime Minister on 14 June.", [("2021-06-14", "meeting", False)]),
        # an appeal, no call paid
        ("On 3 May the Ministers called on the governments of the region to adopt national action plans.", []),
        ("The Institute will call on schools and libraries on 3 September.", []),
    ],
)
def test_a_call_paid_on_a_person_is_a_meeting(seed, text, expected):
    assert proposals(text, "2021-07-30") == expected


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        # a review's cases: where a statement was made, a deadline's time, a final of talks, no parade held
        ("2025-06-11", "Speaking at a press conference on Monday, the Minister said that exports had grown.", []),
        ("2025-06-10", "At a press conference on 9 June, the Ambassador announced the opening of a visa centre.", []),
        ("2025-06-11", "The Minister, speaking at a press briefing on 9 June, said exports had grown.", []),
        ("2025-06-04", "Министр заявил об этом на пресс-конференции в понедельник.", []),
        ("2025-06-04", "Выступая на пресс-конференции 2 июня, министр отметил рост экспорта.", []),
        ("2025-06-01", "Accreditation for the press conference closes at 5 p.m. on 8 June.", []),
        ("2025-06-01", "Registration for the forum closes at 5 p.m. on 8 June.", []),
        (
            "2025-05-16",
            "В финале переговоров, состоявшихся 15 мая в Ташкенте, стороны договорились продолжить диалог.",
            [("2025-05-15", "meeting", False)],
        ),
        ("2025-03-10", "Песня заняла первое место в хит-параде 3 марта.", []),
        ("2025-02-20", "Парад планет можно будет наблюдать 28 февраля.", []),
        ("2025-05-01", "The grand opening hours of the museum are 10 a.m. to 6 p.m. from 1 May.", []),
        ("2025-05-01", "The supplier met the delivery date of 30 April.", []),
        (
            "2025-03-01",
            "Заседание Конференции глав правительств КАРИКОМ прошло 26–27 февраля.",
            [("2025-02-26..2025-02-27", "meeting", False)],
        ),
        # still events
        ("2025-03-01", "Онлайн-финал конкурса состоится 6 сентября.", [("2025-09-06", "other", False)]),
        ("2025-04-25", "Парад Победы пройдёт на Красной площади 9 мая.", [("2025-05-09", "other", False)]),
    ],
)
def test_the_reviews_look_alikes_of_press_conferences_finals_parades_and_openings(seed, published, text, expected):
    assert proposals(text, published) == expected
