"""Seasons, days named by their number alone, ends of events and deadlines: the periods half of the DateReader.

What it reads, in English and Russian:
- seasons, as months: "in the autumn", "this summer", "in the spring of 2024", "осенью", "летом прошлого года",
  "этой зимой" (a winter is December to February; "winter 2024", "зимой 2024 года", the one that ends in 2024);
- a day by its number alone ("Last month, on the 22nd", "Среда, 11-е"): in the month just named, else in the
  month of the day the text named last (a programme's days), else of the publication, as the tense allows;
- a weekday alone after a programme's days ("В субботу Министр откроет…" after "12–13 декабря"): the next such
  day after the last day named, when that day is still to come;
- the end of an event named earlier ("opens on 5 May … and will remain open until the end of September", "The
  forum … will last until 16 September", "выставка, которая продлится до 15 мая"), and deadlines, which are not
  events ("applications by 13 September", "заявки принимаются до 15 июня");
- statistics periods, which are not events either: "in January–April", "в январе–сентябре".
"""

import datetime as dt

from events.models import Event

from .release_dates import SHIFTS, Mention, Partial, at
from .release_kinds import MOVED
from .release_words import DASHES, WEEKDAY_BEFORE, Token, is_clause_mark

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
           "весна": (3, 5), "лето": (6, 8), "осень": (9, 11), "зима": (12, 2), "весной": (3, 5), "летом": (6, 8),
           "осенью": (9, 11), "зимой": (12, 2)}  # fmt: skip
# Russian adverbs of season ("осенью") name one alone; a noun ("осень") or an English word needs a word before
# ("in the autumn", "этой осенью", "this summer") or a year after ("autumn 2024"): "summer" alone is often a name.
SEASON_ADVERBS = {"весной", "летом", "осенью", "зимой"}
SEASON_BEFORE = {"in", "the", "during", "this", "next", "last", "coming", "past", "в", "этот", "прошлый", "следующий",
                 "будущий", "нынешний", "текущий", "минувший", "предстоящий", "of", "на"}  # fmt: skip
ORDINAL_ENDINGS_RU = {"е", "го", "ое", "ого", "м", "ом"}
ORDINAL_FOLLOWERS = {"and", "or", "at", "in", "числа", "число", "и"}
ORDINAL_PREPOSITIONS = {"on", "from", "to", "until", "till", "by", "and", "since"}
# Words before the end of an event or a deadline ("until 16 September", "до 15 мая", "by 13 September").
UNTIL = {"until", "till", "through", "thru", "до"}
DEADLINE = {"by", "until", "till", "through", "thru", "до", "позднее", "deadline", "срок"}
# Words of a time of day between "until" and its day: "until 12:00 on 23 February", "до 18 часов 24 апреля".
TIME_PARTS = {"on", "at", "noon", "midnight", "am", "pm", "a", "p", "m", "hrs", "h", "ч", "час", "часов"}
# What is due by a day: its day is a deadline, whatever the verb ("Accreditation is open until 10 April").
DUE = {"accreditation", "registration", "application", "applications", "submission", "submissions", "entries",
       "аккредитация", "регистрация", "заявка"}  # fmt: skip
DUE_WINDOW = 16
# Verbs that end what is due: "Registration closes on 20 March".
CLOSING = {"close", "closes", "closed", "end", "ends", "ended", "закрываться", "закрыться", "завершаться",
           "завершиться", "заканчиваться", "закончиться"}  # fmt: skip
# Verbs that carry an event on to a day: its end, not a deadline ("will last until", "продлится до").
CONTINUING = {"last", "lasts", "run", "runs", "remain", "remains", "continue", "continues", "open", "display", "view",
              "show", "shown", "exhibited",
              "продлиться", "продолжиться", "продолжаться", "длиться", "работать", "открытый", "открыть",
              "экспонироваться", "экспонировать"}  # fmt: skip
CONTINUING_WINDOW = 8
# Halves of a year ("in the second half of the year", "во втором полугодии") and tenths of a month ("в первой
# декаде мая"): their first and last months, their first and last days.
HALVES = {"first": (1, 6), "second": (7, 12), "первый": (1, 6), "второй": (7, 12)}
QUARTERS = {"first": (1, 3), "second": (4, 6), "third": (7, 9), "fourth": (10, 12), "первый": (1, 3),
            "второй": (4, 6), "третий": (7, 9), "четвёртый": (10, 12), "четвертый": (10, 12), "i": (1, 3),
            "ii": (4, 6), "iii": (7, 9), "iv": (10, 12)}  # fmt: skip
PARTS_OF_YEAR = {"half": HALVES, "quarter": QUARTERS, "полугодие": HALVES, "квартал": QUARTERS}
DECADES = {"первый": (1, 10), "второй": (11, 20), "третий": (21, 31)}
# "last weekend", "в минувшие выходные": the weekend's shift, from the word before it.
WEEKEND_SHIFTS = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1, "минувший": -1, "прошлый": -1,
                  "прошедший": -1, "прошедшее": -1, "этот": 0, "ближайший": 0, "следующий": 1,
                  "предстоящий": 1}  # fmt: skip
# Verbs of figures: a month or a year in their clause is the period they are given for ("trade grew by 14% in
# 2025", "товарооборот в 2025 году вырос"), not an event's ("the Commission on Trade will meet in June" is).
FIGURES = {"grew", "grow", "increased", "decreased", "rose", "fell", "amounted", "exceeded", "вырасти", "увеличиться",
           "сократиться", "составить", "превысить", "снизиться"}  # fmt: skip
# A plan approved for a period ("approved the plan of events for the second half of the year"): the period is the
# plan's, not an event's.
PLANS = {"plan", "plans", "programme", "program", "schedule", "план", "программа", "график"}
APPROVED = {"approved", "adopted", "approve", "adopt", "утвердить", "принять", "утверждённый", "утвержденный"}
# Words between weekdays and the week they are of: "on Wednesday and Thursday next week", "во вторник и среду".
# Words between a week and the weekdays after it: "next week, from Tuesday to Thursday", "на следующей неделе, во
# вторник".
WEEKDAY_AFTER = {"from", "to", "till", "until", "and", "on", "с", "по", "и", "в", "во", "-", "–", "—"}
WEEKDAY_LINKS = {"and", ",", "or", "on", "и", "или", "в", "во", "на"}
# Words between "until"/"до" and a month: "until the end of September", "до конца сентября".
END_PARTS = {"the", "end", "of", "конца", "начала", "середины"}
STATISTICS_WORDS = {"за"}
# "On the second day", "На второй день", "В четвёртый, заключительный день": the day's number, counted from the day a
# trip or an event began (the last day the text named as a start).
DAY_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "первый": 1,
               "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6,
               "седьмой": 7}  # fmt: skip
FINAL_WORDS = {"final", "last", "closing", "заключительный", "последний", "завершающий"}
DAY_WORDS = {"day", "день"}
# What joins a numeric date's parts: 14.11.2017, 14/11/2017.
NUMERIC_SEPARATORS = {".", "/"}


class PeriodReader:
    """Seasons, lone day numbers, ends and deadlines; the ReleaseReader (release.py) sets up the state used here."""

    def season(self, tokens: list[Token], i: int) -> Mention | None:
        """in the autumn, this summer, autumn 2024, осенью, летом прошлого года: the season's months."""
        word = self.lemma(at(tokens, i))
        english_name = self.language == "en" and at(tokens, i).text[:1].isupper()
        if english_name or (word not in SEASONS and at(tokens, i).lower not in SEASONS):
            return None  # English writes seasons in lower case: "the Summer Academy" is a name
        first_month, last_month = SEASONS.get(at(tokens, i).lower) or SEASONS[word]
        before = self.lemma(at(tokens, i - 1))
        end, year = i + 1, None
        if at(tokens, end).lower == "of" and self.year(tokens, end + 1):
            end += 1
        if self.year(tokens, end):
            year, end = self.year(tokens, end), self.past_year_words(tokens, end + 1)
        elif (relative := self.shift(tokens, end, "year")) is not None:
            year, end = self.published.year + relative[0], relative[1]
        elif at(tokens, i).lower not in SEASON_ADVERBS and before not in SEASON_BEFORE:
            return None
        start = i - 1 if before in SHIFTS else i
        if year is None:
            year = self.season_year(first_month, last_month, SHIFTS.get(before), self.tense_at(i))
        elif first_month > last_month:
            year -= 1  # "winter 2024": the winter that ends in 2024
        first = dt.date(year, first_month, 1)
        last = dt.date(year + (1 if last_month < first_month else 0), last_month, 1)
        return Mention(start, end, first, last, Event.Precision.MONTH, explicit_year=False)

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
            return (min(ahead) if shift > 0 else max(behind)) if shift else min(ahead)
        if tense == "past":
            return max(year for year in starts if starts[year] <= published)
        if current is not None:
            return current
        return min(year for year in starts if starts[year] > published)

    def bare_ordinal(self, tokens: list[Token], i: int, weekday: int | None = None) -> Mention | None:
        """on the 22nd, 11-е, 11-го: a day whose month the text gave before (or the publication's)."""
        token = at(tokens, i)
        english = token.text[-2:] in ("st", "nd", "rd", "th") and at(tokens, i - 1).lower == "the"
        russian = (
            token.text.isdigit()
            and at(tokens, i + 1).text == "-"
            and at(tokens, i + 1).start == token.end
            and at(tokens, i + 2).lower in ORDINAL_ENDINGS_RU
        )
        day = self.number(token, 1, 31)
        end = i + (3 if russian else 1)
        after = at(tokens, end)
        # Not an ordinal before its noun: "the 10th meeting", "10-е заседание".
        alone = not after.text[:1].isalpha() or after.lower in ORDINAL_FOLLOWERS
        if day is None or not (english or russian) or not alone:
            return None
        if english and at(tokens, i - 2).lower not in ORDINAL_PREPOSITIONS:
            return None
        for year, month in self.months_to_try(i):
            try:
                found = dt.date(year, month, day)
            except ValueError:
                continue
            if weekday is None or found.weekday() == weekday:
                return Mention(i - (1 if english else 0), end, found, found, Event.Precision.DAY, explicit_year=False)
        return None

    def months_to_try(self, i: int) -> list[tuple[int, int]]:
        """The months a lone day number may be in, likeliest first: the sentence's, the last day's, the tense's."""
        tried = []
        if self.sentence_month is not None:
            tried.append(self.sentence_month)
        if self.last_day is not None:
            tried += [(self.last_day.year, self.last_day.month), next_month(self.last_day)]
        published, tense = self.published, self.tense_at(i)
        this = (published.year, published.month)
        previous = (published.year - (published.month == 1), (published.month - 2) % 12 + 1)
        tried += {"past": [this, previous], "future": [this, next_month(published)]}.get(tense, [this])
        return tried

    def schedule_weekday(self, weekday: int) -> dt.date | None:
        """A weekday named after a programme's days still to come: the next such day after the last one named."""
        last = self.last_day
        if last is None or last < self.published:
            return None
        return last + dt.timedelta(days=(weekday - last.weekday()) % 7 or 7)

    def until_word(self, tokens: list[Token], mention: Mention) -> str:
        """The word before a date that ends something ("until", "до", "by"), past "the end of", else ""."""
        k = mention.first - 1
        while k >= 0 and (
            tokens[k].lower in END_PARTS | TIME_PARTS or tokens[k].text.isdigit() or tokens[k].text in ".:"
        ):
            k -= 1  # "until the end of September", "до 18.00 24 апреля", "until 12:00 on 23 February"
        word = at(tokens, k).lower
        if word == "позднее" and at(tokens, k - 1).lower == "не":
            return word
        return word if word in DEADLINE else ""

    def continues(self, tokens: list[Token], low: int, high: int) -> bool:
        """Whether the words [low, high) carry an event on ("will last", "remain open", "продлится")."""
        return any(self.lemma(token) in CONTINUING or token.lower in CONTINUING for token in tokens[low:high])

    def ends_event(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        """Whether the second date is the end of the event the first begins: "opens on 10 August … and will remain
        open until the end of September", "которая продлится до 15 мая" (a semicolon between them too)."""
        return (
            first.precision == Event.Precision.DAY
            and self.until_word(tokens, second) in UNTIL
            and self.continues(tokens, first.end, second.first)
        )

    def gives_figures(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a month or a year is the period figures of its clause are given for, or a plan approved for."""
        if mention.precision == Event.Precision.DAY:
            return False
        low, high = self.clause_bounds(mention.first)
        words = {token.lower for token in tokens[low:high]} | {self.lemma(token) for token in tokens[low:high]}
        return bool(words & FIGURES) or bool(words & PLANS and words & APPROVED)

    def is_deadline(self, tokens: list[Token], mention: Mention) -> bool:
        """A day something is due by, not an event: "by 13 September", "accepted until 20 July", "до 15 июня"."""
        if mention.precision != Event.Precision.DAY or mention.start != mention.last:
            return False
        word = self.until_word(tokens, mention)
        words = tokens[max(0, mention.first - DUE_WINDOW) : mention.first]
        closing = {self.lemma(token) for token in words[-3:]} & CLOSING
        due = any(self.lemma(token) in DUE for token in words) and not any(token.text in ".;" for token in words)
        if (word or closing) and due:
            return True  # "Accreditation is open until 10 April", "Registration closes on 20 March"
        return bool(word) and not (word in UNTIL and self.continued_to(tokens, mention))

    def continued_to(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a verb just before the date carries an event on to it ("will last until", "продлится до")."""
        return self.continues(tokens, max(0, mention.first - CONTINUING_WINDOW), mention.first)

    def is_statistics(self, tokens: list[Token], first: Mention, second: Mention) -> bool:
        """Months from January joined by a dash ("in January–April 2023", "за январь–май"): a period figures are
        given for, not an event."""
        months = first.precision == second.precision == Event.Precision.MONTH
        return months and (first.start.month == 1 or at(tokens, first.first - 1).lower in STATISTICS_WORDS)

    def weekdays_of(self, tokens: list[Token], week: Mention) -> Mention:
        """The days of a week that weekdays just before or after it name ("on Wednesday and Thursday next week",
        "в четверг на следующей неделе", "next week, from Tuesday to Thursday"), from the first to the last; the
        whole week when none do."""
        days, first, end, k = [], week.first, week.end, week.first - 1
        while k >= 0 and (tokens[k].lower in WEEKDAY_LINKS or self.weekday(tokens[k]) is not None):
            if (day := self.weekday(tokens[k])) is not None:
                days.append(day)
                first = k
            k -= 1
        if not days:
            k = week.end + (1 if at(tokens, week.end).text == "," else 0)
            while at(tokens, k).lower in WEEKDAY_AFTER or self.weekday(at(tokens, k)) is not None:
                comma = at(tokens, k + 1).text == ","
                if self.weekday(at(tokens, k)) is not None and self.number(at(tokens, k + 1 + comma), 1, 31):
                    break  # "next week, from Monday, 24 November": the weekday of a date, read with it
                if (day := self.weekday(at(tokens, k))) is not None:
                    days.append(day)
                    end = k + 1
                k += 1
        if not days:
            return week
        monday = week.start
        return Mention(first, end, monday + dt.timedelta(days=min(days)), monday + dt.timedelta(days=max(days)),
                       Event.Precision.DAY)  # fmt: skip

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
            mention.last = dt.date(*next_month(mention.start), 1) - dt.timedelta(days=1)
        return mention

    def weekend(self, tokens: list[Token], i: int) -> Mention | None:
        """last weekend, this weekend, в минувшие выходные, в эти выходные: its Saturday and Sunday."""
        word = at(tokens, i).lower
        if not (word in ("weekend", "weekends") or self.lemma(at(tokens, i)) in ("выходные", "выходной")):
            return None
        shift = WEEKEND_SHIFTS.get(at(tokens, i - 1).lower, WEEKEND_SHIFTS.get(self.lemma(at(tokens, i - 1))))
        if shift is None:
            return None
        published = self.published
        saturday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=5, weeks=shift)
        if shift < 0 and published.weekday() == 6:
            saturday += dt.timedelta(weeks=1)  # on a Sunday, "last weekend" is the one that ends today
        return Mention(i - 1, i + 1, saturday, saturday + dt.timedelta(days=1), Event.Precision.DAY)

    def numeric(self, tokens: list[Token], i: int) -> Mention | None:
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
        if separator == "/" and not has_year:
            return None  # "24/7", "1/2": no date without its year
        if month > 12 and separator == "/" and first_day <= 12 and first_day == last_day:
            first_day, month = month, first_day  # 03/20/2026: the month first, as American texts write it
            last_day = first_day
        if month > 12 or (separator == "." and len(parts[n + 2].text) != 2):
            return None
        if has_year:
            return self.with_year(tokens, i, k + 4, Partial(first_day, month, last_day, month))
        return self.with_year(tokens, i, k + 3, Partial(first_day, month, last_day, month))

    def nth_day(self, tokens: list[Token], i: int) -> Mention | None:
        """ "On the second day", "На второй день", "the fourth and final day", "Третий день": the day counted from the
        last day the text named as a start (a trip's arrival, an event's opening). A final day ends the visit that
        began on that day, when the release proposed one."""
        number = DAY_NUMBERS.get(self.lemma(at(tokens, i))) if at(tokens, i).text[:1].isalpha() else None
        if number is None or self.counting_from is None:
            return None
        k, final = i + 1, False
        if at(tokens, k).lower in ("and", ",", "и") and self.lemma(at(tokens, k + 1)) in FINAL_WORDS:
            k, final = k + 2, True
        if self.lemma(at(tokens, k)) not in DAY_WORDS:
            return None
        after = at(tokens, k + 2 + (at(tokens, k + 2).lower == "the"))
        if at(tokens, k + 1).lower == "of" and (self.month(after) or after.lower in SEASONS):
            return None  # "the first day of June", "The first day of spring"
        if at(tokens, k + 1).lower in ("подряд", "running") or self.lemma(at(tokens, i - 1)) in ("every", "каждый"):
            return None  # "второй день подряд", "Every second day": no day of a trip
        if not any(p.start == self.counting_from and (p.event_type.is_visit or p.start < p.end) for p in self.found):
            return None  # counted from a visit's arrival or an event's first day, not from any day the text named
        day = self.counting_from + dt.timedelta(days=number - 1)
        if final:
            for proposal in self.found:
                if proposal.event_type.is_visit and proposal.start == self.counting_from and proposal.end < day:
                    proposal.end = day
        first = i - 1 if at(tokens, i - 1).lower == "the" else i
        return Mention(first, k + 1, day, day, Event.Precision.DAY, False, counted=True)

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

    def single_weekday(self, tokens: list[Token], i: int) -> bool:
        """Whether a weekday at token i names one day ("on Tuesday", "until Thursday", "с понедельника по четверг"),
        not every such day ("по понедельникам", "on Mondays")."""
        return at(tokens, i - 1).lower in WEEKDAY_BEFORE and not self.plural(at(tokens, i))

    def count_from(self, tokens: list[Token], mention: Mention) -> None:
        """Take a day the text names as the first of the days counted after it ("on the second day"), unless it was
        counted itself or ends something ("until 20 June")."""
        if not mention.counted and self.until_word(tokens, mention) not in DEADLINE:
            self.counting_from = mention.start

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


def next_month(day: dt.date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
