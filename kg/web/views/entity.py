"""Everything an entity page shows: facts by section, sources with highlighted sentences, timeline, neighbours."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from markupsafe import Markup

from kg.ontology import Namer
from kg.search import IndexedEntity, LabelIndex
from kg.store import Store, Term
from kg.web.views.facts import Claim, Source, article_mentions, entity_claims, event_reports, timeline
from kg.web.views.highlight import Span, find_names, highlight
from kg.web.views.reads import FactReader

# Section id -> (kind, how the entity takes part, heading); the order of the page.
SECTIONS = {
    "roles": ("Role", "member", "Posts held"),
    "post-holders": ("Role", "organization", "People holding posts here"),
    "reports": ("Event", "self", "Reports of this event"),
    "events": ("Event", "participant", "Events taken part in"),
    "events-here": ("Event", "location", "Events here"),
    "sanctions-imposed": ("Sanction", "authority", "Sanctions imposed"),
    "sanctions-received": ("Sanction", "target", "Sanctions received"),
}
SCHEMA_TYPES = {"Person": "Person", "Organization": "Organization", "Place": "Place", "Event": "Event"}
MAX_NEIGHBOURS = 12


@dataclass
class Section:
    """One group of claims on the page, with its share of pagination."""

    id: str
    heading: str
    claims: list[Claim]


@dataclass(frozen=True)
class Node:
    """A neighbour in the picture: where it sits and where it links."""

    label: str
    href: str
    general: str
    x: float
    y: float
    anchor: str  # SVG text-anchor of its label
    weight: int


@dataclass
class EntityView:
    """The data of one entity page."""

    entity: IndexedEntity
    sections: list[Section]
    timeline: list[Claim]
    neighbours: list[Node] = field(default_factory=list)
    jsonld: Markup = Markup("")


def script_json(data: Any) -> Markup:
    """JSON safe to place inside <script type="application/ld+json">: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def entity_href(namer: Namer, iri: str) -> str | None:
    """The page of an entity IRI of this deployment, or None."""
    key = namer.key_of(iri)
    return f"/entity/{key}" if key else None


def gather(store: Store, namer: Namer, index: LabelIndex, entity: IndexedEntity, node: Term) -> EntityView:
    """Read the facts about `entity` and arrange them for its page."""
    reader = FactReader(store)
    claims = event_reports(store, node, reader) if entity.general == "Event" else entity_claims(store, node, reader)
    mark_sources(store, namer, claims, entity)
    sections = []
    for section_id, (kind, via, heading) in SECTIONS.items():
        chosen = [c for c in claims if c.kind == kind and c.via == via]
        chosen.sort(key=lambda c: (-len(c.articles), c.title.casefold()))
        if chosen:
            sections.append(Section(section_id, heading, chosen))
    view = EntityView(entity, sections, timeline(claims))
    view.neighbours = neighbours(namer, index, entity, claims)
    view.jsonld = script_json(entity_jsonld(index, entity, claims))
    return view


def mark_sources(store: Store, namer: Namer, claims: list[Claim], entity: IndexedEntity | None) -> None:
    """Give every source its sentence as escaped HTML, the claim's entities marked."""
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for claim in claims:
        involved = {claim.person, claim.org, claim.place, claim.authority, claim.target, *claim.participants}
        for source in claim.sources:
            mark_source(store, namer, source, involved, entity, mentions)


def mark_source(store: Store, namer: Namer, source: Source, involved: set[str], entity: IndexedEntity | None,
                cache: dict[str, list[tuple[int, int, str]]]) -> None:
    """Highlight the mentions of `involved` entities (and `entity` itself) in the source sentence.

    The work is done when the page first shows the sentence: a page shows a few of an entity's
    claims, and each highlighted sentence costs an index read of its article's mentions.
    """
    source.marker = partial(_marked, store, namer, involved, entity, cache)


def _marked(store: Store, namer: Namer, involved: set[str], entity: IndexedEntity | None,
            cache: dict[str, list[tuple[int, int, str]]], source: Source) -> Markup:
    if source.article not in cache:
        cache[source.article] = article_mentions(store, namer.article(source.doc_id))
    spans = []
    for start, end, who in cache[source.article]:
        if source.start <= start and end <= source.end and (who in involved or (entity and who == entity.iri)):
            css = "mention self" if entity and who == entity.iri else "mention"
            spans.append(Span(start - source.start, end - source.start, css=css))
    if entity and not any("self" in s.css for s in spans):
        spans += find_names(source.sentence, (entity.label, *entity.aliases))
    return highlight(source.sentence, spans)


def neighbours(namer: Namer, index: LabelIndex, entity: IndexedEntity, claims: list[Claim]) -> list[Node]:
    """The nearest neighbours by number of shared facts, laid out on a circle around the entity."""
    weight: Counter[str] = Counter()
    labels: dict[str, tuple[str, str]] = {}
    for claim in claims:
        linked = {claim.person, claim.org, claim.place, claim.authority, claim.target, *claim.participants}
        if claim.kind == "Event" and claim.via != "self":
            linked.add(claim.node)
            labels[claim.node] = (claim.title, "Event")
        for iri in linked - {"", entity.iri}:
            known = index.get(iri)
            if known:
                labels.setdefault(iri, (known.label, known.general))
            if iri in labels and entity_href(namer, iri):
                weight[iri] += 1
    chosen = sorted(weight, key=lambda iri: (-weight[iri], labels[iri][0]))[:MAX_NEIGHBOURS]
    nodes = []
    for i, iri in enumerate(chosen):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(chosen), 1)
        x, y = 320 + 150 * math.cos(angle), 170 + 120 * math.sin(angle)
        anchor = "middle" if abs(x - 320) < 20 else ("start" if x > 320 else "end")
        label, general = labels[iri]
        short = label if len(label) <= 26 else label[:25] + "…"
        nodes.append(Node(short, entity_href(namer, iri) or "", general, round(x, 1), round(y, 1), anchor, weight[iri]))
    return nodes


def entity_jsonld(index: LabelIndex, entity: IndexedEntity, claims: list[Claim]) -> dict[str, Any]:
    """A schema.org description of the entity for search engines."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@id": entity.iri,
                            "@type": SCHEMA_TYPES.get(entity.general, "Thing"), "name": entity.label}
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    roles = [c for c in claims if c.kind == "Role" and c.via == "member"]
    if roles:
        data["jobTitle"] = sorted({c.title for c in roles})
        orgs = {c.org for c in roles if c.org and index.get(c.org)}
        if orgs:
            data["affiliation"] = [{"@id": o, "name": index.entities[o].label} for o in sorted(orgs)]
    if entity.general == "Event" and claims:
        event = claims[0]
        if event.date:
            data["startDate"] = event.date
        if event.place and index.get(event.place):
            data["location"] = {"@id": event.place, "name": index.entities[event.place].label}
    articles = {s.article: s.headline for c in claims for s in c.sources}
    if articles:
        data["subjectOf"] = [{"@type": "NewsArticle", "@id": a, "headline": h} for a, h in list(articles.items())[:20]]
    return data
