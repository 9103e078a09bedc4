from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from events.sitemaps import SITEMAPS
from events.views import robots_txt

urlpatterns = [
    path("api/", include(("events.api.urls", "api"), namespace="api")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

# English is unprefixed, Russian lives under /ru/ (the admin too: /ru/admin/).
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("events.urls")),
    prefix_default_language=False,
)

handler400 = "events.views.bad_request"
handler404 = "events.views.page_not_found"
