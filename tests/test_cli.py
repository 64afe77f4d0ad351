"""The `kg` command line end to end, in real subprocesses over a real store on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def kg(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m kg ARGS` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from examples/ by `kg ingest` (once per module: parsing is the slow part)."""
    store = tmp_path_factory.mktemp("cli") / "store"
    result = kg("ingest", EXAMPLES, "--store", store, "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "articles ingested" in result.stdout
    return store


@pytest.mark.model
def test_cli_ingest_reports_summary_and_skips_unchanged(built_store: Path) -> None:
    again = kg("ingest", EXAMPLES, "--store", built_store, "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 articles ingested")
    assert " unchanged" in again.stdout and "0 unchanged" not in again.stdout


@pytest.mark.model
def test_cli_query_formats(built_store: Path) -> None:
    table = kg("query", "queries/roles.rq", "--store", built_store)
    assert table.returncode == 0, table.stderr
    assert "personLabel" in table.stdout.splitlines()[0]
    as_json = json.loads(kg("query", "queries/roles.rq", "--store", built_store, "--format", "json").stdout)
    assert as_json["results"]["bindings"], "the examples state at least one role"
    csv = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }", "--store", built_store, "--format", "csv")
    assert csv.stdout.splitlines()[0] == "n" and int(csv.stdout.splitlines()[1]) >= 5
    ask = "ASK { ?a a kg:Article }"
    assert kg("query", ask, "--store", built_store).stdout == "true\n"
    assert json.loads(kg("query", ask, "--store", built_store, "--format", "json").stdout) == {"head": {},
                                                                                              "boolean": True}
    assert "<boolean>true</boolean>" in kg("query", ask, "--store", built_store, "--format", "xml").stdout


@pytest.mark.model
def test_cli_stats_counts_every_kind(built_store: Path) -> None:
    stats = json.loads(kg("stats", "--store", built_store).stdout)
    assert stats["Article"] >= 5
    for kind in ("Person", "Role", "Event", "Sanction"):
        assert stats[kind] > 0, kind


@pytest.mark.model
def test_cli_export_and_load_round_trip(built_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.nq"
    assert kg("export", "--store", built_store, "--format", "nquads", "--output", out).returncode == 0
    copy = tmp_path / "copy"
    loaded = kg("load", out, "--store", copy)
    assert loaded.returncode == 0, loaded.stderr
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert kg("query", count, "--store", copy, "--format", "csv").stdout == kg(
        "query", count, "--store", built_store, "--format", "csv"
    ).stdout


@pytest.mark.model
def test_cli_eval_scores_examples_against_their_gold(built_store: Path) -> None:
    result = kg("eval", "--gold", EXAMPLES / "gold.ndjson", "--store", built_store)
    assert result.returncode == 0, result.stderr
    overall = next(line for line in result.stdout.splitlines() if line.startswith("all"))
    f1 = float(overall.split("F1=")[1].split()[0])
    assert f1 >= 0.6, result.stdout


@pytest.mark.model
def test_cli_eval_by_rule_counts_each_rule(built_store: Path) -> None:
    result = kg("eval", "--gold", EXAMPLES / "gold.ndjson", "--store", built_store, "--by-rule")
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith(("roles.", "events.", "sanctions."))]
    assert {row[0].split(".")[0] for row in rows} == {"roles", "events", "sanctions"}, result.stdout
    read, right = sum(int(r[-3]) for r in rows), sum(int(r[-2]) for r in rows)
    assert 0 < right <= read, result.stdout


@pytest.mark.model
def test_cli_remove_then_reingest(built_store: Path, tmp_path: Path) -> None:
    jsonl = next(EXAMPLES.glob("*.jsonl"))
    store = tmp_path / "store"
    assert kg("ingest", jsonl, "--store", store, "--workers", "1").returncode == 0
    ids = kg("query", "SELECT ?a WHERE { ?a a kg:Article }", "--store", store, "--format", "csv").stdout.split()[1:]
    doc_id = ids[0].rsplit("/", 1)[-1]
    removed = kg("remove", doc_id, "--store", store)
    assert removed.returncode == 0 and removed.stdout.startswith("1 article removed")
    missing = kg("remove", doc_id, "--store", store)
    assert missing.returncode == 1 and f"no article '{doc_id}'" in missing.stderr
    again = kg("ingest", jsonl, "--store", store, "--workers", "1")
    assert again.stdout.startswith("1 articles ingested"), again.stdout


def test_cli_ingest_reports_bad_input_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = kg("ingest", tmp_path / "empty.txt", tmp_path / "missing.txt", "--store", tmp_path / "s",
                "--workers", "1")
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr
    assert "0 articles ingested" in result.stdout and "2 failed" in result.stdout


def test_cli_help_lists_every_command() -> None:
    result = kg("--help")
    for command in ("ingest", "remove", "query", "export", "load", "stats", "eval", "serve"):
        assert command in result.stdout


@pytest.mark.parametrize("command", ["query", "stats", "export", "eval", "remove"])
def test_cli_read_commands_refuse_a_missing_store(tmp_path: Path, command: str) -> None:
    extra = {"query": ["ASK {}"], "eval": ["--gold", "g.jsonl"], "remove": ["some-id"]}.get(command, [])
    result = kg(command, *extra, "--store", tmp_path / "nowhere")
    assert result.returncode == 2
    assert f"No store at {tmp_path / 'nowhere'}" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_cli_ingest_creates_missing_parent_folders(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    kg("ingest", tmp_path / "empty.txt", "--store", tmp_path / "a" / "b" / "store", "--workers", "1")
    assert (tmp_path / "a" / "b" / "store").is_dir()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_ingest_missing_model_fails_fast_with_its_name(tmp_path: Path, workers: str) -> None:
    result = kg("ingest", EXAMPLES, "--store", tmp_path / "s", "--model", "no_such_model_xyz", "--workers", workers)
    assert result.returncode == 2
    assert "no_such_model_xyz" in result.stderr and "pip install" in result.stderr
    assert result.stderr.count("Traceback") == 0
