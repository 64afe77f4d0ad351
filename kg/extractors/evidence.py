"""Evidence records: the sentence a fact was read in, by which rule, with what confidence."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import Document, Evidence


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
