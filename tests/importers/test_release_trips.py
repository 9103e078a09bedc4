"""Drafting a trip report and an announcement as real releases write them: days counted from an arrival ("On the
second day"), an arrival named before its verb, days written with slashes or in ISO form, a month a meeting is
"planned for", what accreditation or registration is due by, and an end said without the event's word."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


def proposals(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    "text",
    [
        "The delegation arrived in Ulaanbaatar on 2 June.\n\n"
        "On the second day, the delegation took part in the Business Forum on Agriculture.\n\n"
        "On the third day, the Governor opened an exhibition of regional goods, which will remain open until 20 June."
        "\n\nOn the fourth and final day, the delegation visited a dairy farm.",
        "В Ташкент делегация прибыла 2 июня.\n\n"
        "На второй день члены делегации приняли участие в бизнес-форуме по сельскому хозяйству.\n\n"
        "На третий день губернатор открыл выставку товаров области, которая продлится до 20 июня.\n\n"
        "В четвёртый, заключительный день делегация побывала на молочной ферме.",
    ],
)
def test_days_counted_from_an_arrival_and_its_final_day_ending_the_visit(seed, text):
    assert proposals(text, dt.date(2026, 6, 10)) == [
        ("2026-06-02..2026-06-05", "visit"),
        ("2026-06-03", "forum"),
        ("2026-06-04..2026-06-20", "exhibition"),
    ]


def test_a_counted_day_needs_a_day_to_count_from_and_the_first_day_of_a_month_is_a_date(seed):
    assert proposals("On the second day, the delegation took part in a forum.", dt.date(2026, 6, 10)) == []
    assert proposals("The forum opens on the first day of June.", dt.date(2026, 5, 10)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maps will be on display from 13/04/2026 to 17/04/2026.", [("2026-04-13..2026-04-17", "exhibition")]),
        ("The festival opens on 05/20/2026.", [("2026-05-20", "festival")]),
        ("The seminar will be held on 2026-05-12 in Minsk.", [("2026-05-12", "forum")]),
        ("The hotline works 24/7 during the forum.", []),
        ("The forum will be held on 2026-02-30.", []),
    ],
)  # fmt: skip
def test_days_written_with_slashes_day_first_unless_it_cannot_be_and_in_iso_form(seed, text, expected):
    assert proposals(text, dt.date(2026, 2, 16)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its next meeting is planned for April in Yerevan.", [("2026-04", "meeting")]),
        ("The next round of talks is scheduled for May.", [("2026-05", "meeting")]),
        ("Trade figures for April showed growth at the meeting.", []),
    ],
)
def test_a_month_an_event_is_planned_or_scheduled_for(seed, text, expected):
    assert proposals(text, dt.date(2026, 2, 18)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Accreditation of media representatives for the talks is open until 12:00 on 23 February.",
        "Registration for the forum closes on 20 March.",
        "Аккредитация журналистов на форум открыта до 18 часов 23 февраля.",
    ],
)
def test_what_accreditation_or_registration_is_due_by_is_a_deadline(seed, text):
    assert proposals(text, dt.date(2026, 2, 18)) == []


def test_an_end_said_without_the_events_word_ends_the_paragraphs_last_event(seed):
    text = (
        'On 16 October, the photo exhibition "Thirty Years of Friendship" will open in the Palace. It presents '
        "photographs of joint festivals and will run through 15 November. The photographs will be on view until "
        "15 November."
    )

    assert proposals(text, dt.date(2026, 9, 10)) == [("2026-10-16..2026-11-15", "exhibition")]


def test_a_film_week_is_a_festival_and_a_culture_week_stays_culture_days(seed):
    text = (
        "Kazakh Film Week will take place in Minsk on 24–29 November. Uzbek Culture Week will follow on 1–6 December."
    )

    assert proposals(text, dt.date(2026, 11, 10)) == [
        ("2026-11-24..2026-11-29", "festival"),
        ("2026-12-01..2026-12-06", "culture-days"),
    ]


def test_a_year_a_document_was_signed_in_and_a_day_relations_count_from_are_not_events(seed):
    text = (
        "Дипломатические отношения были установлены в 1838 году, а в 2013 году была подписана Декларация о "
        "стратегическом партнёрстве.\n\nВ этом году исполняется 105 лет со дня установления дипломатических "
        "отношений (5 ноября 1921 г.). Дни культуры пройдут 2–3 октября."
    )

    drafted = [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date(2026, 9, 1))]

    assert drafted == [("2013", "signing", True), ("2026-10-02..2026-10-03", "culture-days", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The charity concert "Melodies", originally scheduled for 21 February, has been postponed. The concert will '
         "now take place on Saturday, 14 March.", [("2026-02-21", "other", True), ("2026-03-14", "other", False)]),
        ("The forum has been postponed from 5 May to 12 May.",
         [("2026-05-05", "forum", True), ("2026-05-12", "forum", False)]),
        ("Первоначально форум планировалось провести 5 апреля, теперь он пройдёт 9 апреля.",
         [("2026-04-05", "forum", True), ("2026-04-09", "forum", False)]),
    ],
)  # fmt: skip
def test_the_date_an_event_was_moved_from_is_unticked_and_its_new_date_is_proposed(seed, text, expected):
    drafted = [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date(2026, 1, 20))]

    assert drafted == expected


def test_a_types_name_counts_by_its_head_noun_and_a_name_just_after_hold_is_an_event(seed):
    text = (
        "The Ministry of Culture will present its plans on 12 May.\n\n"
        "The Embassy will hold Kazakh Film Week in Minsk next week, from Monday, 24 November, to Saturday, 29 "
        "November.\n\nBrazil holds the BRICS chairmanship this year. The Christmas charity bazaar was held on 13 "
        "December."
    )

    assert proposals(text, dt.date(2025, 11, 17)) == [
        ("2025-11-24..2025-11-29", "festival"),
        ("2024-12-13", "other"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A delegation received over days or a month, or hosted: its visit.
        ("4–6 декабря Центризбирком принимал делегацию Центральной избирательной комиссии России.",
         [("2025-12-04..2025-12-06", "visit")]),
        ("В июле мы принимали делегацию Главного налогового департамента Вьетнама.", [("2026-07", "visit")]),
        ("Next Thursday the International Division will host a delegation from Henan Province.",
         [("2026-09-03", "visit")]),
        ("In May we welcomed a delegation from the Japanese Para Sports Association.", [("2026-05", "visit")]),
        # Received on a day: a meeting; taking part is no receiving; hosting no delegation is no visit.
        ("6 июля председатель принял делегацию Вьетнама.", [("2026-07-06", "meeting")]),
        ("Kazakhstan hosted the Ambassador at a dinner on 6 July.", []),
        # a coffee's name, an aside
        ("6 July. Welcome coffee for heads of delegations.", []),
        ("Welcoming the delegation, the Chair noted the agreement adopted on 6 July.", []),
    ],
)  # fmt: skip
def test_a_delegation_received_for_days_or_hosted_is_a_visit(seed, text, expected):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2026, 9, 1))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A CEC delegation flies to Ulaanbaatar today.", [("2024-06-25", "visit")]),
        ("The Minister will travel to Japan on 27 June.", [("2024-06-27", "visit")]),
        ("The delegation left for Tokyo on 24 June.", [("2024-06-24", "visit")]),
        ("Министр отправится в Токио 27 июня.", [("2024-06-27", "visit")]),
        ("24 июня делегация выехала в Бишкек.", [("2024-06-24", "visit")]),
        # not a guest's trip
        ("Exports went to China in June.", []),
        ("Tourists flew to Japan on 27 June.", []),
        # the event the trip is made for
        (
            "Tomorrow, the Korean Minister will travel to Ho Chi Minh City to address the Investment Forum.",
            [("2024-06-26", "forum")],
        ),
    ],
)
def test_a_guest_travelling_to_a_place_on_a_day_is_a_visit_unless_the_sentence_names_what_for(seed, text, expected):
    assert proposals(text, dt.date(2024, 6, 25)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("С 17 по 20 апреля наша делегация была в Сеуле и Пусане.", [("2024-04-17..2024-04-20", "visit")]),
        ("Министр будет в Минске 5 июля.", [("2024-07-05", "visit")]),
        # not a guest's presence, and not an initial read as "быть"
        ("5 мая в Минске было тепло.", []),
        ("1 июля посол Г.Е.Борисенко встретился в Каире с министром туризма.", [("2023-07-01", "meeting")]),
    ],
)
def test_a_guest_who_was_or_will_be_in_a_place_is_on_a_visit_in_russian_too(seed, text, expected):
    assert proposals(text, dt.date(2024, 6, 25)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body's own staff, a team or a group sent out travel as a guest does.
        ("В декабре инспекторы института отправятся в Аргентину.", [("2024-12", "visit")]),
        ("The inspectors will travel to Argentina in December.", [("2024-12", "visit")]),
        ("In December a group of specialists will travel to Argentina.", [("2024-12", "visit")]),
        ("20 июня специалисты института выехали в Ереван.", [("2024-06-20", "visit")]),
        ("In December a joint expert group will travel to Argentina.", [("2024-12", "visit")]),
        # in Russian, after its verb too
        ("В декабре в Бишкек отправится группа специалистов института.", [("2024-12", "visit")]),
        ("В декабре в Бишкек отправится партия грузов.", []),
        # not goods or anyone else
        ("In December the first shipments will travel to Argentina.", []),
    ],
)
def test_staff_a_team_or_a_group_travelling_to_a_place_are_on_a_visit(seed, text, expected):
    assert proposals(text, dt.date(2024, 6, 25)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In May we expect a delegation from China.", [("2025-05", "visit")]),
        ("В мае ждём делегацию заповедника из КНР.", [("2025-05", "visit")]),
        ("The IAEA has agreed to send a team to Accra in early December.", [("2024-12", "visit")]),
        ("The delegation will arrive in the Netherlands on 5 July.", [("2024-07-05", "visit")]),
        ("The Minister will travel to the UAE on 5 July.", [("2024-07-05", "visit")]),
        # no guest: an answer expected, a letter sent
        ("We expect an answer from the Minister in May.", []),
        ("We sent a letter to Tokyo in May.", []),
    ],
)
def test_a_guest_expected_from_a_place_or_sent_to_one_is_a_visit_and_a_state_may_follow_the(seed, text, expected):
    assert proposals(text, dt.date(2024, 6, 25)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 10–11 July I will be in Vilnius for the conference on child protection.",
            [("2024-07-10..2024-07-11", "forum")],
        ),
        ("On 10–11 July the Minister will be in Vilnius.", [("2024-07-10..2024-07-11", "visit")]),
    ],
)
def test_a_guest_in_a_place_for_an_event_is_at_that_event(seed, text, expected):
    assert proposals(text, dt.date(2024, 6, 25)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March we travel to Hanoi.", [("2025-03", "visit")]),
        ("В апреле мы были в Ташкенте.", [("2024-04", "visit")]),
        # not the writer's own trip
        ("In March exports went to Hanoi.", []),
    ],
)
def test_the_writers_own_body_travelling_or_staying_somewhere_is_on_a_visit(seed, text, expected):
    assert proposals(text, dt.date(2025, 2, 6)) == expected
