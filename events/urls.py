from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("feeds/events.ics", feeds.EventFeedView.as_view(), name="feed"),
    path("feeds/private/<str:token>.ics", feeds.PrivateFeedView.as_view(), name="private-feed"),
    path("events/<slug:slug>.ics", feeds.EventIcsView.as_view(), name="event-ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
]
