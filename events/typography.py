"""Russian typography: non-breaking spaces where a line of a Russian page must not break.

Russian typesetting keeps a short word with the word after it ("в Россию", "и Белоруссии"), a number with its unit,
month or counted word ("14 ноября", "2017 г.", "5 дней", "10 км"), and a dash with the word before it (no line
begins with a dash). typeset_text() puts U+00A0 in those spaces and changes nothing else; typeset_html() does it in
the text of an HTML page only, never inside a tag (attribute values stay as they are) nor in an element whose text
is not prose (script, style, pre, textarea, code; and select, whose options never wrap); typeset_response()
does it to a rendered Russian page.

Every rule turns one ordinary space (U+0020) into U+00A0, so the text keeps its length and everything but those
spaces. Whitespace made of line breaks or of several spaces (a template's layout) is left alone: the page looks the
same wherever no rule applies.
"""

import bisect
import re

from django.utils.translation import get_language

NBSP = "\u00a0"
# The languages whose pages are typeset (English leaves these breaks to the browser).
LANGUAGES = {"ru"}

# Inline elements continue the text around them ("в <a>Россию</a>" keeps "в" with "Россию"); any other tag, a
# comment, or an element whose content is not prose ends it.
INLINE_ELEMENTS = "a|abbr|b|bdi|bdo|cite|data|dfn|em|i|kbd|mark|q|s|small|span|strong|sub|sup|time|u|var"
MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    # An element whose content is not prose, up to its end tag (or the end of the document, as a browser reads it).
    r"|<(?P<raw>script|style|pre|textarea|code|select)\b[^>]*>.*?(?:</(?P=raw)\s*>|\Z)"
    rf"|(?P<inline></?(?:{INLINE_ELEMENTS})(?=[\s/>])[^>]*>)"
    r"|</?[a-z][^>]*>"
    r"|<[!?][^>]*>",
    re.IGNORECASE | re.DOTALL,
)
# What a tag that ends the text leaves in it: a character that is neither a word nor a space (a non-character).
BREAK = "\ufdd1"

LETTER = r"[^\W\d_]"
LOWER = "[a-zа-яё]"
UPPER = "[A-ZА-ЯЁ]"
# The end of a word: not a hyphenated word's last part ("из-за", "по-русски") nor a word after an apostrophe.
WORD_START = r"(?<![\w\-'’\u00ad])"
# Units written with a capital (most units, and every month, are lower case).
CAPITAL_UNITS = r"(?:[кМГТ]?Вт|[кМГТ]?Гц|[КМГТ]Б|[КМГТ]бит|[kMGT]?W|[kMGT]?Hz|[KMGT]B)(?!\w)"

# Each rule: what comes before the space (a pattern of fixed width), and what comes after it.
RULES = (
    # A word of one or two letters, any case, Cyrillic or Latin ("в", "на", "И", "IV"), with whatever follows it.
    (f"{WORD_START}{LETTER}", rf"[^\s{BREAK}]"),
    (f"{WORD_START}{LETTER}{{2}}", rf"[^\s{BREAK}]"),
    # A number with its unit, month or counted word (in lower case), or a sign: "14 ноября", "2017 г.", "5 дней",
    # "450 млн", "2400 МВт", "50 %".
    (r"\d", f"{LOWER}|{CAPITAL_UNITS}|[%‰°℃$€£₽]"),
    # The groups of a large number: "15 000", "1 000 000" (not "2014 100": groups have three digits at most).
    (r"(?<!\d{3})\d", r"\d{3}(?!\d)"),
    # The number sign and the section sign with their number: "№ 5", "§ 3".
    ("[№§]", r"\d"),
    # Initials with the name ("В. Путин", "В. В."), and abbreviations of two letters ("т. е.", "и т. д.").
    (rf"{WORD_START}{UPPER}\.", UPPER),
    (rf"{WORD_START}{LOWER}\.", rf"{LOWER}\."),
    # A dash between words stays with the word before it: "государств — участников", "Минск – Москва".
    (rf"[^\s{BREAK}]", rf"[—–](?:[\s{BREAK}]|$)"),
)
# One pass over the text: every candidate is a space (found fast, as a literal), then each rule looks around it.
SPACE = re.compile(" (?:" + "|".join(f"(?<={before} )(?={after})" for before, after in RULES) + ")")


def typeset_text(text: str) -> str:
    """Put non-breaking spaces into plain text where Russian typesetting keeps words on one line."""
    return _replace_spaces(text, [match.start() for match in SPACE.finditer(text)])


def typeset_html(html: str) -> str:
    """Put non-breaking spaces into the text of an HTML document, leaving its markup byte for byte as it is."""
    # The document's text as a reader sees it run on: inline tags left out, other markup as a BREAK. Each text
    # segment's place in both, so that a space found in the text is found again in the document.
    text, starts, offsets = [], [], []
    length, position = 0, 0
    for match in MARKUP.finditer(html):
        segment = html[position : match.start()]
        starts.append(length)
        offsets.append(position)
        text.append(segment)
        length += len(segment)
        if not match.group("inline"):
            text.append(BREAK)
            length += 1
        position = match.end()
    starts.append(length)
    offsets.append(position)
    text.append(html[position:])
    spaces = []
    for match in SPACE.finditer("".join(text)):
        segment = bisect.bisect_right(starts, match.start()) - 1
        spaces.append(offsets[segment] + match.start() - starts[segment])
    return _replace_spaces(html, spaces)


def _replace_spaces(text: str, positions: list[int]) -> str:
    pieces, previous = [], 0
    for position in positions:
        pieces.append(text[previous:position])
        previous = position + 1
    pieces.append(text[previous:])
    return NBSP.join(pieces)


def typeset_response(response):
    """Typeset a rendered HTML page in place when it is in one of LANGUAGES (the active language); return it."""
    language = (get_language() or "").split("-")[0]
    if language in LANGUAGES and not response.streaming and response.get("Content-Type", "").startswith("text/html"):
        charset = response.charset
        response.content = typeset_html(response.content.decode(charset)).encode(charset)
    return response
