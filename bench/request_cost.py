"""What one cheap SPARQL request costs, piece by piece, measured in one process on one thread (no HTTP load).

Each piece is timed over `--repeat` calls and reported in microseconds per call:

- `oxigraph`: the engine's own work: evaluate the query and serialize it natively (what `oxigraph serve` does);
- `query process`: the hand-off of a job to a forked query process and back, with a job that does nothing;
- `negotiation`: choosing the result format from the Accept header;
- `werkzeug request`: parsing the WSGI environ into a request and reading its arguments and headers;
- `flask app, cache off` / `cache on`: the whole app, called as the WSGI server calls it, for a GET /sparql;
- `flask app, minimal`: bench/minimal_app.py, the least a Flask app over pyoxigraph can do;
- `access log`: the per-request log line (kg/serving.py's middleware) around an app that does nothing;
- with `--http`: requests/s, driven by wrk at concurrency 8, of waitress serving an app that does nothing (the
  WSGI server's own ceiling), and of `kg serve` answering one entity lookup over and over: cache off (every
  request runs the query), cache off without the access log, cache on (every request a hit); and the same app
  under granian when it is installed (`.venv/bin/pip install granian`: tried, not used by `kg serve`).

    .venv/bin/python -m bench.request_cost --store /tmp/kgb/store-1000000 [--repeat 2000] [--http]
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from bench.endpoint import ACCEPT, PREFIXES, parse_wrk, pick_terms
from bench.machine import save


def per_call_us(work: Callable[[], object], repeat: int) -> float:
    """Microseconds per call of `work`, the best of three runs of `repeat` calls."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(repeat):
            work()
        best = min(best, time.perf_counter() - started)
    return best / repeat * 1e6


def environ(path: str, query: str) -> dict[str, Any]:
    """A WSGI environ of GET `path?query` with the benchmark's Accept header, as waitress builds it."""
    return {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "5000", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
            "HTTP_ACCEPT": ACCEPT, "HTTP_HOST": "127.0.0.1:5000", "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
            "wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": False}


def call_app(app: Callable[..., Iterable[bytes]], env: dict[str, Any]) -> Callable[[], object]:
    """A call of the WSGI app with a fresh copy of `env`, reading the whole body, as a server would."""
    def start_response(status: str, headers: list[tuple[str, str]], *exc: object) -> None:
        if not status.startswith(("200", "304")):
            raise RuntimeError(status)

    def call() -> object:
        body = app(dict(env), start_response)
        data = b"".join(body)
        close = getattr(body, "close", None)
        if close is not None:
            close()
        return data

    return call


def _nothing(store: object, output: IO[bytes]) -> None:
    """A job for a query process that does nothing."""


def _empty_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]


def in_process(store_path: Path, repeat: int) -> dict[str, float]:
    """Microseconds per call of each piece, in this process."""
    from pyoxigraph import QueryResultsFormat
    from pyoxigraph import Store as OxStore
    from werkzeug.wrappers import Request

    from bench import minimal_app
    from kg.formats import RESULTS, choose_format
    from kg.serving import _AccessLog, access
    from kg.settings import Settings
    from kg.web.app import create_app

    iri = pick_terms(store_path, count=1)["entity"][0]
    sparql = PREFIXES + f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 500"
    query_string = urllib.parse.urlencode({"query": sparql})
    figures: dict[str, float] = {}

    engine = OxStore.read_only(str(store_path))
    figures["oxigraph"] = per_call_us(lambda: engine.query(sparql, use_default_graph_as_union=True).serialize(
        format=QueryResultsFormat.JSON), repeat)
    figures["negotiation"] = per_call_us(lambda: choose_format(RESULTS, [], ACCEPT), repeat)
    env = environ("/sparql", query_string)
    figures["werkzeug request"] = per_call_us(
        lambda: (lambda r: (r.args.getlist("query"), r.mimetype, r.headers.get("Accept")))(Request(dict(env))), repeat)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BENCH_STORE"] = str(store_path)
        minimal = minimal_app.create()
        figures["flask app, minimal"] = per_call_us(call_app(minimal, env), repeat)
        del minimal
        for name, cache_bytes in (("flask app, cache off", 0), ("flask app, cache on (hits)", 64 << 20)):
            copy = Path(tmp) / name.replace(" ", "-").replace(",", "")
            shutil.copytree(store_path, copy)  # the app opens its store for writing: a copy of its own
            app = create_app(Settings(store=str(copy), cache_bytes=cache_bytes))
            runner = app.extensions["kg_sparql"]
            if cache_bytes == 0:
                figures["query process"] = per_call_us(
                    lambda runner=runner: runner.pool.run(_nothing, (), 10, runner.store.generation).output.close(),
                    repeat)
            figures[name] = per_call_us(call_app(app, env), repeat)
            del app, runner
    handler = logging.StreamHandler(open(os.devnull, "w"))  # noqa: SIM115 - lives as long as the benchmark
    handler.setFormatter(logging.Formatter("%(message)s"))
    access.addHandler(handler)
    access.propagate = False
    bare = per_call_us(call_app(_empty_app, env), repeat)
    figures["access log"] = per_call_us(call_app(_AccessLog(_empty_app), env), repeat) - bare
    return figures


def over_http(store_path: Path, seconds: int) -> dict[str, float]:
    """req/s under wrk at c=8: waitress serving an app that does nothing, and `kg serve` answering one entity lookup
    again and again, with the cache off (each request runs the query) and on (each is a hit), with the access log
    on and off; and, when granian is installed (`pip install granian`), the same app under granian."""
    from waitress.server import create_server

    from bench.endpoint import server

    figures: dict[str, float] = {}
    empty = create_server(_empty_app, host="127.0.0.1", port=0, threads=32)
    port = empty.socket.getsockname()[1]
    thread = threading.Thread(target=empty.run, daemon=True)
    thread.start()
    try:
        figures["waitress, empty app"] = _wrk(f"http://127.0.0.1:{port}/", seconds)
    finally:
        empty.close()
    iri = pick_terms(store_path, count=1)["entity"][0]
    sparql = PREFIXES + f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 500"
    url = "http://127.0.0.1:5831/sparql?" + urllib.parse.urlencode({"query": sparql})
    commands = {"kg serve (waitress)": [sys.executable, "-m", "kg", "serve", "--port", "5831"]}
    granian = Path(sys.executable).parent / "granian"
    if granian.exists():
        commands["granian"] = [str(granian), "--interface", "wsgi", "--workers", "1", "--blocking-threads", "32",
                               "--host", "127.0.0.1", "--port", "5831", "bench.granian_app:app"]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(store_path, copy)  # kg opens its store for writing: a copy of its own
        for name, command in commands.items():
            for cache, log_on in (("0", "1"), ("0", "0"), ("67108864", "1")):
                env = {"KG_STORE": str(copy), "KG_CACHE_BYTES": cache, "KG_ACCESS_LOG": log_on}
                logging_flag = ["--access-log"] if name == "granian" and log_on == "1" else []  # granian's own log
                with server(command + logging_flag, url, Path(tmp) / "server.log", env):
                    _wrk(url, 2)
                    state = f"cache {'on' if cache != '0' else 'off'}, access log {'on' if log_on == '1' else 'off'}"
                    figures[f"{name}, {state}"] = _wrk(url, seconds)
    return figures


def _wrk(url: str, seconds: int) -> float:
    done = subprocess.run(["wrk", "-t", "2", "-c", "8", "-d", f"{seconds}s", "--latency", "-H", f"Accept: {ACCEPT}",
                           url], capture_output=True, text=True, check=True)
    return parse_wrk(done.stdout)["rps"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=2000)
    parser.add_argument("--http", action="store_true", help="also measure waitress and kg serve with wrk")
    parser.add_argument("--seconds", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--name", default="request_cost", help="results file: bench/results/NAME.json")
    args = parser.parse_args()
    figures = in_process(args.store, args.repeat)
    for name, value in figures.items():
        print(f"{name:30s} {value:9.1f} µs per request", flush=True)
    http = over_http(args.store, args.seconds) if args.http else {}
    for name, value in http.items():
        print(f"{name:50s} {value:9.0f} req/s", flush=True)
    save(args.name, {"store": str(args.store), "repeat": args.repeat, "us_per_request": figures, "http": http})


if __name__ == "__main__":
    main()
