"""Claims reported by several articles: merged with every source, contradictions kept side by side."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from flask.testing import FlaskClient

from kg import ontology
from kg.event_identity import EventIndex
from kg.extractors.lexicon import load_lexicon
from kg.extractors.posts import name_posts
from kg.model import DateValue, Document, Entity, EventFact, Evidence, Extraction, RoleFact
from kg.settings import Settings
from kg.store import Store
from kg.web.app import create_app

TEXT = "Officials said the meeting in Vienna with Chancellor Anna Keller on Tuesday was cancelled."


def _contradicting_article() -> Extraction:
    keller = Entity("person/anna-keller", "Anna Keller", "Person", (), ((53, 64),))
    vienna = Entity("place/vienna", "Vienna", "Place", (), ((30, 36),))
    doc = Document(id="vienna-cancelled", text=TEXT, source="test", title="Vienna meeting off",
                   published="2025-03-15", publisher="Other Wire", content_hash="hash-3")
    event = EventFact("meeting in Vienna", "meeting", (Evidence(TEXT, 0, len(TEXT), "events.noun", 0.8),),
                      date=DateValue("on Tuesday", "2025-03-11", "date"), place=vienna.key,
                      participants=(keller.key,), status="Cancelled")
    return Extraction(doc, (keller, vienna), (event,))


@pytest.fixture
def contested(store_path: Path) -> Iterator[FlaskClient]:
    """A client over the sample graph plus an article that says the Vienna meeting was cancelled."""
    store = Store(store_path)
    namer = ontology.Namer()
    extraction = EventIndex(store.iter_event_reports(namer)).reconcile(_contradicting_article())  # as kg ingest
    store.replace_graph(namer.article(extraction.document.id), ontology.to_quads(extraction, namer))
    store.flush()
    del store
    gc.collect()
    app = create_app(Settings(store=str(store_path)), TESTING=True)
    yield app.test_client()
    del app.extensions["kg"]
    gc.collect()


def _doc(client: FlaskClient, url: str) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.document_fromstring(response.get_data(as_text=True))


def test_pages_claims_contradicting_statuses_both_shown(contested: FlaskClient) -> None:
    doc = _doc(contested, "/entity/place/vienna")
    (claim,) = doc.xpath("//section[@id='events-here']//li[contains(@class, 'fact-event')]")
    assert "contested" in claim.get("class")
    assert " ".join(claim.xpath(".//p[@class='reported']")[0].text_content().split()) == "Reported by 2 articles"
    groups = {g.findtext("h4"): g.xpath(".//a[@class='article-link']/@href")
              for g in claim.xpath(".//div[@class='status-group']")}
    assert groups == {"Status: Happened": ["/article/keller-vienna"],
                      "Status: Cancelled": ["/article/vienna-cancelled"]}
    assert claim.xpath(".//p[@class='conflict']")


def test_pages_claims_event_page_lists_reports_from_each_article(contested: FlaskClient) -> None:
    doc = _doc(contested, "/entity/person/anna-keller")
    href = doc.xpath("//section[@id='events']//p[@class='claim']/a/@href")[0]
    event = _doc(contested, href)
    sources = event.xpath("//section[@id='reports']//a[@class='article-link']/@href")
    assert sorted(sources) == ["/article/keller-vienna", "/article/vienna-cancelled"]
    marked = event.xpath("//section[@id='reports']//blockquote//mark/text()")
    assert {"Vienna", "Anna Keller"} <= set(marked)


def test_pages_claims_timeline_shows_a_contested_event_once(contested: FlaskClient) -> None:
    doc = _doc(contested, "/timeline")
    items = [" ".join(li.text_content().split()) for li in doc.xpath("//ol[@class='timeline']/li")]
    assert len([i for i in items if "Meeting in Vienna" in i]) == 1
    assert any("(2 articles)" in i for i in items)


def test_pages_claims_a_sentence_read_by_two_rules_is_one_source(store_path: Path) -> None:
    text = "Foreign Minister Ana Duarte of Portugal said the talks would go on."
    duarte = Entity("person/ana-duarte", "Ana Duarte", "Person", (), ((17, 27),))
    portugal = Entity("place/portugal", "Portugal", "Country", (), ((31, 39),))
    evidence = tuple(Evidence(text, 0, len(text), rule, 0.9) for rule in ("roles.title_before_name", "roles.home"))
    extraction = Extraction(Document(id="duarte", text=text, source="test", content_hash="h"), (duarte, portugal),
                            (RoleFact(duarte.key, "Foreign Minister", portugal.key, evidence),))
    store = Store(store_path)
    namer = ontology.Namer()
    store.replace_graph(namer.article("duarte"), ontology.to_quads(extraction, namer))
    store.flush()
    del store
    gc.collect()
    app = create_app(Settings(store=str(store_path)), TESTING=True)
    try:
        doc = _doc(app.test_client(), "/entity/person/ana-duarte")
        sentences = [" ".join(q.text_content().split()) for q in doc.xpath("//blockquote[@class='sentence']")]
        assert sentences == [text]
    finally:
        del app.extensions["kg"]
        gc.collect()


def test_pages_claims_one_post_under_two_titles_is_one_claim_told_as_written(store_path: Path) -> None:
    store = Store(store_path)
    namer = ontology.Namer()
    lexicon = load_lexicon()
    for doc_id, title in (("orlov-1", "spokesman"), ("orlov-2", "spokesperson")):
        text = f"Kremlin {title} Ivan Orlov said no meeting was planned."
        start = len(f"Kremlin {title} ")
        orlov = Entity("person/ivan-orlov", "Ivan Orlov", "Person", (), ((start, start + 10),))
        kremlin = Entity("organization/kremlin", "Kremlin", "GovernmentBody", (), ((0, 7),))
        fact = RoleFact(orlov.key, title, kremlin.key, (Evidence(text, 0, len(text), "roles.title_before_name", 0.9),))
        extraction = name_posts(Extraction(Document(id=doc_id, text=text, source="test", content_hash=doc_id),
                                           (orlov, kremlin), (fact,)), lexicon)
        store.replace_graph(namer.article(doc_id), ontology.to_quads(extraction, namer))
    store.flush()
    del store
    gc.collect()
    app = create_app(Settings(store=str(store_path)), TESTING=True)
    try:
        doc = _doc(app.test_client(), "/entity/person/ivan-orlov")
        (claim,) = doc.xpath("//li[contains(@class, 'fact-role')]")
        assert " ".join(claim.xpath(".//p[@class='reported']")[0].text_content().split()) == "Reported by 2 articles"
        told = [" ".join(p.text_content().split()) for p in claim.xpath(".//p[@class='as-told']")]
        assert len(told) == 1 and told[0] in ("Told as “spokesman”", "Told as “spokesperson”")
    finally:
        del app.extensions["kg"]
        gc.collect()
