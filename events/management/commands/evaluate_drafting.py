"""Measure drafting from press releases on the project's corpus: precision and recall per language."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.importers.release_corpus import CorpusError, evaluate

# The corpus the rules are measured on; its held-out* folders hold releases written after the rules, each in another
# voice, reported apart.
CORPUS = Path(settings.BASE_DIR) / "tests" / "releases"
HELD_OUT = "held-out*"
# The least precision and recall, in each language, on the corpus (README, "Drafting from press releases").
MIN_PRECISION = 95.0
MIN_RECALL = 90.0


class Command(BaseCommand):
    help = (
        "Draft events from each release of the corpus (tests/releases, and separately each of its held-out* folders) "
        "and print precision and recall per language and overall. A proposal matches an expected event when its dates "
        "(as draft_from_release prints them) and its type agree; each expected event is matched once. Exits with "
        f"status 1 when the corpus's precision or recall in a language is below {MIN_PRECISION:g}% or "
        f"{MIN_RECALL:g}%; the held-out releases are reported, not held to them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=CORPUS, help="The folder of releases held to the limits.")
        parser.add_argument(
            "--held-out",
            type=Path,
            action="append",
            help="A folder reported apart (may be repeated); by default each held-out* folder of the corpus's.",
        )
        parser.add_argument("--min-precision", type=float, default=MIN_PRECISION, help="Per cent.")
        parser.add_argument("--min-recall", type=float, default=MIN_RECALL, help="Per cent.")
        parser.add_argument("--misses", action="store_true", help="Also list each missed and each extra event.")

    def handle(self, *args, corpus, held_out, min_precision, min_recall, misses, **options):
        failing = []
        if held_out is None:
            held_out = sorted(folder for folder in corpus.glob(HELD_OUT) if folder.is_dir())
        folders = [("corpus", corpus, True)] + [("held-out", folder, False) for folder in held_out]
        for name, folder, held in folders:
            if not folder.is_dir():
                if held:
                    raise CommandError(f"{folder}: no such folder.")
                continue
            try:
                scores = evaluate(folder)
            except (CorpusError, OSError, UnicodeDecodeError) as error:
                raise CommandError(str(error)) from error
            if not scores:
                raise CommandError(f"{folder}: no release (*.txt) in it.")
            self.stdout.write(f"{name} ({folder}):")
            self.stdout.write("  language  releases  expected  proposed  matched  precision  recall")
            for language, score in sorted(scores.items(), key=lambda item: item[0] == "all"):
                self.stdout.write(
                    f"  {language:8}  {score.releases:8}  {score.expected:8}  {score.proposed:8}  {score.matched:7}"
                    f"  {100 * score.precision:8.1f}%  {100 * score.recall:5.1f}%"
                )
                if (
                    held
                    and language != "all"
                    and (100 * score.precision < min_precision or 100 * score.recall < min_recall)
                ):
                    failing.append(language)
            if misses:
                for line in scores["all"].misses:
                    self.stdout.write(f"    {line}")
        if failing:
            raise CommandError(
                f"Drafting is below {min_precision:g}% precision or {min_recall:g}% recall in: {', '.join(failing)}."
            )
