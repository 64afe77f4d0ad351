"""What a server's processes use, read from /proc: the process tree, its CPU time and its memory."""

from __future__ import annotations

import os
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (field 3 onwards), or None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def children(pid: int) -> list[int]:
    """The living processes whose parent is `pid` (not zombies: those have ended and wait to be reaped)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def wait_ended(pids: list[int], within: float = 30.0) -> list[int]:
    """Those of `pids` still alive once all have ended or `within` seconds have passed (killed processes may
    take a moment to exit on a busy machine)."""
    until = time.monotonic() + within
    while True:
        alive = [pid for pid in pids if (fields := _stat(pid)) is not None and fields[0] != "Z"]
        if not alive or time.monotonic() > until:
            return alive
        time.sleep(0.05)


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants that are alive."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children(current))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the living processes `pids` have used so far."""
    total = 0
    for pid in pids:
        fields = _stat(pid)
        if fields is not None:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (0 when it is gone)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError):
        return 0


def sockets(pid: int) -> list[str]:
    """The socket descriptors a process holds (empty when it is gone)."""
    try:
        links = [os.readlink(entry) for entry in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return []
    return [link for link in links if link.startswith("socket:")]
