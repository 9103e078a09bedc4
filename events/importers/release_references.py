"""Dates that are not events, and dates of events that changed: the references half of the ReleaseReader.

Not events: the date of a treaty or another document ("the Treaty of 25 May 1993", "Договор от 25 мая 1993 года",
"the agreement signed on 25 May 1993", "entered into force on 1 January 2015"), the day an anniversary counts from
("the 80th anniversary of the lifting of the siege (27 January 1944)", "лет со дня", "since the Secretary General
took office in 2024"), a birthday ("born on 5 May 1840"). Dates of events that changed: the date an event was moved
from ("postponed from 5 May", "первоначально планировалось провести в апреле"), an event cancelled ("will not take
place", "отменён": release_cancels.py), events that recur ("held annually in June", "met six times this year"), and a
year figures are given for ("last year's fair brought together 4,000 participants", "в 2024 году центр провёл 9
экспедиций").
"""

import itertools

from django.utils.translation import gettext_lazy as _

from events.models import Event

from .release_dates import Mention, at
from .release_words import ARTICLES, CREATED, DASHES, JUBILEE_WORDS, OCCURRING, PERSONS, Token, is_clause_mark

# Words that name a document, and verbs that make it: "the Treaty … was signed", "Соглашение … заключено".
DOCUMENTS = {"treaty", "agreement", "convention", "memorandum", "declaration", "protocol", "charter", "decree",
             "resolution", "accord", "communique", "law", "constitution", "statute", "document", "договор",
             "соглашение", "конвенция", "меморандум", "декларация", "протокол", "хартия", "указ", "постановление",
             "резолюция", "закон", "коммюнике", "устав", "документ", "договорённость", "договоренность", "roadmap",
             "карта", "act", "акт", "contract", "контракт", "декрет", "decision", "решение"}  # fmt: skip
SIGNED = {"signed", "concluded", "adopted", "ratified", "подписать", "заключить", "принять", "ратифицировать"}
ANNIVERSARY = {"anniversary", "anniversaries", "ago", "founded", "established", "jubilee", "годовщина",
               "летие", "юбилей", "основать", "учредить", "образовать", "назад", "proclaimed", "proclamation",
               "провозгласить", "провозглашение", "установить", "установление", "исполниться", "исполняться",
               "основание", "установленный", "основанный", "учреждённый", "учрежденный", "inaugurated",
               "unveiled", "commissioned"}  # fmt: skip
BIRTH = {"born", "birthday", "birth", "родиться", "рождение"}
# How far before a date "scheduled", "планировалось" may be ("which was scheduled to take place in Budapest on").
PLANNED_WORDS = 14
# Words before a word of planning that put the plan in the past: "was scheduled for", "было назначено на".
WAS = {"was", "were", "had", "been", "было", "был", "была", "были"}
# How far from a date a word of moving may be to move it.
MOVE_DISTANCE = 24
# How far before a date "since" may be to make it the day something counts from.
SINCE_WORDS = 16
# Words that give a document its date: "the Convention of 28 March 1995", "Соглашение от 5 мая".
OF = {"of", "от", "dated"}
# "N times", "N раз": a count of events, not one; "annually", "ежегодно": a month or a year that recurs. Not the
# adjective: "the annual conference takes place in May" is this year's conference. A habit told in the present
# ("usually takes place in May", "традиционно проходит в августе") recurs too; told of the future it is one event
# ("который традиционно пройдёт в середине сентября").
HABITUAL = {"usually", "traditionally", "normally", "typically", "customarily", "обычно", "традиционно"}
TIMES = {"times", "раз", "раза"}
COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "два", "две",
          "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "несколько", "много"}  # fmt: skip
# People or events counted in a year ("last year's fair drew 4,000 visitors", "в 2024 году центр провёл 9 экспедиций",
# "В прошлом году выставку посетили более 10 тыс. человек"): the year's figures, not one event of it.
TALLIED = {"participants", "visitors", "guests", "people", "delegates", "attendees", "spectators", "tourists",
           "exhibitors", "delegations", "человек", "участник", "посетитель", "гость", "зритель", "турист", "делегат",
           "делегация", "экспонент"}  # fmt: skip
TALLY_WORDS = 3  # words from a number to what it counts: "14 foreign delegations", "пять рабочих встреч"
RECURRING = {"annually", "yearly", "every", "ежегодно", "каждый", "регулярно", "regularly"}
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
             "planned", "slated", "due", "expected", "set", "intended", "должный", "назначить", "назначенный",
             "назначать", "назначаться", "готовить"}  # fmt: skip
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
# Russian parts of speech an event's name, or words before it, may hold ("также Международная конференция").
NAME_PARTS = {"ADJF", "PRTF", "NUMR", "ADVB", "PRCL"}
# English words that link a verb's object to another noun: "restrictions for participants of the tournament".
LINKING = {"for", "of", "on", "to", "with", "from", "by", "in", "at", "and", "or", "about", "over"}
RELATIVE = {"which", "that", "который", "которая", "которое", "которые", "которую", "которого", "которой"}
FIRST_HELD = {"first", "впервые"}
STAGED = {"staged", "organised", "organized", "hosted", "провести", "проводиться", "прошедший", "состоявшийся"}
PLANNED_PARTICIPLES = ("запланированн", "намеченн", "намечавш", "планировавш", "назначенн", "scheduled", "planned")


class ReferenceReader:
    """Which dates a release names are not events' own, or are of events that changed (see the module's text)."""

    def persons_jubilee(self, tokens: list[Token], mention) -> bool:
        """A person's round birthday told as a jubilee: "Основатель марафона, бегун, 2 марта отметит 65-летие" (not
        "отметят 30-летие установления отношений", the jubilee of something)."""
        after = range(mention.end, min(len(tokens), mention.end + JUBILEE_WORDS))
        jubilee = next((k for k in after if tokens[k].lower in ("летие", "юбилей")), None)
        if jubilee is None or at(tokens, jubilee + 1).text[:1].isalpha():
            return False
        celebrated = {self.lemma(token) for token in tokens[max(0, jubilee - 4) : jubilee]} & {"отметить", "отмечать"}
        # its subject a person, the sentence's first noun (not "Ансамбль под руководством народного артиста")
        nouns = (t for t in tokens[:jubilee] if t.text.isalpha() and self.morphology.analysis(t.lower)[1] == "NOUN")
        subject = next((t for t in nouns if self.month(t) is None), None)
        return bool(celebrated) and subject is not None and self.lemma(subject) in PERSONS

    def held_then(self, tokens: list[Token], mention, before: list[str]) -> bool:
        """Whether the date is an event's told to have taken place that day, which adopted a document ("The previous
        General Assembly took place in Inuvik in July 2014, and adopted the Kitigaaryuit Declaration"; not "the hall in
        which the Act was adopted on 11 March 1990", the document's verb before the day)."""
        return not set(before) & SIGNED and self.tells_happening(tokens[: mention.first])

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
        if old and signed and self.sentence_words(tokens) & DOCUMENTS and not self.held_then(tokens, mention, before):
            return "document"
        wide = {self.lemma(token) for token in tokens[max(0, mention.first - 8) : mention.first]}
        if old and wide & SIGNED and wide & DOCUMENTS:
            return "document"  # "signed their twinning agreement in 1990", "the memorandum signed by … in 2019"
        adopted_by = any(
            self.lemma(tokens[k]) in SIGNED and at(tokens, k + 1).lower == "by"
            for k in range(max(0, mention.first - 8), mention.first)
        )
        if old and adopted_by and self.sentence_words(tokens) & DOCUMENTS:
            return "document"  # "the Convention …, adopted by the UNESCO General Conference on 16 November 1972"
        if BIRTH & (set(before) | clause) or self.persons_jubilee(tokens, mention):
            return "birthday"
        # "ранее анонсированный на 22 января", "который планировалось провести 22–23 октября, переносится"
        planned = self.planned_before(tokens, mention) and (
            self.moves(tokens, mention) or self.planned_then(tokens, mention)
        )
        renewed = set(before[-4:]) & NEW_DATE  # "is now scheduled for 14 March", "теперь намечен на 9 апреля"
        # "has been rescheduled for March 8–12", "перенесён на 9 апреля": the new date
        renewed = renewed or (before[-1:] in (["for"], ["to"], ["until"], ["на"]) and set(before[-2:-1]) & MOVED)
        # "Первоначально фестиваль планировалось провести в апреле": the event's name may stand between.
        originally = any(self.initially_planned(tokens, k) for k in range(max(0, mention.first - 6), mention.first))
        if (originally or planned or self.moved_from(tokens, mention)) and not renewed:
            return "moved"
        if self.cancels(tokens, mention):
            return "cancelled"
        # "was set up in 1995", "was created on 25 June 1992", "с момента его создания в 2017 году"
        set_up = ("set", "up") in itertools.pairwise(before) or bool(set(before[-3:]) & CREATED)
        # "Thai Festival Tokyo, first held in 2000", "фестиваль впервые прошёл в 2014 году": its founding year
        first = FIRST_HELD & set(before[-4:]) and set(before[-3:]) & (OCCURRING | STAGED)
        set_up = set_up or bool(first and mention.precision == Event.Precision.YEAR)
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

    def told_inside(self, tokens: list[Token], proposal, named: tuple, first: int) -> tuple | None:
        """The event named before a document told inside its sentence ("the session of the Commission, set up by the
        Agreement of 3 October 1988, will be held in December"; not a signing, the document's own, nor the body that
        adopted it: "the Convention, adopted by the General Conference on 16 November 1972"): the next date of its
        clause is that event's when it names none, and a verb of its happening follows the document (not "reviewed
        the Roadmap of 5 May 2020 and its implementation in the first half of 2025")."""
        kind, keyword_at, offset, _segment = named
        word = offset + keyword_at
        if proposal.reason != REASONS["document"] or kind.slug == "signing" or not 0 <= offset <= word < first:
            return None
        document = any(self.lemma(token) in DOCUMENTS for token in tokens[word + 1 : first])
        happens = document and any(self.lemma(token) in OCCURRING for token in tokens[first:])
        return named if happens else None

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
                # "decided to postpone the Congress, which was to take place in Tunis on …": the moved event's clause
                relative = k < mention.first and relative_clause(between) and self.object_named(between)
                if same_clause or relative or self.event_type(between, nearest_last=True)[0] is None:
                    return True
        return False

    def name_clause(self, tokens: list[Token], mark: int) -> int | None:
        """Where the clause that ends at the mark starts, when it is a name alone, a place's ("…, Mellieħa, from 9 to
        17 May")."""
        low = self.clause_bounds(mark - 1)[0]
        return low if 0 < mark - low <= 3 and all(token.text[:1].isupper() for token in tokens[low:mark]) else None

    def planned_before(self, tokens: list[Token], mention) -> bool:
        """Whether the date's clause says, before it, that the date was planned, with no other event named between
        ("which was scheduled to take place in Budapest on 24 March"; not "initially scheduled for November but
        postponed owing to the Summit on 22–23 November")."""
        low = self.clause_bounds(mention.first)[0]
        # past a place's commas, to the clause the place is of: "at the Golden Sands, Mellieħa, from"
        while low > 1 and tokens[low - 1].text == "," and (name := self.name_clause(tokens, low - 1)) is not None:
            low = self.clause_bounds(name - 2)[0] if name > 1 and tokens[name - 1].text == "," else name
        low = max(low, mention.first - PLANNED_WORDS)  # a bounded look: linear time
        self.work["plan words"] += mention.first - low
        planned = [k for k in range(low, mention.first) if self.lemma(tokens[k]) in ANNOUNCED or was_to(tokens, k)]
        return bool(planned) and self.event_type(tokens[planned[-1] + 1 : mention.first], nearest_last=True)[0] is None

    def carry_move(self) -> tuple | None:
        """The event the sentence before moved, for this sentence only (see planned_then), no longer the next's: a
        dated move's in its paragraph, or one told without a date ("The committee has decided to postpone the
        conference."), whose dates may follow in the next paragraph."""
        told = self.move_told
        self.carried, self.moved, self.move_told = self.moved or told, None, None
        self.cancel_carried, self.cancel_told = self.cancel_told, None
        if told is not None and self.carried is told and not self.sentence_words(self.clause_tokens) & OCCURRING:
            return None  # a told move's event is a date's only where the date's sentence says it takes place
        return self.carried

    def tell_move(self, tokens: list[Token], proposals: list) -> None:
        """A move told in a sentence none of whose dates is the moved event's ("Following the decision of 27 March,
        the Federation has decided to postpone the Championship."): the event after the verb of moving is carried
        to the next sentence as an undated move's is."""
        if self.moved is not None or any(not proposal.reason for proposal in proposals):
            return
        verb = next((k for k, token in enumerate(tokens) if self.lemma(token) in MOVED), None)
        if verb is not None and (found := self.event_type(tokens[verb + 1 :], nearest_last=False))[0] is not None:
            self.move_told = (found[0], verb + 1 + found[1], 0, tokens)

    def planned_then(self, tokens: list[Token], mention) -> bool:
        """Whether a date said as planned in the past gives way to another day of the sentence, past a clause mark
        ("открытие которой было назначено на 15 марта, откроется 18.05.2023", "which had been scheduled for 5 May,
        will now open on 12 May"): the plan was changed."""
        low, day = max(0, mention.first - PLANNED_WORDS), (mention.start.month, mention.start.day)
        was = any(
            (
                self.lemma(tokens[k]) in ANNOUNCED
                and (at(tokens, k - 1).lower in WAS or tokens[k].lower.endswith(("лось", "лась", "лся", "лись")))
            )
            or was_to(tokens, k)
            for k in range(low, mention.first)
        )
        new = next(
            (m for m in self.sentence_mentions if m.first >= mention.end and (m.start.month, m.start.day) != day), None
        )
        carried = self.carried
        if was and new is None and carried is not None:
            # "The committee decided to postpone the conference. The conference was scheduled for 20–21 May."
            named = tokens[max(0, mention.first - 2 * PLANNED_WORDS) : mention.first]
            return self.event_type(named, nearest_last=True)[0] == carried[0]
        # the same event's new day: a clause mark between, and no other event named ("…, and the signing will follow
        # on 4 April" is the signing's)
        return (
            was
            and new is not None
            and any(is_clause_mark(tokens, k) for k in range(mention.end, new.first))
            and self.event_type(tokens[mention.end : new.first], nearest_last=True)[0] is None
        )

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
        habit = bool(clause & HABITUAL) and self.tense_at(mention.first) != "future"
        recurring = not mention.explicit_year and mention.precision != "day" and (bool(clause & RECURRING) or habit)
        return self.sentence_counts or recurring or self.tallies(tokens, mention)

    def tallies(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a year is one figures are given for: its sentence counts events or documents ("пять рабочих встреч",
        "подписано 12 новых соглашений"), or people (see TALLIED) while its clause does not say an event happened then
        ("were held in 2023 and were attended by 50,000 people"); not when the year's event is to come (its plan
        counts its guests and parts)."""
        if mention.precision != Event.Precision.YEAR or self.tense_at(mention.first) == "future":
            return False  # "will host the summit, to be attended by 36 delegations": the event's own plan
        held = bool(self.clause_words(tokens, mention.first) & OCCURRING)
        for k in range(len(tokens)):
            if mention.first <= k < mention.end or not self.is_count(tokens, k):
                continue
            counted = [word for word in tokens[k + 1 : k + 2 * TALLY_WORDS] if word.text[:1].isalpha()][:TALLY_WORDS]
            if any(self.kind_of(word)[0] and self.plural(word) for word in counted):
                return True  # events counted: "пять рабочих встреч"
            # documents signed counted ("подписано 12 новых соглашений"), in a sentence of no other event (not "в ходе
            # визита подписали 20 документов": the visit's year)
            documents = {self.lemma(word) for word in counted} | {word.lower.removesuffix("s") for word in counted}
            if documents & DOCUMENTS and any(self.plural(word) for word in counted):
                return {self.kind_of(token)[0] for token in tokens} <= {None, self.type_for("signing")}
            if not held and any(self.lemma(word) in TALLIED for word in counted):
                return True
        return False

    def is_count(self, tokens: list[Token], k: int) -> bool:
        """Whether a word is a number that counts: not a year, nor a day of a date ("в октябре 2017 года — Дни")."""
        token = tokens[k]
        if token.text[:1].isdigit():  # not an ordinal: "the 5th Days", "5-е Дни"
            ordinal = not token.text.isdigit() or at(tokens, k + 1).text in DASHES
            return not ordinal and self.year(tokens, k) is None and self.month(at(tokens, k + 1)) is None
        if token.lower in COUNTS:
            return True
        return self.language == "ru" and token.text[:1].isalpha() and self.morphology.analysis(token.lower)[1] == "NUMR"

    def object_named(self, between: list[Token]) -> bool:
        """Whether the words after a verb of moving or cancelling, up to the first event's word, are only that event's
        name: "cancel the 2021 Nordic Para Athletics Championships", "перенести V Международную конференцию" (not
        "отменить ограничения для участников турнира": the restrictions are what is cancelled)."""
        event_at = next((n for n, token in enumerate(between) if self.kind_of(token)[0] is not None), 0)
        for token in between[:event_at]:
            if not token.text.isalpha() or token.text[:1].isupper() or token.lower in ARTICLES:
                continue
            if self.language == "ru" and self.morphology.analysis(token.lower)[1] in NAME_PARTS:
                continue
            if self.language == "ru" or token.lower in LINKING:
                return False
        return True

    def names_no_event(self, low: int, high: int) -> bool:
        """Whether the tokens [low, high) of the sentence read name no event (asked once a clause: see per_clause)."""
        return self.event_type(self.clause_tokens[low:high], nearest_last=False)[0] is None

    def moved_from(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a date is the one an event was moved from: "postponed from 5 May", "перенесён с 12 марта"."""
        if at(tokens, mention.first - 1).lower not in ("from", "с", "со"):
            return False
        for k in range(mention.first - 2, max(-1, mention.first - 8), -1):
            if is_clause_mark(tokens, k):
                return False  # "Выставка, перенесённая из-за пандемии, пройдёт с 5 по 7 мая": another clause's move
            if self.lemma(tokens[k]) in MOVED:
                return True
        return False

    def signing_clause(self, tokens: list[Token], mention: Mention) -> set[str]:
        """The words of the date's clause when it names no event but a signing ("The Treaty on the EAEU was signed in
        Astana on 29 May 2014"); none when it names one ("в ходе государственного визита стороны подписали")."""

        def only_signings(low: int, high: int) -> bool:
            return {kind.slug for kind in {self.kind_of(token)[0] for token in tokens[low:high]} - {None}} <= {
                "signing"
            }

        return self.clause_words(tokens, mention.first) if self.per_clause(mention.first, only_signings) else set()

    def in_force(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether the date's clause says a document entered into force ("entered into force on 1 January 2015",
        "вступил в силу 1 мая 1999 года"; not "военно-воздушных сил")."""

        def says_in_force(low: int, high: int) -> bool:
            words = [token.lower for token in tokens[low:high]]
            pairs = set(itertools.pairwise(words))
            return ("into", "force") in pairs or any(w.startswith("вступ") and ("в", "силу") in pairs for w in words)

        return self.per_clause(mention.first, says_in_force)

    def signed_before_document(self, tokens: list[Token], mentions: list, index: int) -> tuple | None:
        """The signing of a day said before the document's own date, when the verb stands between them and is too far
        from the day for it: "On 9 June, the Deputy Ministers … of Kazakhstan signed a Protocol amending the
        Convention … of 28 March 1995" (the later date is the Convention's)."""
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is None or mention.precision != Event.Precision.DAY or self.type_for("signing") is None:
            return None
        # The document's date said as its own ("the Convention of 28 March 1995", "от 28 марта 1995 года"), not as
        # its signing ("the Agreement signed on 28 March 2024", "подписанное в Ханое 28 марта"): that verb is the
        # document's, and this day's event another (talks on it, its ratification).
        if self.reference_reason(tokens, following) != "document" or at(tokens, following.first - 1).lower not in OF:
            return None
        segment = tokens[mention.end : following.first]
        signed = next((k for k, token in enumerate(segment) if self.lemma(token) in SIGNED), None)
        return None if signed is None else (self.type_for("signing"), signed, mention.end, segment)


def relative_clause(between: list[Token]) -> bool:
    """Whether words between a verb and a date after it are an event's name and the relative clause that holds the
    date ("the Congress, which was to take place in Tunis on", "мастер-класс, который должен был пройти"): one clause
    mark, a relative word after it."""
    marks = [n for n in range(len(between)) if is_clause_mark(between, n)]
    # or a participle of planning in any form: "конференцию «Город для всех», запланированную на 2–3 апреля"
    word = at(between, marks[0] + 1).lower if len(marks) == 1 else ""
    return word in RELATIVE or word.startswith(PLANNED_PARTICIPLES)


def was_to(tokens: list[Token], k: int) -> bool:
    """Whether token k is the "to" of a plan told in the past: "which was to be held", "was to have been held", "was to
    host"."""
    planned = at(tokens, k - 1).lower in ("was", "were") and at(tokens, k + 1).text.isalpha()
    return tokens[k].lower == "to" and planned
