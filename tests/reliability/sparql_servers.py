"""Real SPARQL 1.1 servers for the tests of `--sparql`, started by the tests: `oxigraph serve` (the PyPI package
oxigraph, a dev dependency) and Virtuoso (Debian's virtuoso-opensource, installed by .ci/run; its tests are skipped
where it is missing, unless KG_REQUIRE_VIRTUOSO=1, as in CI, where that fails)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_ROWS = 100  # Virtuoso's ResultSetMaxRows here: far below the rows kg reads, so reads must page
VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {rows}
MaxQueryExecutionTime = 60
"""
WAIT = 60.0  # seconds for a server to answer


@dataclass(frozen=True)
class SparqlServer:
    """A running SPARQL server: its name, URLs and credentials, and the kg options that reach it."""

    name: str
    query_url: str
    update_url: str
    user: str | None = None
    password: str | None = None

    @property
    def read(self) -> tuple[str, ...]:
        """The options of kg commands that read from the server."""
        return ("--sparql", self.query_url)

    @property
    def write(self) -> tuple[str, ...]:
        """The options of kg commands that write to the server."""
        login = ("--user", self.user, "--password", self.password) if self.user and self.password else ()
        return ("--sparql", self.query_url, "--update", self.update_url, *login)


def _wait(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until the server at `url` answers a query."""
    deadline = time.monotonic() + WAIT
    ask = f"{url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server stopped: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(ask, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} in {WAIT} s: {log.read_text(errors='replace')[-2000:]}")


@contextmanager
def _running(command: list[str], url: str, folder: Path) -> Iterator[None]:
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=folder, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        _wait(url, proc, log)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[SparqlServer]:
    """`oxigraph serve` on a new store in `folder`; its default graph is the union of its graphs, as kg's is."""
    base = f"http://127.0.0.1:{free_port()}"
    command = [str(OXIGRAPH), "serve", "--location", str(folder / "store"), "--bind", base[len("http://"):],
               "--union-default-graph"]
    with _running(command, f"{base}/query", folder):
        yield SparqlServer("oxigraph", f"{base}/query", f"{base}/update")


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[SparqlServer]:
    """Virtuoso on a new database in `folder`, cutting every result at VIRTUOSO_ROWS rows; updates go to
    /sparql-auth as its administrator (HTTP Digest)."""
    if VIRTUOSO is None:
        message = "virtuoso-t is needed (Debian package virtuoso-opensource)"
        if os.environ.get("KG_REQUIRE_VIRTUOSO") == "1":
            pytest.fail(message)
        pytest.skip(message)
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=folder, sql_port=free_port(), http_port=http_port, rows=VIRTUOSO_ROWS))
    base = f"http://127.0.0.1:{http_port}"
    with _running([VIRTUOSO, "+foreground", "+configfile", str(ini)], f"{base}/sparql", folder):
        yield SparqlServer("virtuoso", f"{base}/sparql", f"{base}/sparql-auth", user="dba", password="dba")


SERVERS = {"oxigraph": oxigraph_server, "virtuoso": virtuoso_server}
