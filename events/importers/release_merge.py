"""How the proposals of one release are put together: a part of an event proposed before is not proposed again ("the
festival, 1 to 7 July… The festival opens on 1 July"), days sharpen a month ("Culture Days in October", then "from 5
to 9 October"), and a visit's talks are shown unticked.
"""

import datetime as dt

from events.models import Event

from .release_kinds import REASONS
from .release_periods import next_month
from .release_words import Proposal


def within(proposal: Proposal, earlier: Proposal, *, vague: bool = False) -> bool:
    """Whether a day or days are some of the days of an event of the same type proposed before (a part of it: "2–3
    октября программа Дней продолжится в Самарканде"); vague: of a week said as "next week" (the whole week is
    then the day's)."""
    return (
        earlier.vague == vague
        and proposal.event_type == earlier.event_type
        and proposal.precision == earlier.precision == Event.Precision.DAY
        and earlier.start <= proposal.start <= proposal.end <= earlier.end
        and earlier.end - earlier.start > proposal.end - proposal.start
    )


def visits_talks(found: list[Proposal]) -> list[Proposal]:
    """The proposals, a visit's talks unticked: a one-day meeting on a day of a visit of several days proposed from
    the same release ("visits Russia on 3–4 March … On 4 March, the ministers will hold talks") is likely part of it,
    though an officer may enter it apart."""
    visits = [p for p in found if p.event_type.is_visit and p.precision == Event.Precision.DAY and p.start < p.end]
    for proposal in found:
        if (
            proposal.event_type.slug == "meeting"
            and proposal.precision == Event.Precision.DAY
            and proposal.start == proposal.end
            and not proposal.reason
            and any(visit.start <= proposal.start <= visit.end for visit in visits)
        ):
            proposal.reason = REASONS["visit"]
    return found


def sharpens(proposal: Proposal, earlier: Proposal) -> bool:
    """Whether a proposal names the days of an event of the same type proposed before by its month or year only, or
    as "this week"."""
    return (
        proposal.event_type == earlier.event_type
        and (earlier.precision in (Event.Precision.MONTH, Event.Precision.YEAR) or earlier.vague)
        and proposal.precision == Event.Precision.DAY
        and not earlier.reason
        and earlier.start <= proposal.start
        and proposal.end <= last_day(earlier)
    )


def last_day(proposal: Proposal) -> dt.date:
    """The last day a proposal known to the month or the year spans (its end holds the first day of its last month
    or year)."""
    end = proposal.end
    if proposal.precision == Event.Precision.DAY:
        return end
    if proposal.precision == Event.Precision.YEAR:
        return dt.date(end.year, 12, 31)
    return dt.date(*next_month(end), 1) - dt.timedelta(days=1)
