"""A stop (SIGTERM, SIGINT) of `kg serve` with a query in flight ends the server and its query processes
and releases the store, so that an ingest or a restart can follow at once."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest
import requests

from kg.store import Store
from tests.conftest import start_server
from tests.reliability.processes import tree


def alive(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
OUTLIVE_SECONDS = 10


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stop_with_a_query_in_flight_releases_the_store(store_path: Path, signum: int) -> None:
    proc, url = start_server(store_path, {"KG_QUERY_TIMEOUT": "60", "KG_ACCESS_LOG": "0"})
    answers: list[int] = []

    def heavy() -> None:
        try:
            answers.append(requests.get(url + "/sparql", params={"query": HEAVY}, timeout=60).status_code)
        except requests.ConnectionError:
            answers.append(0)

    client = threading.Thread(target=heavy)
    client.start()
    while len(tree(proc.pid)) < 2:  # the query's process is running
        time.sleep(0.05)
    family = tree(proc.pid)
    proc.send_signal(signum)
    assert proc.wait(timeout=20) == 0
    client.join()
    # a killed query process runs at the lowest CPU priority (kg/sandbox.py), so on a busy machine the kernel may
    # take a moment to end it after the server: it must be gone soon, not at the very instant the server exits
    deadline = time.monotonic() + OUTLIVE_SECONDS
    while any(alive(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in family if alive(pid)] == [], "query processes outlived the server"
    Store(store_path)  # the store is free: no StoreBusy
