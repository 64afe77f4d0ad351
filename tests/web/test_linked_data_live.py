"""Linked data as a client meets it: rdflib and curl dereference entity and fact IRIs on a real `kg serve`."""

from __future__ import annotations

import gc
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDFS

from kg.formats import GRAPH_FORMATS, Format
from kg.ontology import Namer
from kg.store import Store
from tests.conftest import start_server, stop_server
from tests.graph_fixture import fill_store

KG = Namespace("https://w3id.org/kg-news/ns#")
ORG = Namespace("http://www.w3.org/ns/org#")
BASE = "http://127.0.0.1:5000"  # the base IRI the sample graph was minted with
KELLER = URIRef(BASE + "/entity/person/anna-keller")
GERMANY = URIRef(BASE + "/entity/place/germany")
# rdflib 7's own JSON-LD parser builds the ConjunctiveGraph it deprecates: not about the server.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One real server over the sample graph (these tests only read)."""
    path = tmp_path_factory.mktemp("linked") / "store"
    store = Store(path)
    fill_store(store, Namer())
    store.flush()
    del store
    gc.collect()
    proc, url = start_server(Path(path))
    yield url
    stop_server(proc)


def _local(iri: URIRef, server: str) -> str:
    return str(iri).replace(BASE, server, 1)


def _keller_role(graph: Graph) -> URIRef:
    roles = [s for s in graph.subjects(ORG.member, KELLER) if (s, KG.roleTitle, None) in graph]
    assert roles, "the entity's RDF names none of its roles"
    return roles[0]  # type: ignore[return-value]


def test_linked_data_entity_rdf_describes_its_facts(server: str) -> None:
    graph = Graph().parse(_local(KELLER, server))  # rdflib's own Accept header and format detection
    role = _keller_role(graph)
    assert graph.value(role, KG.roleTitle) == Literal("Chancellor")
    assert graph.value(role, ORG.organization) == GERMANY
    assert graph.value(GERMANY, RDFS.label) == Literal("Germany")  # what the fact links to is named
    events = list(graph.subjects(KG.participant, KELLER))
    assert events and graph.value(events[0], KG.date) is not None  # incoming links, with their dates


def test_linked_data_fact_iri_dereferences_to_rdf_and_a_page(server: str) -> None:
    role = _keller_role(Graph().parse(_local(KELLER, server)))
    graph = Graph().parse(_local(role, server))
    assert graph.value(role, KG.roleTitle) == Literal("Chancellor")
    evidence = graph.value(role, KG.evidence)
    assert "Anna Keller" in str(graph.value(evidence, KG.sentence))
    page = subprocess.run(["curl", "-sS", "-H", "Accept: text/html", _local(role, server)], capture_output=True,
                          text=True, check=True).stdout
    assert "<h1>Role: Chancellor</h1>" in page and 'href="/entity/person/anna-keller"' in page


@pytest.mark.parametrize("fmt", GRAPH_FORMATS, ids=lambda f: f.name)
@pytest.mark.parametrize("path", ["/entity/person/anna-keller", "fact"])
def test_linked_data_every_rdf_format_by_accept(server: str, fmt: Format, path: str) -> None:
    if path == "fact":
        path = _local(_keller_role(Graph().parse(_local(KELLER, server))), server)[len(server):]
    command = ["curl", "-sS", "-H", f"Accept: {fmt.media_type}", "-w", "\n%{content_type}", server + path]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    body, _, content_type = out.rpartition("\n")
    assert content_type.startswith(fmt.media_type)
    graph = Graph().parse(data=body, format=RDFLIB_NAMES[fmt.name], publicID=server)
    assert (None, KG.roleTitle, Literal("Chancellor")) in graph


def test_linked_data_unknown_fact_is_404(server: str) -> None:
    out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                          server + "/fact/keller-vienna/0000000000000000"], capture_output=True, text=True).stdout
    assert out == "404"
