"""Events cancelled: a word of cancelling near a date tells of its event ("…, planned for 8–10 August, will not take
place", "намеченный на 5 мая концерт отменён", "called off"), unless it cancels another event named past a clause mark;
the CancelReader of the ReleaseReader (release.py), whose reference reasons (release_references.py) ask it."""

from .release_dates import Mention, at
from .release_references import PLANNED_WORDS, relative_clause
from .release_words import Token, is_clause_mark

# Words of cancelling: "has been cancelled", "will not take place", "отменён", "не состоится".
CANCELLED = ("cancel", "отмен")
NOT_HELD = {("take", "place"), ("taken", "place"), ("be", "held"), ("been", "held"), ("go", "ahead"), "held"}
NEGATIONS = {"not", "n't", "не", "never"}
NOT_HELD_RU = {"состояться", "пройти", "проводиться", "проходить"}
CANCEL_DISTANCE = 16
OWN_EVENT_WORDS = 6  # how far before a date its event, and after a verb of cancelling its object, are looked for


class CancelReader:
    """Which dates are of events cancelled; the ReleaseReader (release.py) sets up the state used here."""

    def cancels(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a word of cancelling near the date tells of its event, with no other event named past a clause mark
        between ("…, planned for 8–10 August, will not take place", "намеченный на 5 мая концерт отменён"; not
        "the concert on 5 May goes ahead, while the lecture was cancelled")."""
        cancelled = self.cancel_carried
        if cancelled is not None and self.planned_before(tokens, mention):
            # the day the event cancelled in the sentence before was planned for ("It was due to open on"), not
            # another event's ("The annual general meeting, scheduled for 2 April, will go ahead")
            before = tokens[max(0, mention.first - 2 * PLANNED_WORDS) : mention.first]
            if self.event_type(before, nearest_last=True)[0] in (None, cancelled):
                return True
        low, high = max(0, mention.first - CANCEL_DISTANCE), min(len(tokens), mention.end + CANCEL_DISTANCE)
        for k in range(low, high):
            word, following = self.lemma(tokens[k]), self.lemma(at(tokens, k + 1))
            negated = word in ("not", "не") and (
                following in NOT_HELD or (following, self.lemma(at(tokens, k + 2))) in NOT_HELD
            )
            if self.cancelling(tokens, k) or negated or (word == "не" and following in NOT_HELD_RU):
                if k > mention.first and self.cancels_another(tokens, mention, k):
                    continue
                between = tokens[k + 1 : mention.first] if k < mention.first else tokens[mention.end : k]
                # "отменяется мастер-класс, который должен был пройти 10 октября": the clause of the event cancelled
                relative = k < mention.first and relative_clause(between) and self.object_named(between)
                if (
                    not any(is_clause_mark(between, n) for n in range(len(between)))
                    or relative
                    or (k > mention.first and self.event_type(between, nearest_last=True)[0] is None)
                ):
                    return True  # a cancelling before the date, only in its clause ("was cancelled, and … held on")
        # Further before, only with the event's long name and the relative clause that holds the date between: "to
        # cancel the 2020 Nordic Para Athletics Championships, which were scheduled to take place in Gothenburg on"
        return any(
            self.cancelling(tokens, k)
            and relative_clause(tokens[k + 1 : mention.first])
            and self.object_named(tokens[k + 1 : mention.first])
            for k in range(max(0, low - CANCEL_DISTANCE), low)
        )

    def cancels_another(self, tokens: list[Token], mention: Mention, k: int) -> bool:
        """Whether a verb of cancelling after a date has for its object another event than the one named just before
        the date: "The Board, meeting on Monday (6 April), has decided to cancel the Championships" (the meeting was
        held; not "On 5 May, the organisers cancelled the forum", whose date names no event before it)."""
        own = self.event_type(tokens[max(0, mention.first - OWN_EVENT_WORDS) : mention.first], nearest_last=True)[0]
        after = tokens[k + 1 : k + 1 + OWN_EVENT_WORDS]
        # its object in its clause (not "The concert on 8 July was cancelled, but the exhibition opens": another's)
        after = after[: next((n for n in range(len(after)) if is_clause_mark(after, n)), len(after))]
        cancelled = self.event_type(after, nearest_last=False)[0]
        return own is not None and cancelled is not None and cancelled != own

    def cancelling(self, tokens: list[Token], k: int) -> bool:
        """Whether token k is a verb of cancelling ("cancelled", "отменён", "отменяется"), not negated ("has not been
        cancelled", "отменён не был") and not a noun ("debt cancellation", "отмена санкций": a topic)."""
        token = tokens[k]
        called_off = token.lower in ("call", "calls", "called", "calling") and at(tokens, k + 1).lower == "off"
        if not (token.lower.startswith(CANCELLED) or called_off):
            return False
        if {t.lower for t in tokens[max(0, k - 3) : k + 2]} & NEGATIONS:
            return False
        if self.language == "ru":  # ("отменен" written without its "ё" is read as the adjective "отменный")
            verb = self.morphology.analysis(token.lower)[1] in ("VERB", "PRTS", "PRTF", "INFN")
            return verb or token.lower == "отменен"
        return called_off or token.lower in ("cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling")
