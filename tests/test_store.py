"""The on-disk store: whole-graph writes, removal, reopening, locking, dump and load."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, RdfFormat

from kg import ontology
from kg.errors import InvalidInput, StoreBusy, UnknownEntity
from kg.store import Store
from tests.graph_fixture import fill_store, sample_extractions

NAMER = ontology.Namer()


def _graph_sizes(store: Store) -> dict[str, int]:
    return {g.value: sum(1 for _ in store.quads(g)) for g in store.named_graphs()}


@pytest.mark.parametrize("on_disk", [False, True])
def test_store_replace_graph_is_idempotent(tmp_path: Path, on_disk: bool) -> None:
    store = Store(tmp_path / "s" if on_disk else None)
    fill_store(store, NAMER)
    before = _graph_sizes(store)
    fill_store(store, NAMER)
    assert _graph_sizes(store) == before
    assert len(before) == 2


def test_store_replace_graph_drops_old_quads(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    first, _ = sample_extractions()
    graph = NAMER.article(first.document.id)
    store.replace_graph(graph, ontology.to_quads(first, NAMER))
    shorter = type(first)(first.document, first.entities[:1], first.facts[:1])
    store.replace_graph(graph, ontology.to_quads(shorter, NAMER))
    assert sum(1 for _ in store.quads(graph)) == len(ontology.to_quads(shorter, NAMER))
    rows = store.select("SELECT ?s WHERE { ?s a kg:Sanction }")
    assert rows == []


def test_store_remove_graph_leaves_other_articles(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    fill_store(store, NAMER)
    assert store.remove_graph(NAMER.article("keller-vienna"))
    assert not store.remove_graph(NAMER.article("keller-vienna"))
    assert [g.value for g in store.named_graphs()] == [NAMER.article("keller-speech").value]
    labels = store.select("SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l")
    assert [r["l"].value for r in labels] == ["Anna Keller", "Germany"]


def test_store_reopens_with_same_content(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    fill_store(store, NAMER)
    count = store.count_quads()
    store.flush()
    del store
    gc.collect()
    assert Store(tmp_path / "s").count_quads() == count


def test_store_open_twice_names_the_running_process(tmp_path: Path) -> None:
    first = Store(tmp_path / "s")
    with pytest.raises(StoreBusy, match="open for writing in another process"):
        Store(tmp_path / "s")
    del first


def test_store_iter_entities_gives_specific_kind_and_aliases() -> None:
    store = Store()
    fill_store(store, NAMER)
    entities = {e.key: e for e in store.iter_entities(NAMER)}
    assert entities["person/anna-keller"].aliases == ("Keller",)
    assert entities["place/germany"].kind == "Country"
    assert entities["organization/nordlicht-energy"].kind == "Company"


def test_store_query_binds_values_as_variables() -> None:
    store = Store()
    fill_store(store, NAMER)
    hostile = "Anna Keller\" } ; DROP ALL ; SELECT * {"
    assert store.select("SELECT DISTINCT ?l ?e WHERE { ?e rdfs:label ?l }", l=Literal(hostile)) == []
    rows = store.select("SELECT DISTINCT ?l ?e WHERE { ?e rdfs:label ?l }", l=Literal("Anna Keller"))
    assert [r["e"].value for r in rows] == [NAMER.entity("person/anna-keller").value]


def test_store_query_syntax_error_is_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="SPARQL syntax error"):
        Store().query("SELECT ?x WHERE {")


def test_store_describe_unknown_node_raises() -> None:
    with pytest.raises(UnknownEntity):
        Store().describe(NamedNode("http://127.0.0.1:5000/entity/person/nobody"))


def test_store_dump_and_load_round_trip(tmp_path: Path) -> None:
    store = Store()
    fill_store(store, NAMER)
    out = io.BytesIO()
    store.dump(out, RdfFormat.N_QUADS)
    (tmp_path / "all.nq").write_bytes(out.getvalue())
    copy = Store()
    copy.load(str(tmp_path / "all.nq"), RdfFormat.N_QUADS, None)
    assert copy.count_quads() == store.count_quads()
    (tmp_path / "bad.ttl").write_text("<a> <b> .")
    with pytest.raises(InvalidInput, match="bad.ttl"):
        copy.load(str(tmp_path / "bad.ttl"), RdfFormat.TURTLE, None)


def test_store_write_graph_replaces_default_graph_and_keeps_empty_named_graphs() -> None:
    store = Store()
    store.write_graph(None, b'<urn:x:a> <urn:x:b> "1" .', RdfFormat.TURTLE, replace=False)
    store.write_graph(None, b'<urn:x:a> <urn:x:b> "2" .', RdfFormat.TURTLE, replace=True)
    assert [q.object.value for q in store.quads(DefaultGraph())] == ["2"]
    graph = NamedNode("urn:x:g")
    assert store.write_graph(graph, b'<urn:x:a> <urn:x:b> "3" .', RdfFormat.TURTLE, replace=True)
    assert not store.write_graph(graph, b"", RdfFormat.TURTLE, replace=True)
    assert store.has_graph(graph) and list(store.quads(graph)) == []
