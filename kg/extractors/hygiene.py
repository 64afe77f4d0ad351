"""Entity hygiene: which names the model tagged are no things of their type, and what they are instead.

Types are given by evidence, not by the model's label alone:

Word lists are data: kg/data/non_entities.tsv (patterns of names) and kg/data/hygiene_words.tsv.

- a name listed in kg/data/non_entities.tsv (vehicles, rooms, weapons, beliefs, common words, names of
  happenings or documents: "47th ASEAN Summit", "Abraham Accords", "State Funeral", names cut short before
  their object: "Presidential Delegation to", and titles: "Minister of Trade and Industry") is dropped (a
  person's name ending like a happening, "Oleg Summit", is kept);
- a headline join is dropped: two countries or people run together ("Trump-Putin", "U.S.-Turkey"),
  a country before a preposition ("Iceland on Arctic"), a headline with its verb ("Trump Announces
  Presidential Delegation");
- a nationality adjective used as a word ("Ukrainian") is dropped;
- a bare head noun ("Commission", "Court") is the organization the article names in full ("European
  Commission") when it names exactly one such; without one, it names nothing in particular and is dropped;
- a name ending with a word of a region ("Zaporizhzhia Oblast") is a place, and one ending in "bank"
  ("Gazprombank") an organization, whatever the model said; an "organization" told of by "who" is a person;
- a place written in capitals in a dateline ("MOSCOW —") keeps its ordinary spelling ("Moscow");
- a body's name that runs on to a known town or country ("Presidential Delegation to Accra") is that place.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extractors.lexicon import DATA_DIR, Lexicon, word_list


def _hygiene_words() -> dict[str, frozenset[str]]:
    """The named word lists of kg/data/hygiene_words.tsv."""
    rows = [line.split("\t") for line in (DATA_DIR / "hygiene_words.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {name: frozenset(words.split("|")) for name, words in rows}


HYPHENS = re.compile(r"[-\u2010-\u2015]")
_WORDS = _hygiene_words()
BARE_HEADS = word_list("government_words") | _WORDS["bare_heads"]
REGION_WORDS = _WORDS["region_words"]
JOINING_WORDS = _WORDS["joining_words"]
LEGAL_FORMS = word_list("legal_forms")
BANK_ENDINGS = tuple(_WORDS["bank_endings"])
HEADLINE_VERB_TAGS = {"VBZ", "VBD"}
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")  # "SADC", "G8": an organization's letters, not a person's name


@lru_cache(maxsize=1)
def non_entity_names() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(what it is, pattern) of each row of kg/data/non_entities.tsv."""
    rows = []
    for line in (DATA_DIR / "non_entities.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            what, pattern = line.split("\t")
            rows.append((what, re.compile(pattern, re.IGNORECASE)))
    return tuple(rows)


def what_it_is(name: str) -> str | None:
    """What a listed non-entity name is ("vehicle", "room", "event", ...), or None for a name not listed."""
    return next((what for what, pattern in non_entity_names() if pattern.fullmatch(name)), None)


def ordinary_spelling(name: str, lexicon: Lexicon) -> str:
    """A known place written in capitals ("MOSCOW", "NEW YORK") in its ordinary spelling; other names unchanged."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 4 or not name.isupper() or not (lexicon.city_country(name) or lexicon.country(name)):
        return name
    return string.capwords(name.lower())


def is_headline_join(span: Span, lexicon: Lexicon, people: dict[str, str]) -> bool:
    """Two countries or people run together ("Trump-Putin"), a country before a preposition ("Iceland on
    Arctic"), or a headline with its verb ("Trump Announces Presidential Delegation")."""
    if lexicon.organization(span.text):
        return False
    parts = [p.strip() for p in HYPHENS.split(span[0].text if len(span) > 1 and "-" in span[0].text else span.text)]
    parts = [p for p in parts if p]
    if len(parts) > 1:
        named = [bool(lexicon.country(p) or lexicon.demonym(p.split()[0]) or p.split()[0] in people) for p in parts]
        if all(named[:2]):
            return True
        if len(parts) == 2 and any(named) and all(p[:1].isupper() and " " not in p for p in parts):
            return True  # "Trump-Putin" where only Trump is named in full
    if len(span) > 2 and lexicon.country(span[0].text) and span[1].lower_ in JOINING_WORDS:
        return True
    return any(t.tag_ in HEADLINE_VERB_TAGS and t.text[:1].isupper() for t in span[1:])


def _label_by_evidence(span: Span, lexicon: Lexicon, people: dict[str, str]) -> str:
    """The NER label the words of a name and the article support, when they contradict the model's."""
    text, label = span.text, span.label_
    if label in ("PERSON", "ORG") and len(span) > 1 and span[-1].lower_ in REGION_WORDS:
        return "GPE"  # "Zaporizhzhia Oblast"
    if label == "PERSON" and len(span) == 1 and (span[0].lower_.endswith(BANK_ENDINGS) or ACRONYM.fullmatch(text)):
        return "ORG"  # "Gazprombank", "SADC"
    if label in ("ORG", "GPE", "LOC") and text in people:
        return "PERSON"  # "Haralampiev" beside "Pavel Haralampiev"
    if label == "ORG" and len(span) > 1 and _told_as_someone(span) and span.root.dep_ != "pobj" \
            and not any(lexicon.org_word(t.text) for t in span):  # ("the judge of the X Court, who jailed")
        return "PERSON"  # "Teodoro Mendizabal Arce, who served as foreign minister, died"
    return label


def _told_as_someone(span: Span) -> bool:
    """Whether a name is told of by a clause on a person: "X, who served as ...", "X, whom ..."."""
    return any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") and w.dep_ in ("nsubj", "nsubjpass", "dobj")
                                         for w in c.children) for c in span.root.children)


def _destination_within(span: Span, lexicon: Lexicon) -> Span | None:
    """The known town or country an organization's name runs on to after "to" ("Presidential Delegation to
    Accra"), as a place of its own; None when there is none."""
    if span.label_ != "ORG":
        return None
    to = next((t.i for t in span[1:-1] if t.lower_ == "to"), None)
    if to is None:
        return None
    place = span.doc[to + 1 : span.end]
    known = lexicon.country(place.text) or lexicon.city_country(place.text)
    return Span(span.doc, place.start, place.end, label="GPE") if known else None


def clean_spans(doc: Doc, spans: list[Span], lexicon: Lexicon,
                people: dict[str, str]) -> tuple[list[Span], dict[str, Span], set[str]]:
    """The spans that name things, retyped by evidence; the bare head nouns -> the full name they stand for;
    and the texts of the spans dropped or retyped from a person (no part of them is a person's name).

    `people` maps the name parts and full names of the article's people to their full names.
    """
    kept: list[Span] = []
    dropped: set[str] = set()
    not_people: set[str] = set()
    heads: dict[str, Span] = {}
    full_orgs: dict[str, list[Span]] = {}
    for span in spans:
        if span.label_ == "ORG" and len(span) > 1 and span[-1].lower_ in BARE_HEADS:
            full_orgs.setdefault(span[-1].lower_, []).append(span)
    for span in spans:
        text = span.text
        if lexicon.organization(text) or lexicon.country(text):
            kept.append(span)
            continue
        what = what_it_is(text)
        if what == "event" and span.label_ == "PERSON":
            what = None  # "Oleg Summit" is a man
        if what or is_headline_join(span, lexicon, people):
            dropped.add(text)
            continue
        if lexicon.demonym(text) and len(span) == 1:
            dropped.add(text)
            continue  # "Ukrainian": a nationality used as a word
        if len(span) == 1 and span.label_ == "ORG" and span[0].lower_ in BARE_HEADS:
            fulls = {s.text: s for s in full_orgs.get(span[0].lower_, [])}
            if len(fulls) == 1:
                heads[text] = next(iter(fulls.values()))
                kept.append(span)
            else:
                dropped.add(text)  # "Commission" alone, with no full name in the article: no thing in particular
            continue
        if span.label_ == "ORG" and "," in text and not legal_form_comma(text):
            dropped.add(text)
            continue  # "Development, Global Health": pieces of a list or of a longer name
        destination = _destination_within(span, lexicon)
        if destination is not None:
            dropped.add(text)
            kept.append(destination)  # "Presidential Delegation to Accra": the town, not a body
            continue
        retyped = Span(doc, span.start, span.end, label=_label_by_evidence(span, lexicon, people))
        if span.label_ == "PERSON" != retyped.label_:
            not_people.add(text)
        kept.append(retyped)
    last_words = {text.split()[-1] for text in dropped if " " in text}  # "Foudre" later for "La Foudre"
    dropped |= {span.text for span in kept if len(span) == 1 and span.text in last_words}
    return [span for span in kept if span.text not in dropped], heads, dropped | not_people


def legal_form_comma(text: str) -> bool:
    """Whether the only commas of a name come before a legal form: "Diamond Bay Resort Co., Ltd.", "Mariscos
    del Golfo, S. de R.L. de C.V." (an abbreviation that a legal form ends)."""
    def legal_form(words: list[str]) -> bool:
        return bool(words) and (words[0].rstrip(".").lower() in LEGAL_FORMS or words[0].endswith(".")
                                and words[-1].rstrip(".").lower() in LEGAL_FORMS)
    return all(legal_form(part.split()) for part in text.split(",")[1:])
