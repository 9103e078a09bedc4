"""Drafting readings of the fourteenth session, each on texts of the project's own, with texts that must not fire it."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase set off by commas between the traveller and the verb
        (
            "On 12 October a delegation of the union, with three grandsons of pilots of the regiment, travelled to "
            "Moscow.",
            [("2024-10-12", "visit", False)],
        ),
        (
            "An official delegation, led this year by the Chairperson of the regional council, will travel to Rome "
            "on 23–24 November.",
            [("2024-11-23..2024-11-24", "visit", False)],
        ),
        (
            "Делегация общества, в составе которой были ветераны и историки из трёх городов, 12 октября прибыла в "
            "Минск.",
            [("2024-10-12", "visit", False)],
        ),
        # a set-off phrase holds no traveller of its own: the cargo is no guest
        (
            "On 12 October the cargo, with three tonnes of apples from the farms of the region, travelled to Moscow.",
            [],
        ),
    ],
)
def test_a_phrase_set_off_by_commas_does_not_hide_the_traveller(seed, text, expected):
    assert proposals(text, "2024-11-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Skopje will host the Ministerial Council on 30 November and 1 December.",
            [("2024-11-30..2024-12-01", "meeting", False)],
        ),
        ("Переговоры пройдут 31 мая и 1 июня.", [("2025-05-31..2025-06-01", "meeting", False)]),
        # days that do not follow one another stay two
        (
            "Talks will be held on 28 November and 1 December.",
            [("2024-11-28", "meeting", False), ("2024-12-01", "meeting", False)],
        ),
    ],
)
def test_two_days_running_over_a_months_end_are_one_run(seed, text, expected):
    assert proposals(text, "2024-11-01") == expected


def test_a_reception_for_the_visiting_guests_is_the_reception(seed):
    text = "On Tuesday, the Ambassador will host a reception at his residence for the visiting companies."
    assert proposals(text, "2024-11-01") == [("2024-11-05", "other", False)]


def test_a_name_written_as_one_word_ending_in_an_event_word_is_that_event(seed):
    text = "BuildExpo Africa, held on 8–10 November in Nairobi, attracted 420 exhibitors."
    assert proposals(text, "2024-11-20") == [("2024-11-08..2024-11-10", "exhibition", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the work plan a meeting is to approve is not the meeting's month
        (
            "The Project Board will hold its first meeting in May to approve the annual work plan.",
            [("2025-05", "meeting", False)],
        ),
        # a plan approved for a period: the period is the plan's
        ("The board approved the plan of events for the second half of 2025.", []),
    ],
)
def test_a_plan_is_the_periods_only_when_it_stands_before_it(seed, text, expected):
    assert proposals(text, "2024-11-01") == expected


ADVISORY = """MEDIA ADVISORY

Minsk, 26 February 2024

1. Round Table of the Health Partners
WHEN: Monday, 4 March 2024, 09:30–13:00
WHERE: Palace of the Republic
The Round Table will bring together ministries and partners.

2. Signing of the Country Strategy for 2024–2028
WHEN: Tuesday, 5 March 2024, 11:00
WHERE: Ministry of Health
"""


def test_a_media_advisorys_when_line_gives_the_day_of_the_event_titled_above_it(seed):
    assert proposals(ADVISORY, "2024-02-26") == [("2024-03-04", "forum", False), ("2024-03-05", "signing", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an edition with no event named before or after it is of the release's event
        (
            "The Harbour Light Festival will take place from 30 May to 2 June. The previous edition, held in May "
            "2022, welcomed 18,000 visitors.",
            [("2024-05-30..2024-06-02", "festival", False), ("2022-05", "festival", False)],
        ),
        # a book's edition is none
        (
            "The Harbour Light Festival will take place from 30 May to 2 June. A limited edition of the catalogue "
            "will be printed on 1 May.",
            [("2024-05-30..2024-06-02", "festival", False)],
        ),
        # with no event of the release proposed before it, an edition names none
        ("The previous edition, held in May 2022, welcomed 18,000 visitors.", []),
    ],
)
def test_an_edition_is_of_the_releases_own_event(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # met for an event: the event
        ("On 21 October, historians met for a seminar on airmen.", [("2024-10-21", "forum", False)]),
        ("In mid-August our coaches met in Kuopio for the annual Summer Seminar.", [("2024-08", "forum", False)]),
        # the event that meets
        ("It will be the topic of the Congress, which meets next spring.", [("2025-03..2025-05", "forum", False)]),
        # met for no event: a meeting
        ("The ministers met on 5 May for the first time.", [("2024-05-05", "meeting", False)]),
    ],
)
def test_a_meeting_for_another_event_is_that_event(seed, text, expected):
    assert proposals(text, "2024-11-01") == expected


@pytest.mark.parametrize(
    "text",
    [
        "В текущем году исполняется 25 лет со дня подписания Договора о дружбе.",
        "This year marks 25 years since the signing of the Treaty of Friendship.",
    ],
)
def test_the_event_a_time_counts_from_is_no_event_of_the_date(seed, text):
    assert proposals(text, "2026-05-06") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the event after which another is held tells the time, past a fronted date's clause
        (
            "В конце месяца, после завершения выставки, российские экспортёры проведут переговоры в Ханчжоу.",
            [("2026-05", "meeting", False)],
        ),
        ("In late May, after the fair, the exporters will hold talks in Hangzhou.", [("2026-05", "meeting", False)]),
        # or with its subject between it and the date
        (
            "После завершения ярмарки часть делегации 22–23 июня посетит Харбин.",
            [("2026-06-22..2026-06-23", "visit", False)],
        ),
        # with the date right after it, the date is its own
        ("After the visit on 2 June the ministers will attend a forum.", [("2026-06-02", "visit", False)]),
    ],
)
def test_an_event_that_only_tells_the_time_leaves_the_date_to_the_event_after_it(seed, text, expected):
    assert proposals(text, "2026-05-06") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year an event was first held is its founding, shown unticked
        ("Thai Festival Tokyo, first held in 2000, has become an important stage.", [("2000", "festival", True)]),
        ("Напомним, что фестиваль «Янтарная строка» впервые прошёл в 2014 году.", [("2014", "festival", True)]),
        # a first edition told by its month is an event
        ("The forum was first held in June 2023.", [("2023-06", "forum", False)]),
    ],
)
def test_the_year_an_event_was_first_held_is_its_founding(seed, text, expected):
    assert proposals(text, "2025-06-01") == expected


@pytest.mark.parametrize(
    "text", ["Registration for the symposium will open on 1 March.", "Регистрация участников форума откроется 1 марта."]
)
def test_the_day_registration_opens_is_no_event(seed, text):
    assert proposals(text, "2027-02-15") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a traveller's journey to a place the calendar does not know, by its name
        (
            "On 12 and 13 May, a joint delegation of ambassadors travelled to Chikwawa and Nsanje districts.",
            [("2025-05-12..2025-05-13", "visit", False)],
        ),
        # what is no traveller makes no journey
        ("On 12 May, the first exports went to Chikwawa.", []),
    ],
)
def test_a_travellers_journey_to_a_named_place_is_a_visit(seed, text, expected):
    assert proposals(text, "2025-05-15") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Награждение победителей пройдет осенью в Минске.", [("2019-09..2019-11", "other", False)]),
        (
            "Сборная приняла участие в Кулинарном кубке мира, который прошёл с 24 по 28 ноября в Люксембурге.",
            [("2018-11-24..2018-11-28", "other", False)],
        ),
        ("The national team will play in the Culinary World Cup on 5 May.", [("2019-05-05", "other", False)]),
    ],
)
def test_an_award_giving_and_a_cup_are_events_of_the_general_type(seed, text, expected):
    assert proposals(text, "2018-12-04") == expected


def test_a_panel_discussion_is_a_forum(seed):
    text = "In Ho Chi Minh City, the chefs took part on March 15 in a panel discussion on sustainable seafood."
    assert proposals(text, "2024-03-18") == [("2024-03-15", "forum", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company's name written as one word is no event
        (
            "A meeting with representatives of MegaFair Ltd will be held on 5 June 2025.",
            [("2025-06-05", "meeting", False)],
        ),
        ("The ministry signed a contract with SoftExpo LLC on 5 June 2025.", [("2025-06-05", "signing", False)]),
        # a type's own name may end one too
        ("TechForum Kazan will be held on 3 October 2025.", [("2025-10-03", "forum", False)]),
        # a weekday after "to" is no place
        ("The Minister will go to Sunday Mass at the Cathedral on 8 June 2025.", []),
        # Russian: a congress that will meet; a panel discussion
        ("Конгресс, который соберётся следующей весной, рассмотрит доклад.", [("2026-03..2026-05", "forum", False)]),
        ("Панельная дискуссия о цифровой торговле состоится 5 июня 2025 года.", [("2025-06-05", "forum", False)]),
    ],
)
def test_the_readings_mended_after_the_sessions_review(seed, text, expected):
    assert proposals(text, "2025-06-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The festival, first held in 1998, will take place on 5–7 September 2025.",
            [("1998", "festival", True), ("2025-09-05..2025-09-07", "festival", False)],
        ),
        (
            "Фестиваль, впервые прошедший в 1998 году, состоится 5–7 сентября 2025 года.",
            [("1998", "festival", True), ("2025-09-05..2025-09-07", "festival", False)],
        ),
        # an anniversary's first day set off by a comma leaves the next date to its own words
        ("The meeting was held in the year that marks fifty years since the Revolution of 25 April 1974, and as "
         "the country prepares to mark, in 2026, a jubilee.", [("1974-04-25", "meeting", True)]),
    ],
)  # fmt: skip
def test_the_date_after_a_founding_told_aside_is_the_founded_events(seed, text, expected):
    assert proposals(text, "2025-06-01") == expected


def test_a_when_line_gives_its_titles_day_in_a_release_without_a_dateline(seed):
    text = (
        "АНОНС\n\nПодписание соглашения о сотрудничестве\nКогда: четверг, 12 июня 2025 года, 11:00\nГде: Министерство\n"
    )
    assert proposals(text, "2025-06-01") == [("2025-06-12", "signing", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day of centuries ago is no day of this year
        ("To mark four hundred years since the death of Shakespeare on 23 April 1616, the festival commissioned ten "
         "poets.", []),
        # figures of a year: tickets sold, an increase
        ("Last year the festival sold 9,400 tickets, an increase of 18 per cent.", []),
        # a reading is an event of the general type
        ("The programme will be launched with a free reading at the Poetry Café on Thursday 24 March.",
         [("2016-03-24", "other", False)]),
    ],
)  # fmt: skip
def test_days_of_centuries_ago_figures_sold_and_readings(seed, text, expected):
    assert proposals(text, "2016-03-08") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday an event runs until, read a week before its opening day, is the week's
        ("The conference opened on Monday and runs until Friday.", [("2024-09-16..2024-09-20", "forum", False)]),
        # two dates of a run a week or more apart stay as they are told
        ("The conference opened on 16 September and runs until 20 September.",
         [("2024-09-16..2024-09-20", "forum", False)]),
    ],
)  # fmt: skip
def test_an_end_named_by_its_weekday_follows_the_opening(seed, text, expected):
    assert proposals(text, "2024-09-18") == expected
