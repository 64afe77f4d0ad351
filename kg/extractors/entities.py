"""Finds the named entities of one parsed document and resolves their mentions to one key each.

"Russian President Vladimir Putin" and a later "Putin" become one Person; "US",
"U.S." and "United States" one Country (kg/data/countries.tsv); spaCy label
mistakes are fixed by context when it is clear (a surname tagged ORG, a news
outlet tagged PERSON).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extractors.lexicon import Lexicon, normalize
from kg.model import (
    COMPANY,
    COUNTRY,
    GOVERNMENT_BODY,
    MEDIA_ORGANIZATION,
    ORGANIZATION,
    PERSON,
    PLACE,
    Entity,
)
from kg.ontology import entity_key

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
# Words right before a name that say it is a news outlet: "state television Vesti".
MEDIA_CUES = {"outlet", "television", "tv", "newspaper", "agency", "broadcaster", "channel", "daily",
              "magazine", "radio", "website", "network", "tabloid", "paper"}
GOVERNMENT_WORDS = {"department", "ministry", "treasury", "kremlin", "parliament", "congress", "senate",
                    "government", "council", "agency", "commission", "office", "administration",
                    "cabinet", "house", "court", "bureau", "service", "duma", "assembly", "committee",
                    "embassy", "army", "navy", "police", "command", "forces"}
COMPANY_WORDS = {"inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "bank",
                 "oil", "gas", "airlines", "holding", "holdings", "energy", "ag", "sa", "gmbh"}
COMPANY_NOUNS = {"company", "firm", "giant", "bank", "producer", "exporter", "corporation", "lender",
                 "insurer", "carrier", "manufacturer", "maker", "conglomerate", "subsidiary", "enterprise"}
LEADING_WORDS = {"the", "a", "an"}
HYPHENS = re.compile(r"[-\u2010-\u2015]")


@dataclass
class _Record:
    label: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)


class EntityTable:
    """The entities of one document and which tokens mention which entity key."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.records: dict[str, _Record] = {}
        self.token_keys: dict[int, str] = {}
        self.mention_spans: dict[int, tuple[int, int]] = {}  # token index -> (start, end) tokens
        self._collect()

    # -- lookups used by the fact extractors ---------------------------------------------------

    def key_at(self, token: Token | int) -> str | None:
        """The key of the entity a token belongs to, or None."""
        return self.token_keys.get(token if isinstance(token, int) else token.i)

    def span_at(self, token: Token | int) -> tuple[int, int] | None:
        """The (start, end) token range of the mention holding a token, or None."""
        return self.mention_spans.get(token if isinstance(token, int) else token.i)

    def kind(self, key: str) -> str:
        """The kind of a known entity key."""
        return self.records[key].kind

    def label(self, key: str) -> str:
        """The canonical label of a known entity key."""
        return self.records[key].label

    def ensure(self, name: str, kind: str) -> str:
        """The key of an entity named `name`, registering it without a mention if new."""
        key = entity_key(kind, name)
        if key not in self.records:
            self.records[key] = _Record(name, kind)
        return key

    def country_of_word(self, token: Token) -> str | None:
        """The country key a demonym or country-name token stands for ("Russian", "US"), or None."""
        if not token.text[:1].isupper():
            return None
        country = self.lexicon.demonym(token.text) or self.lexicon.country(token.text)
        return self.ensure(country, COUNTRY) if country else None

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The mentions (start, end, key) lying within a token range, in order."""
        found = []
        i = start
        while i < end:
            span = self.mention_spans.get(i)
            if span and span[0] == i and span[1] <= end:
                found.append((span[0], span[1], self.token_keys[i]))
                i = span[1]
            else:
                i += 1
        return found

    def entities(self) -> tuple[Entity, ...]:
        """The entities as records, with their aliases and character mentions."""
        return tuple(
            Entity(key, rec.label, rec.kind, tuple(sorted(rec.aliases - {rec.label})), tuple(sorted(rec.mentions)))
            for key, rec in sorted(self.records.items())
        )

    # -- building --------------------------------------------------------------------------------

    def _collect(self) -> None:
        spans = [trimmed for ent in self.doc.ents if ent.label_ in NER_LABELS
                 for trimmed in [_trim(ent)] if trimmed is not None]
        spans = [Span(self.doc, s.start, s.end, label="PERSON") if self._after_title(s)
                 and not self.lexicon.country(s.text) and not self.lexicon.organization(s.text) else s
                 for s in spans]
        persons = [s for s in spans if s.label_ == "PERSON" and not self._media_cue(s)]
        full_names = self._full_names(persons)
        for span in spans:
            self._register(span, full_names)
        self._register_missed_surnames(full_names)

    def _full_names(self, persons: list[Span]) -> dict[str, str]:
        """Surname and full-name forms -> canonical full name, for unambiguous surnames."""
        by_surname: dict[str, set[str]] = {}
        for span in persons:
            name = _person_name(span, self.lexicon)
            if name and " " in name:
                by_surname.setdefault(name.split()[-1], set()).add(name)
        table = {}
        for surname, names in by_surname.items():
            for name in names:
                table[name] = name
            if len(names) == 1:
                table[surname] = next(iter(names))
        return table

    def _after_title(self, span: Span) -> bool:
        """A multi-word name right after a role title ("President Alain Dumont") names a person."""
        if span.start == 0 or len(span) < 2 or not all(t.text[:1].isupper() for t in span):
            return False
        return span.doc[span.start - 1].lower_ in {words[-1] for words in self.lexicon.titles}

    def _register(self, span: Span, full_names: dict[str, str]) -> None:
        text = span.text
        known_org = self.lexicon.organization(text)
        country = self.lexicon.country(text)
        person = _person_name(span, self.lexicon)
        if span.label_ == "PERSON" and self._media_cue(span):
            name, kind = known_org or (text, MEDIA_ORGANIZATION)
        elif known_org:
            name, kind = known_org
        elif country and span.label_ != "PERSON":
            name, kind = country, COUNTRY
        elif person and person in full_names:
            name, kind = full_names[person], PERSON
        elif span.label_ == "PERSON":
            parts = [p for p in HYPHENS.split(text) if p.strip()]
            if len(parts) > 1 and all(p.strip() in full_names for p in parts):
                return  # "Putin-Trump": two people named together, not one person
            if not person:
                return
            name, kind = person, PERSON
        elif span.label_ == "ORG":
            name, kind = text, self._org_kind(span)
        else:
            name, kind = text, PLACE
        self._add(span.start, span.end, name, kind)

    def _register_missed_surnames(self, full_names: dict[str, str]) -> None:
        for token in self.doc:
            if token.i in self.token_keys or not token.text[:1].isupper():
                continue
            name = full_names.get(token.text)
            if name and " " not in token.text:
                self._add(token.i, token.i + 1, name, PERSON)

    def _add(self, start: int, end: int, name: str, kind: str) -> None:
        key = entity_key(kind, name)
        record = self.records.setdefault(key, _Record(name, kind))
        span = self.doc[start:end]
        record.aliases.add(span.text)
        record.mentions.append((span.start_char, span.end_char))
        for i in range(start, end):
            self.token_keys[i] = key
            self.mention_spans[i] = (start, end)

    def _media_cue(self, span: Span) -> bool:
        window = self.doc[max(span.start - 2, span.sent.start) : span.start]
        return any(token.lower_ in MEDIA_CUES for token in window)

    def _org_kind(self, span: Span) -> str:
        words = {normalize(t.text) for t in span}
        if words & GOVERNMENT_WORDS:
            return GOVERNMENT_BODY
        if words & COMPANY_WORDS:
            return COMPANY
        if any(t.lemma_.lower() in COMPANY_NOUNS for t in _describers(span)):
            return COMPANY
        if any(t.lower_ in MEDIA_CUES for t in self.doc[max(span.start - 2, 0) : span.start]):
            return MEDIA_ORGANIZATION
        return ORGANIZATION


def _describers(span: Span) -> list[Token]:
    """Nouns describing a name: its apposition head, or the noun it is compounded to."""
    root = span.root
    found = [root.head] if root.dep_ in ("appos", "conj") else []
    if root.dep_ == "conj" and root.head.dep_ == "appos":
        found.append(root.head.head)
    found += [t for t in span.doc[max(span.start - 2, 0) : span.start]]
    return found


def _trim(ent: Span) -> Span | None:
    """The entity without a leading article, trailing possessive or punctuation; None if junk."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in LEADING_WORDS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    span = Span(doc, start, end, label=ent.label_)
    if "\n" in span.text or not any(ch.isalpha() for ch in span.text):
        return None
    return span


def _person_name(span: Span, lexicon: Lexicon) -> str | None:
    """A person's name without leading titles or middle initials: "President Joe R. Biden" -> "Joe Biden"."""
    words = span.text.split()
    titles = {w for title in lexicon.titles for w in title}
    while words and words[0].lower().strip(".") in titles | {"mr", "mrs", "ms", "dr"}:
        words = words[1:]
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.?", w)]
    if not words or not words[0][:1].isupper():
        return None
    return " ".join(words)
