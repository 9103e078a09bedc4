"""The tense of a clause, and the year a date leaves out, which it decides: the tense half of the DateReader.

English: auxiliaries and the past forms of the verbs releases use ("will", "took place", "held"); a participle after
"be" is passive, not past ("is to be held"); "would" of reported plans is the future ("agreed that the Days would be
held"). Russian: the verbs' tenses from pymorphy3, and verbs of planning ("планируется", "договорились"). A
cancelling ("was cancelled", "отменён") tells no tense: the event is as often to come as past.

The year a date leaves out: the one its weekday has, the event's name gives ("Expo 2026"), the paragraph named, the
tense allows, else the nearest; "of the same year" is the year last named; a line of a list of events to come is to
come too ("– 29 May …", "– 15–20 September …": the next September, not the last one).
"""

import bisect
import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from events.models import Event

from .release_cancels import CANCELLED
from .release_dates import Mention, Partial, at
from .release_references import ANNOUNCED, MOVED
from .release_words import GUESTS, SUBJECT_PRONOUNS, Token, is_clause_mark, tokens_of

# At most this many words before a weekday tell its tense (a bounded look: time linear in the text).
TENSE_WORDS = 8
# At most this many words of its clause before a date tell its own verb's tense ("The commission met in Baku on").
PLAN_WORDS = 16
# Participles of planning, whose date is the plan's, of no tense: "назначенное на 2 апреля", "намеченный на май".
PLAN_PARTICIPLES = {"назначить", "запланировать", "наметить", "намечать", "намечаться", "планировать",
                    "планироваться", "анонсировать", "перенести"}  # fmt: skip
# Participles of what was made for an event, which tell nothing of its own time: "выставка «Беларусь помнит»,
# подготовленная Национальным архивом", "концерт, посвящённый Дню Республики", "приуроченные к празднику".
MADE_PARTICIPLES = {"подготовить", "посвятить", "приурочить", "составить", "создать", "собрать"}
# How long before the publication a date told in the present may be: "The forum opens on 22 October" is to come.
PRESENT_PAST_DAYS = 60
# At most this many words between a word of moving and the date it moves to ("перенесен по просьбе стороны на").
MOVE_WORDS = 8
MOVED_WORDS = MOVED | ANNOUNCED  # a clause that tells of a move or of the plan moved
NEW_DATES = {"date", "dates", "дата", "срок"}  # "New dates:", "Новые сроки"

# Tense in English: auxiliaries and the past forms of the verbs releases use; a word of FUTURE_WORDS wins.
FUTURE_WORDS = {"will", "shall", "’ll", "'ll", "would", "upcoming", "forthcoming", "scheduled", "planned",
                "expected", "plans", "intend", "intends", "due", "next"}  # fmt: skip
# A guest expected is to come: "In May we expect a delegation from China" (not "we expect the agreement signed on 3
# June to enter into force"), and how far after the verb the guest is looked for.
EXPECT = {"expect", "expects", "await", "awaits"}
EXPECTED_GUEST = 4
# A participle after these is passive or an infinitive ("is to be held", "will be opened"), not the past tense.
BE_WORDS = {"be", "being", "is", "are", "am", "to"}
PAST_WORDS = {"was", "were", "had", "held", "took", "met", "visited", "signed", "opened", "closed", "hosted",
              "attended", "discussed", "adopted", "agreed", "exchanged", "noted", "welcomed", "stressed", "received",
              "gathered", "began", "ended", "marked", "celebrated", "paid", "made", "gave", "laid", "talked",
              "focused", "reviewed", "presented", "launched", "completed", "participated", "conducted", "organised",
              "organized", "came", "went", "saw", "brought", "featured", "drew", "ago", "earlier", "recently",
              "arrived", "travelled", "traveled", "emphasised", "emphasized", "addressed", "attracted", "ran", "lasted",
              "spent", "won", "played", "competed", "stayed", "concluded", "finished", "returned", "departed",
              "turned", "flew"}  # fmt: skip
# Words that open a verb's object ("renewed that pledge"), and that make an "-ed" after them a perfect or passive.
OBJECT_STARTS = {"the", "a", "an", "that", "this", "these", "those", "its", "their", "his", "her", "our", "two",
                 "three", "several", "new"}  # fmt: skip
# Verbs in "-ed" that tell of an event to come ("invited the public to the opening on 20 March", "accepted the
# invitation to attend", "confirmed the dates"): their past is the telling's.
ANNOUNCING = {"invited", "accepted", "confirmed", "announced", "proposed", "requested", "suggested", "offered",
              "extended", "scheduled", "planned", "expected", "published", "released", "unveiled", "outlined",
              "issued"}  # fmt: skip
LOOK = {"look", "looks", "looked", "looking"}  # "looked forward to"; not "brought forward to 3 March"
HAVE_WORDS = {"has", "have", "been", "will", "would", "had", "was", "were"}
# A verb in the present ("falls on 8 December", "opens on 5 May") leaves the year to the nearest such day.
PRESENT_WORDS = {"is", "are", "falls", "fall", "opens", "runs", "takes", "begins", "starts", "lasts", "continues",
                 "closes", "ends", "marks", "hosts", "holds", "meets", "coincides"}  # fmt: skip
RUSSIAN_FUTURE = {"планироваться", "запланировать", "наметить", "намечать", "намечаться", "предстоять",
                  "предстоящий", "ожидаться", "планировать", "договориться", "условиться",
                  "решить"}  # fmt: skip
AWAITING = {"ждать", "ожидать"}  # in the present: "ждём", "ожидаем"
# A decision made to hold an event: the decision past, the event to come ("decided to hold", "решили провести").
PLANNED_PAST = {"agreed", "decided", "resolved"}
HOLDING = {"hold", "host", "convene", "organise", "organize", "open", "stage", "meet", "sign", "visit"}
DECIDING = {"решение", "решить", "договориться", "условиться", "постановить"}
HOLDING_RU = {"провести", "проводить", "организовать", "открыть", "созвать", "подписать", "встретиться", "посетить"}
# Verbs of a plan: what they agree or decide "to" do is to come.
PLANNING = {"agreed", "decided", "resolved", "undertook", "agree", "decide"}
# What a plan may be of when it plans no event: "agreed to focus on nuclear medicine", "decided to strengthen ties".
UNPLANNED = {"focus", "strengthen", "expand", "develop", "deepen", "work", "cooperate", "support", "intensify",
             "promote", "enhance", "boost", "explore", "consider", "study", "coordinate", "maintain", "step",
             "increase", "facilitate", "encourage", "improve", "diversify", "build", "pursue", "keep"}  # fmt: skip
# Words that place what they qualify in the past, which pymorphy3 reads first as a noun or an adjective
# ("визита, прошедшего 3–5 апреля": "прошедшее"; "в минувшую пятницу").
RUSSIAN_PAST = {"прошедшее", "прошедший", "минувший", "минувшее"}
# Verbs that say an event took place ("held talks", "состоялись переговоры"), not what was done at one ("at the
# board's session the plan was approved").
HAPPENING = {"held", "hold", "holds", "took", "met", "hosted", "conducted", "arrived", "состояться", "пройти",
             "провести", "встретиться", "проходить", "проводить", "прибыть"}  # fmt: skip
# What is to be made or done to things, not an event to come: "a contract for kits to be assembled at the plant".
MADE = {"assembled", "built", "produced", "manufactured", "delivered", "supplied", "shipped", "installed", "used",
        "paid", "spent", "allocated", "invested", "exported", "imported", "repaired", "constructed"}  # fmt: skip
# An infinitive after "to" in a headline ("Lavrov to visit Minsk") speaks of the future.
HEADLINE_FUTURE = {"visit", "meet", "hold", "attend", "open", "host", "travel", "take", "sign", "address", "be"}

T = TypeVar("T")


class TenseReader:
    """The tenses of a sentence's clauses; the ReleaseReader (release.py) sets up the state used here."""

    def clause_bounds(self, i: int) -> tuple[int, int]:
        """The tokens [low, high) of the clause (between commas, dashes, brackets...) that holds token i."""
        marks = self.clause_marks
        at = bisect.bisect_left(marks, i)  # marks[at] is the first mark at or after i
        low = marks[at - 1] + 1 if at else 0
        high = marks[at] if at < len(marks) else len(self.clause_tokens)
        return low, high

    def per_clause(self, i: int, compute: Callable[[int, int], T]) -> T:
        """compute(low, high) for the clause that holds token i, worked out once per clause and question (compute's
        name), not once per date: a clause of thousands of dates is read in time linear in its length."""
        low, high = self.clause_bounds(i)
        key = (compute.__name__, low, high)
        if key not in self.clause_answers:
            self.clause_answers[key] = compute(low, high)
        return self.clause_answers[key]

    def per_sentence(self, compute: Callable[[], T], name: str) -> T:
        """compute() for the sentence being read, worked out once per sentence, not once per date."""
        if (name,) not in self.clause_answers:
            self.clause_answers[name,] = compute()
        return self.clause_answers[name,]

    def sentence_index(self, token: Token) -> int | None:
        """Where a token of the sentence being read is in it (a segment's word, asked for the words around it)."""
        index = self.per_sentence(lambda: {id(word): k for k, word in enumerate(self.clause_tokens)}, "index")
        return index.get(id(token))

    def clause_tense(self, i: int | None) -> str:
        """The tense of the clause that holds token i; of the whole sentence when i is None."""
        low, high = (0, len(self.clause_tokens)) if i is None else self.clause_bounds(i)
        if (low, high) not in self.clause_tenses:
            self.clause_tenses[low, high] = self.words_tense(self.clause_tokens[low:high])
        return self.clause_tenses[low, high]

    def tense_at(self, i: int) -> str:
        """The tense of the clause that holds token i, else of the sentence: "future", "past", "present" or ""."""
        tense = self.clause_tense(i) or self.clause_tense(None)
        if tense == "future" and self.words_before(i) == "past":
            tense = "past"  # "met in Baku on 3–4 March and agreed to extend…": the plan comes after the date's verb
        plan = self.per_clause(i, self.plan_told)
        if plan is not None and plan < i:
            tense = "future"  # "Совет принял решение провести форум 5 октября": what was decided is to come
        elif plan is not None and tense == "future":
            tense = "past"  # "The meeting on 30 August decided to hold the festival…": the deciding was past
        if self.moved_to(i) and (
            tense in ("", "present") or (tense == "past" and self.clause_words(self.clause_tokens, i) & MOVED_WORDS)
        ):
            return "future"  # "перенесён на февраль", "is postponed to May": the move is told, the event to come
        if tense in ("", "present") and self.per_sentence(self.new_dates, "new dates"):
            return "future"  # "Новые даты — 24 и 25 сентября", "New dates: 10-11 July": a move's new days, to come
        return tense

    def new_dates(self) -> bool:
        """Whether the sentence gives new dates ("Новые даты —", "New dates:", "Новые сроки")."""
        tokens = self.clause_tokens
        return any(
            self.lemma(token) in ("новый", "new") and self.lemma(at(tokens, k + 1)) in NEW_DATES
            for k, token in enumerate(tokens)
        )

    def plan_told(self, low: int, high: int) -> int | None:
        """Where, in the tokens [low, high) of the sentence, a decision or agreement made in the past to hold an event
        is told ("decided to hold", "agreed to open", "приняло решение провести", "договорились провести"), if any."""
        tokens = self.clause_tokens
        for k in range(low, high - 2):
            word, after = tokens[k].lower, at(tokens, k + 1).lower
            if self.language == "en" and word in PLANNED_PAST and after == "to" and at(tokens, k + 2).lower in HOLDING:
                return k
            if (
                self.language == "ru"
                and self.lemma(tokens[k]) in DECIDING
                and (self.lemma(at(tokens, k + 1)) in HOLDING_RU or self.lemma(at(tokens, k + 2)) in HOLDING_RU)
            ):
                return k
        return None

    def words_before(self, i: int) -> str:
        """The tense the words of its clause before token i give (at most PLAN_WORDS of them, not capitalised)."""
        low = max(self.clause_bounds(i)[0], i - PLAN_WORDS)
        # Not a name's word ("в Музее Марка Шагала с 1 июля": not the verb "шагал"), save the sentence's first.
        words = [token for k, token in enumerate(self.clause_tokens[low:i], low) if not k or token.text[:1].islower()]
        return self.words_tense(words)

    def moved_to(self, i: int) -> bool:
        """Whether token i follows a word of moving in its sentence ("postponed to May"), or is a date a clause says
        was planned ("который планировалось провести 22–23 октября"), in a sentence that tells of a move; not the
        day the move was made ("On 2 March, the organisers postponed the forum")."""
        tokens = self.clause_tokens
        if not self.sentence_words(tokens) & MOVED:
            return False
        before = tokens[max(0, i - MOVE_WORDS) : i]
        return any(self.lemma(token) in MOVED for token in before) or bool(self.clause_words(tokens, i) & ANNOUNCED)

    def tense_before(self, tokens: list[Token], i: int) -> str:
        """The tense the words of its clause before token i give, else the clause's: "which opened on Wednesday and
        will run until 21 June" (opened)."""
        low = max(self.clause_bounds(i)[0], i - TENSE_WORDS) if self.clause_tokens is tokens else i
        return self.words_tense(tokens[low:i]) or self.tense_at(i)

    @staticmethod
    def regular_past(tokens: list[Token]) -> bool:
        """Whether an English verb in "-ed" is said in the past with its object after it ("renewed that pledge",
        "approved the plan"); not a participle ("dedicated to", "organised by", "is expected", "the renewed pledge")."""
        return any(
            len(token.text) > 4
            and token.text.endswith("ed")
            and token.text.islower()
            and at(tokens, k + 1).lower in OBJECT_STARTS
            and at(tokens, k - 1).lower not in BE_WORDS | HAVE_WORDS | OBJECT_STARTS
            and token.lower not in ANNOUNCING
            # "that" before a noun ("renewed that pledge"), not before a clause ("delighted that Mayor Matsui has")
            and not (at(tokens, k + 1).lower == "that" and not at(tokens, k + 2).text.islower())
            and not (
                at(tokens, k + 1).lower == "that"
                and at(tokens, k + 2).lower in OBJECT_STARTS | SUBJECT_PRONOUNS | {"there"}
            )
            for k, token in enumerate(tokens)
        )

    @staticmethod
    def reached(tokens: list[Token], k: int) -> bool:
        """Whether the name that ends at token k is where a trip went ("travelled to Almaty to take part", "arrived in
        Minsk to hold talks": the purpose of the trip, not a headline's "Lavrov to visit Minsk")."""
        while k >= 0 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
            k -= 1
        return at(tokens, k).lower in ("to", "in", "at")

    def words_tense(self, tokens: list[Token]) -> str:
        """ "future" or "past" when the words say so ("will", "held", "совершит", "прошёл"), else ""."""
        self.work["tense words"] += len(tokens)
        if self.language == "en":
            words = {token.lower for token in tokens}
            if all(at(tokens, k + 1).lower in ("like", "love") for k, t in enumerate(tokens) if t.lower == "would"):
                words.discard("would")  # "We would like to thank everyone who took part": politeness, no future
            # "The concert on 8 July was cancelled": the cancelling is told, not when its event was.
            past = {
                token.lower
                for k, token in enumerate(tokens)
                if at(tokens, k - 1).lower not in BE_WORDS and not at(tokens, k + 1).lower.startswith(CANCELLED)
            }
            headline = any(
                token.lower == "to"
                and at(tokens, k + 1).lower in HEADLINE_FUTURE
                and k
                and tokens[k - 1].text[:1].isupper()
                and not self.reached(tokens, k - 1)
                for k, token in enumerate(tokens)
            )
            # "agreed to hold", "decided to open": a plan, of the future, whatever the tense of its verb.
            planned = any(
                token.lower in PLANNING and at(tokens, k + 1).lower == "to" and at(tokens, k + 2).lower not in UNPLANNED
                for k, token in enumerate(tokens)
            )  # not "agreed to focus on nuclear medicine": no event planned
            # "to be held in Vitebsk on 25–27 June", "is to be signed": still to come.
            planned = planned or any(
                t.lower == "to"
                and at(tokens, k + 1).lower == "be"
                and at(tokens, k - 1).lower not in ("was", "were")
                and at(tokens, k + 2).lower not in MADE
                for k, t in enumerate(tokens)
            )  # not "was to be signed on 25 February, but was not", "kits to be assembled at the plant"
            # "looked forward to welcoming the Minister … in July": what is looked forward to is to come.
            planned = planned or any(
                t.lower == "forward" and at(tokens, k + 1).lower == "to" and at(tokens, k - 1).lower in LOOK
                for k, t in enumerate(tokens)
            )
            shortened = any(word.endswith(("'ll", "’ll")) or word in ("won't", "won’t") for word in words)  # "I'll"
            awaited = any(
                t.lower in EXPECT and any(self.lemma(g) in GUESTS for g in tokens[k + 1 : k + 1 + EXPECTED_GUEST])
                for k, t in enumerate(tokens)
            )
            if words & FUTURE_WORDS or headline or planned or shortened or awaited:
                return "future"
            return (
                "past" if past & PAST_WORDS or self.regular_past(tokens) else "present" if words & PRESENT_WORDS else ""
            )
        tenses = set()
        for k, token in enumerate(tokens):
            if token.lower in ("был", "была", "было", "были") and at(tokens, k - 1).lower.startswith("долж"):
                continue  # "должен был состояться 10 сентября": what was due, told without its tense
            if token.text.isalpha() and not token.text.isascii() and not token.lower.startswith(CANCELLED):
                form, part_of_speech, tense, _number = self.morphology.analysis(token.lower)
                if form in RUSSIAN_FUTURE or (form in AWAITING and tense == "pres"):
                    tenses.add("futr")  # "В мае ждём делегацию": who is expected is to come
                elif form in RUSSIAN_PAST:
                    tenses.add("past")
                elif part_of_speech == "PRTF" and form in PLAN_PARTICIPLES | MADE_PARTICIPLES:
                    continue  # "заседание, назначенное на 2 апреля, состоится": the plan's date, no past
                elif part_of_speech == "PRTS" and form in PLAN_PARTICIPLES:
                    continue  # "Марафон назначен на 6 марта": a plan, to come unless "был назначен"
                elif part_of_speech in ("VERB", "PRTF", "PRTS"):
                    tenses.add(tense)
        return "future" if "futr" in tenses else "past" if "past" in tenses else "present" if "pres" in tenses else ""

    def finite_past(self, tokens: list[Token]) -> bool:
        """Whether a verb of the sentence is in the past ("was signed", "был подписан"), not only a participle
        ("established under the Agreement", "созданной Соглашением")."""
        if self.language == "en":
            return self.words_tense(tokens) == "past"
        return any(
            token.text.isalpha() and self.morphology.analysis(token.lower)[1:3] in (("VERB", "past"), ("PRTS", "past"))
            for token in tokens
        )

    def only_past(self, tokens: list[Token]) -> bool:
        """Whether the words speak of the past alone: a verb in the past and none in the present or the future ("made
        a study visit"; not "The Forum, held every year since 2015, returns")."""
        if self.words_tense(tokens) != "past":
            return False
        if self.language == "en":
            # Not a participle set off by a comma ("The Forum, held every year since 2015, …"); "…, met the" is a verb.
            finite = any(
                token.lower in PAST_WORDS
                and (at(tokens, k - 1).text != "," or at(tokens, k + 1).lower in OBJECT_STARTS)
                for k, token in enumerate(tokens)
            )
            return (finite or self.regular_past(tokens)) and not {t.lower for t in tokens} & (
                PRESENT_WORDS | FUTURE_WORDS
            )
        analyses = (self.morphology.analysis(t.lower) for t in tokens if t.text.isalpha() and not t.text.isascii())
        return not any(pos in ("VERB", "PRTF", "PRTS") and tense in ("pres", "futr") for _f, pos, tense, _n in analyses)

    def leads_more(self) -> bool:
        """Whether the sentence read leads its paragraph and a sentence told in the past, the paragraph's next or, for a
        line alone, the next paragraph's first: "February. The group met in Stockholm.", "Февраль" on its line over
        "Делегация Белпочты посетила Ташкент.". Read only for a sentence that is a date alone, not for every one."""
        if self.lead is None:
            return False
        paragraphs, number = self.lead
        paragraph = paragraphs[number]
        sentences = paragraph[1:] or (paragraphs[number + 1] if number + 1 < len(paragraphs) else [])
        if not sentences or not self.first_clause_past(sentences[0]):
            return False
        # none of them to come: not "Апрель" / "Министерство завершило подготовку. Форум откроется 15 апреля"
        return not any(self.words_tense(tokens_of(sentence)) == "future" for sentence in sentences[1:])

    def first_clause_past(self, sentence: str) -> bool:
        tokens = tokens_of(sentence)
        ends = next((k for k in range(len(tokens)) if is_clause_mark(tokens, k)), len(tokens))
        return self.only_past(tokens[:ends])

    def tells_happening(self, tokens: list[Token]) -> bool:
        """Whether a verb of the words says an event took place ("held talks", "состоялись переговоры"), or a visit
        ("Делегация прибыла в Минск": a post's news of its day)."""
        return any(
            (token.lower in HAPPENING or self.lemma(token) in HAPPENING)
            and not (token.lower == "arrived" and at(tokens, k + 1).lower != "in")  # not "arrived at a consensus"
            for k, token in enumerate(tokens)
        )

    def with_year(self, tokens: list[Token], i: int, k: int, parts: Partial) -> Mention | None:
        """The mention of days whose words end at token k, with the year the text gives or the sentence implies."""
        year, explicit = self.year(tokens, k), True
        if year is not None:
            k = self.past_year_words(tokens, k + 1)
        elif (relative := self.shift(tokens, k, "year")) is not None:  # 14 November last year
            year, k = self.published.year + relative[0], relative[1]
        elif self.last_year is not None and (same := self.same_year_words(tokens, k)):
            year, k = self.last_year, k + same  # "и подписанное 14 декабря того же года"
        if at(tokens, k).text == "(" and self.weekday(at(tokens, k + 1)) is not None and at(tokens, k + 2).text == ")":
            parts.weekday, k = self.weekday(at(tokens, k + 1)), k + 3  # 14 ноября (вторник)
        if year is None:
            year, explicit = self.infer_year(tokens, i, parts), False
        if year is None:
            return None
        try:
            first = dt.date(year, parts.month, parts.day)
        except ValueError:
            return None  # "31 April": no year has it
        last = run_end(first, parts)
        if last is None or last < first:
            return None
        return Mention(i, k, first, last, Event.Precision.DAY, explicit)

    def within_last_run(self, parts: Partial) -> int | None:
        """The year of the last run of days named (not a week; about the publication's year, not a past one told),
        when the date's days fall within it."""
        if self.last_run is None or self.last_run[2] or abs(self.last_run[0].year - self.published.year) > 1:
            return None
        first, last, _week = self.last_run
        for year in {first.year, last.year}:
            try:
                start, end = dt.date(year, parts.month, parts.day), dt.date(year, parts.last_month, parts.last_day)
            except ValueError:
                continue
            if first <= start <= end <= last:
                return year
        return None

    def infer_year(self, tokens: list[Token], i: int, parts: Partial) -> int | None:
        """The year a date leaves out: the weekday's, the event's name's, the paragraph's, the tense's, else the
        nearest."""
        published, tense = self.published, self.tense_at(i)
        if tense == "future" and self.opened_before(tokens, i):
            tense = "past"  # "The exhibition opened on 27 January and will run until 14 March": its own verb's
        if parts.weekday is None and (named := self.name_year(tokens, i)) is not None:
            return named  # "«Кыргыз Экспо-2026» 9–11 сентября", "Expo 2026 on 8–11 April"
        day = at(tokens, i).text[:1].isdigit()  # a day's number, not a month's name
        if day and parts.weekday is None and (within := self.within_last_run(parts)) is not None:
            return within  # "6–8 октября 2026 года …", then "заседания рабочих комиссий (6 октября)": that October
        candidates = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                candidates.append(dt.date(year, parts.month, parts.day))
            except ValueError:
                continue
        if parts.weekday is not None and (same := [d for d in candidates if d.weekday() == parts.weekday]):
            candidates = same
        elif self.context_year and self.context_year != published.year:
            try:
                in_context = dt.date(self.context_year, parts.month, parts.day)
            except ValueError:
                in_context = None
            allowed = in_context and not (tense in ("future", "present") and in_context < published)
            if allowed and not (tense == "past" and in_context > published):
                return self.context_year
        if self.list_start is not None and self.list_year in {d.year for d in candidates}:
            return self.list_year  # "Основные мероприятия председательства в 2026 году:", then its lines
        if tense != "past" and self.lists_ahead() and (ahead := [d for d in candidates if d >= published]):
            return min(ahead).year  # a list of events to come stays to come
        # the present of a date is its schedule ("The forum opens on 22 October"), or news of days just past; a run's
        # last day counts ("runs from 12 March to 30 September", in July: this year's), and a start said with "since"
        # or "from" is the start of what goes on ("С 15 марта … проходит выставка")
        recent = published - dt.timedelta(days=PRESENT_PAST_DAYS)
        one_day = (parts.day, parts.month) == (parts.last_day, parts.last_month)
        started = one_day and at(tokens, i - 1).lower in ("since", "from", "с", "со")
        by_tense = [
            d
            for d in candidates
            if (tense != "future" or d >= published)
            and (tense != "past" or d <= published)
            and (tense != "present" or started or (run_end(d, parts) or d) >= recent)
        ]
        chosen = by_tense or candidates
        return min(chosen, key=lambda day: abs((day - published).days)).year if chosen else None

    def lists_ahead(self) -> bool:
        """Whether the sentence is a line of a list (lines led by dashes or bullets) an earlier line of which named a
        day to come (not an interview's answer led by a dash, after a question)."""
        in_list = self.list_start is not None and self.last_day_at >= self.list_start
        return in_list and self.last_day is not None and self.last_day >= self.published


def run_end(first: dt.date, parts: Partial) -> dt.date | None:
    """The last day of a run of days that starts on the first (in the next year when its month comes before), or
    None when that year has no such day."""
    try:
        return dt.date(first.year + (parts.last_month < parts.month), parts.last_month, parts.last_day)
    except ValueError:
        return None
