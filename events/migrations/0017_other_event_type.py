"""Add the general type "Other event": what an imported calendar's categories do not name gets it, until an officer
chooses a better one."""

from django.db import migrations

OTHER = {
    "name": "Other event",
    "name_en": "Other event",
    "name_ru": "Другое событие",
    "name_plural": "Other events",
    "name_plural_en": "Other events",
    "name_plural_ru": "Другие события",
    "is_visit": False,
    "position": 99,
}


def create_other_type(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    EventType.objects.get_or_create(slug="other", defaults=OTHER)


def delete_other_type(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    EventType.objects.filter(slug="other", events__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0016_timed_events_ending_at_midnight")]

    operations = [migrations.RunPython(create_other_type, delete_other_type)]
