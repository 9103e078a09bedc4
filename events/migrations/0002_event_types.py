"""Create the four event types the calendar starts with; officers add more in admin."""

from django.db import migrations

EVENT_TYPES = [
    # slug, name (en, ru), plural (en, ru), is_visit
    ("visit", "Visit", "Визит", "Visits", "Визиты", True),
    ("forum", "Forum", "Форум", "Forums", "Форумы", False),
    ("festival", "Festival", "Фестиваль", "Festivals", "Фестивали", False),
    ("culture-days", "Culture days", "Дни культуры", "Culture days", "Дни культуры", False),
]


def create_event_types(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    for position, (slug, name_en, name_ru, plural_en, plural_ru, is_visit) in enumerate(EVENT_TYPES):
        EventType.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name_en,
                "name_en": name_en,
                "name_ru": name_ru,
                "name_plural": plural_en,
                "name_plural_en": plural_en,
                "name_plural_ru": plural_ru,
                "is_visit": is_visit,
                "position": position,
            },
        )


def delete_event_types(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    EventType.objects.filter(slug__in=[row[0] for row in EVENT_TYPES], events__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(create_event_types, delete_event_types)]
