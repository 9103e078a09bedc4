"""English and Russian columns for every text a reader sees (django-modeltranslation).

English is required wherever the field is; Russian may be missing and then
falls back to English (MODELTRANSLATION_FALLBACK_LANGUAGES).
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventType, Organisation, Participation, Person, Series, Source, Tag, Venue


class EnglishRequired(TranslationOptions):
    required_languages = ("en",)


@register(EventType)
class EventTypeTranslation(EnglishRequired):
    fields = ("name", "name_plural")


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "city", "address")


@register(Person)
class PersonTranslation(EnglishRequired):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(EnglishRequired):
    fields = ("name",)


@register(Tag)
class TagTranslation(EnglishRequired):
    fields = ("name",)


@register(Series)
class SeriesTranslation(EnglishRequired):
    fields = ("name", "description")


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title",)


@register(Event)
class EventTranslation(EnglishRequired):
    fields = ("title", "summary", "description", "agenda")


@register(Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("position",)


# Change history (django-simple-history), registered here, after the translated columns exist, so that
# every version keeps both languages (its documented way with django-modeltranslation).
simple_history.register(Event, m2m_fields=[Event.tags.field, Event.organisers.field], app="events")
simple_history.register(Participation, app="events")
