"""Days named by their number alone, ends of events and deadlines: the periods half of the DateReader (seasons and
runs of months are release_seasons.py's).

What it reads, in English and Russian:
- a day by its number alone ("Last month, on the 22nd", "Среда, 11-е"): in the month just named, else in the
  month of the day the text named last (a programme's days), else of the publication, as the tense allows;
- the end of an event named earlier in its sentence ("opens on 5 May … and will remain open until the end of
  September", "выставка, которая продлится до 15 мая"; in a later sentence, "The forum … will last until 16
  September", release_ends.py), and deadlines, which are not events ("applications by 13 September", "заявки
  принимаются до 15 июня");
- statistics periods, which are not events either: "in January–April", "в январе–сентябре";
- two dates joined as one run ("from 5 May to 20 June", "opens on 5 May and runs until 20 June", "Вчера завершилась
  ярмарка, открывшаяся 26 ноября"); the words that join them are release_dates.py's.
"""

import calendar
import dataclasses
import datetime as dt
import itertools

from events.models import Event

from .release_dates import RANGE_STARTS, UNTIL_WORDS, Mention, at, days_running, in_year
from .release_references import MOVED
from .release_words import ARTICLES, DASHES, SUBJECT_PRONOUNS, Token, russian_ordinal

ORDINAL_FOLLOWERS = {"and", "or", "at", "in", "числа", "число", "и"}
ORDINAL_PREPOSITIONS = {"on", "from", "to", "until", "till", "by", "and", "since"}
# Words before the end of an event or a deadline ("until 16 September", "до 15 мая", "by 13 September").
UNTIL = {"until", "till", "through", "thru", "до", "по"}
DEADLINE = {"by", "until", "till", "through", "thru", "до", "по", "позднее", "deadline", "срок"}
# Words before a year aimed at: "by 2030", "до 2035 года".
HORIZON = {"by", "until", "till", "до"}
# Words of a time of day between "until" and its day: "until 12:00 on 23 February", "до 18 часов 24 апреля".
TIME_PARTS = {"on", "at", "noon", "midnight", "am", "pm", "a", "p", "m", "hrs", "h", "ч", "час", "часов"}
# What is due by a day: its day is a deadline, whatever the verb ("Accreditation is open until 10 April").
DUE = {"accreditation", "registration", "application", "applications", "submission", "submissions", "entries",
       "call", "calls", "аккредитация", "регистрация", "заявка"}  # fmt: skip
# A deadline's day, whatever the verb: "The deadline set by the Agreement was 10 February".
DEADLINES = {"deadline", "deadlines"}
NAMED_DAY_WORDS = 8  # the words of a named day between "until" and its date: "until Hinamatsuri (Girls' Day), 3 March"
DEADLINE_AFTER = 4  # tokens after a day its deadline may be told in: "20 April 2026 — deadline for"
TICKETS = {"ticket", "tickets", "билет"}  # tickets on sale or sold from a day: no event's day
SALES = {"sale", "sales", "sold", "продажа", "продаваться", "продавать"}
DUE_WINDOW = 20  # tokens: "приём заявок на участие … на выставке «…» продлится до"
# Types whose events run for days, which an end said without the event's word may end ("It … will run until").
RUNNING = {"exhibition", "festival", "culture-days"}
# What may stand between a year an event's name ends with and its date: "Expo-2026» 9–11 сентября".
NAME_YEAR_GAP = {"»", '"', "”", ")", "on", "from", "с"}
# Words that join two clauses: a date after them is another event's.
LINKS = {"and", "but", "while", "и", "а", "но"}
# Verbs that start an event's run: "opened on 5 September and closed on 22 November".
OPENING = {"open", "opens", "opened", "start", "starts", "started", "begin", "begins", "began", "открыться",
           "открываться", "начаться", "начинаться", "стартовать"}  # fmt: skip
# Verbs of a stay's first and last days: "arrived on 17 April and left on 20 April".
ARRIVING = {"arrive", "arrives", "arrived", "прибыть", "прибывать", "приехать"}
LEAVING = {"leave", "leaves", "left", "depart", "departs", "departed", "return", "returns", "returned", "sail",
           "sails", "sailed", "уехать", "отбыть", "покинуть", "вернуться", "убыть"}  # fmt: skip
# Verbs that end what is due: "Registration closes on 20 March".
CLOSING = {"close", "closes", "closed", "end", "ends", "ended", "finish", "finishes", "finished", "due", "закрываться",
           "закрыться", "завершаться", "завершиться", "заканчиваться", "закончиться"}  # fmt: skip
CLOSED = {"завершить"}  # past verbs that end an event, besides CLOSING's: "завершила работу"
# Verbs that say an event was running since a day: "проходившая со 2 сентября", "held since 2 September".
HAPPENING_SINCE = {"проходить", "работать", "held", "running"}
WORKERS = {"мы", "они", "we", "they"}  # who worked on it since the day: "работали мы с 20 июля"
# The most tokens between a day an event closed and the day it opened, said after it, and the longest run.
CLOSED_SINCE_WINDOW = 16
OPENED_AND_CLOSED = 8  # tokens between an opening's day and its close's: "in the Royal Paragon Hall and closed on"
OPENING_WORDS = 7  # tokens from an opening's verb to its day: "opens on the Danė riverside on Friday, 8 September"
OPENED_THEN_CLOSES = 6  # tokens between an opening's day and its close's: ", closed in Riyadh on"
MAX_CLOSED_SINCE = 92
# Words of an event's opening, said in another event's sentence: "… and open the photo exhibition".
OPENING_OF = {"open", "opens", "opened", "opening", "открыть", "открытие", "открываться", "открыться"}
TOPICS = {"on", "about", "of", "о", "об", "вопрос"}
# Verbs that carry an event on to a day: its end, not a deadline ("will last until", "продлится до").
CONTINUING = {"last", "lasts", "run", "runs", "remain", "remains", "continue", "continues", "open", "display", "view",
              "show", "shown", "exhibited", "available", "продлиться", "продолжиться", "продолжаться", "длиться",
              "работать", "открытый", "открыть", "экспонироваться", "экспонировать", "доступный"}  # fmt: skip
CONTINUING_WINDOW = 8
# Verbs of figures: a month or a year in their clause is the period they are given for ("trade grew by 14% in
# 2025", "товарооборот в 2025 году вырос"), not an event's ("the Commission on Trade will meet in June" is).
FIGURES = {"grew", "grow", "increased", "decreased", "rose", "fell", "amounted", "exceeded", "sold", "increase",
           "вырасти", "увеличиться", "сократиться", "составить", "превысить", "снизиться"}  # fmt: skip
# Verbs of figures given as of a day: "Толщина льда на 1 февраля составляла 62 см", "as of 1 May the register counted".
AS_OF_FIGURES = FIGURES | {"составлять", "насчитывать", "достигнуть", "достичь", "достигать", "counted", "stood"}
# A plan approved for a period ("approved the plan of events for the second half of the year"): the period is the
# plan's, not an event's.
PLANS = {"plan", "plans", "programme", "program", "schedule", "план", "программа", "график"}
APPROVED = {"approved", "adopted", "approve", "adopt", "утвердить", "принять", "утверждённый", "утвержденный"}
# Words between "until"/"до" and a month: "until the end of September", "до конца сентября".
END_PARTS = {"the", "end", "of", "конца", "начала", "середины"}
STATISTICS_WORDS = {"за"}


class PeriodReader:
    """Lone day numbers, ends and deadlines; the ReleaseReader (release.py) sets up the state used here."""

    def bare_ordinal(self, tokens: list[Token], i: int, weekday: int | None = None) -> Mention | None:
        """on the 22nd, from the 20th to the 22nd, 11-е, 11-го: a day whose month the text gave before (or the
        publication's)."""
        token = at(tokens, i)
        english = token.text[-2:] in ("st", "nd", "rd", "th") and at(tokens, i - 1).lower == "the"
        day = self.number(token, 1, 31)
        # "с 28 по 30-е": a run of days of the month the text gave before
        run_to = at(tokens, i - 1).lower in ("с", "со") and at(tokens, i + 1).lower == "по" and day is not None
        run_to = run_to and self.sentence_month is not None  # said in its sentence, not "до конца мая. … с 28 по 30-е"
        last_day = (
            self.number(at(tokens, i + 2), day + 1, 31) if run_to and russian_ordinal(tokens, i + 2) else None
        ) or day
        russian = russian_ordinal(tokens, i) or last_day != day  # "11-е", "11-го"
        end = i + (5 if last_day != day else 3 if russian else 1)
        following = at(tokens, end + 2)
        to_the = at(tokens, end).lower in ("to", "through", "until", "till") and at(tokens, end + 1).lower == "the"
        ordinal = following.text[-2:] in ("st", "nd", "rd", "th")
        if english and day and to_the and ordinal and (last := self.number(following, day + 1, 31)):
            last_day, end = last, end + 3  # "from the 20th to the 22nd"
        after = at(tokens, end)
        # Not an ordinal before its noun: "the 10th meeting", "10-е заседание".
        alone = not after.text[:1].isalpha() or after.lower in ORDINAL_FOLLOWERS
        # "on the 14th we will hold"; not "the 11th we will hold": a count
        alone = alone or (after.lower in SUBJECT_PRONOUNS and at(tokens, i - 2).lower == "on")
        if day is None or not (english or russian) or not alone:
            return None
        named = end + 1 + (at(tokens, end + 1).lower == "a")
        said = self.weekday(at(tokens, named)) if weekday is None and after.text == "," else None
        end = named + 1 if said is not None else end  # "on the 28th, a Saturday": that 28th (else the nearest 28th)
        # "On the last day, the 31st, they signed"; not "The forum, the 5th, will take place" (a count)
        set_off = at(tokens, i - 2).text == "," and after.text == "," and at(tokens, i - 3).lower in ("day", "date")
        if english and weekday is None and at(tokens, i - 2).lower not in ORDINAL_PREPOSITIONS and not set_off:
            return None
        tense = self.tense_at(i)
        for wanted in (said, None) if said is not None else (weekday,):
            for year, month in self.months_to_try(tense):
                try:
                    found, last = dt.date(year, month, day), dt.date(year, month, last_day)
                except ValueError:
                    continue
                if (tense == "future" and last < self.published) or (tense == "past" and found > self.published):
                    continue  # "Then on the 14th, I'll lead our delegation" after a day of last month: this month's
                if wanted is None or found.weekday() == wanted:
                    return Mention(i - english, end, found, last, Event.Precision.DAY, explicit_year=False)
        return None

    def months_to_try(self, tense: str) -> list[tuple[int, int]]:
        """The months a lone day number may be in, likeliest first: the sentence's, the last day's, the tense's (its
        sentence's, read by the caller)."""
        tried = []
        if self.sentence_month is not None:
            tried.append(self.sentence_month)
        if self.last_day is not None:
            tried += [(self.last_day.year, self.last_day.month), next_month(self.last_day)]
        published = self.published
        this = (published.year, published.month)
        previous = (published.year - (published.month == 1), (published.month - 2) % 12 + 1)
        tried += {"past": [this, previous], "future": [this, next_month(published)]}.get(tense, [this])
        return tried

    @staticmethod
    def time_part(token: Token) -> bool:
        """Whether a word is part of a time of day before a date: "at 5 p.m. on", "до 18.00", "12:00 on"."""
        return token.lower in TIME_PARTS or token.text.isdigit() or token.text in ".:"

    def until_word(self, tokens: list[Token], mention: Mention) -> str:
        """The word before a date that ends something ("until", "до", "by"), past "the end of", else ""."""
        k = mention.first - 1
        while k >= 0 and (tokens[k].lower in END_PARTS or self.time_part(tokens[k])):
            k -= 1  # "until the end of September", "до 18.00 24 апреля", "until 12:00 on 23 February"
        word = at(tokens, k).lower
        if word == "позднее" and at(tokens, k - 1).lower == "не":
            return word
        if word == "than" and at(tokens, k - 1).lower == "later":
            return "by"  # "no later than 13 March"
        if word == ",":  # "until Hinamatsuri (Girls' Day), 3 March": the day of a named day
            j = k - 1
            while j > max(0, k - NAMED_DAY_WORDS) and (tokens[j].text[:1].isupper() or tokens[j].text in "()'’"):
                j -= 1
            return tokens[j].lower if j < k - 1 and tokens[j].lower in UNTIL else ""
        return word if word in DEADLINE else ""

    def continues(self, tokens: list[Token], low: int, high: int) -> bool:
        """Whether the words [low, high) carry an event on ("will last", "remain open", "продлится")."""
        return any(self.lemma(token) in CONTINUING or token.lower in CONTINUING for token in tokens[low:high])

    def opened_before(self, tokens: list[Token], i: int) -> bool:
        """Whether a verb of opening in the past comes just before token i ("opened on", "открылась")."""
        before = tokens[max(0, i - 3) : i]
        return any(self.lemma(token) in OPENING for token in before) and self.words_tense(before) == "past"

    def moved_before(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a word of moving comes just before a date ("rescheduled 7 June to 30 June")."""
        return any(self.lemma(token) in MOVED for token in tokens[max(0, mention.first - 4) : mention.first])

    def opened_and_closed(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        """Whether two days are an event's first and last: "opened on 5 September and closed on 22 November",
        "открылась 5 сентября и закрылась 22 ноября", "начнутся в четверг, 24 сентября, и завершатся в воскресенье"."""
        raw = tokens[first.end : second.first]
        commas = [k for k, token in enumerate(raw) if token.text == ","]
        if len(commas) > 1 and commas[0] == 0:
            raw = raw[commas[-1] :]  # "open on January 26, Republic Day in India, and close on": past the aside
        between = [token for token in raw if token.text != ","]
        # its opening's verb, past where it opens: "opens on the Danė riverside on Friday, 8 September"
        before = tokens[max(0, first.first - OPENING_WORDS) : first.first]
        stop = max((k + 1 for k, token in enumerate(before) if token.text in ".;:()"), default=0)
        opened = {self.lemma(token) for token in before[stop:]}
        words = {self.lemma(token) for token in between}
        one_clause = len(between) <= OPENED_AND_CLOSED and not any(token.text in ";:()" for token in between)
        # or a stay's: "arrived on Wednesday 17 April and left on Saturday", "прибыла 3 мая и отбыла 6 мая"
        ends = (opened & OPENING and words & CLOSING) or (opened & ARRIVING and words & LEAVING)
        # its own close, its verb just after "and" (not "and the box office closes on 30 May": another's)
        joined = next((k for k, token in enumerate(between) if token.lower in ("and", "и")), None)
        own = joined is not None and not {t.lower for t in between[joined + 1 : joined + 3]} & ARTICLES
        return bool(ends and own) and one_clause and first.start <= second.last

    def closed_since(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        """Whether a day an event closed on comes first and the day it opened on after it, in one sentence: "Вчера
        завершилась ярмарка в Гвадалахаре, открывшаяся 26 ноября", "завершила работу выставка, проходившая со 2
        сентября", "The fair, which opened on 25 January, closes today" (a comma, not "and", between the two)."""
        if first.precision != Event.Precision.DAY or second.precision != Event.Precision.DAY:
            return False
        if not 0 < (first.last - second.start).days <= MAX_CLOSED_SINCE:
            return False
        if first.start != first.last or second.start != second.last:
            return False  # a day each, not a run already joined ("…, стартовавшая 29 ноября, хотя … 26 ноября")
        between = tokens[first.end : second.first]
        if any(token.text in {";", ":"} for token in between) or len(between) > CLOSED_SINCE_WINDOW:
            return False
        named = {self.kind_of(token)[0] for token in between} - {None}  # "выставка-ярмарка" is one
        if len(named) > 1 or {token.lower for token in between} & (LINKS | {"хотя", "although", "whereas"}):
            return False  # "завершилась встреча министров, а консультации, начавшиеся 26 ноября": two events
        # "closed in Riyadh on Monday, after sixteen days of debate that began on 10 September"
        around_first = {self.lemma(t) for t in tokens[max(0, first.first - 4) : max(first.end, second.first - 2)]}
        opener = [self.lemma(t) for t in tokens[max(first.end, second.first - 2) : second.first]]
        since = len(opener) == 2 and opener[1] in {"с", "со", "since"} and opener[0] in HAPPENING_SINCE
        # its subject between: "завершилась позавчера, работали мы с 20 июля"
        verb = self.lemma(at(tokens, second.first - 3))
        since = since or (second.first - 3 >= first.end and verb in HAPPENING_SINCE and opener[0] in WORKERS)
        return bool(around_first & (CLOSING | CLOSED)) and (bool(set(opener[-2:]) & OPENING) or since)

    def opened_then_closes(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        """ "The fair, which opened on 25 January, closes today": the opening in a clause of its own, its close
        after the comma."""
        before = {self.lemma(token) for token in tokens[max(0, first.first - 3) : first.first]}
        between = tokens[first.end : second.first]
        return bool(
            before & OPENING
            and 1 < len(between) <= OPENED_THEN_CLOSES  # "which began on 10 September, closed in Riyadh on Monday"
            and between[0].text == ","
            and not any(self.kind_of(token)[0] for token in between)
            and {self.lemma(token) for token in between} & CLOSING
            and 0 < (second.last - first.start).days <= MAX_CLOSED_SINCE
        )

    def name_year(self, tokens: list[Token], i: int) -> int | None:
        """The year an event's name ends with, just before a date that leaves its year out ("Expo-2026» 9–11 сентября",
        "Vietnam Expo 2026 on 8–11 April"), when it is last, this or next year."""
        k = i - 1
        while k > i - 3 and at(tokens, k).lower in NAME_YEAR_GAP:
            k -= 1
        year, before = at(tokens, k), at(tokens, k - 1)
        named = before.text == "-" or (before.text[:1].isupper() and before.text.isalpha())
        if not (year.text.isdigit() and len(year.text) == 4 and named):
            return None
        # An edition announced ("invites to Expo-2026 9–11 September"), not a past one's news ("Итоги «Экспо-2025» 12
        # марта обсудили", "The organisers of COP 2027 on 12 March met").
        if not 0 <= int(year.text) - self.published.year <= 1 or self.tense_before(tokens, i) == "past":
            return None
        return int(year.text)

    def ends_event(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        """Whether the second date is the end of the event the first begins: "opens on 10 August … and will remain
        open until the end of September", "которая продлится до 15 мая" (a semicolon between them too)."""
        return (
            first.precision == Event.Precision.DAY
            and not self.is_deadline(tokens, first)  # "Abstracts are due by 31 March, and registration runs until…"
            and self.until_word(tokens, second) in UNTIL
            and self.continues(tokens, first.end, second.first)
            and 0 <= (second.last - first.start).days <= 366
            and not self.is_deadline(tokens, second)  # "Business mission, 23–26 March: registration open until …"
        )

    def gives_figures(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a month or a year is the period figures of its clause are given for, or a plan approved for; or a
        day they are given as of ("Толщина льда на 1 февраля составляла 62 см", "as of 1 May the register counted")."""
        if mention.precision == Event.Precision.DAY:
            before = [token.lower for token in tokens[max(0, mention.first - 2) : mention.first]]
            if before[-1:] != ["на"] and before != ["as", "of"]:
                return False
        low, high = self.clause_bounds(mention.first)
        words = {token.lower for token in tokens[low:high]} | {self.lemma(token) for token in tokens[low:high]}
        if mention.precision == Event.Precision.DAY:
            return bool(words & AS_OF_FIGURES)
        # a plan before its period ("approved the plan for the second half of the year"), not after ("will meet in May
        # to approve the work plan")
        plans = {self.lemma(token) for token in tokens[low : mention.first]} & PLANS
        return bool(words & FIGURES) or bool(plans and words & APPROVED)

    def is_deadline(self, tokens: list[Token], mention: Mention) -> bool:
        """A day something is due by, not an event: "by 13 September", "accepted until 20 July", "до 15 июня"."""
        if mention.precision != Event.Precision.DAY or mention.start != mention.last:
            return False
        word = self.until_word(tokens, mention)
        words = tokens[max(0, mention.first - DUE_WINDOW) : mention.first]
        # (past a time: "Accreditation closes at 5 p.m. on 8 June")
        timed = len(words) - next((n for n, t in enumerate(reversed(words)) if not self.time_part(t)), len(words))
        closing = {self.lemma(token) for token in words[max(0, timed - 3) : timed]} & CLOSING
        # "Registration opens on 1 March", in the date's own clause (not "opens at 9:00, and the forum will open on")
        clause = words[max((k + 1 for k, token in enumerate(words) if token.text == ","), default=0) :]
        opens = {self.lemma(token) for token in words[-3:]} & OPENING and {self.lemma(t) for t in clause} & DUE
        # What is due, in the date's own clause: "БелТПП формирует экспозицию; приём заявок завершается 27 июня".
        # (not a full stop in a quoted name: "на выставке «Иннопром. Центральная Азия» продлится до 31.03")
        depth = list(itertools.accumulate((t.text == "«") - (t.text == "»") for t in words))
        # (nor the full stops of "6 p.m.", "a.m.")
        stops = (
            k + 1 for k, token in enumerate(words) if token.text in ".;" and depth[k] <= 0 and not letter(words, k)
        )
        stop = max(stops, default=0)
        lemmas = {self.lemma(token) for token in words[stop:]}
        if ((word or closing) and lemmas & DUE) or opens:
            return True  # "Accreditation is open until 10 April", "Registration closes on 20 March"
        if lemmas & DEADLINES or self.deadline_after(tokens, mention):
            return True  # "the application deadline for the next round is 30 September", "1 May — deadline for"
        if lemmas & TICKETS and lemmas & SALES:
            return True  # "Tickets for the festival's concerts go on sale on 1 May", "Билеты поступят в продажу"
        return bool(word) and not (word in UNTIL and self.continued_to(tokens, mention))

    def deadline_after(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a deadline is told just after its day, as a list's line does: "20 April 2026 — deadline for
        bookings", "15 May: registration deadline"."""
        after = [token for token in tokens[mention.end : mention.end + DEADLINE_AFTER] if token.text[:1].isalpha()]
        return bool({self.lemma(token) for token in after[:2]} & DEADLINES)

    def is_horizon(self, tokens: list[Token], mention: Mention) -> bool:
        """A year or a month something is aimed at or runs to, not an event's: "a target of USD 2 billion by 2030",
        "Стратегия на период до 2035 года", "the report, due by August 2019"; not "the exhibition will run until
        2027"."""
        word = at(tokens, mention.first - 1).lower
        if mention.precision == Event.Precision.DAY or word not in HORIZON:
            return False
        if mention.precision == Event.Precision.MONTH and word != "by":
            return False  # "can see the exhibition until March 2026": its end
        return not self.continued_to(tokens, mention)

    def continued_to(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a verb just before the date carries an event on to it ("will last until", "продлится до")."""
        return self.continues(tokens, max(0, mention.first - CONTINUING_WINDOW), mention.first)

    def is_statistics(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        """Months from January joined by a dash ("in January–April 2023", "за январь–май"): a period figures are
        given for, not an event."""
        months = first.precision == second.precision == Event.Precision.MONTH
        return months and (first.start.month == 1 or at(tokens, first.first - 1).lower in STATISTICS_WORDS)

    def join_ranges(self, tokens: list[Token], found: list[Mention]) -> list[Mention]:
        """One mention for two dates a range joins: "from 5 May to 20 June", "opens on 5 May and runs until 20 June"."""
        joined: list[Mention] = []
        for mention in found:
            previous = joined[-1] if joined else None
            if previous is not None and self.joins(tokens, previous, mention):
                if self.is_statistics(tokens, previous, mention):
                    joined.pop()  # "in January–April": the period of a figure
                    continue
                joined[-1] = self.span(previous, mention)
                named = [t for t in tokens[previous.end : mention.first] if self.kind_of(t)[0] is not None]
                if len(named) == 1:  # one event named between, not "посол посетил выставку, которая продлится до…"
                    # "Во вторник открылась выставка, которая продлится до 15 февраля": the event named between
                    # is the run's; its words stay after the mention's.
                    joined[-1].end = previous.end
            elif previous is not None and self.closed_since(tokens, previous, mention):
                # "Вчера завершилась ярмарка, открывшаяся 26 ноября": from the second day to the first; the event
                # named between them is the run's, its words after the mention's.
                joined[-1] = Mention(previous.first, mention.end, mention.start, previous.last, Event.Precision.DAY)
                joined[-1].end = previous.end
            elif previous is not None and self.ends_event(tokens, previous, mention):
                # The event's words are between the two days: the mention keeps the first one's words only.
                joined[-1] = self.span(previous, mention)
                joined[-1].end = previous.end
            else:
                joined.append(mention)
        return joined

    @staticmethod
    def in_years_end(first: Mention, last: dt.date) -> Mention:
        """A range's first date without a year, in the year of its end, or the year before when that puts it after the
        end ("from 20 December to 10 January 2027": 20 December 2026)."""
        for year in (last.year, last.year - 1):
            moved = in_year(first.start, first.last, year)
            if moved is not None and moved[0] <= last:
                return dataclasses.replace(first, start=moved[0], last=moved[1], explicit_year=True)
        return first

    def joins(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        between = [token for token in tokens[first.end : second.first] if token.text != ","]
        if (
            not between
            or len(between) > OPENED_AND_CLOSED
            or Event.Precision.YEAR in (first.precision, second.precision)
        ):
            return False
        if self.moved_from(tokens, first):
            return False  # "postponed from 5 May to 12 May": two dates, the old one and the new
        if self.until_word(tokens, first) in UNTIL_WORDS:
            return False  # "принимаются до 16 июня, на II этап – до 1 августа": two ends, no run begins with one
        if any(token.text in {";", ":", "(", ")"} for token in between):
            return False
        last = between[-1].lower
        if len(between) == 1 and (between[0].text in DASHES):
            return True
        if len(between) == 1 and last in ("to", "and", "и") and at(tokens, first.first - 1).lower in RANGE_STARTS:
            return True
        if len(between) == 1 and last in ("and", "и") and days_running(first, second):
            return True  # "today and tomorrow", "вчера и сегодня", "on 30 November and 1 December": two days running
        if len(between) == 1 and last == "to" and self.month(at(tokens, first.end - 1)) and first.start < second.start:
            return not self.moved_before(tokens, first)  # "7 April to 30 April - exhibition", not "moved 7 June to …"
        if last in UNTIL_WORDS or (last == "to" and at(tokens, second.first - 2).lower == "up"):
            # (not a run's: "to be held on 14–15 October in Tromsø, is open until 30 June" is a call's deadline)
            return first.start == first.last or first.precision != Event.Precision.DAY
        return self.opened_and_closed(tokens, first, second) or self.opened_then_closes(tokens, first, second)

    def span(self, first: Mention, second: Mention) -> Mention:
        if first.precision == second.precision == Event.Precision.MONTH and first.start < second.start:
            return Mention(first.first, second.end, first.start, second.start, Event.Precision.MONTH,
                           first.explicit_year)  # fmt: skip
        last = second.last
        if second.precision == Event.Precision.MONTH:
            last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
        if second.explicit_year and not first.explicit_year:
            first = self.in_years_end(first, last)  # "from 24 August to 5 September 2021": 24 August 2021
        if last < first.start and not second.explicit_year:
            last = last.replace(year=last.year + 1)
        elif 0 < (first.start - last).days < 7:
            last += dt.timedelta(days=7)  # "opened on Monday and runs until Friday": a weekday read a week early
        if last < first.start or (last - first.start).days > 366:
            return first
        return Mention(first.first, second.end, first.start, last, Event.Precision.DAY, first.explicit_year)


def next_month(day: dt.date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def month_end(day: dt.date) -> dt.date:
    return dt.date(*next_month(day), 1) - dt.timedelta(days=1)


def letter(words: list[Token], k: int) -> bool:
    """Whether the full stop at k ends a single letter ("p.m.", "a.m."): an abbreviation's, not a sentence's."""
    return words[k].text == "." and k > 0 and len(words[k - 1].text) == 1 and words[k - 1].text.isalpha()
