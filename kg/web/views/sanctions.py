"""The sanctions list: one row per sanction as all its articles report it, filterable, sortable and as CSV.

Read in one light pass (one index read per sanction fact, no evidence), kept per store version
(kg.web.views.cache); filters and sorts are then list operations on the kept rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg import ontology as o
from kg.errors import InvalidInput
from kg.search import LabelIndex
from kg.store import GraphReader, NamedNode
from kg.timeline import UNKNOWN_YEAR, sort_key, year_of
from kg.web.views.facts import Dated
from kg.web.views.tables import ArticleInfo, GraphTables

TARGET_TYPES = ("person", "company", "other")
SORTS = {"date": "newest first", "authority": "by authority", "target": "by target", "articles": "most reported"}
CSV_COLUMNS = ("authority", "authority_iri", "target", "target_iri", "target_type", "date", "date_as_written",
               "program", "reason", "articles", "article_iris")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run a cell starting so


@dataclass
class SanctionRow(Dated):
    """A sanction as every article that reports it tells it."""

    claim: str
    authority: str  # IRI
    target: str  # IRI
    authority_label: str = ""
    target_label: str = ""
    target_type: str = "other"
    date: str = ""
    datatype: str = ""
    date_text: str = ""
    programs: set[str] = field(default_factory=set)
    reasons: set[str] = field(default_factory=set)
    issuers: dict[str, str] = field(default_factory=dict)  # IRI -> label of each body that acted for the authority
    articles: list[ArticleInfo] = field(default_factory=list)

    def order(self) -> tuple[int, int, int]:
        """Its place by date; a month-day borrows its first dated article's year; one with no year to borrow
        sorts before every dated one (so last, newest first), as an undated one does."""
        when = self.when
        if when is None:
            return (0, 0, 0)
        published = next((a.published for a in self.articles if a.published), None)
        key = sort_key(when, year_of(published))
        return (0, *key[1:]) if key[0] == UNKNOWN_YEAR else key


def target_type(index: LabelIndex, iri: str) -> str:
    """person, company or other (a government, a body, a place, or an entity the index does not know)."""
    known = index.get(iri)
    if known is None:
        return "other"
    if known.general == "Person":
        return "person"
    return "company" if known.kind == "Company" else "other"


def sanction_rows(store: GraphReader, index: LabelIndex, tables: GraphTables) -> list[SanctionRow]:
    """Every sanction claim in the graph, newest first."""
    rows: dict[str, SanctionRow] = {}
    seen: set[tuple[str, str]] = set()
    for link in store.quads_of_predicate(o.AUTHORITY):
        fact, graph = link.subject, link.graph_name
        if not isinstance(fact, NamedNode) or not isinstance(graph, NamedNode) or (fact.value, graph.value) in seen:
            continue
        seen.add((fact.value, graph.value))
        values: dict[str, list[Any]] = {}
        for quad in store.quads_about(fact, None, graph):
            values.setdefault(quad.predicate.value, []).append(quad.object)
        claim, target = values.get(o.CLAIM_KEY.value), values.get(o.TARGET.value)
        if not claim or not target:
            continue
        row = rows.get(claim[0].value)
        if row is None:
            authority, aimed = values[o.AUTHORITY.value][0].value, target[0].value
            known_a, known_t = index.get(authority), index.get(aimed)
            row = rows[claim[0].value] = SanctionRow(
                claim[0].value, authority, aimed, known_a.label if known_a else authority,
                known_t.label if known_t else aimed, target_type(index, aimed))
        _fill(row, values, tables.article(graph.value))
        for issuer in values.get(o.ISSUED_BY.value, ()):
            known = index.get(issuer.value)
            row.issuers[issuer.value] = known.label if known else issuer.value
    ordered = sorted(rows.values(), key=lambda r: (r.authority_label.casefold(), r.target_label.casefold()))
    ordered.sort(key=lambda r: r.order(), reverse=True)
    return ordered


def _fill(row: SanctionRow, values: dict[str, list[Any]], article: ArticleInfo) -> None:
    dates = values.get(o.DATE.value)
    if dates and (not row.date or row.datatype.endswith("gMonthDay")):
        row.date, row.datatype = dates[0].value, dates[0].datatype.value
    written = values.get(o.DATE_TEXT.value)
    if written and not row.date_text:
        row.date_text = written[0].value
    row.programs.update(v.value for v in values.get(o.PROGRAM.value, ()))
    row.reasons.update(v.value for v in values.get(o.REASON.value, ()))
    if article not in row.articles:
        row.articles.append(article)


def choose(rows: Iterable[SanctionRow], authority: str | None, target_kind: str | None,
           sort: str) -> list[SanctionRow]:
    """The rows by one authority (an IRI) and of one target type, in the order `sort` names."""
    if target_kind is not None and target_kind not in TARGET_TYPES:
        raise InvalidInput(f"target_type={target_kind[:40]!r} is not one of {', '.join(TARGET_TYPES)}.")
    if sort not in SORTS:
        raise InvalidInput(f"sort={sort[:40]!r} is not one of {', '.join(SORTS)}.")
    chosen = [r for r in rows if (authority is None or r.authority == authority)
              and (target_kind is None or r.target_type == target_kind)]
    if sort == "authority":
        chosen.sort(key=lambda r: r.authority_label.casefold())
    elif sort == "target":
        chosen.sort(key=lambda r: r.target_label.casefold())
    elif sort == "articles":
        chosen.sort(key=lambda r: -len(r.articles))
    return chosen


def authorities(rows: Iterable[SanctionRow]) -> list[tuple[str, str, int]]:
    """(IRI, label, sanctions) of every authority, most sanctions first."""
    counted: dict[str, tuple[str, int]] = {}
    for row in rows:
        label, n = counted.get(row.authority, (row.authority_label, 0))
        counted[row.authority] = (label, n + 1)
    return sorted(((iri, label, n) for iri, (label, n) in counted.items()), key=lambda t: (-t[2], t[1].casefold()))


def _cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_csv(rows: Iterable[SanctionRow]) -> str:
    """The rows as CSV with a header line (RFC 4180 quoting, formulas defused)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        cells = (r.authority_label, r.authority, r.target_label, r.target, r.target_type,
                 r.date if r.date and not r.date.startswith("--") else r.date_label, r.date_text,
                 "; ".join(sorted(r.programs)), "; ".join(sorted(r.reasons)),
                 "; ".join(a.title for a in r.articles), " ".join(a.iri for a in r.articles))
        writer.writerow([_cell(c) for c in cells])
    return out.getvalue()
