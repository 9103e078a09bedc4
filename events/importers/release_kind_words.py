"""The words that name sorts of event, in both languages: single words (KINDS), two words that name a sort neither
names alone (COMPOUNDS), Russian prefixes and weeks of an art. Which word a sentence's event is, and when a word
names none, is release_kinds.py's."""

import functools

from .release_words import GENERAL_TYPE

# Each sort of event: the types it leads to, nearest first; its English word forms; its Russian dictionary forms.
KINDS = {
    "visit": (("visit",), {"visit", "visits", "visited", "visiting", "trip", "trips"},
              {"визит", "поездка", "посетить", "посещать", "посещение", "пребывание"}),
    "meeting": (("meeting", GENERAL_TYPE, "forum"),
                {"meeting", "meetings", "met", "meet", "meets", "talks", "consultations", "consultation",
                 "negotiations", "negotiation", "session", "sessions", "conversation", "conversations", "round",
                 "rounds", "videoconference", "videoconferences", "assembly"},
                {"встреча", "встретиться", "встречаться", "переговоры", "консультация", "заседание", "сессия",
                 "совещание", "заседать", "беседа", "собраться", "раунд", "видеоконференция", "видеосовещание",
                 "видеовстреча"}),
    "summit": (("summit", "meeting", GENERAL_TYPE, "forum"), {"summit", "summits"}, {"саммит"}),
    "conference": (("conference", "forum", GENERAL_TYPE, "meeting"),
                   {"conference", "conferences", "congress", "symposium", "seminar", "seminars", "webinar", "webinars",
                    "workshop", "workshops"},
                   {"конференция", "конгресс", "съезд", "симпозиум", "семинар", "вебинар", "воркшоп", "тренинг"}),
    "exhibition": (("exhibition", GENERAL_TYPE, "festival"),
                   {"exhibition", "exhibitions", "exhibit", "display", "expo", "fair", "fairs", "exposition",
                    "expositions", "showcase", "biennale", "biennales", "triennale", "triennales"},
                   {"выставка", "экспозиция", "фотовыставка", "ярмарка", "экспо", "биеннале", "триеннале"}),
    "concert": (("concert", GENERAL_TYPE, "festival"), {"concert", "concerts", "recital", "gala"},
                {"концерт", "спектакль", "гастроль", "турне"}),
    "festival": (("festival", GENERAL_TYPE), {"festival", "festivals"}, {"фестиваль", "кинофестиваль"}),
    "anniversary": (("anniversary", GENERAL_TYPE, "festival"),
                    {"anniversary", "anniversaries", "commemoration", "celebration", "celebrations", "jubilee"},
                    {"годовщина", "юбилей", "летие", "празднование", "торжество"}),
    "signing": (("signing", GENERAL_TYPE), {"sign", "signs", "signed", "signing", "signature"},
                {"подписать", "подписание", "подписывать", "подписываться", "подписаться"}),
    # A week or days of a country's or an art's culture ("Russian Film Week", "Неделя российского кино"): only
    # in a name (release_names.py), as "week" is also a stretch of time.
    "days": (("culture-days", GENERAL_TYPE), set(), set()),
    # ("ифтара": the analyser's guess at the dictionary form of "ифтар")
    GENERAL_TYPE: ((GENERAL_TYPE,), {"event", "events", "ceremony", "ceremonies", "reception", "bazaar", "bazaars",
                                     "olympiad", "olympiads", "competition", "contest", "tournament",
                                     "tournaments", "championship", "championships", "cup", "reading", "readings",
                                     "lecture", "lectures", "masterclass", "masterclasses", "screening", "screenings",
                                     "premiere", "presentation", "presentations", "festivities", "camp", "camps",
                                     "expedition", "expeditions", "exercise", "exercises", "drill", "drills",
                                     "spartakiad", "reenactment", "reenactments", "re-enactment",
                                     "re-enactments", "iftar", "wreath-laying", "wreath", "wreaths", "hackathon",
                                     "hackathons", "marathon", "marathons", "regatta", "regattas", "parade",
                                     "parades", "tasting", "tastings", "inauguration", "inaugurations", "inaugurate",
                                     "inaugurated", "inaugurates", "unveiling", "unveil", "unveiled", "unveils",
                                     "groundbreaking"},
                   {"мероприятие", "церемония", "приём", "прием", "акция", "базар", "олимпиада", "конкурс",
                    "турнир", "чемпионат", "кубок", "награждение", "лекция", "мастер-класс", "кинопоказ", "премьера",
                    "презентация", "лагерь", "экспедиция", "учение", "спартакиада", "ифтар", "ифтара", "венок",
                    "хакатон", "дегустация", "марафон", "полумарафон", "ралли", "регата", "велогонка",
                    "автогонка", "забег", "велопробег", "автопробег", "финал", "полуфинал", "четвертьфинал", "парад",
                    "закладка", "освящение", "инаугурация"}),
}  # fmt: skip
GENERAL_KINDS = {GENERAL_TYPE}
# Russian words made of a prefix and an event's word: "медиафорум", "агровыставка"; not "фото" and "видео" (a
# "фотосессия" is a photo shoot, a "видеопрезентация" a video).
WORD_PREFIXES = ("медиа", "бизнес", "арт", "агро", "эко", "экспо", "техно", "энерго", "кино")
# Two words that name a sort of event neither names alone: a trade mission is a visit, a summer school another event.
COMPOUNDS = {(first, second): kind for firsts, seconds, kind in (
    (("trade", "business", "investment", "economic", "export", "exporters", "торговый", "деловой",
      "бизнес", "инвестиционный", "экономический", "экспортный"), ("mission", "missions", "миссия"), "visit"),
    # an expert team's mission to a country: "review mission", "follow-up mission", "full-scope mission"
    (("review", "expert", "experts", "up", "scope", "finding", "assessment", "advisory", "peer", "technical",
      "evaluation", "verification", "appraisal", "observation", "экспертный", "оценочный", "консультативный",
      "технический", "повторный"),
     ("mission", "missions", "миссия"), "visit"),
    (("summer", "winter", "летний", "зимний"), ("school", "schools", "школа"), GENERAL_TYPE),
    (("training", "refresher", "учебный", "обучающий"), ("course", "courses", "курс"), "conference"),
    # "took part in a panel discussion on 15 March", "панельная дискуссия"
    (("panel", "панельный"), ("discussion", "discussions", "дискуссия"), "conference"),
    # "an open day", "a public information day", "день открытых дверей" (read at "открытых": the name starts before)
    (("open", "information", "info"), ("day", "days"), GENERAL_TYPE),
    (("день",), ("открытый",), GENERAL_TYPE),
    # "Chinese Culture Week from 3 to 7 December: five days of film screenings", its week a word of its own
    (("culture", "cultural"), ("week", "weeks"), "days"),
    (("film", "cinema", "fashion", "design"), ("week", "weeks"), "festival"),
    # "the International Air Show", "a trade show" (not "show" alone: "the figures show")
    (("air", "trade", "motor", "boat", "flower", "garden", "horse", "agricultural", "dog"), ("show", "shows"),
     "exhibition"),
    (("travel", "trade"), ("mart", "marts"), "exhibition"),  # "the Baikal Travel Mart"
    # "торжественный вечер", "вечер памяти" (not "вечером", "в тот вечер"); "работала рабочая группа"
    (("торжественный", "творческий", "литературный", "музыкальный", "праздничный"), ("вечер",), GENERAL_TYPE),
    (("вечер",), ("память",), GENERAL_TYPE),
    (("торжественный",), ("собрание",), GENERAL_TYPE),  # "торжественное собрание": a ceremony
    (("исторический", "военно-исторический"), ("реконструкция",), GENERAL_TYPE),  # not a port's "реконструкция"
    (("возложение",), ("венок", "цветок", "цвет", "гирлянда"), GENERAL_TYPE),  # "возложение венков": a ceremony
    (("wreath", "wreaths"), ("laying",), GENERAL_TYPE),
    # "the official opening of the bridge" (not "opening" alone: an exhibition's; not "торжественное открытие", in
    # Russian most often a programme's line of its event's first day)
    (("official", "grand", "ceremonial", "formal"), ("opening",), GENERAL_TYPE),
    (("port",), ("call", "calls"), "visit"),  # a ship's port call
    # an airline's or a ship's first journey on a route: "The inaugural flight to Tbilisi", "первый рейс"
    (("inaugural", "maiden", "первый"), ("flight", "flights", "voyage", "рейс"), GENERAL_TYPE),
    (("study", "technical", "fact-finding", "familiarisation", "familiarization"), ("tour", "tours"), "visit"),
    (("courtesy", "farewell", "protocol", "introductory"), ("call", "calls"), "meeting"),  # "a courtesy call on"
    # its own event, no forum: "a press conference", "пресс-конференция" (read past its hyphen)
    (("press",), ("conference", "conferences", "briefing", "briefings"), GENERAL_TYPE),
    (("пресс",), ("конференция",), GENERAL_TYPE),
    (("рабочий",), ("группа",), "meeting"),
    (("ministerial",), ("council", "councils"), "meeting"),  # "the OSCE Ministerial Council held on 3–4 December"
    # a body's general or annual meeting (not "собрание картин", a collection)
    (("генеральный", "общий", "годовой", "отчётный", "отчетный", "ежегодный"), ("собрание",), "meeting"),
    # sports games and training camps: "the Paralympic Games", "на летних Паралимпийских играх", "учебно-тренировочный
    # сбор" (not "games" or "сбор" alone: "video games", "сбор средств")
    (("olympic", "paralympic", "deaflympic", "asian", "commonwealth", "invictus", "sports", "student", "students",
      "university", "олимпийский", "паралимпийский", "сурдлимпийский", "азиатский", "студенческий"), ("games", "игра"),
     GENERAL_TYPE),
    (("учебно-тренировочный", "тренировочный"), ("сбор",), GENERAL_TYPE),
    # a race or a rally of a sport (not "the arms race", "a race against time", "предвыборная гонка", "to rally
    # behind the initiative", a political rally)
    (("cycling", "bicycle", "road", "stage", "car", "motor", "horse", "boat", "yacht", "sailing", "rowing", "relay",
      "ski", "sled", "charity", "велосипедный", "шоссейный", "многодневный", "парусный", "лыжный", "гребной",
      "эстафетный"), ("race", "races", "гонка"), GENERAL_TYPE),
    (("classic", "car", "motor", "vintage", "historic", "auto", "desert", "cross-country"), ("rally", "rallies"),
     GENERAL_TYPE),
    (("rally", "ралли"), ("raid", "raids", "рейд"), GENERAL_TYPE),  # "rally-raid", "ралли-рейд"
    (("friendly", "charity", "football", "hockey", "chess", "draughts", "tennis", "basketball", "volleyball", "rugby",
      "cricket", "return", "товарищеский", "благотворительный", "футбольный", "хоккейный", "шахматный", "шашечный",
      "теннисный", "баскетбольный", "волейбольный", "ответный"), ("match", "matches", "матч"), GENERAL_TYPE),
) for first in firsts for second in seconds}  # fmt: skip
# A week of a country's culture or of an art, in Russian: "Неделя китайской культуры", "Неделя французского кино".
WEEKS = {"культура": "days", "кино": "festival", "кинематограф": "festival", "мода": "festival", "дизайн": "festival"}
# "round table", "круглый стол": a conference, named by two words.
ROUND_TABLE = {("round", "table"), ("round", "tables"), ("круглый", "стол")}


@functools.cache
def kind_words(language: str) -> dict[str, str]:
    """Each event word of the language (an English form, a Russian dictionary form) and the sort it names."""
    column = 1 if language == "en" else 2
    return {word: kind for kind, row in KINDS.items() for word in row[column]}
