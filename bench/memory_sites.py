"""Who holds a process's memory: the live allocations of a memray capture, grouped by what allocated them.

Made for `kg serve`, whose memory is mostly RocksDB's (inside pyoxigraph): data blocks read into its block caches,
its memtables (writes not yet flushed), the rest of RocksDB, then Python by the first Python frame.

    .venv/bin/python -m memray run --native --aggregate -o server.memray -m kg serve --store STORE ...
    .venv/bin/python -m bench.memory_sites server.memray [--when end|peak] [--stacks 3]

`--when end` (the default) takes what was still allocated when the capture ended, `peak` what was allocated at the
highest point of the heap.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import memray

# The first of these names found anywhere in an allocation's stack decides its group.
GROUPS = [
    ("BlockBasedTable::MaybeReadBlockAndLoadToCache", "RocksDB: data blocks read into the block cache"),
    ("BlockBasedTable::PutDataBlockToCache", "RocksDB: data blocks read into the block cache"),
    ("MemTable::Add", "RocksDB: memtables (writes not yet flushed)"),
    ("rocksdb::", "RocksDB: other"),
    ("oxigraph", "Oxigraph"),
]


def group_of(frames: list[str]) -> str:
    """The group an allocation belongs to, from its stack (innermost frame first)."""
    for name, group in GROUPS:
        if any(name in frame for frame in frames):
            return group
    python = [frame for frame in frames if ".py:" in frame]
    return "Python: " + (python[0] if python else frames[0] if frames else "?")


def sites(path: str, when: str) -> tuple[Counter[str], dict[str, list[str]]]:
    """Bytes by group, and one stack of each group."""
    reader = memray.FileReader(path)
    records = (reader.get_leaked_allocation_records() if when == "end"
               else reader.get_high_watermark_allocation_records())
    sizes: Counter[str] = Counter()
    stacks: dict[str, list[str]] = {}
    for record in records:
        frames = [f"{function} {file}:{line}" for function, file, line in record.hybrid_stack_trace(max_stacks=40)]
        group = group_of(frames)
        sizes[group] += record.size
        stacks.setdefault(group, frames[:14])
    return sizes, stacks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("capture", help="a memray capture made with --native (and --aggregate)")
    parser.add_argument("--when", choices=("end", "peak"), default="end", help="at the end of the capture, or at "
                        "the heap's highest point")
    parser.add_argument("--top", type=int, default=12, help="groups to print")
    parser.add_argument("--stacks", type=int, default=0, help="print a stack of this many of the largest groups")
    args = parser.parse_args(argv)
    sizes, stacks = sites(args.capture, args.when)
    print(f"{sum(sizes.values()) / 2**20:8.1f} MiB allocated and not freed ({args.when})")
    for group, size in sizes.most_common(args.top):
        print(f"{size / 2**20:8.1f} MiB  {group}")
    for group, _ in sizes.most_common(args.stacks):
        print(f"\n{group}:\n" + "\n".join("    " + frame[:160] for frame in stacks[group]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
