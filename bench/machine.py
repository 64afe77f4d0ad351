"""The machine a benchmark ran on, and small helpers shared by the benchmarks."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    """nproc, memory (free -h), CPU model, Python and library versions."""
    import pyoxigraph
    import spacy

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.splitlines()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": " ".join(free[1].split()[:2]) if len(free) > 1 else "?",
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "pyoxigraph": pyoxigraph.__version__,
    }


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident memory of this process (or its finished children), in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def save(name: str, data: dict[str, Any]) -> Path:
    """Write results as bench/results/<name>.json (with the machine) and print them."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"machine": machine(), **data}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=2))
    return path
