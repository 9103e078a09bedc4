"""Drafting of a date said against another ("not on 5 July but on 12 July"), of cancellings and their tense, of
titles that end at an initial, of documents' old dates, "of the same year", and of lists of events to come."""

import datetime as dt

import pytest

from events.importers.release import propose
from events.importers.release_references import REASONS

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 6, 1)


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Форум не состоится 5 июля, а пройдёт 12 июля в Минске.", "forum"),
        ("The concert will not take place on 5 July but on 12 July.", "other"),
        ("The exhibition will not be held on 5 July, but rather on 12 July.", "exhibition"),
    ],
)
def test_a_day_said_instead_of_a_cancelled_one_is_the_events_new_day(seed, text, slug):
    assert proposals(text) == [
        ("2026-07-05", slug, str(REASONS["moved"])),
        ("2026-07-12", slug, ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The concert on 8 July was cancelled, but the exhibition opens on 10 July.",
        "Концерт 8 июля отменён, но 10 июля откроется выставка.",
    ],
)
def test_another_event_after_a_but_keeps_its_own_kind_and_is_not_cancelled(seed, text):
    assert proposals(text) == [
        ("2026-07-08", "other", str(REASONS["cancelled"])),
        ("2026-07-10", "exhibition", ""),
    ]


def test_a_day_after_a_cancelling_and_a_but_far_on_is_not_the_cancelled_events(seed):
    text = (
        "The concert on 8 July has been cancelled because the hall is being repaired after the storm, but visitors "
        "may still see the permanent collection until 20 July."
    )

    assert proposals(text) == [("2026-07-08", "other", str(REASONS["cancelled"]))]


@pytest.mark.parametrize(
    "text",
    ["Концерт 8 июля отменён.", "Концерт, намеченный на 8 июля, был отменён.", "The concert on 8 July was cancelled."],
)
def test_a_cancelling_in_the_past_tense_leaves_its_event_to_come(seed, text):
    assert proposals(text) == [("2026-07-08", "other", str(REASONS["cancelled"]))]


def test_a_cancelling_in_the_past_tense_of_a_day_gone_by_stays_in_this_year(seed):
    assert proposals("Концерт 8 мая был отменён.") == [("2026-05-08", "other", str(REASONS["cancelled"]))]


@pytest.mark.parametrize(
    "text", ["Фестиваль, прошедший 8 мая, отменён не был.", "Фестиваль, прошедший 8 мая, не был отменён."]
)
def test_a_cancelling_denied_after_its_verb_cancels_nothing(seed, text):
    assert proposals(text) == [("2026-05-08", "festival", "")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Гастроли театра: 10 июня будет показан балет П.И.Чайковского «Щелкунчик».", "Балет"),
        ("An exhibition of J. S. Bach's manuscripts opens on 10 June.", "Exhibition"),
        ("The Festival of A Cappella Music opens on 12 June.", "Festival of A Cappella Music"),
    ],
)
def test_a_title_does_not_end_at_an_initial(seed, text, title):
    assert [p.title for p in propose(text, published=PUBLISHED)] == [title]


@pytest.mark.parametrize(
    "text",
    [
        "Its Charter was signed in Saint Petersburg on 7 June 2002.",
        "The Treaty on the Union was signed in Astana on May 29, 2014, and entered into force on January 1, 2015.",
        "Договор о Союзе был подписан в Астане 29 мая 2014 года и вступил в силу 1 января 2015 года.",
    ],
)
def test_a_documents_old_signing_or_entry_into_force_told_with_its_place_is_unticked(seed, text):
    assert {reason for _iso, _slug, reason in proposals(text, dt.date(2026, 7, 16))} == {str(REASONS["document"])}


def test_a_day_of_the_same_year_takes_the_year_named_last_even_a_documents(seed):
    text = (
        "Соглашение, парафированное 21 ноября 1995 года в Дейтоне и подписанное в Париже 14 декабря того же года, "
        "положило конец войне."
    )

    assert [(p.iso, str(p.reason)) for p in propose(text, published=dt.date(2025, 12, 1))] == [
        ("1995-11-21", str(REASONS["document"]))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The first summit was held on 5 May 2019, the second summit on 12 October of the same year.", "2019-10-12"),
        ("Первый саммит прошёл 5 мая 2019 года, второй саммит — 12 октября того же года.", "2019-10-12"),
    ],
)
def test_of_the_same_year_is_the_year_named_before(seed, text, expected):
    assert [iso for iso, _slug, _reason in proposals(text)][-1] == expected


def test_a_list_of_events_to_come_goes_on_in_time_from_line_to_line(seed):
    text = (
        "The Plan provides for the following main events:\n"
        "– 13 February, Minsk – meeting of the Council of Permanent Representatives;\n"
        "– 29 May, Avaza – meeting of the Council of Heads of Government;\n"
        "– June, Ashgabat – International Transport Forum;\n"
        "– 15–20 September – Days of Culture in Ashgabat;\n"
        "– 8 October – meeting of the Council of Ministers for Foreign Affairs."
    )

    assert [iso for iso, _slug, _reason in proposals(text, dt.date(2026, 1, 20))] == [
        "2026-02-13", "2026-05-29", "2026-06", "2026-09-15..2026-09-20", "2026-10-08",
    ]  # fmt: skip


def test_an_interviews_answer_led_by_a_dash_is_no_line_of_a_list(seed):
    text = (
        "– Что ждёт нас в ближайшие дни?\n\n"
        "– 29 декабря в Улан-Баторе откроется выставка.\n\n"
        "– Какие события года вы бы выделили?\n\n"
        "– Прежде всего – официальный визит Председателя Правительства в Улан-Батор 3–4 сентября."
    )

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 12, 28))] == [
        ("2026-12-29", "exhibition"),
        ("2026-09-03..2026-09-04", "visit"),
    ]


def test_a_list_lines_led_by_part_of_a_month_or_a_season_are_read(seed):
    text = (
        "Во втором полугодии запланировано проведение следующих основных мероприятий:\n\n"
        "• 18 июля, Минск – заседание Совета постоянных полномочных представителей;\n\n"
        "• конец августа, Минск – фотовыставка «Таджикистан – страна гор и воды»;\n\n"
        "• вторая половина сентября, Худжанд – Международный молодежный форум «Содружество»."
    )

    assert proposals(text, dt.date(2025, 7, 1)) == [
        ("2025-07-18", "meeting", ""),
        ("2025-08", "exhibition", ""),
        ("2025-09", "forum", ""),
    ]


def test_a_list_line_led_by_a_season_is_read(seed):
    text = (
        "The Plan provides for the following main events:\n"
        "– 29 May, Avaza – meeting of the Council of Heads of Government;\n"
        "– autumn – Forum of the Creative and Scientific Intelligentsia, Ashgabat."
    )

    assert proposals(text, dt.date(2026, 1, 20)) == [("2026-05-29", "meeting", ""), ("2026-09..2026-11", "forum", "")]


def test_a_month_at_the_start_of_prose_is_no_list_line(seed):
    assert proposals("June, the month of the longest days, was quiet.", dt.date(2026, 1, 20)) == []


@pytest.mark.parametrize(
    "text",
    [
        "В июне в Улан-Баторе, Дархане и Эрдэнэте прошли Дни российской культуры.",
        "In June, Ulaanbaatar, Darkhan and Erdenet hosted the Days of Russian Culture.",
    ],
)
def test_a_months_event_after_a_list_of_places_is_its_own(seed, text):
    assert proposals(text, dt.date(2026, 12, 28)) == [("2026-06", "culture-days", "")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Устав Организации, подписанный в Ялте 5 июня 1998 года, вступил в силу 1 мая 1999 года.", "document"),
        ("The Helsinki Final Act, signed on 1 August 1975, remains the foundation of the OSCE.", "document"),
        ("BSEC was created on 25 June 1992, when the Heads of State signed the Summit Declaration.", "anniversary"),
    ],
)
def test_a_charter_an_act_or_a_body_created_long_ago_gives_only_an_unticked_date(seed, text, reason):
    assert [reason for _iso, _slug, reason in proposals(text, dt.date(2026, 6, 30))] == [str(REASONS[reason])]
