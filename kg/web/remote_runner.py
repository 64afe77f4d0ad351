"""Answers SPARQL queries and updates over a graph that a SPARQL 1.1 server holds (`kg serve --sparql`), within the
same limits and in the same formats as kg/web/query_runner.py does over the embedded store.

The server evaluates; this side waits for each part of its answer at most KG_QUERY_TIMEOUT (the HTTP timeout of the
request to it), negotiates the format, and serializes the result while it arrives, stopping at KG_ROW_LIMIT rows as a
query process does (the rest of the answer is never read), so that KG-Truncated, KG-Row-Limit, ETags and errors
read the same. KG_QUERY_MEMORY does not apply: the memory is the server's. SERVICE and LOAD are refused from the
parsed text before (kg.web.security), and updates need the update token, as on the embedded store.

The answer cache (KG_CACHE_BYTES) and the ETags are kept for a version of the remote graph: it changes when an
article is added, replaced or removed by any client (the label index's version, kg.search.store_version, read at
most once every VERSION_SECONDS), on every update sent through this server, and every ANSWER_SECONDS in any case,
because other clients of the SPARQL server may change it in ways the article version does not show.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Sequence

from kg.errors import QueryTimeout
from kg.formats import RDF, RESULTS, choose_format
from kg.remote import RemoteStore
from kg.sandbox import Finished
from kg.search import store_version
from kg.settings import Settings
from kg.store import is_table, write_result
from kg.web.answer_cache import Answer, AnswerCache
from kg.web.query_runner import QueryRunner, _stopped

VERSION_SECONDS = 1.0  # how often the remote graph's article version is read
ANSWER_SECONDS = 10.0  # the longest an answer is kept (and its ETag valid) when nothing shows a change


class RemoteQueryRunner(QueryRunner):
    """Runs queries and updates on a SPARQL server through a RemoteStore, within the limits of `settings`."""

    def __init__(self, store: RemoteStore, settings: Settings) -> None:  # no query processes: the server evaluates
        self.store, self.settings = store, settings  # type: ignore[assignment]
        self.cache = AnswerCache(settings.cache_bytes)
        self._lock = threading.Lock()
        self._seen: tuple[object, ...] | None = None
        self._checked = -VERSION_SECONDS
        self._version = 0

    def version(self) -> int:
        """The remote graph's version as this server sees it (see the module doc)."""
        with self._lock:
            now = time.monotonic()
            if now - self._checked >= VERSION_SECONDS:
                self._checked = now
                seen = (store_version(self.store), int(now // ANSWER_SECONDS))
                if seen != self._seen:
                    self._seen, self._version = seen, self._version + 1
            return self._version

    def _compute(self, sparql: str, requested: Sequence[str], accept: str | None,
                 options: dict[str, object]) -> tuple[Answer | None, Finished[tuple[str, bool]] | None]:
        """Have the server answer the query; its Answer, in the format negotiated, cut at KG_ROW_LIMIT."""
        settings = self.settings
        store: RemoteStore = self.store  # type: ignore[assignment]
        output = io.BytesIO()
        try:
            with store.streamed(sparql, base_iri=settings.base_iri, **options) as result:  # type: ignore[arg-type]
                fmt = choose_format(RESULTS if is_table(result) else RDF, requested, accept)
                truncated = write_result(result, output, fmt.name, settings.row_limit)  # reads no row past the limit
        except QueryTimeout:
            raise QueryTimeout(_stopped("query", "time", settings)) from None
        return Answer(output.getvalue(), fmt.media_type, truncated), None

    def update(self, sparql: str) -> None:
        """Send one update to the server.

        Raises:
            InvalidInput: the server rejected the update.
            QueryTimeout: no answer within KG_QUERY_TIMEOUT (the server may still apply it).
        """
        store: RemoteStore = self.store  # type: ignore[assignment]
        try:
            store.update(sparql, base_iri=self.settings.base_iri)
        except QueryTimeout:
            raise QueryTimeout(f"The SPARQL server did not answer the update within KG_QUERY_TIMEOUT="
                               f"{self.settings.query_timeout:g} s; it may still apply it. Make the update more "
                               "selective, or raise KG_QUERY_TIMEOUT.") from None
        finally:
            with self._lock:
                self._version += 1
                self._checked = -VERSION_SECONDS
