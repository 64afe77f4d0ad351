"""Runs jobs in forked child processes that are ended at a deadline and may use a bounded amount of memory.

Oxigraph (pyoxigraph 0.5) has no way to cancel a query, nor a secondary store that another process could
open while the server writes (`Store.read_only` beside a writer is undefined behaviour). A forked child
sees the store as it was at the fork, reads it like the parent would, and can be killed: the kernel then
takes back its CPU and memory, whatever the query was doing.

Forking costs milliseconds, so a child that finished its job in time is kept and given the next one, as
long as what it was forked from has not changed since: the caller passes a `generation` that it raises
on every write, and only children of the current generation are reused. A child is killed at its job's
deadline and never reused after a failure.

A fork can catch another thread of the server holding a lock (RocksDB's background threads take the
database's mutex to flush or compact); in the child that thread is gone and the lock stays taken, so the
child would hang at its first read. So a new child first runs the pool's `warm_up(context)` (a read like
the jobs' own) and says it is ready; one that is not ready within START_SECONDS is killed and another
is forked. Locks that were free at the fork stay free, since the child has no other threads.

The warm-up cannot touch every lock a job may need (the shards of RocksDB's block cache, say). So a job that
has not answered after SLOW_SECONDS and whose child is asleep on a lock using no CPU (a job computes, or waits
for the disk or a remote SERVICE, but never waits on a lock: the child has no other threads) is taken to be
stuck the same way: its child is killed and the job is run again in
a new one, within the same deadline.

A job still running after SLOW_SECONDS gets the lowest CPU priority (nice 19): heavy jobs then share what the
CPU has left once quick ones, and the server's own threads, have run, so a few heavy jobs cannot slow every
other request. A child whose priority was lowered is not reused.

A job is a module-level function, called in the child as `job(context, output, *args)` where `context`
is the object the pool was made with (inherited through the fork, never sent) and `output` a temporary
file that the parent reads afterwards; what it returns or raises is sent back pickled over a socket.
A child's address space may grow by `memory` bytes over what it inherited (RLIMIT_AS); past that,
allocations fail and the child dies (Rust aborts) or raises MemoryError. The child closes the sockets it
inherits from the server, so it never holds a client's connection open, and it is killed when the parent
ends (PR_SET_PDEATHSIG) or, during a job, a little after the job's deadline.
"""

from __future__ import annotations

import ctypes
import logging
import math
import os
import pickle
import resource
import select
import signal
import socket
import stat
import struct
import tempfile
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from typing import IO, Any, Generic, NoReturn, TypeVar

C = TypeVar("C")
T = TypeVar("T")

ALARM_SLACK = 2  # seconds past a job's deadline after which the child ends itself
REUSE = 200  # jobs a child runs before it is replaced (it grows a little with each)
IDLE_SECONDS = 30.0  # an idle child older than this is ended when the pool is next used
START_SECONDS = 1.0  # a new child not ready after this long is taken to be stuck on a lock, and replaced
STARTS = 5  # new children tried for one job before giving up
SLOW_SECONDS = 0.5  # a job still running after this long gets a lower CPU priority (SLOW_NICENESS)
SLOW_NICENESS = 19
STUCK_CHECKS = 5  # looks at a slow child, 20 ms apart, that must all find it asleep for it to count as stuck
_HEADER = struct.Struct("!Q")
log = logging.getLogger("kg.sandbox")
_PAGE = os.sysconf("SC_PAGE_SIZE")
_PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when the thread that forked it ends


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


class _Child:
    """A forked child as the parent sees it."""

    def __init__(self, pid: int, sock: socket.socket, generation: int, size: int) -> None:
        self.pid, self.sock, self.generation = pid, sock, generation
        self.size = size  # of its address space when forked
        self.jobs = 0
        self.idle_since = time.monotonic()
        self.lowered = False  # its CPU priority was lowered (for good: raising it again needs privileges)

    def end(self) -> None:
        """Kill the child, unless it was reaped already, and have it reaped.

        A killed child exits at its own CPU priority, which may be the lowest (see SLOW_SECONDS), so on a busy
        machine its exit can take a while: the caller does not wait for it, a thread reaps it.
        """
        self.sock.close()
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
            threading.Thread(target=os.waitpid, args=(self.pid, 0), name=f"reap-{self.pid}", daemon=True).start()
            self.pid = 0


class ForkPool(Generic[C]):
    """Children forked from this process that run jobs against `context`, each within a time and memory limit."""

    def __init__(self, context: C, memory: int, warm_up: Callable[[C], object]) -> None:
        self.context, self.memory, self.warm_up = context, memory, warm_up
        self._idle: list[_Child] = []
        self._lock = threading.Lock()
        weakref.finalize(self, _end_all, self._idle)

    def run(self, job: Callable[..., T], args: tuple[Any, ...], timeout: float, generation: int,
            reuse: bool = True) -> Finished[T]:
        """Run `job(context, output, *args)` in a child forked at `generation` or later.

        Without `reuse`, the child is ended after the job (for a job that changes what the child holds).

        Raises:
            DeadlinePassed: no answer within `timeout` seconds.
            OutOfMemory: the child's address space would have grown by more than the pool's `memory`.
            ChildDied: the child died another way.
            Exception: whatever `job` raised, raised again here.
        """
        deadline = time.monotonic() + timeout
        output = tempfile.TemporaryFile(prefix="kg-query-")  # noqa: SIM115 - returned to the caller, who closes it
        try:
            child, (kind, value, trace) = self._run_once(generation, (job, args, timeout), output, deadline)
        except BaseException:
            output.close()
            raise
        if kind != "ok":
            output.close()
            child.end()
            if kind == "memory":
                raise OutOfMemory()
            assert isinstance(value, BaseException)
            if trace:
                value.add_note(trace)
            raise value
        if reuse and not child.lowered:
            self._give_back(child)
        else:
            child.end()
        output.seek(0)
        return Finished(value, output)

    def _run_once(self, generation: int, message: object, output: IO[bytes],
                  deadline: float) -> tuple[_Child, tuple[str, object, str]]:
        """The child that ran the job, and its answer; a job whose child got stuck is run again in a new child.

        Raises:
            DeadlinePassed: no answer before the deadline.
            ChildDied: the child died without an answer.
        """
        for _ in range(STARTS):
            child = self._send_job(generation, message, output.fileno(), deadline)
            try:
                _yield_when_slow(child, deadline)
                return child, _receive_answer(child, deadline)
            except _Stuck:
                log.warning("query process %d was stuck on a lock taken before it was forked; running its job "
                            "again in a new process", child.pid)
                child.end()
                output.seek(0)
                output.truncate()
            except BaseException:
                child.end()
                raise
        raise ChildDied(f"{STARTS} query processes in a row were stuck")

    def _send_job(self, generation: int, message: object, fd: int, deadline: float) -> _Child:
        """A child of `generation` that has been sent the job: an idle one, else a new one.

        Raises:
            DeadlinePassed: the child did not take the job before the deadline.
        """
        child = self._take(generation)
        if child is not None:
            try:
                _send(child.sock, message, fd, deadline)
                return child
            except OSError:  # it died while idle: a new one takes the job
                child.end()
        child = self._start(generation, deadline)
        try:
            _send(child.sock, message, fd, deadline)
        except BaseException as err:
            child.end()
            if isinstance(err, TimeoutError):
                raise DeadlinePassed() from None
            raise
        return child

    def _start(self, generation: int, deadline: float) -> _Child:
        """A new child that has warmed up.

        Raises:
            DeadlinePassed: the deadline came first.
            ChildDied: STARTS children in a row did not get ready.
        """
        for _ in range(STARTS):
            child = self._fork(generation)
            wait = min(START_SECONDS, deadline - time.monotonic())
            try:
                _receive_answer(child, time.monotonic() + wait)
                return child
            except DeadlinePassed:
                child.end()
                if time.monotonic() >= deadline:
                    raise
            except BaseException:
                child.end()
                raise
        raise ChildDied(f"{STARTS} query processes in a row were stuck when they started")

    def _take(self, generation: int) -> _Child | None:
        """An idle child of `generation`, or None; ends idle children that are outdated or idle too long."""
        now = time.monotonic()
        with self._lock:
            stale = [c for c in self._idle if c.generation != generation or now - c.idle_since > IDLE_SECONDS]
            self._idle[:] = [c for c in self._idle if c not in stale]  # in place: the finalizer holds this list
            child = self._idle.pop() if self._idle else None
        for old in stale:
            old.end()
        return child

    def _give_back(self, child: _Child) -> None:
        child.jobs += 1
        child.idle_since = time.monotonic()
        if child.jobs >= REUSE or _address_space(child.pid) > child.size + self.memory // 4:
            child.end()  # a child that kept much of what a job took would have less for the next one
            return
        with self._lock:
            self._idle.append(child)

    def _fork(self, generation: int) -> _Child:
        parent_end, child_end = socket.socketpair()
        parent = os.getpid()
        size = _address_space(parent)
        pid = os.fork()
        if pid == 0:
            parent_end.close()
            _serve(self.context, child_end, self.memory, self.warm_up, parent)
        child_end.close()
        return _Child(pid, parent_end, generation, size)


class _Stuck(Exception):
    """The child sleeps without using CPU in the middle of its job."""


def _yield_when_slow(child: _Child, deadline: float) -> None:
    """Lower the child's CPU priority if it has not answered within SLOW_SECONDS, so that quick jobs come first.

    Raises:
        _Stuck: the child is asleep and uses no CPU: it waits for a lock that another thread of the parent
            held when it was forked, and will wait for ever.
    """
    wait = min(SLOW_SECONDS, deadline - time.monotonic())
    if wait <= 0 or select.select([child.sock], [], [], wait)[0]:
        return
    if _asleep(child.pid):
        raise _Stuck()
    try:
        os.setpriority(os.PRIO_PROCESS, child.pid, SLOW_NICENESS)
        child.lowered = True
    except ProcessLookupError:  # it just ended: its answer (or its death) is read next
        return


def _asleep(pid: int) -> bool:
    """Whether process `pid` stays asleep on a lock (state 'S' in a futex wait; a job that computes or reads is
    running or in disk wait, and one that waits for a remote SERVICE sleeps on a socket) and uses no CPU,
    over STUCK_CHECKS looks."""
    first = _state_and_cpu(pid)
    for _ in range(STUCK_CHECKS):
        if first is None or first[0] != "S" or not _waits_on_lock(pid):
            return False
        time.sleep(0.02)
        if _state_and_cpu(pid) != first:
            return False
    return True


def _waits_on_lock(pid: int) -> bool:
    """Whether the kernel says process `pid` waits in a futex (False when it does not say)."""
    try:
        with open(f"/proc/{pid}/wchan") as wchan:
            return wchan.read().startswith("futex")
    except OSError:
        return False


def _state_and_cpu(pid: int) -> tuple[str, int] | None:
    """The state letter of process `pid` and the CPU ticks it has used, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return fields[0].decode(), int(fields[11]) + int(fields[12])


def _end_all(children: list[_Child]) -> None:
    """End the idle children of a pool that is gone."""
    while children:
        children.pop().end()


def _address_space(pid: int) -> int:
    """Bytes of address space of process `pid` (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[0]) * _PAGE
    except OSError:
        return 0


# Messages: a length, then a pickle; a file descriptor may ride along with the length. ----------------


def _send(sock: socket.socket, message: object, fd: int | None = None, deadline: float | None = None) -> None:
    """Send a message, giving up (TimeoutError) at the deadline if there is one."""
    sock.settimeout(None if deadline is None else max(0.001, deadline - time.monotonic()))
    data = pickle.dumps(message)
    header = _HEADER.pack(len(data))
    if fd is None:
        sock.sendall(header)
    else:
        socket.send_fds(sock, [header], [fd])
    sock.sendall(data)


def _receive(sock: socket.socket) -> tuple[Any, list[int]]:
    """The next message and the descriptors sent with it.

    Raises:
        EOFError: the other end closed the socket.
    """
    header, fds, _, _ = socket.recv_fds(sock, _HEADER.size, 1)
    header += _exactly(sock, _HEADER.size - len(header))
    return pickle.loads(_exactly(sock, _HEADER.unpack(header)[0])), fds


def _exactly(sock: socket.socket, size: int) -> bytes:
    parts = []
    while size > 0:
        part = sock.recv(min(size, 1 << 20))
        if not part:
            raise EOFError("the other end closed the socket")
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _receive_answer(child: _Child, deadline: float) -> tuple[str, object, str]:
    """The child's answer to its job, or why there is none."""
    child.sock.settimeout(max(0.001, deadline - time.monotonic()))
    try:
        answer, _ = _receive(child.sock)
    except TimeoutError:
        raise DeadlinePassed() from None
    except (EOFError, ConnectionError):
        _, status = os.waitpid(child.pid, 0)
        child.pid = 0
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGABRT:  # Rust and C++ abort out of memory
            raise OutOfMemory() from None
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit code {os.WEXITSTATUS(status)}"
        raise ChildDied(f"the query process ended with {how} and no answer") from None
    finally:
        if child.pid:
            child.sock.settimeout(None)
    result: tuple[str, object, str] = answer
    return result


# In the child. -------------------------------------------------------------------------------------


def _serve(context: C, sock: socket.socket, memory: int, warm_up: Callable[[C], object], parent: int) -> NoReturn:
    """Warm up, say so, then run jobs sent over `sock` until it closes; never returns."""
    try:
        for name in ("SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGALRM"):  # the server's handlers are not ours
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        _die_with_parent(parent)
        _close_sockets(keep=sock.fileno())
        _limit_memory(memory)
        warm_up(context)
        _send(sock, ("ok", None, ""))
        while True:
            try:
                (job, args, timeout), fds = _receive(sock)
            except EOFError:
                break
            signal.alarm(math.ceil(timeout) + ALARM_SLACK)
            _send(sock, _answer(job, context, fds[0], args))
            signal.alarm(0)
    finally:
        os._exit(0)


def _answer(job: Callable[..., object], context: object, fd: int, args: tuple[Any, ...]) -> tuple[str, object, str]:
    """What the job returned or raised, ready to pickle."""
    try:
        with open(fd, "wb") as output:
            value = job(context, output, *args)
        answer: tuple[str, object, str] = ("ok", value, "")
    except MemoryError:
        return ("memory", None, "")
    except BaseException as err:  # handed to the parent, which raises it again
        answer = ("error", err, traceback.format_exc())
    try:
        pickle.dumps(answer)
    except (pickle.PicklingError, TypeError, AttributeError):
        return ("error", RuntimeError(repr(answer[1])), answer[2])
    return answer


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent ends, even in the middle of a job."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:  # it ended before the line above
        os._exit(0)


def _close_sockets(keep: int) -> None:
    """Close the sockets inherited from the server (its listener, clients' connections), all but `keep`."""
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            if fd != keep and stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:  # the descriptor of the listing itself, closed by now
            continue


def _limit_memory(memory: int) -> None:
    """Let the address space grow by at most `memory` bytes over its size now."""
    size = _address_space(os.getpid())
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + memory if hard == resource.RLIM_INFINITY else min(hard, size + memory)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
