"""events/cache.py: the per-process cache bounded in bytes."""

import pickle


def test_the_memory_cache_is_bounded_in_bytes_and_drops_the_least_recently_used():
    from events.cache import ENTRY_OVERHEAD, BoundedMemoryCache

    cache = BoundedMemoryCache("test", {"OPTIONS": {"MAX_BYTES": 10_000}})
    for number in range(100):
        cache.set(f"key{number}", b"x" * 500)
        cache.get("key0")  # used all the time: stays
    entry = len(pickle.dumps(b"x" * 500, pickle.HIGHEST_PROTOCOL)) + len("key10") + ENTRY_OVERHEAD
    assert (cache.size_in_bytes <= 10_000, cache.get("key0") is not None, cache.get("key1"), len(cache)) == (
        True,
        True,
        None,
        10_000 // entry,
    )
    cache.set("huge", b"x" * 2_000)  # over a tenth of the whole: not kept, and nothing pushed out for it
    assert (cache.get("huge"), len(cache)) == (None, 10_000 // entry)


def test_expired_entries_of_the_memory_cache_are_swept_out_as_writes_go_on(time_machine):
    from events.cache import SWEEP_EVERY, BoundedMemoryCache

    time_machine.move_to("2030-01-01 09:00Z", tick=False)
    cache = BoundedMemoryCache("test", {"OPTIONS": {"MAX_BYTES": 100_000_000}})
    for number in range(SWEEP_EVERY - 1):
        cache.set(f"count{number}", number, timeout=60)
    before = len(cache)
    time_machine.shift(61)
    cache.set("fresh", 1, timeout=60)  # the write that sweeps
    assert (before, len(cache), cache.get("count0")) == (SWEEP_EVERY - 1, 1, None)
