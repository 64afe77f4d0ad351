"""The parsing processes of `kg ingest`: a spawn pool whose workers go quietly when the ingest ends or dies.

If the ingest process is killed (SIGKILL, the OOM killer), its workers would otherwise finish their
chunk, fail to send it back with a BrokenPipeError traceback, and the multiprocessing resource
tracker would warn about "leaked semaphore objects" while it removes them. Instead each worker asks
the kernel to end it when its parent dies (Linux), and the tracker's shutdown warning is silenced;
the tracker still removes the semaphores. Ctrl-C is left to the ingest process, which stops the pool.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from multiprocessing.pool import Pool

PR_SET_PDEATHSIG = 1  # prctl option: the signal this process gets when its parent dies (linux/prctl.h)
# A -W option passed to every process multiprocessing starts, the resource tracker among them.
QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


def make_pool(workers: int) -> Pool:
    """A pool of `workers` spawned processes that end with this process and ignore Ctrl-C."""
    if QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(QUIET_TRACKER)
    return multiprocessing.get_context("spawn").Pool(workers, initializer=_start_worker, initargs=(os.getpid(),))


def _start_worker(parent: int) -> None:
    """Ignore Ctrl-C (the parent stops the pool); die with the parent, or exit now if it is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)
