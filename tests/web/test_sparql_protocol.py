"""The SPARQL 1.1 Protocol at /sparql through the Flask test client over a real on-disk store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.settings import Settings as KGSettings
from kg.web.app import create_app

PERSONS = "SELECT ?p WHERE { ?p a kg:Person } ORDER BY ?p"
TOKEN = "test-token-7c1f"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writable(store_path: Path) -> Iterator[FlaskClient]:
    """A client of an app with KG_UPDATE_TOKEN set and a small request size limit."""
    app: Flask = create_app(KGSettings(store=str(store_path), update_token=TOKEN, max_request_bytes=4096),
                            TESTING=True)
    yield app.test_client()
    del app.extensions["kg"]


def _rows(response_data: bytes) -> list[dict[str, dict[str, str]]]:
    rows: list[dict[str, dict[str, str]]] = json.loads(response_data)["results"]["bindings"]
    return rows


def test_sparql_get_query_answers_json_by_default(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": PERSONS})
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert {row["p"]["value"].rsplit("/", 1)[1] for row in _rows(response.data)} == {"anna-keller", "jonas-berg"}


def test_sparql_post_form_and_direct_agree(client: FlaskClient) -> None:
    form = client.post("/sparql", data={"query": PERSONS})
    direct = client.post("/sparql", data=PERSONS, content_type="application/sparql-query")
    assert form.status_code == direct.status_code == 200
    assert form.data == direct.data


@pytest.mark.parametrize(
    ("accept", "fmt", "mimetype"),
    [
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv", None, "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.5", None, "application/sparql-results+xml"),
        ("text/html", "csv", "text/csv"),
        (None, "tsv", "text/tab-separated-values"),
    ],
)
def test_sparql_select_formats(client: FlaskClient, accept: str | None, fmt: str | None, mimetype: str) -> None:
    response = client.get("/sparql", query_string={"query": PERSONS, **({"format": fmt} if fmt else {})},
                          headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert b"anna-keller" in response.data


@pytest.mark.parametrize(
    ("accept", "mimetype"),
    [(None, "text/turtle"), ("application/n-triples", "application/n-triples"),
     ("application/ld+json", "application/ld+json"), ("application/rdf+xml", "application/rdf+xml"),
     ("application/n-quads", "application/n-quads"), ("application/trig", "application/trig")],
)
def test_sparql_construct_formats(client: FlaskClient, accept: str | None, mimetype: str) -> None:
    query = "CONSTRUCT WHERE { ?p a kg:Person ; rdfs:label ?l }"
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert b"Anna Keller" in response.data


def test_sparql_ask_answers_boolean(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "ASK { ?p a kg:Person }"})
    assert json.loads(response.data)["boolean"] is True


def test_sparql_relative_iris_resolve_against_base_iri(client: FlaskClient) -> None:
    query = "SELECT DISTINCT ?l WHERE { <entity/person/anna-keller> rdfs:label ?l }"
    response = client.get("/sparql", query_string={"query": query})
    assert [row["l"]["value"] for row in _rows(response.data)] == ["Anna Keller"]


def test_sparql_named_graph_uri_restricts_dataset(client: FlaskClient) -> None:
    graph = "http://127.0.0.1:5000/article/keller-speech"
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", query_string={"query": query, "named-graph-uri": graph})
    assert [row["g"]["value"] for row in _rows(response.data)] == [graph]
    response = client.get("/sparql", query_string={"query": "SELECT ?e WHERE { ?e a kg:Place }",
                                                   "default-graph-uri": graph})
    assert [row["e"]["value"].rsplit("/", 1)[1] for row in _rows(response.data)] == ["germany"]


def test_sparql_syntax_error_is_400_with_parser_message(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert b"syntax error" in response.data and b"1:" in response.data


def test_sparql_two_queries_is_400(client: FlaskClient) -> None:
    response = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert response.status_code == 400
    assert b"at most one 'query'" in response.data


def test_sparql_wrong_method_is_405_with_allow(client: FlaskClient) -> None:
    response = client.put("/sparql", data=PERSONS)
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert response.data.startswith(b"405")


def test_sparql_unacceptable_accept_is_406(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": PERSONS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert b"Available: application/sparql-results+json" in response.data


def test_sparql_unsupported_content_type_is_415(client: FlaskClient) -> None:
    response = client.post("/sparql", data=PERSONS, content_type="text/plain")
    assert response.status_code == 415


def test_sparql_oversized_request_is_413_with_body(writable: FlaskClient) -> None:
    response = writable.post("/sparql", data="#" * 10_000 + "\nASK {}", content_type="application/sparql-query")
    assert response.status_code == 413
    assert b"KG_MAX_REQUEST_BYTES" in response.data


def test_sparql_service_description(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    assert b"sparql-service-description#Service" in response.data
    assert client.get("/sparql", headers={"Accept": "application/ld+json"}).mimetype == "application/ld+json"
    assert client.head("/sparql").status_code == 200


def test_sparql_cors_preflight(client: FlaskClient) -> None:
    response = client.options("/sparql", headers={
        "Origin": "http://tool.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_sparql_update_disabled_without_token_is_403(client: FlaskClient) -> None:
    response = client.post("/update", data="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                           content_type="application/sparql-update")
    assert response.status_code == 403
    assert b"KG_UPDATE_TOKEN" in response.data


def test_sparql_update_without_credentials_is_401(writable: FlaskClient) -> None:
    response = writable.post("/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_sparql_update_wrong_token_is_403(writable: FlaskClient) -> None:
    response = writable.post("/update", data="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                             content_type="application/sparql-update", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 403


def test_sparql_update_with_token_writes(writable: FlaskClient) -> None:
    response = writable.post("/update", data="INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }",
                             content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 204
    ask = writable.get("/sparql", query_string={"query": "ASK { <urn:a> <urn:b> 'c' }"})
    assert json.loads(ask.data)["boolean"] is True


@pytest.mark.parametrize(("update", "expected"), [
    # a brace and the word WHERE inside a string or a comment are not the operation's
    ("INSERT { GRAPH <urn:out> { ?p <urn:said> '} where {' } } # where\nWHERE { ?p a kg:Person }", 1),
    # DELETE WHERE takes no dataset: the parameter leaves it alone; the INSERT after it gets it
    ("DELETE WHERE { <urn:none> ?p ?o } ; "
     "INSERT { GRAPH <urn:out> { ?p <urn:said> 'x' } } where { ?p a kg:Person }", 1),
])
def test_sparql_update_using_graph_uri_reads_only_that_graph(writable: FlaskClient, update: str,
                                                             expected: int) -> None:
    graph = "http://127.0.0.1:5000/article/keller-speech"  # holds one person of the two
    response = writable.post("/update", query_string={"using-graph-uri": graph}, data="PREFIX kg: "
                             "<https://w3id.org/kg-news/ns#> " + update, content_type="application/sparql-update",
                             headers=AUTH)
    assert response.status_code == 204, response.data
    count = writable.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { GRAPH <urn:out> { ?s ?p ?o } }"})
    assert _rows(count.data)[0]["n"]["value"] == str(expected)


def test_sparql_update_own_using_with_using_graph_uri_is_400(writable: FlaskClient) -> None:
    response = writable.post("/update", query_string={"using-graph-uri": "urn:g"}, headers=AUTH,
                             data="INSERT { ?s ?p ?o } USING <urn:h> WHERE { ?s ?p ?o }",
                             content_type="application/sparql-update")
    assert response.status_code == 400
    assert b"USING" in response.data


def test_sparql_update_via_get_is_refused(writable: FlaskClient) -> None:
    response = writable.get("/sparql", query_string={"update": "CLEAR ALL"}, headers=AUTH)
    assert response.status_code == 400
    assert writable.get("/update", query_string={"update": "CLEAR ALL"}, headers=AUTH).status_code == 405


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_sparql_service_refused(client: FlaskClient, text: str) -> None:
    response = client.get("/sparql", query_string={"query": text})
    assert response.status_code == 403
    assert b"KG_ALLOW_FEDERATION" in response.data


def test_sparql_service_word_in_strings_is_fine(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "ASK { FILTER('SERVICE LOAD' != '') }"})
    assert response.status_code == 200


def test_sparql_load_refused(writable: FlaskClient) -> None:
    response = writable.post("/update", data="LOAD <http://example.org/data.ttl>",
                             content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 403


def test_sparql_row_limit_cuts_and_says_so(store_path: Path) -> None:
    app = create_app(KGSettings(store=str(store_path), row_limit=2), TESTING=True)
    response = app.test_client().get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.headers["KG-Truncated"] == "true"
    assert response.headers["KG-Row-Limit"] == "2"
    assert len(_rows(response.data)) == 2
    del app.extensions["kg"]


def test_sparql_html_pages_carry_security_headers(client: FlaskClient) -> None:
    response = client.get("/query")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_sparql_large_result_streams(tmp_path: Path) -> None:
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.store import Store

    store = Store(tmp_path / "big")
    graph = NamedNode("http://reference.example/big")
    quads = [Quad(NamedNode(f"http://reference.example/n{i}"), NamedNode("http://reference.example/p"),
                  Literal("padding " * 8 + str(i)), graph) for i in range(20_000)]
    store.write_graphs([(graph, quads)])
    app = create_app(KGSettings(store=str(tmp_path / "x")), store=store, TESTING=True)
    response = app.test_client().get("/sparql", query_string={"query": "SELECT ?s ?o WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.is_streamed
    assert len(_rows(response.get_data())) == 20_000
    del app.extensions["kg"]


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("SELECT ?service WHERE { ?s ex:service ?service }", False),
        ("SELECT * WHERE { ?s <http://x.example/SERVICE> ?o } # SERVICE <http://x>", False),
        ('SELECT * WHERE { ?s ?p """\nLOAD <http://x>\n""" }', False),
        ("select * where { service <http://x.example/sparql> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } }", True),
    ],
)
def test_sparql_remote_keywords_found_outside_strings(text: str, refused: bool) -> None:
    from kg.sparql_syntax import remote_operations

    assert bool(remote_operations(text)) is refused


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_sparql_malformed_input_never_500(client: FlaskClient, body: bytes) -> None:
    direct = client.post("/sparql", data=body, content_type="application/sparql-query")
    assert 200 <= direct.status_code < 500 and direct.data
    text = body.decode("utf-8", "replace")
    form = client.get("/sparql", query_string={"query": text, "default-graph-uri": text})
    assert 200 <= form.status_code < 500 and form.data
