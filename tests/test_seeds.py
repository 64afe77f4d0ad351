"""The graph of the five seed articles in ../shared (present beside the repository in CI).

Skipped when ../shared/seeds is absent, as on a machine with only this repository.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg.ingest import ingest
from kg.ontology import Namer
from kg.store import Store

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NAMER = Namer()
ONE_NODE_EACH = [
    "Vladimir Putin", "Donald Trump", "Dmitry Peskov", "Sergey Lavrov", "Marco Rubio", "Karoline Leavitt",
    "Kremlin", "White House", "Russia", "United States", "Rosneft", "Lukoil", "Budapest",
]

pytestmark = [pytest.mark.model, pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not present")]


@pytest.fixture(scope="module")
def seeds_store() -> Store:
    """An in-memory store holding the five seed articles."""
    store = Store()
    report = ingest([SEEDS], store, NAMER, workers=1)
    assert report.articles == 5 and not report.problems
    return store


def test_seeds_each_real_thing_is_one_node(seeds_store: Store) -> None:
    rows = seeds_store.select(
        """SELECT DISTINCT ?e ?label WHERE {
             VALUES ?t { kg:Person kg:Organization kg:Place } ?e a ?t ; rdfs:label ?label }"""
    )
    nodes = Counter(row["label"].value for row in rows)
    assert {label: nodes[label] for label in ONE_NODE_EACH} == dict.fromkeys(ONE_NODE_EACH, 1)


def test_seeds_peskov_is_kremlin_spokesman_in_four_articles(seeds_store: Store) -> None:
    rows = seeds_store.select(
        """SELECT DISTINCT ?article WHERE { GRAPH ?article {
             ?role org:member ?p ; kg:roleTitle ?title ; org:organization ?org .
             ?p rdfs:label "Dmitry Peskov" . ?org rdfs:label "Kremlin" } }"""
    )
    assert len(rows) >= 4


def test_seeds_rosneft_sanctioned_with_date(seeds_store: Store) -> None:
    rows = seeds_store.select(
        """SELECT DISTINCT ?authority ?date WHERE {
             ?s a kg:Sanction ; kg:target/rdfs:label "Rosneft" ; kg:authority/rdfs:label ?authority ; kg:date ?date }"""
    )
    assert {"2025-10-22"} <= {row["date"].value for row in rows}


def test_seeds_one_event_at_budapest_reported_by_three_articles(seeds_store: Store) -> None:
    rows = seeds_store.select(
        """SELECT ?event ?article WHERE { GRAPH ?article { ?event a kg:Event ; schema:location ?place } .
             ?place rdfs:label "Budapest" }"""
    )
    events = {row["event"].value for row in rows}
    assert len(events) == 1
    assert len({row["article"].value for row in rows}) == 3


def test_seeds_contradictions_list_the_budapest_summit_with_both_statuses(seeds_store: Store) -> None:
    query = (Path(__file__).resolve().parent.parent / "queries" / "contradictions.rq").read_text()
    rows = seeds_store.select(query)
    statuses = {(row["statusA"].value.rsplit("#")[-1], row["statusB"].value.rsplit("#")[-1]) for row in rows}
    assert {row["eventLabel"].value for row in rows} == {"meeting in Budapest"}
    assert statuses == {("Cancelled", "Planned")}


def test_seeds_no_dateline_capitals_and_no_non_entities(seeds_store: Store) -> None:
    rows = seeds_store.select("""SELECT DISTINCT ?label ?type WHERE {
        VALUES ?type { kg:Person kg:Organization kg:Place } ?e a ?type ; rdfs:label ?label }""")
    names = {(row["label"].value, row["type"].value.rsplit("#", 1)[-1]) for row in rows}
    assert not [label for label, kind in names if label.isupper() and kind == "Place"]  # "MOSCOW", "ISTANBUL"
    assert not {label for label, _ in names} & {"Trump-Putin", "Air Force One", "Oval Office", "47th ASEAN Summit"}
    assert ("Zaporizhzhia Oblast", "Person") not in names


def test_seeds_places_lie_in_their_countries_with_coordinates(seeds_store: Store) -> None:
    rows = seeds_store.select("""SELECT DISTINCT ?place ?country ?lat ?lon WHERE {
        ?p a kg:Place ; rdfs:label ?place ; schema:containedInPlace/rdfs:label ?country .
        OPTIONAL { ?p schema:latitude ?lat ; schema:longitude ?lon } }""")
    found = {row["place"].value: (row["country"].value, "lat" in row) for row in rows}
    assert found["Budapest"] == ("Hungary", True)
    assert found["Moscow"] == ("Russia", True)
    assert found["Alaska"] == ("United States", False)
    budapest = next(row for row in rows if row["place"].value == "Budapest")
    assert abs(float(budapest["lat"].value) - 47.5) < 0.1 and abs(float(budapest["lon"].value) - 19.04) < 0.1


def test_seeds_a_caption_is_no_report_in_corroboration(seeds_store: Store) -> None:
    query = (Path(__file__).resolve().parent.parent / "queries" / "corroborated_facts.rq").read_text()
    presidency = seeds_store.select("""SELECT DISTINCT ?claim WHERE { ?r kg:claimKey ?claim ; kg:roleTitle "President" ;
        org:member/rdfs:label "Vladimir Putin" }""")
    (claim,) = {row["claim"].value for row in presidency}
    (row,) = [row for row in seeds_store.select(query) if row["claim"].value == claim]
    articles = row["articles"].value.split()
    assert len(articles) == int(row["sources"].value)
    assert not [a for a in articles if a.endswith("004_4d1084db8934501c")]  # its only evidence is a photo caption


def test_seeds_peskov_holds_one_post_under_two_titles(seeds_store: Store) -> None:
    rows = seeds_store.select("""SELECT DISTINCT ?post ?title ?claim WHERE { ?r org:member/rdfs:label "Dmitry Peskov" ;
        org:organization/rdfs:label "Kremlin" ; kg:post ?post ; kg:roleTitle ?title ; kg:claimKey ?claim }""")
    assert len({row["post"].value for row in rows}) == 1
    assert {row["title"].value.lower() for row in rows} == {"spokesman", "spokesperson"}
    assert len({row["claim"].value for row in rows}) == 1  # one claim, corroborated by every article telling it
