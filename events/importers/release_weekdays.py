"""Weekdays, weekends and the days of a trip: the weekdays half of the DayReader (the ReleaseReader sets up its state).

- a weekday: the nearest such day the tense allows ("on Tuesday", "last Friday", "в следующую среду"); the such day
  of a run of days named before it, over for the past tense ("the mission, from 9 to 13 February. On Tuesday, the
  forum was held"), to come for an event's run or a week said ("The Days will open on Monday", "next week: on
  Tuesday"); after a programme's days, the next such day after the last day named ("В субботу Министр откроет…"
  after "12–13 декабря"); two joined ("on Saturday and Sunday", "с понедельника по среду") are a run; weekdays
  before or after a week said are its days ("on Wednesday and Thursday next week");
- a weekend ("last weekend", "в эти выходные", "в ближайшие выходные"): its Saturday and Sunday;
- a day counted from a trip's or an event's first ("on the second day", "День третий.", "Day one:", "on the last day
  of their visit").
"""

import datetime as dt

from events.models import Event

from .release_dates import RANGE_STARTS, RANGE_WORDS, SHIFTS, Mention, at
from .release_days import FINAL_WORDS
from .release_periods import DEADLINE
from .release_seasons import SEASONS
from .release_words import DASHES, DAY_WORDS, WEEKDAY_BEFORE, Token

# "last weekend", "в минувшие выходные": the weekend's shift, from the word before it.
WEEKEND_SHIFTS = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1, "минувший": -1, "прошлый": -1,
                  "прошедший": -1, "прошедшее": -1, "этот": 0, "близкий": 0, "следующий": 1,
                  "предстоящий": 1}  # fmt: skip
# "в ближайшую субботу", "в ближайшие выходные" (the lemma of "ближайший" is "близкий"): the nearest to come, said only
# of a weekday or a weekend ("в ближайшие годы" is no date).
NEAREST = "близкий"
# "On the second day", "На второй день", "В четвёртый, заключительный день": the day's number, counted from the day a
# trip or an event began (the last day the text named as a start).
DAY_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "первый": 1,
               "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6,
               "седьмой": 7}  # fmt: skip
# "Day one.", "Day 2:" opening a paragraph (Russian writes "День первый", read by DAY_NUMBERS), and the marks after it.
HEADING_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "1": 1, "2": 2, "3": 3,
                   "4": 4, "5": 5, "6": 6, "7": 7}  # fmt: skip
HEADING_MARKS = {".", ":", "–", "—", "-", ","}
# Words between weekdays and the week they are of: "on Wednesday and Thursday next week", "во вторник и среду".
# Words between a week and the weekdays after it: "next week, from Tuesday to Thursday", "на следующей неделе, во
# вторник".
WEEKDAY_AFTER = {"from", "to", "till", "until", "through", "and", "on", "с", "со", "по", "и", "в", "во", "-", "–", "—"}
WEEKDAY_LINKS = {
    "and",
    ",",
    "or",
    "on",
    "и",
    "или",
    "в",
    "во",
    "на",
    "to",
    "through",
    "till",
    "until",
    "по",
    "до",
    "-",
    "–",
    "—",
}


class WeekdayReader:
    """Weekdays and weekends, of the week they are said in or of a run of days named before them."""

    def schedule_weekday(self, weekday: int) -> dt.date | None:
        """A weekday named after a programme's days still to come: the next such day after the last one named."""
        last = self.last_day
        if last is None or last < self.published:
            return None
        if any(p.end == last and (last - p.start).days > 14 for p in self.found[-3:]):
            return None  # the end of an exhibition's months ("продлится до 15 февраля"), no programme's day
        return last + dt.timedelta(days=(weekday - last.weekday()) % 7 or 7)

    def weekdays_of(self, tokens: list[Token], week: Mention) -> Mention:
        """The days of a week that weekdays just before or after it name ("on Wednesday and Thursday next week",
        "в четверг на следующей неделе", "next week, from Tuesday to Thursday"), from the first to the last; the
        whole week when none do."""
        days, first, end, k = [], week.first, week.end, week.first - 1
        while k >= 0 and (tokens[k].lower in WEEKDAY_LINKS or self.weekday(tokens[k]) is not None):
            if (day := self.weekday(tokens[k])) is not None:
                days, first = [*days, day], k
            k -= 1
        if not days:
            k = week.end + (1 if at(tokens, week.end).text == "," else 0)
            while at(tokens, k).lower in WEEKDAY_AFTER or self.weekday(at(tokens, k)) is not None:
                pair = self.weekday_pair(tokens, k)  # "on Tuesday and Wednesday, 3–4 February" too, when they agree
                after = k + 1 + 2 * pair + (at(tokens, k + 1 + 2 * pair).text == ",")
                number, day = self.number(at(tokens, after), 1, 31), self.weekday(at(tokens, k))
                if day is not None and number and (not pair or (week.start + dt.timedelta(days=day)).day == number):
                    break  # "next week, from Monday, 24 November": the weekday of a date, read with it
                if day is not None:
                    days.append(day)
                    end = k + 1
                k += 1
        if not days:
            return week
        monday = week.start
        return Mention(first, end, monday + dt.timedelta(days=min(days)), monday + dt.timedelta(days=max(days)),
                       Event.Precision.DAY)  # fmt: skip

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

    def relative_weekday(self, tokens: list[Token], i: int, weekday: int) -> Mention | None:
        """on Tuesday, last Friday, в следующую среду: the nearest such day the tense allows."""
        before = at(tokens, i - 1)
        shift = 1 if self.lemma(before) == NEAREST else SHIFTS.get(self.lemma(before))
        if shift is None and not self.single_weekday(tokens, i):
            return None
        if shift is None and self.restates_day(tokens, i, weekday):
            return Mention(i, i + 1, self.last_day, self.last_day, Event.Precision.DAY)  # "Послезавтра, в пятницу"
        tense = {-1: "past", 1: "future"}.get(shift) or self.tense_before(tokens, i)
        tense = "past" if before.lower == "since" else tense  # "has been in Manila since Monday": the last Monday
        ahead = (weekday - self.published.weekday()) % 7
        scheduled = self.schedule_weekday(weekday) if shift is None and tense != "past" else None
        inside = self.weekday_in_run(weekday, tense == "past") if shift is None else None
        this_week = self.published + dt.timedelta(days=weekday - self.published.weekday())
        if shift == 0 and not (tense == "future" and this_week < self.published):
            day = this_week  # "reopens this Saturday", "в эту пятницу": the such day of the release's week
        elif inside is not None:
            # "the mission, from 9 to 13 February. On Tuesday, the forum was held": that week's Tuesday; "Days of
            # Culture from 15 to 21 June … The Days will open on Monday": the Monday of those days.
            day = inside
        elif scheduled is not None:
            day = scheduled
        elif tense == "past":
            # "last Thursday" said on a Thursday is a week ago; "on Thursday" in the past tense may be today
            day = self.published - dt.timedelta(days=(7 - ahead) % 7 or (7 if shift == -1 else 0))
        elif tense == "future" or ahead <= 3:
            day = self.published + dt.timedelta(days=ahead or 7)
        else:
            day = self.published - dt.timedelta(days=7 - ahead)
        return Mention(i - (1 if shift is not None else 0), i + 1, day, day, Event.Precision.DAY)

    def weekday_in_run(self, weekday: int, past: bool) -> dt.date | None:
        """The such day of the last run of days the text named, at most two weeks long: of a run that is over for a
        weekday in the past tense, else of one still to come."""
        if self.last_run is None:
            return None
        first, last, week = self.last_run
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
        if day > last or (last - first).days >= 14:
            return None
        # A run of the last two weeks or the next two (a weekday alone names a near day), not a year's festival.
        if past:
            return day if last < self.published and (self.published - last).days <= 14 else None
        if (first - self.published).days > 14:
            return None
        # To come, only of a week said ("next week: … on Tuesday") or an event's run ("The Days will open on Monday",
        # "The visit's programme opens on Tuesday"), not of a period's days ("the campaign from 1 to 10 June").
        runs = week or any((p.start, p.end) == (first, last) for p in self.found)
        return day if day >= self.published and runs else None

    def weekday_pair(self, tokens: list[Token], i: int) -> bool:
        """Whether the weekday at token i and the one after the next token name a run of days: "Wednesday and
        Thursday", "Wednesday–Friday", "from Wednesday to Friday", "с понедельника по среду"."""
        word = at(tokens, i + 1)
        joined = word.lower in ("and", "и") or word.text in DASHES
        ranged = word.lower in RANGE_WORDS and at(tokens, i - 1).lower in RANGE_STARTS
        return (joined or ranged) and self.weekday(at(tokens, i + 2)) is not None

    def single_weekday(self, tokens: list[Token], i: int) -> bool:
        """Whether a weekday at token i names one day ("on Tuesday", "until Thursday", "с понедельника по четверг"),
        not every such day ("по понедельникам", "on Mondays")."""
        return at(tokens, i - 1).lower in WEEKDAY_BEFORE and not self.plural(at(tokens, i))

    def restates_day(self, tokens: list[Token], i: int, weekday: int) -> bool:
        """Whether a weekday names again the day just named before it: "the day after tomorrow, Friday"."""
        k = i - 1 - (at(tokens, i - 1).lower in ("on", "в", "во"))
        return self.last_day is not None and self.last_day.weekday() == weekday and at(tokens, k).text == "," and k <= 5

    def nth_day(self, tokens: list[Token], i: int) -> Mention | None:
        """ "On the second day", "На второй день", "the fourth and final day", "Третий день": the day counted from the
        last day the text named as a start (a trip's arrival, an event's opening). A final day ends the visit that
        began on that day, when the release proposed one."""
        number = DAY_NUMBERS.get(self.lemma(at(tokens, i))) if at(tokens, i).text[:1].isalpha() else None
        if number is None and (last := self.last_of_run(tokens, i)) is not None:
            return last
        heading = self.day_heading(tokens, i) if number is None else None
        if (number is None and heading is None) or self.counting_from is None:
            return None
        k, final, last_number = i + 1, False, number
        if heading is not None:
            number, last_number, k = heading
        elif at(tokens, k).lower in ("and", ",", "и") and self.lemma(at(tokens, k + 1)) in FINAL_WORDS:
            k, final = k + 2, True
        if heading is None and self.lemma(at(tokens, k)) not in DAY_WORDS:
            return None
        after = at(tokens, k + 2 + (at(tokens, k + 2).lower == "the"))
        if at(tokens, k + 1).lower == "of" and (self.month(after) or after.lower in SEASONS):
            return None  # "the first day of June", "The first day of spring"
        if at(tokens, k + 1).lower in ("подряд", "running") or self.lemma(at(tokens, i - 1)) in ("every", "каждый"):
            return None  # "второй день подряд", "Every second day": no day of a trip
        start = self.counting_from
        if not any(p.start == start and (p.event_type.is_visit or p.start < p.end) for p in self.found):
            # Counted from a visit's arrival or an event's first day, not from any day the text named: else from the
            # last run of days proposed ("The Session, 22–23 October … at its meeting on Tuesday … the first day").
            run = self.last_run
            if run is None or not any((p.start, p.end) == run[:2] for p in self.found):
                return None
            start = run[0]
        day, end = start + dt.timedelta(days=number - 1), start + dt.timedelta(days=last_number - 1)
        if final:
            for proposal in self.found:
                if proposal.event_type.is_visit and proposal.start == start and proposal.end < day:
                    proposal.end = day
        first = i - 1 if at(tokens, i - 1).lower == "the" else i
        return Mention(first, k + 1, day, end, Event.Precision.DAY, False, counted=True)

    def day_heading(self, tokens: list[Token], i: int) -> tuple[int, int, int] | None:
        """ "День третий.", "Day two:", "День первый и второй." opening a sentence: the numbers of its first and last
        day, and the position of the last number; not "Day one of our new programme", "день второй подряд"."""
        if i or self.lemma(at(tokens, 0)) not in DAY_WORDS:
            return None

        def number(k: int) -> int | None:
            return DAY_NUMBERS.get(self.lemma(at(tokens, k)), HEADING_NUMBERS.get(at(tokens, k).lower))

        first, k = number(1), 1
        if at(tokens, 2).lower in ("and", "и", "-", "–") and number(3) is not None:
            k = 3
        if first is None or at(tokens, k + 1).text not in HEADING_MARKS:
            return None
        return first, number(k), k

    def count_from(self, tokens: list[Token], mention: Mention) -> None:
        """Take a day the text names as the first of the days counted after it ("on the second day"), unless it was
        counted itself or ends something ("until 20 June")."""
        if not mention.counted and self.until_word(tokens, mention) not in DEADLINE:
            self.counting_from = mention.start

    def last_of_run(self, tokens: list[Token], i: int) -> Mention | None:
        """ "On the last day of their visit", "в последний день визита": the last day of the run of days named last,
        when a visit or an event was proposed for it."""
        if self.lemma(at(tokens, i)) not in FINAL_WORDS or self.lemma(at(tokens, i + 1)) not in DAY_WORDS:
            return None
        if self.last_run is None or not any((p.start, p.end) == self.last_run[:2] for p in self.found):
            return None
        k = i + 2 + (at(tokens, i + 2).lower == "of")
        k += at(tokens, k).lower in ("the", "their", "his", "her", "its", "this", "that")
        if self.kind_of(at(tokens, k))[0] is None:
            return None  # "the last day of the month", "последний день месяца": not of an event
        first = i - 1 if at(tokens, i - 1).lower == "the" else i
        day = self.last_run[1]
        return Mention(first, i + 2, day, day, Event.Precision.DAY, False, counted=True)
