"""What kind of event a release's words name, and which dates are not events: the kinds half of the ReleaseReader.

A word names a type of the calendar when it is a word of the type's name in the release's language ("Forum",
"Дни культуры"), or an event noun or verb of the grammar below ("consultations", "talks", "summit", "the Council
met", "переговоры", "заседание", "встретятся"). Each such word leads to the nearest type the calendar has: its own
type if an officer added one (a "summit" type), else the type of the same sort, else the general type, else the
first type that is not a visit: a named event is never dropped.

Dates that are not events: the date of a treaty or another document ("the Treaty of 25 May 1993", "Договор от
25 мая 1993 года", "the agreement signed on 25 May 1993"), the day an anniversary counts from ("the 80th
anniversary of the lifting of the siege (27 January 1944)", "лет со дня"), a birthday ("born on 5 May 1840").
"""

import functools
import itertools

from django.utils.translation import gettext_lazy as _

from events.models import EventType

from .release_dates import Mention, at
from .release_words import CREATED, FRAME_STOPS, GUESTS, OFFSETS, Token, framed, is_clause_mark, is_number_comma

# The slug of the general type ("Other event"). TODO: the slug the vocabulary's migration gives it.
GENERAL_TYPE = "other"
# Each sort of event: the types it leads to, nearest first; its English word forms; its Russian dictionary forms.
KINDS = {
    "visit": (("visit",), {"visit", "visits", "visited", "visiting", "trip", "trips"},
              {"визит", "поездка", "посетить", "посещать", "посещение"}),
    "meeting": (("meeting", GENERAL_TYPE, "forum"),
                {"meeting", "meetings", "met", "meet", "meets", "talks", "consultations", "consultation",
                 "negotiations", "negotiation", "session", "sessions", "conversation", "conversations", "round",
                 "rounds"},
                {"встреча", "встретиться", "встречаться", "переговоры", "консультация", "заседание", "сессия",
                 "совещание", "заседать", "беседа", "собраться", "раунд"}),
    "summit": (("summit", "meeting", GENERAL_TYPE, "forum"), {"summit", "summits"}, {"саммит"}),
    "conference": (("conference", "forum", GENERAL_TYPE, "meeting"),
                   {"conference", "conferences", "congress", "symposium", "seminar", "seminars", "webinar", "webinars",
                    "workshop", "workshops"},
                   {"конференция", "конгресс", "симпозиум", "семинар", "вебинар"}),
    "exhibition": (("exhibition", GENERAL_TYPE, "festival"),
                   {"exhibition", "exhibitions", "exhibit", "display", "expo", "fair", "fairs", "exposition",
                    "expositions", "showcase"},
                   {"выставка", "экспозиция", "фотовыставка", "ярмарка", "экспо"}),
    "concert": (("concert", GENERAL_TYPE, "festival"), {"concert", "concerts", "recital", "gala"},
                {"концерт", "спектакль", "гастроли"}),
    "festival": (("festival", GENERAL_TYPE), {"festival", "festivals"}, {"фестиваль", "кинофестиваль"}),
    "anniversary": (("anniversary", GENERAL_TYPE, "festival"),
                    {"anniversary", "anniversaries", "commemoration", "celebration", "celebrations", "jubilee"},
                    {"годовщина", "юбилей", "летие", "празднование", "торжество"}),
    "signing": (("signing", GENERAL_TYPE), {"sign", "signs", "signed", "signing", "signature"},
                {"подписать", "подписание", "подписывать", "подписываться", "подписаться"}),
    # A week or days of a country's or an art's culture ("Russian Film Week", "Неделя российского кино"): only
    # in a name (release_names.py), as "week" is also a stretch of time.
    "days": (("culture-days", GENERAL_TYPE), set(), set()),
    GENERAL_TYPE: ((GENERAL_TYPE,), {"event", "events", "ceremony", "ceremonies", "reception", "bazaar", "bazaars",
                                     "olympiad", "competition", "contest", "tournament", "championship", "lecture",
                                     "lectures", "masterclass", "masterclasses", "screening", "screenings", "premiere",
                                     "presentation", "presentations", "festivities", "camp", "camps",
                                     "expedition", "expeditions", "exercise", "exercises", "drill", "drills"},
                   {"мероприятие", "церемония", "приём", "прием", "акция", "базар", "олимпиада", "конкурс",
                    "турнир", "чемпионат", "лекция", "мастер-класс", "кинопоказ", "премьера", "презентация",
                    "лагерь", "экспедиция", "учение"}),
}  # fmt: skip
GENERAL_KINDS = {GENERAL_TYPE}
DOCUMENTS = {"treaty", "agreement", "convention", "memorandum", "declaration", "protocol", "charter", "decree",
             "resolution", "accord", "communique", "law", "constitution", "statute", "document", "договор",
             "соглашение", "конвенция", "меморандум", "декларация", "протокол", "хартия", "указ", "постановление",
             "резолюция", "закон", "коммюнике", "устав", "документ", "договорённость", "договоренность", "roadmap",
             "карта", "act", "акт"}  # fmt: skip
SIGNED = {"signed", "concluded", "adopted", "ratified", "подписать", "заключить", "принять", "ратифицировать"}
ANNIVERSARY = {"anniversary", "anniversaries", "ago", "founded", "established", "jubilee", "годовщина",
               "летие", "юбилей", "основать", "учредить", "образовать", "назад", "proclaimed", "proclamation",
               "провозгласить", "провозглашение", "установить", "установление", "исполниться", "исполняться",
               "основание"}  # fmt: skip
BIRTH = {"born", "birthday", "birth", "родиться", "рождение"}
# Two words that name a sort of event neither names alone: a trade mission is a visit, a summer school another event.
COMPOUNDS = {(first, second): kind for firsts, seconds, kind in (
    (("trade", "business", "investment", "economic", "export", "exporters", "торговый", "деловой",
      "бизнес", "инвестиционный", "экономический", "экспортный"), ("mission", "missions", "миссия"), "visit"),
    (("summer", "winter", "летний", "зимний"), ("school", "schools", "школа"), GENERAL_TYPE),
    (("friendly", "charity", "football", "hockey", "chess", "return", "товарищеский", "благотворительный",
      "футбольный", "хоккейный", "шахматный", "ответный"), ("match", "matches", "матч"), GENERAL_TYPE),
) for first in firsts for second in seconds}  # fmt: skip
# Where a mission is an office: "to the UN", "to the European Union", "to the OSCE".
OFFICES = {"un", "united", "eu", "european", "osce", "nato", "council", "wto", "iaea", "unesco"}
# "…, when the President was in Russia on a state visit", "…, в ходе визита": a visit the talks were held during.
WHEN = {"when", "during", "когда", "ходе"}
TOPIC_OF_TALKS = {"agree", "agreed", "discuss", "discussed", "dates", "upcoming", "prepare", "preparation", "next",
                  "договориться", "обсудить", "обсуждаться", "подготовка", "предстоящий", "следующий", "график",
                  "сроки"}  # fmt: skip
RELATIVES = {"which", "которой", "которых", "которого", "который"}
WHEN_DISTANCE = 12
# A stage work named after it ("балет «Щелкунчик»") is a performance.
STAGE_WORKS = {"ballet", "opera", "play", "musical", "балет", "опера", "оперу", "спектакль", "мюзикл"}
# "приём граждан", "приём документов": an office's hours or intake, not a reception.
OFFICE_HOURS = {"посетитель", "гражданин", "заявление", "документ", "заявитель", "граждан", "осуществляться",
                "вестись", "производиться", "время"}  # fmt: skip
OFFICE_HOURS_BEFORE = {"запись", "время", "часы"}
# "received the Ambassador", "принял посла": a meeting (not "received an award", "принял закон", "принял участие").
RECEIVING = {"receive", "receives", "received", "receiving", "принять", "принимать"}
GUEST_DISTANCE = 5
# How far after a session's word the event it is part of may be named.
HOST_DISTANCE = 9
# How far before a date "scheduled", "планировалось" may be ("which was scheduled to take place in Budapest on").
PLANNED_WORDS = 10
# How far from a date a word of moving may be to move it.
MOVE_DISTANCE = 24
# How far before a date "since" may be to make it the day something counts from.
SINCE_WORDS = 16
# "tourists visiting Serbia", "его посетили 40 тысяч зрителей": visitors counted, not a visit.
AUDIENCE = {"tourist", "tourists", "visitor", "visitors", "spectators", "viewers", "guests", "турист", "посетитель",
            "зритель", "гость"}  # fmt: skip
AUDIENCE_DISTANCE = 4
# Visitors counted in thousands: "its events were visited by 40 thousand people", "посетили более 40 тысяч человек".
AUDIENCE |= {"thousand", "thousands", "million", "millions", "mln", "тысяча", "миллион", "тыс", "млн"}
# Words that count days ("two days later", "через несколько дней"), and words after days that make them a stretch of
# time ("two days later", "a few days ago").
DAY_COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several", "couple",
              "many", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "несколько",
              "пара"}  # fmt: skip
# "в остальные дни", "в праздничные дни": days of the calendar, not culture days.
WHICH_DAYS = {"остальной", "другой", "этот", "тот", "праздничный", "выходной", "рабочий", "ближайший", "иной",
              "последний", "первый", "these", "those", "both", "public", "working", "such"}  # fmt: skip
LATER = (OFFSETS - {"до", "после"}) | {"подряд"}  # "two days later", "три дня подряд"
# Words before a topic: an event word after them names what something is about.
TOPIC_WORDS = {"about", "о", "об", "обо"}
# "round table", "круглый стол": a conference, named by two words.
ROUND_TABLE = {("round", "table"), ("round", "tables"), ("круглый", "стол")}
# "N times", "N раз": a count of events, not one; "annually", "ежегодно": a month or a year that recurs.
TIMES = {"times", "раз", "раза"}
COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "два", "две",
          "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "несколько", "много"}  # fmt: skip
RECURRING = {"annually", "annual", "yearly", "every", "ежегодно", "ежегодный", "каждый", "регулярно", "regularly"}
REASONS = {
    "document": _("The date of a treaty or another document, not an event."),
    "anniversary": _("The day an anniversary counts from, not an event."),
    "birthday": _("A birthday, not an event."),
    "visit": _("Talks on a day of a visit proposed here: likely part of that visit."),
    "moved": _("The date the event was moved from, not its new one."),
    "cancelled": _("The event was cancelled."),
    "closing": _("A signing at the close of an event named before it: likely part of that event."),
}
# "originally scheduled for 21 February", "перенесён с 12 марта": the date an event was moved from.
ORIGINALLY = {"originally", "initially", "previously", "первоначально", "изначально"}
ANNOUNCED = {"анонсировать", "анонсироваться", "анонсированный", "запланировать", "запланированный", "намечать",
             "наметить", "намеченный", "намечаться", "планировать", "планироваться", "предполагаться", "scheduled",
             "planned", "slated", "due", "expected", "set", "intended", "должный"}  # fmt: skip
NEW_DATE = {"now", "new", "теперь", "новый"}
MOVED = {"postpone", "postponed", "rescheduled", "moved", "delayed", "pushed", "перенести", "отложить",
         "переноситься"}  # fmt: skip
# Words of a sentence that tells of an event's change: its first event is the one changed ("The exhibition, initially
# planned for March, will accompany the forum on its new dates").
CHANGED = MOVED | ORIGINALLY
# "The previous session was held in November, the next one in 2027": the same events' next.
NEXT_ONE = {"next", "following", "следующий", "очередной"}
ALONE_AFTER = {"one", "ones", "is", "will", "was", "in", "on", "at", "to", "should", "would"}
# How long before the publication a date must be to be the one an anniversary or a document counts from.
PAST_REFERENCE_DAYS = 365


@functools.cache
def kind_words(language: str) -> dict[str, str]:
    """Each event word of the language (an English form, a Russian dictionary form) and the sort it names."""
    column = 1 if language == "en" else 2
    return {word: kind for kind, row in KINDS.items() for word in row[column]}


class KindReader:
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
                kind = kind_words(self.language).get(word)
                if kind is not None:
                    found = (self.type_for(kind), kind in GENERAL_KINDS)
            self.kinds_seen[key] = found
        return self.kinds_seen[key]

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

    def mission_to(self, segment: list[Token], position: int) -> bool:
        """ "The first mission to Vietnam", "миссия в Китай": a delegation's trip to a place; not "the Mission of
        Belarus to the UN", "Permanent Mission" (an office, written with a capital)."""
        token, before = segment[position], at(segment, position - 1)
        if token.lower not in ("mission", "missions") or before.text.isupper() or before.lower.endswith(("'s", "’s")):
            return False  # "Kazakhstan's mission to the EU", "the OSCE mission to Moldova": an office
        place = at(segment, position + 2 + (at(segment, position + 2).lower == "the"))
        office = place.lower in OFFICES or before.lower in ("permanent", "diplomatic", "observer", "monitoring")
        return at(segment, position + 1).lower == "to" and place.text[:1].isupper() and not office

    def event_type(self, segment: list[Token], *, nearest_last: bool) -> tuple[EventType | None, int]:
        """The type a word of the segment names, the one nearest to the date; a specific word before a general one."""
        best, best_rank = (None, -1), None
        for position, token in enumerate(segment):
            if token.lower in ("round", "rounds") and not self.is_round_of_talks(segment, position):
                continue  # "a round table" (a conference, read at "table"), "all year round"
            kind, general = self.kind_of(token)
            if general and self.lemma(token) in ("event", "events", "мероприятие") and self.many(segment, position):
                continue  # "Анонс мероприятий на неделю", "a week of events": many events, not one
            before = position - 1 - (position > 1 and segment[position - 1].text == "-")  # "бизнес-миссия"
            if (
                kind is not None
                and position
                and segment[before].lower in ("press", "пресс")
                and kind == self.type_for("conference")
            ):
                continue  # "a joint press conference", "пресс-конференция": the press told, not a forum
            if kind is None and before > 1 and segment[before - 1].lower in ("and", "и", "&"):
                before -= 2  # "a trade and investment mission", "торговая и инвестиционная миссия"
            if kind is None and position and (self.lemma(segment[before]), self.lemma(token)) in COMPOUNDS:
                kind = self.type_for(COMPOUNDS[self.lemma(segment[before]), self.lemma(token)])
            if kind is None and self.mission_to(segment, position):
                kind = self.type_for("visit")
            if kind is None and token.lower in STAGE_WORKS and self.names_work(segment, position + 1):
                kind = self.type_for("concert")  # "балет «Щелкунчик»", "the opera "Tosca"": a performance
            if kind is None and self.lemma(token) in RECEIVING:
                guests = segment[position + 1 : position + 1 + GUEST_DISTANCE]
                kind = self.type_for("meeting") if any(self.lemma(t) in GUESTS for t in guests) else None
            word_at = position
            if kind is None and position and (self.lemma(segment[position - 1]), self.lemma(token)) in ROUND_TABLE:
                kind, word_at = self.type_for("conference"), position - 1
            if kind is None:
                kind = self.presence_visit(segment, position)
            if kind is None or {at.lower for at in segment[max(0, position - 2) : position]} & TOPIC_WORDS:
                continue
            if self.lemma(token) == "встреча" and position and segment[position - 1].lower == "до" and position <= 3:
                continue  # "Спасибо, до встречи на следующей неделе": a farewell
            # "приём посетителей", "приём осуществляется"; "запись на приём", "время приёма"
            hours = self.lemma(at(segment, position + 1)) in OFFICE_HOURS or self.lemma(at(segment, position - 1)) in (
                OFFICE_HOURS_BEFORE
            )
            if self.lemma(token) in ("приём", "прием") and hours:
                continue  # "приём посетителей не ведётся": a consulate's office hours, not a reception
            if self.counts_days(segment, position):
                continue  # "Two days later", "через несколько дней": a stretch of time, not culture days
            if framed(segment, position, self.blocks_frame):
                continue  # "в рамках форума 16 мая состоится заседание": the session is the event, not the forum
            if self.heads_name(segment, position) or self.names_other(segment, position):
                continue  # "the International Culture Fair" (a fair); "the Exhibition Centre"; "900 consultations"
            if kind.is_visit and self.counts_visitors(segment, position):
                continue  # "an agreement on visa-free trips", "соглашение о поездках": a topic, not an event
            distance = len(segment) - position if nearest_last else position
            rank = (general, distance)
            if best_rank is None or rank < best_rank:
                best, best_rank = (kind, word_at), rank
        return self.hosting_event(segment, *best)

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
            if is_clause_mark(segment, k):
                break
            linked = linked or segment[k].lower == "of"
            host, _general = self.kind_of(segment[k])
            if linked and host in hosts:
                return host, k
        return kind, word_at

    @staticmethod
    def is_round_of_talks(segment: list[Token], position: int) -> bool:
        """Whether "round" is one of talks ("the previous round, held in Tashkent"), not "round table", "year round"."""
        following = segment[position + 1].lower if position + 1 < len(segment) else ""
        previous = segment[position - 1].lower if position else ""
        return following not in ("table", "tables", "trip", "trips") and previous not in ("year", "all", "the-clock")

    def year_of_anniversary(self, mention, word: Token) -> bool:
        """Whether a year is only the one an anniversary falls in ("This year marks the 75th anniversary"): the
        anniversary is celebrated on a day or in a month, which the text gives if it is an event."""
        return (
            mention.precision == "year" and self.lemma(word) in KINDS["anniversary"][1 if self.language == "en" else 2]
        )

    def counts_visitors(self, segment: list[Token], position: int) -> bool:
        """Whether a visit word speaks of visitors counted or described ("tourists visiting", "посетили зрители")."""

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
        return thousands or any(self.lemma(token) in AUDIENCE or token.lower in AUDIENCE for token in near)

    def reference_reason(self, tokens: list[Token], mention) -> str:
        """Why a date is not an event ("document", "anniversary", "birthday", "moved"), or "" when it may be one."""
        before = [self.lemma(token) for token in tokens[max(0, mention.first - 6) : mention.first]]
        just_before = [word for word in before[-2:] if word not in ("on", "in")]
        clause = self.clause_words(tokens, mention.first)
        old = (self.published - mention.last).days >= PAST_REFERENCE_DAYS
        if "от" in just_before or "dated" in just_before:
            return "document"
        if just_before[-1:] == ["of"] and len(before) > 1 and set(before[:-1]) & DOCUMENTS:
            return "document"  # "the Convention between the two countries of 28 March 1995"
        after = {self.lemma(token) for token in tokens[mention.end : mention.end + 3]}
        # "signed on 24 May 2013", "в 2013 году была подписана Декларация", "The Treaty was signed in Astana on…",
        # "entered into force on 1 January 2015"
        signing = (set(before[-3:]) | after | self.signing_clause(tokens, mention)) & SIGNED
        signed = signing or self.in_force(tokens, mention)
        if old and signed and self.sentence_words(tokens) & DOCUMENTS:
            return "document"
        wide = {self.lemma(token) for token in tokens[max(0, mention.first - 8) : mention.first]}
        if old and wide & SIGNED and wide & DOCUMENTS:
            return "document"  # "signed their twinning agreement in 1990", "the memorandum signed by … in 2019"
        if BIRTH & (set(before) | clause):
            return "birthday"
        # "ранее анонсированный на 22 января", "который планировалось провести 22–23 октября, переносится"
        planned = self.planned_before(tokens, mention) and self.moves(tokens, mention)
        renewed = set(before[-4:]) & NEW_DATE  # "is now scheduled for 14 March", "теперь намечен на 9 апреля"
        # "Первоначально фестиваль планировалось провести в апреле": the event's name may stand between.
        originally = any(self.initially_planned(tokens, k) for k in range(max(0, mention.first - 6), mention.first))
        if (originally or planned or self.moved_from(tokens, mention)) and not renewed:
            return "moved"
        if self.cancels(tokens, mention):
            return "cancelled"
        # "was set up in 1995", "was created on 25 June 1992", "с момента его создания в 2017 году"
        set_up = ("set", "up") in itertools.pairwise(before) or bool(set(before[-3:]) & CREATED)
        if old and (self.sentence_words(tokens) & ANNIVERSARY or {"since", "со", "с"} & set(just_before) or set_up):
            return "anniversary"
        since = [  # "since", "с тех пор, как"
            k
            for k in range(max(0, mention.first - SINCE_WORDS), mention.first)
            if tokens[k].lower == "since" or (tokens[k].lower == "пор" and at(tokens, k - 1).lower == "тех")
        ]
        if old and since and self.event_type(tokens[since[-1] + 1 : mention.first], nearest_last=True)[0] is None:
            return "anniversary"  # "since the Secretary General took office in 2024"; not "since the visit in 2024"
        return ""

    def first_changed(self, tokens: list[Token], mentions: list[Mention]) -> int | None:
        """The index of the first date after a word of moving or an "initially planned" ("has been pushed back to
        June", "initially planned as part of the March programme, will … run from 12 to 14 May"), if any."""
        if not self.sentence_words(tokens) & CHANGED:
            return None
        changed = next(
            (k for k, token in enumerate(tokens) if self.lemma(token) in MOVED or self.initially_planned(tokens, k)),
            None,
        )
        return next((n for n, mention in enumerate(mentions) if changed is not None and mention.first > changed), None)

    def next_one(self, tokens: list[Token], before: Mention, mention: Mention) -> bool:
        """Whether the words between two dates speak of the next of the same events ("…, the next one in 2027")."""
        return any(
            self.lemma(tokens[k]) in NEXT_ONE and self.stands_alone(tokens, k) for k in range(before.end, mention.first)
        )

    def stands_alone(self, tokens: list[Token], k: int) -> bool:
        """Whether "next"/"следующий" at token k stands for a noun left out ("the next one", "следующее решено
        провести"), not before its own ("the next report", "в следующем году")."""
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is None or not following.text[:1].isalpha():
            return True
        if self.language == "en":
            return following.lower in ALONE_AFTER
        return self.morphology.analysis(following.lower)[1] not in ("NOUN", "ADJF")

    def initially_planned(self, tokens: list[Token], k: int) -> bool:
        """Whether token k is "originally", "initially", "первоначально" before a word of planning ("initially
        scheduled", "originally planned"), not "As previously reported"."""
        return self.lemma(tokens[k]) in ORIGINALLY and any(
            self.lemma(token) in ANNOUNCED for token in tokens[k + 1 : k + 3]
        )

    def moves(self, tokens: list[Token], mention) -> bool:
        """Whether a word of moving near the date tells of its event, with no other event named between ("…, which was
        scheduled for 24 March, has been postponed"; not "scheduled for 5 May will go ahead, while the concert was
        postponed")."""
        low, high = max(0, mention.first - MOVE_DISTANCE), min(len(tokens), mention.end + MOVE_DISTANCE)
        for k in range(low, high):
            if self.lemma(tokens[k]) in MOVED:
                between = tokens[k + 1 : mention.first] if k < mention.first else tokens[mention.end : k]
                # In the same clause, the event named between is the date's own ("намечавшееся на октябрь заседание
                # было перенесено"); past a clause mark, another's ("…, while the concert was postponed").
                same_clause = not any(is_clause_mark(between, n) for n in range(len(between)))
                if same_clause or self.event_type(between, nearest_last=True)[0] is None:
                    return True
        return False

    def planned_before(self, tokens: list[Token], mention) -> bool:
        """Whether the date's clause says, before it, that the date was planned, with no other event named between
        ("which was scheduled to take place in Budapest on 24 March"; not "initially scheduled for November but
        postponed owing to the Summit on 22–23 November")."""
        low = max(self.clause_bounds(mention.first)[0], mention.first - PLANNED_WORDS)  # a bounded look: linear time
        self.work["plan words"] += mention.first - low
        planned = [k for k in range(low, mention.first) if self.lemma(tokens[k]) in ANNOUNCED]
        return bool(planned) and self.event_type(tokens[planned[-1] + 1 : mention.first], nearest_last=True)[0] is None

    def recurs(self, tokens: list[Token], mention) -> bool:
        """Whether the date is of events that recur ("met six times this year", "held annually in June")."""
        if self.sentence_counts is None:
            self.sentence_counts = any(
                token.lower in TIMES and k and (tokens[k - 1].text.isdigit() or tokens[k - 1].lower in COUNTS)
                for k, token in enumerate(tokens)
            )
        if mention is None:  # a sentence without a date: "Consultations are held regularly"
            return self.sentence_counts or bool(self.sentence_words(tokens) & RECURRING)
        clause = self.clause_words(tokens, mention.first)
        recurring = not mention.explicit_year and mention.precision != "day" and bool(clause & RECURRING)
        return self.sentence_counts or recurring

    def clause_words(self, tokens: list[Token], i: int) -> set[str]:
        """The dictionary forms of the clause (between commas, dashes, brackets...) that holds token i."""
        low, high = self.clause_bounds(i)
        if (low, high) not in self.clause_lemmas:
            self.clause_lemmas[low, high] = {self.lemma(token) for token in tokens[low:high]}
        return self.clause_lemmas[low, high]

    def sentence_words(self, tokens: list[Token]) -> set[str]:
        if self.sentence_lemmas is None:
            self.sentence_lemmas = {self.lemma(token) for token in tokens} | {token.lower for token in tokens}
        return self.sentence_lemmas
