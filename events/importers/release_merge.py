"""How the proposals of one release are put together, and the dates of one sentence share an event.

A part of an event proposed before is not proposed again ("the festival, 1 to 7 July… The festival opens on 1 July");
days sharpen a month ("Culture Days in October", then "from 5 to 9 October"); a visit's talks are shown unticked;
talks on days of a tour said as "next week" are its legs; a date takes the event of the one before it when only
"and" and a place lie between ("5 October in Kazan and 6 October in Ufa") or when it holds that day ("Вчера
завершился визит, проходивший 11–12 марта").
"""

import datetime as dt
import re

from events.models import Event

from .release_dates import Mention, at, in_year
from .release_days import told_length
from .release_periods import RUNNING, month_end
from .release_places import named_countries
from .release_references import REASONS
from .release_words import Proposal, Token

# At most this many words ("в Казани и") between a date and the next leg of its event.
LEG_WORDS = 6
# Words that set a date against the one before it: "not on 5 July but on 12 July", "не 5 июля, а 12 июля".
CONTRAST = {"but", "instead", "rather", "а", "но", "вместо"}
TAKES_PLACE = {"held", "place", "пройдёт", "пройдет", "состоится", "проведут", "проведён", "проведен", "открыт"}
# Words that make an event named before a date set aside by commas the time of another: "On the eve of the visit, on
# 27 October, Jakarta will host a business forum", "По окончании выставки, 23–24 апреля, делегация посетит Самарканд".
# So do words of what runs beside it: "Alongside the festival, the museum hosts an exhibition. It runs from…".
RELATIONAL = {"eve", "following", "after", "before", "ahead", "prior", "end", "close", "day", "alongside", "beside",
              "besides", "накануне", "кануне", "окончании", "завершении", "после", "перед", "преддверии", "день",
              "параллельно", "наряду"}  # fmt: skip
# Plurals of one event's name: "meetings of the Commonwealth's bodies" over 18–20 June are several meetings.
SERIES_WORDS = {"meetings", "sessions", "заседания", "встречи"}
# How many days before its publication a news item's event may have been held.
NEWS_DAYS = 7
# An event that runs for days, told as its opening and its close in sentences of their own, and the longest such run.
OPENED = re.compile(r"\b(?:opened|opens|began|begins|started|starts|открыл\w*|открыт\w*|стартовал\w*)", re.IGNORECASE)
CLOSED = re.compile(
    r"\b(?:closed|closes|ended|ends|concluded|concludes|completed|completes|came to an end|"
    r"завершил\w*|закрыл\w*|закрыт\w*)",
    re.IGNORECASE,
)
MAX_TOLD_RUN = 31
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
HYPHENATED = re.compile(r"\w+(?:-\w+)*")
STEM = 5  # the letters of a word that stay through its Russian cases: "Выставка", "Выставку"
# The titles of an event named only as "the event": the one named before.
GENERIC_TITLES = {"event", "the event", "мероприятие"}
# What may stand between a comma and the date it sets aside: ", on 27 October,", ", 21 апреля,".
ASIDE_PREPOSITIONS = {"on", "в", "во"}


def within(proposal: Proposal, earlier: Proposal, *, vague: bool = False) -> bool:
    """Whether a day or days are some of the days of an event of the same type proposed before (a part of it: "2–3
    октября программа Дней продолжится в Самарканде"); vague: of a week said as "next week" (the whole week is
    then the day's)."""
    return (
        earlier.vague == vague
        and proposal.precision == earlier.precision == Event.Precision.DAY
        and earlier.start <= proposal.start <= proposal.end <= earlier.end
        and earlier.end - earlier.start > proposal.end - proposal.start
        and proposal.event_type == earlier.event_type
        # talks on the margins of a session of days are talks of their own ("the 45th session … 10–25 September",
        # then "on 18 September, she held talks with …"), not the session named again
        and not (proposal.event_type.slug == "meeting" and not title_stems(proposal) & title_stems(earlier))
    )


def title_stems(proposal: Proposal) -> set[str]:
    """The stems of a title's words, a hyphenated word as one ("Российско-таджикской": not "таджикской")."""
    return {word[:STEM].casefold() for word in HYPHENATED.findall(proposal.title) if word[:1].isalpha()}


def visits_talks(found: list[Proposal]) -> list[Proposal]:
    """The proposals, a visit's talks unticked: a meeting on a day or over the days of a visit of several days
    proposed from the same release ("visits Russia on 3–4 March … On 4 March, the ministers will hold talks") is
    likely part of it, though an officer may enter it apart."""
    visits = [p for p in found if p.event_type.is_visit and p.precision == Event.Precision.DAY and p.start < p.end]
    for proposal in found:
        if (
            proposal.event_type.slug == "meeting"
            and proposal.precision == Event.Precision.DAY
            and not proposal.reason
            and any(part_of(proposal, visit) for visit in visits)
        ):
            proposal.reason = REASONS["visit"]
    return found


def series(proposal: Proposal) -> bool:
    """Whether a proposal over several days is a series of events named by a plural ("a series of meetings of the
    Commonwealth's bodies", "заседания советов"): its days' own events, named later, are the events, not it."""
    first = proposal.title.split(maxsplit=1)[0].casefold() if proposal.title else ""
    return proposal.start < proposal.end and first in SERIES_WORDS


def visits_own(talks: Proposal, found: list[Proposal]) -> bool:
    """Whether talks over several days are those of a visit proposed over the same days ("arrives on Monday for a
    three-day visit … the talks could run long"): they hold no other talks of those days (Tuesday's consultations
    with another country)."""
    return (
        talks.event_type.slug == "meeting"
        and talks.start < talks.end
        and any(p.event_type.is_visit and (p.start, p.end) == (talks.start, talks.end) for p in found)
    )


def without_series(found: list[Proposal]) -> list[Proposal]:
    """The proposals but a series whose days' events were proposed ("a series of meetings" from 18 to 20 June, then
    the meeting of each day)."""

    def days_named(frame: Proposal) -> int:
        return len({other.start for other in found if other is not frame and within(other, frame)})

    # Two of its days or more named apart: "a series of meetings" 18–20 June, then the meetings of 18 and 19 June;
    # not talks on one of the days of the working groups' meetings.
    return [proposal for proposal in found if not (series(proposal) and days_named(proposal) >= 2)]


def nearest_year(proposal: Proposal, published: dt.date, later: list[Mention]) -> None:
    """Give a date an event was moved from, said without its year, the year within a year before its new date, the
    sentence's next ("initially planned for 20 November, moved to 5 December": that November), else the year nearest
    the publication: it was set before the move ("initially planned for April", in May: this April)."""
    if later:
        new = later[0].start
        for year in (new.year, new.year - 1):
            moved = in_year(proposal.start, proposal.end, year)
            if moved is not None and moved[0] <= new and (new - moved[0]).days < 366:
                proposal.start, proposal.end = moved
                return
    for shift in (-1, 1):
        moved = in_year(proposal.start, proposal.end, proposal.start.year + shift)
        if moved is not None and abs((moved[0] - published).days) < abs((proposal.start - published).days):
            proposal.start, proposal.end = moved


def part_of(talks: Proposal, visit: Proposal) -> bool:
    """Whether talks are likely a visit's: on one of its days (see of_visit), or over all its days ("Бизнес-миссия,
    24–26 ноября … Программа включала переговоры")."""
    if (talks.start, talks.end) == (visit.start, visit.end):
        return True
    return talks.start == talks.end and visit.start <= talks.start <= visit.end and of_visit(talks, visit)


def of_visit(proposal: Proposal, visit: Proposal) -> bool:
    """Whether talks on a day of a visit may be the visit's: told in the same sentence, or, but for a programme's
    own line (each of which is an event, unless the programme is a titled visit's), not with another country (talks
    with Vietnam during Uzbekistan's visit) and not held in another country (talks in Cairo during a visit to
    Minsk)."""
    if proposal.sentence == visit.sentence:
        return True
    parties, visitors = named_countries(proposal.sentence), named_countries(visit.sentence)
    visitors |= {visit.place["country"]} if visit.place else set()  # the host's: "a visit to Minsk", then "Belarus"
    if parties and visitors and not parties & visitors:
        return False  # "Uzbekistan's minister arrives on Monday…", then "our deputy ministers and Vietnam's hold…"
    same_country = not (proposal.place and visit.place) or proposal.place["country"] == visit.place["country"]
    return (not proposal.listed or visit.titled) and same_country  # a titled visit's programme: its own lines


def opens(earlier: Proposal, proposal: Proposal) -> bool:
    """Whether a day proposed before is one of the days of the same event named again ("Days of Belarusian Culture
    opened today", then "The Days of Belarusian Culture … opened today and will run until 23 June")."""
    same_name = earlier.title.casefold() == proposal.title.casefold()
    # or its opening day told in the same sentence: "Вчера открылась ярмарка «Книги», которая работает с 12 по 14"
    opening = earlier.sentence == proposal.sentence and earlier.event_type == proposal.event_type
    opening = opening and earlier.event_type.slug in RUNNING  # a fair's, not a meeting's: talks on the first day
    opening = opening and earlier.start == earlier.end == proposal.start < proposal.end
    return (same_name or opening) and not earlier.reason and within(earlier, proposal)


def told_run(earlier: Proposal, proposal: Proposal) -> bool:
    """Whether two days of an event that runs for days are its opening and its close, each told in a sentence of its
    own ("В субботу завершила работу выставка «Золотая осень»", then "Выставку в среду открыл министр")."""
    # an exhibition's, a festival's, a seminar's, a visit's ("concluded today its visit", "The visit began on…")
    if earlier.event_type != proposal.event_type or not (
        earlier.event_type.slug in {*RUNNING, "forum"} or earlier.event_type.is_visit
    ):
        return False
    days = abs((proposal.start - earlier.start).days) + 1
    if earlier.event_type.slug == "forum" and not any(told_length(p.sentence) == days for p in (earlier, proposal)):
        return False  # a seminar's only when its length is told ("The three-day seminar … concluded"): seminars abound
    if earlier.reason or proposal.reason or earlier.sentence == proposal.sentence:
        return False
    if earlier.event_type.is_visit and not any(p.title in ("Visit", "Визит") for p in (earlier, proposal)):
        return False  # one names the other back ("The visit began on 31 October"), not two visitors' visits
    if earlier.precision != Event.Precision.DAY or proposal.precision != Event.Precision.DAY:
        return False
    if earlier.start != earlier.end or proposal.start != proposal.end:
        return False
    # The same event, named by the same words ("Выставка", "Выставку"), not "Silk Roads" and "Arctic Light".
    stems = [title_stems(earlier), title_stems(proposal)]
    if not stems[0] or not (stems[0] <= stems[1] or stems[1] <= stems[0]):
        return False
    if earlier.place and proposal.place and earlier.place != proposal.place:
        return False  # one closed in Berlin, another opened in Paris
    names = [set(QUOTED.findall(p.sentence)) for p in (earlier, proposal)]
    if names[0] and names[1] and not names[0] & names[1]:
        return False  # «Открытый космос» and «Закрытый город»
    first, last = sorted((earlier, proposal), key=lambda p: p.start)
    # Not the words of names in quotes («Открытый космос»)
    told = [QUOTED.sub("", p.sentence) for p in (first, last)]
    opened = OPENED.search(told[0]) and not CLOSED.search(told[0])
    closed = CLOSED.search(told[1]) and not OPENED.search(told[1])
    return bool(opened and closed) and 0 < (last.start - first.start).days <= MAX_TOLD_RUN


def sharpens(proposal: Proposal, earlier: Proposal) -> bool:
    """Whether a proposal names the days of an event of the same type proposed before by its month or year only, or
    as "this week"."""
    return (
        proposal.event_type == earlier.event_type
        and (earlier.precision in (Event.Precision.MONTH, Event.Precision.YEAR) or earlier.vague)
        and proposal.precision == Event.Precision.DAY
        and not earlier.reason
        and earlier.start <= proposal.start <= last_day(earlier)
        # its days may run on past the month when it is named again ("the Film Week, this month" then "The Week …
        # from 24 February until 2 March"), not another event of its type ("Days of Tatarstan Culture")
        and (
            proposal.end <= last_day(earlier)
            or (earlier.precision == Event.Precision.MONTH and renames(proposal, earlier))
        )
    )


def restates(proposal: Proposal, found: list[Proposal]) -> bool:
    """Whether a month, a season or a year only names again the days of an event of its type proposed before ("from 3
    to 5 June", then "The forum was moved to early summer this year")."""
    visit = proposal.event_type.is_visit  # a visit's title is made, not the text's: it renames every visit
    return (
        proposal.precision != Event.Precision.DAY
        and not visit
        and any(
            earlier.event_type == proposal.event_type
            and earlier.precision == Event.Precision.DAY
            and not earlier.reason
            and proposal.start <= earlier.start <= earlier.end <= last_day(proposal)
            and renames(proposal, earlier)  # "Forum" of "XI International Grain Forum", not "BRICS Summit" of "Sherpas"
            for earlier in found
        )
    )


def names_again(proposal: Proposal, found: list[Proposal]) -> Proposal | None:
    """The event proposed before by its month or year that a proposal of days calls only "the event" ("В середине
    октября Астрахань примет совещание. Мероприятие пройдёт с 14 по 16 октября."): the proposal is its days."""
    # The event as the sentence's subject ("Мероприятие пройдёт…"), not "пройдёт мероприятие, посвящённое Наврузу".
    opens = proposal.sentence.casefold().startswith(tuple(GENERIC_TITLES | {"this event", "это мероприятие"}))
    if proposal.title.casefold() not in GENERIC_TITLES or proposal.precision != Event.Precision.DAY or not opens:
        return None
    return next(
        (
            earlier
            for earlier in reversed(found)
            if earlier.precision in (Event.Precision.MONTH, Event.Precision.YEAR)
            and not earlier.reason
            and not earlier.event_type.is_visit
            and earlier.start <= proposal.start <= proposal.end <= last_day(earlier)
        ),
        None,
    )


def dates_news(proposal: Proposal, earlier: Proposal) -> bool:
    """Whether days of the past week are those of an event of the type a news item told before any date, dated by
    its publication ("В Пекине прошло заседание подкомиссии", then "8–9 июля в Пекине состоялось заседание"), or days
    from its day on ("Делегация прибыла в Минск", then "В программе рабочего визита (17-19.11)")."""
    return (
        earlier.news
        and proposal.event_type == earlier.event_type
        and proposal.precision == Event.Precision.DAY
        and (
            0 <= (earlier.start - proposal.end).days <= NEWS_DAYS
            # a visit's news, then its days from that day: "прибыла в Минск", then "рабочего визита (17-19.11)"
            or (proposal.event_type.is_visit and proposal.start == earlier.start < proposal.end)
        )
    )


def departs_before(proposal: Proposal, earlier: Proposal) -> bool:
    """Whether a visit's days follow, in the same sentence, the day its guest leaves ("leaves for Geneva tonight and
    will be there from 19 to 21 June"): the visit is those days."""
    stay = proposal.event_type.is_visit and proposal.precision == Event.Precision.DAY and proposal.start < proposal.end
    return (
        stay
        and earlier.event_type == proposal.event_type
        and earlier.sentence == proposal.sentence
        and (earlier.start == earlier.end == proposal.start - dt.timedelta(days=1))
    )


def renames(proposal: Proposal, earlier: Proposal) -> bool:
    """Whether a proposal's title is the earlier one's or a word of it ("Week" of "Armenian Film Week")."""
    words, named = set(proposal.title.casefold().split()), set(earlier.title.casefold().split())
    return bool(words) and words <= named


def last_day(proposal: Proposal) -> dt.date:
    """The last day a proposal known to the month or the year spans (its end holds the first day of its last month
    or year)."""
    end = proposal.end
    if proposal.precision == Event.Precision.DAY:
        return end
    if proposal.precision == Event.Precision.YEAR:
        return dt.date(end.year, 12, 31)
    return month_end(end)


def tour_legs(found: list[Proposal]) -> list[tuple[Proposal, Proposal]]:
    """(tour, leg) for the talks on days of a visit said only as a week ("will tour three countries next week … on
    January 26-27 he will hold talks in Addis Ababa"): each is a leg of the tour, whose days they give."""
    tours = [p for p in found if p.event_type.is_visit and p.vague and not p.reason]
    return [
        (tour, proposal)
        for tour in tours
        for proposal in found
        if proposal.event_type.slug == "meeting"
        and proposal.precision == Event.Precision.DAY
        and not (proposal.vague or proposal.reason)
        and tour.start <= proposal.start <= proposal.end <= tour.end
    ]


def another_leg(tokens: list[Token], before: Mention, mention: Mention) -> bool:
    """Whether a date follows the last one's event with only "and" and a place between ("… in Kazan and on 5
    October in Ufa")."""
    between = tokens[before.end : mention.first]
    return (
        len(between) <= LEG_WORDS
        and any(token.lower in ("and", "и") for token in between)
        and not any(token.text in ".;:" for token in between)
    )


def instead(tokens: list[Token], before: Mention, mention: Mention) -> bool:
    """Whether a later date stands for an earlier one said not to be its event's ("will not take place on 5 July but
    on 12 July", "не состоится 5 июля, а пройдёт 12 июля"): a word of contrast between, within LEG_WORDS words."""
    between = tokens[before.end : mention.first]
    contrast = next((k for k, t in enumerate(between) if t.lower in CONTRAST), None)
    if mention.start <= before.last or len(between) > LEG_WORDS or contrast is None:
        return False
    # A verb of its taking place after the contrast ("а пройдёт 12 июля"), or the day alone ("but on 12 July."),
    # not another's doing ("а 12 июля министр вернётся в Москву")
    said = {t.lower for t in between[contrast + 1 :]} & TAKES_PLACE
    following = at(tokens, mention.end).text
    return bool(said) or not (following[:1].isalpha() and following[:1].islower())


def names_places(tokens: list[Token], k: int) -> bool:
    """Whether the comma at token k is one of a list of names ("in Ulaanbaatar, Darkhan and Erdenet", "в Улан-Баторе,
    Дархане и Эрдэнэте"): capitalised words after it, up to an "and" before the last one."""
    if tokens[k].text != "," or not at(tokens, k - 1).text[:1].isupper():
        return False
    j = k + 1
    while j < min(len(tokens), k + 12) and tokens[j].text[:1].isupper():
        following = at(tokens, j + 1)
        if following.lower in ("and", "и"):
            return at(tokens, j + 2).text[:1].isupper()
        j += 2 if following.text == "," else 1
    return False


def contains(mention: Mention, day: Mention, proposal: Proposal) -> bool:
    """Whether a mention of days starts or ends on a single day named before it, whose proposal is the last one
    ("Вчера завершился визит, проходивший 11–12 марта"; not "talks on 9 March, while the campaign from 1 to 31
    March")."""
    return (
        day.start == day.last
        and mention.start < mention.last
        and day.start in (mention.start, mention.last)
        and proposal.start == day.start
        and proposal.end == day.last
    )


def set_aside(tokens: list[Token], bounds: tuple[int, int], mention: Mention, earlier: list[Token]) -> int | None:
    """Where the clause after a date set aside by commas ends, when the event named before it tells only its time
    ("On the eve of the visit, on 27 October, …"): the date's event is that clause's. None otherwise."""
    low, high = bounds
    between = tokens[low : mention.first]
    if mention.end != high or at(tokens, high).text != "," or any(t.lower not in ASIDE_PREPOSITIONS for t in between):
        return None
    # The word of time leads the clause just before the date ("Following the exhibition, on …"), not any earlier one.
    clause = earlier[:-1]
    marks = [k for k, token in enumerate(clause) if token.text in ",;:()"]
    lead = clause[marks[-1] + 1 :] if marks else clause
    if not any(token.lower in RELATIONAL for token in lead[:4]):
        return None
    return next((k for k in range(high + 1, len(tokens)) if tokens[k].text in ",;:()"), len(tokens))


def tells_time(tokens: list[Token], k: int) -> bool:
    """Whether the event word at token k only tells the time of another ("Ahead of the Session", "после форума")."""
    return any(token.lower in RELATIONAL for token in tokens[max(0, k - 3) : k])


def narrows(tokens: list[Token], before: Mention, mention: Mention) -> bool:
    """Whether days follow a whole week said before them with only a comma (and "from", "on") between, and lie in it
    ("last week, from 9 to 13 February"); or, later in the sentence, are a run of days ("last week led a mission to
    Qatar, running from 22 to 25 June", "took part last week in the seminar, held on 11-13 October")."""
    between = [token.lower for token in tokens[before.end : mention.first]]
    inside = before.start <= mention.start <= mention.last <= before.last
    run = mention.start < mention.last
    aside = between[:1] == [","] and set(between[1:]) <= {"from", "on", "с", "со", "в", "во"}
    return before.vague and inside and (aside or run)


def with_legs(found: list[Proposal], visit_title) -> list[Proposal]:
    """The proposals, talks on days of a tour said only as a week made its legs (titled by visit_title), and the tour
    left out."""
    legs = tour_legs(found)
    for tour, leg in legs:
        leg.event_type, leg.visit_level, leg.people = tour.event_type, tour.visit_level, leg.people or tour.people
        leg.title = visit_title(leg)
    tours = {id(tour) for tour, _leg in legs}
    return [proposal for proposal in found if id(proposal) not in tours]
