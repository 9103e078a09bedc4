from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
]
