"""The SPARQL 1.1 Protocol endpoint: /sparql (query, update, service description) and /update.

Queries are answered by the QueryRunner (kg/web/query_runner.py), within the server's limits.
"""

from __future__ import annotations

from urllib.parse import urljoin

from flask import Blueprint, Response, current_app, redirect, request
from pyoxigraph import NamedNode
from werkzeug.datastructures import ETags
from werkzeug.wrappers import Response as BaseResponse

from kg.errors import InvalidInput, UnsupportedMediaType
from kg.formats import HTML, RDF, choose_format
from kg.sparql_syntax import with_using
from kg.store import convert_rdf
from kg.web.context import kg_context
from kg.web.query_runner import QueryRunner
from kg.web.security import check_update_token, refuse_remote

bp = Blueprint("sparql", __name__)

FORMAT_PARAMETERS = ("format", "output", "results")  # SPARQLWrapper sends all three


def _one(name: str, values: list[str]) -> str | None:
    if len(values) > 1:
        raise InvalidInput(f"Expected at most one '{name}' parameter, got {len(values)}.")
    return values[0] if values else None


def _values(name: str) -> list[str]:
    """Every value of parameter `name`, from the URL and, in a form body, from the body."""
    values = request.args.getlist(name)
    if request.mimetype == "application/x-www-form-urlencoded":  # only a form body holds parameters
        values += request.form.getlist(name)
    return values


def _iris(name: str) -> list[NamedNode] | None:
    values = _values(name)
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
    default_graphs, named_graphs = _iris("default-graph-uri"), _iris("named-graph-uri")
    if named_graphs is not None and default_graphs is None:
        default_graphs = []  # named graphs alone: an empty default graph, as FROM NAMED without FROM
    return runner.run(text, requested_formats(), request.headers.get("Accept"), if_none_match=validators(),
                      default_graphs=default_graphs, named_graphs=named_graphs)


def validators() -> ETags | None:
    """The request's If-None-Match ETags, for GET and HEAD (a query sent by POST is answered in full)."""
    return request.if_none_match if request.method in ("GET", "HEAD") else None


def requested_formats() -> list[str]:
    """The formats a request names: ?format=, or ?output= and ?results= as other clients spell it."""
    return [value for name in FORMAT_PARAMETERS for value in _values(name)]


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
    using, using_named = _iris("using-graph-uri"), _iris("using-named-graph-uri")
    if using is not None or using_named is not None:
        text = with_using(text, using or [], using_named or [])
    refuse_remote(text, context.settings.allow_federation)
    _app_runner().update(text)
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
    context = kg_context()
    settings = context.settings
    fmt = choose_format((*RDF, HTML), requested_formats(), request.headers.get("Accept"))
    if fmt is HTML:
        return redirect("/query", code=303)  # a browser: the query editor is more use than RDF
    text = SERVICE_DESCRIPTION.format(update=", sd:SPARQL11Update" if settings.update_token else "")
    if not settings.allow_federation:
        text = text.replace(", sd:BasicFederatedQuery", "")
    # The endpoint is named from KG_BASE_IRI, never from the request's Host header, which a client chooses.
    body = convert_rdf(text, "turtle", fmt.name, base_iri=urljoin(context.namer.base, "sparql"))
    return Response(body, mimetype=fmt.media_type, headers={"Vary": "Accept"})
