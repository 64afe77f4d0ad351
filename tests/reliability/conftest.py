"""Fixtures of the reliability tests."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.ontology import Namer
from kg.store import Store
from tests.graph_fixture import fill_store


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
