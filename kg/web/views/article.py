"""Everything an article page shows: metadata, the text with mentions linked, the facts drawn from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from kg.ontology import Namer
from kg.search import LabelIndex
from kg.store import GraphReader, Term
from kg.web.views.entity import entity_href, mark_source, script_json
from kg.web.views.facts import Claim, article_claims, article_mentions
from kg.web.views.highlight import Span, highlight, paragraphs
from kg.web.views.reads import FactReader

ARTICLE = """SELECT ?a ?text ?headline ?url ?published ?publisher ?ingested WHERE { GRAPH ?a { ?a schema:text ?text .
    OPTIONAL { ?a schema:headline ?headline } OPTIONAL { ?a schema:url ?url }
    OPTIONAL { ?a schema:datePublished ?published } OPTIONAL { ?a schema:publisher ?publisher }
    OPTIONAL { ?a prov:generatedAtTime ?ingested } } } LIMIT 1"""


@dataclass
class ArticleView:
    """The data of one article page."""

    doc_id: str
    iri: str
    headline: str
    url: str
    published: str
    publisher: str
    ingested: str
    paragraphs: list[Markup]
    claims: list[Claim] = field(default_factory=list)
    mentioned: list[tuple[str, str]] = field(default_factory=list)  # (href, label)
    jsonld: Markup = Markup("")

    @property
    def url_is_link(self) -> bool:
        """Whether the source URL may become a link: only one that starts with http:// or https://, so never
        javascript: or data:, nor a scheme behind the spaces and control characters that browsers skip."""
        return self.url.lower().startswith(("http://", "https://"))


def gather_article(store: GraphReader, namer: Namer, index: LabelIndex, doc_id: str, node: Term) -> ArticleView | None:
    """Read one article and arrange it for its page; None when there is no such article."""
    rows = store.select(ARTICLE, a=node)
    if not rows:
        return None
    row = {k: v.value for k, v in rows[0].items()}
    text = row["text"]
    reader = FactReader(store)
    mentions = article_mentions(store, node, reader)
    spans = []
    for start, end, who in mentions:
        href = entity_href(namer, who)
        known = index.get(who)
        spans.append(Span(start, end, href=href, css=f"mention {known.general.lower() if known else ''}".strip(),
                          title=known.label if known else None))
    paras = [highlight(text[a:b], [Span(s.start - a, s.end - a, s.href, s.css, s.title)
                                   for s in spans if a <= s.start and s.end <= b]) for a, b in paragraphs(text)]
    claims = article_claims(store, node, reader)
    cache = {node.value: mentions}
    for claim in claims:
        involved = claim.entities
        for source in claim.sources:
            mark_source(store, namer, source, involved, None, cache)
    mentioned = {}
    for _, _, who in mentions:
        known = index.get(who)
        href = entity_href(namer, who)
        if known and href:
            mentioned[href] = known.label
    view = ArticleView(doc_id, node.value, row.get("headline", ""), row.get("url", ""), row.get("published", ""),
                       row.get("publisher", ""), row.get("ingested", ""), paras, claims,
                       sorted(mentioned.items(), key=lambda kv: kv[1].casefold()))
    view.jsonld = script_json(article_jsonld(view, mentioned))
    return view


def article_jsonld(view: ArticleView, mentioned: dict[str, str]) -> dict[str, Any]:
    """A schema.org NewsArticle description of the article."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "@id": view.iri}
    if view.headline:
        data["headline"] = view.headline
    if view.url:
        data["url"] = view.url
    if view.published:
        data["datePublished"] = view.published
    if view.publisher:
        data["publisher"] = {"@type": "Organization", "name": view.publisher}
    if mentioned:
        data["mentions"] = [{"name": label} for label in mentioned.values()]
    return data
