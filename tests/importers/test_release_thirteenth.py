"""Drafting readings of the thirteenth session, each on texts of the project's own, with texts that must not fire it."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the event the date's event word only spans is the subject's: the exhibition is open throughout the forum
        (
            "The exhibition will be open throughout the forum, 4–6 June.",
            [("2024-06-04..2024-06-06", "exhibition", False)],
        ),
        (
            "Выставка будет открыта на протяжении всего форума, с 4 по 6 июня.",
            [("2024-06-04..2024-06-06", "exhibition", False)],
        ),
        ("Talks were held throughout the forum, on 4 June.", [("2023-06-04", "meeting", False)]),
        # with no event before it, the event spanned is the date's
        ("Throughout the forum, 4–6 June, delegates can visit Hall B.", [("2024-06-04..2024-06-06", "forum", False)]),
        # "during" tells the event the date is of: the Days were in June
        (
            "The visit returns the hospitality shown during Stavanger Days in June 2023.",
            [("2023-06", "culture-days", False)],
        ),
    ],
)
def test_an_event_open_throughout_another_owns_the_others_days(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a traveller's journey from one place to another is a visit
        ("From 3 to 5 May the mission travelled from Minsk to Brest.", [("2023-05-03..2023-05-05", "visit", False)]),
        ("С 3 по 5 мая делегация выехала из Минска в Брест.", [("2023-05-03..2023-05-05", "visit", False)]),
        # not goods, nor a journey with no place it goes to
        ("From 3 to 5 May exports went from Minsk to Brest.", []),
        ("From 3 to 5 May the delegation travelled from Minsk.", []),
    ],
)
def test_a_delegation_travelling_from_one_place_to_another_is_on_a_visit(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected
