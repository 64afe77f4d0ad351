"""Everything an entity page shows: facts by section, sources with highlighted sentences, timeline, neighbours."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from markupsafe import Markup

from kg.ontology import Namer
from kg.search import IndexedEntity, LabelIndex
from kg.store import GraphReader, Term
from kg.web.views.facts import (
    Claim,
    Source,
    article_mentions,
    entity_claims,
    event_reports,
    readable_title,
    timeline,
)
from kg.web.views.highlight import Span, find_names, highlight
from kg.web.views.oneline import Describer
from kg.web.views.picture import Neighbour, Picture, lay_out
from kg.web.views.reads import FactReader
from kg.web.views.tables import ArticleInfo, GraphTables

# Section id -> (kind, how the entity takes part, heading); the order of the page.
FACT_SECTIONS = {
    "roles": ("Role", "member", "Posts held"),
    "post-holders": ("Role", "organization", "People holding posts here"),
    "reports": ("Event", "self", "Reports of this event"),
    "events": ("Event", "participant", "Events taken part in"),
    "events-here": ("Event", "location", "Events here"),
    "sanctions-imposed": ("Sanction", "authority", "Sanctions imposed"),
    "sanctions-received": ("Sanction", "target", "Sanctions received"),
}
# The fact sections that make sense for each general type (others are left out: no event is "here" at a person).
SECTIONS_OF = {
    "Person": ("roles", "post-holders", "events", "sanctions-imposed", "sanctions-received"),
    "Organization": ("post-holders", "roles", "events", "sanctions-imposed", "sanctions-received"),
    "Place": ("post-holders", "events-here", "events", "sanctions-imposed", "sanctions-received"),
    "Event": ("reports",),
}
ARTICLES_SECTION = "articles"
SECTIONS = (*FACT_SECTIONS, ARTICLES_SECTION)  # every ?section= an entity page answers
# Headings that read differently on some types' pages: a person's envoy holds a post *for* them, not "here".
HEADINGS_OF = {("post-holders", "Person"): "People in posts for {label}"}
SCHEMA_TYPES = {"Person": "Person", "Organization": "Organization", "Place": "Place", "Event": "Event"}
MAX_NEIGHBOURS = 12
MAX_CO_MENTIONS = 15
MAX_SHARED = 48  # co-mentioned entities read for the list and the picture (some may lack a page)


@dataclass(frozen=True)
class CoMention:
    """An entity named in the same articles as the page's entity."""

    label: str
    href: str
    general: str
    shared: int  # articles naming both


@dataclass
class Section:
    """One group of claims on the page, with its share of pagination."""

    id: str
    heading: str
    claims: list[Claim]


@dataclass
class EntityView:
    """The data of one entity page."""

    entity: IndexedEntity
    sections: list[Section]
    timeline: list[Claim]
    description: str = ""
    articles: list[ArticleInfo] = field(default_factory=list)  # naming it (for an event: reporting it)
    article_count: int = 0
    first_seen: str = ""
    last_seen: str = ""
    co_mentions: list[CoMention] = field(default_factory=list)
    picture: Picture | None = None
    jsonld: Markup = Markup("")

    @property
    def event(self) -> Claim | None:
        """For an event's page: the event as all its reports tell it."""
        return self.sections[0].claims[0] if self.entity.general == "Event" and self.sections else None


def script_json(data: Any) -> Markup:
    """JSON safe to place inside <script type="application/ld+json">: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def entity_href(namer: Namer, iri: str) -> str | None:
    """The page of an entity IRI of this deployment, or None."""
    key = namer.key_of(iri)
    return f"/entity/{key}" if key else None


def gather(store: GraphReader, namer: Namer, index: LabelIndex, tables: GraphTables, describer: Describer,
           entity: IndexedEntity, node: Term) -> EntityView:
    """Read the facts about `entity` and what names it, and arrange them for its page."""
    reader = FactReader(store, tables.article_terms)
    is_event = entity.general == "Event"
    claims = event_reports(store, node, reader) if is_event else entity_claims(store, node, reader)
    mark_sources(store, namer, claims, entity)
    sections = []
    for section_id in SECTIONS_OF.get(entity.general, tuple(FACT_SECTIONS)):
        kind, via, heading = FACT_SECTIONS[section_id]
        heading = HEADINGS_OF.get((section_id, entity.general), heading).format(label=entity.label)
        chosen = [c for c in claims if c.kind == kind and c.via == via]
        chosen.sort(key=lambda c: (-len(c.articles), c.title.casefold()))
        if chosen:
            sections.append(Section(section_id, heading, chosen))
    view = EntityView(entity, sections, timeline(claims), describer.line(entity))
    if is_event:
        view.articles = [tables.article(a) for a in dict.fromkeys(a for c in claims for a in c.articles)]
        dates = sorted(a.published for a in view.articles if a.published)
    else:
        view.articles = tables.articles_of(entity.iri)
        dates = [d for d in tables.seen(entity.iri) if d]
    view.article_count = len(view.articles)
    view.first_seen, view.last_seen = (dates[0], dates[-1]) if dates else ("", "")
    shared = tables.co_mentioned(entity.iri, MAX_SHARED)
    view.co_mentions = co_mentions(namer, index, shared)
    centre = event_title(claims[0], index) if is_event and claims else entity.label
    view.picture = lay_out(centre, neighbours(namer, index, dict(shared), entity, claims))
    view.jsonld = script_json(entity_jsonld(index, entity, claims))
    return view


def event_title(claim: Claim, index: LabelIndex) -> str:
    """An event claim's label as a heading (kg.web.views.facts.readable_title)."""
    place = index.get(claim.place) if claim.place else None
    return readable_title(claim.title, claim.date_text, place.label if place else "")


def mark_sources(store: GraphReader, namer: Namer, claims: list[Claim], entity: IndexedEntity | None) -> None:
    """Give every source its sentence as escaped HTML, the claim's entities marked."""
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for claim in claims:
        involved = claim.entities
        for source in claim.sources:
            mark_source(store, namer, source, involved, entity, mentions)


def mark_source(store: GraphReader, namer: Namer, source: Source, involved: set[str], entity: IndexedEntity | None,
                cache: dict[str, list[tuple[int, int, str]]]) -> None:
    """Highlight the mentions of `involved` entities (and `entity` itself) in the source sentence.

    The work is done when the page first shows the sentence: a page shows a few of an entity's
    claims, and each highlighted sentence costs an index read of its article's mentions.
    """
    source.marker = partial(_marked, store, namer, involved, entity, cache)


def _marked(store: GraphReader, namer: Namer, involved: set[str], entity: IndexedEntity | None,
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


def neighbours(namer: Namer, index: LabelIndex, shared: dict[str, int], entity: IndexedEntity,
               claims: list[Claim]) -> list[Neighbour]:
    """The nearest neighbours: those sharing the most facts, then those named in the most articles with it
    (`shared`: entity IRI -> articles naming both)."""
    facts: Counter[str] = Counter()
    labels: dict[str, tuple[str, str]] = {}
    for claim in claims:
        linked = claim.entities
        if claim.kind == "Event" and claim.via != "self":
            linked.add(claim.node)
            labels[claim.node] = (event_title(claim, index), "Event")
        for iri in linked - {"", entity.iri}:
            known = index.get(iri)
            if known:
                labels.setdefault(iri, (known.label, known.general))
            if iri in labels and entity_href(namer, iri):
                facts[iri] += 1
    for iri in shared:
        known = index.get(iri)
        if known and iri not in labels:
            labels[iri] = (known.label, known.general)
    candidates = [iri for iri in {*facts, *shared} if iri in labels and entity_href(namer, iri)]
    candidates.sort(key=lambda iri: (-facts[iri], -shared.get(iri, 0), labels[iri][0].casefold()))
    return [Neighbour(labels[iri][0], entity_href(namer, iri) or "", labels[iri][1], facts[iri], shared.get(iri, 0))
            for iri in candidates[:MAX_NEIGHBOURS]]


def co_mentions(namer: Namer, index: LabelIndex, shared_articles: list[tuple[str, int]]) -> list[CoMention]:
    """The entities named in the most articles together with the page's entity (`shared_articles`, most first)."""
    found = []
    for iri, shared in shared_articles:
        known, href = index.get(iri), entity_href(namer, iri)
        if known and href:
            found.append(CoMention(known.label, href, known.general, shared))
    return found[:MAX_CO_MENTIONS]


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
