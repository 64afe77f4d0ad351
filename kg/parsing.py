"""Parse article texts with a spaCy pipeline: together by nlp.pipe, and a text longer than the pipeline's
max_length (spaCy refuses those with error E088) in pieces cut at paragraph boundaries.

The pieces' parses are joined into one Doc whose text is the whole text, so every character offset
(mentions, evidence) is an offset into the article as stored. A paragraph boundary already ends a
sentence (kg_line_breaks), so cutting there changes no sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 100_000  # longest piece of a long text parsed at once
CUTS = ("\n\n", "\n", " ")  # where a piece may end, best first: after a blank line, a line, a word


def parse_texts(nlp: Language, texts: list[str]) -> list[Doc]:
    """The parses of `texts`, in order; texts longer than nlp.max_length are parsed in pieces."""
    fitting = iter(list(nlp.pipe(text for text in texts if len(text) <= nlp.max_length)))
    return [next(fitting) if len(text) <= nlp.max_length else parse_in_pieces(nlp, text) for text in texts]


def parse_in_pieces(nlp: Language, text: str) -> Doc:
    """One Doc for `text`, parsed a piece of at most PIECE_CHARS characters at a time."""
    pieces = []
    for piece in nlp.pipe(split_text(text, min(PIECE_CHARS, nlp.max_length)), batch_size=1):  # one in memory
        piece.tensor = piece.tensor[:0]  # the extractors use no vectors: drop them as each piece is done
        pieces.append(piece)
    return Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive pieces of `text` of at most `limit` characters that join to `text`, cut at CUTS if possible."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = next((found + len(mark) for mark in CUTS if (found := text.rfind(mark, start + 1, end)) > start), end)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
