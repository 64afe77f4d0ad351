"""What an entity's or a fact's IRI dereferences to as RDF: the resource, the facts it takes part in and the
names of what those facts link to, so a Linked Data client learns "Dmitry Peskov is the Kremlin's spokesman"
from one request.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg import ontology as o
from kg.errors import UnknownEntity
from kg.store import GraphReader, NamedNode, Quad, Triple

FACT_CLASSES = {o.kg("Role"), o.kg("Event"), o.kg("Sanction")}
# How a fact links to the entities taking part in it (mentions and articles link to entities too).
FACT_LINKS = {o.MEMBER, o.ORGANIZATION_P, o.LOCATION, o.PARTICIPANT, o.AUTHORITY, o.TARGET, o.ISSUED_BY}
NAMES = (o.LABEL, o.HEADLINE)  # how a linked entity or article is called


def _facts_of(store: GraphReader, incoming: Iterable[Quad]) -> list[tuple[NamedNode, NamedNode]]:
    """(fact node, article graph) of every role, event or sanction among the subjects of `incoming`."""
    found = []
    for quad in incoming:
        fact, graph = quad.subject, quad.graph_name
        if quad.predicate in FACT_LINKS and isinstance(fact, NamedNode) and isinstance(graph, NamedNode) and any(
                q.object in FACT_CLASSES for q in store.quads_about(fact, o.A, graph)):
            found.append((fact, graph))
    return list(dict.fromkeys(found))


def _names(store: GraphReader, triples: Iterable[Triple], namer: o.Namer) -> list[Triple]:
    """The labels of the entities and the headlines of the articles of this graph that `triples` link to."""
    linked = {t.object for t in triples if isinstance(t.object, NamedNode) and t.object.value.startswith(namer.base)}
    return [q.triple for node in linked for name in NAMES for q in store.quads_about(node, name)]


def _fact_triples(store: GraphReader, fact: NamedNode, graph: NamedNode, *, evidence: bool) -> list[Triple]:
    """The fact's statements in its article; with `evidence`, its evidence sentences too."""
    triples = [q.triple for q in store.quads_about(fact, None, graph)]
    if evidence:
        for node in [t.object for t in triples if t.predicate == o.EVIDENCE and isinstance(t.object, NamedNode)]:
            triples += [q.triple for q in store.quads_about(node, None, graph)]
    return triples


def describe_entity(store: GraphReader, node: NamedNode, namer: o.Namer) -> list[Triple]:
    """The entity's own statements, its incoming links, and every fact it takes part in with what that fact
    says (title, organisation, dates, places) and the names of what it links to.

    Raises:
        UnknownEntity: nothing is said about `node`.
    """
    incoming = store.quads_pointing_to(node)
    triples = [q.triple for q in (*store.quads_about(node), *incoming)]
    if not triples:
        raise UnknownEntity(f"Nothing is known about {node.value}.")
    for fact, graph in _facts_of(store, incoming):
        triples += _fact_triples(store, fact, graph, evidence=False)
    triples += _names(store, triples, namer)
    return list(dict.fromkeys(triples))


def describe_fact(store: GraphReader, fact: NamedNode, article: NamedNode, namer: o.Namer) -> list[Triple]:
    """A fact as its article states it: its statements, its evidence, and the names of what it links to.

    Raises:
        UnknownEntity: the article states no such fact.
    """
    triples = _fact_triples(store, fact, article, evidence=True)
    if not triples:
        raise UnknownEntity(f"No fact {fact.value} in the graph.")
    triples += _names(store, triples, namer)
    return list(dict.fromkeys(triples))
