"""The SPARQL 1.1 Graph Store HTTP Protocol at /store (?graph=IRI or ?default).

Reading (GET, HEAD) is open, like the query endpoint; writing (PUT, POST, DELETE)
needs `Authorization: Bearer <KG_UPDATE_TOKEN>` and is off when no token is set.
"""

from __future__ import annotations

import io

from flask import Blueprint, Response, request
from pyoxigraph import DefaultGraph, NamedNode

from kg.errors import InvalidInput, UnknownEntity, UnsupportedMediaType
from kg.formats import GRAPH_FORMATS, choose_format
from kg.store import rdf_format
from kg.web.context import kg_context
from kg.web.security import check_update_token

bp = Blueprint("graph_store", __name__)

# Media types a graph is accepted in: those of the format table, and N-Triples' older text/plain.
WRITE_TYPES = {**{media: f.name for f in GRAPH_FORMATS for media in f.media_types}, "text/plain": "ntriples"}


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
        fmt = choose_format(GRAPH_FORMATS, request.args.getlist("format"), request.headers.get("Accept"))
        output = io.BytesIO()
        store.dump(output, rdf_format(fmt.name), graph if graph is not None else DefaultGraph())
        return Response(output.getvalue(), mimetype=fmt.media_type, headers={"Vary": "Accept"})
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
