"""Which event a date names: the words before it, else those after it, in its own clause, past a clause that only
tells the time ("the day after the fair closes, …"), past an event only prepared ("Preparations for the forum were
discussed on Tuesday at a meeting") and after "followed by" ("The forum will be followed in October by the
Festival"): the events half of the ReleaseReader; and the event of a sentence without a date (a programme's line
under its day's heading, the news of the day).
"""

from events.models import Event

from . import release_merge as merge
from .release_cancels import CANCELLED
from .release_dates import Mention, at
from .release_frames import owned, relative
from .release_periods import DUE
from .release_places import is_dateline
from .release_references import CHANGED, MOVED, REASONS
from .release_tense import HAPPENING
from .release_words import CAPTION_WORDS, GUESTS, STATEMENT, YEAR, Proposal, Token, is_clause_mark, nearer_next

# Words before a date that start the sentence and leave the event to the main clause after a comma ("In December
# last year, the ministers held talks", "В прошлом году, …").
FRONTED = 2
# Words that open an aside after a fronted date ("In the autumn, at the invitation of …, we will…", "В мае, по
# приглашению …, делегация…"): the main clause, and its event, follow the aside.
ASIDE_STARTS = {"at", "upon", "on", "by", "following", "according", "together", "jointly", "along", "по", "при",
                "согласно", "совместно", "вместе"}  # fmt: skip
# Words that may lead a fronted month past FRONTED: "In mid-March,", "At the end of June,", "В середине марта,", and
# the sentence's linking adverb before it: "Then, in October,", "Затем, в октябре,"; a run's "from", and the year or
# season it is in: "This summer, from late June to August,", "В этом году, с июня по август,".
FRONT_WORDS = {"in", "at", "the", "early", "late", "mid", "-", "end", "beginning", "start", "middle", "of", "в", "во",
               "throughout", "during",
               "начале", "конце", "середине", ",", "then", "so", "later", "afterwards", "subsequently", "also",
               "finally", "next", "meanwhile", "затем", "потом", "позднее", "позже", "также", "наконец", "from",
               "between", "с", "со", "this", "year", "summer", "autumn", "fall", "winter", "spring", "этом", "году",
               "летом", "осенью", "зимой", "весной", "and", "и", "а", "last", "прошлом", "будущем",
               "следующем"}  # fmt: skip
# A clause after a month's or a year's comma that tells what happened then: "The focus will be on the Balkans in
# mid-March, when Bratislava will host a meeting", "в марте, когда в Братиславе пройдёт встреча".
THEN_TOLD = {"when", "когда"}
# "X will be followed in October by Y", "preceded on 3 May by": the event after "by" is the date's.
FOLLOWED = {"followed", "preceded"}
# Words after a date before the event it took place at: "on Tuesday at a meeting", "во вторник на встрече".
AT_EVENT = {"at", "на", "during"}
# Participles of an announcing, whose date is the announcement's: "the course, announced in January, …".
ANNOUNCED_ON = {"announced", "published", "unveiled", "анонсировать", "анонсированный", "объявить", "объявленный"}
# Verbs of publishing just after a date, and what they publish of an event: "ITU has today published the programme of
# the Symposium", "Министерство сегодня опубликовало программу форума": the day of the publishing.
PUBLISHING = {"publish", "published", "publishes", "unveiled", "unveils", "announced", "announces", "released",
              "releases", "опубликовать", "обнародовать", "объявить"}  # fmt: skip
PUBLISHED = {"programme", "program", "schedule", "agenda", "dates", "list", "line-up", "lineup", "results",
             "программа", "расписание", "дата", "список", "итог"}  # fmt: skip
# How far into the sentence what is published may be named: "The full programme, …, will be published".
PUBLISHED_AT = 2
# Nouns of holding: an event named after the date they precede is the one held ("о проведении в 2025 году Дней";
# not the verb: "Выставку планируется провести в мае, а фестиваль — в июле").
HOLDING_BEFORE = {"проведение", "holding", "организация"}
PREPARING = {"preparation", "preparations", "prepare", "preparing", "подготовка", "подготовить", "готовиться"}
# Pronouns for an event named before: "This year it will take place on 19 September", "он пройдёт".
SUBJECTS = {"it", "они", "он", "она", "оно"}
# Words before an event that only tells another's time: "open throughout the forum", "на протяжении форума".
SPANNING = {"throughout", "протяжении", "работы"}  # "в дни работы ярмарки, 20–23 апреля, пройдут Дни"
# What an event's days hold as its parts, not as events running beside it: talks, signings, a visit's.
PARTS = {"meeting", "signing", "visit"}
# A place's relative clause: its dates of more than HISTORY_DAYS ago are the place's story, not the event named before
# it ("…, where the surrender was negotiated on 5 May 1945").
WHERE = {"where", "где"}
HISTORY_DAYS = 366
# How many years before the publication a day may be that of the event the sentence before named, with no verb of its
# happening ("The festival was first held on 5 May 1995" may be older).
TOPIC_YEARS = 10
# How far before a date a relative clause of an event's holding may open ("…, which will take place on"), and how far
# before its comma the event's word may be ("в учении «Орруда-2025», которое").
RELATIVE_TAIL = 6
ANTECEDENT_WORDS = 8


# Words a day something starts from follows ("since 1 January").
STARTS_FROM = {"since", "from", "с", "со"}


class EventReader:
    """The event of each date; the ReleaseReader (release.py) sets up the state used here."""

    def event_near(self, tokens: list[Token], mention: Mention, previous_end: int, following: int) -> tuple:
        """(type, where its word is in the segment, the segment's offset, the segment) for the event of a date.

        The words before the date (back to the previous one) first, else those after it (up to the next). A month
        or a year names an event after it only in its own clause ("в 2016 году прошли Дни…", "в октябре — Дни
        Минска"), not in the next ("in 2017, the ministers noted at…"), unless it starts the sentence ("In
        December last year, the ministers held talks")."""
        # Not past a semicolon: what comes before it is another clause's ("held annually since 2013; last year…").
        semicolons = [k + 1 for k in range(previous_end, mention.first) if tokens[k].text == ";"]
        previous_end = max([previous_end, *semicolons])
        segment = tokens[previous_end : mention.first]
        kind, keyword_at = self.event_type(segment, nearest_last=True)
        if kind is not None and (told := self.antecedent(segment)) is not None:
            kind, keyword_at = told  # "After the visit the ships will join the exercise, which will run from…"
        history = (self.published - mention.last).days > HISTORY_DAYS
        if history and any(token.lower in WHERE for token in segment[keyword_at + 1 :]):
            # "Wreath laying at the Hotel De Wereld, where the surrender was negotiated on May 5, 1945"; not "the
            # exhibition will travel to New Delhi, where it will be shown in November"
            kind = None
        followed = at(tokens, mention.end).lower == "by" and FOLLOWED & {t.lower for t in segment[keyword_at + 1 :]}
        # "Preparations for the forum were discussed on Tuesday at a meeting": the meeting's day, the forum a topic
        topic = (
            kind is not None
            and self.prepared(segment, keyword_at)
            and at(tokens, mention.end).lower in AT_EVENT
            and self.event_type(tokens[mention.end + 1 : mention.end + 4], nearest_last=False)[0] is not None
        )
        if kind is not None and self.press_conference(segment, keyword_at):
            # "held a joint press conference yesterday at the close of the Summit": the talks' day
            later, later_at = self.event_type(tokens[mention.end : following], nearest_last=False)
            if later is not None and later.slug in PARTS:
                return later, later_at, mention.end, tokens[mention.end : following]
        if kind is not None and not followed and not topic:  # not "The forum will be followed in October by the…"
            after = tokens[mention.end : following]
            held = self.holds_next(tokens, mention.first)  # "договорённость о проведении в 2025 году Дней книги"
            # set off by a comma: not "After the visit on 2 March the ministers will attend a forum" (the visit's day)
            # ", on Monday, 13 October,", "At the close of the exercise on 21 May, the heads will sign"
            comma = "," in (
                at(tokens, mention.first - 1).text,
                at(tokens, mention.first - 2).text,
                at(tokens, mention.end).text,
            )
            spans = [j for j in range(max(0, keyword_at - 3), keyword_at) if segment[j].lower in SPANNING]
            # "Throughout the festival, from 10 to 12 July, a photo exhibition will be on display"
            # or with the subject between it and the date: "После завершения ярмарки часть делегации 22–23 июня…"
            subject = (self.lemma(token) in GUESTS for token in segment[keyword_at + 1 :])  # asked only if needed
            told = (merge.tells_time(segment, keyword_at) and (comma or any(subject))) or (bool(spans) and comma)
            later = self.event_type(after, nearest_last=False) if told or held else (None, 0)
            if spans and not merge.tells_time(segment, keyword_at) and later[0] is not None and later[0].slug in PARTS:
                later = (None, 0)  # "В дни работы форума, 12–14 июня, министр проведёт ряд встреч": the forum's days
            # not the next date's: "Following the meeting, on 15 May, the ministers said the festival will be held on"
            word = mention.end + later[1]
            ahead = following < len(tokens) and not any(is_clause_mark(tokens, k) for k in range(word, following))
            if later[0] is not None and not ahead:
                # "On the day before the meeting, Monday, 26 February, the Secretariat will hold a workshop": the
                # workshop's day, the meeting telling it
                return later[0], later[1], mention.end, after
            if spans:
                # "The exhibition will be open throughout the forum, from 4 to 6 June": the exhibition's days
                before, before_at = self.event_type(segment[: spans[0]], nearest_last=True)
                if before is not None:
                    return before, before_at, previous_end, segment
            own = self.own_clause_event(tokens, mention, (previous_end, previous_end + keyword_at), following)
            return own or (kind, keyword_at, previous_end, segment)
        end = mention.end
        segment = tokens[end:following]
        segment = whole = segment[: next((k for k, t in enumerate(segment) if t.text == ";"), len(segment))]
        if mention.precision != Event.Precision.DAY and not self.leads_line(tokens, mention.first, mention.end):
            # (not a list's line led by its month: "– June, Ashgabat – International Forum")
            # "In mid-March,", "In 2025, in May,": the words, or a year, before a fronted date
            leading = all(
                tokens[k].lower in FRONT_WORDS or YEAR.fullmatch(tokens[k].text) for k in range(mention.first)
            )
            fronted = (mention.first <= FRONTED or leading) and segment[:1] and segment[0].text == ","
            skip = 1 if fronted or (segment[:1] and segment[0].text in "—–") else 0
            if fronted and at(segment, 1).lower in ASIDE_STARTS:
                # "in the autumn, at the invitation of the Ministry, we will take part in the Forum": past the aside
                skip = next((k + 1 for k in range(2, len(segment)) if segment[k].text == ","), skip)
            marks = (
                k
                for k in range(len(segment))
                if k >= skip
                and is_clause_mark(segment, k)
                and not merge.names_places(segment, k)
                and not self.tells_then(segment, k)
            )  # not the comma of "в Улан-Баторе, Дархане и Эрдэнэте прошли Дни", nor of "in March, when …"
            segment = segment[: next(marks, len(segment))]
        kind, keyword_at = self.event_type(segment, nearest_last=False)
        if kind is not None and merge.tells_time(segment, keyword_at):
            # "On 2 April, the day after the fair closes, the Ministry will host consultations": the consultations',
            # named past the clause that tells the time
            # (past the clause a fronted date's words were cut to: "In late May, after the fair, exporters will hold
            # talks in Hangzhou")
            past = next((k + 1 for k in range(keyword_at, len(whole)) if is_clause_mark(whole, k)), len(whole))
            later, later_at = self.event_type(whole[past:], nearest_last=False)
            kind, keyword_at = (later, past + later_at) if later is not None else (kind, keyword_at)
            segment = whole if later is not None else segment
        if kind is not None and mention.counted and keyword_at <= 2:
            # "Во второй день форума … состоялось заседание": the day is the forum's, the event the session (a
            # visit's day's talks are the visit's, not its exhibition: "On the last day of their visit, they will
            # attend the opening of the exhibition")
            start = keyword_at + 1
            for _try in range(2):  # past a visit's own word: "В последний день визита делегация посетит открытие…"
                later, later_at = self.event_type(segment[start:], nearest_last=False)
                if later is None or not (kind.is_visit and (later.is_visit or later == self.type_for("meeting"))):
                    break
                start, later = start + later_at + 1, None
            if later is not None:
                kind, keyword_at = later, start + later_at
        if kind is not None and following < len(tokens) and nearer_next(tokens, end, end + keyword_at, following):
            return None, 0, end, segment
        return kind, keyword_at, end, segment

    def tells_then(self, segment: list[Token], k: int) -> bool:
        """Whether the comma at k opens a clause that tells what was held at the date before it: "in mid-March, when
        Bratislava will host a meeting", "в марте, когда пройдёт встреча" (not "in June, when the results of the
        summit are published": what is told of then, no event)."""
        if segment[k].text != "," or at(segment, k + 1).lower not in THEN_TOLD:
            return False
        end = next((j for j in range(k + 2, len(segment)) if is_clause_mark(segment, j)), len(segment))
        words = {self.lemma(token) for token in segment[k + 2 : end]} | {token.lower for token in segment[k + 2 : end]}
        return not words & (PUBLISHING | PUBLISHED | STATEMENT)

    def holds_next(self, tokens: list[Token], first: int) -> bool:
        """Whether a noun of holding stands just before the date at first, so that the event held is named after it
        ("о проведении в 2025 году Дней российской книги", "the holding in May of the Days of…")."""
        k = first - 1 - (at(tokens, first - 1).lower in ("в", "во", "in", "on"))
        return k >= 0 and self.lemma(tokens[k]) in HOLDING_BEFORE

    def statement_day(self, tokens: list[Token], mention: Mention, *, later: bool) -> bool:
        """Whether the date is the day a statement was made, its content with a later date of the sentence ("The
        office confirmed on Friday that the visit is planned for the autumn"; "В пятницу МИД сообщил, что…"), or
        before it, the statement told in the sentence's last clause ("The visit … has been postponed, the Agency told
        our newspaper on Friday"; "…, сообщили в агентстве в пятницу")."""
        low, high = self.clause_bounds(mention.first)

        # Each asked once of a clause (or the sentence), not once of each of its dates.
        def first_statement(low: int, high: int) -> int | None:
            return next((k for k in range(low, high) if self.lemma(tokens[k]) in STATEMENT), None)

        def future_before(low: int, _high: int) -> bool:
            return self.words_tense(tokens[:low]) == "future"

        if not later:
            said_at = self.per_clause(mention.first, first_statement)
            tag = (
                low > 0
                and tokens[low - 1].text == ","
                and all(tokens[k].text in ".!?" for k in range(high, len(tokens)))
                and said_at is not None
                and said_at < mention.first
                and self.per_clause(mention.first, self.names_no_event)
            )
            # and the event's own day said before, or a move told, or the event to come: "…, which was to take place
            # on 8–10 September, has been postponed, the Agency said on Friday", "«It will be announced,» the
            # spokesman said on Friday"; not "The ministers held talks in Geneva, the Ministry said on Friday"
            return tag and (
                mention is not self.sentence_mentions[0]
                or bool(self.sentence_words(tokens) & CHANGED)
                or self.per_sentence(lambda: any(token.lower.startswith(CANCELLED) for token in tokens), "cancelled")
                or self.per_clause(mention.first, future_before)
            )
        if self.language == "en":
            before = tokens[max(low, mention.first - 4) : mention.first]
            said = any(token.lower in STATEMENT for token in before)
            that = at(tokens, mention.end).lower == "that"  # not "said on 5 March, at the opening of the Days, that"
            # or the date before the verb: "FEAI today confirmed that its Congress will take place on 14-16 May"
            said_after = at(tokens, mention.end).lower in STATEMENT and at(tokens, mention.end + 1).lower == "that"
            return ((said and that) or said_after) and self.event_type(before, nearest_last=True)[0] is None
        that = at(tokens, high).text == "," and at(tokens, high + 1).lower == "что"
        said = that and self.per_clause(mention.first, first_statement) is not None
        return said and self.per_clause(mention.first, self.names_no_event)

    def announced_on(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether the date is of an event's announcing, set off by commas after its name: "The training course,
        announced in January, is not affected", "Курс, анонсированный в январе, пройдёт 5 мая"; or of its programme's
        publishing, told by the verb just after the date."""
        k = mention.first - 1 - (at(tokens, mention.first - 1).lower in ("in", "on", "в", "во"))
        # its comma closing it too: not "announced on 5 November at the meeting of the Board" (the meeting's day)
        if self.lemma(at(tokens, k)) in ANNOUNCED_ON and at(tokens, k - 1).text == "," == at(tokens, mention.end).text:
            return True
        # or its programme published that day: "ITU has today published the programme of the Symposium", "Программа
        # секции будет опубликована на следующей неделе"
        thing = mention.end + 1 + (at(tokens, mention.end + 1).lower in ("the", "its", "a"))
        if self.publishing(at(tokens, mention.end)) and self.published_thing(tokens, thing):
            return True
        # "The organisers made public today the line-up of the festival"
        thing = mention.end + (at(tokens, mention.end).lower in ("the", "its", "a"))
        made = self.publishes(tokens[max(0, mention.first - 2) : mention.first])
        if made and self.published_thing(tokens, thing):
            return True
        # "Программа секции будет опубликована на следующей неделе"; not "The results, announced on 5 November at the
        # meeting of the Board, were approved" (the meeting's day)
        # ("The full programme, …, will be published at the end of March"; "The programme … was made public today")
        # (the publishing in the date's clause: not "The programme will be published in April, and the festival will
        # open on 10 July")
        opening = tokens[int(at(tokens, 0).lower == "the") :][:PUBLISHED_AT]
        low = self.clause_bounds(mention.first)[0]
        if not any(self.lemma(t) in PUBLISHED for t in opening) or not self.publishes(tokens[low : mention.first]):
            return False
        after = tokens[mention.end : self.clause_bounds(mention.first)[1]]
        kind, keyword_at = self.event_type(after, nearest_last=False)
        return kind is None or owned(after, keyword_at, self)  # "was made public today by the festival's director"

    def publishing(self, token: Token) -> bool:
        """Whether a word is a verb of publishing ("published", "опубликована")."""
        return token.lower in PUBLISHING or self.lemma(token) in PUBLISHING

    def published_thing(self, tokens: list[Token], k: int) -> bool:
        """Whether token k names what is published of an event ("the programme", "the line-up": three tokens)."""
        hyphenated = f"{at(tokens, k).lower}-{at(tokens, k + 2).lower}" if at(tokens, k + 1).text == "-" else ""
        return self.lemma(at(tokens, k)) in PUBLISHED or hyphenated in PUBLISHED

    def publishes(self, tokens: list[Token]) -> bool:
        """Whether the words say something is published ("will be published", "was made public")."""
        made = any(t.lower == "public" and at(tokens, k - 1).lower == "made" for k, t in enumerate(tokens))
        return made or any(self.publishing(t) for t in tokens)

    def prepared(self, segment: list[Token], k: int) -> bool:
        """Whether the event word at k is what is prepared ("Preparations for the forum", "подготовка к форуму")."""
        return any(self.lemma(token) in PREPARING for token in segment[max(0, k - 3) : k])

    def antecedent(self, segment: list[Token]) -> tuple | None:
        """The event a relative clause just before the date tells the holding of ("the exercise «Орруда-2025»,
        которое пройдёт с 8 по 11 ноября", "the fair, which runs from"): the event word before its comma."""
        for j in range(len(segment) - 1, max(-1, len(segment) - 1 - RELATIVE_TAIL), -1):
            if not (relative(segment[j]) and at(segment, j - 1).text == ","):
                continue
            if not any(self.happens(token) for token in segment[j + 1 :]):
                return None
            quoted = False  # a quoted name's words are no event's ("фестиваль «Славянский базар», который")
            for k in range(j - 2, max(-1, j - 2 - ANTECEDENT_WORDS), -1):
                if segment[k].text in '«»"“”':
                    quoted = segment[k].text in "»”" or (segment[k].text == '"' and not quoted)
                    continue
                if quoted:
                    continue
                if is_clause_mark(segment, k):
                    return None
                # the word with the one before it ("trade mission"), or past a hyphen ("семинар-презентация")
                start = max(0, k - 1 - 2 * (at(segment, k - 1).text == "-"))
                kind, word_at = self.event_type(segment[start : k + 1], nearest_last=True)
                if kind is not None and start + word_at >= k - 2:
                    return kind, start + word_at
            return None
        return None

    def own_clause_event(self, tokens: list[Token], mention: Mention, before: tuple, following: int) -> tuple | None:
        """The event a word after the date names in its own clause, when the word before it is in another: "Talks
        with X, who arrived yesterday on a visit, were held today" (yesterday's is the visit). The word passed over
        is kept for a later date of the sentence (today's talks). before: where the words before the date start, and
        where the word before it is (words past the last date only: a long sentence takes linear time)."""
        start, word = before
        low, high = self.clause_bounds(mention.first)
        earlier = tokens[start:low] if start < low else []
        if word >= low:
            # The word before the date is in its clause; one in an earlier clause may be a later date's or a
            # heading's ("Talks with X, who will be in Uzbekistan on 3–4 November").
            passed, passed_at = self.event_type(earlier, nearest_last=True)
            if passed is not None and passed != self.kind_of(tokens[word])[0]:
                self.passed_over = (passed, passed_at, start, earlier)
            return None
        segment = tokens[mention.end : min(high, following)]
        kind, keyword_at = self.event_type(segment, nearest_last=False)
        aside = merge.set_aside(tokens, (low, high), mention, earlier) if kind is None else None
        if aside is not None and aside <= following:  # not when the clause after names a date of its own
            segment = tokens[mention.end : aside]
            kind, keyword_at = self.event_type(segment, nearest_last=False)
        if kind is None:
            return None
        passed, passed_at = self.event_type(earlier, nearest_last=True)
        if passed is None:
            return None
        self.passed_over = (passed, passed_at, start, earlier)
        return kind, keyword_at, mention.end, segment

    def pronoun_led(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether the date's clause has, before it, a pronoun for its subject and no event named: "This year it will
        take place on 19 September, with lectures and competitions", "В этом году он пройдёт 19 сентября" (the event
        the sentence before named, not the competitions)."""
        before = tokens[self.clause_bounds(mention.first)[0] : mention.first]
        pronoun = any(token.lower in SUBJECTS for token in before)
        return pronoun and self.event_type(before, nearest_last=True)[0] is None

    def takes_topic(self, tokens: list[Token], sentence: str, mention: Mention) -> bool:
        """Whether a date of a sentence that names no event is that of the event the sentence before named ("The
        exhibition opened on 5 May. It will run until 20 June."): not a dateline's ("Astana, 27 February 2025"), a
        day something starts from ("since 1 January", "from 1 June", "с 1 января"), nor one a document takes force on
        ("today" in a quote of the present names no day at all: see nowadays)."""
        if mention.start == mention.last and at(tokens, mention.first - 1).lower in STARTS_FROM:
            return False
        if (self.published - mention.last).days > TOPIC_YEARS * 365 and not self.sentence_words(tokens) & HAPPENING:
            return False  # "no peace without a state on the lines of June 4, 1967": history, not the talks' day
        if 0 < mention.first <= 3 and not any(token.text.isalpha() for token in tokens[mention.end :]):
            return not is_dateline(tokens[: mention.first])
        return not self.in_force(tokens, mention)

    def undated(self, tokens: list[Token], sentence: str) -> list[Proposal]:
        """The proposal of a sentence without a date: an event under a programme's heading ("Monday, 30 October"),
        or one a news item says took place before it names any date ("В Кремле состоялись переговоры": the
        publication's day); else none, and the event it names may be the topic of the next sentence's days ("The
        festival returns to Tokyo! From Friday, 2 July, to Sunday, 4 July, the ballet will perform.")."""
        kind, keyword_at = self.event_type(tokens, nearest_last=False)
        if self.lasts_days(tokens, kind):
            return []  # "Экспозиция продлится три дня": the length of the event just named
        if kind is not None and merge.tells_time(tokens, keyword_at):
            # "Ahead of the Session, the Seimas will open an exhibition. It will run from…": the exhibition's days
            later, later_at = self.event_type(tokens[keyword_at + 1 :], nearest_last=False)
            kind, keyword_at = (later, keyword_at + 1 + later_at) if later is not None else (kind, keyword_at)
        self.topic = (kind, keyword_at, tokens) if kind is not None else None
        if kind is not None and self.sentence_words(tokens) & MOVED:
            self.move_told = (kind, keyword_at, 0, tokens)  # "… decided to postpone the conference.": dates may follow
        elif kind is not None and any(self.cancelling(tokens, k) for k in range(len(tokens))):
            self.cancel_told = kind  # "The exhibition has been cancelled. It was due to open on 10 September."
        by_day = self.heading_day is not None and not self.heading_day.vague
        if (
            tokens[:1]
            and tokens[0].lower in CAPTION_WORDS
            and (at(tokens, 1).text == ":" or at(tokens, 1).text.isdigit())
        ):
            return []  # "📸 Photo 4: IDFR lecture hall": a photo's caption under a day's heading
        if kind is None or (not by_day and self.recurs(tokens, None)):
            return []  # (under a day's heading, "hold their annual consultations" is that day's)
        day, news = self.heading_day, False
        if day is None and (signing := self.signing_word(tokens)) is not None and (day := self.day_of_signing(tokens)):
            kind, keyword_at = self.type_for("signing"), signing  # "Following the talks, … will sign"
        if (
            day is None
            and not self.dated
            and (kind == self.type_for("meeting") or self.published != self.release_published)  # or a post's news
            and self.clause_tense(None) == "past"
            and self.tells_happening(tokens)
        ):
            day = Mention(0, 0, self.published, self.published, Event.Precision.DAY)  # the news of the day
            news = True
        if day is None or self.sentence_words(tokens) & DUE:
            return []  # "Аккредитация СМИ на мероприятия…": what is due, not an event
        if self.told_past(day):
            # "March 14-16. A delegation … made a study visit": a chronicle's entry, whose day its sentence dates
            day = Mention(day.first, day.end, *(d.replace(year=d.year - 1) for d in (day.start, day.last)),
                          day.precision)  # fmt: skip
        if kind == self.type_for("meeting") and self.hosts_delegation(tokens, keyword_at, day):
            kind = self.type_for("visit")  # "2–4 октября. / Зоопарк принимал делегацию Пекинского зоопарка": its visit
        closing = day is not self.heading_day and kind == self.type_for("signing")
        reason = REASONS["closing"] if closing else ""  # writers differ: entered apart, or as part of the talks
        proposal = self.proposal(tokens, sentence, day, (kind, keyword_at, tokens), reason=reason)[0]
        proposal.listed = day is self.heading_day
        proposal.programme = self.programme_below
        proposal.news = news
        self.headed_line = proposal.listed and self.paragraph == self.heading_paragraph
        return [proposal]
