"""Faults a review of the eighth session's drafting rules found on texts of its own, each fixed: ordinals and the
event's own plans read as figures of a year, a country's name from a remark in CLDR's brackets, a chronicle's year
past its December and an upcoming plan put in last year, an aside's year after a dash, observing elections at home
or as a topic, a forum's days taken by a delegation received on its sidelines, a headline of several meetings over
its days, a post's past news of any kind, and a visit's level read from a body's name."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2024, 3, 1)


def drafted(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An ordinal counts nothing.
        ("The 5th Days of Belarusian Culture in Vietnam will be held in Hanoi in 2025.", [("2025", "culture-days")]),
        (
            "В 2025 году в Ташкенте пройдут XII Дни культуры Беларуси, а в 2026 году — 13-е Дни культуры Узбекистана.",
            [("2025", "culture-days"), ("2026", "culture-days")],
        ),
        # An event's own plan counts its guests and parts: no figures of a year past.
        ("In 2025 Kazan will host the BRICS summit, to be attended by 36 delegations.", [("2025", "meeting")]),
        ("The 2nd Forum of Regions will take place in 2025 and will include 4 panel sessions.", [("2025", "forum")]),
        (
            "The Days of Kazakh Culture, to be held in Minsk in 2025, will feature 12 concerts.",
            [("2025", "culture-days")],
        ),
    ],
)
def test_ordinals_and_an_events_own_plans_are_no_figures_of_a_year(seed, text, expected):
    assert drafted(text) == expected


def test_a_remark_in_a_countrys_brackets_names_no_country(seed):
    # CLDR's "Внешние малые о-ва (США)": "США" is not the Outlying Islands, but the United States (STATE_ACRONYMS).
    (visit,) = propose("Министр посетит США 10–12 июля 2024 года.", published=dt.date(2024, 7, 2))
    assert (visit.event_type.slug, visit.place["country"]) == ("visit", "US")


def test_a_chronicles_year_moves_on_past_its_december(seed):
    text = (
        "Chronicle\n\nNOVEMBER 2022\n\nOn 15 November the Chair met the Ambassador of Germany.\n\nDECEMBER\n\n"
        "On 5 December the Chair met the Ambassador of France.\n\nJANUARY\n\nOn 19 January the Chair met the Head of "
        "the OSCE Office in Warsaw."
    )
    assert [iso for iso, _slug in drafted(text)] == ["2022-11-15", "2022-12-05", "2023-01-19"]


def test_a_past_year_told_once_before_a_plan_of_events_is_no_chronicles_year(seed):
    text = (
        "В 2023 году Посольство открыло культурный центр в Ташкенте. Предлагаем вашему вниманию план мероприятий."
        "\n\nФевраль\n\n12 февраля — открытие выставки белорусской графики."
    )
    assert drafted(text, dt.date(2024, 1, 10)) == [("2024-02-12", "exhibition")]


def test_an_asides_year_between_dashes_takes_no_event_of_the_sentence(seed):
    text = "The exhibition, shown in Paris in 2023 — and in Rome a year later — opens in Minsk on 15 March 2024."
    assert drafted(text) == [("2024-03-15", "exhibition")]


@pytest.mark.parametrize(
    "text",
    [
        "On 1 July 2024 the Commission published its report on the observation of the elections to the Parliament.",
        "Общественные организации направят своих представителей наблюдать за выборами депутатов 7 июля 2024 года.",
    ],
)
def test_observing_elections_as_a_topic_or_at_home_is_no_trip(seed, text):
    assert "visit" not in {slug for _iso, slug in drafted(text, dt.date(2024, 7, 20))}


def test_a_delegation_received_on_a_forums_sidelines_takes_no_visit_of_the_forums_days(seed):
    text = (
        "On the sidelines of the Forum of Regions held on 8–10 July 2024 in Vitebsk, the Minister received a "
        "delegation of the Government of the Kostroma Region."
    )
    assert "visit" not in {slug for _iso, slug in drafted(text, dt.date(2024, 7, 15))}


def test_a_headline_of_several_meetings_over_its_days_is_no_meeting_of_those_days(seed):
    text = (
        "Minister of Foreign Affairs to attend meetings of the EU Foreign Affairs Council and the EU–Central Asia "
        "Ministerial Meeting\nBrussels and Luxembourg, 24–25 June 2024\n\nOn 25 June he will take part in the "
        "ministerial meeting in Brussels."
    )
    assert drafted(text, dt.date(2024, 6, 20)) == [("2024-06-25", "meeting")]


def test_a_posts_past_news_of_any_kind_is_of_its_day(seed):
    text = (
        "2 Jul 2024\n\nThe Chair of the Commission met the Ambassador of Germany.\n\n28 Jun 2024\n\n"
        "The Commission held a seminar on campaign finance in Tbilisi.\n\n26 Jun 2024\n\n"
        "The Deputy Chair held talks with the electoral commission of Moldova."
    )
    assert drafted(text, dt.date(2024, 7, 2)) == [
        ("2024-07-02", "meeting"),
        ("2024-06-28", "forum"),
        ("2024-06-26", "meeting"),
    ]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A word of a body's name is no level of the visit.
        ("In July the State Tax Committee will receive a delegation of the Federal Tax Service of Russia.", ""),
        ("Рабочий визит Председателя Комитета государственного контроля в Казахстан состоится 24–26 июня.", "working"),
        ("The Minister will pay an official and working visit to Serbia on 3–5 May.", "official"),
        ("The President will pay a state visit to China on 3–5 May.", "state"),
    ],
)
def test_a_visits_level_is_the_word_told_with_its_visit(seed, text, level):
    (visit,) = propose(text, published=dt.date(2024, 4, 2))
    assert (visit.event_type.slug, visit.visit_level) == ("visit", level)
