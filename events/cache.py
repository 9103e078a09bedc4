"""A per-process cache bounded in bytes, not in entries: what the service uses when no Redis is configured.

Django's local-memory cache counts entries (MAX_ENTRIES): one entry may be a 1 MB part of a feed or a 40-byte
count, so a count of entries bounds nothing a host cares about. This one keeps the pickled size of every value
and, when a new value would pass MAX_BYTES, drops the least recently used ones first. A value larger than a
tenth of the whole is not kept at all (it would push out everything else). Each entry is charged for its key
and its bookkeeping too, so a flood of small entries is bounded as well; expired entries are swept out as writes
go on.
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
# What an entry costs besides its value and key: the dictionary slot, the tuple, the expiry, the objects' headers
# (measured: about 300 bytes for a small entry in CPython 3.11). Counted, so that many small entries are bounded too.
ENTRY_OVERHEAD = 300
# Expired entries are swept out every so many writes (reads drop the ones they meet).
SWEEP_EVERY = 1024


class BoundedMemoryCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", DEFAULT_MAX_BYTES))
        # key -> (pickled value, expiry as time.time() or None), least recently used first.
        self._entries: OrderedDict[str, tuple[bytes, float | None]] = OrderedDict()
        self._bytes = 0
        self._writes = 0
        self._lock = threading.Lock()

    @property
    def size_in_bytes(self) -> int:
        """What MAX_BYTES bounds: the pickled size of every value held, with its key and ENTRY_OVERHEAD."""
        return self._bytes

    @staticmethod
    def _cost(key: str, data: bytes) -> int:
        return len(data) + len(key) + ENTRY_OVERHEAD

    def __len__(self) -> int:
        return len(self._entries)

    def _expiry(self, timeout) -> float | None:
        """When the entry expires, as time.time() will read then (Django's BaseCache computes it so)."""
        return self.get_backend_timeout(timeout)

    def _live(self, key: str) -> tuple[bytes, float | None] | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[1] is not None and entry[1] <= time.time():
            self._remove(key)
            return None
        return entry

    def _remove(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= self._cost(key, entry[0])

    def _sweep(self) -> None:
        now = time.time()
        for key in [key for key, (_data, expiry) in self._entries.items() if expiry is not None and expiry <= now]:
            self._remove(key)

    def _store(self, key: str, value, timeout) -> bool:
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        self._remove(key)
        self._writes += 1
        if self._writes % SWEEP_EVERY == 0:
            self._sweep()
        cost = self._cost(key, data)
        if cost > self.max_bytes // 10:
            return False
        while self._entries and self._bytes + cost > self.max_bytes:
            oldest = next(iter(self._entries))
            self._remove(oldest)
        self._entries[key] = (data, self._expiry(timeout))
        self._bytes += cost
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
