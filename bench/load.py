"""Load and soak test of `kg serve` on 127.0.0.1: a mix of SPARQL queries and entity pages.

Builds a store from generated articles (or takes one), starts `kg serve` on a free local
port, and drives it with client threads at each concurrency for a fixed time, bounded in
requests too. Reports throughput, p50/p99 latency, errors and the server's resident memory
(from /proc/<pid>/status) before and after. `--soak SECONDS` then runs one concurrency for
that long and reports how memory grew. Nothing but 127.0.0.1 is ever contacted.

    .venv/bin/python -m bench.load [--articles 300] [--duration 20] [--concurrency 1,8,32]
                                   [--soak 300] [--store PATH] [--threads 8]
"""

from __future__ import annotations

import argparse
import gc
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.machine import save
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # the only address this benchmark talks to
MAX_REQUESTS = 200_000  # per concurrency level or soak, whatever the duration
SAMPLE_QUERIES = {
    "persons": "SELECT ?e ?l WHERE { ?e a kg:Person ; rdfs:label ?l } LIMIT 400",
    "orgs": "SELECT ?e WHERE { ?e a kg:Organization . ?r org:organization ?e } GROUP BY ?e LIMIT 200",
}
ENTITY = "SELECT ?p ?o WHERE {{ {iri} ?p ?o }} LIMIT 100"
LABEL_SEARCH = ('SELECT ?e ?l WHERE {{ ?e rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), {word})) }} '
                "LIMIT 20")
ROLES = ("SELECT ?person ?title WHERE {{ ?r a kg:Role ; org:organization {iri} ; org:member ?person ; "
         "kg:roleTitle ?title }}")
COUNTS = "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type"


@dataclass
class Targets:
    """What the request mix picks from: entity IRIs and keys, organizations, label words."""

    persons: list[str]
    orgs: list[str]
    words: list[str]
    base: str

    def key(self, iri: str) -> str:
        """The path of an entity's page."""
        return iri[len(self.base):]


@dataclass
class Level:
    """Results of one run at one concurrency."""

    concurrency: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    by_kind: dict[str, list[float]] = field(default_factory=dict)  # latencies of successful requests by kind

    def summary(self) -> dict[str, Any]:
        """Throughput, latency percentiles and errors."""
        lat = sorted(self.latencies)
        pick = (lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))] * 1000, 1)) if lat else (lambda q: None)
        return {
            "concurrency": self.concurrency,
            "requests": len(lat) + self.errors,
            "seconds": round(self.seconds, 1),
            "throughput_rps": round((len(lat) + self.errors) / self.seconds, 1) if self.seconds else 0,
            "p50_ms": pick(0.50),
            "p99_ms": pick(0.99),
            "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else None,
            "errors": self.errors,
            "by_kind": {kind: percentiles(times) for kind, times in sorted(self.by_kind.items())},
        }


def percentiles(latencies: list[float]) -> dict[str, Any]:
    """Count, p50 and p99 in milliseconds."""
    lat = sorted(latencies)
    if not lat:
        return {"requests": 0}
    return {"requests": len(lat), "p50_ms": round(lat[len(lat) // 2] * 1000, 1),
            "p99_ms": round(lat[min(len(lat) - 1, int(0.99 * len(lat)))] * 1000, 1)}


def sparql_request(query: str) -> tuple[str, str, bytes | None, dict[str, str]]:
    """A GET of /sparql with JSON results."""
    path = "/sparql?" + urllib.parse.urlencode({"query": query})
    return "GET", path, None, {"Accept": "application/sparql-results+json"}


def make_mix(targets: Targets) -> list[tuple[int, str, Callable[[random.Random], tuple[str, str, bytes | None,
                                                                                     dict[str, str]]]]]:
    """(weight, kind, request maker) of each request in the mix."""
    return [
        (25, "entity_lookup", lambda r: sparql_request(ENTITY.format(iri=f"<{r.choice(targets.persons)}>"))),
        (20, "label_search", lambda r: sparql_request(LABEL_SEARCH.format(word=f'"{r.choice(targets.words)}"'))),
        (15, "org_roles", lambda r: sparql_request(ROLES.format(iri=f"<{r.choice(targets.orgs)}>"))),
        (10, "counts", lambda r: sparql_request(COUNTS)),
        (30, "entity_page", lambda r: ("GET", "/" + targets.key(r.choice(targets.persons)), None,
                                       {"Accept": "text/html"})),
    ]


def drive(port: int, targets: Targets, concurrency: int, seconds: float, seed: int = 1) -> Level:
    """Send the mix from `concurrency` threads (one keep-alive connection each) for `seconds`."""
    mix = make_mix(targets)
    weights = [w for w, _, _ in mix]
    level = Level(concurrency, seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    budget = [MAX_REQUESTS]

    def worker(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        mine: list[float] = []
        errors = 0
        kinds: dict[str, list[float]] = {}
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            _, kind, make = rng.choices(mix, weights)[0]
            method, path, body, headers = make(rng)
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
            if ok:
                mine.append(time.perf_counter() - started)
                kinds.setdefault(kind, []).append(mine[-1])
            else:
                errors += 1
        connection.close()
        with lock:
            level.latencies += mine
            level.errors += errors
            for kind, times in kinds.items():
                level.by_kind.setdefault(kind, []).extend(times)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    level.seconds = time.monotonic() - started
    return level


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (the server's query processes), in MiB."""
    total = 0.0
    for proc in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{proc}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return round(total, 1)


def children(pid: int) -> list[int]:
    """Process ids whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def build_store(folder: Path, articles: int) -> Path:
    """Generate `articles` articles and ingest them into a new store under `folder`."""
    corpus, store = folder / "articles", folder / "store"
    write_corpus(corpus, articles)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "ingest", str(corpus), "--store", str(store)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(f"built a store of {articles} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return store


def read_targets(store_path: Path, base: str) -> Targets:
    """Entities, organizations with roles and label words from the store (opened, then closed)."""
    store = Store(store_path)
    try:
        persons = [row["e"].value for row in store.select(SAMPLE_QUERIES["persons"])]
        words = sorted({w.lower() for row in store.select(SAMPLE_QUERIES["persons"])
                        for w in row["l"].value.split() if len(w) > 3 and w.isalpha()})
        orgs = [row["e"].value for row in store.select(SAMPLE_QUERIES["orgs"])]
    finally:
        del store
        gc.collect()
    if not persons or not orgs:
        raise SystemExit(f"{store_path} holds no persons or no organizations with roles to query")
    return Targets(persons, orgs, words[:200] or ["a"], base)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(store: Path, port: int, threads: int, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`kg serve` on 127.0.0.1:port (with `env` added to the environment), once it answers."""
    log = open(Path(tempfile.gettempdir()) / f"kg-load-{port}.log", "wb")  # noqa: SIM115 - lives with the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--host", HOST, "--port", str(port),
         "--threads", str(threads)],
        cwd=ROOT, stdout=log, stderr=log, env={**os.environ, "KG_UPDATE_TOKEN": "", **(env or {})},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"kg serve exited; see {log.name}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/sparql?query=ASK%7B%7D")
            connection.getresponse().read()
            connection.close()
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("kg serve did not answer within 60 s")


def soak(port: int, pid: int, targets: Targets, concurrency: int, seconds: float) -> dict[str, Any]:
    """Drive the mix for `seconds`, sampling the server's memory every 10 s in between."""
    samples: list[tuple[float, float]] = [(0.0, rss_mib(pid))]
    results: list[Level] = []
    started = time.monotonic()
    runner = threading.Thread(target=lambda: results.append(drive(port, targets, concurrency, seconds, seed=2)))
    runner.start()
    while runner.is_alive():
        runner.join(timeout=10)
        samples.append((round(time.monotonic() - started, 1), rss_mib(pid)))
    half = [rss for t, rss in samples if t >= seconds / 2]
    return {
        **results[0].summary(),
        "rss_mib_start": samples[0][1],
        "rss_mib_end": samples[-1][1],
        "rss_mib_max": max(rss for _, rss in samples),
        "rss_growth_mib": round(samples[-1][1] - samples[0][1], 1),
        "rss_growth_second_half_mib": round(half[-1] - half[0], 1) if len(half) > 1 else 0.0,
        "rss_samples": samples,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the load levels and the soak; print and save the results as bench/results/load.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an existing store (default: build one from generated articles)")
    parser.add_argument("--articles", type=int, default=300, help="articles to generate when building a store")
    parser.add_argument("--duration", type=float, default=20, help="seconds per concurrency level")
    parser.add_argument("--concurrency", default="1,8,32", help="client threads per level, comma-separated")
    parser.add_argument("--soak", type=float, default=300, help="seconds of the soak (0: no soak)")
    parser.add_argument("--soak-concurrency", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8, help="request threads of the server (KG_THREADS)")
    parser.add_argument("--name", default="load", help="results file: bench/results/NAME.json")
    parser.add_argument("--base-iri", default="http://127.0.0.1:5000/", help="base IRI of the store's entities")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
        store = args.store or build_store(Path(tmp), args.articles)
        targets = read_targets(store, args.base_iri)
        port = free_port()
        server = start_server(store, port, args.threads)
        try:
            rss_start = rss_mib(server.pid)
            levels = []
            for concurrency in (int(c) for c in args.concurrency.split(",")):
                before = rss_mib(server.pid)
                level = drive(port, targets, concurrency, args.duration).summary()
                levels.append({**level, "rss_mib_before": before, "rss_mib_after": rss_mib(server.pid)})
                print(f"concurrency {concurrency}: {level['throughput_rps']} req/s, p50 {level['p50_ms']} ms, "
                      f"p99 {level['p99_ms']} ms, {level['errors']} errors", file=sys.stderr, flush=True)
            soaked = soak(port, server.pid, targets, args.soak_concurrency, args.soak) if args.soak else None
            rss_end = rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    save(args.name, {
        "command": "python -m bench.load " + " ".join(argv if argv is not None else sys.argv[1:]),
        "store": str(args.store) if args.store else f"generated: {args.articles} articles",
        "server_threads": args.threads,
        "entities_sampled": len(targets.persons),
        "rss_mib_start": rss_start,
        "rss_mib_end": rss_end,
        "levels": levels,
        "soak": soaked,
    })
    errors = sum(level["errors"] for level in levels) + (soaked["errors"] if soaked else 0)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
