"""The endpoint through a real `kg serve` process, driven by real SPARQL clients and curl."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

from tests.conftest import start_server

PERSONS = "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT DISTINCT ?p WHERE { ?p a kg:Person } ORDER BY ?p"
TOKEN = "live-token-93"
# Every triple against every triple against every triple: far too slow to count within one second.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _serve(store_path: Path, env: dict[str, str]) -> Iterator[str]:
    proc, url = start_server(store_path, env)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    if proc.stderr is not None:
        proc.stderr.close()


@pytest.fixture
def server(store_path: Path) -> Iterator[str]:
    """A real server with the default settings."""
    yield from _serve(store_path, {})


@pytest.fixture
def token_server(store_path: Path) -> Iterator[str]:
    """A real server with KG_UPDATE_TOKEN set."""
    yield from _serve(store_path, {"KG_UPDATE_TOKEN": TOKEN})


@pytest.fixture
def quick_server(store_path: Path) -> Iterator[str]:
    """A real server with a one-second query time limit."""
    yield from _serve(store_path, {"KG_QUERY_TIMEOUT": "1"})


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparql_live_sparqlwrapper_select(server: str, fmt: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(PERSONS)
    client.setReturnFormat(fmt)
    result = client.query().convert()
    if fmt == JSON:
        assert len(result["results"]["bindings"]) == 2
    elif fmt == XML:
        assert len(result.getElementsByTagName("result")) == 2
    else:
        assert len(result.decode().strip().splitlines()) == 3


def test_sparql_live_sparqlwrapper_construct(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("PREFIX kg: <https://w3id.org/kg-news/ns#> CONSTRUCT WHERE { ?p a kg:Person }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) == 2


def test_sparql_live_rdflib_sparqlstore(server: str) -> None:
    store = SPARQLStore(server + "/sparql")
    rows = list(store.query(PERSONS))
    assert len(rows) == 2


def test_sparql_live_rdflib_update_store_with_token(token_server: str) -> None:
    store = SPARQLUpdateStore(token_server + "/sparql", token_server + "/update",
                              auth=None, headers={"Authorization": f"Bearer {TOKEN}"})
    subject = URIRef("http://reference.example/thing")
    store.add((subject, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("A thing")))
    rows = list(store.query("SELECT ?l WHERE { <http://reference.example/thing> ?p ?l }"))
    assert [str(row[0]) for row in rows] == ["A thing"]


def test_sparql_live_curl(server: str) -> None:
    out = subprocess.run(
        ["curl", "-sS", "-H", "Accept: text/csv", "--data-urlencode", f"query={PERSONS}", server + "/sparql"],
        check=True, capture_output=True, text=True, timeout=30,
    ).stdout
    assert out.splitlines()[0] == "p"
    assert len(out.strip().splitlines()) == 3


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_sparql_live_time_limit_answers_503_then_serves_others(quick_server: str) -> None:
    started = time.monotonic()
    status, body = _get(quick_server + "/sparql?" + urllib.parse.urlencode({"query": HEAVY}))
    assert status == 503
    assert b"KG_QUERY_TIMEOUT" in body
    assert time.monotonic() - started < 5
    status, body = _get(quick_server + "/sparql?" + urllib.parse.urlencode({"query": PERSONS}))
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 2


def _request(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        err.close()
        return err.code


def test_sparql_live_graph_store_round_trip(token_server: str) -> None:
    url = token_server + "/store?" + urllib.parse.urlencode({"graph": "http://reference.example/g"})
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"}
    turtle = b'<http://reference.example/a> <http://www.w3.org/2000/01/rdf-schema#label> "Alpha" .\n'
    assert _request("PUT", url, turtle, {"Content-Type": "text/turtle"}) == 401
    assert _request("PUT", url, turtle, auth) == 201
    status, body = _get(url)
    assert status == 200 and b'"Alpha"' in body
    assert _request("DELETE", url, None, auth) == 204
    assert _get(url)[0] == 404
