"""Import events from an iCalendar file or address: upsert by UID, all or nothing."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from events.importers.ics import ImportFileError, import_calendar, location_source, source_name
from events.importers.ics_reading import read_location
from events.models import EventType


class Command(BaseCommand):
    help = (
        "Import an .ics file or http(s) address: new UIDs are created (as drafts unless --publish), known ones "
        "updated when the file's SEQUENCE or LAST-MODIFIED is newer, STATUS:CANCELLED cancels. Only events "
        "imported before from the same --source are updated or cancelled; others are reported as conflicts. "
        "Categories give the type (names and common synonyms in English and Russian, any case); what names no "
        "type becomes 'Other event'. An event that cannot be read is skipped with the reason, the rest imports "
        "(--strict refuses the whole file instead). Nothing is written when the file is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", metavar="FILE_OR_URL")
        parser.add_argument(
            "--type", help="Event type (slug) for events whose categories name no type (default: other)."
        )
        parser.add_argument("--publish", action="store_true", help="Publish new events (default: drafts).")
        parser.add_argument(
            "--source",
            metavar="NAME",
            help="Whom the events belong to: a later import updates or cancels only events of its own source "
            "(default: the address, or the absolute path of the file).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")
        parser.add_argument(
            "--map-category",
            action="append",
            default=[],
            metavar="CATEGORY=SLUG",
            help="Read a category as this event type or tag slug; repeat for more.",
        )
        parser.add_argument(
            "--map-type",
            action="append",
            default=[],
            metavar="CATEGORY=TYPE",
            help='Read a category as this event type (its slug, e.g. "Conference=forum"); repeat for more.',
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Refuse the whole file when any event cannot be read or loses a property (default: skip it).",
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the file's texts.",
        )
        parser.add_argument("--timezone", default=None, help="Zone for floating times (default: TIME_ZONE).")

    def handle(self, *args, location, type, publish, source, dry_run, map_category, map_type, strict, **options):
        language, timezone = options["language"], options["timezone"]
        try:
            source = source_name(location_source(location) if source is None else source)
        except ImportFileError as error:
            raise CommandError(f"--source: {error}") from error
        default_type = None
        if type:
            default_type = EventType.objects.filter(slug=type).first()
            if default_type is None:
                known = ", ".join(EventType.objects.order_by("slug").values_list("slug", flat=True))
                raise CommandError(f"--type: no event type {type!r}; choose from {known}.")
        if timezone:
            try:
                ZoneInfo(timezone)
            except (ZoneInfoNotFoundError, ValueError) as error:
                raise CommandError(
                    f"--timezone: {timezone!r} is not an IANA time zone such as Europe/Minsk."
                ) from error
        mapping = self.mapping(map_category, "--map-category", "CATEGORY=SLUG")
        types = self.mapping(map_type, "--map-type", "CATEGORY=TYPE")
        known = set(EventType.objects.values_list("slug", flat=True))
        for name, slug in types.items():
            if slug not in known:
                raise CommandError(
                    f"--map-type: no event type {slug!r} for {name!r}; choose from {', '.join(sorted(known))}."
                )
        mapping.update(types)
        with translation.override(language):
            try:
                report = import_calendar(
                    read_location(location),
                    dry_run=dry_run,
                    source=source,
                    default_type=default_type,
                    publish=publish,
                    category_map=mapping,
                    language=language,
                    zone=timezone,
                    strict=strict,
                )
            except ImportFileError as error:
                raise CommandError(f"{location}: {error} Nothing was imported.") from error
            for label in report.created:
                self.stdout.write(f"created: {label}")
            for label, published in report.updated_rows:
                self.stdout.write(
                    f"updated (published: subscribers will see it): {label}" if published else f"updated: {label}"
                )
            for label, why in report.skipped:
                self.stdout.write(f"skipped: {label}: {why}")
            for label, why in report.conflicts:
                self.stdout.write(f"conflict: {label}: {why}")
            for label, what in report.notes:
                self.stdout.write(f"check: {label}: {what}")
            prefix = "Dry run, nothing written: " if dry_run else ""
            self.stdout.write(f"{prefix}{report.counts()}.")

    @staticmethod
    def mapping(pairs: list[str], option: str, form: str) -> dict[str, str]:
        """The officer's CATEGORY=VALUE pairs of an option, checked."""
        mapping = {}
        for pair in pairs:
            name, sep, value = pair.partition("=")
            if not sep or not name.strip() or not value.strip():
                raise CommandError(f"{option}: write {form}, not {pair!r}.")
            mapping[name.strip()] = value.strip()
        return mapping
