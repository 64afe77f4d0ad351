"""HTML pages: home, entity and article pages, with linked-data content negotiation."""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, render_template, request
from pyoxigraph import NamedNode, serialize

from kg.errors import UnknownEntity
from kg.store import rdf_format
from kg.web.context import kg_context

bp = Blueprint("pages", __name__)

KEY = re.compile(r"^[a-z]+/[A-Za-z0-9._-]+$")
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "ntriples", "application/ld+json": "jsonld"}

COUNTS = """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?type { kg:Person kg:Organization kg:Place kg:Event kg:Article kg:Role kg:Sanction } ?e a ?type
} GROUP BY ?type"""
ENTITY = """SELECT ?e ?label (GROUP_CONCAT(DISTINCT STRAFTER(STR(?type), STR(kg:)); SEPARATOR=", ") AS ?types)
WHERE { ?e rdfs:label ?label ; a ?type } GROUP BY ?e ?label"""
FACTS = """SELECT ?e ?fact ?kind ?p ?other ?otherLabel ?title ?date ?article ?headline ?sentence WHERE {
  GRAPH ?article {
    ?fact ?p ?e ; a ?kindClass ; kg:evidence/kg:sentence ?sentence .
    VALUES ?kindClass { kg:Role kg:Event kg:Sanction }
    BIND(STRAFTER(STR(?kindClass), STR(kg:)) AS ?kind)
    OPTIONAL { ?fact kg:roleTitle ?title }
    OPTIONAL { ?fact rdfs:label ?title }
    OPTIONAL { ?fact kg:date ?date }
    OPTIONAL { ?fact ?q ?other . ?other rdfs:label ?otherLabel . FILTER(?other != ?e && ?q != kg:evidence) }
    OPTIONAL { ?article schema:headline ?headline }
  }
} ORDER BY ?kind ?title"""
ARTICLE = """SELECT ?a ?headline ?url ?published ?publisher ?text WHERE {
  GRAPH ?a { ?a schema:text ?text .
    OPTIONAL { ?a schema:headline ?headline } OPTIONAL { ?a schema:url ?url }
    OPTIONAL { ?a schema:datePublished ?published } OPTIONAL { ?a schema:publisher ?publisher } } }"""
ARTICLE_FACTS = """SELECT ?a ?fact ?kind ?subject ?subjectLabel ?title ?sentence WHERE {
  GRAPH ?a { ?fact prov:wasDerivedFrom ?a ; a ?kindClass ; kg:evidence/kg:sentence ?sentence .
    VALUES ?kindClass { kg:Role kg:Event kg:Sanction }
    BIND(STRAFTER(STR(?kindClass), STR(kg:)) AS ?kind)
    OPTIONAL { ?fact org:member|kg:target ?subject . ?subject rdfs:label ?subjectLabel }
    OPTIONAL { ?fact kg:roleTitle|rdfs:label ?title } } } ORDER BY ?kind ?subjectLabel"""


def _rdf_requested() -> str | None:
    fmt = request.args.get("format")
    if fmt:
        return fmt
    best = request.accept_mimetypes.best_match(["text/html", *RDF_TYPES])
    return RDF_TYPES.get(best or "text/html")


def _rdf_response(node: NamedNode, fmt: str) -> Response:
    quads = kg_context().store.describe(node)
    rdf = rdf_format(fmt)
    triples = list(dict.fromkeys(q.triple for q in quads))
    mimetype = rdf.media_type
    return Response(serialize(triples, format=rdf), mimetype=mimetype)


def _values(rows: list[dict[str, object]]) -> list[dict[str, str]]:
    return [{k: getattr(v, "value", str(v)) for k, v in row.items()} for row in rows]


@bp.route("/")
def home() -> str:
    """What the graph holds."""
    counts = {row["type"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in kg_context().store.select(COUNTS)}
    return render_template("index.html", counts=counts)


@bp.route("/entity/<path:key>")
def entity(key: str) -> Response | str:
    """An entity page; Turtle, N-Triples or JSON-LD by Accept header or ?format=."""
    if not KEY.match(key):
        abort(404)
    context = kg_context()
    node = context.namer.entity(key)
    fmt = _rdf_requested()
    if fmt:
        return _rdf_response(node, fmt)
    info = context.store.select(ENTITY, e=node)
    if not info:
        raise UnknownEntity(f"No entity {key!r} in the graph.")
    facts = _values(context.store.select(FACTS, e=node))
    return render_template("entity.html", key=key, iri=node.value, info=_values(info)[0], facts=facts,
                           namer=context.namer)


@bp.route("/article/<doc_id>")
def article(doc_id: str) -> Response | str:
    """An article page: metadata, text and the facts drawn from it."""
    context = kg_context()
    node = context.namer.article(doc_id)
    fmt = _rdf_requested()
    if fmt:
        return _rdf_response(node, fmt)
    rows = context.store.select(ARTICLE, a=node)
    if not rows:
        raise UnknownEntity(f"No article {doc_id!r} in the graph.")
    facts = _values(context.store.select(ARTICLE_FACTS, a=node))
    return render_template("article.html", doc_id=doc_id, article=_values(rows)[0], facts=facts,
                           namer=context.namer)
