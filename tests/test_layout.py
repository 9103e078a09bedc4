"""The code's shape: files of a readable size, no Django internals, each module with its tests, no patched code."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    path
    for folder in ("events", "calendar_site", "scripts")
    for path in (ROOT / folder).rglob("*.py")
    if "migrations" not in path.parts
)
MODULES = [path for path in SOURCES if path.parts[len(ROOT.parts)] == "events" and path.name != "__init__.py"]

# Attributes Django keeps to itself (a leading underscore on its objects): a new Django release may change them.
DJANGO_PRIVATE = re.compile(
    r"\._(result_cache|prefetch_done|prefetched_objects_cache|known_related_objects|container|do_update|do_insert"
    r"|update|wrapped|setupfunc|base_manager_name|iterable_class|fields|hints|db|for_write|sticky_filter"
    r"|csp_update|csp_replace|csp_config|closable_objects|handler_class|resource_closers)\b"
)

# Modules tested through another module's tests: the file that covers each.
TESTED_WITH = {
    "events/alert_mail.py": "tests/alerts/test_sending.py",  # e-mail alerts: the messages received
    "events/alert_runs.py": "tests/alerts/test_sending.py",
    "events/alerts.py": "tests/alerts/test_signup.py",  # e-mail alerts: their pages
    "events/models/alerts.py": "tests/alerts/test_signup.py",
    "events/admin/alerts.py": "tests/test_permissions.py",  # who sees e-mail alerts in admin
    "events/admin/forms.py": "tests/admin/test_event.py",  # the event form's local times, through the admin
    "events/admin/rows.py": "tests/test_permissions.py",  # who may change the rows events show
    "events/admin_views.py": "tests/importers/test_ics.py",  # the import and drafting pages (and test_release.py)
    "events/api/parsers.py": "tests/api/test_views.py",
    "events/api/schema.py": "tests/api/test_views.py",
    "events/api/serializers.py": "tests/api/test_views.py",
    "events/api/urls.py": "tests/test_permissions.py",
    "events/apps.py": "tests/test_migrations.py",
    "events/history.py": "tests/test_concurrent_edits.py",  # the change history's records
    "events/importers/ics_mapping.py": "tests/importers/test_ics.py",  # the parts of the .ics importer
    "events/jsonld.py": "tests/test_views.py",  # the event page's JSON-LD
    "events/importers/ics_reading.py": "tests/importers/test_ics.py",
    "events/importers/ics_recurrence.py": "tests/importers/test_ics.py",
    "events/importers/ics_writing.py": "tests/importers/test_ics.py",
    "events/importers/release_kind_words.py": "tests/importers/test_release_kinds.py",  # the words of the kinds
    "events/importers/release_press.py": "tests/importers/test_release_sixteenth.py",  # press conferences
    "events/importers/release_cancels.py": "tests/importers/test_release_references.py",  # events cancelled
    "events/importers/release_numeric.py": "tests/importers/test_release_dates.py",  # numeric dates
    "events/importers/release_named.py": "tests/importers/test_release_seventeenth.py",  # events by their names' ends
    "events/importers/release_places.py": "tests/importers/test_release.py",  # the parts of the drafter
    "events/importers/release_words.py": "tests/importers/test_release.py",
    "events/models/base.py": "tests/test_text.py",
    "events/models/data_version.py": "tests/test_freshness.py",
    "events/models/tokens.py": "tests/test_feeds.py",  # the private feeds' tokens
    "events/models/vocabulary.py": "tests/models/test_event.py",
    "events/sitemaps.py": "tests/test_views.py",
    "events/sqlite.py": "tests/test_security.py",
    "events/templatetags/events_tags.py": "tests/test_views.py",
    "events/translation.py": "tests/test_translations.py",
    "events/urls.py": "tests/test_permissions.py",
    "events/views.py": "tests/test_views.py",
}


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_module_is_longer_than_500_lines():
    long = {relative(path): lines for path in SOURCES if (lines := len(path.read_text().splitlines())) > 500}
    assert long == {}


def test_no_django_private_attribute_is_used():
    found = [
        f"{relative(path)}:{number}: {match.group(0)}"
        for path in SOURCES
        for number, line in enumerate(path.read_text().splitlines(), 1)
        for match in DJANGO_PRIVATE.finditer(line)
    ]
    assert found == []


@pytest.mark.parametrize("module", [relative(path) for path in MODULES])
def test_each_module_has_its_test_file(module):
    """events/a/b.py is tested in tests/a/test_b.py (a command in tests/test_commands.py), or where TESTED_WITH says."""
    parts = Path(module).parts[1:]
    if parts[:2] == ("management", "commands"):
        expected = "tests/test_commands.py"
    else:
        expected = TESTED_WITH.get(module, "/".join(("tests", *parts[:-1], f"test_{parts[-1]}")))
    assert (ROOT / expected).exists(), expected


def test_tests_patch_no_code_of_the_project():
    patching = re.compile(r"monkeypatch\.setattr|mock\.patch|patch\.object")
    found = [
        f"{relative(path)}:{number}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if path.name != "test_layout.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if patching.search(line)
    ]
    assert found == []
