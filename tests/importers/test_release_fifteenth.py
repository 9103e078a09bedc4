"""Drafting readings of the fifteenth session, each on texts of the project's own, with texts that must not fire it."""

import datetime as dt

import pytest

from events.importers.release import propose
from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Western Balkans will also be the focus in mid-March, when Bratislava will host a meeting of the "
            "foreign ministers.",
            [("2027-03", "meeting", False)],
        ),
        (
            "Основное внимание будет уделено Балканам в марте, когда в Братиславе пройдёт встреча министров.",
            [("2027-03", "meeting", False)],
        ),
        # another clause after the comma keeps its event from the month
        ("The ministers spoke of the Balkans in March, and a meeting is planned.", []),
        # what is told of then is no event held then
        ("This will become clear in March, when the results of the summit are published.", []),
    ],
)
def test_a_when_clause_after_a_month_tells_what_happened_then(seed, text, expected):
    assert proposals(text, "2027-01-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Alliance today confirmed that its 22nd World Congress will take place in Lisbon on 14-16 May.",
            [("2024-05-14..2024-05-16", "forum", False)],
        ),
        (
            "The Alliance today confirmed that its 22nd World Congress will take place in Lisbon on 14 May 2024.",
            [("2024-05-14", "forum", False)],
        ),
        # no later date: the day is the congress's
        ("The Alliance today opened its 22nd World Congress in Lisbon.", [("2024-03-12", "forum", False)]),
    ],
)
def test_a_day_before_a_verb_of_saying_is_the_statements(seed, text, expected):
    assert proposals(text, "2024-03-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "From 19 to 23 February a delegation of the network will travel to Tunis to meet women farmers.",
            [("2024-02-19..2024-02-23", "visit", False)],
        ),
        # a conference the trip is for is still the event
        (
            "On 19 February the Minister will travel to Tunis to address the Investment Forum.",
            [("2024-02-19", "forum", False)],
        ),
    ],
)
def test_a_trip_to_meet_people_is_the_visit(seed, text, expected):
    assert proposals(text, "2023-12-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour Hack, the city's hackathon, will run from 12 to 14 April.", [("2019-04-12..2019-04-14", "other")]),
        ("The 36th Riverside Marathon took place on Sunday, 14 April.", [("2019-04-14", "other")]),
        ("The rally-raid will run from 6 to 16 July across the steppe.", [("2019-07-06..2019-07-16", "other")]),
        ("The cycling race runs 4-10 May over seven stages.", [("2019-05-04..2019-05-10", "other")]),
        ("The Baltic Classic Rally starts on 2 September.", [("2019-09-02", "other")]),
        # a race or a rally of no sport is no event
        ("The minister warned on 5 March against a new arms race in space.", []),
        ("The race for the presidency officially begins on 1 September.", []),
        ("On 6 March the Minister called on partners to rally behind the peace initiative.", []),
        ("Предвыборная гонка официально стартует 1 сентября.", []),
        ("Хакатон пройдёт с 12 по 14 апреля.", [("2019-04-12..2019-04-14", "other")]),
        ("Международный забег дружбы состоится 14 апреля.", [("2019-04-14", "other")]),
        ("Велогонка стартует 6 июля.", [("2019-07-06", "other")]),
        ("Многодневная велосипедная гонка пройдёт с 4 по 10 мая.", [("2019-05-04..2019-05-10", "other")]),
        ("Ралли пройдёт с 6 по 16 июля.", [("2019-07-06..2019-07-16", "other")]),
    ],
)
def test_hackathons_races_and_rallies_are_events_of_the_general_type(seed, text, expected):
    assert [(dates, slug) for dates, slug, _unticked in proposals(text, "2019-03-10")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 15 September, the festival director will present the programme to the press.", []),
        ("On 15 September, the festival organisers will present the programme to the press.", []),
        ("Директор фестиваля Анна Петрова 15 сентября представила программу журналистам.", []),
        ("Организаторы фестиваля 15 сентября встретились с губернатором.", [("2022-09-15", "meeting", False)]),
        # a delegation led by its director is still the visit
        (
            "15 сентября делегация во главе с директором фестиваля посетит Минск.",
            [("2023-09-15", "visit", False)],
        ),
        # the festival itself keeps its day
        ("On 15 September, the festival will open in the old town.", [("2023-09-15", "festival", False)]),
    ],
)
def test_a_festivals_director_and_organisers_are_people_not_the_festival(seed, text, expected):
    assert proposals(text, "2023-09-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "С 17 по 21 марта делегация института находилась в Исламской Республике Иран.",
            [("2024-03-17..2024-03-21", "visit", "Визит: Иран")],
        ),
        (
            "From 17 to 21 March a delegation of the Institute was in the Islamic Republic of Iran.",
            [("2024-03-17..2024-03-21", "visit", "Visit to Iran")],
        ),
        (
            "From 17 to 21 March a delegation of the Institute was in the Republic of Kazakhstan.",
            [("2024-03-17..2024-03-21", "visit", "Visit to Kazakhstan")],
        ),
        (
            "On 9 April the Secretary of State will travel to the Socialist Republic of Viet Nam.",
            [("2024-04-09", "visit", "Visit to Vietnam")],
        ),
        # a republic that is no state the calendar knows is no place, nor is a parliament named after its state
        ("From 17 to 21 March the delegation was in the Republic of Letters.", []),
        ("On 15 March the Ambassador was in the State Duma.", []),
    ],
)
def test_a_states_full_title_names_the_place_of_a_visit(seed, text, expected):
    found = propose(text, published=dt.date(2024, 3, 25))
    assert [(p.iso, p.event_type.slug, p.title) for p in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "С 30 сентября по 2 октября в Казани, в Международном выставочном центре «Казань Экспо», состоится "
            "IV Международный форум «Женщины в семейном бизнесе».",
            [("2021-09-30..2021-10-02", "forum", False)],
        ),
        (
            'The forum will take place on 30 September at the Exhibition Centre "Kazan Expo".',
            [("2021-09-30", "forum", False)],
        ),
        # an exhibition's own name in quotes is still the exhibition, and so is one after a venue's name
        (
            "В выставочном комплексе 30 сентября откроется выставка «Казань Экспо».",
            [("2021-09-30", "exhibition", False)],
        ),
        (
            "6–7 июня на площадке парка «Музеон» состоится Фестиваль бенгальской культуры.",
            [("2022-06-06..2022-06-07", "festival", False)],
        ),
    ],
)
def test_an_event_word_in_a_venues_quoted_name_names_the_venue(seed, text, expected):
    assert proposals(text, "2021-09-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The national team returned home on Monday evening from Varna, Bulgaria, where the 20th International "
            "Olympiad of Young Scientists (IOYS) took place from 9 to 16 July.",
            [("2023-07-09..2023-07-16", "other", False)],
        ),
        (
            "Команда вернулась в понедельник из Варны, где с 9 по 16 июля прошла Международная олимпиада юных учёных.",
            [("2023-07-09..2023-07-16", "other", False)],
        ),
        # an event before the clause of the place keeps the day before it
        (
            "The Minister opened the forum on Monday in Varna, where the exhibition ran from 9 to 16 July.",
            [("2023-07-17", "forum", False), ("2023-07-09..2023-07-16", "exhibition", False)],
        ),
    ],
)
def test_an_event_in_a_clause_of_a_place_takes_that_clauses_date(seed, text, expected):
    assert proposals(text, "2023-07-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In June, a delegation of school principals from Hanoi came to Moscow to see how our schools work.",
            [("2016-06", "visit", False)],
        ),
        (
            "On 5 September we will welcome, for the first time, a delegation of women farmers from Morocco.",
            [("2016-09-05", "visit", False)],
        ),
        (
            "В начале сентября мы ждём делегацию Национального инновационного центра Вьетнама.",
            [("2016-09", "visit", False)],
        ),
        # the law came into force: no traveller, no visit
        ("In June, the law came into force.", []),
    ],
)
def test_guests_who_come_or_are_welcomed_past_an_aside_make_a_visit(seed, text, expected):
    assert proposals(text, "2016-08-20") == expected


def test_a_media_advisorys_when_line_with_a_dash_is_no_dateline(seed):
    text = (
        "WHEN: Tuesday, March 8, 2022 — ceremony at 4:00 p.m., exhibition opening at 5:30 p.m. The exhibition will "
        "remain open to the public until March 25."
    )
    assert proposals(text, "2022-03-01") == [("2022-03-08..2022-03-25", "exhibition", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The festival, originally scheduled for 20–26 May 2020, cannot take place on those dates. After "
            "consultations with our partners, the festival has been moved to the autumn. It will now be held from 2 "
            "to 8 October 2020.",
            [("2020-05-20..2020-05-26", "festival", True), ("2020-10-02..2020-10-08", "festival", False)],
        ),
        (
            "Фестиваль перенесён на осень. Он пройдёт со 2 по 8 октября.",
            [("2020-10-02..2020-10-08", "festival", False)],
        ),
        (
            "Выставка откроется весной. Она будет работать с 10 апреля по 20 мая.",
            [("2020-04-10..2020-05-20", "exhibition", False)],
        ),
        # days told by no verb of holding are not the event's
        (
            "The festival will be held in October. It coincides with the national holiday on 4 October.",
            [("2020-10", "festival", False)],
        ),
        ("Визит запланирован на май. Он был согласован 3 мая.", [("2020-05", "visit", False)]),
        # days outside the season are another event's
        (
            "The festival has been moved to the autumn. It will also host a concert on 5 June.",
            [("2020-09..2020-11", "festival", False), ("2020-06-05", "other", False)],
        ),
    ],
)
def test_a_pronouns_days_narrow_the_season_an_event_was_moved_to(seed, text, expected):
    assert proposals(text, "2020-02-08") == expected


def test_a_conferences_sessions_on_its_programmes_days_are_its_own(seed):
    text = """ПРОГРАММА
Международной научной конференции «Археология евразийских степей»

Новосибирск, 14–16 мая 2025 г.

14 мая, среда
10:30–13:30 — пленарное заседание.
15:00–18:00 — секционные заседания

15 мая, четверг
10:00–13:00 — секционные заседания: «Палеолит и неолит», «Средневековье»
13:00 — заседание Совета директоров институтов
"""
    assert proposals(text, "2025-05-05") == [
        ("2025-05-14..2025-05-16", "forum", False),
        ("2025-05-15", "meeting", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Билеты на спектакли продаются в кассах театров с 2 мая.",
        "Tickets for the performances are sold at the box office from 2 May.",
        "Tickets for the concerts go on sale on 2 May.",
    ],
)
def test_the_day_tickets_are_sold_from_is_no_event(seed, text):
    assert proposals(text, "2019-04-06") == []


def test_a_frames_own_days_past_a_dash_inside_its_name_are_its_own(seed):
    text = (
        "Имена лауреатов будут объявлены на торжественной церемонии награждения 24 ноября в Бишкеке в рамках Форума "
        "творческой и научной интеллигенции государств – участников СНГ, который пройдёт 23–24 ноября."
    )
    assert proposals(text, "2023-11-01") == [
        ("2023-11-24", "other", False),
        ("2023-11-23..2023-11-24", "forum", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В дни работы ярмарки, 20–23 апреля, в «Сокольниках» пройдут Дни культуры Узбекистана.",
            [("2023-04-20..2023-04-23", "culture-days", False)],
        ),
        # talks, signings and meetings on an event's days are its parts: the days stay the event's
        (
            "В дни работы форума, 12–14 апреля, министр проведёт ряд двусторонних встреч.",
            [("2023-04-12..2023-04-14", "forum", False)],
        ),
        (
            "Во время визита, 15–16 апреля, министр проведёт переговоры с коллегой.",
            [("2023-04-15..2023-04-16", "visit", False)],
        ),
        # the fair's own days, with no event after them, stay the fair's
        ("Ярмарка пройдёт 20–23 апреля в «Сокольниках».", [("2023-04-20..2023-04-23", "exhibition", False)]),
    ],
)
def test_the_days_of_an_event_told_as_its_time_are_the_days_of_the_event_after(seed, text, expected):
    assert proposals(text, "2023-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "С 25 по 29 октября делегация особой экономической зоны побывала в Китайской Народной Республике.",
            [("2016-10-25..2016-10-29", "visit", False)],
        ),
        (
            "С 25 по 29 октября делегация находилась в Российской Федерации.",
            [("2016-10-25..2016-10-29", "visit", False)],
        ),
        (
            "From 25 to 29 October a delegation of the zone was in the French Republic.",
            [("2016-10-25..2016-10-29", "visit", False)],
        ),
        # a title no state's, or a noun before a state's title: no visit
        ("On 25 October the Ambassador was in the Central Clinical Hospital.", []),
        ("25 октября школьники из Казани побывали в Посольстве Республики Корея в Москве.", []),
        ("25 октября студенты побывали в Совете Федерации на экскурсии.", []),
    ],
)
def test_a_state_named_by_its_adjective_and_title_is_a_place(seed, text, expected):
    assert proposals(text, "2016-11-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The call for hosts of our 2024 conference is open until 31 January.", []),
        ("Приём заявок на конкурс продлится до 31 января.", []),
        # a conference's own days are still its own
        ("Our 2024 conference will be held on 31 January.", [("2024-01-31", "forum", False)]),
        # and a run of days named before the call's deadline keeps its own end
        (
            "The call for papers for the International Conference on Arctic Research, to be held on 14–15 February "
            "in Tromsø, is open until 31 January.",
            [("2024-02-14..2024-02-15", "forum", False)],
        ),
        # a single day with "until" after it is an opening and its run
        (
            "The exhibition opens on 5 January and runs until 20 February.",
            [("2024-01-05..2024-02-20", "exhibition", False)],
        ),
    ],
)
def test_a_call_open_until_a_day_is_a_deadline(seed, text, expected):
    assert proposals(text, "2023-12-20") == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Делегация посетит Любляну 16 мая.", "Визит: Любляна"),
        ("Делегация посетит Варшаву 16 мая.", "Визит: Варшава"),
        ("Делегация будет в Белграде 16 мая.", "Визит: Белград"),
    ],
)
def test_a_russian_visits_title_names_the_city_in_its_dictionary_form(seed, text, title):
    assert [p.title for p in propose(text, published=dt.date(2024, 3, 1))] == [title]
