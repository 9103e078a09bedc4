"""Drafting's tenses: the year a date leaves out follows the tense of its clause, passives and reported plans too."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The session, which is due to be held in Belgrade in mid-June, will be prepared.", "2023-06"),
        ("The 6th Expo, to be held on June 15–19 in Harbin, is visited by a delegation.", "2023-06-15..2023-06-19"),
        ("It was agreed that the Days of Culture would be held in Almaty on the 14th and 15th of May.",
         "2024-05-14..2024-05-15"),
        ("The forum was held in Kazan on 15 June.", "2022-06-15"),
        ("The talks held on 2 June were fruitful.", "2022-06-02"),
    ],
)  # fmt: skip
def test_a_passive_or_an_infinitive_is_not_the_past_and_would_is_a_plan(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2023, 5, 29))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The commission met in Baku on March 3-4 and agreed to extend the discount.", "2026-03-03..2026-03-04"),
        ("Комиссия провела заседание 3–4 марта и договорилась продлить скидку на перевозки.", "2026-03-03..2026-03-04"),
        # The plan before the date is still the date's: the next session is to come.
        ("The commission agreed to hold its next session in Baku on March 3-4.", "2027-03-03..2027-03-04"),
        # A name's word is no verb: "Шагала" (Chagall's), not "шагал" (walked).
        ("В Музее Марка Шагала с 1 июля по 30 августа будет работать выставка.", "2026-07-01..2026-08-30"),
    ],
)  # fmt: skip
def test_a_plan_after_the_dates_own_past_verb_leaves_the_date_past(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 3, 8))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plan of no event leaves the past of "agreed": the talks were last July.
        ("The visit continued the dialogue begun at the talks in Moscow in July, when the parties agreed to focus on "
         "nuclear medicine.", "2026-07"),
        # A plan of an event is of the future: the talks are next July.
        ("The ministers agreed to hold the next round of talks in Moscow in July.", "2027-07"),
    ],
)  # fmt: skip
def test_agreed_to_is_a_plan_only_of_an_event(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 12, 4))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last year we met in Kazan in June, and the main result was an agreement.", "2025-06"),
        ("В прошлом году мы встретились в Казани в июне.", "2025-06"),
        ("In 2024 the ministers met in Kazan on 5 June.", "2024-06-05"),
    ],
)
def test_a_month_told_after_its_year_in_one_clause_is_that_years(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 8, 4))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A regular verb in "-ed" before its object is the past: last Thursday, not the next.
        ("The Mayor and Mrs Vogt renewed that pledge on Thursday by signing a joint declaration.",
         [("2024-04-18", "signing")]),
        ("The ministers approved the action plan at their meeting on 5 June.", [("2023-06-05", "meeting")]),
        # Not a participle or an adjective before a clause: the visit in August is still to come.
        ('"I am delighted that Mayor Matsui has accepted my invitation to visit Edinburgh in August," she said.',
         [("2024-08", "visit")]),
        # What is looked forward to is to come, whatever the tense of the verb before it.
        ("The Secretary conveyed the thanks of his country and looked forward to welcoming the Minister for the "
         "Foreign Ministers' Meeting in July.", [("2024-07", "meeting")]),
    ],
)  # fmt: skip
def test_a_regular_past_verb_before_its_object_is_the_past_and_looking_forward_the_future(seed, text, expected):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2024, 4, 22))] == expected


@pytest.mark.parametrize("will", ["I'll", "I’ll", "we'll", "I will"])
def test_a_lone_day_in_a_sentence_said_with_a_shortened_will_is_this_months_to_come(seed, will):
    text = (
        f"He turned fifty on Sunday, 26 February.\n\nThen on the 14th, {will} lead our delegation to Hanoi for talks."
    )
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2023, 3, 2))] == [
        ("2023-03-14", "meeting")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On 14 February 2014 a gale lifted the roof.\n\nThat winter taught us much. In March we convened a meeting.",
        "14 февраля 2014 года ураган сорвал крышу.\n\nТой зимой мы многому научились. В марте мы провели совещание.",
    ],
)
def test_a_paragraph_opened_by_that_winter_keeps_the_year_named_before(seed, text):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2017, 10, 9))] == [
        ("2014-03", "meeting")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Published on 10 April: the schedule of October, not last October, the nearer
        ("The forum opens on 22 October and closes on 24 October.", ["2025-10-22..2025-10-24"]),
        ("The winter school runs from 20 to 25 November in Kazan.", ["2025-11-20..2025-11-25"]),
        # Days just past told in the present stay past: a headline's "visits Minsk on 5 March"
        ("The Minister visits Minsk on 5 March.", ["2025-03-05"]),
    ],
)
def test_a_date_told_in_the_present_is_its_schedule_unless_just_past(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2025, 4, 10))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Заседание Совета, назначенное на 2 апреля, состоится в Алматы.", ["2020-04-02"]),
        ("Намеченная на 14 апреля конференция пройдёт в Нур-Султане.", ["2020-04-14"]),
        # a participle of another verb keeps its past: the forum held on 2 March
        ("Форум, проведённый 2 марта в Алматы, собрал 300 участников.", ["2020-03-02"]),
    ],
)
def test_a_russian_participle_of_planning_gives_its_date_no_past(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2020, 3, 16))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "to take part" after the place a trip went to is the trip's purpose, told in the past.
        ("The Chairman travelled to Almaty to take part in the meeting of the Committee on 6 February.",
         [("2024-02-06", "meeting")]),
        ("The delegation went to Minsk to sign the memorandum on 6 February.", [("2024-02-06", "signing")]),
        # A headline's "to" after a name is still of the future, and so is an offer to host.
        ("Almaty to host the meeting of the Committee on 6 February", [("2025-02-06", "meeting")]),
        ("The participants welcomed the offer of the Lithuanian Red Cross Society to host a joint cross-border "
         "exercise in the autumn.", [("2024-09..2024-11", "other")]),
    ],
)  # fmt: skip
def test_to_after_the_place_of_a_past_trip_is_its_purpose_not_a_headlines_future(seed, text, expected):
    proposals = propose(text, published=dt.date(2024, 5, 6))
    assert [(p.iso, p.event_type.slug) for p in proposals] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Days within the last run of days named take its year, whatever the tense of their own words.
        ("Пленарное заседание переносится на 6–8 октября 2026 года.\n\nСтроительство моста завершилось в октябре "
         "1916 года.\n\nВ программу включены:\n— семинар для журналистов (6 октября);\n— торжественная церемония "
         "у моста (8 октября).",
         [("2026-10-06..2026-10-08", "meeting"), ("2026-10-06", "forum"), ("2026-10-08", "other")]),
        # not days outside it, nor a month, nor days within a run of long ago
        ("The forum will take place on 6–8 October 2026.\n\nThe talks were held on 12 October.",
         [("2026-10-06..2026-10-08", "forum"), ("2025-10-12", "meeting")]),
        ("Белград был освобождён 14–20 октября 1944 года.\n\n16 октября в Белграде прошёл форум.",
         [("2025-10-16", "forum")]),
    ],
)  # fmt: skip
def test_days_within_the_last_run_named_take_its_year(seed, text, expected):
    proposals = propose(text, published=dt.date(2025, 12, 1))
    assert [(p.iso, p.event_type.slug) for p in proposals if not p.reason] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What was decided is to come; the day of the deciding, before it, is past.
        ("Совет принял решение провести форум 5 октября в Минске.", [("2021-10-05", "forum")]),
        ("Заседание 30 августа приняло решение провести фестиваль 10–12 сентября.",
         [("2021-08-30", "meeting"), ("2021-09-10..2021-09-12", "festival")]),
        ("The meeting on 30 August decided to hold the festival on 10–12 September.",
         [("2021-08-30", "meeting"), ("2021-09-10..2021-09-12", "festival")]),
        # a decision of no event changes nothing
        ("The meeting on 30 August decided to strengthen ties.", [("2021-08-30", "meeting")]),
    ],
)  # fmt: skip
def test_a_decision_to_hold_an_event_is_past_and_the_event_decided_on_to_come(seed, text, expected):
    proposals = propose(text, published=dt.date(2021, 8, 31))
    assert [(p.iso, p.event_type.slug) for p in proposals] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strategy until 2030 was presented at the forum on 20 May.", [("2025-05-20", "forum")]),
        ("Стратегия до 2030 года была представлена на форуме 20 мая.", [("2025-05-20", "forum")]),
        # a year told as the event's frames its month still
        ("In 2024, in May, the forum was held in Minsk.", [("2024-05", "forum")]),
    ],
)  # fmt: skip
def test_a_year_aimed_at_frames_no_day_after_it(seed, text, expected):
    proposals = propose(text, published=dt.date(2025, 7, 10))
    assert [(p.iso, p.event_type.slug) for p in proposals] == expected
