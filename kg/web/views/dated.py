"""The site-wide timeline: every dated event and sanction, ordered by one light pass, read in full a page at a time.

Ordering needs only each fact's class, claim key, date and label: one index read per dated
fact (a tenth of reading its evidence and article too). The claims of the page shown are then
read in full by kg.web.views.facts, so a page costs a few hundred index reads whatever the
size of the graph, and the ordering is worked out once per store version (kg.web.views.cache).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kg import ontology as o
from kg.errors import InvalidInput
from kg.search import LabelIndex
from kg.store import GraphReader, NamedNode
from kg.timeline import UNKNOWN_YEAR, parse_date, sort_key, year_of
from kg.web.views.facts import Claim, claims_of_facts
from kg.web.views.reads import FactReader, Row

DATED_KINDS = ("Event", "Sanction")
# The predicates that link a dated fact to the entities a timeline can be filtered by.
ENTITY_LINKS = (o.PARTICIPANT, o.LOCATION, o.AUTHORITY, o.TARGET, o.ISSUED_BY)


@dataclass
class Entry:
    """One claim on the timeline before it is read in full: its order and the fact nodes that state it."""

    kind: str
    claim: str
    title: str = ""
    date: str = ""
    datatype: str = ""
    facts: list[tuple[Any, NamedNode]] = field(default_factory=list)  # (fact node, article graph)
    entities: set[str] = field(default_factory=set)  # IRIs of the participants, places, authorities, targets
    places: set[str] = field(default_factory=set)
    key: tuple[int, int, int] = (0, 0, 0)  # (year, month, day) on the timeline, once ordered
    year_known: bool = True  # False: a month-day with no dated article to lend it a year

    def order(self, reader: FactReader) -> tuple[tuple[int, int, int], str, str] | None:
        """Its place on the timeline (as kg.web.views.facts.timeline orders claims); None when undated."""
        when = parse_date(self.date, self.datatype)
        if when is None:
            return None
        published = None
        if when.year is None:  # a month-day borrows the year of its first dated source
            published = next((p for _, graph in self.facts if (p := reader.published(graph))), None)
        return sort_key(when, year_of(published)), self.kind, self.title


def timeline_entries(store: GraphReader) -> list[Entry]:
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
    for key, entry in keyed:
        entry.key, entry.year_known = key[0], key[0][0] != UNKNOWN_YEAR
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
    for quad in quads:
        if quad.predicate in ENTITY_LINKS:
            entry.entities.add(quad.object.value)
            if quad.predicate == o.LOCATION:
                entry.places.add(quad.object.value)


def entry_claims(store: GraphReader, entries: list[Entry], articles: Mapping[str, Row] | None = None) -> list[Claim]:
    """The claims of `entries`, read in full, in the same order (`articles`: metadata known, as FactReader takes)."""
    reader = FactReader(store, articles)
    claims = []
    for entry in entries:
        claims += claims_of_facts(reader, entry.kind, entry.facts)
    return claims


KIND_NAMES = {"event": "Event", "sanction": "Sanction"}  # ?type= -> class
_BOUND = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bound(name: str, text: str, *, end: bool) -> tuple[int, int, int] | None:
    """A ?from= or ?to= date (YYYY, YYYY-MM or YYYY-MM-DD) as a timeline key; `end` takes the last day it covers.

    Raises:
        InvalidInput: the text is not such a date.
    """
    if not text:
        return None
    match = _BOUND.match(text)
    if match is None or not 1 <= int(match[2] or 1) <= 12 or not 1 <= int(match[3] or 1) <= 31:
        raise InvalidInput(f"{name}={text[:40]!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD.")
    year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    if end:
        return year, month or 12, day or 31
    return year, month, day


@dataclass(frozen=True)
class TimelineFilter:
    """Which entries a timeline shows: of one kind, at one place, with one entity, between two dates."""

    kind: str | None = None  # Event or Sanction
    place: str | None = None  # IRI
    entity: str | None = None  # IRI
    start: tuple[int, int, int] | None = None
    end: tuple[int, int, int] | None = None

    @classmethod
    def of_type(cls, type_: str) -> str | None:
        """The class a ?type= names, or None for any.

        Raises:
            InvalidInput: an unknown type.
        """
        if not type_:
            return None
        if type_ not in KIND_NAMES:
            raise InvalidInput(f"type={type_[:40]!r} is not one of {', '.join(KIND_NAMES)}.")
        return KIND_NAMES[type_]

    @property
    def by_date(self) -> bool:
        return self.start is not None or self.end is not None

    def matches(self, entry: Entry) -> bool:
        """Whether the entry passes every filter (an entry with no known year passes no date range)."""
        if self.kind and entry.kind != self.kind:
            return False
        if self.place and self.place not in entry.places:
            return False
        if self.entity and self.entity not in entry.entities:
            return False
        if self.by_date and not entry.year_known:
            return False
        return not ((self.start and entry.key < self.start) or (self.end and entry.key > self.end))


def by_year_known(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The entries whose year is known, and those listed apart."""
    return [e for e in entries if e.year_known], [e for e in entries if not e.year_known]


def timeline_places(entries: list[Entry], index: LabelIndex, namer: o.Namer, limit: int) -> list[tuple[str, str, int]]:
    """(key, label, entries) of the `limit` places with the most entries on the timeline, by label."""
    counts: Counter[str] = Counter(iri for entry in entries for iri in entry.places)
    found = [(key, known.label, n) for iri, n in counts.most_common()
             if (known := index.get(iri)) and (key := namer.key_of(iri))][:limit]
    return sorted(found, key=lambda t: t[1].casefold())
