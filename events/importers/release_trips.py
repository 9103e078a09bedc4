"""Guests who are, travel or are expected somewhere ("will be in Minsk", "the mission travelled from Hanoi to Ho Chi
Minh City", "we expect a delegation from China in May"), missions and vote observers that travel ("an IAEA mission",
"observed the election") and visitors that do not ("visited by 40 thousand people"): the trips half of the
ReleaseReader's places (release_places.py)."""

from events.models import EventType

from .release_dates import at
from .release_kind_words import ROUND_TABLE
from .release_kinds import DELEGATIONS
from .release_words import GENERAL_TYPE, GUESTS, IN_WORDS, Token, is_clause_mark, is_number_comma

# Being or arriving somewhere, before "in"/"to" and a place: a visit ("will be in Minsk", "The delegation is in
# Ulaanbaatar from 30 May", "прибудет в Минск").
PRESENCE = {"be", "is", "are", "was", "were", "arrive", "arrives", "arrived", "arriving", "stay", "stays", "stayed",
            "быть", "побывать", "прибыть", "прибывать", "пребывать", "находиться"}  # fmt: skip
# Travelling to a place, said of a guest ("A delegation flies to Ulaanbaatar today", "Министр отправится в Токио"):
# a visit; of anything else ("exports went to China") none.
TRAVELLING = {"travel", "travels", "travelled", "traveled", "travelling", "traveling", "go", "goes", "went", "fly",
              "flies", "flew", "headed", "heading", "leave", "leaves", "left", "depart", "departs", "departed", "come",
              "comes", "came", "coming",
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
# Verbs of a guest's being in a place named after "in", known or not ("will be in Rock Island").
BEING = {"be", "is", "are", "was", "were", "arrive", "arrives", "arrived", "быть", "побывать", "прибыть", "находиться"}
IN_NAMED = {"in", "at", "в", "во"}
# Leading a delegation to a place is a visit: "the Rector will lead a delegation to Cairo and Alexandria".
LEADING = {"lead", "leads", "led", "leading"}
LED_WORDS = 5  # from the verb to "delegation": "will lead a government and business delegation to"
GUEST_BEFORE = 8  # how far before a verb of being or travelling its guest is looked for
# How long a phrase set off by commas between the guest and the verb may be: "a delegation of the association, with
# three descendants of French pilots of the regiment, travelled to Moscow".
SET_OFF_REACH = 16
GROUPS_OF_PEOPLE = {"expert", "working", "inspection", "monitoring", "экспертный", "рабочий", "инспекционный"}
# The writer's own body travelling, or its head speaking of a recent trip: "In March we travel to Hanoi", "I was in
# Mongolia from 29 October to 4 November" (not "In 2005 I was in Kenya for the first time": a memoir).
WE = {"we", "мы"}
MEET = {"meet", "встретиться", "встречаться"}
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


class TripReader:
    """Visits told by being, travelling and expecting; the ReleaseReader (release.py) gives the places used here."""

    def presence_visit(self, segment: list[Token], position: int) -> EventType | None:
        """The visit type when the word at position says someone is, arrives or travels in or to a place ("will be in
        Minsk", "flies to Ulaanbaatar"), or is expected in one ("we expect the Minister of Culture in Moscow", "ждём в
        Минске делегацию")."""
        word = self.lemma(segment[position])
        if segment[position].lower in LEADING and self.leads_delegation(segment, position):
            return self.type_for("visit")
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
            # a delegation awaited is a visit to us, wherever it comes from: "мы ждём делегацию центра Вьетнама"
            placed = placed or (guest is not None and word in EXPECTING and self.lemma(clause[guest]) in DELEGATIONS)
            return self.type_for("visit") if guest is not None and placed and not named and not owner else None
        before = segment[max(0, set_off(segment, position) - GUEST_BEFORE) : position]
        # in Russian, the traveller may follow the verb: "В октябре в Бишкек отправится группа специалистов"
        after = segment[position + 1 : position + 4] if self.language == "ru" else []
        after = after[: next((n for n in range(len(after)) if is_clause_mark(after, n)), len(after))]
        if (segment[position].lower in ("is", "are", "was", "were") or word == "быть" or travels) and (
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
        # (not a meeting the trip is for: "will travel to Tunis to meet women farmers' associations" is the visit)
        kinds = [self.kind_of(token)[0] for token in segment[position + 1 : clause_end] if token.lower not in MEET]
        if any(
            kind is not None and not kind.is_visit and kind.slug not in ("culture-days", GENERAL_TYPE) for kind in kinds
        ):
            return None
        pairs = zip(segment[position + 1 : clause_end], segment[position + 2 : clause_end], strict=False)
        if any((self.lemma(first), self.lemma(second)) in ROUND_TABLE for first, second in pairs):
            return None  # "я была в Берлине на круглом столе": the round table
        towards = IN_WORDS | {"for"} if segment[position].lower in FOR_PLACE else IN_WORDS  # "left for Tokyo"
        if self.place_in(segment, position + 1, towards):
            return self.type_for("visit")
        # a traveller's journey to a place by its name: "travelled to Chikwawa" (not "go to Sunday Mass")
        name = at(segment, position + 2)
        named = name.text[:1].isupper() and self.weekday(name) is None and self.month(name) is None
        if travels and at(segment, position + 1).lower in towards and named:
            return self.type_for("visit")
        # or a guest's being in one: "a delegation from Bochnia will be in Rock Island from May 24 to 27" (not "the
        # statue arrived in Rock Island", "a one-month stay in Valparaíso", "our team is at #ParisAirShow")
        guest = any(self.lemma(token) in TRAVELLERS for token in (*before, *after))
        # ("at" a place only of guests: "a government delegation will be at Vostochny", not "our team is at Le Bourget")
        if at(segment, position + 1).lower == "at":
            guest = any(self.lemma(token) in GUESTS for token in (*before, *after))
        if word in BEING and at(segment, position + 1).lower in IN_NAMED and named and guest:
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

    def leads_delegation(self, segment: list[Token], position: int) -> bool:
        """Whether "lead" at position leads a delegation to a place ("will lead a delegation to Cairo", "led a business
        delegation to Germany, France and Italy"), not "led the delegation at the talks"."""
        after = segment[position + 1 : position + 1 + LED_WORDS]
        k = next((k for k, token in enumerate(after) if token.lower in DELEGATIONS), None)
        if k is None or at(after, k + 1).lower != "to":
            return False
        # (not when the trip is for another event, as a trip's is: "lead our delegation to Hanoi for talks")
        clause_end = next((n for n in range(position + 1, len(segment)) if segment[n].text in ",;:("), len(segment))
        kinds = [self.kind_of(token)[0] for token in segment[position + k + 3 : clause_end]]
        if any(kind is not None and not kind.is_visit and kind.slug != GENERAL_TYPE for kind in kinds):
            return False
        return self.place_in(segment, position + k + 2, {"to"})

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
        return bool(self.countries_in(self.clause_tokens))

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


def set_off(tokens: list[Token], position: int) -> int:
    """Where the phrase set off by commas just before the word at position (or before its auxiliary) opens ("a
    delegation, led by the Deputy Minister, travelled", "…, will travel"), else the position."""
    end = position - 1 - (at(tokens, position - 1).text.islower() and at(tokens, position - 2).text == ",")
    if at(tokens, end).text != ",":
        return position
    return next((k for k in range(end - 1, max(-1, end - SET_OFF_REACH), -1) if tokens[k].text == ","), position)
