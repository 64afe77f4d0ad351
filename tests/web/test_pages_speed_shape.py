"""The shape that keeps pages fast: index reads agree with the graph, per-version caches stay fresh."""

from __future__ import annotations

import threading
import time

import lxml.html
from flask import Flask
from flask.testing import FlaskClient

from kg import ontology
from kg.model import DateValue, Document, Entity, EventFact, Evidence, Extraction
from kg.search import IndexCache
from kg.store import Store
from kg.web.context import kg_context
from kg.web.views.cache import Rebuilt, VersionCache
from kg.web.views.reads import FactReader

TEXT = "Finance Minister Jonas Berg opened the harbour conference in Vienna in May 2025."


def _extra_article() -> Extraction:
    berg = Entity("person/jonas-berg", "Jonas Berg", "Person", (), ((17, 27),))
    vienna = Entity("place/vienna", "Vienna", "Place", (), ((61, 67),))
    doc = Document(id="berg-harbour", text=TEXT, source="test", title="Berg opens harbour conference",
                   published="2025-05-02", publisher="Harbour Daily", content_hash="hash-berg")
    event = EventFact("harbour conference", "conference", (Evidence(TEXT, 0, len(TEXT), "events.noun", 0.8),),
                      date=DateValue("in May 2025", "2025-05", "gYearMonth"), place=vienna.key,
                      participants=(berg.key,), status="Happened")
    return Extraction(doc, (berg, vienna), (event,))


def _articles(client: FlaskClient) -> str:
    """The number of articles the home page states."""
    doc = lxml.html.document_fromstring(client.get("/").get_data(as_text=True))
    (count,) = doc.xpath("//dl[@class='counts']//dt[a='Articles']/following-sibling::dd/text()")
    return str(count)


def test_pages_speed_shape_version_cache_computes_once_per_version() -> None:
    cache, calls = VersionCache(), []
    first, second = object(), object()
    assert cache.get(first, "n", lambda: calls.append(1) or 1) == 1
    assert cache.get(first, "n", lambda: calls.append(2) or 2) == 1
    assert cache.get(second, "n", lambda: calls.append(3) or 3) == 3
    assert calls == [1, 3]


def test_pages_speed_shape_tables_are_rebuilt_in_the_background_serving_the_version_before() -> None:
    release, builds = threading.Event(), []

    def build() -> int:
        builds.append(1)
        if len(builds) > 1:
            assert release.wait(10)
        return len(builds)

    rebuilt = Rebuilt(build, "test")
    first, second = object(), object()
    assert rebuilt.get(first) == 1  # the first value is built in the asking request
    assert rebuilt.get(second) == 1  # a new version: the value before, at once, while one thread builds
    assert rebuilt.get(second) == 1 and len(builds) == 2  # asked again: no second build started
    release.set()
    deadline = time.monotonic() + 10
    while rebuilt.get(second) != 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert rebuilt.get(second) == 2 and rebuilt.builds == 2


def test_pages_speed_shape_reader_follows_links_from_the_entity(app: Flask) -> None:
    with app.app_context():
        context = kg_context()
        reader = FactReader(context.store)
        keller = context.namer.entity("person/anna-keller")
        roles = reader.entity_rows(keller, "Role")
        assert {r["article"].value.rsplit("/", 1)[-1] for r in roles} == {"keller-vienna", "keller-speech"}
        assert all(r["via"].value == "member" and r["title"].value == "Chancellor" for r in roles)
        events = reader.entity_rows(keller, "Event")
        berg = context.namer.entity("person/jonas-berg")
        assert {r["participant"].value for r in events} == {keller.value, berg.value}
        assert reader.entity_rows(keller, "Sanction") == []
        mentions = reader.mentions(context.namer.article("keller-vienna"))
        assert [m[0] for m in mentions] == sorted(m[0] for m in mentions) and len(mentions) == 4


def test_pages_speed_shape_home_and_timeline_see_a_new_article(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        context = kg_context()
        app.extensions["kg_search"] = IndexCache(context.store, context.namer, recheck_seconds=0)
    assert "Harbour conference" not in client.get("/timeline").get_data(as_text=True)
    assert _articles(client) == "2"
    assert "Berg opens harbour conference" not in client.get("/entity/person/jonas-berg").get_data(as_text=True)
    store: Store = context.store
    extraction = _extra_article()
    store.replace_graph(context.namer.article("berg-harbour"), ontology.to_quads(extraction, context.namer))
    assert "Harbour conference" in client.get("/timeline").get_data(as_text=True)
    assert _articles(client) == "3"
    assert "Berg opens harbour conference" in client.get("/").get_data(as_text=True)

    def berg_mentioned_in() -> list[str]:
        doc = lxml.html.fromstring(client.get("/entity/person/jonas-berg").get_data(as_text=True))
        return doc.xpath("//section[@id='articles']//li/a/text()")

    deadline = time.monotonic() + 10  # the tables of the new version are built in the background
    while "Berg opens harbour conference" not in berg_mentioned_in() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert berg_mentioned_in() == ["Berg opens harbour conference", "Keller meets Berg in Vienna"]
