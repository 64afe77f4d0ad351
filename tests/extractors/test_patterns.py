"""The dependency-pattern registry: every pattern finds the fact of each of its own example sentences,
a malformed entry is refused with its file and name, and the matchers read sentence copies that carry
what the patterns read."""

from __future__ import annotations

import json

import pytest

from kg.extractors.patterns import KINDS, _copy_of, _read_entry, load_patterns
from kg.model import RoleFact, SanctionFact
from tests.extractors.conftest import labels

EXAMPLES = [(pattern, example) for kind in KINDS for pattern in load_patterns(kind) for example in pattern.examples]


@pytest.mark.model
@pytest.mark.parametrize(("pattern", "example"), EXAMPLES, ids=[f"{p.rule}:{e.text[:30]}" for p, e in EXAMPLES])
def test_pattern_finds_its_example(run, pattern, example) -> None:
    extraction = run(example.text, published="2024-05-06")
    names = labels(extraction)
    told = [f for f in extraction.facts if f.evidence[0].extractor == pattern.rule]
    if pattern.kind == "role":
        found = {(names[f.person], f.role, names.get(f.org) if f.org else None, f.qualifier)
                 for f in told if isinstance(f, RoleFact)}
        expected = (example.fact["person"], example.fact["role"], example.fact["org"], example.fact["qualifier"])
    else:
        found = {(names[f.authority], names[f.target]) for f in told if isinstance(f, SanctionFact)}
        expected = (example.fact["authority"], example.fact["target"])
    assert expected in found, found


def test_every_pattern_has_a_unique_name_and_fills_its_slots() -> None:
    for kind in KINDS:
        names = [p.name for p in load_patterns(kind)]
        assert len(names) == len(set(names)), names
        needed = {"role": [{"person", "post"}, {"person", "verb", "org"}], "sanction": [{"action"}]}[kind]
        assert all(any(slots <= set(p.slots) for slots in needed) for p in load_patterns(kind))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"slots": ["person", "title"]}, "slots"),
        ({"examples": []}, "at least two example sentences"),
        ({"colour": "red"}, r"unknown \['colour'\]"),
        ({"titles": {"lead": "leader"}}, "fills the slots verb and org"),
        ({"pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["@no_such_list"]}}},
                      {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "person", "RIGHT_ATTRS": {}},
                      {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "post", "RIGHT_ATTRS": {}}]},
         "no word list 'no_such_list'"),
        ({"pattern": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"ENT_TYPE": "PERSON"}},
                      {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "person", "RIGHT_ATTRS": {}},
                      {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "post", "RIGHT_ATTRS": {}}]},
         r"copies of sentences hold no \['ENT_TYPE'\]"),
    ],
)
def test_malformed_entry_is_refused_with_its_place(change, message) -> None:
    entry = json.loads(json.dumps({k: v for k, v in vars(load_patterns("role")[0]).items() if k in (
        "name", "about", "confidence", "slots", "qualifier")}))
    entry["pattern"] = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {}},
                        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "person", "RIGHT_ATTRS": {}},
                        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "post", "RIGHT_ATTRS": {}}]
    entry["examples"] = [{"text": "a"}, {"text": "b"}]
    entry.update(change)
    with pytest.raises(ValueError, match=message) as err:
        _read_entry(entry, "role", "role_patterns.json, entry 1")
    assert "role_patterns.json, entry 1" in str(err.value)


@pytest.mark.model
def test_sentence_copy_carries_what_the_patterns_read(nlp) -> None:
    doc = nlp("Jane Roe, who heads the agency, resigned as minister. The ministry sanctioned Acme Shipping LLC.")

    def read(copy):
        return [(t.text_with_ws, t.head.i, t.dep_, t.pos_, t.tag_, t.lemma_, t.lower_) for t in copy]

    for span in [*doc.sents, doc[2:6]]:  # doc[2:6]: words that hang on words outside it, rewired
        assert read(_copy_of(span)) == read(span.as_doc())
