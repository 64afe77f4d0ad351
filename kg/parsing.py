"""Run the spaCy pipeline, kg_facts included, over articles: together by nlp.pipe, and a text longer than
the pipeline's max_length (spaCy refuses those with error E088) in pieces cut at paragraph boundaries.

The pieces are parsed without kg_facts and joined into one Doc whose text is the whole text; kg_facts
then runs once on the whole, so every character offset (mentions, evidence) is an offset into the article
as stored. A paragraph boundary already ends a sentence (kg_line_breaks), so cutting there changes no
sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extractors.component import FACTS_PIPE, article_doc
from kg.model import Document, Extraction

PIECE_CHARS = 100_000  # longest piece of a long text parsed at once
CUTS = ("\n\n", "\n", " ")  # where a piece may end, best first: after a blank line, a line, a word


def extract_documents(nlp: Language, documents: list[Document]) -> list[Extraction]:
    """The extractions of `documents`, in order (nlp is a pipeline of kg.extractors.pipeline.build_nlp)."""
    fitting = [d for d in documents if len(d.text) <= nlp.max_length]
    done = iter(nlp.pipe(article_doc(nlp, d) for d in fitting))
    docs = [next(done) if len(d.text) <= nlp.max_length else extract_in_pieces(nlp, d) for d in documents]
    return [doc._.kg_extraction for doc in docs]


def extract_in_pieces(nlp: Language, document: Document) -> Doc:
    """The Doc of a long article, parsed a piece of at most PIECE_CHARS characters at a time, then read by
    kg_facts whole."""
    pieces = []
    for piece in nlp.pipe(split_text(document.text, min(PIECE_CHARS, nlp.max_length)), batch_size=1,
                          disable=[FACTS_PIPE]):  # one piece in memory at a time
        piece.tensor = piece.tensor[:0]  # the extractors use no vectors: drop them as each piece is done
        pieces.append(piece)
    doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    doc._.kg_document = document
    return nlp.get_pipe(FACTS_PIPE)(doc)



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
