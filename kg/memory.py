"""How the server process uses the C allocator (glibc malloc): fewer arenas, and free memory given back.

glibc gives each thread that finds the others' arenas busy an arena of its own, up to eight per core, and
keeps what is freed in an arena for that arena's next allocations. A server with dozens of request threads and
RocksDB's own threads then holds tens of MiB that are free but never returned: a soak of `kg serve`
(bench/soak.py) ended with 58 MiB free inside 16 arenas. Fewer arenas hold less, and `malloc_trim` hands the
free pages of every arena back to the system.

Both are glibc functions; elsewhere (musl, macOS) these do nothing and say so by returning False.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_ARENA_MAX = -8  # mallopt's parameter for the most arenas (malloc.h)


def _glibc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    if libc is None or not hasattr(libc, "malloc_trim") or not hasattr(libc, "mallopt"):
        return None
    return libc


_LIBC = _glibc()


def limit_arenas(count: int) -> bool:
    """Let malloc create at most `count` arenas from now on (arenas made before stay); whether it could."""
    return _LIBC is not None and _LIBC.mallopt(M_ARENA_MAX, count) == 1


def release_free_memory() -> bool:
    """Hand the free pages of every malloc arena back to the system; whether any memory was released."""
    return _LIBC is not None and _LIBC.malloc_trim(0) == 1
