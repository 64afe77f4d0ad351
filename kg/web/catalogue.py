"""The stored-query catalogue: /queries lists queries/*.rq, /queries/<name> runs one with bound parameters."""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, jsonify, render_template_string, request

from kg.errors import NotAcceptable
from kg.formats import HTML, JSON_DOCUMENT, RDF, RESULTS, Format, choose_format
from kg.queries import StoredQuery, get_query
from kg.sparql_syntax import query_form
from kg.web.context import kg_context
from kg.web.pages import entity_link
from kg.web.query_runner import QueryRunner
from kg.web.sparql import validators

bp = Blueprint("catalogue", __name__)

LIST_PAGE = """{% extends "base.html" %}{% block title %}Stored queries{% endblock %}
{% block main %}<h1>Stored queries</h1>
<p>Run each in any format that fits it: add <code>?format=html</code> for a table in the page,
<code>?format=json</code> (xml, csv, tsv; turtle, ntriples, jsonld, rdfxml for graphs) or send an Accept header.
Parameters are bound as variables from the URL.</p>
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
<label>Format <select name="format">{% for f in formats %}<option value="{{ f.name }}"
{%- if f.name == chosen %} selected{% endif %}>{{ f.title }}</option>{% endfor %}</select></label>
<button type="submit">Run</button></form>
{% if table %}<section class="query-results" aria-labelledby="results-h"><h2 id="results-h">Results
<span class="count">({{ table.rows|length }} row{{ "" if table.rows|length == 1 else "s" }}{% if table.truncated %},
cut at KG_ROW_LIMIT{% endif %})</span></h2>
{% if table.boolean is not none %}<p class="boolean">{{ "true" if table.boolean else "false" }}</p>{% else %}
<table class="kg-results"><thead><tr>{% for v in table.vars %}<th>{{ v }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in table.rows %}<tr>{% for cell in row %}<td>
{%- if cell.href %}<a href="{{ cell.href }}">{{ cell.text }}</a>{%- else %}{{ cell.text }}{% endif %}</td>
{%- endfor %}</tr>{% endfor %}</tbody></table>{% endif %}</section>{% endif %}
<p><a href="/query?stored={{ q.name }}">Open in the query editor</a></p>
<pre class="sparql">{{ q.text }}</pre>{% endblock %}"""
TABLE = Format("html", "HTML table", ("text/html",))  # a results table in the page, for a browser


def _queries() -> dict[str, StoredQuery]:
    queries: dict[str, StoredQuery] = current_app.extensions["kg_queries"]
    return queries


def _wants_html() -> bool:
    """Whether the client prefers the HTML page to JSON (on a tie, JSON); a client accepting neither gets JSON."""
    if request.args.get("format"):
        return False
    try:
        return choose_format((JSON_DOCUMENT, HTML), (), request.headers.get("Accept")) is HTML
    except NotAcceptable:
        return False


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


def formats_of(query: StoredQuery) -> tuple[Format, ...]:
    """The formats a stored query can be answered in, by its form: results formats for SELECT and ASK (and the
    HTML table), RDF formats for CONSTRUCT and DESCRIBE."""
    form = query_form(query.text)
    if form in ("SELECT", "ASK"):
        return (TABLE, *RESULTS)
    return RDF if form is not None else (*RESULTS, *RDF)


@bp.route("/queries/<name>", methods=["GET", "POST"])
def run_query(name: str) -> Response | str:
    """Run a stored query with parameters from the URL, in the format asked for.

    A browser gets the form, and with ?format=html (the form's first choice) the results as a table under it.
    """
    query = get_query(_queries(), name)
    values = {k: v for k, v in request.values.items() if k != "format"}
    bindings = query.bindings(values, kg_context().namer)
    formats = formats_of(query)
    runner: QueryRunner = current_app.extensions["kg_sparql"]
    table_asked = request.args.get("format") == TABLE.name and TABLE in formats
    if table_asked or (_wants_html() and request.method == "GET"):
        table = _table(runner.run(query.text, ["json"], None, bindings=bindings)) if table_asked else None
        return render_template_string(QUERY_PAGE, q=query, values=values, formats=formats, table=table,
                                      chosen=request.args.get("format", formats[0].name))
    return runner.run(query.text, request.args.getlist("format"), request.headers.get("Accept"),
                      if_none_match=validators(), bindings=bindings)


@dataclass
class Table:
    """SELECT results (or an ASK answer) to show in a page, IRIs of this graph linked to their pages."""

    vars: list[str]
    rows: list[list[dict[str, str]]]
    boolean: bool | None
    truncated: bool


def _table(response: Response) -> Table:
    answer = json.loads(response.get_data())
    truncated = response.headers.get("KG-Truncated") == "true"
    if "boolean" in answer:
        return Table([], [], bool(answer["boolean"]), truncated)
    names = answer["head"]["vars"]
    rows = [[_cell(row.get(name)) for name in names] for row in answer["results"]["bindings"]]
    return Table(names, rows, None, truncated)


def _cell(term: dict[str, str] | None) -> dict[str, str]:
    if term is None:
        return {"text": ""}
    value = term["value"]
    if term["type"] == "uri":
        link = entity_link(value)
        if link is not None:
            return {"text": link["label"], "href": link["href"]}
        base = kg_context().namer.base
        if value.startswith(base):  # an article or a fact of this graph: its IRI dereferences here
            return {"text": value, "href": "/" + value[len(base):]}
    return {"text": value}
