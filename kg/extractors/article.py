"""The facts of one parsed article: its entities, then its role, event and sanction facts, merged."""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from kg.extractors.context import read_home
from kg.extractors.entities import EntityTable
from kg.extractors.events import extract_events
from kg.extractors.evidence import in_boilerplate
from kg.extractors.lexicon import load_lexicon
from kg.extractors.places import locate_places
from kg.extractors.posts import name_posts
from kg.extractors.roles import extract_roles
from kg.extractors.sanctions import extract_sanctions
from kg.fact_kinds import kind_of, merge_facts
from kg.model import Document, Entity, Extraction, Fact


def _sentences(doc: Doc) -> list[Span]:
    """`doc.sents`, read from the parse's sentence starts in one array (`doc.sents` walks every token)."""
    starts = [i for i, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1 or i == 0]
    return [Span(doc, start, end) for start, end in zip(starts, [*starts[1:], len(doc)], strict=True) if start < end]


def extract_parsed(document: Document, parsed: Doc) -> Extraction:
    """Extract entities and facts from `parsed`, the parse of `document.text`.

    Raises: ValueError when `parsed` is not the parse of `document.text`.
    """
    if parsed.text != document.text:
        raise ValueError(f"Document {document.id!r}: the parsed text differs from document.text")
    table = EntityTable(parsed, load_lexicon(), document.text)
    sentences = [s for s in _sentences(parsed) if not in_boilerplate(s, document)]
    facts: list[Fact] = []
    home = read_home(document, table)
    facts += extract_roles(parsed, table, document, sentences, home)
    facts += extract_events(parsed, table, document, sentences, home)
    sanctions, skipped = extract_sanctions(parsed, table, document, sentences, home)
    facts += sanctions
    merged = merge_facts(facts)
    used = _keys_used(merged)
    entities = tuple(e for e in table.entities() if (e.mentions or e.key in used)
                     and (e.key in used or _in_body(e, document)))
    lexicon = load_lexicon()
    return name_posts(locate_places(Extraction(document, entities, tuple(merged), skipped), lexicon), lexicon)


def _in_body(entity: Entity, document: Document) -> bool:
    """Whether an entity is named before the trailing page furniture (a tag list alone makes none)."""
    cut = document.boilerplate_from
    return cut is None or not entity.mentions or any(start < cut for start, _ in entity.mentions)


def _keys_used(facts: list[Fact]) -> set[str]:
    return {key for fact in facts for key in kind_of(fact).entity_keys(fact)}
