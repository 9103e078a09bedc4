"""Drafting from trade agencies' and heads of state's press services: trade and investment missions, a week said
then the mission's days, rescheduled fairs, targets "by 2030", the press told at a press conference, a visit's main
events, signings told after the talks they close. Each case is a rule that generalises (a way of writing dates or
events), each with the text that must not fire it."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 6, 30)  # a Tuesday


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    "text",
    [
        "The Centre announces a trade and economic mission of exporters to Vietnam from 20 to 24 July 2026.",
        "The Minister will lead a trade and investment mission to Qatar from 20 to 24 July 2026.",
        "The agency's first mission to Vietnam will take place from 20 to 24 July 2026.",
        "С 20 по 24 июля 2026 года пройдёт торговая и инвестиционная миссия в Китай.",
    ],
)
def test_a_trade_or_investment_mission_to_a_country_is_a_visit(seed, text):
    assert [(iso, slug) for iso, slug, _reason in proposals(text)] == [("2026-07-20..2026-07-24", "visit")]


@pytest.mark.parametrize(
    "text",
    [
        "The Permanent Mission to the UN will hold a reception on 20 July 2026.",
        "Постоянное представительство и Миссия в Женеве проведут приём 20 июля 2026 года.",
    ],
)
def test_a_mission_that_is_an_office_is_no_visit(seed, text):
    assert [(iso, slug) for iso, slug, _reason in proposals(text)] == [("2026-07-20", "other")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Cabinet Secretary last week led a trade mission to Qatar, running from Monday 22nd to Thursday "
            "25th June 2026.",
            "2026-06-22..2026-06-25",
        ),
        ("The minister will next week lead a trade mission to Qatar, from 6 to 8 July.", "2026-07-06..2026-07-08"),
        ("The minister will next week lead a trade mission to Qatar.", "2026-07-06..2026-07-12"),
    ],
)
def test_a_run_of_days_later_in_the_sentence_narrows_the_week_said_before_it(seed, text, expected):
    assert [iso for iso, _slug, _reason in proposals(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Expo had been scheduled for 7 to 10 July.", "2026-07-07..2026-07-10"),
        ("The Expo will be held 7th to 10th July.", "2026-07-07..2026-07-10"),
    ],
)
def test_for_or_ordinals_before_to_make_a_range(seed, text, expected):
    assert [iso for iso, _slug, _reason in proposals(text)] == [expected]


def test_a_move_told_past_a_bracketed_name_still_moves_the_date(seed):
    text = (
        "The Kenya Export Expo 2026, which had been scheduled for 7th to 10th July at the Kenyatta International "
        "Convention Centre (KICC), has been rescheduled to 3rd–6th November 2026 at the same venue."
    )

    assert proposals(text) == [
        ("2026-07-07..2026-07-10", "exhibition", "The date the event was moved from, not its new one."),
        ("2026-11-03..2026-11-06", "exhibition", ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The commission has set a target of USD 2 billion in bilateral trade by 2030.",
        "По итогам заседания главы правительств одобрили Стратегию развития на период до 2035 года.",
    ],
)
def test_a_year_aimed_at_is_no_event(seed, text):
    assert proposals(text) == []


def test_a_year_aimed_at_gives_no_year_to_the_dates_after_it(seed):
    text = "Главы правительств одобрили Стратегию на период до 2035 года. Следующее заседание Совета пройдёт 20 ноября."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 5, 22))] == [("2026-11-20", "meeting")]


def test_an_exhibition_running_until_a_year_is_still_an_event(seed):
    assert proposals("The exhibition opened in Minsk in 2025 and will run until 2027.") != []


@pytest.mark.parametrize(
    "text",
    [
        "Основные мероприятия намечены на 23 апреля.",
        "The main events are planned for 23 April.",
        "На совместной пресс-конференции 23 апреля президенты подвели итоги.",
        "At a joint press conference on 23 April, the leaders answered questions.",
    ],
)
def test_a_visits_events_said_together_or_a_joint_press_conference_are_no_event(seed, text):
    assert proposals(text, dt.date(2026, 4, 20)) == []


def test_one_event_said_with_its_adjective_is_still_an_event(seed):
    assert proposals("Торжественное мероприятие пройдёт 23 апреля.", dt.date(2026, 4, 20)) == [
        ("2026-04-23", "other", "")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Президент Индонезии посетил Россию 22–23 апреля. Основные мероприятия прошли 23 апреля.\n\n"
        "По итогам переговоров в присутствии глав государств был подписан пакет документов.",
        "The President visited Kazakhstan on 22–23 April. The talks were held on 23 April.\n\n"
        "Upon the conclusion of the talks, the two leaders witnessed the signing of a package of agreements.",
        "The Council met in Ashgabat on 23 April.\n\nThe day concluded with the signing of eleven agreements.",
    ],
)
def test_a_signing_told_after_the_event_it_closes_is_proposed_on_its_day_unticked(seed, text):
    assert proposals(text, dt.date(2026, 4, 24))[-1] == (
        "2026-04-23",
        "signing",
        "A signing at the close of an event named before it: likely part of that event.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The President will visit Kazakhstan on 22–23 April.\n\nThe parties signed a treaty on friendship.",
        "Визит пройдёт 22–23 апреля.\n\nСтороны ранее подписали договор о дружбе.",
    ],
)
def test_a_signing_told_without_an_event_it_closes_is_no_proposal(seed, text):
    assert [slug for _iso, slug, _reason in proposals(text, dt.date(2026, 4, 20))] == ["visit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The sides discussed the agreements reached during the talks in Moscow last November, when the President "
            "of Kazakhstan was in Russia on a state visit.",
            [("2025-11", "visit")],
        ),
        (
            "The presidents intend to hold a full-scale meeting in Russia in the autumn of this year, when the "
            "President of Kazakhstan will make a state visit.",
            [("2026-09..2026-11", "visit")],
        ),
        (
            "The talks in Moscow last November, when the ministers also opened an exhibition, were productive.",
            [("2025-11", "meeting")],
        ),
    ],
)
def test_talks_told_with_the_visit_they_were_held_during_are_that_visit(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Belarusian Cuisine Week will be held in Tashkent from 14 to 17 May.",
        "С 14 по 17 мая в Пекине пройдёт Неделя белорусской кухни.",
        "Дни российского кино пройдут в Нови-Саде с 14 по 17 мая.",
    ],
)
def test_a_week_or_days_of_a_cuisine_or_of_films_are_a_festival(seed, text):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 4, 20))] == [
        ("2026-05-14..2026-05-17", "festival")
    ]


def test_a_cuisine_without_a_week_is_no_festival(seed):
    text = "A reception with Belarusian cuisine will be held at the Embassy on 14 May."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 4, 20))] == [("2026-05-14", "other")]


def test_an_initially_planned_month_with_the_events_name_between_is_the_date_moved_from(seed):
    text = (
        "Фестиваль пройдёт в Самарканде с 1 по 5 июня. Первоначально фестиваль планировалось провести в апреле, "
        "однако по просьбе делегаций сроки были перенесены."
    )

    assert proposals(text, dt.date(2026, 5, 12)) == [
        ("2026-06-01..2026-06-05", "festival", ""),
        ("2026-04", "festival", "The date the event was moved from, not its new one."),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Aberdeen and Stavanger signed their twinning agreement in 1990.",
            [("1990", "signing", "The date of a treaty or another document, not an event.")],
        ),
        (
            "The Intergovernmental Committee was set up in 1995 and meets alternately in Tashkent and Seoul.",
            [("1995", "meeting", "The day an anniversary counts from, not an event.")],
        ),
        ("The Intergovernmental Committee met in Seoul in 1995.", [("1995", "meeting", "")]),
    ],
)
def test_a_year_a_document_was_signed_or_a_body_set_up_in_is_unticked(seed, text, expected):
    assert proposals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "В 2025 году Узбекистан посетили более 1,1 млн граждан России.",
        "In 2025, 1.35 mln tourists visited the country.",
    ],
)
def test_visitors_counted_in_millions_are_no_visit(seed, text):
    assert proposals(text) == []


def test_people_counted_with_a_thousands_comma_are_no_visit_and_a_delegation_is(seed):
    assert proposals("In the first half of 2025, 6,421 kandas arrived in Kazakhstan.") == []
    assert [
        slug for _iso, slug, _reason in proposals("A delegation of 40 companies visited Kazakhstan in May 2025.")
    ] == ["visit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The book will be presented at a presentation at the Institute on 18 November.", "other"),
        ("Презентация книги состоится в Институте 18 ноября.", "other"),
        ("The youth camp will open on 18 November.", "other"),
        ("Молодёжный лагерь откроется 18 ноября.", "other"),
        ("A webinar on digital diplomacy will be held on 18 November.", "forum"),
        ("A workshop for young diplomats will be held on 18 November.", "forum"),
    ],
)
def test_presentations_camps_webinars_and_workshops_are_proposed(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2025, 11, 1))] == [("2025-11-18", expected)]


def test_an_offices_hours_are_no_reception_and_a_concert_in_them_stays_an_event(seed):
    text = (
        "Информируем, что в связи с новогодними праздниками приём посетителей с 31 декабря по 10 января не ведётся.\n\n"
        "А 7 января в Российском доме пройдет рождественский концерт хора."
    )

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 12, 24))] == [("2027-01-07", "other")]


def test_a_reception_in_honour_of_a_day_stays_an_event(seed):
    text = "12 июня в Посольстве состоится приём по случаю Дня России."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 6, 1))] == [("2026-06-12", "other")]


@pytest.mark.parametrize(
    "text",
    [
        "The three performances at the Festival, planned for 8–10 July, will not take place this summer.",
        "The concert on 8 July has been cancelled.",
        "Намеченный на 8 июля концерт отменён.",
        "Концерт 8 июля не состоится.",
    ],
)
def test_a_cancelled_event_is_proposed_unticked_with_the_reason(seed, text):
    assert [why for _iso, _slug, why in proposals(text)] == ["The event was cancelled."]


@pytest.mark.parametrize(
    "text",
    [
        "The 2024 edition was cancelled because of floods, and last year's forum, held on 8–9 July, drew 70 countries.",
        "The concert on 8 July goes ahead as planned.",
        "The lecture was cancelled; the concert will be held on 8 July.",
    ],
)
def test_an_event_near_another_ones_cancelling_is_not_cancelled(seed, text):
    assert [why for _iso, _slug, why in proposals(text)][-1:] == [""]


def test_returning_on_a_day_after_a_days_long_mission_ends_the_mission_on_that_day(seed):
    text = "The Lieutenant Governor returned from Mexico on Wednesday night after a three-day trade mission to Mexico."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 5, 7))] == [
        ("2026-05-04..2026-05-06", "visit")
    ]


def test_a_three_day_mission_opening_on_a_day_starts_on_it(seed):
    text = "On Monday, 11 May, the Lieutenant Governor will lead a three-day trade mission to Mexico."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 5, 7))] == [
        ("2026-05-11..2026-05-13", "visit")
    ]


def test_what_applications_are_due_on_is_no_event(seed):
    assert proposals("Applications for the pavilion at the exhibition are due June 1, 2026.", dt.date(2026, 5, 7)) == []


def test_an_event_cancelled_before_its_relative_clause_with_the_date_is_cancelled(seed):
    text = (
        "В связи с переносом фестиваля отменяется также мастер-класс по индийскому танцу, который должен был пройти "
        "10 октября."
    )

    assert [why for _iso, _slug, why in proposals(text, dt.date(2026, 10, 5))] == ["The event was cancelled."]


def test_a_move_told_far_after_a_long_aside_still_moves_the_date(seed):
    text = (
        "XI Фестиваль индийского кино, проведение которого было запланировано на 8–11 октября 2026 г. в кинотеатре "
        "«Художественный», по техническим причинам, связанным с задержкой доставки фильмокопий и прибытия гостей, "
        "переносится. Фестиваль состоится с 19-го по 22-е ноября 2026 г. на той же площадке."
    )

    assert proposals(text, dt.date(2026, 10, 5)) == [
        ("2026-10-08..2026-10-11", "festival", "The date the event was moved from, not its new one."),
        ("2026-11-19..2026-11-22", "festival", ""),
    ]


def test_an_event_that_was_due_on_a_day_and_is_moved_to_another_is_proposed_on_the_new_one(seed):
    text = (
        "Выездной приём в Барилоче, который должен был состояться в субботу, 07.03.2026, по техническим причинам "
        "переносится на 18.04.2026 (суббота)."
    )

    assert proposals(text, dt.date(2026, 3, 2)) == [
        ("2026-03-07", "other", "The date the event was moved from, not its new one."),
        ("2026-04-18", "other", ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "В остальные дни приём осуществляется по предварительной записи с понедельника по пятницу.",
        "Запись на приём производится по электронной почте с 9 по 13 марта.",
    ],
)
def test_a_consulates_appointments_and_other_days_are_no_events(seed, text):
    assert proposals(text, dt.date(2026, 3, 2)) == []


@pytest.mark.parametrize(
    "text",
    [
        "From 7 to 10 July members of the Commission observed the presidential election in Uzbekistan.",
        "С 7 по 10 июля представители Центризбиркома наблюдали за ходом досрочных выборов Президента Узбекистана.",
        "С 7 по 10 июля члены Комиссии в составе миссии наблюдателей от СНГ работали в Казахстане.",
        "С 7 по 10 июля в Бишкеке работала миссия по наблюдению за выборами.",
        "The election observation mission was deployed from 7 to 10 July.",
        # an expert team's mission past its body's acronym
        "Миссия БДИПЧ по оценке потребностей работала в Кишинёве с 7 по 10 июля.",
    ],
)
def test_observing_an_election_is_a_trip(seed, text):
    assert proposals(text, dt.date(2026, 8, 3)) == [("2026-07-07..2026-07-10", "visit", "")]


@pytest.mark.parametrize(
    "text",
    [
        # Observing something else, observing as a topic, an observer's office.
        "From 7 to 10 July the monitors observed the ceasefire along the line of contact.",
        "On 7 July the Commission presented the Handbook on Observing Elections.",
        "7 июля состоялся брифинг по вопросам наблюдения за выборами.",
        "On 7 July the Permanent Observer Mission hosted the briefing.",
    ],
)
def test_observing_other_things_or_as_a_topic_is_no_trip(seed, text):
    assert "visit" not in {slug for _iso, slug, _reason in proposals(text, dt.date(2026, 8, 3))}
