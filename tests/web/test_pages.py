"""HTML pages over the sample graph: every route, negotiation, escaping, identifiers and headers."""

from __future__ import annotations

import json

import lxml.html
import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

HTML = "text/html"


def page(client: FlaskClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    """GET `url`, check status and HTML type, return the parsed document."""
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == HTML
    return lxml.html.document_fromstring(response.get_data(as_text=True))


def texts(doc: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in doc.xpath(xpath)]


def hrefs(doc: lxml.html.HtmlElement, xpath: str = "//a") -> list[str]:
    return [a.get("href") for a in doc.xpath(xpath)]


def test_pages_home_shows_counts_search_and_links(client: FlaskClient) -> None:
    doc = page(client, "/")
    assert doc.findtext(".//title").startswith("Knowledge graph")
    counts = dict(zip(texts(doc, "//dl[@class='counts']//dt"), texts(doc, "//dl[@class='counts']//dd"), strict=True))
    assert counts["Articles"] == "2" and counts["People"] == "2" and counts["Sanctions"] == "2"
    box = doc.get_element_by_id("q")
    assert box.get("data-autocomplete") is not None
    assert doc.xpath("//label[@for='q']")
    assert {"/query", "/queries", "/sparql", "/article/keller-vienna"} <= set(hrefs(doc))
    assert doc.xpath("//script[@src='/static/search.js']")


def test_pages_every_form_field_has_a_label(client: FlaskClient) -> None:
    for url in ("/", "/search?q=keller", "/entity/person/anna-keller"):
        doc = page(client, url)
        for field in doc.xpath("//input[not(@type='hidden')] | //select"):
            assert doc.xpath(f"//label[@for='{field.get('id')}']"), (url, field.get("name"))


def test_pages_search_ranks_and_filters(client: FlaskClient) -> None:
    doc = page(client, "/search?q=keller")
    assert hrefs(doc, "//ol[@class='results']//a") == ["/entity/person/anna-keller"]
    doc = page(client, "/search?q=GERMAN")  # the alias, case-insensitive: exact on "German"
    assert hrefs(doc, "//ol[@class='results']//a") == ["/entity/place/germany"]
    doc = page(client, "/search?q=Vi%C3%A9nna")  # accents ignored; the exact match first, then the event
    assert hrefs(doc, "//ol[@class='results']//a")[0] == "/entity/place/vienna"
    assert doc.xpath("//ol[@class='results']/li/@class") == ["hit match-exact", "hit match-contains"]
    doc = page(client, "/search?q=germ&type=Person")
    assert doc.xpath("//ol[@class='results']//a") == []
    page(client, "/search?q=x&type=Nope", status=400)


def test_pages_search_json_gives_ranked_results(client: FlaskClient) -> None:
    response = client.get("/search.json?q=ba")
    assert response.mimetype == "application/json"
    results = response.get_json()["results"]
    assert [r["url"] for r in results] == ["/entity/organization/baltica-shipping"]
    assert results[0]["match"] == "prefix" and results[0]["type"] == "Company"
    assert client.get("/search.json?q=").get_json()["results"] == []
    words = client.get("/search.json?q=ship").get_json()["results"]  # a word inside the label
    assert [(r["key"], r["match"]) for r in words] == [("organization/baltica-shipping", "contains")]


def test_pages_entity_shows_role_with_every_source(client: FlaskClient) -> None:
    doc = page(client, "/entity/person/anna-keller")
    assert texts(doc, "//h1") == ["Anna Keller"]
    assert "Anna Keller" in doc.findtext(".//title")
    role = doc.xpath("//section[@id='roles']//li[contains(@class, 'fact-role')]")
    assert len(role) == 1
    assert "Chancellor" in role[0].text_content()
    assert hrefs(role[0], ".//p[@class='claim']//a") == ["/entity/place/germany"]
    assert texts(role[0], ".//p[@class='reported']") == ["Reported by 2 articles"]
    sources = role[0].xpath(".//li[@class='source']")
    assert sorted(hrefs(role[0], ".//a[@class='article-link']")) == ["/article/keller-speech", "/article/keller-vienna"]
    assert all(s.xpath(".//mark[contains(@class, 'self')]/text()") == ["Anna Keller"] for s in sources)
    assert "Keller" in texts(doc, "//span[@class='aliases']")[0]


def test_pages_entity_shows_events_timeline_and_neighbourhood(client: FlaskClient) -> None:
    doc = page(client, "/entity/person/anna-keller")
    event = doc.xpath("//section[@id='events']//li[contains(@class, 'fact-event')]")[0]
    assert "meeting in Vienna" in event.text_content() and "11 Mar 2025" in event.text_content()
    assert texts(doc, "//ol[@class='timeline']//span[@class='when']") == ["11 Mar 2025"]
    nodes = doc.xpath("//svg//a")
    assert {"/entity/place/germany", "/entity/person/jonas-berg", "/entity/place/vienna"} <= {
        a.get("href") for a in nodes}
    assert any(a.get("href").startswith("/entity/event/") for a in nodes)


def test_pages_organization_and_place_show_incoming_links(client: FlaskClient) -> None:
    doc = page(client, "/entity/place/germany")
    holders = doc.xpath("//section[@id='post-holders']//p[@class='claim']//a/@href")
    assert holders == ["/entity/person/anna-keller"]
    doc = page(client, "/entity/place/vienna")
    assert "meeting in Vienna" in texts(doc, "//section[@id='events-here']")[0]
    doc = page(client, "/entity/organization/treasury-department")
    imposed = texts(doc, "//section[@id='sanctions-imposed']//p[@class='claim']")
    assert sorted(imposed) == ["On Baltica Shipping", "On Nordlicht Energy · Mar 2025"]
    doc = page(client, "/entity/organization/nordlicht-energy")
    assert texts(doc, "//section[@id='sanctions-received']//p[@class='claim']") == ["By Treasury Department · Mar 2025"]


def test_pages_entity_embeds_safe_json_ld_and_alternates(client: FlaskClient) -> None:
    response = client.get("/entity/person/anna-keller")
    body = response.get_data(as_text=True)
    doc = lxml.html.document_fromstring(body)
    (block,) = doc.xpath("//script[@type='application/ld+json']")
    data = json.loads(block.text)
    assert data["@type"] == "Person" and data["name"] == "Anna Keller" and data["jobTitle"] == ["Chancellor"]
    assert "Keller <b>speaks</b>" in [a["headline"] for a in data["subjectOf"]]
    assert "<b>" not in block.text  # escaped as \u003c inside the script block
    types = {link.get("type") for link in doc.xpath("//link[@rel='alternate']")}
    assert types == {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}


@pytest.mark.parametrize(
    ("url", "headers", "mimetype"),
    [
        ("/entity/person/anna-keller", {"Accept": "text/turtle"}, "text/turtle"),
        ("/entity/person/anna-keller", {"Accept": "application/n-triples"}, "application/n-triples"),
        ("/entity/person/anna-keller", {"Accept": "application/ld+json"}, "application/ld+json"),
        ("/entity/person/anna-keller?format=turtle", {}, "text/turtle"),
        ("/entity/person/anna-keller", {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, HTML),
        ("/entity/person/anna-keller?format=html", {"Accept": "text/turtle"}, HTML),
        ("/article/keller-vienna?format=ntriples", {}, "application/n-triples"),
        ("/article/keller-vienna", {"Accept": "text/turtle"}, "text/turtle"),
    ],
)
def test_pages_negotiate_rdf_or_html(client: FlaskClient, url: str, headers: dict[str, str], mimetype: str) -> None:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert "Accept" in response.vary
    if mimetype != HTML:
        assert "Content-Security-Policy" not in response.headers
        assert "anna-keller" in response.get_data(as_text=True) or "keller-vienna" in response.get_data(as_text=True)


def test_pages_unknown_rdf_format_is_406(client: FlaskClient) -> None:
    assert client.get("/entity/person/anna-keller?format=png").status_code == 406


@pytest.mark.parametrize(
    "url",
    [
        "/entity/person/nobody",
        "/entity/person/..",
        "/entity/../../etc/passwd",
        "/entity/person/x%22%20%7D%20UNION%20%7B",
        "/entity/Person",
        "/entity/person/a/b",
        "/article/no-such-article",
        "/article/..",
        "/article/%3Cscript%3E",
        "/type/Nothing",
        "/entity/person/anna-keller?section=bogus",
    ],
)
def test_pages_unknown_or_invalid_identifiers_are_404(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "<script>" not in response.get_data(as_text=True).split("</head>", 1)[1]


def test_pages_article_links_mentions_and_lists_facts(client: FlaskClient) -> None:
    doc = page(client, "/article/keller-vienna")
    assert texts(doc, "//h1") == ["Keller meets Berg in Vienna"]
    assert texts(doc, "//dd[@class='publisher']") == ["Example News"]
    assert hrefs(doc, "//a[@class='source-url']") == ["https://news.example/keller-vienna"]
    linked = doc.xpath("//div[@class='article-text']//a[contains(@class, 'mention')]")
    assert [(a.text, a.get("href")) for a in linked] == [
        ("German", "/entity/place/germany"),
        ("Anna Keller", "/entity/person/anna-keller"),
        ("Jonas Berg", "/entity/person/jonas-berg"),
        ("Vienna", "/entity/place/vienna"),
    ]
    kinds = [li.get("class").split()[1] for li in doc.xpath("//ol[@class='claims']/li")]
    assert sorted(kinds) == ["fact-event", "fact-role", "fact-role", "fact-sanction", "fact-sanction"]
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "NewsArticle" and data["publisher"]["name"] == "Example News"


def test_pages_escape_hostile_article_text_and_title(client: FlaskClient) -> None:
    response = client.get("/article/keller-speech")
    body = response.get_data(as_text=True)
    doc = lxml.html.document_fromstring(body)
    scripts = doc.xpath("//script")
    assert all(s.get("src") == "/static/search.js" or s.get("type") == "application/ld+json" for s in scripts)
    assert doc.xpath("//img") == [] and doc.xpath("//main//b") == []
    assert texts(doc, "//h1") == ["Keller <b>speaks</b>"]
    assert "<b>" in doc.findtext(".//title")
    text = texts(doc, "//div[@class='article-text']")[0]
    assert "<script>alert(1)</script>" in text and 'onerror="window.__xss=1"' in text
    for url in ("/entity/person/anna-keller", "/search?q=%3Cscript%3E", "/"):
        other = lxml.html.document_fromstring(client.get(url).get_data(as_text=True))
        assert len(other.xpath("//script[not(@src) and not(@type='application/ld+json')]")) == 0
        assert other.xpath("//main//b | //main//img") == []


def test_pages_type_index_paginates(client: FlaskClient) -> None:
    doc = page(client, "/type/Organization")
    assert texts(doc, "//ul[@class='type-list']//a") == ["Baltica Shipping", "Nordlicht Energy", "Treasury Department"]
    doc = page(client, "/type/Country")
    assert hrefs(doc, "//ul[@class='type-list']//a") == ["/entity/place/germany"]
    doc = page(client, "/type/Article")
    assert sorted(hrefs(doc, "//ul[@class='type-list']//a")) == ["/article/keller-speech", "/article/keller-vienna"]
    page(client, "/type/Person?page=2", status=404)
    page(client, "/type/Person?page=0", status=400)
    page(client, "/type/Person?page=abc", status=400)


def test_pages_timeline_orders_dates_at_their_precision(client: FlaskClient) -> None:
    doc = page(client, "/timeline")
    assert texts(doc, "//ol[@class='timeline']//span[@class='when']") == ["Mar 2025", "11 Mar 2025"]
    assert doc.xpath("//ol[@class='timeline']//time/@datetime") == ["2025-03", "2025-03-11"]


def test_pages_entity_section_pages(client: FlaskClient) -> None:
    doc = page(client, "/entity/person/anna-keller?section=roles")
    assert [s.get("id") for s in doc.xpath("//section[contains(@class, 'facts')]")] == ["roles"]
    page(client, "/entity/person/anna-keller?section=roles&page=2", status=404)


def _headers(response: TestResponse) -> dict[str, str]:
    return {k.lower(): v for k, v in response.headers.items()}


@pytest.mark.parametrize("url", ["/", "/search?q=a", "/entity/person/anna-keller", "/article/keller-speech",
                                 "/type/Person", "/timeline", "/entity/person/nobody"])
def test_pages_html_has_security_headers(client: FlaskClient, url: str) -> None:
    headers = _headers(client.get(url))
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"]


def test_pages_static_assets_are_served(client: FlaskClient) -> None:
    for name, mimetype in (("kg.css", "text/css"), ("search.js", "text/javascript")):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and response.mimetype == mimetype
        response.close()


def test_entity_unknown_as_turtle_is_a_plain_404(client: FlaskClient) -> None:
    response = client.get("/entity/person/nobody-here", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    assert "person/nobody-here" in response.get_data(as_text=True)


def test_entity_turtle_uses_the_ontology_prefixes(client: FlaskClient) -> None:
    body = client.get("/entity/person/anna-keller", headers={"Accept": "text/turtle"}).get_data(as_text=True)
    assert "@prefix kg: <https://w3id.org/kg-news/ns#>" in body
    assert "kg:Person" in body
