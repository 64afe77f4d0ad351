"""Soak of `kg serve` on 127.0.0.1: many clients for a long time, heavy queries at their limit, ingest meanwhile.

Starts `kg serve` (with an update token) on a copy of a store (built from generated articles unless given)
and runs CONCURRENCY clients for DURATION seconds: HEAVY of them send queries far too big to finish, which
run into KG_QUERY_TIMEOUT one after another; one runs `kg ingest --server` over and over, each time on new
versions of the same 20 articles (so every round replaces 20 article graphs); the others send the mix of
bench/load.py (entity lookups, label searches, roles, counts and entity pages). Records statuses, p50/p99 by
kind, and the resident memory of the server process (and of its query processes) every 10 s; with `--probe`, also
figures from inside the server (malloc's bytes in use and free, its arenas, the answer cache; see
bench/memory_probe/sitecustomize.py). Passes when
no request failed (no 5xx but the 503 of heavy queries at their limit, no refused connection), every
ingest succeeded, and the server's memory at the end is within 10 % of its memory after the first tenth of
the run (the warm-up). Prints the figures and saves them as bench/results/NAME.json.

    .venv/bin/python -m bench.soak [--duration 600] [--concurrency 32] [--heavy 4] [--store PATH] [--probe]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.heavy import HEAVY
from bench.load import (
    HOST,
    ROOT,
    build_store,
    free_port,
    make_mix,
    percentiles,
    read_targets,
    rss_mib,
    sparql_request,
    start_server,
)
from bench.machine import save

TOKEN = "soak-token"
INGEST_ARTICLES = 20
SAMPLE_SECONDS = 10
PROBE = Path(__file__).resolve().parent / "memory_probe"  # a sitecustomize.py that samples the server from inside


def vm_rss_mib(pid: int) -> float:
    """Resident memory of one process, in MiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


class Tally:
    """Statuses and latencies of every request, by kind; thread-safe."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.latencies: dict[str, list[float]] = {}

    def add(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.statuses[(kind, status)] += 1
            self.latencies.setdefault(kind, []).append(seconds)

    def failures(self) -> dict[str, int]:
        """Requests that failed: connection errors (status 0) and 5xx, but for heavy queries' 503."""
        return {f"{kind} {status}": n for (kind, status), n in sorted(self.statuses.items())
                if status == 0 or (status >= 500 and not (kind == "heavy" and status == 503))}


def client(port: int, tally: Tally, until: float, pick: Any, seed: int) -> None:
    """Send requests chosen by `pick(rng)` -> (kind, request) on one keep-alive connection until `until`."""
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    while time.monotonic() < until:
        kind, (method, path, body, headers) = pick(rng)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=120)
        tally.add(kind, status, time.perf_counter() - started)
    connection.close()


def ingest_loop(url: str, folder: Path, until: float) -> list[dict[str, Any]]:
    """Run `kg ingest --server` on new versions of the same articles until `until`; one record per round."""
    rounds = []
    seed = 1000
    while time.monotonic() < until:
        if folder.exists():
            shutil.rmtree(folder)
        write_corpus(folder, INGEST_ARTICLES, seed=seed)
        started = time.perf_counter()
        ran = subprocess.run([sys.executable, "-m", "kg", "ingest", str(folder), "--server", url, "--workers", "1"],
                             cwd=ROOT, capture_output=True, text=True, env={**os.environ, "KG_UPDATE_TOKEN": TOKEN})
        rounds.append({"seed": seed, "exit": ran.returncode, "seconds": round(time.perf_counter() - started, 1),
                       "summary": ran.stdout.strip().splitlines()[-1] if ran.stdout.strip() else "",
                       "stderr": ran.stderr.strip()[-500:] if ran.returncode else ""})
        seed += 1
    return rounds


def run(store: Path, work: Path, concurrency: int, heavy: int, duration: float, timeout: float,
        probe: bool = False) -> dict[str, Any]:
    """Run the soak against a server over `store`; the figures."""
    targets = read_targets(store, "http://127.0.0.1:5000/")
    port = free_port()
    probed = work / "probe.jsonl"
    env = {"KG_UPDATE_TOKEN": TOKEN, "KG_ACCESS_LOG": "0", "KG_QUERY_TIMEOUT": str(timeout)}
    if probe:
        env.update({"PYTHONPATH": str(PROBE), "KG_MEMORY_PROBE": str(probed),
                    "KG_MEMORY_PROBE_SECONDS": str(SAMPLE_SECONDS)})
    server = start_server(store, port, max(32, concurrency), env)
    mix = make_mix(targets)
    weights = [w for w, _, _ in mix]

    def pick_mix(rng: random.Random) -> tuple[str, Any]:
        _, kind, make = rng.choices(mix, weights)[0]
        return kind, make(rng)

    def pick_heavy(rng: random.Random) -> tuple[str, Any]:
        return "heavy", sparql_request(HEAVY)

    tally = Tally()
    samples: list[dict[str, float]] = []
    rounds: list[dict[str, Any]] = []
    try:
        started = time.monotonic()
        until = started + duration
        samples.append({"t": 0.0, "server_mib": vm_rss_mib(server.pid), "with_queries_mib": rss_mib(server.pid)})
        threads = [threading.Thread(target=client, args=(port, tally, until, pick_heavy if n < heavy else pick_mix, n))
                   for n in range(concurrency - 1)]
        threads.append(threading.Thread(target=lambda: rounds.extend(
            ingest_loop(f"http://{HOST}:{port}", work / "ingest", until))))
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(min(SAMPLE_SECONDS, max(0.1, until - time.monotonic())) if time.monotonic() < until else 1)
            samples.append({"t": round(time.monotonic() - started, 1), "server_mib": vm_rss_mib(server.pid),
                            "with_queries_mib": rss_mib(server.pid)})
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    warm = next((s for s in samples if s["t"] >= duration / 10), samples[-1])
    end = samples[-1]
    growth = (end["server_mib"] - warm["server_mib"]) / warm["server_mib"] if warm["server_mib"] else 0.0
    requests = sum(tally.statuses.values())
    failures = tally.failures()
    failed_rounds = [r for r in rounds if r["exit"] != 0]
    return {
        "concurrency": concurrency,
        "heavy_clients": heavy,
        "query_timeout": timeout,
        "seconds": round(elapsed, 1),
        "requests": requests,
        "throughput_rps": round(requests / elapsed, 1),
        "statuses": {f"{kind} {status}": n for (kind, status), n in sorted(tally.statuses.items())},
        "failures": failures,
        "by_kind": {kind: percentiles(times) for kind, times in sorted(tally.latencies.items())},
        "all_but_heavy": percentiles([t for kind, times in tally.latencies.items() if kind != "heavy"
                                       for t in times]),
        "ingest_rounds": len(rounds),
        "ingest_failed": failed_rounds,
        "ingest_seconds": [r["seconds"] for r in rounds],
        "rss_server_mib_start": samples[0]["server_mib"],
        "rss_server_mib_after_warm_up": warm["server_mib"],
        "rss_server_mib_end": end["server_mib"],
        "rss_server_growth_after_warm_up": round(growth, 3),
        "rss_with_queries_mib_max": max(s["with_queries_mib"] for s in samples),
        "rss_samples": samples,
        "probe_samples": [json.loads(line) for line in probed.read_text().splitlines()] if probed.exists() else None,
        "passed": not failures and not failed_rounds and abs(growth) <= 0.10,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the soak; print the figures and save them (exit 1 when it did not pass)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=600, help="seconds of the soak")
    parser.add_argument("--concurrency", type=int, default=32, help="clients: heavy, ingest (one) and the mix")
    parser.add_argument("--heavy", type=int, default=4, help="clients that send only heavy queries")
    parser.add_argument("--timeout", type=float, default=10.0, help="KG_QUERY_TIMEOUT of the server, in seconds")
    parser.add_argument("--store", type=Path, help="a store to copy (default: build one from generated articles)")
    parser.add_argument("--articles", type=int, default=300, help="articles to generate when building a store")
    parser.add_argument("--name", default="soak", help="results file: bench/results/NAME.json")
    parser.add_argument("--probe", action="store_true", help="also sample memory figures inside the server (malloc, "
                        "its arenas, the answer cache) every 10 s")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-soak-") as tmp:
        work = Path(tmp)
        if args.store:
            store = work / "store"
            shutil.copytree(args.store, store)
        else:
            store = build_store(work, args.articles)
        figures = run(store, work, args.concurrency, args.heavy, args.duration, args.timeout, args.probe)
    result = {"command": "python -m bench.soak " + " ".join(argv if argv is not None else sys.argv[1:]),
              "store": str(args.store) if args.store else f"generated: {args.articles} articles", **figures}
    save(args.name, result)  # prints them too
    return 0 if figures["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
