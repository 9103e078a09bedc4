"""Dates that are not events (events/importers/release_references.py): a treaty's or a document's date, the day an
anniversary counts from, a birthday, proposed unticked with the reason or left out by the command."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from events.importers.release import propose
from events.importers.release_kinds import GENERAL_TYPE

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2021, 9, 3)


def dates_types_reasons(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, p.reason) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The 80th anniversary of the siege, which began on 8 September 1941, will be marked.", "anniversary"),
        ("Блокада была снята 27 января 1944 года, к годовщине пройдут мероприятия.", "anniversary"),
        ("The reception marks the Treaty of 25 May 1993.", "document"),
        ("Приём посвящён Договору от 25 мая 1993 года.", "document"),
        ("The agreement, signed on 25 May 1993, was the subject of a conference.", "document"),
        ("Our first supply contract with a Japanese buyer was signed back in 2009.", "document"),
        ("Декрет о создании агентства был подписан 7 сентября 1921 года.", "document"),
        ("A concert honours the composer, born on 7 May 1840.", "birthday"),
        ("Визит прошёл в год, когда отношения, установленные 13 апреля 1947 года, крепки.", "anniversary"),
    ],
)
def test_reference_dates_are_proposed_unticked_with_the_reason(seed, text, reason):
    proposals = propose(text, published=PUBLISHED)

    assert len(proposals) == 1
    assert (
        proposals[0].reason.split()[1:3]
        == {
            "anniversary": ["day", "an"],
            "document": ["date", "of"],
            "birthday": ["birthday,", "not"],
        }[reason]
    )


def test_the_command_leaves_reference_dates_out_and_tells_the_language_from_the_text(seed, tmp_path):
    release = tmp_path / "release.txt"
    release.write_text(
        "Блокада Ленинграда началась 8 сентября 1941 года. 8 сентября пройдёт церемония в память о её начале.",
        encoding="utf-8",
    )
    out = StringIO()

    call_command("draft_from_release", str(release), "--published", "2021-09-03", stdout=out)

    assert [line.split("\t")[:2] for line in out.getvalue().splitlines()] == [["2021-09-08", GENERAL_TYPE]]


def test_admin_drafting_tells_the_language_and_shows_a_treatys_date_unticked_with_why(seed, admin_client):
    text = "Приём посвящён Договору от 25 мая 1993 года. 12 июня состоится приём в честь Договора."
    release = {"title": "R", "published": "2021-09-03", "language": "", "text": text, "propose": "1"}

    response = admin_client.post("/admin/events/event/draft/", release)

    forms = response.context["proposals"].forms
    assert [(form.initial["dates"], form.initial["include"]) for form in forms] == [
        ("1993-05-25", False),
        ("2022-06-12", True),
    ]
    assert "Unticked: The date of a treaty or another document, not an event." in response.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        "It is the first visit to Viet Nam by a Korean finance minister since the two countries upgraded their "
        "relations to a Comprehensive Strategic Partnership in December 2022.",
        "Это первый визит министра финансов Кореи во Вьетнам с тех пор, как в декабре 2022 года стороны повысили "
        "уровень отношений.",
    ],
)
def test_a_date_a_long_since_clause_counts_from_is_no_event(seed, text):
    assert dates_types_reasons(text, dt.date(2025, 11, 27)) == [
        ("2022-12", "visit", "The day an anniversary counts from, not an event.")
    ]


def test_a_memorandum_signed_years_ago_far_before_its_date_is_a_documents_date(seed):
    text = (
        "The group was set up in accordance with the memorandum signed by the two agriculture ministries in December "
        "2019 and meets at least once a year."
    )

    assert dates_types_reasons(text, dt.date(2025, 5, 20)) == [
        ("2019-12", "signing", "The date of a treaty or another document, not an event.")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Выставка, открытие которой было назначено на 15 марта, откроется 18 мая.",
         [("2021-03-15", "exhibition", "The date the event was moved from, not its new one."),
          ("2021-05-18", "exhibition", "")]),
        ("The exhibition, which had been scheduled for 5 May, will now open on 12 May.",
         [("2021-05-05", "exhibition", "The date the event was moved from, not its new one."),
          ("2021-05-12", "exhibition", "")]),
        # A plan kept: the same day said again is no other day.
        ("The forum, which was scheduled for 15 September, will open on 15 September as planned.",
         [("2021-09-15", "forum", "")]),
    ],
)  # fmt: skip
def test_a_day_planned_in_the_past_that_another_day_of_the_sentence_replaces_is_the_day_moved_from(
    seed, text, expected
):
    assert dates_types_reasons(text, dt.date(2021, 3, 2)) == expected


MOVED_FROM = "The date the event was moved from, not its new one."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board decided to postpone the 4th Conference on Shipbuilding, which was scheduled to take place in "
         "St Petersburg on 24–26 March. It will be held in the autumn.",
         [("2020-03-24..2020-03-26", "forum", MOVED_FROM), ("2020-09..2020-11", "forum", "")]),
        ("The Committee has decided to postpone the 31st Congress of the Federation, which was to take place in Tunis "
         "from 12 to 14 May 2020.", [("2020-05-12..2020-05-14", "forum", MOVED_FROM)]),
        ("The round table, which the Defender was to host in Yerevan on 2 April with colleagues from Georgia, has been "
         "postponed.", [("2020-04-02", "forum", MOVED_FROM)]),
        ("Организаторы решили перенести форум, который должен был пройти в Казани 12–14 мая.",
         [("2020-05-12..2020-05-14", "forum", MOVED_FROM)]),
    ],
)  # fmt: skip
def test_a_day_in_the_relative_clause_of_the_event_a_verb_of_moving_names_is_the_day_moved_from(seed, text, expected):
    assert dates_types_reasons(text, dt.date(2020, 3, 16)) == expected


def test_a_day_in_the_relative_clause_of_an_event_past_another_clause_is_not_moved_by_a_verb_before(seed):
    text = "The concert was postponed, and the forum, which was scheduled for 12 May, will open as planned."

    assert [reason for _iso, _slug, reason in dates_types_reasons(text, dt.date(2020, 3, 16))] == [""]


@pytest.mark.parametrize(
    "text",
    [
        "Следующая, 35-я сессия Смешанной комиссии, созданной по Соглашению от 3 октября 1988 года, пройдет в декабре.",
        "The next session of the Joint Commission, established by the Agreement of 3 October 1988, will be held in "
        "December.",
    ],
)
def test_an_event_named_before_a_documents_date_is_the_next_dates(seed, text):
    assert [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date(2025, 11, 3))] == [
        ("1988-10-03", "meeting", True),
        ("2025-12", "meeting", False),
    ]


def test_a_signing_before_a_documents_date_is_not_the_next_dates(seed):
    text = "The treaty was signed on 5 May 1995 and entered into force in 1996."
    assert [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date(2025, 11, 3))] == [
        ("1995-05-05", "signing", True)
    ]


def test_a_documents_day_of_adoption_by_a_body_is_no_event_of_that_body_nor_of_the_next_date(seed):
    text = (
        "Latvia ratified the Convention concerning the Protection of the World Heritage, adopted by the UNESCO "
        "General Conference on 16 November 1972, in January 1995."
    )
    assert [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date(2023, 9, 26))] == [
        ("1972-11-16", "forum", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The conference, which was to have been held at the Mediterranean Conference Centre in Valletta from 23 to 25 "
        "March, will now take place on 14–16 October 2020 at the same venue.",
        "The conference, which was to be held in Valletta from 23 to 25 March, will now take place on 14–16 October "
        "2020.",
    ],
)
def test_days_an_event_was_to_be_held_on_are_the_days_it_was_moved_from(seed, text):
    assert [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date(2020, 3, 16))] == [
        ("2020-03-23..2020-03-25", "forum", True),
        ("2020-10-14..2020-10-16", "forum", False),
    ]


def test_days_an_event_was_rescheduled_for_are_its_new_days_though_a_plan_is_told_before(seed):
    text = (
        "The trade mission to Seoul that MTO had planned for the first week of December has been rescheduled for "
        "March 8–12, 2027."
    )
    assert [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date(2026, 10, 1))][-1] == (
        "2027-03-08..2027-03-12",
        "visit",
        False,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Last year's bazaar raised over 9,000 pounds for the children's hospice, with 600 visitors.",
        "Last year's fair brought together more than 4,000 participants from 30 countries.",
        "In 2024 the Bureau received 14 foreign delegations and sent 37 experts abroad.",
        "В прошлом году мероприятия фестиваля посетили свыше 100 тыс. человек.",
        "В 2024 году центр провёл 9 полевых экспедиций в приграничные префектуры.",
        "В прошлом году состоялось пять рабочих встреч специалистов двух ведомств.",
        "В 2024 году подписано 12 новых соглашений о сотрудничестве с зарубежными СМИ.",
        "In 2024 the agency signed 14 cooperation agreements with foreign media.",
    ],
)
def test_a_year_whose_sentence_counts_people_or_events_gives_figures_not_an_event(seed, text):
    assert dates_types_reasons(text, dt.date(2025, 6, 2)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The clause says the event happened that year: it is one, counted or not.
        ("The previous Days of Russian Culture were held in 2023 and were attended by 50,000 people.", "culture-days"),
        ("Предыдущая выставка прошла здесь в 2019 году и собрала более 12 тыс. посетителей.", "exhibition"),
        # A number that counts no people and no events.
        ("In 2024 the ministers met in Baku to discuss 12 projects.", "meeting"),
    ],
)
def test_a_year_told_as_an_events_or_counting_other_things_stays_an_event(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in dates_types_reasons(text, dt.date(2025, 6, 2))] == [
        (text_year(text), expected)
    ]


def text_year(text: str) -> str:
    return next(word for word in text.replace(".", " ").split() if word.isdigit() and len(word) == 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ICN annual conference takes place in May.", [("2025-05", "forum")]),
        ("The annual bilateral consultations will be held in March.", [("2025-03", "meeting")]),
        ("Ежегодная конференция пройдёт в мае.", [("2025-05", "forum")]),
        # the adverb: the month recurs, no one event
        ("The conference takes place annually in May.", []),
        ("Конференция ежегодно проходит в мае.", []),
    ],
)
def test_an_annual_event_named_with_its_month_is_this_years_and_annually_is_a_habit(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in dates_types_reasons(text, dt.date(2025, 2, 18))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What figures are counted up to is no day of an event, nor one a later "the same day" counts from.
        ("Вчера состоялась конференция. По состоянию на 1 мая в системе было открыто 600 тысяч счетов. Вечером того "
         "же дня был дан приём.", [("2021-09-02", "forum", ""), ("2021-09-02", "other", "")]),
        ("The forum closed yesterday. As of 1 May 2021 the registry held 600,000 accounts.",
         [("2021-09-02", "forum", "")]),
        # "today" in a quote of the present tells no day; in one that names an event it does.
        ("Вчера состоялась конференция. «За четверть века мы прошли большой путь. Сегодня наша главная задача — "
         "доступ к рынкам», — отметила она. Вечером того же дня был дан приём.",
         [("2021-09-02", "forum", ""), ("2021-09-02", "other", "")]),
        ("«Сегодня мы открыли выставку», — сказал министр.", [("2021-09-03", "exhibition", "")]),
        # a straight quote closed after a comma, opened in a sentence before
        ('The forum is the region\'s main event. Today the task is to make borders '
         'invisible," he said.', []),
    ],
)  # fmt: skip
def test_an_as_of_date_and_today_in_a_quote_of_the_present_are_no_days(seed, text, expected):
    assert dates_types_reasons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The meeting that decided to cancel another event was held; the event cancelled is unticked, however long
        # its name before the relative clause that holds its days.
        ("The Executive Board, meeting by video conference on Monday (30 August), has decided with great regret to "
         "cancel the 2021 Nordic Para Athletics Championships, which were scheduled to take place in Gothenburg on "
         "12–14 September.",
         [("2021-08-30", "meeting", ""), ("2021-09-12..2021-09-14", "other", "The event was cancelled.")]),
        # a date that names no event before it: the event cancelled is its own
        ("On 30 August, the organisers cancelled the forum.", [("2021-08-30", "forum", "The event was cancelled.")]),
    ],
)  # fmt: skip
def test_a_meeting_that_cancels_another_event_is_held_and_the_other_unticked(seed, text, expected):
    assert dates_types_reasons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Исполком принял решение перенести V Международную конференцию «Город для всех», запланированную на 2–3 "
        "октября в Санкт-Петербурге.",
        "Комитет решил перенести форум регионов, намеченный на 2–3 октября.",
        "The Board decided to postpone the Forum of Regions, scheduled for 2–3 October.",
    ],
)
def test_the_date_a_participle_of_planning_gives_an_event_moved_before_it_is_unticked(seed, text):
    assert [(reason != "") for _iso, _slug, reason in dates_types_reasons(text)] == [True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A move told without a date: the date the event "was scheduled for" next is the old one, and a date where it
        # "will now take place" the new one.
        ("NOTICE\n\nThe organising committee has decided to postpone the conference.\n\nThe conference was "
         "scheduled for 20–21 October. It will now take place on 1–2 December at the same venue in Riga.",
         [("2021-10-20..2021-10-21", "forum", "The date the event was moved from, not its new one."),
          ("2021-12-01..2021-12-02", "forum", "")]),
        ("NOTICE\n\nФорум регионов перенесён.\n\nОн пройдёт 1–2 декабря в Минске.",
         [("2021-12-01..2021-12-02", "forum", "")]),
        # not a date of something else the next sentence tells
        ("NOTICE\n\nThe forum has been postponed. An updated programme will be circulated next month.", []),
    ],
)  # fmt: skip
def test_a_move_told_without_a_date_gives_the_next_sentences_old_and_new_dates(seed, text, expected):
    assert dates_types_reasons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day an event cancelled in the sentence before was due is unticked.
        ("The exhibition has been cancelled. It was due to open on 10 September.",
         [("2021-09-10", "exhibition", "The event was cancelled.")]),
        ("Концерт отменён. Он должен был состояться 10 сентября.",
         [("2021-09-10", "other", "The event was cancelled.")]),
        # not another event's, nor a day to come
        ("The field visit is cancelled.\n\nThe annual general meeting, scheduled for Thursday 9 September, will go "
         "ahead.", [("2021-09-09", "meeting", "")]),
        ("The exhibition has been cancelled. The forum will open on 10 September.", [("2021-09-10", "forum", "")]),
    ],
)  # fmt: skip
def test_the_day_an_event_cancelled_in_the_sentence_before_was_due_is_unticked(seed, text, expected):
    assert dates_types_reasons(text, dt.date(2021, 9, 1)) == expected
