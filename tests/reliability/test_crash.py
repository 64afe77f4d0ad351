"""Killing `kg ingest` with SIGKILL mid-folder leaves a store that opens, holds whole articles and resumes."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.reliability.corpus import ROOT, kg, store_graphs, write_articles

ARTICLES = 100
PROGRESS = re.compile(rb"\r(\d+) articles \[")


def ingest_until_killed(folder: Path, store: Path, after: int, delay: float) -> int:
    """Run `kg ingest` with its progress bar on a terminal; SIGKILL it once `after` articles are done.

    Kills it after `delay` seconds at the latest, should the bar not show. Returns the last article
    count the bar showed. The bar redraws now and then, and the ingest writes articles in batches,
    so more articles than `after` may be stored by the time of the kill.
    """
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 160, 0, 0))  # tqdm needs a width
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(store), "--workers", "1"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    shown, seen = 0, b""
    deadline = time.monotonic() + delay
    try:
        while shown < after and time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if not ready:
                continue
            try:
                seen = (seen + os.read(leader, 4096))[-4096:]
            except OSError:  # the terminal closed: the process exited
                break
            counts = PROGRESS.findall(seen)
            shown = int(counts[-1]) if counts else 0
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        os.close(leader)
    return shown


@pytest.mark.model
def test_crash_sigkill_mid_ingest_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    clean = tmp_path / "clean"
    started = time.monotonic()
    done = kg("ingest", folder, "--store", clean, "--workers", "1")
    clean_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    expected = store_graphs(clean)
    assert len(expected) == ARTICLES

    for attempt in range(1, 4):  # a busy machine may be slow to show progress: wait longer each time
        killed = tmp_path / f"killed-{attempt}"
        ingest_until_killed(folder, killed, after=1, delay=clean_seconds * (0.4 + 0.2 * attempt))
        stored = store_graphs(killed)  # the store opens after the kill
        if stored:
            break
    assert 0 < len(stored) < ARTICLES, f"the kill came too late or too early: {len(stored)} graphs stored"
    for graph, triples in stored.items():
        assert triples == expected[graph], f"{graph} is not whole after the kill"

    resumed = kg("ingest", folder, "--store", killed, "--workers", "1")
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.startswith(f"{ARTICLES - len(stored)} articles ingested, {len(stored)} unchanged, 0 failed")
    assert store_graphs(killed) == expected
