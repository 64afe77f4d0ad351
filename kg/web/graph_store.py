"""The SPARQL 1.1 Graph Store HTTP Protocol at /store (?graph=IRI or ?default).

Reading (GET, HEAD) is open, like the query endpoint; writing (PUT, POST, DELETE)
needs `Authorization: Bearer <KG_UPDATE_TOKEN>` and is off when no token is set.
"""

from __future__ import annotations

import io

from flask import Blueprint, Response, request
from pyoxigraph import NamedNode

from kg.errors import InvalidInput, UnknownEntity, UnsupportedMediaType
from kg.store import rdf_format
from kg.web.context import kg_context
from kg.web.query_runner import choose_format
from kg.web.security import check_update_token

bp = Blueprint("graph_store", __name__)

READ_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
}
WRITE_TYPES = {**READ_TYPES, "application/x-turtle": "turtle", "text/plain": "ntriples",
               "application/json": "jsonld"}


def _target() -> NamedNode | None:
    """The graph named by ?graph=, or None for ?default."""
    graphs = request.args.getlist("graph")
    default = "default" in request.args
    if default == bool(graphs) or len(graphs) > 1:
        raise InvalidInput("Name exactly one graph: ?graph=<absolute IRI> or ?default.")
    if default:
        return None
    try:
        return NamedNode(graphs[0])
    except ValueError as err:
        raise InvalidInput(f"?graph= must be an absolute IRI: {err}") from err


@bp.route("/store", methods=["GET", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    """Read, replace, add to or delete one graph."""
    graph = _target()
    context = kg_context()
    store = context.store
    if request.method == "GET":
        if graph is not None and not store.has_graph(graph):
            raise UnknownEntity(f"There is no graph {graph.value} in the store.")
        name = choose_format({v: [k] for k, v in READ_TYPES.items()}, request.args.get("format"),
                             request.headers.get("Accept"))
        output = io.BytesIO()
        store.dump(output, rdf_format(name), graph if graph is not None else None)
        return Response(output.getvalue(), mimetype=rdf_format(name).media_type, headers={"Vary": "Accept"})
    check_update_token(context.settings, request.headers.get("Authorization"))
    if request.method == "DELETE":
        if graph is None:
            store.clear_default_graph()
        elif not store.remove_graph(graph):
            raise UnknownEntity(f"There is no graph {graph.value} in the store.")
        return Response(status=204)
    if request.mimetype not in WRITE_TYPES:
        raise UnsupportedMediaType(f"Unsupported content type {request.mimetype or '(none)'!r} for a graph. "
                                   f"Send one of: {', '.join(WRITE_TYPES)}.")
    fmt = rdf_format(WRITE_TYPES[request.mimetype])
    created = store.write_graph(graph, request.get_data(), fmt, replace=request.method == "PUT")
    return Response(status=201 if created else 204)
