"""Ingest behaviour: skipping unchanged articles, replacing changed ones, workers, batches, streaming."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad

from kg import ingest as ingest_module
from kg.ingest import CHUNK_ARTICLES, CHUNKS_IN_FLIGHT, IngestReport, _extract_all, ingest
from kg.model import Document, Extraction
from kg.ontology import GENERATED_AT, Namer
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTICLE = """title: Harbour authority names a new director
date: 2024-03-02

Port director Lena Osterberg of the Kestrel Harbour Authority said on Monday that the new quay would open in May.
"""


def _ingest(paths: list[Path], store: Store, workers: int = 1) -> IngestReport:
    return ingest(paths, store, Namer(), workers=workers)


def _stable_quads(store: Store) -> set[str]:
    """Every quad but the ingest timestamps, as N-Quads lines."""
    return {str(q) for q in store.quads() if q.predicate != GENERATED_AT}


class RecordingStore(Store):
    """A real in-memory store that also remembers each write_graphs call."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[tuple[NamedNode, list[Quad]]]] = []

    def write_graphs(self, graphs: list[tuple[NamedNode, list[Quad]]]) -> None:
        self.calls.append(graphs)
        super().write_graphs(graphs)


@pytest.mark.model
def test_ingest_skips_unchanged_articles() -> None:
    store = Store()
    first = _ingest([EXAMPLES], store)
    assert first.articles >= 5 and not first.problems
    again = _ingest([EXAMPLES], store)
    assert (again.articles, again.unchanged) == (0, first.articles)
    assert again.store_seconds < first.store_seconds + 1.0


@pytest.mark.model
def test_ingest_reingest_replaces_changed_article(tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = Store()
    _ingest([path], store)
    graph = Namer().article("harbour")
    before = {str(q) for q in store.quads(graph)}
    path.write_text(ARTICLE.replace("in May", "in September"), encoding="utf-8")
    report = _ingest([path], store)
    after = {str(q) for q in store.quads(graph)}
    assert report.articles == 1
    assert any("September" in q for q in after) and not any("in May" in q for q in after)
    assert before != after
    assert list(store.named_graphs()) == [graph]


@pytest.mark.model
def test_ingest_same_graph_with_one_or_two_workers() -> None:
    one, two = Store(), Store()
    report_one = _ingest([EXAMPLES], one, workers=1)
    report_two = _ingest([EXAMPLES], two, workers=2)
    assert report_one.summary().split(" in ")[0] == report_two.summary().split(" in ")[0]
    assert _stable_quads(one) == _stable_quads(two)


@pytest.mark.model
def test_ingest_batches_keep_each_article_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "BATCH_ARTICLES", 3)
    store = RecordingStore()
    report = _ingest([EXAMPLES], store)
    written = [graph for call in store.calls for graph, _ in call]
    assert len(written) == len(set(written)) == report.articles  # each article in exactly one call
    assert all(len(call) <= 3 for call in store.calls)
    assert 1 < len(store.calls) == report.transactions < report.articles
    for call in store.calls:
        for graph, quads in call:
            assert quads and all(q.graph_name == graph for q in quads)
            assert len(set(quads)) == len(list(store.quads(graph)))  # the store canonicalises decimals


@pytest.mark.model
def test_ingest_reads_ahead_only_a_bounded_number_of_articles() -> None:
    pulled = 0

    def documents() -> Iterator[Document]:
        nonlocal pulled
        for n in range(2000):
            pulled += 1
            yield Document(id=f"d{n}", text=f"Minister Ana Lopez{n} spoke in Lima on Monday.", source=f"d{n}")

    results = _extract_all(documents(), None, workers=2)
    first = next(results)
    assert isinstance(first, Extraction) and first.document.id == "d0"
    assert pulled <= (2 * CHUNKS_IN_FLIGHT + 1) * CHUNK_ARTICLES
    results.close()


@pytest.mark.model
def test_ingest_reports_unreadable_inputs_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    report = _ingest([tmp_path], Store(), workers=2)
    assert report.articles == 1
    assert [Path(p.source).name for p in report.problems] == ["empty.txt"]


def test_progress_bar_shows_articles_per_second_and_workers_on_a_terminal() -> None:
    script = "from kg.progress import ProgressBar\nwith ProgressBar(enabled=True) as bar:\n" \
             "    bar.show_workers(2)\n    for n in range(1, 4):\n        bar.update(f'a{n}.txt', n)\n"
    controller, terminal = pty.openpty()  # a terminal that reports no size, as under `script -c`
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=terminal, close_fds=True)
    os.close(terminal)
    output = b""
    while chunk := _read(controller):
        output += chunk
    assert process.wait(timeout=60) == 0
    assert b"3 articles" in output and b"articles/s" in output and b"2 workers, a3.txt" in output


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # the terminal closed with the process
        return b""
