"""The events' admin: list, filters, form, inlines, history, actions; every save and delete through services."""

import datetime as dt
import itertools

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from events import admin_views, history, services, spreadsheet
from events.dates import format_event_dates
from events.models import (
    EditConflict,
    Event,
    Participation,
    Venue,
)
from events.models.publication import public_at

from . import desk
from .forms import EventAdminForm, LabelledInlineFormSet, cancel_consequence, publication_sentence

# The texts the event list's "Russian translation" filter asks for (the desk asks for the title and summary).
RUSSIAN_TEXTS = ("title", "summary", "description", "agenda")


def missing_texts(event) -> list[str]:
    """The names of the texts the event has in English only."""
    names = {field.name: field.verbose_name for field in Event._meta.fields}
    return [str(names[name]) for name in event.missing_translations]


class EventChangeList(ChangeList):
    def get_filters(self, request):
        # Django's date hierarchy computes the year after 9999 for ?start_date__year=9999.
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


class ParticipationInline(TranslationTabularInline):
    model = Participation
    formset = LabelledInlineFormSet
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position", "order"]


class PartInline(admin.TabularInline):
    model = Event
    formset = LabelledInlineFormSet
    fk_name = "parent"
    extra = 0
    show_change_link = True
    verbose_name = _("part")
    verbose_name_plural = _("parts (sub-events)")
    fields = ["title_en", "title_ru", "event_type", "start_date", "end_date", "status", "is_published"]

    def get_readonly_fields(self, request, obj=None):
        # Parts are events: an editor without the publish permission sees, but does not set, their publication.
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if services.may_publish(request.user) else [*readonly, "is_published"]


class PublicationFilter(admin.SimpleListFilter):
    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("draft", _("draft")), ("embargoed", _("embargoed")), ("public", _("public"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "draft":
            return queryset.filter(is_published=False)
        if self.value() == "embargoed":
            return queryset.embargoed(now)
        if self.value() == "public":
            return queryset.public(now)
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dated().dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if value.isdigit() and dt.MINYEAR <= int(value) <= dt.MAXYEAR:
            year = int(value)
            return queryset.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        return queryset


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = set(Venue.objects.filter(events__isnull=False).values_list("country", flat=True))
        return [(code, countries.name(code)) for code in sorted(codes, key=countries.name)]

    def queryset(self, request, queryset):
        return queryset.in_country(self.value()) if self.value() else queryset


class MissingRussianFilter(admin.SimpleListFilter):
    title = _("Russian translation")
    parameter_name = "russian"

    def lookups(self, request, model_admin):
        return [("missing", _("missing")), ("complete", _("complete"))]

    def queryset(self, request, queryset):
        missing = desk.missing_russian(RUSSIAN_TEXTS)
        if self.value() == "missing":
            return queryset.filter(missing)
        if self.value() == "complete":
            return queryset.exclude(missing)
        return queryset


class WhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("coming", _("coming and in progress")), ("past", _("past")), ("undated", _("no date yet"))]

    def queryset(self, request, queryset):
        if self.value() == "coming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        if self.value() == "undated":
            return queryset.undated()
        return queryset


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin, TranslationAdmin):
    form = EventAdminForm
    object_history_template = "admin/events/event/object_history.html"
    object_history_list_template = "admin/events/event/object_history_list.html"
    object_history_form_template = "admin/events/event/object_history_form.html"
    # Sized for a 1280 px screen (events/static/events/admin/desk.css): the title takes the room, the place goes
    # under the dates, status and publication share a column of badges, what Russian lacks stays in view.
    list_display = ["title", "when", "event_type", "state", "russian_missing"]
    list_filter = [
        PublicationFilter,
        "status",
        WhenFilter,
        "event_type",
        YearFilter,
        CountryFilter,
        MissingRussianFilter,
        "date_precision",
    ]
    list_select_related = ["event_type", "venue"]
    search_fields = [
        "title_en",
        "title_ru",
        "summary_en",
        "summary_ru",
        "participations__person__name_en",
        "participations__person__name_ru",
        "venue__name_en",
        "venue__name_ru",
        "venue__city_en",
        "venue__city_ru",
        "uid",
        "slug",
    ]
    search_help_text = _(
        "Words of the title or summary, a participant, a place, the slug or the calendar UID, in English or Russian."
    )
    date_hierarchy = "start_date"
    ordering = ["-start_date", "-start", "-pk"]
    autocomplete_fields = ["venue", "parent", "series", "source", "tags", "organisers"]
    readonly_fields = [
        "uid",
        "sequence",
        "created_at",
        "updated_at",
        "status_changed_at",
        "russian",
        "publication_outlook",
    ]
    inlines = [ParticipationInline, PartInline]
    actions = ["publish", "cancel", "duplicate_as_next_edition", "export_csv"]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        tools = [
            path("import-ics/", self.admin_site.admin_view(self.import_ics), name=f"{prefix}_import-ics"),
            path("draft/", self.admin_site.admin_view(self.draft_from_release), name=f"{prefix}_draft"),
            path("desk/", self.admin_site.admin_view(self.desk), name=f"{prefix}_desk"),
        ]
        return tools + super().get_urls()

    def import_ics(self, request):
        return admin_views.import_ics_view(self, request)

    def draft_from_release(self, request):
        return admin_views.draft_from_release_view(self, request)

    def desk(self, request):
        return desk.desk_view(self, request)

    save_on_top = True
    # In the order an officer thinks: what, when, where, who (then the participants and parts inlines), and, after
    # them (the "after-inlines" class: see change_form.html), filing, status and publication.
    fieldsets = [
        (
            _("What"),
            {
                "fields": [
                    ("event_type", "visit_level"),
                    ("title_en", "title_ru"),
                    ("summary_en", "summary_ru"),
                    ("description_en", "description_ru"),
                    ("agenda_en", "agenda_ru"),
                    "slug",
                    "seen_version",
                ],
                "classes": ["event-what"],
            },
        ),
        (
            _("When"),
            {
                "fields": ["when", ("start_date", "end_date"), ("start", "end"), "timezone"],
                "classes": ["event-when-fields"],
                "description": _("Choose the kind of date first: only its fields apply, the others are ignored."),
            },
        ),
        (_("Where"), {"fields": ["venue"]}),
        (_("Who"), {"fields": ["organisers"], "description": _("Participants and their roles: just below.")}),
        (
            _("Topics, series and source"),
            {"fields": ["tags", "parent", ("series", "edition"), "source"], "classes": ["after-inlines"]},
        ),
        (
            _("Status and publication"),
            {
                "fields": ["status", ("is_published", "publish_at"), "publication_outlook", "russian"],
                "classes": ["after-inlines"],
            },
        ),
        (
            _("For calendar clients"),
            {
                "fields": [("uid", "sequence"), ("created_at", "updated_at", "status_changed_at")],
                "classes": ["collapse", "after-inlines"],
            },
        ),
    ]

    class Media:
        css = {"all": ["events/admin/event_form.css"]}
        js = ["events/admin/event_form.js"]

    def get_changelist(self, request, **kwargs):
        return EventChangeList

    # Roles: an editor (change permission) writes drafts; publishing and changing published events need the
    # publish permission (services.check_may_save); see the README's Security section.

    def has_publish_permission(self, request) -> bool:
        return services.may_publish(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or not obj.needs_publisher() or self.has_publish_permission(request))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not obj.is_published or self.has_publish_permission(request))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += ["is_published", "publish_at"]
        return fields

    def save_model(self, request, obj, form, change):
        # Also what restoring a version from the history saves.
        services.save_checked(request.user, obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is Event:
            # Parts are events: the same rule for each changed or deleted part.
            for item in formset.forms:
                if item in formset.deleted_forms:
                    services.check_may_delete(request.user, item.instance)
                elif item.has_changed():
                    services.check_may_save(request.user, item.instance)
        super().save_formset(request, form, formset, change)

    def delete_model(self, request, obj):
        services.delete_checked(request.user, obj)

    def delete_queryset(self, request, queryset):
        services.delete_events(request.user, queryset)

    def revert_disabled(self, request, obj=None):
        """Restoring needs change permission on the event as it is, and the publish permission when either the
        event or the version restored is published."""
        current = Event.objects.filter(pk=obj.pk).first() if obj is not None else None
        return not (
            current is not None
            and self.has_change_permission(request, current)
            and self.has_change_permission(request, obj)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        reverting = request.resolver_match and request.resolver_match.url_name.endswith("_simple_history")
        if reverting and obj is not None:
            # An earlier version, restored onto the event as it is now: its edit number to compare with,
            # and its SEQUENCE and calendar fields, so that a restored date reaches subscribers as a change.
            current = Event.objects.filter(pk=obj.pk).first()
            if current is not None:
                obj.sequence, obj.lock_version = current.sequence, current.lock_version
                obj._loaded_material = current._loaded_material
                obj._loaded_publication = current._loaded_publication
        return super().get_form(request, obj, change=change, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict as conflict:
            return self._refuse(request, conflict)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # A draft or an embargoed event (as saved): links to its public page in each language, a preview to staff.
        # The slug as saved: a form sent back with errors holds the one typed.
        slug = context["adminform"].form.initial.get("slug") if obj is not None and obj.pk is not None else None
        if slug and not public_at(bool(obj.stored("is_published")), obj.stored("publish_at"), timezone.now()):
            context["preview_links"] = []
            for code, name in settings.LANGUAGES:
                with translation.override(code):
                    url = reverse("events:event-detail", kwargs={"slug": slug})
                context["preview_links"].append((code, name, url))
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("What the public sees"))
    def publication_outlook(self, event):
        return publication_sentence(event, timezone.now())

    def history_view(self, request, object_id, extra_context=None):
        participant_changes = (
            Participation.history.filter(event_id=object_id)
            .select_related("person", "history_user")
            .order_by("-history_id")[:100]
        )
        context = {"participant_changes": participant_changes, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            # django-simple-history saves a POST for anyone who may view the history: restoring is a change.
            version = Event.history.filter(id=object_id, history_id=version_id).first()
            if version is None or self.revert_disabled(request, version.instance):
                raise PermissionDenied
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except EditConflict as conflict:
            return self._refuse(request, conflict)

    def _refuse(self, request, conflict: EditConflict):
        """A save that lost the race after its form was checked: rolled back, and the officer told why."""
        self.message_user(
            request, " ".join(history.conflict_messages(conflict.event.pk, conflict.seen)), messages.ERROR
        )
        return redirect(request.path)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each version's changes against the one before it, without the bookkeeping every save moves."""
        records = list(historical_records)
        for newer, older in itertools.pairwise(records):
            newer.history_delta_changes = history.changes_between(older, newer)

    @admin.display(description=_("dates and place"), ordering="start_date")
    def when(self, event):
        if event.venue is None:
            return format_event_dates(event)
        return format_html('{}<span class="desk-place">{}</span>', format_event_dates(event), event.venue)

    @admin.display(description=_("status and publication"), ordering="status")
    def state(self, event):
        return format_html("{}{}", desk.status_badge(event), desk.publication_badge(event, until=True))

    @admin.display(description=_("Russian texts missing"))
    def russian_missing(self, event):
        missing = missing_texts(event)
        if not missing:
            return "—"
        return format_html_join("", '<span class="desk-badge desk-missing">{}</span>', ((name,) for name in missing))

    @admin.display(description=_("Russian texts missing"))
    def russian(self, event):
        return ", ".join(missing_texts(event)) or "—"

    @admin.action(description=_("Publish the selected events"), permissions=["publish"])
    def publish(self, request, queryset):
        done = self._run(request, queryset, services.publish_event)
        message = ngettext("%(count)d event published.", "%(count)d events published.", done)
        self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Cancel the selected events"), permissions=["change"])
    def cancel(self, request, queryset):
        """Cancel, after a page that says what subscribers will see (the same as choosing "cancelled" in the form)."""
        if request.POST.get("post") != "yes":
            return TemplateResponse(
                request,
                "admin/events/event/cancel_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Cancel these events?"),
                    "opts": self.opts,
                    "events": queryset.select_related("event_type", "venue"),
                    "consequence": cancel_consequence(),
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                },
            )
        done = self._run(request, queryset, services.cancel_event, check=True)
        message = ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", done)
        self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Duplicate as next year's edition"), permissions=["add"])
    def duplicate_as_next_edition(self, request, queryset):
        done = self._run(request, queryset, services.duplicate_as_next_edition)
        message = ngettext(
            "%(count)d draft of next year's edition created.", "%(count)d drafts of next year's editions created.", done
        )
        self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Export the selected events as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        """The spreadsheet of the public export (spreadsheet.py), drafts and embargoed events marked in a column."""
        return spreadsheet.staff_csv_response(request, queryset, publication=desk.publication_words)

    def _run(self, request, queryset, operation, *, check: bool = False) -> int:
        """Apply operation to each event (services.run_on_each), report each refusal, and count the events it
        changed."""
        events = queryset.select_related("event_type", "venue", "series")
        done, refusals = services.run_on_each(request.user, events, operation, check=check)
        for refusal in refusals:
            self.message_user(request, refusal, messages.ERROR)
        return done
