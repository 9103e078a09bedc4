"""Events that frame or time another: the event of a date is the one framed ("on the sidelines of the forum, the
ministers signed…", "в рамках форума 16 мая состоится заседание", "по итогам переговоров подписан протокол"), unless
the frame's own happening is told after it ("the meeting of the Committee held on 15 and 16 May", "в рамках Дней
культуры, которые открываются сегодня"); an event timed or dedicated to another is itself the event ("Выставка,
подготовленная к конференции"); a body of an event is no event ("заседание оргкомитета конференции"); an event's word
that only owns another ranks below it ("the festival's awards ceremony"); meeting for an event is that event
("historians met for a seminar"); the event a time counts from is none ("25 лет со дня подписания"); a round of a
contest is no talks.

Pure functions of a sentence's tokens; what needs word forms or the sentence is asked of the reader (the KindReader).
"""

from .release_words import GENERAL_TYPE, Token, at, is_clause_mark

# Prepositions that end the name after a frame word ("в рамках «правительственного часа» на заседании").
FRAME_STOPS = {"на", "в", "во", "с", "at", "in", "on", "with", "during"}
# Words before the event that frames another ("on the sidelines of the forum", "в рамках форума", "на полях"): the
# event of the date is the one named after them.
FRAMES = {"sidelines", "margins", "margin", "fringes", "framework", "within", "рамках", "полях", "кулуарах"}
# Bodies an event has: its word after them names the body's event, not the date's ("the organising committee of the
# conference", "заседание оргкомитета конференции": the committee met).
BODIES = {"committee", "committees", "secretariat", "board", "bureau", "directorate", "комитет", "оргкомитет",
          "секретариат", "дирекция", "бюро"}  # fmt: skip
BODY_MEETINGS = {"meeting", "session", "заседание", "совещание", "встреча"}
# Frame words of two: "по итогам переговоров состоялось подписание", "на площадке фестиваля состоялась церемония" (the
# talks, the festival are not the event; "оценку итогам" is no frame).
FRAME_PAIRS = {("по", "итогам"), ("на", "площадке")}
FRAME_REACH = 7
# Participles of an event's happening after its name: "the meeting held on", "форума, прошедшего 15 мая".
HELD_WORDS = {"held", "taking", "прошедший", "прошедшего", "прошедшей", "прошедшем", "прошедших", "состоявшегося",
              "состоявшейся", "состоявшемся", "состоявшихся", "проходившего", "проходившей", "проходивших",
              "проходящего", "проходящей", "завершившегося", "завершившейся", "завершившихся", "открывшегося",
              "открывшейся", "открывшихся"}  # fmt: skip
# How far after "which"/"который" its verb may stand: ", which will be held on", ", которые открываются".
RELATIVE_REACH = 3
# Words that time or dedicate an event to another: the other is no event of the date ("Выставка, подготовленная к
# конференции, будет работать с 1 по 26 февраля", "the exhibition, timed to coincide with the conference").
TIMED = {"timed", "coincide", "dedicated", "devoted", "prepared", "приурочить", "подготовить", "посвятить"}
TIMED_REACH = 4
TIMED_LINKS = {"к", "ко", "to", "with", "for", "by"}  # "prepared by forum participants": no forum
OWN_DAY_REACH = 5  # "По итогам визита министра в Китай 14–16 мая": the visit's days
# How far after an event's word in the possessive its own part may be named ("the festival's opening gala concert").
OWNED_WORDS = 3
OWNED_DAYS = {"day", "days", "eve", "evening", "morning"}  # "on the festival's first day"
EVENTS_OWN = {"director", "directors", "curator", "curators", "organisers", "organizers", "founder", "founders",
              "jury", "president", "chair", "chairman", "secretariat", "website", "programme", "program", "guests",
              "participants"}  # fmt: skip
# Guests an event's word may be of: "a delegation of the Kissinger Sommer festival", "делегация фестиваля «Джаз»".
OWNING_GUESTS = {"delegation", "delegations", "делегация"}
OWNING_REACH = 6  # how far before an event's word the delegation's word may stand
# In Russian, an event's word in the genitive after its people's word or a performance's, past adjectives (at most
# OWNER_REACH words back): "Заключительный концерт фестиваля", "с гостями молодёжного фестиваля".
OWNER_REACH = 3
EVENTS_PEOPLE_RU = {"гость", "участник", "организатор", "директор", "жюри", "лауреат", "победитель"}
# Meeting for another event, or its meeting: "historians met for a seminar", "the Congress, which meets next spring".
MEETING_VERBS = {"met", "meet", "meets", "собраться", "собираться"}
MEETS_REACH = 6  # how far after the verb "for" and the event's words may stand
# Words before an event's word that make it the day something counts from: "25 лет со дня подписания Договора", "с
# момента открытия", "25 years since the signing of the Treaty".
COUNTED_FROM = (["со", "дня"], ["с", "момента"], ["since", "the"])
# Contests a round may be a stage of ("the final round of the competition"), and how far after "of" they are named.
CONTESTS = {"competition", "contest", "olympiad", "championship", "tournament", "elections", "election", "cup",
            "applications", "application", "entries", "submissions", "grants", "funding"}  # fmt: skip
CONTEST_REACH = 8
# A round of applications or of a contest, not of talks: "the current round is open", "the written round".
ROUND_STAGES = {"current", "written", "oral", "qualifying", "final", "funding", "application", "applications"}
# Words that make what follows an event's topic ("a press conference dedicated to the festival's results"), and how
# far back from an event word they are read.
DEDICATED = {"dedicated", "devoted", "посвятить", "посвящённый", "посвященный"}
DEDICATED_WORDS = 6
# General words that own no event after them: a placeholder ("Главное мероприятие фестиваля"), an opening ("Церемония
# открытия выставки"), an anniversary ("к 80-летию первой сессии": the session's day).
NOT_OWNERS = {"мероприятие", "церемония", "летие", "годовщина", "юбилей"}


def framed(tokens: list[Token], position: int, reader) -> bool:
    """Whether the event word at position frames another: a frame word shortly before it with nothing between that
    blocks (reader.blocks_frame(token): another event's word, a verb, a preposition; a clause mark always does) ("on
    the margins of the Munich Security Conference", "в рамках Восточного экономического форума"); not "в рамках
    форума пройдёт встреча" or "в рамках «правительственного часа» на заседании", where the meeting is the event."""
    for k in range(position - 1, max(-1, position - FRAME_REACH), -1):
        if tokens[k].lower in FRAMES:
            return not held_after(tokens, position, reader)
        if (at(tokens, k - 1).lower, tokens[k].lower) in FRAME_PAIRS:
            # "По итогам переговоров 3 апреля принято заявление", "По итогам визита, который завершился 20 мая,
            # подписан протокол": the day right after it, or its relative clause's, is its own
            return not (held_after(tokens, position, reader, past=True) or owns_day(tokens, position, reader))
        if reader.blocks_frame(tokens[k]) or is_clause_mark(tokens, k):
            return False
    return False


def held_after(tokens: list[Token], position: int, reader, *, past: bool = False) -> bool:
    """Whether the event word at position is followed in its clause by a participle of its happening, or by a
    relative clause whose verb is one (reader.happens(token)) and that ends the sentence (or any, of an event past),
    so that the date after it is its own: "on the sidelines of the meeting of the Committee held on 15 and 16 May",
    "в рамках форума, прошедшего в Мадриде 15 мая", "в рамках Дней армянской культуры, которые открываются
    сегодня"."""
    k, end = position + 1, min(len(tokens), position + FRAME_REACH + 8)
    while k < end:
        if tokens[k].lower in HELD_WORDS:
            return True
        if tokens[k].text == "," and relative(at(tokens, k + 1)):
            # not "On the sidelines of the forum, which opens today, the ministers signed…" (the signing the event)
            happening = any(reader.happens(token) for token in tokens[k + 2 : k + 2 + RELATIVE_REACH])
            return happening and (past or ends_sentence(tokens, k + 1, reader))
        if tokens[k].text == "(" and at(tokens, k + 2).text == ")":
            k += 3  # a short name in brackets: "the Emerging Markets (GEM) Committee held on"
            continue
        # (a dash inside the name is none: "Форума … государств – участников СНГ, который пройдёт")
        held = tokens[k].text == "," and at(tokens, k + 1).lower in HELD_WORDS
        if is_clause_mark(tokens, k) and not held and tokens[k].text not in "–—":
            return False
        k += 1
    return False


def relative(token: Token) -> bool:
    """Whether a word opens a relative clause: "which", "который" in any form."""
    return token.lower == "which" or token.lower.startswith("котор")


def timed_to(segment: list[Token], position: int, reader) -> bool:
    """Whether the event word at position is what another is timed or dedicated to, in the same clause, after a
    preposition ("подготовленная к конференции"; not "Специально подготовленная выставка", "Посвящённый Дню
    Победы концерт", "has prepared the festival")."""
    linked = False
    for k in range(position - 1, max(-1, position - 1 - TIMED_REACH), -1):
        if is_clause_mark(segment, k) or reader.kind_of(segment[k])[0] is not None:
            return False  # "Приуроченная к форуму выставка": what is timed is the exhibition
        linked = linked or segment[k].lower in TIMED_LINKS
        if not linked:
            continue
        if segment[k].lower in TIMED:
            return True
        lemma, part, *_ = reader.morphology.analysis(segment[k].lower)
        if reader.language == "ru" and lemma in TIMED and part == "PRTF":  # "подготовленная", not "подготовит"
            return True
    return False


def owns_day(segment: list[Token], position: int, reader) -> bool:
    """Whether a date of the sentence follows the event word at position in its clause ("По итогам переговоров
    3 апреля принято заявление", "По итогам визита в Китай 14–16 мая"), unless a signing follows and the event is
    already proposed over that day ("3–4 марта состоялось заседание. … По итогам заседания 4 марта подписан протокол":
    the signing's day)."""
    k = reader.sentence_index(segment[position])
    tokens = reader.clause_tokens
    mention = next((m for m in reader.sentence_mentions if k is not None and k < m.first <= k + OWN_DAY_REACH), None)
    if mention is None or any(is_clause_mark(tokens, n) for n in range(k + 1, mention.first)):
        return False
    signing = reader.type_for("signing")
    signed = any(reader.kind_of(t)[0] == signing for t in tokens[mention.end :])
    kind = reader.kind_of(segment[position])[0]
    return not (signed and any(p.start <= mention.start <= p.end and p.event_type == kind for p in reader.found))


def owned(segment: list[Token], position: int, reader) -> bool:
    """Whether an event's word only names what an event owns or who comes from it: in the possessive before its
    part, day or people ("the festival's awards ceremony", "on the festival's first day", "by the festival's artistic
    director"), or after a delegation ("a delegation of the Kissinger Sommer festival visited", "делегация
    фестиваля")."""
    k = reader.sentence_index(segment[position])  # the words after the segment's too
    tokens, k = (reader.clause_tokens, k) if k is not None else (segment, position)
    if tokens[k].text.endswith(("'s", "’s")):
        for token in tokens[k + 1 : k + 1 + OWNED_WORDS]:
            if token.lower in OWNED_DAYS or token.lower in EVENTS_OWN or reader.kind_of(token)[1]:
                return True
            if not token.text[:1].isalpha():
                return False
    kind = reader.kind_of(tokens[k])[0]  # an event's own word, not a visit's ("a delegation … on a working visit")
    if kind is None or kind.is_visit:
        return False
    if reader.language == "ru" and kind != reader.type_for("signing") and owner_before(tokens, k, reader):
        return True  # (not "Церемония подписания": a signing)
    before = tokens[max(0, k - OWNING_REACH) : k]
    guest = next((n for n in range(len(before) - 1, -1, -1) if reader.lemma(before[n]) in OWNING_GUESTS), None)
    if guest is None or any(not token.text[:1].isalpha() for token in before[guest:]):
        return False
    if reader.language != "ru":
        return any(token.lower == "of" for token in before[guest:])
    # in Russian, its genitive just after the delegation's word, past adjectives only ("делегация международного
    # фестиваля"; not "делегация посетила фестиваль", "делегация Узбекистана с рабочим визитом")
    return head_before(tokens, k, OWNING_REACH, reader) == max(0, k - OWNING_REACH) + guest


def owner_before(tokens: list[Token], k: int, reader) -> bool:
    """Whether a Russian event's word follows, in the genitive past adjectives only, an event of the general type's
    word or its people's ("Заключительный концерт фестиваля", "с гостями молодёжного фестиваля"; not "Главное
    мероприятие фестиваля", a placeholder, nor "Церемония открытия выставки", its opening, nor "в Доме приёмов МИД
    выставку")."""
    n = head_before(tokens, k, OWNER_REACH, reader)
    if n < 0 or not tokens[n].text[:1].isalpha():
        return False
    lemma, kind = reader.lemma(tokens[n]), reader.kind_of(tokens[n])[0]
    if lemma in EVENTS_PEOPLE_RU:
        return True
    one = reader.morphology.analysis(tokens[n].lower)[3] != "plur"  # not a name's "Дом приёмов"
    return kind is not None and kind.slug == GENERAL_TYPE and lemma not in NOT_OWNERS and one


def head_before(tokens: list[Token], k: int, reach: int, reader) -> int:
    """Where the word before token k stands that Russian adjectives (at most `reach` of them) lead to: the noun whose
    genitive token k is ("концерт молодёжного фестиваля"), or -1."""
    n = k - 1
    while n >= max(0, k - reach) and reader.morphology.analysis(tokens[n].lower)[1] == "ADJF":
        n -= 1
    return n


def ends_sentence(segment: list[Token], k: int, reader) -> bool:
    """Whether the clause that word k of the segment opens runs to the sentence's end."""
    i = reader.sentence_index(segment[k])
    tokens = reader.clause_tokens
    return i is not None and not any(is_clause_mark(tokens, n) for n in range(i + 1, len(tokens)))


def meets_for(segment: list[Token], position: int, reader) -> bool:
    """Whether a verb of meeting is for an event named after "for" ("met in Kuopio for the annual Seminar") or is one
    named before "which" ("the FIP Congress, which meets next spring"): that event is the date's."""
    if reader.lemma(segment[position]) not in MEETING_VERBS:
        return False
    end = min(len(segment), position + 1 + MEETS_REACH)
    if any(segment[k].lower == "for" and reader.names_event(segment, k + 1) for k in range(position + 1, end)):
        return True
    pronoun = at(segment, position - 1)
    opens = (relative(pronoun) or pronoun.lower == "that") and at(segment, position - 2).text == ","
    return opens and reader.kind_of(at(segment, position - 3))[0] is not None


def counted_from(segment: list[Token], position: int) -> bool:
    """Whether the event word at position is what a time counts from, no event of the date ("В текущем году
    исполняется 25 лет со дня подписания Договора", "This year marks 25 years since the signing of the Treaty")."""
    before = [at(segment, position - 2).lower, at(segment, position - 1).lower]
    return before in COUNTED_FROM or before[1] == "since"


def round_of_talks(segment: list[Token], position: int) -> bool:
    """Whether "round" is one of talks ("the previous round, held in Tashkent"), not a stage of a contest that frames
    it, "round table" or "year round"."""
    after = position + 1 + (at(segment, position + 1).text == "-")  # "Round-table"
    following = segment[after].lower if after < len(segment) else ""
    previous = segment[position - 1].lower if position else ""
    # "the regional round of the "Chinese Bridge" Competition", "the next round of scholarship applications": a stage
    # of a contest or of applications
    contest = following == "of" and any(t.lower in CONTESTS for t in segment[after + 1 : after + 1 + CONTEST_REACH])
    # "the current round is open until 1 July", "the written round, which closed", "the spring round of the youth
    # exchange": a stage of applications or of a contest
    stage = previous in ROUND_STAGES or following in ("opens", "closes", "closed")
    return (
        following not in ("table", "tables", "trip", "trips")
        and previous not in ("year", "all", "the-clock")
        and not contest
        and not stage
    )


def dedicated_to(segment: list[Token], position: int, reader) -> bool:
    """Whether the event word at position is the topic of an event named before it ("a press briefing devoted to the
    forum's preparations", "Пресс-конференция, посвящённая итогам фестиваля")."""
    for k in range(position - 1, max(-1, position - 1 - DEDICATED_WORDS), -1):
        if is_clause_mark(segment, k):
            return False
        if reader.lemma(segment[k]) in DEDICATED:
            return any(reader.kind_of(token)[0] is not None for token in segment[:k])
    return False
