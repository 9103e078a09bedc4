"""The end of an event proposed before, told in a later sentence."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The forum opened in Minsk on 14 September. It will last until 16 September.",
            [("2023-09-14..2023-09-16", "forum", False)],
        ),
        # an exhibition opened by its name alone is the exhibition that runs until the day named after it
        (
            'Tomorrow, Friday 15 September, the Ambassador will open "Salt and Iron: Chilean Photography 1970–2020" at '
            "the gallery. The exhibition, curated by Rodrigo Vera, stays open until 29 October.",
            [("2023-09-15..2023-10-29", "exhibition", False)],
        ),
        # a thing with a name of its own is no exhibition
        (
            'On 15 September the Minister will open the new "Friendship" bridge. The exhibition of bridge designs '
            "runs until 29 October.",
            [("2023-09-15", "other", False), ("2023-10-29", "exhibition", False)],
        ),
        # a reception named by its word stays the reception
        (
            "On 15 September the Ambassador will host a reception at the gallery. The exhibition stays open until 29 "
            "October.",
            [("2023-09-15", "other", False), ("2023-10-29", "exhibition", False)],
        ),
    ],
)
def test_a_later_sentences_end_ends_the_event_opened_before(seed, text, expected):
    assert proposals(text, "2023-09-14") == expected
