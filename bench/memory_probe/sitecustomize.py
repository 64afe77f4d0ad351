"""Memory figures from inside a `kg serve` process, for `bench.soak --probe` (not part of kg).

Python imports `sitecustomize` at start-up from the path; bench/soak.py puts this folder on the server's
PYTHONPATH and names a file in KG_MEMORY_PROBE. Only then does a daemon thread append one JSON line to that
file every KG_MEMORY_PROBE_SECONDS (10): the process's VmRSS/RssAnon/RssFile and threads (/proc/self/status),
glibc's mallinfo2 (bytes malloc handed out and not had back, bytes free inside its arenas), the number of
malloc arenas (malloc_info), Python's allocated blocks, and the bytes and entries of the server's answer cache.
RocksDB's block caches are not visible from Python: they are part of "malloc in use".
"""

from __future__ import annotations

import os

if os.environ.get("KG_MEMORY_PROBE"):
    import ctypes
    import gc
    import json
    import sys
    import tempfile
    import threading
    import time

    class _MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                         "fsmblks", "uordblks", "fordblks", "keepcost")]

    _LIBC = ctypes.CDLL("libc.so.6")
    _LIBC.mallinfo2.restype = _MallInfo2
    _LIBC.fopen.restype = ctypes.c_void_p
    _LIBC.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    _LIBC.fclose.argtypes = [ctypes.c_void_p]
    _LIBC.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    _MIB = 1 << 20

    def _arenas() -> int:
        with tempfile.NamedTemporaryFile(prefix="kg-malloc-info-") as out:
            handle = _LIBC.fopen(out.name.encode(), b"w")
            _LIBC.malloc_info(0, handle)
            _LIBC.fclose(handle)
            return open(out.name).read().count("<heap nr=")

    def _status() -> dict[str, int]:
        figures = {}
        for line in open("/proc/self/status"):
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile"):
                figures[key + "_mib"] = int(value.split()[0]) // 1024
            elif key == "Threads":
                figures["threads"] = int(value)
        return figures

    def _answer_cache() -> object:
        return next((o for o in gc.get_objects() if type(o).__name__ == "AnswerCache"), None)

    def _sample(path: str, every: float) -> None:
        me, started, cache = os.getpid(), time.monotonic(), None
        while True:
            time.sleep(every)
            if os.getpid() != me:  # a forked query process has no copy of this thread; just in case
                return
            cache = cache or _answer_cache()
            info = _LIBC.mallinfo2()
            record = {"t": round(time.monotonic() - started, 1), **_status(),
                      "malloc_in_use_mib": round((info.uordblks + info.hblkhd) / _MIB, 1),
                      "malloc_free_mib": round(info.fordblks / _MIB, 1), "arenas": _arenas(),
                      "python_blocks": sys.getallocatedblocks(),
                      "answer_cache_mib": round(cache.size / _MIB, 1) if cache is not None else None}
            with open(path, "a") as out:
                out.write(json.dumps(record) + "\n")

    threading.Thread(target=_sample, args=(os.environ["KG_MEMORY_PROBE"],
                                           float(os.environ.get("KG_MEMORY_PROBE_SECONDS", "10"))),
                     name="memory-probe", daemon=True).start()
