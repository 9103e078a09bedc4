"""A programme's heading line on its own: "Monday, 30 October" (the day of the lines below it) or the days of the
event titled on the line above ("7th International Conference …" over "Vilnius, 11 to 13 June 2024"; a media
advisory's "WHEN: Monday, 4 March")."""

import datetime as dt

from .release_dates import Mention
from .release_names import date_label
from .release_programmes import PROGRAMMED
from .release_words import TOKEN, Proposal, Token

# The labels of a media advisory's line that names its event ("WHAT: Opening ceremony of the camp. 140 young
# people…"), whose day the "WHEN:" line below gives, however long the line.
WHAT_LABELS = {"what", "event", "что", "мероприятие", "событие"}


def what_label(line: str) -> bool:
    """Whether a line opens with the label of its event ("WHAT: Press conference ahead of the festival")."""
    words = TOKEN.findall(line[:20])
    return len(words) > 1 and words[1] == ":" and words[0].lower() in WHAT_LABELS


class HeadingReader:
    """A programme's heading line: the day of the lines below it, or the days of the event titled above it; the
    ReleaseReader (release.py) sets up the state used here."""

    def read_heading(self, tokens: list[Token], sentence: str, heading: Mention, *, first_date: bool) -> list[Proposal]:
        """The proposals of a line that is a date heading ("Monday, 30 October", "WHEN: Monday, 4 March"): the event
        titled above it on its days, else none (the day is kept for the lines below)."""
        if first_date and self.published_day(heading):
            return []  # the release's own date above its headline
        in_programme, self.heading_day, self.heading_paragraph = self.heading_day, heading, self.paragraph
        one_day = heading.start == heading.last
        labelled = date_label(tokens)  # "WHEN: Monday, 4 March": the title's day alone, and no release's own
        if (titled := self.programme_title) is not None and titled.end + dt.timedelta(days=1) == heading.start:
            titled.end = heading.last  # "Regional Conference…" over "Tuesday, 8 October", then "Wednesday, 9…"
        # a headline's "Programme of the visit …" over its first day heading, not the release's own day
        headline = self.programme_of is not None
        title_above, self.programme_of = self.title_above or self.programme_of, None
        if (
            not title_above
            or in_programme
            or (one_day and not labelled and ((first_date and not headline) or self.published_day(heading)))
            or (title_above[0] == self.type_for("signing") and not one_day)  # a signing's is a day
            or self.several_meetings(title_above)  # "…to attend meetings of the EU Council and…"
        ):
            return []
        # "7th International Conference …" on its line, then "Vilnius, 11 to 13 June 2024": its days (not
        # "ГАЛА-КОНЦЕРТ" between a programme's days: the day above's; not the release's own day at its foot)
        titled = self.proposal(tokens, sentence, heading, title_above)[0]
        titled.titled, self.topic = True, None  # the title is used: "(as of October 1)" below is not its
        # a programme's first day of a conference or a festival: its next ones too (not a meeting's or a concert's:
        # "Meeting of the Council of Foreign Ministers" over one day of a summit's programme)
        programmed = titled.event_type.slug in PROGRAMMED or titled.event_type.is_visit
        self.programme_title = titled if one_day and programmed and not labelled else None
        self.heading_day = None if labelled else self.heading_day
        return [titled]
