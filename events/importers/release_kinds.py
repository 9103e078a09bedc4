"""What kind of event a release's words name: the kinds half of the ReleaseReader.

A word names a type of the calendar when it is a word of the type's name in the release's language ("Forum",
"Дни культуры"), or an event noun or verb of release_kind_words.py ("consultations", "talks", "summit", "the
Council met", "переговоры", "заседание", "встретятся"). Each such word leads to the nearest type the calendar has:
its own type if an officer added one (a "summit" type), else the type of the same sort, else the general type, else
the first type that is not a visit: a named event is never dropped. Which dates are not events is
release_references.py's.
"""

import re

from events.models import Event, EventType

from . import release_programmes as programmes
from .release_arts import ArtsReader
from .release_dates import Mention, at
from .release_frames import (
    BODIES,
    FRAME_STOPS,
    counted_from,
    dedicated_to,
    framed,
    meets_for,
    owned,
    round_of_talks,
    timed_to,
)
from .release_kind_words import COMPOUNDS, GENERAL_KINDS, KINDS, ROUND_TABLE, WEEKS, WORD_PREFIXES, kind_words
from .release_named import NAMED_HEADS, NamedReader
from .release_press import PressReader
from .release_words import (
    ARTICLES,
    GENERAL_TYPE,
    GUESTS,
    OCCURRING,
    OFFSETS,
    TOKEN,
    Token,
    is_clause_mark,
    word_before,
)

OWNER_RANK = 2  # an event's word that only owns another, a day or people (release_frames.owned) ranks after any other
# The words "today's", "yesterday's" may own before their event's word, and the words that end the phrase first.
POSSESSED_WORDS = 6
PHRASE_ENDS = {"at", "in", "on", "for", "with", "by", "to", "from", "was", "were", "is", "are", "will", "has", "have"}
# An English name of two words written as one, its last capitalised: "BuildExpo" (an expo); a company's when one of
# COMPANIES follows it ("SoftExpo LLC").
CAMEL_TAIL = re.compile(r"(?<=[a-z])[A-Z][a-z]+$")
COMPANIES = {"ltd", "llc", "inc", "corp", "group", "gmbh", "jsc", "plc", "co", "company", "limited", "holding"}
# Prepositions that put an event after them as a meeting's topic, not its host: "совещание с экспортерами по
# подготовке к выставке".
TOPIC_PREPOSITIONS = {"к", "о", "об", "для", "про"}  # not "по": "заседание по цифровой трансформации форума"
# Words of a course that is taught or made available, not held: "an online course will be available".
UNHELD_COURSES = {"online", "available", "portal", "school", "schools", "онлайн", "дистанционный", "доступный",
                  "вводиться", "портал", "школа"}  # fmt: skip
# Words before a video conference that make it the way something was done: "by videoconference", "в режиме".
MANNER = {"by", "via", "through", "режим", "формат"}
# "…, when the President was in Russia on a state visit", "…, в ходе визита": a visit the talks were held during.
WHEN = {"when", "during", "когда", "ходе"}
TOPIC_OF_TALKS = {"agree", "agreed", "discuss", "discussed", "dates", "upcoming", "prepare", "preparation", "next",
                  "договориться", "обсудить", "обсуждаться", "подготовка", "предстоящий", "следующий", "график",
                  "сроки"}  # fmt: skip
RELATIVES = {"which", "которой", "которых", "которого", "который"}
WHEN_DISTANCE = 12
# "приём граждан", "приём документов": an office's hours or intake, not a reception.
OFFICE_HOURS = {"посетитель", "гражданин", "заявление", "документ", "заявитель", "граждан", "осуществляться",
                "вестись", "производиться", "время", "заявка", "анкета", "работа", "предложение"}  # fmt: skip
OFFICE_HOURS_BEFORE = {"запись", "время", "часы"}
# "received the Ambassador", "принял посла": a meeting (not "received an award", "принял закон", "принял участие").
RECEIVING = {"receive", "receives", "received", "receiving", "принять", "принимать"}
GUEST_DISTANCE = 5
HOSTING = {"host", "hosts", "hosted", "hosting"}
# Words before "Assembly" that name a body, not its meeting: a parliament, the UN's General Assembly.
ASSEMBLIES = {"national", "parliamentary", "interparliamentary", "baltic", "legislative", "constituent", "people's",
              "un", "nations", "state", "republican", "president", "speaker", "chairman", "chair",
              "federal"}  # fmt: skip
ASSEMBLY_KINDS = {"general", "annual", "spring", "autumn", "extraordinary", "plenary", "ordinary", "statutory"}
# "In May we welcomed a delegation from Japan": hosted (not "Welcome coffee for heads of delegations", nor "Welcoming
# the delegation, the Chair noted that …", an aside)
WELCOMING = {"welcome", "welcomes", "welcomed"}
DELEGATIONS = {"delegation", "delegations", "делегация"}
PART_TAKEN = {"part", "участие"}  # "примут участие руководители": taking part, not receiving them
# How far after a session's word the event it is part of may be named.
HOST_DISTANCE = 9
# Words that count days ("two days later", "через несколько дней"), and words after days that make them a stretch of
# time ("two days later", "a few days ago").
DAY_COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
              "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "few",
              "several", "couple", "many", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять",
              "десять", "несколько", "пара"}  # fmt: skip
# "в остальные дни", "в праздничные дни": days of the calendar, not culture days.
WHICH_DAYS = {"остальной", "другой", "этот", "тот", "праздничный", "выходной", "рабочий", "ближайший", "иной",
              "последний", "первый", "these", "those", "both", "public", "working", "such", "opening", "closing",
              "first", "last", "final", "few", "several", "coming", "recent", "preview"}  # fmt: skip
LATER = (OFFSETS - {"до", "после"}) | {"подряд"}  # "two days later", "три дня подряд"
# Whom a call is paid on ("called on the Prime Minister", "calls on the Commander"), and how far its clause is read.
CALLED = GUESTS | {"commander", "chief", "king", "queen", "majesty", "highness", "excellency", "sultan", "emir",
                   "prince", "commissioner", "premier", "president"}  # fmt: skip
CALLED_WORDS = 10
# Members a body is a conference of: "the Conference of Heads of Government", "the Conference of the Parties".
MEMBERS = {"heads", "parties", "ministers", "states", "governments", "members", "presidents", "leaders"}
MEMBERS_RU = {"глава", "сторона", "министр", "государство", "правительство", "член", "президент", "лидер"}
# What is met that is no meeting: "meets all the design parameters", "met the deadline".
MET = {"requirements", "requirement", "standards", "standard", "criteria", "parameters", "needs", "demand", "demands",
       "expectations", "conditions", "targets", "target", "deadline", "deadlines", "goals", "obligations",
       "costs", "date", "dates", "schedule"}  # fmt: skip
# Words before a topic: an event word after them names what something is about.
TOPIC_WORDS = {"about", "о", "об", "обо"}
# Verbs of an event's happening, read in a relative clause: "которая работала с 1 по 10 апреля".
HAPPENING = OCCURRING | {"работать"}


class KindReader(ArtsReader, PressReader, NamedReader):
    """Event words and non-events of a sentence; the ReleaseReader (release.py) sets up the state used here."""

    def type_for(self, kind: str) -> EventType | None:
        """The calendar's type nearest to a sort of event: its own, else the sort's, else the general one..."""
        by_slug = {event_type.slug: event_type for event_type in self.types}
        for slug in (kind, *KINDS[kind][0], GENERAL_TYPE):
            if slug in by_slug:
                return by_slug[slug]
        if kind == "visit":
            return None
        return next((event_type for event_type in self.types if not event_type.is_visit), None)

    def blocks_frame(self, token: Token) -> bool:
        """Whether a word ends the name a frame word is followed by: another event's word, a verb, a preposition."""
        # and a Russian verb or common noun: "в рамках цикла лекций" (a lecture of the series is the event)
        verb = self.language == "ru" and self.morphology.analysis(token.lower)[1] in ("VERB", "INFN", "NOUN")
        verb = verb and token.text.islower()
        return token.lower in FRAME_STOPS or verb or self.kind_of(token)[0] is not None

    def happens(self, token: Token) -> bool:
        """Whether a word is a verb of an event's happening ("held", "пройти", "открываться")."""
        return token.lower in OCCURRING or self.lemma(token) in HAPPENING

    def words_of_type(self, kind: EventType) -> set[str]:
        """The words that name a type: its name's head noun (the last word of an English name, the first of a Russian
        one: "Culture days", "Дни культуры"; "culture" alone, as in "the Ministry of Culture", names no event)."""
        name = getattr(kind, f"name_{self.language}") or kind.name_en or ""
        parts = [part for part in TOKEN.findall(name) if part[:1].isalpha()]
        head = parts[-1:] if self.language == "en" else parts[:1]
        words = {self.morphology.lemma(part, self.language) for part in head}
        return words | {form + "s" for form in words} | {kind.slug}

    def kind_of(self, token: Token) -> tuple[EventType | None, bool]:
        """The type a word names, and whether it names it only in general ("event", "мероприятие")."""
        if not token.text[:1].isalpha():
            return None, False
        word = self.lemma(token)
        # A Russian word's number is part of the key: "со дня" names no event, "Дни культуры" do.
        key = (word, self.morphology.analysis(token.lower)[3]) if self.language == "ru" else word
        if key not in self.kinds_seen:
            found: tuple[EventType | None, bool] = (None, False)
            for event_type in self.types:
                if word in self.type_words[event_type.pk] and len(word) > 3 and self.same_number(token, event_type):
                    found = (event_type, False)
                    break
            else:
                # "медиафорум", "бизнес-форум" read as one word: the kind of its last part
                prefix = next((p for p in WORD_PREFIXES if word.startswith(p) and len(word) > len(p) + 3), "")
                if self.language == "en" and (camel := CAMEL_TAIL.search(token.text)):
                    prefix = word[: camel.start()]  # "BuildExpo", "TechForum": its last capitalised part is the word
                rest = word[len(prefix) :].lstrip("-")
                kind = kind_words(self.language).get(word) or (kind_words(self.language).get(rest) if prefix else None)
                typed = next((t for t in self.types if prefix and rest in self.type_words[t.pk]), None)
                if kind is not None:
                    found = (self.type_for(kind), kind in GENERAL_KINDS)
                elif typed is not None:
                    found = (typed, False)
            self.kinds_seen[key] = found
        return self.kinds_seen[key]

    def names_event(self, tokens: list[Token], k: int) -> bool:
        """Whether the words from token k name an event before a word that ends their phrase ("bilateral talks",
        "high-level meeting", "opening of the exhibition"; not "resolutions at the … Conference")."""
        for token in tokens[k : k + POSSESSED_WORDS]:
            if self.kind_of(token)[0] is not None:
                return True
            if token.lower in PHRASE_ENDS or token.text in (",", ".", ";", ":"):
                return False
        return False

    def plural(self, token: Token) -> bool:
        if self.language == "ru":
            return self.morphology.analysis(token.lower)[3] == "plur"
        return token.lower.endswith("s")

    def many(self, segment: list[Token], position: int) -> bool:
        """Whether the word is plural, or its adjective is ("Основные мероприятия": "мероприятия" alone reads as a
        singular's genitive)."""
        if self.plural(segment[position]):
            return True
        # Only a visit's main ones: "Праздничные мероприятия прошли 9 мая" is one commemoration.
        return bool(position) and self.lemma(segment[position - 1]) in ("основной", "главный")

    def same_number(self, token: Token, event_type: EventType) -> bool:
        """Whether a Russian word is plural if its type's name is: "Дни культуры" are not "День России"."""
        if self.language != "ru":
            return True
        name = event_type.name_ru or ""
        plural_name = any(self.morphology.analysis(word.lower())[3] == "plur" for word in name.split()[:1])
        return not plural_name or self.morphology.analysis(token.lower)[3] == "plur"

    def visit_when(self, tokens: list[Token], mention: Mention, following: int) -> tuple[EventType, int] | None:
        """ "the talks in Moscow last November, when the President was in Russia on a state visit", "a meeting in the
        autumn, when he will make a state visit": talks told with the visit they were held during; the visit is the
        event (its type and where its word is)."""
        window = tokens[mention.end : min(following, mention.end + WHEN_DISTANCE)]
        for k, token in enumerate(window):
            if token.lower in WHEN:
                clause = window[k + 1 : k + 1 + WHEN_DISTANCE]
                kind, word_at = self.event_type(clause, nearest_last=False)
                # Its setting ("when the President was in Russia on a state visit"), not its topic ("when they agreed
                # on the dates of the upcoming visit", "в ходе которой обсуждалась подготовка к визиту").
                topic = {self.lemma(t) for t in clause[:word_at]} & TOPIC_OF_TALKS or at(clause, 0).lower in RELATIVES
                return (
                    (kind, mention.end + k + 1 + word_at) if kind is not None and kind.is_visit and not topic else None
                )
        return None

    def event_type(self, segment: list[Token], *, nearest_last: bool) -> tuple[EventType | None, int]:
        """The type a word of the segment names, the one nearest to the date; a specific word before a general one."""
        self.work["type words"] += len(segment)
        best, best_rank = (None, -1), None
        for position, token in enumerate(segment):
            if token.lower in ("round", "rounds") and not round_of_talks(segment, position):
                continue  # "a round table" (a conference, read at "table"), "all year round"
            kind, general = self.kind_of(token)
            if general and self.lemma(token) in ("event", "events", "мероприятие") and self.many(segment, position):
                continue  # "Анонс мероприятий на неделю", "a week of events": many events, not one
            before = word_before(segment, position)  # "бизнес-миссия"
            # "a press conference will be held on 12 August": an event of the general type (COMPOUNDS), not a forum;
            # one told with another event is that one's ("held a joint press conference at the close of the Summit")
            press = (kind is not None or token.lower in ("briefing", "briefings")) and self.press_conference(
                segment, position
            )
            if press and self.closes_other(segment, position):
                continue  # "По итогам переговоров — пресс-конференция", "a press conference after the talks": theirs
            two_words = at(segment, before).lower in ("video", "видео")  # "via video conference"
            video = token.lower.startswith(("video", "видео")) or two_words
            means = at(segment, before - two_words)
            if kind is not None and video and self.lemma(means) in MANNER:
                continue  # "signed by videoconference", "via video conference", "в режиме видеоконференции": how
            if kind == self.type_for("conference") and position and segment[before].lower in ("video", "видео"):
                kind = self.type_for("meeting")  # "a video conference with the Authority": a meeting held online
            if kind is None and before > 1 and segment[before - 1].lower in ("and", "и", "&"):
                before -= 2  # "a trade and investment mission", "торговая и инвестиционная миссия"
            # "open days" are no culture days; "Open days of Uzbek culture" are
            of_culture = token.lower == "days" and at(segment, position + 1).lower == "of"
            if position and (self.lemma(segment[before]), self.lemma(token)) in COMPOUNDS and not of_culture:
                compound = COMPOUNDS[self.lemma(segment[before]), self.lemma(token)]
                kind, general = self.type_for(compound), compound == GENERAL_TYPE  # "Фестиваль … реконструкции"
                if self.unheld(segment, position):
                    continue  # "an online training course will be available", "open day and night"
            if kind is None and (edition := programmes.edition_of(segment, position, self)) is not None:
                kind, general = edition, edition.slug == GENERAL_TYPE  # "The previous edition, held in May 2014"
            if kind is None and (self.mission_to(segment, position) or self.observes_vote(segment, position)):
                kind = self.type_for("visit")
            if kind is None and self.performance(segment, position):
                # "the Ensemble will perform at the Opera House", "выступит хор" (unless the event performed at is
                # named: "выступил на Рождественском фестивале"), "Вечер российского джаза", "балет «Щелкунчик»"
                kind, general = self.type_for("concert"), True
            if kind is None and self.lemma(token) in RECEIVING and at(segment, position + 1).lower not in PART_TAKEN:
                kind = self.type_for("meeting") if self.guests(segment, position, GUESTS) else None
            if kind is None and token.lower in ("call", "calls", "called") and self.calls_on(segment, position):
                kind = self.type_for("meeting")  # "called on the Deputy Commander of the Baltic Fleet on 23 July"
            if kind is None and (self.lemma(token) in HOSTING or token.text in WELCOMING):
                # "will host a delegation from Henan": its visit (not "hosted the Ambassador at a reception")
                kind = self.type_for("visit") if self.guests(segment, position, DELEGATIONS) else None
            word_at = position
            week = WEEKS.get(self.lemma(at(segment, position + 2))) if self.lemma(token) == "неделя" else None
            if kind is None and week:  # "провёл Неделю китайской культуры", "Неделя французского кино"
                kind = self.type_for(week)
            if kind is None and position and (self.lemma(segment[before]), self.lemma(token)) in ROUND_TABLE:
                kind, word_at = self.type_for("conference"), before  # "round table", "Round-table"
            if kind is None and token.text in NAMED_HEADS and self.ends_name(segment, position, before):
                # "the Silk Road Cycling Tour will be held", "the ASK Show runs"
                kind = self.type_for(NAMED_HEADS[token.text])
                general = kind is not None and kind.slug == GENERAL_TYPE
            if kind is None and self.named_games(segment, position):
                kind, general = self.type_for(GENERAL_TYPE), True  # "the III CIS Games", "the Night of Museums"
            if kind is None:
                kind = self.presence_visit(segment, position)
            if kind is None or {at.lower for at in segment[max(0, position - 2) : position]} & TOPIC_WORDS:
                continue
            if dedicated_to(segment, position, self):
                continue  # "Пресс-конференция, посвящённая итогам фестиваля": the festival is its topic
            if timed_to(segment, position, self):
                continue  # "подготовленная к конференции": the exhibition is the event, not the conference
            if token.lower in ("consultation", "consultations") and at(segment, position - 1).lower == "public":
                continue  # "the public consultation on the draft Guidelines": a period for comments, no talks
            if token.lower == "assembly" and not self.assembly_meets(segment, position):
                continue  # "the National Assembly", "the General Assembly of the United Nations": a parliament, a
                # body, not its meeting; "the assembly of the satellite": a plant's work
            if CAMEL_TAIL.search(token.text) and at(segment, position + 1).lower in COMPANIES:
                continue  # "SoftExpo LLC": a company's name
            if self.lemma(token) in ("финал", "парад") and self.not_held(segment, position):
                continue  # "в финале переговоров" (the talks), "хит-параде", "парад планет"
            if token.lower in ("meet", "meets", "met") and self.met_no_meeting(segment, position):
                continue  # "the structure meets all the design parameters": requirements met, no meeting
            if self.lemma(token) in ("conference", "конференция") and self.body_of_members(segment, position):
                continue  # "the Regular Meeting of the Conference of Heads of Government": a body, its meeting held
            if token.lower == "visiting" and at(segment, position - 1).lower in ARTICLES:
                continue  # "a reception for the visiting companies": who the guests are, not their visit
            if self.lemma(token) == "пребывание" and not self.guests_stay(segment, position):
                continue  # "пребывание (малайзийской) делегации" is a visit; "режим пребывания", "сроки пребывания"
            if self.lemma(token) == "встреча" and position and segment[position - 1].lower == "до" and position <= 3:
                continue  # "Спасибо, до встречи на следующей неделе": a farewell
            # "приём посетителей", "приём осуществляется"; "запись на приём", "время приёма"
            hours = self.lemma(at(segment, position + 1)) in OFFICE_HOURS or self.lemma(at(segment, position - 1)) in (
                OFFICE_HOURS_BEFORE
            )
            if self.lemma(token) in ("приём", "прием") and hours:
                continue  # "приём посетителей не ведётся": a consulate's office hours, not a reception
            if counted_from(segment, position):
                continue  # "25 лет со дня подписания Договора": the day the years count from
            if meets_for(segment, position, self):
                continue  # "met for a seminar", "the Congress, which meets": the seminar, the Congress is the event
            if self.counts_days(segment, position):
                continue  # "Two days later", "через несколько дней": a stretch of time, not culture days
            if framed(segment, position, self):
                continue  # "в рамках форума 16 мая состоится заседание": the session is the event, not the forum
            if self.heads_name(segment, position) or self.names_other(segment, position):
                continue  # "the International Culture Fair" (a fair); "the Exhibition Centre"; "900 consultations"
            if kind.is_visit and self.counts_visitors(segment, position):
                continue  # "an agreement on visa-free trips", "соглашение о поездках": a topic, not an event
            distance = len(segment) - position if nearest_last else position
            # "the festival's awards ceremony", "a delegation of the festival": the ceremony, the guests, unless
            # nothing else is named ("The exhibition's opening day, 14 May, will feature a tour")
            owner = owned(segment, position, self)
            rank = (OWNER_RANK if owner else int(general), distance)
            if best_rank is None or rank < best_rank:
                best, best_rank = (kind, word_at), rank
        return self.hosting_event(segment, *best)

    def calls_on(self, segment: list[Token], position: int) -> bool:
        """Whether "called on" at position is a call paid on a person ("called on His Majesty the King", "calls on
        the Commander of the Base"), not an appeal ("called on the governments to adopt", "call on schools")."""
        if at(segment, position + 1).lower != "on":
            return False
        after = segment[position + 2 : position + 2 + CALLED_WORDS]
        if any(token.lower == "to" and at(after, k + 1).text.islower() for k, token in enumerate(after)):
            return False  # "to adopt", "to pause": what is asked of them
        return any(self.lemma(token) in CALLED or token.lower in CALLED for token in after[:GUEST_DISTANCE])

    def not_held(self, segment: list[Token], position: int) -> bool:
        """Whether a final or a parade names none held: the end of another event ("в финале переговоров", "in the
        final of the talks"), part of a word ("хит-параде"), the planets' parade."""
        parade = self.lemma(segment[position]) == "парад"
        if parade and (at(segment, position - 1).text == "-" or self.lemma(at(segment, position + 1)) == "планета"):
            return True
        return self.names_event(segment, position + 1)

    @staticmethod
    def met_no_meeting(segment: list[Token], position: int) -> bool:
        """Whether "met" has for its object what is met and no one met: "meets all the design parameters"."""
        return bool({token.lower for token in segment[position + 1 : position + 5]} & MET)

    def guests_stay(self, segment: list[Token], position: int) -> bool:
        """Whether a stay is guests', one word between: "пребывание (малайзийской) делегации"."""
        return bool({self.lemma(at(segment, position + k)) for k in (1, 2)} & GUESTS)

    def body_of_members(self, segment: list[Token], k: int) -> bool:
        """Whether a conference at k is a body whose meeting is told just before it ("the Regular Meeting of the
        Conference of Heads of Government", "Заседание Конференции сторон")."""
        held = any(self.kind_of(t)[0] == self.type_for("meeting") for t in segment[max(0, k - 3) : k])
        return held and self.of_members(segment, k)

    def of_members(self, segment: list[Token], k: int) -> bool:
        """Whether a conference at k is a body of members: "the Conference of Heads of Government", "of the
        Parties"."""
        if self.language == "ru":  # "Конференции глав правительств", "Конференции сторон"
            return self.lemma(at(segment, k + 1)) in MEMBERS_RU
        return at(segment, k + 1).lower == "of" and bool({at(segment, k + n).lower for n in (2, 3)} & MEMBERS)

    def assembly_meets(self, segment: list[Token], position: int) -> bool:
        """Whether "assembly" names a meeting of members: "the Association's General Assembly", "the spring assembly
        of the council" (a lower-case one only after a word of its kind); not a parliament ("the National Assembly",
        "the Assembly of the Republic", "the President of the Assembly"), the UN's, nor a thing's assembly."""
        found = self.sentence_index(segment[position])  # the words before the segment's too
        segment, position = (self.clause_tokens, found) if found is not None else (segment, position)
        before = [t.lower for t in segment[max(0, position - 3) : position]]
        after = {t.lower for t in segment[position + 1 : position + 5]}
        if set(before) & ASSEMBLIES or after & {"nations", "republic"}:
            return False
        return segment[position].text[:1].isupper() or (bool(before[-1:]) and before[-1] in ASSEMBLY_KINDS)

    def several_meetings(self, named: tuple) -> bool:
        """Whether a title names meetings, several events ("Minister to attend meetings of the EU Council and …")."""
        kind, keyword_at, tokens = named
        return kind == self.type_for("meeting") and self.plural(tokens[keyword_at])

    def hosts_delegation(self, segment: list[Token], position: int, mention: Mention) -> bool:
        """Whether a delegation received over days or a month is a visit hosted ("4–6 декабря Центризбирком принимал
        делегацию", "In July we received a delegation of the tax department"), not a meeting of a day."""
        one_day = mention.precision == Event.Precision.DAY and mention.start == mention.last
        if one_day or self.lemma(segment[position]) not in RECEIVING:
            return False
        if any(self.kind_of(token)[0] is not None for token in self.clause_tokens):
            return False  # "On the sidelines of the Forum held on 8–10 July, the Minister received…": the forum's days
        return self.guests(segment, position, DELEGATIONS)

    def guests(self, segment: list[Token], position: int, words: set[str]) -> bool:
        """Whether the verb of receiving or hosting at position has guests of these words after it (past an aside
        set off by commas: "we will welcome, for the first time, a delegation")."""
        start = position + 1
        if at(segment, start).text == ",":
            start = next(
                (k + 1 for k in range(start + 1, start + GUEST_DISTANCE + 3) if at(segment, k).text == ","), start
            )
        return any(self.lemma(token) in words for token in segment[start : start + GUEST_DISTANCE])

    def unheld(self, segment: list[Token], position: int) -> bool:
        """Whether a word of two that name an event names none here: a course made available or taught ("a new
        online training course will be available", "в школах вводится учебный курс"), "open day and night"."""
        pair = (self.lemma(at(segment, position - 1)), self.lemma(segment[position]))
        if pair not in COMPOUNDS:
            return False
        if pair[1] == "opening":  # "the official opening of the Forum": the Forum's; "grand opening hours"
            return self.names_event(segment, position + 1) or at(segment, position + 1).lower in ("hours", "times")
        if pair[1] in ("day", "days"):
            return at(segment, position + 1).lower == "and" or at(segment, position - 2).lower in ("be", "is", "are")
        words = {self.lemma(token) for token in segment}
        return pair[1] in ("course", "courses", "курс") and bool(words & UNHELD_COURSES)

    def counts_days(self, segment: list[Token], position: int) -> bool:
        """Whether "days" at a position count time: after a number ("two days", "3 дня"), before "later", "ago";
        "в дни каникул", "за дни выставки" (not "в Дни культуры")."""
        if self.lemma(segment[position]) not in ("day", "days", "день"):
            return False
        before = segment[position - 1] if position else Token("", 0, 0)
        after = segment[position + 1].lower if position + 1 < len(segment) else ""
        lower = segment[position].text.islower()  # "в дни каникул", "on these days" (not "Days of Culture")
        during = lower and (before.lower in ("в", "во", "за") or self.lemma(before) in WHICH_DAYS)
        return before.text.isdigit() or self.lemma(before) in DAY_COUNTS or after in LATER or during

    def hosting_event(self, segment: list[Token], kind: EventType | None, word_at: int) -> tuple:
        """The forum, conference, festival or exhibition a session or meeting is part of, when the words name it
        ("the plenary session of the Business Forum", "пленарное заседание молодёжного форума"); else as found."""
        if kind is None or kind != self.type_for("meeting"):
            return kind, word_at
        hosts = {self.type_for(name) for name in ("conference", "festival", "exhibition")}
        linked = self.language == "ru"
        for k in range(word_at + 1, min(len(segment), word_at + HOST_DISTANCE)):
            if is_clause_mark(segment, k) or (self.language == "ru" and segment[k].lower in TOPIC_PREPOSITIONS):
                break  # "совещание с экспортерами по подготовке к выставке": the exhibition is its topic
            if self.lemma(segment[k]) in BODIES:
                break  # "заседание оргкомитета конференции": the committee's meeting
            linked = linked or segment[k].lower == "of"
            host, _general = self.kind_of(segment[k])
            # "Conference Steering Committee", "MegaFair Ltd": a body, a company; "the Conference of Heads of
            # Government", "the Conference of the Parties": a body of members
            body = {at(segment, k + 1).lower, at(segment, k + 2).lower} & (BODIES | COMPANIES)
            body = body or self.of_members(segment, k)
            if linked and host in hosts and not body and not owned(segment, k, self):  # "с гостями фестиваля"
                return host, k
        return kind, word_at

    def year_of_anniversary(self, mention, word: Token) -> bool:
        """Whether a year is only the one an anniversary falls in ("This year marks the 75th anniversary"): the
        anniversary is celebrated on a day or in a month, which the text gives if it is an event."""
        return (
            mention.precision == "year" and self.lemma(word) in KINDS["anniversary"][1 if self.language == "en" else 2]
        )

    def clause_words(self, tokens: list[Token], i: int) -> set[str]:
        """The dictionary forms of the clause (between commas, dashes, brackets...) that holds token i."""

        def lemmas(low: int, high: int) -> set[str]:
            return {self.lemma(token) for token in tokens[low:high]}

        return self.per_clause(i, lemmas)

    def sentence_words(self, tokens: list[Token]) -> set[str]:
        if self.sentence_lemmas is None:
            self.sentence_lemmas = {self.lemma(token) for token in tokens} | {token.lower for token in tokens}
        return self.sentence_lemmas
