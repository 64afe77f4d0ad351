"""Benchmark 8: scaling out. `--cluster local:2` against `--workers 2`, `local:1` against `local:2`, and the writes
to a remote Oxigraph server against the embedded store, over the same generated articles in one run:

    .venv/bin/python -m bench.scale [--articles 700] [--pairs N]

Every ingest runs in this process (`kg.ingest.ingest`, which also times its store stage) into a new store or a new
`oxigraph serve`. The contenders of the Dask overhead are run twice, alternated, so that a change of the machine's
load during the run shows. Then the sequential part alone (resolution and RDF conversion of parsed articles), and
the writes alone: the same article graphs written to a new embedded store, to Oxigraph by update requests, and to
Oxigraph by Graph Store PUTs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, Quad

from bench.corpus import write_corpus
from bench.machine import save
from kg import ontology
from kg.articles import iter_articles
from kg.ingest import BATCH_ARTICLES, GraphSink, _extract_all, ingest
from kg.model import Document, Extraction
from kg.remote import Endpoints, RemoteSink
from kg.resolver import EntityIndex
from kg.store import Store

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
NAMER = ontology.Namer()


@contextmanager
def oxigraph(folder: Path, port: int) -> Iterator[str]:
    """A new `oxigraph serve` on `folder`; its base URL."""
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run_ingest(name: str, corpus: Path, sink: GraphSink, **how: Any) -> dict[str, Any]:
    """Ingest the corpus into `sink`; the report's figures."""
    report = ingest([corpus], sink, NAMER, **how)
    assert not report.problems, report.problems[:3]
    figures = {"run": name, "articles": report.articles, "seconds": round(report.seconds, 2),
               "articles_per_s": round(report.articles / report.seconds, 1),
               "store_seconds": round(report.store_seconds, 2)}
    print(figures, flush=True)
    return figures


def article_graphs(store: Store) -> list[tuple[NamedNode, list[Quad]]]:
    """The article graphs of a store, in a fixed order."""
    graphs: dict[NamedNode, list[Quad]] = defaultdict(list)
    for quad in store.quads():
        assert isinstance(quad.graph_name, NamedNode)
        graphs[quad.graph_name].append(quad)
    return sorted(graphs.items(), key=lambda item: item[0].value)


def time_writes(sink: GraphSink, graphs: list[tuple[NamedNode, list[Quad]]]) -> float:
    """Seconds to write the graphs to `sink` in batches of BATCH_ARTICLES, as ingest does."""
    started = time.perf_counter()
    for start in range(0, len(graphs), BATCH_ARTICLES):
        sink.write_graphs(graphs[start:start + BATCH_ARTICLES])
    sink.flush()
    return time.perf_counter() - started


def pair_ratios(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """`--cluster local:2` seconds over `--workers 2` seconds: of each pair of runs, their median and spread (lowest,
    highest), and of all runs together."""
    seconds: dict[str, list[float]] = defaultdict(list)
    for run in runs:
        seconds[run["run"]].append(run["seconds"])
    ratios = [round(c / w, 3) for w, c in zip(seconds["workers 2"], seconds["cluster local:2"], strict=True)]
    return {"pairs": ratios, "median": round(statistics.median(ratios), 3), "spread": [min(ratios), max(ratios)],
            "total": round(sum(seconds["cluster local:2"]) / sum(seconds["workers 2"]), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=700)
    parser.add_argument("--port", type=int, default=17979)
    parser.add_argument("--pairs", type=int, help="only the Dask overhead: this many alternated pairs of "
                        "--workers 2 and --cluster local:2 (saved as results/<--save>.json)")
    parser.add_argument("--save", default="scale-pairs", help="name of the results file of --pairs "
                        "(default: scale-pairs)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))
    corpus = tmp / "corpus"
    words = write_corpus(corpus, args.articles)
    out: dict[str, Any] = {"articles": args.articles, "words": words, "runs": []}
    print(f"corpus: {args.articles} articles, {words} words in {corpus}", flush=True)

    runs = out["runs"]
    if args.pairs:
        pair = [("workers 2", {"workers": 2}), ("cluster local:2", {"cluster": "local:2"})]
        out["load_average_before"] = os.getloadavg()
        for number in range(args.pairs):
            for name, how in pair if number % 2 == 0 else pair[::-1]:
                runs.append(run_ingest(name, corpus, Store(tmp / f"store-{len(runs)}"), **how))
        out["ratios"] = pair_ratios(runs)
        print(f"local:2 / --workers 2 by pair: {out['ratios']['pairs']}; median {out['ratios']['median']}, "
              f"spread {out['ratios']['spread']}, all runs {out['ratios']['total']}", flush=True)
        save(args.save, out)
        return
    plan = [("workers 2", {"workers": 2}), ("cluster local:2", {"cluster": "local:2"}),
            ("cluster local:1", {"cluster": "local:1"}), ("cluster local:2", {"cluster": "local:2"}),
            ("workers 2", {"workers": 2})]
    for number, (name, how) in enumerate(plan):
        runs.append(run_ingest(name, corpus, Store(tmp / f"store-{number}"), **how))
    with oxigraph(tmp / "oxigraph-ingest", args.port) as base:
        sink = RemoteSink(Endpoints.sparql(f"{base}/query", f"{base}/update"), None)
        runs.append(run_ingest("workers 2, remote Oxigraph (updates)", corpus, sink, workers=2))

    # The sequential part alone: resolution and RDF conversion of the parsed articles, in input order.
    documents = [item for item in iter_articles([corpus]) if isinstance(item, Document)]
    extractions = [e for e in _extract_all(documents, None, 2) if isinstance(e, Extraction)]
    index = EntityIndex([])
    started = time.perf_counter()
    quads = 0
    for extraction in extractions:
        extraction = index.reconcile(extraction)
        quads += len(ontology.to_quads(extraction, NAMER))
        index.add(extraction.entities)
    sequential = time.perf_counter() - started
    out["sequential"] = {"articles": len(extractions), "seconds": round(sequential, 3),
                         "ms_per_article": round(1000 * sequential / len(extractions), 2), "quads": quads}
    print(out["sequential"], flush=True)

    graphs = article_graphs(Store(tmp / "store-0"))
    count = sum(len(q) for _, q in graphs)
    writes = {"graphs": len(graphs), "quads": count}
    writes["embedded"] = round(time_writes(Store(tmp / "writes-embedded"), graphs), 2)
    with oxigraph(tmp / "writes-update", args.port) as base:
        writes["oxigraph_update"] = round(time_writes(
            RemoteSink(Endpoints.sparql(f"{base}/query", f"{base}/update"), None), graphs), 2)
    with oxigraph(tmp / "writes-gsp", args.port) as base:
        writes["oxigraph_gsp_put"] = round(time_writes(
            RemoteSink(Endpoints.sparql(f"{base}/query", f"{base}/update", f"{base}/store"), None), graphs), 2)
    out["writes"] = writes
    print(writes, flush=True)
    save("scale", out)


if __name__ == "__main__":
    main()
