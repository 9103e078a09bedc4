"""Drafting's days told across sentences and periods: an event opened on one day and said to run until another, a
programme's line that starts with its day, an event first named by its month then by its days, "the same day" and
"in the evening", weekdays of this and next week, halves of a year, tenths of a month, weekends, "21-го ноября",
"в первых числах октября"; a session of a forum; and what is not an event's date: the year of trade figures, a plan's
period, the day a state was proclaimed, undated talks at which something else was done."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2025, 4, 9)  # a Wednesday


def drafted(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    "text",
    [
        "The exhibition of Belarusian graphics opened at the Hermitage yesterday.\n\nIts curators chose 80 prints.\n\n"
        "The exhibition will run until 22 June.",
        "Вчера в Эрмитаже открылась выставка белорусской графики.\n\nКураторы отобрали 80 листов.\n\n"
        "Выставка продлится до 22 июня.",
    ],
)
def test_an_event_opened_in_one_paragraph_runs_until_the_day_a_later_one_names_it_to(seed, text):
    assert drafted(text) == [("2025-04-08..2025-06-22", "exhibition")]


def test_an_exhibition_open_through_a_day_ends_that_day(seed):
    text = "On 14 April the Governor will open a fair of regional goods. The fair will be open through 20 April."

    assert drafted(text) == [("2025-04-14..2025-04-20", "exhibition")]


def test_a_day_that_starts_a_programmes_line_is_the_day_of_the_events_after_it(seed):
    text = (
        "The programme, day by day:\n\nTuesday, 15 April. Opening of the exhibition of icons at the National "
        "Museum. The exhibition will remain open to visitors until 4 May.\n\nWednesday, 16 April. Business forum "
        "at the Chamber of Commerce."
    )

    assert drafted(text) == [("2025-04-15..2025-05-04", "exhibition"), ("2025-04-16", "forum")]


@pytest.mark.parametrize(
    "text",
    [
        "Culture Days of Belarus to be held in Hanoi in October\n\nThe Culture Days of Belarus will take place in "
        "Hanoi from 6 to 10 October.",
        "Дни культуры Беларуси пройдут в Ханое в октябре\n\nДни культуры Беларуси пройдут в Ханое с 6 по 10 октября.",
    ],
)
def test_an_event_named_by_its_month_then_by_its_days_is_proposed_once_with_its_days(seed, text):
    assert drafted(text) == [("2025-10-06..2025-10-10", "culture-days")]


@pytest.mark.parametrize(
    "text",
    [
        "On 22 April the ministers will sign a programme of cooperation. The same day they will open a photo "
        "exhibition at the Embassy.",
        "22 апреля министры подпишут программу сотрудничества. В тот же день они откроют фотовыставку в посольстве.",
    ],
)
def test_the_same_day_is_the_day_named_last(seed, text):
    assert drafted(text) == [("2025-04-22", "signing"), ("2025-04-22", "exhibition")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Wednesday and Thursday next week, Minsk will host a meeting of the Council.", "2025-04-16..2025-04-17"),
        ("В четверг на следующей неделе в Минске пройдет заседание Совета.", "2025-04-17"),
        ("Next week the Council will meet in Minsk.", "2025-04-14..2025-04-20"),
    ],
)
def test_weekdays_said_of_next_week_are_those_days_of_it(seed, text, expected):
    assert drafted(text) == [(expected, "meeting")]


def test_a_russian_ordinal_day_before_its_month_is_that_day(seed):
    assert drafted("21-го мая в Большом театре состоится гала-концерт.") == [("2025-05-21", "other")]


def test_the_first_days_of_a_month_are_that_month(seed):
    assert drafted("В первых числах октября в Минске состоится международный форум.") == [("2025-10", "forum")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Делегация побывала в Павлодаре в августе прошлого года.", [("2024-08", "visit")]),
        ("По итогам визита в Пакистан, прошедшего 3–5 апреля, стороны подписали заявление.",
         [("2025-04-03..2025-04-05", "visit")]),
    ],
)  # fmt: skip
def test_russian_words_of_the_past_place_the_days_they_qualify_in_the_past(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The previous round of consultations, held in Tashkent in 2024, was fruitful.", [("2024", "meeting")]),
        ("The Belarusian pavilion will present the exposition of the region from 2 to 4 June.",
         [("2025-06-02..2025-06-04", "exhibition")]),
        ("The round table on the history of diplomacy will take place on 14 May.", [("2025-05-14", "forum")]),
    ],
)  # fmt: skip
def test_a_round_of_talks_is_a_meeting_and_an_exposition_an_exhibition(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "After that trip, trade between the regions grew by 14 per cent in 2024.",
        "По итогам той поездки товарооборот регионов в 2024 году вырос на 14 процентов.",
    ],
)
def test_the_year_figures_are_given_for_is_not_an_events(seed, text):
    assert drafted(text) == []


def test_undated_past_talks_are_the_news_of_the_day_only_when_a_verb_says_they_took_place(seed):
    took_place = "В Кремле состоялись переговоры президентов России и Беларуси."
    something_else = "На заседании коллегии министерства утвержден план мероприятий на осень."

    assert (drafted(took_place), drafted(something_else)) == ([("2025-04-09", "meeting")], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The parties agreed to hold the next session of the Commission in Riga in the second half of the year.",
         [("2025-07..2025-12", "meeting")]),
        ("Очередное заседание комиссии решено провести во втором полугодии в Ташкенте.",
         [("2025-07..2025-12", "meeting")]),
        ("The forum will take place in the first half of next year.", [("2026-01..2026-06", "forum")]),
        ("The ministry approved the plan of events for the second half of the year.", []),
    ],
)  # fmt: skip
def test_a_half_of_a_year_is_its_six_months_unless_a_plan_is_approved_for_it(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В первой декаде мая в Ташкенте пройдет заседание подкомиссии.", "2025-05-01..2025-05-10"),
        ("В третьей декаде мая в Ташкенте пройдет заседание подкомиссии.", "2025-05-21..2025-05-31"),
    ],
)
def test_a_tenth_of_a_month_is_its_days(seed, text, expected):
    assert drafted(text) == [(expected, "meeting")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("В минувшие выходные в Новосибирске прошел фестиваль национальных культур.", dt.date(2025, 4, 9),
         "2025-04-05..2025-04-06"),
        ("Last weekend Novosibirsk hosted a festival of national cultures.", dt.date(2025, 4, 6),
         "2025-04-05..2025-04-06"),
        ("Next weekend the city will host a festival of national cultures.", dt.date(2025, 4, 9),
         "2025-04-19..2025-04-20"),
    ],
)  # fmt: skip
def test_a_weekend_is_its_saturday_and_sunday(seed, text, published, expected):
    assert drafted(text, published) == [(expected, "festival")]


def test_days_named_after_this_week_are_its_meetings(seed):
    text = (
        "На этой неделе губернатор дважды встречался с иностранными гостями. Во вторник он провел переговоры с "
        "генеральным консулом Кореи. В четверг губернатор принял делегацию Улан-Батора."
    )

    assert drafted(text, dt.date(2025, 4, 12)) == [("2025-04-08", "meeting"), ("2025-04-10", "meeting")]


@pytest.mark.parametrize(
    "text",
    [
        "On 27 May the Presidents will address the plenary session of the Kazakhstan Business Forum.",
        "27 мая президенты выступят на пленарном заседании Казахстанского делового форума.",
    ],
)
def test_a_session_of_a_forum_is_the_forum(seed, text):
    assert drafted(text) == [("2025-05-27", "forum")]


def test_in_the_evening_is_the_day_named_last(seed):
    text = "On 27 May the Presidents will hold talks. In the evening, they will attend a gala concert."

    assert drafted(text) == [("2025-05-27", "meeting"), ("2025-05-27", "other")]


def test_the_day_a_state_was_proclaimed_is_not_an_event(seed):
    text = "The reception marked the anniversary of independence, proclaimed on 17 August 1945."

    assert [(p.iso, bool(p.reason)) for p in propose(text, published=PUBLISHED)] == [("1945-08-17", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Стороны договорились провести форум 24–25.09.", [("2025-09-24..2025-09-25", "forum")]),
        ("Форум пройдет 14.11 в Минске.", [("2025-11-14", "forum")]),
        ("Форум пройдет 14.11.2026 в Минске.", [("2026-11-14", "forum")]),
        ("На форуме отметили рост на 3.5 процента.", []),
    ],
)  # fmt: skip
def test_numeric_days_without_a_year_need_a_two_digit_month(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister will be in Beijing next week, from Tuesday to Thursday, on a visit.", "2025-04-15..2025-04-17"),
        ("Министр посетит Пекин с визитом на следующей неделе, во вторник.", "2025-04-15"),
    ],
)
def test_weekdays_after_next_week_are_its_days(seed, text, expected):
    assert drafted(text) == [(expected, "visit")]


@pytest.mark.parametrize(
    "text",
    [
        "Спектакли пройдут с 30 сентября по 2 октября в Казани и 5 октября в Уфе.",
        "The orchestra's concerts will take place from 30 September to 2 October in Kazan and on 5 October in Ufa.",
    ],
)
def test_a_tours_next_leg_joined_by_and_is_the_same_kind_of_event(seed, text):
    assert drafted(text) == [("2025-09-30..2025-10-02", "other"), ("2025-10-05", "other")]


def test_a_documents_dates_are_no_legs_of_an_event(seed):
    text = "The agreement, signed on 25 October 2019 and in force since 10 July 2021, opened the market."

    assert drafted(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the first quarter the minister will pay a visit to Hanoi.", [("2025-01..2025-03", "visit")]),
        ("Во втором квартале министр посетит Ханой с визитом.", [("2025-04..2025-06", "visit")]),
        ("В IV квартале 2026 года пройдет заседание комиссии.", [("2026-10..2026-12", "meeting")]),
        ("Выставка будет работать в августе–сентябре в залах музея.", [("2025-08..2025-09", "exhibition")]),
        ("Days of culture will take place in May and June.", [("2025-05..2025-06", "culture-days")]),
    ],
)  # fmt: skip
def test_quarters_and_pairs_of_months_are_their_months(seed, text, expected):
    assert drafted(text, dt.date(2025, 2, 3)) == expected


def test_what_the_parties_agreed_to_hold_is_to_come(seed):
    text = "The sides agreed to hold Days of Mongolian Culture in Novosibirsk in September."

    assert drafted(text, dt.date(2026, 6, 10)) == [("2026-09", "culture-days")]


def test_an_exhibition_on_display_until_a_day_ends_that_day(seed):
    text = "On 23 May an exhibition of painting will open in Hanoi. The exhibition will be on display until 10 June."

    assert drafted(text) == [("2025-05-23..2025-06-10", "exhibition")]


def test_the_date_of_a_document_named_a_few_words_before_of_is_no_event(seed):
    text = "On 9 June the ministers signed a Protocol amending the Convention between the countries of 28 March 1995."

    # Signed: the last 9 June before the publication.
    assert drafted(text) == [("2024-06-09", "signing")]
