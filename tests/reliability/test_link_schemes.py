"""An article's source URL becomes a link only when it is http(s); javascript:, data: and other schemes
are shown as text on the article page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from flask.testing import FlaskClient

from kg.articles.reader import iter_articles
from kg.model import Document, Extraction
from kg.ontology import Namer, to_quads
from kg.settings import Settings
from kg.store import Store
from kg.web.app import create_app

TEXT = "Chancellor Anna Keller met Finance Minister Jonas Berg in Vienna on Tuesday to discuss the budget."
HOSTILE = {
    "javascript": "javascript:alert(document.domain)",
    "mixed-case": "JaVaScRiPt:alert(1)",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
    "tab-inside": "java\tscript:alert(1)",
    "control-first": "\x01javascript:alert(1)",
    "no-scheme": "www.news.example/a",
    "relative": "//evil.example/a",
}
SAFE = {"https": "https://news.example/a?b=1&c=2", "upper-http": "HTTP://news.example/b"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[FlaskClient]:
    """The pages over one article per URL above, read from article files as `kg ingest` reads them."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "header.txt").write_text(f"title: Header\nurl: {HOSTILE['javascript']}\n\n{TEXT}\n")
    lines = [json.dumps({"id": name, "title": name, "url": url, "text": TEXT})
             for name, url in {**HOSTILE, **SAFE}.items()]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n")
    store, namer = Store(), Namer()
    for doc in iter_articles([folder]):
        assert isinstance(doc, Document), doc
        store.replace_graph(namer.article(doc.id), to_quads(Extraction(doc), namer))
    yield create_app(Settings(store=str(tmp_path / "unused")), store=store, TESTING=True).test_client()


def source(client: FlaskClient, doc_id: str) -> lxml.html.HtmlElement:
    """The Source entry of an article page."""
    response = client.get(f"/article/{doc_id}")
    assert response.status_code == 200
    (element,) = lxml.html.document_fromstring(response.get_data(as_text=True)).xpath("//*[@class='source-url']")
    return element


@pytest.mark.parametrize(("doc_id", "url"), [("header", HOSTILE["javascript"]), *HOSTILE.items()])
def test_link_schemes_other_than_http_are_shown_as_text(client: FlaskClient, doc_id: str, url: str) -> None:
    element = source(client, doc_id)

    assert element.tag == "span" and element.get("href") is None
    assert element.text_content() == url


@pytest.mark.parametrize(("doc_id", "url"), SAFE.items())
def test_link_schemes_http_urls_are_links(client: FlaskClient, doc_id: str, url: str) -> None:
    element = source(client, doc_id)

    assert element.tag == "a" and element.get("href") == url
    assert element.get("rel") == "noopener noreferrer nofollow"
