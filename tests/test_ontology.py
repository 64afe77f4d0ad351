"""ontology/kg.ttl parses and defines every kg: term that kg writes (kg/terms.py, kg/ontology.py and the
fact kinds of kg/fact_kinds.py)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import NamedNode
from rdflib.namespace import OWL, RDF, RDFS

import kg.ontology
import kg.terms
from kg.fact_kinds import FACT_KINDS
from kg.model import ENTITY_KINDS, EVENT_STATUSES

KG_TTL = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
KG = rdflib.Namespace(kg.ontology.KG)


def emitted_terms() -> set[str]:
    """Local names of every kg: term kg can emit."""
    names = {
        value.value[len(kg.ontology.KG) :]
        for value in vars(kg.terms).values()
        if isinstance(value, NamedNode) and value.value.startswith(kg.ontology.KG)
    }
    names |= set(re.findall(r'\bkg\("(\w+)"\)', inspect.getsource(kg.ontology)))
    names |= {kind.rdf_class for kind in FACT_KINDS}
    return names | set(ENTITY_KINDS) | set(EVENT_STATUSES) | set(kg.ontology.GENERAL_KIND.values())


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(KG_TTL, format="turtle")


def test_ontology_parses_and_declares_itself(ontology: rdflib.Graph) -> None:
    header = rdflib.URIRef(kg.ontology.KG.rstrip("#"))
    assert (header, RDF.type, OWL.Ontology) in ontology
    for prop in (OWL.versionInfo, RDFS.label, RDFS.comment):
        assert ontology.value(header, prop) is not None, prop


def test_ontology_emitted_terms_found() -> None:
    assert {"Article", "Role", "Evidence", "roleTitle", "Planned", "Country"} <= emitted_terms()


@pytest.mark.parametrize("local", sorted(emitted_terms()))
def test_ontology_defines_emitted_term(ontology: rdflib.Graph, local: str) -> None:
    term = KG[local]
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds, f"kg:{local} is emitted by kg/ontology.py but not defined in {KG_TTL}"
    assert ontology.value(term, RDFS.label) is not None, f"kg:{local} has no rdfs:label"
    assert ontology.value(term, RDFS.comment) is not None, f"kg:{local} has no rdfs:comment"


@pytest.mark.parametrize("status", EVENT_STATUSES)
def test_ontology_status_is_event_status(ontology: rdflib.Graph, status: str) -> None:
    assert (KG[status], RDF.type, KG.EventStatus) in ontology


def test_ontology_every_kg_term_documented(ontology: rdflib.Graph) -> None:
    subjects = {s for s in ontology.subjects() if isinstance(s, rdflib.URIRef) and s.startswith(KG)}
    undocumented = sorted(
        str(s) for s in subjects if ontology.value(s, RDFS.label) is None or ontology.value(s, RDFS.comment) is None
    )
    assert not undocumented


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (KG.Person, rdflib.URIRef("https://schema.org/Person")),
        (KG.Person, rdflib.URIRef("http://www.w3.org/ns/prov#Agent")),
        (KG.Organization, rdflib.URIRef("http://www.w3.org/ns/org#Organization")),
        (KG.Role, rdflib.URIRef("http://www.w3.org/ns/org#Membership")),
        (KG.Event, rdflib.URIRef("https://schema.org/Event")),
        (KG.Article, rdflib.URIRef("https://schema.org/NewsArticle")),
        (KG.Evidence, rdflib.URIRef("http://www.w3.org/ns/prov#Entity")),
        (KG.Company, KG.Organization),
        (KG.Country, KG.Place),
    ],
)
def test_ontology_aligns_class(ontology: rdflib.Graph, sub: rdflib.URIRef, sup: rdflib.URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in ontology
