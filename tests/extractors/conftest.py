"""Fixtures for the extractor tests: the real spaCy model, loaded once, and a document helper."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from kg.extractors import extract
from kg.extractors.pipeline import build_nlp
from kg.model import Document, Extraction


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The installed English model, as build_nlp picks it."""
    return build_nlp()


@pytest.fixture
def run(nlp: Language) -> Callable[..., Extraction]:
    """Extract from a text written for the test."""

    def run_text(text: str, published: str | None = None, doc_id: str = "t", url: str | None = None) -> Extraction:
        document = Document(id=doc_id, text=text, source=f"{doc_id}.txt", published=published, url=url)
        return extract(document, nlp)

    return run_text


def labels(extraction: Extraction) -> dict[str, str]:
    """Entity key -> label."""
    return {e.key: e.label for e in extraction.entities}
