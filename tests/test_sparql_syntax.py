"""Binding variables for a SPARQL server that has no substitution API (kg.sparql_syntax.with_values), and the
prologue a query keeps when it is put in a subquery (split_prologue); each checked by running the rewritten query
on a real store against the same query with the store's own substitution."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode

from kg.sparql_syntax import split_prologue, with_values
from kg.store import Store

A, B = NamedNode("urn:kg-test:a"), NamedNode("urn:kg-test:b")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@pytest.fixture(scope="module")
def store() -> Store:
    """An in-memory store: a and b each with a label in a graph of its own, b with a second, quoted one."""
    store = Store()
    store.update('INSERT DATA { GRAPH <urn:kg-test:g1> { <urn:kg-test:a> rdfs:label "A" } '
                 'GRAPH <urn:kg-test:g2> { <urn:kg-test:b> rdfs:label "B", "say \\"where { }\\"" } }')
    return store


def _answer(store: Store, query: str, **bindings: NamedNode | Literal) -> object:
    result = store.query(query, bindings=bindings)
    if hasattr(result, "variables"):
        return sorted(tuple(str(row[v]) for v in result.variables) for row in result)  # type: ignore[union-attr]
    if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
        return bool(result)
    return sorted(map(str, result))  # type: ignore[call-overload]


@pytest.mark.parametrize("query, bindings", [
    ("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", {"s": B}),
    ("SELECT ?s ?l ?g WHERE { GRAPH ?g { ?s rdfs:label ?l } } LIMIT 5", {"s": A}),
    ("# where { is only a comment here\nSELECT * { ?s rdfs:label ?l }", {"s": B}),
    ("SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, 'where {')) }", {"l": Literal('say "where { }"')}),
    ("ASK { ?s rdfs:label \"A\" }", {"s": B}),
    ("CONSTRUCT { ?s <urn:kg-test:named> ?l } WHERE { ?s rdfs:label ?l }", {"s": A}),
    ("DESCRIBE ?s", {"s": A}),
    ("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", {"s": B, "l": Literal("B")}),
    ("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", {"s": NamedNode("urn:kg-test:nobody")}),
])
def test_with_values_binds_as_the_store_substitutes(store: Store, query: str,
                                                    bindings: dict[str, NamedNode | Literal]) -> None:
    rewritten = with_values(query, bindings)
    assert rewritten != query and "VALUES" in rewritten
    assert _answer(store, rewritten) == _answer(store, query, **bindings)


def test_with_values_without_bindings_keeps_the_query() -> None:
    assert with_values("SELECT * { ?s ?p ?o }", {}) == "SELECT * { ?s ?p ?o }"


@pytest.mark.parametrize("query, prologue", [
    ("SELECT * { ?s ?p ?o }", ""),
    ("# title: x\nPREFIX kg: <https://w3id.org/kg-news/ns#>\nBASE <http://x/>\nSELECT ?s { ?s a kg:A }",
     "# title: x\nPREFIX kg: <https://w3id.org/kg-news/ns#>\nBASE <http://x/>\n"),
    ("prefix : <urn:x:> select * { ?s :p ?o }", "prefix : <urn:x:> "),
])
def test_split_prologue_keeps_declarations_and_comments(query: str, prologue: str) -> None:
    assert split_prologue(query) == (prologue, query[len(prologue):])
