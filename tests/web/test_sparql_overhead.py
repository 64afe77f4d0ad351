"""The endpoint's cheap paths (unscanned small results, cached negotiation) keep its behaviour."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import InvalidInput, NotAcceptable
from kg.negotiation import CACHED_HEADER_CHARS, _choice, negotiate
from kg.settings import Settings, settings_from_env
from kg.sparql_syntax import remote_operations
from kg.store import Store, write_result
from kg.web.app import create_app
from tests.reliability.processes import children

ALL = "SELECT ?s ?p WHERE { ?s ?p ?o }"
TOKEN = "overhead-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
           "csv": "text/csv", "tsv": "text/tab-separated-values"}


@pytest.fixture
def big_store(tmp_path: Path) -> Iterator[Store]:
    """A store of 20,000 triples, enough for results of a few megabytes."""
    store = Store(tmp_path / "big")
    graph = NamedNode("http://reference.example/big")
    quads = [Quad(NamedNode(f"http://reference.example/n{i}"), NamedNode("http://reference.example/p"),
                  Literal("padding " * 8 + str(i)), graph) for i in range(20_000)]
    store.write_graphs([(graph, quads)])
    yield store


@pytest.fixture
def writable_client(store_path: Path) -> Iterator[FlaskClient]:
    """A test client of an app that accepts writes with AUTH."""
    app = create_app(Settings(store=str(store_path), update_token=TOKEN), TESTING=True)
    yield app.test_client()
    del app.extensions["kg"]


def _app(store: Store, tmp_path: Path, **settings: object) -> Flask:
    return create_app(Settings(store=str(tmp_path / "unused"), **settings), store=store, TESTING=True)  # type: ignore[arg-type]


def _count(fmt: str, body: bytes) -> int:
    if fmt == "json":
        return len(json.loads(body)["results"]["bindings"])
    if fmt == "xml":
        return body.count(b"<result>")
    return len(body.decode().splitlines()) - 1


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_sparql_row_limit_exact_at_the_boundary_in_every_format(store_path: Path, tmp_path: Path, fmt: str) -> None:
    store = Store(store_path)
    whole = _app(store, tmp_path).test_client().get("/sparql", query_string={"query": ALL, "format": fmt})
    total = _count(fmt, whole.data)
    assert total > 2
    for limit in (1, total - 1, total, total + 1, 10**6):
        response = _app(store, tmp_path, row_limit=limit).test_client().get(
            "/sparql", query_string={"query": ALL}, headers={"Accept": FORMATS[fmt]})
        assert response.status_code == 200
        assert _count(fmt, response.data) == min(limit, total)
        assert response.headers.get("KG-Truncated") == ("true" if limit < total else None)
        assert response.headers["KG-Row-Limit"] == str(limit)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_sparql_write_result_same_bytes_whether_scanned_or_not(big_store: Store, fmt: str) -> None:
    plain, limited = io.BytesIO(), io.BytesIO()
    assert write_result(big_store.query(ALL), plain, fmt, None) is False
    assert write_result(big_store.query(ALL), limited, fmt, 10**9) is False
    assert plain.getvalue() == limited.getvalue()
    assert len(plain.getvalue()) > 1 << 18  # past the unscanned part: the scan ran too


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_sparql_write_result_cuts_large_output_at_the_limit(big_store: Store, fmt: str) -> None:
    out = io.BytesIO()
    assert write_result(big_store.query(ALL), out, fmt, 15_000) is True
    assert _count(fmt, out.getvalue()) == 15_000


def test_sparql_large_result_streams_whole(big_store: Store, tmp_path: Path) -> None:
    client = _app(big_store, tmp_path).test_client()
    for _ in range(2):
        response = client.get("/sparql", query_string={"query": ALL, "format": "csv"})
        assert response.status_code == 200
        assert response.is_streamed
        assert _count("csv", response.get_data()) == 20_000


def test_sparql_query_processes_are_reused(client: FlaskClient) -> None:
    before = set(children(os.getpid()))  # others, like multiprocessing's resource tracker, may be there
    for _ in range(20):
        assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    assert len(set(children(os.getpid())) - before) == 1
    assert client.get("/sparql", query_string={"query": "SELECT WHERE {"}).status_code == 400
    assert len(set(children(os.getpid())) - before) <= 1


def test_sparql_query_processes_see_writes(writable_client: FlaskClient) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:g> { ?s ?p ?o } }"
    for expected in range(3):
        answer = writable_client.get("/sparql", query_string={"query": count})
        assert json.loads(answer.data)["results"]["bindings"][0]["n"]["value"] == str(expected)
        assert writable_client.post("/store?graph=urn:x:g", data=f"<urn:x:s{expected}> <urn:x:p> <urn:x:o> .",
                                    content_type="text/turtle", headers=AUTH).status_code in (201, 204)


def test_sparql_errors_found_by_the_worker_keep_their_status(client: FlaskClient) -> None:
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert client.get("/sparql", query_string={"query": construct, "format": "csv"}).status_code == 406
    assert client.get("/sparql", query_string={"query": construct},
                      headers={"Accept": "text/csv"}).status_code == 406
    bad = client.get("/sparql", query_string={"query": "SELECT WHERE {"})
    assert bad.status_code == 400 and b"syntax" in bad.data.lower()
    assert client.get("/sparql", query_string={"query": ALL}).status_code == 200


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SELECT * WHERE { SERVI\\u0043E <http://x.example/> { ?s ?p ?o } }", {"SERVICE"}),
        ("SELECT * WHERE { \u017fervice <http://x.example/> { ?s ?p ?o } }", {"SERVICE"}),
        ("LOAD <http://x.example/data.ttl>", {"LOAD"}),
        ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", set()),
        ("SELECT ?s WHERE { ?s <http://x.example/download> ?o }", set()),
    ],
)
def test_sparql_remote_keywords_found_with_escapes_and_case_folds(text: str, found: set[str]) -> None:
    assert remote_operations(text) == found


SUPPORTED = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/turtle"]
MEDIA = st.sampled_from(["*/*", "text/*", "application/*", "text/csv", "text/turtle", "text/html",
                         "application/sparql-results+xml", "application/json", "image/png"])
ENTRY = st.tuples(MEDIA, st.sampled_from(["", ";q=0", ";q=0.5", ";q=1", ";q=0.25", ";level=1"]))


@given(entries=st.lists(ENTRY, max_size=6))
def test_negotiate_cached_agrees_with_afresh(entries: list[tuple[str, str]]) -> None:
    header = ", ".join(media + param for media, param in entries)
    for _ in range(2):
        try:
            chosen: str | None = negotiate(header, SUPPORTED)
        except NotAcceptable:
            chosen = None
        assert chosen == _choice(header, SUPPORTED)


def test_negotiate_long_header_not_cached_still_chosen() -> None:
    header = ", ".join(["image/png"] * (CACHED_HEADER_CHARS // 10)) + ", text/csv;q=0.5"
    assert len(header) > CACHED_HEADER_CHARS
    assert negotiate(header, SUPPORTED) == "text/csv"
    for _ in range(2):
        with pytest.raises(NotAcceptable):
            negotiate("image/png", SUPPORTED)


def test_sparql_access_log_setting_defaults_on() -> None:
    assert settings_from_env({}).access_log is True
    assert settings_from_env({"KG_ACCESS_LOG": "0"}).access_log is False
    assert settings_from_env({"KG_ACCESS_LOG": " Off "}).access_log is False
    with pytest.raises(InvalidInput, match="KG_ACCESS_LOG"):
        settings_from_env({"KG_ACCESS_LOG": "sometimes"})
