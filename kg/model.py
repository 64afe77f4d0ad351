"""The records every stage of kg speaks: documents in, entities and facts out.

    Document --extract--> Extraction(entities, facts) --ontology--> quads --store-->

All records are frozen dataclasses holding plain values, so they pickle cheaply
between worker processes and compare by value in tests.
"""

from __future__ import annotations

from dataclasses import dataclass

# Entity kinds are the local names of classes in ontology/kg.ttl.
PERSON = "Person"
ORGANIZATION = "Organization"
GOVERNMENT_BODY = "GovernmentBody"
COMPANY = "Company"
MEDIA_ORGANIZATION = "MediaOrganization"
PLACE = "Place"
COUNTRY = "Country"
ENTITY_KINDS = (
    PERSON,
    ORGANIZATION,
    GOVERNMENT_BODY,
    COMPANY,
    MEDIA_ORGANIZATION,
    PLACE,
    COUNTRY,
)

# Event statuses are the local names of individuals in ontology/kg.ttl.
EVENT_STATUSES = ("Planned", "Happened", "Cancelled", "Postponed", "Hypothetical")

# Lexical forms of dates by precision; each is an XML Schema datatype local name.
DATE_DATATYPES = ("date", "gYearMonth", "gYear", "gMonthDay")


@dataclass(frozen=True)
class Document:
    """One article as read from a file, before any language processing."""

    id: str  # stable slug: the file stem, or the JSONL `id`; names the article's graph
    text: str  # the article body, as the extractors see it
    source: str  # where it was read from: a path, or "path:line" for JSON Lines
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date "YYYY-MM-DD" of publication, if known
    publisher: str | None = None
    content_hash: str = ""  # sha256 of text and metadata, to skip unchanged re-ingests
    boilerplate_from: int | None = None  # offset where trailing page furniture starts


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, its offsets in Document.text, who read it."""

    sentence: str
    start: int
    end: int
    extractor: str  # e.g. "roles.title_before_name"
    confidence: float  # 0..1
    boilerplate: bool = False  # the sentence lies in navigation, teasers, bylines, ...


@dataclass(frozen=True)
class Entity:
    """One resolved real-world thing named in a document."""

    key: str  # IRI path below the base: "person/dmitry-peskov", "organization/kremlin"
    label: str  # canonical name, the same in every article: "Dmitry Peskov"
    kind: str  # one of ENTITY_KINDS
    aliases: tuple[str, ...] = ()  # other surface forms seen: "Peskov"
    mentions: tuple[tuple[int, int], ...] = ()  # character spans in Document.text
    within: str | None = None  # key of the place a place lies in: its country ("place/hungary" for Budapest)
    coordinates: tuple[float, float] | None = None  # (latitude, longitude) of a place, from the gazetteer


@dataclass(frozen=True)
class DateValue:
    """A date as written and, when it can be resolved honestly, as a typed value."""

    text: str  # the phrase as written: "on Wednesday", "in August", "Oct. 16"
    value: str | None = None  # "2025-10-22", "2025-08", "2025", "--10-16"; None: unresolved
    datatype: str | None = None  # one of DATE_DATATYPES when value is set


@dataclass(frozen=True)
class RoleFact:
    """A person holds a post (role title) in an organization, or for a country."""

    person: str  # Entity.key
    role: str  # normalised title without the organisation: "Foreign Minister"
    org: str | None  # Entity.key of the organization, country or principal
    evidence: tuple[Evidence, ...]
    qualifier: str | None = None  # "former", "acting", "deputy", ...
    post: str | None = None  # the post, however the title is written: "spokesperson" (kg.extractors.posts)


@dataclass(frozen=True)
class EventFact:
    """Something that happened (or was planned) at a time and place."""

    label: str  # "summit in Budapest", "phone call between Putin and Trump"
    event_type: str  # "summit", "meeting", "phone call", "visit", "talks", ...
    evidence: tuple[Evidence, ...]
    date: DateValue | None = None
    place: str | None = None  # Entity.key
    participants: tuple[str, ...] = ()  # Entity.keys
    status: str | None = None  # one of EVENT_STATUSES
    event: str | None = None  # key of the event reported, shared by articles (kg.event_identity); None: unkeyed


@dataclass(frozen=True)
class SanctionFact:
    """An authority imposes sanctions on (designates) a target."""

    authority: str  # Entity.key
    target: str  # Entity.key
    evidence: tuple[Evidence, ...]
    date: DateValue | None = None
    program: str | None = None  # "Executive Order 14024", ...
    reason: str | None = None
    issuer: str | None = None  # Entity.key of the government body that acted for the authority: OFAC for the US


Fact = RoleFact | EventFact | SanctionFact


@dataclass(frozen=True)
class Extraction:
    """Everything drawn from one document: its entities and the facts about them."""

    document: Document
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    skipped_sentences: int = 0  # sentences an extractor could not handle, counted
