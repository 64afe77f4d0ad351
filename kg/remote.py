"""Work through a SPARQL 1.1 server over HTTP instead of opening the store: a running `kg serve` (which holds the
store open), or any server that speaks SPARQL 1.1 Query and Update (Oxigraph server, Virtuoso, Fuseki, ...).

Reads are SELECT queries with fixed text, POSTed to the query URL, paged (ORDER BY, LIMIT, OFFSET) so that a
server's row limit cannot cut them. An article graph is replaced whole either way readers look: with the
SPARQL 1.1 Graph Store HTTP Protocol where a graph store URL is known (`PUT GSP?graph=<article IRI>`,
N-Triples; a kg server's `URL/store`), else by one update request (`DROP SILENT GRAPH` then `INSERT DATA`)
per batch of articles, which a SPARQL 1.1 server runs as one operation.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from kg import ontology
from kg.errors import (
    DiskFull,
    Forbidden,
    InvalidInput,
    KGError,
    PayloadTooLarge,
    QueryTimeout,
    Unauthorized,
    UnknownEntity,
)
from kg.event_identity import EventReport
from kg.model import PERSON, Entity
from kg.sparql_syntax import query_form, split_prologue, with_values
from kg.store import DATASET_FORMATS, Term

SPARQL_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"
DEFAULT_TIMEOUT = 60.0  # seconds to wait for one HTTP answer
PAGE_ROWS = 10_000  # rows read per SELECT request; below the row limits servers ship with (Virtuoso: 10,000)
VIRTUOSO_ASK = "__ASK_RETVAL"  # Virtuoso answers an ASK as a table of this variable: a row when true, none when false
UPDATE_CHARS = 1_000_000  # most characters of one update request; a larger article graph goes alone

PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in ontology.PREFIXES.items())


def _in_any_graph(pattern: str) -> str:
    """`pattern` matched in the default graph or in any named graph, whether the server's default graph is
    the union of its graphs (Virtuoso, kg) or a graph of its own (Oxigraph server, Fuseki)."""
    return f"{{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }}"


# Entities are read with three scans, each linear in the store: a single join of types, labels
# and aliases over the union of article graphs multiplies rows by the articles naming an entity.
NOT_ENTITIES = ", ".join(str(ontology.kg(name)) for name in ("Article", "Role", "Event", "Sanction", "Evidence"))
TYPES = ("?e ?type", _in_any_graph("?e a ?type") + f"""
    FILTER(STRSTARTS(STR(?type), STR(kg:)) && ?type NOT IN ({NOT_ENTITIES}))""")
LABELS = ("?e ?label", _in_any_graph("?e rdfs:label ?label"))
ALIASES = ("?e ?alias", _in_any_graph("?e skos:altLabel ?alias"))
EVENT_REPORTS = ("?e ?g ?type ?date ?datatype ?place ?participant ?status ?published", """GRAPH ?g {
    ?e a kg:Event ; kg:eventType ?type . OPTIONAL { ?e kg:date ?date BIND(DATATYPE(?date) AS ?datatype) }
    OPTIONAL { ?e schema:location ?place } OPTIONAL { ?e kg:participant ?participant }
    OPTIONAL { ?e kg:status ?status } OPTIONAL { ?g schema:datePublished ?published } }""")
HASHES = ("?a ?hash ?source", """GRAPH ?a { ?a a kg:Article ; kg:contentHash ?hash .
    OPTIONAL { ?a kg:sourceFile ?source } }""")


_OWN_LIMIT = re.compile(r"\bLIMIT\s+(\d+)\s*(?:OFFSET\s+\d+\s*)?$", re.IGNORECASE)


def paged_query(variables: str, pattern: str, offset: int, limit: int | None = None) -> str:
    """One page of the distinct rows of `variables` matching `pattern`, in a fixed order. The order is taken in a
    subquery, as Virtuoso needs to page a sorted result past its sort limit."""
    return (PROLOGUE + f"SELECT {variables} WHERE {{ {{ SELECT DISTINCT {variables} WHERE {{ {pattern} }} "
            f"ORDER BY {variables} }} }} LIMIT {limit or PAGE_ROWS} OFFSET {offset}")


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL server answers: its query URL, its update URL, and its Graph Store Protocol URL if any."""

    query: str
    update: str
    graph_store: str | None = None
    where: str = ""  # the URL messages name: the kg server's, or the query URL
    is_kg_server: bool = False  # a running `kg serve`, whose messages name its settings
    name: str = "the SPARQL server"  # how messages call it
    hint: str = "Check --sparql (KG_SPARQL)."  # what to check when it cannot be reached
    auth_hint: str = "Give --token, or --user and --password (KG_UPDATE_TOKEN, KG_SPARQL_USER, KG_SPARQL_PASSWORD)."

    @classmethod
    def sparql(cls, query: str, update: str | None = None, graph_store: str | None = None) -> Endpoints:
        """The endpoints of a SPARQL 1.1 server; updates go to the query URL unless `update` is given."""
        return cls(query, update or query, graph_store, where=query)

    @classmethod
    def kg_server(cls, url: str) -> Endpoints:
        """The endpoints of a running `kg serve` at `url`."""
        url = url.rstrip("/")
        return cls(f"{url}/sparql", f"{url}/update", f"{url}/store", where=url, is_kg_server=True,
                   name=f"the kg server at {url}",
                   hint="Is `kg serve` running there? Check --server or KG_SERVER.",
                   auth_hint="Set KG_UPDATE_TOKEN (or --token) to the server's token")


class _Server:
    """A SPARQL server reached over HTTP with a bearer token, or a user and password (HTTP Basic or Digest)."""

    def __init__(self, url: str | Endpoints, token: str | None = None, *, user: str | None = None,
                 password: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        endpoints = url if isinstance(url, Endpoints) else Endpoints.kg_server(url)
        self.endpoints = endpoints
        self.url = endpoints.where
        self.token = token
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            urls = [endpoints.query, endpoints.update, *([endpoints.graph_store] if endpoints.graph_store else [])]
            passwords.add_password(None, urls, user, password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords),
                         urllib.request.HTTPDigestAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
                 missing_ok: bool = False) -> tuple[bytes, Message] | None:
        """Send one request; returns the body and headers of the answer (None for a 404 when `missing_ok`).

        Raises:
            KGError: (or a subclass) the server is unreachable or answered with an error status.
        """
        if self.token:
            headers = {**headers, "Authorization": f"Bearer {self.token}"}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return bytes(response.read()), response.headers
        except urllib.error.HTTPError as err:
            if missing_ok and err.code == 404:
                return None
            raise _http_error(method, url, err, self.endpoints) from err
        except (urllib.error.URLError, OSError) as err:
            raise self._unreachable(method, url, err) from err

    @contextmanager
    def _streamed(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Iterator[IO[bytes]]:
        """The answer to one request, open to be read as it arrives, and closed after; errors as `_request`, also
        those of reading it."""
        if self.token:
            headers = {**headers, "Authorization": f"Bearer {self.token}"}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                yield response
        except urllib.error.HTTPError as err:
            raise _http_error(method, url, err, self.endpoints) from err
        except (urllib.error.URLError, OSError) as err:
            raise self._unreachable(method, url, err) from err

    def _unreachable(self, method: str, url: str, err: OSError) -> KGError:
        """The error for a request that got no (whole) answer: QueryTimeout when it waited past the timeout."""
        reason = getattr(err, "reason", err)
        if isinstance(reason, TimeoutError):
            return QueryTimeout(f"{self.endpoints.name} did not answer {method} {url} within {self.timeout:g} s.")
        if self.endpoints.is_kg_server:
            return KGError(f"Cannot reach {self.endpoints.name} ({reason}). {self.endpoints.hint}")
        return KGError(f"Cannot reach {self.endpoints.name} at {url} ({reason}). {self.endpoints.hint}")

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> tuple[bytes, Message]:
        answer = self._request(method, url, body, headers)
        assert answer is not None
        return answer

    def _post_query(self, sparql: str, accept: str) -> tuple[bytes, Message]:
        """POST a query, form-encoded as every SPARQL 1.1 server takes it."""
        body = urllib.parse.urlencode({"query": sparql}).encode("ascii")
        return self._send("POST", self.endpoints.query, body, {"Content-Type": FORM, "Accept": accept})

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the server (form-encoded, as every SPARQL 1.1 server takes it).

        Raises:
            Unauthorized, Forbidden: the server refused the credentials.
            KGError: the server cannot be reached or failed.
        """
        body = urllib.parse.urlencode({"update": sparql}).encode("ascii")
        self._send("POST", self.endpoints.update, body, {"Content-Type": FORM})

    def _graph_url(self, graph: NamedNode | None) -> str:
        """The Graph Store Protocol URL of a named graph, or of the default graph when None."""
        assert self.endpoints.graph_store is not None
        query = urllib.parse.urlencode({"graph": graph.value}) if graph is not None else "default"
        return f"{self.endpoints.graph_store}?{query}"


class RemoteSink(_Server):
    """A kg.ingest.GraphSink writing article graphs to a SPARQL server: a running kg server at `url`, or any
    SPARQL 1.1 server given by Endpoints.sparql(...)."""

    def __init__(self, url: str | Endpoints, token: str | None, *, user: str | None = None,
                 password: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(url, token, user=user, password=password, timeout=timeout)
        self._versions: dict[str, tuple[str, str]] | None = None

    def iter_entities(self, namer: ontology.Namer) -> Iterator[Entity]:
        """Every person, organization and place the server knows, with label, kind and aliases.

        Raises:
            KGError: the server cannot be reached or refused a query.
        """
        general = {PERSON, *ontology.GENERAL_KIND.values()}
        kinds: dict[str, set[str]] = defaultdict(set)
        for row in self.select_all(*TYPES):
            if namer.key_of(row["e"]) is not None:
                kinds[row["e"]].add(row["type"][len(ontology.KG):])
        kinds = {iri: names for iri, names in kinds.items() if names & general}
        labels: dict[str, str] = {}
        for row in self.select_all(*LABELS):
            if row["e"] in kinds:
                labels[row["e"]] = min(labels.get(row["e"], row["label"]), row["label"])
        aliases: dict[str, set[str]] = defaultdict(set)
        for row in self.select_all(*ALIASES):
            if row["e"] in kinds:
                aliases[row["e"]].add(row["alias"])
        for iri, names in sorted(kinds.items()):
            key = namer.key_of(iri)
            if key is None or iri not in labels:
                continue
            kind = min((k for k in names if k not in general), default=min(names & general))
            yield Entity(key=key, label=labels[iri], kind=kind, aliases=tuple(sorted(aliases[iri])))

    def iter_event_reports(self, namer: ontology.Namer) -> Iterator[EventReport]:
        """What each article graph on the server says of each event (kg.event_identity).

        Raises:
            KGError: the server cannot be reached or refused a query.
        """
        reports: dict[tuple[str, str], dict[str, Any]] = {}
        for row in self.select_all(*EVENT_REPORTS):
            report = reports.setdefault((row["e"], row["g"]), {"type": row["type"], "participants": set()})
            if "date" in row:
                report["date"] = (row["date"], row["datatype"][len(ontology.XSD):])
            report["place"] = report.get("place") or row.get("place")
            report["status"] = report.get("status") or row.get("status")
            report["published"] = report.get("published") or row.get("published")
            if "participant" in row:
                report["participants"].add(row["participant"])
        for (iri, _), report in reports.items():
            key = namer.key_of(iri)
            if key is None:
                continue
            place = namer.key_of(report["place"]) if report["place"] else None
            people = [k for k in map(namer.key_of, report["participants"]) if k]
            status = report["status"][len(ontology.KG):] if report["status"] else None
            yield EventReport.from_values(key, report["type"], report.get("date"), place, people, status,
                                          report["published"])

    def stored_version(self, graph: NamedNode) -> tuple[str, str] | None:
        """The content hash and source file of an article graph on the server, or None (all read at the first call).

        Raises:
            KGError: the server cannot be reached or refused a query.
        """
        if self._versions is None:
            self._versions = {row["a"]: (row["hash"], row.get("source", "")) for row in self.select_all(*HASHES)}
        return self._versions.get(graph.value)

    def write_graphs(self, graphs: list[tuple[NamedNode, list[Quad]]]) -> None:
        """Replace each graph on the server, each atomically: a PUT to the Graph Store endpoint per graph, else
        update requests of DROP SILENT GRAPH and INSERT DATA (several graphs to a request, up to UPDATE_CHARS).

        Raises:
            Unauthorized, Forbidden: the server refused the credentials.
            DiskFull: the server's disk is full; the graphs written before stay whole.
            KGError: the server cannot be reached or failed.
        """
        if self.endpoints.graph_store:
            for graph, quads in graphs:
                body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads).encode("utf-8")
                self._send("PUT", self._graph_url(graph), body, {"Content-Type": N_TRIPLES})
                self._remember(graph, quads)
            return
        operations: list[str] = []
        for graph, quads in graphs:
            operations.append(_replace_graph(graph, quads))
            if sum(map(len, operations)) >= UPDATE_CHARS:
                self.update(" ;\n".join(operations))
                operations = []
        if operations:
            self.update(" ;\n".join(operations))
        for graph, quads in graphs:
            self._remember(graph, quads)

    def _remember(self, graph: NamedNode, quads: list[Quad]) -> None:
        """Keep the stored version of a graph just written, for stored_version."""
        if self._versions is not None:
            self._versions.pop(graph.value, None)
            values = {quad.predicate: quad.object.value for quad in quads
                      if quad.subject == graph and isinstance(quad.object, Literal)}
            if ontology.CONTENT_HASH in values:
                self._versions[graph.value] = (values[ontology.CONTENT_HASH], values.get(ontology.SOURCE_FILE, ""))

    def flush(self) -> None:
        """Nothing to do: the server commits each request before answering."""

    def remove_graph(self, graph: NamedNode) -> bool:
        """Remove a named graph on the server; False when it has no such graph.

        Raises:
            Unauthorized, Forbidden: the server refused the credentials.
            KGError: the server cannot be reached or failed.
        """
        if self.endpoints.graph_store:
            return self._request("DELETE", self._graph_url(graph), None, {}, missing_ok=True) is not None
        if not self.select(f"SELECT ?s WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }} LIMIT 1"):  # Virtuoso's ASK is no JSON
            return False
        self.update(f"DROP SILENT GRAPH {graph}")  # Virtuoso refuses a plain DROP of a graph never CREATEd
        return True

    def select_all(self, variables: str, pattern: str) -> Iterator[dict[str, str]]:
        """Every distinct row of `variables` matching `pattern`, read a page of at most PAGE_ROWS rows at a time.

        Raises:
            KGError: the server cannot be reached, refused a query, or cut a page at its row limit.
        """
        offset = 0
        while rows := self.select(paged_query(variables, pattern, offset)):
            yield from rows
            offset += len(rows)  # until an empty page: a server may cut a page short without a word (Virtuoso)

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT query, as {variable: value} (unbound ones omitted).

        Raises:
            KGError: the server cannot be reached, refused the query or answered something else.
        """
        data, headers = self._post_query(sparql, SPARQL_JSON)
        try:
            answer: dict[str, Any] = json.loads(data)
            bindings = answer["results"]["bindings"]
            rows = [{name: term["value"] for name, term in row.items()} for row in bindings]
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise KGError(
                f"The server at {self.url} answered a SPARQL query with something other than "
                f"SPARQL JSON results ({err}); is it a SPARQL endpoint?"
            ) from err
        limit = headers.get("KG-Row-Limit", "")
        if headers.get("KG-Truncated") == "true" or (limit.isdigit() and len(rows) >= int(limit)):
            raise KGError(
                f"The server at {self.url} cut a result at its row limit of {limit or '?'} "
                "rows, so the known entities or articles cannot all be read; raise KG_ROW_LIMIT on the server."
            )
        return rows


def _query_headers(form: str | None) -> dict[str, str]:
    """The headers of a query of `form` (None: not known): SPARQL JSON results for SELECT and ASK, N-Triples for
    CONSTRUCT and DESCRIBE (Virtuoso gives a graph as a table of ?s ?p ?o if it may)."""
    accept = {"SELECT": SPARQL_JSON, "ASK": SPARQL_JSON, "CONSTRUCT": N_TRIPLES, "DESCRIBE": N_TRIPLES}
    return {"Content-Type": FORM, "Accept": accept.get(form or "", f"{SPARQL_JSON}, {N_TRIPLES}")}


def _answer_of(form: str | None, result: QuerySolutions | QueryBoolean) -> QuerySolutions | QueryBoolean:
    """The result of a query of `form`: Virtuoso's table answering an ASK made the boolean it stands for."""
    if form != "ASK" or not isinstance(result, QuerySolutions) or [v.value for v in result.variables] != [
            VIRTUOSO_ASK]:
        return result
    true = any(row[VIRTUOSO_ASK] is not None and row[VIRTUOSO_ASK].value in ("1", "true") for row in result)
    answer = parse_query_results(f'{{"head": {{}}, "boolean": {"true" if true else "false"}}}',
                                 QueryResultsFormat.JSON)
    assert isinstance(answer, QueryBoolean)
    return answer


def _canonical(term: Term) -> Term:
    """A boolean literal in its canonical form: Virtuoso gives "true"^^xsd:boolean back as "1", the same value."""
    if isinstance(term, Literal) and term.datatype == ontology.XSD_BOOLEAN and term.value in ("1", "0"):
        return Literal("true" if term.value == "1" else "false", datatype=ontology.XSD_BOOLEAN)
    return term


def _replace_graph(graph: NamedNode, quads: list[Quad]) -> str:
    """The update operations that replace `graph` with the triples of `quads`."""
    triples = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{triples}\n}} }}"


def _http_error(method: str, url: str, err: urllib.error.HTTPError, endpoints: Endpoints) -> KGError:
    """The kg error for an HTTP error answer, with the server's own message."""
    detail = err.read(2000).decode("utf-8", "replace").strip()
    try:  # kg servers answer {"ok": false, "status": ..., "error": "..."}
        detail = str(json.loads(detail)["error"])
    except (ValueError, KeyError, TypeError):
        pass  # not a kg JSON error: show the body as it is
    said = f": {detail.rstrip('.')}" if detail else ""  # the messages below go on with a sentence of their own
    kg_server = endpoints.is_kg_server
    if err.code == 401:
        wants = "an update token" if kg_server else "credentials"
        hint = endpoints.auth_hint.rstrip('.')
        return Unauthorized(f"The server wants {wants} (401 on {method} {url}){said}. {hint}.")
    if err.code == 403:
        start = " and start the server with KG_UPDATE_TOKEN set." if kg_server else ""
        what = "update token" if kg_server else "credentials"
        return Forbidden(f"The server refused the {what} (403 on {method} {url}){said}. "
                         f"{endpoints.auth_hint.rstrip('.')}{',' if start else '.'}{start}")
    if kg_server and (err.code == 404 or err.code == 405):
        return KGError(
            f"The server has no Graph Store endpoint for {method} {url} ({err.code}){said}. "
            "Is it a kg server of this version, started with KG_UPDATE_TOKEN?"
        )
    if err.code == 413:
        return PayloadTooLarge(
            f"The server refused an article graph as too large (413 on {method} {url}){said}. "
            + ("Raise KG_MAX_REQUEST_BYTES on the server." if kg_server else "Raise the server's request size limit.")
        )
    if err.code == 507:  # the server says "disk full: no space left for the store ..."
        return DiskFull(f"{detail or 'disk full'} (507 on {method} {url})")
    if 400 <= err.code < 500:
        return InvalidInput(f"The server rejected {method} {url} ({err.code}){said}.")
    return KGError(f"The server failed on {method} {url} ({err.code}){said}.")


class RemoteStore(_Server):
    """Reads the store that a running `kg serve` holds open, through its SPARQL endpoint and Graph Store Protocol, or
    the graph on another SPARQL server: what `kg query`, `stats`, `eval` and `export` use then, and what `kg serve
    --sparql` serves its pages and endpoint from.

    The page reads (`select`, `quads_about`, ...) are the ones kg.store.Store answers from its indexes, here made
    SELECT queries over the server's named graphs, read in pages (as RemoteSink reads) so that a server's row limit
    cannot cut them. The default graph is not read by them: on the servers kg works with it is the union of the
    named graphs (Virtuoso; `oxigraph serve --union-default-graph`), so its quads would be read twice.

    `truncated` tells whether the server cut the last query result at its KG_ROW_LIMIT.
    """

    truncated = False

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None, base_iri: str | None = None,
              default_graphs: list[NamedNode] | None = None, named_graphs: list[NamedNode] | None = None,
              ) -> QuerySolutions | QueryBoolean | list[Triple]:
        """The result of a query run by the server, read whole: solutions, a boolean, or triples (see `streamed`).

        Raises:
            InvalidInput: the server rejected the query (a syntax error, with the parser's position).
            QueryTimeout: the server did not answer within the timeout.
            KGError: the server cannot be reached or failed.
        """
        body = self._query_body(sparql, bindings, base_iri, default_graphs, named_graphs)
        form = query_form(sparql)
        data, headers = self._send("POST", self.endpoints.query, body, _query_headers(form))
        self.truncated = headers.get("KG-Truncated") == "true"
        try:
            if headers.get_content_type() == N_TRIPLES:
                return [quad.triple for quad in parse(data, RdfFormat.N_TRIPLES)]
            return _answer_of(form, parse_query_results(data, QueryResultsFormat.JSON))
        except SyntaxError as err:
            raise self._unparsable(err) from err

    @contextmanager
    def streamed(self, sparql: str, *, bindings: Mapping[str, Term] | None = None, base_iri: str | None = None,
                 default_graphs: list[NamedNode] | None = None, named_graphs: list[NamedNode] | None = None,
                 ) -> Iterator[QuerySolutions | QueryBoolean | Iterator[Triple]]:
        """The result of a query run by the server, parsed while it arrives: whoever stops reading early (at a row
        limit) reads no more of it. The prefixes a kg server predeclares (kg:, org:, schema:, ...) are declared for
        other servers too, and `base_iri` as the BASE; `bindings` are bound in a VALUES block
        (kg.sparql_syntax.with_values); `default_graphs` and `named_graphs` are sent as the protocol's
        default-graph-uri and named-graph-uri.

        Raises:
            InvalidInput: the server rejected the query (a syntax error, with the parser's position).
            QueryTimeout: the server did not answer, or send the next part of its answer, within the timeout.
            KGError: the server cannot be reached or failed.
        """
        body = self._query_body(sparql, bindings, base_iri, default_graphs, named_graphs)
        form = query_form(sparql)
        with self._streamed("POST", self.endpoints.query, body, _query_headers(form)) as response:
            headers: Message = response.headers  # type: ignore[attr-defined]
            try:
                if headers.get_content_type() == N_TRIPLES:
                    yield (quad.triple for quad in parse(response, RdfFormat.N_TRIPLES))
                else:
                    yield _answer_of(form, parse_query_results(response, QueryResultsFormat.JSON))
            except SyntaxError as err:
                raise self._unparsable(err) from err

    def _query_body(self, sparql: str, bindings: Mapping[str, Term] | None, base_iri: str | None,
                    default_graphs: list[NamedNode] | None, named_graphs: list[NamedNode] | None) -> bytes:
        """The form that asks the server a query (see `streamed`)."""
        sparql = with_values(sparql, bindings or {})
        if not self.endpoints.is_kg_server:
            sparql = (f"BASE <{base_iri}>\n" if base_iri else "") + PROLOGUE + sparql  # the query's own win
        fields = [("query", sparql), *(("default-graph-uri", g.value) for g in default_graphs or ()),
                  *(("named-graph-uri", g.value) for g in named_graphs or ())]
        return urllib.parse.urlencode(fields).encode("ascii")

    def _unparsable(self, err: SyntaxError) -> KGError:
        return KGError(f"The server at {self.url} answered a query with a result that does not parse ({err}); "
                       "is it a SPARQL endpoint?")

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run a SPARQL update on the server, with the prefixes kg predeclares and `base_iri` as the BASE.

        Raises:
            Unauthorized, Forbidden: the server refused the credentials.
            InvalidInput: the server rejected the update.
            QueryTimeout: the server did not answer within the timeout.
            KGError: the server cannot be reached or failed.
        """
        if not self.endpoints.is_kg_server:
            sparql = (f"BASE <{base_iri}>\n" if base_iri else "") + PROLOGUE + sparql
        super().update(sparql)

    def _rows(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of one SELECT query as dicts of pyoxigraph terms (unbound variables omitted).

        Raises:
            KGError: the server cannot be reached, refused the query, or cut its result at KG_ROW_LIMIT.
        """
        return self._solutions(sparql)[1]

    def _solutions(self, sparql: str) -> tuple[list[str], list[dict[str, Any]]]:
        """The variables and the rows of one SELECT query; errors as `_rows`."""
        body = self._query_body(sparql, None, None, None, None)
        data, headers = self._send("POST", self.endpoints.query, body, _query_headers("SELECT"))
        self.truncated = headers.get("KG-Truncated") == "true"
        try:
            result = parse_query_results(data, QueryResultsFormat.JSON)
        except SyntaxError as err:
            raise self._unparsable(err) from err
        if not isinstance(result, QuerySolutions):
            raise InvalidInput("Expected a SELECT query.")
        names = [v.value for v in result.variables]
        rows = [{n: row[n] for n in names if row[n] is not None} for row in result]
        if self.truncated:
            raise KGError(f"The server at {self.url} cut a result at its KG_ROW_LIMIT; raise it on the server, "
                          "or stop the server and read the store directly.")
        return names, rows

    def select(self, sparql: str, **bindings: Term) -> list[dict[str, Any]]:
        """Every row of a SELECT query as dicts of pyoxigraph terms (unbound variables omitted), like Store.select.

        A query that ends in a LIMIT of at most PAGE_ROWS is asked as it is; any other is read in pages of PAGE_ROWS
        rows, in the order of all its variables (not its own ORDER BY), so that a server's row limit cannot cut it.

        Raises:
            KGError: the server cannot be reached, refused the query, or cut its result at KG_ROW_LIMIT.
        """
        prologue, body = split_prologue(sparql)
        bound = with_values(body, bindings)
        limit = _OWN_LIMIT.search(bound)
        if limit and int(limit.group(1)) <= PAGE_ROWS:  # one page holds it, in its own order
            return self._rows(prologue + bound)
        names, _ = self._solutions(f"{prologue}SELECT * WHERE {{ {{ {bound} }} }} LIMIT 0")
        return self._all_rows(prologue, " ".join(f"?{name}" for name in names), bound)

    def _all_rows(self, prologue: str, variables: str, query: str) -> list[dict[str, Any]]:
        """Every row of a SELECT query of `variables`, in pages of PAGE_ROWS rows ordered by them."""
        ordered = f"SELECT {variables} WHERE {{ {{ {query} }} }} ORDER BY {variables}"
        rows: list[dict[str, Any]] = []
        while page := self._rows(f"{prologue}SELECT {variables} WHERE {{ {{ {ordered} }} }} "
                                 f"LIMIT {PAGE_ROWS} OFFSET {len(rows)}"):
            rows += page  # until an empty page: a server may cut a page short without a word (Virtuoso)
        return rows

    def _quads(self, subject: Term | None, predicate: NamedNode | None, obj: Term | None,
               graph: NamedNode | None) -> list[Quad]:
        """The quads of the named graphs that match a pattern (None: any), read in pages."""
        fixed = {name: term for name, term in (("s", subject), ("p", predicate), ("g", graph)) if term is not None}
        pattern = "GRAPH ?g { ?s ?p ?o }"
        if isinstance(obj, NamedNode):  # Virtuoso matches an IRI to an integer literal whose value is the IRI's
            # internal number ("472"^^xsd:integer of a kg:start to the entity numbered 472): the stored object is
            # read again, by subject, predicate and graph, and kept only where it is that IRI
            pattern = (f"GRAPH ?g {{ ?s ?p {obj} }} GRAPH ?g {{ ?s ?p ?stored }} "
                       f"FILTER(isIRI(?stored) && STR(?stored) = {Literal(obj.value)}) BIND({obj} AS ?o)")
        elif obj is not None:
            pattern = f"GRAPH ?g {{ ?s ?p {obj} }} BIND({obj} AS ?o)"
        query = with_values(f"SELECT ?s ?p ?o ?g WHERE {{ {pattern} }}", fixed)
        rows = self._all_rows("", "?s ?p ?o ?g", query)
        return [Quad(row["s"], row["p"], _canonical(row["o"]), row["g"]) for row in rows]

    def quads_about(self, subject: NamedNode, predicate: NamedNode | None = None,
                    graph: NamedNode | None = None) -> list[Quad]:
        """Quads with `subject` as subject, optionally of one predicate and one graph."""
        return self._quads(subject, predicate, None, graph)

    def quads_pointing_to(self, obj: Term, predicate: NamedNode | None = None,
                          graph: NamedNode | None = None) -> list[Quad]:
        """Quads with `obj` as object, optionally of one predicate and one graph."""
        return self._quads(None, predicate, obj, graph)

    def quads_of_predicate(self, predicate: NamedNode, graph: NamedNode | None = None) -> Iterator[Quad]:
        """Quads of one predicate (optionally in one graph)."""
        return iter(self._quads(None, predicate, None, graph))

    def describe(self, node: NamedNode) -> list[Quad]:
        """Every quad with `node` as subject or object, across the named graphs.

        Raises:
            UnknownEntity: nothing is said about `node`.
        """
        quads = self.quads_about(node) + self.quads_pointing_to(node)
        if not quads:
            raise UnknownEntity(f"Nothing is known about {node.value}.")
        return quads

    def _graph(self, graph: NamedNode | None) -> list[Triple]:
        if not self.endpoints.graph_store:
            raise InvalidInput(f"Reading whole graphs from {self.url} needs its Graph Store Protocol URL: give "
                               "--graph-store (KG_GRAPH_STORE).")
        data, _ = self._send("GET", self._graph_url(graph), None, {"Accept": N_TRIPLES})
        return [quad.triple for quad in parse(data, RdfFormat.N_TRIPLES)]

    def count_quads(self) -> int:
        """The number of quads in the server's store: its named graphs, and its default graph where a graph store
        URL is known (a default graph that is the union of the others, as Virtuoso's, is not counted again)."""
        named = self._rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        default = len(self._graph(None)) if self.endpoints.graph_store else 0
        return int(named[0]["n"].value) + default

    def dump(self, output: IO[bytes], fmt: RdfFormat) -> None:
        """Write the whole store: every graph for N-Quads and TriG, the union of all graphs (each triple once)
        for formats of one graph. Graphs are read one at a time through the Graph Store Protocol."""
        graphs = [row["g"] for row in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")]
        quads = [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in self._graph(None)]
        for graph in graphs:
            quads += [Quad(t.subject, t.predicate, t.object, graph) for t in self._graph(graph)]
        if fmt in DATASET_FORMATS:
            serialize(quads, output, fmt, prefixes=ontology.PREFIXES)
        else:
            serialize(dict.fromkeys(q.triple for q in quads), output, fmt, prefixes=ontology.PREFIXES)
