"""Answers one SPARQL query or update within the server's limits: time, memory and rows.

Each query is evaluated in a child process forked from the server (kg/sandbox.py) that is killed at
KG_QUERY_TIMEOUT and may grow by at most KG_QUERY_MEMORY bytes, so no query outlives its limit or takes
the server's memory. A child that answered in time takes the next query, until the store is written to.
The child negotiates the format, serializes the result natively and cuts it at KG_ROW_LIMIT rows; the
request sends the finished result, so its status and headers (KG-Truncated) always tell how it ended.

Oxigraph cannot stop an update either, and only the server may write to the store. So an update is first
tried, within the same limits, in a new process on a checkpoint of the store (hard links to its files, see
Store.checkpoint and kg/trial.py; an in-memory store is tried in a forked child instead, on its own copy);
only once it finished there is it applied to the store, in one transaction, taking about as long again. An
update stopped at a limit leaves the store as it was.

Answers are kept for the store's version by the answer cache (kg/web/answer_cache.py): a query answered before
since the last write is answered again without a query process, and one whose ETag the client sends is a 304.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import IO, TypeVar

from flask import Response
from pyoxigraph import QueryBoolean, QuerySolutions
from werkzeug.datastructures import ETags

from kg.errors import KGError, NotAcceptable, QueryTimeout, QueryTooLarge
from kg.formats import RDF, RESULTS, choose_format
from kg.negotiation import CACHED_HEADER_CHARS
from kg.sandbox import ChildDied, DeadlinePassed, Finished, ForkPool, OutOfMemory
from kg.settings import Settings
from kg.store import Store, write_result
from kg.trial import TrialOutOfMemory, TrialTimeout, try_update
from kg.web.answer_cache import Answer, AnswerCache, is_volatile, request_key

log = logging.getLogger("kg.sparql")
T = TypeVar("T")

STREAM_ABOVE = 1 << 20  # results larger than this (and than the cache keeps) are sent from their file in chunks
CHUNK_BYTES = 1 << 16
# Shared caches (a proxy in front) may keep an answer, but must ask again each time: a write can change it
# at any moment, and the ETag makes asking cheap (304).
REVALIDATE = "public, no-cache"


def _evaluate(store: Store, output: IO[bytes], sparql: str, requested: Sequence[str], accept: str | None,
              options: dict[str, object], base_iri: str, row_limit: int) -> tuple[str, bool]:
    """In a query process: run the query, negotiate its format and write it to `output`; (media type, cut)."""
    result = store.query(sparql, base_iri=base_iri, **options)  # type: ignore[arg-type]
    fmt = choose_format(RESULTS if isinstance(result, QuerySolutions | QueryBoolean) else RDF, requested, accept)
    return fmt.media_type, write_result(result, output, fmt.name, row_limit)


def _try_update(store: Store, output: IO[bytes], sparql: str, base_iri: str) -> None:
    """In a query process forked from a server with an in-memory store: run the update on this process's copy."""
    store.update(sparql, base_iri=base_iri)


def _warm_up(store: Store) -> None:
    """In a new query process: read the store the way queries do (snapshot, union and named graphs)."""
    store.query("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")


class QueryRunner:
    """Runs queries over one store in child processes, within the limits of `settings`."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.pool = ForkPool(store, settings.query_memory, _warm_up)
        self.cache = AnswerCache(settings.cache_bytes)
        self._updating = threading.Lock()

    def run(self, sparql: str, requested: Sequence[str], accept: str | None, if_none_match: ETags | None = None,
            **options: object) -> Response:
        """Answer one query as a Response in the first `requested` format that fits it (?format=), else by Accept.

        The answer is taken from the answer cache when this request was answered before at the store's current
        version; with `if_none_match` (the request's, for GET and HEAD) naming its ETag, it is a 304.

        Raises:
            InvalidInput: the query does not parse.
            NotAcceptable: no acceptable format for the kind of result.
            QueryTimeout: no answer within KG_QUERY_TIMEOUT.
            QueryTooLarge: the query needed more memory than KG_QUERY_MEMORY.
        """
        version = self.version()
        headers = {"KG-Row-Limit": str(self.settings.row_limit), "Vary": "Accept"}
        if is_volatile(sparql):
            answer, finished = self._compute(sparql, requested, accept, options)
            return _response(answer, finished, {**headers, "Cache-Control": "no-store"})
        key = request_key(sparql, _format_choices(requested, accept), _options_key(options))
        etag = self.cache.etag(version, key)
        headers["ETag"], headers["Cache-Control"] = f'W/"{etag}"', REVALIDATE
        if if_none_match is not None and not if_none_match.star_tag and if_none_match.contains_weak(etag):
            return Response(status=304, headers=headers)
        streamed: list[Finished[tuple[str, bool]]] = []

        def compute() -> Answer | None:
            answer, finished = self._compute(sparql, requested, accept, options)
            streamed.extend([finished] if finished is not None else [])
            return answer

        answer, cached = self.cache.answer(version, key, compute)
        headers["KG-Cache"] = "hit" if cached else "miss"
        return _response(answer, streamed[0] if streamed else None, headers)

    def version(self) -> int:
        """The store's version, which the answer cache and the ETags are kept for: its count of writes."""
        return self.store.generation

    def _compute(self, sparql: str, requested: Sequence[str], accept: str | None,
                  options: dict[str, object]) -> tuple[Answer | None, Finished[tuple[str, bool]] | None]:
        """Run the query in a query process: its Answer, or (when too large to hold in memory) its output file."""
        settings = self.settings
        args = (sparql, tuple(requested), accept, options, settings.base_iri, settings.row_limit)
        finished = self._run("query", _evaluate, args, reuse=True)
        mimetype, truncated = finished.value
        if finished.size > max(STREAM_ABOVE, self.cache.largest):
            return None, finished
        with finished.output:
            return Answer(finished.output.read(), mimetype, truncated), None

    def update(self, sparql: str) -> None:
        """Apply one update to the store, once a trial on a checkpoint finished within the limits.

        Raises:
            InvalidInput: the update does not parse.
            QueryTimeout: the trial did not finish within KG_QUERY_TIMEOUT; nothing was applied.
            QueryTooLarge: the trial needed more memory than KG_QUERY_MEMORY; nothing was applied.
            DiskFull: there is no space for the checkpoint or the update.
        """
        settings = self.settings
        with self._updating:  # one at a time, so that the store does not change between trial and update
            with self.store.checkpoint() as checkpoint:
                if checkpoint is None:
                    self._run("update", _try_update, (sparql, settings.base_iri), reuse=False).output.close()
                else:
                    self._try_on(checkpoint, sparql)
            self.store.update(sparql, base_iri=settings.base_iri)

    def _try_on(self, checkpoint: str, sparql: str) -> None:
        """Try the update on a checkpoint in a new process; errors as in `update`."""
        settings = self.settings
        try:
            try_update(checkpoint, sparql, settings.base_iri, settings.query_timeout, settings.query_memory)
        except TrialTimeout:
            raise QueryTimeout(_stopped("update", "time", settings)) from None
        except TrialOutOfMemory:
            raise QueryTooLarge(_stopped("update", "memory", settings)) from None
        except RuntimeError as err:
            log.error("Update trial failed: %s", err)
            raise KGError(f"The update failed during evaluation: {err}") from err

    def _run(self, kind: str, job: Callable[..., T], args: tuple[object, ...], reuse: bool) -> Finished[T]:
        """Run a job in a query process within the limits; `kind` ("query", "update") names it in errors."""
        settings = self.settings
        try:
            return self.pool.run(job, args, settings.query_timeout, self.store.generation, reuse=reuse)
        except DeadlinePassed:
            raise QueryTimeout(_stopped(kind, "time", settings)) from None
        except OutOfMemory:
            raise QueryTooLarge(_stopped(kind, "memory", settings)) from None
        except ChildDied as err:
            raise KGError(f"The {kind} failed during evaluation: {err}") from err
        except (OSError, ValueError, RuntimeError) as err:
            log.error("%s evaluation failed: %s", kind.capitalize(),
                      "\n".join([str(err), *getattr(err, "__notes__", [])]))
            raise KGError(f"The {kind} failed during evaluation: {err}") from err


def _stopped(kind: str, limit: str, settings: Settings) -> str:
    """The message for a query or update (`kind`) stopped at its time or memory `limit`."""
    nothing = " and was stopped" if kind == "query" else " and was stopped; nothing of it was applied"
    if limit == "time":
        return (f"The {kind} did not finish within KG_QUERY_TIMEOUT={settings.query_timeout:g} s{nothing}. "
                "Make it more selective (add a LIMIT or more specific patterns), or raise KG_QUERY_TIMEOUT.")
    return (f"The {kind} needed more than KG_QUERY_MEMORY={settings.query_memory} bytes{nothing}. "
            "Make it more selective (fewer rows to sort, group or join), or raise KG_QUERY_MEMORY.")


def _format_choices(requested: Sequence[str], accept: str | None) -> tuple[str | None, str | None]:
    """The format a request's answer is sent in when it is a table (SELECT, ASK) and when it is a graph (None when
    none is acceptable): what of ?format= and Accept tells answers apart, so that `*/*` and no Accept share one.

    Clients send the same few Accept headers and formats again and again: short ones are remembered."""
    if sum(map(len, requested)) + len(accept or "") <= CACHED_HEADER_CHARS:
        return _remembered_choices(tuple(requested), accept)
    return _choices(requested, accept)


def _choices(requested: Sequence[str], accept: str | None) -> tuple[str | None, str | None]:
    names = []
    for formats in (RESULTS, RDF):
        try:
            names.append(choose_format(formats, requested, accept).name)
        except NotAcceptable:
            names.append(None)
    return names[0], names[1]


_remembered_choices = lru_cache(maxsize=512)(_choices)


def _options_key(options: dict[str, object]) -> tuple[object, ...]:
    """The dataset and bound parameters of a query as texts, in a fixed order (None: not given)."""

    def terms(value: object) -> object:
        if isinstance(value, dict):
            return tuple(sorted((name, str(term)) for name, term in value.items()))
        return None if value is None else tuple(str(term) for term in value)  # type: ignore[attr-defined]

    return tuple((name, terms(options[name])) for name in sorted(options))


def _response(answer: Answer | None, finished: Finished[tuple[str, bool]] | None,
              headers: dict[str, str]) -> Response:
    """The response sending an answer held in memory, or one streamed from its file."""
    if answer is not None:
        body: bytes | Iterator[bytes] = answer.body
        mimetype, truncated, size = answer.mimetype, answer.truncated, len(answer.body)
    else:
        assert finished is not None
        (mimetype, truncated), size = finished.value, finished.size
        body = _chunks(finished.output)
    headers = {**headers, "Content-Length": str(size)}
    if truncated:
        headers["KG-Truncated"] = "true"
    return Response(body, mimetype=mimetype, headers=headers)


def _chunks(output: IO[bytes]) -> Iterator[bytes]:
    """The contents of `output` in chunks; closes it at the end or when the client goes away."""
    with output:
        while chunk := output.read(CHUNK_BYTES):
            yield chunk
