"""A small hand-built knowledge graph, so web and store tests need no spaCy model."""

from __future__ import annotations

from dataclasses import replace

from kg import ontology
from kg.model import (
    DateValue,
    Document,
    Entity,
    EventFact,
    Evidence,
    Extraction,
    RoleFact,
    SanctionFact,
)

TEXT_1 = (
    "German Chancellor Anna Keller met Finance Minister Jonas Berg in Vienna on Tuesday. "
    "The Treasury Department sanctioned Nordlicht Energy and Baltica Shipping."
)
TEXT_2 = (
    "Chancellor Anna Keller, who leads Germany, spoke about the <script>alert(1)</script> summit. "
    'Hostile readers replied with <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> tags.'
)


def _evidence(text: str, sentence: str, extractor: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence), extractor, 0.9)


def sample_extractions() -> list[Extraction]:
    """Two articles about the same fictional chancellor, with all three kinds of fact."""
    s1, s2 = TEXT_1.split(". ", 1)
    s1 += "."
    keller = Entity("person/anna-keller", "Anna Keller", "Person", ("Keller",), ((18, 29),))
    berg = Entity("person/jonas-berg", "Jonas Berg", "Person", (), ((51, 61),))
    germany = Entity("place/germany", "Germany", "Country", ("German",), ((0, 6),))
    vienna = Entity("place/vienna", "Vienna", "Place", (), ((65, 71),))
    treasury = Entity("organization/treasury-department", "Treasury Department", "GovernmentBody")
    nordlicht = Entity("organization/nordlicht-energy", "Nordlicht Energy", "Company")
    baltica = Entity("organization/baltica-shipping", "Baltica Shipping", "Company")
    doc1 = Document(
        id="keller-vienna",
        text=TEXT_1,
        source="examples/keller-vienna.txt",
        title="Keller meets Berg in Vienna",
        url="https://news.example/keller-vienna",
        published="2025-03-14",
        publisher="Example News",
        content_hash="hash-1",
    )
    facts1 = (
        RoleFact(keller.key, "Chancellor", germany.key, (_evidence(TEXT_1, s1, "roles.title_before_name"),)),
        RoleFact(berg.key, "Finance Minister", None, (_evidence(TEXT_1, s1, "roles.title_before_name"),)),
        EventFact(
            "meeting in Vienna",
            "meeting",
            (_evidence(TEXT_1, s1, "events.noun"),),
            date=DateValue("on Tuesday", "2025-03-11", "date"),
            place=vienna.key,
            participants=(keller.key, berg.key),
            status="Happened",
        ),
        SanctionFact(treasury.key, nordlicht.key, (_evidence(TEXT_1, s2, "sanctions.verb"),),
                     date=DateValue("in March", "2025-03", "gYearMonth")),
        SanctionFact(treasury.key, baltica.key, (_evidence(TEXT_1, s2, "sanctions.verb"),)),
    )
    doc2 = Document(id="keller-speech", text=TEXT_2, source="examples/keller-speech.txt",
                    title="Keller <b>speaks</b>", content_hash="hash-2")
    s3 = TEXT_2.split(" Hostile", 1)[0]
    facts2 = (RoleFact(keller.key, "Chancellor", germany.key, (_evidence(TEXT_2, s3, "roles.relative_clause"),)),)
    keller2 = replace(keller, mentions=((11, 22),))
    germany2 = replace(germany, mentions=((34, 41),))
    return [
        Extraction(doc1, (keller, berg, germany, vienna, treasury, nordlicht, baltica), facts1),
        Extraction(doc2, (keller2, germany2), facts2),
    ]


def fill_store(store: object, namer: ontology.Namer) -> None:
    """Write the sample articles into `store` (a kg.store.Store)."""
    for extraction in sample_extractions():
        store.replace_graph(namer.article(extraction.document.id), ontology.to_quads(extraction, namer))  # type: ignore[attr-defined]
