"""The two roles as groups a superuser gives to staff: Editors write drafts, Publishers also make them public."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Models whose rows an officer writes while preparing events.
WRITTEN = ["event", "participation", "venue", "person", "organisation", "tag", "series", "source"]
EDITORS = "Editors"
PUBLISHERS = "Publishers"


def create_groups(apps, schema_editor):
    # Permissions are made after migrations; these groups need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    editing = [f"{action}_{model}" for model in WRITTEN for action in ("view", "add", "change")]
    editing += ["view_eventtype"]
    # Editors may delete events, but only drafts (the admin and the API refuse a published one without publish_event).
    editing += ["delete_event"]
    publishing = [*editing, "publish_event", *(f"delete_{model}" for model in WRITTEN)]
    for name, codenames in ((EDITORS, editing), (PUBLISHERS, publishing)):
        group, _created = group_model.objects.get_or_create(name=name)
        permissions = permission_model.objects.filter(content_type__app_label="events", codename__in=codenames)
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, PUBLISHERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0009_publish_permission_and_import_source"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
