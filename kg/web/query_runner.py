"""Answers one SPARQL query within the server's limits: time, memory and rows.

Each query is evaluated in a child process forked from the server (kg/sandbox.py) that is killed at
KG_QUERY_TIMEOUT and may grow by at most KG_QUERY_MEMORY bytes, so no query outlives its limit or takes
the server's memory. A child that answered in time takes the next query, until the store is written to.
The child negotiates the format, serializes the result natively and cuts it at KG_ROW_LIMIT rows; the
request sends the finished result, so its status and headers (KG-Truncated) always tell how it ended.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import IO

from flask import Response
from pyoxigraph import QueryBoolean, QuerySolutions

from kg.errors import KGError, QueryTimeout, QueryTooLarge
from kg.formats import RDF, RESULTS, choose_format
from kg.sandbox import ChildDied, DeadlinePassed, ForkPool, OutOfMemory
from kg.settings import Settings
from kg.store import Store, write_result

log = logging.getLogger("kg.sparql")

STREAM_ABOVE = 1 << 20  # results larger than this are sent from their file in chunks, not read into memory
CHUNK_BYTES = 1 << 16
def _evaluate(store: Store, output: IO[bytes], sparql: str, requested: Sequence[str], accept: str | None,
              options: dict[str, object], base_iri: str, row_limit: int) -> tuple[str, bool]:
    """In a query process: run the query, negotiate its format and write it to `output`; (media type, cut)."""
    result = store.query(sparql, base_iri=base_iri, **options)  # type: ignore[arg-type]
    fmt = choose_format(RESULTS if isinstance(result, QuerySolutions | QueryBoolean) else RDF, requested, accept)
    return fmt.media_type, write_result(result, output, fmt.name, row_limit)


def _warm_up(store: Store) -> None:
    """In a new query process: read the store the way queries do (snapshot, union and named graphs)."""
    store.query("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")


class QueryRunner:
    """Runs queries over one store in child processes, within the limits of `settings`."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.pool = ForkPool(store, settings.query_memory, _warm_up)

    def run(self, sparql: str, requested: Sequence[str], accept: str | None, **options: object) -> Response:
        """Answer one query as a Response in the first `requested` format that fits it (?format=), else by Accept.

        Raises:
            InvalidInput: the query does not parse.
            NotAcceptable: no acceptable format for the kind of result.
            QueryTimeout: no answer within KG_QUERY_TIMEOUT.
            QueryTooLarge: the query needed more memory than KG_QUERY_MEMORY.
        """
        settings = self.settings
        args = (sparql, tuple(requested), accept, options, settings.base_iri, settings.row_limit)
        try:
            finished = self.pool.run(_evaluate, args, settings.query_timeout, self.store.generation)
        except DeadlinePassed:
            raise QueryTimeout(
                f"The query did not finish within KG_QUERY_TIMEOUT={settings.query_timeout:g} s and was stopped. "
                "Make it more selective (add a LIMIT or more specific patterns), or raise KG_QUERY_TIMEOUT."
            ) from None
        except OutOfMemory:
            raise QueryTooLarge(
                f"The query needed more than KG_QUERY_MEMORY={settings.query_memory} bytes and was stopped. "
                "Make it more selective (fewer rows to sort, group or join), or raise KG_QUERY_MEMORY."
            ) from None
        except ChildDied as err:
            raise KGError(f"The query failed during evaluation: {err}") from err
        except (OSError, ValueError, RuntimeError) as err:
            log.error("Query evaluation failed: %s", "\n".join([str(err), *getattr(err, "__notes__", [])]))
            raise KGError(f"The query failed during evaluation: {err}") from err
        mimetype, truncated = finished.value
        headers = {"KG-Row-Limit": str(settings.row_limit), "Vary": "Accept", "Content-Length": str(finished.size)}
        if truncated:
            headers["KG-Truncated"] = "true"
        if finished.size <= STREAM_ABOVE:
            with finished.output:
                body: bytes | Iterator[bytes] = finished.output.read()
        else:
            body = _chunks(finished.output)
        return Response(body, mimetype=mimetype, headers=headers)


def _chunks(output: IO[bytes]) -> Iterator[bytes]:
    """The contents of `output` in chunks; closes it at the end or when the client goes away."""
    with output:
        while chunk := output.read(CHUNK_BYTES):
            yield chunk
