from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from events.sitemaps import SITEMAPS
from events.views import robots_txt

urlpatterns = [
    path("api/", include(("events.api.urls", "api"), namespace="api")),
    # An index of the sections, each paged by its limit, so that no event falls off the first page.
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
    # Browsers ask for /favicon.ico whatever a page links: the icon the pages link (its hashed name is known only
    # once the static files are collected, hence lazy; not permanent, as the name changes with the icon).
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("events/favicon.svg")), name="favicon"),
]

# English is unprefixed, Russian lives under /ru/ (the admin too: /ru/admin/).
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("events.urls")),
    prefix_default_language=False,
)

handler400 = "events.views.bad_request"
handler404 = "events.views.page_not_found"
