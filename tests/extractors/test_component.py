"""The kg_facts pipe: the extractors as the last component of the spaCy pipeline."""

from __future__ import annotations

import pytest
import spacy

from kg.extractors import extract
from kg.extractors.component import FACTS_PIPE
from kg.model import Document, RoleFact

pytestmark = pytest.mark.model


def test_component_is_the_last_pipe_and_declares_what_it_reads_and_assigns(nlp) -> None:
    assert nlp.pipe_names[-1] == FACTS_PIPE
    meta = nlp.get_pipe_meta(FACTS_PIPE)
    assert meta.assigns == ["doc._.kg_extraction"]
    assert {"doc.ents", "token.dep"} <= set(meta.requires)
    # every attribute it reads is set by a pipe before it; token.pos comes from the model's attribute_ruler,
    # which declares no assigns, so spaCy's analysis cannot see it
    assert set(nlp.analyze_pipes()["problems"][FACTS_PIPE]) <= {"token.pos"}


def test_component_assigns_the_extraction_of_the_article_the_doc_carries(nlp) -> None:
    document = Document(id="c", text="Kremlin spokesman Oleg Marchenko spoke on Monday.", source="c.txt")
    doc = nlp.make_doc(document.text)
    doc._.kg_document = document
    extraction = nlp(doc)._.kg_extraction
    assert extraction.document is document
    assert [(f.role, f.evidence[0].extractor) for f in extraction.facts if isinstance(f, RoleFact)] == [
        ("spokesman", "roles.title_before_name")]


def test_component_leaves_a_doc_without_an_article_alone(nlp) -> None:
    doc = nlp("Kremlin spokesman Oleg Marchenko spoke on Monday.")
    assert doc._.kg_extraction is None
    assert doc.ents  # parsed all the same


def test_extract_refuses_a_pipeline_without_the_pipe() -> None:
    document = Document(id="c", text="Some text.", source="c.txt")
    with pytest.raises(ValueError, match="no kg_facts pipe"):
        extract(document, spacy.blank("en"))
