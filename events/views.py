from django.views.generic import DetailView

from .dates import format_event_dates
from .models import Event


class EventDetailView(DetailView):
    """One public event; drafts and embargoed events answer 404 like unknown slugs."""

    def get_queryset(self):
        return (
            Event.objects.public()
            .select_related("event_type", "venue", "series", "source")
            .prefetch_related("participations__person", "tags", "organisers")
        )

    def get_context_data(self, **kwargs):
        event = self.object
        public = Event.objects.public()
        return super().get_context_data(
            when=format_event_dates(event),
            agenda=[line.strip() for line in event.agenda.splitlines() if line.strip()],
            parts=public.filter(parent=event).chronological(),
            parent=public.filter(pk=event.parent_id).first(),
            **kwargs,
        )
