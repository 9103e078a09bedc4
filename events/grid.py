"""Lay events out on a month grid: weeks as rows, multi-day events spanning their days."""

import calendar
import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Segment:
    """The part of one event that falls in one week: where it starts and how many days it spans."""

    event: object
    first_column: int
    span: int
    continues_before: bool
    continues_after: bool
    # How many parts of the event the page's selection holds (listing.py): the grid says "+2 parts".
    parts: int = 0


@dataclass
class Week:
    days: list[dt.date]
    lanes: list[list[Segment | None]] = field(default_factory=list)
    # Per day, the events of the lanes left out (see max_lanes).
    hidden: list[int] = field(default_factory=lambda: [0] * 7)

    @property
    def has_hidden(self) -> bool:
        return any(self.hidden)


def month_weeks(
    year: int, month: int, events, *, first_weekday: int = calendar.MONDAY, max_lanes: int | None = None
) -> list[Week]:
    """Place events with known days (start_date..end_date) in lanes of each week of the month grid.

    Each lane is a list of seven cells: a Segment where an event starts in that
    week, None for a day that lane leaves free, and nothing for the days a
    segment spans (a template renders the Segment with colspan=span). With
    max_lanes, a week keeps that many lanes and counts, for each day, the
    events of the others in `hidden` (what a calendar shows as "3 more").
    Events need only pk, start_date and end_date.
    """
    weeks = [Week(days=days) for days in calendar.Calendar(first_weekday).monthdatescalendar(year, month)]
    ordered = sorted(events, key=lambda event: (event.start_date, -(event.end_date - event.start_date).days))
    for week in weeks:
        first_day, last_day = week.days[0], week.days[-1]
        occupied: list[list[bool]] = []
        for event in ordered:
            if event.end_date < first_day or event.start_date > last_day:
                continue
            start_column = max((event.start_date - first_day).days, 0)
            end_column = min((event.end_date - first_day).days, 6)
            lane_index = next(
                (index for index, used in enumerate(occupied) if not any(used[start_column : end_column + 1])),
                None,
            )
            if lane_index is None and max_lanes is not None and len(occupied) >= max_lanes:
                # No room in the lanes shown: counted as hidden on each of its days. First fit puts an
                # event in a later lane only when no earlier one has room, so the shown lanes are the same.
                for column in range(start_column, end_column + 1):
                    week.hidden[column] += 1
                continue
            if lane_index is None:
                occupied.append([False] * 7)
                week.lanes.append([None] * 7)
                lane_index = len(occupied) - 1
            for column in range(start_column, end_column + 1):
                occupied[lane_index][column] = True
            week.lanes[lane_index][start_column] = Segment(
                event=event,
                first_column=start_column,
                span=end_column - start_column + 1,
                continues_before=event.start_date < first_day,
                continues_after=event.end_date > last_day,
            )
        for lane, used in zip(week.lanes, occupied, strict=True):
            # Mark spanned days so the template skips them: a cell is either a
            # segment, a free day (None), or covered ("spanned").
            for column in range(7):
                if used[column] and lane[column] is None:
                    lane[column] = "spanned"
    return weeks
