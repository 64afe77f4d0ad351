"""The query editor page at /query: a SPARQL text area, a results table with links, downloads in each format."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from kg.ontology import PREFIXES
from kg.queries import StoredQuery, get_query
from kg.web.context import kg_context
from kg.web.security import EDITOR_CSP

bp = Blueprint("editor", __name__)

EXAMPLE = """# The default graph is the union of every article's graph, so a fact that several articles report (and each
# name they give) matches once per article: DISTINCT keeps one row of each.
SELECT DISTINCT ?person ?personLabel ?roleLabel ?orgLabel WHERE {
  ?role a kg:Role ; org:member ?person ; kg:roleTitle ?roleLabel .
  ?person rdfs:label ?personLabel .
  OPTIONAL { ?role org:organization/rdfs:label ?orgLabel }
}
ORDER BY ?personLabel
LIMIT 100"""


def prefix_block() -> str:
    """PREFIX lines for every namespace of the ontology."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


@bp.route("/query")
def query_editor() -> Response:
    """YASGUI, pre-filled with ?query=, a stored query (?stored=name) or an example."""
    response = Response(_editor(yasgui=True), mimetype="text/html")
    response.headers["Content-Security-Policy"] = EDITOR_CSP
    return response


@bp.route("/query/simple")
def simple_editor() -> str:
    """A small dependency-free editor with the same features, for when YASGUI is not wanted."""
    return _editor(yasgui=False)


def _editor(*, yasgui: bool) -> str:
    text = request.args.get("query")
    stored = request.args.get("stored")
    if stored:
        queries: dict[str, StoredQuery] = current_app.extensions["kg_queries"]
        text = get_query(queries, stored).text
    if not text:
        text = prefix_block() + "\n" + EXAMPLE
    base = kg_context().namer.base
    config = {"endpoint": "/sparql", "query": text, "base": base, "prefixes": PREFIXES}
    return render_template("query.html", query=text, base=base, yasgui=yasgui, config=config)
