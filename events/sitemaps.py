from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Event


class EventSitemap(Sitemap):
    """Every public event's page, in English and Russian."""

    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, event):
        return event.updated_at


class PageSitemap(Sitemap):
    """The listing and the archive, in English and Russian."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"

    def items(self):
        return ["events:event-list", "events:event-archive"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, "events": EventSitemap}
