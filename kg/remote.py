"""Ingest into a running `kg serve` over the standard protocols, since the server holds the store open.

Reads go to the SPARQL 1.1 Protocol endpoint (`URL/sparql`, SELECT queries with fixed text);
each article graph is written with the SPARQL 1.1 Graph Store HTTP Protocol
(`PUT URL/store?graph=<article IRI>`, N-Triples), which replaces that one graph atomically
on the server, so concurrent readers see an article either as before or whole.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
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
from kg.errors import DiskFull, Forbidden, InvalidInput, KGError, PayloadTooLarge, Unauthorized
from kg.event_identity import EventReport
from kg.model import PERSON, Entity
from kg.store import DATASET_FORMATS

SPARQL_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
DEFAULT_TIMEOUT = 60.0  # seconds to wait for one HTTP answer

PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in ontology.PREFIXES.items())

# Entities are read with three scans, each linear in the store: a single join of types, labels
# and aliases over the union of article graphs multiplies rows by the articles naming an entity.
NOT_ENTITIES = ", ".join(str(ontology.kg(name)) for name in ("Article", "Role", "Event", "Sanction", "Evidence"))
TYPES_QUERY = PROLOGUE + f"""SELECT DISTINCT ?e ?type WHERE {{ ?e a ?type .
    FILTER(STRSTARTS(STR(?type), STR(kg:)) && ?type NOT IN ({NOT_ENTITIES})) }}"""
LABELS_QUERY = PROLOGUE + "SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label }"
ALIASES_QUERY = PROLOGUE + "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
EVENT_REPORTS_QUERY = PROLOGUE + """SELECT ?e ?g ?type ?date (DATATYPE(?date) AS ?datatype) ?place ?participant
    ?status ?published WHERE { GRAPH ?g { ?e a kg:Event ; kg:eventType ?type . OPTIONAL { ?e kg:date ?date }
    OPTIONAL { ?e schema:location ?place } OPTIONAL { ?e kg:participant ?participant }
    OPTIONAL { ?e kg:status ?status } OPTIONAL { ?g schema:datePublished ?published } } }"""
HASHES_QUERY = PROLOGUE + """SELECT ?g ?hash ?source WHERE { GRAPH ?g { ?g a kg:Article ; kg:contentHash ?hash .
    OPTIONAL { ?g kg:sourceFile ?source } } }"""


class _Server:
    """A running kg server at `url`, talked to over HTTP with the update token if one is given."""

    def __init__(self, url: str, token: str | None = None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> tuple[bytes, Message]:
        """Send one request; returns the body and headers of the answer.

        Raises:
            KGError: (or a subclass) the server is unreachable or answered with an error status.
        """
        if self.token:
            headers = {**headers, "Authorization": f"Bearer {self.token}"}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return bytes(response.read()), response.headers
        except urllib.error.HTTPError as err:
            raise _http_error(method, url, err) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise KGError(
                f"Cannot reach the kg server at {self.url} ({reason}). Is `kg serve` running there? "
                "Check --server or KG_SERVER."
            ) from err

    def _graph_url(self, graph: NamedNode | None) -> str:
        """The Graph Store Protocol URL of a named graph, or of the default graph when None."""
        query = urllib.parse.urlencode({"graph": graph.value}) if graph is not None else "default"
        return f"{self.url}/store?{query}"


class RemoteSink(_Server):
    """A kg.ingest.GraphSink writing article graphs to a running kg server at `url`."""

    def __init__(self, url: str, token: str | None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(url, token, timeout=timeout)
        self._versions: dict[str, tuple[str, str]] | None = None

    def iter_entities(self, namer: ontology.Namer) -> Iterator[Entity]:
        """Every person, organization and place the server knows, with label, kind and aliases.

        Raises:
            KGError: the server cannot be reached or refused a query.
        """
        general = {PERSON, *ontology.GENERAL_KIND.values()}
        kinds: dict[str, set[str]] = defaultdict(set)
        for row in self.select(TYPES_QUERY):
            if namer.key_of(row["e"]) is not None:
                kinds[row["e"]].add(row["type"][len(ontology.KG):])
        kinds = {iri: names for iri, names in kinds.items() if names & general}
        labels: dict[str, str] = {}
        for row in self.select(LABELS_QUERY):
            if row["e"] in kinds:
                labels[row["e"]] = min(labels.get(row["e"], row["label"]), row["label"])
        aliases: dict[str, set[str]] = defaultdict(set)
        for row in self.select(ALIASES_QUERY):
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
        for row in self.select(EVENT_REPORTS_QUERY):
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
        """The content hash and source file of an article graph on the server, or None (all fetched in one query)."""
        if self._versions is None:
            self._versions = {row["g"]: (row["hash"], row.get("source", "")) for row in self.select(HASHES_QUERY)
                              if "hash" in row}
        return self._versions.get(graph.value)

    def write_graphs(self, graphs: list[tuple[NamedNode, list[Quad]]]) -> None:
        """PUT each graph to the server's Graph Store endpoint; each replacement is atomic there.

        Raises:
            Unauthorized, Forbidden: the server refused the update token.
            DiskFull: the server's disk is full; the graphs written before stay whole.
            KGError: the server cannot be reached or failed.
        """
        for graph, quads in graphs:
            body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads).encode("utf-8")
            self._request("PUT", self._graph_url(graph), body, {"Content-Type": N_TRIPLES})
            if self._versions is not None:
                self._versions.pop(graph.value, None)
                values = {quad.predicate: quad.object.value for quad in quads
                          if quad.subject == graph and isinstance(quad.object, Literal)}
                if ontology.CONTENT_HASH in values:
                    self._versions[graph.value] = (values[ontology.CONTENT_HASH],
                                                   values.get(ontology.SOURCE_FILE, ""))

    def flush(self) -> None:
        """Nothing to do: the server commits each PUT before answering."""

    def remove_graph(self, graph: NamedNode) -> bool:
        """DELETE a named graph on the server; False when it has no such graph.

        Raises:
            Unauthorized, Forbidden: the server refused the update token.
            KGError: the server cannot be reached or failed.
        """
        url = self._graph_url(graph)
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="DELETE", headers=headers),
                                        timeout=self.timeout):
                return True
        except urllib.error.HTTPError as err:
            if err.code == 404:  # the Graph Store Protocol's answer for a graph it does not hold
                return False
            raise _http_error("DELETE", url, err) from err
        except (urllib.error.URLError, OSError) as err:
            raise KGError(f"Cannot reach the kg server at {self.url} ({getattr(err, 'reason', err)}). "
                          "Is `kg serve` running there? Check --server or KG_SERVER.") from err

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT query sent to URL/sparql, as {variable: value} (unbound ones omitted).

        Raises:
            KGError: the server cannot be reached, refused the query or answered something else.
        """
        data, headers = self._request(
            "POST", f"{self.url}/sparql", sparql.encode("utf-8"),
            {"Content-Type": "application/sparql-query", "Accept": SPARQL_JSON},
        )
        try:
            answer: dict[str, Any] = json.loads(data)
            bindings = answer["results"]["bindings"]
            rows = [{name: term["value"] for name, term in row.items()} for row in bindings]
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise KGError(
                f"The server at {self.url} answered a SPARQL query with something other than "
                f"SPARQL JSON results ({err}); is it a kg server?"
            ) from err
        limit = headers.get("KG-Row-Limit", "")
        if headers.get("KG-Truncated") == "true" or (limit.isdigit() and len(rows) >= int(limit)):
            raise KGError(
                f"The server at {self.url} cut a result at its row limit of {limit or '?'} rows, so the "
                "known entities or articles cannot all be read; raise KG_ROW_LIMIT on the server."
            )
        return rows


def _http_error(method: str, url: str, err: urllib.error.HTTPError) -> KGError:
    """The kg error for an HTTP error answer, with the server's own message."""
    detail = err.read(2000).decode("utf-8", "replace").strip()
    try:  # kg servers answer {"ok": false, "status": ..., "error": "..."}
        detail = str(json.loads(detail)["error"])
    except (ValueError, KeyError, TypeError):
        pass  # not a kg JSON error: show the body as it is
    said = f": {detail.rstrip('.')}" if detail else ""  # the messages below go on with a sentence of their own
    if err.code == 401:
        return Unauthorized(
            f"The server wants an update token (401 on {method} {url}){said}. "
            "Set KG_UPDATE_TOKEN (or --token) to the server's token."
        )
    if err.code == 403:
        return Forbidden(
            f"The server refused the update token (403 on {method} {url}){said}. Set KG_UPDATE_TOKEN "
            "(or --token) to the server's token, and start the server with KG_UPDATE_TOKEN set."
        )
    if err.code == 404 or err.code == 405:
        return KGError(
            f"The server has no Graph Store endpoint for {method} {url} ({err.code}){said}. "
            "Is it a kg server of this version, started with KG_UPDATE_TOKEN?"
        )
    if err.code == 413:
        return PayloadTooLarge(
            f"The server refused an article graph as too large (413 on {method} {url}){said}. "
            "Raise KG_MAX_REQUEST_BYTES on the server."
        )
    if err.code == 507:  # the server says "disk full: no space left for the store ..."
        return DiskFull(f"{detail or 'disk full'} (507 on {method} {url})")
    if 400 <= err.code < 500:
        return InvalidInput(f"The server rejected {method} {url} ({err.code}){said}.")
    return KGError(f"The server failed on {method} {url} ({err.code}){said}.")


class RemoteStore(_Server):
    """Reads the store that a running `kg serve` holds open, through its SPARQL endpoint and Graph Store Protocol:
    what `kg query`, `stats`, `eval` and `export` use while the server has the store.

    `truncated` tells whether the server cut the last query result at its KG_ROW_LIMIT.
    """

    truncated = False

    def query(self, sparql: str) -> QuerySolutions | QueryBoolean | list[Triple]:
        """The result of a query run by the server: solutions, a boolean, or triples.

        Raises:
            InvalidInput: the server rejected the query (a syntax error, with the parser's position).
            KGError: the server cannot be reached or failed.
        """
        data, headers = self._request(
            "POST", f"{self.url}/sparql", sparql.encode("utf-8"),
            {"Content-Type": "application/sparql-query", "Accept": f"{SPARQL_JSON}, {N_TRIPLES}"},
        )
        self.truncated = headers.get("KG-Truncated") == "true"
        try:
            if headers.get_content_type() == N_TRIPLES:
                return [quad.triple for quad in parse(data, RdfFormat.N_TRIPLES)]
            return parse_query_results(data, QueryResultsFormat.JSON)
        except SyntaxError as err:
            raise KGError(f"The server at {self.url} answered a query with a result that does not parse "
                          f"({err}); is it a kg server?") from err

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts of pyoxigraph terms (unbound variables omitted), like Store.select.

        Raises:
            KGError: the server cannot be reached, refused the query, or cut its result at KG_ROW_LIMIT.
        """
        result = self.query(sparql)
        if not isinstance(result, QuerySolutions):
            raise InvalidInput("Expected a SELECT query.")
        names = [v.value for v in result.variables]
        rows = [{n: row[n] for n in names if row[n] is not None} for row in result]
        if self.truncated:
            raise KGError(f"The server at {self.url} cut a result at its KG_ROW_LIMIT; raise it on the server, "
                          "or stop the server and read the store directly.")
        return rows

    def _graph(self, graph: NamedNode | None) -> list[Triple]:
        data, _ = self._request("GET", self._graph_url(graph), None, {"Accept": N_TRIPLES})
        return [quad.triple for quad in parse(data, RdfFormat.N_TRIPLES)]

    def count_quads(self) -> int:
        """The number of quads in the server's store: its named graphs and its default graph."""
        named = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(named[0]["n"].value) + len(self._graph(None))

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
