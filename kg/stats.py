"""Counts of what the graph holds, for `kg stats` and the home page."""

from __future__ import annotations

from kg.store import ReadableStore

COUNTS = """SELECT ?type (COUNT(DISTINCT ?node) AS ?n) WHERE {
  VALUES ?type { kg:Article kg:Person kg:Organization kg:Place kg:Role kg:Event kg:Sanction }
  ?node a ?type
} GROUP BY ?type"""
LAST_INGEST = "SELECT (MAX(?t) AS ?last) WHERE { ?a a kg:Article ; prov:generatedAtTime ?t }"


RECENT = """SELECT ?a ?headline ?published ?publisher ?t WHERE { ?a a kg:Article ; prov:generatedAtTime ?t .
  OPTIONAL { ?a schema:headline ?headline } OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:publisher ?publisher } } ORDER BY DESC(?published) DESC(?t) ?a LIMIT %d"""


def graph_stats(store: ReadableStore, *, quads: bool = True) -> dict[str, int | str | None]:
    """Articles, entities by type, facts by kind, quads (a full scan; skip with quads=False), last ingest."""
    counts: dict[str, int | str | None] = {
        row["type"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in store.select(COUNTS)
    }
    for name in ("Article", "Person", "Organization", "Place", "Role", "Event", "Sanction"):
        counts.setdefault(name, 0)
    last = store.select(LAST_INGEST)
    counts["lastIngest"] = last[0]["last"].value if last and "last" in last[0] else None
    if quads:
        counts["quads"] = store.count_quads()
    return counts


def recent_articles(store: ReadableStore, limit: int = 10) -> list[dict[str, str]]:
    """The newest articles by publication date (then ingest time): IRI, headline, date, publisher."""
    rows = store.select(RECENT % int(limit))
    return [{k: v.value for k, v in row.items()} for row in rows]
