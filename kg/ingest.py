"""Articles in, graphs out: read, extract, resolve, convert and store each article.

Each article's named graph is replaced whole in one transaction; new articles are
written several to a transaction (one `write_graphs` call per batch), so a failure
or a kill leaves every article either as it was or fully new. Unchanged articles
(same content hash) are skipped without parsing. A full disk stops the ingest: the
report says so and counts what was written before.

Article ids are the file stems (kg.articles); two inputs of one ingest that would share an id
get distinct ids (the later one a short hash of its path), and replacing a stored article read
from another file is reported, so no article replaces another without a word.

Parsing runs in `workers` processes (kg.workers), or on the workers of a Dask cluster (kg.cluster),
fed a bounded number of chunks at a time, so memory stays flat however many articles are read; results
come back in input order. What must be sequential stays here, in `ingest`, in this one process: entity
resolution against the graph (each article's entities are matched against those of the articles before
it) and the writes. So the graph does not depend on the number of workers, nor on the cluster.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Protocol

from pyoxigraph import NamedNode, Quad

from kg import ontology
from kg.articles import DEFAULT_MAX_BYTES, ReadProblem, ReadWarning, iter_articles
from kg.errors import DiskFull
from kg.event_identity import EventIndex, EventReport
from kg.model import Document, Entity, Extraction
from kg.parsing import Item, Result, extract_chunk
from kg.resolver import EntityIndex
from kg.workers import make_pool

CHUNK_ARTICLES = 16  # most articles sent to a worker in one task (parsed together by nlp.pipe)
CHUNK_CHARS = 100_000  # ... or fewer, once their texts reach this many characters
CHUNKS_IN_FLIGHT = 3  # tasks queued or running per worker; bounds memory, keeps workers busy
BATCH_ARTICLES = 64  # most articles written in one store transaction
BATCH_QUADS = 20_000  # ... or fewer, once their quads reach this many
FLUSH_QUADS = 100_000  # flush the store after this many quads: bounds its in-memory write buffers


class GraphSink(Protocol):
    """Where ingested article graphs go: the local Store, or a running server (kg.remote)."""

    def iter_entities(self, namer: ontology.Namer) -> Iterable[Entity]:
        """Entities already known, to resolve new mentions against."""
        ...

    def iter_event_reports(self, namer: ontology.Namer) -> Iterable[EventReport]:
        """Reports of events already known, to find the events new reports are of."""
        ...

    def stored_version(self, graph: NamedNode) -> tuple[str, str] | None:
        """The content hash and source file of a stored article graph, or None."""
        ...

    def write_graphs(self, graphs: list[tuple[NamedNode, list[Quad]]]) -> None:
        """Replace each graph with its quads, each atomically."""
        ...

    def remove_graph(self, graph: NamedNode) -> bool:
        """Remove an article graph; False when there was none."""
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
    warnings: list[ReadWarning] = field(default_factory=list)  # read, but not exactly as it stands
    stopped: str | None = None  # why the ingest stopped before the end (a full disk), or None
    store_seconds: float = 0.0  # time spent in store writes and the final flush (part of `seconds`)
    transactions: int = 0  # write_graphs calls

    def summary(self) -> str:
        """One line: what was stored, what was skipped or failed, and how fast."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        warned = f", {len(self.warnings)} warnings" if self.warnings else ""
        stopped = ", then stopped (the rest was not read)" if self.stopped else ""
        failed = f"{len(self.problems)} failed{warned}{stopped}"
        return (
            f"{self.articles} articles ingested, {self.unchanged} unchanged, {failed}; "
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
    cluster: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_article: Progress | None = None,
    on_workers: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest every article under `paths` (files, folders, fsspec URLs) into `store`; bad inputs are reported,
    never raised.

    Parsing runs in `workers` processes, or on the Dask cluster at `cluster` (kg.cluster.connect) when given;
    `on_workers` hears how many workers a cluster has. A full disk stops the ingest early with `report.stopped`
    set; what was written before stays whole.

    Raises:
        ModelNotFound: the model cannot be loaded.
        KGError: the cluster cannot be reached, or lost a chunk on every worker it tried.
    """
    report = IngestReport()
    started = time.perf_counter()
    index = EntityIndex(store.iter_entities(namer))
    events = EventIndex(store.iter_event_reports(namer))
    writer = _BatchWriter(store, report, on_article)
    documents = _new_documents(iter_articles(paths, max_bytes), store, namer, report, on_article)
    try:
        with closing(_extract_all(documents, model, workers, cluster, on_workers)) as extractions:
            # Sequential from here, in this process alone: resolution against the entities of the graph and of
            # every article before, then the writes. Parsing (above) is what runs in parallel.
            for extraction in extractions:
                if isinstance(extraction, ReadProblem):
                    report.problems.append(extraction)
                    continue
                extraction = events.reconcile(index.reconcile(extraction))
                quads = ontology.to_quads(extraction, namer)
                writer.add(extraction, namer.article(extraction.document.id), quads)
                index.add(extraction.entities)
                events.add(events.reports_of(extraction))
        writer.write()
        flushed = time.perf_counter()
        store.flush()
        report.store_seconds += time.perf_counter() - flushed
    except DiskFull as err:
        report.stopped = str(err)
    report.seconds = time.perf_counter() - started
    return report


def remove(doc_ids: Iterable[str], store: GraphSink, namer: ontology.Namer) -> list[str]:
    """Remove articles by id; returns the ids that were not in the store."""
    return [doc_id for doc_id in doc_ids if not store.remove_graph(namer.article(doc_id))]


class _BatchWriter:
    """Collects article graphs and writes them a batch per `write_graphs` call (each graph whole).

    An article is counted in the report (articles, entities, facts, quads) once its batch is written.
    """

    def __init__(self, store: GraphSink, report: IngestReport, on_article: Progress | None) -> None:
        self.store, self.report, self.on_article = store, report, on_article
        self.graphs: list[tuple[NamedNode, list[Quad]]] = []
        self.extractions: list[Extraction] = []
        self.quads = 0
        self.unflushed = 0

    def add(self, extraction: Extraction, graph: NamedNode, quads: list[Quad]) -> None:
        """Queue one article's graph; writes the batch once it is full.

        Raises:
            DiskFull: the batch could not be written; it is not counted.
        """
        self.graphs.append((graph, quads))
        self.extractions.append(extraction)
        self.quads += len(quads)
        if len(self.graphs) >= BATCH_ARTICLES or self.quads >= BATCH_QUADS:
            self.write()

    def write(self) -> None:
        """Write the queued graphs, then count them as done.

        Raises:
            DiskFull: the graphs could not be written, or flushed (then they are written and counted).
        """
        if not self.graphs:
            return
        started = time.perf_counter()
        self.store.write_graphs(self.graphs)
        self.report.transactions += 1
        self.report.quads += self.quads
        for extraction in self.extractions:
            self.report.articles += 1
            self.report.entities += len(extraction.entities)
            self.report.facts += len(extraction.facts)
            if self.on_article:
                self.on_article(extraction.document.source, self.report.articles + self.report.unchanged)
        self.graphs, self.extractions = [], []
        self.unflushed += self.quads
        self.quads = 0
        if self.unflushed >= FLUSH_QUADS:
            self.store.flush()
            self.unflushed = 0
        self.report.store_seconds += time.perf_counter() - started


def _new_documents(
    items: Iterable[Item | ReadWarning], store: GraphSink, namer: ontology.Namer, report: IngestReport,
    on_article: Progress | None = None,
) -> Iterator[Item]:
    """Pass on documents that are new or changed; count unchanged ones; collect warnings.

    An id already taken in this ingest gets a suffix; replacing a stored article read from another file is a warning.
    """
    taken: dict[str, str] = {}  # article id -> the source that has it in this ingest
    for item in items:
        if isinstance(item, ReadWarning):
            report.warnings.append(item)
            continue
        if isinstance(item, ReadProblem):
            yield item
            continue
        if item.id in taken:
            distinct = _distinct_id(item, taken)
            report.warnings.append(ReadWarning(item.source, f"article id {item.id!r} is taken by {taken[item.id]}; "
                                               f"stored as {distinct!r}"))
            item = replace(item, id=distinct)
        taken[item.id] = item.source
        stored = store.stored_version(namer.article(item.id))
        if stored is not None and stored[0] == item.content_hash:
            report.unchanged += 1
            if on_article:
                on_article(item.source, report.articles + report.unchanged)
            continue
        if stored is not None and not _same_file(stored[1], item.source):
            report.warnings.append(ReadWarning(item.source, f"replaces the stored article {item.id!r}, which was "
                                               f"read from {stored[1] or 'an unknown file'}"))
        yield item


def _distinct_id(document: Document, taken: dict[str, str]) -> str:
    """The document's id with a hash of its source appended, as long as needed to be free."""
    digest = hashlib.sha256(document.source.encode("utf-8", "surrogatepass")).hexdigest()
    return next(f"{document.id}-{digest[:n]}" for n in (8, 16, 64) if f"{document.id}-{digest[:n]}" not in taken)


_JSONL_LINE = re.compile(r"(.*\.jsonl?):\d+", re.IGNORECASE)


def _same_file(stored: str, source: str) -> bool:
    """Whether two sources name the same file: equal, or the same path from here (JSON Lines: any line)."""
    files = [match[1] if (match := _JSONL_LINE.fullmatch(name)) else name for name in (stored, source)]
    return files[0] == files[1] or os.path.realpath(files[0]) == os.path.realpath(files[1])


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    """Consecutive chunks of at most CHUNK_ARTICLES items or about CHUNK_CHARS characters."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if len(chunk) >= CHUNK_ARTICLES or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _extract_all(
    items: Iterable[Item], model: str | None, workers: int, cluster: str | None = None,
    on_workers: Callable[[int], None] | None = None,
) -> Iterator[Result]:
    """Extractions in input order, computed on the Dask cluster at `cluster`, else by `workers` processes (in this
    one when 1).

    At most `workers * CHUNKS_IN_FLIGHT` chunks are read ahead (Pool.imap would read the whole input); on a
    cluster, CHUNKS_IN_FLIGHT per worker thread.
    """
    chunks = _chunks(items)
    first = next(chunks, None)
    if first is None:  # nothing new to parse: load no model, start no processes
        return
    if cluster:
        from kg.cluster import connect, extract_on_cluster

        with connect(cluster) as client:
            yield from extract_on_cluster(itertools.chain([first], chunks), client, model, CHUNKS_IN_FLIGHT,
                                          on_workers)
        return
    if workers <= 1:
        for chunk in itertools.chain([first], chunks):
            yield from extract_chunk(chunk, model)
        return
    with make_pool(workers) as pool:
        pending: deque[AsyncResult[list[Result]]] = deque()
        for chunk in itertools.chain([first], chunks):
            pending.append(pool.apply_async(extract_chunk, (chunk, model)))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
