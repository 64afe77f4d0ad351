"""Real SPARQL clients against a real `kg serve` over an on-disk store: every return format SPARQLWrapper
offers for every query form it allows, and the protocol's dataset parameters on queries and updates."""

from __future__ import annotations

import gc
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.ontology import Namer
from kg.store import Store
from tests.conftest import start_server, stop_server
from tests.graph_fixture import fill_store

KG = "PREFIX kg: <https://w3id.org/kg-news/ns#> "
PERSONS = KG + "SELECT DISTINCT ?p WHERE { ?p a kg:Person } ORDER BY ?p"
KELLER = "http://127.0.0.1:5000/entity/person/anna-keller"
BERG = "http://127.0.0.1:5000/entity/person/jonas-berg"
VIENNA_GRAPH = "http://127.0.0.1:5000/article/keller-vienna"
SPEECH_GRAPH = "http://127.0.0.1:5000/article/keller-speech"
TOKEN = "clients-token-7"
QUERIES = {
    "SELECT": PERSONS,
    "ASK": KG + "ASK { ?p a kg:Person }",
    "CONSTRUCT": KG + "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }",
    "DESCRIBE": f"DESCRIBE <{KELLER}>",
}
# The return formats SPARQLWrapper sends an Accept header of its own for, by query form; RDF and JSON on a
# graph make it send */* (with a warning of its own) and rely on its format=/output= parameters.
PAIRS = [(form, fmt) for form in ("SELECT", "ASK") for fmt in (JSON, XML, CSV, TSV)] + [
    (form, fmt) for form in ("CONSTRUCT", "DESCRIBE") for fmt in (TURTLE, N3, XML, RDFXML, RDF, JSONLD, JSON)
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One real server, with the update token, over a store of the sample graph (updates only add to it)."""
    path = tmp_path_factory.mktemp("clients") / "store"
    store = Store(path)
    fill_store(store, Namer())
    store.flush()
    del store
    gc.collect()
    proc, url = start_server(Path(path), {"KG_UPDATE_TOKEN": TOKEN})
    yield url
    stop_server(proc)


def _client(server: str, fmt: str, method: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server + "/sparql")
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def _convert(client: SPARQLWrapper) -> object:
    with warnings.catch_warnings():
        # SPARQLWrapper's own note that it sends Accept: */* for RDF and JSON on a graph, and rdflib 7's
        # deprecation of the ConjunctiveGraph SPARQLWrapper 2.0 parses RDF/XML into: neither is about the server.
        warnings.filterwarnings("ignore", message="Sending Accept header", category=RuntimeWarning)
        warnings.filterwarnings("ignore", message="ConjunctiveGraph is deprecated", category=DeprecationWarning)
        return client.query().convert()


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(("form", "fmt"), PAIRS)
def test_sparqlwrapper_every_format_for_every_form(server: str, form: str, fmt: str, method: str) -> None:
    client = _client(server, fmt, method)
    client.setQuery(QUERIES[form])
    result = _convert(client)
    if form == "SELECT":
        persons = {KELLER, BERG}
        if fmt == JSON:
            assert {row["p"]["value"] for row in result["results"]["bindings"]} == persons  # type: ignore[index]
        elif fmt == XML:
            assert {u.firstChild.data for u in result.getElementsByTagName("uri")} == persons  # type: ignore[attr-defined]
        else:
            assert {cell.strip("<>") for cell in result.decode().split()[1:]} == persons  # type: ignore[attr-defined]
    elif form == "ASK":
        if fmt == JSON:
            assert result["boolean"] is True  # type: ignore[index]
        elif fmt == XML:
            assert result.getElementsByTagName("boolean")[0].firstChild.data == "true"  # type: ignore[attr-defined]
        else:
            assert result.decode().split()[-1] == "true"  # type: ignore[attr-defined]
    else:
        graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
        assert URIRef(KELLER) in set(graph.subjects())


def test_sparqlwrapper_named_graph_uri_alone_leaves_the_default_graph_empty(server: str) -> None:
    client = _client(server, JSON, "GET")
    client.setQuery(KG + "SELECT ?p ?g WHERE { { ?p a kg:Person } UNION { GRAPH ?g { ?p a kg:Person } } }")
    client.addParameter("named-graph-uri", SPEECH_GRAPH)
    rows = client.query().convert()["results"]["bindings"]
    assert [(row["p"]["value"], row.get("g", {}).get("value")) for row in rows] == [(KELLER, SPEECH_GRAPH)]


def test_sparqlwrapper_update_using_graph_uri_sets_the_where_dataset(server: str) -> None:
    update = _client(server, JSON, POST)
    update.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    update.setQuery(KG + "INSERT { GRAPH <urn:kg-test:using> { ?p a kg:Seen } } WHERE { ?p a kg:Person }")
    update.addParameter("using-graph-uri", SPEECH_GRAPH)  # only Anna Keller is in this article
    update.query()
    named = _client(server, JSON, POST)
    named.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    named.setQuery(KG + "INSERT { GRAPH <urn:kg-test:using-named> { ?p a kg:Seen } } "
                   "WHERE { GRAPH ?g { ?p a kg:Person } }")
    named.addParameter("using-named-graph-uri", VIENNA_GRAPH)
    named.query()
    check = _client(server, JSON, "GET")
    check.setQuery(KG + "SELECT ?g ?p WHERE { GRAPH ?g { ?p a kg:Seen } } ORDER BY ?g ?p")
    rows = check.query().convert()["results"]["bindings"]
    assert [(row["g"]["value"], row["p"]["value"]) for row in rows] == [
        ("urn:kg-test:using", KELLER), ("urn:kg-test:using-named", KELLER), ("urn:kg-test:using-named", BERG)]
