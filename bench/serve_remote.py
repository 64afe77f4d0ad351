"""Benchmark 14: pages of `kg serve --sparql` over an Oxigraph server against `kg serve` over the embedded store.

The seeds (or the articles given) are ingested into a new `oxigraph serve --union-default-graph` and into a new
embedded store; a kg server runs over each. The pages a reader reaches from the home page (every entity, article,
fact, type, timeline and sanctions page; RDF and forms left out) are found once, then each is fetched once per round
from both servers, alternating which goes first, and each page's time is the median of its rounds. Figures: the
median and p95 over pages, and the ratio of the totals.

    .venv/bin/python -m bench.serve_remote [--rounds 5] [--save serve-remote] [PATH ...]
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
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from bench.machine import save

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
KG = [sys.executable, "-m", "kg"]
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith(("/static", "/query", "/sparql", "/search")):
            self.links.add(href.split("#")[0])


def _wait(url: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url}")


@contextmanager
def _running(command: list[str], ready: str) -> Iterator[None]:
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(ready)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def pages_of(base: str) -> list[str]:
    """Every page reached by links from the home page (no query strings)."""
    found: set[str] = set()
    todo = ["/"]
    while todo:
        path = todo.pop()
        if path in found or "?" in path:
            continue
        found.add(path)
        with urllib.request.urlopen(base + path, timeout=120) as answer:
            parser = _Links()
            parser.feed(answer.read().decode("utf-8"))
        todo += sorted(parser.links - found)
    return sorted(found)


def fetch_ms(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as answer:
        answer.read()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(SEEDS)], help="articles to ingest (default: the seeds)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--save", default="serve-remote", help="name of the results file (default: serve-remote)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-serve-remote-"))
    ports = {name: 18600 + n for n, name in enumerate(("oxigraph", "remote", "embedded"))}
    oxigraph = f"http://127.0.0.1:{ports['oxigraph']}"
    sparql = ["--sparql", f"{oxigraph}/query", "--update", f"{oxigraph}/update"]
    out: dict[str, Any] = {"paths": args.paths, "rounds": args.rounds, "load_average_before": os.getloadavg()}
    with _running([str(OXIGRAPH), "serve", "--location", str(tmp / "oxigraph"), "--bind", oxigraph[7:],
                   "--union-default-graph"], f"{oxigraph}/query?query=ASK%7B%7D"):
        subprocess.run([*KG, "ingest", *args.paths, *sparql, "--workers", "1"], cwd=ROOT, check=True)
        subprocess.run([*KG, "ingest", *args.paths, "--store", str(tmp / "store"), "--workers", "1"], cwd=ROOT,
                       check=True)
        bases = {name: f"http://127.0.0.1:{ports[name]}" for name in ("remote", "embedded")}
        with (_running([*KG, "serve", *sparql, "--port", str(ports["remote"])], f"{bases['remote']}/queries"),
              _running([*KG, "serve", "--store", str(tmp / "store"), "--port", str(ports["embedded"])],
                       f"{bases['embedded']}/queries")):
            paths = pages_of(bases["embedded"])
            assert paths == pages_of(bases["remote"]), "the two servers link different pages"
            times: dict[str, dict[str, list[float]]] = {name: {p: [] for p in paths} for name in bases}
            for number in range(args.rounds):
                order = ["remote", "embedded"] if number % 2 == 0 else ["embedded", "remote"]
                for path in paths:
                    for name in order:
                        times[name][path].append(fetch_ms(bases[name] + path))
    for name, by_page in times.items():
        medians = sorted(statistics.median(ms) for ms in by_page.values())
        out[name] = {"pages": len(medians), "median_ms": round(statistics.median(medians), 1),
                     "p95_ms": round(medians[int(0.95 * (len(medians) - 1))], 1), "total_ms": round(sum(medians))}
        print(name, out[name], flush=True)
    out["ratio_total"] = round(out["remote"]["total_ms"] / out["embedded"]["total_ms"], 2)
    out["ratio_median"] = round(out["remote"]["median_ms"] / out["embedded"]["median_ms"], 2)
    save(args.save, out)


if __name__ == "__main__":
    main()
