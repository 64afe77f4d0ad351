"""SIGKILL of `kg ingest` while its workers parse: the workers and the multiprocessing resource tracker
go without a word (no BrokenPipeError tracebacks, no "leaked semaphore" warnings) and none is left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.corpus import ROOT, write_articles

ARTICLES = 2000  # far more than two workers parse before the kill
LOADED_KB = 150_000  # a worker this large has loaded the spaCy model and is parsing
WAIT = 180.0  # seconds to wait for the workers to start, and for every child to be gone after the kill


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def is_running(pid: int) -> bool:
    """Whether `pid` is a live process (not gone, not a zombie waiting for a parent to reap it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def rss_kb(pid: int) -> int:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("VmRSS:")), 0)


def is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@pytest.mark.model
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc (Linux)")
def test_ingest_sigkill_leaves_no_worker_and_no_noise(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    stderr = tmp_path / "stderr.txt"
    with stderr.open("w") as err:  # the workers and the tracker inherit it and write there after the kill
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(tmp_path / "store"), "--workers", "2"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + WAIT
    workers: list[int] = []
    while proc.poll() is None and time.monotonic() < deadline:
        workers = [pid for pid in children(proc.pid) if is_worker(pid)]
        if len(workers) == 2 and all(rss_kb(pid) > LOADED_KB for pid in workers):
            break
        time.sleep(0.2)
    spawned = children(proc.pid)  # the workers and the resource tracker
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert len(workers) == 2 and proc.returncode == -signal.SIGKILL, "the workers never got busy before the kill"

    deadline = time.monotonic() + WAIT
    while any(is_running(pid) for pid in spawned) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(is_running(pid) for pid in spawned), "a worker or the tracker outlived the ingest"
    output = stderr.read_text()
    assert "Traceback" not in output and "BrokenPipeError" not in output, output
    assert "leaked semaphore" not in output, output
