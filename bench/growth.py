"""Benchmark 5: how ingest time and memory grow with the number of articles (1k, 10k, ... generated).

Each size runs in a fresh process (`--one`), ingesting a generated corpus of short articles into a
new on-disk store with all cores, while a sampler thread reads the resident memory of the ingest
process and of its worker processes from /proc. Writes bench/results/growth.json and growth.png.

    .venv/bin/python -m bench.growth --sizes 1000,10000 [--paragraphs 1-3] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.machine import RESULTS, save

ROOT = Path(__file__).resolve().parent.parent


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    """Direct child processes of `pid`."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


class MemorySampler(threading.Thread):
    """Samples the RSS of this process and its children every `interval` seconds; keeps the peaks."""

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.interval, self.stop = interval, threading.Event()
        self.peak_main = self.peak_total = 0.0
        self.samples: list[tuple[float, float, float]] = []  # (seconds, main MiB, total MiB)
        self.started = time.perf_counter()

    def run(self) -> None:
        import os

        me = os.getpid()
        while not self.stop.wait(self.interval):
            main = rss_mib(me)
            total = main + sum(rss_mib(c) for c in children(me))
            self.peak_main, self.peak_total = max(self.peak_main, main), max(self.peak_total, total)
            self.samples.append((time.perf_counter() - self.started, main, total))


def run_one(corpus: Path, store: Path, workers: int) -> dict[str, Any]:
    """Ingest `corpus` into a new store here, sampling memory and the time each article finished."""
    from kg.ingest import ingest
    from kg.ontology import Namer
    from kg.store import Store

    done_at: list[float] = []
    sampler = MemorySampler()
    sampler.start()
    started = time.perf_counter()
    report = ingest([corpus], Store(store), Namer(), workers=workers,
                    on_article=lambda source, done: done_at.append(time.perf_counter() - started))
    sampler.stop.set()
    sampler.join()
    return {"articles": report.articles, "seconds": report.seconds, "store_seconds": report.store_seconds,
            "quads": report.quads, "summary": report.summary(), "peak_main_mib": sampler.peak_main,
            "peak_total_mib": sampler.peak_total, "done_at": done_at[:: max(1, len(done_at) // 400)],
            "memory": sampler.samples[:: max(1, len(sampler.samples) // 400)]}


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    """Throughput, time per article and peak memory against corpus size; rate along the largest run."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in rows]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    axes[0].plot(sizes, [r["articles"] / r["seconds"] for r in rows], "o-", label="articles/s")
    axes[0].plot(sizes, [1000 * r["seconds"] / r["articles"] for r in rows], "s--", label="ms per article")
    axes[0].set(xscale="log", xlabel="articles ingested", title="Throughput and time per article")
    axes[0].legend()
    axes[1].plot(sizes, [r["peak_main_mib"] for r in rows], "o-", label="ingest process")
    axes[1].plot(sizes, [r["peak_total_mib"] for r in rows], "s-", label="with worker processes")
    axes[1].set(xscale="log", xlabel="articles ingested", ylabel="peak RSS (MiB)", title="Peak memory")
    axes[1].set_ylim(bottom=0)
    axes[1].legend()
    largest = rows[-1]
    times = largest["done_at"]
    step = max(1, len(times) // 40)
    per_sample = largest["articles"] / len(times)  # articles between two kept samples of done_at
    points = [(times[i], step * per_sample / (times[i] - times[i - step]))
              for i in range(step, len(times), step) if times[i] > times[i - step]]
    axes[2].plot([t for t, _ in points], [r for _, r in points], "-", label="articles/s")
    axes[2].set(xlabel="seconds into the largest run", title=f"Rate along the {largest['articles']}-article run")
    axes[2].set_ylim(bottom=0)
    twin = axes[2].twinx()
    twin.plot([s[0] for s in largest["memory"]], [s[2] for s in largest["memory"]], color="tab:red", alpha=0.6)
    twin.set_ylabel("RSS, all processes (MiB)", color="tab:red")
    twin.set_ylim(bottom=0)
    fig.tight_layout()
    fig.savefig(path, dpi=90)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--paragraphs", default="1-3")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", nargs=2, type=Path, metavar=("CORPUS", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], args.one[1], args.workers)))
        return
    low, high = map(int, args.paragraphs.split("-"))
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-growth-"))
    rows = []
    for size in map(int, args.sizes.split(",")):
        corpus = tmp / f"corpus-{size}"
        words = write_corpus(corpus, size, seed=size, paragraphs=(low, high))
        done = subprocess.run([sys.executable, "-m", "bench.growth", "--workers", str(args.workers), "--one",
                               str(corpus), str(tmp / f"store-{size}")], cwd=ROOT, capture_output=True, text=True,
                              check=True)
        row = json.loads(done.stdout.splitlines()[-1]) | {"words": words}
        rows.append(row)
        print(f"{size} articles ({words} words): {row['summary']}; peak RSS {row['peak_main_mib']:.0f} MiB "
              f"(with workers {row['peak_total_mib']:.0f} MiB)", flush=True)
        plot(rows, RESULTS / "growth.png")
        save("growth", {"workers": args.workers, "paragraphs": args.paragraphs, "runs": rows})


if __name__ == "__main__":
    main()
