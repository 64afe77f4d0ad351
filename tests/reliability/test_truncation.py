"""A result cut at KG_ROW_LIMIT says so in its headers (KG-Truncated: true), however large it is."""

from __future__ import annotations

import gc
import json
import subprocess
from collections.abc import Iterator

import pytest
import requests
from pyoxigraph import Literal, NamedNode, Quad

from kg.store import Store
from tests.conftest import start_server, stop_server

ROWS = 200
ROW_LIMIT = 100
ALL = "SELECT ?s ?o WHERE { ?s <http://reference.example/p> ?o }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server over 200 triples of 16 KB each, with a row limit of 100 (so cut results pass 1 MiB)."""
    path = tmp_path_factory.mktemp("truncation") / "store"
    store = Store(path)
    graph = NamedNode("http://reference.example/big")
    store.write_graphs([(graph, [Quad(NamedNode(f"http://reference.example/n{i}"),
                                      NamedNode("http://reference.example/p"), Literal(f"{i} " + "x" * 16_000), graph)
                                 for i in range(ROWS)])])
    store.flush()
    del store
    gc.collect()
    proc, url = start_server(path, {"KG_ROW_LIMIT": str(ROW_LIMIT)})
    yield url
    stop_server(proc)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_truncation_large_cut_result_carries_the_header(server: str, fmt: str) -> None:
    answer = requests.get(server + "/sparql", params={"query": ALL, "format": fmt}, timeout=60)
    assert answer.status_code == 200
    assert len(answer.content) > 1 << 20
    assert answer.headers.get("KG-Truncated") == "true"
    assert answer.headers["KG-Row-Limit"] == str(ROW_LIMIT)
    assert int(answer.headers["Content-Length"]) == len(answer.content)
    if fmt == "json":
        assert len(json.loads(answer.content)["results"]["bindings"]) == ROW_LIMIT


def test_truncation_header_seen_by_curl(server: str) -> None:
    out = subprocess.run(["curl", "-sS", "-D", "-", "-o", "/dev/null", "--get", "--data-urlencode", f"query={ALL}",
                          server + "/sparql"], check=True, capture_output=True, text=True, timeout=60).stdout
    assert "kg-truncated: true" in out.lower()


def test_truncation_large_whole_result_has_no_header(server: str) -> None:
    query = ALL + f" LIMIT {ROW_LIMIT}"
    answer = requests.get(server + "/sparql", params={"query": query}, timeout=60)
    assert answer.status_code == 200
    assert len(answer.content) > 1 << 20
    assert "KG-Truncated" not in answer.headers
    assert len(answer.json()["results"]["bindings"]) == ROW_LIMIT
