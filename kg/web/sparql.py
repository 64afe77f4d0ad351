"""The SPARQL 1.1 Protocol endpoint: /sparql (query, update, service description) and /update.

Queries run in a worker thread while the request waits at most KG_QUERY_TIMEOUT;
results are serialized natively by pyoxigraph, cut at KG_ROW_LIMIT rows, and
streamed once they outgrow PREFETCH_BYTES.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator
from typing import IO, cast

from flask import Blueprint, Flask, Response, current_app, redirect, request
from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from kg.errors import InvalidInput, KGError, NotAcceptable, QueryTimeout, UnsupportedMediaType
from kg.negotiation import negotiate
from kg.settings import Settings
from kg.store import QueryResult, Store, convert_rdf, media_type, write_result
from kg.web.context import kg_context
from kg.web.security import check_update_token, refuse_remote, register_security

bp = Blueprint("sparql", __name__)
log = logging.getLogger("kg.sparql")

PREFETCH_BYTES = 1 << 20  # results up to this size are sent whole, with a status that tells how the query ended
# Media types by format name; the first of each is the one we answer with. Dict order is our preference.
RESULT_TYPES = {
    "json": ["application/sparql-results+json", "application/json"],
    "xml": ["application/sparql-results+xml", "application/xml", "text/xml"],
    "csv": ["text/csv"],
    "tsv": ["text/tab-separated-values"],
}
GRAPH_TYPES = {
    "turtle": ["text/turtle", "application/x-turtle"],
    "ntriples": ["application/n-triples"],
    "nquads": ["application/n-quads"],
    "trig": ["application/trig"],
    "rdfxml": ["application/rdf+xml"],
    "jsonld": ["application/ld+json", "application/json"],
}
IDLE_SECONDS = 30.0  # a query worker with nothing to do for this long ends
ENDPOINT_PATHS = ("/sparql", "/update", "/store", "/queries")


def choose_format(kinds: dict[str, list[str]], fmt: str | None, accept: str | None) -> str:
    """The format name for a response: `fmt` (the ?format= parameter) if given, else by Accept.

    Raises:
        NotAcceptable: `fmt` is not one of `kinds`, or Accept allows none of them.
    """
    if fmt:
        if fmt not in kinds:
            raise NotAcceptable(f"format={fmt!r} cannot be produced for this result. Available: {', '.join(kinds)}.")
        return fmt
    by_type = {media: name for name, types in kinds.items() for media in types}
    return by_type[negotiate(accept, list(by_type))]


# Running a query within the limits --------------------------------------------


class _Stopped(Exception):
    """Raised in the worker to stop a query whose request gave up."""


class _Run:
    """One query in flight: the worker fills `chunks` and releases `ready` once; larger results then stream."""

    def __init__(self, sparql: str, fmt: str | None, accept: str | None, options: dict[str, object],
                 timeout: float) -> None:
        self.sparql, self.fmt, self.accept, self.options = sparql, fmt, accept, options
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.ready = threading.Lock()
        self.ready.acquire()  # released by the worker when the answer (or the stream) can start
        self.chunks: list[bytes] = []
        self.size = 0
        self.name = ""  # the negotiated format
        self.truncated: bool | None = None  # set when the whole result was serialized
        self.error: BaseException | None = None
        self.events: queue.Queue[tuple[str, object]] | None = None  # created when the result outgrows the prefetch
        self.cancelled = False

    def release(self) -> None:
        """Let the request go on, once."""
        if self.ready.locked():
            self.ready.release()

    def put(self, event: tuple[str, object]) -> None:
        assert self.events is not None
        while True:
            if self.cancelled:
                raise _Stopped
            try:
                self.events.put(event, timeout=0.2)
                return
            except queue.Full:
                continue

    def write(self, data: bytes) -> int:
        """The worker's output: kept until PREFETCH_BYTES, then passed on as it comes, until the deadline."""
        if self.cancelled or time.monotonic() > self.deadline:
            raise _Stopped
        if self.events is None:
            self.chunks.append(bytes(data))
            self.size += len(data)
            if self.size >= PREFETCH_BYTES:
                self.events = queue.Queue(maxsize=16)
                self.release()
        else:
            self.put(("chunk", bytes(data)))
        return len(data)

    def flush(self) -> None:
        """Chunks are passed on as they are written."""

    def wait(self) -> None:
        """Wait for the worker's answer; at the deadline the query is cancelled.

        Raises:
            QueryTimeout: the deadline passed first.
        """
        if not self.ready.acquire(timeout=max(0.0, self.deadline - time.monotonic())):
            self.cancelled = True
            raise self.timed_out()
        if self.error is not None:
            raise self.error

    def next_event(self) -> tuple[str, object]:
        """The next streamed event.

        Raises:
            QueryTimeout: the deadline passed first.
        """
        assert self.events is not None
        try:
            return self.events.get(timeout=max(0.0, self.deadline - time.monotonic()))
        except queue.Empty:
            self.cancelled = True
            raise self.timed_out() from None

    def timed_out(self) -> QueryTimeout:
        return QueryTimeout(
            f"The query did not finish within KG_QUERY_TIMEOUT={self.timeout:g} s. Make it more selective "
            f"(add a LIMIT or more specific patterns), or raise KG_QUERY_TIMEOUT."
        )


class QueryRunner:
    """Evaluates queries in a pool of worker threads; at most `slots` run at once, abandoned ones included.

    A worker evaluates, negotiates and serializes a query and hands the request one answer, so a small
    result costs one hand-off each way; a result larger than PREFETCH_BYTES is streamed from the worker.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.slots = threading.BoundedSemaphore(settings.threads)
        self._jobs: queue.SimpleQueue[_Run] = queue.SimpleQueue()
        self._idle = 0  # workers waiting for a job and not yet promised one
        self._lock = threading.Lock()

    def run(self, sparql: str, fmt: str | None, accept: str | None, **options: object) -> Response:
        """Answer one query as a Response in the negotiated format.

        Raises:
            InvalidInput: the query does not parse.
            NotAcceptable: no acceptable format for the kind of result.
            QueryTimeout: no answer within the time limit, or every slot is taken by running queries.
        """
        timeout = self.settings.query_timeout
        run = _Run(sparql, fmt, accept, options, timeout)
        if not self.slots.acquire(timeout=min(timeout, 2.0)):
            raise QueryTimeout(
                f"All {self.settings.threads} query slots (KG_THREADS) are busy with queries that are still "
                "running; try again shortly."
            )
        self._submit(run)
        run.wait()
        headers = {"KG-Row-Limit": str(self.settings.row_limit), "Vary": "Accept"}
        if run.truncated:
            headers["KG-Truncated"] = "true"
        body: bytes | Iterator[bytes] = b"".join(run.chunks) if run.truncated is not None else _stream(run)
        return Response(body, mimetype=media_type(run.name), headers=headers)

    def _submit(self, run: _Run) -> None:
        """Give `run` to an idle worker, starting one when none is idle."""
        with self._lock:
            start = self._idle == 0
            if not start:
                self._idle -= 1
        self._jobs.put(run)
        if start:
            threading.Thread(target=self._worker, name="kg-query", daemon=True).start()

    def _worker(self) -> None:
        """Run jobs until none has come for IDLE_SECONDS while no job was promised to an idle worker."""
        while True:
            try:
                run = self._jobs.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._idle > 0:  # else every idle worker, this one included, has a job on its way
                        self._idle -= 1
                        return
                continue
            try:
                self._work(run)
            except Exception as err:  # an unexpected failure must not cost the pool a worker
                log.exception("Query evaluation failed unexpectedly")
                self._fail(run, KGError(f"The query failed during evaluation: {err}"))
            with self._lock:
                self._idle += 1

    def _work(self, run: _Run) -> None:
        """Evaluate, negotiate and serialize one query in this worker thread."""
        try:
            result = self.store.query(run.sparql, base_iri=self.settings.base_iri, **run.options)  # type: ignore[arg-type]
            kinds = GRAPH_TYPES if not isinstance(result, QuerySolutions | QueryBoolean) else RESULT_TYPES
            run.name = choose_format(kinds, run.fmt, run.accept)
            truncated = self._serialize(result, run)
            if run.events is None:
                run.truncated = truncated
                run.release()
            else:
                run.put(("done", truncated))
        except _Stopped:
            log.info("Stopped a query at the time limit or on client disconnect")
        except KGError as err:
            self._fail(run, err)
        except (OSError, ValueError, RuntimeError) as err:
            log.exception("Query evaluation failed")
            self._fail(run, KGError(f"The query failed during evaluation: {err}"))
        finally:
            self.slots.release()

    def _fail(self, run: _Run, err: KGError) -> None:
        # The request thread gets the error without its tracebacks: their frames hold the query result,
        # which pyoxigraph allows to be dropped only on the thread that made it.
        cause: BaseException | None = err
        while cause is not None:
            cause.__traceback__ = None
            cause = cause.__cause__ or cause.__context__
        if run.events is None:
            run.error = err
            run.release()
            return
        try:
            run.put(("error", err))
        except _Stopped:  # the stream was given up: nobody is left to tell
            pass

    def _serialize(self, result: QueryResult, run: _Run) -> bool:
        try:
            return write_result(result, cast(IO[bytes], run), run.name, self.settings.row_limit)
        except OSError as err:  # pyoxigraph wraps exceptions raised by run.write
            if isinstance(err.__cause__ or err.__context__, _Stopped) or run.cancelled:
                raise _Stopped from err
            if time.monotonic() > run.deadline:
                raise _Stopped from err
            raise


def _stream(run: _Run) -> Iterator[bytes]:
    """The response body of a large result: the prefetched chunks, then the rest as it comes."""
    try:
        yield from run.chunks
        while True:
            try:
                kind, value = run.next_event()
            except QueryTimeout as err:
                log.warning("Cut a streamed result: %s", err)
                return
            if kind != "chunk":
                if kind == "error":
                    log.error("A streamed query failed: %s", value)
                return
            assert isinstance(value, bytes)
            yield value
    finally:
        run.cancelled = True


# The protocol -----------------------------------------------------------------


def _one(name: str, values: list[str]) -> str | None:
    if len(values) > 1:
        raise InvalidInput(f"Expected at most one '{name}' parameter, got {len(values)}.")
    return values[0] if values else None


def _iris(name: str) -> list[NamedNode] | None:
    values = request.args.getlist(name)
    if request.mimetype == "application/x-www-form-urlencoded":  # only a form body holds parameters
        values += request.form.getlist(name)
    try:
        return [NamedNode(v) for v in values] or None
    except ValueError as err:
        raise InvalidInput(f"'{name}' must be absolute IRIs: {err}") from err


def _operation() -> tuple[str, str] | None:
    """("query" or "update", text) from the request, or None for a GET without a query."""
    if request.method in ("GET", "HEAD"):
        if "update" in request.args:
            raise InvalidInput("SPARQL Update must be sent with POST, never GET.")
        query = _one("query", request.args.getlist("query"))
        return None if query is None else ("query", query)
    if request.mimetype == "application/x-www-form-urlencoded":
        query = _one("query", request.form.getlist("query") + request.args.getlist("query"))
        update = _one("update", request.form.getlist("update"))
        if (query is None) == (update is None):
            raise InvalidInput("Send exactly one 'query' or one 'update' parameter.")
        return ("query", query) if query is not None else ("update", update or "")
    if request.mimetype in ("application/sparql-query", "application/sparql-update"):
        if request.args.getlist("query") or request.args.getlist("update"):
            raise InvalidInput("Send the operation either in the body or as a parameter, not both.")
        return request.mimetype.rsplit("-", 1)[1], request.get_data(as_text=True)
    raise UnsupportedMediaType(
        f"Unsupported content type {request.mimetype or '(none)'!r}; send application/sparql-query, "
        "application/sparql-update or application/x-www-form-urlencoded."
    )


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> BaseResponse:
    """Answer a SPARQL query or update; without one, the service description."""
    operation = _operation()
    context = kg_context()
    if operation is None:
        return _service_description()
    kind, text = operation
    if kind == "update":
        return _update(text)
    refuse_remote(text, context.settings.allow_federation)
    runner: QueryRunner = _app_runner()
    return runner.run(text, request.args.get("format"), request.headers.get("Accept"),
                      default_graphs=_iris("default-graph-uri"), named_graphs=_iris("named-graph-uri"))


@bp.route("/update", methods=["POST"])
def update() -> Response:
    """Run a SPARQL 1.1 Update (POST application/sparql-update or form update=)."""
    if request.mimetype == "application/x-www-form-urlencoded":
        text = _one("update", request.form.getlist("update"))
        if text is None:
            raise InvalidInput("Send one 'update' parameter.")
    elif request.mimetype == "application/sparql-update":
        text = request.get_data(as_text=True)
    else:
        raise UnsupportedMediaType(f"Unsupported content type {request.mimetype or '(none)'!r}; send "
                                   "application/sparql-update or application/x-www-form-urlencoded.")
    return _update(text)


def _update(text: str) -> Response:
    context = kg_context()
    check_update_token(context.settings, request.headers.get("Authorization"))
    if request.args.getlist("using-graph-uri") or request.args.getlist("using-named-graph-uri"):
        raise InvalidInput("using-graph-uri and using-named-graph-uri are not supported; use USING in the update.")
    refuse_remote(text, context.settings.allow_federation)
    context.store.update(text, base_iri=context.settings.base_iri)
    return Response(status=204)


def _app_runner() -> QueryRunner:
    runner: QueryRunner = current_app.extensions["kg_sparql"]
    return runner


# Service description -------------------------------------------------------------

SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
<> a sd:Service ;
  sd:endpoint <> ;
  sd:supportedLanguage sd:SPARQL11Query{update} ;
  sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
    formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:N-Quads, formats:TriG,
    formats:RDF_XML, formats:JSON-LD ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


def _service_description() -> BaseResponse:
    """The SPARQL Service Description of this endpoint, in Turtle or another RDF format by Accept."""
    settings = kg_context().settings
    kinds = {**GRAPH_TYPES, "html": ["text/html"]}
    name = choose_format(kinds, request.args.get("format"), request.headers.get("Accept"))
    if name == "html":
        return redirect("/query", code=303)  # a browser: the query editor is more use than RDF
    text = SERVICE_DESCRIPTION.format(update=", sd:SPARQL11Update" if settings.update_token else "")
    if not settings.allow_federation:
        text = text.replace(", sd:BasicFederatedQuery", "")
    body = convert_rdf(text, "turtle", name, base_iri=request.base_url)
    return Response(body, mimetype=media_type(name), headers={"Vary": "Accept"})


# Registration ----------------------------------------------------------------------


def _http_error(err: HTTPException) -> BaseResponse | HTTPException:
    """Plain-text bodies for protocol errors on the endpoint's routes (405 keeps its Allow header)."""
    if not request.path.startswith(ENDPOINT_PATHS) and err.code != 413:
        return err
    response = err.get_response()
    message = err.description or err.name
    if err.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        message = f"The request body is larger than KG_MAX_REQUEST_BYTES={limit} bytes."
    response.set_data(f"{err.code} {err.name}: {message}\n")
    response.mimetype = "text/plain"
    return response


def register_endpoint(app: Flask) -> None:
    """Register the SPARQL endpoint, stored queries, query editor, Graph Store Protocol and security headers."""
    from kg.queries import load_queries
    from kg.web.catalogue import bp as catalogue_bp
    from kg.web.editor import bp as editor_bp
    from kg.web.graph_store import bp as graph_store_bp

    context = app.extensions["kg"]
    app.extensions["kg_queries"] = load_queries()
    app.extensions["kg_sparql"] = QueryRunner(context.store, context.settings)
    app.register_blueprint(bp)
    app.register_blueprint(catalogue_bp)
    app.register_blueprint(editor_bp)
    app.register_blueprint(graph_store_bp)
    app.register_error_handler(HTTPException, _http_error)
    register_security(app)
