"""The SPARQL 1.1 Protocol endpoint at /sparql (queries; minimal first version)."""

from __future__ import annotations

from flask import Blueprint, Response, request
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

from kg.errors import InvalidInput, NotAcceptable, UnsupportedMediaType
from kg.web.context import kg_context

bp = Blueprint("sparql", __name__)

RESULT_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}


def _query_text() -> str:
    if request.method == "GET":
        queries = request.args.getlist("query")
    elif request.mimetype == "application/x-www-form-urlencoded":
        queries = request.form.getlist("query")
    elif request.mimetype == "application/sparql-query":
        queries = [request.get_data(as_text=True)]
    else:
        raise UnsupportedMediaType(
            f"Unsupported content type {request.mimetype!r}; send application/sparql-query "
            "or application/x-www-form-urlencoded."
        )
    if len(queries) != 1:
        raise InvalidInput(f"Expected exactly one 'query' parameter, got {len(queries)}.")
    return queries[0]


def _negotiate(types: dict[str, object], default: str) -> str:
    if not request.accept_mimetypes or request.accept_mimetypes.best == "*/*":
        return default
    best = request.accept_mimetypes.best_match(list(types))
    if best is None:
        raise NotAcceptable(f"Cannot produce any of {request.headers.get('Accept')}; available: {', '.join(types)}.")
    return best


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Answer one SPARQL query in the format the client accepts."""
    result = kg_context().store.query(_query_text())
    if isinstance(result, QuerySolutions | QueryBoolean):
        mimetype = _negotiate(RESULT_TYPES, "application/sparql-results+json")
        body = result.serialize(format=RESULT_TYPES[mimetype])
    else:
        mimetype = _negotiate(GRAPH_TYPES, "text/turtle")
        body = serialize(result, format=GRAPH_TYPES[mimetype])
    return Response(body, mimetype=mimetype)
