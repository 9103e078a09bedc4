"""Texts stored before every save cleaned them: control characters out, line breaks out of one-line fields."""

from django.db import migrations, models

from events.text import clean_line, clean_text

MODELS = ["eventtype", "venue", "person", "organisation", "tag", "series", "source", "event", "participation"]


def clean_rows(apps, schema_editor):
    cleaned_any = False
    for name in MODELS:
        model = apps.get_model("events", name)
        fields = [
            field for field in model._meta.concrete_fields if isinstance(field, models.CharField | models.TextField)
        ]
        for row in model.objects.values("pk", *(field.attname for field in fields)).iterator():
            changed = {}
            for field in fields:
                value = row[field.attname]
                if isinstance(value, str) and value:
                    cleaned = clean_text(value) if isinstance(field, models.TextField) else clean_line(value)
                    if cleaned != value:
                        changed[field.attname] = cleaned
            if changed:
                model.objects.filter(pk=row["pk"]).update(**changed)
                cleaned_any = True
    if cleaned_any:
        # Feeds cached from the old texts (in Redis) must not be served again.
        apps.get_model("events", "DataVersion").objects.filter(pk=1).update(number=models.F("number") + 1)


class Migration(migrations.Migration):
    dependencies = [("events", "0010_editor_and_publisher_groups")]

    operations = [migrations.RunPython(clean_rows, migrations.RunPython.noop)]
