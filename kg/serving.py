"""Runs the web app under waitress: one process owning the store, many request threads.

Waitress reads each request whole (headers and body, a chunked body decoded and given its length, so that
Flask refuses one over KG_MAX_REQUEST_BYTES whole) in a single non-blocking loop before it hands it to a
request thread, so a client that sends its headers slowly, or opens connections and sends nothing, holds
no thread: other clients are answered meanwhile. Connections that stay silent for IDLE_SECONDS are closed.
pyoxigraph releases the GIL while it reads the store, so threads answer requests in parallel (SPARQL queries
each run in a child process forked from this one, see kg/sandbox.py); one process is required because
only one process may open an on-disk store for writing.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from types import FrameType
from typing import Any

from waitress import wasyncore
from waitress.server import create_server

CONNECTIONS = 1000  # open connections at most; beyond that new ones wait in the kernel's queue
IDLE_SECONDS = 30  # a connection with no request in progress and no bytes sent for this long is closed
GRACEFUL_SECONDS = 1  # on SIGTERM or SIGINT, requests in flight get this long to finish
LOOP_SECONDS = 0.2  # how often the loop looks up from its sockets (to notice a stop)
BODY_FACTOR = 4  # bodies up to this many times the limit reach the app, which refuses them with its message
HOUSEKEEPING_SECONDS = 5  # how often `housekeeping` runs (in a thread of its own, beside the requests)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
access = logging.getLogger("kg.access")
log = logging.getLogger("kg.server")


def run_server(app: WSGIApp, host: str, port: int, threads: int, max_body: int, access_log: bool,
               housekeeping: Callable[[], object] | None = None) -> None:
    """Serve `app` on host:port until SIGTERM or SIGINT.

    Log messages go to standard error; with `access_log`, one line per request goes to standard output.
    Bodies over `max_body` are refused by the app (413 naming the setting), and those over BODY_FACTOR
    times that by the server itself. `housekeeping` (giving memory back, say) runs every HOUSEKEEPING_SECONDS
    in a thread of its own while the server runs; an error in it is logged and it runs again next time.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if access_log:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access.addHandler(handler)
        access.propagate = False  # standard output only, not also the error log
        app = _AccessLog(app)
    server = create_server(
        app, host=host, port=port, threads=threads, connection_limit=CONNECTIONS, channel_timeout=IDLE_SECONDS,
        cleanup_interval=max(1, IDLE_SECONDS // 3), asyncore_use_poll=True, asyncore_loop_timeout=LOOP_SECONDS,
        max_request_body_size=BODY_FACTOR * max_body + 1, ident="kg",
    )
    stopping: list[int] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.append(signum)

    for name in ("SIGTERM", "SIGINT"):
        signal.signal(getattr(signal, name), stop)
    stopped = threading.Event()
    if housekeeping is not None:
        threading.Thread(target=_keep_house, args=(housekeeping, stopped), name="housekeeping", daemon=True).start()
    while not stopping:
        wasyncore.loop(timeout=LOOP_SECONDS, map=server._map, use_poll=True, count=1)
    stopped.set()
    log.info("Stopping on %s", signal.Signals(stopping[0]).name)
    _finish(server)
    log.info("Server stopped")


def _keep_house(housekeeping: Callable[[], object], stopped: threading.Event) -> None:
    """Call `housekeeping` every HOUSEKEEPING_SECONDS until `stopped` is set."""
    while not stopped.wait(HOUSEKEEPING_SECONDS):
        try:
            housekeeping()
        except Exception:
            log.exception("Housekeeping failed; it runs again in %d s", HOUSEKEEPING_SECONDS)


def _finish(server: Any) -> None:
    """Stop accepting, let requests in flight finish for GRACEFUL_SECONDS, then stop the request threads."""
    wasyncore.dispatcher.close(server)  # the listening socket only; the loop still sends answers
    deadline = time.monotonic() + GRACEFUL_SECONDS
    while time.monotonic() < deadline and any(channel.requests for channel in server.active_channels.values()):
        wasyncore.loop(timeout=0.05, map=server._map, use_poll=True, count=1)
    server.task_dispatcher.shutdown(timeout=0)


class _AccessLog:
    """WSGI middleware that logs one line per request: client, request line, status, bytes and seconds."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.monotonic()
        status: list[str] = []

        def record(code: str, headers: list[tuple[str, str]], *exc: Any) -> Any:
            status[:] = [code.split(" ", 1)[0]]
            return start_response(code, headers, *exc)

        return _Logged(self.app(environ, record), environ, status, started)


class _Logged:
    """A response body that logs its request's line once it has been sent (or abandoned)."""

    def __init__(self, body: Iterable[bytes], environ: dict[str, Any], status: list[str], started: float) -> None:
        self.body, self.environ, self.status, self.started = body, environ, status, started
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            self.size += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            env = self.environ
            query = f"?{env['QUERY_STRING']}" if env.get("QUERY_STRING") else ""
            access.info('%s "%s %s%s %s" %s %d %.3f', env.get("REMOTE_ADDR", "-"), env["REQUEST_METHOD"],
                        env.get("PATH_INFO", ""), query, env.get("SERVER_PROTOCOL", ""),
                        self.status[0] if self.status else "-", self.size, time.monotonic() - self.started)
