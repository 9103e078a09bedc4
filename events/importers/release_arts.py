"""Performances: performers performing ("the choir will perform", "выступит хор"), an evening of an art ("Вечер
российского джаза", "a jazz evening") and a stage work named after its word ("балет «Щелкунчик»"): events of the
general type (a concert's kind), the arts half of the ReleaseReader's kinds (release_kinds.py)."""

from .release_words import Token

# Performing is a performance (a concert's kind), said of performers ("the choir will perform", "выступит хор",
# "Performance of the Bukhara Puppet Theatre", "The orchestra will tour Japan"; not "the economy's performance", "a
# guided tour").
PERFORMING = {"perform", "performs", "performed", "performing", "performance", "performances", "tour", "tours",
              "toured", "touring"}  # fmt: skip
PERFORMERS = {"хор", "ансамбль", "оркестр", "коллектив", "солист", "артист", "театр", "труппа", "музыкант", "певец",
              "певица", "балет", "капелла", "квартет", "choir", "ensemble", "orchestra", "soloist", "soloists",
              "artists", "theatre", "theater", "troupe", "musicians", "singers", "ballet", "quartet", "band", "dancers",
              "production", "company", "pianist", "philharmonic"}  # fmt: skip
PERFORMER_WORDS = 6
# A stage work named after it ("балет «Щелкунчик»") is a performance.
STAGE_WORKS = {"ballet", "opera", "play", "musical", "балет", "опера", "оперу", "спектакль", "мюзикл"}
# An evening of an art is a concert or a reading: "Вечер российского джаза", "a poetry evening".
EVENINGS = {"evening", "вечер"}
EVENING_ARTS = {"jazz", "music", "poetry", "songs", "romances", "dance", "джаз", "музыка", "поэзия", "песня",
                "романс", "танец", "джазовый", "поэтический", "танцевальный"}  # fmt: skip


class ArtsReader:
    """Performances; the ReleaseReader (release.py) gives the lemmas and names used here."""

    def performance(self, segment: list[Token], position: int) -> bool:
        """Whether the word at position names a performance."""
        token = segment[position]
        return (
            self.performs(segment, position)
            or (self.lemma(token) in EVENINGS and self.evening_of_art(segment, position))
            or (token.lower in STAGE_WORKS and self.names_work(segment, position + 1))
        )

    def evening_of_art(self, segment: list[Token], position: int) -> bool:
        """Whether an evening is one of an art: "Вечер российского джаза", "an evening of Russian poetry", "a jazz
        evening" (not "вечером", "that evening")."""
        after = segment[position + 1 : position + 4]
        after = after[: next((k for k, t in enumerate(after) if not t.text[:1].isalpha()), len(after))]
        near = [*after, *segment[max(0, position - 1) : position]]
        return any(self.lemma(token) in EVENING_ARTS for token in near)

    def performs(self, segment: list[Token], position: int) -> bool:
        """Whether the word at position is performers' performing: "will perform at the Hanoi Opera House" (not
        "perform their duties"), "выступит Государственный хор", "коллектив выступит в «Сава-центре»" (not "министр
        выступит с докладом")."""
        word = segment[position]
        if word.lower not in PERFORMING and self.lemma(word) not in ("выступить", "выступать"):
            return False
        near = segment[max(0, position - PERFORMER_WORDS) : position + 1 + PERFORMER_WORDS]
        return any(self.lemma(token) in PERFORMERS for token in near)
