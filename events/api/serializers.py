"""The event as flat JSON, for reading and for writing; validation is the model's own (Event.clean)."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import MAX_YEAR, MIN_YEAR, Event, EventType, Participation, Series, Tag
from events.services import save_event

# Model field names that the API calls otherwise, for error messages.
API_FIELD_NAMES = {
    "event_type": "type",
    "start_date": "start",
    "end_date": "end",
    "is_published": "published",
    "__all__": "non_field_errors",
}


class StrictTypesMixin:
    """Refuse numbers, booleans and objects where text is expected, instead of turning them into text."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: [_("Unknown field.")] for name in unknown})
            wrong = {
                name: [_("Not a valid string.")]
                for name, field in self.fields.items()
                if isinstance(field, serializers.CharField)
                and not field.read_only
                and data.get(name) is not None
                and not isinstance(data[name], str)
            }
            wrong.update(
                {
                    # DRF reads "1.5" as a number; JSON has numbers for that.
                    name: [_("Send a number.")]
                    for name, field in self.fields.items()
                    if isinstance(field, serializers.FloatField | serializers.IntegerField)
                    and not field.read_only
                    and data.get(name) is not None
                    and (isinstance(data[name], bool) or not isinstance(data[name], int | float))
                }
            )
            wrong.update(
                {
                    # DRF takes any iterable, an object's keys included, for a list.
                    name: [_("Send a list.")]
                    for name, field in self.fields.items()
                    if isinstance(field, serializers.ManyRelatedField | serializers.ListSerializer)
                    and data.get(name) is not None
                    and not isinstance(data[name], list)
                }
            )
            wrong.update(
                {
                    name: [_("Give a list of slugs.")]
                    for name, field in self.fields.items()
                    if isinstance(field, serializers.ManyRelatedField)
                    and isinstance(data.get(name), list)
                    and not all(isinstance(item, str) and item for item in data[name])
                }
            )
            wrong.update(
                {
                    # DRF reads "" as null for a nullable relation; the schema (and a reader) would not.
                    name: [_("Give a slug, or null.")]
                    for name, field in self.fields.items()
                    if isinstance(field, serializers.RelatedField)
                    and data.get(name) is not None
                    and (data[name] == "" or not isinstance(data[name], str))
                }
            )
            if wrong:
                raise serializers.ValidationError(wrong)
        return super().to_internal_value(data)


class ParticipantSerializer(StrictTypesMixin, serializers.Serializer):
    name = serializers.CharField(max_length=200)
    position = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    country = serializers.ChoiceField(choices=[code for code, _name in countries], required=False, allow_blank=True)
    role = serializers.ChoiceField(choices=Participation.Role.choices, default=Participation.Role.PARTICIPANT)

    def to_representation(self, participation):
        return {
            "name": participation.person.name_en,
            "position": participation.position_en or "",
            "country": participation.person.country.code or "",
            "role": participation.role,
        }


class SourceSerializer(StrictTypesMixin, serializers.Serializer):
    title = serializers.CharField(max_length=500)
    url = serializers.URLField(max_length=500, required=False, allow_blank=True, default="")
    published_at = serializers.DateTimeField()

    def to_representation(self, source):
        return {"title": source.title_en, "url": source.url, "published_at": source.published_at.isoformat()}


class StrictBooleanField(serializers.BooleanField):
    """Only JSON true or false: 0, 1, "yes" and the like are refused."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "description": "YYYY-MM-DD for all-day events (end is the last day, inclusive); "
        "an ISO 8601 date-time with offset for timed events; null while no date is known.",
        "example": "2017-11-14",
    }
)
class WhenField(serializers.CharField):
    """A date for all-day events, a date-time with offset for timed ones; checked against the event in validate()."""

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_null=True, allow_blank=False, max_length=40, **kwargs)


class EventSerializer(StrictTypesMixin, serializers.ModelSerializer):
    uid = serializers.CharField(
        max_length=255, required=False, help_text="Stable calendar UID; give one on creation to keep an outside UID."
    )
    url = serializers.SerializerMethodField(help_text="The event's page.")
    ics_url = serializers.SerializerMethodField(help_text="The event as an .ics file.")
    type = serializers.SlugRelatedField(source="event_type", slug_field="slug", queryset=EventType.objects.all())
    title_en = serializers.CharField(max_length=300)
    title_ru = serializers.CharField(max_length=300, required=False, allow_blank=True, allow_null=True)
    summary_en = serializers.CharField(max_length=500, required=False, allow_blank=True, allow_null=True)
    summary_ru = serializers.CharField(max_length=500, required=False, allow_blank=True, allow_null=True)
    description_en = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20000)
    description_ru = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20000)
    agenda_en = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20000)
    agenda_ru = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20000)
    start = WhenField()
    end = WhenField()
    timezone = serializers.CharField(required=False, allow_blank=True, max_length=64, help_text="IANA time zone.")
    venue = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text=(
            "The building or place; empty for the city itself. A name that only repeats the city or country is read as "
            "the city itself."
        ),
    )
    city = serializers.CharField(required=False, allow_blank=True, max_length=100)
    country = serializers.ChoiceField(
        choices=[code for code, _name in countries], required=False, allow_blank=True, help_text="ISO 3166 alpha-2."
    )
    latitude = serializers.FloatField(required=False, allow_null=True, min_value=-90, max_value=90)
    longitude = serializers.FloatField(required=False, allow_null=True, min_value=-180, max_value=180)
    participants = ParticipantSerializer(many=True, required=False)
    tags = serializers.SlugRelatedField(many=True, slug_field="slug", queryset=Tag.objects.all(), required=False)
    parent = serializers.SlugRelatedField(
        slug_field="slug", queryset=Event.objects.all(), required=False, allow_null=True
    )
    series = serializers.SlugRelatedField(
        slug_field="slug", queryset=Series.objects.all(), required=False, allow_null=True
    )
    source = SourceSerializer(required=False, allow_null=True)
    all_day = StrictBooleanField(required=False)
    published = StrictBooleanField(source="is_published", required=False)

    class Meta:
        model = Event
        fields = [
            "uid",
            "slug",
            "url",
            "ics_url",
            "type",
            "visit_level",
            "title_en",
            "title_ru",
            "summary_en",
            "summary_ru",
            "description_en",
            "description_ru",
            "agenda_en",
            "agenda_ru",
            "status",
            "all_day",
            "date_precision",
            "start",
            "end",
            "timezone",
            "venue",
            "city",
            "country",
            "latitude",
            "longitude",
            "participants",
            "tags",
            "parent",
            "series",
            "edition",
            "source",
            "sequence",
            "created_at",
            "updated_at",
            "published",
            "publish_at",
        ]
        read_only_fields = ["sequence", "created_at", "updated_at"]
        # Uniqueness (of the UID, of a series' edition) is the model's check, run in validate().
        validators = []
        extra_kwargs = {
            "slug": {"required": False},
            "edition": {"min_value": 1},
        }

    def get_url(self, event) -> str:
        return self._absolute(event.get_absolute_url())

    def get_ics_url(self, event) -> str:
        return self._absolute(reverse("events:event-ics", kwargs={"slug": event.slug}))

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def to_representation(self, event):
        data = super().to_representation(event)
        data["start"], data["end"] = represent_when(event)
        data["timezone"] = str(event.timezone) if event.timezone else ""
        venue = event.venue
        data["venue"] = (venue.name_en or "") if venue else ""
        data["city"] = (venue.city_en or "") if venue else ""
        data["country"] = venue.country.code if venue else ""
        data["latitude"] = float(venue.latitude) if venue and venue.latitude is not None else None
        data["longitude"] = float(venue.longitude) if venue and venue.longitude is not None else None
        data["participants"] = [ParticipantSerializer().to_representation(p) for p in event.participations.all()]
        if event.parent_id and not self.context.get("staff") and not event.parent.is_public:
            data["parent"] = None
        hidden = set() if self.context.get("staff") else {"published", "publish_at"}
        return {name: data[name] for name in self.Meta.fields if name not in hidden}

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError({"non_field_errors": [_("Send a JSON object.")]})
        return super().to_internal_value(data)

    def validate(self, attrs):
        """Build the event as it would be saved and run the model's own validation on it."""
        event = Event.objects.get(pk=self.instance.pk) if self.instance else Event()
        if self.instance is not None and attrs.get("uid", event.uid) != event.uid:
            raise serializers.ValidationError({"uid": [_("An event's UID never changes.")]})
        plain = {
            key: value
            for key, value in attrs.items()
            if key not in {"start", "end", "participants", "tags", "source", "venue", "city", "country", "latitude",
                           "longitude", "timezone"}
        }  # fmt: skip
        for key, value in plain.items():
            setattr(event, key, value)
        if "timezone" in attrs:
            zone = attrs["timezone"]
            if zone and zone not in zoneinfo.available_timezones():
                raise serializers.ValidationError({"timezone": [_("Unknown IANA time zone.")]})
            event.timezone = zone
        self._apply_when(event, attrs)
        venue = self._venue_spec(attrs)
        if venue is not None:
            attrs["venue_spec"] = venue
            event.venue = None
        try:
            event.full_clean(exclude=["venue"] if venue is not None else None)
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                {API_FIELD_NAMES.get(field, field): messages for field, messages in error.message_dict.items()}
            ) from error
        attrs["event"] = event
        return attrs

    def _apply_when(self, event: Event, attrs) -> None:
        if "start" not in attrs and "end" not in attrs and "all_day" not in attrs and "date_precision" not in attrs:
            return
        stored_start, stored_end = represent_when(self.instance) if self.instance is not None else (None, None)
        if self.instance is not None and "all_day" in attrs and attrs["all_day"] != self.instance.all_day:
            stored_start = stored_end = None  # the old values are of the other kind
        start = attrs.get("start", stored_start)
        end = attrs.get("end", stored_end)
        if event.date_precision == Event.Precision.NONE:
            event.start_date = event.end_date = event.start = event.end = None
            if start or end:
                raise serializers.ValidationError({"start": [_("An event with no date yet has no start or end.")]})
            return
        if event.date_precision != Event.Precision.DAY:
            event.all_day = True
        if event.all_day:
            event.start = event.end = None
            event.start_date, event.end_date = parse_day(start, "start"), parse_day(end, "end") if end else None
        else:
            event.start_date = event.end_date = None
            event.start, event.end = parse_instant(start, "start"), parse_instant(end, "end") if end else None

    def _venue_spec(self, attrs) -> dict | None:
        """The place the client asked for; a partial update keeps what it did not mention."""
        keys = ("venue", "city", "country", "latitude", "longitude")
        if not any(key in attrs for key in keys):
            return None
        current = self.instance.venue if self.instance is not None and self.partial else None
        known = {
            "venue": current.name_en if current else "",
            "city": current.city_en if current else "",
            "country": current.country.code if current else "",
            "latitude": float(current.latitude) if current and current.latitude is not None else None,
            "longitude": float(current.longitude) if current and current.longitude is not None else None,
        }
        spec = {key: attrs[key] if key in attrs else known[key] for key in keys}
        if (spec["latitude"] is None) != (spec["longitude"] is None):
            raise serializers.ValidationError({"longitude": [_("Give both latitude and longitude, or neither.")]})
        if not spec["country"]:
            if spec["venue"] or spec["city"]:
                raise serializers.ValidationError({"country": [_("A place needs its country.")]})
            return {}
        return spec

    def create(self, validated_data):
        return save_event(validated_data["event"], validated_data)

    def update(self, instance, validated_data):
        return save_event(validated_data["event"], validated_data)


def represent_when(event: Event) -> tuple[str | None, str | None]:
    if event.date_precision == Event.Precision.NONE or event.start_date is None:
        return None, None
    if not event.all_day:
        zone = event.timezone
        return event.start.astimezone(zone).isoformat(), event.end.astimezone(zone).isoformat() if event.end else None
    return event.start_date.isoformat(), (event.end_date or event.start_date).isoformat()


def parse_day(value, name: str) -> dt.date | None:
    if value is None:
        return None
    day = parse_date(value) if isinstance(value, str) and len(value) == 10 else None
    if day is None:
        raise serializers.ValidationError({name: [_("All-day events take a date: YYYY-MM-DD.")]})
    return day


def parse_instant(value, name: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        instant = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        instant = None
    if instant is None or instant.tzinfo is None:
        raise serializers.ValidationError(
            {name: [_("Timed events take a date-time with its UTC offset: 2017-11-14T10:00:00+03:00.")]}
        )
    if not MIN_YEAR <= instant.year <= MAX_YEAR:
        # Also keeps the conversion to UTC below from leaving the years Python can hold (9999-12-31T23:59-23:59).
        raise serializers.ValidationError(
            {name: [_("Give a year between %(first)d and %(last)d.") % {"first": MIN_YEAR, "last": MAX_YEAR}]}
        )
    return instant.astimezone(dt.UTC)


class VocabularySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name_en = serializers.CharField()
    name_ru = serializers.CharField(allow_null=True)
    event_count = serializers.IntegerField(help_text="Public events with this value.")


class EventTypeVocabularySerializer(VocabularySerializer):
    name_plural_en = serializers.CharField()
    name_plural_ru = serializers.CharField(allow_null=True)
    is_visit = serializers.BooleanField()


class PersonVocabularySerializer(VocabularySerializer):
    country = serializers.CharField(source="country.code", allow_blank=True)
