"""`kg ingest --sparql`: the graph written to a real Oxigraph server and a real Virtuoso is the graph of the embedded
store, quad for quad, scores the same with `kg eval --sparql` and counts the same with `kg stats --sparql` (whose
queries use the prefixes kg predeclares), and resolves new articles against the entities the
server holds (read in pages, past Virtuoso's row limit)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import ontology, remote
from kg.remote import Endpoints, RemoteSink, RemoteStore
from tests.conftest import free_port
from tests.reliability.corpus import Graphs, kg, store_graphs, write_articles
from tests.reliability.sparql_servers import SERVERS, VIRTUOSO_ROWS, SparqlServer

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
SEEDS_GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"


@pytest.fixture(params=sorted(SERVERS))
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SparqlServer]:
    """A new, empty SPARQL server of each kind."""
    folder = tmp_path / request.param
    folder.mkdir()
    with SERVERS[request.param](folder) as running:
        yield running


def server_graphs(server: SparqlServer) -> Graphs:
    """The article graphs on the server (not the server's own), as store_graphs gives them, read in pages."""
    reader = RemoteStore(Endpoints.sparql(server.query_url))
    graphs: dict[str, set[str]] = defaultdict(set)
    offset = 0
    while rows := reader.select(remote.paged_query("?g ?s ?p ?o", "GRAPH ?g { ?s ?p ?o }", offset)):
        offset += len(rows)
        for row in rows:
            if row["g"].value.startswith(ontology.DEFAULT_BASE_IRI) and row["p"] != ontology.GENERATED_AT:
                graphs[str(row["g"])].add(f"{row['s']} {row['p']} {_canonical(str(row['o']))}")
    return dict(graphs)


def _canonical(term: str) -> str:
    """A boolean literal in its canonical form: Virtuoso gives "true"^^xsd:boolean back as "1", the same value."""
    boolean = f"^^<{ontology.XSD}boolean>"
    return {f'"1"{boolean}': f'"true"{boolean}', f'"0"{boolean}': f'"false"{boolean}'}.get(term, term)


@pytest.mark.model
@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not present")
def test_sparql_server_holds_the_embedded_graph_and_scores_the_same(server: SparqlServer, tmp_path: Path) -> None:
    local = tmp_path / "local"
    assert kg("ingest", SEEDS, "--store", local, "--workers", "1").returncode == 0
    first = kg("ingest", SEEDS, *server.write, "--workers", "1")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("5 articles ingested, 0 unchanged, 0 failed"), first.stdout
    again = kg("ingest", SEEDS, *server.write, "--workers", "1")
    assert again.stdout.startswith("0 articles ingested, 5 unchanged, 0 failed"), again.stdout + again.stderr
    assert server_graphs(server) == store_graphs(local) != {}
    embedded = kg("eval", "--gold", SEEDS_GOLD, "--store", local)
    served = kg("eval", "--gold", SEEDS_GOLD, *server.read)
    assert served.returncode == 0, served.stderr
    assert served.stdout == embedded.stdout and "all " in served.stdout
    stats = [json.loads(kg("stats", *where).stdout) for where in (("--store", local), server.read)]
    for counts in stats:
        counts.pop("lastIngest")
        if server.name == "virtuoso":  # its graphs of its own are counted too
            counts.pop("quads")
    assert stats[0] == stats[1] and stats[0]["Article"] == 5


@pytest.mark.model
def test_sparql_server_resolves_new_articles_against_its_entities(server: SparqlServer, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 20)
    local = tmp_path / "local"
    for count in (8, 20):  # the second ingest resolves its names against the entities of the first eight
        given = sorted(folder.iterdir())[:count]
        assert kg("ingest", *given, "--store", local, "--workers", "1").returncode == 0
        result = kg("ingest", *given, *server.write, "--workers", "1")
        assert result.returncode == 0, result.stderr
    assert server_graphs(server) == store_graphs(local)
    sink = RemoteSink(Endpoints.sparql(server.query_url), None)
    labels = list(sink.select_all("?e ?label", "GRAPH ?g { ?e rdfs:label ?label }"))
    assert len(labels) > VIRTUOSO_ROWS  # more than one page of Virtuoso's
    assert len({(row["e"], row["label"]) for row in labels}) == len(labels)


def test_sparql_reads_page_past_the_page_size(server: SparqlServer, monkeypatch: pytest.MonkeyPatch) -> None:
    sink = RemoteSink(Endpoints.sparql(server.query_url, server.update_url), None, user=server.user,
                      password=server.password)
    graph = ontology.Namer().article("paging")
    sink.update(f"INSERT DATA {{ GRAPH {graph} {{ " + " ".join(
        f"<urn:kg-test:e{n}> <urn:kg-test:p> {n} ." for n in range(25)) + " } }")
    monkeypatch.setattr(remote, "PAGE_ROWS", 7)
    rows = list(sink.select_all("?e ?n", "GRAPH ?g { ?e <urn:kg-test:p> ?n }"))
    assert sorted(int(row["n"]) for row in rows) == list(range(25))
    assert sink.remove_graph(graph) and not sink.remove_graph(graph)


@pytest.mark.model
def test_sparql_remove_and_graph_store_writes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 3)
    local = tmp_path / "local"
    assert kg("ingest", folder, "--store", local, "--workers", "1").returncode == 0
    with SERVERS["oxigraph"](tmp_path) as server:
        base = server.query_url.removesuffix("/query")
        result = kg("ingest", folder, *server.write, "--graph-store", f"{base}/store", "--workers", "1")
        assert result.returncode == 0, result.stderr
        assert server_graphs(server) == store_graphs(local)
        removed = kg("remove", "article-001", "article-009", *server.write)
        assert removed.returncode == 1 and removed.stdout == "1 article removed\n"
        assert f"no article 'article-009' in {server.query_url}" in removed.stderr
        assert len(server_graphs(server)) == 2


def test_sparql_server_errors_are_clear(tmp_path: Path) -> None:
    write_articles(tmp_path / "articles", 1)
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = kg("ingest", tmp_path / "articles", "--sparql", url, "--workers", "1")
    assert result.returncode == 2
    assert f"kg ingest: Cannot reach the SPARQL server at {url} (" in result.stderr, result.stderr
    assert "Check --sparql (KG_SPARQL)." in result.stderr


@pytest.mark.model
def test_sparql_wrong_password_is_a_clear_error(tmp_path: Path) -> None:
    write_articles(tmp_path / "articles", 1)
    with SERVERS["virtuoso"](tmp_path) as server:
        args = [*server.write[:-1], "wrong"]
        result = kg("ingest", tmp_path / "articles", *args, "--workers", "1")
    assert result.returncode == 2
    assert "kg ingest: The server wants credentials (401 on POST " in result.stderr, result.stderr
    assert "Give --token, or --user and --password" in result.stderr
