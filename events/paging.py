"""Pages of a selection whose total is counted once per data version, not on every request.

Counting every event of a selection is the one query of a listing page whose
time grows with the calendar. The count is kept in the cache under the data
version (versioning.py) and the selection's SQL, which holds its moment to
the minute (models.current_minute), so a change or a new minute counts again.
"""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import versioning

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
        # Every change, drafts included: a staff listing (include=unpublished) counts drafts too.
        text = f"{versioning.current().any_change_key!r}|{sql}|{params!r}"
        key = f"events:count:{hashlib.blake2b(text.encode(), digest_size=20).hexdigest()}"
        count = cache.get(key)
        if count is None:
            count = super().count
            cache.set(key, count, COUNT_SECONDS)
        return count
