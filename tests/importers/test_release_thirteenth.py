"""Drafting readings of the thirteenth session, each on texts of the project's own, with texts that must not fire it."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the event the date's event word only spans is the subject's: the exhibition is open throughout the forum
        (
            "The exhibition will be open throughout the forum, 4–6 June.",
            [("2024-06-04..2024-06-06", "exhibition", False)],
        ),
        (
            "Выставка будет открыта на протяжении всего форума, с 4 по 6 июня.",
            [("2024-06-04..2024-06-06", "exhibition", False)],
        ),
        ("Talks were held throughout the forum, on 4 June.", [("2023-06-04", "meeting", False)]),
        # with no event before it, the event spanned is the date's
        ("Throughout the forum, 4–6 June, delegates can visit Hall B.", [("2024-06-04..2024-06-06", "forum", False)]),
        # "during" tells the event the date is of: the Days were in June
        (
            "The visit returns the hospitality shown during Stavanger Days in June 2023.",
            [("2023-06", "culture-days", False)],
        ),
    ],
)
def test_an_event_open_throughout_another_owns_the_others_days(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a traveller's journey from one place to another is a visit
        ("From 3 to 5 May the mission travelled from Minsk to Brest.", [("2023-05-03..2023-05-05", "visit", False)]),
        ("С 3 по 5 мая делегация выехала из Минска в Брест.", [("2023-05-03..2023-05-05", "visit", False)]),
        # not goods, nor a journey with no place it goes to
        ("From 3 to 5 May exports went from Minsk to Brest.", []),
        ("From 3 to 5 May the delegation travelled from Minsk.", []),
    ],
)
def test_a_delegation_travelling_from_one_place_to_another_is_on_a_visit(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in straight quotes set off by commas keeps its question mark inside the sentence
        (
            'Within the festival, a round table, "Who Owns the Image? Archives and Rights", will be held on 31 May.',
            [("2024-05-31", "forum", False)],
        ),
        # a quoted speech of two sentences still ends at its full stop
        (
            'The director said, "We are ready. The forum opens on 5 May." It was a surprise.',
            [("2024-05-05", "forum", False)],
        ),
    ],
)
def test_a_quoted_name_set_off_by_commas_is_one_sentence_with_its_event(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event's word in the possessive before its part, its day or its people is not the date's event
        (
            "The festival's awards ceremony, at which the prizes will be presented, closes the programme on 2 June.",
            [("2024-06-02", "other", False)],
        ),
        (
            "The exhibition opens at the gallery on the festival's first day, 30 May, and runs until 31 July.",
            [("2024-05-30..2024-07-31", "exhibition", False)],
        ),
        ("The programme was made public today by the festival's artistic director.", []),
        # the festival itself
        ("The festival's second edition will be held on 2 June.", [("2024-06-02", "festival", False)]),
    ],
)
def test_an_events_word_in_the_possessive_gives_way_to_its_part_day_or_people(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day a programme is published, named first in the sentence, past an adjective, or made public
        ("The full programme of the festival will be published at the end of April.", []),
        ("The programme of the festival was made public today.", []),
        # the festival's own days
        ("The festival programme runs from 3 to 5 May.", [("2024-05-03..2024-05-05", "festival", False)]),
    ],
)
def test_the_day_a_programme_is_published_or_made_public_is_no_event(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


def test_a_biennale_is_an_exhibition(seed):
    assert proposals("The Biennale will open on 11 June and run until 26 September.", "2024-04-01") == [
        ("2024-06-11..2024-09-26", "exhibition", False)
    ]
    assert proposals("Биеннале пройдёт с 11 июня по 26 сентября.", "2024-04-01") == [
        ("2024-06-11..2024-09-26", "exhibition", False)
    ]


PROGRAMME = """ПРОГРАММА

Понедельник, 21 мая
19:30 – Торжественное открытие. Концерт симфонического оркестра.

Вторник, 22 мая
12:00 – Приём в посольстве. Банкет.

Четверг, 24 мая
19:00 – Балет П.И. Чайковского «Лебединое озеро» в исполнении Пермского театра.

Суббота, 26 мая
Выставка открыта весь день.

Воскресенье, 27 мая
18:00 – Гала-концерт закрытия.
"""


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # a culture days' programme: its concerts and performances of a day are events of their own (not its
        # closing, a part of it)
        (
            "С 21 по 27 мая в Белграде пройдут Дни российской культуры.",
            [
                ("2018-05-21..2018-05-27", "culture-days", False),
                ("2018-05-21", "other", False),
                ("2018-05-22", "other", False),
                ("2018-05-24", "other", False),
                ("2018-05-26", "exhibition", False),
            ],
        ),
        # a conference's reception and concerts are its own
        (
            "С 21 по 27 мая в Белграде пройдёт конференция.",
            [("2018-05-21..2018-05-27", "forum", False), ("2018-05-26", "exhibition", False)],
        ),
    ],
)
def test_a_culture_days_programme_lists_its_concerts_as_events(seed, headline, expected):
    assert proposals(f"{headline}\n\n{PROGRAMME}", "2018-05-10") == expected


def test_a_programme_heading_of_two_days_joined_by_and_is_both_days(seed):
    text = "PROGRAMME\n\nThursday, 24 May, and Friday, 25 May\n10:00 – Seminar on water law.\n"
    assert proposals(text, "2018-05-10") == [("2018-05-24..2018-05-25", "forum", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The main day is Saturday, 28 November, when the reenactment of the battle takes place.",
            [("2015-11-28", "other", False)],
        ),
        ("28 ноября пройдёт военно-историческая реконструкция сражения.", [("2015-11-28", "other", False)]),
        ("The Embassy will host an iftar on 28 November.", [("2015-11-28", "other", False)]),
        # a building's reconstruction is no event
        ("28 ноября начнётся реконструкция порта.", []),
    ],
)
def test_a_reenactment_and_an_iftar_are_events(seed, text, expected):
    assert proposals(text, "2015-11-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:00 – Wreath-laying at the Memorial on 15 April.", [("2027-04-15", "other", False)]),
        ("15 апреля состоялось возложение венков к памятнику.", [("2026-04-15", "other", False)]),
        ("15 апреля прошло возложение цветов.", [("2026-04-15", "other", False)]),
        # a place's story told after "where" is not the event's day
        (
            "The wreath laying will take place at the Hotel De Wereld, where the surrender was negotiated on 5 May "
            "1945.",
            [],
        ),
        # the event's own clause after "where" still is
        (
            "The exhibition will then travel to New Delhi, where it will be shown in November.",
            [("2027-11", "exhibition", False)],
        ),
    ],
)
def test_a_wreath_laying_is_an_event_and_a_places_story_is_not_its_day(seed, text, expected):
    assert proposals(text, "2027-03-01") == expected


def test_a_round_table_within_a_session_is_the_lines_event(seed):
    text = (
        "The session of the Commission will take place in Belgrade from 13 to 15 April.\n\nProgramme\n\n"
        'Wednesday, 14 April\n10:00 – Within the session, an open round table "Allies" at the Academy.\n'
    )
    assert proposals(text, "2027-03-01") == [
        ("2027-04-13..2027-04-15", "meeting", False),
        ("2027-04-14", "forum", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a length told with the day an event ends on: the days that end on it, even when its start is told too
        (
            "The Minister concluded on Thursday a three-day working visit to Indonesia which began on Tuesday.",
            [("2019-04-30..2019-05-02", "visit", False)],
        ),
        ("Министр завершил в четверг трёхдневный визит в Индонезию.", [("2019-04-30..2019-05-02", "visit", False)]),
        # and with the day it opens on, the days from it
        ("The three-day forum opens on 5 May.", [("2019-05-05..2019-05-07", "forum", False)]),
    ],
)
def test_a_length_told_with_the_day_an_event_ends_on_counts_back_from_it(seed, text, expected):
    assert proposals(text, "2019-05-02") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day of decades ago with no verb of happening is history, not the day of the talks named before it
        (
            "The talks focused on the region. The minister stressed that there can be no peace without a state on "
            "the lines of June 4, 1967.",
            [],
        ),
        # told as happening, it is the event's
        (
            "The festival is the oldest in the region. It was first held on 5 May 1995.",
            [("1995-05-05", "festival", False)],
        ),
    ],
)
def test_a_day_of_decades_ago_is_the_day_of_the_event_named_before_only_when_told_as_happening(seed, text, expected):
    assert proposals(text, "2019-05-02") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an English event word before its people names them, not an event
        (
            "In April, our resident festival quartet will give concerts in Baku.",
            [("2027-04", "other", False)],
        ),
        ("On 5 April the festival orchestra will perform in Baku.", [("2027-04-05", "other", False)]),
        # a delegation that is somewhere is on a visit
        (
            "The delegation is in Ulaanbaatar from 30 May to 1 June.",
            [("2027-05-30..2027-06-01", "visit", False)],
        ),
        ("The forum is in Ulaanbaatar from 30 May to 1 June.", [("2027-05-30..2027-06-01", "forum", False)]),
    ],
)
def test_an_events_word_before_its_people_and_a_delegation_that_is_somewhere(seed, text, expected):
    assert proposals(text, "2027-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a run of days in a sentence of no event, ending or starting on the day the event before was told on
        (
            "The expedition completed its work last Friday. From 1 to 19 August, 46 volunteers surveyed the slopes.",
            [("2016-08-01..2016-08-19", "other", False)],
        ),
        # another run is another's
        (
            "The expedition completed its work last Friday. From 1 to 5 July, 46 volunteers surveyed the slopes.",
            [("2016-08-19", "other", False)],
        ),
    ],
)
def test_a_run_of_days_with_no_event_is_the_run_of_the_event_told_on_its_first_or_last_day(seed, text, expected):
    assert proposals(text, "2016-08-22") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an owning event's word yields to any other event named, and is the event when none is
        ("The exhibition's opening day, 14 May, will feature a guided tour.", [("2024-05-14", "exhibition", False)]),
        ("The forum's first day, 4 June, will be devoted to energy.", [("2024-06-04", "forum", False)]),
        # a Russian event's word in the genitive after a performance's or its people's
        ("Заключительный концерт фестиваля пройдёт 9 июля.", [("2024-07-09", "other", False)]),
        ("Встреча министра с гостями фестиваля состоялась 30 марта.", [("2024-03-30", "meeting", False)]),
        (
            "The Minister's meeting with the festival's guests took place on 30 March.",
            [("2024-03-30", "meeting", False)],
        ),
        # not a placeholder's, an opening's or a signing's, nor a venue's name before the event
        ("Главное мероприятие фестиваля пройдёт 5 мая.", [("2024-05-05", "festival", False)]),
        ("5 мая состоится церемония подписания соглашения.", [("2024-05-05", "signing", False)]),
        ("В субботу министр откроет в Доме приёмов выставку.", [("2024-04-06", "exhibition", False)]),
        # a general compound yields to the specific word it names
        (
            "Фестиваль военно-исторической реконструкции пройдёт 15–16 июня.",
            [("2024-06-15..2024-06-16", "festival", False)],
        ),
    ],
)
def test_an_owning_events_word_yields_to_the_event_it_owns_or_names_the_date_alone(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Throughout the festival, from 10 to 12 July, a photo exhibition will be on display in the foyer.",
        "На протяжении фестиваля, с 10 по 12 июля, в фойе будет работать фотовыставка.",
    ],
)
def test_an_event_after_a_fronted_throughout_clause_owns_its_days(seed, text):
    assert proposals(text, "2024-04-01") == [("2024-07-10..2024-07-12", "exhibition", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 мая посол возложил венок к Вечному огню.", [("2023-05-08", "other", False)]),
        ("On 8 May, the ambassador will lay a wreath at the Eternal Flame.", [("2024-05-08", "other", False)]),
        ("Посольство проведёт ифтар 25 апреля.", [("2024-04-25", "other", False)]),
        # the day tickets go on sale is no event
        ("Tickets for the festival's concerts go on sale on 1 May.", []),
        ("Билеты на концерты фестиваля поступят в продажу 1 мая.", []),
    ],
)
def test_a_wreath_laid_and_an_iftar_are_events_and_a_ticket_sale_is_not(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deadline's day, and a round of applications or of a contest, are no talks
        ("The application deadline for the next round is 30 September.", []),
        ("For the translation grants, the current round is open until 1 July.", []),
        ("Teams from 14 countries took part in the written round, which closed on 15 May.", []),
        # a round of talks still is
        ("The sixth round is planned to take place in Ashgabat on 30 September.", [("2024-09-30", "meeting", False)]),
        ("The next round of consultations will be held on 30 September.", [("2024-09-30", "meeting", False)]),
    ],
)
def test_a_deadline_and_a_round_of_applications_are_no_talks(seed, text, expected):
    assert proposals(text, "2024-06-01") == expected


def test_a_month_and_its_year_after_a_comma_are_one_date(seed):
    text = "The Fourth Round of the consultations was held in Moscow in November, 2024, and the sides agreed to meet."
    assert proposals(text, "2026-03-19") == [("2024-11", "meeting", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # things to be made are no event to come: the past verb gives the year
        (
            "On 12 July, a ceremony was held in Tashkent to sign a contract for kits to be assembled at the plant.",
            [("2022-07-12", "signing", False)],
        ),
        # an event to be held is to come
        ("The festival, to be held in Vitebsk on 12 July, opens the summer.", [("2023-07-12", "festival", False)]),
    ],
)
def test_to_be_is_of_the_future_only_for_an_event_not_for_things_to_be_made(seed, text, expected):
    assert proposals(text, "2023-01-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is made public before the date, and a line-up (three tokens), are a publishing, not the event
        (
            "The organisers made public today the line-up of the jazz festival, which will take place on 20–22 June.",
            [("2024-06-20..2024-06-22", "festival", False)],
        ),
        ("The festival has today published the line-up of its concerts.", []),
        # a publishing in another clause leaves the event's date alone
        (
            "The programme will be published in April, and the festival will open on 10 July.",
            [("2024-07-10", "festival", False)],
        ),
        (
            "The list of participants will be published on 20 May, and the forum will open on 5 June.",
            [("2024-06-05", "forum", False)],
        ),
    ],
)
def test_a_publishing_is_told_by_its_own_clause_and_names_what_is_published(seed, text, expected):
    assert proposals(text, "2024-04-10") == expected
