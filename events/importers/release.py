"""Propose events from a press release's prose: dates, place, people, type, title, and the sentence.

What it reads, in English and Russian (the language is told by the text's letters unless given):
- dates as releases write them, relative ones too ("next week", "в декабре прошлого года") and ranges however
  joined; a missing year follows from the weekday, the paragraph, the tense and a list's order (release_dates.py,
  release_tense.py); seasons, halves of years, tenths and runs of months (release_seasons.py); weekends, weekdays,
  days counted from an arrival ("On the second day") (release_weekdays.py); numeric days, lone day numbers, ISO
  days, ends of events, deadlines, statistics periods and figures (release_periods.py, release_days.py);
- a programme's headings ("Monday, 30 October" on its line, "7 October — Belgrade."), whose lines take their day
  (release_names.py, release_headings.py), events named only by their name ("INNOPROM will take place"), being or
  arriving somewhere as a visit (release_names.py);
- event words: the names of the calendar's types and the nouns and verbs of meetings, talks, summits,
  conferences, exhibitions, concerts and anniversaries, each led to the nearest type (release_kinds.py); events that
  frame or time another ("on the sidelines of the forum", "по итогам переговоров") (release_frames.py);
- dates that are not events (of documents, anniversaries' first days, birthdays) and dates of events moved,
  cancelled or recurring (release_references.py, release_cancels.py);
- places from the calendar's venues, django-countries and GeoNames; the calendar's people by name or surname in
  any case ending (release_places.py); Russian word forms through pymorphy3 (release_words.py).

A sentence yields a proposal for each date mention it holds when a word near it names an event: before it (back
to the previous date), else after it. The title is the name nearest the word ("Russian Spiritual Culture Days"),
or, for visits, who visits where. The same event named twice (a headline and its text) is proposed once, with
the days the more precise mention gives; a later paragraph may give its end ("The exhibition will run until…"). The
proposals an officer keeps are saved by services.save_drafts.
"""

import datetime as dt
from collections import Counter

from django.utils import translation

from events.models import Event, EventType, Person

from . import release_merge as merge
from . import release_programmes as programmes
from .release_cancels import CancelReader
from .release_dates import LINE_BULLETS as BULLETS
from .release_dates import DateReader, Mention
from .release_days import DayReader
from .release_ends import EndReader
from .release_events import EventReader
from .release_headings import HeadingReader, what_label
from .release_kinds import GENERAL_TYPE, KindReader
from .release_merge import another_leg, contains, narrows, opens, sharpens, visits_talks, with_legs, within
from .release_names import NameReader, date_label
from .release_numeric import NumericReader, slashes_month_first
from .release_periods import DUE, PeriodReader
from .release_places import PlaceReader, dateline_dash, is_dateline
from .release_references import FIRST_HELD, REASONS, ReferenceReader
from .release_seasons import SeasonReader
from .release_tense import TenseReader
from .release_weekdays import WeekdayReader
from .release_words import (
    MAX_PROPOSALS,
    MAX_TEXT,
    PROGRAMME_LINE,
    THAT_TIME,
    TIME_LINE,
    TOKEN,
    YEAR,
    Morphology,
    Proposal,
    Token,
    at,
    detect_language,
    is_clause_mark,
    is_heading,
    month_names,
    shared_morphology,
    split_paragraphs,
    tokens_of,
)

# What leads a list's line: "– Переговоры…", "• Consultations…", "15:00 — Address at…".
# Words of a digest's sections of time in capitals ("LAST WEEK.", "LOOKING FURTHER AHEAD.", "ЧТО ВПЕРЕДИ"), not a
# programme's item labels ("OPENING CEREMONY."), which stay under the day above them.
TIME_SECTIONS = {"week", "weeks", "month", "year", "ahead", "passing", "later", "неделя", "недели", "неделе", "месяц",
                 "впереди", "дальше", "позже"}  # fmt: skip
# The most words of an event's title on its line ("7th International Conference "Official Statistics and New Data
# Sources"", then "Vilnius, 11 to 13 June 2024").
TITLE_WORDS = 24


class ReleaseReader(
    DateReader,
    NumericReader,
    PeriodReader,
    EndReader,
    SeasonReader,
    DayReader,
    WeekdayReader,
    TenseReader,
    KindReader,
    ReferenceReader,
    CancelReader,
    EventReader,
    NameReader,
    HeadingReader,
    PlaceReader,
):
    """Read one release: the publication date decides missing years and relative dates; the language, word forms."""

    def __init__(
        self,
        *,
        published: dt.date,
        language: str = "en",
        morphology: Morphology | None = None,
        work: Counter | None = None,
    ):
        """morphology: whose analyses and caches to use (by default those all readings share); work: counts what
        the reading did ("tense words", "place lookups", "titles"), for a caller that asks."""
        self.published = self.release_published = published  # published: a post's day in a feed of posts
        self.feed_lines: dict[int, dt.date] = {}  # the paragraphs that date a feed's posts, and their days
        self.language = language
        self.morphology = morphology or shared_morphology()
        self.work = Counter() if work is None else work
        self.months = month_names(language)
        self.types = list(EventType.objects.all())
        # The general type ("Other event") names no kind of event: its words ("other", "event") would match any
        # sentence. It is chosen by the kinds' rules (release_kinds.KINDS), not by its name.
        self.type_words = {
            kind.pk: set() if kind.slug == GENERAL_TYPE else self.words_of_type(kind) for kind in self.types
        }
        self.kinds_seen: dict[str | tuple, tuple] = {}
        self.people = list(Person.objects.all())
        self.places: dict[tuple, dict | None] = {}
        self.venues = None
        self.slashes_month_first = False
        self.context_year = None
        self.chronicle_year: int | None = None  # the year of a chronicle's month headings (release_seasons.py)
        self.years_told: Counter = Counter()  # the years the text named as a whole, in digits
        self.chronicle_month = 0  # the month of the chronicle's heading above
        self.last_year: int | None = None  # the year the text named last, a document's too: "of the same year"
        self.topic = None
        self.lead: tuple | None = None  # (paragraphs, number) when the sentence read leads its paragraph, else None
        self.title_above: tuple | None = None  # the event the heading line above the paragraph names
        self.programme_title: Proposal | None = None  # the titled event of a programme's first day heading
        self.programme_below = False  # whether a line said a programme follows ("ПРОГРАММА")
        # the event a headline says the programme below is of ("Programme of the visit of the delegation …")
        self.programme_of: tuple | None = None
        self.last_day: dt.date | None = None  # the last day the text named: a programme's next days follow it
        self.last_day_at = 0  # the paragraph that named last_day
        self.list_start: int | None = None  # the first line of the list (lines led by dashes) the paragraph is in
        self.list_year: int | None = None  # the year the line before the list names, if one
        self.last_run: tuple[dt.date, dt.date, bool] | None = None  # the last run of days named; whether a week
        self.counting_from: dt.date | None = None  # the day "on the second day" counts from
        self.moved: tuple | None = None  # the event the last sentence moved, whose new date may follow
        # a move or a cancelling told without a date, for the next sentence, and what this sentence carries of them
        self.move_told = self.cancel_told = self.carried = self.cancel_carried = None
        self.paragraph, self.heading_paragraph, self.bulleted = 0, 0, False  # where the text and its heading are
        self.sentence_month: tuple[int, int] | None = None
        self.last_proposal: Proposal | None = None
        self.found: list[Proposal] = []  # the release's proposals so far
        self.sentence_lemma_sets: dict[str, set[str]] = {}  # their sentences' words, each read once
        self.heading_day: Mention | None = None  # the day of a programme's heading line, for the lines below it
        self.weekdays_above: Mention | None = None  # the days of the last heading that was weekdays alone
        self.headed_line = False  # whether the heading's own line named its event
        self.dated = False  # whether the text named a date yet
        self.start_sentence([])

    def start_sentence(self, tokens: list[Token]) -> None:
        """Start reading a sentence: forget the last one's clause tenses, words and places."""
        # Each is worked out once per sentence or clause, not once per date: a long sentence (a text without full
        # stops) takes time linear in its length.
        self.clause_tokens = tokens
        self.clause_marks = [k for k in range(len(tokens)) if is_clause_mark(tokens, k)]
        self.clause_tenses: dict[tuple[int, int], str] = {}
        self.clause_answers: dict[tuple, object] = {}  # see per_clause and per_sentence
        self.sentence_lemmas: set[str] | None = None
        self.sentence_counts: bool | None = None
        self.sentence_mentions: list[Mention] = []
        self.sentence_names: list[tuple] | None = None
        self.passed_over: tuple | None = None
        self.place_candidates: dict[int, tuple | None] = {}
        self.places_before: list[tuple | None] = [None]
        self.words_before_place: list[int] = []

    def proposals(self, text: str) -> list[Proposal]:
        """The release's proposals in the order of the text; an event named again (same dates and type) once."""
        found, seen = [], {}
        self.found = found
        previous: list[str] = []
        what_above, what = None, False  # the event a "WHAT:" line names, for the "WHEN:" line below it
        paragraphs = list(split_paragraphs(text[:MAX_TEXT]))
        self.feed_lines = self.find_feed_lines(paragraphs)
        self.slashes_month_first = slashes_month_first(text)  # "4/26", and so "5/2" is 2 May
        for number, paragraph in enumerate(paragraphs):
            self.programme_below = self.programme_below or bool(PROGRAMME_LINE.match(paragraph[0]))
            if (posted := self.post_date(paragraph, number)) is not None:
                self.published, self.heading_day, previous = posted, None, []  # a post's day, in a feed of posts
                self.dated = False  # its news ("The Chair received…") is of its day
                for proposal in found:
                    proposal.news = False  # and the posts' before it keep theirs
                continue
            # A section's heading line ("Exhibition: Glass Horizons"; not the release's headline) is the topic of the
            # paragraph under it.
            # An event's name on its line: a title (the line of its days may follow it) or a section's heading.
            # A title over several lines ("Международной конференции" / "«Официальная статистика…»") keeps its event.
            titled = is_heading(previous, longest=TITLE_WORDS) and not TIME_LINE.match(previous[0])  # not "17:00 …"
            # a media advisory's "WHAT: Opening ceremony of the camp. 140 young people…": its first sentence's event
            self.title_above = what_above if what else ((self.topic or self.title_above) if titled else None)
            what_above, what = None, what_label(paragraph[0])
            topic, previous = (self.topic if number > 1 and is_heading(previous) else None), paragraph
            chronicle = self.chronicle(paragraph, heading=is_heading(paragraph, longest=TITLE_WORDS))
            # a paragraph opened by "That winter", "В тот год" keeps the year named last
            kept = self.last_year if THAT_TIME.match(paragraph[0]) else chronicle
            self.context_year, self.topic, self.last_proposal, self.moved = kept, topic, None, None
            self.paragraph, self.bulleted = number, paragraph[0][:1] in BULLETS or bool(TIME_LINE.match(paragraph[0]))
            # A list's lines follow one another; an interview's question led by a dash ends one.
            listed = self.list_start is not None
            asked = paragraph[-1].endswith("?")
            self.list_start = None if not self.bulleted or asked else self.list_start if listed else number
            if self.list_start == number and number:
                # A list's year, when the line before it names one ("Key events of the 2026 chairmanship:")
                years = set(YEAR.findall(" ".join(paragraphs[number - 1])))
                self.list_year = int(years.pop()) if len(years) == 1 else None
            # A section's heading in capitals over prose ("ФОТОВЫСТАВКА", then "Накануне фестиваля, 28 мая, …") is no
            # line of the programme above it.
            prose = number + 1 < len(paragraphs) and len(paragraphs[number + 1]) > 1
            capitals = len(paragraph) == 1 and paragraph[0].isupper() and prose
            if (len(paragraph) > 1 and number - self.heading_paragraph > 1 and not self.bulleted) or self.headed_line:
                # Prose of several sentences after a programme's lines ends the programme; so does the heading's own
                # line naming its event ("05.11.2026. Заседание комитета", then the paragraph that tells of it).
                self.heading_day, self.headed_line = None, False
            section = {word.lower() for word in TOKEN.findall(paragraph[0])} & TIME_SECTIONS
            if capitals or (len(paragraph) > 1 and paragraph[0].isupper() and section):
                self.heading_day = None  # and "LAST WEEK. The commission met…": a section of its own time
            body = paragraph[1:] or (paragraphs[number + 1] if number + 1 < len(paragraphs) else [])
            if (weekdays := self.weekday_heading(paragraph, body)) is not None:
                self.heading_day, self.heading_paragraph = weekdays, number  # "TUESDAY. Deputy ministers hold…"
            if self.heading_day is not None and number == self.heading_paragraph + 1 and self.place_line(paragraph):
                # "11.03.2025 (вторник)", then "Москва, здание министерства", then the event: the place's line
                # belongs to the heading, and the event's lines below it are the heading's still.
                self.heading_paragraph = number
                continue
            for position, sentence in enumerate(paragraph):
                # A line's first sentence may be a programme's heading ("Tuesday, 6 October." before its events).
                self.lead = (paragraphs, number) if position == 0 else None
                read = self.read_sentence(sentence, limit=MAX_PROPOSALS - len(found), alone=position == 0)
                what_above = self.what_event() if what and position == 0 else what_above
                for proposal in read:
                    key = (proposal.iso, proposal.event_type.pk)
                    if key in seen:
                        seen[key].place = seen[key].place or proposal.place
                        continue
                    if any(
                        # a series' days are its events; a visit's talks hold no other talks
                        (within(proposal, earlier) and not (merge.series(earlier) or merge.visits_own(earlier, found)))
                        or within(earlier, proposal, vague=True)
                        or programmes.ceremony_of(proposal, earlier)
                        or programmes.programme_part(proposal, earlier)
                        for earlier in found
                    ) or merge.restates(proposal, found):
                        # "the festival, 1 to 7 July… The festival opens on 1 July": its opening; "talks next Tuesday
                        # … next week's talks": the week of the day already proposed.
                        continue
                    if (named := merge.names_again(proposal, found)) is not None:
                        proposal.event_type, proposal.title = named.event_type, named.title  # "Мероприятие пройдёт…"
                    told = next((e for e in found if merge.told_run(e, proposal)), None)
                    if told is not None:
                        # "В субботу завершила работу выставка…", then "Выставку в среду открыл министр": its days.
                        seen.pop((told.iso, told.event_type.pk), None)
                        told.start, told.end = min(told.start, proposal.start), max(told.end, proposal.end)
                        seen[(told.iso, told.event_type.pk)] = told
                        continue
                    vaguer = next(
                        (
                            k
                            for k, e in enumerate(found)
                            if sharpens(proposal, e)
                            or opens(e, proposal)
                            or merge.dates_news(proposal, e)
                            or merge.departs_before(proposal, e)
                        ),
                        None,
                    )
                    if vaguer is not None:
                        # "Culture Days in October" (the headline), then "from 5 to 9 October": one event, its days;
                        # "Culture Days opened today" (the headline), then "… and will run until 23 June".
                        seen.pop((found[vaguer].iso, found[vaguer].event_type.pk), None)
                        seen[key] = found[vaguer] = proposal
                        continue
                    seen[key] = proposal
                    found.append(proposal)
                if number == 0 and PROGRAMME_LINE.match(sentence) and self.topic is not None:
                    # "Programme of the visit of the delegation … to KamTruck Group"; not "Programme of visits to the
                    # Kremlin museums": tours
                    kind, keyword_at, words = self.topic
                    self.programme_of = None if kind.is_visit and self.plural(words[keyword_at]) else self.topic
                if len(found) >= MAX_PROPOSALS:
                    return visits_talks(with_legs(merge.without_series(found[:MAX_PROPOSALS]), self.visit_title))
        return visits_talks(with_legs(merge.without_series(found), self.visit_title))

    # Sentences -------------------------------------------------------------------------------

    def read_sentence(self, sentence: str, limit: int = MAX_PROPOSALS, *, alone: bool = False) -> list[Proposal]:
        """The sentence's proposals, the first `limit` of them; alone: the sentence starts its line."""
        tokens = tokens_of(sentence)
        self.start_sentence(tokens)
        carried = self.carry_move()  # the last sentence's move, for this sentence only
        mentions = self.sentence_mentions = self.dates(tokens)
        if not mentions:
            return self.undated(tokens, sentence)
        first_date, self.dated = not self.dated, True
        if alone and (heading := self.heading(tokens, mentions)) is not None:
            return self.read_heading(tokens, sentence, heading, first_date=first_date)
        if first_date and "|" in sentence and all(self.published_day(m) for m in mentions):
            return []  # a masthead: "«Аграрное обозрение» | Выставки | 13 октября 2025 г."
        proposals: list[Proposal] = []
        if self.heading_day is not None and self.heading_day.precision == Event.Precision.MONTH:
            self.heading_day = None  # "Ноябрь. … 11–13 ноября прошёл конгресс": the chronicle's days are its own now
        if self.heading_day is not None and (self.bulleted or self.paragraph - self.heading_paragraph <= 1):
            # A line of the heading's list (its own line, the next, or one led by a dash), not any later paragraph.
            mentions, on_heading = self.under_heading(tokens, mentions)
            proposals = self.undated(tokens, sentence) if on_heading else []
        headed = len(proposals)
        topic, self.topic = self.topic, None
        # The event moved, from the sentence before ("…, has been rescheduled. It will now be held on 9 March.")
        previous_end, passed_over, named_last, moved, cancelled, founded = 0, None, None, carried, None, None
        document_named = None
        changed = self.first_changed(tokens, mentions)  # the first date after a word of moving, if any
        for index, mention in enumerate(mentions):
            first, end = mention.first, mention.end
            following = mentions[index + 1].first if index + 1 < len(mentions) else len(tokens)
            # (not a media advisory's "WHEN: Tuesday, March 8, 2022 — ceremony at 4:00 p.m.")
            dateline = 0 < first <= 3 and is_dateline(tokens[:first]) and not date_label(tokens)
            dash = dateline_dash(tokens, end, day=mention.start == mention.last) if dateline else None
            if dash is not None:
                previous_end = dash
                continue  # a dateline ("MINSK, 20 February –"): the release's own date; not "12–13 декабря – форум"
            due = self.is_deadline(tokens, mention) or self.is_horizon(tokens, mention)
            due = due or (mention.run and bool(self.sentence_words(tokens) & DUE))  # "Приём заявок … с июня по…"
            # "The office confirmed on Friday that the visit is planned for the autumn": the day of the statement
            said = self.statement_day(tokens, mention, later=following < len(tokens))
            if self.announced_on(tokens, mention):
                continue  # its name's words are still the next date's
            if due or said or self.gives_figures(tokens, mention):
                previous_end = end
                continue  # "applications by 13 September": a deadline; "trade grew in 2025": figures
            self.passed_over = None
            kind, keyword_at, offset, segment = self.event_near(tokens, mention, previous_end, following)
            if kind == self.type_for("meeting") and (during := self.visit_when(tokens, mention, following)):
                (kind, keyword_at), offset, segment = during, 0, tokens  # talks told with the visit they were part of
            elif kind == self.type_for("meeting") and self.hosts_delegation(segment, keyword_at, mention):
                kind = self.type_for("visit")  # "4–6 декабря Центризбирком принимал делегацию": its visit
            if kind is not None and offset < mention.first and index == changed:
                # "The signing, initially expected at the forum, has been pushed back to June": the sentence's
                # first event is the one moved.
                kind, keyword_at = self.event_type(tokens[: mention.first], nearest_last=False)
                offset, segment = 0, tokens[: mention.first]
                if merge.tells_time(segment, keyword_at):  # "After consultations with …, the festival has been moved"
                    later, later_at = self.event_type(segment[keyword_at + 1 :], nearest_last=False)
                    kind, keyword_at = (later, keyword_at + 1 + later_at) if later is not None else (kind, keyword_at)
            if kind is None and self.narrows_last(tokens, mention):
                continue  # "… has been moved to the autumn. It will now be held from 2 to 8 October": its days
            if self.extends_last(tokens, mention, kind):
                continue  # "The forum … will last until 16 September": the end of the last sentence's event
            if (
                topic is not None
                and mention.precision == Event.Precision.DAY
                and index == 0
                and (kind is None or self.pronoun_led(tokens, mention))  # "This year it will take place on…"
                and self.takes_topic(tokens, sentence, mention)
            ):
                kind, keyword_at, segment = topic
                offset = -1
            if kind is None and passed_over is not None and mention.precision == Event.Precision.DAY:
                # "Talks with X, who arrived yesterday on a visit, were held today": the word the last date's clause
                # passed over is this date's.
                (kind, keyword_at, offset, segment), passed_over = passed_over, None
            if kind is None:
                kind, keyword_at, offset, segment = self.named_event(tokens, mention, following) or (None, 0, 0, [])
            if kind is None and (signing := self.signed_before_document(tokens, mentions, index)) is not None:
                kind, keyword_at, offset, segment = signing  # "On 9 June … signed a Protocol … of 28 March 1995"
            if (
                kind is None
                and document_named is not None
                and self.same_clause_run(tokens, mentions[index - 1].end, first)
            ):
                (kind, keyword_at, offset, segment), document_named = document_named, None
            if kind is None and founded is not None and at(tokens, mentions[index - 1].end).text == ",":
                # "The festival, first held in 1998, will take place on": the date after its founding's aside
                first_held = {t.lower for t in tokens[max(0, mentions[index - 1].first - 4) : first]} & FIRST_HELD
                kind, keyword_at, offset, segment = founded if first_held else (kind, keyword_at, offset, segment)
            if kind is None and named_last is not None and another_leg(tokens, mentions[index - 1], mention):
                # "с 30 сентября по 2 октября в Казани и 5 октября в Уфе": the same event's next leg.
                kind, keyword_at, offset, segment = named_last
            if kind is None and named_last is not None and self.next_one(tokens, mentions[index - 1], mention):
                # "Предыдущее заседание состоялось в ноябре, следующее решено провести в 2027 году"
                kind, keyword_at, offset, segment = named_last
            if (
                kind is None
                and named_last is not None
                and proposals
                and (
                    contains(mention, mentions[index - 1], proposals[-1])
                    or narrows(tokens, mentions[index - 1], mention)
                )
            ):
                # "Вчера завершился визит, проходивший 11–12 марта": the event's days, of which yesterday was one;
                # "the mission, which it organised last week, from 9 to 13 February": the days of that week.
                (kind, keyword_at, offset, segment), _day = named_last, proposals.pop()
            if kind is None and moved is not None and mention.last >= self.published:
                (kind, keyword_at, offset, segment), moved = moved, None  # "postponed from 5 May to 12 May"
            instead = kind is None and cancelled is not None and merge.instead(tokens, mentions[index - 1], mention)
            if instead:
                # "Форум не состоится 5 июля, а пройдёт 12 июля": not cancelled, moved to the day after "а".
                (kind, keyword_at, offset, segment), cancelled = cancelled, None
                proposals[-1].reason = REASONS["moved"]
            previous_end = end
            if kind is None or self.recurs(tokens, mention) or self.year_of_anniversary(mention, segment[keyword_at]):
                continue  # a date with no event named near it (trade figures), or of events that recur
            passed_over = self.passed_over or passed_over
            window_start = mentions[index - 1].end if index else 0
            # Lazy: said in the officer's language when shown, not in the release's (read under its language).
            reason = REASONS.get(self.reference_reason(tokens, mention), "")
            reason = "" if instead and reason == REASONS["cancelled"] else reason  # the "not" is the day before's
            proposal, title_end = self.proposal(tokens, sentence, mention, (kind, keyword_at, segment),
                                                (window_start, following), reason)  # fmt: skip
            if reason == REASONS["moved"] and not mention.explicit_year:  # "planned for 20 November, moved to…"
                new = [m for m in mentions[index + 1 :] if not self.statement_day(tokens, m, later=False)]
                merge.nearest_year(proposal, self.published, new)  # not the day it was told ("…, the Agency said on")
            if offset == end:
                previous_end = max(previous_end, offset + title_end)  # the next date does not take this name
            proposals.append(proposal)
            self.last_proposal = proposal
            # Only an event's next leg: not a document's date after its signing ("signed on…, in force since…").
            named_last = (kind, keyword_at, offset, segment) if not proposal.reason else None
            founded = (kind, keyword_at, offset, segment) if proposal.reason == REASONS["anniversary"] else None
            document_named = self.told_inside(tokens, proposal, (kind, keyword_at, offset, segment), first)
            moved = (kind, keyword_at, offset, segment) if proposal.reason == REASONS["moved"] else moved
            cancelled = (kind, keyword_at, offset, segment) if proposal.reason == REASONS["cancelled"] else None
            if len(proposals) >= limit:
                break
        self.moved = moved if moved is not carried else None
        self.tell_move(tokens, proposals)  # "Following the decision of 27 March, … decided to postpone the …"
        # "2 февраля" / "Напомним, что меморандум был подписан 18 октября 2019 года": the signing is the document's
        # (not "Signing of the Protocol to the Agreement of 12 March 2019": the heading's day's signing)
        recalled = headed and self.finite_past(tokens)
        if recalled and any(
            p.reason == REASONS["document"] and p.title == proposals[0].title for p in proposals[headed:]
        ):
            proposals = proposals[headed:]
        if passed_over is not None and self.heading_day is not None and len(proposals) < limit:
            # "Friday, 3 November / Talks with X, who will be in Uzbekistan on 3–4 November": the talks are the
            # heading's.
            kind, keyword_at, _offset, segment = passed_over
            proposals.append(self.proposal(tokens, sentence, self.heading_day, (kind, keyword_at, segment))[0])
        return proposals

    def proposal(self, tokens, sentence, mention, named, window=None, reason="") -> tuple[Proposal, int]:
        """The proposal of a date and the event named (type, where its word is in the segment, the segment), and
        where the name its title was taken from ends. window: the tokens [low, high) where its place may be named."""
        kind, keyword_at, segment = named
        low, high = window or (0, len(tokens))
        proposal = Proposal(
            start=mention.start, end=mention.last, precision=mention.precision, sentence=sentence.strip(),
            event_type=kind, language=self.language, reason=reason, vague=mention.vague,
        )  # fmt: skip
        # Where: named around this date (up to the dates before and after it), else by a host before it.
        proposal.place = self.sentence_place(tokens, low, high) or self.place_before(tokens, low)
        proposal.people = self.sentence_people(tokens)
        proposal.visit_level = self.visit_level(segment) if kind.is_visit else ""
        proposal.title, title_end = self.title(segment, keyword_at, proposal)
        if mention.precision == Event.Precision.DAY and mention.start == mention.last:
            told = self.told_days(tokens, sentence, segment[keyword_at], mention)
            proposal.start, proposal.end = told or (proposal.start, proposal.end)
        if kind.slug in ("culture-days", GENERAL_TYPE) and self.names_films(proposal.title):
            # "Kazakh Film Week", "Дни казахского кино", "Неделя армянской кухни"
            proposal.event_type = self.type_for("festival") or kind
        elif kind.slug == "culture-days" and self.names_sector(proposal.title):
            proposal.event_type = self.type_for("conference") or kind  # "Kazakhstan Transport Week"
        elif kind.slug == "culture-days" and self.names_no_culture(proposal.title, segment[:keyword_at]):
            proposal.event_type = self.type_for(GENERAL_TYPE) or kind  # "Fleet Week", "International Week"
        return proposal, title_end


def propose(
    text: str,
    *,
    published: dt.date,
    language: str | None = None,
    morphology: Morphology | None = None,
    work: Counter | None = None,
) -> list[Proposal]:
    """Every proposal of a release, in the order of the text; the language is the text's unless given
    (morphology and work: see ReleaseReader)."""
    language = language or detect_language(text)
    with translation.override(language):
        reader = ReleaseReader(published=published, language=language, morphology=morphology, work=work)
        return reader.proposals(text)
