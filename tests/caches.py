"""A cache for tests that notes the VEVENTs written into it (feeds store each VEVENT they write: see feedcache.py)."""

import re

from django.core.cache.backends.base import DEFAULT_TIMEOUT

from events.cache import BoundedMemoryCache

UID = re.compile(rb"\r\nUID:([^\r]*)\r\n")


class CountingCache(BoundedMemoryCache):
    """The service's cache, listing the UIDs of the VEVENTs stored in it, in the order they were stored."""

    def __init__(self, location, params):
        super().__init__(location, params)
        self.vevent_uids: list[str] = []

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self.vevent_uids += [
            UID.search(value).group(1).decode() for key, value in data.items() if key.startswith("events:vevent:")
        ]
        return super().set_many(data, timeout, version)


class Store(dict):
    """A fragment store (ical.FragmentStore) that lists the UIDs of the VEVENTs written to it."""

    def __init__(self):
        super().__init__()
        self.vevent_uids: list[str] = []

    def get_many(self, keys):
        return {key: self[key] for key in keys if key in self}

    def set_many(self, data, timeout=None):
        self.vevent_uids += [UID.search(value).group(1).decode() for value in data.values()]
        self.update(data)
