"""Fact rows read straight from the store's indexes, one bound pattern at a time, never a join.

oxigraph plans a SPARQL query before it substitutes bound variables, so a join anchored on one
entity still scans every fact of a kind (a second or more at a million quads). These readers
follow links from a bound term instead: each step is one index read (the quads with this
subject, or with this object), microseconds each. Values stay terms; nothing is pasted into
query text. A row is one solution of the equivalent SPARQL (variable name -> term), so the
merging in kg.web.views.facts is unchanged: multi-valued properties (participants, evidence)
give one row per combination, as OPTIONAL does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kg import ontology as o
from kg.store import GraphReader, NamedNode, Term

Row = dict[str, Any]

# Variable -> predicate of the fact node, by kind of fact.
FACT_VARS: dict[str, dict[str, NamedNode]] = {
    "Role": {"person": o.MEMBER, "title": o.ROLE_TITLE, "org": o.ORGANIZATION_P, "qualifier": o.QUALIFIER,
             "post": o.POST},
    "Event": {"label": o.LABEL, "etype": o.EVENT_TYPE, "date": o.DATE, "dateText": o.DATE_TEXT,
              "place": o.LOCATION, "status": o.STATUS, "participant": o.PARTICIPANT},
    "Sanction": {"authority": o.AUTHORITY, "target": o.TARGET, "date": o.DATE, "dateText": o.DATE_TEXT,
                 "program": o.PROGRAM, "reason": o.REASON, "issuer": o.ISSUED_BY},
}
EVIDENCE_VARS = {"sentence": o.SENTENCE, "start": o.START, "end": o.END, "boiler": o.BOILERPLATE}
ARTICLE_VARS = {"headline": o.HEADLINE, "publisher": o.PUBLISHER, "published": o.DATE_PUBLISHED}
# How an entity takes part in a fact of each kind: (predicate, name of the link).
LINKS = {
    "Role": ((o.MEMBER, "member"), (o.ORGANIZATION_P, "organization")),
    "Event": ((o.PARTICIPANT, "participant"), (o.LOCATION, "location")),
    "Sanction": ((o.AUTHORITY, "authority"), (o.TARGET, "target"), (o.ISSUED_BY, "issuer")),
}
KINDS = tuple(FACT_VARS)


def _product(values: dict[str, list[Any]]) -> list[Row]:
    """Every combination of one value per variable (variables without values are left out)."""
    rows: list[Row] = [{}]
    for name, terms in values.items():
        if terms:
            rows = [{**row, name: term} for row in rows for term in terms]
    return rows


class FactReader:
    """Reads fact rows by index lookups, remembering article metadata for the life of one request.

    `articles` (article IRI -> {"headline", "published", "publisher": term}), when given, is the metadata
    already read for the store's version (kg.web.views.tables); an article missing from it is read.
    """

    def __init__(self, store: GraphReader, articles: Mapping[str, Row] | None = None) -> None:
        self.store = store
        self._articles: dict[str, list[Row]] = {}
        self._known = articles or {}

    def _article_rows(self, article: NamedNode) -> list[Row]:
        rows = self._articles.get(article.value)
        if rows is None and article.value in self._known:
            rows = self._articles[article.value] = [self._known[article.value]]
        if rows is None:
            values = {name: [q.object for q in self.store.quads_about(article, predicate, article)]
                      for name, predicate in ARTICLE_VARS.items()}
            rows = self._articles[article.value] = _product(values)
        return rows

    def _evidence_rows(self, evidence: list[Any], article: NamedNode) -> list[Row]:
        rows: list[Row] = []
        for node in evidence:
            values: dict[str, list[Any]] = {name: [] for name in EVIDENCE_VARS}
            by_predicate = {p.value: name for name, p in EVIDENCE_VARS.items()}
            for quad in self.store.quads_about(node, None, article):
                name = by_predicate.get(quad.predicate.value)
                if name:
                    values[name].append(quad.object)
            rows += [{"ev": node, **row} for row in _product(values)]
        return rows or [{}]

    def rows(self, fact: Any, article: NamedNode, kinds: Iterable[str] = KINDS, **extra: Term) -> list[Row]:
        """The rows of one fact node as stated in one article graph, if it is of one of `kinds`."""
        quads = self.store.quads_about(fact, None, article)
        classes = [q.object for q in quads if q.predicate == o.A]
        kind = next((k for k in kinds if any(c.value.endswith(f"#{k}") for c in classes)), None)
        if kind is None:
            return []
        names = {p.value: name for name, p in FACT_VARS[kind].items()}
        names[o.CLAIM_KEY.value] = "claim"
        values: dict[str, list[Any]] = {name: [] for name in names.values()}
        evidence = []
        for quad in quads:
            if quad.predicate == o.EVIDENCE:
                evidence.append(quad.object)
            elif (name := names.get(quad.predicate.value)) is not None:
                values[name].append(quad.object)
        base = {"fact": fact, "article": article, "class": o.kg(kind), **extra}
        evidences, articles = self._evidence_rows(evidence, article), self._article_rows(article)
        return [{**base, **f, **e, **a} for f in _product(values) for e in evidences for a in articles]

    def entity_rows(self, entity: NamedNode, kind: str) -> list[Row]:
        """Rows of every `kind` fact the entity takes part in, each with `via` (how it takes part)."""
        rows: list[Row] = []
        for predicate, via in LINKS[kind]:
            for quad in self.store.quads_pointing_to(entity, predicate):
                if isinstance(quad.graph_name, NamedNode):
                    rows += self.rows(quad.subject, quad.graph_name, (kind,), via=o.Literal(via))
        return rows

    def claim_rows(self, fact: NamedNode) -> list[Row]:
        """Rows of every event node that shares `fact`'s kg:claimKey (the same event in other articles)."""
        own = self.store.quads_about(fact, o.CLAIM_KEY)
        if not own:
            return []
        rows: list[Row] = []
        for quad in self.store.quads_pointing_to(own[0].object, o.CLAIM_KEY):
            if isinstance(quad.graph_name, NamedNode):
                rows += self.rows(quad.subject, quad.graph_name, ("Event",))
        return rows

    def article_rows(self, article: NamedNode) -> list[Row]:
        """Rows of every fact drawn from one article."""
        rows: list[Row] = []
        for quad in self.store.quads_pointing_to(article, o.DERIVED_FROM, article):
            rows += self.rows(quad.subject, article)
        return rows

    def published(self, article: NamedNode) -> str | None:
        """The article's publication date as written, or None."""
        return next((row["published"].value for row in self._article_rows(article) if "published" in row), None)

    def mentions(self, article: NamedNode) -> list[tuple[int, int, str]]:
        """(start, end, entity IRI) of every entity mention in the article's text, by start.

        Three reads of the article's graph, one per predicate (kg:mentionOf, kg:start, kg:end), rather than
        one per mention node; starts and ends of nodes that mention nothing (evidence) are left out.
        """
        values: dict[str, dict[str, list[Any]]] = {}
        for name, predicate in (("who", o.MENTION_OF), ("start", o.START), ("end", o.END)):
            for quad in self.store.quads_of_predicate(predicate, article):
                node = values.get(quad.subject.value)
                if node is None and name != "who":
                    continue
                if node is None:
                    node = values[quad.subject.value] = {"who": [], "start": [], "end": []}
                node[name].append(quad.object)
        found = []
        for node in values.values():
            if all(node.values()):
                found += [(int(r["start"].value), int(r["end"].value), r["who"].value) for r in _product(node)]
        return sorted(found, key=lambda m: m[0])
