from django.utils.cache import patch_cache_control
from django.views.generic import DetailView

from .dates import format_event_dates
from .models import Event


class EventDetailView(DetailView):
    """One public event; drafts and embargoed events answer 404 like unknown slugs, except to staff (a preview)."""

    def can_preview(self) -> bool:
        user = self.request.user
        return user.is_active and user.is_staff and user.has_perm("events.view_event")

    def get_queryset(self):
        events = Event.objects.all() if self.can_preview() else Event.objects.public()
        return events.select_related("event_type", "venue", "series", "source").prefetch_related(
            "participations__person", "tags", "organisers"
        )

    def get_context_data(self, **kwargs):
        event = self.object
        public = Event.objects.public()
        return super().get_context_data(
            when=format_event_dates(event),
            agenda=[line.strip() for line in (event.agenda or "").splitlines() if line.strip()],
            parts=public.filter(parent=event).chronological(),
            parent=public.filter(pk=event.parent_id).first(),
            preview=not event.is_public,
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["preview"]:
            patch_cache_control(response, private=True, no_store=True)
        return response
