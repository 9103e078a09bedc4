"""Press conferences and briefings: an event of their own ("A press conference will be held on 9 June"), unless one
closes other talks ("по итогам переговоров — пресс-конференция", "at the close of the Summit"), is a joint one, or is
where a statement was made ("said at a press conference on Monday"): the press half of the ReleaseReader's kinds
(release_kinds.py)."""

from .release_dates import at
from .release_words import STATEMENT, Token, word_before

# Words near a press conference that make it the close of another event ("по итогам переговоров", "following the
# talks", "at the close of the Summit", a joint one of two sides' talks), and how far they may be.
CLOSING_OTHER = {"итог", "following", "after", "close", "conclusion", "завершение", "окончание"}
# Verbs of speaking besides STATEMENT's, and the words between "at" and "press" ("at a joint press conference").
SPEAKING = {"speaking", "noted", "stressed", "answered", "announced", "выступая", "отметить", "подчеркнуть",
            "ответить", "объявить"}  # fmt: skip
SAID = STATEMENT | SPEAKING
SETTING_SKIPPED = {"a", "an", "the", "joint", "his", "her", "its", "their", "совместный", "совместной"}
JOINT = {"joint", "совместный"}  # just before it: "a joint press conference", "совместная пресс-конференция"
PRESS_WORDS = 8


class PressReader:
    """Press conferences; the ReleaseReader (release.py) gives the lemmas, the sentence and its tense used here."""

    def press_conference(self, segment: list[Token], position: int) -> bool:
        """Whether the event word at position is a press conference's ("a joint press conference",
        "пресс-конференция")."""
        return position > 0 and segment[word_before(segment, position)].lower in ("press", "пресс")

    def closes_other(self, segment: list[Token], position: int) -> bool:
        """Whether words near a press conference make it the close of another event ("по итогам переговоров",
        "following the talks", "at the close of the Summit") or a statement's setting ("said at a press conference",
        "заявил на пресс-конференции")."""
        if self.statement_setting(segment, position):
            return True
        if self.lemma(at(segment, word_before(segment, position) - 1)) in JOINT:
            return True
        start = max(0, position - PRESS_WORDS)
        near = segment[start : position + PRESS_WORDS]
        # "по итогам переговоров" (not "посвящённая итогам раскопок": a press conference on the results)
        return any(
            self.lemma(token) in CLOSING_OTHER and (token.lower != "итогам" or at(segment, start + k - 1).lower == "по")
            for k, token in enumerate(near)
        )

    def statement_setting(self, segment: list[Token], position: int) -> bool:
        """Whether a press conference is where a statement was made, told in its sentence: "said at a press
        conference on Monday", "Speaking at a press briefing on 9 June, the Minister said", "Министр заявил об этом на
        пресс-конференции" (not "расскажут на пресс-конференции во вторник", said of the future)."""
        found = self.sentence_index(segment[position])  # the words before the segment's too
        tokens, k = (self.clause_tokens, found) if found is not None else (segment, position)
        j = word_before(tokens, k) - 1  # the word before "press", "пресс"
        while j > 0 and tokens[j].lower in SETTING_SKIPPED:
            j -= 1
        if at(tokens, j).lower not in ("at", "на"):
            return False
        said = [t for t in tokens if t.lower in SAID or self.lemma(t) in SAID]
        if not said:
            return False
        # (English ones are past forms or a participle; a Russian one in the past or "выступая")
        return self.language == "en" or any(t.lower == "выступая" for t in said) or self.words_tense(said) == "past"
