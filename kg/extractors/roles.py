"""Person–role–organization facts: "Kremlin spokesman Dmitry Peskov", "X, the Kremlin's spokesman"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extractors.entities import EntityTable
from kg.extractors.evidence import make_evidence
from kg.model import PERSON, Document, RoleFact

QUALIFIERS = {"former", "acting", "interim", "outgoing", "incoming", "then", "late", "ex", "ex-"}
POSSESSIVE = {"'s", "\u2019s", "'"}
# Prepositions after a title that name its organization: "President Xi of China", "spokesperson for Y".
ORG_PREPOSITIONS_AFTER_NAME = {"of"}
ORG_PREPOSITIONS_AFTER_TITLE = {"of", "for", "at"}
COUNTERPART = "counterpart"
HEAD_VERBS = {"head": "head", "lead": "leader", "chair": "chair", "run": "head"}


def match_title(doc: Doc, end: int, table: EntityTable) -> int | None:
    """The start of the longest known title ending just before token `end`, or None."""
    for words in table.lexicon.titles:
        start = end - len(words)
        if start < 0:
            continue
        if all(doc[start + k].lower_ == w for k, w in enumerate(words)):
            return start
    return None


def match_title_around(doc: Doc, head: int, table: EntityTable) -> tuple[int, int] | None:
    """The longest known title that contains token `head`, as a (start, end) range."""
    for words in table.lexicon.titles:
        for start in range(head - len(words) + 1, head + 1):
            if start < 0 or start + len(words) > len(doc):
                continue
            if all(doc[start + k].lower_ == w for k, w in enumerate(words)):
                return start, start + len(words)
    return None


def _org_before(doc: Doc, end: int, table: EntityTable, lower: int) -> tuple[str | None, int]:
    """The organization written right before token `end` (possessive, demonym or name), and its start."""
    i = end - 1
    if i < lower:
        return None, end
    if doc[i].text in POSSESSIVE and i - 1 >= lower:
        key = table.key_at(i - 1)
        if key:
            return key, table.span_at(i - 1)[0]  # type: ignore[index]
        return None, end
    key = table.key_at(i)
    if key and table.kind(key) != PERSON:
        return key, table.span_at(i)[0]  # type: ignore[index]
    country = table.country_of_word(doc[i])
    if country:
        return country, i
    return None, end


def _qualifier_before(doc: Doc, end: int, lower: int) -> tuple[str | None, int]:
    if end - 1 >= lower and doc[end - 1].lower_ in QUALIFIERS:
        return doc[end - 1].lower_, end - 1
    return None, end


def _org_after(doc: Doc, start: int, table: EntityTable, preps: set[str], limit: int) -> str | None:
    """The organization in "of/for/at [the] Y" starting at token `start`, or None."""
    if start >= limit or doc[start].lower_ not in preps:
        return None
    i = start + 1
    if i < limit and doc[i].lower_ == "the":
        i += 1
    if i >= limit:
        return None
    key = table.key_at(i)
    if key and table.kind(key) != PERSON:
        return key
    return None


def extract_roles(doc: Doc, table: EntityTable, document: Document, sentences: list[Span]) -> Iterator[RoleFact]:
    """Role facts from every sentence in `sentences`, before any merging."""
    for sent in sentences:
        found: dict[str, RoleFact] = {}
        for start, end, key in table.mentions_in(sent.start, sent.end):
            if table.kind(key) != PERSON:
                continue
            fact = (_title_before_name(doc, start, end, key, table, document, sent, found)
                    or _described(doc, start, end, key, table, document, sent))
            if fact:
                found.setdefault(key, fact)
                yield fact


def _title_before_name(doc: Doc, start: int, end: int, person: str, table: EntityTable,
                       document: Document, sent: Span, found: dict[str, RoleFact]) -> RoleFact | None:
    lower = sent.start
    if start - 1 >= lower and doc[start - 1].lower_ == COUNTERPART:
        return _counterpart(doc, start, person, table, document, sent, found)
    title_start = match_title(doc, start, table)
    if title_start is None or title_start < lower:
        return None
    title = doc[title_start:start].text
    qualifier, i = _qualifier_before(doc, title_start, lower)
    org, i = _org_before(doc, i, table, lower)
    if qualifier is None:
        qualifier, _ = _qualifier_before(doc, i, lower)
    if org is None:
        org = _org_after(doc, end, table, ORG_PREPOSITIONS_AFTER_NAME, sent.end)
    evidence = make_evidence(sent, document, "roles.title_before_name", 0.9)
    return RoleFact(person, title, org, (evidence,), qualifier)


def _counterpart(doc: Doc, start: int, person: str, table: EntityTable, document: Document,
                 sent: Span, found: dict[str, RoleFact]) -> RoleFact | None:
    """ "his US counterpart Donald Trump": the title of the person named before, for another country."""
    antecedents = [f for k, f in found.items() if k != person]
    if not antecedents:
        return None
    org, _ = _org_before(doc, start - 1, table, sent.start)
    if org is None:
        return None
    evidence = make_evidence(sent, document, "roles.counterpart", 0.75)
    return RoleFact(person, antecedents[-1].role, org, (evidence,))


def _described(doc: Doc, start: int, end: int, person: str, table: EntityTable,
               document: Document, sent: Span) -> RoleFact | None:
    """Appositions ("X, the Kremlin's spokesman,"), copulas ("X is a reporter at Y"), "X, who heads Y"."""
    root = doc[start:end].root
    candidates: list[tuple[Token, str, float]] = []
    candidates += [(c, "roles.apposition", 0.8) for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and not (start <= root.head.i < end):
        candidates.append((root.head, "roles.apposition", 0.8))
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        candidates += [(c, "roles.copula", 0.75) for c in root.head.children if c.dep_ == "attr"]
    for clause in (c for c in root.children if c.dep_ == "relcl"):
        if clause.lemma_ == "be":
            candidates += [(c, "roles.relative_clause", 0.7) for c in clause.children if c.dep_ == "attr"]
        elif clause.lemma_ in HEAD_VERBS:
            objects = [c for c in clause.children if c.dep_ == "dobj"]
            org = table.key_at(objects[0]) if objects else None
            if org and table.kind(org) != PERSON:
                evidence = make_evidence(sent, document, "roles.relative_clause", 0.7)
                return RoleFact(person, HEAD_VERBS[clause.lemma_], org, (evidence,))
    for noun, extractor, confidence in candidates:
        if not (sent.start <= noun.i < sent.end) or table.key_at(noun):
            continue
        span = match_title_around(doc, noun.i, table)
        if span is None:
            continue
        title_start, title_end = span
        lower = noun.left_edge.i
        qualifier, i = _qualifier_before(doc, title_start, lower)
        org, i = _org_before(doc, i, table, lower)
        if qualifier is None:
            qualifier, _ = _qualifier_before(doc, i, lower)
        if org is None:
            org = _org_after(doc, title_end, table, ORG_PREPOSITIONS_AFTER_TITLE, noun.right_edge.i + 1)
        evidence = make_evidence(sent, document, extractor, confidence)
        return RoleFact(person, doc[title_start:title_end].text, org, (evidence,), qualifier)
    return None
