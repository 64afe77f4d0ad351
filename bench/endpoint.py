"""Benchmark 3: the SPARQL endpoint of `kg serve` against `oxigraph serve-read-only` on the same store.

Three servers run at once over the same on-disk store (kg holds it read-write, the others open it
read-only): `kg serve`, Oxigraph's own server, and bench/minimal_app.py (the least a Flask +
gunicorn app over pyoxigraph can do, to tell framework cost from endpoint features). Each load step
runs against all three back to back, so they see the same machine load. The load generator is
wrk (Debian package), a separate process, with a Lua script cycling through pre-encoded GET
requests of one query kind (or of the whole mix).

    .venv/bin/python -m bench.endpoint --store /tmp/kgb/store-1000000 [--duration 8] [--concurrency 1,8,32]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.machine import save

ROOT = Path(__file__).resolve().parent.parent
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX kg: <https://w3id.org/kg-news/ns#>
"""
ACCEPT = "application/sparql-results+json"


def pick_terms(store_path: Path, count: int = 40) -> dict[str, list[str]]:
    """Entity IRIs, labels and organizations to query, read from the store before serving it."""
    from pyoxigraph import Store

    store = Store.read_only(str(store_path))

    def column(sparql: str) -> list[str]:
        return [row[0].value for row in store.query(PREFIXES + sparql, use_default_graph_as_union=True)]

    people = column("SELECT DISTINCT ?e WHERE { ?e a kg:Person } LIMIT 5000")
    orgs = column("SELECT DISTINCT ?o WHERE { ?r org:organization ?o } LIMIT 2000")
    labels = column("SELECT DISTINCT ?l WHERE { ?e a kg:Organization ; rdfs:label ?l } LIMIT 2000")
    rng = random.Random(5)
    return {"entity": rng.sample(people, min(count, len(people))), "org": rng.sample(orgs, min(count, len(orgs))),
            "label": rng.sample(labels, min(count, len(labels)))}


def queries(terms: dict[str, list[str]]) -> dict[str, list[str]]:
    """The query kinds of the mix, each a list of concrete queries."""
    def literal(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    kinds = {
        "entity": [f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 500" for iri in terms["entity"]],
        "label": [f"SELECT DISTINCT ?e WHERE {{ ?e rdfs:label {literal(label)} }}" for label in terms["label"]],
        "roles": [f"SELECT ?person ?name ?title WHERE {{ ?r a kg:Role ; org:organization <{iri}> ; "
                  f"org:member ?person ; kg:roleTitle ?title . ?person rdfs:label ?name }} LIMIT 100"
                  for iri in terms["org"]],
        "counts": ["SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type"],
    }
    kinds = {name: [PREFIXES + q for q in qs] for name, qs in kinds.items()}
    kinds["mix"] = [q for qs in kinds.values() for q in qs[:10]]
    return kinds


def lua_script(paths: list[str]) -> str:
    """A wrk script sending GET `paths` in turn with an Accept header."""
    quoted = ",\n".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    return f"""local paths = {{
{quoted}
}}
local i = math.random(#paths)
request = function()
  i = (i % #paths) + 1
  return wrk.format("GET", paths[i], {{["Accept"] = "{ACCEPT}"}})
end
"""


def parse_wrk(output: str) -> dict[str, float]:
    """req/s, p50 and p99 in ms, and error counts from wrk --latency output."""
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}

    def latency(pct: str) -> float:
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return float(match.group(1)) * units[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def wrk(base: str, paths: list[str], concurrency: int, duration: int, script_dir: Path) -> dict[str, float]:
    """Run wrk against `base` with `paths`; its parsed results."""
    script = script_dir / "mix.lua"
    script.write_text(lua_script(paths), encoding="utf-8")
    threads = min(2, concurrency)
    done = subprocess.run(["wrk", "-t", str(threads), "-c", str(concurrency), "-d", f"{duration}s", "--latency",
                           "--timeout", "30s", "-s", str(script), base], capture_output=True, text=True, check=True)
    return parse_wrk(done.stdout)


def wait_until_up(url: str, seconds: float = 120.0) -> None:
    """Poll `url` until it answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@contextmanager
def server(command: list[str], probe: str, log: Path, env: dict[str, str] | None = None,
           cwd: Path = ROOT) -> Iterator[None]:
    """Run a server process (in `cwd`) until the block ends, then stop it and every process it started; its output
    goes to `log`.

    Raises:
        RuntimeError: something already answers at `probe` (a server left over would be measured instead).
    """
    try:
        wait_until_up(probe, seconds=0)
    except OSError:
        pass
    else:
        raise RuntimeError(f"{probe} answers before the server is started: stop what listens there")
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})}, start_new_session=True)
        try:
            wait_until_up(probe)
            yield
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--kinds", default="entity,label,roles,counts,mix")
    parser.add_argument("--kg-port", type=int, default=5811)
    parser.add_argument("--ox-port", type=int, default=7811)
    parser.add_argument("--min-port", type=int, default=5812)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    kinds = queries(pick_terms(args.store))
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-endpoint-"))
    kg_base, ox_base = f"http://127.0.0.1:{args.kg_port}", f"http://127.0.0.1:{args.ox_port}"
    min_base = f"http://127.0.0.1:{args.min_port}"
    results: dict[str, Any] = {"store": str(args.store), "duration_s": args.duration, "runs": []}
    kg_cmd = [sys.executable, "-m", "kg", "serve", "--store", str(args.store), "--port", str(args.kg_port)]
    ox_cmd = [str(OXIGRAPH), "serve-read-only", "--location", str(args.store), "--bind",
              f"127.0.0.1:{args.ox_port}", "--union-default-graph"]
    min_cmd = [str(Path(sys.executable).parent / "gunicorn"), "-k", "gthread", "-w", "1", "--threads", "8",
               "-b", min_base[len("http://"):], "bench.minimal_app:create()"]
    ask = urllib.parse.quote("ASK {}")
    with server(kg_cmd, f"{kg_base}/sparql?query={ask}", tmp / "kg.log"), \
            server(ox_cmd, f"{ox_base}/query?query={ask}", tmp / "oxigraph.log"), \
            server(min_cmd, f"{min_base}/sparql?query={ask}", tmp / "minimal.log", {"BENCH_STORE": str(args.store)}):
        for kind in args.kinds.split(","):
            encoded = [urllib.parse.quote(q) for q in kinds[kind]]
            for concurrency in map(int, args.concurrency.split(",")):
                kg_run = wrk(kg_base, [f"/sparql?query={q}" for q in encoded], concurrency, args.duration, tmp)
                ox_run = wrk(ox_base, [f"/query?query={q}" for q in encoded], concurrency, args.duration, tmp)
                min_run = wrk(min_base, [f"/sparql?query={q}" for q in encoded], concurrency, args.duration, tmp)
                ratio = kg_run["rps"] / ox_run["rps"] if ox_run["rps"] else float("nan")
                floor = min_run["rps"] / ox_run["rps"] if ox_run["rps"] else float("nan")
                row = {"kind": kind, "concurrency": concurrency, "kg": kg_run, "oxigraph": ox_run,
                       "minimal": min_run, "ratio": ratio, "ratio_minimal": floor}
                results["runs"].append(row)
                print(f"{kind:7s} c={concurrency:<3d} kg {kg_run['rps']:8.1f} req/s p50 {kg_run['p50_ms']:7.2f} "
                      f"p99 {kg_run['p99_ms']:7.2f} | oxigraph {ox_run['rps']:8.1f} req/s p50 "
                      f"{ox_run['p50_ms']:7.2f} p99 {ox_run['p99_ms']:7.2f} | minimal {min_run['rps']:8.1f} | "
                      f"ratio {ratio:.2f} (minimal {floor:.2f})"
                      f"{'  ERRORS' if kg_run['non_2xx'] or ox_run['non_2xx'] else ''}", flush=True)
    save(f"endpoint_{args.store.name}", results)


if __name__ == "__main__":
    main()
