"""Admin pages that bring events in: upload an iCalendar file, draft events from a press release (forms and views;
the work is the importers' and services')."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from timezone_field import TimeZoneFormField

from . import services
from .importers.ics import ImportFileError, import_calendar, source_name
from .importers.release import propose
from .importers.release_words import MAX_TEXT, detect_language, parse_dates
from .models import Event, EventType, Person


class ImportIcsForm(forms.Form):
    file = forms.FileField(label=_("iCalendar file (.ics)"))
    source = forms.CharField(
        label=_("Source (partner or address)"),
        max_length=300,
        help_text=_(
            "Who the file comes from: the partner's name or the address of its feed, written the same way each "
            "time. The events it creates belong to this source: a later file updates or cancels them only under "
            "the same source, and never changes events made in this calendar or imported from another source."
        ),
    )
    event_type = forms.ModelChoiceField(
        EventType.objects.all(),
        label=_("Type for events whose categories name no type"),
        required=False,
        help_text=_(
            "Categories give the type by its name or a common synonym, in English or Russian, in any case "
            "(“Official visit”, “Визит”, “Conference”); without a choice here, what names no type becomes "
            "“Other event”, which you can change later."
        ),
    )
    type_map = forms.CharField(
        label=_("Categories read as types"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: the category, “=”, and the type's slug, e.g. “Conference=forum”."),
    )
    strict = forms.BooleanField(
        label=_("Refuse the whole file if any event cannot be read"),
        required=False,
        help_text=_("Otherwise such events are skipped, with the reason, and the rest is imported."),
    )
    language = forms.ChoiceField(label=_("Language of the file's texts"), choices=settings.LANGUAGES)
    timezone = TimeZoneFormField(
        label=_("Time zone of times without one"), required=False, initial=settings.TIME_ZONE, use_pytz=False
    )
    publish = forms.BooleanField(
        label=_("Publish new events (otherwise they are drafts)"),
        required=False,
        help_text=_("Needs the publish permission, as does updating events that are already published."),
    )
    dry_run = forms.BooleanField(
        label=_("Preview only: show what would change, write nothing"), required=False, initial=True
    )

    def __init__(self, *args, may_publish: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_publish = may_publish

    def clean_source(self):
        try:
            return source_name(self.cleaned_data["source"])
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error

    def clean_type_map(self):
        """The officer's "Category=slug" lines, each naming a type that exists."""
        mapping, known = {}, set(EventType.objects.values_list("slug", flat=True))
        for line in self.cleaned_data["type_map"].splitlines():
            if not line.strip():
                continue
            name, sep, slug = line.partition("=")
            if not sep or not name.strip() or not slug.strip():
                raise forms.ValidationError(gettext("Write each line as Category=slug, not “%(line)s”.") % {
                    "line": line.strip()[:80]})  # fmt: skip
            if slug.strip() not in known:
                raise forms.ValidationError(gettext("There is no event type “%(slug)s”; choose one of %(known)s.") % {
                    "slug": slug.strip()[:50], "known": ", ".join(sorted(known))})  # fmt: skip
            mapping[name.strip()] = slug.strip()
        return mapping

    def clean_publish(self):
        if self.cleaned_data["publish"] and not self.may_publish:
            raise forms.ValidationError(
                gettext("Only a publisher may publish events: untick “Publish” to import them as drafts.")
            )
        return self.cleaned_data["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        cap = getattr(settings, "EVENTS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
        if upload.size > cap:
            raise forms.ValidationError(
                gettext("The file is larger than %(mb)s MB.") % {"mb": round(cap / 1024 / 1024, 1)}
            )
        return upload


def import_ics_view(model_admin, request):
    """Upload an .ics file: preview the report (default), then import it in one transaction."""
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    report = None
    may_publish = services.may_publish(request.user)
    form = ImportIcsForm(request.POST or None, request.FILES or None, may_publish=may_publish)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = import_calendar(
                data["file"].read(),
                dry_run=data["dry_run"],
                source=data["source"],
                may_publish=may_publish,
                default_type=data["event_type"],
                publish=data["publish"],
                language=data["language"],
                zone=str(data["timezone"]) if data["timezone"] else None,
                category_map=data["type_map"],
                strict=data["strict"],
            )
        except ImportFileError as error:
            form.add_error("file", gettext("%(error)s Nothing was imported.") % {"error": error})
        else:
            level = messages.INFO if data["dry_run"] else messages.SUCCESS
            prefix = gettext("Preview, nothing written: ") if data["dry_run"] else ""
            messages.add_message(request, level, prefix + report.counts() + ".")
    title = gettext("Import events from an iCalendar file")
    return tool_page(model_admin, request, "import_ics.html", title=title, form=form, report=report)


def tool_page(model_admin, request, template: str, **context) -> TemplateResponse:
    """An admin page of the events' tools, with the admin's own context (site header, breadcrumbs)."""
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, **context}
    return TemplateResponse(request, f"admin/events/event/{template}", context)


class ReleaseForm(forms.Form):
    """The press release to draft events from: its text (pasted or uploaded) and what makes it a source."""

    title = forms.CharField(label=_("Title of the release"), max_length=500)
    url = forms.URLField(label=_("Address (URL)"), required=False, max_length=500, assume_scheme="https")
    published = forms.DateField(label=_("Publication date"), help_text=_("Years the text leaves out follow from it."))
    language = forms.ChoiceField(
        label=_("Language of the release"),
        choices=[("", _("Tell from the text")), *settings.LANGUAGES],
        required=False,
        help_text=_("The text's alphabet tells English from Russian; choose one only to override it."),
    )
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}), required=False, max_length=MAX_TEXT
    )
    file = forms.FileField(label=_("…or a text file (UTF-8)"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > 1024 * 1024:
                self.add_error("file", gettext("The file is larger than %(mb)s MB.") % {"mb": 1})
            else:
                try:
                    data["text"] = upload.read().decode("utf-8-sig")
                except UnicodeDecodeError:
                    self.add_error("file", gettext("The file is not UTF-8 text."))
        if not (data.get("text") or "").strip() and not self.errors:
            self.add_error("text", gettext("Paste the release's text or upload it."))
        elif upload and not self.errors:
            # An uploaded text is held to the pasted text's limit (drafting reads no more than MAX_TEXT).
            try:
                MaxLengthValidator(MAX_TEXT)(data["text"])
            except ValidationError as error:
                self.add_error("file", error)
        data["text"] = (data.get("text") or "").replace("\x00", "")
        data["language"] = data.get("language") or detect_language(data["text"])
        return data


def country_choices() -> list[tuple[str, str]]:
    return [("", "—"), *countries]


class ProposalForm(forms.Form):
    """One proposed event, as the officer corrects it before saving it as a draft."""

    include = forms.BooleanField(label=_("Save"), required=False, initial=True)
    title = forms.CharField(label=_("title"), max_length=300)
    event_type = forms.ModelChoiceField(EventType.objects.all(), label=_("type"))
    visit_level = forms.ChoiceField(
        label=_("visit level"), choices=[("", "—"), *Event.VisitLevel.choices], required=False
    )
    dates = forms.CharField(label=_("dates"), help_text=_("2017-11-14..2017-11-15, 2015-06 or 2014"), max_length=30)
    city_en = forms.CharField(label=_("city (English)"), required=False, max_length=100)
    city_ru = forms.CharField(label=_("city (Russian)"), required=False, max_length=100)
    # A callable: the countries are named (and sorted) in the officer's language when the form is shown, not in the
    # language the module was imported in.
    country = forms.ChoiceField(label=_("country"), choices=country_choices, required=False)
    timezone = forms.CharField(widget=forms.HiddenInput, required=False)
    people = forms.ModelMultipleChoiceField(Person.objects.all(), label=_("participants"), required=False)
    sentence = forms.CharField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_people(self):
        """The people in the order the officer left them (the visitor first), not the database's."""
        order = [str(value) for value in self.data.getlist(self.add_prefix("people"))]
        return sorted(self.cleaned_data["people"], key=lambda person: order.index(str(person.pk)))

    def clean_dates(self):
        try:
            return parse_dates(self.cleaned_data["dates"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


ProposalFormSet = forms.formset_factory(ProposalForm, extra=0, max_num=200, absolute_max=200)


def proposal_initial(proposal) -> dict:
    place = proposal.place or {}
    return {
        # A date that is likely not an event (a treaty's, an anniversary's first day) is shown unticked, with why.
        "include": not proposal.reason,
        "title": proposal.title[:300],
        "event_type": proposal.event_type,
        "visit_level": proposal.visit_level,
        "dates": proposal.iso,
        "city_en": place.get("city_en", ""),
        "city_ru": place.get("city_ru", ""),
        "country": place.get("country", ""),
        "timezone": place.get("timezone", ""),
        "people": proposal.people,
        "sentence": proposal.sentence,
        "reason": proposal.reason,
    }


def draft_from_release_view(model_admin, request):
    """Paste a release, get proposed events, correct and tick them, save them as drafts with the release as source."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    release = ReleaseForm(request.POST or None, request.FILES or None)
    proposals = None
    if request.method == "POST" and release.is_valid():
        data = release.cleaned_data
        if "save" in request.POST:
            proposals = ProposalFormSet(request.POST, prefix="proposal")
            if proposals.is_valid():
                chosen = [form for form in proposals.forms if form.cleaned_data.get("include")]
                try:
                    saved = services.save_drafts(data, [form.cleaned_data for form in chosen], user=request.user)
                except services.DraftsRefused as refused:
                    for index, errors in refused.errors.items():
                        for message in errors:
                            chosen[index].add_error(None, message)
                else:
                    messages.success(
                        request,
                        ngettext("%(count)d draft event saved.", "%(count)d draft events saved.", len(saved))
                        % {"count": len(saved)},
                    )
                    return redirect(reverse("admin:events_event_changelist") + "?is_published__exact=0")
        else:
            found = propose(data["text"], published=data["published"], language=data["language"])
            # An uploaded text goes into the text box, so that saving does not need the file again.
            post = request.POST.copy()
            post["text"] = data["text"]
            release = ReleaseForm(post)
            release.is_valid()
            proposals = ProposalFormSet(initial=[proposal_initial(p) for p in found], prefix="proposal")
            if not found:
                messages.warning(request, gettext("No event with a date was found in this text."))
    title = gettext("Draft events from a press release")
    return tool_page(model_admin, request, "draft_from_release.html", title=title, form=release, proposals=proposals)
