"""Write the public events of any selection to an .ics file, as the public feed would serve them."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.utils import timezone, translation

from events.facts import of_events
from events.feeds import feed_rows, listing_path, select_feed_events, selection_description, selection_name
from events.filters import FILTER_NAMES, describe_errors
from events.ical import write_calendar


class Command(BaseCommand):
    help = "Export public events to an iCalendar file, with the same filters as the feed."

    def add_arguments(self, parser):
        for name in FILTER_NAMES:
            parser.add_argument(f"--{name}", dest=f"filter_{name}", metavar=name.upper())
        parser.add_argument("-o", "--output", required=True, help="File to write; - for standard output.")
        parser.add_argument("--language", default="en", choices=[code for code, _ in settings.LANGUAGES])
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="Site address for the event links (no trailing /)."
        )

    def handle(self, *args, output, language, base_url, **options):
        params = QueryDict(mutable=True)
        for name in FILTER_NAMES:
            if options.get(f"filter_{name}") is not None:
                params[name] = options[f"filter_{name}"]
        now = timezone.now()
        with translation.override(language):
            filterset, events = select_feed_events(params, now=now)
            if events is None:
                raise CommandError("; ".join(describe_errors(filterset, prefix="--")))
            parts = write_calendar(
                of_events(feed_rows(events), now=now),
                name=selection_name(filterset),
                description=selection_description(filterset, base_url.rstrip("/") + listing_path(params)),
                base_url=base_url.rstrip("/"),
            )
        if output == "-":
            for part in parts:
                self.stdout.write(part.decode(), ending="")
        else:
            with open(output, "wb") as file:
                file.writelines(parts)
            count = sum(part.count(b"BEGIN:VEVENT\r\n") for part in parts)
            self.stderr.write(f"Wrote {count} events to {output}.")
