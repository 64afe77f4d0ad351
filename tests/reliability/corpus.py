"""Generated articles and store comparisons shared by the reliability tests."""

from __future__ import annotations

import fcntl
import gc
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
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from kg import ontology
from kg.store import Store

ROOT = Path(__file__).resolve().parents[2]

FIRST = ["Marta", "Jonas", "Ilse", "Tomasz", "Aiko", "Rafael", "Sunniva", "Kwame", "Lena", "Dario"]
LAST = ["Varga", "Lindqvist", "Okafor", "Brennan", "Castellano", "Haugen", "Novak", "Ferreira"]
COUNTRIES = ["Norway", "Portugal", "Hungary", "Ghana", "Japan", "Chile", "Poland", "Canada"]
CITIES = ["Oslo", "Lisbon", "Budapest", "Accra", "Osaka", "Santiago", "Gdansk", "Toronto"]
MONTHS = ["January", "March", "April", "June", "August", "October"]
TEMPLATE = """Officials meet in {city} to discuss {topic}
{month} {day}, 2025

{city_upper} — {country} Foreign Minister {person} met {other}, the chief executive of {company}, \
in {city} on {month} {day}, 2025, the ministry said.

The two discussed {topic} and agreed to meet again later in the year, according to a statement.

{other} said {company} would publish a report on the talks next month.
"""
PROGRESS = re.compile(rb"\r(\d+) articles \[")
TOPICS = ["port fees", "rail freight", "fishing quotas", "grid links", "water rights", "grain exports"]


def article_text(n: int) -> str:
    """The text of generated article number `n`: one meeting, one role, names varying with n."""
    person = f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}"
    other = f"{FIRST[(n + 3) % len(FIRST)]} {LAST[(n + 5) % len(LAST)]}"
    city = CITIES[n % len(CITIES)]
    return TEMPLATE.format(
        city=city, city_upper=city.upper(), country=COUNTRIES[n % len(COUNTRIES)], person=person, other=other,
        company=f"{LAST[(n + 2) % len(LAST)]} Shipping", topic=TOPICS[n % len(TOPICS)],
        month=MONTHS[n % len(MONTHS)], day=1 + n % 27,
    )


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Write `count` generated .txt articles into `folder`; returns their paths, in ingest order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"article-{n:03d}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(path)
    return paths


def kg(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `python -m kg ARGS` in a subprocess and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout,
    )


def ingest_until_killed(folder: Path, store: Path, after: int, delay: float,
                        options: Sequence[str] = ("--workers", "1"),
                        watch: Callable[[int], None] | None = None) -> int:
    """Run `kg ingest FOLDER --store STORE OPTIONS` with its progress bar on a terminal; SIGKILL it once `after`
    articles are done, which means written: an article is counted once its batch is in the store.

    Kills it after `delay` seconds at the latest, should the bar not show. `watch` is called with the
    process id about every half second until the kill. Returns the last article count the bar showed.
    The bar redraws now and then, and the ingest writes articles in batches, so more articles than
    `after` may be stored by the time of the kill.
    """
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 160, 0, 0))  # tqdm needs a width
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(store), *options],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    shown, seen = 0, b""
    deadline = time.monotonic() + delay
    try:
        while shown < after and time.monotonic() < deadline and proc.poll() is None:
            if watch is not None:
                watch(proc.pid)
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


Graphs = dict[str, set[str]]


def graphs_of(quads: object) -> Graphs:
    """Quads grouped by graph as N-Triples lines, without the ingest time (it differs between runs)."""
    graphs: dict[str, set[str]] = defaultdict(set)
    for quad in quads:  # type: ignore[attr-defined]
        if quad.predicate != ontology.GENERATED_AT:
            graphs[str(quad.graph_name)].add(f"{quad.subject} {quad.predicate} {quad.object}")
    return dict(graphs)


def store_graphs(path: Path) -> Graphs:
    """Every named graph of the on-disk store at `path` (opened, read and closed again)."""
    store = Store(path)
    try:
        return graphs_of(store.quads())
    finally:
        del store
        gc.collect()


def store_nquads(path: Path) -> list[str]:
    """The whole store at `path` as sorted N-Quads lines (ingest times included)."""
    store = Store(path)
    try:
        return sorted(str(quad) for quad in store.quads())
    finally:
        del store
        gc.collect()
