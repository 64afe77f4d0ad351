"""The label index: normalisation, ranking, type filter and rebuilding when the store changes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg import ontology
from kg.search import IndexCache, IndexedEntity, LabelIndex, build_index, normalise, store_version
from kg.store import Store
from tests.graph_fixture import fill_store, sample_extractions

NAMER = ontology.Namer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Anna Keller", "anna keller"), ("  ÉMILE-Zola ", "emile zola"), ("Straße", "strasse"), ("U.S.", "u s"),
     ("", "")],
)
def test_search_normalise_folds_case_accents_and_punctuation(text: str, expected: str) -> None:
    assert normalise(text) == expected


def _entity(key: str, label: str, general: str = "Person", *aliases: str) -> IndexedEntity:
    return IndexedEntity(NAMER.entity(key).value, key, label, general, general, aliases)


def test_search_ranks_exact_then_prefix_then_contains() -> None:
    index = LabelIndex.from_entities([
        _entity("person/mark-berg", "Mark Berg"),
        _entity("place/berg", "Berg", "Place"),
        _entity("person/bergmann", "Lena Bergmann-Ott"),
        _entity("organization/bergwerk", "Bergwerk AG", "Organization"),
    ])
    hits = index.search("berg")
    assert [(h.entity.key, h.match) for h in hits] == [
        ("place/berg", "exact"),
        ("organization/bergwerk", "prefix"),
        ("person/mark-berg", "contains"),
        ("person/bergmann", "contains"),
    ]
    assert [h.entity.key for h in index.search("BERG", "Person")] == ["person/mark-berg", "person/bergmann"]
    assert index.search("erg") == []  # contains means: a word starting with the query
    assert index.search("berg", limit=1)[0].entity.key == "place/berg"


def test_search_matches_aliases_and_reports_the_name_matched() -> None:
    index = LabelIndex.from_entities([_entity("person/vlad", "Vladimir Orlov", "Person", "Orlov", "V. Orlov")])
    (hit,) = index.search("orl")
    assert hit.match == "prefix" and hit.name == "Orlov"
    assert index.search("v orlov")[0].match == "exact"


def test_search_index_reads_store_kinds_and_aliases() -> None:
    store = Store()
    fill_store(store, NAMER)
    index = build_index(store, NAMER)
    germany = index.get(NAMER.entity("place/germany").value)
    assert germany is not None and germany.kind == "Country" and germany.general == "Place"
    assert germany.aliases == ("German",)
    companies = [e.key for e in index.of_type("Company")]
    assert companies == ["organization/baltica-shipping", "organization/nordlicht-energy"]
    assert len(index.of_type("Event")) == 1


def test_search_cache_rebuilds_only_when_the_store_changes() -> None:
    store = Store()
    fill_store(store, NAMER)
    cache = IndexCache(store, NAMER, recheck_seconds=0)
    first = cache.index()
    assert cache.index() is first and cache.builds == 1
    version = store_version(store)
    doc = sample_extractions()[1]
    renamed = replace(doc, document=replace(doc.document, id="keller-again"),
                      entities=(replace(doc.entities[0], key="person/anna-k", label="Anna Kowalski"),))
    store.replace_graph(NAMER.article("keller-again"), ontology.to_quads(renamed, NAMER))
    assert store_version(store) != version
    assert [h.entity.key for h in cache.index().search("kowalski")] == ["person/anna-k"]
    assert cache.builds == 2


def test_search_cache_waits_between_checks() -> None:
    store = Store()
    fill_store(store, NAMER)
    cache = IndexCache(store, NAMER, recheck_seconds=3600)
    first = cache.index()
    store.remove_graph(NAMER.article("keller-vienna"))
    assert cache.index() is first  # not rechecked within the interval
