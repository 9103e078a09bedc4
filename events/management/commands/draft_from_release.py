"""Propose events from a press release's text: one line per proposal, for a person or a script to read."""

import datetime as dt
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.drafting import propose


class Command(BaseCommand):
    help = (
        "Read a press release (plain text) and print the events it names, one per line, tab-separated: "
        "dates (2017-11-14..2017-11-15, 2015-06 for a month, 2014 for a year), type, place, title, sentence."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The release as UTF-8 text; - for standard input.")
        parser.add_argument(
            "--published", required=True, help="Publication date (YYYY-MM-DD): decides years the text leaves out."
        )
        parser.add_argument("--language", default="en", choices=[code for code, _name in settings.LANGUAGES])

    def handle(self, *args, file, published, language, **options):
        try:
            day = dt.date.fromisoformat(published)
        except ValueError as error:
            raise CommandError(f"--published: give a date as YYYY-MM-DD, not {published!r}.") from error
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from error
        for proposal in propose(text, published=day, language=language):
            fields = (proposal.iso, proposal.event_type.slug, proposal.place_name, proposal.title, proposal.sentence)
            self.stdout.write("\t".join(fields))
