"""A per-process cache bounded in bytes, not in entries: what the service uses when no Redis is configured.

Django's local-memory cache counts entries (MAX_ENTRIES): one entry may be a 1 MB part of a feed or a 40-byte
count, so a count of entries bounds nothing a host cares about. This one keeps the pickled size of every value
and, when a new value would pass MAX_BYTES, drops the least recently used ones first. A value larger than a
tenth of the whole is not kept at all (it would push out everything else).
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

DEFAULT_MAX_BYTES = 256 * 1024 * 1024


class BoundedMemoryCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", DEFAULT_MAX_BYTES))
        # key -> (pickled value, expiry as time.monotonic() or None), least recently used first.
        self._entries: OrderedDict[str, tuple[bytes, float | None]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size_in_bytes(self) -> int:
        """The pickled size of every value held (what MAX_BYTES bounds)."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def _expiry(self, timeout) -> float | None:
        seconds = self.get_backend_timeout(timeout)
        return None if seconds is None else time.monotonic() + seconds

    def _live(self, key: str) -> tuple[bytes, float | None] | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[1] is not None and entry[1] <= time.monotonic():
            self._remove(key)
            return None
        return entry

    def _remove(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= len(entry[0])

    def _store(self, key: str, value, timeout) -> bool:
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        self._remove(key)
        if len(data) > self.max_bytes // 10:
            return False
        while self._entries and self._bytes + len(data) > self.max_bytes:
            oldest = next(iter(self._entries))
            self._remove(oldest)
        self._entries[key] = (data, self._expiry(timeout))
        self._bytes += len(data)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._live(key) is not None:
                return False
            return self._store(key, value, timeout)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._store(key, value, timeout)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._live(key)
            if entry is None:
                return default
            self._entries.move_to_end(key)
            data = entry[0]
        return pickle.loads(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._live(key)
            if entry is None:
                return False
            self._entries[key] = (entry[0], self._expiry(timeout))
            return True

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            present = key in self._entries
            self._remove(key)
            return present

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._live(key) is not None

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0
