"""Cheap queries while heavy ones run: are they still answered at once, and do heavy ones end at their limit?

Starts `kg serve` on a free port of 127.0.0.1 over a store (built from generated articles unless given), sends
HEAVY queries at once (each a cross product of three triple patterns, far too big to finish, so each runs
into KG_QUERY_TIMEOUT), and meanwhile sends cheap queries (an entity lookup and a page) one after another
from another client until every heavy query is answered. Prints, and saves as bench/results/NAME.json, the
cheap requests' p50/p99/max and the heavy queries' statuses and durations, against the goal: a cheap
query's p99 under 1 s, and every heavy query answered by KG_QUERY_TIMEOUT + 1 s.

    .venv/bin/python -m bench.heavy [--store PATH | --articles 100] [--heavy 16] [--timeout 10] [--threads N]
"""

from __future__ import annotations

import argparse
import http.client
import random
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.load import (
    ENTITY,
    HOST,
    build_store,
    free_port,
    read_targets,
    rss_mib,
    sparql_request,
    start_server,
)
from bench.machine import save
from kg.settings import Settings

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def timed(port: int, request: tuple[str, str, bytes | None, dict[str, str]]) -> tuple[int, float]:
    """Status and seconds of one request on a new connection (status 0 when the connection failed)."""
    method, path, body, headers = request
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=600)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(port: int, pid: int, targets: Any, heavy: int) -> dict[str, Any]:
    """Send `heavy` heavy queries at once and cheap requests meanwhile; the figures."""
    rng = random.Random(3)
    cheap: list[tuple[int, float]] = []
    done = threading.Event()
    rss_peak = [rss_mib(pid)]

    def cheap_client() -> None:
        while not done.is_set():
            if rng.random() < 0.5:
                request = sparql_request(ENTITY.format(iri=f"<{rng.choice(targets.persons)}>"))
            else:
                request = ("GET", "/" + targets.key(rng.choice(targets.persons)), None, {"Accept": "text/html"})
            cheap.append(timed(port, request))
            rss_peak[0] = max(rss_peak[0], rss_mib(pid))

    client = threading.Thread(target=cheap_client)
    started = time.perf_counter()
    with ThreadPoolExecutor(heavy) as pool:
        running = [pool.submit(timed, port, sparql_request(HEAVY)) for _ in range(heavy)]
        time.sleep(0.2)  # the heavy queries are in
        client.start()
        answers = [future.result() for future in running]
    done.set()
    client.join()
    ok = [seconds for status, seconds in cheap if status == 200]
    return {
        "heavy_queries": heavy,
        "heavy_statuses": sorted({status for status, _ in answers}),
        "heavy_seconds_max": round(max(seconds for _, seconds in answers), 2),
        "heavy_seconds_min": round(min(seconds for _, seconds in answers), 2),
        "run_seconds": round(time.perf_counter() - started, 1),
        "cheap_requests": len(cheap),
        "cheap_errors": len(cheap) - len(ok),
        "cheap_p50_ms": round(percentile(ok, 0.5) * 1000, 1) if ok else None,
        "cheap_p99_ms": round(percentile(ok, 0.99) * 1000, 1) if ok else None,
        "cheap_max_ms": round(max(ok) * 1000, 1) if ok else None,
        "rss_mib_peak": rss_peak[0],
    }


def main(argv: list[str] | None = None) -> int:
    """Run the measurement; print the figures and whether the goal is met (exit 1 if not)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an existing store (default: build one from generated articles)")
    parser.add_argument("--articles", type=int, default=100, help="articles to generate when building a store")
    parser.add_argument("--heavy", type=int, default=16, help="heavy queries sent at once")
    parser.add_argument("--timeout", type=float, default=10.0, help="KG_QUERY_TIMEOUT of the server, in seconds")
    parser.add_argument("--threads", type=int, default=Settings.threads, help="KG_THREADS of the server")
    parser.add_argument("--name", default="heavy", help="results file: bench/results/NAME.json")
    parser.add_argument("--base-iri", default="http://127.0.0.1:5000/", help="base IRI of the store's entities")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-heavy-") as tmp:
        store = args.store or build_store(Path(tmp), args.articles)
        targets = read_targets(store, args.base_iri)
        port = free_port()
        server = start_server(store, port, args.threads, {"KG_QUERY_TIMEOUT": str(args.timeout),
                                                          "KG_ACCESS_LOG": "0"})
        try:
            figures = measure(port, server.pid, targets, args.heavy)
        finally:
            server.terminate()
            server.wait(timeout=30)
    met = (figures["cheap_p99_ms"] is not None and figures["cheap_p99_ms"] < 1000 and not figures["cheap_errors"]
           and figures["heavy_seconds_max"] <= args.timeout + 1)
    result = {"command": "python -m bench.heavy " + " ".join(argv if argv is not None else sys.argv[1:]),
              "store": str(args.store) if args.store else f"generated: {args.articles} articles",
              "query_timeout": args.timeout, "server_threads": args.threads, **figures, "goal_met": met}
    save(args.name, result)  # prints them too
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
