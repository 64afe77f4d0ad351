"""Fixtures of the reliability tests."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.ontology import Namer
from kg.store import Store
from tests.conftest import start_server, stop_server
from tests.graph_fixture import fill_store

MEMORY = 256 << 20  # KG_QUERY_MEMORY of the servers of the limit tests
TOKEN = "limits-token"


@pytest.fixture(scope="module")
def limits_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small store on disk: the sample graph plus 2,000 triples, so that a cross product of three patterns is far
    too big to finish and a sorted one of two fills gigabytes."""
    return build_limits_store(tmp_path_factory.mktemp("limits") / "store")


def build_limits_store(path: Path) -> Path:
    """Build the store of `limits_store` at `path`."""
    store = Store(path)
    fill_store(store, Namer())
    graph = NamedNode("http://reference.example/padding")
    store.write_graphs([(graph, [Quad(NamedNode(f"http://reference.example/n{i}"), NamedNode(
        "http://reference.example/p"), Literal(f"value {i}"), graph) for i in range(2000)])])
    store.flush()
    del store
    gc.collect()
    return path


@pytest.fixture(scope="module")
def patient_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A server whose time limit is far off, so that a query that hoards memory reaches the memory bound first,
    however busy the machine is (a query running past 0.5 s gets the lowest CPU priority); its URL and pid."""
    store = build_limits_store(tmp_path_factory.mktemp("patient") / "store")
    proc, url = start_server(store, {"KG_QUERY_TIMEOUT": "100", "KG_QUERY_MEMORY": str(MEMORY),
                                     "KG_UPDATE_TOKEN": TOKEN, "KG_ACCESS_LOG": "0"})
    yield url, proc.pid
    stop_server(proc)
