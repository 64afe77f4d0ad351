"""Places within places (kg/extractors/places.py): a city or region lies in its country, with coordinates."""

from __future__ import annotations

from kg import ontology
from kg.extractors.lexicon import load_lexicon
from kg.extractors.places import locate_places
from kg.model import COUNTRY, PLACE, Document, Entity, Extraction

DOC = Document(id="places", text="Chisinau, Budapest, Hungary, Texas, Nowhereville.", source="places.txt")


def _located() -> Extraction:
    entities = (Entity("place/chisinau", "Chisinau", PLACE, (), ((0, 8),)),
                Entity("place/budapest", "Budapest", PLACE, (), ((10, 18),)),
                Entity("place/hungary", "Hungary", COUNTRY, (), ((20, 27),)),
                Entity("place/texas", "Texas", PLACE, (), ((29, 34),)),
                Entity("place/nowhereville", "Nowhereville", PLACE, (), ((36, 48),)))
    return locate_places(Extraction(DOC, entities), load_lexicon())


def test_places_lie_in_their_country_with_coordinates() -> None:
    by_key = {e.key: e for e in _located().entities}
    assert by_key["place/chisinau"].within == "place/moldova"
    latitude, longitude = by_key["place/chisinau"].coordinates or (0.0, 0.0)
    assert abs(latitude - 47.0) < 0.1 and abs(longitude - 28.86) < 0.1
    assert by_key["place/budapest"].within == "place/hungary"
    assert by_key["place/texas"].within == "place/united-states" and by_key["place/texas"].coordinates is None
    assert by_key["place/nowhereville"].within is None and by_key["place/nowhereville"].coordinates is None
    # a country the article does not name is added, once, with no mention
    assert by_key["place/moldova"] == Entity("place/moldova", "Moldova", COUNTRY)
    assert [e.key for e in _located().entities].count("place/hungary") == 1


def test_places_country_is_typed_labelled_and_not_mentioned_in_the_graph() -> None:
    namer = ontology.Namer()
    quads = ontology.to_quads(_located(), namer)
    moldova, chisinau = namer.entity("place/moldova"), namer.entity("place/chisinau")
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert (chisinau, ontology.CONTAINED_IN, moldova) in triples
    assert (moldova, ontology.A, ontology.kg("Country")) in triples
    assert not any(p == ontology.MENTIONS and o == moldova for _, p, o in triples)
    assert any(p == ontology.MENTIONS and o == namer.entity("place/hungary") for _, p, o in triples)


def test_places_a_region_is_in_its_country_before_a_small_town_of_its_name_elsewhere(run) -> None:
    # "Florida" and "Virginia" are towns in Colombia and South Africa too, but the states are meant
    extraction = run("Governors from Florida and Virginia met in Atlanta on Monday.", "2026-03-04")
    within = {e.label: e.within for e in extraction.entities}
    assert within.get("Florida") == within.get("Virginia") == "place/united-states", within


def test_countries_named_outside_quotations_leave_out_those_quoted(nlp) -> None:
    # a quotation's country tells what someone said, not where a post named in the sentence is
    from kg.extractors.circumstances import countries_named
    from kg.extractors.entities import EntityTable

    text = ("\u201cEvery part we stop is a life saved in Moldova,\u201d the under secretary said in Vienna, Austria. "
            "Trade with Serbia, he said, \u201cwill go on.\u201d")
    table = EntityTable(nlp(text), load_lexicon())
    first, second = list(table.doc.sents)[:2]
    named = {table.label(k) for k in countries_named(first, table, unquoted=True)}
    assert named == {"Austria"}, named
    assert {table.label(k) for k in countries_named(first, table)} == {"Austria", "Moldova"}
    assert {table.label(k) for k in countries_named(second, table, unquoted=True)} == {"Serbia"}
