"""Runs one job in a forked child process that is ended at a deadline and may use a bounded amount of memory.

Oxigraph (pyoxigraph 0.5) has no way to cancel a query, nor a secondary store that another process could
open while the server writes (`Store.read_only` beside a writer is undefined behaviour). A forked child
sees the store as it was at the fork, reads it like the parent would, and can be killed: the kernel then
takes back its CPU and memory, whatever the query was doing. It closes the sockets it inherits, so that
it never holds the server's connections open.

The child writes its output to a temporary file that the parent reads afterwards, and sends back what the
job returned (or raised) through a pipe. Its address space may grow by `memory` bytes over what it
inherited (RLIMIT_AS); past that, allocations fail and the child dies (Rust aborts) or raises MemoryError.
An alarm ends the child a little after the deadline even if the parent is gone.
"""

from __future__ import annotations

import math
import os
import pickle
import resource
import select
import signal
import stat
import tempfile
import time
import traceback
from collections.abc import Callable
from typing import IO, Generic, TypeVar

T = TypeVar("T")

ALARM_SLACK = 2  # seconds past the deadline after which the child ends itself
_PAGE = os.sysconf("SC_PAGE_SIZE")


class DeadlinePassed(Exception):
    """The job did not finish before its deadline; the child was killed."""


class OutOfMemory(Exception):
    """The job needed more memory than it was allowed; the child died or gave up."""


class ChildDied(Exception):
    """The child ended without an answer, for a reason other than memory."""


class Finished(Generic[T]):
    """What a job returned, the file (rewound) that it wrote its output to, and how many bytes that is."""

    def __init__(self, value: T, output: IO[bytes]) -> None:
        self.value, self.output = value, output
        self.size = os.fstat(output.fileno()).st_size


def run_forked(job: Callable[[IO[bytes]], T], timeout: float, memory: int) -> Finished[T]:
    """Run `job(output)` in a forked child; what it returns must pickle.

    Raises:
        DeadlinePassed: no answer within `timeout` seconds.
        OutOfMemory: the child's address space would have grown by more than `memory` bytes.
        ChildDied: the child died another way.
        Exception: whatever `job` raised, re-raised in the parent.
    """
    output = tempfile.TemporaryFile(prefix="kg-query-")  # noqa: SIM115 - handed to the caller, who closes it
    read_end, write_end = os.pipe()
    deadline = time.monotonic() + timeout
    try:
        pid = os.fork()
        if pid == 0:  # the child never returns from here
            os.close(read_end)
            _child(job, output, write_end, timeout, memory)
        os.close(write_end)
        write_end = -1
        answer = _read_answer(read_end, pid, deadline)
    except BaseException:
        output.close()
        raise
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)
    kind, value, trace = answer
    if kind == "ok":
        output.seek(0)
        return Finished(value, output)
    output.close()
    if kind == "memory":
        raise OutOfMemory()
    assert isinstance(value, BaseException)
    if trace:
        value.add_note(trace)
    raise value


def _read_answer(fd: int, pid: int, deadline: float) -> tuple[str, object, str]:
    """The child's pickled answer; the child is reaped, and killed first if it is not done."""
    try:
        data = _read_to_end(fd, deadline)
    except BaseException:  # the deadline, or the server itself interrupted: the child must not run on
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    _, status = os.waitpid(pid, 0)
    if data:
        answer: tuple[str, object, str] = pickle.loads(data)
        return answer
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGABRT:  # Rust and C++ abort when out of memory
        raise OutOfMemory()
    how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit code {os.WEXITSTATUS(status)}"
    raise ChildDied(f"the query process ended with {how} and no answer")


def _read_to_end(fd: int, deadline: float) -> bytes:
    """Everything written to the pipe `fd` until it closes.

    Raises:
        DeadlinePassed: it was still open at the deadline.
    """
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise DeadlinePassed()
        data = os.read(fd, 1 << 16)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def _child(job: Callable[[IO[bytes]], T], output: IO[bytes], answer_fd: int, timeout: float, memory: int) -> None:
    """Run the job and send its answer; always ends the process without returning."""
    try:
        for name in ("SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGALRM"):  # the server's handlers are not ours
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        signal.alarm(math.ceil(timeout) + ALARM_SLACK)
        _close_sockets()
        _limit_memory(memory)
        try:
            answer: tuple[str, object, str] = ("ok", job(output), "")
            output.flush()
        except MemoryError:
            answer = ("memory", None, "")
        except BaseException as err:  # handed to the parent, which raises it again
            answer = ("error", err, traceback.format_exc())
        try:
            data = pickle.dumps(answer)
        except (pickle.PicklingError, TypeError, AttributeError):
            data = pickle.dumps(("error", RuntimeError(repr(answer[1])), answer[2]))
        view = memoryview(data)
        while view:
            view = view[os.write(answer_fd, view):]
    finally:
        os._exit(0)


def _close_sockets() -> None:
    """Close the sockets inherited from the server (its listener, other clients' connections).

    The child never uses them, and a connection stays open as long as any process holds it.
    """
    for name in os.listdir("/proc/self/fd"):
        try:
            if stat.S_ISSOCK(os.fstat(int(name)).st_mode):
                os.close(int(name))
        except OSError:  # the descriptor of the listing itself, closed by now
            continue


def _limit_memory(memory: int) -> None:
    """Let the address space grow by at most `memory` bytes over its size now."""
    with open("/proc/self/statm", "rb") as statm:
        size = int(statm.read().split()[0]) * _PAGE
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + memory if hard == resource.RLIM_INFINITY else min(hard, size + memory)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
