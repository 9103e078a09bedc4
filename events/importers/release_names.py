"""Events a release names without an event noun, dates a programme's headings give: the ReleaseReader's names half.

- An event named only by its own name, with a verb of its happening: "INNOPROM will take place from 8 to 11 July",
  "«Славянский базар» пройдёт 10–14 июля", "Russian Film Week opens on 5 December". Its type is the nearest the
  words of the name give (a Forum, a Festival, an Expo, a "Week" of a culture), else the general type.
- A visit said as being somewhere: "will be in Uzbekistan on 3–4 November", "прибудет в Минск", "побывает в Казани"
  (a place must follow, so "the delegation will be in the hall" is not one).
- A week's programme written as headings: a line that is only a date ("Monday, 30 October", "30 октября,
  понедельник") gives its date to the events of the lines after it, up to the next such line.
"""

import bisect
import datetime as dt

from events.models import Event, EventType

from .release_dates import Mention, at
from .release_frames import BODIES, BODY_MEETINGS, EVENTS_PEOPLE_RU
from .release_kind_words import COMPOUNDS, ROUND_TABLE
from .release_named import NOT_EVENT_BEFORE
from .release_periods import UNTIL
from .release_words import (
    ARTICLES,
    DASHES,
    NAME_LINKS,
    OCCURRING,
    TOKEN,
    Proposal,
    Token,
    hyphen_joins,
    is_clause_mark,
    text_of,
    tokens_of,
    word_before,
)

# A week or days of films is a film festival: "Russian Film Week", "Дни казахского кино".
# So is one of a cuisine ("Belarusian Cuisine Week", "Неделя армянской кухни", "Mongolian Gastronomy Week") or of
# fashion and design ("Baltic Design Week", "Неделя моды").
FILM_WORDS = {"film", "films", "cinema", "movie", "movies", "кино", "фильм", "кинематограф", "cuisine", "gastronomy",
              "gastronomic", "culinary", "кухня", "гастрономия", "гастрономический", "кулинарный", "fashion", "design",
              "мода", "дизайн"}  # fmt: skip
WEEK_WORDS = {"week", "weeks", "days", "неделя", "день", "дни"}
# A week or days of an industry is a forum: "Kazakhstan Transport Week", "Неделя энергетики", "Digital Days".
SECTOR_WORDS = {"transport", "energy", "industry", "industrial", "business", "investment", "innovation", "innovations",
                "digital", "technology", "technologies", "tech", "climate", "water", "trade", "export", "logistics",
                "finance", "financial", "mining", "oil", "gas", "agriculture", "agricultural", "construction",
                "engineering", "space", "nuclear", "транспорт", "транспортный", "энергетика",
                "энергетический", "промышленность", "промышленный", "бизнес", "инвестиционный", "инновация",
                "инновационный", "цифровой", "технология", "технологический", "климатический", "торговля",
                "экспорт", "экспортный", "логистика", "финансовый", "нефтегазовый", "строительный", "космический",
                "атомный"}  # fmt: skip
# Nouns after an event word that make it a venue's name: "ExpoForum Convention and Exhibition Centre", "Конгресс-холл".
VENUE_NOUNS = {"centre", "center", "centres", "centers", "hall", "halls", "grounds", "complex", "pavilion", "arena",
               "campus", "palace", "theatre", "theater", "park", "square", "street", "road", "avenue", "stadium",
               "showground", "rooms", "центр", "холл", "зал", "комплекс", "павильон"}  # fmt: skip
# Nouns before a quoted name that make it a place's ("в выставочном зале «Палаты»", "at the Hotel "Europa"").
PLACES_NAMED = VENUE_NOUNS | {"museum", "theatre", "theater", "hotel", "gallery", "library", "park", "cinema",
                              "venue", "музей", "театр", "гостиница", "отель", "галерея", "библиотека", "парк",
                              "кинотеатр", "дворец", "площадка", "усадьба"}  # fmt: skip
# Prefixes that make an event word a time around it: "(pre-conference day)", "post-summit".
AROUND = {"pre", "post", "пред", "после"}
# A body named after its event's word: "the Conference Secretariat", "the Forum Steering Committee".
BODIES_NAMED = BODIES | {"steering"}
# People an English event word may name before it: "our resident festival quartet", "the forum participants".
EVENTS_PEOPLE = {"quartet", "orchestra", "ensemble", "choir", "band", "musicians", "soloists", "participants",
                 "delegates", "visitors", "guests", "jury", "director", "directors", "organisers",
                 "organizers"}  # fmt: skip
# Of the people a Russian event's word is owned by (release_frames), those who tell no day of it: "Директор
# фестиваля … представила программу" (not its guests and participants, who attend it: "Половина участников форума
# прибыла вчера").
PEOPLE_NOT_ATTENDING = EVENTS_PEOPLE_RU - {"гость", "участник"}
# Numbers before an event word that count events as figures ("900 telemedicine consultations"), not a programme's
# ("12 concerts from 18 to 30 April", "over 20 exhibitions will open on 16 May"); a year is no count.
COUNTED = (25, 1800)
# Words between two weekdays of a heading: "Wednesday and Thursday", "с понедельника по среду".
WEEKDAY_LINKS = {"and", "to", "through", "till", "until", "и", "по", "до"}
# Verbs that make a name just after them an event's ("will hold Kazakh Film Week", "проведёт Неделю кино"), not one
# further on ("Brazil holds the BRICS chairmanship").
HOLDING = {"hold", "holds", "host", "hosts", "hosted", "organise", "organises", "organize", "organizes", "провести",
           "проводить", "организовать"}  # fmt: skip
QUOTES = {"«": "»", "“": "”", '"': '"'}
WEEK = {"week", "неделя"}
# What a week of events named "Week of …" is of: a culture or an art.
ARTS = {"culture", "cultures", "cinema", "film", "films", "art", "arts", "music", "literature", "cuisine", "language",
        "theatre", "books", "dance"}  # fmt: skip
NAME_BEFORE = 4  # words before a week's title that may still be its name's ("Culture and Tourism Week")
# An all-capitals word this long is a name ("INNOPROM"); shorter ones are mostly organisations ("OSCE", "ЕАЭС").
NAME_CAPITALS = 5
DATELINE_WORDS = 9  # how far a dateline's dash may follow its place
# At most this many words of a place after a list line's day: "7 October — Belgrade.", "12 мая — Нижний Новгород."
PLACE_WORDS = 3
# The most words of a line naming a place alone under a programme's day ("Москва, здание министерства, наб., 10").
PLACE_LINKS = {"and", "и", "&"}  # between the places of a line of days: "Pretoria and Johannesburg, 4–6 June"
PLACE_LINE_WORDS = 12


# The labels of a line that gives an event's day: "WHEN: Monday, 4 March", "Дата: 5 июня".
DATE_LABELS = {"when", "date", "dates", "когда", "дата", "даты"}


def date_label(tokens: list[Token]) -> bool:
    """Whether a line opens with the label of its day ("WHEN: Monday, 4 March"): the day of the event titled above,
    not a programme's."""
    return at(tokens, 1).text == ":" and at(tokens, 0).lower in DATE_LABELS


# An English verb that names an event alone is titled by its noun: "signed" a "Signing", "met" a "Meeting".
VERB_TITLES = {
    **dict.fromkeys(("sign", "signs", "signed"), "Signing"),
    **dict.fromkeys(("meet", "meets", "met"), "Meeting"),
    **dict.fromkeys(("visited", "visiting"), "Visit"),
    **dict.fromkeys(("unveil", "unveils", "unveiled"), "Unveiling"),
    **dict.fromkeys(("inaugurate", "inaugurates", "inaugurated"), "Inauguration"),
}


class NameReader:
    """Named events and headings; the ReleaseReader (release.py) sets up the state used here."""

    def named_event(self, tokens: list[Token], mention: Mention, following: int) -> tuple | None:
        """(type, where the name's key word is in it, offset, the name's tokens) for an event named only by its name
        before the date (in the sentence) or after it (up to the next date), when the sentence says it happens."""
        if self.sentence_names is None:
            self.sentence_names = self.names(tokens)
            self.name_ends = [end for _start, end, _kind in self.sentence_names]
        ends = self.name_ends
        at = bisect.bisect_right(ends, mention.first) - 1
        if at < 0 or not self.same_clause_run(tokens, self.sentence_names[at][1], mention.first):
            at += 1
            if at >= len(ends) or self.sentence_names[at][0] < mention.end or ends[at] > following:
                return None
        start, end, kind = self.sentence_names[at]
        # A capitalised week's name says it is an event ("Uzbek Culture Week will follow on 1–6 December"); other
        # names need a verb that makes them happen.
        acronym = end - start == 1 and tokens[start].text.isupper()  # "holds the BRICS chairmanship", "hosted UNESCO"
        held = kind == self.type_for("days") or (start and self.lemma(tokens[start - 1]) in HOLDING and not acronym)
        if not held and not self.sentence_words(tokens) & OCCURRING:
            return None
        # The segment runs on past the name: a Russian title takes the words after its key word ("Неделя
        # российского кино").
        # The key word is the name's last, or its "Week" ("the Week of Contemporary Russian Cinema").
        key = next((j for j in range(start, end) if self.lemma(tokens[j]) in WEEK), end - 1)
        return kind, key - start, start, tokens[start : max(end, following)]

    @staticmethod
    def same_clause_run(tokens: list[Token], low: int, high: int) -> bool:
        """Whether no full stop or semicolon lies between two tokens: a name before "; … on 5 May" is another's."""
        return not any(token.text in (";", ":") for token in tokens[low:high])

    def names(self, tokens: list[Token]) -> list[tuple[int, int, EventType]]:
        """The sentence's event names: [start, end) and type, in order: a name in quotes, a word in capitals, a
        capitalised "Week" and the words before it."""
        found, k = [], 0
        while k < len(tokens):
            token = tokens[k]
            close = QUOTES.get(token.text)
            if close is not None:
                end = next((j for j in range(k + 1, min(len(tokens), k + 12)) if tokens[j].text == close), None)
                if end is not None and end > k + 1:
                    # or the word that names it just before: "ярмарка «Книги»", "the festival "Golden Apricot""
                    before = self.kind_of(tokens[k - 1])[0] if k else None
                    inside = self.event_type(tokens[k + 1 : end], nearest_last=True)[0]
                    kind = inside or before or self.type_for("other")
                    if inside is not None or not k or self.lemma(tokens[k - 1]) not in PLACES_NAMED:
                        found.append((k + 1, end, kind))  # not a place's name: "в выставочном зале «Палаты»"
                    k = end + 1
                    continue
            if token.text.isalpha() and token.text.isupper() and len(token.text) >= NAME_CAPITALS:
                # not before an event's word ("the UNECE seminar" is the seminar's), nor a short name ("(ЦАРИКЦ)")
                after = self.kind_of(at(tokens, k + 1))[0] if k + 1 < len(tokens) else None
                short = at(tokens, k - 1).text == "(" and at(tokens, k + 1).text == ")"
                if not (self.month(token) or short) and after is None and not self.dateline_place(tokens, k):
                    found.append((k, k + 1, self.type_for("other")))
            elif token.text[:1].isupper() and self.lemma(token) in WEEK:
                start, end = k, k + 1
                while start > 0 and tokens[start - 1].text[:1].isupper():
                    start -= 1
                if at(tokens, k + 1).lower == "of" and at(tokens, k + 2).text[:1].isupper():
                    named = k + 3  # "the Week of Contemporary Russian Cinema"
                    while named < len(tokens) and (
                        tokens[named].text[:1].isupper() or tokens[named].lower in NAME_LINKS
                    ):
                        named += 1
                    # a week of a culture or an art; not "the Week of Action Against Hunger", "of Prayer"
                    end = named if {t.lower for t in tokens[k + 2 : named]} & ARTS else end
                if start < k or end > k + 1 or self.language == "ru":
                    found.append((start, end, self.type_for("days")))
            k += 1
        return [item for item in found if item[2] is not None]

    def dateline_place(self, tokens: list[Token], k: int) -> bool:
        """Whether a word in capitals is the place of a dateline that opens the sentence ("LONDON, 13 April –", "NEW
        YORK (Reuters) –", "ГВАДАЛАХАРА. Вчера…"): a place the calendar knows, or a line of its own; not an event's
        name ("INNOPROM, the largest industrial fair, …", "INNOPROM-2025 will…", "ATOMEXPO, 14–15 April, Sochi")."""
        start = k
        while start > 0 and tokens[start - 1].text.isalpha() and tokens[start - 1].text.isupper():
            start -= 1
        end = k + 1
        while end < len(tokens) and tokens[end].text.isalpha() and tokens[end].text.isupper():
            end += 1
        if start != 0:
            return False
        if end == len(tokens) or tokens[end].text == ".":
            return True
        place = [token.text.title() for token in tokens[start:end]]
        if tokens[end].text in DASHES and is_clause_mark(tokens, end):
            return bool(self.place(place))  # "MOSCOW – The …"
        if tokens[end].text not in {",", "("}:
            return False
        if self.place(place):
            return True
        # A place the calendar does not know, before the day of the release and its dash ("PUTRAJAYA, 24 July –");
        # not an event's name before its days ("ATOMEXPO, 14–15 April 2026, Sochi:").
        after = tokens[end + 1 : end + DATELINE_WORDS]
        dash = next((k for k in range(len(after)) if after[k].text in DASHES and is_clause_mark(after, k)), None)
        return dash is not None and not any(token.text in DASHES for token in after[:dash])

    def told_past(self, day: Mention) -> bool:
        """Whether a heading's day without its year, said ahead of the publication, leads its paragraph's sentences in
        the past tense: a chronicle's entry of the year before ("March 14-16. A delegation … made a study visit")."""
        return (
            day is self.heading_day
            # its sentences: in its paragraph, or a month's on its line, in the next ("Февраль" / "Делегация посетила…")
            and self.paragraph - self.heading_paragraph <= (1 if day.precision == Event.Precision.MONTH else 0)
            and not day.explicit_year
            and day.start > self.published
            and self.only_past(self.clause_tokens)
            and not any(d.month == 2 and d.day == 29 for d in (day.start, day.last))
        )

    def published_day(self, mention: Mention) -> bool:
        return mention.start == mention.last == self.published

    def under_heading(self, tokens: list[Token], mentions: list[Mention]) -> tuple[list[Mention], bool]:
        """A programme's line under its day's heading: its mentions, and whether its event is the heading's day's.

        A line that names no day of its own and no month is the heading day's, whatever years or references it
        gives ("Вторник, 20 января / – Заседание коллегии, посвящённое итогам работы в 2025 году": the year is a
        topic, left out; "… к 80-летию первой сессии (10 января 1946 г.)": a reference, kept unticked). A day it
        names as the end of a run starts at the heading's ("Суббота, 24 января / – Открываются Дни культуры, которые
        продлятся до 28 января")."""
        heading, kept, own = self.heading_day, [], False
        for mention in mentions:
            if mention.precision == Event.Precision.YEAR and (
                mention.start.year <= heading.start.year or self.is_horizon(tokens, mention)
            ):
                continue  # a topic's year, or one aimed at ("the plan for the corridors until 2030")
            if (
                mention.precision == Event.Precision.DAY
                and heading.start < mention.start <= heading.start + dt.timedelta(days=366)
                and self.until_word(tokens, mention) in UNTIL
                and self.continued_to(tokens, mention)
            ):
                mention = Mention(mention.first, mention.end, heading.start, mention.last, Event.Precision.DAY)
            own = own or not self.reference_reason(tokens, mention)
            kept.append(mention)
        return kept, not own

    def weekday_heading(self, paragraph: list[str], body: list[str]) -> Mention | None:
        """The days of a paragraph led by its weekday alone ("TUESDAY. Deputy ministers hold…", "MONDAY–WEDNESDAY.",
        "🔹 MONDAY" or "Monday" on its line over the next): in the week the tense of the words under it tells, the
        last such day in the past tense, else the next one (the publication's day too); without a tense, as the
        weekday heading above it, else the nearer; a weekday under another one, the next such day after it (before it,
        for an earlier weekday in the past tense: a digest's newest first). None if it is no such line.
        body: the sentences under the weekday (the rest of its paragraph, else the next one)."""
        words = [
            token
            for token in TOKEN.finditer(paragraph[0])
            if token.group()[:1].isalnum() and token.group().lower() not in WEEKDAY_LINKS
        ]  # "Wednesday and Thursday", "Monday to Wednesday"
        days = [self.weekday(Token(word.group(), 0, 0)) for word in words]
        if not 0 < len(days) <= 2 or None in days:
            return None
        # The tense of the first sentence under it ("was received …, reviewed the agenda for the coming months"),
        # else of them all.
        sentences = [tokens_of(sentence) for sentence in body]
        every = [token for tokens in sentences for token in tokens]
        tense = self.words_tense(sentences[0] if sentences else []) or self.words_tense(every)
        published = self.published
        if self.weekdays_above is not None:
            # Weekdays under one another go on in time: "Monday", "Tuesday", then "Friday" of the same week; a
            # digest's newest first goes back ("Friday", then "Thursday" in the past tense).
            above = self.weekdays_above.start
            if tense == "past" and days[0] < above.weekday():
                start = above - dt.timedelta(days=above.weekday() - days[0])
            else:
                start = above + dt.timedelta(days=(days[0] - above.weekday()) % 7)
        else:
            if not tense and self.heading_day is not None and not self.heading_day.vague:
                tense = "past" if self.heading_day.start < published else "future"  # as the weekday above it
            ahead = (days[0] - published.weekday()) % 7
            if tense == "past" or (not tense and ahead > 3):
                start = published - dt.timedelta(days=(7 - ahead) % 7)
            else:
                start = published + dt.timedelta(days=ahead)
        last = start + dt.timedelta(days=(days[-1] - days[0]) % 7)
        self.weekdays_above = Mention(0, 0, start, last, Event.Precision.DAY)
        return self.weekdays_above

    def names_work(self, segment: list[Token], k: int) -> bool:
        """Whether a title in quotes follows at k, past its author's name ("балет П.И.Чайковского «Лебединое
        озеро»", "Verdi's opera "Aida"")."""
        for token in segment[k : k + 6]:
            if token.text[:1] in '«"“':
                return True
            if not (token.text[:1].isupper() or token.text == "."):
                return False
        return False

    def names_films(self, title: str) -> bool:
        """Whether a title names a week or days of films or of a cuisine, or is "Week" or "Days" alone after such a
        week was proposed ("Armenian Film Week …", then "The Week opens in Buenos Aires on 24 February")."""
        words = self.title_words(title)
        if words and words <= WEEK_WORDS:  # the same word: "The Week" after a film week, not "The Days"
            festivals = (self.title_words(p.title) for p in self.found if p.event_type.slug == "festival")
            # a film week's festival, or one said as "the Week" already (a film week's, or it would not be one)
            return any(named & words and (named & FILM_WORDS or named <= WEEK_WORDS) for named in festivals)
        return bool(words & FILM_WORDS) and bool(words & WEEK_WORDS)

    def heads_name(self, segment: list[Token], position: int) -> bool:
        """Whether an English capitalised event word is followed by another that heads the name ("Culture Fair")."""
        following = segment[position + 1] if position + 1 < len(segment) else None
        return (
            self.language == "en"
            and following is not None
            and segment[position].text[:1].isupper()
            and following.text[:1].isupper()
            and self.kind_of(following)[0] is not None
        )

    def names_other(self, segment: list[Token], position: int) -> bool:
        """Whether an event word names no event: a venue's ("the Exhibition Centre", "Конгресс-центр"), a body's
        ("the organising committee of the conference"), or events counted ("over 900 telemedicine consultations",
        "signed 12 agreements"; not "10:00 Talks", "55-летие")."""
        if at(segment, position - 1).text == "-" and at(segment, position - 2).lower in AROUND:
            return True  # "(pre-conference day)", "post-summit": a time around the event, not the event
        body = position - 1 - (at(segment, position - 1).lower in ("the", "this")) - (self.language == "en")
        of = self.language == "ru" or at(segment, body + 1).lower == "of"
        met = any(self.lemma(token) in BODY_MEETINGS for token in segment[max(0, body - 4) : max(0, body)])
        if self.lemma(at(segment, body)) in BODIES and of and met:
            # "на заседании оргкомитета конференции": the body's meeting (not "Оргкомитет форума проведёт его")
            return True
        hyphen = at(segment, position + 1).text == "-"
        following = at(segment, position + 1 + hyphen)
        joined = following.lower in ("and", "и") and self.kind_of(at(segment, position + 2))[0] is not None
        noun = at(segment, position + 3) if joined else following  # "Congress and Exhibition Centre"
        # "Exhibition Centre", "Конгресс-центр", "Scottish Event Campus"; not "конференция Центра", "the Forum campus"
        venue = self.lemma(noun) in VENUE_NOUNS and (noun.lower != "campus" or noun.text[:1].isupper())
        if venue and (self.language == "en" or hyphen):
            return True
        quote = next((k for k in range(position - 1, max(-1, position - 5), -1) if segment[k].text in QUOTES), -1)
        closed = quote >= 0 and any(t.text == QUOTES[segment[quote].text] for t in segment[quote + 1 : position])
        # (a straight quote touching the word before it closes a name: '"Coins of the Silk Road", an exhibition')
        opening = quote > 0 and segment[quote - 1].end < segment[quote].start
        if opening and not closed and self.lemma(segment[quote - 1]) in PLACES_NAMED:
            return True  # a venue's name: "в выставочном центре «Казань Экспо»", "at the Centre "Expo Forum""
        if self.language == "ru" and self.lemma(at(segment, position - 1)) in PEOPLE_NOT_ATTENDING:
            # "Директор фестиваля", "Организаторы фестиваля": people, not the festival (not "во главе с директором
            # посетит": the visit)
            return self.morphology.analysis(segment[position].lower)[1] == "NOUN"
        if self.language == "en" and (noun.lower in BODIES_NAMED or noun.lower in EVENTS_PEOPLE):
            return True  # "the Conference Secretariat", "the Forum Steering Committee": a body; "festival quartet"
        if self.in_organisation(segment, position):
            return True  # "the Association of European Garden Shows": a body's name
        word = segment[position].lower
        not_before = NOT_EVENT_BEFORE.get(self.lemma(segment[position]))
        if not_before and self.lemma(at(segment, position + 1)) in not_before:
            return True  # "Tasting notes", "первый рейс автобуса", "Съезд с трассы"
        if word == "exercise" and (at(segment, position + 1).lower == "of" or at(segment, position - 1).lower == "to"):
            return True  # "the exercise of its functions", "to exercise caution"
        plural = word.endswith("s") if self.language == "en" else self.morphology.analysis(word)[3] == "plur"
        # a noun's count: not "40 companies visited"; in Russian a singular after a number ending in 1 ("121 концерт")
        for k in (position - 1, position - 2) if plural or self.language == "ru" else ():
            token = at(segment, k)
            # A word of its own: not "10:00 Talks", "20-летие", "G20 summit", "3x3 camp".
            alone = at(segment, k - 1).end < token.start and token.end < at(segment, k + 1).start
            number = int(token.text) if token.text.isdigit() else 0
            if not plural and (number % 10 != 1 or number % 100 == 11):
                continue
            if COUNTED[0] <= number < COUNTED[1] and alone:
                return True
        return False

    def names_sector(self, title: str) -> bool:
        """Whether a title names a week or days of an industry ("Kazakhstan Transport Week", "Неделя энергетики")."""
        words = self.title_words(title)
        return bool(words & SECTOR_WORDS) and bool(words & WEEK_WORDS)

    def names_no_culture(self, title: str, before: list[Token]) -> bool:
        """Whether an English week's name names no culture, art or people ("Fleet Week", "International Week"; not
        "Uzbek Culture Week", "Czech Music Week", "Living Heritage Week"; a city's or a region's days are its culture's:
        "Mogilev Days"). The words just before the title count too: "its Culture and Tourism Week"."""
        words = self.title_words(title) | {self.lemma(token) for token in before[-NAME_BEFORE:]}
        if self.language != "en" or not words & {"week", "weeks"} or words & (ARTS | {"cultural", "heritage"}):
            return False
        return not any(self.demonym(token) for token in tokens_of(title) if token.lower not in WEEK_WORDS)

    def title_words(self, title: str) -> set[str]:
        return {self.morphology.lemma(word, self.language) for word in TOKEN.findall(title.lower())}

    def title(self, segment: list[Token], keyword_at: int, proposal: Proposal) -> tuple[str, int]:
        """The proposal's title, and where in the segment the name it was taken from ends."""
        self.work["titles"] += 1
        if proposal.event_type.is_visit:
            return self.visit_title(proposal), keyword_at + 1
        # The first type word of the name that holds the nearest one ("Дни" of "Дни русской духовной культуры").
        position = keyword_at
        while position > 0 and self.name_word(segment, position - 1):
            position -= 1
            if self.kind_of(segment[position])[0] == proposal.event_type:
                keyword_at = position
        # The name around the type word: capitalised words (and "of", "and" between them) in English; in Russian
        # from the capitalised word before the type word to the first word that is not part of a name.
        start = keyword_at
        while start > 0 and (segment[start - 1].text[:1].isupper() or segment[start - 1].text[:1].isdigit()):
            if segment[start - 1].lower in ARTICLES:
                break  # "A festival of…", "The Fourth Forum…": the article is not part of the name
            if (
                start > 1
                and segment[start - 2].text in (":", ".")
                and segment[start - 2].end == segment[start - 1].start
            ):
                break  # a time's minutes ("17:30 Bilateral meeting"), not a number of the name
            start -= 1
        end = keyword_at + 1
        while end < len(segment) and (self.name_word(segment, end) or hyphen_joins(segment, end)):
            end += 1 + hyphen_joins(segment, end)  # a word joined by a hyphen is one: "Round-table"
        while end > keyword_at + 1 and segment[end - 1].lower in NAME_LINKS:
            end -= 1
        if self.language == "en" and start == keyword_at and segment[keyword_at].text[:1].islower():
            # A common noun, not a name ("an exhibition of Belarusian art runs"): the word and its "of" phrase.
            end = keyword_at + 1
            if end < len(segment) and (segment[keyword_at].lower, segment[end].lower) in ROUND_TABLE:
                end += 1  # "a round table on tourism"
            if end < len(segment) and segment[end].lower == "of":
                end = min(end + 3, len(segment))
                while end > keyword_at + 2 and not segment[end - 1].text[:1].isalpha():
                    end -= 1
        if start == keyword_at and start > 1 and hyphen_joins(segment, start - 1) and segment[start - 2].text.isdigit():
            start -= 2  # "70-летие", "55-летие установления отношений": its number too
        before = word_before(segment, start)
        if start == keyword_at and (self.lemma(at(segment, before)), self.lemma(segment[start])) in COMPOUNDS:
            start = before  # "an information day", "a trade mission", "Пресс-конференция": both words
        words = segment[start:end]
        while words and words[0].lower in ARTICLES:
            words.pop(0)
        while len(words) > 1 and (
            (len(words[-1].text) == 1 and words[-1].text.isupper()) or words[-1].lower in NAME_LINKS
        ):
            words.pop()  # an initial, cut from its surname by its full stop ("балет П.И. Чайковского"), and its "of"
        if len(words) == 1 and words[0].lower in VERB_TITLES:
            return VERB_TITLES[words[0].lower], end  # "will be unveiled": "Unveiling", not "Unveiled"
        return text_of(words)[:1].upper() + text_of(words)[1:], end

    def name_word(self, segment: list[Token], position: int) -> bool:
        token = segment[position]
        if self.language == "ru":
            if not token.text[:1].isalpha() or self.month(token):
                return False
            _form, part_of_speech, _tense, _number = self.morphology.analysis(token.lower)
            return part_of_speech in ("NOUN", "ADJF", "CONJ", "NUMR") or token.lower == "и"
        return token.text[:1].isupper() or (token.lower in NAME_LINKS and position + 1 < len(segment)
                                            and segment[position + 1].text[:1].isupper())  # fmt: skip

    def place_line(self, paragraph: list[str]) -> bool:
        """Whether a paragraph is a line of a place alone, under a programme's day ("Ташкент, IT Park"): short, without
        a full stop at its end, not led by a time ("09:00 Registration"), and naming no date and no event."""
        line = " ".join(paragraph)
        if line.endswith((".", "!", "?", ";", ":", ",")) or len(line.split()) > PLACE_LINE_WORDS or line[:1].isdigit():
            return False
        tokens = tokens_of(line)
        self.start_sentence(tokens)
        return self.event_type(tokens, nearest_last=False)[0] is None and not self.dates(tokens)
