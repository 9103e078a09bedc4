"""Days said by their relation to others: the days half of the DateReader (the ReleaseReader sets up its state;
weekdays, weekends and the days of a trip counted from its first are release_weekdays.py's).

- the day last named ("the same day", "в тот же день"), the day after it ("the next day", "на следующий день");
- the day of an event proposed before ("on the day of the Council meeting", "в день встречи", "on the closing day of
  the forum"): the events of that day are told by it;
- days counted from the publication ("a week ago", "через три дня"); how long an event lasts ("a three-day visit",
  "продлится три дня"); last year's event ("прошлогодний фестиваль"); a signing on the day of the event it closes;
- no day: "today" in a quote of the present ("«… Сегодня наша главная задача — …», — отметила она").
"""

import dataclasses
import datetime as dt
import itertools
import re

from events.models import Event

from .release_dates import DAYS_FROM_PUBLICATION, Mention, at, bare, in_year
from .release_periods import CLOSED, CLOSING, CONTINUING, OPENING
from .release_words import DASHES, DAY_WORDS, OFFSETS, TIME_LINE, Token, tokens_of

FINAL_WORDS = {"final", "last", "closing", "заключительный", "последний", "завершающий"}
# "on the opening day of the forum", "в первый день саммита": the start of the event named; a final day, its end.
OPENING_WORDS = {"opening", "first", "первый"}
# How many days an event lasts: "lasts two days", "a three-day visit", "продлится три дня".
DURATIONS = {"two": 2, "three": 3, "four": 4, "five": 5, "два": 2, "три": 3, "четыре": 4, "пять": 5, "двух": 2,
             "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5}  # fmt: skip
# "a three-day seminar", "3-day", "трёхдневный семинар": how long an event lasts, said in one word.
LENGTH = re.compile(r"\b(two|three|four|five|[2-9])-day\b|\b(дву|двух|тр[её]х|четыр[её]х|пяти)дневн", re.IGNORECASE)
# How far after its length ("three-day", "трёхдневный") an event's word may follow: "a two-day working visit".
LENGTH_REACH = 24
# Verbs that end an event, besides CLOSING's and CONCLUDING's: "completed a two-day working visit on Thursday".
ENDED = {"completed", "completes", "complete", "concludes", "conclude", "finished", "finishes", "wrapped"}
PRONOUNS = {"it", "she", "he", "они", "она", "он", "оно"}
# "Прошлогодний фестиваль": last year's event.
LAST_YEARS = {"прошлогодний"}
# What stands between days and the week they restate: "4–5 июня, то есть на прошлой неделе".
RESTATING = {",", "то", "есть", "т", ".", "е", "that", "is", "i", "e", "or", "или", "на", "in", "—", "–", "(", ")"}
# A signing told after the event it closes: "Following the talks", "по итогам переговоров", "upon the conclusion of
# the meeting", "по завершении заседания"; "The day concluded with the signing".
FOLLOWING = {"following", "after", "conclusion", "close", "итог", "завершение", "окончание", "после"}
CONCLUDING = {"concluded", "ended", "closed", "завершиться", "закончиться"}
ENDING = CLOSING | CLOSED | CONCLUDING | ENDED
VERB_REACH = 3  # how far before a day the verb that opens or closes on it may stand: "concluded on Thursday"
FRAME_WORDS = 6  # how far into the sentence the frame may start ("Upon the conclusion of", "В Кремле по итогам")
# Words between "day of" and the event's name: "on the day of the Council meeting", "the day of this year's forum".
ARTICLES = {"the", "this", "that", "its", "their"}
# "a week ago", "две недели назад", "через неделю", "in two weeks": how many of a unit, and the unit's days.
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "один": 1,
          "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "десять": 10}  # fmt: skip
UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "день": 1, "неделя": 7}
AGO = {"ago", "назад"}
FEW = {"few", "several", "many", "couple", "несколько", "пара", "много", "пару"}
AHEAD = {"in", "через"}


# A post's date line in a feed of posts: "22 April 2024 · 18:05", "@AkkuyuNPP · 14 Jul 2021", "10 апреля, 10:05",
# "14 сентября 2020 г., 10:05", "17.11.2025, 09:14": a handle or a time with the day, nothing else.
POST_LINE = re.compile(
    r"(?P<handle>@[\w.]+\s*[·|•—–-]\s*)?(?P<date>\d{1,2}\s+[^\W\d_]+\.?(?:\s+\d{4})?|[^\W\d_]+\.?\s+\d{1,2},?"
    r"(?:\s+\d{4})?|\d{1,2}\.\d{2}\.\d{4})(?:\s*г\.)?(?P<time>\s*[,·|•—–-]\s*(?:в\s+|at\s+)?\d{1,2}[:.]\d{2})?"
)
FEED_LINES = 3  # lines of dates alone that make a feed of posts
POST_AGE = 366  # days: a post older than the release by more is no post of its feed


# Quote marks, and how far from "today" they are looked for.
QUOTE_MARKS = {"«", "»", "“", "”", "„", '"'}
QUOTE_REACH = 60


class DayReader:
    """The same and the next day, an event's days and length, counted days."""

    def told_days(
        self, tokens: list[Token], sentence: str, keyword: Token, mention: Mention
    ) -> tuple[dt.date, dt.date] | None:
        """The days of an event the sentence says is N days long and opens or closes on a day: "The three-day forum
        opens on 5 May" (5–7 May), "completed a two-day working visit on Thursday" (Wednesday and Thursday),
        "Трёхдневный визит завершился в четверг"."""
        found = self.per_sentence(lambda: LENGTH.search(sentence), "length")
        if found is None or keyword.text not in sentence[found.end() : found.end() + LENGTH_REACH]:
            return None
        day, days = mention.start, dt.timedelta(days=length_days(found) - 1)
        words = self.sentence_words(tokens)
        # the verb just before the day first: "concluded on Thursday a three-day visit which began on Tuesday"
        verb = self.verbs_before(tokens, mention)
        words = verb if verb & (OPENING | ENDING) else words
        opens, closes = bool(words & OPENING), bool(words & ENDING)
        if opens == closes:
            return None  # neither, or both ("opened on 3 May and closed on 5 May": the run its two days give)
        return (day, day + days) if opens else (day - days, day)

    def verbs_before(self, tokens: list[Token], mention: Mention) -> set[str]:
        """The lemmas of the few words just before a date, where its verb stands ("concluded on Thursday")."""
        return {self.lemma(token) for token in tokens[max(0, mention.first - VERB_REACH) : mention.first]}

    def post_date(self, paragraph: list[str], number: int) -> dt.date | None:
        """The day of a post its line dates in a feed of posts ("22 April 2024 · 18:05", "@AkkuyuNPP · 14 Jul 2021",
        "10 апреля, 10:05"; a date alone in a feed whose lines go back in time, see feed_lines), on or before the
        release's day: "today", "the day after tomorrow" and "last Friday" in the post count from it. None for any
        other line (a programme's "Monday, 30 October" has no time)."""
        if number in self.feed_lines:
            return self.feed_lines[number]  # read already, by find_feed_lines
        found = POST_LINE.fullmatch(paragraph[0].strip()) if len(paragraph) == 1 else None
        if found is None or not (found["handle"] or found["time"]):
            return None
        return self.post_day(found)

    def post_day(self, found: re.Match) -> dt.date | None:
        numbers = [int(token.text) for token in tokens_of(found["date"]) if token.text.isdigit()]
        months = [month for token in tokens_of(found["date"]) if (month := self.month(token))]
        if len(numbers) == 3 and not months:  # "17.11.2025, 09:14"
            numbers, months = [numbers[0], numbers[2]], [numbers[1]] if 1 <= numbers[1] <= 12 else []
        if len(months) != 1 or not 1 <= numbers[0] <= 31:
            return None
        # Without its year, the nearest such day on or before the release's ("29 февраля" read in January 2025: 2024's);
        # a day ahead of the release is a programme's time ("4 November, 10:00" in an announcement), no post's.
        years = numbers[1:2] or [self.release_published.year, self.release_published.year - 1]
        for year in years:
            try:
                day = dt.date(year, months[0], numbers[0])
            except ValueError:
                continue
            if 0 <= (self.release_published - day).days <= POST_AGE:
                return day
            if len(numbers) == 1 and day > self.release_published and year == self.release_published.year:
                return None
        return None

    def find_feed_lines(self, paragraphs: list[list[str]]) -> dict[int, dt.date]:
        """The paragraphs that are a date alone, each over prose, with their days, when there are FEED_LINES or more
        and each is on or before the one above it with one before it at least: a feed's posts, newest first ("2 Jul
        2024", then "30 Jun 2024"); or oldest first up to the publication's own day. A programme's days and a
        chronicle's entries go forward in time to other days."""
        lines: dict[int, dt.date] = {}
        for number, paragraph in enumerate(paragraphs[:-1]):
            found = POST_LINE.fullmatch(paragraph[0].strip()) if len(paragraph) == 1 else None
            prose = not TIME_LINE.match(paragraphs[number + 1][0])
            if found and prose and (day := self.post_day(found)) is not None:
                lines[number] = day
        days = list(lines.values())
        if len(days) < FEED_LINES or days[0] == days[-1]:
            return {}
        if days[0] < days[-1]:  # oldest first, up to the publication's own day: "Sep 3", "Sep 4", … "Sep 10"
            forward = days[-1] == self.published and all(a <= b for a, b in itertools.pairwise(days))
            # posts that speak from their own day ("opens today", "Tomorrow our delegation…"), not a programme's or a
            # week's chronicle's days, whose last is the publication's
            bodies = (tokens_of(" ".join(paragraphs[number + 1])) for number in lines)
            relative = any(bare(token.lower) in DAYS_FROM_PUBLICATION for body in bodies for token in body)
            return lines if forward and relative else {}
        return lines if all(later >= earlier for later, earlier in itertools.pairwise(days)) else {}

    def same_day_words(self, tokens: list[Token], i: int) -> int:
        """How many words from token i say "the day last named": "the same day", "тот же день", "этот же день" in
        any case; "In the evening" or "Вечером" that start a sentence. 0 if they do not."""
        word = at(tokens, i).lower
        if word == "same":
            return 2 if at(tokens, i - 1).lower == "the" and at(tokens, i + 1).lower == "day" else 0
        if word == "evening" and i == 2 and (tokens[0].lower, tokens[1].lower) == ("in", "the"):
            return 1
        if word == "вечером" and i == 0:
            return 1
        same = self.lemma(at(tokens, i)) in ("тот", "этот") and at(tokens, i + 1).lower == "же"
        return 3 if same and self.lemma(at(tokens, i + 2)) == "день" else 0

    def same_year_words(self, tokens: list[Token], k: int) -> int:
        """How many words from token k say "the year last named": "of the same year", "that same year", "того же
        года", "этого же года". 0 if they do not."""
        words = [token.lower for token in tokens[k : k + 4]]
        if words[:4] == ["of", "the", "same", "year"] or words[:3] == ["that", "same", "year"]:
            return 4 if words[0] == "of" else 3
        same = self.lemma(at(tokens, k)) in ("тот", "этот") and at(tokens, k + 1).lower == "же"
        return 3 if same and self.lemma(at(tokens, k + 2)) == "год" else 0

    def next_day_words(self, tokens: list[Token], i: int) -> int:
        """How many words from token i say "the day after the one last named": "the next day", "the following day",
        "на следующий день", "на другой день". 0 if they do not."""
        word = at(tokens, i).lower
        if word in ("next", "following"):
            return 2 if at(tokens, i - 1).lower == "the" and at(tokens, i + 1).lower == "day" else 0
        after = self.lemma(at(tokens, i)) in ("следующий", "другой") and at(tokens, i - 1).lower == "на"
        return 2 if after and at(tokens, i + 1).lower == "день" else 0

    def day_of_event(self, tokens: list[Token], i: int) -> Mention | None:
        """ "On the day of the Council meeting", "в день совещания", "on the opening day of the forum", "в последний
        день саммита": a day of the last event of that kind the release proposed (its first day; the last one for a
        final day), not a day of its own. "Day of Remembrance", "в День Победы", "в день рождения" name no event."""
        if at(tokens, i - 1).lower not in ("the", "в", "во", "на"):
            return None  # "a full day of negotiations": a day's length, not a day named
        k, which = i, "start"
        if self.lemma(at(tokens, k)) in FINAL_WORDS:
            k, which = k + 1, "end"
        elif self.lemma(at(tokens, k)) in OPENING_WORDS:
            k += 1
        if at(tokens, k).text not in DAY_WORDS:  # lower case: not a holiday's name ("Independence Day", "День")
            return None
        day_at, k = k, k + 1
        if self.language == "en":
            if at(tokens, k).lower != "of":
                return None
            k += 1
        while at(tokens, k).lower in ARTICLES:
            k += 1
        found = self.named_event_day(tokens[k : k + 4], which)
        named_before = self.event_type(tokens[:i], nearest_last=True)[0]
        just_named = named_before is not None and any(t.text.isdigit() for t in tokens[:i])
        if found is None or (just_named and named_before == found[1]):
            return None  # "The next forum will take place on 5–6 October, and on the day of the forum…": that one
        day, kind, keyword_at = found
        first = i - (at(tokens, i - 1).lower == "the")
        # A visit's day holds the visit's own parts ("в первый день визита состоялась церемония встречи"): its name
        # stays the sentence's event. Another event's day is the day of what the sentence tells ("On the day of the
        # Council meeting, the Commission opened an exhibition").
        end = day_at + 1 if kind.is_visit else k + keyword_at + 1
        return Mention(first, end, day, day, Event.Precision.DAY, False, counted=True)

    def day_count(self, token: Token) -> int | None:
        """How many days a word counts ("three", "три", "5"), from 2 to 31; None if it counts none."""
        return DURATIONS.get(token.lower) or (self.number(token, 2, 31) if token.text.isdigit() else None)

    def lasts_days(self, tokens: list[Token], kind) -> bool:
        """Whether a sentence without a date gives the length of the one-day event of the sentence before ("откроется
        Национальная выставка. Экспозиция продлится три дня", "It will run for five days"); if so, it now lasts
        that long. kind: the type the sentence names, if any (it must be that event's)."""
        last = self.last_proposal
        if last is None or last.reason or last.precision != Event.Precision.DAY or last.start != last.end:
            return False
        # "В течение трёх дней участники обсудят…", "Over three days, the delegates will…": the event's length
        russian = [token.lower for token in tokens[:2]] == ["в", "течение"]
        if russian or (tokens[:1] and tokens[0].lower in ("over", "for")):
            words = tokens[2:4] if russian else tokens[1:3]
            count = self.day_count(at(words, 0))
            if count and at(words, 1).lower in ("days", "дня", "дней"):
                last.end = last.start + dt.timedelta(days=count - 1)
                return False  # its own words are read still ("участники обсудят…")
        # The event itself, by its word or a pronoun: not "The consular section will remain open three days a week".
        if kind != last.event_type and not (tokens[:1] and tokens[0].lower in PRONOUNS):
            return False
        for k in range(len(tokens) - 1):
            if self.lemma(tokens[k]) not in CONTINUING:
                continue
            following = tokens[k + 1 : k + 5]
            for n, token in enumerate(following[:-1]):
                count = self.day_count(token)
                weekly = {t.lower for t in following[n + 2 : n + 4]} & {"week", "неделю", "per"}  # "три дня в неделю"
                if count and following[n + 1].lower in ("days", "дня", "дней") and not weekly:
                    last.end = last.start + dt.timedelta(days=count - 1)
                    return True
        return False

    def with_duration(self, tokens: list[Token], mention: Mention) -> Mention:
        """A day and how long it lasts: "opens on 13 June and lasts two days", "продлится три дня", "a three-day"."""
        if mention.precision != Event.Precision.DAY or mention.start != mention.last:
            return mention
        following = tokens[mention.end : mention.end + 20]
        for k, token in enumerate(following):
            if token.text in {".", ";"} or (
                self.number(token, 1, 31) and k + 1 < len(following) and self.month(following[k + 1])
            ):
                break
            count = self.day_count(token)
            unit = (
                following[k + 2] if k + 2 < len(following) and following[k + 1].text in DASHES else at(following, k + 1)
            )
            # "closed after four days": the days before it, not its length; "returned on Wednesday after a
            # three-day mission": the days that end on it
            after = at(following, k - 1).lower in ("after", "in", "within", "через", "спустя")
            offset = at(following, k + 2).lower in OFFSETS and at(following, k - 1).lower != "for"  # "2 days before"
            if not count or unit.lower not in ("days", "day", "дня", "дней") or offset:
                continue
            if at(following, k - 1).lower == "a" and at(following, k - 2).lower == "after":
                nouns = following[k + 2 : k + 6]  # "after a three-day trade mission", not "after a two-day break"
                kind, word_at = self.event_type(nouns, nearest_last=False)
                if kind is not None and at(nouns, word_at).lower not in ("stay", "stays"):
                    return Mention(mention.first, mention.end, mention.start - dt.timedelta(days=count - 1),
                                   mention.start, mention.precision, mention.explicit_year)  # fmt: skip
                after = True
            if not after:
                # "concluded on Thursday a three-day working visit": the days that end on it
                ends = bool(self.verbs_before(tokens, mention) & ENDING)
                start = mention.start - dt.timedelta(days=count - 1) if ends else mention.start
                return Mention(mention.first, mention.end, start, start + dt.timedelta(days=count - 1),
                               mention.precision, mention.explicit_year)  # fmt: skip
        return mention

    def of_last_year(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """The mentions, a day or a month without its year told of "last year's" event taken in last year
        ("Прошлогодний фестиваль, прошедший в августе", "last year's forum, held on 29–30 May")."""
        marks = [k for k, token in enumerate(tokens) if self.lemma(token) in LAST_YEARS or self.last_years(tokens, k)]
        if not marks:
            return mentions
        year = self.published.year - 1
        for n, mention in enumerate(mentions):
            if mention.explicit_year or mention.first < marks[0] or mention.precision == Event.Precision.YEAR:
                continue
            if self.tense_at(mention.first) != "past":
                continue  # "Building on last year's success, the forum will be held on 10–11 June": this year's
            if (moved := in_year(mention.start, mention.last, year)) is not None:
                mentions[n] = Mention(mention.first, mention.end, *moved, mention.precision, False)
        return mentions

    def last_years(self, tokens: list[Token], k: int) -> bool:
        """Whether tokens k and k + 1 are "last year's"."""
        following = at(tokens, k + 1).lower
        return at(tokens, k).lower == "last" and following.endswith(("'s", "’s")) and bare(following) == "year"

    def restated(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """The mentions but a week that only restates the days before it ("4–5 июня, то есть на прошлой неделе", "on 4
        and 5 June, i.e. last week"): the days, in the week's year; and a day said again after a comma ("Tomorrow, 20
        November, …"): one mention."""
        kept: list[Mention] = []
        for mention in mentions:
            before = kept[-1] if kept else None
            same = before is not None and same_days(before, mention)
            if same and all(token.text == "," for token in tokens[before.end : mention.first]):
                # "Завтра, 20 ноября, …": one day, in the year of the day named first ("Вчера, 18 февраля, состоялась
                # видеоконференция …, которые посетят эксперты": yesterday's, whatever the later verb's tense)
                kept[-1] = dataclasses.replace(
                    mention,
                    first=before.first,
                    start=before.start,
                    last=before.last,
                    explicit_year=before.explicit_year,
                )
                continue
            if before is None or not mention.vague or before.precision != Event.Precision.DAY:
                kept.append(mention)
                continue
            between = {token.lower for token in tokens[before.end : mention.first]}
            start, last = in_year(before.start, before.last, mention.start.year) or (before.start, before.last)
            if between <= RESTATING and mention.start <= start <= last <= mention.last:
                kept[-1] = Mention(before.first, before.end, start, last, before.precision, True)
                continue
            kept.append(mention)
        return kept

    def day_of_signing(self, tokens: list[Token]) -> Mention | None:
        """ "По итогам переговоров будет подписан пакет документов", "Upon the conclusion of the talks, the leaders will
        witness the signing", "The day concluded with the signing": a signing told after the event it closes, on
        that event's day (the last day the text named when the event is not proposed apart, as a visit's talks)."""
        if not self.dated:
            return None
        signing = self.signing_word(tokens)
        if (
            signing is None
            or at(tokens, signing - 1).lower in ("for", "к", "to")
            or self.lemma(at(tokens, signing - 1)) in ("prepare", "подготовка", "подготовить")
        ):
            return None  # "prepare an agreement for signing", "к подписанию": a signing to come, not held
        for k, token in enumerate(tokens[:FRAME_WORDS]):
            if self.lemma(token) in CONCLUDING and at(tokens, k + 1).lower in ("with", "церемонией", "подписанием"):
                return Mention(0, 0, self.last_day, self.last_day, Event.Precision.DAY, False, counted=True)
            if self.lemma(token) not in FOLLOWING or (token.lower == "after" and k):
                continue
            if token.lower == "close" and at(tokens, k + 1).lower != "of":
                continue  # "In close cooperation"
            k += 1
            while at(tokens, k).lower in ("of", "the", "a"):
                k += 1
            if (found := self.named_event_day(tokens[k : k + 4])) is not None:
                day = found[0]
            elif self.event_type(tokens[k : k + 2], nearest_last=False)[0] is not None:
                day = self.last_day  # an event not proposed apart: a visit's talks
            else:
                return None
            return Mention(0, 0, day, day, Event.Precision.DAY, False, counted=True) if day else None
        return None

    def signing_word(self, tokens: list[Token]) -> int | None:
        """Where the sentence names a signing ("the signing of", "будет подписан"), if it does."""
        signing = self.type_for("signing")
        return next((k for k, token in enumerate(tokens) if self.kind_of(token)[0] == signing), None)

    def named_event_day(self, words: list[Token], which: str = "start") -> tuple[dt.date, object, int] | None:
        """The day of the event the words name ("Council meeting", "переговоров") among those proposed so far: its
        first day, or its last for which="end"; with its type and where its word is. The one whose sentence shares
        most of the words ("the Council meeting": the Council's, not the Board's); of equals, the first told, the
        release's own event."""
        name = list(itertools.takewhile(lambda token: token.text[:1].isalnum(), words))
        kind, keyword_at = self.event_type(name, nearest_last=False) if name else (None, 0)
        of_kind = [p for p in self.found if p.event_type == kind and not p.reason]
        earlier = [p for p in of_kind if p.precision == Event.Precision.DAY]
        if kind is None or not earlier or of_kind[-1].precision != Event.Precision.DAY:
            return None  # "The next meeting will be held in the autumn. On the day of the meeting…": no day known
        lemmas = {self.lemma(token) for token in name}
        shared = [len(lemmas & self.sentence_lemma_set(p.sentence)) for p in earlier]
        named = earlier[shared.index(max(shared))]
        return (named.end if which == "end" else named.start), kind, keyword_at

    def sentence_lemma_set(self, sentence: str) -> set[str]:
        """A proposal's sentence's words, read once per sentence (linear time however often they are asked for)."""
        if sentence not in self.sentence_lemma_sets:
            self.work["sentence words read"] += 1
            self.sentence_lemma_sets[sentence] = {self.lemma(token) for token in tokens_of(sentence)}
        return self.sentence_lemma_sets[sentence]

    def days_off(self, tokens: list[Token], i: int) -> Mention | None:
        """A day counted from the publication: "a week ago", "10 days ago", "две недели назад", "неделю назад",
        "через неделю", "через три дня", "the forum will be held in two weeks" (not "a few days ago", "processed in 3
        days", "in two days of talks", "через неделю после выборов": another day's count)."""
        ahead = at(tokens, i).lower in AHEAD
        k = i + 1 if ahead else i
        word = at(tokens, k)
        count = COUNTS.get(word.lower) or (int(word.text) if word.text.isdigit() and len(word.text) <= 2 else None)
        if count is None and (self.language == "en" or self.lemma(at(tokens, k - 1)) in FEW or word.text.isdigit()):
            return None  # "a few days ago", "несколько дней назад": no day; English counts always say how many
        unit = UNIT_DAYS.get(self.lemma(at(tokens, k + (count is not None))))
        if unit is None:
            return None
        end = k + (count is not None) + 1
        if at(tokens, end).lower in ("of", "'s", "’s", "после", "after", "от", "since", "from"):
            return None
        if ahead and self.language == "en" and self.tense_before(tokens, i) != "future":
            return None  # "Applications are processed in 3 days"; "The forum will be held in two weeks" is a day
        if not ahead:
            if at(tokens, end).lower not in AGO:
                return None
            end += 1
        day = self.published + dt.timedelta(days=(1 if ahead else -1) * (count or 1) * unit)
        return Mention(i, end, day, day, Event.Precision.DAY, False)

    def nowadays(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether "today" is said inside a quote of the present, no day: "«… Сегодня наша главная задача — обеспечить
        доступ к рынкам», — отметила она", "“Today our task is …,” he said" (not "«Сегодня мы открыли выставку»", its
        clause naming an event)."""
        if tokens[mention.first].lower not in ("today", "сегодня") or mention.end - mention.first != 1:
            return False
        low, high = max(0, mention.first - QUOTE_REACH), min(len(tokens), mention.end + QUOTE_REACH)
        opened = next(
            (tokens[k].text for k in range(mention.first - 1, low - 1, -1) if tokens[k].text in QUOTE_MARKS), ""
        )
        closed_at = next((k for k in range(mention.end, high) if tokens[k].text in QUOTE_MARKS), high)
        closed = at(tokens, closed_at).text
        # after an opening mark, or before a closing one (the quote opened in a sentence before): a straight one
        # after an odd count of them, or closing its words (after a comma or a full stop: "… for the client," he said)
        straight = sum(tokens[k].text == '"' for k in range(low, mention.first)) % 2
        closing = closed == '"' and at(tokens, closed_at - 1).text in (",", ".", "!", "?")
        inside = opened in ("«", "“", "„") or closed in ("»", "”") or straight or closing
        if not inside:
            return False
        # its clause's words, past a time's colon ("«Сегодня в 18:00 откроется выставка»")
        start, end = self.clause_bounds(mention.first)
        while at(tokens, end).text == ":" and at(tokens, end - 1).text.isdigit() and at(tokens, end + 1).text.isdigit():
            end = self.clause_bounds(end + 1)[1]
        return self.event_type(tokens[start:end], nearest_last=False)[0] is None


def told_length(sentence: str) -> int | None:
    """The days a sentence says its event lasts: "three-day", "3-day", "трёхдневный"."""
    found = LENGTH.search(sentence)
    return None if found is None else length_days(found)


def length_days(found: re.Match) -> int:
    """The days of a length LENGTH found ("three-day": 3, "двухдневный", "двудневный": 2)."""
    word = (found[1] or found[2]).lower()
    return DURATIONS.get(word) or DURATIONS.get(word + "х") or int(word)


def same_days(named: Mention, again: Mention) -> bool:
    """Whether a mention says the days of the one before it again, the same days of its year when it gives none."""
    if named.precision != again.precision:
        return False
    if again.explicit_year:
        return (named.start, named.last) == (again.start, again.last)
    return all((a.month, a.day) == (b.month, b.day) for a, b in ((named.start, again.start), (named.last, again.last)))
