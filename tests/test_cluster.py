"""`kg ingest --cluster`: parsing on a real Dask LocalCluster gives the graph of the process pool, quad for quad,
even when a worker is killed mid-ingest; articles are read from fsspec URLs too."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from distributed import Client, LocalCluster

from kg.ingest import IngestReport, ingest
from kg.ontology import Namer
from kg.store import Store
from tests.reliability.corpus import Graphs, graphs_of, ingest_until_killed, kg, store_graphs, write_articles
from tests.reliability.test_ingest_kill_workers import children, is_running, rss_kb

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
NAMER = Namer()

pytestmark = pytest.mark.model


def build(paths: list[str | Path], **how: object) -> tuple[Graphs, IngestReport]:
    """The graphs (without ingest times) and the report of an ingest of `paths` into a new in-memory store."""
    store = Store()
    report = ingest(paths, store, NAMER, **how)  # type: ignore[arg-type]
    return graphs_of(store.quads()), report


@pytest.mark.parametrize("source", [EXAMPLES, SEEDS], ids=["examples", "seeds"])
def test_cluster_graph_equals_process_pool_graph(source: Path) -> None:
    if not source.is_dir():
        pytest.skip(f"{source} is not present")
    pool, pool_report = build([source], workers=2)
    assert pool_report.articles >= 5 and not pool_report.problems
    for cluster in ("local:1", "local:2"):
        graphs, report = build([source], cluster=cluster)
        assert (report.articles, report.problems) == (pool_report.articles, [])
        assert graphs == pool, f"--cluster {cluster} built another graph than --workers 2"


@pytest.fixture
def cluster() -> Iterator[Client]:
    """A client of a LocalCluster of two worker processes, each under a nanny that restarts it when it dies."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local, \
            Client(local) as client:
        yield client


def test_cluster_ingest_survives_a_killed_worker(cluster: Client, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 160)  # ten chunks; three per worker are in flight when the kill comes
    clean, _ = build([folder], workers=1)
    killed: list[int] = []
    kill_lock = threading.Lock()

    def kill_one_worker(source: str, done: int) -> None:
        with kill_lock:
            if done >= 16 and not killed:  # the first chunk is written: the workers hold the next ones
                pid = next(iter(cluster.run(os.getpid).values()))
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

    graphs, report = build([folder], cluster=cluster.scheduler.address, on_article=kill_one_worker)
    assert killed, "no worker was killed"
    assert killed[0] not in cluster.run(os.getpid).values(), "the killed worker is back"
    assert (report.articles, report.problems) == (160, [])
    assert graphs == clean


def descendants(pid: int) -> list[int]:
    """The processes below `pid`: its children, theirs, and so on."""
    found = children(pid)
    return found + [grandchild for child in found for grandchild in descendants(child)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc (Linux)")
def test_cluster_killed_client_leaves_no_worker_and_a_rerun_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 300)
    store = tmp_path / "store"
    workers: list[int] = []
    spawned: set[int] = set()

    def watch(pid: int) -> None:
        below = descendants(pid)
        spawned.update(below)
        workers[:] = [child for child in below if rss_kb(child) > 150_000] or workers

    written = ingest_until_killed(folder, store, after=1, delay=300, options=("--cluster", "local:2"), watch=watch)
    assert written > 0 and len(workers) >= 2, "the workers never loaded the model, or no batch was written"
    deadline = time.monotonic() + 60
    while any(is_running(pid) for pid in spawned) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(is_running(pid) for pid in spawned), "a nanny or a worker outlived the ingest"

    rerun = kg("ingest", folder, "--store", store, "--cluster", "local:2")
    assert rerun.returncode == 0, rerun.stderr
    ingested, unchanged = _counts(rerun.stdout)
    assert ingested + unchanged == 300 and unchanged >= written, rerun.stdout  # whole articles were kept
    assert kg("ingest", folder, "--store", tmp_path / "clean", "--workers", "1").returncode == 0
    assert store_graphs(store) == store_graphs(tmp_path / "clean")


def _counts(summary: str) -> tuple[int, int]:
    """(ingested, unchanged) of an ingest's summary line."""
    ingested, rest = summary.split(" articles ingested, ", 1)
    return int(ingested), int(rest.split(" unchanged", 1)[0])


def test_cluster_reads_fsspec_urls_globs_and_json_lines() -> None:
    memory = fsspec.filesystem("memory")
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".txt", ".html", ".jsonl"):
            memory.pipe(f"/kg-test/examples/{path.name}", path.read_bytes())
    memory.pipe("/kg-test/examples/.hidden/skipped.txt", b"not an article")
    try:
        local, _ = build([EXAMPLES], workers=1)
        by_folder, report = build(["memory://kg-test/examples"], cluster="local:1")
        assert report.articles == 6 and not report.problems
        assert by_folder.keys() == local.keys()
        globbed, report = build(["memory://kg-test/examples/*.jsonl", "memory://kg-test/none/*.txt"], workers=1)
        assert report.articles == 2
        assert [(p.source, p.message) for p in report.problems] == [
            ("memory://kg-test/none/*.txt", "no file matches this pattern")]
        assert globbed.keys() < local.keys()
    finally:
        memory.rm("/kg-test", recursive=True)


def test_ingest_url_read_errors_name_the_url(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = kg("ingest", tmp_path.as_uri() + "/empty.txt", f"{tmp_path.as_uri()}/missing.txt",
                "--store", tmp_path / "store", "--workers", "1")
    assert result.returncode == 1
    assert f"{tmp_path.as_uri()}/empty.txt: the file is empty or only whitespace" in result.stderr
    assert f"{tmp_path.as_uri()}/missing.txt: no such file or folder" in result.stderr


@pytest.mark.parametrize(("cluster", "message"), [
    ("local:0", "expected local:N with N worker processes"),
    ("tcp://127.0.0.1:9", "Cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
])
def test_ingest_bad_cluster_is_a_clear_error(tmp_path: Path, cluster: str, message: str) -> None:
    write_articles(tmp_path / "articles", 1)
    result = kg("ingest", tmp_path / "articles", "--store", tmp_path / "store", env={"KG_CLUSTER": cluster})
    assert result.returncode == 2 and message in result.stderr, result.stderr


def test_cluster_model_that_cannot_load_is_a_clear_error(tmp_path: Path) -> None:
    result = kg("ingest", EXAMPLES, "--store", tmp_path / "store", "--cluster", "local:1", "--model", "no_such_model")
    assert result.returncode == 2
    assert "kg ingest: No usable spaCy model could be loaded. Tried: no_such_model" in result.stderr, result.stderr
