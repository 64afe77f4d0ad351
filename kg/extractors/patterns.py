"""The registry of dependency patterns: each construction that tells a fact is one named entry of a
data file, `kg/data/<kind>_patterns.json`, matched with spaCy's DependencyMatcher.

An entry names the construction, says what it reads, gives the confidence of what it finds, the
slots it fills (nodes of its pattern that the extractor reads: "person" and "post" of a role, with "org" for
the body when the post names none, or "person", "verb" and "org" with a table of the title each verb gives;
"action" of a sanction), an optional
qualifier ("former" for "resigned as"), and its own example sentences with the fact each must
give (tests/extractors/test_patterns.py runs every one). In a pattern's token attributes,
`{"IN": ["@serving_verbs"]}` stands for the words of that list in kg/data/words.tsv, so a word list
lives in one place. Each pattern's matcher is built once per vocabulary.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.extractors.lexicon import DATA_DIR, word_list

KINDS = ("role", "sanction")
FIELDS = {"name", "about", "confidence", "slots", "qualifier", "titles", "pattern", "examples"}
OPTIONAL_FIELDS = {"qualifier", "titles"}
LIST_MARK = "@"
# What a pattern's nodes may read: the attributes a sentence's copy carries (`_copy_of`), and those of its words.
COPIED_ATTRS = (POS, TAG, LEMMA, DEP, HEAD)
NODE_ATTRS = {"POS", "TAG", "LEMMA", "DEP", "LOWER", "ORTH", "TEXT"}


@dataclass(frozen=True)
class Example:
    """A sentence of the team's own and the fact the pattern must find in it."""

    text: str
    fact: dict[str, str | None]  # "person", "role", "org", "qualifier" of a role; "authority", "target" of a sanction


@dataclass(frozen=True)
class DependencyPattern:
    """One construction: "a person who serves as a post"."""

    kind: str
    name: str
    about: str
    confidence: float
    slots: tuple[str, ...]
    qualifier: str | None
    pattern: tuple[dict[str, Any], ...]  # DependencyMatcher nodes, word lists expanded
    examples: tuple[Example, ...]
    titles: tuple[tuple[str, str], ...]  # (verb, title it gives): ("lead", "leader"), when a verb tells the post

    def title_of(self, verb: Token) -> str | None:
        """The title a verb of this pattern gives: "leader" for "leads"."""
        return dict(self.titles).get(verb.lemma_.lower())

    @property
    def rule(self) -> str:
        """The name `kg eval --by-rule` shows: "roles.served_as"."""
        return f"{self.kind}s.{self.name}"


@cache
def load_patterns(kind: str) -> tuple[DependencyPattern, ...]:
    """The patterns of one fact kind, read from kg/data/<kind>_patterns.json.

    Raises: ValueError naming the file and the entry when an entry is malformed.
    """
    if kind not in KINDS:
        raise ValueError(f"no patterns for fact kind {kind!r}: known kinds are {', '.join(KINDS)}")
    path = DATA_DIR / f"{kind}_patterns.json"
    entries = json.loads(path.read_text(encoding="utf-8"))
    return tuple(_read_entry(entry, kind, f"{path.name}, entry {number}") for number, entry in enumerate(entries, 1))


def _read_entry(entry: dict[str, Any], kind: str, where: str) -> DependencyPattern:
    missing = FIELDS - OPTIONAL_FIELDS - entry.keys()
    unknown = entry.keys() - FIELDS
    if missing or unknown:
        raise ValueError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    ids = [node.get("RIGHT_ID") for node in entry["pattern"]]
    if not set(entry["slots"]) <= set(ids):
        raise ValueError(f"{where} ({entry['name']}): slots {entry['slots']} are not all nodes of {ids}")
    if "titles" in entry and not {"verb", "org"} <= set(entry["slots"]):
        raise ValueError(f"{where} ({entry['name']}): a pattern with titles fills the slots verb and org")
    unread = {attr for node in entry["pattern"] for attr in node.get("RIGHT_ATTRS", {})} - NODE_ATTRS
    if unread:
        raise ValueError(f"{where} ({entry['name']}): the matchers' copies of sentences hold no {sorted(unread)}")
    if len(entry["examples"]) < 2:
        raise ValueError(f"{where} ({entry['name']}): give at least two example sentences")
    pattern = tuple(_expanded(node, where) for node in entry["pattern"])
    examples = tuple(Example(e["text"], {k: v for k, v in e.items() if k != "text"}) for e in entry["examples"])
    return DependencyPattern(kind, entry["name"], entry["about"], float(entry["confidence"]),
                             tuple(entry["slots"]), entry.get("qualifier"), pattern, examples,
                             tuple(sorted(entry.get("titles", {}).items())))


def _expanded(node: dict[str, Any], where: str) -> dict[str, Any]:
    """A pattern node with each "@list" replaced by the words of that list."""
    def words(values: list[str]) -> list[str]:
        out: list[str] = []
        for value in values:
            if value.startswith(LIST_MARK):
                try:
                    out += sorted(word_list(value[1:]))
                except KeyError as err:
                    raise ValueError(f"{where}: no word list {value[1:]!r} in words.tsv") from err
            else:
                out.append(value)
        return out

    attrs = {key: ({op: words(v) if isinstance(v, list) else v for op, v in value.items()}
                   if isinstance(value, dict) else value)
             for key, value in node.get("RIGHT_ATTRS", {}).items()}
    return {**node, "RIGHT_ATTRS": attrs}


_MATCHERS: dict[tuple[int, str, str], tuple[Vocab, DependencyMatcher]] = {}


def make_matcher(vocab: Vocab, pattern: DependencyPattern) -> DependencyMatcher:
    """The DependencyMatcher of one pattern for one vocabulary, built on first use."""
    key = (id(vocab), pattern.kind, pattern.name)
    if key not in _MATCHERS or _MATCHERS[key][0] is not vocab:
        matcher = DependencyMatcher(vocab)
        matcher.add(pattern.name, [list(pattern.pattern)])
        _MATCHERS[key] = (vocab, matcher)
    return _MATCHERS[key][1]


def iter_matches(sentences: list[Span], kind: str) -> Iterator[tuple[DependencyPattern, dict[str, Token]]]:
    """Each match of a kind's patterns in the sentences of an article: the pattern and its slots' tokens.

    A dependency tree lies within one sentence, so matching runs sentence by sentence, and a pattern is
    tried only on a sentence that holds the words each of its word-bound nodes asks for ("served ... as"):
    most sentences hold none, and a matcher's cost grows with every token and every node it reads. Each
    pattern has its own matcher, so a sentence pays only for the patterns it may match."""
    patterns = load_patterns(kind)
    cues, any_cue = _cues(kind), _any_cue(kind)
    for sent in sentences:
        doc = sent.doc
        words = _words_of(sent)
        if any_cue is not None and any_cue.isdisjoint(words):
            continue  # (most sentences: no pattern of the kind is tried, and none is read one by one)
        candidates = [p for p, pattern_cues in zip(patterns, cues, strict=True)
                      if all(not cue.isdisjoint(words) for cue in pattern_cues)]
        if not candidates:
            continue
        sentence = _copy_of(sent)  # one copy of the sentence for all its candidate patterns, of both kinds
        for pattern in candidates:
            for _, token_ids in make_matcher(doc.vocab, pattern)(sentence):
                nodes = {node["RIGHT_ID"]: doc[sent.start + i]
                         for node, i in zip(pattern.pattern, token_ids, strict=True)}
                yield pattern, {slot: nodes[slot] for slot in pattern.slots}


# The Doc last read, its lowercase forms and lemmas, and its sentences' words, by (start, end).
_last_words: tuple[Doc, list[str], list[str], dict[tuple[int, int], frozenset[str]]] | None = None
# The Doc last read, its words and copied attributes (a row a token), and its sentences' copies, by start.
_last_copies: tuple[Doc, Any, dict[int, Doc]] | None = None


def _copy_of(sent: Span) -> Doc:
    """A sentence as a Doc of its own, which the matchers read; made once per sentence of the Doc last read,
    from one array of the Doc's words and of the attributes the patterns read (`Span.as_doc` copies every
    attribute and builds a Token for each word, which costs more than the matching). A sentence with a word
    that hangs on a word outside it (which the parse does not make) is copied by `as_doc`, which rewires it."""
    global _last_copies
    doc = sent.doc
    if _last_copies is None or _last_copies[0] is not doc:
        _last_copies = (doc, doc.to_array([ORTH, SPACY, *COPIED_ATTRS]), {})
    _, rows, copies = _last_copies
    if sent.start not in copies:
        part = rows[sent.start : sent.end]
        offsets = part[:, -1].view("int64").tolist()  # HEAD: an offset to the head, stored unsigned
        if not all(0 <= i + offset < len(part) for i, offset in enumerate(offsets)):
            copies[sent.start] = sent.as_doc()
        else:
            strings = doc.vocab.strings
            copy = Doc(doc.vocab, words=[strings[orth] for orth in part[:, 0].tolist()],
                       spaces=[bool(space) for space in part[:, 1].tolist()])
            copies[sent.start] = copy.from_array(list(COPIED_ATTRS), part[:, 2:])
    return copies[sent.start]


def _words_of(sent: Span) -> frozenset[str]:
    """The lowercase forms and lemmas of a sentence's words, read from arrays once per Doc (building a
    Token for each word of every sentence costs more than the matching), and gathered once per sentence
    of the Doc last read (each kind's patterns read every sentence)."""
    global _last_words
    doc = sent.doc
    if _last_words is None or _last_words[0] is not doc:
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, LEMMA]).tolist()
        _last_words = (doc, [strings[row[0]] for row in rows], [strings[row[1]].lower() for row in rows], {})
    _, lowers, lemmas, sentences = _last_words
    bounds = (sent.start, sent.end)
    if bounds not in sentences:
        sentences[bounds] = frozenset((*lowers[sent.start : sent.end], *lemmas[sent.start : sent.end]))
    return sentences[bounds]


def _cue_words(value: Any) -> frozenset[str] | None:
    """The words, in lower case, that a node's LEMMA or LOWER value accepts; None when it is bound to none."""
    if isinstance(value, str):
        return frozenset({value.lower()})
    if isinstance(value, dict) and "IN" in value:
        return frozenset(v.lower() for v in value["IN"])
    return None


@cache
def _cues(kind: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """For each pattern of a kind, and each of its nodes bound to words (LEMMA or LOWER), the words the
    node accepts."""
    def node_cues(pattern: DependencyPattern) -> tuple[frozenset[str], ...]:
        found = []
        for node in pattern.pattern:
            for attr in ("LEMMA", "LOWER"):
                words = _cue_words(node["RIGHT_ATTRS"].get(attr))
                if words is not None:
                    found.append(words)
        return tuple(found)

    return tuple(node_cues(pattern) for pattern in load_patterns(kind))


@cache
def _any_cue(kind: str) -> frozenset[str] | None:
    """The words a sentence holds one of when any pattern of a kind may match it: for each pattern, the
    words one of its nodes accepts, a node bound by its lemma when it has one (a verb or a noun, rarer
    words than the prepositions bound by their form, "as", "of"); None when a pattern has no node bound to
    words, and so may match any sentence."""
    chosen = []
    for pattern, pattern_cues in zip(load_patterns(kind), _cues(kind), strict=True):
        if not pattern_cues:
            return None
        lemmas = [words for node in pattern.pattern
                  if (words := _cue_words(node["RIGHT_ATTRS"].get("LEMMA"))) is not None]
        chosen.append(lemmas[0] if lemmas else pattern_cues[0])
    return frozenset().union(*chosen)
