"""A job in a forked child: its output and answer come back, its errors are raised, its limits hold."""

from __future__ import annotations

import os
import time
from typing import IO

import pytest

from kg.errors import InvalidInput
from kg.sandbox import DeadlinePassed, OutOfMemory, run_forked
from tests.reliability.processes import children

MEMORY = 64 << 20


def new_children(before: set[int]) -> set[int]:
    """Children of this process that were not there `before` (others, like multiprocessing's tracker, may be)."""
    return set(children(os.getpid())) - before


def write_pid(output: IO[bytes]) -> int:
    output.write(b"hello from the child")
    return os.getpid()


def test_sandbox_returns_output_and_value_from_another_process() -> None:
    before = set(children(os.getpid()))
    finished = run_forked(write_pid, timeout=10, memory=MEMORY)
    with finished.output:
        assert finished.output.read() == b"hello from the child"
    assert finished.size == len(b"hello from the child")
    assert finished.value != os.getpid()
    assert new_children(before) == set()


def test_sandbox_raises_what_the_job_raised() -> None:
    def fail(output: IO[bytes]) -> None:
        raise InvalidInput("bad query at 1:3")

    with pytest.raises(InvalidInput, match="bad query at 1:3"):
        run_forked(fail, timeout=10, memory=MEMORY)


def test_sandbox_kills_the_job_at_the_deadline() -> None:
    def spin(output: IO[bytes]) -> None:
        while True:
            pass

    before = set(children(os.getpid()))
    started = time.monotonic()
    with pytest.raises(DeadlinePassed):
        run_forked(spin, timeout=0.5, memory=MEMORY)
    assert time.monotonic() - started < 5
    assert new_children(before) == set()


def test_sandbox_stops_a_job_past_its_memory() -> None:
    def hoard(output: IO[bytes]) -> None:
        kept = []
        while True:
            kept.append(bytearray(8 << 20))

    before = set(children(os.getpid()))
    with pytest.raises(OutOfMemory):
        run_forked(hoard, timeout=30, memory=MEMORY)
    assert new_children(before) == set()
