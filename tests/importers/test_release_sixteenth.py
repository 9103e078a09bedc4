"""Drafting readings of the sixteenth session, each on texts of the project's own, with texts that must not fire it."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Финал пройдёт в Казани с 20 по 24 апреля.", [("2018-04-20..2018-04-24", "other", False)]),
        ("Онлайн-полуфинал конкурса состоится 6 сентября.", [("2018-09-06", "other", False)]),
        ("Парад ВМФ пройдёт 30 июля в Кронштадте.", [("2018-07-30", "other", False)]),
        ("The naval parade will be held on 30 July in Kronstadt.", [("2018-07-30", "other", False)]),
        # a deadline, a day of results: no event
        ("Итоги финала будут опубликованы 10 мая.", []),
        ("Заявки на участие в финале принимаются до 10 мая.", []),
    ],
)
def test_finals_and_parades_are_events_of_the_general_type(seed, text, expected):
    assert proposals(text, "2018-03-01") == expected
