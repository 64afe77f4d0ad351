"""The type lists: entities of one type with their fact and article counts, and the list of roles, in a chosen order.

The counts come from the store version's tables (kg.web.views.tables); the roles from one light
pass over the role nodes (one index read each), kept per store version like the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg import ontology as o
from kg.errors import InvalidInput
from kg.search import IndexedEntity, LabelIndex, normalise
from kg.store import GraphReader, NamedNode
from kg.web.views.tables import GraphTables

SORTS = {"name": "by name", "facts": "most facts", "articles": "most articles"}


@dataclass(frozen=True)
class Item:
    """One line of a type list."""

    href: str
    label: str
    detail: str
    facts: int = 0
    articles: int = 0


@dataclass
class RoleRow:
    """A post held by a person, as every article that reports it tells it."""

    person: str
    title: str
    org: str
    articles: set[str] = field(default_factory=set)


def check_sort(sort: str) -> str:
    """`sort` when it names an order of the type lists.

    Raises:
        InvalidInput: any other value.
    """
    if sort not in SORTS:
        raise InvalidInput(f"sort={sort[:40]!r} is not one of {', '.join(SORTS)}.")
    return sort


def entity_items(entities: list[IndexedEntity], tables: GraphTables, name: str, kind_names: dict[str, str],
                 sort: str) -> list[Item]:
    """The entities as list items (kind when more specific than the list's type, facts, articles), sorted."""
    items = []
    for e in entities:
        facts, articles = tables.facts.get(e.iri, 0), len(tables.mentioned_in.get(e.iri, ()))
        parts = [kind_names[e.kind] if e.kind != name else "", f"{facts} fact{'' if facts == 1 else 's'}",
                 f"{articles} article{'' if articles == 1 else 's'}"]
        items.append(Item(f"/entity/{e.key}", e.label, " · ".join(p for p in parts if p), facts, articles))
    return _sorted(items, sort)


def _sorted(items: list[Item], sort: str) -> list[Item]:
    items.sort(key=lambda i: normalise(i.label))
    if sort == "facts":
        items.sort(key=lambda i: -i.facts)
    elif sort == "articles":
        items.sort(key=lambda i: -i.articles)
    return items


def role_rows(store: GraphReader) -> list[RoleRow]:
    """Every post held, merged across articles on (person, post or title, organization)."""
    rows: dict[tuple[str, str, str], RoleRow] = {}
    for link in store.quads_of_predicate(o.MEMBER):
        role, graph = link.subject, link.graph_name
        if not isinstance(role, NamedNode) or not isinstance(graph, NamedNode):
            continue
        values = {q.predicate.value: q.object.value for q in store.quads_about(role, None, graph)}
        title = values.get(o.ROLE_TITLE.value, "")
        if not title:
            continue
        org = values.get(o.ORGANIZATION_P.value, "")
        key = (link.object.value, values.get(o.POST.value) or title.casefold(), org)
        row = rows.setdefault(key, RoleRow(link.object.value, title, org))
        row.articles.add(graph.value)
    return list(rows.values())


def role_items(rows: list[RoleRow], index: LabelIndex, namer: o.Namer, sort: str) -> list[Item]:
    """The roles as list items: "Dmitry Peskov — spokesman of Kremlin", with the articles reporting each."""
    items = []
    for row in rows:
        person, org = index.get(row.person), index.get(row.org) if row.org else None
        key = namer.key_of(row.person)
        if person is None or key is None:
            continue
        post = f"{row.title} of {org.label}" if org else row.title
        n = len(row.articles)
        items.append(Item(f"/entity/{key}", f"{person.label} — {post}",
                          f"{n} article{'' if n == 1 else 's'}", 1, n))
    return _sorted(items, sort)
