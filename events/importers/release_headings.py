"""A programme's heading line on its own: "Monday, 30 October" (the day of the lines below it) or the days of the
event titled on the line above ("7th International Conference …" over "Vilnius, 11 to 13 June 2024"; a media
advisory's "WHEN: Monday, 4 March")."""

import datetime as dt
from dataclasses import replace

from events.models import Event

from .release_dates import RANGE_STARTS, Mention, at
from .release_merge import RELATIONAL
from .release_names import PLACE_LINE_WORDS, PLACE_LINKS, PLACE_WORDS, date_label
from .release_periods import DUE, TICKETS
from .release_programmes import PROGRAMMED
from .release_words import CITY_WORDS, DASHES, TOKEN, Proposal, Token, without_time_and_number

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

    def what_event(self) -> tuple | None:
        """The event a media advisory's "WHAT:" line names, read as its first sentence's topic: none when the line
        only tells the time of one ("Press conference ahead of the Jazz Festival") or opens its accreditation or its
        ticket sales ("Accreditation opens for the Eastern Economic Forum")."""
        if self.topic is None:
            return None
        _kind, keyword_at, tokens = self.topic
        if any(token.lower in RELATIONAL for token in tokens[:keyword_at]):
            return None
        return None if self.sentence_words(tokens) & (DUE | TICKETS) else self.topic

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

    def heading(self, tokens: list[Token], mentions: list[Mention]) -> Mention | None:
        """The date of a line that is only a day and its weekday ("Monday, 30 October"): a programme's heading."""
        if len(mentions) == 2 and all(m.precision == Event.Precision.DAY for m in mentions):
            # "Четверг, 24 мая, и пятница, 25 мая", "Thursday, 24 May, and Friday, 25 May": two days of one heading
            between = {token.lower for token in tokens[mentions[0].end : mentions[1].first]}
            if between <= {",", "и", "and", "&"} and {"и", "and", "&"} & between:
                mentions = [replace(mentions[0], end=mentions[1].end, last=mentions[1].last)]
        month = len(mentions) == 1 and mentions[0].precision == Event.Precision.MONTH and self.leads_more()
        if len(mentions) != 1 or (mentions[0].precision != Event.Precision.DAY and not month):
            return None
        mention = mentions[0]
        # "WHEN: Monday, 4 March 2024, 09:30": a media advisory's line of the day, its label aside
        labelled = mention.first >= 2 and date_label(tokens)
        rest = tokens[2 * labelled : mention.first] + tokens[mention.end :]
        if month:  # "February. The joint working group … met in Stockholm.": a chronicle's month, over its sentences
            return mention if self.month_label(rest) else None
        if labelled and self.event_type(rest, nearest_last=False)[0] is None:
            return mention  # "WHEN: Friday, May 2, 6:00 p.m. (riders on stage from 6:30 p.m.)", "11:00 local time."
        # "Monday, 30 October", "С 15 по 24 мая.", "5 ноября, 11:00" (a day's first time: a post's line is read before)
        starts = tokens[: mention.first] == tokens[:1] and at(tokens, 0).lower in RANGE_STARTS
        # "5 ноября, 11:00", "Wednesday, 28 September – Day 1"; "WHEN: Monday, 4 March, 09:30–13:00"
        rest = without_time_and_number(rest, span=labelled)
        if self.weekdays_only(rest[1 if starts else 0 :]):
            return mention
        # "Monday, 23 September (pre-conference day)": a remark in brackets after the day changes nothing
        # (not "Thursday, 26 June (Youth Forum)": the day's event)
        bracketed = tokens[mention.end :][:1] and tokens[mention.end].text == "(" and tokens[-1].text == ")"
        if bracketed and self.weekdays_only(tokens[: mention.first]):
            remark = tokens[mention.end + 1 : -1]
            return mention if self.event_type(remark, nearest_last=False)[0] is None else None
        # "LONDON, 9–11 MARCH", "Leipzig, 18–21 March": a section's place and days, the heading of what follows.
        named = [token for token in rest if token.text[:1].isalnum() and token.lower not in CITY_WORDS]  # "г. Ташкент"
        # "14.05 (вторник), Любляна": a day, its weekday and the place after them
        named = [token for token in named if self.weekday(token) is None]
        words = [token.text for token in named]
        weekday = any(self.weekday(token) is not None for token in tokens)
        after = weekday and all(token.start >= tokens[mention.end - 1].end for token in named)
        # Not a dateline's own line ("London, 28 August 2025", "Minsk, 19 May"): a section's place is in capitals,
        # its days are several, or it follows the day and its weekday.
        placed = 0 < len(words) <= 2 and (
            all(word.isupper() for word in words) or mention.start < mention.last or after
        )
        titled = [word.title() for word in words]
        # "Tashkent, Uzbekistan, 24-26 September 2024": a city and its country, either one a place the calendar knows
        if placed and mention.start != self.published and self.names_place(titled):
            return mention
        # after the day and its weekday, a capitalised name is a place even one the calendar does not know
        # ("17.05 (пятница), Марибор")
        if (
            after
            and placed
            and all(word[:1].isupper() for word in words)
            and self.event_type(named, nearest_last=False)[0] is None
        ):
            return mention
        # Under an event's title, its days with names only: "Vilnius, Litexpo Exhibition Centre, 16-19 May 2024"
        # "A and B", "Samara, Kurumoch airfield" (one word of a venue in lower case)
        lower = sum(not (token.text[:1].isupper() or token.lower in PLACE_LINKS) for token in named)
        capitalised = bool(named) and named[0].text[:1].isupper() and lower <= 1
        if self.title_above and mention.start < mention.last and 0 < len(named) <= PLACE_LINE_WORDS and capitalised:
            due = any(self.lemma(token) in DUE or token.lower in DUE for token in named)  # "Registration: 1–30 April"
            return None if due else mention
        # "Wednesday, 7 October — Belgrade. Consultations between…": a list's line led by its day and place.
        after = tokens[mention.end :]
        place = [token for token in after[1:] if token.text[:1].isalnum()]
        # Led by its weekday, the line may name a venue of more words: "Tuesday, 13 July – Budapest, MÁV headquarters"
        weekday_led = self.weekday(at(tokens, mention.first)) is not None
        if (
            (mention.first == 0 or starts)  # "From Friday, 16 July to 30 September – Railway History Park"
            and after[:1]
            and after[0].text in DASHES
            and 0 < len(place) <= (PLACE_LINE_WORDS if weekday_led else PLACE_WORDS)
            and all(token.text[:1].isupper() for token in (place[:1] if weekday_led else place))
            and self.event_type(after, nearest_last=False)[0] is None
        ):
            return mention
        return None

    def weekdays_only(self, tokens: list[Token]) -> bool:
        """Whether the words are weekdays alone, with marks between ("Monday,", "(вторник)")."""
        return all(not token.text[:1].isalnum() or self.weekday(token) is not None for token in tokens)
