"""What the drafter's rules for programmes, trips and postponements must not do on ordinary text (a review's cases):
take a topic for a deadline, move a past day to next year, retype later events, carry a heading, an end, a move or a
"next" past their own text, count days from any date, read plural weekdays or an acronym as an event's date; and
drafting stays linear in the text's length."""

import datetime as dt
from collections import Counter

import pytest

from events.importers.release import propose
from events.importers.release_words import Morphology

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 3, 10)  # a Tuesday


def proposals(text: str) -> list[tuple[str, str, bool]]:
    return [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word of what is due names a deadline only with "until" or "closes".
        ("A conference on the application of international law will be held on 12 May.",
         [("2026-05-12", "forum", False)]),
        ("Registration of participants opens at 9:00, and the forum will open on 12 May.",
         [("2026-05-12", "forum", False)]),
        ("Семинар по вопросам государственной регистрации недвижимости пройдёт 12 мая.",
         [("2026-05-12", "forum", False)]),
        # The day a move was made is past; "was to be" is past too.
        ("On 2 March, the organisers postponed the forum.", [("2026-03-02", "forum", False)]),
        ("2 марта организаторы отложили форум.", [("2026-03-02", "forum", False)]),
        ("On Monday, the ministry postponed the consultations.", [("2026-03-09", "meeting", False)]),
        ("The treaty was to be signed on 25 February, but was not.", [("2026-02-25", "signing", False)]),
        # "previously" and "moved on" change no event's type.
        ("As previously reported, the minister will open the exhibition on 5 May and hold talks with the mayor on "
         "6 May.",
         [("2026-05-05", "exhibition", False), ("2026-05-06", "meeting", False)]),
        ("The delegation moved on to Kazan; the forum will open there on 12 May and the exhibition on 13 May.",
         [("2026-05-12", "forum", False), ("2026-05-13", "exhibition", False)]),
        # A heading's day is its list's, not the rest of the release's.
        ("Monday, 16 March\nTalks with the Foreign Minister.\n\nThe ministers previously met in 2025. The treaty was "
         "signed on 24 May 2013.", [("2026-03-16", "meeting", False), ("2025", "meeting", False),
                                    ("2013-05-24", "signing", True)]),
        # An end without the event's word ends an event that runs, not talks.
        ("On 5 March the ministers held talks. The exhibition will run until 14 March.",
         [("2026-03-05", "meeting", False), ("2026-03-14", "exhibition", False)]),
        # A move is carried to the next sentence only, and only to a date to come.
        ("The forum, originally scheduled for 5 May, has been postponed. The organisers apologise. The decision was "
         "announced on 3 March.", [("2026-05-05", "forum", True)]),
        # A move in another clause, "previously" alone, a plan without a move, another event's move: no move.
        ("Выставка, перенесённая из-за пандемии, пройдёт с 5 по 7 мая.",
         [("2026-05-05..2026-05-07", "exhibition", False)]),
        ("The forum, moved to a new venue, will take place from 5 May to 7 May.",
         [("2026-05-05..2026-05-07", "forum", False)]),
        ("The ministers previously met on 3 March.", [("2026-03-03", "meeting", False)]),
        ("Форум, ранее запланированный на 5 мая, пройдёт в Минске.", [("2026-05-05", "forum", False)]),
        ("The forum scheduled for 5 May will go ahead, while the concert was postponed.",
         [("2026-05-05", "forum", False)]),
        # A range holding a day takes its event only when it starts or ends on it.
        ("Talks were held on 9 March, while the campaign running from 1 to 31 March continues.",
         [("2026-03-09", "meeting", False)]),
        # "next" before its own noun names no next event.
        ("The meeting took place on 5 March, following the publication of the report on 2 March.",
         [("2026-03-05", "meeting", False)]),
        ("Форум прошёл 3 марта, а в следующем году, 15 мая, вступит в силу соглашение.",
         [("2026-03-03", "forum", False)]),
        ("The forum opened on 3 March; the next report of the secretariat is due on 30 June.",
         [("2026-03-03", "forum", False)]),
        # Days are counted from an arrival or an event's first day only.
        ("Протесты продолжаются второй день подряд, сообщил министр на заседании.", []),
        ("Every second day the organisers hold a meeting.", []),
        ("The agreement was signed on 3 March.\n\nThe second day of the exhibition was devoted to crafts.",
         [("2026-03-03", "signing", False)]),
        ("The first day of spring was marked by a festival.", [("2026-03..2026-05", "festival", False)]),
        # Plural weekdays, acronyms after "hold", a dateline without a comma.
        ("Приём граждан в посольстве проводится по понедельникам.", []),
        ("Выставка работает по средам и пятницам.", []),
        ("Russia holds BRICS chairmanship in 2026.", []),
        ("The embassy hosted UNESCO experts on 7 July.", []),
        ("MINSK 10 March – The forum opened today.", [("2026-03-10", "forum", False)]),
    ],
)  # fmt: skip
def test_the_rules_keep_to_their_own_text(seed, text, expected):
    assert proposals(text) == expected


@pytest.mark.parametrize(
    "unit",
    ["the forum on 5 May and ", "talks on Monday and ", "форум 5 мая, который планировалось провести и "],
)
def test_a_sentence_of_thousands_of_dates_is_read_with_bounded_work_per_date(seed, unit):
    """Work, not time: the words read for each date's tense and plan stay bounded, so a 100,000-character sentence
    reads in time linear in its length."""
    short, long = Counter(), Counter()
    propose(unit * 100, published=PUBLISHED, work=short)
    propose(unit * 1000, published=PUBLISHED, work=long)

    assert long["tense words"] <= 10 * short["tense words"] + 100
    assert long["plan words"] <= 10 * short["plan words"] + 100


class CountingMorphology(Morphology):
    """pymorphy3's morphology, counting each time a word's dictionary form is asked for (its cache answers most)."""

    def __init__(self):
        super().__init__()
        self.asked = 0
        cached = self.lemma

        def lemma(word: str, language: str) -> str:
            self.asked += 1
            return cached(word, language)

        self.lemma = lemma


@pytest.mark.parametrize(
    "unit",
    [
        "the forum on 5 May and ",
        "talks on Monday and ",
        "форум 5 мая, который планировалось провести и ",
        "the Treaty of 5 May 1990 and the forum on 6 May and ",
        "Выставка открылась 5 мая и ",
    ],
)
def test_a_sentence_of_thousands_of_dates_has_each_word_read_a_bounded_number_of_times(seed, unit):
    """Work, not time: ten times the dates, at most about ten times the words read, however many dates share a
    clause; each clause's and sentence's questions (whether it names only a signing, who made a statement in it) are
    answered once, not once per date."""
    work = []
    for repeats in (100, 1000):
        morphology = CountingMorphology()
        propose(unit * repeats, published=PUBLISHED, morphology=morphology)
        work.append(morphology.asked)

    assert work[0] > 0
    assert work[1] <= 12 * work[0]


def test_each_date_after_a_topic_reads_a_bounded_number_of_words_for_its_event(seed):
    """The sentence before names an event, so each date might take it as the topic of a pronoun ("It will take place
    on…"): whether the date's clause is led by one is asked of the first date only, not of every date's clause."""
    short, long = Counter(), Counter()
    for repeats, work in ((10, short), (100, long)):  # under the 200 proposals a release may give
        text = "The forum opened in Minsk. It will take place on 5 May and " + "the forum on 6 May and " * repeats
        propose(text, published=PUBLISHED, work=work)

    assert short["type words"] > 0
    assert long["type words"] <= 10 * short["type words"] + 100
