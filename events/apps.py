import importlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def restore_event_types(sender, apps=None, using="default", **kwargs):
    """After `flush` (which empties every table, then sends post_migrate), bring back the starting event types.

    Only into an empty table: the types officers renamed or removed stay as they are.
    """
    if apps is None:  # flush sends no migration state: the models as they are
        from django.apps import apps
    try:
        EventType = apps.get_model("events", "EventType")
    except LookupError:  # migrated back before the model existed
        return
    if not EventType.objects.using(using).exists():
        importlib.import_module("events.migrations.0002_event_types").create_event_types(apps, None)


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from . import freshness, history, sqlite

        freshness.connect(self)
        sqlite.connect()
        history.connect()
        post_migrate.connect(restore_event_types, sender=self, dispatch_uid="events.restore_event_types")
