"""Drafting's names and layout: events named only by their name, visits said as being somewhere, a programme's
headings, and talks a news item reports without a date."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2025, 4, 11)


def drafted(text: str) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, p.title) for p in propose(text, published=PUBLISHED)]


def test_a_heading_line_gives_its_day_to_the_events_below_it_in_english(seed):
    text = (
        "Programme of the State Secretary's week\n\nTuesday, 15 April\nConsultations with the Deputy Foreign "
        "Minister of Mongolia.\nA concert of the Mongolian State Ensemble at the Philharmonic.\n\nThursday, 17 April\n"
        'Opening of the photo exhibition "The Steppe" at the Museum of the East.\n\nThe programme may change.'
    )

    assert drafted(text) == [
        ("2025-04-15", "meeting", "Consultations"),
        ("2025-04-15", "other", "Concert of the Mongolian"),
        ("2025-04-17", "exhibition", "Exhibition"),
    ]


def test_a_heading_line_gives_its_day_to_the_events_below_it_in_russian(seed):
    text = (
        "Программа недели\n\n15 апреля, вторник\nКонсультации с заместителем министра иностранных дел Монголии.\n\n"
        "17 апреля, четверг\nОткрытие фотовыставки «Степь» в Музее Востока.\n\n"
        "В программу могут быть внесены изменения."
    )

    assert drafted(text) == [
        ("2025-04-15", "meeting", "Консультации"),
        ("2025-04-17", "exhibition", "Открытие фотовыставки"),
    ]


@pytest.mark.parametrize(
    ("text", "visit_title"),
    [
        ("Wednesday, 16 April\nTalks with the Foreign Minister of Laos, who will be in Moscow on 16–18 April.",
         "Visit to Moscow"),
        ("16 апреля, среда\nПереговоры с министром иностранных дел Лаоса, который будет находиться в Москве "
         "16–18 апреля.", "Визит: Москва"),
    ],
)  # fmt: skip
def test_under_a_heading_the_talks_are_the_headings_and_the_stay_a_visit(seed, text, visit_title):
    talks = "Talks" if text.startswith("W") else "Переговоры"

    assert drafted(text) == [
        ("2025-04-16..2025-04-18", "visit", visit_title),
        ("2025-04-16", "meeting", talks),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ARCTIC EXPO will take place in Murmansk on 20–22 May.",
         ("2025-05-20..2025-05-22", "exhibition", "ARCTIC EXPO")),
        ("“Silk Way Rally” starts on 3 June.", ("2025-06-03", "other", "Silk Way Rally")),
        ("Russian Theatre Week opens in Belgrade on 12 May.", ("2025-05-12", "culture-days", "Russian Theatre Week")),
        ("«Лістапад» пройдёт в Минске с 1 по 7 ноября.", ("2025-11-01..2025-11-07", "other", "Лістапад")),
        ("Неделя российского кино пройдёт в Белграде 12–18 мая.",
         ("2025-05-12..2025-05-18", "festival", "Неделя российского кино")),
        ("«Евразийский форум» состоится 20 мая.", ("2025-05-20", "forum", "Евразийский форум")),
    ],
)  # fmt: skip
def test_an_event_named_only_by_its_name_takes_the_type_its_words_give(seed, text, expected):
    assert drafted(text) == [expected]


def test_a_name_without_a_verb_of_happening_is_not_an_event(seed):
    assert drafted("The trade of OSCE members grew in 2024. Члены ОДКБ и ЕАЭС в 2024 году нарастили торговлю.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Minister will be in Hanoi on 22 April.", ("2025-04-22", "visit", "Visit to Hanoi")),
        ("Делегация побывает в Казани 25 апреля.", ("2025-04-25", "visit", "Визит: Казань")),
        ("25 апреля министр прибудет в Минск.", ("2025-04-25", "visit", "Визит: Минск")),
    ],
)
def test_being_or_arriving_in_a_place_is_a_visit(seed, text, expected):
    assert drafted(text) == [expected]


def test_being_somewhere_that_is_not_a_place_is_not_a_visit(seed):
    assert drafted("The Ambassador was in the hall on 22 April.") == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Foreign Ministers of Russia and Vietnam held talks in Moscow.\n\nThey discussed trade and tourism.",
         "Talks"),
        ("В Москве состоялись переговоры министров иностранных дел России и Вьетнама.\n\nСтороны обсудили торговлю.",
         "Переговоры министров иностранных дел России и Вьетнама"),
    ],
)  # fmt: skip
def test_talks_a_news_item_reports_without_a_date_took_place_on_its_publication_day(seed, text, title):
    assert drafted(text) == [("2025-04-11", "meeting", title)]


def test_undated_talks_after_a_date_or_that_recur_are_not_proposed(seed):
    text = (
        "The Ambassador met the Governor of Primorye on 3 April. The consultations took place in Moscow.\n\n"
        "Consultations between the ministries are held regularly."
    )

    assert drafted(text) == [("2025-04-03", "meeting", "Ambassador met the Governor of Primorye")]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("Wednesday and Thursday", "2025-04-16..2025-04-17"), ("Среда и четверг", "2025-04-16..2025-04-17")],
)
def test_two_weekdays_joined_by_and_head_the_paragraph_below(seed, heading, expected):
    sentence = {
        "W": 'Kazan will host the international conference "Towards a Tuberculosis-Free Region". Experts are expected.',
        "С": "В Казани пройдёт международная конференция «Регион без туберкулёза». Ожидаются эксперты.",
    }[heading[0]]
    text = f"The week ahead\n\n{heading}\n\n{sentence}"

    assert [(iso, slug) for iso, slug, _title in drafted(text)] == [(expected, "forum")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ANKARA, 11 April 2025 – The Turkish Book Fair opened yesterday, which runs at the Congresium from 10 to 13 "
         "April.", [("2025-04-10..2025-04-13", "exhibition", "Turkish Book Fair")]),
        ("MOSCOW (Reuters), 11 April – The Russian Book Fair opened yesterday, which runs from 10 to 13 April.",
         [("2025-04-10..2025-04-13", "exhibition", "Russian Book Fair")]),
        # A name in capitals with no date after it is no dateline.
        ("INNOPROM, the industrial show of the Urals, will be held from 7 to 10 July.",
         [("2025-07-07..2025-07-10", "other", "INNOPROM")]),
    ],
)  # fmt: skip
def test_the_place_of_a_dateline_in_capitals_is_not_an_events_name(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fourth Week of Contemporary Slovak Cinema will take place at the Illusion cinema from 12 to 18 May.",
         [("2025-05-12..2025-05-18", "festival", "Week of Contemporary Slovak Cinema")]),
        ("The second Week of Uzbek Culture and Arts will be held in Kazan from 12 to 18 May.",
         [("2025-05-12..2025-05-18", "culture-days", "Week of Uzbek Culture and Arts")]),
    ],
)  # fmt: skip
def test_a_week_named_by_what_follows_it_is_an_event_of_that_name(seed, text, expected):
    # "Week" with no capitalised word before it ("The fourth Week of…"): its name is the words after it.
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In May we expect the Minister of Culture of Vietnam in Minsk.", [("2025-05", "visit", "Visit to Minsk")]),
        ("В мае мы ждём в Казани делегацию правительства Вьетнама.", [("2025-05", "visit", "Визит: Казань")]),
        # Expecting a decision, or a guest with no place in the clause: no visit.
        ("In May we expect a decision of the Council in Minsk.", []),
        ("In May we expect the minister, and then a decision in Minsk.", []),
    ],
)  # fmt: skip
def test_a_guest_expected_in_a_place_is_a_visit(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The quoted name takes the type of the word before it; the opening day is the run's first.
        ("Вчера в Ташкенте открылась ярмарка «Книги Евразии», которая работает с 10 по 13 апреля.",
         [("2025-04-10..2025-04-13", "exhibition", "Книги Евразии")]),
        ("Вчера в Бишкеке открылся фестиваль «Золотой абрикос», который продлится до 14 апреля.",
         [("2025-04-10..2025-04-14", "festival", "Фестиваль")]),
    ],
)  # fmt: skip
def test_a_quoted_name_after_an_event_word_is_of_its_type_and_its_opening_day_is_the_runs(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quoted name after a hall, a museum or a hotel is the place's, not an event's: no event on 18 May.
        (
            "Выставка откроется 15 марта в Казани, а 18 мая её покажут в выставочном зале «Палаты».",
            [("2026-03-15", "exhibition", "Выставка")],
        ),
        ('The reception will be held at the Hotel "Europa" on 18 May.', [("2025-05-18", "other", "Reception")]),
        # A name in quotes after the hall that names an event itself is still one.
        ("В выставочном зале «Выставка-ярмарка ремёсел» пройдёт 18 мая.", [("2025-05-18", "exhibition",
                                                                          "Ярмарка ремёсел")]),
    ],
)  # fmt: skip
def test_a_quoted_name_after_a_venues_noun_is_the_places_not_an_events(seed, text, expected):
    assert drafted(text) == expected


def test_a_headings_line_recalling_a_documents_signing_proposes_no_signing_on_the_headings_day(seed):
    text = (
        "2 апреля, среда\n"
        "Прошли консультации с делегацией Инспекции. Напомним, что меморандум о сотрудничестве был подписан в "
        "Ташкенте 18 октября 2019 года."
    )
    assert [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=PUBLISHED)] == [
        ("2025-04-02", "meeting", False),
        ("2019-10-18", "signing", True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 5 April the Round-table on water security was held in Minsk.", ("2025-04-05", "forum", "Round-table")),
        ("On 7 April the Forum-Exhibition opened in Minsk.", ("2025-04-07", "forum", "Forum-Exhibition")),
        ("5 апреля в Минске открылась выставка-ярмарка.", ("2025-04-05", "exhibition", "Выставка-ярмарка")),
    ],
)
def test_a_word_joined_by_a_hyphen_is_one_word_of_the_title(seed, text, expected):
    assert drafted(text) == [expected]


def test_talks_during_a_session_sharing_only_the_second_half_of_a_hyphenated_word_are_talks_of_their_own(seed):
    text = (
        "С 7 по 9 апреля в Душанбе состоялось заседание Российско-таджикской рабочей группы по вопросам миграции.\n\n"
        "8 апреля главы делегаций были приняты министром внутренних дел Республики Таджикистан."
    )

    assert [(iso, slug) for iso, slug, _title in drafted(text)] == [
        ("2025-04-07..2025-04-09", "meeting"),
        ("2025-04-08", "meeting"),
    ]


def test_a_word_in_capitals_in_brackets_after_a_name_is_its_short_name_not_an_event(seed):
    text = "Заседание Совета координаторов регионального центра (ЦАРИКЦ) состоится 2 мая, в тот же день в Алматы."

    assert [(iso, slug) for iso, slug, _title in drafted(text)] == [("2025-05-02", "meeting")]


@pytest.mark.parametrize(
    "text",
    [
        "Programme\n\nWednesday, 16 April – Day 1\n10:30 – Opening ceremony.\n\nThursday, 17 April – Day 2\n"
        "13:00 – Signing of the Memorandum on the News Exchange Network.",
        "Программа\n\n16 апреля, среда – День 1\n10:30 – Церемония открытия.\n\n17 апреля, четверг – День 2\n"
        "13:00 – Подписание Меморандума о сети обмена новостями.",
    ],
)
def test_a_day_heading_with_its_number_in_the_programme_heads_the_lines_below_it(seed, text):
    assert [(iso, slug) for iso, slug, _title in drafted(text)] == [("2025-04-16", "other"), ("2025-04-17", "signing")]
