"""The admin: the events (event.py, with its form in forms.py) and the rows they share (rows.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import alerts, event, rows  # noqa: F401 - registers the admins

admin.site.site_header = _("Diplomatic events calendar: administration")
admin.site.site_title = _("Diplomatic events calendar")
admin.site.index_title = _("Events, people and places")
# The index leads to the desk (events/admin/desk.py) above the list of models.
admin.site.index_template = "admin/events/index.html"
