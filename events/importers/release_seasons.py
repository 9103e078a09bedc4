"""Periods of months: seasons, halves and quarters of a year, tenths of a month, and runs of months.

What it reads, in English and Russian:
- seasons, as months: "in the autumn", "this summer", "in the spring of 2024", "осенью", "летом прошлого года",
  "этой зимой" (a winter is December to February; "winter 2024", "зимой 2024 года", the one that ends in 2024);
- halves and quarters of a year ("in the second half of 2027", "в IV квартале") and tenths of a month ("в первой
  декаде мая");
- a chronicle's headings of months ("Январь", "April – May", "MARCH 2023") and entries led by their days ("14
  February. The Chairman received…"): their year is the heading's own, or the year before the publication when
  the text told it as a whole twice before the first (a heading's words count) and not the publication's; it moves
  on to the next year after December;
- a run of months from one to another: "from June to August", "from June to November 2027", "between May and
  July", "from mid-November to the end of March", "с середины сентября до конца октября" (a run to an earlier
  month ends in the next year: "from November to March");
- a month, a year or a season that only frames a day or a month after it (without_frames).
"""

import bisect
import datetime as dt
from collections import Counter

from events.models import Event

from .release_dates import PERIOD_PARTS, RANGE_STARTS, SHIFTS, Mention, Partial, at, bare
from .release_periods import LINKS, month_end
from .release_words import DASHES, YEAR, Token, tokens_of

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
           "весна": (3, 5), "лето": (6, 8), "осень": (9, 11), "зима": (12, 2), "весной": (3, 5), "летом": (6, 8),
           "осенью": (9, 11), "зимой": (12, 2)}  # fmt: skip
# Russian adverbs of season ("осенью") name one alone; a noun ("осень") or an English word needs a word before
# ("in the autumn", "этой осенью", "this summer") or a year after ("autumn 2024"): "summer" alone is often a name.
SEASON_ADVERBS = {"весной", "летом", "осенью", "зимой"}
SEASON_BEFORE = {"in", "the", "during", "this", "next", "last", "coming", "past", "в", "этот", "прошлый", "следующий",
                 "будущий", "нынешний", "текущий", "минувший", "предстоящий", "of", "на"}  # fmt: skip
# Words after "the" and a season that leave it a time ("in the autumn the commission will meet"), not a noun's.
SEASON_FOLLOWERS = {"of", "and", "or", "the", "a", "an", "to", "in", "on", "at", "is", "was", "will", "we", "they",
                    "when", "as", "with", "for", "by", "it", "this", "that", "months", "season", "holidays", "break",
                    "recess", "term", "semester"}  # fmt: skip
# Halves of a year ("in the second half of the year", "во втором полугодии") and tenths of a month ("в первой
# декаде мая"): their first and last months, their first and last days.
HALVES = {"first": (1, 6), "second": (7, 12), "первый": (1, 6), "второй": (7, 12)}
QUARTERS = {"first": (1, 3), "second": (4, 6), "third": (7, 9), "fourth": (10, 12), "первый": (1, 3),
            "второй": (4, 6), "третий": (7, 9), "четвёртый": (10, 12), "четвертый": (10, 12), "i": (1, 3),
            "ii": (4, 6), "iii": (7, 9), "iv": (10, 12)}  # fmt: skip
PARTS_OF_YEAR = {"half": HALVES, "quarter": QUARTERS, "полугодие": HALVES, "квартал": QUARTERS, "половина": HALVES}
# What may join a heading's months: "Апрель – май", "July and August".
HEADING_JOINS = {*DASHES, "and", "и", "/", ","}
# The most tokens of a chronicle's label of a month and its topic: "October: North–South corridor".
TOPIC_LABEL = 8
DECADES = {"первый": (1, 10), "второй": (11, 20), "третий": (21, 31)}
# Words that end a run of months begun with "from", "between" or "с": "from June to August", "с июня по август".
MONTHS_TO = {"to", "until", "till", "through", "and", "по", "до", "и"}


# The parts of a month a text names the month by ("the end of the month", "в начале месяца").
MONTH_PARTS = {"end", "beginning", "start", "middle", "конца", "конце", "концу", "конец", "начале", "начала",
               "середине", "середины"}  # fmt: skip


class SeasonReader:
    """Periods of months; the ReleaseReader (release.py) sets up the state used here."""

    def season(self, tokens: list[Token], i: int) -> Mention | None:
        """in the autumn, this summer, autumn 2024, осенью, летом прошлого года: the season's months."""
        word = self.lemma(at(tokens, i))
        # "– autumn – Forum of the Intelligentsia"; not "• Winter – a photo exhibition", "– Весна – концерт": titles
        leads = at(tokens, i).text.islower() and self.leads_line(tokens, i, i + 1)
        english_name = self.language == "en" and at(tokens, i).text[:1].isupper() and not leads
        if english_name or (word not in SEASONS and at(tokens, i).lower not in SEASONS):
            return None  # English writes seasons in lower case: "the Summer Academy" is a name
        first_month, last_month = SEASONS.get(at(tokens, i).lower) or SEASONS[word]
        before = self.lemma(at(tokens, i - 1))
        following = at(tokens, i + 1).text
        noun = following.isalpha() and following.islower() and following not in SEASON_FOLLOWERS
        if before == "the" and noun and self.kind_of(at(tokens, i + 1))[0] is None:
            return None  # a season before its noun: "on the winter ice regime"; not "the spring session": its time
        end, year = i + 1, None
        if at(tokens, end).lower == "of" and self.year(tokens, end + 1):
            end += 1
        if self.year(tokens, end):
            year, end = self.year(tokens, end), self.past_year_words(tokens, end + 1)
        elif (relative := self.shift(tokens, end, "year")) is not None:
            year, end = self.published.year + relative[0], relative[1]
        elif at(tokens, i).lower not in SEASON_ADVERBS and before not in SEASON_BEFORE and not leads:
            return None
        start = i - 1 if before in SHIFTS else i
        if year is None:
            year = self.season_year(first_month, last_month, SHIFTS.get(before), self.tense_at(i))
        elif first_month > last_month:
            year -= 1  # "winter 2024": the winter that ends in 2024
        first = dt.date(year, first_month, 1)
        last = dt.date(year + (1 if last_month < first_month else 0), last_month, 1)
        return Mention(start, end, first, last, Event.Precision.MONTH, explicit_year=False)

    def month_part(self, tokens: list[Token], i: int) -> Mention | None:
        """The month of "at the end of the month", "until the end of the month", "до конца месяца", "в начале месяца":
        the month of the day last named in the paragraph ("откроется 12 октября и продлится до конца месяца"), else
        the publication's."""
        english = bare(at(tokens, i).lower) == "month" and at(tokens, i - 1).lower == "the"
        english = english and at(tokens, i - 2).lower == "of" and at(tokens, i - 3).lower in MONTH_PARTS
        english = english and at(tokens, i + 1).lower not in ("of", "-")  # not "the month of Ramadan", "month-long"
        russian = self.lemma(at(tokens, i)) == "месяц" and at(tokens, i - 1).lower in MONTH_PARTS
        if not (english or russian):
            return None
        named = self.last_day if self.last_day is not None and self.last_day_at == self.paragraph else self.published
        first = named.replace(day=1)
        start = i - 3 - (at(tokens, i - 4).lower == "the") if english else i - 1  # "until the end of the month"
        return Mention(start, i + 1, first, first, Event.Precision.MONTH)

    def season_year(self, first_month: int, last_month: int, shift: int | None, tense: str) -> int:
        """The year a season starts in: the one the shift names ("last summer"), else the last one that began (in
        the past tense), the next one that has not ended (in the future), else the nearest."""
        published = self.published
        starts = {year: dt.date(year, first_month, 1) for year in (published.year - 1, published.year,
                                                                  published.year + 1)}  # fmt: skip
        ends = {year: dt.date(year + (1 if last_month < first_month else 0), last_month, 28) for year in starts}
        current = next((year for year in starts if starts[year] <= published <= ends[year]), None)
        if shift is not None:
            if shift == 0 and current is not None:
                return current
            ahead = [year for year in starts if starts[year] > published]
            behind = [year for year in starts if ends[year] < published]
            if shift == 0:  # "this spring": in July, the one just past when told in the past tense
                return max(behind) if tense == "past" else min(ahead)
            return min(ahead) if shift > 0 else max(behind)
        if tense == "past":
            return max(year for year in starts if starts[year] <= published)
        if current is not None:
            return current
        return min(year for year in starts if starts[year] > published)

    def half_year(self, tokens: list[Token], i: int) -> Mention | None:
        """Halves and quarters of a year: in the second half of the year / of 2027 / of next year, in the first
        quarter, во втором полугодии [2027 года], в IV квартале: their months."""
        ordinal = at(tokens, i).lower if self.language == "en" else self.lemma(at(tokens, i))
        unit = at(tokens, i + 1).lower if self.language == "en" else self.lemma(at(tokens, i + 1))
        if at(tokens, i).text.isupper() and at(tokens, i).lower in QUARTERS:
            ordinal = at(tokens, i).lower  # "IV квартал"
        part = PARTS_OF_YEAR.get(unit, {}).get(ordinal)
        if part is None:
            return None
        k, year = i + 2, None
        if unit == "половина" and not (self.year(tokens, k) or self.shift(tokens, k, "year")):
            if self.lemma(at(tokens, k)) != "год":
                return None  # "в первой половине 2018 года", "во второй половине года"; not "половина участников"
            k += 1
        if self.language == "en" and at(tokens, k).lower == "of":
            k += 1
            if at(tokens, k).lower == "the" and at(tokens, k + 1).lower == "year":
                k += 2
            elif not (self.year(tokens, k) or self.shift(tokens, k, "year")):
                return None
        if self.year(tokens, k):
            year, k = self.year(tokens, k), self.past_year_words(tokens, k + 1)
        elif (relative := self.shift(tokens, k, "year")) is not None:
            year, k = self.published.year + relative[0], relative[1]
        if year is None:
            # The part not yet over, unless the words speak of the past.
            ended = dt.date(self.published.year, part[1], 28) < self.published
            year = self.published.year + (1 if ended and self.tense_at(i) != "past" else 0)
        return Mention(i, k, dt.date(year, part[0], 1), dt.date(year, part[1], 1), Event.Precision.MONTH,
                       explicit_year=False)  # fmt: skip

    def decade(self, tokens: list[Token], i: int) -> Mention | None:
        """в первой декаде мая, во второй декаде июня 2026 года: the ten days (the last one to the month's end)."""
        days = DECADES.get(self.lemma(at(tokens, i))) if self.language == "ru" else None
        month = self.month(at(tokens, i + 2)) if days and self.lemma(at(tokens, i + 1)) == "декада" else None
        if month is None:
            return None
        last = days[1] if days[1] < 31 else 28
        mention = self.with_year(tokens, i, i + 3, Partial(days[0], month, last, month))
        if mention is not None and days[1] == 31:
            mention.last = month_end(mention.start)
        return mention

    def month_span(self, tokens: list[Token], i: int) -> Mention | None:
        """from June to August, from November 2026 to March 2027, from June to November 2027, between May and July,
        с июня по август: the months from the first to the last (not "from January to April" without a year: the
        period of figures)."""
        if (first := self.month(at(tokens, i))) is None:
            return None
        start = i - 1
        while start > i - 5 and at(tokens, start).lower in PERIOD_PARTS:
            start -= 1  # "from mid-November", "с середины сентября"
        start_word = at(tokens, start).lower
        if start_word not in RANGE_STARTS:
            return None
        k, first_year = i + 1, self.year(tokens, i + 1)
        if first_year is not None:
            k = self.past_year_words(tokens, k + 1)
        joining = at(tokens, k).lower
        if joining not in MONTHS_TO or (joining in ("and", "и")) != (start_word in ("between", "между")):
            return None
        k += 1
        while k < i + 12 and at(tokens, k).lower in PERIOD_PARTS:
            k += 1  # "to the end of March", "до конца октября"
        end, last = k + 1, self.month(at(tokens, k))
        if last is None or last == first or self.number(at(tokens, end), 1, 31) is not None:
            return None  # "from June to August 15": days, not months
        last_year = self.year(tokens, end)
        if last_year is not None:
            end = self.past_year_words(tokens, end + 1)
        if first_year is None and last_year is None:
            if first == 1:
                return None
            # The year of the run's last month: "between May and July", said in June, is this year's.
            last_year = self.infer_year(tokens, i, Partial(1, last, 1, last))
        if first_year is None:
            first_year = last_year - (1 if last < first else 0)
        last_year = last_year or first_year + (1 if last < first else 0)
        if not 0 < (last_year - first_year) * 12 + last - first < 12:
            return None
        return Mention(i, end, dt.date(first_year, first, 1), dt.date(last_year, last, 1), Event.Precision.MONTH,
                       explicit_year=False, run=True)  # fmt: skip

    def chronicle(self, paragraph: list[str], *, heading: bool) -> int | None:
        """The year a paragraph of a chronicle keeps (see the module's text), or None; heading: whether the paragraph
        is a heading line, whose years count as told unless it is a date ("…: хроника 2023 года")."""
        if heading and not any(map(self.month, tokens_of(paragraph[0]))):
            self.years_told.update(int(year) for year in YEAR.findall(paragraph[0]))
        month, year = self.month_heading(paragraph)
        if month:
            told = self.years_told if self.chronicle_year is None else Counter()  # before its first month only
            before = self.published.year - 1
            last = before if told[before] >= 2 and not told[self.published.year] else 0
            later = bool(self.chronicle_year) and month < self.chronicle_month  # "DECEMBER", then "JANUARY"
            self.chronicle_year = year or (self.chronicle_year + later if self.chronicle_year else last)
            self.chronicle_month = month
        return self.chronicle_year

    @staticmethod
    def month_label(rest: list[Token]) -> bool:
        """Whether the words of a line led by a month, but the month, make it a label over its entry: none, a full stop,
        or a topic ("February. The joint working group met…", "May: Uzbekistan. A delegation visited…")."""
        texts = [token.text for token in rest]
        return texts in ([], ["."]) or (texts[:1] == [":"] and texts[-1:] == ["."] and len(texts) <= TOPIC_LABEL)

    def month_heading(self, paragraph: list[str]) -> tuple[int, int | None]:
        """The first month of a paragraph that is a chronicle's heading of months ("Январь", "Апрель – май", "MARCH
        2023") or opens with an entry's label of days or a season ("14 February. The Chairman received…", "Summer. A
        group…") or of a month and its topic ("February: Egypt. At the beginning…"), else 0; and the year it names."""
        tokens = tokens_of(paragraph[0])
        if len(paragraph) > 1 and at(tokens, 1).text == ":" and self.month(tokens[0]) and self.month_label(tokens[1:]):
            tokens = [tokens[0], tokens[-1]]  # "February: Egypt.", then the entry: the month's label, "February."
        labelled = bool(tokens) and tokens[-1].text == "."
        if len(paragraph) > 1 or labelled:
            tokens = tokens[:-1] if labelled else []  # a label, then its entry
        months = [k for k in range(len(tokens)) if self.month(tokens[k]) or self.lemma(tokens[k]) in SEASONS]
        years = [self.year(tokens, k) for k in range(len(tokens)) if self.year(tokens, k) is not None]
        days = [token for token in tokens if token.text.isdigit() and 1 <= int(token.text) <= 31]
        joins = [token for token in tokens if token.text in HEADING_JOINS]
        if not months or len(months) + len(years) + len(days) + len(joins) != len(tokens) or len(years) > 1:
            return 0, None
        if days and years:
            return 0, None  # a dateline: "3 November 2025"
        first = self.month(tokens[months[0]]) or SEASONS[self.lemma(tokens[months[0]])][0]
        return first, years[0] if years else None

    @staticmethod
    def without_frames(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """The mentions but a month or a year that only frames a day of the same clause run ("Last year, the talks
        took place on 6 October"), or a year or a season a month after it ("This year it takes place in the second
        half of November"); not across a semicolon ("In March, X paid a visit; on 21 March they signed a
        statement": two events). Days are looked up by their start, so a long sentence takes linear time."""
        part, parts = 0, []
        for token in tokens:
            part += token.text == ";"
            parts.append(part)
        days: dict[tuple[int, int], list[dt.date]] = {}
        for mention in mentions:
            if mention.precision == Event.Precision.DAY:
                days.setdefault((parts[mention.first], mention.start.year), []).append(mention.start)
        for starts in days.values():
            starts.sort()

        # Months and runs of months, for a year or a season before them that they are in: "This year it takes place in
        # the second half of November", "This summer, from late June to August, …" (not "in late September, and …
        # in the autumn": two events).
        months: dict[tuple[int, int], list[Mention]] = {}
        for mention in mentions:
            if mention.precision == Event.Precision.MONTH and (mention.run or mention.start == mention.last):
                months.setdefault((parts[mention.first], mention.start.year), []).append(mention)

        def frames(mention: Mention) -> bool:
            starts = days.get((parts[mention.first], mention.start.year), [])
            at_or_after = bisect.bisect_left(starts, mention.start)
            if at_or_after < len(starts) and starts[at_or_after] <= mention.last + dt.timedelta(days=31):
                return True
            inside = months.get((parts[mention.first], mention.start.year), [])
            wider = mention.precision == Event.Precision.YEAR or mention.start != mention.last
            return wider and any(
                other.first > mention.first and mention.start <= other.start and other.last <= mention.last
                for other in inside
            )

        def loose(k: int, mention: Mention) -> bool:
            """A week said loosely before the event's own day: "Last week the Minister took part in the meeting … on
            Thursday, 9 October" (not "next week, on 24 March", where each may be another event's)."""
            if not mention.vague or k + 1 >= len(mentions):
                return False
            day = mentions[k + 1]  # the next date, in the same clause: not "…, and on Thursday, 14 May, talks"
            between = tokens[mention.end : day.first]
            one_clause = 3 < len(between) <= 30 and not any(t.text in ",;:()" or t.lower in LINKS for t in between)
            return (
                one_clause
                and not day.vague
                and day.precision == Event.Precision.DAY
                and (abs((day.start - mention.start).days) <= 14)
            )

        return [
            m
            for k, m in enumerate(mentions)
            if (m.precision == Event.Precision.DAY or m.run or not frames(m)) and not loose(k, m)
        ]
