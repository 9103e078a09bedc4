"""Dates as press releases write them, and the year a date leaves out: the date half of the ReleaseReader.

What it reads, in English and Russian, with any dash (hyphen, en or em dash, the minus sign):
- days and day ranges: "On November 14−15", "14th of November", "14–15 ноября 2017 года", "30 May – 2 June",
  "from 3 to 5 March", "с 10 по 12 апреля", "14.11.2017", "on 14 and 15 November", "3, 4 и 5 декабря";
- ranges between two dates however joined: "from 5 May to 20 June", "opens on 5 May and runs until 20 June",
  "откроется 5 мая и продлится до 20 июня", "30 December 2018 – 2 January 2019";
- months and years: "in June 2015", "в начале октября", "in early 2019", "в 2016 году";
- dates relative to the publication: today, tomorrow, yesterday (сегодня, завтра, вчера...); last, this and next
  year, month and week ("в прошлом году", "на следующей неделе", "next month"); a month of such a year ("In
  December last year", "в декабре прошлого года", "last December"); a weekday ("on Tuesday", "в прошлую пятницу").

A date without its year takes it from what the sentence says, in this order: the weekday named with it ("on
Tuesday, 14 November"), a year named earlier in the paragraph (if the tense allows it), the tense of its clause or
sentence ("took place", "состоялся": the last such day; "will", "состоится": the next), else the one nearest the
publication.
"""

import datetime as dt
import functools
from dataclasses import dataclass

from django.utils import translation
from django.utils.dates import WEEKDAYS

from events.models import Event

from .release_words import (
    DASHES,
    IN_WORDS,
    SCHEDULED,
    YEAR_WORDS,
    Token,
    as_of,
    at,
    is_clause_mark,
    looks_to,
    shared_morphology,
)

LINE_BULLETS = {"-", "–", "—", "•", "*", "·"}  # what leads a list's line
# Words of a part of a month as a list's line starts with them: "• конец августа", "• вторая половина сентября".
LINE_PERIOD_PARTS = {"конец", "начало", "середина", "первая", "вторая", "половина", "mid-", "beginning", "end"}
RANGE_STARTS = {"from", "between", "с", "со", "между"}  # "from 3 to 5 March", "с 10 по 12 апреля"
RANGE_WORDS = {"to", "until", "till", "and", "through", "по", "до", "и"}
# Words that end a range whatever comes between it and its first day ("opens on 5 May and runs until 20 June").
UNTIL_WORDS = {"until", "till", "through", "thru", "по", "до"}
# Words between "in" and a month or a year: "in early June", "at the end of 2018", "в начале июня", "в конце 2018 года".
PERIOD_PARTS = {"early", "late", "mid", "the", "end", "beginning", "middle", "start", "first", "second", "half", "of",
                "начале", "конце", "середине", "первой", "второй", "половине", "декаде", "-", "конца", "начала",
                "середины", "первых", "последних", "числах", "середину", "первую", "вторую", "половину", "конец",
                "начало"}  # fmt: skip
# Words before a month that ends an event: "until the end of September", "до конца сентября".
MONTH_UNTIL = {"until", "till", "до"}
SHIFTS = {"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "прошлый": -1, "прошлое": -1, "минувший": -1,
          "прошедший": -1, "позапрошлый": -2, "этот": 0, "текущий": 0, "нынешний": 0, "следующий": 1, "будущий": 1,
          "будущее": 1,
          "предстоящий": 1, "наступать": 1, "грядущий": 1}  # fmt: skip
UNITS = {"year": "year", "month": "month", "week": "week", "год": "year", "месяц": "month", "неделя": "week"}
# Weekdays as schedules abbreviate them ("Mon 13.10", "Пн 16.02"), capitalised only: "sun", "sat", "wed" are words.
ABBREVIATED = ("Mon Пн", "Tue Tues Вт", "Wed Ср", "Thu Thur Thurs Чт", "Fri Пт", "Sat Сб", "Sun Вс")
WEEKDAY_ABBREVIATIONS = {name: number for number, names in enumerate(ABBREVIATED) for name in names.split()}
DAYS_FROM_PUBLICATION = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "сегодня": 0, "завтра": 1,
                         "вчера": -1, "послезавтра": 2, "позавчера": -2}  # fmt: skip
ORDINAL_ENDINGS = ("st", "nd", "rd", "th")
# Words before a year that compare another time with it: its month after it is not of it.
COMPARED = {"как", "like", "as", "following", "since", "after", "после", "с"}
# A year more than this many years ahead is a milestone ("research operations in 2034"), not the year of an event
# whose days follow it ("The Games will take place in 2028. The opening ceremony is set for 14 July.").
MILESTONE_YEARS = 3
# At most this many words between a year and the month of it in its clause: "Last year we met in Kazan in June".
YEAR_MONTH_WORDS = 6


@dataclass
class Mention:
    """A date mention: its tokens [first, end), its days, precision, and whether the text gave its year."""

    first: int
    end: int
    start: dt.date
    last: dt.date
    precision: str
    explicit_year: bool = True
    vague: bool = False  # a whole week said as "this week": days named later are its events' days
    counted: bool = False  # "on the second day": counted from the last start the text named
    run: bool = False  # months said from one to another ("from June to August"): an event's run, no frame of a day


def in_year(start: dt.date, last: dt.date, year: int) -> tuple[dt.date, dt.date] | None:
    """The days from start to last moved to begin in the year (a run over New Year keeps its length in years), or
    None when the year has no such day (29 February)."""
    try:
        return start.replace(year=year), last.replace(year=year + last.year - start.year)
    except ValueError:
        return None


def bare(word: str) -> str:
    """The word without an English possessive: "year's" -> "year"."""
    return word.removesuffix("'s").removesuffix("’s")


@dataclass
class Partial:
    """A day or a day range whose year may be missing, as the text gives it."""

    day: int
    month: int
    last_day: int
    last_month: int
    year: int | None = None
    weekday: int | None = None


class DateReader:
    """Reads the dates of a sentence; the ReleaseReader (release.py) sets up the state used here."""

    # Words -------------------------------------------------------------------------------------

    def named_before(self, tokens: list[Token], i: int) -> bool:
        """Whether an event's word is before token i in its clause."""
        low = max((k + 1 for k in range(i) if is_clause_mark(tokens, k)), default=0)
        return any(self.kind_of(token)[0] is not None for token in tokens[low:i])

    def in_digits(self, tokens: list[Token], mention: Mention) -> bool:
        return any(self.year(tokens, k) for k in range(mention.first, mention.end))

    def lemma(self, token: Token) -> str:
        if token.lemma is None:
            token.lemma = self.morphology.lemma(bare(token.text), self.language)
        return token.lemma

    def month(self, token: Token) -> int | None:
        if not token.text[:1].isalpha() or (self.language == "en" and not token.text[:1].isupper()):
            return None
        return self.months.get(self.lemma(token))

    def weekday(self, token: Token) -> int | None:
        if not token.text[:1].isalpha():
            return None
        return WEEKDAY_ABBREVIATIONS.get(token.text, weekday_names(self.language).get(self.lemma(token)))

    @staticmethod
    def number(token: Token, low: int, high: int) -> int | None:
        text = token.text
        if text[-2:] in ORDINAL_ENDINGS and text[:-2].isdigit():
            text = text[:-2]
        if text.isdigit() and len(text) <= 4 and low <= int(text) <= high:
            return int(text)
        return None

    def year(self, tokens: list[Token], i: int) -> int | None:
        return self.number(at(tokens, i), 1800, 2200) if len(at(tokens, i).text) == 4 else None

    def shift(self, tokens: list[Token], i: int, unit: str) -> tuple[int, int] | None:
        """(shift, end) for "last year", "next week", "прошлого года", "of last year" at token i, else None."""
        if at(tokens, i).lower == "of":
            i += 1
        word = self.lemma(at(tokens, i))
        if word in SHIFTS and UNITS.get(self.lemma(at(tokens, i + 1))) == unit:
            return SHIFTS[word], i + 2
        return None

    def after_in(self, tokens: list[Token], i: int) -> bool:
        """Whether "in" (or "в", "at") comes before token i, past words like "early", "the end of": "in early June"."""
        k = i - 1
        while k >= 0 and tokens[k].lower in PERIOD_PARTS and k > i - 5:
            k -= 1
        scheduled = at(tokens, k).lower == "for" and at(tokens, k - 1).lower in SCHEDULED  # "planned for April"
        return scheduled or at(tokens, k).lower in IN_WORDS | MONTH_UNTIL | {"during"}

    def leads_line(self, tokens: list[Token], i: int, k: int) -> bool:
        """Whether the date at tokens [i, k) leads a list's line, after its bullet and words like "end of", before a
        comma or a dash: "– June, Ashgabat – Forum", "• конец августа, Минск – фотовыставка", "– autumn – Forum"."""
        if not self.bulleted or i > 4:
            return False
        first = 1 if at(tokens, 0).text in LINE_BULLETS else 0
        parts = {token.lower for token in tokens[first:i]}
        return parts <= PERIOD_PARTS | LINE_PERIOD_PARTS and at(tokens, k).text in {",", *DASHES}

    # Mentions -----------------------------------------------------------------------------------

    def dates(self, tokens: list[Token]) -> list[Mention]:
        """The sentence's date mentions, ranges joined."""
        found, i = [], 0
        self.sentence_month = None
        while i < len(tokens):
            mention = self.date_at(tokens, i)
            if mention is None or as_of(tokens, mention.first) or self.nowadays(tokens, mention):
                i = i + 1 if mention is None else max(mention.end, i + 1)
                continue
            while found and found[-1].first >= mention.first:
                found.pop()  # read again as part of this one ("Wednesday" of "Wednesday and Thursday next week")
            found.append(mention)
            self.last_year = mention.start.year if mention.explicit_year else self.last_year  # "of the same year"
            reference = self.reference_reason(tokens, mention)
            if mention.precision == Event.Precision.YEAR and not reference and self.in_digits(tokens, mention):
                self.years_told[mention.start.year] += 1  # "хроника 2023 года", "В 2023 году": a chronicle's year
            # Not "by 2030", nor a milestone years ahead ("research operations in 2034"): the year of the dates after it
            ahead = mention.start.year > self.published.year + MILESTONE_YEARS
            if mention.explicit_year and not reference and not ahead and not self.is_horizon(tokens, mention):
                self.context_year = mention.start.year
            if mention.precision == Event.Precision.MONTH and mention.start == mention.last:
                self.sentence_month = (mention.start.year, mention.start.month)
            elif mention.precision == Event.Precision.DAY and not reference:
                self.last_day, self.last_day_at = mention.last, self.paragraph
                self.last_run = (
                    (mention.start, mention.last, mention.vague) if mention.start < mention.last else self.last_run
                )
                self.count_from(tokens, mention)
            i = max(mention.end, i + 1)
        joined = [self.with_duration(tokens, mention) for mention in self.join_ranges(tokens, found)]
        runs = [m for m in joined if m.precision == Event.Precision.DAY and m.start < m.last and not m.counted]
        self.last_run = (runs[-1].start, runs[-1].last, runs[-1].vague) if runs else self.last_run
        joined = self.months_of_year(tokens, joined)
        # not a year a name in quotes looks to ("«Architecture of Security: A Look to 2030»"): the name's words
        named = [m for m in joined if not (m.precision == Event.Precision.YEAR and looks_to(tokens, m.first))]
        return self.without_frames(tokens, self.of_last_year(tokens, self.restated(tokens, named)))

    def months_of_year(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """The mentions, a year followed in its clause by a month or days without a year one mention of them in that
        year: "Last year we met in Kazan in June", "В прошлом году мы встретились в Казани в июне"."""
        kept: list[Mention] = []
        for mention in mentions:
            year = kept[-1] if kept else None
            joins = (
                year is not None
                and year.precision == Event.Precision.YEAR
                and not self.is_horizon(tokens, year)  # "The strategy until 2030 was presented … on 20 May"
                and not mention.explicit_year
                and mention.precision in (Event.Precision.MONTH, Event.Precision.DAY)
                and mention.first - year.end <= YEAR_MONTH_WORDS
                # or set off by a comma only, the month ending its clause: "in 2011, in September, and…" (not "The
                # museum, renovated in 2021, in December will host…")
                and (
                    not any(is_clause_mark(tokens, k) for k in range(year.end, mention.first))
                    or (
                        [t.lower for t in tokens[year.end : mention.first]] in ([","], [",", "in"], [",", "в"])
                        and at(tokens, mention.end).text in {",", ".", ";", ""}
                    )
                )
                and not {t.lower for t in tokens[max(0, year.first - 4) : year.first]} & COMPARED
            )  # not "Как и в 2025 году в июне форум пройдёт…", "Following its success in 2025, … in June"
            moved = in_year(mention.start, mention.last, year.start.year) if joins else None
            if moved is None:
                kept.append(mention)
                continue
            kept[-1] = Mention(mention.first, mention.end, *moved, mention.precision, year.explicit_year)
        return kept

    def date_at(self, tokens: list[Token], i: int) -> Mention | None:
        token = at(tokens, i)
        if not token.text[:1].isalnum():
            return None  # a mark: no date starts at it
        weekday = self.weekday(token)
        if (
            token.text in WEEKDAY_ABBREVIATIONS
            and not at(tokens, i + 1 + (at(tokens, i + 1).text == ",")).text.isdigit()
        ):
            weekday = None  # "Mon 13.10", not "Sun Yat-sen", "Thu Duc City"
        if weekday is not None:
            k, second = i + 1, None
            if self.weekday_pair(tokens, i):
                second, k = self.weekday(at(tokens, k + 1)), k + 2  # "on Wednesday and Thursday, 13–14 November"
            k += at(tokens, k).text in (",", "(")  # "Monday (6 April)"; "the" before an ordinal: "Thursday, the 26th"
            k += at(tokens, k).lower == "the" and at(tokens, k + 1).text[-2:].isalpha()
            dated = (
                self.day_first(tokens, k, weekday)
                or self.month_first(tokens, k, weekday)
                or self.bare_ordinal(tokens, k, weekday)
                or self.numeric(tokens, k, weekday)  # "Mon 13.10"
            )
            if dated is not None:
                dated.first = i
                return dated
            mention = self.relative_weekday(tokens, i, weekday)
            apart = second is not None and at(tokens, i + 1).lower in ("and", "и") and (second - weekday) % 7 != 1
            if mention is not None and second is not None and not apart:
                # "on Saturday and Sunday", "с понедельника по среду": the days from the first to the second
                mention.last, mention.end = mention.start + dt.timedelta(days=(second - weekday) % 7), i + 3
            return mention
        if token.text[:1].isdigit():
            return (
                self.numeric(tokens, i)
                or self.day_first(tokens, i)
                or self.bare_ordinal(tokens, i)
                or self.year_mention(tokens, i)
                or self.days_off(tokens, i)  # "10 days ago"
            )
        return (
            self.relative(tokens, i)
            or self.decade(tokens, i)
            or self.month_span(tokens, i)
            or self.month_first(tokens, i)
            or self.season(tokens, i)
            or self.month_part(tokens, i)
            or self.half_year(tokens, i)
            or self.weekend(tokens, i)
            or self.day_of_event(tokens, i)
            or self.nth_day(tokens, i)
            or self.days_off(tokens, i)
        )

    def day_first(self, tokens: list[Token], i: int, weekday: int | None = None) -> Mention | None:
        """14 November [2017], 14–15 ноября [2017 года], 30 May – 2 June, the 14th of November."""
        day = self.number(at(tokens, i), 1, 31)
        if day is None or len(at(tokens, i).text.rstrip("stndrh")) > 2:
            return None
        k, last_day = i + 1, day
        while at(tokens, k).text == "," and self.number(at(tokens, k + 1), 1, 31) == last_day + 1:
            k, last_day = k + 2, last_day + 1  # "3, 4 и 5 декабря", "3, 4 and 5 December": consecutive days
        closing = at(tokens, k).lower in ("и", "and") and self.number(at(tokens, k + 1), 1, 31) == last_day + 1
        if last_day > day and not self.month(at(tokens, k)):  # "3, 4 and 9 December": days apart, read as before
            k, last_day = (k + 2, last_day + 1) if closing and self.month(at(tokens, k + 2)) else (i + 1, day)
        if at(tokens, k).text == "-" and at(tokens, k + 1).lower in ("го", "е", "ое"):
            k += 2  # "21-го ноября"
        # "from the 9th to the 15th of August": an article before an ordinal changes nothing.
        # "from Monday 6 to Sunday 12 October": a weekday before either day changes nothing either.
        first = i - 1 if at(tokens, i - 1).lower == "the" or self.weekday(at(tokens, i - 1)) is not None else i
        the = 1 if at(tokens, k + 1).lower == "the" or self.weekday(at(tokens, k + 1)) is not None else 0
        following = self.number(at(tokens, k + 1 + the), 1, 31) if self.range_word(tokens, k, first) else None
        consecutive = following == day + 1 or at(tokens, first - 1).lower in RANGE_STARTS
        if following is not None and (at(tokens, k).lower not in ("and", "и") or consecutive):
            last_day, k = following, k + 2 + the
            k += 2 if at(tokens, k).text == "-" and at(tokens, k + 1).lower in ("го", "е", "ое") else 0  # "по 26-е"
        if at(tokens, k).lower == "of":
            k += 1
        month = self.month(at(tokens, k))
        if month is None:
            return None
        k += 1
        last_month = month
        if at(tokens, k).text in DASHES and self.number(at(tokens, k + 1), 1, 31) and self.month(at(tokens, k + 2)):
            last_day, last_month, k = self.number(at(tokens, k + 1), 1, 31), self.month(at(tokens, k + 2)), k + 3
        if self.number(at(tokens, k), 1000, 1799):
            return None  # "on 23 April 1616": a day of centuries ago, no event's
        parts = Partial(day, month, last_day, last_month, weekday=weekday)
        return self.with_year(tokens, i, k, parts)

    def month_first(self, tokens: list[Token], i: int, weekday: int | None = None) -> Mention | None:
        """November 14−15[, 2017], June 30 – July 2, June 2015, December last year, в декабре прошлого года."""
        month = self.month(at(tokens, i))
        if month is None:
            return None
        k = i + 1
        day = self.number(at(tokens, k), 1, 31)
        if day is not None and len(at(tokens, k).text.rstrip("stndrh")) <= 2:
            k, last_day, last_month = k + 1, day, month
            following = self.number(at(tokens, k + 1), 1, 31)
            # "June 10 to 12": a later day of the month after "to", no count ("June 10 to 12 participants")
            after = at(tokens, k + 2)
            counted = after.text[:1].islower() and after.lower not in ("in", "at", "on", "and", "or", "for", "with")
            bare_to = at(tokens, k).lower in ("to", "through") and not counted
            if following and (self.range_word(tokens, k, i) or (bare_to and following > day)):
                last_day, k = following, k + 2
            elif (
                (at(tokens, k).text in DASHES or at(tokens, k).lower in ("to", "through"))  # "April 26 to May 2"
                and self.month(at(tokens, k + 1))
                and self.number(at(tokens, k + 2), 1, 31)
            ):
                last_month, last_day, k = self.month(at(tokens, k + 1)), self.number(at(tokens, k + 2), 1, 31), k + 3
            if at(tokens, k).text == "," and self.year(tokens, k + 1):
                k += 1
            return self.with_year(tokens, i, k, Partial(day, month, last_day, last_month, weekday=weekday))
        if weekday is not None:
            return None
        year = self.year(tokens, k)
        if at(tokens, k).lower in ("of", ",") and self.year(tokens, k + 1):
            year, k = self.year(tokens, k + 1), k + 1  # "June of 2015", "in November, 2024"
        if year is not None and at(tokens, k + 1).text not in DASHES:  # June 2015 / в июне 2015 года
            return Mention(i, self.past_year_words(tokens, k + 1), dt.date(year, month, 1), dt.date(year, month, 1),
                           Event.Precision.MONTH)  # fmt: skip
        relative = self.shift(tokens, k, "year")
        if relative is not None:  # December last year / в декабре прошлого года
            first = dt.date(self.published.year + relative[0], month, 1)
            return Mention(i, relative[1], first, first, Event.Precision.MONTH)
        before = self.lemma(at(tokens, i - 1))
        if before in SHIFTS and at(tokens, i - 1).lower not in ("this", "этот"):  # last December, next March
            year = self.published.year + (1 if SHIFTS[before] > 0 and month <= self.published.month else 0)
            year -= 1 if SHIFTS[before] < 0 and month >= self.published.month else 0
            first = dt.date(year, month, 1)
            return Mention(i - 1, k, first, first, Event.Precision.MONTH)
        if before in ("this", "этот"):
            first = dt.date(self.published.year, month, 1)
            return Mention(i - 1, k, first, first, Event.Precision.MONTH)
        # "in June", "в начале июня": the year from the sentence; "– June, Ashgabat – Forum": a list's line
        alone = i == 0 and self.month_label(tokens[k:]) and self.leads_more()  # "February. The…", "May: Egypt. The…"
        if self.after_in(tokens, i) or self.leads_line(tokens, i, k) or alone:
            year = self.infer_year(tokens, i, Partial(15, month, 15, month))
            first = last = dt.date(year, month, 1)
            if (at(tokens, k).text in DASHES or at(tokens, k).lower in ("and", "и")) and (
                (following := self.month(at(tokens, k + 1))) and following > month > 1
            ):
                # "in May and June", "в августе–сентябре" (from January: figures' period, see is_statistics)
                last, k = dt.date(year, following, 1), k + 2
            return Mention(i, k, first, last, Event.Precision.MONTH, explicit_year=False)
        return None

    def year_mention(self, tokens: list[Token], i: int) -> Mention | None:
        """in 2014, в 2016 году, in early 2019; not a count ("in 2000 schools") nor a span ("2018−2019")."""
        year = self.year(tokens, i)
        following = at(tokens, i + 1)
        # "in 2000 schools" counts; "in 2014 found", "in 2014 resulted in" is a year before its verb
        verb = following.lower in AFTER_YEAR or (
            following.text.isascii() and following.lower.endswith("ed") and at(tokens, i + 2).lower in VERB_OBJECTS
        )  # not "in 2000 registered polling stations"
        counted = following.text[:1].islower() and not verb
        # "the Conference in 2021 — in a hybrid format": a year, its event named before it in its clause; not a span
        # ("2018−2019") nor an aside's year ("shown in Paris in 2023 — and in Rome a year later — opens…")
        aside = following.text in DASHES and (at(tokens, i + 2).text[:1].isdigit() or not self.named_before(tokens, i))
        if year is None or not self.after_in(tokens, i) or aside or counted:
            return None
        if at(tokens, i - 1).lower == "на":
            return None  # "план на 2022 год": the year a plan is for
        return Mention(i, self.past_year_words(tokens, i + 1), dt.date(year, 1, 1), dt.date(year, 12, 31),
                       Event.Precision.YEAR)  # fmt: skip

    def relative(self, tokens: list[Token], i: int) -> Mention | None:
        """today, the day after tomorrow, вчера; last year, this month, на следующей неделе."""
        word = bare(at(tokens, i).lower)
        if word == "day" and at(tokens, i + 1).lower in ("after", "before"):
            later = at(tokens, i + 1).lower == "after"
            if bare(at(tokens, i + 2).lower) == ("tomorrow" if later else "yesterday"):
                day = self.published + dt.timedelta(days=2 if later else -2)
                return Mention(i, i + 3, day, day, Event.Precision.DAY)
        if word in DAYS_FROM_PUBLICATION and at(tokens, i + 1).text not in ("»", '"', "”"):  # not «Беларусь сегодня»
            if at(tokens, i).lower.endswith(("'s", "’s")) and not self.names_event(tokens, i + 1):
                return None  # "today's resolutions": whose, not when; "yesterday's bilateral talks" are an event's
            day = self.published + dt.timedelta(days=DAYS_FROM_PUBLICATION[word])
            return Mention(i, i + 1, day, day, Event.Precision.DAY)
        if self.last_day is not None and (length := self.same_day_words(tokens, i)):
            # "The same day the Governor will open…", "в тот же день", "In the evening, …": the day last named.
            return Mention(i, i + length, self.last_day, self.last_day, Event.Precision.DAY)
        if self.last_day is not None and (length := self.next_day_words(tokens, i)):
            day = self.last_day + dt.timedelta(days=1)  # "The next day", "на следующий день": the day after it
            return Mention(i, i + length, day, day, Event.Precision.DAY)
        for unit in ("year", "month", "week"):
            found = self.shift(tokens, i, unit)
            whose = found is not None and at(tokens, found[1] - 1).lower.endswith(("'s", "’s"))
            if whose and self.kind_of(at(tokens, found[1]))[0] is None:
                return None  # "last year's participants": whose, not when; "last year's forum" is an event's
            if found is not None:
                week = self.shifted(i, found[1], unit, found[0])
                return self.weekdays_of(tokens, week) if unit == "week" else week
        return None

    def shifted(self, i: int, end: int, unit: str, shift: int) -> Mention:
        published = self.published
        if unit == "year":
            year = published.year + shift
            return Mention(i, end, dt.date(year, 1, 1), dt.date(year, 12, 31), Event.Precision.YEAR)
        if unit == "month":
            index = published.year * 12 + published.month - 1 + shift
            first = dt.date(index // 12, index % 12 + 1, 1)
            return Mention(i, end, first, first, Event.Precision.MONTH)
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        return Mention(i, end, monday, monday + dt.timedelta(days=6), Event.Precision.DAY, vague=True)

    # Ranges and years ---------------------------------------------------------------------------

    def range_word(self, tokens: list[Token], k: int, first: int) -> bool:
        """Whether token k joins two days: a dash, or "to", "по", "and" after "from", "с", "between"."""
        word = at(tokens, k)
        if word.text in DASHES:
            return True
        ordinal = at(tokens, k - 1).text[-2:].isalpha()
        if word.lower in ("to", "through") and (at(tokens, first - 1).lower == "for" or ordinal):
            return True  # "scheduled for 7 to 10 July", "7th to 10th July"
        if word.lower in ("to", "through") and at(tokens, first).text.isdigit() and self.month(at(tokens, k + 2)):
            return True  # "Vilnius, 11 to 13 June 2024": two days of one month, the first bare
        return word.lower in RANGE_WORDS and (at(tokens, first - 1).lower in RANGE_STARTS or word.lower in ("and", "и"))

    def past_year_words(self, tokens: list[Token], k: int) -> int:
        """The token after a year's "года", "г.", "год": where its mention ends."""
        while at(tokens, k).lower in YEAR_WORDS or (at(tokens, k).text == "." and at(tokens, k - 1).lower == "г"):
            k += 1
        return k


# What follows a verb in the past after a year: "in 2014 resulted in", "found that", "reviewed the plan".
VERB_OBJECTS = {"that", "in", "the", "a", "an", "to", "by", "on", "its", "their", "his", "her", ",", "."}
AFTER_YEAR = {"at", "in", "on", "and", "or", "the", "by", "for", "to", "with", "when", "as", "was", "were", "is",
              "will", "under", "during", "after", "before", "from", "of", "и", "в", "на", "по", "с", "когда",
              "года", "году", "год", "г", "а", "но", "прошел", "прошли", "состоялся", "состоялась", "found", "led",
              "showed", "saw", "took", "brought", "gave", "made", "became", "left", "won", "sent"}  # fmt: skip


@functools.cache
def weekday_names(language: str) -> dict[str, int]:
    """Weekday names in the language, as lemmas, from Django's translations (Monday is 0)."""
    lemma = shared_morphology().lemma
    with translation.override(language):
        return {lemma(str(name), language): number for number, name in WEEKDAYS.items()}


def days_running(first: Mention, second: Mention) -> bool:
    """Whether two single days follow one another ("today and tomorrow", "on 30 November and 1 December")."""
    return first.start == first.last == second.start - dt.timedelta(days=1) and second.start == second.last
