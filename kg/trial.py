"""Tries a SPARQL update on a checkpoint of the store, in a new process that is ended at a deadline and may use a
bounded amount of memory.

The process is started afresh rather than forked from the server: making the checkpoint sets RocksDB's
background threads to work (it flushes the store first), and a process forked then can inherit one of their
locks taken, wait for it for ever when it opens the checkpoint, and never get to the update.

    python -m kg.trial CHECKPOINT MEMORY SECONDS < {"update": "...", "base_iri": "..."}

exits 0 when the update ran, INVALID (with the message on standard error) when it does not parse, and
MEMORY_EXIT (or dies by SIGABRT) when it needed more than MEMORY bytes beyond the process's size at start.
"""

from __future__ import annotations

import json
import math
import resource
import signal
import subprocess
import sys

from kg.errors import InvalidInput

INVALID = 2
MEMORY_EXIT = 3
ALARM_SLACK = 2  # seconds past its deadline after which the process ends itself, should the server be gone


class TrialTimeout(Exception):
    """The update did not finish before the deadline; the process was killed."""


class TrialOutOfMemory(Exception):
    """The update needed more memory than it was allowed."""


def try_update(checkpoint: str, sparql: str, base_iri: str, timeout: float, memory: int) -> None:
    """Run the update on the store at `checkpoint` (which it changes) in a new process.

    Raises:
        InvalidInput: the update does not parse.
        TrialTimeout: it did not finish within `timeout` seconds.
        TrialOutOfMemory: it needed more than `memory` bytes.
        RuntimeError: the process failed another way (its standard error is the message).
    """
    try:
        ran = subprocess.run([sys.executable, "-m", "kg.trial", checkpoint, str(memory), str(timeout)],
                             input=json.dumps({"update": sparql, "base_iri": base_iri}).encode(),
                             capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise TrialTimeout() from None
    if ran.returncode == 0:
        return
    said = ran.stderr.decode("utf-8", "replace").strip()
    if ran.returncode == INVALID:
        raise InvalidInput(said)
    if ran.returncode in (MEMORY_EXIT, -signal.SIGABRT):  # Rust aborts when an allocation fails
        raise TrialOutOfMemory()
    raise RuntimeError(f"the update trial ended with exit code {ran.returncode}: {said[-2000:]}")


def main(argv: list[str]) -> int:
    """In the trial process: limit memory and time, open the checkpoint and run the update read from stdin."""
    checkpoint, memory, timeout = argv[0], int(argv[1]), float(argv[2])
    signal.alarm(math.ceil(timeout) + ALARM_SLACK)
    from kg.store import Store

    store = Store(checkpoint)  # before the limit is set: the limit is on what the update takes
    with open("/proc/self/statm", "rb") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (size + memory, size + memory))
    request = json.load(sys.stdin)
    try:
        store.update(request["update"], base_iri=request["base_iri"])
    except InvalidInput as err:
        print(err, file=sys.stderr)
        return INVALID
    except MemoryError:
        return MEMORY_EXIT
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
