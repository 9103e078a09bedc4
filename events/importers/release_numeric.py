"""Numeric dates: 14.11.2017, 14.11 and 24–25.09 without the year, 20/03/2026 with slashes (the month first only when
the day cannot be, or when the release writes its slashed dates so), a day and a month with a slash when told as a
date ("on 10/10", "15/03 (Sat)"), and ISO days (2026-03-20); the NumericReader of the ReleaseReader (release.py),
beside the DateReader that asks it."""

import datetime as dt
import re

from events.models import Event

from .release_dates import Mention, Partial, at
from .release_words import DASHES, Token

# Words before a day and month with a slash and no year that date it: "on 10/10", "from 14/05".
SLASH_DATING = {"on", "from", "until", "till", "through", "by", "to"}
# A day and a month with a slash, the month first (4/26) or the day first (26/4), as a release writes them.
MONTH_FIRST = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?![\d])")
DAY_FIRST = re.compile(r"(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d])")
# What joins a numeric date's parts: 14.11.2017, 14/11/2017.
NUMERIC_SEPARATORS = {".", "/"}


class NumericReader:
    """Numeric dates; the ReleaseReader (release.py) gives the year, the numbers and the weekdays used here."""

    def numeric(self, tokens: list[Token], i: int, weekday: int | None = None) -> Mention | None:
        """14.11.2017, and without the year 14.11 or 24–25.09 (a two-digit month: "3.5 per cent" is no date): day,
        month [and year] joined by full stops, without spaces; 20/03/2026 the same with slashes (month first only
        when the day cannot be: 03/20/2026), and 2026-03-20 (ISO 8601)."""
        parts = [at(tokens, i + n) for n in range(7)]
        touching = [n for n in range(1, 7) if parts[n].start == parts[n - 1].end]
        if (iso := self.iso_date(tokens, i, parts, touching)) is not None:
            return iso
        first_day = last_day = self.number(parts[0], 1, 31)
        k = i
        if parts[1].text in DASHES and {1, 2} <= set(touching) and self.number(parts[2], 1, 31):
            last_day, k = self.number(parts[2], 1, 31), i + 2  # 24–25.09
        n = k - i
        separator = parts[n + 1].text
        if first_day is None or not {n + 1, n + 2} <= set(touching) or separator not in NUMERIC_SEPARATORS:
            return None
        month = self.number(parts[n + 2], 1, 31)
        if month is None or len(parts[n + 2].text) > 2:
            return None
        has_year = parts[n + 3].text == separator and n + 4 in touching and self.year(tokens, k + 4)
        if separator == "/" and not has_year and not self.slash_dated(tokens, i, k + 3, weekday):
            return None  # "24/7", "1/2": no date without its year, unless told as one
        american = month > 12 or (self.slashes_month_first and month <= 12)  # 03/20/2026; 5/2 beside 4/26
        if american and separator == "/" and first_day <= 12 and first_day == last_day:
            first_day, month = month, first_day  # the month first, as American texts write it
            last_day = first_day
        if month > 12 or (separator == "." and len(parts[n + 2].text) != 2):
            return None
        if has_year:
            return self.with_year(tokens, i, k + 4, Partial(first_day, month, last_day, month, weekday=weekday))
        return self.with_year(tokens, i, k + 3, Partial(first_day, month, last_day, month, weekday=weekday))

    def slash_dated(self, tokens: list[Token], i: int, end: int, weekday: int | None) -> bool:
        """Whether a day and a month with a slash and no year are told as a date: after a weekday or a word of
        dating ("Sunday 15/09", "on 10/10"), before a weekday ("15/03 (Sat)"), a dash and another ("14/05–16/05"), or
        a line's first, before a dash ("4/26 – Parade of Ships"); not "open 24/7", "1/2 of the budget"."""
        after, before = at(tokens, end), at(tokens, i - 1)
        if weekday is not None or before.lower in SLASH_DATING or self.weekday(before) is not None:
            return True
        if before.text in DASHES and at(tokens, i - 3).text == "/":
            return True  # the second of "14/05–16/05"
        if after.text == "(" and self.weekday(at(tokens, end + 1)) is not None:
            return True
        slashed = at(tokens, end + 2).text == "/" and at(tokens, end + 1).text.isdigit()
        return after.text in DASHES and (slashed or i == 0)

    def iso_date(self, tokens: list[Token], i: int, parts: list[Token], touching: list[int]) -> Mention | None:
        """2026-03-20: a year, a month and a day joined by hyphens, without spaces."""
        if not (self.year(tokens, i) and set(range(1, 5)) <= set(touching) and parts[1].text == parts[3].text == "-"):
            return None
        if len(parts[2].text) != 2 or len(parts[4].text) != 2:
            return None
        month, day = self.number(parts[2], 1, 12), self.number(parts[4], 1, 31)
        try:
            date = dt.date(int(parts[0].text), month or 0, day or 0)
        except ValueError:
            return None  # 2026-02-30, or no month
        return Mention(i, i + 5, date, date, Event.Precision.DAY, True)


def slashes_month_first(text: str) -> bool:
    """Whether a release writes its slashed dates month first ("4/26", "06/14/2027") and never day first."""
    return bool(MONTH_FIRST.search(text)) and not DAY_FIRST.search(text)
