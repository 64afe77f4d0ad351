"""Turns an Extraction into RDF quads; the only place that mints IRIs (the terms are spelled in kg/terms.py,
the facts' mapping in kg/fact_kinds.py).

Terms are those of ontology/kg.ttl (namespace KG) plus W3C ORG, schema.org,
PROV-O, SKOS and RDFS where they fit. Every quad of an article goes into the
named graph whose name is the article's IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime

from pyoxigraph import Literal, NamedNode, Quad

from kg.fact_kinds import claim_key, kind_of, merge_facts, report_key
from kg.model import (
    COUNTRY,
    ORGANIZATION,
    PLACE,
    Document,
    Entity,
    Evidence,
    Extraction,
    Fact,
    RoleFact,
)
from kg.terms import (  # noqa: F401 (re-exported: callers import terms from kg.ontology)
    ALT_LABEL,
    AUTHORITY,
    BOILERPLATE,
    BOILERPLATE_FROM,
    CLAIM_KEY,
    CONFIDENCE,
    CONTAINED_IN,
    CONTENT_HASH,
    DATE,
    DATE_PUBLISHED,
    DATE_TEXT,
    DCTERMS,
    DEFAULT_BASE_IRI,
    DERIVED_FROM,
    END,
    EVENT_TYPE,
    EVIDENCE,
    EXTRACTOR,
    GENERATED_AT,
    HEADLINE,
    ISSUED_BY,
    KG,
    LABEL,
    LATITUDE,
    LOCATION,
    LONGITUDE,
    MEMBER,
    MENTION,
    MENTION_OF,
    MENTIONS,
    ORG,
    ORGANIZATION_P,
    PARTICIPANT,
    POST,
    POST_CLASS,
    POST_IN,
    PREFIXES,
    PROGRAM,
    PROV,
    PUBLISHER,
    QUALIFIER,
    RDF,
    RDFS,
    REASON,
    ROLE_TITLE,
    SCHEMA,
    SENTENCE,
    SKOS,
    SOURCE_FILE,
    START,
    STATUS,
    TARGET,
    TEXT,
    URL,
    XSD,
    XSD_ANYURI,
    XSD_BOOLEAN,
    XSD_DATETIME,
    XSD_DECIMAL,
    XSD_INTEGER,
    A,
    kg,
)

# The general class every specific entity kind is also typed with, so queries
# need no subclass reasoning: a Company is also an Organization.
GENERAL_KIND = {
    "GovernmentBody": ORGANIZATION,
    "Company": ORGANIZATION,
    "MediaOrganization": ORGANIZATION,
    COUNTRY: PLACE,
}


def slugify(text: str) -> str:
    """A lowercase ASCII slug: "Sergey Lavrov" -> "sergey-lavrov"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x" + hashlib.sha256(text.encode()).hexdigest()[:12]


# What an entity key looks like: a lowercase kind, "/", a local id ("person/dmitry-peskov").
_KIND = re.compile(r"[a-z]{1,40}")
MAX_ID_CHARS = 300  # longest article id minted (kg.articles.slugify)
MAX_LOCAL_CHARS = MAX_ID_CHARS + 20  # ... and the key of an event in it: "<article id>-<16 hex digits>"


def is_id_char(char: str) -> bool:
    """Whether `char` may stand in an article id or key: a letter, mark or digit of any script, '_', '-', '.'.

    All of them are IRI characters (RFC 3987 ucschar), except the variation selectors of plane 14.
    """
    return char in "_-." or (unicodedata.category(char)[0] in "LMN" and not 0xE0000 <= ord(char) < 0xE1000)


def is_local_id(text: str) -> bool:
    """Whether `text` is an article id or the part of an entity key after the kind ("dmitry-peskov", "café").

    IRIs allow every character `is_id_char` accepts, so an id that passes goes into an IRI unescaped.
    """
    return (0 < len(text) <= MAX_LOCAL_CHARS and text[0] not in ".-"
            and all(is_id_char(char) for char in text))


def is_entity_key(text: str) -> bool:
    """Whether `text` looks like an entity key: a lowercase kind, "/", a local id."""
    kind, slash, local = text.partition("/")
    return bool(slash) and bool(_KIND.fullmatch(kind)) and is_local_id(local)


def entity_key(kind: str, name: str) -> str:
    """The key of an entity of `kind` with canonical `name`: "person/dmitry-peskov"."""
    return f"{GENERAL_KIND.get(kind, kind).lower()}/{slugify(name)}"


class Namer:
    """Mints the IRIs of one deployment, all below `base_iri`."""

    def __init__(self, base_iri: str = DEFAULT_BASE_IRI) -> None:
        self.base = base_iri if base_iri.endswith("/") else base_iri + "/"

    def entity(self, key: str) -> NamedNode:
        """The IRI of an entity (person, organization, place or event) by key."""
        return NamedNode(f"{self.base}entity/{key}")

    def article(self, doc_id: str) -> NamedNode:
        """The IRI of an article; also the name of the graph holding its quads."""
        return NamedNode(f"{self.base}article/{doc_id}")

    def fact(self, doc_id: str, digest: str) -> NamedNode:
        """The IRI of a role or sanction fact drawn from one article."""
        return NamedNode(f"{self.base}fact/{doc_id}/{digest}")

    def key_of(self, iri: str) -> str | None:
        """The entity key of an entity IRI of this deployment, or None."""
        prefix = f"{self.base}entity/"
        return iri[len(prefix) :] if iri.startswith(prefix) else None


def digest(*parts: object) -> str:
    """A short stable hash of `parts`, for fact identifiers."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def event_key(doc_id: str, fact: Fact) -> str:
    """The key of an event first reported by article `doc_id`: "event/<article id>-<digest of the claim>"."""
    return f"{kind_of(fact).name}/{doc_id}-{digest(*claim_key(fact))}"


def to_quads(extraction: Extraction, namer: Namer, ingested_at: datetime | None = None) -> list[Quad]:
    """All quads of one article: metadata, entities, mentions and facts with evidence."""
    doc = extraction.document
    graph = namer.article(doc.id)
    triples = list(_article_triples(doc, graph, ingested_at or datetime.now(UTC)))
    in_facts = {key for fact in extraction.facts for key in kind_of(fact).entity_keys(fact)}
    only_containers = {e.within for e in extraction.entities if e.within} - in_facts  # a country not named
    for entity in extraction.entities:
        node = namer.entity(entity.key)
        triples.append((node, A, kg(entity.kind)))
        general = GENERAL_KIND.get(entity.kind)
        if general:
            triples.append((node, A, kg(general)))
        triples.append((node, LABEL, Literal(entity.label)))
        triples.extend((node, ALT_LABEL, Literal(alias)) for alias in entity.aliases if alias != entity.label)
        triples.extend(_place_triples(node, entity, namer))
        if entity.mentions or entity.key not in only_containers:
            triples.append((graph, MENTIONS, node))
        for start, end in entity.mentions:
            mention = NamedNode(f"{graph.value}#m{start}-{end}")
            triples += [
                (graph, MENTION, mention),
                (mention, MENTION_OF, node),
                (mention, START, Literal(str(start), datatype=XSD_INTEGER)),
                (mention, END, Literal(str(end), datatype=XSD_INTEGER)),
            ]
    for fact in merge_facts(extraction.facts):
        triples.extend(_fact_triples(fact, doc, graph, namer))
    return [Quad(s, p, o, graph) for s, p, o in dict.fromkeys(triples)]


Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


def _post_triples(role: NamedNode, post: str, org: str, namer: Namer) -> Iterator[Triple]:
    # a post is named within its organization, so its IRI leads to the organization's page
    node = NamedNode(f"{namer.entity(org).value}#post-{slugify(post)}")
    yield role, POST, node
    yield node, A, POST_CLASS
    yield node, LABEL, Literal(post)
    yield node, POST_IN, namer.entity(org)


def _place_triples(node: NamedNode, entity: Entity, namer: Namer) -> Iterator[Triple]:
    if entity.within:
        yield node, CONTAINED_IN, namer.entity(entity.within)
    if entity.coordinates:
        for prop, value in zip((LATITUDE, LONGITUDE), entity.coordinates, strict=True):
            yield node, prop, Literal(f"{value:.5f}", datatype=XSD_DECIMAL)


def _article_triples(doc: Document, node: NamedNode, ingested_at: datetime) -> Iterator[Triple]:
    yield node, A, kg("Article")
    yield node, TEXT, Literal(doc.text)
    yield node, SOURCE_FILE, Literal(doc.source)
    yield node, CONTENT_HASH, Literal(doc.content_hash)
    yield node, GENERATED_AT, Literal(ingested_at.isoformat(timespec="seconds"), datatype=XSD_DATETIME)
    if doc.title:
        yield node, HEADLINE, Literal(doc.title)
    if doc.url:
        yield node, URL, Literal(doc.url, datatype=XSD_ANYURI)
    if doc.published:
        yield node, DATE_PUBLISHED, Literal(doc.published, datatype=NamedNode(XSD + "date"))
    if doc.publisher:
        yield node, PUBLISHER, Literal(doc.publisher)
    if doc.boilerplate_from is not None:
        yield node, BOILERPLATE_FROM, Literal(str(doc.boilerplate_from), datatype=XSD_INTEGER)


def _fact_triples(fact: Fact, doc: Document, article: NamedNode, namer: Namer) -> Iterator[Triple]:
    kind = kind_of(fact)
    if kind.is_thing:  # one node for every article's report (kg.event_identity), each in its article's graph
        key = fact.event or event_key(doc.id, fact)  # type: ignore[union-attr]
        node, claim = namer.entity(key), digest(key)
        evidence_prefix = f"{node.value}#{doc.id}-e"
    else:
        node = namer.fact(doc.id, digest(*claim_key(fact)))
        claim = digest(*report_key(fact))
        evidence_prefix = f"{node.value}#e"
    yield node, DERIVED_FROM, article
    yield node, CLAIM_KEY, Literal(claim)
    if isinstance(fact, RoleFact) and fact.post and fact.org:
        yield from _post_triples(node, fact.post, fact.org, namer)
    yield node, CONFIDENCE, Literal(f"{max(e.confidence for e in fact.evidence):.2f}", datatype=XSD_DECIMAL)
    for evidence in fact.evidence:
        name = f"{evidence_prefix}{evidence.start}-{evidence.end}-{digest(evidence.extractor)[:6]}"
        yield from _evidence_triples(node, NamedNode(name), evidence)
    yield from kind.triples(node, fact, namer.entity)


def _evidence_triples(fact: NamedNode, node: NamedNode, evidence: Evidence) -> Iterator[Triple]:
    yield fact, EVIDENCE, node
    yield node, A, kg("Evidence")
    yield node, SENTENCE, Literal(evidence.sentence)
    yield node, START, Literal(str(evidence.start), datatype=XSD_INTEGER)
    yield node, END, Literal(str(evidence.end), datatype=XSD_INTEGER)
    yield node, EXTRACTOR, Literal(evidence.extractor)
    yield node, CONFIDENCE, Literal(f"{evidence.confidence:.2f}", datatype=XSD_DECIMAL)
    if evidence.boilerplate:
        yield node, BOILERPLATE, Literal("true", datatype=XSD_BOOLEAN)
