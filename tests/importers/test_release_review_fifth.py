"""A review of the drafting rules of 2026-12-04's fifth session (11 findings on ordinary text); each case is a test
here: frames with adjectives, an opening and a close of two events, a document's signing participle, a close and an
opening of two events in one sentence, names in capitals, guests expected, quoted speech, the topic of talks, a
weekday that disagrees with its date, "Матч ТВ" and weeks of causes."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2025, 3, 10)


def ticked(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 марта в рамках Восточного экономического форума министр провёл переговоры с коллегой из Китая.",
         [("2025-03-05", "meeting")]),
        ("5 марта в рамках международного форума в Сочи состоялась встреча министров.", [("2025-03-05", "meeting")]),
        ("On 5 March, on the margins of the Munich Security Conference, the ministers held talks.",
         [("2025-03-05", "meeting")]),
        # A preposition or a verb ends the frame's name: the event after it is the date's.
        ("17 февраля — выступление министра в рамках «правительственного часа» на заседании Совета Федерации.",
         [("2025-02-17", "meeting")]),
        ("С 4 по 7 ноября в рамках председательства пройдут Дни культуры Таджикистана.",
         [("2025-11-04..2025-11-07", "culture-days")]),
        # A series framed, one of its lectures the event.
        ("В минувшую пятницу в рамках цикла открытых лекций выступил посол.", [("2025-03-07", "other")]),
    ],
)  # fmt: skip
def test_a_frames_name_may_hold_adjectives_and_ends_at_a_verb_a_preposition_or_a_noun(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('On 3 March, the Minister opened the exhibition "Silk Roads" at the National Museum in Paris. On 20 March, '
         'the photo exhibition "Arctic Light" closed in Berlin.',
         [("2025-03-03", "exhibition"), ("2025-03-20", "exhibition")]),
        ("1 марта в Ханое стартовал фестиваль российского кино. 15 марта посол закрыл джазовый фестиваль в Хошимине.",
         [("2025-03-01", "festival"), ("2025-03-15", "festival")]),
        ("2 марта в Туле открылась выставка «Открытый космос». 9 марта в Туле закрылась выставка «Город».",
         [("2025-03-02", "exhibition"), ("2025-03-09", "exhibition")]),
    ],
)  # fmt: skip
def test_an_opening_and_a_close_of_two_events_of_a_kind_stay_two(seed, text, expected):
    assert ticked(text, dt.date(2025, 3, 21)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 9 June, the ministers discussed the implementation of the Agreement on Trade and Economic Cooperation "
        "signed on 28 March 2024.",
        "9 июня Государственная Дума ратифицировала Соглашение о сотрудничестве, подписанное в Ханое 28 марта 2024 "
        "года.",
    ],
)
def test_a_documents_signing_told_with_its_own_date_gives_no_signing_to_an_earlier_day(seed, text):
    assert ("2025-06-09", "signing") not in ticked(text, dt.date(2025, 6, 20))


def test_a_close_and_an_opening_of_two_events_in_one_sentence_stay_two(seed):
    text = "1 декабря завершилась встреча министров, а консультации, начавшиеся 26 ноября, продолжатся."

    assert ticked(text, dt.date(2025, 12, 2)) == [("2025-12-01", "meeting"), ("2025-11-26", "meeting")]


def test_a_run_closed_since_a_day_takes_no_third_day_of_another_event(seed):
    text = (
        "Вчера в Гвадалахаре завершила работу ярмарка, стартовавшая 29 ноября, хотя Дни культуры России открылись "
        "ещё 26 ноября."
    )

    assert ticked(text, dt.date(2025, 12, 2)) == [
        ("2025-11-29..2025-12-01", "exhibition"),
        ("2025-11-26", "culture-days"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INNOPROM-2025 will take place in Yekaterinburg on 7–10 July.", [("2025-07-07..2025-07-10", "other")]),
        ("ATOMEXPO, 14–15 April, Sochi: registration is now open.", [("2025-04-14..2025-04-15", "other")]),
    ],
)  # fmt: skip
def test_an_events_name_in_capitals_before_a_hyphen_or_its_days_is_no_dateline(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25–27 марта ждём в Казани представителей 40 стран на форуме «Россия – исламский мир».",
         [("2025-03-25..2025-03-27", "forum")]),
        ("25 марта ожидаем в Москве заседание правительственной комиссии с участием министра.",
         [("2025-03-25", "meeting")]),
        ("25 марта ожидаем от министра в Москве ответа на наше обращение.", []),
    ],
)  # fmt: skip
def test_what_is_expected_in_a_place_other_than_a_guest_is_no_visit(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Посол подчеркнул, что «визит был полезным. 12 мая начнутся консультации».", [("2025-05-12", "meeting")]),
        ("According to the Minister, the agreement “was signed. The talks on it resume on 12 May.”",
         [("2025-05-12", "meeting")]),
    ],
)  # fmt: skip
def test_quoted_speech_after_that_or_a_comma_is_sentences_not_a_name(seed, text, expected):
    assert ticked(text) == expected


def test_talks_on_opening_an_exhibition_do_not_start_its_run(seed):
    text = (
        "On 5 March the Ambassador held talks on opening a permanent exhibition of Russian art in Hanoi. The "
        "exhibition at the Museum of Fine Arts is on view until 30 April."
    )

    assert ticked(text) == [("2025-03-05", "meeting"), ("2025-04-30", "exhibition")]


def test_next_weeks_weekdays_that_disagree_with_the_dates_leave_the_year_to_the_week(seed):
    text = "Next week, on Monday and Tuesday, 3–4 February, the commission will meet in Minsk."

    assert ticked(text, dt.date(2026, 1, 28)) == [("2026-02-03..2026-02-04", "meeting")]


@pytest.mark.parametrize(
    "text",
    [
        "5 марта министр дал интервью телеканалу «Матч ТВ».",
        "On 5 March the Minister took part in the Week of Action Against Hunger organised by the FAO.",
    ],
)
def test_a_channels_name_and_a_week_of_a_cause_are_no_events(seed, text):
    assert ticked(text) == []
