"""The answer cache by itself: versions, least-recently-used eviction in bytes, one computation per key at once."""

from __future__ import annotations

import threading

import pytest

from kg.web.answer_cache import ENTRY_OVERHEAD, Answer, AnswerCache, is_volatile, request_key


def _answer(text: str, size: int = 100) -> Answer:
    return Answer(text.encode().ljust(size, b"."), "application/sparql-results+json", False)


def _keys(count: int) -> list[bytes]:
    return [request_key(f"SELECT * WHERE {{ ?s ?p {n} }}", (), None, ()) for n in range(count)]


def test_answer_cache_keeps_an_answer_for_its_version_only() -> None:
    cache = AnswerCache(1 << 20)
    key = _keys(1)[0]
    computed: list[int] = []

    def compute() -> Answer:
        computed.append(1)
        return _answer(f"answer {len(computed)}")

    first, cached_first = cache.answer(1, key, compute)
    again, cached_again = cache.answer(1, key, compute)
    assert (cached_first, cached_again) == (False, True)
    assert again == first
    after_write, cached = cache.answer(2, key, compute)
    assert not cached
    assert after_write != first
    assert len(computed) == 2


def test_answer_cache_late_request_of_an_old_version_keeps_nothing() -> None:
    cache = AnswerCache(1 << 20)
    key = _keys(1)[0]
    cache.answer(5, key, lambda: _answer("new"))
    old, cached = cache.answer(4, key, lambda: _answer("old"))
    assert (old.body.startswith(b"old"), cached) == (True, False)
    kept, cached = cache.answer(5, key, lambda: _answer("computed again"))
    assert kept.body.startswith(b"new") and cached


def test_answer_cache_drops_the_least_recently_used_to_stay_within_its_bytes() -> None:
    entry = 100 + ENTRY_OVERHEAD
    cache = AnswerCache(10 * entry)
    keys = _keys(12)
    for n, key in enumerate(keys[:10]):
        cache.answer(1, key, lambda n=n: _answer(f"a{n}"))
    assert cache.size == 10 * entry
    cache.answer(1, keys[0], lambda: _answer("recomputed"))  # used again: now the most recent
    cache.answer(1, keys[10], lambda: _answer("a10"))
    cache.answer(1, keys[11], lambda: _answer("a11"))
    assert cache.size <= 10 * entry
    assert cache.answer(1, keys[0], lambda: _answer("x"))[1]
    assert not cache.answer(1, keys[1], lambda: _answer("x"))[1]  # the least recently used went first


def test_answer_cache_does_not_keep_an_answer_over_an_eighth_of_its_bytes() -> None:
    cache = AnswerCache(8 * 1000)
    small, large = _keys(2)
    cache.answer(1, large, lambda: _answer("large", 1000))
    cache.answer(1, small, lambda: _answer("small", 1000 - ENTRY_OVERHEAD))
    assert not cache.answer(1, large, lambda: _answer("large", 1000))[1]
    assert cache.answer(1, small, lambda: _answer("x"))[1]


def test_answer_cache_of_zero_bytes_keeps_nothing() -> None:
    cache = AnswerCache(0)
    key = _keys(1)[0]
    assert [cache.answer(1, key, lambda: _answer("a"))[1] for _ in range(3)] == [False, False, False]
    assert cache.size == 0


def _at_once(cache: AnswerCache, key: bytes, compute: object, waiters: int) -> list[object]:
    """Answers (or errors) of `waiters` threads asking for `key` while the first computation is still running."""
    results: list[object] = []
    lock = threading.Lock()

    def ask() -> None:
        try:
            outcome: object = cache.answer(1, key, compute)  # type: ignore[arg-type]
        except RuntimeError as err:
            outcome = err
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=ask) for _ in range(waiters)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_answer_cache_same_key_at_once_is_computed_once() -> None:
    cache = AnswerCache(1 << 20)
    key = _keys(1)[0]
    release = threading.Event()
    started = threading.Event()
    calls: list[int] = []

    def slow() -> Answer:
        calls.append(1)
        started.set()
        release.wait(30)
        return _answer("shared")

    leader = threading.Thread(target=cache.answer, args=(1, key, slow))
    leader.start()
    started.wait(30)
    threading.Timer(0.3, release.set).start()  # the waiters below are blocked by then
    results = _at_once(cache, key, slow, 5)
    leader.join(30)
    assert len(calls) == 1
    assert results == [(_answer("shared"), True)] * 5


def test_answer_cache_failure_reaches_every_waiter_and_is_not_kept() -> None:
    cache = AnswerCache(1 << 20)
    key = _keys(1)[0]
    release = threading.Event()
    started = threading.Event()
    calls: list[int] = []

    def failing() -> Answer:
        calls.append(1)
        started.set()
        release.wait(30)
        raise RuntimeError("stopped at KG_QUERY_TIMEOUT")

    leader = threading.Thread(target=lambda: pytest.raises(RuntimeError, cache.answer, 1, key, failing))
    leader.start()
    started.wait(30)
    threading.Timer(0.3, release.set).start()
    results = _at_once(cache, key, failing, 3)
    leader.join(30)
    assert len(calls) == 1
    assert [str(r) for r in results] == ["stopped at KG_QUERY_TIMEOUT"] * 3
    assert cache.answer(1, key, lambda: _answer("later"))[1] is False


@pytest.mark.parametrize(("query", "volatile"), [
    ("SELECT (NOW() AS ?t) {}", True),
    ("select (rand () as ?r) {}", True),
    ("SELECT ?u WHERE { BIND(STRUUID() AS ?u) }", True),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
    ("SELECT ?random WHERE { ?random a ?nowhere }", False),
    ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", False),
])
def test_answer_cache_volatile_queries_are_told_apart(query: str, volatile: bool) -> None:
    assert is_volatile(query) is volatile
