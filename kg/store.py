"""The on-disk RDF store: one named graph per article, written whole or not at all.

This is the only module that opens a pyoxigraph Store. The default graph of a
query is the union of all graphs (article graphs plus anything loaded with
`kg load`), so a query need not name graphs to see every fact; a query with
FROM (or FROM NAMED) clauses gets the dataset they describe instead.
"""

from __future__ import annotations

import functools
import gc
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, ParamSpec, Protocol, TypeVar, cast

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    Variable,
    parse,
    serialize,
)
from pyoxigraph import (
    Store as OxStore,
)

from kg import ontology
from kg.errors import DiskFull, InvalidInput, StoreBusy, UnknownEntity
from kg.event_identity import EventReport
from kg.formats import RDF
from kg.model import PERSON, Entity
from kg.sparql_syntax import declares_dataset

QueryResult = QuerySolutions | QueryTriples | QueryBoolean
P = ParamSpec("P")
R = TypeVar("R")
Term = NamedNode | Literal

RDF_FORMATS = {
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}


FLUSH_SECONDS = 5.0  # a write flushes the store first when the last flush is this old
IDLE_FLUSH_SECONDS = 2.0  # `flush_when_idle` flushes writes that are at least this old and were not flushed
DATASET_FORMATS = {RDF_FORMATS[f.name] for f in RDF if f.datasets}  # the others hold one graph (JSON-LD too)
UNION_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
DISK_FULL = ("No space left on device", "Disk quota exceeded")  # how RocksDB words ENOSPC and EDQUOT


def _is_disk_full(err: OSError) -> bool:
    return any(words in str(err) for words in DISK_FULL)


@contextmanager
def _disk_full_as_error(path: Path | None) -> Iterator[None]:
    """Turn the OSError of a write that found the disk full into DiskFull, which names the store."""
    try:
        yield
    except OSError as err:
        if _is_disk_full(err):
            raise DiskFull(
                f"disk full: no space left for the store {path} ({err}). Everything written before is whole "
                "and readable; free some space and run the same command again."
            ) from err
        raise


def rdf_format(name: str) -> RdfFormat:
    """The RdfFormat called `name` ("turtle", "nquads", ...)."""
    try:
        return RDF_FORMATS[name]
    except KeyError:
        raise InvalidInput(f"Unknown RDF format {name!r}. Available: {', '.join(RDF_FORMATS)}.") from None


def _writes(method: Callable[P, R]) -> Callable[P, R]:
    """Mark a Store method that changes the store: a full disk raises DiskFull, the store is flushed first if it
    is due (FLUSH_SECONDS), and the store's `generation` is raised when done."""

    @functools.wraps(method)
    def write(*args: P.args, **kwargs: P.kwargs) -> R:
        store = args[0]
        assert isinstance(store, Store)
        try:
            with store._writing():
                store._flush_when_due()
                return method(*args, **kwargs)
        finally:
            store.generation += 1
            store._written_at = time.monotonic()

    return write


class ReadableStore(Protocol):
    """What reading commands need of a store: a Store on disk, or kg.remote.RemoteStore through a running server."""

    def query(self, sparql: str) -> QuerySolutions | QueryBoolean | QueryTriples | list[Triple]:
        """The result of a SPARQL query over the union of all graphs."""
        ...

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts of pyoxigraph terms."""
        ...

    def count_quads(self) -> int:
        """The number of quads."""
        ...

    def dump(self, output: IO[bytes], fmt: RdfFormat) -> None:
        """Serialize the whole store."""
        ...


class GraphReader(Protocol):
    """What the pages read of a graph: a Store on disk, or kg.remote.RemoteStore over a SPARQL server (`kg serve
    --sparql`). The web layer reads only through these methods, so that it works the same on both."""

    def select(self, sparql: str, **bindings: Term) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts of pyoxigraph terms, `bindings` bound to variables."""
        ...

    def quads_about(self, subject: NamedNode, predicate: NamedNode | None = None,
                    graph: NamedNode | None = None) -> list[Quad]:
        """Quads with `subject` as subject."""
        ...

    def quads_pointing_to(self, obj: Term, predicate: NamedNode | None = None,
                          graph: NamedNode | None = None) -> list[Quad]:
        """Quads with `obj` as object."""
        ...

    def quads_of_predicate(self, predicate: NamedNode, graph: NamedNode | None = None) -> Iterator[Quad]:
        """Quads of one predicate."""
        ...

    def describe(self, node: NamedNode) -> list[Quad]:
        """Every quad with `node` as subject or object."""
        ...

    def count_quads(self) -> int:
        """The number of quads."""
        ...


class Store:
    """A kg knowledge graph in a pyoxigraph store on disk (or in memory when path is None).

    `generation` counts the writes made through this object, so that a copy of it taken earlier
    (a query process forked from the server) can tell whether it is outdated.
    """

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False, create: bool = True
    ) -> None:
        """Open the store at `path` (in memory when None), creating it unless `create` is False.

        Raises:
            InvalidInput: there is no store at `path` and `create` is False, or it cannot be opened.
            StoreBusy: another process has the store open for writing.
            DiskFull: opening for writing needs space (RocksDB writes its log on open) and there is none.
        """
        self.path = Path(path) if path is not None else None
        self.generation = 0
        self._disk_was_full = False  # a write failed for lack of space: reopen before the next one
        self._reading_only = False  # meanwhile a read-only instance serves reads
        self._flushed_at = time.monotonic()
        self._written_at = 0.0  # when the last write ended
        self._flushed_generation = 0  # the generation that the last flush made durable and freed the memory of
        self._reopening = threading.Lock()
        if self.path is not None and not self.path.exists():
            if not create or read_only:
                raise InvalidInput(f"No store at {self.path}; build one with `kg ingest PATH --store {self.path}`.")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if path is None:
                self._store = OxStore()
            elif read_only:
                self._store = OxStore.read_only(str(path))
            else:
                with _disk_full_as_error(self.path):
                    self._store = OxStore(str(path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreBusy(
                    f"The store {path} is open for writing in another process (a running `kg serve` or "
                    f"`kg ingest`?). Stop that process, or work through the running server: "
                    f"`kg ingest --server URL`, and likewise remove, query, export, stats and eval."
                ) from err
            raise InvalidInput(f"Cannot open the store {path}: {err}") from err

    @classmethod
    def for_reading(cls, path: str | os.PathLike[str]) -> Store:
        """Open an existing store to read: as usual, or read-only when the disk is too full to open it for writing.

        Opening for writing renames RocksDB's LOG to a new LOG.old file each time, so on a disk with no
        space left at all the store is opened read-only straight away.

        Raises:
            InvalidInput: there is no store at `path`, or it cannot be opened.
            StoreBusy: another process has the store open for writing.
        """
        if os.path.isdir(path) and shutil.disk_usage(path).free == 0:
            return cls(path, read_only=True)
        try:
            return cls(path, create=False)
        except DiskFull:  # no writer can have it open either: reading it read-only is safe
            return cls(path, read_only=True)

    # Writing -----------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Around a write: open the store again if the disk was full before, and raise DiskFull if it is now.

        Raises:
            DiskFull: the disk is full.
            StoreBusy: see `_reopen_after_disk_full`.
        """
        with _disk_full_as_error(self.path):
            with self._reopening:
                self._reopen_after_disk_full()
            try:
                yield
            except OSError as err:
                self._disk_was_full = self._disk_was_full or _is_disk_full(err)
                raise

    def _reopen_after_disk_full(self) -> None:
        """Open the store again if a write failed for lack of space: RocksDB refuses every later write until then.

        A read-only instance serves reads while the failed one closes, which it does once the reads that
        were using it have finished; until then a write gets StoreBusy.

        Raises:
            DiskFull: the disk is still full (opening for writing needs space).
            StoreBusy: reads still hold the failed instance open.
        """
        if not self._disk_was_full or self.path is None:
            return
        if not self._reading_only:
            self._store = OxStore.read_only(str(self.path))
            self._reading_only = True
            gc.collect()  # the failed instance closes once nothing refers to it
        try:
            self._store = OxStore(str(self.path))
        except OSError as err:
            if "lock" not in str(err).lower():
                raise
            raise StoreBusy(f"The store {self.path} is being opened again after the disk was full, and reads still "
                            "use it; try the write again in a moment.") from err
        self._disk_was_full = self._reading_only = False

    @_writes
    def replace_graph(self, graph: NamedNode | DefaultGraph, quads: list[Quad]) -> None:
        """Make `graph` hold exactly `quads`, atomically: readers see the old or the new graph."""
        if isinstance(graph, NamedNode) and not self._store.contains_named_graph(graph):
            self._store.extend(quads)  # one transaction
            return
        body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
        if isinstance(graph, DefaultGraph):
            self._store.update(f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{body} }}")
        else:
            self._store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body} }} }}")

    @_writes
    def write_graphs(self, graphs: list[tuple[NamedNode, list[Quad]]]) -> None:
        """Replace each graph with its quads; new graphs are added together in one transaction.

        Raises:
            DiskFull: the disk is full; the graphs written before this call stay whole.
        """
        with _disk_full_as_error(self.path):
            self._write_graphs(graphs)

    def _write_graphs(self, graphs: list[tuple[NamedNode, list[Quad]]]) -> None:
        new: list[Quad] = []
        stored: list[tuple[NamedNode, list[Quad]]] = []
        for graph, quads in graphs:
            if self._store.contains_named_graph(graph):
                stored.append((graph, quads))
            else:
                new.extend(quads)
        if new:
            self._store.extend(new)
        for graph, quads in stored:
            self.replace_graph(graph, quads)

    def stored_version(self, graph: NamedNode) -> tuple[str, str] | None:
        """The content hash and source file recorded for an article graph, or None when it is not stored."""
        content_hash = self.graph_value(graph, ontology.CONTENT_HASH)
        if content_hash is None:
            return None
        return content_hash, self.graph_value(graph, ontology.SOURCE_FILE) or ""

    @_writes
    def remove_graph(self, graph: NamedNode) -> bool:
        """Remove a named graph and its quads; False when there was no such graph."""
        if not self._store.contains_named_graph(graph):
            return False
        self._store.update(f"DROP GRAPH {graph}")
        return True

    @_writes
    def load(self, source: str | os.PathLike[str] | IO[bytes], fmt: RdfFormat, graph: NamedNode | None) -> None:
        """Bulk-load an RDF file into `graph` (or the default graph)."""
        try:
            self._store.bulk_load(
                path=source if isinstance(source, str | os.PathLike) else None,
                input=None if isinstance(source, str | os.PathLike) else source,
                format=fmt,
                to_graph=graph if graph is not None else DefaultGraph(),
            )
        except SyntaxError as err:
            raise InvalidInput(f"{getattr(source, 'name', source)}: {err}") from err

    @_writes
    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update."""
        try:
            self._store.update(sparql, base_iri=base_iri, prefixes=ontology.PREFIXES)
        except SyntaxError as err:
            raise InvalidInput(f"SPARQL update syntax error: {err}") from err

    @contextmanager
    def checkpoint(self) -> Iterator[str | None]:
        """A copy of the store as it is now, in a folder beside it, removed afterwards; None for an in-memory store.

        The copy hard-links the store's immutable files, so it costs little space and time; it can be
        opened as a Store of its own and written to without touching this one.

        Raises:
            DiskFull: there is no space for the copy.
        """
        if self.path is None:
            yield None
            return
        folder = tempfile.mkdtemp(prefix=f".{self.path.name}-checkpoint-", dir=self.path.parent)
        try:
            with self._writing():  # a backup flushes the store first
                self._store.backup(os.path.join(folder, "store"))
            yield os.path.join(folder, "store")
        finally:
            shutil.rmtree(folder)

    @_writes
    def write_graph(self, graph: NamedNode | None, data: bytes, fmt: RdfFormat, *, replace: bool) -> bool:
        """Add the triples of an RDF document to `graph` (the default graph when None), or replace it with them.

        Returns whether a named graph was created. Named graphs are replaced atomically.

        Raises:
            InvalidInput: the document does not parse as `fmt`.
        """
        base = graph.value if graph is not None else None
        try:
            triples = [quad.triple for quad in parse(data, fmt, base_iri=base)]
        except SyntaxError as err:
            raise InvalidInput(f"The request body is not valid {fmt.name}: {err}") from err
        target = graph if graph is not None else DefaultGraph()
        quads = [Quad(t.subject, t.predicate, t.object, target) for t in triples]
        created = graph is not None and not self._store.contains_named_graph(graph)
        if replace:
            self.replace_graph(target, quads)
        else:
            self._store.extend(quads)
        if graph is not None and not quads:  # an empty graph still exists once written
            self._store.add_graph(graph)
        return created

    @_writes
    def clear_default_graph(self) -> None:
        """Remove every triple of the default graph."""
        self._store.update("DROP SILENT DEFAULT")

    def flush(self) -> None:
        """Make sure everything written is on disk, and free the memory that held it.

        Raises:
            DiskFull: the disk is full.
        """
        generation = self.generation
        with _disk_full_as_error(self.path):
            self._store.flush()
        self._flushed_at, self._flushed_generation = time.monotonic(), generation

    def flush_when_idle(self) -> bool:
        """Flush the writes that came since the last flush once none has come for IDLE_FLUSH_SECONDS; whether it did.

        RocksDB keeps what was written in memory (its memtables, some 15 MiB per 20 article graphs replaced) until
        a flush, and a write flushes first only when the last flush is FLUSH_SECONDS old: so the last writes of a
        burst would stay in memory until the next burst. A server calls this now and then (kg.serving). After a
        full disk it leaves the store to the next write, which opens it again.

        Raises:
            DiskFull: the disk is full.
        """
        if (self.path is None or self._disk_was_full or self.generation == self._flushed_generation
                or time.monotonic() - self._written_at < IDLE_FLUSH_SECONDS):
            return False
        with self._writing():
            self.flush()
        return True

    def _flush_when_due(self) -> None:
        """Flush if the last flush is FLUSH_SECONDS old: RocksDB holds what was written in memory until then (a
        server taking steady writes grew to 2 GB without flushes, and stays near 150 MB with them)."""
        if self.path is not None and time.monotonic() - self._flushed_at >= FLUSH_SECONDS:
            generation = self.generation
            self._store.flush()
            self._flushed_at, self._flushed_generation = time.monotonic(), generation

    # Reading -----------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        base_iri: str | None = None,
        default_graphs: list[NamedNode] | None = None,
        named_graphs: list[NamedNode] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; `bindings` are substituted for variables, never pasted into text.

        The default graph is `default_graphs` if given, else the one the query's FROM clauses describe,
        else the union of all graphs.

        Raises:
            InvalidInput: the query does not parse (the message carries the parser's position).
        """
        substitutions = {Variable(k): v for k, v in (bindings or {}).items()}
        try:
            return self._store.query(
                sparql,
                base_iri=base_iri,
                prefixes=ontology.PREFIXES,
                use_default_graph_as_union=default_graphs is None and not declares_dataset(sparql),
                default_graph=default_graphs,
                named_graphs=named_graphs,
                substitutions=substitutions or None,
            )
        except SyntaxError as err:
            raise InvalidInput(f"SPARQL syntax error: {err}") from err

    def select(self, sparql: str, **bindings: Term) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts of pyoxigraph terms (unbound variables omitted)."""
        result = self.query(sparql, bindings=bindings)
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names if row[n] is not None} for row in result]

    def has_graph(self, graph: NamedNode) -> bool:
        """Whether a named graph exists."""
        return self._store.contains_named_graph(graph)

    def graph_value(self, graph: NamedNode, predicate: NamedNode) -> str | None:
        """The value of `predicate` on the graph's own node (article metadata), or None."""
        for quad in self._store.quads_for_pattern(graph, predicate, None, graph):
            return quad.object.value
        return None

    def quads_about(self, subject: NamedNode, predicate: NamedNode | None = None,
                    graph: NamedNode | None = None) -> list[Quad]:
        """Quads with `subject` as subject, optionally of one predicate and one graph: one index read."""
        return list(self._store.quads_for_pattern(subject, predicate, None, graph))

    def quads_pointing_to(self, obj: Term, predicate: NamedNode | None = None,
                          graph: NamedNode | None = None) -> list[Quad]:
        """Quads with `obj` as object, optionally of one predicate and one graph: one index read."""
        return list(self._store.quads_for_pattern(None, predicate, obj, graph))

    def quads_of_predicate(self, predicate: NamedNode, graph: NamedNode | None = None) -> Iterator[Quad]:
        """Quads of one predicate (optionally in one graph), streamed from the predicate index."""
        return iter(self._store.quads_for_pattern(None, predicate, None, graph))

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        """Every quad, or those of one graph."""
        return iter(self._store.quads_for_pattern(None, None, None, graph))

    def named_graphs(self) -> Iterator[NamedNode]:
        """The names of all named graphs."""
        return (g for g in self._store.named_graphs() if isinstance(g, NamedNode))

    def describe(self, node: NamedNode) -> list[Quad]:
        """Every quad with `node` as subject or object, across graphs.

        Raises:
            UnknownEntity: nothing is said about `node`.
        """
        quads = list(self._store.quads_for_pattern(node, None, None, None))
        quads += self._store.quads_for_pattern(None, None, node, None)
        if not quads:
            raise UnknownEntity(f"Nothing is known about {node.value}.")
        return quads

    def iter_entities(self, namer: ontology.Namer) -> Iterator[Entity]:
        """Every person, organization and place with its label, most specific kind and aliases.

        Reads the quads by pattern, one entity at a time: a single SPARQL join of types, labels
        and aliases multiplies them by the number of articles naming the entity (millions of
        rows for a country named in a few hundred articles).
        """
        general = set(ontology.GENERAL_KIND.values())
        seen: set[NamedNode] = set()
        for kind_name in (PERSON, *sorted(general)):
            for quad in self._store.quads_for_pattern(None, ontology.A, ontology.kg(kind_name), None):
                node = quad.subject
                if not isinstance(node, NamedNode) or node in seen:
                    continue
                seen.add(node)
                key = namer.key_of(node.value)
                entity = self._entity_from_quads(node, key, general) if key is not None else None
                if entity is not None:
                    yield entity

    def iter_event_reports(self, namer: ontology.Namer) -> Iterator[EventReport]:
        """What each article graph says of each event: type, date, place, participants (kg.event_identity)."""
        for typed in self._store.quads_for_pattern(None, ontology.A, ontology.kg("Event"), None):
            node, graph = typed.subject, typed.graph_name
            key = namer.key_of(node.value) if isinstance(node, NamedNode) else None
            if key is None or not isinstance(graph, NamedNode):
                continue
            values: dict[str, list[Any]] = {}
            for quad in self._store.quads_for_pattern(node, None, None, graph):
                values.setdefault(quad.predicate.value, []).append(quad.object)
            types = values.get(ontology.EVENT_TYPE.value, [])
            if not types:
                continue
            dates = values.get(ontology.DATE.value, [])
            date = (dates[0].value, dates[0].datatype.value[len(ontology.XSD):]) if dates else None
            places = [namer.key_of(p.value) for p in values.get(ontology.LOCATION.value, [])]
            people = [namer.key_of(p.value) for p in values.get(ontology.PARTICIPANT.value, [])]
            statuses = [s.value[len(ontology.KG):] for s in values.get(ontology.STATUS.value, [])]
            yield EventReport.from_values(key, types[0].value, date, places[0] if places else None,
                                          [p for p in people if p], statuses[0] if statuses else None,
                                          self.graph_value(graph, ontology.DATE_PUBLISHED))

    def _entity_from_quads(self, node: NamedNode, key: str, general: set[str]) -> Entity | None:
        labels = [q.object.value for q in self._store.quads_for_pattern(node, ontology.LABEL, None, None)
                  if isinstance(q.object, Literal)]
        if not labels:
            return None
        kinds = sorted({q.object.value[len(ontology.KG):]
                        for q in self._store.quads_for_pattern(node, ontology.A, None, None)
                        if isinstance(q.object, NamedNode) and q.object.value.startswith(ontology.KG)})
        aliases = sorted({q.object.value for q in self._store.quads_for_pattern(node, ontology.ALT_LABEL, None, None)
                          if isinstance(q.object, Literal)})
        kind = next((k for k in kinds if k not in general), kinds[0])
        return Entity(key=key, label=labels[0], kind=kind, aliases=tuple(aliases))

    def dump(self, output: IO[bytes], fmt: RdfFormat, graph: NamedNode | DefaultGraph | None = None) -> None:
        """Serialize one graph, or (`graph` None) the whole store, to `output`.

        The whole store in a format of one graph (Turtle, N-Triples, RDF/XML, JSON-LD) is the union of all
        graphs, each triple once: what a query sees as its default graph.
        """
        if graph is not None:
            self._store.dump(output, fmt, from_graph=graph)
        elif fmt in DATASET_FORMATS:
            self._store.dump(output, fmt)
        else:
            union = self._store.query(UNION_TRIPLES, use_default_graph_as_union=True)
            assert isinstance(union, QueryTriples)
            serialize(union, output, fmt, prefixes=ontology.PREFIXES)

    def count_quads(self) -> int:
        """The number of quads in the store."""
        return len(self._store)


# Serializing query results, natively and within a row limit ------------------

RESULTS_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
# Where a new row (solution) starts in each results format, and what closes a cut document.
# JSON: `{"` never occurs inside a JSON string (the quote would be escaped), so `[{"`/`,{"` is a row.
_ROW_STARTS = {
    "json": (re.compile(rb'(?<=\[)(?=\{["}])|,(?=\{["}])'), b"]}}"),
    "xml": (re.compile(rb"<result>"), b"</results></sparql>"),
    "csv": (re.compile(rb"(?<=\r\n)(?=.)", re.DOTALL), b""),
    "tsv": (re.compile(rb"(?<=\n)(?=.)", re.DOTALL), b""),
}
_HOLD_BACK = 8  # bytes kept until the next write, so no row marker is split between writes
# The fewest bytes a row takes in each format (its markers never overlap), so that output of at most
# limit * this many bytes cannot hold more than `limit` rows and need not be scanned.
_MIN_ROW_BYTES = {"json": 2, "xml": 8, "csv": 2, "tsv": 1}
_UNSCANNED_BYTES = 1 << 18  # most output held back unscanned, in the hope that the result ends first


class _RowLimitReached(Exception):
    """Raised inside serialization to stop it once the row limit is reached."""


class _RowCutter:
    """A binary writer that passes results through until row `limit`, then closes the document and stops.

    Output too short to hold more than `limit` rows is held back and written whole by `close`, unscanned;
    rows are counted (by a scan for row markers) only once the output outgrows that.
    """

    def __init__(self, output: IO[bytes], fmt: str, limit: int) -> None:
        self.output, self.limit = output, limit
        self.pattern, self.closer = _ROW_STARTS[fmt]
        self.rows = 0
        self.pending = b""
        self.held: list[bytes] | None = []  # output not scanned yet; None once scanning
        self.held_size = 0
        self.unscanned = min(limit * _MIN_ROW_BYTES[fmt], _UNSCANNED_BYTES)

    def write(self, data: bytes) -> int:
        if self.held is not None:
            self.held.append(bytes(data))
            self.held_size += len(data)
            if self.held_size <= self.unscanned:
                return len(data)
            self._scan(b"".join(self.held))
            self.held = None
            return len(data)
        self._scan(data)
        return len(data)

    def _scan(self, data: bytes) -> None:
        if self.rows > self.limit:  # serialization may flush once more after being stopped
            raise _RowLimitReached
        buffer = self.pending + bytes(data)
        ready = max(0, len(buffer) - _HOLD_BACK)
        for match in self.pattern.finditer(buffer, 0, len(buffer)):
            if match.start() >= ready:
                break
            self.rows += 1
            if self.rows > self.limit:
                self.output.write(buffer[: match.start()] + self.closer)
                raise _RowLimitReached
        self.output.write(buffer[:ready])
        self.pending = buffer[ready:]

    def flush(self) -> None:
        """Nothing to do: the rest is written by `close`."""

    def close(self) -> None:
        """Write the bytes held back."""
        if self.held is not None:
            self.output.write(b"".join(self.held))
            self.held, self.held_size = [], 0
            return
        self.output.write(self.pending)
        self.pending = b""


def is_table(result: QueryResult | Iterable[Triple]) -> bool:
    """Whether a query result is a table (SELECT solutions, an ASK boolean) rather than triples."""
    return isinstance(result, QuerySolutions | QueryBoolean)


def write_result(result: QueryResult | Iterable[Triple], output: IO[bytes], fmt: str,
                 row_limit: int | None = None) -> bool:
    """Serialize a query result natively to `output` as `fmt` (a RESULTS_FORMATS or RDF_FORMATS name).

    Returns True when the result was cut after `row_limit` rows (or triples); the output stays a
    complete document of its format. Exceptions raised by `output.write` stop the serialization.

    Raises:
        InvalidInput: `fmt` does not suit the kind of result.
    """
    if not is_table(result):  # triples: of the store, or of a SPARQL server (kg.remote)
        rdf = rdf_format(fmt)
        if row_limit is None:
            serialize(result, output, rdf, prefixes=ontology.PREFIXES)
            return False
        counter = _TripleCounter(result, row_limit)
        serialize(counter, output, rdf, prefixes=ontology.PREFIXES)
        return counter.cut
    if fmt not in RESULTS_FORMATS:
        raise InvalidInput(f"Unknown results format {fmt!r}. Available: {', '.join(RESULTS_FORMATS)}.")
    if isinstance(result, QueryBoolean) or row_limit is None:
        result.serialize(output, RESULTS_FORMATS[fmt])
        return False
    cutter = _RowCutter(output, fmt, row_limit)
    try:
        result.serialize(cast(IO[bytes], cutter), RESULTS_FORMATS[fmt])
    except _RowLimitReached:
        return True
    cutter.close()
    return False


class _TripleCounter:
    """Iterates triples of a CONSTRUCT/DESCRIBE result up to a limit, noting whether it cut."""

    def __init__(self, triples: Iterable[Triple], limit: int) -> None:
        self.triples, self.limit, self.count, self.cut = triples, limit, 0, False

    def __iter__(self) -> Iterator[Triple]:
        for triple in self.triples:
            if self.count >= self.limit:
                self.cut = True
                return
            self.count += 1
            yield triple


def convert_rdf(data: str, source: str, target: str, base_iri: str | None = None) -> bytes:
    """Re-serialize an RDF document from format `source` to `target` (RDF_FORMATS names).

    Raises:
        InvalidInput: the document does not parse.
    """
    try:
        quads = list(parse(data, rdf_format(source), base_iri=base_iri))
    except SyntaxError as err:
        raise InvalidInput(f"Cannot parse {source}: {err}") from err
    fmt = rdf_format(target)
    if fmt.supports_datasets:
        return bytes(serialize(quads, format=fmt, prefixes=ontology.PREFIXES) or b"")
    return bytes(serialize((q.triple for q in quads), format=fmt, prefixes=ontology.PREFIXES) or b"")
