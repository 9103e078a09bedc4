from django.urls import path, register_converter

from . import alerts, change_feeds, embed, feeds, spreadsheet, views


class MonthConverter:
    """A month number in a URL: read as 1 to 12 (6 or 06), always written with two digits."""

    regex = "0?[1-9]|1[0-2]"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):02d}"


register_converter(MonthConverter, "month")

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="home"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events.csv", spreadsheet.EventCsvView.as_view(), name="event-csv"),
    path("embed/", embed.EmbedListView.as_view(), name="embed"),
    path("embed/month/", embed.EmbedCurrentMonthView.as_view(), name="embed-current-month"),
    path("embed/month/<int:year>/<month:month>/", embed.EmbedMonthView.as_view(), name="embed-month"),
    path("events/past/", views.EventArchiveView.as_view(), name="event-archive"),
    path("events/<int:year>/<month:month>/", views.EventMonthView.as_view(), name="event-month"),
    path("events/<slug:slug>.ics", feeds.EventIcsView.as_view(), name="event-ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("feeds/events.ics", feeds.EventFeedView.as_view(), name="feed"),
    path("feeds/upcoming.atom", feeds.UpcomingAtomFeed(), name="atom"),
    path("feeds/private/<str:token>.ics", feeds.PrivateFeedView.as_view(), name="private-feed"),
    # What changed in any selection (change_feeds.py): Atom at two addresses, and JSON Feed.
    path("changes/", change_feeds.ChangeFeedView.as_view(format="atom"), name="changes"),
    path("changes.atom", change_feeds.ChangeFeedView.as_view(format="atom"), name="changes-atom"),
    path("changes.json", change_feeds.ChangeFeedView.as_view(format="json"), name="changes-json"),
    # E-mail alerts of any selection (alerts.py; alert_runs.py sends them).
    path("alerts/", alerts.AlertSignupView.as_view(), name="alerts"),
    path("alerts/<str:token>/", alerts.AlertManageView.as_view(), name="alert-manage"),
    path("alerts/<str:token>/confirm/", alerts.AlertConfirmView.as_view(), name="alert-confirm"),
    path("alerts/<str:token>/unsubscribe/", alerts.AlertUnsubscribeView.as_view(), name="alert-unsubscribe"),
]
