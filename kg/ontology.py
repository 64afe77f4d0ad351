"""Turns an Extraction into RDF quads; the only place that mints IRIs or spells terms.

Terms are those of ontology/kg.ttl (namespace KG) plus W3C ORG, schema.org,
PROV-O, SKOS and RDFS where they fit. Every quad of an article goes into the
named graph whose name is the article's IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import (
    COUNTRY,
    ORGANIZATION,
    PLACE,
    DateValue,
    Document,
    EventFact,
    Evidence,
    Extraction,
    Fact,
    RoleFact,
    SanctionFact,
)

DEFAULT_BASE_IRI = "http://127.0.0.1:5000/"

KG = "https://w3id.org/kg-news/ns#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES = {
    "kg": KG,
    "org": ORG,
    "schema": SCHEMA,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "dcterms": DCTERMS,
}

# The general class every specific entity kind is also typed with, so queries
# need no subclass reasoning: a Company is also an Organization.
GENERAL_KIND = {
    "GovernmentBody": ORGANIZATION,
    "Company": ORGANIZATION,
    "MediaOrganization": ORGANIZATION,
    COUNTRY: PLACE,
}


def kg(local: str) -> NamedNode:
    """The ontology term kg:<local>."""
    return NamedNode(KG + local)


A = NamedNode(RDF + "type")
LABEL = NamedNode(RDFS + "label")
ALT_LABEL = NamedNode(SKOS + "altLabel")
XSD_INTEGER = NamedNode(XSD + "integer")
XSD_DECIMAL = NamedNode(XSD + "decimal")
XSD_BOOLEAN = NamedNode(XSD + "boolean")
XSD_DATETIME = NamedNode(XSD + "dateTime")
XSD_ANYURI = NamedNode(XSD + "anyURI")

# Articles
HEADLINE = NamedNode(SCHEMA + "headline")
URL = NamedNode(SCHEMA + "url")
DATE_PUBLISHED = NamedNode(SCHEMA + "datePublished")
PUBLISHER = NamedNode(SCHEMA + "publisher")
TEXT = NamedNode(SCHEMA + "text")
MENTIONS = NamedNode(SCHEMA + "mentions")
GENERATED_AT = NamedNode(PROV + "generatedAtTime")
SOURCE_FILE = kg("sourceFile")
CONTENT_HASH = kg("contentHash")
BOILERPLATE_FROM = kg("boilerplateFrom")

# Mentions (for highlighting entities in article text)
MENTION = kg("mention")
MENTION_OF = kg("mentionOf")
START = kg("start")
END = kg("end")

# Facts
DERIVED_FROM = NamedNode(PROV + "wasDerivedFrom")
EVIDENCE = kg("evidence")
SENTENCE = kg("sentence")
EXTRACTOR = kg("extractor")
CONFIDENCE = kg("confidence")
BOILERPLATE = kg("boilerplate")
CLAIM_KEY = kg("claimKey")
MEMBER = NamedNode(ORG + "member")
ORGANIZATION_P = NamedNode(ORG + "organization")
ROLE_TITLE = kg("roleTitle")
QUALIFIER = kg("qualifier")
EVENT_TYPE = kg("eventType")
DATE = kg("date")
DATE_TEXT = kg("dateText")
LOCATION = NamedNode(SCHEMA + "location")
PARTICIPANT = kg("participant")
STATUS = kg("status")
AUTHORITY = kg("authority")
TARGET = kg("target")
PROGRAM = kg("program")
REASON = kg("reason")


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


def date_literal(value: DateValue) -> Literal | None:
    """The typed literal of a resolved date, or None when it is unresolved."""
    if value.value is None or value.datatype is None:
        return None
    return Literal(value.value, datatype=NamedNode(XSD + value.datatype))


def fact_key(fact: Fact) -> tuple[str, ...]:
    """What a fact says, without where it was read: equal keys are the same claim."""
    if isinstance(fact, RoleFact):
        return ("role", fact.person, fact.role.lower(), fact.org or "", fact.qualifier or "")
    if isinstance(fact, SanctionFact):
        return ("sanction", fact.authority, fact.target)
    date = fact.date.value if fact.date else None
    return ("event", fact.event_type, fact.label.lower(), fact.place or "", date or "")


def to_quads(extraction: Extraction, namer: Namer, ingested_at: datetime | None = None) -> list[Quad]:
    """All quads of one article: metadata, entities, mentions and facts with evidence."""
    doc = extraction.document
    graph = namer.article(doc.id)
    triples = list(_article_triples(doc, graph, ingested_at or datetime.now(UTC)))
    for entity in extraction.entities:
        node = namer.entity(entity.key)
        triples.append((node, A, kg(entity.kind)))
        general = GENERAL_KIND.get(entity.kind)
        if general:
            triples.append((node, A, kg(general)))
        triples.append((node, LABEL, Literal(entity.label)))
        triples.extend((node, ALT_LABEL, Literal(alias)) for alias in entity.aliases if alias != entity.label)
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


def merge_facts(facts: tuple[Fact, ...]) -> list[Fact]:
    """One fact per claim: facts with equal `fact_key` become one holding all their evidence."""
    merged: dict[tuple[str, ...], Fact] = {}
    for fact in facts:
        key = fact_key(fact)
        if key in merged:
            evidence = tuple(dict.fromkeys(merged[key].evidence + fact.evidence))
            fact = replace(merged[key], evidence=evidence)
        merged[key] = fact
    return list(merged.values())


Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


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
    key = fact_key(fact)
    claim = digest(*key)
    if isinstance(fact, EventFact):
        node = namer.entity(f"event/{doc.id}-{claim}")
    else:
        node = namer.fact(doc.id, claim)
    yield node, DERIVED_FROM, article
    yield node, CLAIM_KEY, Literal(claim)
    yield node, CONFIDENCE, Literal(f"{max(e.confidence for e in fact.evidence):.2f}", datatype=XSD_DECIMAL)
    for evidence in fact.evidence:
        name = f"{node.value}#e{evidence.start}-{evidence.end}-{digest(evidence.extractor)[:6]}"
        yield from _evidence_triples(node, NamedNode(name), evidence)
    if isinstance(fact, RoleFact):
        yield node, A, kg("Role")
        yield node, MEMBER, namer.entity(fact.person)
        yield node, ROLE_TITLE, Literal(fact.role)
        if fact.org:
            yield node, ORGANIZATION_P, namer.entity(fact.org)
        if fact.qualifier:
            yield node, QUALIFIER, Literal(fact.qualifier)
    elif isinstance(fact, SanctionFact):
        yield node, A, kg("Sanction")
        yield node, AUTHORITY, namer.entity(fact.authority)
        yield node, TARGET, namer.entity(fact.target)
        yield from _date_triples(node, fact.date)
        if fact.program:
            yield node, PROGRAM, Literal(fact.program)
        if fact.reason:
            yield node, REASON, Literal(fact.reason)
    else:
        yield node, A, kg("Event")
        yield node, LABEL, Literal(fact.label)
        yield node, EVENT_TYPE, Literal(fact.event_type)
        yield from _date_triples(node, fact.date)
        if fact.place:
            yield node, LOCATION, namer.entity(fact.place)
        for participant in fact.participants:
            yield node, PARTICIPANT, namer.entity(participant)
        if fact.status:
            yield node, STATUS, kg(fact.status)


def _date_triples(node: NamedNode, date: DateValue | None) -> Iterator[Triple]:
    if date is None:
        return
    yield node, DATE_TEXT, Literal(date.text)
    literal = date_literal(date)
    if literal is not None:
        yield node, DATE, literal


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
