"""The Graph Store HTTP Protocol at /store through the test client over a real on-disk store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kg.settings import Settings
from kg.web.app import create_app

TOKEN = "gsp-token-51"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GRAPH = "http://reference.example/graph/ministries"
TURTLE = b"""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://reference.example/ministry/finance> rdfs:label "Ministry of Finance" .
"""


@pytest.fixture
def writable(store_path: Path) -> Iterator[FlaskClient]:
    """A client of an app with KG_UPDATE_TOKEN set."""
    app = create_app(Settings(store=str(store_path), update_token=TOKEN), TESTING=True)
    yield app.test_client()
    del app.extensions["kg"]


def test_graph_store_round_trip(writable: FlaskClient) -> None:
    put = writable.put("/store", query_string={"graph": GRAPH}, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert put.status_code == 201
    got = writable.get("/store", query_string={"graph": GRAPH}, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200
    assert got.mimetype == "application/n-triples"
    assert b'"Ministry of Finance"' in got.data
    again = writable.put("/store", query_string={"graph": GRAPH}, data=TURTLE.replace(b"Finance", b"Money"),
                         content_type="text/turtle", headers=AUTH)
    assert again.status_code == 204
    assert b"Money" in writable.get("/store", query_string={"graph": GRAPH}).data
    assert b"Finance" not in writable.get("/store", query_string={"graph": GRAPH}).data
    post = writable.post("/store", query_string={"graph": GRAPH}, data=TURTLE, content_type="text/turtle",
                         headers=AUTH)
    assert post.status_code == 204
    assert b"Finance" in writable.get("/store", query_string={"graph": GRAPH}).data
    assert writable.delete("/store", query_string={"graph": GRAPH}, headers=AUTH).status_code == 204
    assert writable.get("/store", query_string={"graph": GRAPH}).status_code == 404


def test_graph_store_default_graph(writable: FlaskClient) -> None:
    put = writable.put("/store?default", data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert put.status_code == 204
    assert b"Ministry of Finance" in writable.get("/store?default").data
    assert writable.delete("/store?default", headers=AUTH).status_code == 204
    assert b"Ministry of Finance" not in writable.get("/store?default").data


def test_graph_store_reads_article_graph(client: FlaskClient) -> None:
    response = client.get("/store", query_string={"graph": "http://127.0.0.1:5000/article/keller-vienna"})
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": "Basic abc"}, 401)],
)
def test_graph_store_write_needs_token(writable: FlaskClient, headers: dict[str, str], status: int) -> None:
    response = writable.put("/store", query_string={"graph": GRAPH}, data=TURTLE, content_type="text/turtle",
                            headers=headers)
    assert response.status_code == status


def test_graph_store_write_disabled_without_token(client: FlaskClient) -> None:
    response = client.delete("/store", query_string={"graph": "http://127.0.0.1:5000/article/keller-vienna"},
                             headers=AUTH)
    assert response.status_code == 403


def test_graph_store_bad_requests(writable: FlaskClient) -> None:
    assert writable.get("/store").status_code == 400
    assert writable.get("/store", query_string={"graph": "not an iri"}).status_code == 400
    bad_type = writable.put("/store?default", data=b"x", content_type="image/png", headers=AUTH)
    assert bad_type.status_code == 415
    bad_body = writable.put("/store?default", data=b"<a> <b", content_type="text/turtle", headers=AUTH)
    assert bad_body.status_code == 400
    assert b"Turtle" in bad_body.data or b"turtle" in bad_body.data.lower()
