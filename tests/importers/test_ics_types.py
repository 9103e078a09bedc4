"""No --type needed: categories name types in either language, any case, by synonyms or by a word; the officer maps
the rest; what names nothing becomes "Other event", noted; the command and the admin page do the same."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from events.importers.ics import import_calendar
from events.models import Event

from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("categories", "slug"),
    [
        ("VISIT", "visit"),
        ("Official visit", "visit"),
        ("Визит", "visit"),
        ("визиты", "visit"),
        ("Conference", "forum"),
        ("Energy conference", "forum"),
        ("Фестиваль", "festival"),
        ("Дни культуры", "culture-days"),
        ("Summit", "forum"),
        ("Economy,Festivals", "festival"),
    ],
)
def test_categories_name_types_in_either_language_by_name_synonym_or_word(categories, slug):
    import_calendar(ics(event_lines(CATEGORIES=categories)))

    assert Event.objects.get(uid="partner-1").event_type.slug == slug


def test_what_names_no_type_becomes_other_event_with_a_note_and_stays_a_tag():
    report = import_calendar(ics(event_lines(CATEGORIES="Economy,Birthday")))

    event = Event.objects.get(uid="partner-1")
    assert (event.event_type.slug, sorted(tag.name for tag in event.tags.all())) == ("other", ["Birthday", "Economy"])
    assert report.notes == [
        (
            "Consultations (partner-1)",
            "no event type among its categories (Economy, Birthday): imported as “Other event”; change it if needed",
        )
    ]


def test_a_series_is_noted_once_not_per_occurrence(now):
    weekly = event_lines(CATEGORIES="Birthday", RRULE="FREQ=WEEKLY;COUNT=3", **{"DTSTART;VALUE=DATE": "20171120"})

    report = import_calendar(ics(weekly.replace("20271116", "20171121")), now=now)

    assert len(report.created) == 3
    assert report.notes == [
        (
            "Consultations (partner-1)",
            "no event type among its categories (Birthday): imported as “Other event”; change it if needed",
        )
    ]


def test_import_ics_command_maps_types_and_refuses_a_type_that_does_not_exist(tmp_path):
    path = tmp_path / "partner.ics"
    path.write_bytes(ics(event_lines(CATEGORIES="Plenum")))

    call_command("import_ics", str(path), "--map-type", "plenum=forum", stdout=StringIO())

    assert Event.objects.get(uid="partner-1").event_type.slug == "forum"
    with pytest.raises(CommandError, match=r"--map-type: no event type 'gala' for 'Plenum'; choose from "):
        call_command("import_ics", str(path), "--map-type", "Plenum=gala")
    with pytest.raises(CommandError, match="--map-type: write CATEGORY=TYPE, not 'Plenum'"):
        call_command("import_ics", str(path), "--map-type", "Plenum")


def test_admin_import_maps_types_without_a_default_and_can_be_strict(admin_client):
    content = ics(event_lines(CATEGORIES="Plenum"), event_lines(uid="bad", RRULE="FREQ=WEKLY"))
    form = {"language": "en", "source": "Partner", "type_map": "Plenum=forum"}

    loose = admin_client.post("/admin/events/event/import-ics/", {"file": SimpleUploadedFile("p.ics", content), **form})
    strict = admin_client.post(
        "/admin/events/event/import-ics/",
        {"file": SimpleUploadedFile("p.ics", content), **form, "strict": "on"},
    )

    assert (loose.status_code, strict.status_code) == (200, 200)
    assert Event.objects.get(uid="partner-1").event_type.slug == "forum"
    assert "RRULE cannot be read (Expected frequency, got: WEKLY), line 19" in loose.content.decode()
    assert "Refused as a whole (strict): Consultations (bad): RRULE cannot be read" in strict.content.decode()
