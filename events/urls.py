from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="home"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/past/", views.EventArchiveView.as_view(), name="event-archive"),
    path("events/<int:year>/<int:month>/", views.EventMonthView.as_view(), name="event-month"),
    path("events/<slug:slug>.ics", feeds.EventIcsView.as_view(), name="event-ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("feeds/events.ics", feeds.EventFeedView.as_view(), name="feed"),
    path("feeds/upcoming.atom", feeds.UpcomingAtomFeed(), name="atom"),
    path("feeds/private/<str:token>.ics", feeds.PrivateFeedView.as_view(), name="private-feed"),
]
