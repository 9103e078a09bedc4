"""Drafting readings of the seventeenth session, on texts of the project's own, with texts that must not fire them."""

import datetime as dt

import pytest

from events.importers.release import propose
from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Пресс-конференция, посвящённая итогам фестиваля, состоится 20 февраля в пресс-центре.",
            [("2026-02-20", "other", False)],
        ),
        (
            "A press conference dedicated to the results of the festival will be held on 20 February.",
            [("2026-02-20", "other", False)],
        ),
        (
            "A press briefing devoted to the forum's preparations will be held on 20 February.",
            [("2026-02-20", "other", False)],
        ),
        # what is dedicated to something is still the event: it is named first
        ("Выставка, посвящённая фестивалю, откроется 3 марта.", [("2026-03-03", "exhibition", False)]),
        ("Dedicated to the festival, the exhibition opens on 3 March.", [("2026-03-03", "exhibition", False)]),
        # nothing named before the dedication: the festival stays
        ("Посвящённый 80-летию Победы фестиваль пройдёт 3 мая.", [("2026-05-03", "festival", False)]),
    ],
)
def test_an_event_named_after_dedicated_to_is_the_topic_of_the_event_before_it(seed, text, expected):
    assert proposals(text, "2026-02-10") == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Пресс-конференция пройдёт 20 февраля.", "Пресс-конференция"),
        ("A press conference will be held on 20 February.", "Press conference"),
    ],
)
def test_a_press_conference_is_titled_by_both_its_words_in_both_languages(seed, text, title):
    assert [p.title for p in propose(text, published=dt.date(2026, 2, 10))] == [title]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Northfield Spring Flower Show opens on Thursday 21 April and runs until Sunday.",
            [("2016-04-21..2016-04-24", "exhibition", False)],
        ),
        ("The Garden Show of the Association opens on 3 May.", [("2016-05-03", "exhibition", False)]),
        # "show" alone is a verb as often as a noun
        ("The figures show that on 21 April exports grew.", []),
    ],
)
def test_a_flower_or_garden_show_is_an_exhibition(seed, text, expected):
    assert proposals(text, "2016-04-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Festival, the Shows of an organisation's name are not events
        ("The Association of European Garden Shows opened its office in Brussels on 3 May.", []),
        ("The Federation of International Trade Fairs will publish its figures on 3 May.", []),
        ("The Association of Film Festivals opened its office in Brussels on 3 May.", []),
        # what the organisation holds is
        ("The Union of Fair Organisers will meet on 3 May.", [("2016-05-03", "meeting", False)]),
    ],
)
def test_an_event_word_in_an_organisations_name_names_no_event(seed, text, expected):
    assert proposals(text, "2016-04-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a theatre, a square named after an event are places
        ("The production will be at the Festival Theatre, Edinburgh, from 28 December 2016 to 3 January 2017.", []),
        (
            "It will be rebuilt for the festival on Congress Square in Ljubljana from 10 to 13 June.",
            [("2017-06-10..2017-06-13", "festival", False)],
        ),
        (
            "Members will mark the occasion at an anniversary dinner at the Assembly Rooms on Saturday, 16 April.",
            [("2016-04-16", "other", False)],
        ),
        # a straight quote that closes a name opens no place's name: the Silk Road is the exhibition's
        (
            '"Coins of the Silk Road", an exhibition prepared by the museum, was on show in Tashkent from 10 June to '
            "29 August.",
            [("2016-06-10..2016-08-29", "exhibition", False)],
        ),
    ],
)
def test_an_event_word_naming_a_theatre_or_a_square_names_no_event(seed, text, expected):
    assert proposals(text, "2016-11-08") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The second international Silk Road Cycling Tour will be held from 28 September to 6 October.",
            [("2023-09-28..2023-10-06", "other", False)],
        ),
        ("A study tour to Shymkent will take place on 17 and 18 May.", [("2024-05-17..2024-05-18", "visit", False)]),
        # a tour not named is as often a tour of a place as an event: the visit is the event
        ("The tour will include a visit to the museum on 28 September.", [("2023-09-28", "visit", False)]),
        ("A guided tour of the plant will start at 10:00 on 28 September.", []),
    ],
)
def test_a_named_tour_is_an_event_and_a_study_tour_a_visit(seed, text, expected):
    assert proposals(text, "2023-09-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Key dates:\n- 20 April 2026 — deadline for study tour bookings\n- 17 May 2026 — study tour",
            [("2026-05-17", "visit", False)],
        ),
        ("- 1 May 2026 — deadline for forum registration", []),
        ("- 15 May 2026: registration deadline for the conference", []),
        # a day with the event's word after it is the event's
        ("- 15 May 2026: the conference", [("2026-05-15", "forum", False)]),
    ],
)
def test_a_deadline_told_just_after_its_day_is_no_event(seed, text, expected):
    assert proposals(text, "2026-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "25.06–10.07 – выставка «Беларусь помнит», подготовленная Национальным архивом.",
            [("2025-06-25..2025-07-10", "exhibition", False)],
        ),
        ("3 июля – концерт, посвящённый Дню Республики.", [("2025-07-03", "other", False)]),
        # a participle of its own happening, or a verb in the past, still dates it
        ("25.06–10.07 – выставка, прошедшая в Минске.", [("2024-06-25..2024-07-10", "exhibition", False)]),
        ("Выставка, подготовленная архивом, прошла 25 июня.", [("2024-06-25", "exhibition", False)]),
    ],
)
def test_a_russian_participle_of_what_was_made_for_an_event_does_not_put_it_in_the_past(seed, text, expected):
    assert proposals(text, "2025-06-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("С 28 июля по 7 августа — турне по Италии.", [("2016-07-28..2016-08-07", "other", False)]),
        # a count of events in a year, the noun singular after a number ending in 1
        ("В 2015 году ансамбль дал 121 концерт.", []),
        ("В 2015 году прошла 31 встреча.", []),
        ("В 2015 году ансамбль дал 11 концертов, а 21 мая — концерт в Риме.", [("2015-05-21", "other", False)]),
    ],
)
def test_a_russian_tour_is_an_event_and_a_count_of_events_in_the_singular_is_none(seed, text, expected):
    assert proposals(text, "2016-12-29") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # its opening's verb before where it opens
        (
            "The 15th Green Shores Festival opens on the Danė riverside on Friday, 8 September, and closes on Sunday "
            "the 17th.",
            [("2023-09-08..2023-09-17", "festival", False)],
        ),
        # an event beside which another runs is not what "it" is
        (
            'Alongside the festival, the museum hosts the exhibition "Gardens of the Hanseatic Cities", with maps. It '
            "runs from 1 September to 29 October.",
            [("2023-09-01..2023-10-29", "exhibition", False)],
        ),
        # a congress is a forum
        ("Съезд пройдёт с 30 мая по 2 июня в Москве.", [("2024-05-30..2024-06-02", "forum", False)]),
    ],
)
def test_an_event_opening_after_its_place_beside_another_or_a_congress(seed, text, expected):
    assert proposals(text, "2023-08-28") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Толщина льда по трассе марафона на 1 февраля составляла от 62 до 78 см.", []),
        ("As of 1 February the register counted 120 members.", []),
        # an event held on a day, "на" its day
        ("Марафон назначен на 6 марта.", [("2027-03-06", "other", False)]),
    ],
)
def test_a_day_figures_are_given_as_of_is_no_event(seed, text, expected):
    assert proposals(text, "2027-01-20") == expected


@pytest.mark.parametrize(
    ("text", "expected", "title"),
    [
        (
            "Основатель марафона, швейцарский бегун, 2 марта отметит 65-летие.",
            [("2027-03-02", "other", True)],
            "65-летие",
        ),
        (
            "3 сентября художественный руководитель ансамбля, народный артист Михаил Ветров отметил 70-летие — он "
            "ровесник своего коллектива.",
            [("2026-09-03", "other", True)],
            "70-летие",
        ),
        # a jubilee of something, or of a body, is celebrated
        (
            "12 июня министр отметит 30-летие установления дипломатических отношений.",
            [("2027-06-12", "other", False)],
            "30-летие установления дипломатических отношений",
        ),
        ("3 сентября ансамбль отметил 70-летие.", [("2026-09-03", "other", False)], "70-летие"),
    ],
)
def test_a_persons_jubilee_is_a_birthday_and_a_jubilee_is_titled_with_its_number(seed, text, expected, title):
    assert proposals(text, "2027-01-20") == expected
    assert [p.title for p in propose(text, published=dt.date(2027, 1, 20))] == [title]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # past an aside of who holds it with whom
        (
            "This fall, together with the Wilson Center, the Embassy will host a seminar on Arctic cooperation.",
            [("2018-09..2018-11", "forum", False)],
        ),
        ("В октябре, совместно с университетом, посольство проведёт семинар.", [("2018-10", "forum", False)]),
        # a round of applications is no round of talks
        ("The next round of scholarship applications for research students opens in early June.", []),
        ("The next round of talks will be held in early June.", [("2018-06", "meeting", False)]),
    ],
)
def test_an_aside_of_partners_after_a_fronted_date_and_a_round_of_applications(seed, text, expected):
    assert proposals(text, "2018-05-13") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of a named day "until" ends is a deadline's
        ("Applications for the festival are accepted until Independence Day, 4 July.", []),
        ("The festival will be held on Independence Day, 4 July.", [("2027-07-04", "festival", False)]),
    ],
)
def test_until_a_named_day_and_its_date_is_a_deadline(seed, text, expected):
    assert proposals(text, "2027-02-25") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event that took place that day and adopted a document: the event's day
        (
            "The previous General Assembly took place in Inuvik, in Canada's Northwest Territories, in July 2014, and "
            "adopted the Kitigaaryuit Declaration.",
            [("2014-07", "meeting", False)],
        ),
        # the document's own verb before its day: the document's
        (
            "The previous General Assembly took place in Inuvik and adopted the Declaration, signed on 11 March 2014.",
            [("2014-03-11", "signing", True)],
        ),
        ("The delegation was shown the hall in which the Act was adopted on 11 March 1990.", []),
    ],
)
def test_an_event_held_on_a_day_that_adopted_a_document_keeps_its_day(seed, text, expected):
    assert proposals(text, "2018-07-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The inaugural flight to Tbilisi is scheduled for 28 October.", [("2026-10-28", "other", False)]),
        ("Первый рейс из Новосибирска в Ханой мы выполнили 2 апреля.", [("2025-04-02", "other", False)]),
        (
            "Спортивная часть лета завершится III Играми стран СНГ, которые стартуют в Бишкеке 28 августа и продлятся "
            "до 6 сентября.",
            [("2026-08-28..2026-09-06", "other", False)],
        ),
        ("The III CIS Games will open in Bishkek on 28 August.", [("2026-08-28", "other", False)]),
        # a flight of no route's opening, games of no name
        ("The flight to Tbilisi is scheduled for 28 October.", []),
        ("Children will play board games on 28 August.", []),
    ],
)
def test_an_inaugural_flight_and_games_by_their_name_are_events(seed, text, expected):
    assert proposals(text, "2026-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Thursday 14 March the producers host a walk-around tasting at the Assembly Rooms in Edinburgh.",
            [("2019-03-14", "other", False)],
        ),
        ("6 ноября в Шанхае пройдёт дегустация кубанских вин.", [("2019-11-06", "other", False)]),
        (
            "On 15 May, all eleven branches of the Museum will take part in the Night of Museums.",
            [("2019-05-15", "other", False)],
        ),
        # a night of no event's name
        ("The album Winter Night will be released on 14 March.", []),
        ("Tasting notes for the new vintage will be published on 5 June.", []),
        # a night of no name
        ("The observatory will be open at night on 30 September.", []),
    ],
)
def test_a_tasting_and_a_night_by_its_name_are_events(seed, text, expected):
    assert proposals(text, "2019-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trip for a celebration, an anniversary or a concert is the visit
        (
            "Last autumn, a Dominion Command delegation travelled to Italy for the 80th anniversary of the Gothic Line "
            "battles.",
            [("2024-09..2024-11", "visit", False)],
        ),
        (
            "A delegation will travel to Altenbrück from 13 to 16 June for the jubilee celebrations.",
            [("2025-06-13..2025-06-16", "visit", False)],
        ),
        # a trip for a forum is the forum
        ("The Minister will travel to Tokyo on 25 June to address the Forum.", [("2025-06-25", "forum", False)]),
    ],
)
def test_a_trip_for_an_event_of_the_general_type_is_a_visit(seed, text, expected):
    assert proposals(text, "2025-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The delegation arrived in Gdynia on Thursday, 21 June, and left on Wednesday, 27 June.",
            [("2018-06-21..2018-06-27", "visit", False)],
        ),
        (
            "The ship arrived at St Petersburg on 22 June and sailed out yesterday after a six-day stay.",
            [("2018-06-22..2018-06-27", "visit", False)],
        ),
        # two days of one stay only when the second is its leaving
        (
            "The delegation arrived in Gdynia on 21 June, and the forum opened on 27 June.",
            [("2018-06-21", "visit", False), ("2018-06-27", "forum", False)],
        ),
    ],
)
def test_a_stays_arrival_and_leaving_are_its_first_and_last_days(seed, text, expected):
    assert proposals(text, "2018-06-28") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Next month, from 15 to 19 April, the Rector will lead a delegation to Cairo and Alexandria.",
            [("2025-04-15..2025-04-19", "visit", False)],
        ),
        (
            "A government delegation led by the Minister of Science will be at Vostochny from 23 to 25 April.",
            [("2025-04-23..2025-04-25", "visit", False)],
        ),
        # not a delegation led at talks, a head of a delegation, nor a team at a show
        ("The Minister led the delegation at the talks on 5 May.", [("2025-05-05", "meeting", False)]),
        ("On 5 May I will lead our delegation to Hanoi for talks.", [("2025-05-05", "meeting", False)]),
        ("Welcome address by the Head of the EU Delegation to Moldova on 8 May.", []),
        ("Our team is at Le Bourget this week (16–22 June), stand H4.", []),
    ],
)
def test_leading_a_delegation_to_a_place_or_guests_at_one_is_a_visit(seed, text, expected):
    assert proposals(text, "2025-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Mombasa International Agricultural Society of Kenya (ASK) Show runs from 5 to 9 November.",
            [("2025-11-05..2025-11-09", "exhibition", False)],
        ),
        (
            "The Baikal Travel Mart in Irkutsk will run from 13 to 15 May.",
            [("2026-05-13..2026-05-15", "exhibition", False)],
        ),
        # its opening and closing days with its place between
        (
            "The World Stamp Exhibition opened on Wednesday 28 November in the Royal Paragon Hall and closed on "
            "Monday 3 December.",
            [("2024-11-28..2024-12-03", "exhibition", False)],
        ),
    ],
)
def test_a_show_or_a_mart_by_its_name_and_an_exhibition_opened_and_closed_in_a_hall(seed, text, expected):
    assert proposals(text, "2025-11-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words of names that are no events, and closes that are another's, as a review found them
        ("The Late Show will air an interview with the Ambassador on 14 March.", []),
        ("The Fresh Mart supermarket in the Embassy district opens on 3 April.", []),
        ("С 1 апреля первый рейс автобуса № 5 будет отправляться в 5:30.", []),
        ("Съезд с трассы М-4 будет закрыт с 1 по 15 апреля.", []),
        ("The festival opens on 6 June, and the box office closes on 30 May.", [("2026-06-06", "festival", False)]),
        (
            "The exhibition opens on 3 April, and the call for entries closes on 30 April.",
            [("2026-04-03", "exhibition", False)],
        ),
        (
            "The Danube Cycling Tour will start on 14 June and finish in Vienna on 20 June.",
            [("2026-06-14..2026-06-20", "other", False)],
        ),
        # a jubilee of a body led or founded by a person is the body's
        (
            "Ансамбль под руководством народного артиста России 2 марта отметит 75-летие.",
            [("2026-03-02", "other", False)],
        ),
        (
            "Музей, основанный путешественником Пржевальским, 2 марта отметит 130-летие.",
            [("2026-03-02", "other", False)],
        ),
    ],
)
def test_names_and_closes_a_review_found_read_too_widely(seed, text, expected):
    assert proposals(text, "2026-02-01") == expected
