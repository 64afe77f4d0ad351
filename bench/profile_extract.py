"""Where extraction time goes: cProfile of the extractors (not the parse) over generated articles,
and extraction time as a share of parse time.

    .venv/bin/python -m bench.profile_extract [--articles 80] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus
from kg.articles import iter_articles
from kg.extractors import extract_parsed
from kg.extractors.lexicon import load_lexicon
from kg.extractors.pipeline import build_nlp
from kg.model import Document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    corpus = Path(tempfile.mkdtemp(prefix="kg-bench-profile-"))
    write_corpus(corpus, args.articles, seed=11)
    documents = [d for d in iter_articles([corpus]) if isinstance(d, Document)]
    nlp = build_nlp()
    load_lexicon()  # read once per process, as in an ingest worker: not a cost of each article
    started = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in documents))
    parse_s = time.perf_counter() - started
    extract_parsed(documents[0], parsed[0])  # builds the matchers and other per-process tables, as a worker's first
    started = time.perf_counter()             # article does: not a cost of each article either
    for document, doc in zip(documents, parsed, strict=True):
        extract_parsed(document, doc)
    plain_s = time.perf_counter() - started
    print(f"{len(documents)} articles: parse {parse_s:.1f} s, extract {plain_s:.2f} s "
          f"= {plain_s / parse_s:.1%} of the parse (the issue's bound: 10%)")
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for document, doc in zip(documents, parsed, strict=True):
        extract_parsed(document, doc)
    profile.disable()
    extract_s = time.perf_counter() - started
    print(f"profiled: extract {extract_s:.1f} s")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)

    print(f"extraction costs {plain_s / parse_s:.1%} of the parse ({extract_s / parse_s:.0%} with the profiler on)")

if __name__ == "__main__":
    main()
