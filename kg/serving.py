"""Runs the web app under gunicorn: one worker process owning the store, many threads.

pyoxigraph releases the GIL while it evaluates a query, so threads of one
process answer queries in parallel; a single process is required because only
one process may open an on-disk store for writing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from kg.errors import InvalidInput
from kg.settings import BOOLEANS


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


def access_log_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """KG_ACCESS_LOG: whether gunicorn logs one line per request to stdout (default on).

    Raises:
        InvalidInput: KG_ACCESS_LOG is not a boolean (1/0, true/false, yes/no, on/off).
    """
    raw = environ.get("KG_ACCESS_LOG", "1").strip().lower()
    if raw not in BOOLEANS:
        raise InvalidInput(f"KG_ACCESS_LOG={raw!r} is not a valid bool; use 1/0, true/false, yes/no or on/off.")
    return BOOLEANS[raw]


def run_gunicorn(make_app: Callable[[], Flask], host: str, port: int, threads: int, timeout: float,
                 access_log: bool | None = None) -> None:
    """Serve the app built by `make_app` (in the worker process) on host:port until interrupted.

    `access_log` (default: KG_ACCESS_LOG, on) logs one line per request to stdout.
    """
    options = {
        "bind": f"{host}:{port}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": int(timeout) + 30,
        "accesslog": "-" if (access_log_enabled() if access_log is None else access_log) else None,
        "errorlog": "-",
        "loglevel": "info",
    }
    _Gunicorn(make_app, options).run()
