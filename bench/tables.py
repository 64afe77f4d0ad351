"""Print the Markdown tables of bench/README.md from bench/results/*.json.

    .venv/bin/python -m bench.tables
"""

from __future__ import annotations

import json
from typing import Any

from bench.machine import RESULTS


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def endpoint(data: dict[str, Any]) -> None:
    print("| query | c | kg req/s | kg p50 / p99 ms | oxigraph req/s | oxigraph p50 / p99 ms | minimal Flask req/s "
          "| kg / native | minimal / native |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in data["runs"]:
        k, o, m = r["kg"], r["oxigraph"], r["minimal"]
        print(f"| {r['kind']} | {r['concurrency']} | {k['rps']:.0f} | {k['p50_ms']:.1f} / {k['p99_ms']:.0f} | "
              f"{o['rps']:.0f} | {o['p50_ms']:.2f} / {o['p99_ms']:.0f} | {m['rps']:.0f} | **{r['ratio']:.2f}** | "
              f"{r['ratio_minimal']:.2f} |")


def pages(data: dict[str, Any]) -> None:
    print("| quads | entity (facts) | page | status | p50 ms | p95 ms | bytes |")
    print("|--:|---|---|---|--:|--:|--:|")
    for s in data["stores"]:
        for name, p in s["pages"].items():
            who = f"{s['entity'].rsplit('/', 1)[1]} ({s['entity_facts']})" if name == "entity" else ""
            print(f"| {s['quads']} | {who} | {name} | {p['status']} | {p['p50_ms']:.1f} | {p['p95_ms']:.1f} "
                  f"| {p['bytes']} |")


def growth(data: dict[str, Any]) -> None:
    print("| articles | words | seconds | articles/s | ms/article | store s | peak RSS ingest MiB | "
          "peak RSS with workers MiB |")
    print("|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in data["runs"]:
        print(f"| {r['articles']} | {r['words']} | {r['seconds']:.1f} | {r['articles'] / r['seconds']:.2f} | "
              f"{1000 * r['seconds'] / r['articles']:.0f} | {r['store_seconds']:.2f} | {r['peak_main_mib']:.0f} | "
              f"{r['peak_total_mib']:.0f} |")


def cache(data: dict[str, Any]) -> None:
    print("| traffic | server | req/s (rounds) | p50 / p99 ms | × native | × today |")
    print("|---|---|--:|--:|--:|--:|")
    for r in data["runs"]:
        for name, f in r["servers"].items():
            rounds = ", ".join(f"{x['rps']:.0f}" for x in r["rounds"][name])
            today = f"{r['ratio_to_today'][name]:.2f}" if "ratio_to_today" in r else "—"
            print(f"| {r['mix']} | {name} | {f['rps']:.0f} ({rounds}) | {f['p50_ms']:.1f} / {f['p99_ms']:.0f} | "
                  f"**{r['ratio_to_native'][name]:.2f}** | {today} |")


def request_cost(data: dict[str, Any]) -> None:
    print("| piece | µs per request |")
    print("|---|--:|")
    for name, value in data["us_per_request"].items():
        print(f"| {name} | {value:.0f} |")
    print("\n| server, c=8, one entity lookup again and again | req/s |")
    print("|---|--:|")
    for name, value in data["http"].items():
        print(f"| {name} | {value:.0f} |")


def main() -> None:
    for name, show in (("endpoint_store-1000000", endpoint), ("pages", pages), ("growth", growth),
                       ("cache-1m", cache), ("cache-1m-off-vs-today", cache), ("cache-1m-uncached", cache),
                       ("request_cost-1m", request_cost)):
        data = _load(name)
        if data:
            print(f"\n{name}  ({data['machine']})\n")
            show(data)
    for name in ("ingest_vs_spacy", "store_load_1000000"):
        data = _load(name)
        if data:
            print(f"\n{name}\n")
            print(json.dumps(data.get("figures", {k: v for k, v in data.items() if k != "machine"}), indent=1))


if __name__ == "__main__":
    main()
