"""Benchmark 2b: `kg load` of a large N-Quads file against pyoxigraph Store.bulk_load of the same file.

Also leaves the loaded stores behind for the endpoint and page benchmarks:

    .venv/bin/python -m bench.store_load --quads 1000000 --dir /tmp/kgb
    # -> /tmp/kgb/graph-1000000.nq, /tmp/kgb/store-1000000 (by kg load), /tmp/kgb/bulk-1000000
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pyoxigraph import RdfFormat
from pyoxigraph import Store as OxStore

from bench.graph import write_nquads
from bench.machine import save

ROOT = Path(__file__).resolve().parent.parent


def prepare(folder: Path, quads: int) -> Path:
    """The N-Quads file of a generated graph of about `quads` quads (written once)."""
    path = folder / f"graph-{quads}.nq"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_nquads(path, quads)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kgb"))
    args = parser.parse_args()
    source = prepare(args.dir, args.quads)
    kg_store, bulk_store = args.dir / f"store-{args.quads}", args.dir / f"bulk-{args.quads}"
    for folder in (kg_store, bulk_store):
        shutil.rmtree(folder, ignore_errors=True)

    started = time.perf_counter()
    store = OxStore(str(bulk_store))
    store.bulk_load(path=str(source), format=RdfFormat.N_QUADS)
    store.flush()
    bulk_s = time.perf_counter() - started
    count = len(store)
    del store

    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "load", str(source), "--store", str(kg_store)],
                   cwd=ROOT, check=True, capture_output=True)
    kg_s = time.perf_counter() - started
    save(f"store_load_{args.quads}", {
        "file": str(source), "megabytes": source.stat().st_size / 2**20, "quads": count,
        "bulk_load_s": bulk_s, "kg_load_s": kg_s,
        "bulk_load_quads_s": count / bulk_s, "kg_load_quads_s": count / kg_s, "ratio_kg_to_bulk": bulk_s / kg_s,
    })


if __name__ == "__main__":
    main()
