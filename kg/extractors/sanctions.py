"""Sanction facts: who imposed sanctions on (or designated) whom, and when."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.dates import resolve_date
from kg.extractors.entities import EntityTable
from kg.extractors.evidence import make_evidence
from kg.model import COUNTRY, GOVERNMENT_BODY, PERSON, DateValue, Document, Evidence, SanctionFact

SANCTION_VERBS = {"sanction", "designate", "blacklist"}
IMPOSE_VERBS = {"impose", "announce", "levy", "slap", "place", "implement", "expand"}
SANCTION_NOUNS = {"sanction", "sanctions"}
TARGET_PREPOSITIONS = {"on", "against"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they"}
PROGRAM_WORDS = ("Executive Order", "E.O.")
# More specific authorities win when several name the same action: a ministry over its country.
SPECIFICITY = {GOVERNMENT_BODY: 3, PERSON: 2, COUNTRY: 1}


@dataclass
class _Action:
    authority: str | None
    targets: list[str]
    evidence: Evidence
    date: DateValue | None
    program: str | None = None
    refers_back: bool = False  # "imposed the sanctions": the action told about before
    extra: list[str] = field(default_factory=list)


def extract_sanctions(
    doc: Doc, table: EntityTable, document: Document, sentences: list[Span]
) -> tuple[list[SanctionFact], int]:
    """Sanction facts, one per (authority, target), and the count of sentences that could not be read."""
    actions: list[_Action] = []
    skipped = 0
    for sent in sentences:
        for token in sent:
            action = _read_action(token, sent, table, document)
            if action is None:
                continue
            if action.authority is None and not action.targets:
                skipped += 1
                continue
            actions.append(action)
    return _to_facts(actions, table), skipped


def _read_action(token: Token, sent: Span, table: EntityTable, document: Document) -> _Action | None:
    lemma = token.lemma_.lower()
    subject: Token | None = None
    targets: list[Token] = []
    refers_back = False
    if token.pos_ == "VERB" and lemma in SANCTION_VERBS:
        subject = _subject(token)
        targets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ == "acl" and table.key_at(token.head) is None:
            targets = [c for c in token.children if c.dep_ == "dobj"]
    elif token.pos_ == "VERB" and lemma in IMPOSE_VERBS:
        objects = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in SANCTION_NOUNS]
        if not objects:
            return None
        subject = _subject(token)
        targets = _targets_of_noun(objects[0])
        refers_back = any(c.lower_ in ("the", "these", "those") for c in objects[0].children)
    elif token.lower_ == "sanctions" and token.pos_ == "NOUN" and token.dep_ != "dobj":
        targets = _targets_of_noun(token)
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        subject = next((m for m in modifiers if table.key_at(m) or table.country_of_word(m)), None)
        if not targets:
            return None
    else:
        return None
    authority = _authority(subject, sent, table) if subject is not None else None
    keys = []
    for target in _expand(targets):
        key = table.key_at(target)
        if key and key != authority and key not in keys:
            keys.append(key)
    refers_back = refers_back and not keys
    if not keys and not refers_back:
        return None
    evidence = make_evidence(sent, document, f"sanctions.{lemma}", 0.8 if keys else 0.6)
    return _Action(authority, keys, evidence, _sentence_date(sent, document), _program(sent), refers_back)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _targets_of_noun(noun: Token) -> list[Token]:
    """ "sanctions on X", "sanctions against X", "sanctions targeting X"."""
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            found += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.lemma_ in ("target", "hit"):
            found += [c for c in child.children if c.dep_ == "dobj"]
    head = noun.head
    if noun.dep_ == "dobj" and not found:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
                found += [c for c in child.children if c.dep_ == "pobj"]
    return found


def _expand(tokens: list[Token]) -> list[Token]:
    """Targets with their coordinated and appositive names: "companies, Rosneft and Lukoil"."""
    out: list[Token] = []
    for token in tokens:
        group = [token, *token.conjuncts]
        for member in group:
            appositions = [c for c in member.children if c.dep_ == "appos"]
            if appositions:
                for apposition in appositions:
                    out += [apposition, *apposition.conjuncts]
            elif member.pos_ in ("PROPN", "NOUN"):
                out.append(member)
    return out


def _authority(subject: Token, sent: Span, table: EntityTable) -> str | None:
    key = table.key_at(subject)
    if key:
        return key
    country = table.country_of_word(subject)
    if country:
        return country
    pronoun = subject.lower_
    if pronoun in PERSON_PRONOUNS | GROUP_PRONOUNS:
        wanted = {PERSON} if pronoun in PERSON_PRONOUNS else None
        return _antecedent(subject, table, wanted)
    return None


def _antecedent(pronoun: Token, table: EntityTable, kinds: set[str] | None) -> str | None:
    """The nearest entity before a pronoun, preferring sentence subjects, of the wanted kinds."""
    doc = pronoun.doc
    start = max(pronoun.sent.start - 200, 0)
    fallback = None
    for i in range(pronoun.i - 1, start - 1, -1):
        key = table.key_at(i)
        if not key:
            continue
        kind = table.kind(key)
        if kinds is not None and kind not in kinds:
            continue
        if kinds is None and kind == PERSON:
            continue
        if doc[i].dep_ in ("nsubj", "nsubjpass"):
            return key
        fallback = fallback or key
    return fallback


def _sentence_date(sent: Span, document: Document) -> DateValue | None:
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        before = sent.doc[ent.start - 1] if ent.start > sent.start else None
        phrase = f"{before.text} {ent.text}" if before is not None and before.lower_ in ("on", "in") else ent.text
        value = resolve_date(phrase, document.published)
        if value is not None:
            return value
    return None


def _program(sent: Span) -> str | None:
    text = sent.text
    for word in PROGRAM_WORDS:
        at = text.find(word)
        if at >= 0:
            rest = text[at + len(word) :].split()
            number = rest[0].strip(".,;()") if rest else ""
            return f"Executive Order {number}" if number.isdigit() else None
    return None


def _to_facts(actions: list[_Action], table: EntityTable) -> list[SanctionFact]:
    by_target: dict[str, list[tuple[str, _Action]]] = {}
    for number, action in enumerate(actions):
        targets = action.targets
        if action.refers_back:  # the sanctions told about before, now with their authority or date
            targets = [t for earlier in actions[:number] for t in earlier.targets]
        for target in targets:
            if action.authority:
                by_target.setdefault(target, []).append((action.authority, action))
    facts = []
    for target, claims in by_target.items():
        best = max(SPECIFICITY.get(table.kind(a), 2) for a, _ in claims)
        authorities = {a for a, _ in claims if SPECIFICITY.get(table.kind(a), 2) == best}
        for authority in sorted(authorities, key=lambda a: [a for a, _ in claims].index(a)):
            related = [act for _, act in claims]
            date = next((act.date for act in related if act.date and act.date.value), None)
            date = date or next((act.date for act in related if act.date), None)
            program = next((act.program for act in related if act.program), None)
            evidence = tuple(dict.fromkeys(act.evidence for act in related))
            facts.append(SanctionFact(authority, target, evidence, date, program))
    return facts
