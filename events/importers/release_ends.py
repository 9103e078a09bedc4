"""The end of an event proposed before, told in a later sentence: "The forum … will last until 16 September", "The
exhibition will run until 14 March" (the exhibition its day opened), a run of days after its one day ("The expedition
completed its work last Friday. From 1 to 19 August, 46 volunteers surveyed the slopes"); the EndReader of the
ReleaseReader (release.py), beside the PeriodReader whose words it uses."""

import datetime as dt

from events.models import Event, EventType

from .release_dates import Mention, at
from .release_names import QUOTES
from .release_periods import CONTINUING, OPENING_OF, RUNNING, TOPICS, UNTIL, month_end
from .release_tense import HAPPENING
from .release_words import GENERAL_TYPE, OCCURRING, TOKEN, Proposal, Token, tokens_of

# Words that may follow an exhibition's name in quotes, where a noun would make the name another thing's ("the
# "Friendship" bridge"): "open "Salt and Iron" at the gallery", "откроет «Соль и железо» в галерее".
NAME_FOLLOWERS = {"at", "in", "on", "to", "with", "together", "and", "for", "by", "from", "of", "which", "that", "в",
                  "во", "на", "с", "со", "и", "для", "по", "из", "вместе"}  # fmt: skip


class EndReader:
    """An event's end told after it; the ReleaseReader (release.py) sets up the state used here."""

    def runs_last(self, mention: Mention) -> bool:
        """Whether a run of days in a sentence that names no event is the run of the one-day event the sentence
        before named on its first or last day ("The expedition completed its work last Friday. From 1 to 19 August,
        46 volunteers surveyed the slopes"); if so, it is now."""
        last = self.last_proposal
        first = self.sentence_mentions[:1] == [mention]  # not the run of the sentence's own event, told after its day
        if mention.precision != Event.Precision.DAY or mention.start == mention.last or last is None or not first:
            return False
        if last.reason or last.precision != Event.Precision.DAY or last.start != last.end:
            return False
        if last.start not in (mention.start, mention.last):
            return False
        last.start, last.end = mention.start, mention.last
        return True

    def narrows_last(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a sentence led by a pronoun gives the days, within them, of the event the sentence before put in a
        month or a season ("the festival has been moved to the autumn. It will now be held from 2 to 8 October", "…
        перенесён на осень. Он пройдёт со 2 по 8 октября"); if so, it does now."""
        last = self.last_proposal
        if last is None or last.reason or last.precision == Event.Precision.DAY or self.sentence_mentions[0] != mention:
            return False
        end = last.end if last.precision == Event.Precision.YEAR else month_end(last.end)
        # its days start within it ("It will run from 15 May to 30 June" after "will open in May")
        if mention.precision != Event.Precision.DAY or not last.start <= mention.start <= end:
            return False
        # told by a verb of its holding or running: not "It coincides with the national holiday on 4 October", "It
        # was agreed on 3 September"
        if not self.sentence_words(tokens) & (HAPPENING | OCCURRING | CONTINUING):
            return False
        if not self.pronoun_led(tokens, mention):
            return False
        last.start, last.end, last.precision, last.vague = mention.start, mention.last, mention.precision, False
        return True

    def extends_last(self, tokens: list[Token], mention: Mention, kind: EventType | None) -> bool:
        """Whether a day that ends an event ("will last until 16 September") ends one proposed before: the last one
        of the paragraph, or, when the sentence names the event again ("The exhibition will run until 14 March"),
        the last one-day event of that type in the release (its opening); if so, it does now."""
        if kind is None and self.runs_last(mention):
            return True
        if (
            mention.precision == Event.Precision.YEAR
            or self.until_word(tokens, mention) not in UNTIL
            or not self.continued_to(tokens, mention)
        ):
            return False
        # "until the end of August": its last day
        end = mention.last if mention.precision == Event.Precision.DAY else month_end(mention.last)
        earlier = [self.last_proposal] if kind is None else [self.last_proposal, *reversed(self.found)]
        # Else the last one of the paragraph, whatever the word: "It presents … joint festivals, and will run
        # through 15 November" ends the exhibition before it.
        tries = [(last, kind, last is self.last_proposal) for last in earlier]
        if self.last_proposal is not None and self.last_proposal.event_type.slug in RUNNING:
            tries.append((self.last_proposal, None, False))
        for last, named, may_run in tries:
            if (
                last is not None
                and last.precision == Event.Precision.DAY
                and named in (None, last.event_type)
                and not last.reason
                and (may_run or last.start == last.end)
                and last.start <= end
                and (end - last.start).days <= 366
            ):
                last.end = end
                return True
        opener = self.last_proposal
        if kind is not None and kind.slug in RUNNING and opener is not None and self.opened_unnamed(opener, end):
            # "will open "Salt and Iron: Chilean Photography 1970–2020"", then "The exhibition … stays open until 29
            # October": what opened was the exhibition
            opener.event_type, opener.end = kind, end
            return True
        if kind is not None and kind.slug in RUNNING and opener is not None and self.opened_in(opener, kind, end):
            # "On Friday he will … open the photo exhibition", then "The exhibition will be on view until 10 April":
            # the exhibition runs from the day of the sentence that opened it.
            mention.start, mention.precision = opener.start, Event.Precision.DAY
        return False

    def opened_unnamed(self, earlier: Proposal, end: dt.date) -> bool:
        """Whether an earlier day's sentence tells of the opening of something by its name alone, with no event's
        word (proposed of the general type), which runs until end."""
        if earlier.reason or earlier.precision != Event.Precision.DAY or earlier.start != earlier.end:
            return False
        if earlier.event_type.slug != GENERAL_TYPE or not 0 < (end - earlier.start).days <= 366:
            return False
        tokens = tokens_of(earlier.sentence)
        opening = any(
            self.lemma(token) in OPENING_OF and self.name_opened(tokens, k + 1) for k, token in enumerate(tokens)
        )
        return opening and self.event_type(tokens, nearest_last=False)[0] is None

    @staticmethod
    def name_opened(tokens: list[Token], k: int) -> bool:
        """Whether a name in quotes stands at token k (past an article) and names the thing itself: "open "Salt and
        Iron" at the gallery", not "open the new "Friendship" bridge"."""
        k += at(tokens, k).lower in ("the", "its", "a")
        closing = QUOTES.get(at(tokens, k).text)
        end = next((j for j in range(k + 1, len(tokens)) if tokens[j].text == closing), None) if closing else None
        after = at(tokens, end + 1) if end is not None else None
        return after is not None and (not after.text[:1].isalpha() or after.lower in NAME_FOLLOWERS)

    def opened_in(self, earlier: Proposal, kind: EventType, end: dt.date) -> bool:
        """Whether an earlier day's sentence of another event tells of the opening of an event of this kind ("…
        and open the photo exhibition", "took part in the opening of the exhibition"), which runs until end."""
        if earlier.reason or earlier.precision != Event.Precision.DAY or not 0 < (end - earlier.start).days <= 366:
            return False
        said = [self.morphology.lemma(word, self.language) for word in TOKEN.findall(earlier.sentence)]
        # Not a topic: "held talks on opening an exhibition", "обсудили вопрос об открытии выставки"
        opening = any(word in OPENING_OF and (k == 0 or said[k - 1] not in TOPICS) for k, word in enumerate(said))
        return opening and bool(set(said) & self.words_of_type(kind)) and earlier.event_type != kind
