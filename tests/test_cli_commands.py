"""Each command does what it says, in real subprocesses over a real store on disk (the sample graph, no model):
exports of the union, pipes closed early, reading while `kg serve` holds the store, removing through it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.formats import RDF, Format
from tests.conftest import free_port, start_server, stop_server
from tests.test_cli import ROOT, kg

KELLER = URIRef("http://127.0.0.1:5000/entity/person/anna-keller")
RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "rdfxml": "xml",
                "jsonld": "json-ld"}
# rdflib 7's own N-Quads, TriG and JSON-LD parsers use the ConjunctiveGraph API it deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:.* is deprecated:DeprecationWarning")


@pytest.mark.parametrize("fmt", RDF, ids=lambda f: f.name)
def test_cli_export_writes_every_graph_or_their_union(store_path: Path, fmt: Format) -> None:
    result = subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(store_path), "--format", fmt.name],
                            cwd=ROOT, capture_output=True, check=True)
    assert len(result.stdout) > 1000
    if fmt.datasets:
        graph = Dataset().parse(data=result.stdout, format=RDFLIB_NAMES[fmt.name])
        assert len(list(graph.graphs())) > 2  # the article graphs, kept apart
    else:
        graph = Graph().parse(data=result.stdout, format=RDFLIB_NAMES[fmt.name])
        # stated in two article graphs, written once
        assert list(graph.triples((KELLER, RDFS.label, None))) == [(KELLER, RDFS.label, Literal("Anna Keller"))]


def test_cli_export_into_a_closed_pipe_stops_quietly(store_path: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.nt"  # more than a pipe holds, so the export is still writing when head exits
    big.write_text("".join(f"<urn:kg-test:s{i}> <urn:kg-test:p> \"{'x' * 40} {i}\" .\n" for i in range(20000)))
    assert kg("load", big, "--store", store_path).returncode == 0
    script = f"{sys.executable} -m kg export --store {store_path} | head -n 1; echo \"exit=${{PIPESTATUS[0]}}\""
    result = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stderr == ""
    assert result.stdout.count("\n") == 2 and result.stdout.endswith("exit=141\n")


def test_cli_query_output_ends_with_newline_and_counts_in_words(store_path: Path) -> None:
    one = kg("query", "SELECT ?p WHERE { ?p rdfs:label 'Anna Keller' } LIMIT 1", "--store", store_path)
    assert one.stdout.endswith("(1 row)\n")
    for fmt in ("json", "csv", "tsv"):
        out = kg("query", "SELECT DISTINCT ?p WHERE { ?p a kg:Person }", "--store", store_path, "--format", fmt)
        assert out.returncode == 0 and out.stdout.endswith("\n")
        if fmt == "json":
            assert len(json.loads(out.stdout)["results"]["bindings"]) == 2


def test_cli_missing_files_are_named_without_traceback(store_path: Path, tmp_path: Path) -> None:
    query = kg("query", tmp_path / "missing.rq", "--store", store_path)
    assert query.returncode == 2 and "missing.rq" in query.stderr and "No such file" in query.stderr
    load = kg("load", tmp_path / "missing.ttl", "--store", store_path)
    assert load.returncode == 2 and "missing.ttl: no such file" in load.stderr
    assert "Traceback" not in query.stderr + load.stderr


def test_cli_load_takes_the_export_format_names_as_extensions(store_path: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.nquads"
    backup.write_bytes(subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(store_path)],
                                      cwd=ROOT, capture_output=True, check=True).stdout)
    loaded = kg("load", backup, "--store", tmp_path / "copy")
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(kg("stats", "--store", tmp_path / "copy").stdout)["Person"] == 2


def test_cli_read_commands_work_while_kg_serve_holds_the_store(store_path: Path, tmp_path: Path) -> None:
    proc, url = start_server(store_path, {"KG_UPDATE_TOKEN": "cli-token"})
    port = url.rsplit(":", 1)[1]
    try:
        env = {"KG_PORT": port}
        stats = kg("stats", "--store", store_path, env=env)
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["Person"] == 2 and f"reading it through http://127.0.0.1:{port}" in stats.stderr
        query = kg("query", "SELECT DISTINCT ?p WHERE { ?p a kg:Person }", "--store", store_path, env=env)
        assert query.returncode == 0 and query.stdout.endswith("(2 rows)\n")
        export = kg("export", "--store", store_path, "--format", "turtle", env=env)
        assert export.returncode == 0 and "Anna Keller" in export.stdout
        gold = tmp_path / "gold.ndjson"
        gold.write_text('{"kind": "role", "doc": "keller-vienna", "person": "Anna Keller", "role": "Chancellor"}\n')
        evaluated = kg("eval", "--gold", gold, "--store", store_path, env=env)
        assert evaluated.returncode == 0, evaluated.stderr
        removed = kg("remove", "examples/keller-vienna.txt", "--server", url, "--token", "cli-token")
        assert removed.stdout == "1 article removed\n", removed.stderr
        again = kg("remove", "keller-vienna", "--server", url, "--token", "cli-token")
        assert again.returncode == 1 and again.stdout == "0 articles removed\n"
        after = kg("query", "SELECT DISTINCT ?p WHERE { ?p a kg:Person }", "--server", url)
        assert after.stdout.endswith("(1 row)\n")
    finally:
        stop_server(proc)


def test_cli_read_command_names_the_server_option_when_none_answers(store_path: Path) -> None:
    proc, _ = start_server(store_path)
    try:
        result = kg("stats", "--store", store_path, env={"KG_PORT": str(free_port())})
        assert result.returncode == 2 and "--server URL" in result.stderr and "Traceback" not in result.stderr
    finally:
        stop_server(proc)
