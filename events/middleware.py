"""A database too busy to answer is a 503 (try again shortly), not a server error."""

from django.db import OperationalError
from django.http import HttpResponse
from django.utils.translation import gettext as _


class BusyDatabase:
    """SQLite waits up to its timeout for a writer to finish (settings); past that, the client is told to retry."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and "database is locked" in str(exception):
            response = HttpResponse(
                _("The calendar is busy saving other changes. Try again in a few seconds.") + "\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = "10"
            return response
        return None
