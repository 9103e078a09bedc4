from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("events", views.EventViewSet, basename="event")

urlpatterns = [
    path("", include(router.urls)),
    path("event-types/", views.EventTypeListView.as_view(), name="event-type-list"),
    path("tags/", views.TagListView.as_view(), name="tag-list"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's script comes from a URL of its own (no inline script); it styles its elements inline.
    path(
        "docs/",
        csp_update({"style-src": [UNSAFE_INLINE]})(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
        name="docs",
    ),
]
