"""events/grid.py: events laid out on the weeks of a month grid."""

import datetime as dt

from events.grid import Segment, month_weeks
from events.views import Days


def cells(week) -> list[list[str]]:
    """A week's lanes as text: the event's pk and span where a segment starts, "-" for a spanned day, "." free."""
    return [
        [
            f"{cell.event.pk}×{cell.span}" if isinstance(cell, Segment) else "-" if cell == "spanned" else "."
            for cell in lane
        ]
        for lane in week.lanes
    ]


def test_a_forum_across_a_weekend_spans_two_weeks_and_a_visit_takes_the_next_lane():
    forum = Days(1, dt.date(2017, 6, 29), dt.date(2017, 7, 4))  # Thursday to Tuesday
    visit = Days(2, dt.date(2017, 6, 30), dt.date(2017, 6, 30))

    weeks = month_weeks(2017, 6, [visit, forum])

    assert [week.days[0] for week in weeks] == [dt.date(2017, 5, 29), *(dt.date(2017, 6, d) for d in (5, 12, 19, 26))]
    last = weeks[-1]
    assert cells(last) == [[".", ".", ".", "1×4", "-", "-", "-"], [".", ".", ".", ".", "2×1", ".", "."]]
    segment = last.lanes[0][3]
    assert (segment.continues_before, segment.continues_after) == (False, True)


def test_events_beyond_the_lanes_shown_are_counted_per_day():
    crowded = [Days(pk, dt.date(2017, 11, 14), dt.date(2017, 11, 15)) for pk in range(1, 5)]

    week = next(week for week in month_weeks(2017, 11, crowded, max_lanes=2) if dt.date(2017, 11, 14) in week.days)

    assert (len(week.lanes), week.hidden, week.has_hidden) == (2, [0, 2, 2, 0, 0, 0, 0], True)
