"""SPARQL Updates end at KG_QUERY_TIMEOUT (and KG_QUERY_MEMORY) like queries, and leave nothing half-applied.

Against a real `kg serve` over `limits_store` (tests/reliability/conftest.py), with a 3 s time limit.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import start_server, stop_server
from tests.reliability.conftest import MEMORY, TOKEN
from tests.reliability.processes import cpu_seconds, tree
from tests.reliability.test_query_limits import TIMEOUT

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
# An update's default graph is the store's own default graph, which is empty: the data is in named graphs.
HEAVY_WHERE = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }"
HEAVY_SORT = "SELECT ?c WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } } ORDER BY ?c ?f"


@pytest.fixture(scope="module")
def server(limits_store: Path) -> Iterator[tuple[str, int]]:
    proc, url = start_server(limits_store, {"KG_QUERY_TIMEOUT": str(TIMEOUT), "KG_QUERY_MEMORY": str(MEMORY),
                                          "KG_UPDATE_TOKEN": TOKEN, "KG_ACCESS_LOG": "0"})
    yield url, proc.pid
    stop_server(proc)


def update(url: str, text: str) -> requests.Response:
    return requests.post(url + "/sparql", data=text.encode(), headers=AUTH, timeout=150)


def ask(url: str, pattern: str) -> bool:
    answer = requests.get(url + "/sparql", params={"query": f"ASK {{ {pattern} }}"}, timeout=30)
    assert answer.status_code == 200, answer.text
    return bool(answer.json()["boolean"])


def test_update_limits_a_runaway_update_is_stopped_and_applies_nothing(server: tuple[str, int]) -> None:
    url, pid = server
    answer = update(url, "INSERT DATA { <urn:x:first> <urn:x:p> 1 } ;\n"
                         f"INSERT {{ <urn:x:count> <urn:x:p> ?n }} WHERE {{ {HEAVY_WHERE} }}")
    assert answer.status_code == 503, answer.text
    assert "KG_QUERY_TIMEOUT" in answer.text
    assert not ask(url, "<urn:x:first> ?p ?o"), "the first operation of a stopped update was applied"
    assert not ask(url, "<urn:x:count> ?p ?o")

    time.sleep(0.5)  # let the kill be reaped
    before = cpu_seconds(tree(pid))
    time.sleep(1.5)
    used = cpu_seconds(tree(pid)) - before
    assert used < 0.3, f"the server used {used:.2f} s of CPU in 1.5 s after the update was answered"


def test_update_limits_an_update_over_the_memory_bound_is_stopped(patient_server: tuple[str, int]) -> None:
    url, _ = patient_server
    answer = update(url, f"INSERT {{ <urn:x:sorted> <urn:x:p> ?c }} WHERE {{ {HEAVY_SORT} }}")
    assert answer.status_code == 503, answer.text
    assert "KG_QUERY_MEMORY" in answer.text
    assert not ask(url, "<urn:x:sorted> ?p ?o")


def test_update_limits_an_update_within_the_limits_is_applied(server: tuple[str, int]) -> None:
    url, _ = server
    answer = update(url, "INSERT DATA { <urn:x:kept> <urn:x:p> 1 } ;\n"
                         "INSERT { <urn:x:kept> <urn:x:count> ?n }\n"
                         "WHERE { SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } }")
    assert answer.status_code == 204, answer.text
    assert ask(url, "<urn:x:kept> <urn:x:p> 1 ; <urn:x:count> ?n")
    answer = update(url, "DELETE WHERE { <urn:x:kept> ?p ?o }")
    assert answer.status_code == 204, answer.text
    assert not ask(url, "<urn:x:kept> ?p ?o")
