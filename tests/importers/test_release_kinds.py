"""Drafting's event words: kinds beyond the types' names, led to the nearest type (dates that are not events are
test_release_references.py's)."""

import datetime as dt
from pathlib import Path

import pytest

from events.importers.release import propose
from events.importers.release_kinds import GENERAL_TYPE
from events.models import EventType

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2021, 9, 3)


def dates_types_reasons(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, p.reason) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 8 September, the sides will hold consultations.", "meeting"),
        ("The BRICS summit opens on 8 September.", "meeting"),
        ("The Council of Foreign Ministers met on 1 September.", "meeting"),
        ("8 сентября пройдёт сессия Межправительственной комиссии.", "meeting"),
        ("The conference will take place on 8 September.", "forum"),
        ("8 сентября откроется фотовыставка.", "exhibition"),
        # Drills and exercises are events of the general type.
        ("The joint rescue exercise will take place on 8 September.", "other"),
        ("8 сентября пройдут совместные учения спасателей.", "other"),
        # A week of an industry is a forum; one of a country's culture, its culture days.
        ("Kazakhstan Transport Week will take place in Astana from 6 to 9 September.", "forum"),
        ("Uzbek Culture Week will take place in Astana from 6 to 9 September.", "culture-days"),
        # A venue's name names no event: the congress is the event, not the Exhibition Centre.
        ("The Congress will take place at the Convention and Exhibition Centre from 6 to 9 September.", "forum"),
        ("Форум пройдёт в Конгресс-холле 8 сентября.", "forum"),
        ("The fair opens on 8 September at the Patriot Congress and Exhibition Centre.", "exhibition"),
        ("Hosted at the Scottish Event Campus from 6 to 9 September, the Congress gathered 700 delegates.", "forum"),
        # A Russian word of a prefix and an event's word is that event
        ("8 сентября во Владивостоке пройдёт международный медиафорум.", "forum"),
        ("8 сентября в Ташкенте откроется агровыставка.", "exhibition"),
        # A number before a word counts events; a time, an anniversary or a name's digits do not.
        ("10:00 - Talks with the delegation of Mongolia, 8 September.", "meeting"),
        ("The first G20 summit on African soil opens on 8 September.", "meeting"),
        # A body's general or annual meeting, not any "собрание" (a collection)
        ("8 сентября состоится Генеральное собрание Федерации бирж.", "meeting"),
        ("Ежегодное общее собрание членов ассоциации пройдёт 8 сентября.", "meeting"),
        # Sports games, training camps and a spartakiad are events of the general type
        ("The Paralympic Games will open on 8 September.", "other"),
        ("8 сентября на летних Паралимпийских играх выступят 20 спортсменов.", "other"),
        ("8 сентября сборная отправится на учебно-тренировочный сбор.", "other"),
        ("Республиканская спартакиада пройдёт 8 сентября.", "other"),
        ("The Nordic Para Athletics Championships will take place on 8 September.", "other"),
        # an assembly of members is a meeting
        ("The Association's General Assembly will be held online on 8 September.", "meeting"),
        ("On 8 September the delegation attended the spring assembly of the harmonisation council.", "meeting"),
        # performers performing give a performance
        ("On 8 September the State Dance Ensemble will perform at the Opera House.", "other"),
        ("8 сентября в Белграде выступит Государственный академический хор.", "other"),
        ("The production will be performed at the National Theatre on 8 September.", "other"),
        # a workshop or a training session, in Russian too
        ("8 сентября в Гродно откроется международный архитектурный воркшоп.", "forum"),
        ("8 сентября для дипломатов пройдёт тренинг по протоколу.", "forum"),
    ],
)
def test_kinds_the_types_do_not_name_are_proposed_with_the_nearest_type(seed, text, expected):
    assert [slug for _iso, slug, _reason in dates_types_reasons(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "In 2020, the centres conducted over 900 telemedicine consultations for foreign clinics.",
        "В 2020 году центры провели более 900 телемедицинских консультаций.",
    ],
)
def test_events_counted_for_a_year_are_no_event_of_that_year(seed, text):
    assert dates_types_reasons(text) == []


def test_a_concert_or_an_anniversary_takes_the_general_type_when_the_calendar_has_it(seed):
    text = "A concert will be held on 8 September. On 9 September, the anniversary will be celebrated."
    with_general = dates_types_reasons(text)  # the seed's vocabulary has it
    EventType.objects.filter(slug=GENERAL_TYPE).delete()

    without = dates_types_reasons(text)

    assert without == [("2021-09-08", "festival", ""), ("2021-09-09", "festival", "")]
    assert with_general == [("2021-09-08", GENERAL_TYPE, ""), ("2021-09-09", GENERAL_TYPE, "")]


def test_a_specific_event_word_wins_over_a_general_one_and_russia_day_is_not_culture_days(seed):
    # Without the general type, a reception takes the first type that is not a visit.
    EventType.objects.filter(slug=GENERAL_TYPE).delete()
    assert dates_types_reasons("Moscow Days events took place in June 2016.") == [("2016-06", "culture-days", "")]
    assert dates_types_reasons("12 июня состоится приём по случаю Дня России.") == [("2022-06-12", "forum", "")]


def test_the_seed_release_in_russian_needs_no_language_given(seed):
    text = (Path(__file__).parent / "test_release.py").read_text().split('RUSSIAN = """')[1].split('"""')[0]

    assert [p.iso for p in propose(text, published=dt.date(2017, 11, 13))] == [
        "2017-11-14..2017-11-15",
        "2017-06-29..2017-06-30",
        "2015-06",
        "2016",
        "2017-10",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 8 September, the Minister will receive the Ambassador of China.", [("2021-09-08", "meeting", "")]),
        ("8 сентября Министр принял по его просьбе Посла Ливана.", [("2020-09-08", "meeting", "")]),
        ("On 8 September, the museum received an award for its collection.", []),
        ("8 сентября парламент принял закон о бюджете.", []),
        ("On 1 September, the ministers signed a joint statement.", [("2021-09-01", "signing", "")]),
    ],
)
def test_receiving_a_guest_is_a_meeting_and_signing_a_signing_not_receiving_an_award_or_adopting_a_law(
    seed, text, expected
):
    assert dates_types_reasons(text) == expected


def test_a_hyphen_inside_a_name_does_not_end_the_clause_of_a_month(seed):
    text = "In May, the first China–Central Asia Summit was hosted by Xi'an."

    assert dates_types_reasons(text) == [("2021-05", "meeting", "")]


def test_a_month_and_a_day_after_a_semicolon_are_two_events(seed):
    text = "In March, the President paid a state visit to Russia; on 21 March the two leaders signed a statement."

    assert dates_types_reasons(text) == [("2021-03", "visit", ""), ("2021-03-21", "signing", "")]


def test_an_event_word_before_a_semicolon_is_not_the_event_of_a_date_after_it(seed):
    text = "The festival has been held annually since 2013; last year it had 40,000 guests."

    assert dates_types_reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Since 2015 the number of Russian tourists visiting Serbia in September has tripled.",
        "В сентябре Казань посетили более 40 тысяч туристов.",
        "This year marks the 75th anniversary of diplomatic relations.",
    ],
)
def test_visitors_counted_and_the_year_an_anniversary_falls_in_are_not_events(seed, text):
    assert dates_types_reasons(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 5 and 6 March we took part in the International Book Fair in Minsk.",
         [("2025-03-05..2025-03-06", "exhibition", "International Book Fair")]),
        ("26–27 мая в Минске пройдёт ярмарка белорусских товаров; 30 мая — круглый стол по туризму.",
         [("2025-05-26..2025-05-27", "exhibition", "Ярмарка белорусских товаров"),
          ("2025-05-30", "forum", "Круглый стол")]),
        ("A round table on tourism will be held on 30 May.", [("2025-05-30", "forum", "Round table")]),
    ],
)  # fmt: skip
def test_fairs_are_exhibitions_and_round_tables_conferences(seed, text, expected):
    proposals = propose(text, published=dt.date(2025, 4, 11))

    assert [(p.iso, p.event_type.slug, p.title) for p in proposals] == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("On the sidelines of the forum, on 15 April, a meeting of the business council will be held.",
         "Meeting of the business"),
        ("В рамках форума 15 апреля пройдёт заседание делового совета.", "Заседание делового совета"),
        ("On 15 April, on the margins of the forum, the business council will hold a meeting.", "Meeting"),
        ("15 апреля в кулуарах форума пройдёт встреча министров.", "Встреча министров"),
        # The frame's event before the date's: the event after it is still the date's.
        ("15 апреля в рамках форума пройдёт встреча министров.", "Встреча министров"),
    ],
)  # fmt: skip
def test_the_event_that_frames_a_date_is_not_its_event(seed, text, title):
    proposals = propose(text, published=dt.date(2025, 4, 11))

    assert [(p.iso, p.event_type.slug, p.title) for p in proposals] == [("2025-04-15", "meeting", title)]


def test_visitors_counted_past_an_aside_are_no_visit(seed):
    text = "За четыре дня, с 8 по 11 октября, её посетили, по данным организаторов, более 90 тыс. человек."

    assert dates_types_reasons(text, dt.date(2025, 10, 13)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A friendly match between the youth teams will be played on 16 September in Minsk.",
         [("2021-09-16", "other", "")]),
        ("16 сентября в Ташкенте пройдёт товарищеский матч сборных.", [("2021-09-16", "other", "")]),
        # "match" the verb: no event.
        ("On 16 September the new offer will match the demand of the partners.", []),
    ],
)  # fmt: skip
def test_a_sports_match_is_an_event_and_the_verb_match_is_not(seed, text, expected):
    assert dates_types_reasons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 1 September, the Deputy Minister of Foreign Affairs of Armenia and the Deputy Minister of Foreign Affairs "
        "of Georgia signed a Protocol amending the Consular Convention between the two countries of 14 May 1996.",
        "1 сентября заместитель министра иностранных дел Армении и заместитель министра иностранных дел Грузии "
        "подписали в Тбилиси Протокол о внесении изменений в Консульскую конвенцию от 14 мая 1996 года.",
    ],
)
def test_a_signing_far_from_its_day_before_the_documents_own_date_is_that_days(seed, text):
    ticked = [(iso, slug) for iso, slug, reason in dates_types_reasons(text) if not reason]

    assert ticked == [("2021-09-01", "signing")]


def test_an_event_it_visited_by_delegations_is_no_visit(seed):
    text = "Итоги года\n\nДекабрь. В Москве прошла выставка «Здравоохранение». Её посетили делегации 27 государств."

    assert dates_types_reasons(text, dt.date(2026, 1, 12)) == [("2025-12", "exhibition", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An IRRS review mission took place in September 2011.", [("2011-09", "visit", "")]),
        ("A follow-up mission in 2014 found that most recommendations had been addressed.", [("2014", "visit", "")]),
        ("The expert mission will work in Almaty on 12-14 October.", [("2021-10-12..2021-10-14", "visit", "")]),
    ],
)
def test_an_expert_teams_mission_is_a_visit(seed, text, expected):
    assert dates_types_reasons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The OSCE mission in 2014 reported progress.",
        "A medical mission worked in the region in 2014.",
        "Our diplomatic missions in 2014 issued 3,000 visas.",
    ],
)
def test_an_offices_or_a_helpers_mission_is_no_visit(seed, text):
    assert dates_types_reasons(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Authority's next public information day will be held in Paks in April.",
            ("2022-04", "other", "Information day"),
        ),
        ("День открытых дверей пройдёт 12 апреля.", ("2022-04-12", "other", "День открытых дверей")),
    ],
)
def test_an_open_or_information_day_is_an_event_named_by_both_words(seed, text, expected):
    assert [(p.iso, p.event_type.slug, p.title) for p in propose(text, published=PUBLISHED)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "16–20 августа на АЭС работала миссия МАГАТЭ по оценке безопасности.",
            [("2021-08-16..2021-08-20", "visit", "")],
        ),
        ("In May an IAEA mission reviewed the plant.", [("2021-05", "visit", "")]),
        ("4–6 августа в Обнинске прошёл учебный курс для инспекторов.", [("2021-08-04..2021-08-06", "forum", "")]),
        ("The training course for inspectors was held on 4-6 August.", [("2021-08-04..2021-08-06", "forum", "")]),
        ("26 августа состоялась видеоконференция с Управлением.", [("2021-08-26", "meeting", "")]),
        ("On 26 August a video conference with the Authority took place.", [("2021-08-26", "meeting", "")]),
    ],
)
def test_missions_of_experts_training_courses_and_video_conferences_are_their_kinds(seed, text, expected):
    assert dates_types_reasons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Миссия ОБСЕ в 2014 году сообщила о нарушениях.", []),
        ("В пятницу в режиме видеоконференции было подписано соглашение.", [("2021-09-03", "signing", "")]),
        ("On Friday the agreement was signed by videoconference.", [("2021-09-03", "signing", "")]),
    ],
)
def test_an_offices_mission_or_a_video_conference_as_a_means_is_no_event_of_its_own(seed, text, expected):
    assert dates_types_reasons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("По этому случаю 15 августа в актовом зале прошел торжественный вечер.", [("2021-08-15", "other", "")]),
        ("21 августа в министерстве прошёл вечер памяти Степана Ковалёва.", [("2021-08-21", "other", "")]),
        ("19–21 августа в Мурманске работала рабочая группа.", [("2021-08-19..2021-08-21", "meeting", "")]),
        ("Вечером 5 августа делегация прибыла в Минск.", [("2021-08-05", "visit", "")]),
    ],
)  # fmt: skip
def test_a_russian_evening_held_and_a_working_group_at_work_are_events(seed, text, expected):
    assert dates_types_reasons(text) == expected


def test_a_russian_video_meeting_is_a_meeting(seed):
    assert dates_types_reasons("Вчера провели видеовстречу с экспертами МАГАТЭ.") == [("2021-09-02", "meeting", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The public consultation on the draft Guidelines is open until 15 December 2023.", []),
        ("Public consultations on the draft law will run from 1 to 15 December.", []),
        (
            "On 5 December the bilateral consultations with Kosovo will take place in Ankara.",
            [("2023-12-05", "meeting")],
        ),
    ],
)
def test_a_public_consultation_is_a_time_for_comments_not_talks(seed, text, expected):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2023, 11, 20))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "С 17 по 21 октября в Сербии прошли гастроли театра.",
        "Театр вернулся с гастролей в Сербии, которые прошли с 17 по 21 октября.",
    ],
)
def test_a_tour_of_performances_in_russian_is_an_event_in_any_of_its_forms(seed, text):
    assert [(iso, slug) for iso, slug, _reason in dates_types_reasons(text, dt.date(2021, 10, 24))] == [
        ("2021-10-17..2021-10-21", "other")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On 8 September the children played video games.",
        "8 сентября начался сбор средств для приюта.",
        # an acceptance of applications or works, not a reception
        "Состав команды утвердят после 8 сентября, когда завершится приём заявок.",
        "Приём заявок на участие продлится до 8 сентября.",
        # a parliament, the UN's General Assembly, a plant's assembly
        "On 8 September the National Assembly adopted the budget.",
        "The Declaration was adopted by the UN General Assembly on 8 September.",
        "The President of the Assembly called the elections on 8 September.",
        "On 8 September the satellite passed tests in the assembly and testing building.",
        # performing of no performers: flights, a body's results; a minister's speech
        "On 8 September ministry aircraft performed three humanitarian flights.",
        "8 сентября министр выступил с докладом в парламенте.",
    ],
)
def test_games_a_collection_or_an_acceptance_of_applications_are_no_event(seed, text):
    assert dates_types_reasons(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # days of an event's stretch, lower case, are no culture days; a place open to visitors is no visit
        # (a biennale is an exhibition: the pavilion's)
        ("The pavilion will be opened on 8 September, during the pre-opening days of the Biennale.",
         [("2021-09-08", "exhibition", "")]),
        ("The pavilion can be visited until 8 September.", []),
        ("The installation will be shown on 8 September, during the preview days of the Biennale.",
         [("2021-09-08", "exhibition", "")]),
        ("The pavilion will be visited by the Minister on 8 September.", [("2021-09-08", "visit", "")]),
        ("Days of Georgian Culture will open on 8 September.", [("2021-09-08", "culture-days", "")]),
    ],
)  # fmt: skip
def test_an_events_opening_days_are_no_culture_days_and_a_place_open_to_visitors_no_visit(seed, text, expected):
    assert dates_types_reasons(text) == expected


def test_performers_at_a_named_event_perform_at_that_event(seed):
    assert dates_types_reasons("8 сентября наш детский хор выступил на Рождественском фестивале в Тампере.") == [
        ("2020-09-08", "festival", "")
    ]
