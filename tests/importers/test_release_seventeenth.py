"""Drafting readings of the seventeenth session, on texts of the project's own, with texts that must not fire them."""

import datetime as dt

import pytest

from events.importers.release import propose
from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Пресс-конференция, посвящённая итогам фестиваля, состоится 20 февраля в пресс-центре.",
            [("2026-02-20", "other", False)],
        ),
        (
            "A press conference dedicated to the results of the festival will be held on 20 February.",
            [("2026-02-20", "other", False)],
        ),
        (
            "A press briefing devoted to the forum's preparations will be held on 20 February.",
            [("2026-02-20", "other", False)],
        ),
        # what is dedicated to something is still the event: it is named first
        ("Выставка, посвящённая фестивалю, откроется 3 марта.", [("2026-03-03", "exhibition", False)]),
        ("Dedicated to the festival, the exhibition opens on 3 March.", [("2026-03-03", "exhibition", False)]),
        # nothing named before the dedication: the festival stays
        ("Посвящённый 80-летию Победы фестиваль пройдёт 3 мая.", [("2026-05-03", "festival", False)]),
    ],
)
def test_an_event_named_after_dedicated_to_is_the_topic_of_the_event_before_it(seed, text, expected):
    assert proposals(text, "2026-02-10") == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Пресс-конференция пройдёт 20 февраля.", "Пресс-конференция"),
        ("A press conference will be held on 20 February.", "Press conference"),
    ],
)
def test_a_press_conference_is_titled_by_both_its_words_in_both_languages(seed, text, title):
    assert [p.title for p in propose(text, published=dt.date(2026, 2, 10))] == [title]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Northfield Spring Flower Show opens on Thursday 21 April and runs until Sunday.",
            [("2016-04-21..2016-04-24", "exhibition", False)],
        ),
        ("The Garden Show of the Association opens on 3 May.", [("2016-05-03", "exhibition", False)]),
        # "show" alone is a verb as often as a noun
        ("The figures show that on 21 April exports grew.", []),
    ],
)
def test_a_flower_or_garden_show_is_an_exhibition(seed, text, expected):
    assert proposals(text, "2016-04-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Festival, the Shows of an organisation's name are not events
        ("The Association of European Garden Shows opened its office in Brussels on 3 May.", []),
        ("The Federation of International Trade Fairs will publish its figures on 3 May.", []),
        ("The Association of Film Festivals opened its office in Brussels on 3 May.", []),
        # what the organisation holds is
        ("The Union of Fair Organisers will meet on 3 May.", [("2016-05-03", "meeting", False)]),
    ],
)
def test_an_event_word_in_an_organisations_name_names_no_event(seed, text, expected):
    assert proposals(text, "2016-04-11") == expected
