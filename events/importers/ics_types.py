"""Which event type a VEVENT's CATEGORIES name, as a calendar app's user would read them.

A category names a type by its slug or any of its names (singular or plural, English or Russian), in any letter
case, with ё read as е; by one of the common synonyms below ("Conference" is a forum, "Официальный визит" a
visit); or by one of its words ("Energy conference"). What names no type gets the general type "Other event"
(slug OTHER_SLUG), which an officer can change later; the report says so.
"""

import re

from events.models import EventType

OTHER_SLUG = "other"

# Words partners' calendars use for the calendar's own types (the types' names themselves are read from the
# database). Keys are the slugs of the migrations' types; a slug that an officer deleted is left out.
SYNONYMS = {
    "visit": [
        "official visit", "state visit", "working visit", "visit abroad", "trip", "tour", "travel",
        "официальный визит", "государственный визит", "рабочий визит", "поездка", "турне",
    ],
    "forum": [
        "conference", "conferences", "summit", "congress", "convention", "symposium", "assembly", "plenary",
        "конференция", "конференции", "саммит", "конгресс", "симпозиум", "ассамблея", "пленарное заседание",
    ],
    "festival": ["fest", "fiesta", "carnival", "фест", "карнавал"],
    "culture-days": [
        "culture day", "cultural days", "days of culture", "culture week", "день культуры", "неделя культуры",
    ],
    "meeting": [
        "meetings", "talks", "negotiations", "consultations", "session", "appointment", "briefing",
        "встреча", "встречи", "переговоры", "консультации", "сессия", "совещание", "брифинг",
    ],
    "signing": ["signing ceremony", "signature", "церемония подписания"],
    "exhibition": ["expo", "exposition", "exhibit", "display", "экспозиция", "экспо"],
}  # fmt: skip

WORD = re.compile(r"\w+")


def spelling(name: str) -> str:
    """A name as compared: letter case, ё/е, spacing and punctuation do not matter."""
    return " ".join(WORD.findall(name.casefold().replace("ё", "е")))


class TypeVocabulary:
    """The stored types, known by every spelling of them, read once per import."""

    def __init__(self):
        self.by_spelling: dict[str, EventType] = {}
        self.by_slug: dict[str, EventType] = {}
        for kind in EventType.objects.all():
            self.add(kind)

    def add(self, kind: EventType) -> None:
        """Know the type by its slug, its names and plurals in both languages, and its synonyms."""
        self.by_slug[kind.slug] = kind
        names = [kind.slug, kind.name_en, kind.name_ru, kind.name_plural_en, kind.name_plural_ru]
        for name in [*names, *SYNONYMS.get(kind.slug, [])]:
            if name and spelling(name):
                self.by_spelling.setdefault(spelling(name), kind)

    @property
    def other(self) -> EventType | None:
        return self.by_slug.get(OTHER_SLUG)

    def named(self, name: str) -> EventType | None:
        """The type a category names as a whole (its slug, a name or a synonym), or None."""
        return self.by_spelling.get(spelling(name)) if name else None

    def named_by_a_word(self, name: str) -> EventType | None:
        """The type one of the category's words names ("Energy conference": a forum), or None."""
        words = spelling(name).split()
        for size in (2, 1):
            for start in range(len(words) - size + 1):
                kind = self.by_spelling.get(" ".join(words[start : start + size]))
                if kind is not None and kind.slug != OTHER_SLUG:
                    return kind
        return None

    def find(self, names: list[str]) -> EventType | None:
        """The type the first category that names one names: whole names first, then their words."""
        for name in names:
            if kind := self.named(name):
                return kind
        for name in names:
            if kind := self.named_by_a_word(name):
                return kind
        return None
