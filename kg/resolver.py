"""Cross-article entity resolution: maps a new article's entities onto entities already known.

An article that only says "Putin" maps to the known "Vladimir Putin" when exactly
one known person has that surname (or that later name part: "Sonko" for "Mike Sonko
Kioko"); "Sergei Lavrov" maps to a known "Sergey Lavrov" when exactly one known person
shares the surname and a first name spelt alike, and the names of the shorter are all in the longer ("Ali Musa"
and "Abdullahi Garba Musa" are two people, and so are "Rolando Aguilar Mejia" and "Rolando Funes Aguilar"). Country
and organization aliases ("U.S.", "Treasury") are unified earlier, by the alias
tables of kg/data, so their keys already agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from difflib import SequenceMatcher

from kg.extractors.lexicon import normalize, word_list
from kg.fact_kinds import kind_of, merge_facts
from kg.model import PERSON, Entity, Extraction, Fact

# similarity of two spellings of one first name, once the letters that transliterations write in several ways
# are written one way: "Sergei"/"Sergey", "Aleksey"/"Alexei" (not "Kwame"/"Kwabena", two names)
ALIKE_GIVEN_NAMES = 0.7
SHORT_GIVEN_NAME = 5  # letters up to which two spellings must be one once transliterated: "Lin" is not "Liang"
SPELLINGS = tuple(tuple(pair.split(">")) for pair in sorted(word_list("transliteration_spellings")))


class EntityIndex:
    """The entities known so far, indexed by key, normalized label and person surname."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.by_key: dict[str, Entity] = {}
        self.by_label: dict[tuple[str, str], set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.add(entities)

    def add(self, entities: Iterable[Entity]) -> None:
        """Remember `entities` (e.g. those of an article just stored)."""
        for entity in entities:
            self.by_key.setdefault(entity.key, entity)
            self.by_label.setdefault((entity.kind, normalize(entity.label)), set()).add(entity.key)
            words = _name_parts(entity.label)
            if entity.kind == PERSON and len(words) > 1:
                for word in words[1:]:  # "Mike Sonko Gidion Mbuvi Kioko" is found by "Sonko" as by "Kioko"
                    self.by_surname.setdefault(word, set()).add(entity.key)

    def match(self, entity: Entity) -> str | None:
        """The key of the known entity that `entity` clearly denotes, or None."""
        if entity.key in self.by_key:
            return entity.key
        same_label = self.by_label.get((entity.kind, normalize(entity.label)), set())
        if len(same_label) == 1:
            return next(iter(same_label))
        if entity.kind != PERSON:
            return None
        words = _name_parts(entity.label)
        if not words:
            return None
        candidates = self.by_surname.get(words[-1], set())
        if len(words) > 1:  # a full name: same surname, a first name spelt alike, and no other name apart
            candidates = {k for k in candidates for known in [_name_parts(self.by_key[k].label)]
                          if _alike_given_names(known[0], words[0]) and _other_names_agree(known[1:], words[1:])}
        return next(iter(candidates)) if len(candidates) == 1 else None

    def reconcile(self, extraction: Extraction) -> Extraction:
        """The extraction with its entities renamed to the known entities they clearly denote."""
        mapping: dict[str, str] = {}
        merged: dict[str, Entity] = {}
        for entity in extraction.entities:
            target = self.match(entity)
            key = target or entity.key
            if target and target != entity.key:
                mapping[entity.key] = target
            known = self.by_key.get(key)
            label = known.label if known else entity.label
            kind = known.kind if known else entity.kind
            previous = merged.get(key)
            aliases = set(entity.aliases) | {entity.label}
            mentions = set(entity.mentions)
            if previous is not None:
                aliases |= set(previous.aliases)
                mentions |= set(previous.mentions)
            merged[key] = replace(entity, key=key, label=label, kind=kind, aliases=tuple(sorted(aliases - {label})),
                                  mentions=tuple(sorted(mentions)))
        if not mapping:
            return extraction
        facts = tuple(kind_of(fact).rekeyed(fact, mapping) for fact in extraction.facts)
        return replace(extraction, entities=tuple(merged.values()), facts=_dedupe(facts))


def _name_parts(label: str) -> list[str]:
    """The parts of a person's name in comparison form, a hyphenated surname as one part: "Kofi Asante-Boateng"
    is not found by "Boateng", another family's name."""
    return [part for word in label.split() for part in [normalize(word).replace(" ", "-")] if part]


def _alike_given_names(known: str, new: str) -> bool:
    """Whether two first names may be one person's: the same, an initial of the other, or two spellings of one
    name ("Sergei"/"Sergey"), not two names with one initial ("Ali"/"Abdullahi"); two short names only when
    they are one once transliterated ("Yuri"/"Yury", not "Lin"/"Liang")."""
    if known[:1] != new[:1]:
        return False
    if len(known) == 1 or len(new) == 1:
        return True
    known, new = _one_spelling(known), _one_spelling(new)
    if min(len(known), len(new)) <= SHORT_GIVEN_NAME:
        return known == new
    return SequenceMatcher(None, known, new).ratio() >= ALIKE_GIVEN_NAMES


def _one_spelling(name: str) -> str:
    """A first name with the letters transliterations write in several ways written one way, until it settles
    ("Yuriy": "y" written "i", then "ii" written "i")."""
    previous = None
    while previous != name:
        previous = name
        for written, one_way in SPELLINGS:
            name = name.replace(written, one_way)
    return name


def _other_names_agree(known: list[str], new: list[str]) -> bool:
    """Whether the names after the first of two full names may be one person's: those of the shorter all in the
    longer ("Mike Sonko Kioko" in "Mike Sonko Gidion Mbuvi Kioko"), not two people who share a surname
    ("Rolando Aguilar Mejia" and "Rolando Enrique Funes Aguilar")."""
    shorter, longer = sorted((known, new), key=len)
    return set(shorter) <= set(longer)


def _dedupe(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    return tuple(merge_facts(list(facts)))
