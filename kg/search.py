"""Label search: an in-memory index of entity labels and aliases, rebuilt when the store changes.

The index maps normalised names (lowercase, accents removed, punctuation folded to
spaces) to entities. Two sorted key lists make every lookup a bisect, never a scan:
`names` holds whole normalised labels (exact and prefix matches), `words` holds
every word-suffix of a label ("keller" of "anna keller"), so "contains" means
"contains a word that starts with the query".

Freshness: `IndexCache` keeps one index per app and rebuilds it when the store's
*version* changes. The version is (number of articles, latest prov:generatedAtTime),
one aggregate over the article nodes; every ingest, re-ingest or removal of an article
changes it. It is checked at most once per `recheck_seconds`, so a burst of requests
costs one check. Triples loaded outside articles (`kg load`) are seen on the next
article change or restart.
"""

from __future__ import annotations

import bisect
import re
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.ontology import Namer
from kg.store import GraphReader

GENERAL_TYPES = ("Person", "Organization", "Place", "Event")

# Single patterns only: each entity is restated in every article graph, and a join over
# the union of graphs would multiply those copies (k articles -> k*k rows per entity).
TYPE_ROWS = """SELECT DISTINCT ?e ?type WHERE { VALUES ?type { kg:Person kg:Organization kg:Place kg:Event
  kg:GovernmentBody kg:Company kg:MediaOrganization kg:Country } ?e a ?type }"""
LABEL_ROWS = "SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label }"
ALIAS_ROWS = "SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
VERSION = """SELECT (COUNT(?a) AS ?n) (MAX(?t) AS ?last) WHERE { ?a a kg:Article . OPTIONAL {
  ?a prov:generatedAtTime ?t } }"""


def normalise(text: str) -> str:
    """Lowercase, accents stripped, runs of non-alphanumerics as one space: "Émile-Zola" -> "emile zola"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", bare).strip()


@dataclass(frozen=True)
class IndexedEntity:
    """One entity as the index knows it."""

    iri: str
    key: str
    label: str
    general: str  # Person, Organization, Place or Event
    kind: str  # the most specific kg class: Country, Company, ... (= general when none)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One search result: the entity, the name that matched and how (exact, prefix, contains)."""

    entity: IndexedEntity
    name: str
    match: str


@dataclass
class LabelIndex:
    """Normalised labels and aliases -> entities, with sorted keys for bisect lookups."""

    entities: dict[str, IndexedEntity] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=dict)  # normalised name -> IRIs
    surface: dict[tuple[str, str], str] = field(default_factory=dict)  # (name, IRI) -> name as written
    names: list[str] = field(default_factory=list)
    words: list[tuple[str, str]] = field(default_factory=list)  # (word-suffix, normalised name)

    @classmethod
    def from_entities(cls, entities: Iterable[IndexedEntity]) -> LabelIndex:
        """An index over `entities` (label and aliases of each)."""
        index = cls()
        words: set[tuple[str, str]] = set()
        for entity in entities:
            index.entities[entity.iri] = entity
            for written in (entity.label, *entity.aliases):
                name = normalise(written)
                if not name:
                    continue
                index.by_name.setdefault(name, set()).add(entity.iri)
                index.surface.setdefault((name, entity.iri), written)
                parts = name.split(" ")
                words.update((" ".join(parts[i:]), name) for i in range(1, len(parts)))
        index.names = sorted(index.by_name)
        index.words = sorted(words)
        return index

    def get(self, iri: str) -> IndexedEntity | None:
        """The entity with that IRI, or None."""
        return self.entities.get(iri)

    def of_type(self, general: str) -> list[IndexedEntity]:
        """Entities of a general type (or a specific kind such as Country), sorted by label."""
        found = (e for e in self.entities.values() if general in (e.general, e.kind))
        return sorted(found, key=lambda e: (normalise(e.label), e.key))

    def search(self, query: str, type_: str | None = None, limit: int = 20) -> list[Hit]:
        """Entities whose label or alias matches `query`: exact first, then prefix, then contains."""
        q = normalise(query)
        if not q or limit <= 0:
            return []
        hits: list[Hit] = []
        seen: set[str] = set()
        tiers = (("exact", [q] if q in self.by_name else []), ("prefix", self._prefixed(q)),
                 ("contains", self._inner(q)))
        for match, names in tiers:
            tier: list[Hit] = []
            for name in names:
                for iri in self.by_name[name]:
                    entity = self.entities[iri]
                    if iri in seen or (type_ and type_ not in (entity.general, entity.kind)):
                        continue
                    seen.add(iri)
                    tier.append(Hit(entity, self.surface[(name, iri)], match))
            tier.sort(key=lambda h: (len(h.entity.label), normalise(h.entity.label), h.entity.key))
            hits.extend(tier)
            if len(hits) >= limit:
                break
        return hits[:limit]

    def _prefixed(self, q: str) -> Iterator[str]:
        start = bisect.bisect_left(self.names, q)
        for name in self.names[start:]:
            if not name.startswith(q):
                break
            if name != q:
                yield name

    def _inner(self, q: str) -> Iterator[str]:
        start = bisect.bisect_left(self.words, (q, ""))
        for word, name in self.words[start:]:
            if not word.startswith(q):
                break
            yield name


def build_index(store: GraphReader, namer: Namer) -> LabelIndex:
    """Read every person, organization, place and event with its labels from the store."""
    general: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for row in store.select(TYPE_ROWS):
        local = row["type"].value.rsplit("#", 1)[-1]
        (general if local in GENERAL_TYPES else kinds)[row["e"].value] = local
    aliases: dict[str, set[str]] = {}
    for row in store.select(ALIAS_ROWS):
        aliases.setdefault(row["e"].value, set()).add(row["alt"].value)
    entities: dict[str, IndexedEntity] = {}
    for row in store.select(LABEL_ROWS):
        iri = row["e"].value
        key = namer.key_of(iri)
        if key is None or iri in entities or iri not in general:
            continue
        entities[iri] = IndexedEntity(iri, key, row["label"].value, general[iri], kinds.get(iri, general[iri]),
                                      tuple(sorted(aliases.get(iri, ()))))
    return LabelIndex.from_entities(entities.values())


def store_version(store: GraphReader) -> tuple[int, str]:
    """(articles, latest ingest time): changes whenever an article is added, replaced or removed."""
    rows = store.select(VERSION)
    row = rows[0] if rows else {}
    return int(row["n"].value) if "n" in row else 0, row["last"].value if "last" in row else ""


class IndexCache:
    """One LabelIndex per store, rebuilt when `store_version` changes; safe across threads."""

    def __init__(self, store: GraphReader, namer: Namer, recheck_seconds: float = 1.0) -> None:
        self.store = store
        self.namer = namer
        self.recheck_seconds = recheck_seconds
        self.builds = 0
        self._lock = threading.Lock()
        self._index: LabelIndex | None = None
        self._version: tuple[int, str] | None = None
        self._checked = 0.0

    def index(self) -> LabelIndex:
        """The current index, rebuilt first if the store changed since it was built."""
        with self._lock:
            now = time.monotonic()
            if self._index is not None and now - self._checked < self.recheck_seconds:
                return self._index
            version = store_version(self.store)
            self._checked = now
            if self._index is None or version != self._version:
                self._index = build_index(self.store, self.namer)
                self._version = version
                self.builds += 1
            return self._index
