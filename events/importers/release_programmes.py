"""An event's programme: the lines of a programme, on a day of an event of several days proposed before, that are
parts of it (its ceremonies, plenary and parallel sessions, receptions, events of its own type), not events of their
own (talks, a signing, a visit, an exhibition, a culture days' concerts): the proposals release.py leaves out."""

import re

from events.models import Event, EventType

from .release_words import GENERAL_TYPE, Proposal, Token, at

# An event's own parts: its opening and closing ceremonies, its plenary session (not its concerts: writers enter a
# festival's gala concert apart).
CEREMONY_STEMS = ("opening", "closing", "открыт", "закрыт")
PLENARY_STEMS = ("plenary", "пленарн")
# A titled event's own sessions among its programme's lines: "Session 1.", "Plenary session", "Секция 2".
PROGRAMME_PARTS = (*PLENARY_STEMS, "poster", "parallel", "panel", "секци", "параллельн")
# A session of no body named is the event's own ("Opening session", "17:00 Startup Alley pitch session"); not "Session
# of the Intergovernmental Commission", "сессия Совета".
SESSION_STEMS = ("session", "сесси", "заседан")
OTHER_BODY = re.compile(
    r"\b[Ss]ession\s+of\b|\b[Сс]есси\w*\s+[А-ЯЁ]|(?i:commission|committee|council|board|assembl|комисси|комитет|совет"
    r"|ассамбле|правлени)"
)
# Types of events of several days that have programmes of their own.
PROGRAMMED = {"forum", "festival", "culture-days"}
FIELD_VISIT = re.compile(
    r"\b(?:field|site|study|technical)\s+visit|excursion|экскурси|выездн|(?:техническ|ознакомительн)\w*\s+визит",
    re.IGNORECASE,
)
# An edition of the release's event, of a kind that recurs; an edition that is a book's or a law's is none.
EDITIONS = {"edition", "editions"}
RECURRING = {"festival", "exhibition", "forum", "culture-days", GENERAL_TYPE}
NOT_EVENT_EDITIONS = {"new", "limited", "revised", "updated", "special", "print", "online", "paperback", "first"}
NUMBERED_SESSION = re.compile(r"\b(?:session|сессия|секция|panel)\s+\d", re.IGNORECASE)
# Sessions in the plural on an event's day are its programme's: "thematic sessions", "тематические сессии".
PARALLEL = {"sessions", "сессии", "секции"}


def ceremony_of(proposal: Proposal, earlier: Proposal) -> bool:
    """Whether an opening or closing ceremony, a plenary session or a gala on a day of an event of several days
    proposed before is a part of it ("1 июня … церемония открытия", "гала-концерт и церемония закрытия фестиваля",
    "the plenary session on the forum's first day")."""
    # The proposal is the ceremony or the session itself (its title), told as the opening's or the plenary
    # ("церемония открытия", "пленарная сессия"); not talks in a sentence that also names a ceremony.
    # Its first two words: "Opening ceremony", "Technical sessions", "Пленарное заседание".
    if not (earlier.start <= proposal.start <= proposal.end <= earlier.end and earlier.start < earlier.end):
        return False  # (asked first: it is asked of every pair of proposals)
    head = re.findall(r"\w+", proposal.title.lower())[:2]
    if not any(word.startswith(("ceremon", "церемон", "session", "сесси", "заседан", "sitting")) for word in head):
        return False
    words = re.findall(r"\w+", f"{proposal.title} {proposal.sentence}".lower())
    told = any(word.startswith(("ceremon", "церемон")) for word in head)
    ceremony = told and any(word.startswith(CEREMONY_STEMS) for word in words)
    return (
        not earlier.event_type.is_visit
        and earlier.event_type.slug != "exhibition"  # an exhibition of two months hosts no other body's session
        and proposal.event_type.slug in ("other", "meeting")
        and proposal.precision == earlier.precision == Event.Precision.DAY
        and earlier.start <= proposal.start <= proposal.end <= earlier.end
        and earlier.start < earlier.end
        and not earlier.reason
        and (ceremony or any(word.startswith(PLENARY_STEMS) for word in words) or bool(set(head) & PARALLEL))
    )


# Events whose programme's concerts and performances of a day are events of their own (a culture days' concerts; not
# their opening or closing, a conference's reception, nor what runs all through the days).
PROGRAMMES_OF_EVENTS = {"culture-days"}


def programme_part(proposal: Proposal, earlier: Proposal) -> bool:
    """Whether a programme's line on a day of the event its title names is a part of that event (its ceremonies,
    receptions, events of its own type, its own sessions, its hours open), not talks, a signing, a visit or an
    exhibition listed apart ("10:30 Meeting of the heads of the postal operators", "13:00 Signing of the trilateral
    agreement", "Official visit of the President … begins")."""
    # the event of a title and its days; or of days a sentence gives ("Семинар пройдёт с 9 по 13 ноября") when a line
    # said a programme follows or its lines are under the heading of its days (not "Also this week:" and its days'
    # lines: events of their own)
    same_days = (proposal.start, proposal.end) == (earlier.start, earlier.end)
    programmed = earlier.titled or (
        (proposal.programme or same_days) and earlier.start < earlier.end and earlier.event_type.slug in PROGRAMMED
    )
    if not (
        programmed
        and proposal.listed
        and proposal.precision == earlier.precision == Event.Precision.DAY
        and earlier.start <= proposal.start <= proposal.end <= earlier.end
    ):
        return False
    # its opening or closing is its own ("Official opening at the Hanoi Opera House", "Closing gala")
    opening = any(word.startswith(CEREMONY_STEMS) for word in re.findall(r"[^\W\d_]+", proposal.sentence.lower())[:3])
    if proposal.event_type.slug == GENERAL_TYPE and not (
        earlier.event_type.slug in PROGRAMMES_OF_EVENTS and proposal.start == proposal.end and not opening
    ):
        return True
    if proposal.event_type == earlier.event_type:
        return True
    if proposal.event_type.is_visit and FIELD_VISIT.search(proposal.sentence):
        return True  # "Field visit to the Republican Centre"
    # "Session 1", "Poster session", "Пленарное заседание"; not "Session of the Intergovernmental Commission"
    words = re.findall(r"\w+", proposal.title.lower())
    if any(word.startswith(SESSION_STEMS) for word in words) and not OTHER_BODY.search(proposal.sentence):
        return True
    return any(word.startswith(PROGRAMME_PARTS) for word in words) or bool(NUMBERED_SESSION.search(proposal.sentence))


def edition_of(segment: list[Token], position: int, reader) -> EventType | None:
    """The type of the release's own event (the first proposed of a kind that recurs) an edition word is of ("The
    previous edition, held in May 2014", "This year's edition takes place from 25 to 28 September"); none when an
    event is named before it in the sentence ("The exercise …; its previous edition") or after "of" ("the 21st edition
    of the festival"), nor a book's ("a limited edition")."""
    word, before, after = (at(segment, k).lower for k in (position, position - 1, position + 1))
    if word not in EDITIONS or before in NOT_EVENT_EDITIONS or after == "of":
        return None
    k = reader.sentence_index(segment[position])
    if k is None or any(reader.kind_of(token)[0] is not None for token in reader.clause_tokens[:k]):
        return None
    event = next((p for p in reader.found if not p.reason and p.event_type.slug in RECURRING), None)
    return event.event_type if event is not None else None
