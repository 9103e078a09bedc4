"""Faults a review of the seventh session's drafting rules found on texts of its own, each fixed (see the README's
drafting section): a post's date line of 29 February, a programme's timed line taken for a post, a programme's
signing of a protocol to an older agreement, two visitors' visits, a meeting over two days of a summit's programme,
lines listed apart from an event of days, other bodies' sessions, missions that are offices or projects, a year and
a month across a clause, counts before an adjective in "-ed", an exhibition "until March", a document's date before a
topic, an event at which something was announced, courses taught or made available, a signing "via video
conference", a plenary of a forum on a topic, a weekday said wrongly with a day."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2025, 11, 3)


def drafted(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, bool]]:
    return [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Анонс\n\n29 февраля, 10:00\nПереговоры министров иностранных дел в Минске.",
            dt.date(2024, 2, 20),
            [("2024-02-29", "meeting", False)],
        ),
        (
            "Канал министерства\n\n29 февраля, 10:05\nСегодня в Минске прошли переговоры министров.",
            dt.date(2025, 1, 10),
            [("2024-02-29", "meeting", False)],
        ),
    ],
)
def test_a_post_or_a_programme_line_of_the_29th_of_february_is_read_without_an_error(seed, text, published, expected):
    assert drafted(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Accreditation of journalists\n\n4 November, 10:00\nTalks between the foreign ministers will be held at "
            "the Ministry. On 6 November a business forum will follow.",
            [("2025-11-04", "meeting", False), ("2025-11-06", "forum", False)],
        ),
        (
            "Аккредитация\n\n5 ноября, 11:00\nПереговоры пройдут в министерстве. 7 ноября откроется выставка.",
            [("2025-11-05", "meeting", False), ("2025-11-07", "exhibition", False)],
        ),
    ],
)
def test_a_timed_line_ahead_of_the_release_is_a_programmes_heading_not_a_post(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Programme of the visit\n\nWednesday, 5 November\nSigning of the Protocol to the Agreement of 12 March 2019.",
        "Программа визита\n\nСреда, 5 ноября\nПодписание Протокола о внесении изменений в Соглашение от 12 марта 2019 "
        "года.",
    ],
)
def test_a_programmes_signing_of_a_protocol_to_an_older_agreement_is_the_headings_days(seed, text):
    # the headline's visit over its programme's day, and the signing on its line
    assert drafted(text) == [
        ("2025-11-05", "visit", False),
        ("2025-11-05", "signing", False),
        ("2019-03-12", "signing", True),
    ]


def test_two_visitors_visits_begun_and_concluded_apart_stay_two_visits(seed):
    text = (
        "On 31 October the Minister of Economy of Turkey began his visit to Uzbekistan. "
        "Today the Prime Minister of Pakistan concluded his visit to Uzbekistan."
    )
    assert drafted(text) == [("2025-10-31", "visit", False), ("2025-11-03", "visit", False)]


def test_a_meetings_title_over_one_day_of_a_programme_does_not_run_over_the_next(seed):
    text = (
        "Meeting of the Council of Foreign Ministers of the CIS\nDushanbe, Kokhi Navruz Palace\n\n"
        "PROGRAMME (as of 3 November 2025)\n\nThursday, 13 November\n\n10:00 – 12:00 Meeting in narrow format\n\n"
        "Friday, 14 November\n\n10:00 – 12:00 Meeting of the Council of Heads of State"
    )
    assert drafted(text) == [("2025-11-13", "meeting", False), ("2025-11-14", "meeting", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "С 4 по 10 ноября в Минске пройдут Дни культуры Узбекистана.\n\nТакже на этой неделе:\n\n"
            "Четверг, 6 ноября\n12:00 Приём в посольстве Венгрии по случаю национального праздника.",
            [("2025-11-04..2025-11-10", "culture-days", False), ("2025-11-06", "other", False)],
        ),
        (
            "Бизнес-форум «Узбекистан — Беларусь» пройдёт с 4 по 6 ноября 2025 года в Минске.\n\nПРОГРАММА\n\n"
            "Вторник, 4 ноября\n11:30 Сессия межправительственной комиссии по торгово-экономическому сотрудничеству",
            [("2025-11-04..2025-11-06", "forum", False), ("2025-11-04", "meeting", False)],
        ),
        (
            "The business forum will be held in Minsk from 4 to 6 November.\n\nPROGRAMME\n\nTuesday, 4 November\n"
            "11:30 UNESCO Executive Board session on living heritage",
            [("2025-11-04..2025-11-06", "forum", False), ("2025-11-04", "meeting", False)],
        ),
    ],
)
def test_lines_listed_apart_and_other_bodies_sessions_stay_events_of_their_own(seed, text, expected):
    assert drafted(text, dt.date(2025, 10, 20)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The EULEX mission, launched on 9 December 2008, will end its mandate in June 2026.",
        "Российская миссия в Женеве 5 ноября провела встречу с журналистами.",
        "Миссия по оказанию гуманитарной помощи доставила 5 ноября в Газу 40 тонн грузов.",
    ],
)
def test_an_office_a_project_or_a_humanitarian_mission_is_no_visit(seed, text):
    assert "visit" not in [slug for _iso, slug, _reason in drafted(text)]


def test_an_iaea_experts_mission_said_in_russian_is_a_visit(seed):
    text = "С 10 по 21 ноября в Минске будет работать миссия экспертов МАГАТЭ по оценке безопасности."
    assert drafted(text) == [("2025-11-10..2025-11-21", "visit", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The museum, renovated in 2021, in December will host an exhibition of jewellery.",
            [("2025-12", "exhibition", False)],
        ),
        (
            "Free consultations will be held in 2000 registered polling stations on 16 November.",
            [("2025-11-16", "meeting", False)],
        ),
        (
            "Visitors can see the exhibition at the National Museum until March 2026.",
            [("2026-03", "exhibition", False)],
        ),
        (
            "The meeting reviewed the Roadmap of 5 May 2020 and its implementation in the first half of 2025.",
            [("2020-05-05", "meeting", True)],
        ),
        (
            "The results of the tender, announced on 5 November at the meeting of the Board, were approved.",
            [("2024-11-05", "meeting", False)],
        ),
        ("The memorandum was signed via video conference on 5 November.", [("2024-11-05", "signing", False)]),
        ("The concert will take place on the 28th, a Saturday.", [("2025-11-28", "other", False)]),
    ],
)
def test_dates_read_as_their_sentences_say(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "From 1 December a new online training course on export control will be available on the portal.",
        "С 1 сентября 2026 года в школах вводится новый учебный курс «Основы дипломатии».",
        "From 1 December the border checkpoint will be open day and night.",
    ],
)
def test_a_course_taught_or_made_available_and_open_day_and_night_are_no_events(seed, text):
    assert drafted(text) == []


def test_a_plenary_on_a_topic_of_a_forum_is_the_forums(seed):
    text = "5 ноября состоится пленарное заседание по цифровой трансформации Ташкентского инвестиционного форума."
    assert drafted(text) == [("2025-11-05", "forum", False)]
