"""The JSON API: public reads for everyone, writes for staff with Django's model permissions."""

from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from events import freshness, services
from events.filters import FILTER_NAMES, EventFilter
from events.models import EditConflict, Event, EventType, Person, Tag, can_see_unpublished, current_minute
from events.paging import CachedCountPaginator

from .parsers import SafeJSONParser
from .serializers import (
    EventSerializer,
    EventTypeVocabularySerializer,
    PersonVocabularySerializer,
    VocabularySerializer,
)

# Undated events last (first when reversed), and all-day before timed on a day, on every database.
ORDERINGS = {
    "start": (F("start_date").asc(nulls_last=True), F("start").asc(nulls_first=True), "pk"),
    "-start": (F("start_date").desc(nulls_first=True), F("start").desc(nulls_last=True), "-pk"),
    "updated_at": ("updated_at", "pk"),
    "-updated_at": ("-updated_at", "-pk"),
}


class EventPagination(PageNumberPagination):
    """Pages of 20 events; `page` and `page_size` (1 to 100) must be whole numbers, or the answer is 400."""

    page_size = 20
    django_paginator_class = CachedCountPaginator
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is not None and not (value.isdigit() and 1 <= int(value) <= self.max_page_size):
            raise exceptions.ValidationError({"page_size": ["Give a whole number from 1 to 100."]})
        return super().get_page_size(request)

    def paginate_queryset(self, queryset, request, view=None):
        value = request.query_params.get(self.page_query_param, "1")
        if not (value.isdigit() and 1 <= int(value) <= 10**9):
            raise exceptions.ValidationError({"page": ["Give a whole number from 1."]})
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "next", "previous", "results"]
        return response

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == "page":
                parameter["schema"]["minimum"] = 1
            if parameter["name"] == "page_size":
                parameter["schema"].update({"minimum": 1, "maximum": 100})
        return parameters


class WriteRateThrottle(UserRateThrottle):
    """Limits writes (not reads) per user."""

    scope = "writes"

    def allow_request(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return super().allow_request(request, view)


class ConditionalGetMixin:
    """ETag on every successful GET, and 304 when the client already has the same representation."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Staff and anonymous readers get different bodies from the same address.
        patch_vary_headers(response, ["Authorization", "Cookie"])
        if request.method in ("GET", "HEAD") and response.status_code == 200 and isinstance(response, Response):
            response.render()
            etag = response.get("ETag") or freshness.body_etag(response.content)
            response["ETag"] = etag
            sent = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
            if etag in sent or "*" in sent:
                not_modified = Response(status=304, headers={"ETag": etag})
                not_modified.accepted_renderer = response.accepted_renderer
                not_modified.accepted_media_type = response.accepted_media_type
                not_modified.renderer_context = response.renderer_context
                return not_modified
        return response


# The query parameters an answer depends on: what else a request carries cannot make copies of it in the cache.
READ_PARAMETERS = (*FILTER_NAMES, "page", "page_size", "ordering", "include")


class KeptReadMixin:
    """Anonymous reads answered whole from the cache while nothing they show has changed (freshness.py); after
    authentication and throttling, which apply to every request."""

    kept_as = None

    def list(self, request, *args, **kwargs):
        return self.kept(request, super().list, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self.kept(request, super().retrieve, *args, **kwargs)

    def kept(self, request, read, *args, **kwargs):
        sent = [(name, request.query_params.getlist(name)) for name in READ_PARAMETERS if name in request.query_params]
        self.kept_as, response = freshness.kept_response(request, (sent,))
        return response if response is not None else read(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.kept_as is not None and isinstance(response, Response):
            response.render()
            response = freshness.keep_response(request, self.kept_as, response)
        return response


def event_etag(event: Event) -> str:
    """What If-Match compares: it changes with every save of the event, and when its parent appears or goes (the
    representation names the parent only while it is public)."""
    parent = event.parent.is_public if event.parent_id else None
    return f'"{freshness.digest(event.uid, event.sequence, event.lock_version, event.updated_at, parent)[:32]}"'


INCLUDE_PARAMETER = OpenApiParameter(
    "include",
    str,
    enum=["unpublished"],
    description="Staff only: `unpublished` adds drafts and embargoed events.",
)
ORDERING_PARAMETER = OpenApiParameter(
    "ordering", str, enum=list(ORDERINGS), description="`start` (default) or `updated_at`; `-` reverses."
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    location=OpenApiParameter.HEADER,
    description="The event's ETag; the write is refused with 412 if the event changed meanwhile.",
)
SEED_EXAMPLE = OpenApiExample(
    "The working visit of 14–15 November 2017",
    value={
        "uid": "0b3c6f0e-2d7f-4f1e-9d7e-2c1f4f4b8a11",
        "slug": "makei-working-visit-to-russia-2017",
        "url": "https://calendar.example.org/events/makei-working-visit-to-russia-2017/",
        "ics_url": "https://calendar.example.org/events/makei-working-visit-to-russia-2017.ics",
        "type": "visit",
        "visit_level": "working",
        "title_en": "Working visit of Belarusian Foreign Minister Vladimir Makei to Russia",
        "title_ru": "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию",
        "summary_en": "Foreign Minister of Belarus Vladimir Makei makes a working visit to Russia at the "
        "invitation of Foreign Minister Sergey Lavrov.",
        "summary_ru": "Министр иностранных дел Белоруссии Владимир Макей совершает рабочий визит в Россию "
        "по приглашению Министра иностранных дел России Сергея Лаврова.",
        "description_en": "The ministers will discuss a broad range of bilateral cooperation issues.",
        "description_ru": "Министры обсудят широкий круг вопросов двустороннего сотрудничества.",
        "agenda_en": "Bilateral cooperation issues and a schedule for upcoming meetings",
        "agenda_ru": "Вопросы двустороннего сотрудничества и график предстоящих контактов",
        "status": "confirmed",
        "all_day": True,
        "date_precision": "day",
        "start": "2017-11-14",
        "end": "2017-11-15",
        "timezone": "",
        "venue": "",
        "city": "",
        "country": "RU",
        "latitude": None,
        "longitude": None,
        "participants": [
            {"name": "Vladimir Makei", "position": "Foreign Minister of Belarus", "country": "BY", "role": "guest"},
            {"name": "Sergey Lavrov", "position": "Foreign Minister of Russia", "country": "RU", "role": "host"},
        ],
        "tags": ["cis", "csto", "eaeu", "union-state"],
        "parent": None,
        "series": None,
        "edition": None,
        "source": {
            "title": "Comment by the Information and Press Department on the upcoming working visit by "
            "Belarusian Foreign Minister Vladimir Makei",
            "url": "",
            "published_at": "2017-11-13T08:32:00+00:00",
        },
        "sequence": 0,
        "created_at": "2017-11-13T08:32:00Z",
        "updated_at": "2017-11-13T08:32:00Z",
    },
    response_only=True,
)
WRITE_EXAMPLE = OpenApiExample(
    "A timed meeting, as a draft",
    value={
        "type": "visit",
        "title_en": "Consultations on consular issues",
        "title_ru": "Консультации по консульским вопросам",
        "all_day": False,
        "start": "2017-11-14T10:00:00+03:00",
        "end": "2017-11-14T12:00:00+03:00",
        "timezone": "Europe/Moscow",
        "city": "Moscow",
        "country": "RU",
        "tags": ["union-state"],
        "participants": [{"name": "Sergey Lavrov", "position": "Foreign Minister of Russia", "role": "host"}],
        "published": False,
    },
    request_only=True,
)


@extend_schema_view(
    list=extend_schema(parameters=[INCLUDE_PARAMETER, ORDERING_PARAMETER], examples=[SEED_EXAMPLE]),
    retrieve=extend_schema(
        parameters=[INCLUDE_PARAMETER],
        examples=[SEED_EXAMPLE],
        responses={
            200: EventSerializer,
            301: OpenApiResponse(description="An old slug of the event: Location has its address now."),
        },
    ),
    create=extend_schema(examples=[WRITE_EXAMPLE]),
    update=extend_schema(parameters=[IF_MATCH], examples=[WRITE_EXAMPLE]),
    partial_update=extend_schema(parameters=[IF_MATCH]),
    destroy=extend_schema(parameters=[IF_MATCH]),
)
class EventViewSet(KeptReadMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    """Events: public ones for everyone; drafts and embargoed ones for staff who ask for them."""

    serializer_class = EventSerializer
    lookup_field = "slug"
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilter
    pagination_class = EventPagination
    parser_classes = [SafeJSONParser]
    throttle_classes = [AnonRateThrottle, WriteRateThrottle]

    read = None  # the event a request read, once get_object() has

    def is_staff_reader(self) -> bool:
        return can_see_unpublished(self.request.user)

    def get_queryset(self):
        include = self.request.query_params.get("include", "")
        if include not in ("", "unpublished"):
            raise exceptions.ValidationError({"include": ["Use include=unpublished, or leave it out."]})
        writing = self.request.method not in ("GET", "HEAD", "OPTIONS")
        if self.is_staff_reader() and (writing or include == "unpublished"):
            events = Event.objects.all()
        else:
            events = Event.objects.public(current_minute())
        ordering = self.request.query_params.get("ordering", "start")
        if ordering not in ORDERINGS:
            raise exceptions.ValidationError({"ordering": [f"Use one of: {', '.join(ORDERINGS)}."]})
        return (
            events.select_related("event_type", "venue", "parent", "series", "source")
            .prefetch_related("participations__person", "tags")
            .order_by(*ORDERINGS[ordering])
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "staff": self.is_staff_reader()}

    def check_if_match(self, event: Event) -> None:
        """Refuse a write sent with an If-Match that is not the event's current ETag (a lost update)."""
        expected = self.request.headers.get("If-Match")
        tags = [tag.strip() for tag in (expected or "").split(",")]
        if expected and expected.strip() != "*" and event_etag(event) not in tags:
            raise PreconditionFailed

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        instance = getattr(self, "_written", None)
        if instance is not None and response.status_code in (200, 201):
            response["ETag"] = event_etag(instance)
        return response

    def retrieve(self, request, *args, **kwargs):
        try:
            response = super().retrieve(request, *args, **kwargs)
        except Http404:
            # An address the event had before its slug changed: a permanent redirect, to an event the client may
            # read, with the parameters it sent (as the event's page does).
            moved = self.get_queryset().slug_now(kwargs["slug"])
            if moved is None:
                raise
            query = request.META.get("QUERY_STRING", "")
            url = reverse("api:event-detail", kwargs={"slug": moved})
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        if self.read is not None:  # read now, not kept: a kept answer has its ETag already
            # The event's own ETag, which If-Match on a later write compares with.
            response["ETag"] = event_etag(self.read)
        return response

    def get_object(self):
        self.read = super().get_object()
        return self.read

    def perform_create(self, serializer):
        services.check_may_save(self.request.user, serializer.validated_data["event"])
        self._written = serializer.save()

    def perform_update(self, serializer):
        # After validation, so that a malformed body is a 400 whatever its If-Match says.
        self.check_if_match(serializer.instance)
        # An editor writes drafts; publishing or changing a published event is a publisher's (403 otherwise).
        services.check_may_save(self.request.user, serializer.validated_data["event"])
        try:
            # The save compares the event's edit number with the one read here (see events.models.editing.CheckedEdits).
            self._written = serializer.save()
        except EditConflict:
            raise PreconditionFailed if self.request.headers.get("If-Match") else EditedMeanwhile from None

    def perform_destroy(self, instance):
        with transaction.atomic():
            # Locked, so that no save slips in between the If-Match check and the deletion.
            locked = Event.objects.select_for_update().filter(pk=instance.pk).first()
            if locked is None:
                raise exceptions.NotFound
            self.check_if_match(locked)
            services.check_may_delete(self.request.user, locked)
            locked.delete()


class PreconditionFailed(exceptions.APIException):
    status_code = 412
    default_detail = "The event changed since you read it: read it again, and send your change with its new ETag."
    default_code = "precondition_failed"


class EditedMeanwhile(exceptions.APIException):
    status_code = 409
    default_detail = "The event was changed by someone else while this request ran: read it again and resend."
    default_code = "conflict"


def public_count(prefix: str):
    """Count public events reached through prefix, in a subquery, so that no GROUP BY multiplies rows."""
    public = Event.objects.public().filter(**{prefix: OuterRef("pk")}).order_by().values(prefix)
    return Coalesce(Subquery(public.annotate(count=Count("pk", distinct=True)).values("count")[:1]), 0)


class EventTypeListView(KeptReadMixin, ConditionalGetMixin, generics.ListAPIView):
    """Event types with the number of public events of each."""

    serializer_class = EventTypeVocabularySerializer
    pagination_class = None

    def get_queryset(self):
        return EventType.objects.annotate(event_count=public_count("event_type")).order_by("position", "slug")


class TagListView(KeptReadMixin, ConditionalGetMixin, generics.ListAPIView):
    """Topics with the number of public events of each."""

    serializer_class = VocabularySerializer
    pagination_class = None

    def get_queryset(self):
        return Tag.objects.annotate(event_count=public_count("tags")).filter(event_count__gt=0).order_by("slug")


class PersonListView(KeptReadMixin, ConditionalGetMixin, generics.ListAPIView):
    """People with the number of public events they take part in."""

    serializer_class = PersonVocabularySerializer
    pagination_class = None

    def get_queryset(self):
        people = Person.objects.annotate(event_count=public_count("participations__person"))
        return people.filter(event_count__gt=0).order_by("slug")
