"""Benchmarks 1 and 2: `kg ingest` end to end against raw spaCy, and its store stage against bulk_load.

Everything runs over the same generated corpus in the same run, so the ratios hold on a busy machine:

    .venv/bin/python -m bench.ingest_vs_spacy [--articles 600] [--workers 2]

Stages timed: nlp.pipe in one process (and, in the same pass, our extractors on its Docs);
nlp.pipe(n_process=2); resolution + RDF conversion; store writes one transaction per article,
batched as ingest does, and Store.bulk_load of the same quads; `kg ingest` as a subprocess,
then again over the unchanged corpus; ingest() in this process for its store-stage time.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat
from pyoxigraph import Store as OxStore

from bench.corpus import write_corpus
from bench.machine import save
from kg import ontology
from kg.articles import iter_articles
from kg.extractors import extract_parsed
from kg.extractors.pipeline import build_nlp
from kg.ingest import BATCH_ARTICLES, BATCH_QUADS, ingest
from kg.model import Document, Extraction
from kg.resolver import EntityIndex
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent


def kg_cli(*args: str) -> tuple[float, str]:
    """Run `python -m kg ARGS`; (wall seconds, stdout)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def reported_seconds(summary: str) -> float:
    """The seconds in an IngestReport summary line."""
    match = re.search(r" in ([\d.]+) s ", summary)
    assert match, summary
    return float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size for n_process=2")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-ingest-"))
    corpus = tmp / "corpus"
    write_corpus(corpus, args.articles)
    documents = [d for d in iter_articles([corpus]) if isinstance(d, Document)]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    out: dict[str, Any] = {"articles": len(documents), "words": words, "corpus": str(corpus)}
    print(f"corpus: {len(documents)} articles, {words} words in {corpus}", flush=True)

    nlp = build_nlp()
    nlp("Warm up the pipeline.")
    extractions: list[Extraction] = []
    extract_seconds = 0.0
    started = time.perf_counter()
    for document, doc in zip(documents, nlp.pipe(texts), strict=True):
        tick = time.perf_counter()
        extractions.append(extract_parsed(document, doc))
        extract_seconds += time.perf_counter() - tick
    pipe1 = time.perf_counter() - started - extract_seconds
    out["pipe_1proc_s"], out["extract_s"] = pipe1, extract_seconds
    print(f"nlp.pipe 1 process: {pipe1:.1f} s; extractors on its Docs: {extract_seconds:.1f} s", flush=True)

    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=2, batch_size=args.batch_size):
        pass
    pipe2 = time.perf_counter() - started
    out["pipe_2proc_s"] = pipe2
    print(f"nlp.pipe n_process=2: {pipe2:.1f} s", flush=True)

    namer = ontology.Namer()
    started = time.perf_counter()
    index = EntityIndex()
    graphs = []
    for extraction in extractions:
        extraction = index.reconcile(extraction)
        graphs.append((namer.article(extraction.document.id), ontology.to_quads(extraction, namer)))
        index.add(extraction.entities)
    out["resolve_rdf_s"] = time.perf_counter() - started
    quads = sum(len(q) for _, q in graphs)
    out["quads"] = quads
    out["store"] = store_writes(graphs, tmp)

    wall, summary = kg_cli("ingest", str(corpus), "--store", str(tmp / "cli-store"), "--workers", str(args.workers))
    out["cli_ingest"] = {"wall_s": wall, "reported_s": reported_seconds(summary), "summary": summary.strip()}
    print(f"kg ingest: {wall:.1f} s wall; {summary.strip()}", flush=True)
    wall, summary = kg_cli("ingest", str(corpus), "--store", str(tmp / "cli-store"), "--workers", str(args.workers))
    out["cli_reingest_unchanged"] = {"wall_s": wall, "reported_s": reported_seconds(summary),
                                     "summary": summary.strip()}
    print(f"kg ingest again (unchanged): {wall:.1f} s wall; {summary.strip()}", flush=True)

    report = ingest([corpus], Store(tmp / "api-store"), namer, workers=args.workers)
    out["api_ingest"] = {"seconds": report.seconds, "store_seconds": report.store_seconds,
                         "transactions": report.transactions, "quads": report.quads, "summary": report.summary()}
    print(f"ingest(): {report.summary()}; store stage {report.store_seconds:.2f} s", flush=True)
    out["figures"] = figures(out)
    save("ingest_vs_spacy", out)


def store_writes(graphs: list[tuple[Any, list[Any]]], tmp: Path) -> dict[str, float]:
    """Seconds to write the same article graphs: per article, batched like ingest, and bulk_load."""
    result: dict[str, float] = {}
    per_article = Store(tmp / "store-per-article")
    started = time.perf_counter()
    for graph in graphs:
        per_article.write_graphs([graph])
    per_article.flush()
    result["per_article_s"] = time.perf_counter() - started
    batched = Store(tmp / "store-batched")
    started = time.perf_counter()
    batch: list[Any] = []
    size = 0
    for graph in graphs:
        batch.append(graph)
        size += len(graph[1])
        if len(batch) >= BATCH_ARTICLES or size >= BATCH_QUADS:
            batched.write_graphs(batch)
            batch, size = [], 0
    if batch:
        batched.write_graphs(batch)
    batched.flush()
    result["batched_s"] = time.perf_counter() - started
    data = io.BytesIO()
    batched.dump(data, RdfFormat.N_QUADS)
    bulk = OxStore(str(tmp / "store-bulk"))
    started = time.perf_counter()
    bulk.bulk_load(data.getvalue(), format=RdfFormat.N_QUADS)
    bulk.flush()
    result["bulk_load_s"] = time.perf_counter() - started
    return result


def figures(out: dict[str, Any]) -> dict[str, float]:
    """Rates and ratios for the README."""
    words, articles, quads = out["words"], out["articles"], out["quads"]
    cli = out["cli_ingest"]["wall_s"]
    store = out["store"]
    api = out["api_ingest"]
    return {
        "pipe1_words_s": words / out["pipe_1proc_s"],
        "pipe2_words_s": words / out["pipe_2proc_s"],
        "ingest_words_s": words / cli,
        "ingest_articles_s": articles / cli,
        "pipe2_articles_s": articles / out["pipe_2proc_s"],
        "ratio_ingest_to_pipe2": out["pipe_2proc_s"] / cli,
        "ratio_ingest_reported_to_pipe2": out["pipe_2proc_s"] / out["cli_ingest"]["reported_s"],
        "extract_share_of_parse": out["extract_s"] / out["pipe_1proc_s"],
        "resolve_rdf_share_of_parse": out["resolve_rdf_s"] / out["pipe_1proc_s"],
        "per_article_quads_s": quads / store["per_article_s"],
        "batched_quads_s": quads / store["batched_s"],
        "bulk_load_quads_s": quads / store["bulk_load_s"],
        "ingest_store_quads_s": api["quads"] / api["store_seconds"],
        "ratio_batched_to_bulk": store["bulk_load_s"] / store["batched_s"],
        "store_share_of_ingest": api["store_seconds"] / api["seconds"],
        "reingest_unchanged_s": out["cli_reingest_unchanged"]["reported_s"],
    }


if __name__ == "__main__":
    main()
