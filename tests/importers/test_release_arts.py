"""Performances (release_arts.py): performers performing, an evening of an art and a stage work named after its
word are events of the general type; an evening that only tells the time is none."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:00 – Вечер российского джаза, 26 мая.", [("2024-05-26", "other", False)]),
        ("26 мая состоится вечер поэзии.", [("2024-05-26", "other", False)]),
        ("On 26 May, an evening of Russian jazz will be held.", [("2024-05-26", "other", False)]),
        ("A jazz evening on 26 May.", [("2024-05-26", "other", False)]),
        # an evening that only tells the time
        ("On the evening of 26 May the minister left.", []),
        ("Вечером 26 мая министр выступил с докладом.", []),
    ],
)
def test_an_evening_of_an_art_is_an_event(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The National Choir will perform at the Opera House on 26 May.", [("2024-05-26", "other", False)]),
        ("26 мая выступит Государственный хор.", [("2024-05-26", "other", False)]),
        ("26 мая состоится балет «Щелкунчик».", [("2024-05-26", "other", False)]),
        ("18:00 Performance of the Bukhara Puppet Theatre, 26 May.", [("2024-05-26", "other", False)]),
        ("Джазовый вечер состоится 26 мая в саду посольства.", [("2024-05-26", "other", False)]),
        # an orchestra's tour
        ("The Philharmonic will tour Japan and Korea from 14 to 27 May.", [("2024-05-14..2024-05-27", "other", False)]),
        # not performers, nor a ballet's name
        ("The Minister will perform his duties from 26 May.", []),
        ("26 мая министр выступит с докладом.", []),
        ("The performance of the agreement was reviewed on 26 May.", []),
        ("Trade performance improved in the first half of 2023.", []),
        ("A guided tour of the plant will take place on 26 May.", []),
    ],
)
def test_performers_performing_and_a_named_stage_work_are_performances(seed, text, expected):
    assert proposals(text, "2024-04-01") == expected
