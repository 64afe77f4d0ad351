"""The graph built from the shipped examples: valid by the SHACL shapes, one node per real thing."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kg.ingest import ingest
from kg.ontology import Namer
from kg.shacl import validate_quads
from kg.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMER = Namer()


@pytest.fixture(scope="module")
def examples_store() -> Store:
    """An in-memory store holding every article of examples/."""
    store = Store()
    report = ingest([EXAMPLES], store, NAMER, workers=1)
    assert not report.problems, report.problems
    assert report.articles >= 5
    return store


@pytest.mark.model
def test_examples_graph_conforms_to_shapes(examples_store: Store) -> None:
    conforms, report = validate_quads(examples_store.quads())
    assert conforms, report


@pytest.mark.model
def test_examples_graph_has_one_node_per_label(examples_store: Store) -> None:
    rows = examples_store.select(
        """SELECT DISTINCT ?e ?label WHERE {
             VALUES ?t { kg:Person kg:Organization kg:Place } ?e a ?t ; rdfs:label ?label }"""
    )
    per_label = Counter(row["label"].value.casefold() for row in rows)
    assert [label for label, n in per_label.items() if n > 1] == []


@pytest.mark.model
def test_examples_graph_every_fact_has_source_sentence(examples_store: Store) -> None:
    rows = examples_store.select(
        """SELECT ?fact WHERE { VALUES ?t { kg:Role kg:Event kg:Sanction } ?fact a ?t .
           FILTER NOT EXISTS { ?fact prov:wasDerivedFrom ?a ; kg:evidence/kg:sentence ?s } }"""
    )
    assert rows == []


@pytest.mark.model
def test_examples_graph_holds_every_example_the_stored_queries_give(examples_store: Store) -> None:
    from kg.queries import load_queries

    entities = {entity.key for entity in examples_store.iter_entities(NAMER)}
    labels = " ".join(row["l"].value.casefold() for row in examples_store.select(
        "SELECT DISTINCT ?l WHERE { ?e rdfs:label ?l }"))
    for query in load_queries().values():
        for param in query.params:
            for key in re.findall(r"such as ([a-z]+/[\w-]+)", param.description):
                assert key in entities, f"{query.name}: {key} is not in the examples' graph"
            for text in re.findall(r"e\.g\. (\w+)", param.description):
                assert text.casefold() in labels, f"{query.name}: no name in the examples' graph contains {text}"
