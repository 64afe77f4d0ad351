"""The stored-query catalogue: every .rq parses, /queries lists them, /queries/<name> binds parameters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kg.errors import InvalidInput
from kg.queries import QUERIES_DIR, load_queries, parse_header

NAMES = sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))


def test_queries_every_file_parses_with_a_header() -> None:
    queries = load_queries()
    assert sorted(queries) == NAMES
    assert len(queries) >= 15
    assert all(q.title and q.description for q in queries.values())


def test_queries_bad_header_fails_with_file_name(tmp_path: Path) -> None:
    (tmp_path / "broken.rq").write_text("# description: no title\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(InvalidInput, match=r"broken\.rq.*title"):
        load_queries(tmp_path)


def test_queries_unbindable_param_fails_at_load(tmp_path: Path) -> None:
    text = "# title: t\n# description: d\n# param: who (iri) — x\nSELECT ?s WHERE { ?s ?p ?who }\n"
    (tmp_path / "unbound.rq").write_text(text)
    with pytest.raises(InvalidInput, match="unbound.rq"):
        load_queries(tmp_path)


def test_queries_header_params() -> None:
    title, _, params = parse_header("x", "# title: T\n# description: D\n# param: from (date) — first day\n")
    assert title == "T"
    assert [(p.name, p.type, p.description) for p in params] == [("from", "date", "first day")]


def test_queries_listing_html_and_json(client: FlaskClient) -> None:
    page = client.get("/queries", headers={"Accept": "text/html"})
    assert page.mimetype == "text/html"
    assert b"/queries/roles_of" in page.data
    listing = client.get("/queries", headers={"Accept": "application/json"})
    assert {q["name"] for q in json.loads(listing.data)} == set(NAMES)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_queries_run_in_every_format(client: FlaskClient, fmt: str) -> None:
    response = client.get("/queries/roles_of", query_string={"person": "person/anna-keller", "format": fmt})
    assert response.status_code == 200
    assert b"Chancellor" in response.data
    assert b"Jonas Berg" not in response.data


def test_queries_param_bound_not_pasted(client: FlaskClient) -> None:
    hostile = 'keller" } UNION { ?entity ?p ?label } #'
    response = client.get("/queries/search_entities", query_string={"text": hostile, "format": "json"})
    assert response.status_code == 200
    assert json.loads(response.data)["results"]["bindings"] == []


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("roles_of_org", {"org": "place/germany"}, "Anna Keller"),
        ("events_between", {"from": "2025-03-01", "to": "2025-03-31"}, "meeting in Vienna"),
        ("events_at", {"place": "place/vienna"}, "meeting in Vienna"),
        ("sanctions_by", {"authority": "organization/treasury-department"}, "Nordlicht Energy"),
        ("sanctions_against", {"target": "organization/baltica-shipping"}, "Treasury Department"),
        ("co_mentions", {"entity": "person/anna-keller"}, "Jonas Berg"),
        ("corroborated_facts", {}, "Chancellor"),
        ("articles_by_publisher", {"publisher": "Example News"}, "Keller meets Berg in Vienna"),
        ("graph_statistics", {}, "Person"),
        ("search_entities", {"text": "KELL"}, "Anna Keller"),
    ],
)
def test_queries_answer_on_sample_graph(client: FlaskClient, name: str, params: dict[str, str], expected: str) -> None:
    response = client.get(f"/queries/{name}", query_string={**params, "format": "csv"})
    assert response.status_code == 200
    cells = {cell for row in csv.reader(io.StringIO(response.data.decode())) for cell in row}
    assert expected in cells


def test_queries_unknown_name_is_404_listing_available(client: FlaskClient) -> None:
    response = client.get("/queries/peple_by_org", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert "roles_of_org" in json.loads(response.data)["error"]


def test_queries_bad_param_is_400(client: FlaskClient) -> None:
    assert client.get("/queries/roles_of", query_string={"nobody": "x", "format": "json"}).status_code == 400
    assert client.get("/queries/events_between", query_string={"from": "March", "format": "json"}).status_code == 400
