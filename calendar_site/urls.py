from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

# English is unprefixed, Russian lives under /ru/ (the admin too: /ru/admin/).
urlpatterns = i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("events.urls")),
    prefix_default_language=False,
)
