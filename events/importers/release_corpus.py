"""Measure drafting on releases whose events are known: precision and recall per language.

A corpus is a folder of UTF-8 text files (*.txt), one release each, in this form (tests/releases/README.md):

    published: 2019-03-04
    language: en
    event: 2019-03-12..2019-03-13 meeting
    event: 2019-05 exhibition
    ---
    The release's text...

"event:" lines give the events an officer would enter, dates in the form draft_from_release prints, then the type's
slug; a release may have none. A proposal matches an expected event when its dates and type agree; each expected
event is matched once. Proposals drafting shows unticked (a treaty's date...) are not counted as proposed.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from events.models import EventType

from .release import propose
from .release_kinds import GENERAL_TYPE
from .release_words import parse_dates

# The types the corpora's expected events name (slug, English, Russian, is a visit): the seed's and the general one.
# They are created for the measurement, if the calendar lacks them, and removed after it.
CORPUS_TYPES = [
    ("visit", "Visit", "Визит", True),
    ("forum", "Forum", "Форум", False),
    ("festival", "Festival", "Фестиваль", False),
    ("culture-days", "Culture days", "Дни культуры", False),
    ("meeting", "Meeting", "Заседание", False),
    ("signing", "Signing", "Подписание", False),
    ("exhibition", "Exhibition", "Выставка", False),
    (GENERAL_TYPE, "Other event", "Другое событие", False),
]
SEPARATOR = "---"


class CorpusError(ValueError):
    """A corpus file that does not follow the format; the message names the file and the line."""


@dataclass
class Release:
    path: Path
    published: dt.date
    language: str
    expected: list[tuple[str, str]]
    text: str


@dataclass
class Score:
    """Counts for some releases: expected events, proposals, and the proposals that match an expected event."""

    releases: int = 0
    expected: int = 0
    proposed: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def add(self, other: "Score") -> None:
        self.releases += other.releases
        self.expected += other.expected
        self.proposed += other.proposed
        self.matched += other.matched
        self.misses += other.misses


def read_release(path: Path) -> Release:
    """One corpus file: its header (published, language, events), then the text after the "---" line."""
    header, separator, text = path.read_text(encoding="utf-8").partition(f"\n{SEPARATOR}\n")
    if not separator:
        raise CorpusError(_("%(file)s: no “---” line between the header and the text.") % {"file": path})
    fields: dict[str, str] = {}
    expected = []
    for number, line in enumerate(header.splitlines(), 1):
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in ("published", "language", "event"):
            raise CorpusError(
                _("%(file)s, line %(line)d: write “published:”, “language:” or “event:”.")
                % {"file": path, "line": number}
            )
        if key.strip() == "event":
            expected.append(expected_event(path, number, value))
        else:
            fields[key.strip()] = value.strip()
    try:
        published = dt.date.fromisoformat(fields.get("published", ""))
    except ValueError as error:
        raise CorpusError(_("%(file)s: give “published:” as YYYY-MM-DD.") % {"file": path}) from error
    return Release(path, published, fields.get("language", ""), expected, text)


def expected_event(path: Path, number: int, value: str) -> tuple[str, str]:
    dates, _space, slug = value.strip().partition(" ")
    try:
        parse_dates(dates)
    except ValueError as error:
        raise CorpusError(f"{path}, line {number}: {error}") from error
    if not slug.strip():
        raise CorpusError(
            _("%(file)s, line %(line)d: give the type's slug after the dates.") % {"file": path, "line": number}
        )
    return dates, slug.strip()


def score_release(release: Release) -> Score:
    """How drafting does on one release; the misses and extras named, for whoever improves the rules."""
    proposals = [p for p in propose(release.text, published=release.published) if not p.reason]
    found = Counter((proposal.iso, proposal.event_type.slug) for proposal in proposals)
    wanted = Counter(release.expected)
    matched = found & wanted
    name = release.path.name
    misses = [f"{name}: missed {dates} {slug}" for dates, slug in (wanted - matched).elements()]
    misses += [f"{name}: extra {dates} {slug}" for dates, slug in (found - matched).elements()]
    return Score(1, sum(wanted.values()), sum(found.values()), sum(matched.values()), misses)


def evaluate(folder: Path) -> dict[str, Score]:
    """Scores of a folder's releases by language, and "all"; the corpus's types exist only while it is read."""
    releases = [read_release(path) for path in sorted(folder.glob("*.txt"))]
    scores: dict[str, Score] = {}
    with transaction.atomic():
        ensure_corpus_types()
        for release in releases:
            score = score_release(release)
            scores.setdefault(release.language, Score()).add(score)
            scores.setdefault("all", Score()).add(score)
        transaction.set_rollback(True)
    return scores


def ensure_corpus_types() -> None:
    for position, (slug, name_en, name_ru, is_visit) in enumerate(CORPUS_TYPES):
        if not EventType.objects.filter(slug=slug).exists():
            EventType.objects.create(
                slug=slug, name=name_en, name_en=name_en, name_ru=name_ru, name_plural=name_en, is_visit=is_visit,
                position=100 + position,
            )  # fmt: skip
