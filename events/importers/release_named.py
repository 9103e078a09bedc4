"""Events told by the words their names end with: a capitalised Tour ("the Silk Road Cycling Tour"), a Show or a Mart
told as held ("the (ASK) Show runs"), Games and Игры, a Night of something ("the Night of Museums", "в Ночь музеев");
and the event words of names that are no events' (an organisation's: "the Association of European Garden Shows";
"Tasting notes"): the NamedReader half of the KindReader (release_kinds.py)."""

from .release_dates import at
from .release_words import ARTICLES, GENERAL_TYPE, OCCURRING, Token

# Capitalised words that end an event's name, and the sort of event each names: "the Silk Road Cycling Tour", "the
# ASK Show runs", "the Construction Show, which takes place" (not "tour" alone: "a tour of the plant"; a Show or a Mart
# only told as held: not "The Late Show will air", "The Fresh Mart supermarket").
NAMED_HEADS = {"Tour": GENERAL_TYPE, "Tours": GENERAL_TYPE, "Show": "exhibition", "Shows": "exhibition",
               "Mart": "exhibition"}  # fmt: skip
HELD_HEADS = {"Show", "Shows", "Mart"}
# What heads an organisation's name that holds an event word: "the Association of European Garden Shows", "the Union
# of Fair Organisers".
ORGANISATIONS = {"association", "associations", "union", "federation", "society", "alliance", "league", "guild",
                 "chamber", "institute", "foundation", "network", "confederation"}  # fmt: skip
# Words after an event word that make it another thing: "Tasting notes", a bus's "первый рейс", a road's "Съезд с
# трассы".
NOT_EVENT_BEFORE = {
    "tasting": {"notes", "note", "menu", "menus", "room", "rooms", "glass", "glasses", "kit", "kits", "price",
                "prices"},
    "рейс": {"автобус", "троллейбус", "трамвай", "поезд", "электричка", "паром", "маршрутка", "теплоход"},
    "съезд": {"с", "со"},
}  # fmt: skip


class NamedReader:
    """Events by the last word of their names; the KindReader (release_kinds.py) gives the lemmas used here."""

    def ends_name(self, segment: list[Token], position: int, before: int) -> bool:
        """Whether a capitalised "Tour", "Show" ends a name ("the Danube Cycle Tour 2026", "the (ASK) Show"), a Show or
        a Mart told as held in its sentence."""
        word = at(segment, before)
        if before < 0 or not (word.text[:1].isupper() or word.text == ")") or word.lower in ARTICLES:
            return False
        if segment[position].text not in HELD_HEADS:
            return True
        following = at(segment, position + 1)
        noun = following.text[:1].islower() and self.lemma(following) not in OCCURRING  # "Mart supermarket"
        return not noun and any(t.lower in OCCURRING or self.lemma(t) in OCCURRING for t in segment)

    def named_games(self, segment: list[Token], position: int) -> bool:
        """Whether "Games", "Игры", "Night", "Ночь" are capitalised inside a sentence: a name's ("the III CIS Games",
        "III Играми стран СНГ", "the Night of Museums", "в Ночь музеев"), not "video games" nor "игры" of children."""
        token = segment[position]
        inside = position > 0 and segment[position - 1].text not in '.!?:«"“'
        if not inside or not token.text[:1].isupper():
            return False
        if token.text in ("Night", "Nights"):  # "the Night of Museums" (not "Winter Night", "the Night of the Long…")
            return at(segment, position + 1).lower == "of" and at(segment, position + 2).text[:1].isupper()
        return self.lemma(token) in ("games", "game", "игра", "ночь")

    def in_organisation(self, segment: list[Token], position: int) -> bool:
        """Whether an English capitalised event word is part of an organisation's name headed before it ("the
        Association of European Garden Shows", "the Union of Fair Organisers")."""
        if self.language != "en" or not segment[position].text[:1].isupper():
            return False
        k = position - 1
        while k > 0 and (segment[k].text[:1].isupper() or segment[k].lower in ("and", "&")):
            k -= 1
        return segment[k].lower in ("of", "for") and at(segment, k - 1).lower in ORGANISATIONS
