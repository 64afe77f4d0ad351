"""FROM and FROM NAMED define the dataset of a query, as SPARQL 1.1 says; without them it is the union."""

from __future__ import annotations

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def select(url: str, query: str) -> list[dict[str, str]]:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


@pytest.fixture
def graphs(live_server: str) -> dict[str, int]:
    """Triples per named graph of the sample store (at least two graphs of different sizes)."""
    counts = {row["g"]: int(row["n"]) for row in select(live_server, GRAPHS)}
    assert len(counts) >= 2
    return counts


def test_dataset_from_is_the_default_graph(live_server: str, graphs: dict[str, int]) -> None:
    union = int(select(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
    for graph, count in graphs.items():
        rows = select(live_server, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}")
        assert int(rows[0]["n"]) == count < union


def test_dataset_from_two_graphs_merges_them(live_server: str, graphs: dict[str, int]) -> None:
    first, second = list(graphs)[:2]
    rows = select(live_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {row["g"] for row in rows} == set(graphs)
    rows = select(live_server, f"SELECT (COUNT(*) AS ?n) FROM <{first}> FROM <{second}> WHERE {{ ?s ?p ?o }}")
    assert int(rows[0]["n"]) <= graphs[first] + graphs[second]
    assert int(rows[0]["n"]) > max(graphs[first], graphs[second])


def test_dataset_from_named_limits_graph_patterns(live_server: str, graphs: dict[str, int]) -> None:
    first = next(iter(graphs))
    rows = select(live_server, f"SELECT DISTINCT ?g FROM NAMED <{first}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    assert [row["g"] for row in rows] == [first]
    rows = select(live_server, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{first}> WHERE {{ ?s ?p ?o }}")
    assert rows[0]["n"] == "0"  # FROM NAMED alone leaves the default graph empty


def test_dataset_word_from_in_a_string_keeps_the_union(live_server: str, graphs: dict[str, int]) -> None:
    rows = select(live_server, 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o != "FROM <urn:x:g>") }')
    assert int(rows[0]["n"]) > max(graphs.values())
