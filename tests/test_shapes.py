"""SHACL shapes (ontology/shapes.ttl) against graphs built by kg.ontology.to_quads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.model import (
    COMPANY,
    COUNTRY,
    GOVERNMENT_BODY,
    PERSON,
    PLACE,
    DateValue,
    Document,
    Entity,
    EventFact,
    Evidence,
    Extraction,
    RoleFact,
    SanctionFact,
)
from kg.ontology import KG, MEMBER, Namer, to_quads
from kg.shacl import to_graph, validate_graph, validate_quads

TEXT = (
    "Foreign Minister Anna Keller will travel to Vienna on Friday. "
    "The Treasury Department sanctioned Borealis Freight and Kestrel Metals."
)
ROLE_SENTENCE = Evidence(TEXT[:61], 0, 61, "roles.title_before_name", 0.9)
SANCTION_SENTENCE = Evidence(TEXT[62:], 62, len(TEXT), "sanctions.designation", 0.8)


def make_extraction(event_date: DateValue | None = None, role_evidence: Evidence = ROLE_SENTENCE) -> Extraction:
    """A small hand-built extraction with one fact of each kind."""
    document = Document(
        id="sample-article",
        text=TEXT,
        source="examples/sample.txt",
        title="Keller to visit Vienna",
        url="https://example.org/news/keller",
        published="2025-03-05",
        publisher="Example News",
        content_hash="0" * 64,
    )
    entities = (
        Entity("person/anna-keller", "Anna Keller", PERSON, aliases=("Keller",), mentions=((17, 28),)),
        Entity("place/austria", "Austria", COUNTRY),
        Entity("place/vienna", "Vienna", PLACE, mentions=((44, 50),)),
        Entity("organization/treasury-department", "Treasury Department", GOVERNMENT_BODY),
        Entity("organization/borealis-freight", "Borealis Freight", COMPANY),
        Entity("organization/kestrel-metals", "Kestrel Metals", COMPANY),
    )
    facts = (
        RoleFact("person/anna-keller", "Foreign Minister", "place/austria", (role_evidence,)),
        EventFact(
            "visit to Vienna",
            "visit",
            (ROLE_SENTENCE,),
            date=event_date or DateValue("on Friday", "2025-03-07", "date"),
            place="place/vienna",
            participants=("person/anna-keller",),
            status="Planned",
        ),
        SanctionFact(
            "organization/treasury-department",
            "organization/borealis-freight",
            (SANCTION_SENTENCE,),
            date=DateValue("in March", "2025-03", "gYearMonth"),
            program="Executive Order 14024",
        ),
        SanctionFact("organization/treasury-department", "organization/kestrel-metals", (SANCTION_SENTENCE,)),
    )
    return Extraction(document, entities, facts)


def build_quads(extraction: Extraction) -> list[Quad]:
    """The quads of `extraction` with a fixed ingest time."""
    return to_quads(extraction, Namer("http://kg.test/"), datetime(2025, 3, 5, 12, tzinfo=UTC))


def drop_member(quads: list[Quad]) -> list[Quad]:
    """The quads without the role's org:member."""
    return [q for q in quads if q.predicate != MEMBER]


def test_shapes_accept_hand_built_extraction() -> None:
    conforms, report = validate_quads(build_quads(make_extraction()))
    assert conforms, report


@pytest.mark.parametrize(
    "date",
    [
        DateValue("Oct. 16", "--10-16", "gMonthDay"),
        DateValue("in 2024", "2024", "gYear"),
        DateValue("in August", "2025-08", "gYearMonth"),
        DateValue("some day", None, None),
    ],
)
def test_shapes_accept_every_date_precision(date: DateValue) -> None:
    conforms, report = validate_quads(build_quads(make_extraction(event_date=date)))
    assert conforms, report


def test_shapes_validate_union_of_article_graphs() -> None:
    quads = build_quads(make_extraction())
    other = Extraction(Document(id="other-article", text="Anna Keller spoke.", source="o.txt", content_hash="1"))
    conforms, report = validate_graph(to_graph(quads + build_quads(other)))
    assert conforms, report


BREAKAGES: list[tuple[str, Callable[[], list[Quad]], str]] = [
    ("role without member", lambda: drop_member(build_quads(make_extraction())), "org:member"),
    (
        "evidence with start after end",
        lambda: build_quads(make_extraction(role_evidence=Evidence("Foreign Minister", 50, 10, "roles.x", 0.5))),
        "kg:start",
    ),
    (
        "event date typed xsd:string",
        lambda: build_quads(make_extraction(event_date=DateValue("on Friday", "2025-03-07", "string"))),
        "kg:date",
    ),
    (
        "evidence confidence above one",
        lambda: build_quads(make_extraction(role_evidence=Evidence("Foreign Minister", 0, 16, "roles.x", 1.5))),
        "kg:confidence",
    ),
    (
        "event status outside the five",
        lambda: [
            Quad(q.subject, q.predicate, NamedNode(KG + "Rumoured"), q.graph_name)
            if q.predicate == NamedNode(KG + "status")
            else q
            for q in build_quads(make_extraction())
        ],
        "kg:status",
    ),
    (
        "entity with two labels",
        lambda: (
            build_quads(make_extraction())
            + [
                Quad(
                    NamedNode("http://kg.test/entity/person/anna-keller"),
                    NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                    Literal("A. Keller"),
                    NamedNode("http://kg.test/article/sample-article"),
                )
            ]
        ),
        "rdfs:label",
    ),
]


@pytest.mark.parametrize(("case", "build", "path"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_shapes_report_violation(case: str, build: Callable[[], list[Quad]], path: str) -> None:
    conforms, report = validate_quads(build())
    assert not conforms, case
    assert f"Result Path: {path}" in report, report
