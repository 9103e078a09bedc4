"""Events that frame or time another (release_frames.py): the event framed is the date's ("в рамках форума 16 мая
состоится заседание"), unless the frame's own happening is told after it; an event timed or dedicated to another is
itself the event; a meeting of an event's body is the body's."""

import pytest

from tests.importers.drafting import proposals

pytestmark = pytest.mark.django_db


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
        # "на площадке фестиваля": the festival's grounds host the signing
        (
            "Фестиваль прошёл с 1 по 3 октября.\n\n2 октября на площадке фестиваля состоялась церемония подписания "
            "меморандума.",
            "2026-10-07",
            [("2026-10-01..2026-10-03", "festival", False), ("2026-10-02", "signing", False)],
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting of an event's body is the body's meeting, not the event
        (
            "Решение принято на заседании организационного комитета конференции 15.01.2027.",
            [("2027-01-15", "meeting", False)],
        ),
        (
            "The decision was taken at a meeting of the organising committee of the conference on 15 January.",
            [("2027-01-15", "meeting", False)],
        ),
        # the event's own session is the event
        ("15 января состоялось пленарное заседание конференции.", [("2027-01-15", "forum", False)]),
    ],
)
def test_a_meeting_of_an_events_committee_is_a_meeting(seed, text, expected):
    assert proposals(text, "2027-01-19") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event timed or dedicated to another: the other is no event of the date
        (
            "Выставка, подготовленная к конференции, будет работать с 1 по 26 февраля.",
            [("2027-02-01..2027-02-26", "exhibition", False)],
        ),
        ("Выставка, приуроченная к форуму, откроется 5 мая.", [("2027-05-05", "exhibition", False)]),
        (
            "The exhibition, timed to coincide with the conference, will run from 1 to 26 February.",
            [("2027-02-01..2027-02-26", "exhibition", False)],
        ),
        # a verb of preparing is no timing: the forum prepared is the event
        ("Министерство подготовит форум 5 мая.", [("2027-05-05", "forum", False)]),
        # "торжественное собрание": a ceremony, whatever it is dedicated to
        ("14 мая состоялось торжественное собрание коллектива центра.", [("2026-05-14", "other", False)]),
    ],
)
def test_an_event_timed_to_another_is_the_event(seed, text, expected):
    assert proposals(text, "2027-01-19") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named by its event's word and its own: "the Conference Secretariat", "Steering Committee"
        ("Issued by the Conference Secretariat, Tallinn, 23 April 2019", []),
        ("16:00 Meeting of the Conference Steering Committee on 13 May.", [("2019-05-13", "meeting", False)]),
    ],
)
def test_an_events_body_named_after_its_word_is_no_event(seed, text, expected):
    assert proposals(text, "2019-04-23") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event's word after a delegation's is the delegation's origin: the delegation's visit is the event
        (
            "On 16–18 November, a delegation of the Kissinger Sommer festival visited the Philharmonic.",
            [("2016-11-16..2016-11-18", "visit", False)],
        ),
        (
            "16–18 ноября делегация международного джазового фестиваля посетила Минск.",
            [("2016-11-16..2016-11-18", "visit", False)],
        ),
        # a delegation visiting a festival, and a delegation on a visit
        ("16 ноября делегация посетила фестиваль.", [("2016-11-16", "visit", False)]),
        (
            "A delegation of analysts was on a working visit to Chisinau on 10–11 November.",
            [("2016-11-10..2016-11-11", "visit", False)],
        ),
    ],
)
def test_an_events_word_after_a_delegations_names_where_the_delegation_comes_from(seed, text, expected):
    assert proposals(text, "2016-12-01") == expected
