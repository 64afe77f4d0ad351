"""Slow and silent connections do not keep other clients of `kg serve` waiting.

Real sockets against a real `kg serve` on 127.0.0.1: eight connections that send their request headers one
line at a time, a few seconds apart (slowloris), or two hundred connections that send nothing at all,
while another client sends ordinary requests. The other client's requests must all be answered; the
client's timeout is only there so that a server that never answers fails the test instead of hanging it.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from tests.conftest import start_server, stop_server

SLOW = 8  # connections that trickle their headers, as many as the server has threads by default
SILENT = 200
OTHERS = 6  # requests from another client while those connections are open
GIVE_UP = 30.0  # seconds after which the other client stops waiting: the server is taken to be blocked
LINE_EVERY = 2.0  # seconds between two header lines of a slow connection


@pytest.fixture
def server(store_path: Path) -> Iterator[str]:
    proc, url = start_server(store_path, {"KG_ACCESS_LOG": "0"})
    yield url
    stop_server(proc)


def connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


@contextmanager
def trickling(url: str, count: int) -> Iterator[None]:
    """`count` connections that send a request's header lines one by one, LINE_EVERY seconds apart, never ending it."""
    with ExitStack() as stack:
        conns = [stack.enter_context(connect(url)) for _ in range(count)]
        for conn in conns:
            conn.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        stop = threading.Event()

        def trickle() -> None:
            line = 0
            while not stop.wait(LINE_EVERY):
                line += 1
                for conn in conns:
                    try:
                        conn.sendall(b"X-Slow-%d: %d\r\n" % (line, line))
                    except OSError:  # the server closed it: that is its right
                        continue

        sender = threading.Thread(target=trickle, daemon=True)
        sender.start()
        try:
            yield
        finally:
            stop.set()
            sender.join()


@contextmanager
def silent(url: str, count: int) -> Iterator[None]:
    """`count` connections that are open and send nothing."""
    with ExitStack() as stack:
        for _ in range(count):
            stack.enter_context(connect(url))
        yield


def other_client(url: str) -> list[int]:
    """Statuses of OTHERS requests sent at once by another client (a page and a query, alternately)."""
    paths = ["/", "/sparql?query=ASK%7B%7D"]

    def get(i: int) -> int:
        return requests.get(url + paths[i % 2], timeout=GIVE_UP).status_code

    with ThreadPoolExecutor(OTHERS) as pool:
        return list(pool.map(get, range(OTHERS)))


def test_slow_clients_trickled_headers_do_not_block_others(server: str) -> None:
    with trickling(server, SLOW):
        assert other_client(server) == [200] * OTHERS


def test_slow_clients_silent_connections_do_not_block_others(server: str) -> None:
    with silent(server, SILENT):
        assert other_client(server) == [200] * OTHERS
