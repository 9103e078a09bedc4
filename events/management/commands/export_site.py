"""Write the public site (pages, feeds, sitemap, assets) as static files that any web server or CDN can serve."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.export import ExportError, export_site


class Command(BaseCommand):
    help = (
        "Export the public pages and feeds as static files with relative links. Re-running rewrites only "
        "changed files and removes those of events that are no longer public."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", help="Folder to write; created if missing.")
        parser.add_argument(
            "--lang",
            default=",".join(code for code, _name in settings.LANGUAGES),
            help="Languages to export, comma-separated (default: all).",
        )
        parser.add_argument(
            "--base-url",
            help="Address of the live site (https://…): filter forms, subscription links, canonical links and "
            "the sitemap point to it. Without it the export is self-contained and leaves those out.",
        )

    def handle(self, *args, outdir, lang, base_url, **options):
        languages = [code.strip() for code in lang.split(",") if code.strip()]
        known = [code for code, _name in settings.LANGUAGES]
        if not languages or set(languages) - set(known):
            raise CommandError(f"--lang: choose from {', '.join(known)}.")
        if base_url and not base_url.startswith(("https://", "http://")):
            raise CommandError("--base-url: give an address that starts with https:// or http://.")
        try:
            report = export_site(outdir, languages=languages, base_url=base_url)
        except ExportError as error:
            hint = " Run `manage.py collectstatic` first." if "staticfiles manifest" in str(error) else ""
            raise CommandError(f"{error}.{hint}") from error
        self.stdout.write(
            f"{len(report.files)} files in {outdir}: {report.written} written, "
            f"{report.unchanged} unchanged, {report.removed} removed."
        )
        if report.skipped:
            # Linked pages that failed: the rest is written, but a scheduled run must notice.
            raise CommandError("Not exported: " + "; ".join(report.skipped))
