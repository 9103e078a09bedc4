"""Slugs: the words an address is made of, and unique slugs for any model with a `slug` field (one rule for a
single save and for an import's batch).

An event's slug is short and carries its year: a visit of a named person to a place as people say it, who first
("lavrov-visit-to-minsk-2027"), any other title's meaningful words (function words and the titles of office that most
titles repeat left out), at most five of them, then the year it starts, if known. A Russian-only title is
transliterated.

A unique slug is the base, cut to leave room for a number, and then "<base>-2", "<base>-3"... until one is free. The
room comes from the model's own slug field, so that a number never makes the slug longer than the column. A model may
keep addresses of its own besides its rows' slugs (an event's old slugs, which still lead to it): it names them by
a class method reserved_slugs(candidates, exclude_pk), and those are taken too.
"""

import re
from collections.abc import Callable, Iterable

from django.utils.text import slugify

BATCH = 500  # values per IN (...) list: below every database's limit on parameters

# Russian (and Belarusian, Ukrainian) letters in Latin ones, as the passports' (ICAO) transliteration writes them,
# which is the spelling readers know from the names of people and places ("Makei", "Lavrov", "Minsk").
# fmt: off
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ў": "u", "ї": "yi", "є": "ye", "ґ": "g",
}
# fmt: on

# Words that say nothing of which event it is, in the language they are written in: function words, the years'
# words ("2018 год"), and titles of office, which nearly every title of a ministry's calendar repeats.
# fmt: off
STOP_WORDS = frozenset([
    "a", "an", "the", "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "from", "into", "onto", "as",
    "about", "between", "within", "during", "upon", "via", "its", "his", "her", "their", "this", "that", "these",
    "those", "is", "are", "be", "was", "were", "will", "mr", "mrs", "ms", "dr", "h", "e", "excellency",
    "minister", "ministers", "foreign", "deputy", "president", "prime", "chairman", "chairwoman", "chairperson",
    "secretary",
    "в", "во", "на", "по", "и", "с", "со", "к", "ко", "о", "об", "обо", "от", "до", "из", "изо", "у", "за", "для",
    "при", "над", "под", "а", "но", "или", "же", "ли", "не", "ни", "рамках", "между", "перед", "через", "после",
    "около", "также", "как", "что", "это", "его", "ее", "их", "год", "года", "году", "годы", "гг", "г",
    "иностранных", "дел", "господин", "госпожа", "н",
])
# fmt: on
# Russian titles of office, in any case ending.
STOP_STEMS = ("министр", "президент", "заместител", "председател", "премьер", "секретар")

# Years in a title ("for 2018−2019") are left out: the slug ends with the event's own year.
YEAR = re.compile(r"^(1[89]|2[0-2])\d\d$")
WORD = re.compile(r"[^\W_]+")

# "<kind> of|by <...office> <Name> to|in <Place>": a named person is the one to three capitalised words right after a
# title of office ("Foreign Minister Sergey Lavrov"), or a given name and a surname after what the office is of
# ("President of China Xi Jinping"; "Minister of Foreign Affairs" alone names no one); the place, the capitalised
# words after the last "to" or "in".
OFFICES = (
    r"(?:Minister|President|Secretary|Chairman|Chairwoman|Chairperson|Speaker|Ambassador|Envoy|King|Queen|Prince|"
    r"Emir|Sultan|Chancellor|Governor|Mayor|Director)"
)
NAME = r"[A-Z][\w'’.-]+"
OF_WHAT = rf" (?:of|for) (?:the )?{NAME}(?: (?:(?:of|for|the) )*{NAME})*?"
VISIT = re.compile(
    rf"^(?P<kind>[\w ]+?) (?:of|by) (?:the )?(?:\w+ )*?{OFFICES}"
    rf"(?: (?:{NAME} ){{0,2}}|{OF_WHAT} {NAME} (?:{NAME} )?)(?P<surname>{NAME})"
    rf" (?P<to>to|in) (?:the )?(?P<place>{NAME}(?: {NAME})*)$"
)

# The words a slug keeps: the first three (what happens) and the last two (mostly where, or who).
FIRST_WORDS, LAST_WORDS = 3, 2
# The words' part of an event's slug, at most, leaving room for the year and a number.
WORDS_LENGTH = 100


def transliterate(text: str) -> str:
    """The text in lower case, Cyrillic letters in Latin ones (CYRILLIC); other characters as they are."""
    return "".join(CYRILLIC.get(char, char) for char in text.lower())


def words(text: str) -> list[str]:
    """The words of a text as a slug writes them: in Latin letters, lower case, without punctuation."""
    return [word for word in slugify(transliterate(str(text or ""))).split("-") if word]


def meaningful_words(title: str) -> list[str]:
    """The words of a title that tell its event from others (STOP_WORDS and years left out), as a slug writes them."""
    kept = []
    # An apostrophe joins its word ("O'Brien's" is one word).
    title = str(title or "").lower().replace("ё", "е").replace("'", "").replace("’", "")
    for word in WORD.findall(title):
        if word in STOP_WORDS or word.startswith(STOP_STEMS) or YEAR.match(word):
            continue
        kept += words(word)
    return kept


def title_slug(title: str) -> str:
    """A title's words for a slug: its meaningful words, at most five (the first three and the last two)."""
    chosen = meaningful_words(title)
    if len(chosen) > FIRST_WORDS + LAST_WORDS:
        chosen = chosen[:FIRST_WORDS] + chosen[-LAST_WORDS:]
    slug = ""
    for word in chosen:
        if len(slug) + len(word) + 1 > WORDS_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word[:WORDS_LENGTH]
    return slug


def visit_slug(title: str) -> str:
    """A visit's words as people say them, who first: "Working visit of Russian Foreign Minister Sergey Lavrov to
    Minsk" is "lavrov-visit-to-minsk". Only for an English title of that shape (a kind of event, "of" or "by" a
    named holder of an office, "to" or "in" a place at the end); "" for any other."""
    shape = VISIT.match(str(title or "").strip())
    if not shape:
        return ""
    kind = words(shape["kind"])[-1:]
    who, where = words(shape["surname"]), words(shape["place"])
    if not (kind and who and where) or kind[0] in STOP_WORDS:
        return ""
    return "-".join([*who, *kind, shape["to"].lower(), *where])[:WORDS_LENGTH].strip("-")


def event_words(event) -> str:
    """The words an event's slug is made of: a visit's as people say them (visit_slug), else the meaningful words of
    its English title, else of its Russian one; "event" if neither has any."""
    english = event.title_en or ""
    return visit_slug(english) or title_slug(english) or title_slug(event.title_ru or "") or "event"


def event_slug_base(event) -> str:
    """The slug an event is named by: its title's words and the year it starts, if known."""
    return f"{event_words(event)}-{event.start_date.year}" if event.start_date else event_words(event)


def numbered(model, base: str, number: int) -> str:
    """The slug to try for a base: the base itself (number 1), then "<base>-<number>"; always fits the column."""
    longest = model._meta.get_field("slug").max_length
    return base[: longest - 5] if number == 1 else f"{base[: longest - 10]}-{number}"


def taken_slugs(model, candidates: list[str], *, exclude_pk=None) -> set[str]:
    """The candidates that another row has as its slug, or keeps as an address (reserved_slugs)."""
    rows = model.objects.exclude(pk=exclude_pk) if exclude_pk is not None else model.objects.all()
    taken = set(rows.filter(slug__in=candidates).values_list("slug", flat=True))
    reserved = getattr(model, "reserved_slugs", None)
    if reserved is not None:
        taken |= reserved(candidates, exclude_pk=exclude_pk)
    return taken


def unique_slug(model, base: str, *, exclude_pk=None) -> str:
    """The first free slug for base among the model's rows (the row exclude_pk, the one being saved, aside)."""
    number = 1
    while taken_slugs(model, [numbered(model, base, number)], exclude_pk=exclude_pk):
        number += 1
    return numbered(model, base, number)


def free_slugs(model, requests: Iterable[tuple[list[str], str]]) -> list[str]:
    """For each request (the slugs it keeps if free, in order, then its base), the slug unique_slug would give,
    none given twice: a query per round of tries for all requests together, not one per try."""
    choices = [choices_of(model, preferred, base) for preferred, base in requests]
    given: set[str] = set()
    result: list[str] = [""] * len(choices)
    tried, size, waiting = [0] * len(choices), 1, list(range(len(choices)))
    while waiting:
        candidates = sorted({choices[i](n) for i in waiting for n in range(tried[i], tried[i] + size)})
        taken = set()
        for start in range(0, len(candidates), BATCH):
            taken |= taken_slugs(model, candidates[start : start + BATCH])
        still = []
        for i in waiting:
            tries = (choices[i](n) for n in range(tried[i], tried[i] + size))
            slug = next((slug for slug in tries if slug not in taken and slug not in given), "")
            if slug:
                result[i] = slug
                given.add(slug)
            else:
                tried[i] += size
                still.append(i)
        waiting, size = still, size * 10
    return result


def choices_of(model, preferred: list[str], base: str) -> Callable[[int], str]:
    """The n-th slug to try: the preferred ones, then the base, then the base numbered 2, 3..."""

    def choice(n: int) -> str:
        return preferred[n] if n < len(preferred) else numbered(model, base, n - len(preferred) + 1)

    return choice
