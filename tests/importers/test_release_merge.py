"""How drafting puts one release's proposals together (events/importers/release_merge.py): a visit's talks are shown
unticked with the reason, a week said as "next week" after a day of it and days said again as part of an event's
run are not proposed twice, and the release's own date above its headline is no programme's heading."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 2, 18)  # a Wednesday


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Minister of Malaysia will pay an official visit to Russia on 3–4 March.\n\n"
        "On 4 March, the ministers will hold talks in Moscow.",
        "Министр иностранных дел Малайзии посетит Россию с официальным визитом 3–4 марта.\n\n"
        "4 марта министры проведут переговоры в Москве.",
    ],
)
def test_talks_on_a_day_of_a_visit_are_proposed_unticked_as_part_of_it(seed, text):
    assert proposals(text) == [
        ("2026-03-03..2026-03-04", "visit", ""),
        ("2026-03-04", "meeting", "Talks on a day of a visit proposed here: likely part of that visit."),
    ]


def test_talks_outside_the_visits_days_and_events_of_other_kinds_during_it_stay_ticked(seed):
    text = (
        "The Foreign Minister of Malaysia will pay an official visit to Russia on 3–4 March. A concert will take "
        "place on 3 March.\n\nThe ministers will hold talks on 12 March."
    )

    assert proposals(text) == [
        ("2026-03-03..2026-03-04", "visit", ""),
        ("2026-03-03", "other", ""),
        ("2026-03-12", "meeting", ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Foreign Minister of Malaysia will pay an official visit to Russia on 3–4 March.\n\n"
            "On 4 March, the deputy ministers of Russia and Vietnam will hold consultations in Moscow.",
            ("2026-03-04", "meeting", "Talks on a day of a visit proposed here: likely part of that visit."),
        ),
        (
            "The Foreign Minister of Malaysia will pay an official visit to Russia on 3–4 March.\n\n"
            "On 4 March, deputy ministers of our country and Vietnam will hold consultations in Moscow.",
            ("2026-03-04", "meeting", ""),
        ),
        (
            "Министр иностранных дел Малайзии посетит Россию с официальным визитом 3–4 марта.\n\n"
            "4 марта заместители министров иностранных дел Белоруссии и Вьетнама проведут консультации.",
            ("2026-03-04", "meeting", ""),
        ),
    ],
)
def test_talks_during_a_visit_with_only_other_countries_stay_ticked(seed, text, expected):
    assert proposals(text) == [("2026-03-03..2026-03-04", "visit", ""), expected]


def test_a_visits_talks_over_its_days_hold_no_other_talks_of_those_days(seed):
    text = (
        "MONDAY–WEDNESDAY. Uzbekistan's foreign minister arrives on Monday for a three-day official visit. A source "
        "told us the talks could run long.\n\n"
        "TUESDAY. Deputy foreign ministers of our country and Vietnam hold their annual political consultations."
    )

    assert proposals(text, dt.date(2026, 3, 8)) == [
        ("2026-03-09..2026-03-11", "visit", ""),
        ("2026-03-09..2026-03-11", "meeting", "Talks on a day of a visit proposed here: likely part of that visit."),
        ("2026-03-10", "meeting", ""),
    ]


def test_talks_first_announced_for_a_day_and_moved_are_not_that_days(seed):
    text = (
        "Переговоры с министром иностранных дел Перу, которые ранее анонсировались на среду, 18 февраля, по просьбе "
        "перуанской стороны перенесены."
    )

    assert proposals(text, dt.date(2026, 2, 14)) == [
        ("2026-02-18", "meeting", "The date the event was moved from, not its new one.")
    ]


def test_next_weeks_talks_after_their_day_are_that_day(seed):
    text = (
        "The talks will take place in Minsk next Tuesday.\n\n"
        "One of the tasks of next week's talks is to agree on the agenda."
    )

    assert proposals(text) == [("2026-02-24", "meeting", "")]


def test_days_said_again_as_part_of_an_events_run_are_not_proposed_again(seed):
    text = (
        "Дни культуры Беларуси пройдут в Узбекистане с 29 сентября по 3 октября.\n\n"
        "2–3 октября программа Дней продолжится в Самарканде."
    )

    assert proposals(text) == [("2026-09-29..2026-10-03", "culture-days", "")]


def test_the_releases_own_date_above_its_headline_is_no_heading_but_a_programmes_day_is(seed):
    dateline = "18 February 2026\n\nAbout the meeting of the Joint Commission\n\nThe parties reviewed trade."
    programme = "Friday, 20 February\n\nMeeting of the Joint Commission"

    assert proposals(dateline) == []
    assert proposals(programme) == [("2026-02-20", "meeting", "")]


def test_a_day_named_before_the_events_days_in_one_sentence_is_one_of_them(seed):
    text = (
        "Вчера завершился официальный визит в Республику Беларусь Президента Вьетнама, проходивший 11–12 марта.\n\n"
        "В первый день визита в Минске состоялась церемония официальной встречи."
    )

    assert proposals(text, dt.date(2026, 3, 13)) == [("2026-03-11..2026-03-12", "visit", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On the eve of the visit, on 2 March, Jakarta will host a Russian-Indonesian business forum.",
            [("2026-03-02", "forum", "")],
        ),
        (
            "Following the exhibition, on 13-14 March, a business delegation will visit Shymkent.",
            [("2026-03-13..2026-03-14", "visit", "")],
        ),
        (
            "Во второй день выставки, 21 марта, на её площадке состоится межрегиональный форум.",
            [("2026-03-21", "forum", "")],
        ),
        (
            "По окончании выставки, 23–24 марта, деловая делегация посетит Самарканд.",
            [("2026-03-23..2026-03-24", "visit", "")],
        ),
    ],
)
def test_a_date_set_aside_after_an_event_that_only_tells_its_time_takes_the_event_after_it(seed, text, expected):
    assert proposals(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The event before the date is the sentence's own: no word of time before it.
        ("The exhibition, on 5 March, will include a concert of folk music.", [("2026-03-05", "exhibition", "")]),
        # The date is not set aside: the words after it are its own clause's.
        (
            "After the visit on 2 March the ministers will attend a forum in Kazan.",
            [("2026-03-02", "visit", "")],
        ),
    ],
)
def test_an_event_before_a_date_stays_its_own_without_a_word_of_time_or_commas(seed, text, expected):
    assert proposals(text) == expected


def test_a_series_of_meetings_over_days_gives_way_to_each_days_meeting(seed):
    text = (
        "From Wednesday to Friday, Minsk will host a series of meetings of the Commonwealth's bodies.\n\n"
        "On Wednesday, 18 June, the Council of Plenipotentiaries will hold its regular meeting.\n\n"
        "The meeting of the Council of Ministers will take place on Thursday, 19 June."
    )

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2025, 6, 16))] == [
        ("2025-06-18", "meeting"),
        ("2025-06-19", "meeting"),
    ]


def test_a_series_of_meetings_whose_days_name_no_meeting_stays_one_proposal(seed):
    text = "From Wednesday to Friday, Minsk will host a series of meetings of the Commonwealth's bodies."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2025, 6, 16))] == [
        ("2025-06-18..2025-06-20", "meeting")
    ]


def test_a_film_weeks_month_gives_way_to_its_days_said_as_the_week_even_past_the_month(seed):
    text = (
        "The Ministry will hold the Armenian Film Week in Buenos Aires this month.\n\n"
        "The Week opens in Buenos Aires on Tuesday 24 February at the Gaumont cinema and runs there until 2 March."
    )

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 2, 3))] == [
        ("2026-02-24..2026-03-02", "festival")
    ]


def test_days_of_culture_said_again_as_the_days_stay_culture_days(seed):
    text = "The Days of Armenian Culture will be held in Minsk in February.\n\nThe Days open on 24 February."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 2, 3))] == [
        ("2026-02-24", "culture-days")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "В середине марта Астрахань примет IV совещание руководителей ведомств. Мероприятие пройдёт с 14 по 16 марта.",
        "In mid-March, Astrakhan will host the fourth meeting of heads of agencies. The event will take place on "
        "14-16 March.",
    ],
)
def test_the_event_called_only_the_event_is_the_days_of_the_one_named_before(seed, text):
    assert proposals(text) == [("2026-03-14..2026-03-16", "meeting", "")]


def test_the_last_days_of_an_expedition_are_no_culture_days(seed):
    text = "8–9 апреля, в последние дни экспедиции, на станции прошли переговоры с делегацией министерства Чехии."

    assert proposals(text, dt.date(2026, 4, 14)) == [("2026-04-08..2026-04-09", "meeting", "")]


def test_a_congress_programmes_opening_ceremony_and_technical_sessions_are_parts_of_it(seed):
    text = (
        "The congress will be held in Astana from 28 September to 1 October.\n\n"
        "Programme\n\n"
        'Monday, 28 September - Opening ceremony and opening plenary "Space for a Sustainable Future"\n'
        'Tuesday, 29 September - Technical sessions; plenary "Access to Space"'
    )

    assert proposals(text, dt.date(2026, 3, 3)) == [("2026-09-28..2026-10-01", "forum", "")]


@pytest.mark.parametrize(
    "text",
    [
        "WEEK AHEAD-Finance ministers\n\nLONDON, March 6 (Financial Wire) - Euro zone finance ministers meet on "
        "Monday to take stock of budgets, while issuers gather in London mid-week after a record start to the year.",
        "НЕДЕЛЯ ВПЕРЕДИ: министры финансов\n\nМОСКВА, 6 марта (ТАСС) – Министры финансов встретятся в понедельник, "
        "а эмитенты соберутся в Лондоне в середине недели.",
    ],
)
def test_a_datelines_date_before_an_agencys_name_in_brackets_is_no_event(seed, text):
    assert proposals(text, dt.date(2026, 3, 6)) == [("2026-03-09", "meeting", "")]


def test_a_masthead_with_the_publication_day_is_no_event(seed):
    text = "«Аграрное обозрение» | Выставки | 13 октября 2025 г.\n\nВыставку в среду открыл министр."

    assert proposals(text, dt.date(2025, 10, 13)) == [("2025-10-08", "exhibition", "")]


def test_thematic_sessions_on_a_forums_day_are_its_programme_and_a_body_meeting_on_its_sidelines_is_not(seed):
    text = (
        "The XI International Grain Forum will be held in Sochi from 3 to 5 June. The second day, 4 June, will be "
        "devoted to thematic sessions on logistics.\n\nAlso on 4 June, on the sidelines of the forum, the "
        "Intergovernmental Working Group on Grain Supplies will hold its sixth meeting."
    )

    drafted = [(p.iso, p.event_type.slug, p.sentence[:12]) for p in propose(text, published=dt.date(2026, 5, 20))]
    assert drafted == [("2026-06-03..2026-06-05", "forum", "The XI Inter"), ("2026-06-04", "meeting", "Also on 4 Ju")]


def test_a_season_naming_again_an_events_days_is_not_proposed_again(seed):
    text = (
        "The XI International Grain Forum will be held in Sochi from 3 to 5 June. The forum was moved to early summer "
        "this year at the request of importing countries."
    )

    assert proposals(text, dt.date(2026, 5, 20)) == [("2026-06-03..2026-06-05", "forum", "")]


@pytest.mark.parametrize(
    "text",
    [
        "В Пекине прошло заседание подкомиссии по охране окружающей среды.\n\n"
        "8–9 июля в Пекине состоялось двадцатое заседание подкомиссии.",
        "Talks were held in Beijing on environmental protection.\n\nThe talks took place in Beijing on 8-9 July.",
    ],
)
def test_news_of_the_day_gives_way_to_the_days_of_the_past_week_told_after_it(seed, text):
    assert proposals(text, dt.date(2025, 7, 10)) == [("2025-07-08..2025-07-09", "meeting", "")]


def test_news_of_the_day_keeps_its_day_when_the_days_after_it_are_of_another_month(seed):
    text = "В Пекине прошло заседание подкомиссии.\n\nСледующее заседание подкомиссии состоится 8–9 сентября."

    assert proposals(text, dt.date(2025, 7, 10)) == [
        ("2025-07-10", "meeting", ""),
        ("2025-09-08..2025-09-09", "meeting", ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Вчера в Минске завершила работу выставка «Белорусский лён». Выставку в прошлую среду открыл министр. "
         "В тот же день прошли переговоры.",
         [("2026-02-11..2026-02-17", "exhibition"), ("2026-02-11", "meeting")]),
        ("The festival opened in Kazan on 2 February. Its last concert closed the festival on 8 February.",
         [("2026-02-02..2026-02-08", "festival")]),
    ],
)  # fmt: skip
def test_an_events_opening_and_its_close_told_apart_are_its_days(seed, text, expected):
    assert [(iso, slug) for iso, slug, _title in proposals(text)] == expected


def test_two_exhibitions_one_closed_and_one_opened_later_stay_apart(seed):
    text = "On 2 February the photo exhibition closed in Minsk. On 9 February a new exhibition opened in Brest."

    assert [(iso, slug) for iso, slug, _title in proposals(text)] == [
        ("2026-02-02", "exhibition"),
        ("2026-02-09", "exhibition"),
    ]


def test_a_visit_concluded_today_that_began_on_a_day_told_apart_runs_from_that_day(seed):
    text = "A delegation today concluded its visit to Slovenia.\n\nThe visit began on 9 February."
    assert proposals(text) == [("2026-02-09..2026-02-18", "visit", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Last week, three experts took part in the UNECE seminar in Geneva, held on 10-12 February.",
        "Last week, three experts took part in the regional seminar in Geneva, held on 10-12 February.",
    ],
)
def test_days_later_in_the_sentence_inside_a_week_said_before_are_its_days(seed, text):
    assert proposals(text) == [("2026-02-10..2026-02-12", "forum", "")]


def test_talks_on_the_margins_of_a_session_of_days_are_talks_of_their_own(seed):
    text = (
        "The 45th session of the Committee was held in Riyadh from 2 to 14 February. "
        "On the margins of the session, on 10 February, the Minister held talks with the Director-General."
    )
    assert proposals(text) == [("2026-02-02..2026-02-14", "meeting", ""), ("2026-02-10", "meeting", "")]


def test_a_posts_news_of_a_visit_and_the_visits_days_from_that_day_on_are_one_visit(seed):
    text = (
        "Канал агентства\n\n17.11.2025, 09:14\nДелегация агентства прибыла в Минск. В программе рабочего визита "
        "(17-19.11) — встречи в БЕЛТА.\n\n19.11.2025, 20:05\nВизит завершён.\n\n21.11.2025, 10:02\nВчера в "
        "Могилёве прошёл форум."
    )

    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2025, 11, 21))] == [
        ("2025-11-17..2025-11-19", "visit"),
        ("2025-11-20", "forum"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A seminar on countering drug trafficking opened on 9 February at the Academy. The three-day seminar "
        "concluded on 11 February at the Academy.",
        "Трёхдневный семинар по противодействию наркотрафику завершился 11 февраля в Академии. Семинар открылся 9 "
        "февраля.",
    ],
)
def test_a_seminars_opening_and_close_told_apart_are_one_run(seed, text):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2026, 2, 13))] == [
        ("2026-02-09..2026-02-11", "forum")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Minister leaves for Geneva tonight and will be there from 19 to 21 June.", ["2024-06-19..2024-06-21"]),
        # days apart from the departure: two visits
        (
            "The Minister leaves for Geneva tonight; she will be in Paris from 25 to 27 June.",
            ["2024-06-18", "2024-06-25..2024-06-27"],
        ),
    ],
)
def test_a_visits_days_told_after_the_day_its_guest_leaves_are_the_visit(seed, text, expected):
    assert [iso for iso, _slug, _reason in proposals(text, dt.date(2024, 6, 18))] == expected
