"""Pages of a selection whose total is counted once per data version, not on every request.

Counting every event of a selection is the one query of a listing page whose time grows with the calendar. The
count is remembered (freshness.py) under every change, drafts included (a staff listing counts drafts too), and the
selection's SQL, which holds its moment to the minute (models.current_minute), so a change or a new minute counts
again.
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import freshness

COUNT_SECONDS = 3600


class CachedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql, params = query.sql_with_params()
        except EmptyResultSet:
            return 0
        return freshness.remember(
            "count", (sql, params), lambda: super(CachedCountPaginator, self).count, timeout=COUNT_SECONDS, hidden=True
        )
