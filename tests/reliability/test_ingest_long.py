"""An article longer than spaCy's nlp.max_length (1,000,000 characters) through `kg ingest`: parsed in
pieces, stored whole, and every evidence offset still points at its sentence in the stored text."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kg.parsing import split_text
from kg.store import Store
from tests.reliability.corpus import article_text, kg

SPACY_MAX_LENGTH = 1_000_000
EVIDENCE = """PREFIX kg: <https://w3id.org/kg-news/ns#>
SELECT ?sentence ?start ?end WHERE { ?e a kg:Evidence ; kg:sentence ?sentence ; kg:start ?start ; kg:end ?end }"""
TEXT = "PREFIX schema: <https://schema.org/> SELECT ?text WHERE { ?a schema:text ?text }"


@pytest.mark.model
@pytest.mark.parametrize("padding", [" ", "\n"], ids=["spaces", "blank-lines"])
def test_ingest_article_over_spacy_max_length_keeps_evidence_offsets(tmp_path: Path, padding: str) -> None:
    # A paragraph of spaces, or a million blank lines (which took hours to scan for page furniture), makes
    # it long in characters at almost no parsing cost (a run of white space is one token), so the facts of
    # the last paragraphs lie past the first pieces.
    first, last = article_text(0), article_text(1).split("\n\n", 1)[1]
    path = tmp_path / "long.txt"
    path.write_text(f"{first}\n{padding * (SPACY_MAX_LENGTH + 50_000)}\n\n{last}", encoding="utf-8")
    store = tmp_path / "store"

    result = kg("ingest", path, "--store", store, "--workers", "1")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 articles ingested, 0 unchanged, 0 failed;"), result.stdout
    opened = Store(store)
    try:
        (row,) = opened.select(TEXT)
        text = row["text"].value
        evidence = [(r["sentence"].value, int(r["start"].value), int(r["end"].value)) for r in opened.select(EVIDENCE)]
    finally:
        del opened
        gc.collect()
    assert len(text) > SPACY_MAX_LENGTH
    assert any(start > SPACY_MAX_LENGTH for _, start, _ in evidence), "facts after the first pieces are found"
    for sentence, start, end in evidence:  # as for any article: the span is the sentence and its trailing space
        assert text.startswith(sentence, start) and text[start:end].strip() == sentence


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("one.\n\ntwo.\n\nthree.", 12, ["one.\n\ntwo.\n\n", "three."]),
        ("a line\nanother line", 10, ["a line\n", "another ", "line"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("short", 10, ["short"]),
    ],
)
def test_ingest_long_text_pieces_are_cut_at_paragraphs_and_join_back(text: str, limit: int, pieces: list[str]) -> None:
    assert split_text(text, limit) == pieces
    assert "".join(pieces) == text and all(len(piece) <= limit for piece in pieces)
