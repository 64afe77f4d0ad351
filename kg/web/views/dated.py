"""The site-wide timeline: every dated event and sanction, ordered by one light pass, read in full a page at a time.

Ordering needs only each fact's class, claim key, date and label: one index read per dated
fact (a tenth of reading its evidence and article too). The claims of the page shown are then
read in full by kg.web.views.facts, so a page costs a few hundred index reads whatever the
size of the graph, and the ordering is worked out once per store version (kg.web.views.cache).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg import ontology as o
from kg.store import NamedNode, Store
from kg.timeline import parse_date, sort_key, year_of
from kg.web.views.facts import Claim, claims_of_facts
from kg.web.views.reads import FactReader

DATED_KINDS = ("Event", "Sanction")


@dataclass
class Entry:
    """One claim on the timeline before it is read in full: its order and the fact nodes that state it."""

    kind: str
    claim: str
    title: str = ""
    date: str = ""
    datatype: str = ""
    facts: list[tuple[Any, NamedNode]] = field(default_factory=list)  # (fact node, article graph)

    def order(self, reader: FactReader) -> tuple[tuple[int, int, int], str, str] | None:
        """Its place on the timeline (as kg.web.views.facts.timeline orders claims); None when undated."""
        when = parse_date(self.date, self.datatype)
        if when is None:
            return None
        published = None
        if when.year is None:  # a month-day borrows the year of its first dated source
            published = next((p for _, graph in self.facts if (p := reader.published(graph))), None)
        return sort_key(when, year_of(published)), self.kind, self.title


def timeline_entries(store: Store) -> list[Entry]:
    """Every dated event and sanction claim, oldest first (one index read per dated fact)."""
    reader = FactReader(store)
    entries: dict[tuple[str, str], Entry] = {}
    seen: set[tuple[str, str]] = set()
    for quad in store.quads_of_predicate(o.DATE):
        graph = quad.graph_name
        if not isinstance(graph, NamedNode) or (quad.subject.value, graph.value) in seen:
            continue
        seen.add((quad.subject.value, graph.value))
        _add(entries, quad.subject, graph, store.quads_about(quad.subject, None, graph))
    ordered = [e for kind in DATED_KINDS for e in entries.values() if e.kind == kind]
    keyed = [(key, e) for e in ordered if (key := e.order(reader)) is not None]
    keyed.sort(key=lambda pair: pair[0])
    return [e for _, e in keyed]


def _add(entries: dict[tuple[str, str], Entry], fact: Any, graph: NamedNode, quads: list[Any]) -> None:
    classes = [q.object.value for q in quads if q.predicate == o.A]
    kind = next((k for k in DATED_KINDS if any(c.endswith(f"#{k}") for c in classes)), None)
    if kind is None:
        return
    first = {}
    for quad in quads:
        first.setdefault(quad.predicate.value, quad.object)
    required = (o.CLAIM_KEY, o.EVIDENCE, *((o.LABEL,) if kind == "Event" else (o.AUTHORITY, o.TARGET)))
    if any(p.value not in first for p in required):
        return
    key = (kind, first[o.CLAIM_KEY.value].value)
    entry = entries.get(key)
    if entry is None:
        date = first[o.DATE.value]
        entry = entries[key] = Entry(kind, key[1], first[o.LABEL.value].value if kind == "Event" else "",
                                     date.value, date.datatype.value)
    entry.facts.append((fact, graph))


def entry_claims(store: Store, entries: list[Entry]) -> list[Claim]:
    """The claims of `entries`, read in full, in the same order."""
    reader = FactReader(store)
    claims = []
    for entry in entries:
        claims += claims_of_facts(reader, entry.kind, entry.facts)
    return claims
