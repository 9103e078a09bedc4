"""Drafting a week's programme, a tour and a postponement as ministries and agencies write them: lines under a day's
heading, a tour's legs, a run said to last "until Thursday", the next of the same events, and dates an event was
moved from."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

SCHEDULE = """18.01.2026

Анонс основных мероприятий Министерства иностранных дел на неделю с 19 по 25 января

Понедельник, 19 января
– Переговоры Министра иностранных дел с Министром иностранных дел Лаоса, который находится в Минске с официальным \
визитом 19–21 января.

Вторник, 20 января
– Расширенное заседание коллегии МИД, посвященное итогам работы в 2025 году.

Четверг, 22 января
– Открытие в Национальном историческом музее выставки «Беларусь – ООН», приуроченной к 80-летию первой сессии \
Генеральной Ассамблеи ООН (10 января 1946 г.). Экспозиция будет работать до 15 февраля.

Суббота, 24 января
– В Казани открываются Дни белорусской культуры, которые продлятся до 28 января.

Сообщаем также, что визит делегации Таиланда, ранее анонсированный на 22 января, перенесен на февраль.

Аккредитация представителей СМИ на мероприятия осуществляется через пресс-службу до 17.00 пятницы."""


def proposals(text: str, published: dt.date) -> list[tuple[str, str, bool]]:
    return [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=published)]


def test_a_weeks_programme_lines_take_their_headings_day_whatever_years_or_references_they_name(seed):
    assert proposals(SCHEDULE, dt.date(2026, 1, 18)) == [
        ("2026-01-19..2026-01-21", "visit", False),
        ("2026-01-19", "meeting", True),  # the talks of the visit told in the same line
        ("2026-01-20", "meeting", False),  # the year of the results is the meeting's topic
        ("2026-01-22..2026-02-15", "exhibition", False),
        ("1946-01-10", "meeting", True),  # the day the anniversary counts from
        ("2026-01-24..2026-01-28", "culture-days", False),  # opens on the heading's day, lasts until the 28th
        ("2026-01-22", "visit", True),  # the date the visit was moved from
        ("2026-02", "visit", False),
    ]


def test_talks_on_their_own_line_of_a_programme_are_not_the_visits(seed):
    text = (
        "Понедельник, 19 января\n– Министр Лаоса находится в Минске с официальным визитом 19–21 января.\n\n"
        "Среда, 21 января\n– Политические консультации заместителей министров иностранных дел."
    )

    assert proposals(text, dt.date(2026, 1, 18)) == [("2026-01-19..2026-01-21", "visit", False),
                                                     ("2026-01-21", "meeting", False)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Делегация прибыла в понедельник в Ташкент с официальным визитом, который продлится до четверга.",
         dt.date(2026, 6, 2), [("2026-06-01..2026-06-04", "visit", False)]),
        ("Side events include an exhibition of Central Asian art, which opened at the National Museum on Wednesday "
         "and will run until June 21.", dt.date(2026, 5, 28), [("2026-05-27..2026-06-21", "exhibition", False)]),
        ("Со среды по пятницу в Нови-Саде состоится фестиваль российского кино.", dt.date(2027, 6, 7),
         [("2027-06-09..2027-06-11", "festival", False)]),
        ("Предыдущее заседание комиссии состоялось в Москве в ноябре 2025 года, следующее решено провести в России "
         "в 2027 году.", dt.date(2026, 6, 2), [("2025-11", "meeting", False), ("2027", "meeting", False)]),
    ],
)  # fmt: skip
def test_weekdays_that_end_or_start_a_run_and_the_next_of_the_same_events(seed, text, published, expected):
    assert proposals(text, published) == expected


def test_talks_on_days_of_a_tour_said_as_next_week_are_its_legs(seed):
    text = (
        "Sergey Lavrov will visit three African countries next week.\n\n"
        "In Addis Ababa, on January 26-27, he will hold talks with the Foreign Minister of Ethiopia.\n\n"
        "On Wednesday, January 28, Lavrov will travel to Nairobi for talks with the Foreign Minister of Kenya."
    )

    assert [(p.iso, p.event_type.slug, p.title) for p in propose(text, published=dt.date(2026, 1, 23))] == [
        ("2026-01-26..2026-01-27", "visit", "Visit by Sergey Lavrov to Addis Ababa"),
        ("2026-01-28", "visit", "Visit by Sergey Lavrov to Nairobi"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IV Форум регионов, который планировалось провести 22–23 октября в Гродно, переносится на май.",
         [("2026-10-22..2026-10-23", "forum", True), ("2027-05", "forum", False)]),
        ("The signing of the roadmap, initially expected at the forum, has been pushed back to November.",
         [("2026-11", "signing", False)]),
        ("The concert, originally scheduled for 22 October, is now scheduled for 5 November.",
         [("2026-10-22", "other", True), ("2026-11-05", "other", False)]),
    ],
)  # fmt: skip
def test_a_planned_date_an_event_is_moved_from_is_unticked(seed, text, expected):
    assert proposals(text, dt.date(2026, 10, 9)) == expected


def test_list_lines_led_by_their_days_and_a_dateline_that_is_not_an_event(seed):
    text = (
        "МИНСК, 25 августа – Русский дом открывает сезон.\n\n"
        "С 17 сентября по 25 октября — выставка графики «Иссык-Куль».\n\n"
        "Wednesday, 7 October — Belgrade. Consultations between the foreign ministries on consular matters.\n\n"
        "11–12 November — Minsk. The 15th session of the Intergovernmental Committee.\n\n"
        "From 14 to 17 April, the International Student Olympiad in Mathematics took place in Minsk."
    )

    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2026, 8, 25), language="ru")][:1] == [
        ("2026-09-17..2026-10-25", "exhibition")
    ]
    assert [(p.iso, p.event_type.slug) for p in propose(text.split("\n\n", 2)[2], published=dt.date(2026, 8, 25))] == [
        ("2026-10-07", "meeting"),
        ("2026-11-11..2026-11-12", "meeting"),
        ("2026-04-14..2026-04-17", "other"),
    ]


def test_a_moved_events_new_date_in_the_next_sentence_and_what_since_counts_from(seed):
    text = (
        "The seventh meeting of the Inter-Parliamentary Committee, originally planned for 10 December, has been "
        "rescheduled. It will now be held in Beijing on 9 March.\n\n"
        "The presidents will take stock of what has been done since the President's visit to Tashkent in August 2024."
        "\n\nThis was their first meeting since the Secretary General took office in 2024.\n\n"
        "On Wednesday, 3 June, the leaders will address the plenary session of the Belarusian-Uzbek Business Forum."
    )

    assert proposals(text, dt.date(2026, 1, 15)) == [
        ("2025-12-10", "meeting", True),
        ("2026-03-09", "meeting", False),
        ("2024-08", "visit", False),
        ("2024", "meeting", True),
        ("2026-06-03", "forum", False),
    ]


def test_a_headlines_day_and_the_run_named_again_after_it_are_one_event(seed):
    text = (
        "Today the Days of Belarusian Culture opened in Kazan\n\n"
        "The Days of Belarusian Culture in the Republic of Tatarstan opened today in Kazan and will run until 23 June."
        "\n\nThe forum of regions, to be held in Vitebsk on 25–27 June, was discussed."
    )

    assert proposals(text, dt.date(2026, 6, 18)) == [
        ("2026-06-18..2026-06-23", "culture-days", False),
        ("2026-06-25..2026-06-27", "forum", False),
    ]


def test_a_planned_date_is_the_moved_events_unless_another_event_is_named_between(seed):
    text = (
        "The Business Forum, which was scheduled to take place in Budapest on 24 March, has been postponed. The forum "
        "will now be held on 12 May. The exhibition of exporters, initially planned as part of the March programme, "
        "will accompany the forum on its new dates and run from 12 to 14 May.\n\n"
        "The consultations were initially scheduled for November but were postponed owing to the G20 Summit in "
        "Johannesburg on 22–23 November."
    )

    assert proposals(text, dt.date(2026, 2, 16)) == [
        ("2026-03-24", "forum", True),
        ("2026-05-12", "forum", False),
        ("2026-05-12..2026-05-14", "exhibition", False),
        ("2026-11-22..2026-11-23", "meeting", False),
    ]


def test_a_trade_mission_is_a_visit_a_summer_school_another_event_and_a_diplomatic_mission_neither(seed):
    text = (
        "A business mission of Belarusian companies will travel to Jakarta on 13–16 October.\n\n"
        "The summer school will run from 29 June to 17 July.\n\n"
        "The diplomatic mission will be closed on 4 November."
    )

    assert proposals(text, dt.date(2026, 3, 1)) == [
        ("2026-10-13..2026-10-16", "visit", False),
        ("2026-06-29..2026-07-17", "other", False),
    ]


def test_a_section_heading_in_capitals_over_prose_is_no_line_of_the_programme_above_it(seed):
    text = (
        "ПРОГРАММА ФЕСТИВАЛЯ\n\n5 июня, пятница\nГала-концерт.\n\nФОТОВЫСТАВКА\n\n"
        "Накануне фестиваля, 28 мая, откроется фотовыставка «Молодежь». Она продлится до 10 июня."
    )

    # the headline's festival over its programme's day (the gala its part), and the exhibition of the prose
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 5, 12))] == [
        ("2026-06-05", "festival"),
        ("2026-05-28..2026-06-10", "exhibition"),
    ]


def test_a_heading_in_capitals_over_a_programmes_line_is_read_as_before(seed):
    text = "5 июня, пятница\n\nГАЛА-КОНЦЕРТ\n\n6 июня, суббота\nЭкскурсии."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 5, 12))] == [("2026-06-05", "other")]


@pytest.mark.parametrize(
    "text",
    [
        "Фестиваль пройдёт в Самарканде с 1 по 5 июня.\n\n1 июня\nВ 19.00 — торжественная церемония открытия на "
        "площади Регистан.",
        "The festival will be held in Samarkand from 1 to 5 June.\n\n2 June\nA plenary session on youth policy.",
        "Фестиваль пройдёт в Самарканде с 1 по 5 июня.\n\n5 июня\nПодведение итогов и церемония закрытия фестиваля.",
    ],
)
def test_an_opening_or_closing_ceremony_or_a_plenary_on_an_events_day_is_part_of_it(seed, text):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 5, 12))] == [
        ("2026-06-01..2026-06-05", "festival")
    ]


def test_a_gala_concert_in_a_festivals_programme_is_part_of_it_and_listed_apart_or_told_stays_an_event(seed):
    festival = "The festival will be held in Samarkand from 1 to 5 June.\n\n"
    programme = festival + "Programme\n\n5 June\nGala concert at Registan Square."
    listed = festival + "5 June\nGala concert at Registan Square."
    told = festival + "On 5 June a gala concert will take place."

    assert [(iso, slug) for iso, slug, _reason in proposals(programme, dt.date(2026, 5, 12))] == [
        ("2026-06-01..2026-06-05", "festival"),
    ]
    for text in (listed, told):
        assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 5, 12))] == [
            ("2026-06-01..2026-06-05", "festival"),
            ("2026-06-05", "other"),
        ]


def test_weekdays_alone_leading_paragraphs_of_a_week_ahead_give_their_days(seed):
    text = (
        "THE WEEK AHEAD\n\n"
        "TUESDAY. Deputy foreign ministers hold their annual political consultations at the guest house.\n\n"
        "WEDNESDAY–THURSDAY. The Regional Security Conference gathers 300 delegates at the Congress Centre.\n\n"
        "FRIDAY. The Polish embassy hosts a chamber concert at the Philharmonic."
    )

    assert proposals(text, dt.date(2026, 3, 8)) == [
        ("2026-03-10", "meeting", False),
        ("2026-03-11..2026-03-12", "forum", False),
        ("2026-03-13", "other", False),
    ]


def test_weekdays_on_their_lines_over_a_weeks_recap_are_the_days_gone_by(seed):
    text = (
        "#WeekInReview\n\n"
        "🔹 MONDAY\n\n"
        "The Ambassador was received at the Ministry of Foreign Affairs for talks on the coming months.\n\n"
        "🔹 THURSDAY\n\n"
        "The Ambassador spoke at the international conference on regional security.\n\n"
        "📸 Photo 4: the conference hall"
    )

    assert proposals(text, dt.date(2025, 11, 21)) == [("2025-11-17", "meeting", False), ("2025-11-20", "forum", False)]


def test_a_weekday_under_another_goes_on_in_the_same_week(seed):
    text = (
        "THE HEAD OF STATE'S SCHEDULE FOR THE COMING WEEK\n\n"
        "Monday\n\n"
        "The President will attend the credentials ceremony in the Kuksaroy residence.\n\n"
        "Friday\n\n"
        "The President will open the Tashkent International Investment Forum."
    )

    assert proposals(text, dt.date(2026, 5, 29)) == [("2026-06-01", "other", False), ("2026-06-05", "forum", False)]


def test_a_photo_exhibition_under_a_weekday_is_no_caption(seed):
    text = '🔹 MONDAY\n\nPhoto exhibition "Baikal" opens at the Russian House.'

    assert proposals(text, dt.date(2025, 11, 21)) == [("2025-11-24", "exhibition", False)]


PLACE_LINES = """Анонс международных мероприятий на неделю

11.03.2026 (среда)
Москва, здание министерства, Смоленская-Сенная пл., 32/34
Переговоры министра с министром иностранных дел Лаоса. Планируется обсудить ход реализации договорённостей.

12.03.2026–13.03.2026
Минск
Заседание рабочей группы по культурному сотрудничеству. Российскую делегацию возглавит заместитель министра.

Вниманию СМИ
Аккредитация открыта на сайте министерства."""


def test_a_line_of_a_place_alone_under_a_programmes_day_leaves_the_event_below_it_that_days(seed):
    assert proposals(PLACE_LINES, dt.date(2026, 3, 6)) == [
        ("2026-03-11", "meeting", False),
        ("2026-03-12..2026-03-13", "meeting", False),
    ]


def test_a_greeting_or_a_time_under_a_day_is_no_place_line(seed):
    letter = (
        "NEWSLETTER | No. 11 (December 2025)\nInternational Department\nMonday, 1 December 2025\n\n"
        "Dear partners and friends,\n\nNovember was a busy month for us. Here is a short round-up of what we did."
    )

    assert proposals(letter, dt.date(2025, 12, 1)) == []


def test_lines_led_by_a_time_without_a_dash_are_a_programmes_lines_and_the_time_is_no_part_of_a_title(seed):
    text = (
        "TUESDAY, 11 JUNE\n\n09:00 Registration and welcome coffee\n10:00 Opening of the conference. Welcome by the "
        "Director General\n17:30 Bilateral meeting of the Director General with the President of the Office"
    )

    drafted = propose(text, published=dt.date(2024, 5, 6))

    assert [(p.iso, p.event_type.slug, p.title) for p in drafted] == [
        ("2024-06-11", "forum", "Conference"),
        ("2024-06-11", "meeting", "Bilateral meeting"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'ANNOUNCEMENT AND PROGRAMME\n\n7th International Conference "Official Statistics and New Data Sources"\n'
            "Vilnius, 11 to 13 June 2024\n\nThe State Data Agency invites producers and users of statistics.",
            [("2024-06-11..2024-06-13", "forum", False)],
        ),
        (
            "Международный научный форум «Вода и климат»\n\nг. Ташкент, 16–18 сентября 2024 г.\n\nОрганизаторы "
            "приглашают учёных принять участие.",
            [("2024-09-16..2024-09-18", "forum", False)],
        ),
        # A title over several lines: the event is named on one, its name in quotes on the next.
        (
            "ПРОГРАММА\nМеждународной научно-практической конференции\n«Официальная статистика в эпоху цифровой "
            "трансформации»\n\nМосква, 21–23 ноября 2024 г.\n\nОрганизаторы приглашают статистиков.",
            [("2024-11-21..2024-11-23", "forum", False)],
        ),
        # Not the release's own day at its foot, under the lines of its issuer and address.
        (
            "The forum will open in Minsk on 20 May.\n\nDetails of the signing:\nVenue: Ministry of Foreign "
            "Affairs\n\nIssued by the Ministry\nLenin Street 19\nMinsk\n6 May 2024",
            [("2024-05-20", "forum", False)],
        ),
        # Not a line between a programme's days: "ГАЛА-КОНЦЕРТ" is an event of the day above it.
        ("5 июня, пятница\n\nГАЛА-КОНЦЕРТ\n\n6 июня, суббота\nЭкскурсии.", [("2024-06-05", "other", False)]),
    ],
)
def test_an_events_title_on_its_line_takes_the_days_of_the_place_and_days_line_below_it(seed, text, expected):
    assert proposals(text, dt.date(2024, 5, 6)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day leading its paragraph, told in the past: the year before the publication, not the next one.
        ("The year in review\n\nMarch 14-16. A delegation of the Bureau made a study visit to Statistics Finland in "
         "Helsinki.", dt.date(2024, 1, 15), [("2023-03-14..2023-03-16", "visit", False)]),
        # A month alone before a sentence in the past: the chronicle's month.
        ("The year in review\n\nFebruary. The joint working group of the Bureau and Statistics Sweden met in "
         "Stockholm.", dt.date(2024, 1, 15), [("2023-02", "meeting", False)]),
        # Not before a sentence that is not in the past alone: the Forum, held every year, returns.
        ("The season ahead\n\nVladivostok, 3-6 September. The Eastern Economic Forum, held every year since 2015, "
         "returns to Russky Island.", dt.date(2024, 8, 24), [("2024-09-03..2024-09-06", "forum", False)]),
        # A run of days leading the paragraph with its "from" ("С 15 по 24 мая."): the days of the sentence after it.
        ("Хроника мая\n\nС 15 по 24 мая. Представители администрации приняли участие в 108-й сессии Комитета ИМО в "
         "Лондоне.", dt.date(2024, 6, 5), [("2024-05-15..2024-05-24", "meeting", False)]),
        # A month's sentences after one with its own days are those days' (the signing is the congress's).
        ("Итоги года\n\nНоябрь. Делегация института посетила Минск. 11–13 ноября в Санкт-Петербурге прошёл конгресс "
         "хирургов. В рамках конгресса подписано соглашение.", dt.date(2024, 1, 15),
         [("2023-11", "visit", False), ("2023-11-11..2023-11-13", "forum", False)]),
    ],
)  # fmt: skip
def test_a_chronicles_day_or_month_leading_a_sentence_in_the_past_is_of_the_year_before(
    seed, text, published, expected
):
    assert proposals(text, published) == expected


def test_a_titled_events_programme_lines_are_its_parts_but_talks_and_signings_and_days_before_it_are_their_own(
    seed,
):
    text = (
        "Regional Conference on Animal Diseases in Central Asia\nTashkent, Uzbekistan, 24-26 September 2024\n\n"
        "PROVISIONAL PROGRAMME\n\nMonday, 23 September (pre-conference day)\n10:00-13:00 Meeting of the Regional "
        "Steering Committee (closed, members only)\n\nTuesday, 24 September\n09:00 Opening of the conference\n"
        "10:00 Session 1. Foot-and-mouth disease in the region\n17:00 Poster session\n\nWednesday, 25 September\n"
        "11:30 Round table on veterinary certification\n15:00 Signing of the Memorandum of Understanding between the "
        "veterinary committees of Uzbekistan and Kazakhstan\n19:00 Official dinner and reception\n\n"
        "Thursday, 26 September\n11:00 Field visit to the Republican Centre for Veterinary Diagnostics in Tashkent"
    )

    assert proposals(text, dt.date(2024, 9, 2)) == [
        ("2024-09-24..2024-09-26", "forum", False),
        ("2024-09-23", "meeting", False),
        ("2024-09-25", "signing", False),
    ]


def test_an_events_days_under_its_title_may_name_its_city_and_venue(seed):
    text = (
        "BALTPHILA 2024 - International Philatelic Exhibition\nVilnius, Litexpo Exhibition Centre, 16-19 May 2024\n\n"
        "THURSDAY, 16 MAY\n12:00 Official opening ceremony\n\nFRIDAY, 17 MAY\n10:30 Meeting of the heads of the postal "
        "operators of Estonia, Latvia and Lithuania\n15:00 Seminar on postal history\n18:00 Reception for exhibitors"
    )

    assert proposals(text, dt.date(2024, 5, 10)) == [
        ("2024-05-16..2024-05-19", "exhibition", False),
        ("2024-05-17", "meeting", False),
        ("2024-05-17", "forum", False),  # a seminar: another sort of event than the exhibition, listed as its own
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A month on its line over a paragraph told in the past: the chronicle's month, for each of its events (the
        # signing proposed unticked as the visit's close).
        ("Хроника 2023 года\n\nФевраль\nДелегация Белпочты посетила Ташкент. Стороны подписали "
         "соглашение об обмене почтовыми отправлениями.\n\nАпрель\nСпециалисты предприятия приняли участие в сессии "
         "Совета почтовой эксплуатации в Берне.", dt.date(2023, 12, 28),
         [("2023-02", "visit", False), ("2023-02", "signing", True), ("2023-04", "meeting", False)]),
        # Not over a week's programme: its lines' participles ("посвящённое") tell no past, the days are ahead.
        ("Вторник, 20 января\n– Расширенное заседание коллегии МИД, посвящённое итогам работы в 2025 году.",
         dt.date(2026, 1, 18), [("2026-01-20", "meeting", False)]),
    ],
)  # fmt: skip
def test_a_month_on_its_line_over_a_paragraph_in_the_past_is_a_chronicles_month(seed, text, published, expected):
    assert proposals(text, published) == expected


def test_a_missions_title_in_capitals_takes_the_days_below_it_and_no_later_date(seed):
    text = (
        "GREAT LAKES MUNICIPAL LEAGUE\n\nMAYORS' MISSION TO JAPAN\nOctober 20-28, 2025\nFinal programme (as of "
        "October 1, 2025)\n\nEleven mayors and city managers will take part in this year's mission."
    )

    assert proposals(text, dt.date(2025, 10, 1)) == [("2025-10-20..2025-10-28", "visit", False)]


SEMINAR = """Семинар пройдёт с 9 по 13 ноября 2015 года в Алматы.

ПРОГРАММА

Понедельник, 9 ноября
09:30–10:00 Открытие семинара. Приветствия
14:00–17:30 Национальные доклады

Среда, 11 ноября
09:00–13:00 Технический визит на исследовательский реактор ВВР-К
14:30–17:30 Работа в группах

Четверг, 12 ноября
10:00 Переговоры председателя Комитета с делегацией МАГАТЭ"""


def test_a_programmes_parts_under_the_days_a_sentence_gives_its_event_are_that_events(seed):
    # The technical visit is the seminar's; the talks on its day are an event of their own.
    assert proposals(SEMINAR, dt.date(2015, 10, 20)) == [
        ("2015-11-09..2015-11-13", "forum", False),
        ("2015-11-12", "meeting", False),
    ]


CONFERENCE = """Third Regional Conference on Return and Reintegration
Chișinău, Radisson Blu Leogrand Hotel

DRAFT PROGRAMME (as of 2 September 2019)

Tuesday, 8 October

09:15 – 10:00 Opening session
Speakers include the Minister of Internal Affairs and the head of the Bureau for Migration.

17:00 Reception for participants

Wednesday, 9 October

14:00 – 15:30 Study visit to the Temporary Accommodation Centre
16:00 – 17:00 Closing session"""


def test_a_titled_event_over_its_programmes_first_day_runs_over_the_days_that_follow_it(seed):
    assert proposals(CONFERENCE, dt.date(2019, 9, 2)) == [("2019-10-08..2019-10-09", "forum", False)]


FORUM = """EURASIAN DIGITAL FORUM 2019
Nur-Sultan, 4–6 June 2019

The exhibition will be open to participants throughout the forum. More than 120 companies will take part.

17:00 Startup Alley pitch session

WEDNESDAY, 5 JUNE

10:00 Meeting of ministers responsible for digital development (closed format)

THURSDAY, 6 JUNE

10:00 Plenary session on cybersecurity"""


def test_a_programmes_timed_line_is_no_title_of_the_days_heading_below_it(seed):
    assert proposals(FORUM, dt.date(2019, 5, 20)) == [
        ("2019-06-04..2019-06-06", "forum", False),
        ("2019-06-04..2019-06-06", "exhibition", False),
        ("2019-06-05", "meeting", False),
    ]


VISIT_PROGRAMME = """Working visit of the Commissioner General of the Zambia Revenue Authority, Mr Dingani Banda, to the South African Revenue Service
Pretoria and Johannesburg, 4–6 June 2024

The Commissioner for SARS will host the delegation next week.

TUESDAY, 4 JUNE
11:00  Plenary talks between the two delegations
14:30  Round-table with freight forwarders on transit

THURSDAY, 6 JUNE
10:30  Wrap-up meeting; agreement on the action plan"""  # noqa: E501


def test_a_long_titles_visit_over_the_line_of_its_places_and_days_holds_its_programmes_talks(seed):
    assert [
        (p.iso, p.event_type.slug, bool(p.reason)) for p in propose(VISIT_PROGRAMME, published=dt.date(2024, 5, 30))
    ] == [
        ("2024-06-04..2024-06-06", "visit", False),  # its plenary talks are a part of it, not proposed
        ("2024-06-04", "forum", False),  # a round table: an event of its own
        ("2024-06-06", "meeting", True),  # talks on the visit's programme: likely part of it
    ]


RUSSIAN_VISIT_PROGRAMME = """ПРОГРАММА
рабочего визита делегации Конституционного Суда Республики Казахстан
в Республику Узбекистан
(г. Ташкент — г. Самарканд, 22–24 апреля 2024 года)

Понедельник, 22 апреля

15:00–16:30   Переговоры Председателей конституционных судов

Вторник, 23 апреля

15:00–16:00   Встреча с Уполномоченным по правам человека"""


def test_a_visits_title_over_lines_with_its_cities_and_days_in_brackets_holds_its_programmes_talks(seed):
    assert [
        (p.iso, p.event_type.slug, bool(p.reason))
        for p in propose(RUSSIAN_VISIT_PROGRAMME, published=dt.date(2024, 4, 19))
    ] == [
        ("2024-04-22..2024-04-24", "visit", False),
        ("2024-04-22", "meeting", True),
        ("2024-04-23", "meeting", True),
    ]


def test_taking_part_told_under_a_titled_events_days_receives_no_guests(seed):
    # "примут участие руководители": the leaders take part; nobody receives them at a meeting
    text = (
        "Международная конференция\n«ЦИФРОВАЯ ТАМОЖНЯ»\n\nг. Астана, 22–23 октября 2025 года\n"
        "Конгресс-центр «Астана»\n\n"
        "Конференция проводится ежегодно с 2019 года. В этом году в ней примут участие руководители таможенных служб."
    )
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2025, 10, 1))] == [
        ("2025-10-22..2025-10-23", "forum")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Programme of the visit of the delegation of the Ministry of Industry of Vietnam to the Kama Plant\n\n"
            "Prepared by: International Department\nStatus: final\n\nWednesday, 11 June\n18:40 – Arrival of the "
            "delegation.\n\nThursday, 12 June\n13:00 – Talks with the Director General.\n\nFriday, 13 June\n10:00 – "
            "Meeting with students.\n\nSaturday, 14 June\n11:05 – Departure of the delegation.",
            [("2025-06-11..2025-06-14", "visit", False), ("2025-06-12", "meeting", True),
             ("2025-06-13", "meeting", True)],
        ),
        (
            "Программа визита делегации Министерства промышленности Вьетнама в Набережные Челны\n\n"
            "11 июня (среда)\n18:40 – Прибытие делегации.\n\n12 июня (четверг)\n13:00 – Переговоры с генеральным "
            "директором.\n\n13 июня (пятница)\n11:05 – Отъезд делегации.",
            [("2025-06-11..2025-06-13", "visit", False), ("2025-06-12", "meeting", True)],
        ),
        # The release's own date under the headline is no day of the visit's.
        (
            "Programme of the visit of the delegation of Vietnam\n\n2 June 2025\n\nThe delegation will hold talks in "
            "Minsk on 12 June.",
            [("2025-06-12", "meeting", False)],
        ),
    ],
)  # fmt: skip
def test_a_headline_programme_of_a_visit_over_day_headings_is_the_visit_over_all_of_them(seed, text, expected):
    assert proposals(text, dt.date(2025, 6, 2)) == expected


def test_a_programme_of_a_delegations_stay_over_its_days_is_its_visit(seed):
    text = (
        "ПРОГРАММА ПРЕБЫВАНИЯ\nделегации Министерства труда Республики Таджикистан\nв Российской Федерации\n"
        "(Москва, 14–16 апреля 2025 года)\n\nПонедельник, 14 апреля\n10.00 — переговоры с Министром труда\n"
        "15.00 — посещение миграционного центра\n\nСреда, 16 апреля\n10.00 — посещение Социального фонда\n"
    )
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2025, 4, 10)) if not p.reason] == [
        ("2025-04-14..2025-04-16", "visit")
    ]


def test_a_regime_or_a_term_of_stay_is_no_visit(seed):
    text = "С 10 марта 2018 года между двумя странами введён безвизовый режим пребывания сроком до 30 дней."
    assert propose(text, published=dt.date(2018, 3, 12)) == []


def test_a_weekday_led_days_heading_may_name_a_venue_of_several_words_and_start_a_run_with_from(seed):
    text = (
        "Tuesday, 13 July – Budapest, MÁV headquarters\n10:00 Meeting of the chief executives of the railways.\n"
        "19:00 Reception for the foreign delegations.\n\n"
        "Wednesday, 14 July – Hungarian Railway History Park\nInternational conference on railways.\n\n"
        "From Friday, 16 July to 30 September – Hungarian Railway History Park\nExhibition of railway uniforms.\n\n"
        # not a day's line led by a date alone, whose words after the dash are not capitalised
        "17 July – a day of rest for all the guests."
    )

    assert proposals(text, dt.date(2021, 7, 1)) == [
        ("2021-07-13", "meeting", False),
        ("2021-07-13", "other", False),
        ("2021-07-14", "forum", False),
        ("2021-07-16..2021-09-30", "exhibition", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "JANUARY\n21–23 January, Warsaw. The meeting of the Commission considered the plan for the corridors until "
        "2030.",
        "ЯНВАРЬ\n21–23 января, Варшава. Заседание Комиссии рассмотрело план развития коридоров до 2030 года.",
    ],
)
def test_a_year_aimed_at_is_no_date_of_a_line_under_its_days_heading(seed, text):
    assert proposals(text, dt.date(2025, 7, 10)) == [("2025-01-21..2025-01-23", "meeting", False)]
