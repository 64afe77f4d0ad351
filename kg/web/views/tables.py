"""Whole-graph tables the pages look things up in, built once per store version (kg.web.views.cache).

- every article's title (its headline, else the first sentence of its text), date and publisher;
- which articles mention which entities, both ways (for "mentioned in", co-mentions, first/last seen);
- how many facts each entity takes part in (for the type lists' counts and sort orders);
- every article's metadata as terms, so kg.web.views.reads.FactReader need not read it per request.

Each table is one streamed read of one predicate index (or one query over the article nodes),
so a page then answers from dictionaries instead of an index read per article.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg import ontology as o
from kg.store import GraphReader, NamedNode

ARTICLES = """SELECT ?a ?headline ?published ?publisher WHERE { ?a a kg:Article .
  OPTIONAL { ?a schema:headline ?headline } OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:publisher ?publisher } }"""
# How a fact links to the entities in it; a fact is counted once per claim, however many articles state it.
FACT_LINKS = (o.MEMBER, o.ORGANIZATION_P, o.PARTICIPANT, o.LOCATION, o.AUTHORITY, o.TARGET, o.ISSUED_BY)
TITLE_CHARS = 110  # a title made from the first sentence is cut at a word boundary before this
# A photo credit in brackets ends a caption line: "... in Alaska. (Photo: Reuters)"; the title skips it.
PHOTO_CREDIT = re.compile(r"\([^()\n]{0,80}\b(?:photo|image|getty|afp|reuters|credit)\b[^()\n]{0,80}\)", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s")
MIN_TITLE_WORDS = 4  # shorter lines are datelines, section names or bylines ("ISTANBUL", "World")


@dataclass(frozen=True)
class ArticleInfo:
    """An article as a list shows it."""

    iri: str
    doc_id: str
    title: str
    published: str = ""
    publisher: str = ""


def title_from_text(text: str) -> str:
    """A title for an article without a headline: its first sentence of some length, outside photo captions,
    cut at a word boundary when long ("" when the text has no such sentence)."""
    for line in text[:4000].split("\n"):
        credits = list(PHOTO_CREDIT.finditer(line))
        line = line[credits[-1].end():].strip() if credits else line.strip()
        if len(line.split()) < MIN_TITLE_WORDS:
            continue
        sentence = SENTENCE_END.split(line, maxsplit=1)[0].strip()
        if len(sentence) <= TITLE_CHARS:
            return sentence
        return sentence[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"
    return ""


@dataclass
class GraphTables:
    """Articles, who is mentioned where, and fact counts per entity, for one store version."""

    articles: dict[str, ArticleInfo] = field(default_factory=dict)  # article IRI -> info
    article_terms: dict[str, dict[str, Any]] = field(default_factory=dict)  # article IRI -> metadata as terms
    mentioned_in: dict[str, set[str]] = field(default_factory=dict)  # entity IRI -> article IRIs
    mentions: dict[str, set[str]] = field(default_factory=dict)  # article IRI -> entity IRIs
    facts: Counter[str] = field(default_factory=Counter)  # entity IRI -> distinct claims it takes part in

    def article(self, iri: str) -> ArticleInfo:
        """What is known of an article (its id as title when it is not in the table)."""
        known = self.articles.get(iri)
        doc_id = iri.rsplit("/", 1)[-1]
        return known if known is not None else ArticleInfo(iri, doc_id, doc_id)

    def newest_first(self) -> list[ArticleInfo]:
        """Every article, newest first (undated ones last), then by IRI."""
        return sorted(sorted(self.articles.values(), key=lambda a: a.iri), key=lambda a: a.published, reverse=True)

    def articles_of(self, entity: str) -> list[ArticleInfo]:
        """The articles mentioning `entity`, newest first (undated ones last, by title)."""
        found = [self.article(a) for a in self.mentioned_in.get(entity, ())]
        found.sort(key=lambda a: a.title.casefold())
        found.sort(key=lambda a: a.published, reverse=True)
        return found

    def co_mentioned(self, entity: str, limit: int) -> list[tuple[str, int]]:
        """(entity IRI, shared articles) of the entities mentioned in the most articles with `entity`."""
        shared: Counter[str] = Counter()
        for article in self.mentioned_in.get(entity, ()):
            shared.update(self.mentions.get(article, ()))
        shared.pop(entity, None)
        return heapq.nsmallest(limit, shared.items(), key=lambda kv: (-kv[1], kv[0]))

    def seen(self, entity: str) -> tuple[str, str]:
        """(first, last) publication date of the articles mentioning `entity` ("" when none is dated)."""
        dates = sorted(p for a in self.mentioned_in.get(entity, ()) if (p := self.article(a).published))
        return (dates[0], dates[-1]) if dates else ("", "")


def build_tables(store: GraphReader) -> GraphTables:
    """Read the tables from the store: one query over the article nodes, one index stream per predicate."""
    tables = GraphTables()
    for row in store.select(ARTICLES):
        iri = row["a"].value
        if iri in tables.articles:
            continue
        title = row["headline"].value if "headline" in row else ""
        if not title:
            text = store.quads_about(NamedNode(iri), o.TEXT)
            title = title_from_text(text[0].object.value) if text else ""
        doc_id = iri.rsplit("/", 1)[-1]
        tables.article_terms[iri] = {k: row[k] for k in ("headline", "published", "publisher") if k in row}
        tables.articles[iri] = ArticleInfo(iri, doc_id, title or doc_id,
                                           row["published"].value if "published" in row else "",
                                           row["publisher"].value if "publisher" in row else "")
    for quad in store.quads_of_predicate(o.MENTIONS):
        article, entity = quad.subject.value, quad.object.value
        tables.mentioned_in.setdefault(entity, set()).add(article)
        tables.mentions.setdefault(article, set()).add(entity)
    claims: set[tuple[str, str]] = set()
    for predicate in FACT_LINKS:
        for quad in store.quads_of_predicate(predicate):
            # a role's or sanction's node is /fact/<article>/<digest of the claim>: the digest names the claim
            claim = quad.subject.value.rsplit("/", 1)[-1] if "/fact/" in quad.subject.value else quad.subject.value
            claims.add((quad.object.value, claim))
    tables.facts.update(entity for entity, _ in claims)
    return tables
