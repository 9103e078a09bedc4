"""Admin pages that bring events in: upload an iCalendar file (and, in drafting.py's form, a press release)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .importing import ImportFileError, import_calendar
from .models import EventType


class ImportIcsForm(forms.Form):
    file = forms.FileField(label=_("iCalendar file (.ics)"))
    event_type = forms.ModelChoiceField(
        EventType.objects.all(),
        label=_("Type for events whose categories name no type"),
        required=False,
    )
    language = forms.ChoiceField(label=_("Language of the file's texts"), choices=settings.LANGUAGES)
    publish = forms.BooleanField(label=_("Publish new events (otherwise they are drafts)"), required=False)
    dry_run = forms.BooleanField(
        label=_("Preview only: show what would change, write nothing"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        cap = getattr(settings, "EVENTS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
        if upload.size > cap:
            raise forms.ValidationError(
                gettext("The file is larger than %(mb)s MB.") % {"mb": round(cap / 1024 / 1024, 1)}
            )
        return upload


def import_ics_view(model_admin, request):
    """Upload an .ics file: preview the report (default), then import it; all or nothing."""
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    report = None
    form = ImportIcsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = import_calendar(
                data["file"].read(),
                dry_run=data["dry_run"],
                default_type=data["event_type"],
                publish=data["publish"],
                language=data["language"],
            )
        except ImportFileError as error:
            form.add_error("file", gettext("%(error)s Nothing was imported.") % {"error": error})
        else:
            level = messages.INFO if data["dry_run"] else messages.SUCCESS
            prefix = gettext("Preview, nothing written: ") if data["dry_run"] else ""
            messages.add_message(request, level, prefix + report.counts() + ".")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("Import events from an iCalendar file"),
        "form": form,
        "report": report,
    }
    return TemplateResponse(request, "admin/events/event/import_ics.html", context)
