"""Run the spaCy pipeline, kg_facts included, over articles: together by nlp.pipe, and a text longer than
the pipeline's max_length (spaCy refuses those with error E088) in pieces cut at paragraph boundaries.

The pieces are parsed without kg_facts and joined into one Doc whose text is the whole text; kg_facts
then runs once on the whole, so every character offset (mentions, evidence) is an offset into the article
as stored. A paragraph boundary already ends a sentence (kg_line_breaks), so cutting there changes no
sentence.
"""

from __future__ import annotations

import threading

from spacy.language import Language
from spacy.tokens import Doc

from kg.articles import ReadProblem
from kg.errors import KGError
from kg.extractors.component import FACTS_PIPE, article_doc
from kg.extractors.pipeline import build_nlp
from kg.model import Document, Extraction

PIECE_CHARS = 100_000  # longest piece of a long text parsed at once
CUTS = ("\n\n", "\n", " ")  # where a piece may end, best first: after a blank line, a line, a word

Item = Document | ReadProblem  # what a chunk holds: articles to parse, and read failures passed through in order
Result = Extraction | ReadProblem

_loaded: dict[str | None, Language] = {}  # this process's pipelines by requested model name
_loading = threading.Lock()  # a Dask worker may load the model in its plugin while a task asks for it


def pipeline_for(model: str | None) -> Language:
    """This process's pipeline for `model`, loaded on first use and kept (one per worker process).

    Loaded lazily inside the task (not in a Pool initializer), so a model that fails to load
    raises ModelNotFound to the caller instead of making the pool restart workers forever.
    """
    with _loading:
        if model not in _loaded:
            _loaded[model] = build_nlp(model)
        return _loaded[model]


def extract_chunk(chunk: list[Item], model: str | None) -> list[Result]:
    """Parse a chunk's documents together and extract each, in order; problems pass through.

    The task a parsing process (kg.workers) or a Dask worker (kg.cluster) runs.
    """
    nlp = pipeline_for(model)
    documents = [item for item in chunk if isinstance(item, Document)]
    try:
        extracted = iter(extract_documents(nlp, documents))
    except (KGError, ValueError):  # one bad text spoils the batch: parse one by one to name it
        return [_extract_one(item, nlp) for item in chunk]
    return [item if isinstance(item, ReadProblem) else next(extracted) for item in chunk]


def _extract_one(item: Item, nlp: Language) -> Result:
    if isinstance(item, ReadProblem):
        return item
    try:
        return extract_documents(nlp, [item])[0]
    except (KGError, ValueError) as err:
        return ReadProblem(item.source, f"extraction failed: {err}")


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
