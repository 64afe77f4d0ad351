"""The SPARQL 1.1 Protocol endpoint: /sparql (query, update, service description) and /update.

Queries are answered by the QueryRunner (kg/web/query_runner.py), within the server's limits.
"""

from __future__ import annotations

from urllib.parse import urljoin

from flask import Blueprint, Flask, Response, current_app, redirect, request
from pyoxigraph import NamedNode
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from kg.errors import InvalidInput, UnsupportedMediaType
from kg.store import convert_rdf, media_type
from kg.web.context import kg_context
from kg.web.query_runner import GRAPH_TYPES, QueryRunner, choose_format
from kg.web.security import check_update_token, refuse_remote, register_security

bp = Blueprint("sparql", __name__)

ENDPOINT_PATHS = ("/sparql", "/update", "/store", "/queries")


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
    return _app_runner().run(text, request.args.get("format"), request.headers.get("Accept"),
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
    kinds = {**GRAPH_TYPES, "html": ["text/html"]}
    name = choose_format(kinds, request.args.get("format"), request.headers.get("Accept"))
    if name == "html":
        return redirect("/query", code=303)  # a browser: the query editor is more use than RDF
    text = SERVICE_DESCRIPTION.format(update=", sd:SPARQL11Update" if settings.update_token else "")
    if not settings.allow_federation:
        text = text.replace(", sd:BasicFederatedQuery", "")
    # The endpoint is named from KG_BASE_IRI, never from the request's Host header, which a client chooses.
    body = convert_rdf(text, "turtle", name, base_iri=urljoin(context.namer.base, "sparql"))
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
