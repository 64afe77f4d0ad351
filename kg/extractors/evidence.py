"""Evidence records and the merging of facts that state the same claim in one document."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from kg.model import Document, EventFact, Evidence, Fact, RoleFact, SanctionFact
from kg.ontology import fact_key


def in_boilerplate(sentence: Span, document: Document) -> bool:
    """Whether a sentence starts in the trailing page furniture of the document."""
    return document.boilerplate_from is not None and sentence.start_char >= document.boilerplate_from


def make_evidence(sentence: Span, document: Document, extractor: str, confidence: float) -> Evidence:
    """The evidence of a fact read in `sentence` by `extractor`."""
    return Evidence(
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        extractor=extractor,
        confidence=confidence,
        boilerplate=in_boilerplate(sentence, document),
    )


def merge_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per claim: facts with equal `fact_key` are joined, evidences concatenated."""
    merged: dict[tuple[str, ...], Fact] = {}
    for fact in facts:
        key = fact_key(fact)
        if key not in merged:
            merged[key] = fact
            continue
        old = merged[key]
        evidence = old.evidence + tuple(e for e in fact.evidence if e not in old.evidence)
        merged[key] = _with_evidence(old, evidence)
    return list(merged.values())


def _with_evidence(fact: Fact, evidence: tuple[Evidence, ...]) -> Fact:
    if isinstance(fact, RoleFact | SanctionFact | EventFact):
        return replace(fact, evidence=evidence)
    raise TypeError(f"Unknown fact type {type(fact).__name__}")
