"""The server gives memory back (bench/soak.py found it growing): the store flushes the writes of a burst once they
stop coming, and the allocator keeps few arenas and hands their free pages back. Real RocksDB, real glibc."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import time
from pathlib import Path

import requests
from pyoxigraph import NamedNode, RdfFormat

from kg.memory import release_free_memory
from kg.store import IDLE_FLUSH_SECONDS, Store
from tests.conftest import ROOT, start_server, stop_server

TOKEN = "memory-token"


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                     "fsmblks", "uordblks", "fordblks", "keepcost")]


_LIBC = ctypes.CDLL("libc.so.6")
_LIBC.mallinfo2.restype = _MallInfo2


def malloc_in_use() -> int:
    """Bytes that malloc has handed out and not had back (glibc's mallinfo2)."""
    info = _LIBC.mallinfo2()
    return int(info.uordblks + info.hblkhd)


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def article_graph(number: int, version: int) -> bytes:
    """The N-Triples of a made-up article graph: 300 triples, some with long literals."""
    return b"".join(b'<urn:a:%d:s%d> <urn:p:%d> "version %d of a statement %s" .\n'
                    % (number, i, i % 7, version, b"x" * (i % 90)) for i in range(300))


def write_burst(store: Store, version: int) -> None:
    for number in range(40):
        store.write_graph(NamedNode(f"urn:graph:{number}"), article_graph(number, version), RdfFormat.N_TRIPLES,
                          replace=True)


def test_store_flushes_a_burst_of_writes_once_they_stop(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    write_burst(store, 1)
    store.flush()
    before = malloc_in_use()
    write_burst(store, 2)
    held = malloc_in_use() - before
    assert held > 4 << 20, f"the burst took only {held} bytes: nothing to see"  # RocksDB's memtables
    assert not store.flush_when_idle()  # the last write is too recent: more may come
    time.sleep(IDLE_FLUSH_SECONDS + 0.2)
    assert store.flush_when_idle()
    assert malloc_in_use() - before < held / 4, "the flush did not free what the writes held"
    assert not store.flush_when_idle()  # nothing written since
    assert len(store.quads_about(NamedNode("urn:a:3:s5"))) == 1


def test_release_free_memory_hands_free_pages_back() -> None:
    blocks = [bytearray(64 << 10) for _ in range(1600)]  # 100 MiB from the heap (under the mmap threshold)
    kept = blocks[::16]  # a few stay, so that free() alone cannot give the heap's top back
    del blocks
    before = rss_bytes()
    assert release_free_memory()
    assert before - rss_bytes() > 50 << 20
    assert len(kept) == 100


ARENAS = """
import ctypes, os, tempfile, threading
from kg.memory import limit_arenas
assert limit_arenas(2)
def churn():
    for _ in range(2000):
        [bytearray(1000) for _ in range(50)]
threads = [threading.Thread(target=churn) for _ in range(16)]
[t.start() for t in threads]
[t.join() for t in threads]
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.fclose.argtypes = [ctypes.c_void_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
path = tempfile.mktemp()
f = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, f)
libc.fclose(f)
print(open(path).read().count("<heap nr="))
os.unlink(path)
"""


def test_limit_arenas_caps_the_arenas_of_many_threads() -> None:
    counted = subprocess.run([sys.executable, "-c", ARENAS], cwd=ROOT, capture_output=True, text=True, check=True)
    assert 1 <= int(counted.stdout) <= 2, counted.stdout


def test_server_flushes_a_put_once_writes_stop(tmp_path: Path) -> None:
    store = tmp_path / "store"
    Store(store).flush()
    proc, url = start_server(store, env={"KG_UPDATE_TOKEN": TOKEN})
    try:
        tables = set(store.glob("*.sst"))
        answer = requests.put(f"{url}/store?graph=urn:graph:1", data=article_graph(1, 1), timeout=30,
                              headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"})
        assert answer.status_code == 201, answer.text
        deadline = time.monotonic() + 20  # IDLE_FLUSH_SECONDS, then the next housekeeping round (kg.serving)
        while set(store.glob("*.sst")) == tables and time.monotonic() < deadline:
            time.sleep(0.2)
        assert set(store.glob("*.sst")) != tables, "the server kept the PUT in memory: no flush once writes stopped"
    finally:
        stop_server(proc)
