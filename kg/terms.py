"""The terms of the graph: namespaces, prefixes and every class and property IRI kg writes.

Terms are those of ontology/kg.ttl (namespace KG) plus W3C ORG, schema.org, PROV-O, SKOS and RDFS
where they fit.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

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

# Places
CONTAINED_IN = NamedNode(SCHEMA + "containedInPlace")
LATITUDE = NamedNode(SCHEMA + "latitude")
LONGITUDE = NamedNode(SCHEMA + "longitude")
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
POST = kg("post")
POST_CLASS = NamedNode(ORG + "Post")
POST_IN = NamedNode(ORG + "postIn")
QUALIFIER = kg("qualifier")
EVENT_TYPE = kg("eventType")
DATE = kg("date")
DATE_TEXT = kg("dateText")
LOCATION = NamedNode(SCHEMA + "location")
PARTICIPANT = kg("participant")
STATUS = kg("status")
AUTHORITY = kg("authority")
ISSUED_BY = kg("issuedBy")
TARGET = kg("target")
PROGRAM = kg("program")
REASON = kg("reason")
