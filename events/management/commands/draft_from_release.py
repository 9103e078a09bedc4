"""Propose events from a press release's text: one line per proposal, for a person or a script to read."""

import datetime as dt
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.importers.release import propose
from events.importers.release_words import MAX_TEXT


class Command(BaseCommand):
    help = (
        "Read a press release (plain text, English or Russian) and print the events it names, one per line, "
        "tab-separated: dates (2017-11-14..2017-11-15, 2015-06 for a month, 2014 for a year), type, place, title, "
        "sentence. Dates of treaties, the days anniversaries count from and birthdays are left out."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help=f"The release as UTF-8 text, at most {MAX_TEXT:,} characters; - for standard input."
        )
        parser.add_argument(
            "--published", required=True, help="Publication date (YYYY-MM-DD): decides years the text leaves out."
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The release's language; by default told from its text (its alphabet).",
        )

    def handle(self, *args, file, published, language, **options):
        try:
            day = dt.date.fromisoformat(published)
        except ValueError as error:
            raise CommandError(f"--published: give a date as YYYY-MM-DD, not {published!r}.") from error
        try:
            # One character more than drafting reads tells a text that is too long, without reading all of it.
            if file == "-":
                text = sys.stdin.read(MAX_TEXT + 1)
            else:
                with Path(file).open(encoding="utf-8") as release:
                    text = release.read(MAX_TEXT + 1)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from error
        if len(text) > MAX_TEXT:
            limit_ru = f"{MAX_TEXT:,}".replace(",", "\u00a0")
            source = "standard input" if file == "-" else file
            raise CommandError(
                f"{source}: the text is longer than {MAX_TEXT:,} characters, the most drafting reads; "
                f"draft the release in parts.\nТекст длиннее {limit_ru} знаков — больше, чем читается при "
                "составлении черновиков; разделите пресс-релиз на части."
            )
        for proposal in propose(text, published=day, language=language):
            if proposal.reason:
                continue  # not an event (a treaty's date, an anniversary's first day): the admin page shows it unticked
            fields = (proposal.iso, proposal.event_type.slug, proposal.place_name, proposal.title, proposal.sentence)
            self.stdout.write("\t".join(fields))
