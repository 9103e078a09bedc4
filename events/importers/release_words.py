"""The words of a press release: sentences, tokens, Russian word forms, month names; and a proposal's dates.

See release.py for what drafting reads.
"""

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django_countries import countries

from events.models import Event, EventType, Person

# Characters read from a release (a long one is about 20,000): the admin form and draft_from_release refuse a longer
# text. Reading takes time linear in the text's length, so the limit bounds a request's time.
MAX_TEXT = 100_000
# The slug of the general type ("Other event"), as migration 0017 gives it.
GENERAL_TYPE = "other"
MAX_PROPOSALS = 200
# Words after a count of days that make it a distance from another day, not a length: "two days before the opening",
# "за два дня до открытия".
OFFSETS = {"before", "after", "later", "earlier", "ago", "до", "после", "спустя", "назад", "раньше", "позже"}
TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|\d+|[^\W\d_]+(?:['’][^\W\d_]+)?|[-–—−]|[.,;:!?()«»\"“”/]")
DASHES = {"-", "–", "—", "−"}
AIMED = {"to", "towards", "к"}  # "«A Look to 2030»", "«Евразия: взгляд к 2030»"
ORDINAL_ENDINGS_RU = {"е", "го", "ое", "ого", "м", "ом"}
# The word of a day: a programme's "Day 1", "День 2", "the final day", "в первый день".
DAY_WORDS = {"day", "день"}
# Quotes (straight ones open and close with the same mark), and the longest name in them that holds a full stop.
QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
QUOTED_NAME = 60
QUOTED_NAME_WORDS = 4
# Capital letters joined by full stops: initials ("Б.Н", "J.R.R"), before a full stop that ends no sentence when a
# name follows (not "the U.K. On 15 May", "Washington, D.C. The next day").
INITIALS = re.compile(r"[A-ZА-ЯЁ](?:\.[A-ZА-ЯЁ])+")
SENTENCE_OPENERS = {"on", "in", "at", "the", "a", "an", "this", "it", "he", "she", "they", "we", "from", "during",
                    "after", "before", "в", "во", "на", "с", "со", "по", "это", "он", "она", "они", "мы", "после",
                    "до"}  # fmt: skip
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"»”]))\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")
# A line break and the blank space after it. Each break of a run of blank lines would be as good, but a regex that
# looks past the run from each of them ("\n(?!\s*[a-z])") takes time quadratic in the run's length.
LINE_BREAK = re.compile(r"\n\s*")
CONTINUED_LINE = re.compile(r"[a-zа-яё]")
LETTERS = re.compile(r"[a-zA-Zа-яА-ЯёЁ]")
IN_WORDS = {"in", "to", "at", "в", "во", "на"}
# Words before a weekday that make it a date: "on Tuesday", "until Thursday", "с понедельника по четверг".
WEEKDAY_BEFORE = {"on", "в", "во", "until", "till", "through", "до", "from", "с", "со", "по", "since"}
# Words before "for" that make it name an event's time: "planned for April", "postponed for June".
SCHEDULED = {"planned", "scheduled", "slated", "set", "due", "postponed", "rescheduled", "moved", "expected", "fixed",
             "earmarked", "pencilled", "penciled", "tentatively"}  # fmt: skip
YEAR_WORDS = {"год", "года", "году", "г"}
HOST_WORDS = {"hosted", "host", "hosts", "принимала", "принимал", "принял", "приняла", "принимает"}
NAME_LINKS = {"of", "and", "the", "for", "de", "и"}
ARTICLES = {"the", "a", "an"}
# Verbs of saying: the day a statement was made ("confirmed on Friday that the visit is planned for the autumn",
# "В пятницу МИД сообщил, что визит состоится осенью") is not the event's when the sentence names a later date.
STATEMENT = {"said", "says", "confirmed", "announced", "stated", "told", "reported", "declared", "wrote",
             "tweeted", "posted", "informed", "сообщить", "заявить", "объявить", "подтвердить", "сказать",
             "рассказать", "написать", "информировать"}  # fmt: skip
ABBREVIATIONS = {
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "no",
    "vs",
    "г",
    "гг",
    "им",
    "т",
    "ул",
    "пр",
    "д",
    "н",
    "ст",
    "св",
}
# Words after which a name is where an event happens ("to Moscow", "visit Minsk", "в г. Минске").
PLACE_BEFORE = IN_WORDS | {"visit", "visits", "visiting", "посетит", "посетил", "посетила", "посетят"}
# A state's form before its name, as written after "в": "в Республике Узбекистан", "в Королевстве Таиланд".
STATE_WORDS = {"республика", "республике", "республику", "королевство", "королевстве", "султанат", "султанате"}
# Words between "in"/"в" and a place: "в г. Минске", "in the city of Minsk", "в Республике Узбекистан".
CITY_WORDS = {"г", "city", "of", "the", "город", "городе"} | STATE_WORDS
CLAUSE_MARKS = {",", ";", ":", "(", ")", "—", "–"}


# People whose coming is a visit and whose receiving a meeting ("received the Ambassador", "ждём министра").
GUESTS = {"ambassador", "ambassadors", "delegation", "delegations", "consul", "envoy", "minister", "ministers",
          "president", "head", "heads", "chairman", "chair", "governor", "mayor", "secretary", "representative",
          "representatives", "speaker", "deputy", "посол", "делегация", "консул", "посланник", "министр", "президент",
          "глава", "председатель", "губернатор", "мэр", "секретарь", "представитель", "премьер", "премьер-министр",
          "заместитель", "спикер", "руководитель", "вице-губернатор", "director", "directors", "rector", "директор",
          "ректор"}  # fmt: skip
# People whose jubilee is a birthday: "Основатель марафона … 2 марта отметит 65-летие".
PERSONS = GUESTS | {"founder", "основатель", "артист", "художник", "писатель", "поэт", "композитор", "дирижёр",
                    "дирижер", "ветеран", "тренер", "хореограф", "путешественник"}  # fmt: skip
JUBILEE_WORDS = 16  # from a day to the jubilee celebrated on it: "3 сентября руководитель …, …, отметил 70-летие"
# English subject pronouns: "on the 14th we will hold", "delighted that we".
SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}


def tokens_of(text: str) -> list["Token"]:
    """The words, numbers and marks of a sentence or a line, with where each stands in it."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def word_before(tokens: list["Token"], position: int) -> int:
    """Where the word before position is, past a hyphen that joins the two ("бизнес-миссия", "пресс-конференция")."""
    return position - 1 - (position > 1 and tokens[position - 1].text == "-")


def is_clause_mark(tokens: list["Token"], k: int) -> bool:
    """Whether token k ends a clause: a comma, a bracket, a dash between spaces; not the dash of "China–Central
    Asia" or "Нови-Сад", which touches the words on both sides, nor a decimal comma."""
    token = tokens[k]
    if token.text not in CLAUSE_MARKS:
        return False
    if token.text in DASHES:
        return not touches(tokens, k)
    return not is_number_comma(tokens, k)  # nor the decimal comma of "1,1 млн"


def touches(tokens: list["Token"], k: int) -> bool:
    """Whether token k touches the tokens on both sides ("China–Central", "1,1")."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].end == tokens[k].start and tokens[k].end == tokens[k + 1].start


def hyphen_joins(tokens: list["Token"], k: int) -> bool:
    """Whether token k is a hyphen joining the words on its sides into one ("Round-table", "выставка-ярмарка")."""
    return tokens[k].text == "-" and touches(tokens, k)


def text_of(tokens: list["Token"]) -> str:
    """The tokens' text, a space between those that stood apart ("Round-table on water", not "Round - table on")."""
    spaced = (token.text + " " * (following.start > token.end) for token, following in itertools.pairwise(tokens))
    return "".join(spaced) + (tokens[-1].text if tokens else "")


def without_time_and_number(rest: list["Token"], *, span: bool = False) -> list["Token"]:
    """A day heading's words but the day's date, without its time ("5 ноября, 11:00"; a span of times too:
    "09:30–13:00") and the number of its day in the programme after it ("Wednesday, 28 September – Day 1", "29
    сентября, четверг – День 2")."""
    for _times in range(1 + span):
        if len(rest) >= 3 and rest[-2].text == ":" and rest[-3].text.isdigit() and rest[-1].text.isdigit():
            rest = rest[:-3]
        if span and rest and rest[-1].text in DASHES:
            rest = rest[:-1]
    if len(rest) >= 3 and rest[-3].text in DASHES and rest[-2].lower in DAY_WORDS and rest[-1].text.isdigit():
        return rest[:-3]
    return rest


def looks_to(tokens: list["Token"], k: int) -> bool:
    """Whether token k is a year a name in quotes looks to ("«Architecture of Security: A Look to 2030»", "«Евразия:
    взгляд к 2030 году»"): the name's word, not a date."""
    return at(tokens, k - 1).lower in AIMED and inside_quotes(tokens, k)


def inside_quotes(tokens: list["Token"], k: int) -> bool:
    """Whether token k stands inside a name in quotes ("«Architecture of Security: A Look to 2030»")."""
    texts = [token.text for token in tokens[:k]]
    opened = any(texts.count(opening) > texts.count(closing) for opening, closing in QUOTE_PAIRS)
    return opened or texts.count('"') % 2 == 1


def russian_ordinal(tokens: list["Token"], k: int) -> bool:
    """Whether token k is a number with a Russian ordinal's ending joined by a hyphen ("11-е", "30-го")."""
    token, hyphen = at(tokens, k), at(tokens, k + 1)
    return (
        token.text.isdigit()
        and hyphen.text == "-"
        and hyphen.start == token.end
        and at(tokens, k + 2).lower in ORDINAL_ENDINGS_RU
    )


def at(tokens: list["Token"], k: int) -> "Token":
    """Token k, or an empty one past either end."""
    return tokens[k] if 0 <= k < len(tokens) else NO_TOKEN


def is_number_comma(tokens: list["Token"], k: int) -> bool:
    """Whether token k is a comma inside a number ("1,1 млн", "6,421 kandas")."""
    return (
        tokens[k].text == "," and touches(tokens, k) and tokens[k - 1].text.isdigit() and tokens[k + 1].text.isdigit()
    )


@dataclass
class Proposal:
    start: dt.date
    end: dt.date
    precision: str  # Event.Precision: day, month or year
    sentence: str
    event_type: EventType | None = None
    visit_level: str = ""
    title: str = ""
    place: dict | None = None  # {"city": ..., "country": "RU", "timezone": ...}
    people: list[Person] = field(default_factory=list)
    language: str = "en"
    reason: str = ""  # why the date is likely not an event (a treaty's, an anniversary's first day): proposed unticked
    vague: bool = False  # its days are a whole week ("this week"): a day named later is one of its events'
    listed: bool = False  # a line of a programme under its day's heading
    news: bool = False  # dated by the publication only ("В Пекине прошло заседание"): days named later are its own
    titled: bool = False  # named by a title line over the line of its days: a programme below is its programme
    programme: bool = False  # listed below a line saying a programme follows ("PROGRAMME", "Программа семинара")

    @property
    def iso(self) -> str:
        if self.precision == Event.Precision.YEAR:
            return f"{self.start:%Y}"
        if self.precision == Event.Precision.MONTH:
            months = (self.start.year, self.start.month) != (self.end.year, self.end.month)
            return f"{self.start:%Y-%m}..{self.end:%Y-%m}" if months else f"{self.start:%Y-%m}"
        return self.start.isoformat() if self.start == self.end else f"{self.start}..{self.end}"

    @property
    def place_name(self) -> str:
        if not self.place:
            return ""
        with translation.override(self.language):
            country = str(countries.name(self.place["country"]))
        return f"{self.place['city']}, {country}" if self.place.get("city") else country


@dataclass
class Token:
    """A word or a mark of a sentence; its lower case and its lemma are worked out once (a date's readers ask them of
    the same words many times)."""

    text: str
    start: int
    end: int
    lower: str = field(init=False, repr=False, compare=False)
    lemma: str | None = field(default=None, init=False, repr=False, compare=False)  # set by DateReader.lemma

    def __post_init__(self):
        self.lower = self.text.lower()


NO_TOKEN = Token("", 0, 0)  # what at() gives past either end of a sentence


@functools.cache
def default_analyzer():
    """pymorphy3's morphological dictionary, loaded once (it takes a second)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


class Morphology:
    """Russian word forms, from an analyzer with pymorphy3's parse() (its MorphAnalyzer unless one is given).

    A release repeats its words, and pymorphy3 takes tens of microseconds a word: each word is analysed once. The
    caches are bounded, as a text may be made of distinct words.
    """

    def __init__(self, analyzer=None):
        self.analyzer = analyzer
        self.analysis = functools.lru_cache(maxsize=50_000)(self.read)
        self.lemma = functools.lru_cache(maxsize=50_000)(self.dictionary_form)

    def read(self, word: str) -> tuple[str, str | None, str | None, str | None]:
        """The likeliest reading of a lower-case Russian word: (dictionary form, part of speech, tense, number)."""
        parse = (self.analyzer or default_analyzer()).parse(word)[0]
        return parse.normal_form, parse.tag.POS, parse.tag.tense, parse.tag.number

    def dictionary_form(self, word: str, language: str) -> str:
        word = word.lower().replace("ё", "е")
        if language != "ru" or not re.fullmatch(r"[а-я-]+", word):
            return word
        return self.analysis(word)[0].replace("ё", "е")


@functools.cache
def shared_morphology() -> Morphology:
    """The morphology of every reading that is not given its own: its caches serve all releases."""
    return Morphology()


@functools.cache
def month_names(language: str) -> dict[str, int]:
    """Month names (and English abbreviations) in the language, as lemmas, from Django's translations."""
    lemma = shared_morphology().lemma
    with translation.override(language):
        names = {lemma(str(MONTHS[number]), language): number for number in range(1, 13)}
    if language == "en":
        names.update({name[:3]: number for name, number in list(names.items()) if name != "may"})
    return names


def detect_language(text: str) -> str:
    """ "ru" when the text has more Cyrillic letters than Latin ones, else "en": the calendar's two languages differ
    by their alphabet, so counting letters tells them apart (a Russian release quoting "EAEU" or "OSCE" stays
    Russian). The first 2,000 letters of each alphabet decide."""
    cyrillic = latin = 0
    for match in LETTERS.finditer(text, 0, MAX_TEXT):
        if match.group().isascii():
            latin += 1
        else:
            cyrillic += 1
        if max(cyrillic, latin) >= 2_000:
            break
    return "ru" if cyrillic > latin else "en"


def split_sentences(text: str) -> list[str]:
    """Sentences, and lines that are not continued (headlines, datelines), as separate units."""
    return [sentence for paragraph in split_paragraphs(text) for sentence in paragraph]


# Verbs of an event's happening: with them, a name alone is an event's ("INNOPROM will take place", "пройдёт").
OCCURRING = {"place", "held", "open", "opens", "opened", "run", "runs", "start", "starts", "begin", "begins",
             "began", "пройти", "проходить", "состояться", "открыться", "открываться", "стартовать", "начаться",
             "начинаться", "завершиться", "продлиться"}  # fmt: skip
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# A programme's line led by a time: "09:30 – 10:15 Opening", "17:00 Reception".
TIME_LINE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[-–—]|\s+(?=[^\W\d]))")
# Words opening a paragraph that keep the year named before: "That winter taught us…", "В тот год…".
THAT_TIME = re.compile(
    r"(?:that|the same)\s+(?:year|winter|spring|summer|autumn|fall|month)\b|"
    r"(?:в\s+)?(?:тот|том|той|тем)\s+(?:же\s+)?(?:год|году|зимой|весной|летом|осенью|месяце)\b",
    re.IGNORECASE,
)
# A line saying a programme follows: "PROGRAMME", "Provisional programme", "The programme, day by day:", "Программа".
PROGRAMME_LINE = re.compile(
    r"(?:the\s+)?(?:(?:provisional|preliminary|draft|final|detailed)\s+)?(?:programme|program|agenda)\b|"
    r"(?:предварительная\s+|проект\s+)?программа\b",
    re.IGNORECASE,
)


def split_paragraphs(text: str) -> list[list[str]]:
    """The sentences of each paragraph (a line that is not continued: a headline, a dateline is one too).

    A full stop ends a sentence unless it ends an abbreviation ("St.", "Mr.", "г.") or an initial ("В.").
    """
    found = []
    for paragraph in paragraphs(text):
        sentences = []
        paragraph = " ".join(paragraph.split())
        start = 0
        for match in SENTENCE_END.finditer(paragraph):
            # The word before the full stop, found from the stop: splitting all the text since the last sentence
            # would read a run of abbreviations ("Mr. … St. … г. …") once per abbreviation.
            word_start = max(start, paragraph.rfind(" ", start, match.start()) + 1)
            word = paragraph[word_start : match.start()].rstrip('"»”').rstrip(".!?").lstrip("(«\"“'[")
            last_word = word.lower()  # "(г."
            following = paragraph[match.end() :].split(maxsplit=1)[:1]
            # initials before a name: "Б.Н. Ельцина", "J.R.R. Tolkien" (single letters always); a list's number
            # ("1. Special Session"), not a room's ("в кабинете № 3. Обсуждаем")
            single = len(last_word) == 1 and (last_word.isalpha() or word_start == start)
            initials = single or (
                INITIALS.fullmatch(word) and following and following[0].lower() not in SENTENCE_OPENERS
            )
            if paragraph[match.start() - 1] == "." and (last_word in ABBREVIATIONS or initials):
                continue
            if in_quotes(paragraph, start, match):
                continue  # «Иннопром. Центральная Азия»: a name's full stop
            sentences.append(paragraph[start : match.start()])
            start = match.end()
        sentences.append(paragraph[start:])
        if any(sentence.strip() for sentence in sentences):
            found.append([sentence.strip() for sentence in sentences if sentence.strip()])
    return found


def in_quotes(paragraph: str, start: int, stop: re.Match) -> bool:
    """Whether a full stop is inside a short name in «» or “” quotes («Иннопром. Центральная Азия»), not in a quoted
    speech of several sentences."""
    for opening, closing in QUOTE_PAIRS:
        opened = paragraph.rfind(opening, max(start, stop.start() - QUOTED_NAME), stop.start())
        if opening == closing:  # straight quotes: open when an odd number of them stands before the stop
            opened = opened if paragraph.count(opening, start, stop.start()) % 2 else -1
        elif paragraph.find(closing, opened, stop.start()) != -1:
            continue
        if opened == -1:
            continue
        before = paragraph[start:opened].rstrip().lower()
        closed = paragraph.find(closing, stop.end(), opened + QUOTED_NAME + 1)
        # a name set off by commas: 'a round table, "Who Owns the Image? Archives, Rights and Restitution", will be'
        named = before.endswith(",") and closed != -1 and paragraph[closed + 1 : closed + 2] == ","
        if not before or (before.endswith((":", ",", " что", " that")) and not named):
            continue  # a quotation opens the sentence or follows a colon, a comma, "что": speech
        if closed != -1 and len(paragraph[stop.end() : closed].split()) <= QUOTED_NAME_WORDS:
            return True  # a name goes on for a few words after its full stop: «Иннопром. Центральная Азия»
    return False


def paragraphs(text: str) -> list[str]:
    """The text's lines; a line break ends one unless the next line continues it (starts in lower case)."""
    found, start = [], 0
    for match in LINE_BREAK.finditer(text):
        if not CONTINUED_LINE.match(text, match.end()):
            found.append(text[start : match.start()])
            start = match.end()
    found.append(text[start:])
    return found


def parse_dates(value: str) -> tuple[dt.date, dt.date, str]:
    """Read the dates of a proposal as written: 2017-11-14..2017-11-15, 2017-11-14, 2015-06, 2015-09..2015-11 or 2014.

    A month, or months (a season), is kept as the first day of each: the event's form and model know it by its
    precision.
    """
    value = value.strip()
    precision = Event.Precision.DAY
    try:
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31), Event.Precision.YEAR
        if re.fullmatch(r"\d{4}-\d{2}(?:\.\.\d{4}-\d{2})?", value):
            precision = Event.Precision.MONTH
            value = re.sub(r"(\d{4}-\d{2})", r"\1-01", value)
        first, _sep, last = value.partition("..")
        start = dt.date.fromisoformat(first)
        end = dt.date.fromisoformat(last) if last else start
    except ValueError as error:
        raise ValueError(
            _(
                "Write the dates as 2017-11-14..2017-11-15, 2017-11-14, 2015-06 (a month), 2015-09..2015-11 "
                "(months) or 2014 (a year)."
            )
        ) from error
    if end < start:
        raise ValueError(_("The last day is before the first."))
    return start, end, precision


# Words just before the date something was created or began on: "was created on 25 June 1992", "с момента его
# создания в 2017 году", "began in 2011".
CREATED = {"created", "создать", "создание", "создан", "began", "begun", "начаться"}
CAPTION_WORDS = {"photo", "photos", "video", "gallery", "source", "credit", "фото", "фотогалерея", "видео", "источник"}


# Words that open a clause of a place or a thing just named: "…from Varna, where the Olympiad took place".
WHERE_CLAUSES = {"where", "which", "где", "куда", "который", "которая", "которое", "которые"}


def nearer_next(tokens: list[Token], end: int, word: int, following: int) -> bool:
    """Whether the event word after a date (which ends at `end`) is nearer the next date, in the same clause:
    "Переизбранный 20 ноября на пост Президента, свой первый визит совершил 28 ноября": the 28th's visit."""
    # or in a clause of a place after it, with the next date: "returned on Monday from Varna, where the Olympiad took
    # place from 9 to 16 July"
    where = any(tokens[k].text == "," and at(tokens, k + 1).lower in WHERE_CLAUSES for k in range(end, word))
    if following - word >= word - end and not where:
        return False
    # (an abbreviation in brackets there is no clause: "the Olympiad of Young Scientists (IOYS) took place")
    return not any(is_clause_mark(tokens, k) and not (where and tokens[k].text in "()") for k in range(word, following))


def is_heading(paragraph: list[str], longest: int = 8) -> bool:
    """Whether a paragraph is a heading line: one short sentence without a full stop ("Exhibition: Glass Horizons"),
    not a photo's caption or credit ("Photo: press service of the Forum", "Forum of Regions: photo gallery")."""
    if len(paragraph) != 1 or paragraph[0].endswith((".", "!", "?", ";")) or len(paragraph[0].split()) > longest:
        return False
    return not set(TOKEN.findall(paragraph[0].lower())) & CAPTION_WORDS


def as_of(tokens: list[Token], first: int) -> bool:
    """Whether the date at token first is what figures are counted up to, no event's: "As of 31 March 2024, NDC
    maintained…", "По состоянию на 1 мая 2022 года…" (not a programme's version in brackets: "(as of 2 September)",
    read with its heading)."""
    before = [token.lower for token in tokens[max(0, first - 4) : first]]
    return (before[-2:] == ["as", "of"] or before[-3:] == ["по", "состоянию", "на"]) and "(" not in before
