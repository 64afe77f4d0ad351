"""`kg ingest --server URL` writes into a running server through the Graph Store Protocol."""

from __future__ import annotations

import gc
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.ontology import Namer
from kg.remote import RemoteSink
from kg.store import Store
from tests.conftest import free_port, start_server
from tests.reliability.corpus import kg, store_graphs, write_articles

TOKEN = "t0ken-for-tests"


def empty_store(path: Path) -> Path:
    """Create an empty on-disk store at `path` and close it again."""
    store = Store(path)
    del store
    gc.collect()
    return path


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started by start_server and wait until it has closed its store."""
    proc.terminate()
    proc.wait(timeout=15)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A live server with an update token over an empty store; its URL and store folder."""
    store = empty_store(tmp_path_factory.mktemp("remote") / "store")
    proc, url = start_server(store, env={"KG_UPDATE_TOKEN": TOKEN})
    yield url, store
    stop(proc)


@pytest.mark.model
def test_remote_ingest_equals_local_ingest_and_skips_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 12)
    local = tmp_path / "local"
    assert kg("ingest", folder, "--store", local, "--workers", "1").returncode == 0
    served = empty_store(tmp_path / "served")
    proc, url = start_server(served, env={"KG_UPDATE_TOKEN": TOKEN})
    try:
        first = kg("ingest", folder, "--server", url, "--token", TOKEN, "--workers", "1")
        assert first.returncode == 0, first.stderr
        assert first.stdout.startswith("12 articles ingested, 0 unchanged, 0 failed"), first.stdout
        again = kg("ingest", folder, "--workers", "1", env={"KG_SERVER": url, "KG_UPDATE_TOKEN": TOKEN})
        assert again.returncode == 0, again.stderr
        assert again.stdout.startswith("0 articles ingested, 12 unchanged, 0 failed"), again.stdout
        remote_entities = set(RemoteSink(url, None).iter_entities(Namer()))
        remote_events = set(RemoteSink(url, None).iter_event_reports(Namer()))
    finally:
        stop(proc)
    assert store_graphs(served) == store_graphs(local)
    local_store = Store(local)
    assert remote_entities == set(local_store.iter_entities(Namer())) != set()
    assert remote_events == set(local_store.iter_event_reports(Namer())) != set()
    del local_store
    gc.collect()


@pytest.mark.model
@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("wrong", "The server refused the update token (403 on PUT "),
        (None, "The server wants an update token (401 on PUT "),
    ],
)
def test_remote_ingest_refused_token_is_a_clear_error(
    server: tuple[str, Path], tmp_path: Path, token: str | None, message: str
) -> None:
    url, _ = server
    write_articles(tmp_path, 1)
    args = ["--token", token] if token else []
    result = kg("ingest", tmp_path, "--server", url, "--workers", "1", *args, env={"KG_UPDATE_TOKEN": ""})
    assert result.returncode == 2
    assert result.stderr.startswith(f"kg ingest: {message}{url}/store?graph="), result.stderr
    assert "Set KG_UPDATE_TOKEN (or --token) to the server's token" in result.stderr


@pytest.mark.model
def test_remote_ingest_server_without_token_refuses_writes(tmp_path: Path) -> None:
    store = empty_store(tmp_path / "store")
    proc, url = start_server(store, env={"KG_UPDATE_TOKEN": ""})
    try:
        write_articles(tmp_path / "articles", 1)
        result = kg("ingest", tmp_path / "articles", "--server", url, "--token", "anything", "--workers", "1")
    finally:
        stop(proc)
    assert result.returncode == 2
    assert "Writes are disabled on this server: set KG_UPDATE_TOKEN" in result.stderr, result.stderr


def test_remote_ingest_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    write_articles(tmp_path, 1)
    result = kg("ingest", tmp_path, "--server", url, "--token", TOKEN, "--workers", "1")
    assert result.returncode == 2
    assert result.stderr.startswith(f"kg ingest: Cannot reach the kg server at {url} ("), result.stderr
    assert "Is `kg serve` running there?" in result.stderr


def test_remote_ingest_local_store_busy_points_to_server_option(server: tuple[str, Path], tmp_path: Path) -> None:
    _, store = server
    write_articles(tmp_path, 1)
    result = kg("ingest", tmp_path, "--store", store, "--workers", "1")
    assert result.returncode == 2
    assert f"The store {store} is open for writing in another process" in result.stderr, result.stderr
    assert "`kg ingest --server URL`" in result.stderr


def test_remote_ingest_row_limit_is_a_clear_error(store_path: Path, tmp_path: Path) -> None:
    proc, url = start_server(store_path, env={"KG_UPDATE_TOKEN": TOKEN, "KG_ROW_LIMIT": "3"})
    try:
        write_articles(tmp_path, 1)
        result = kg("ingest", tmp_path, "--server", url, "--token", TOKEN, "--workers", "1")
    finally:
        stop(proc)
    assert result.returncode == 2
    assert f"kg ingest: The server at {url} cut a result at its row limit of 3 rows" in result.stderr, result.stderr
    assert "raise KG_ROW_LIMIT on the server" in result.stderr
