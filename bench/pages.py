"""Benchmark 4: latency of the HTML pages of `kg serve` at several store sizes.

For each store, the entity named in the number of facts closest to 200 is chosen before serving;
then each page (entity, search, timeline, a filtered timeline, home, sanctions, a type list, map)
is fetched sequentially (one client, so latency is not queueing) and p50/p95 kept. The first,
untimed request of each page is reported apart (`first_ms`): it builds what is kept per store version.

    .venv/bin/python -m bench.pages /tmp/kgb/store-10000 /tmp/kgb/store-100000 /tmp/kgb/store-1000000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from bench.endpoint import PREFIXES, server
from bench.machine import save

FACT_LINKS = "org:member|org:organization|kg:participant|kg:authority|kg:target|<https://schema.org/location>"
TARGET_FACTS = 200


def pick_entity(store_path: Path) -> tuple[str, str, int]:
    """(IRI, label, facts) of the entity whose number of facts is closest to TARGET_FACTS."""
    from pyoxigraph import Store

    store = Store.read_only(str(store_path))
    rows = store.query(PREFIXES + f"""SELECT ?e (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?f) AS ?n)
        WHERE {{ ?f {FACT_LINKS} ?e . ?e rdfs:label ?l }} GROUP BY ?e ORDER BY DESC(?n) LIMIT 400""",
                       use_default_graph_as_union=True)
    best = min(((r[0].value, r[1].value, int(r[2].value)) for r in rows), key=lambda r: abs(r[2] - TARGET_FACTS))
    return best


def timed_get(url: str) -> tuple[int, float, int]:
    """(status, milliseconds, bytes) of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        body, status = err.read(), err.code
    return status, (time.perf_counter() - started) * 1000, len(body)


def measure(url: str, repeat: int) -> dict[str, Any]:
    """p50/p95 over `repeat` sequential requests after one warm-up (whose time is kept as first_ms)."""
    _, first, _ = timed_get(url)
    runs = [timed_get(url) for _ in range(repeat)]
    times = sorted(ms for _, ms, _ in runs)
    return {"url": url, "status": sorted({s for s, _, _ in runs}), "bytes": runs[-1][2], "first_ms": first,
            "p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--port", type=int, default=5821)
    parser.add_argument("--name", default="pages", help="results file: bench/results/NAME.json")
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    results: dict[str, Any] = {"repeat": args.repeat, "stores": []}
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-pages-"))
    for store in args.stores:
        from pyoxigraph import Store

        quads = len(Store.read_only(str(store)))
        iri, label, facts = pick_entity(store)
        key = iri.split("/entity/", 1)[1]
        pages = {
            "entity": f"{base}/entity/{key}",
            "search": f"{base}/search?q={urllib.parse.quote(label.split()[-1][:5])}",
            "timeline": f"{base}/timeline",
            "timeline-entity": f"{base}/timeline?entity={urllib.parse.quote(key)}",
            "home": f"{base}/",
            "sanctions": f"{base}/sanctions",
            "people": f"{base}/type/Person?sort=facts",
            "map": f"{base}/map",
        }
        command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(args.port)]
        with server(command, f"{base}/sparql?query=ASK%7B%7D", tmp / f"{store.name}.log"):
            row = {"store": str(store), "quads": quads, "entity": iri, "entity_facts": facts,
                   "pages": {name: measure(url, args.repeat) for name, url in pages.items()}}
        results["stores"].append(row)
        for name, page in row["pages"].items():
            print(f"{quads:>8d} quads {name:15s} status {page['status']} first {page['first_ms']:7.1f} ms "
                  f"p50 {page['p50_ms']:7.1f} ms p95 {page['p95_ms']:7.1f} ms ({page['bytes']} bytes)", flush=True)
    save(args.name, results)


if __name__ == "__main__":
    main()
