"""The kinds of fact kg extracts, each declared once: its class in kg/model.py, the fields that hold
entity keys, what makes two facts one claim, and how it is written in RDF.

Adding a kind touches this table, its dataclass in kg/model.py, its extractor and its stored query;
the claim keys, the RDF, the resolver's re-keying and the merging of repeated claims read it from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from pyoxigraph import Literal, NamedNode

from kg.model import DateValue, EventFact, Fact, RoleFact, SanctionFact
from kg.terms import (
    AUTHORITY,
    DATE,
    DATE_TEXT,
    EVENT_TYPE,
    ISSUED_BY,
    LABEL,
    LOCATION,
    MEMBER,
    ORGANIZATION_P,
    PARTICIPANT,
    PROGRAM,
    QUALIFIER,
    REASON,
    ROLE_TITLE,
    STATUS,
    TARGET,
    XSD,
    A,
    kg,
)

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


@dataclass(frozen=True)
class FactKind:
    """One kind of fact and its mapping."""

    name: str  # "role": the first part of its claim key, and its name in queries/ and the scorer
    fact_type: type
    rdf_class: str  # its class in ontology/kg.ttl: kg:Role
    entities: tuple[tuple[str, NamedNode], ...]  # (field, property) of fields holding an entity key or keys
    literals: tuple[tuple[str, NamedNode], ...]  # (field, property) of fields written as plain literals
    claim: Callable[[Fact], tuple[str, ...]]  # what the fact says, without where it was read
    terms: tuple[tuple[str, NamedNode], ...] = ()  # (field, property) of fields naming a kg: term
    dated: bool = False  # has a `date` (a DateValue): written as kg:dateText and a typed kg:date
    is_thing: bool = False  # its node is an entity of the graph with a page (events), not a fact of one article
    report: Callable[[Fact], tuple[str, ...]] | None = None  # what makes reports in two articles one claim,
    # when that is less than what makes two facts of one article one (roles: the post, not the title as written)

    def entity_keys(self, fact: Fact) -> list[str]:
        """Every entity key the fact refers to."""
        keys: list[str] = []
        for name, _ in self.entities:
            value = getattr(fact, name)
            keys += list(value) if isinstance(value, tuple) else [value] if value else []
        return keys

    def rekeyed(self, fact: Fact, mapping: dict[str, str]) -> Fact:
        """The fact with its entity keys replaced by `mapping` (keys not in it are kept)."""
        changes: dict[str, object] = {}
        for name, _ in self.entities:
            value = getattr(fact, name)
            if isinstance(value, tuple):
                changes[name] = tuple(mapping.get(k, k) for k in value)
            elif value:
                changes[name] = mapping.get(value, value)
        return replace(fact, **changes)

    def triples(self, node: NamedNode, fact: Fact, entity_iri: Callable[[str], NamedNode]) -> Iterator[Triple]:
        """The triples saying what the fact says about its node (provenance is written by kg.ontology)."""
        yield node, A, kg(self.rdf_class)
        for name, prop in self.literals:
            value = getattr(fact, name)
            if value:
                yield node, prop, Literal(value)
        for name, prop in self.entities:
            value = getattr(fact, name)
            for key in value if isinstance(value, tuple) else [value] if value else []:
                yield node, prop, entity_iri(key)
        for name, prop in self.terms:
            value = getattr(fact, name)
            if value:
                yield node, prop, kg(value)
        if self.dated:
            yield from _date_triples(node, fact.date)  # type: ignore[union-attr]


def date_literal(value: DateValue) -> Literal | None:
    """The typed literal of a resolved date, or None when it is unresolved."""
    if value.value is None or value.datatype is None:
        return None
    return Literal(value.value, datatype=NamedNode(XSD + value.datatype))


def _date_triples(node: NamedNode, date: DateValue | None) -> Iterator[Triple]:
    if date is None:
        return
    yield node, DATE_TEXT, Literal(date.text)
    literal = date_literal(date)
    if literal is not None:
        yield node, DATE, literal


def _role_claim(fact: RoleFact) -> tuple[str, ...]:
    return (fact.person, fact.role.lower(), fact.org or "", fact.qualifier or "")


def _role_report(fact: RoleFact) -> tuple[str, ...]:
    return (fact.person, fact.post or fact.role.lower(), fact.org or "", fact.qualifier or "")


def _sanction_claim(fact: SanctionFact) -> tuple[str, ...]:
    return (fact.authority, fact.target, fact.issuer or "")  # (the State Department's and Treasury's are two)


def _sanction_report(fact: SanctionFact) -> tuple[str, ...]:
    return (fact.authority, fact.target)  # "OFAC sanctioned X" and "the US sanctioned X" report one sanction


def _event_claim(fact: EventFact) -> tuple[str, ...]:
    return (fact.event_type, fact.label.lower(), fact.place or "", fact.date.value or "" if fact.date else "")


FACT_KINDS = (
    FactKind("role", RoleFact, "Role", entities=(("person", MEMBER), ("org", ORGANIZATION_P)),
             literals=(("role", ROLE_TITLE), ("qualifier", QUALIFIER)), claim=_role_claim,  # type: ignore[arg-type]
             report=_role_report),  # type: ignore[arg-type]
    FactKind("event", EventFact, "Event", entities=(("place", LOCATION), ("participants", PARTICIPANT)),
             literals=(("label", LABEL), ("event_type", EVENT_TYPE)), claim=_event_claim,  # type: ignore[arg-type]
             terms=(("status", STATUS),), dated=True, is_thing=True),
    FactKind("sanction", SanctionFact, "Sanction",
             entities=(("authority", AUTHORITY), ("target", TARGET), ("issuer", ISSUED_BY)),
             literals=(("program", PROGRAM), ("reason", REASON)), claim=_sanction_claim,  # type: ignore[arg-type]
             dated=True, report=_sanction_report),  # type: ignore[arg-type]
)
_BY_TYPE = {kind.fact_type: kind for kind in FACT_KINDS}


def kind_of(fact: Fact) -> FactKind:
    """The kind of a fact.

    Raises: TypeError for an object of no declared kind.
    """
    kind = _BY_TYPE.get(type(fact))
    if kind is None:
        raise TypeError(f"{type(fact).__name__} is no kind of fact declared in kg/fact_kinds.py")
    return kind


def claim_key(fact: Fact) -> tuple[str, ...]:
    """What a fact says, without where it was read: equal keys are the same claim."""
    kind = kind_of(fact)
    return (kind.name, *kind.claim(fact))


def report_key(fact: Fact) -> tuple[str, ...]:
    """What a fact says as a report: equal keys of facts in different articles are the same claim (kg:claimKey)."""
    kind = kind_of(fact)
    return (kind.name, *(kind.report or kind.claim)(fact))


def merge_facts(facts: list[Fact] | tuple[Fact, ...]) -> list[Fact]:
    """One fact per claim: facts with equal `claim_key` become the first of them, holding all their evidence."""
    merged: dict[tuple[str, ...], Fact] = {}
    for fact in facts:
        key = claim_key(fact)
        if key in merged:
            old = merged[key]
            fact = replace(old, evidence=old.evidence + tuple(e for e in fact.evidence if e not in old.evidence))
        merged[key] = fact
    return list(merged.values())
