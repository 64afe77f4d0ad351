"""Articles in, graphs out: read, extract, resolve, convert and store each article.

Each article is written in one transaction (its named graph is replaced whole),
so a failure or a kill leaves every article either as it was or fully new.
Unchanged articles (same content hash) are skipped without parsing.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pyoxigraph import NamedNode, Quad

from kg import ontology
from kg.articles import DEFAULT_MAX_BYTES, ReadProblem, iter_articles
from kg.errors import KGError
from kg.extractors import extract
from kg.extractors.pipeline import build_nlp
from kg.model import Document, Entity, Extraction
from kg.resolver import EntityIndex
from kg.store import Store


class GraphSink(Protocol):
    """Where ingested article graphs go: the local Store, or a running server (kg.remote)."""

    def iter_entities(self, namer: ontology.Namer) -> Iterable[Entity]:
        """Entities already known, to resolve new mentions against."""
        ...

    def stored_hash(self, graph: NamedNode) -> str | None:
        """The content hash of a stored article graph, or None."""
        ...

    def write_graphs(self, graphs: list[tuple[NamedNode, list[Quad]]]) -> None:
        """Replace each graph with its quads, each atomically."""
        ...

    def flush(self) -> None:
        """Make the writes durable."""
        ...


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and the exit code."""

    articles: int = 0
    unchanged: int = 0
    entities: int = 0
    facts: int = 0
    quads: int = 0
    seconds: float = 0.0
    problems: list[ReadProblem] = field(default_factory=list)

    def summary(self) -> str:
        """One line: what was stored, what was skipped or failed, and how fast."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"{self.articles} articles ingested, {self.unchanged} unchanged, {len(self.problems)} failed; "
            f"{self.entities} entities, {self.facts} facts, {self.quads} quads in {self.seconds:.1f} s "
            f"({rate:.1f} articles/s)"
        )


Progress = Callable[[str, int], None]  # (article source, number of articles done so far)


def ingest(
    paths: Sequence[str | Path],
    store: GraphSink,
    namer: ontology.Namer,
    *,
    model: str | None = None,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_article: Progress | None = None,
) -> IngestReport:
    """Ingest every article under `paths` into `store`; bad inputs are reported, never raised."""
    report = IngestReport()
    started = time.perf_counter()
    index = EntityIndex(store.iter_entities(namer))
    documents = _new_documents(iter_articles(paths, max_bytes), store, namer, report)
    for extraction in _extract_all(documents, model, workers):
        if isinstance(extraction, ReadProblem):
            report.problems.append(extraction)
            continue
        extraction = index.reconcile(extraction)
        quads = ontology.to_quads(extraction, namer)
        store.write_graphs([(namer.article(extraction.document.id), quads)])
        index.add(extraction.entities)
        report.articles += 1
        report.entities += len(extraction.entities)
        report.facts += len(extraction.facts)
        report.quads += len(quads)
        if on_article:
            on_article(extraction.document.source, report.articles + report.unchanged)
    store.flush()
    report.seconds = time.perf_counter() - started
    return report


def remove(doc_ids: Iterable[str], store: Store, namer: ontology.Namer) -> list[str]:
    """Remove articles by id; returns the ids that were not in the store."""
    return [doc_id for doc_id in doc_ids if not store.remove_graph(namer.article(doc_id))]


def _new_documents(
    items: Iterable[Document | ReadProblem], store: GraphSink, namer: ontology.Namer, report: IngestReport
) -> Iterator[Document | ReadProblem]:
    """Pass on documents that are new or changed; count unchanged ones; flag duplicate ids."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, ReadProblem):
            yield item
            continue
        if item.id in seen:
            yield ReadProblem(item.source, f"duplicate article id {item.id!r}, also read from {seen[item.id]}")
            continue
        seen[item.id] = item.source
        if store.stored_hash(namer.article(item.id)) == item.content_hash:
            report.unchanged += 1
            continue
        yield item


_worker_nlp = None


def _init_worker(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = build_nlp(model)


def _extract_in_worker(item: Document | ReadProblem) -> Extraction | ReadProblem:
    if isinstance(item, ReadProblem):
        return item
    assert _worker_nlp is not None
    try:
        return extract(item, _worker_nlp)
    except (KGError, ValueError) as err:
        return ReadProblem(item.source, f"extraction failed: {err}")


def _extract_all(
    items: Iterator[Document | ReadProblem], model: str | None, workers: int
) -> Iterator[Extraction | ReadProblem]:
    """Extractions in input order, computed by `workers` processes (in this one when 1)."""
    if workers <= 1:
        _init_worker(model)
        yield from map(_extract_in_worker, items)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        yield from pool.imap(_extract_in_worker, items, chunksize=2)
