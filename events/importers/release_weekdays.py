"""Weekdays and weekends: the weekdays half of the DayReader (the ReleaseReader sets up its state).

- a weekday: the nearest such day the tense allows ("on Tuesday", "last Friday", "в следующую среду"); the such day
  of a run of days named before it, over for the past tense ("the mission, from 9 to 13 February. On Tuesday, the
  forum was held"), to come for an event's run or a week said ("The Days will open on Monday", "next week: on
  Tuesday"); after a programme's days, the next such day after the last day named ("В субботу Министр откроет…"
  after "12–13 декабря"); two joined ("on Saturday and Sunday", "с понедельника по среду") are a run; weekdays
  before or after a week said are its days ("on Wednesday and Thursday next week");
- a weekend ("last weekend", "в эти выходные"): its Saturday and Sunday.
"""

import datetime as dt

from events.models import Event

from .release_dates import RANGE_STARTS, RANGE_WORDS, SHIFTS, Mention, at
from .release_words import DASHES, WEEKDAY_BEFORE, Token

# "last weekend", "в минувшие выходные": the weekend's shift, from the word before it.
WEEKEND_SHIFTS = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1, "минувший": -1, "прошлый": -1,
                  "прошедший": -1, "прошедшее": -1, "этот": 0, "ближайший": 0, "следующий": 1,
                  "предстоящий": 1}  # fmt: skip
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
        shift = SHIFTS.get(self.lemma(before))
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
