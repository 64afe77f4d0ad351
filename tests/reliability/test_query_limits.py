"""Heavy queries end at their limits and give back CPU and memory; cheap ones are answered meanwhile.

Against a real `kg serve` over `limits_store` (tests/reliability/conftest.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.conftest import start_server, stop_server
from tests.reliability.conftest import MEMORY
from tests.reliability.processes import cpu_seconds, rss_bytes, sockets, tree, wait_ended

TIMEOUT = 3.0
THREADS = 4
HEAVY_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
HEAVY_SORT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
CHEAP = "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT DISTINCT ?p WHERE { ?p a kg:Person } ORDER BY ?p"
RUNAWAY_BYTES = 1 << 30  # a server tree past this is stopped at once, so a regression cannot exhaust the machine


@pytest.fixture(scope="module")
def server(limits_store: Path) -> Iterator[tuple[str, int]]:
    """A real server with a short time limit and a small memory bound; yields its URL and process id."""
    proc, url = start_server(limits_store, {"KG_QUERY_TIMEOUT": str(TIMEOUT), "KG_QUERY_MEMORY": str(MEMORY),
                                          "KG_THREADS": str(THREADS), "KG_ACCESS_LOG": "0"})
    yield url, proc.pid
    stop_server(proc)


def query(url: str, text: str) -> tuple[int, str, float]:
    """Status, body and seconds taken of one query sent with requests."""
    started = time.monotonic()
    answer = requests.get(url + "/sparql", params={"query": text}, timeout=120)
    return answer.status_code, answer.text, time.monotonic() - started


class MemoryWatch:
    """Samples the RSS of every process of the server's tree; stops the server if the tree runs away."""

    def __init__(self, worker: int) -> None:
        self.worker, self.peak, self.total_peak = worker, 0, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self.stop.wait(0.05):
            sizes = [rss_bytes(pid) for pid in tree(self.worker)]
            self.peak = max(self.peak, *sizes)
            self.total_peak = max(self.total_peak, sum(sizes))
            if sum(sizes) > RUNAWAY_BYTES:
                import os
                import signal

                for pid in tree(self.worker):
                    os.kill(pid, signal.SIGKILL)
                return

    def __enter__(self) -> MemoryWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def busy_processes(worker: int, expected: int) -> list[int]:
    """The worker's children that are using CPU, once `expected` of them are (or after a second of waiting)."""
    waited_until = time.monotonic() + 1.0
    while True:
        busy = [pid for pid in tree(worker)[1:] if cpu_seconds([pid]) > 0.05]
        if len(busy) >= expected or time.monotonic() > waited_until:
            return busy
        time.sleep(0.1)


def test_query_limits_heavy_queries_stop_at_the_time_limit(server: tuple[str, int]) -> None:
    url, worker = server
    heavy = THREADS - 1  # one request thread stays free for the cheap query
    with ThreadPoolExecutor(heavy) as pool, MemoryWatch(worker):
        # Distinct texts: identical queries sent at once would share one evaluation (the answer cache).
        running = [pool.submit(query, url, f"{HEAVY_COUNT} # {n}") for n in range(heavy)]
        time.sleep(0.5)
        status, body, _ = query(url, CHEAP)
        assert status == 200, body
        assert not any(future.done() for future in running), "the heavy queries ended before the cheap one"
        busy = busy_processes(worker, heavy)
        assert len(busy) == heavy
        held = [len(sockets(pid)) for pid in tree(worker)[1:]]
        assert max(held) == 1, f"query processes hold more than their line to the server: {held}"
        answers = [future.result() for future in running]
    for status, body, seconds in answers:
        assert status == 503
        assert "KG_QUERY_TIMEOUT" in body
        assert seconds < TIMEOUT + 1.0, f"a heavy query was answered after {seconds:.1f} s"

    assert wait_ended(busy) == [], "heavy query processes outlived their requests"
    before = cpu_seconds(tree(worker))
    time.sleep(1.5)
    used = cpu_seconds(tree(worker)) - before
    assert used < 0.3, f"the server used {used:.2f} s of CPU in 1.5 s after every query was answered"

    with ThreadPoolExecutor(THREADS) as pool:  # every slot is free again
        statuses = [status for status, _, _ in pool.map(lambda _: query(url, CHEAP), range(THREADS))]
    assert statuses == [200] * THREADS


def test_query_limits_memory_bound_stops_a_query_with_a_clear_error(patient_server: tuple[str, int]) -> None:
    url, worker = patient_server
    baseline = rss_bytes(worker)
    with MemoryWatch(worker) as watch:
        status, body, seconds = query(url, HEAVY_SORT)
    assert status == 503, body
    assert "KG_QUERY_MEMORY" in body
    assert watch.peak < baseline + MEMORY + (128 << 20), f"a server process reached {watch.peak >> 20} MiB"
    assert rss_bytes(worker) < baseline + (32 << 20)
    status, body, _ = query(url, CHEAP)
    assert status == 200, body
