"""Drafting readings of the twelfth session, each on texts of the project's own, with texts that must not fire it."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


def proposals(text: str, published: str) -> list[tuple[str, str, bool]]:
    return [
        (p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=dt.date.fromisoformat(published))
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # An event framing another owns the dates of its relative clause of happening.
        (
            "Сеанс проводится в рамках Дней армянской культуры в крае, которые открываются сегодня и продлятся до "
            "29 ноября.",
            "2015-11-23",
            [("2015-11-23..2015-11-29", "culture-days", False)],
        ),
        (
            "Турнир проводится в рамках Дней армянской культуры, которые открылись 23 ноября и продлятся до 29 ноября.",
            "2015-11-25",
            [("2015-11-23..2015-11-29", "culture-days", False)],
        ),
        # not a relative clause of any other verb: the session framed is the event
        (
            "В рамках форума, который организует министерство, 16 мая состоится заседание совета.",
            "2016-05-01",
            [("2016-05-16", "meeting", False)],
        ),
    ],
)
def test_an_event_framing_another_owns_the_dates_of_its_relative_clause(seed, text, published, expected):
    assert proposals(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "по итогам переговоров": the talks frame the signing, the event of the date
        (
            "1 октября прошли переговоры министров.\n\nВ тот же день по итогам переговоров состоялась церемония "
            "подписания протокола.",
            "2019-10-04",
            [("2019-10-01", "meeting", False), ("2019-10-01", "signing", False)],
        ),
        # "дали высокую оценку итогам" frames nothing: the forum held is the event
        (
            "Министры дали высокую оценку итогам форума, прошедшего 25–26 июня в Казани.",
            "2019-10-04",
            [("2019-06-25..2019-06-26", "forum", False)],
        ),
    ],
)
def test_the_talks_a_signing_follows_frame_it(seed, text, published, expected):
    assert proposals(text, published) == expected
