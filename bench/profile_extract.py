"""Where extraction time goes: cProfile of the extractors (not the parse) over generated articles.

Then a what-if, measured and checked here only (kg/extractors/ is not changed by this script):
the same extraction with `entities.match_title` looking titles up by their last word instead
of trying every known title at every token, and whether the Extractions come out identical.

    .venv/bin/python -m bench.profile_extract [--articles 80] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from bench.corpus import write_corpus
from kg.articles import iter_articles
from kg.extractors import entities, extract_parsed
from kg.extractors.lexicon import Lexicon
from kg.extractors.pipeline import build_nlp
from kg.model import Document

original_match_title = entities.match_title


@cache
def _titles_by_last_word(titles: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in titles:  # longest first, kept in that order
        index.setdefault(words[-1], []).append(words)
    return index


def indexed_match_title(doc: Doc, end: int, lexicon: Lexicon) -> int | None:
    """entities.match_title, looking up only the titles whose last word is doc[end - 1]."""
    if end < 1:
        return None
    for words in _titles_by_last_word(lexicon.titles).get(doc[end - 1].lower_, ()):
        start = end - len(words)
        if start >= 0 and all(doc[start + k].lower_ == w for k, w in enumerate(words)):
            return start
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    corpus = Path(tempfile.mkdtemp(prefix="kg-bench-profile-"))
    write_corpus(corpus, args.articles, seed=11)
    documents = [d for d in iter_articles([corpus]) if isinstance(d, Document)]
    nlp = build_nlp()
    started = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in documents))
    parse_s = time.perf_counter() - started
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for document, doc in zip(documents, parsed, strict=True):
        extract_parsed(document, doc)
    profile.disable()
    extract_s = time.perf_counter() - started
    print(f"{len(documents)} articles: parse {parse_s:.1f} s, extract {extract_s:.1f} s (profiled)")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)

    started = time.perf_counter()
    before = [extract_parsed(d, p) for d, p in zip(documents, parsed, strict=True)]
    plain_s = time.perf_counter() - started
    entities.match_title = indexed_match_title  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        after = [extract_parsed(d, p) for d, p in zip(documents, parsed, strict=True)]
        indexed_s = time.perf_counter() - started
    finally:
        entities.match_title = original_match_title  # type: ignore[assignment]
    print(f"parse {parse_s:.2f} s; extract {plain_s:.2f} s ({plain_s / parse_s:.0%} of parse); "
          f"with titles indexed by last word {indexed_s:.2f} s ({indexed_s / parse_s:.0%} of parse); "
          f"identical extractions: {before == after}")


if __name__ == "__main__":
    main()
