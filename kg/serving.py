"""Runs the web app under gunicorn: one worker process owning the store, many threads.

pyoxigraph releases the GIL while it reads the store, so threads of one process
answer requests in parallel (SPARQL queries each run in a child process forked
from the worker, see kg/sandbox.py); a single worker is required because only
one process may open an on-disk store for writing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

GRACEFUL_SECONDS = 1


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, make_app: Callable[[], Flask], options: dict[str, Any]) -> None:
        self.make_app = make_app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        # Called in the worker after the fork: the store must be opened there, not in the
        # master, or RocksDB's background threads are lost in the fork and writes hang.
        return self.make_app()


def run_gunicorn(
    make_app: Callable[[], Flask], host: str, port: int, threads: int, timeout: float, access_log: bool
) -> None:
    """Serve the app built by `make_app` (in the worker process) on host:port until interrupted.

    With `access_log`, gunicorn writes one line per request to standard output.
    """
    options = {
        "bind": f"{host}:{port}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": int(timeout) + 30,
        # A stop (SIGTERM, SIGINT) lets requests in flight finish for this long, then ends the worker, which
        # releases the store's lock: a restart or an ingest can follow at once.
        "graceful_timeout": GRACEFUL_SECONDS,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "info",
    }
    _Gunicorn(make_app, options).run()
