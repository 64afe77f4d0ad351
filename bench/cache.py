"""Benchmark of the answer cache: repeated queries, kg against native `oxigraph serve`, cache on, off and today.

Traffic that repeats (pages, stored queries, dashboards): a share `--repeat` (0.8) of the requests is one of
`--hot` (200) queries of the endpoint benchmark's kinds, the rest are queries never sent before (the same
kinds, made unique by their LIMIT). Four servers over the same store, measured back to back by wrk in each
round so that they see the same machine load: `oxigraph serve-read-only` (which caches nothing), `kg serve`
with the answer cache (the default KG_CACHE_BYTES), `kg serve` with KG_CACHE_BYTES=0, and, with `--today
DIR`, `kg serve` run from another checkout (today's code, e.g. `git archive main | tar -x -C DIR`). The kg
servers run one at a time (each holds the store for writing); Oxigraph reads it beside them. Every kg server
runs with its defaults (32 threads, access log on). Each server gets `--warm-up` seconds of the same traffic
first, unmeasured. Two mixes: `mix` (entity, label, roles, counts: the endpoint benchmark's) and `cheap`
(without the full-scan counts query).

    .venv/bin/python -m bench.cache --store /tmp/kgb/store-1000000 [--today /tmp/kg-today] [--duration 10]
        [--rounds 1] [--mixes mix,cheap] [--repeat 0.8] [--hot 200]

With `--repeat 0` every request is new (nothing to find in the cache): the cost of uncached requests, e.g.
`--repeat 0 --mixes entity,label` for the entity and label lookups alone.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

from bench.endpoint import ACCEPT, OXIGRAPH, PREFIXES, ROOT, parse_wrk, pick_terms, server
from bench.machine import save

MIXES = {"mix": ("entity", "label", "roles", "counts"), "cheap": ("entity", "label", "roles"),
         "entity": ("entity",), "label": ("label",)}


def stems(terms: dict[str, list[str]], kind: str) -> list[str]:
    """Queries of one kind, each ending in `LIMIT ` so that a number completes it (a different one each time)."""
    def literal(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    if kind == "entity":
        texts = [f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT " for iri in terms["entity"]]
    elif kind == "label":
        texts = [f"SELECT DISTINCT ?e WHERE {{ ?e rdfs:label {literal(label)} }} LIMIT " for label in terms["label"]]
    elif kind == "roles":
        texts = [f"SELECT ?person ?name ?title WHERE {{ ?r a kg:Role ; org:organization <{iri}> ; org:member ?person "
                 f"; kg:roleTitle ?title . ?person rdfs:label ?name }} LIMIT " for iri in terms["org"]]
    else:
        texts = ["SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type LIMIT "]
    return [PREFIXES + text for text in texts]


def traffic(terms: dict[str, list[str]], kinds: tuple[str, ...], hot: int) -> tuple[list[str], list[str]]:
    """(the hot queries, the stems of new ones), URL-encoded: hot queries are spread evenly over the kinds."""
    each = hot // len(kinds)
    repeated, fresh = [], []
    for kind in kinds:
        kind_stems = stems(terms, kind)
        repeated += [kind_stems[n % len(kind_stems)] + str(100 + n) for n in range(each)]
        fresh += kind_stems
    return [urllib.parse.quote(q) for q in repeated], [urllib.parse.quote(q) for q in fresh]


def lua_script(endpoint: str, repeated: list[str], fresh: list[str], repeat: float, run: int) -> str:
    """A wrk script: with probability `repeat` one of `repeated`, else a query not sent before (a stem of `fresh`
    with a LIMIT no other request has: each wrk run, and each thread of it, counts in a range of its own)."""
    def table(items: list[str]) -> str:
        return "{\n" + ",\n".join(f'"{endpoint}?query={item}"' for item in items) + "\n}"

    return f"""local repeated = {table(repeated)}
local fresh = {table(fresh)}
local counter = 0
local next_id = 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
function init(args)
  math.randomseed(id * 7919)
end
request = function()
  local path
  if math.random() < {repeat} then
    path = repeated[math.random(#repeated)]
  else
    counter = counter + 1
    path = fresh[(counter % #fresh) + 1] .. tostring({run * 100_000_000} + id * 10000000 + counter)
  end
  return wrk.format("GET", path, {{["Accept"] = "{ACCEPT}"}})
end
"""


class Load:
    """The traffic of one mix, sent by wrk; every run sends new queries of its own beside the repeated ones."""

    def __init__(self, repeated: list[str], fresh: list[str], repeat: float, concurrency: int, folder: Path) -> None:
        self.repeated, self.fresh, self.repeat = repeated, fresh, repeat
        self.concurrency, self.folder = concurrency, folder
        self.runs = 0

    def send(self, base: str, endpoint: str, seconds: int) -> dict[str, float]:
        """Run wrk against `base` + `endpoint` for `seconds`; its parsed results."""
        self.runs += 1
        script = self.folder / f"run-{self.runs}.lua"
        script.write_text(lua_script(endpoint, self.repeated, self.fresh, self.repeat, self.runs), encoding="utf-8")
        return run_wrk(base, script, self.concurrency, seconds)


def run_wrk(base: str, script: Path, concurrency: int, seconds: int) -> dict[str, float]:
    """wrk with `script` against `base` for `seconds`; its parsed results."""
    done = subprocess.run(["wrk", "-t", str(min(2, concurrency)), "-c", str(concurrency), "-d", f"{seconds}s",
                           "--latency", "--timeout", "30s", "-s", str(script), base],
                          capture_output=True, text=True, check=True)
    return parse_wrk(done.stdout)


def averaged(runs: list[dict[str, float]]) -> dict[str, float]:
    """The mean of each figure over rounds (errors summed)."""
    return {name: (sum(r[name] for r in runs) if name in ("non_2xx", "socket_errors")
                   else sum(r[name] for r in runs) / len(runs)) for name in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--today", type=Path, help="a checkout of the code to compare with (today's main)")
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per server and mix")
    parser.add_argument("--warm-up", type=int, default=3, help="seconds of the same traffic before measuring")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=1, help="times every server is measured (figures averaged)")
    parser.add_argument("--hot", type=int, default=200, help="queries that repeat")
    parser.add_argument("--repeat", type=float, default=0.8, help="share of requests that repeat a hot query")
    parser.add_argument("--mixes", default="mix,cheap")
    parser.add_argument("--servers", default="on,off,today", help="kg servers to measure: cache on, off, today")
    parser.add_argument("--kg-port", type=int, default=5821)
    parser.add_argument("--ox-port", type=int, default=7821)
    parser.add_argument("--name", default="cache", help="results file: bench/results/NAME.json")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    terms = pick_terms(args.store, count=max(40, args.hot))
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-cache-"))
    kg_base, ox_base = f"http://127.0.0.1:{args.kg_port}", f"http://127.0.0.1:{args.ox_port}"
    ask = urllib.parse.quote("ASK {}")
    kg_cmd = [sys.executable, "-m", "kg", "serve", "--store", str(args.store), "--port", str(args.kg_port)]
    ox_cmd = [str(OXIGRAPH), "serve-read-only", "--location", str(args.store), "--bind",
              f"127.0.0.1:{args.ox_port}", "--union-default-graph"]
    servers: list[tuple[str, dict[str, str], Path]] = [("kg cache on", {}, ROOT),
                                                       ("kg cache off", {"KG_CACHE_BYTES": "0"}, ROOT)]
    if args.today:
        servers.append(("kg today", {}, args.today))
    servers = [s for s in servers if s[0].split()[-1] in args.servers.split(",")]
    results: dict[str, Any] = {"store": str(args.store), "duration_s": args.duration, "concurrency": args.concurrency,
                               "hot": args.hot, "repeat": args.repeat, "rounds": args.rounds, "runs": []}
    with server(ox_cmd, f"{ox_base}/query?query={ask}", tmp / "oxigraph.log"):
        for mix in args.mixes.split(","):
            load = Load(*traffic(terms, MIXES[mix], args.hot), args.repeat, args.concurrency, tmp)
            rounds: dict[str, list[dict[str, float]]] = {}
            for number in range(args.rounds):
                load.send(ox_base, "/query", args.warm_up)
                rounds.setdefault("oxigraph", []).append(load.send(ox_base, "/query", args.duration))
                for name, env, cwd in servers if number % 2 == 0 else reversed(servers):  # no server always last
                    with server(kg_cmd, f"{kg_base}/sparql?query={ask}", tmp / f"{name}.log",
                                {**env, "KG_ACCESS_LOG": "1"}, cwd=cwd):
                        load.send(kg_base, "/sparql", args.warm_up)
                        rounds.setdefault(name, []).append(load.send(kg_base, "/sparql", args.duration))
            figures = {name: averaged(runs) for name, runs in rounds.items()}
            native = figures["oxigraph"]["rps"]
            row: dict[str, Any] = {"mix": mix, "servers": figures, "rounds": rounds, "ratio_to_native": {
                name: f["rps"] / native for name, f in figures.items() if native}}
            if "kg today" in figures:
                today = figures["kg today"]["rps"]
                row["ratio_to_today"] = {name: f["rps"] / today for name, f in figures.items() if today}
            results["runs"].append(row)
            for name, f in figures.items():
                versus_today = f"  x today {row['ratio_to_today'][name]:5.2f}" if "ratio_to_today" in row else ""
                print(f"{mix:6s} {name:13s} {f['rps']:9.1f} req/s  p50 {f['p50_ms']:8.2f} ms  "
                      f"p99 {f['p99_ms']:8.2f} ms  x native {f['rps'] / native:5.2f}{versus_today}"
                      f"{'  ERRORS' if f['non_2xx'] or f['socket_errors'] else ''}", flush=True)
    save(args.name, results)


if __name__ == "__main__":
    main()
