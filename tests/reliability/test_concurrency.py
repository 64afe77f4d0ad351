"""Queries answered while `kg ingest --server` writes: every answer succeeds and sees each article absent or whole."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from kg.store import Store
from tests.conftest import start_server
from tests.reliability.corpus import ROOT, kg, store_graphs, write_articles

ARTICLES = 200  # several batches of kg.ingest.BATCH_ARTICLES: queries between the writes see a part (with one
# window only, a fast extraction that overlaps the first write could leave none to a busy machine)
TOKEN = "concurrency-token"
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def quads_per_graph(path: Path) -> dict[str, int]:
    """How many quads each named graph of the store at `path` holds."""
    store = Store(path)
    try:
        return dict(Counter(quad.graph_name.value for quad in store.quads()))
    finally:
        del store
        gc.collect()


def count_graphs(url: str) -> tuple[int, dict[str, int]]:
    """Ask the server for the quad count of every graph; returns the HTTP status and the counts."""
    request = urllib.request.Request(
        url + "/sparql", data=COUNT_PER_GRAPH.encode(), method="POST",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            rows = json.load(response)["results"]["bindings"]
            return response.status, {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
    except urllib.error.HTTPError as err:
        return err.code, {}


@pytest.mark.model
def test_concurrency_queries_during_remote_ingest_see_whole_articles(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    local = tmp_path / "local"
    assert kg("ingest", folder, "--store", local, "--workers", "1").returncode == 0
    final = quads_per_graph(local)
    served = tmp_path / "served"
    Store(served)  # create it empty; the server opens it
    gc.collect()

    proc, url = start_server(served, env={"KG_UPDATE_TOKEN": TOKEN})
    answers: list[tuple[int, dict[str, int]]] = []
    stop = threading.Event()

    def keep_querying() -> None:
        while not stop.is_set():
            answers.append(count_graphs(url))

    reader = threading.Thread(target=keep_querying)
    try:
        reader.start()
        ingest = subprocess.run(
            [sys.executable, "-m", "kg", "ingest", str(folder), "--server", url, "--token", TOKEN, "--workers", "1"],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )
        stop.set()
        reader.join(timeout=60)
        assert ingest.returncode == 0, ingest.stderr
        last = count_graphs(url)
    finally:
        stop.set()
        proc.terminate()
        proc.wait(timeout=15)

    assert last == (200, final)
    assert [status for status, _ in answers if status != 200] == []
    for _, counts in answers:
        half = {graph: n for graph, n in counts.items() if n != final.get(graph)}
        assert half == {}, f"an answer saw articles half written: {half}"
    assert any(0 < len(counts) < ARTICLES for _, counts in answers), "no query ran during the ingest"
    assert store_graphs(served) == store_graphs(local)
