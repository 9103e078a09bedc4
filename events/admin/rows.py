"""The admins of the rows events share (places, people, topics, series, sources, organisers), of the event types
and of private feed addresses."""

import json
import re

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from events import freshness, services, shared
from events.admin.forms import name_split_field
from events.models import (
    Event,
    EventType,
    FeedToken,
    Organisation,
    Person,
    Series,
    Source,
    Tag,
    Venue,
)


class SharedRowAdmin:
    """Rows that events show (a place, a person, a topic, a series, a source, an organiser): changing or deleting
    one that a published event shows changes what the public sees, so it needs the publish permission."""

    def may_alter(self, request, obj) -> bool:
        if obj is None or services.may_publish(request.user):
            return True
        lookup = freshness.SHOWN_THROUGH[self.model.__name__]
        return not Event.objects.filter(is_published=True, **{lookup: obj}).exists()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_alter(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_alter(request, obj)


# A form's label as the admin's history keeps it: "Name [en]" (django-modeltranslation's language suffix).
LABEL = re.compile(r"(?P<label>.*?)(?P<language> \[[a-z-]+\])?")


def label_in_readers_language(label: str) -> str:
    """A field's label, kept untranslated in a change of the admin's history, in the language of the page.

    Django translates the kept label as a whole, but a label is the capitalised verbose name ("First day" of "first
    day"), with a language after it for a translated field ("Name [en]"): the catalogue has neither.
    """
    parts = LABEL.fullmatch(label)
    name, language = parts["label"], parts["language"] or ""
    translated = gettext(name)
    if translated == name:
        translated = capfirst(gettext(name[:1].lower() + name[1:]))
    return translated + language


class ReadableHistoryAdmin:
    """The history of a row names the fields each change changed in the reader's language."""

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        for action in getattr(response, "context_data", {}).get("action_list", ()):
            if not action.change_message.startswith("["):
                continue
            try:
                changes = json.loads(action.change_message)
            except ValueError:
                continue
            for change in changes:
                if isinstance(change, dict) and "changed" in change:
                    fields = change["changed"].get("fields", [])
                    change["changed"]["fields"] = [label_in_readers_language(str(field)) for field in fields]
            # Shown, not saved: Django's own wording is kept, and gettext leaves a translated label as it is.
            action.change_message = json.dumps(changes)
        return response


class SearchableAdmin(ReadableHistoryAdmin, TranslationAdmin):
    """Vocabulary admins: searchable in both languages so event forms can autocomplete them."""

    search_fields = ["name_en", "name_ru", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(EventType)
class EventTypeAdmin(SearchableAdmin):
    list_display = ["name", "name_plural", "slug", "is_visit", "position"]
    list_editable = ["position"]


@admin.register(Person)
class PersonAdmin(SharedRowAdmin, SearchableAdmin):
    list_display = ["name", "country", "slug"]
    list_filter = ["country"]


@admin.register(Organisation)
class OrganisationAdmin(SharedRowAdmin, SearchableAdmin):
    list_display = ["name", "country", "slug"]
    list_filter = ["country"]


@admin.register(Tag)
class TagAdmin(SharedRowAdmin, SearchableAdmin):
    list_display = ["name", "slug"]


@admin.register(Series)
class SeriesAdmin(SharedRowAdmin, SearchableAdmin):
    list_display = ["name", "slug"]


@admin.register(Venue)
class VenueAdmin(SharedRowAdmin, ReadableHistoryAdmin, TranslationAdmin):
    list_display = ["__str__", "city", "country", "timezone"]
    list_filter = ["country"]
    search_fields = ["name_en", "name_ru", "city_en", "city_ru", "address_en", "address_ru"]

    def save_model(self, request, obj, form, change):
        for name in (form.cleaned_data.get(field) for field in ("name_en", "name_ru")):
            if name and name not in (obj.name_en, obj.name_ru):
                # The model left it out (Venue.normalise): say so, and what a name is for.
                message = _(
                    "The name “%(name)s” only repeated the city or country, so it was left out: this venue is "
                    "%(venue)s itself. A venue's name is the building or place, for example “Ministry of Foreign "
                    "Affairs”."
                )
                self.message_user(request, message % {"name": name, "venue": obj}, messages.WARNING)
        existing = None if change or obj.name_en or obj.name_ru else self.city_venue(obj)
        if existing is not None:
            # Adding a city (or country) that is a venue already, from the event form's "+" most often: that venue
            # is chosen, rather than a second one that would split the city's events.
            obj.pk, obj.found_existing = existing.pk, True
            obj.refresh_from_db()
            self.message_user(
                request, _("%(venue)s is a venue already: it is used, not added again.") % {"venue": obj}, messages.INFO
            )
            return
        count = services.save_venue(obj, form.changed_data if change else ())
        if count is not None:
            message = ngettext(
                "%(count)d event at this venue will show the new place in subscribers' calendars.",
                "%(count)d events at this venue will show the new place in subscribers' calendars.",
                count,
            )
            self.message_user(request, message % {"count": count}, messages.INFO)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(obj, "found_existing", False) and IS_POPUP_VAR not in request.POST:
            # Not "added successfully": the venue found is shown as it is.
            return HttpResponseRedirect(reverse(f"{self.admin_site.name}:events_venue_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def log_addition(self, request, obj, message):
        if not getattr(obj, "found_existing", False):
            return super().log_addition(request, obj, message)
        return None

    @staticmethod
    def city_venue(venue: Venue) -> Venue | None:
        """The stored venue that is the same city (or country) without a building's name, as the API finds it."""
        place = shared.Place(country=venue.country.code, city_en=venue.city_en or "", city_ru=venue.city_ru or "")
        return shared.find_venues([place]).get(place)


@admin.register(Source)
class SourceAdmin(SharedRowAdmin, ReadableHistoryAdmin, TranslationAdmin):
    list_display = ["title", "published_at", "url"]
    search_fields = ["title_en", "title_ru", "url"]
    date_hierarchy = "published_at"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            # An address typed without a scheme is read as https (Django 6's default, and the ministry's).
            kwargs["assume_scheme"] = "https"
        return name_split_field(super().formfield_for_dbfield(db_field, request, **kwargs))


@admin.register(FeedToken)
class FeedTokenAdmin(admin.ModelAdmin):
    """Create, rotate and revoke private feed addresses; staff members other than superusers see only their own."""

    list_display = ["user", "created_at"]
    fields = ["user"]
    actions = ["rotate", "revoke"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            users = db_field.related_model.objects.filter(is_staff=True, is_active=True, feed_token__isnull=True)
            kwargs["queryset"] = users if request.user.is_superuser else users.filter(pk=request.user.pk)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        token, key = FeedToken.issue(obj.user)
        obj.pk = token.pk
        self._announce(request, token, key)

    def _announce(self, request, token, key):
        url = request.build_absolute_uri(reverse("events:private-feed", kwargs={"token": key}))
        self.message_user(
            request,
            _("Private feed of %(user)s, shown only now: %(url)s") % {"user": token.user, "url": url},
            messages.WARNING,
        )

    @admin.action(description=_("Rotate: issue a new address, the old one stops working"), permissions=["change"])
    def rotate(self, request, queryset):
        for token in queryset:
            token, key = FeedToken.issue(token.user)
            self._announce(request, token, key)

    @admin.action(description=_("Revoke: the address stops working"), permissions=["delete"])
    def revoke(self, request, queryset):
        count = queryset.count()
        queryset.delete()
        message = ngettext("%(count)d private feed revoked.", "%(count)d private feeds revoked.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
