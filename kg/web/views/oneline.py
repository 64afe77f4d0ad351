"""What an entity is, in one line: "Person · spokesman of Kremlin · 5 articles".

Shown under an entity's name on its page, on search hits and in the type lists. The middle part
comes from the graph: a person's most reported post, the post most reported at an organization,
the country a place lies in, an event's type, date and place. Worked out on first use and kept
with the store version's tables, so a list of fifty hits costs fifty small reads once.
"""

from __future__ import annotations

from collections import Counter

from kg import ontology as o
from kg.search import IndexedEntity, LabelIndex
from kg.store import GraphReader, NamedNode
from kg.timeline import format_when, parse_date
from kg.web.views.tables import GraphTables

# Display names of the classes: (one, many).
TYPE_NAMES = {
    "Person": ("Person", "People"),
    "Organization": ("Organization", "Organizations"),
    "Place": ("Place", "Places"),
    "Event": ("Event", "Events"),
    "GovernmentBody": ("Government body", "Government bodies"),
    "Company": ("Company", "Companies"),
    "MediaOrganization": ("Media organization", "Media organizations"),
    "Country": ("Country", "Countries"),
    "Article": ("Article", "Articles"),
    "Role": ("Role", "Roles"),
    "Sanction": ("Sanction", "Sanctions"),
}


def type_name(name: str, plural: bool = False) -> str:
    """The reader's name of a class: "GovernmentBody" -> "Government body" ("Government bodies")."""
    one, many = TYPE_NAMES.get(name, (name, name))
    return many if plural else one


def articles_phrase(count: int) -> str:
    """ "1 article", "5 articles"."""
    return f"{count} article{'' if count == 1 else 's'}"


class Describer:
    """One-line descriptions of the entities of one store version, each worked out once."""

    def __init__(self, store: GraphReader, index: LabelIndex, tables: GraphTables) -> None:
        self.store = store
        self.index = index
        self.tables = tables
        self._lines: dict[str, str] = {}

    def line(self, entity: IndexedEntity) -> str:
        """Its kind, what it is in the graph, and in how many articles it is named or reported."""
        known = self._lines.get(entity.iri)
        if known is None:
            parts = [type_name(entity.kind), self._detail(entity), articles_phrase(self.article_count(entity))]
            known = self._lines[entity.iri] = " · ".join(p for p in parts if p)
        return known

    def article_count(self, entity: IndexedEntity) -> int:
        """Articles naming the entity; for an event, the articles reporting it."""
        if entity.general == "Event":
            return len({q.object.value for q in self.store.quads_about(NamedNode(entity.iri), o.DERIVED_FROM)})
        return len(self.tables.mentioned_in.get(entity.iri, ()))

    def _label(self, iri: str) -> str:
        known = self.index.get(iri)
        return known.label if known else ""

    def _detail(self, entity: IndexedEntity) -> str:
        node = NamedNode(entity.iri)
        if entity.general == "Person":
            return self._top_post(node, o.MEMBER, with_holder=False)
        if entity.general == "Organization":
            return self._top_post(node, o.ORGANIZATION_P, with_holder=True)
        if entity.general == "Place":
            within = [self._label(q.object.value) for q in self.store.quads_about(node, o.CONTAINED_IN)]
            return f"in {within[0]}" if within and within[0] else ""
        if entity.general == "Event":
            return self._event(node)
        return ""

    def _top_post(self, node: NamedNode, link: NamedNode, *, with_holder: bool) -> str:
        """The post most often reported: "spokesman of Kremlin", or at an organization "spokesman: Dmitry Peskov"."""
        counts: Counter[tuple[str, str]] = Counter()
        written: dict[tuple[str, str], str] = {}
        for quad in self.store.quads_pointing_to(node, link):
            values = {q.predicate.value: q.object.value for q in self.store.quads_about(quad.subject, None,
                                                                                       quad.graph_name)}
            title = values.get(o.ROLE_TITLE.value, "")
            other = values.get((o.MEMBER if with_holder else o.ORGANIZATION_P).value, "")
            if title:
                key = (title.casefold(), other)
                counts[key] += 1
                written.setdefault(key, title)
        if not counts:
            return ""
        best = counts.most_common(1)[0][0]
        title, other = written[best], best[1]
        name = self._label(other) if other else ""
        if with_holder:
            return f"{title}: {name}" if name else title
        return f"{title} of {name}" if name else title

    def _event(self, node: NamedNode) -> str:
        values: dict[str, str] = {}
        for quad in self.store.quads_about(node):
            values.setdefault(quad.predicate.value, quad.object.value)
            if quad.predicate == o.DATE and "datatype" not in values:
                values["datatype"] = quad.object.datatype.value
        parts = [values.get(o.EVENT_TYPE.value, "")]
        when = parse_date(values[o.DATE.value], values["datatype"]) if o.DATE.value in values else None
        if when:
            parts.append(format_when(when))
        place = self._label(values.get(o.LOCATION.value, ""))
        if place:
            parts.append(f"in {place}")
        return " · ".join(p for p in parts if p)
