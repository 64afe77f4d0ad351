"""The stored-query catalogue: /queries lists queries/*.rq, /queries/<name> runs one with bound parameters."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template_string, request

from kg.formats import RDF, RESULTS
from kg.negotiation import negotiate
from kg.queries import StoredQuery, get_query
from kg.web.context import kg_context
from kg.web.query_runner import QueryRunner

bp = Blueprint("catalogue", __name__)

LIST_PAGE = """{% extends "base.html" %}{% block title %}Stored queries{% endblock %}
{% block main %}<h1>Stored queries</h1>
<p>Run each in any format: add <code>?format=json</code> (xml, csv, tsv; turtle, ntriples, jsonld, rdfxml for
graphs) or send an Accept header. Parameters are bound as variables from the URL.</p>
<dl class="queries">{% for q in queries %}
<dt><a href="/queries/{{ q.name }}">{{ q.name }}</a> — {{ q.title }}</dt>
<dd>{{ q.description }}{% if q.params %}<br>Parameters: {% for p in q.params %}<code>{{ p.name }}</code>
({{ p.type }}{% if p.description %}: {{ p.description }}{% endif %}){% if not loop.last %}, {% endif %}
{% endfor %}{% endif %}</dd>{% endfor %}</dl>{% endblock %}"""
QUERY_PAGE = """{% extends "base.html" %}{% block title %}{{ q.title }}{% endblock %}
{% block main %}<h1>{{ q.title }}</h1><p>{{ q.description }}</p>
<form method="get" action="/queries/{{ q.name }}">
{% for p in q.params %}<label>{{ p.name }} ({{ p.type }}) <input name="{{ p.name }}"
 value="{{ values.get(p.name, '') }}" placeholder="{{ p.description }}"></label><br>{% endfor %}
<label>Format <select name="format">{% for f in formats %}<option>{{ f }}</option>{% endfor %}</select></label>
<button type="submit">Run</button></form>
<p><a href="/query?stored={{ q.name }}">Open in the query editor</a></p>
<pre class="sparql">{{ q.text }}</pre>{% endblock %}"""


def _queries() -> dict[str, StoredQuery]:
    queries: dict[str, StoredQuery] = current_app.extensions["kg_queries"]
    return queries


def _wants_html() -> bool:
    if request.args.get("format"):
        return False
    best = negotiate(request.headers.get("Accept"), ["application/json", "text/html", "*/*"])
    return best == "text/html"


@bp.route("/queries")
def queries() -> Response | str:
    """The catalogue as HTML, or as JSON for `Accept: application/json` or ?format=json."""
    items = sorted(_queries().values(), key=lambda q: q.name)
    if request.args.get("format") == "json" or not _wants_html():
        return jsonify([
            {"name": q.name, "title": q.title, "description": q.description, "url": f"/queries/{q.name}",
             "params": [{"name": p.name, "type": p.type, "description": p.description} for p in q.params]}
            for q in items
        ])
    return render_template_string(LIST_PAGE, queries=items)


@bp.route("/queries/<name>", methods=["GET", "POST"])
def run_query(name: str) -> Response | str:
    """Run a stored query with parameters from the URL, in the format asked for (HTML: a form)."""
    query = get_query(_queries(), name)
    values = {k: v for k, v in request.values.items() if k != "format"}
    bindings = query.bindings(values, kg_context().namer)
    if _wants_html() and request.method == "GET":
        formats = [f.name for f in (*RESULTS, *RDF)]
        return render_template_string(QUERY_PAGE, q=query, values=values, formats=formats)
    runner: QueryRunner = current_app.extensions["kg_sparql"]
    return runner.run(query.text, request.args.getlist("format"), request.headers.get("Accept"), bindings=bindings)
