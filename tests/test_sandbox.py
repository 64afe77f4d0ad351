"""Jobs in forked children: output and answers come back, errors are raised, limits hold, children are reused."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from kg.errors import InvalidInput
from kg.sandbox import SLOW_NICENESS, SLOW_SECONDS, DeadlinePassed, ForkPool, OutOfMemory
from tests.reliability.processes import children, wait_ended

MEMORY = 64 << 20


def write_greeting(context: str, output: IO[bytes], name: str) -> int:
    output.write(f"{context}, {name}".encode())
    return os.getpid()


def fail(context: str, output: IO[bytes]) -> None:
    raise InvalidInput("bad query at 1:3")


def spin(context: str, output: IO[bytes]) -> None:
    while True:
        pass


def hoard(context: str, output: IO[bytes]) -> None:
    kept = []
    while True:
        kept.append(bytearray(8 << 20))


def niceness_after(context: str, output: IO[bytes], seconds: float) -> tuple[int, int]:
    """Busy for `seconds`; (this process's id, its niceness then)."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass
    return os.getpid(), os.getpriority(os.PRIO_PROCESS, 0)


@pytest.fixture
def pool() -> Iterator[ForkPool[str]]:
    """A pool whose context is a greeting; afterwards its only children are the idle ones it keeps."""
    before = set(children(os.getpid()))  # others, like multiprocessing's resource tracker, may be there
    pool = ForkPool("hello", MEMORY, warm_up=str.upper)
    yield pool
    kept = {child.pid for child in pool._idle}
    ended_by = time.monotonic() + 30  # killed children are reaped by threads of their own
    while set(children(os.getpid())) - before != kept and time.monotonic() < ended_by:
        time.sleep(0.05)
    assert set(children(os.getpid())) - before == kept


def test_sandbox_returns_output_and_value_from_another_process(pool: ForkPool[str]) -> None:
    finished = pool.run(write_greeting, ("child",), timeout=10, generation=0)
    with finished.output:
        assert finished.output.read() == b"hello, child"
    assert finished.size == len(b"hello, child")
    assert finished.value != os.getpid()


def test_sandbox_reuses_a_child_until_the_generation_changes(pool: ForkPool[str]) -> None:
    first = pool.run(write_greeting, ("a",), timeout=10, generation=0)
    second = pool.run(write_greeting, ("b",), timeout=10, generation=0)
    third = pool.run(write_greeting, ("c",), timeout=10, generation=1)
    for finished in (first, second, third):
        finished.output.close()
    assert first.value == second.value != third.value
    assert wait_ended([first.value]) == []


def test_sandbox_raises_what_the_job_raised_and_replaces_the_child(pool: ForkPool[str]) -> None:
    with pytest.raises(InvalidInput, match="bad query at 1:3"):
        pool.run(fail, (), timeout=10, generation=0)
    pool.run(write_greeting, ("again",), timeout=10, generation=0).output.close()


def test_sandbox_kills_the_job_at_the_deadline(pool: ForkPool[str]) -> None:
    started = time.monotonic()
    with pytest.raises(DeadlinePassed):
        pool.run(spin, (), timeout=0.5, generation=0)
    assert time.monotonic() - started < 5
    finished = pool.run(write_greeting, ("after",), timeout=10, generation=0)
    finished.output.close()
    assert children(os.getpid()).count(finished.value) == 1


def test_sandbox_stops_a_job_past_its_memory(pool: ForkPool[str]) -> None:
    with pytest.raises(OutOfMemory):
        pool.run(hoard, (), timeout=30, generation=0)


def hang_once(flag: str) -> None:
    """Warm up, except the first time: then hang, as a child forked while a lock was taken would."""
    if os.path.exists(flag):
        os.remove(flag)
        while True:
            time.sleep(1)


def greet(context: str, output: IO[bytes]) -> str:
    return "ready"


def test_sandbox_replaces_a_child_stuck_when_it_starts(tmp_path: Path) -> None:
    flag = tmp_path / "hang"
    flag.touch()
    pool = ForkPool(str(flag), MEMORY, warm_up=hang_once)
    finished = pool.run(greet, (), timeout=10, generation=0)
    finished.output.close()
    assert finished.value == "ready"
    assert not flag.exists()


def test_sandbox_lowers_the_priority_of_a_slow_job_and_does_not_reuse_its_child(pool: ForkPool[str]) -> None:
    def run(seconds: float) -> tuple[int, int]:
        finished = pool.run(niceness_after, (seconds,), timeout=10, generation=0)
        finished.output.close()
        return finished.value

    quick_pid, quick = run(0.0)
    assert quick == os.getpriority(os.PRIO_PROCESS, 0)
    slow_pid, slow = run(SLOW_SECONDS + 1.0)
    assert slow == SLOW_NICENESS
    assert slow_pid == quick_pid  # the quick job's child was reused for it...
    assert run(0.0) != (slow_pid, SLOW_NICENESS)  # ...but the slowed one is not reused


def write_then_block_once(context: str, output: IO[bytes], flag: str) -> str:
    """Write, then wait for ever on a lock that is taken, as a child forked while a thread held it would; only the
    first time (while `flag` exists)."""
    output.write(b"partial output of a stuck child")
    output.flush()
    if os.path.exists(flag):
        os.remove(flag)
        taken = threading.Lock()
        taken.acquire()
        taken.acquire()
    output.write(b"done")
    return "answered"


def test_sandbox_runs_a_job_again_when_its_child_is_stuck_on_a_lock(pool: ForkPool[str], tmp_path: Path) -> None:
    flag = tmp_path / "block"
    flag.touch()
    finished = pool.run(write_then_block_once, (str(flag),), timeout=10, generation=0)
    with finished.output:
        assert (finished.value, finished.output.read()) == ("answered", b"partial output of a stuck childdone")
    assert not flag.exists()
