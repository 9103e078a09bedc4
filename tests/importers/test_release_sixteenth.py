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
