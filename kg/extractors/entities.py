"""Finds the named entities of one parsed document and resolves their mentions to one key each.

"Russian President Vladimir Putin" and a later "Putin" become one Person; "US",
"U.S." and "United States" one Country (kg/data/countries.tsv); spaCy label
mistakes are fixed by context when it is clear (a surname tagged ORG, a news
outlet tagged PERSON).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extractors.hygiene import clean_spans, legal_form_comma, ordinary_spelling
from kg.extractors.lexicon import Lexicon, normalize, word_list
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
# Labels the small model gives to invented company names ("Caspia Petroleum Trading" as WORK_OF_ART):
# read as organizations only when the name ends in an organization word of kg/data/org_words.tsv.
MISLABELS = {"WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "NORP", "PERSON", "GPE", "LOC", "FAC"}
INITIAL = re.compile(r"[A-Z]\.?")
NEARBY_WORDS = {"near", "outside"}  # "X near Y": where X is, told after its name; no word of a name
APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]?['’][A-Z][a-z]+")  # "O'Neal", "D'Souza"
NAME_BREAKERS = {"the", "of", "and", "for", "on", "in", "at", "said", "says", "told",
                 "journal", "gazette", "bulletin", "register"}  # "the Official Journal": a publication
MAX_NAME_WORDS = 5
APOSTROPHES = {"'", "\u2019", "\u2018"}
HONORIFIC_TITLES = word_list("honorific_titles")
POST_NOMINALS = {word.upper() for word in word_list("post_nominals")}
MAX_PORTFOLIO_WORDS = 6  # "Minister of [Foreign Affairs, Migration and Tunisians Abroad]"
POSSESSIVE_MARKS = ("'s", "\u2019s", "'", "\u2019")
RANK_ABBREVIATIONS = word_list("rank_abbreviations")
LEGAL_FORMS = word_list("legal_forms")
NAME_PARTICLES = word_list("name_particles")
QUALIFIERS = word_list("qualifiers")
MEDIA_CUES = word_list("media_cues")
GROUP_NOUNS = word_list("group_nouns")
GROUP_ARTICLES = word_list("group_articles")
OPENING_QUOTES = {"\u201c", '"', "'", "\u2018"}
CLOSING_QUOTES = {"\u201d", '"', "'", "\u2019"}
GIVEN_NAMES = 2  # untagged first names joined to a tagged name: "Ana Lucía" of "Ana Lucía Ferrada Soto"
NAME_WORD_POS = {"PROPN", "NOUN", "VERB", "ADJ"}  # the parts of speech the model gives the words of a firm's name
GOVERNMENT_WORDS = word_list("government_words")
COMPANY_WORDS = word_list("company_words")
COMPANY_NOUNS = word_list("company_nouns")
BUSINESS_TITLE_STARTS = word_list("business_title_starts")
BUSINESS_TITLE_WORDS = word_list("business_title_words")
BUSINESS_TITLE_LENGTH = 5  # "chairman and chief executive officer"
NATIONAL_HEADS = word_list("national_heads")  # "President of the Kyrgyz Republic X": a country's own title
ENVOY_TITLES = {"ambassador", "envoy"}  # "Ambassador to Bangladesh X": an envoy's title names the host country
LOCAL_TITLE_STARTS = word_list("local_title_starts")
TEAM_TITLE_STARTS = word_list("team_title_starts")
PORTFOLIO_HEADS = word_list("portfolio_heads")  # "Interior Minister": heads written after their portfolio too
PERSONAL_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"}  # a person's alone
APPOINTING_VERBS = word_list("appointing_verbs")
APPOINTMENT_NOUNS = {"appointment", "nomination", "election", "confirmation", "selection"}  # "the X of Y as Z"
LOCALITY_NOUNS = word_list("locality_nouns")
NAME_PARTS = ("PROPN", "ADJ", "NOUN")  # the parts of speech the tagger gives a name's words it does not know
LEADING_WORDS = {"the", "a", "an"}
PLACE_NOUNS = word_list("place_nouns")
NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY")  # the model's entity types that name nothing
SETTLEMENT_NOUNS = word_list("settlement_nouns")
SITE_NOUNS = word_list("site_nouns")
SEAT_HOLDERS = word_list("seat_holders")
BODY_APPOSITIVES = word_list("body_appositives")
VESSEL_NOUNS = word_list("vessel")
PORTFOLIO_WORDS = word_list("portfolio_words")
REGION_NOUNS = word_list("region_nouns")
PORTFOLIO_HEADS = word_list("portfolio_heads")
PEERAGE_TITLES = word_list("peerage_titles")
# verbs whose "to X" goes to a town of the gazetteer, a wider set than PLACE_GONE_TO's, which makes a place of any
# name the model took for a person: "drove to Jumla"
GOING_VERBS = {"travel", "fly", "go", "head", "return", "drive", "move", "rush", "sail"}
LOCATIVE_PREPOSITIONS = {"in", "near", "outside", "around"}  # before a place: "ambushed outside Garissa"
VISITING_VERBS = word_list("visiting_verbs")
HEADING_VERBS = word_list("heading_verbs")
PLACE_GONE_TO = {("to", "travel"), ("to", "fly"), ("into", "fly"), ("to", "return"), ("to", "head"), ("in", "arrive"),
                 ("in", "land"), ("from", "evacuate")}  # (preposition, verb) before a place gone to or from
LIST_MARKS = word_list("list_marks")
HYPHENS = re.compile(r"[-\u2010-\u2015]")
BRAND_SHAPE = re.compile(r"[A-Z][a-z]{2,}[A-Z][A-Za-z]*")  # "SouthFront", "InfoRos" (not "McAllen")
# The named entities of the Doc last read, as (doc, entities): spaCy builds new Spans on every `doc.ents`.
_last_ents: tuple[Doc | None, tuple[Span, ...]] = (None, ())


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, read once per Doc (an EntityTable reads them afresh when it is built)."""
    global _last_ents
    last = _last_ents
    if last[0] is not doc:
        last = (doc, tuple(doc.ents))
        _last_ents = last
    return last[1]


def ents_within(span: Span) -> list[Span]:
    """`span.ents` (the entities inside a span, up to the first that runs past its end), from `doc_ents`."""
    found = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            found.append(ent)
    return found


@dataclass
class _Record:
    label: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)


class EntityTable:
    """The entities of one document and which tokens mention which entity key."""

    def __init__(self, doc: Doc, lexicon: Lexicon, text: str | None = None) -> None:
        """The entities of `doc`; `text` is `doc.text` when the caller has it (spaCy joins every token to make it)."""
        self.doc = doc
        self.lexicon = lexicon
        # Token objects and their lowercase texts, read from the Doc once: spaCy builds a new Token
        # on every doc[i], which costs more than the rules that read it.
        self.tokens: list[Token] = list(doc)
        self.lowers: list[str] = [t.lower_ for t in self.tokens]
        self.text = doc.text if text is None else text
        global _last_ents
        _last_ents = (doc, tuple(doc.ents))
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

    def add_name(self, start: int, end: int, kind: str) -> str:
        """Register tokens [start, end) as a mention of a new entity of `kind`; returns its key."""
        name = self.doc[start:end].text
        self._add(start, end, name, kind)
        return entity_key(kind, name)

    def shape_kind(self, start: int, end: int) -> str | None:
        """The kind the words of a name signal ("... Shipping": Company), or None."""
        return self._shape_kind(self.doc[start:end])

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

    def text_of(self, start: int, end: int) -> str:
        """The text of tokens [start, end), `doc[start:end].text`, cut from the article's text: a Span builds
        a Token for each of its words to join their texts, which costs more than the lookups it is read for."""
        if start >= end:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx : last.idx + len(last)]

    def entities(self) -> tuple[Entity, ...]:
        """The entities as records, with their aliases and character mentions."""
        return tuple(
            Entity(key, rec.label, rec.kind, tuple(sorted(rec.aliases - {rec.label})), tuple(sorted(rec.mentions)))
            for key, rec in sorted(self.records.items())
        )

    # -- building --------------------------------------------------------------------------------

    def _shape_kind(self, span: Span) -> str | None:
        """The kind a name's last word signals: "... Shipping" a Company, "... Ministry" a GovernmentBody."""
        kind = self.lexicon.org_word(span[-1].text) if span[-1].text[:1].isupper() else None
        if kind is None and any(self.lexicon.org_word(t.text) == GOVERNMENT_BODY for t in span[:-1]):
            if span[0].text[:1].isupper() and len(span) > 1:
                kind = GOVERNMENT_BODY  # "Ministry of Defence", "Department of State"
        return kind

    def _relabel(self, found: Span) -> Span | None:
        """A span whose last word says it is an organization gets the ORG label; None drops it."""
        span = self._without_title(found)
        span = self._without_descriptors(span) if span is not None else None
        cut = next((t.i for t in span if t.text.strip("()") == "--"), None) if span is not None else None
        if cut is not None:  # "Chile--(BUSINESS WIRE": a name ends at a double hyphen
            span = Span(self.doc, span.start, cut, label=span.label_) if cut > span.start else None
        if span is None or all(t.lower_ in HONORIFIC_TITLES for t in span):
            return None  # ("His Majesty" + "King Abdullah": an honorific alone names no one)
        if len(span) == 1 and span[0].lower_ in RANK_ABBREVIATIONS and span.end < len(self.tokens) \
                and self.tokens[span.end].text == ".":
            return None  # "Brig." of "Brig. Gen. X": a rank, no one's name
        text = self.text_of(span.start, span.end)
        if span.label_ in NER_LABELS and (self.lexicon.organization(text) or self.lexicon.country(text)):
            return span
        rest = span[1:]
        if span.label_ != "PERSON" and span[0].lower_ in PERSONAL_HONORIFICS and 1 <= len(rest) <= 3 and all(
                t.is_alpha and t.text.istitle() and not self.lexicon.org_word(t.text) for t in rest):
            return Span(self.doc, span.start, span.end, label="PERSON")  # "Mr Ruto" read as a body: a person
        if self.lexicon.demonym(text):
            return None  # "Bissau-Guinean" tagged as a name: a people's adjective, read as its country where it counts
        if (span.label_ in ("GPE", "LOC", "PERSON") and span.start > 0
                and self.lowers[span.start - 1] in COMPANY_NOUNS | MEDIA_CUES
                and not self.lexicon.known_city(text)):
            return Span(self.doc, span.start, span.end, label="ORG")  # "airline Belavia", "broadcaster X"
        if (span.label_ in ("PERSON", "GPE", "LOC") and len(span) > 1 and self.lowers[span.start] in GROUP_ARTICLES
                and not self.lexicon.known_city(text)):
            return Span(self.doc, span.start, span.end, label="ORG")  # "Los Tiburones": a group (not "Los Angeles")
        kind = self._shape_kind(span) if len(span) > 1 and span.label_ in MISLABELS else None
        if kind in (COMPANY, GOVERNMENT_BODY, ORGANIZATION):
            return Span(self.doc, span.start, span.end, label="ORG")
        if kind == PLACE and span.label_ == "PERSON" and not self._after_title(span):
            return Span(self.doc, span.start, span.end, label="FAC")  # (but "its chief officer, John Park,")
        return span if span.label_ in NER_LABELS else None

    def _without_title(self, span: Span) -> Span | None:
        """A name that runs into a title loses it: "United States Trade" (+ "Representative") -> "United States";
        "Department Spokesperson" and "Shadow Home" (+ "Secretary") are no names at all; a people's word and the
        portfolio of the title after it, "Indian External Affairs" (+ "Minister"), is the people's word."""
        if self.lexicon.organization(self.text_of(span.start, span.end)):
            return span
        for end in range(span.end, min(span.end + 3, len(self.doc)) + 1):
            title_start = title_ending(self.lowers, end, self.lexicon)
            if title_start is None or not (span.start <= title_start < span.end):
                continue
            while title_start > span.start and self.lowers[title_start - 1] in POSSESSIVE_MARKS:
                title_start -= 1  # "[Nepal's Home] Minister X": the country, without its possessive
            prefix = self.doc[span.start : title_start]
            if not prefix or all(self.lexicon.org_word(t.text) == GOVERNMENT_BODY for t in prefix):
                return None
            return Span(self.doc, span.start, title_start, label=span.label_)
        if len(span) > 1 and self.lexicon.demonym(span[0].text) and span.end < len(self.doc) \
                and self.lowers[span.end] in PORTFOLIO_HEADS \
                and not any(self.lexicon.org_word(t.text) for t in span[1:]):
            return Span(self.doc, span.start, span.start + 1, label="NORP")  # "[Indian External Affairs]
            #   Minister X": a people's word, then the portfolio of the title after it
        return span

    def _without_descriptors(self, span: Span) -> Span:
        """A name the model ran together with the people's word and the lower-case words that describe it:
        "the Kyrgyz bank Chui Trade Bank" is "Chui Trade Bank", "the Iranian airline X" is X."""
        i = span.start + (self.lowers[span.start] == "the")
        if i >= span.end or not self.lexicon.demonym(self.tokens[i].text):
            return span
        j = i + 1
        while j < span.end and self.tokens[j].is_lower and self.tokens[j].is_alpha:
            j += 1
        if j == i + 1 or j >= span.end or not self.tokens[j].text[:1].isupper():
            return span
        return Span(self.doc, j, span.end, label=span.label_)

    def _title_names(self) -> list[tuple[int, int, int]]:
        """Names written right after a role title, as (title start, name start, name end) tokens."""
        doc, tokens, size = self.doc, self.tokens, len(self.tokens)
        found = []
        i = 0
        lowers, by_last = self.lowers, self.lexicon.titles_by_last
        while i < size:
            title_start = title_ending(lowers, i + 1, self.lexicon) if lowers[i] in by_last else None
            if title_start is None:
                i += 1
                continue
            if lowers[i] in PORTFOLIO_WORDS:  # "Minister of Energy [and Water Resources] X": the portfolio goes on
                while i + 2 < size and (lowers[i + 1] in ("and", "&") and lowers[i + 2] in PORTFOLIO_WORDS
                                        or lowers[i + 1] in PORTFOLIO_WORDS and tokens[i + 1].text[:1].isupper()):
                    i += 1
            i = self._portfolio_end(i)
            end = self._name_end(i + 1)
            words = doc[i + 1 : end]
            if words and all(t.lower_ in PORTFOLIO_WORDS for t in words):
                words = doc[i + 1 : i + 1]  # "Minister of Climate [Change Adaptation]": the portfolio goes on
            if end < size and tokens[end].text[:1].isupper() and self.lexicon.org_word(tokens[end].text):
                words = doc[i + 1 : i + 1]  # "President Obama Foundation": the name of an organization
            if not words and end < size and lowers[end] in ("of", "to"):
                body_name = self._name_after_body(end + 1)  # "Director of OFAC Jane Roe"
                if body_name is not None:
                    found.append((body_name[0], *body_name))
                    i = body_name[1]
                    continue
            capital_title = tokens[i].text[:1].isupper()
            person_ner = any(t.ent_type_ == "PERSON" for t in words)
            # "deputy Wilmer Paz" read as an organization: a name of proper nouns, none a word of a body's name
            name_shaped = len(words) >= 2 and all(t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON", "ORG")
                                                  for t in words) and not self.lexicon.organization(words.text)
            if words and (len(words) >= 2 and (capital_title or person_ner or name_shaped)
                          or len(words) == 1 and capital_title and words[0].pos_ == "PROPN"
                          and words[0].ent_type_ in ("", "PERSON", "ORG", "NORP")
                          and not INITIAL.fullmatch(words[0].text)):
                found.append((title_start, i + 1, end))
                i = end
            else:
                i += 1
        return found

    def _portfolio_end(self, i: int) -> int:
        """The last token of a portfolio written with "for" or "of" after a capitalised title that ends at token
        `i`, when a name follows it: "Under Secretary [for Terrorism and Financial Intelligence] Jonah Roe";
        else `i`."""
        tokens, lowers, size = self.tokens, self.lowers, len(self.tokens)
        if not (tokens[i].text[:1].isupper() and i + 2 < size and lowers[i + 1] in ("for", "of")):
            return i
        j = i + 2
        while j < size and (tokens[j].text[:1].isupper() and lowers[j] in PORTFOLIO_WORDS
                            or lowers[j] in ("and", "&") and j + 1 < size and lowers[j + 1] in PORTFOLIO_WORDS):
            j += 1
        if j == i + 2 or lowers[j - 1] in ("and", "&"):
            return i
        end = self._name_end(j, strict=True)
        return j - 1 if end - j >= 2 else i

    def _name_end(self, start: int, strict: bool = False) -> int:
        """The end of the words of a name written from token `start` on the same line: capitalised name words,
        a word the tokenizer split at a hyphen ("Chan-o-cha") and a nickname in quotes ("Corazon “Cora”
        Villanueva"); `strict`: only words the model tagged as nothing or as a person, and no nickname."""
        doc, tokens, size = self.doc, self.tokens, len(self.tokens)
        end = start
        while end < size and end - start < MAX_NAME_WORDS and "\n" not in tokens[end - 1].whitespace_:
            if self._name_word(tokens[end]) and (not strict or tokens[end].ent_type_ in ("", "PERSON")):
                end += 1
            elif end > start and _hyphen_part(doc, end):
                end += 2
            elif end > start and _particle_hyphen_part(doc, end):
                end += 3  # "Ahmed Jassim al-Rikabi"
            elif end > start and not strict and (close := self._nickname_end(end)) is not None:
                end = close
            else:
                break
        return end

    def _nickname_end(self, i: int) -> int | None:
        """The token after a nickname in quotes that opens at token `i` and is followed by a name word
        (" “Cora” Villanueva"), or None."""
        tokens = self.tokens
        if tokens[i].text not in OPENING_QUOTES:
            return None
        close = next((j for j in range(i + 2, min(i + 4, len(tokens))) if tokens[j].text in CLOSING_QUOTES), None)
        if close is None or close + 1 >= len(tokens) or not self._name_word(tokens[close + 1]):
            return None
        return close + 1

    def _name_after_body(self, i: int) -> tuple[int, int] | None:
        """The (start, end) of a name written right after a tagged body or place that starts at token `i`, after
        a capitalised title and "of" or "to": "Acting Director of OFAC Jane Roe", "Ambassador to Kenya Ann
        Mwangi-Roth". Two name words at least, none the model tagged as anything but a person."""
        doc, tokens, size = self.doc, self.tokens, len(self.tokens)
        if i < size and self.lowers[i] == "the":
            i += 1
        body = next((e for e in doc_ents(doc) if e.start == i and e.label_ in ("ORG", "GPE", "LOC")), None)
        if body is None or not tokens[i - 2].text[:1].isupper():
            return None
        start = body.end
        end = self._name_end(start, strict=True)
        return (start, end) if end - start >= 2 and (end == size or not tokens[end].text[:1].isupper()) else None

    def _name_word(self, token: Token) -> bool:
        text = token.text
        if not text[:1].isupper() or token.ent_type_ in NOT_NAMES:
            return False
        if not (token.is_alpha or INITIAL.fullmatch(text) or re.fullmatch(r"[A-Z][a-z]+(?:-[A-Za-z]+)+", text)
                or APOSTROPHE_NAME.fullmatch(text)):
            return False
        if token.pos_ not in ("PROPN", "NOUN") and token.ent_type_ != "PERSON":
            return False  # "Leader Kim Visits ...": a verb ends the name
        lower = text.lower()
        inside_person = token.ent_type_ == "PERSON" and token.ent_iob_ == "I"  # "Rosa Argentina Solís": a given name
        if lower in NAME_BREAKERS or self.lexicon.org_word(text) or self.lexicon.country(text) and not inside_person:
            return False
        if self.lexicon.demonym(text) or lower in self.lexicon.titles_by_last:
            return False
        return True

    def _collect(self) -> None:
        spans = [relabeled for ent in doc_ents(self.doc) for trimmed in [self._trim(ent)] if trimmed is not None
                 for relabeled in [self._relabel(trimmed)] if relabeled is not None]
        spans = [part for s in spans for part in self._split_at_comma(s)]
        spans = [part for s in spans for part in self._split_after_country(s)]
        spans = [part for s in spans for part in self._split_at_possessive_country(s)]
        spans = [part for s in spans for part in self._split_after_body(s)]
        spans = [part for s in spans for part in self._split_at_site(s)]
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans = [self._with_hyphenated_first_part(s, taken) if s.label_ == "PERSON" else s for s in spans]
        spans = [self._with_place_words(s) if s.label_ in ("GPE", "LOC") else s for s in spans]
        spans = self._with_formal_country_names(spans)
        spans = self._with_honoured_names(spans)
        spans = self._with_peers(spans)
        spans = self._with_company_names(spans)
        spans = self._with_described_companies(spans)
        spans = self._with_countries_of_bodies(spans)
        spans = self._with_untagged_sites(spans)
        spans = self._with_named_localities(spans)
        spans = self._with_bodies_named_again(spans)
        spans = self._with_employers_before_titles(spans)
        spans = self._with_places_gone_to(spans)
        spans = self._with_bodies_headed(spans)
        spans = self._with_described_people(spans)
        spans = self._with_appointed_people(spans)
        spans = self._with_bracketed_short_names(spans)
        spans = self._with_vessel_names(spans)
        spans = [self._with_untagged_head(s) if s.label_ in ("GPE", "LOC") else s for s in spans]
        spans = [self._with_group_noun(s) if s.label_ in NER_LABELS else s for s in spans]
        spans = self._with_untagged_group_names(spans)
        spans = self._with_name_tails(spans)
        spans = self._with_title_names(spans)
        spans = [self._after_portfolio(s) for s in spans]
        spans = [Span(self.doc, s.start, s.end, label="PERSON") if (self._after_title(s) or self._apposed_to_title(s))
                 and not self.lexicon.country(s.text) and not self.lexicon.organization(s.text)
                 and not self._shape_kind(s) else s
                 for s in spans]
        spans = self._with_hyphenated_last_parts(spans)
        spans = self._joined_at_apostrophes(spans)
        spans = self._with_given_names(spans)
        spans = self._with_last_surnames(spans)
        spans = self._without_body_aliases(spans)
        spans = [self._with_name_particles(s) if s.label_ == "PERSON" else s for s in spans]
        persons = [s for s in spans
                   if s.label_ == "PERSON" and not self._media_cue(s) and not self._before_region_word(s)]
        full_names = self._full_names(persons)
        spans = self._named_of_region(spans, full_names)
        # a name told once as a place is one throughout, unless it is also a person's ("Abraham Lincoln")
        placed = {s.text for s in spans if self._told_as_place(s) and s.text not in full_names}
        spans = [Span(self.doc, s.start, s.end, label="ORG") if self._brand_shaped(s) or self._described_as_body(s)
                 else Span(self.doc, s.start, s.end + self._before_region_word(s), label="GPE")
                 if self._named_place(s, placed) else s
                 for s in spans]
        spans, bare_heads, no_people = clean_spans(self.doc, spans, self.lexicon, full_names)
        full_names = {part: name for part, name in full_names.items() if name not in no_people}
        self.short_names = {**self._org_short_names(spans, full_names), **bare_heads}
        for span in spans:
            self._register(span, full_names)
        self._register_missed_surnames(full_names)
        self._register_missed_acronyms()
        self._register_missed_places()
        self._register_places_of_countries()

    def _split_at_comma(self, span: Span) -> list[Span]:
        """A span the model ran across a comma, "Kharkiv, Ihor Terekhov" after "the mayor of": two names, the
        second a person's when it is shaped like one (not "Riga, Latvia", a town and its country, nor "Co., Ltd.")."""
        comma = next((i for i in range(span.start + 1, span.end - 1) if self.lowers[i] == ","), None)
        if comma is None or legal_form_comma(span.text):
            return [span]
        left, right = self.doc[span.start : comma], self.doc[comma + 1 : span.end]
        if self.lexicon.country(right.text) or self.lexicon.city_country(right.text):
            return [span]
        if not (2 <= len(right) <= 3 and all(t.is_alpha and t.text.istitle() for t in right)):
            return [span]
        return [Span(self.doc, left.start, left.end, label=span.label_),
                Span(self.doc, right.start, right.end, label="PERSON")]

    def _with_hyphenated_first_part(self, span: Span, taken: set[int]) -> Span:
        """A person's name the model began after the hyphen of a double given name: "[Sanna-]Maria Koskinen"
        (the word before the hyphen in no other name)."""
        start = span.start
        if start >= 2 and _hyphen_part(self.doc, start - 1) and start - 2 not in taken \
                and self.tokens[start - 2].is_alpha and self.tokens[start - 2].text.istitle() \
                and self.lowers[start - 2] not in self.lexicon.title_words:
            return Span(self.doc, start - 2, span.end, label=span.label_)
        return span

    def _with_hyphenated_last_parts(self, spans: list[Span]) -> list[Span]:
        """A person's name the model ended at the hyphen of a double surname: "Sophie Lavallée[-Roy]", the word
        after the hyphen in no other name or tagged alone as a person."""
        starts = {s.start: s for s in spans}
        taken = {i for s in spans for i in range(s.start, s.end)}
        out, dropped = [], set()
        for span in spans:
            if span.start in dropped:
                continue
            end = span.end
            if span.label_ == "PERSON" and _hyphen_part(self.doc, end) and self.tokens[end + 1].text.istitle():
                alone = starts.get(end + 1)
                if end + 1 not in taken or alone is not None and len(alone) == 1 and alone.label_ == "PERSON":
                    span = Span(self.doc, span.start, end + 2, label=span.label_)
                    dropped.add(end + 1)
            out.append(span)
        return out

    def _split_after_country(self, span: Span) -> list[Span]:
        """A span the model ran from a country's name on into a person's after a title: "President of [the
        Kyrgyz Republic Talant Asanaliev]", "Ambassador to [Bangladesh Daniel Ocampo]": the country, then the
        person (two or three capitalised words)."""
        first = span.start + (self.lowers[span.start] == "the")
        of = first - 1 - (first >= 2 and self.lowers[first - 1] == "the")  # ("of the Kyrgyz ...", however cut)
        if of < 1 or not (self.lowers[of] == "of" and self.lowers[of - 1] in NATIONAL_HEADS
                          or self.lowers[of] == "to" and self.lowers[of - 1] in ENVOY_TITLES):
            return [span]  # (a national title: not "chairman of the Uzbekistan Sovereign Investment Fund")
        for end in range(span.end - 2, first, -1):
            rest = self.doc[end : span.end]
            if self.lexicon.country(self.doc[first:end].text) and len(rest) <= 3 and all(
                    t.is_alpha and t.text.istitle() and not self.lexicon.org_word(t.text) for t in rest):
                return [Span(self.doc, first, end, label="GPE"), Span(self.doc, end, span.end, label="PERSON")]
        return [span]

    def _split_at_site(self, span: Span) -> list[Span]:
        """A span the model ran from a body or a happening on into where it is: "[the Council of Ministers at
        State House]", "[the National Stadium in Accra]" (tagged a happening): the body (or, when its last
        word is a site's, the site), then the place named after "at" (or, after a happening's, "in")."""
        preps = ("at", "in") if span.label_ == "EVENT" else ("at",)
        if span.label_ not in ("ORG", "EVENT", "FAC"):
            return [span]
        names = ((i, i + 1 + (self.lowers[i + 1] == "the")) for i in range(span.start + 1, span.end - 1)
                 if self.lowers[i] in preps)  # (the preposition, where the name after it starts)
        cut, start = next(((i, j) for i, j in names if j < span.end and self.tokens[j].text[:1].isupper()),
                          (None, None))
        if cut is None or start is None:
            return [span]
        head = self.lowers[cut - 1]
        label = "FAC" if head in SITE_NOUNS or head in PLACE_NOUNS else ("ORG" if span.label_ == "FAC" else span.label_)
        place = self.doc[start : span.end]
        kind = self.lexicon.org_word(place[-1].text)
        where = "GPE" if self.lexicon.city_country(place.text) or self.lexicon.country(place.text) else (
            "ORG" if kind is not None and kind != PLACE else "FAC")  # ("at Northwestern University": a body)
        return [Span(self.doc, span.start, cut, label=label), Span(self.doc, start, span.end, label=where)]

    def _split_after_body(self, span: Span) -> list[Span]:
        """A span the model ran from a body's name after a title on into a person's: "Chairman of [the Cabinet
        of Ministers Nurlan Abdyraev]", "Minister of [the Armed Forces of Cuba Luis Vega]": the body (a name
        with a body's word, ending in a capitalised word: not "Agency for [International Development]"), then
        the person (two or three capitalised words)."""
        if span.label_ != "ORG":
            return [span]
        first = span.start + (self.lowers[span.start] == "the")
        of = first - 1 - (first >= 2 and self.lowers[first - 1] == "the")  # ("of the Cabinet ...", however cut)
        if of < 1 or self.lowers[of] != "of" or self.lowers[of - 1] not in self.lexicon.title_words:
            return [span]
        lexicon = self.lexicon
        for end in range(max(span.end - 3, first + 1), span.end - 1):  # the longest name first
            rest, body = self.doc[end : span.end], self.doc[first:end]
            if all(t.is_alpha and t.text.istitle() and not lexicon.org_word(t.text) and not lexicon.country(t.text)
                   for t in rest) and body[-1].text[:1].isupper() \
                    and any(lexicon.org_word(t.text) for t in body):
                return [Span(self.doc, first, end, label="ORG"), Span(self.doc, end, span.end, label="PERSON")]
        return [span]

    def _split_at_possessive_country(self, span: Span) -> list[Span]:
        """A body's span the model began with a country's possessive, "[Nigeria's Electoral Commission]": the
        country, then the body; a site's span begun with its town's, "[Homs’s al-Saa Square]": the town, then
        the site (whatever the model took the whole for)."""
        poss = next((i for i in range(span.start + 1, span.end - 1) if self.lowers[i] in ("'s", "\u2019s")), None)
        if poss is None:
            return [span]
        owner = self.doc[span.start : poss].text
        if span.label_ == "ORG" and self.lexicon.country(owner):
            return [Span(self.doc, span.start, poss, label="GPE"), Span(self.doc, poss + 1, span.end, label="ORG")]
        known_owner = self.lexicon.country(owner) or self.lexicon.city_country(owner)
        if self.lowers[span.end - 1] in SITE_NOUNS and known_owner:
            return [Span(self.doc, span.start, poss, label="GPE"), Span(self.doc, poss + 1, span.end, label="FAC")]
        return [span]

    def _with_place_words(self, span: Span) -> Span:
        """A place name the model cut short: "Nizhny" of "Nizhny Novgorod", "Salaam" of "Dar es Salaam", when
        the whole is a known place."""
        for extra in (2, 1):
            end = span.end + extra
            if end <= len(self.tokens) and all(t.text[:1].isupper() for t in self.tokens[span.end : end]):
                text = self.doc[span.start : end].text
                if self.lexicon.city_country(text) or self.lexicon.country(text):
                    return Span(self.doc, span.start, end, label=span.label_)
        for extra in (2, 1):
            start = span.start - extra
            first = self.tokens[start] if start >= 0 else None
            if first is not None and (first.pos_ == "PROPN" and first.text[:1].isupper()  # "Dar es [Salaam]"
                                      or first.text == "The" and not first.is_sent_start):  # "The [Hague]"
                text = self.doc[start : span.end].text
                if self.lexicon.city_country(text) or self.lexicon.country(text):
                    return Span(self.doc, start, span.end, label=span.label_)
        return span

    def _with_name_tails(self, spans: list[Span]) -> list[Span]:
        """The spans with each body's name read to its end (see `_with_name_tail`)."""
        return _overriding(spans, [tail for s in spans if s.label_ == "ORG"
                                   for tail in [self._with_name_tail(s)] if tail is not s])

    def _with_name_tail(self, span: Span) -> Span:
        """A body's name the model cut before "for"/"of" and the capitalised rest of it, written before a
        lower-case title: "Joint Council [for the Welfare of Immigrants] campaigner X"."""
        tokens, lowers, size = self.tokens, self.lowers, len(self.tokens)
        end = span.end
        while end + 1 < size and lowers[end] in ("for", "of"):
            i = end + 1 + (lowers[end + 1] == "the")
            run = i
            while run < size and tokens[run].text[:1].isupper() and tokens[run].pos_ == "PROPN" \
                    and tokens[run].ent_type_ != "PERSON":
                run += 1
            if run == i:
                break
            end = run
        if end == span.end or end >= size or not (tokens[end].text.islower() and lowers[end] in
                                                   self.lexicon.titles_by_last):
            return span
        return Span(self.doc, span.start, end, label="ORG")

    def _with_formal_country_names(self, spans: list[Span]) -> list[Span]:
        """ "the Democratic Socialist Republic of Sri Lanka", "the Plurinational State of Bolivia": a state's
        formal name that the model cut before "of" and the country, whole, when the whole is a known name."""
        out: list[Span] = []
        for span in spans:
            before = out[-1] if out else None
            if (before is not None and span.label_ == "GPE" and before.end + 1 == span.start
                    and self.lowers[before.end] == "of" and before.label_ in ("ORG", "GPE", "NORP", "LOC")
                    and self.lexicon.country(self.doc[before.start : span.end].text)):
                out[-1] = Span(self.doc, before.start, span.end, label="GPE")
                continue
            out.append(span)
        return out

    def _with_honoured_names(self, spans: list[Span]) -> list[Span]:
        """A name after an honorific ("The Honorable Jane Roe, ...", "Mr. John Doe") is a person's, whatever
        the model made of it."""
        tokens, found = self.tokens, []
        for i, lower in enumerate(self.lowers):
            if lower not in HONORIFIC_TITLES or i + 1 >= len(tokens):
                continue
            start = end = i + 1
            while end < len(tokens) and end - start < MAX_NAME_WORDS and (
                    tokens[end].text[:1].isupper() and tokens[end].is_alpha or INITIAL.fullmatch(tokens[end].text)
                    or tokens[end].lower_ in NAME_PARTICLES and end > start
                    or end > start and glued_hyphen(tokens[end]) and tokens[end + 1].text[:1].isupper()):  # "A-B"
                end += 1
            if end - start >= 2 and (end == len(tokens) or not tokens[end].text[:1].isupper()):
                found.append(Span(self.doc, start, end, label="PERSON"))
        return _overriding(spans, found)

    def _with_peers(self, spans: list[Span]) -> list[Span]:
        """A peer's name, "Lord Hartwell of Stowe", "Baroness Chapman of Darlington", is one person's name, the
        place of the title with it (the model reads "Hartwell" as a person and "Stowe" as a place)."""
        tokens, found = self.tokens, []
        for i, lower in enumerate(self.lowers):
            if lower not in PEERAGE_TITLES or not tokens[i].text[:1].isupper():
                continue
            name = i + 1
            while name < len(tokens) and tokens[name].text[:1].isupper() and tokens[name].is_alpha:
                name += 1
            if name == i + 1 or name + 1 >= len(tokens) or self.lowers[name] != "of":
                continue
            end = name + 1
            while end < len(tokens) and tokens[end].text[:1].isupper() and tokens[end].is_alpha:
                end += 1
            if end > name + 1:
                found.append(Span(self.doc, i, end, label="PERSON"))
        return _overriding(spans, found)

    def _with_company_names(self, spans: list[Span]) -> list[Span]:
        """A company name ends in its legal form, whatever the model cut: "Blue Horizon Marine LLC" (tagged as
        a person and an organization), "Coral Wave Trading FZE" (not tagged at all)."""
        tokens, found = self.tokens, []

        def legal(j: int) -> bool:  # (the lowercase word, read once, as the cheap test)
            return 0 <= j < len(tokens) and self.lowers[j].rstrip(".") in LEGAL_FORMS \
                and (tokens[j].text[:1].isupper() or "." in tokens[j].text.rstrip("."))  # "d.o.o." too

        def dotted_form(j: int) -> bool:  # "S. de R.L.": an abbreviation, a particle and a legal form
            return (j + 2 < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].text.endswith(".")
                    and tokens[j + 1].lower_ in NAME_PARTICLES and legal(j + 2))

        def name_word(j: int) -> bool:  # a capitalised word of the name ("Trading" too, whatever its part of
            # speech), a particle between two ("del"), the dot of "Pte. Ltd.", the comma of "Co., Ltd." or of
            # "X, S.A." (before a legal form written with dots), the hyphen of "A-B"
            return (tokens[j].text[:1].isupper() and tokens[j].pos_ in NAME_WORD_POS
                    or tokens[j].lower_ in NAME_PARTICLES and tokens[j].text.islower() and j > 0
                    and tokens[j - 1].text[:1].isupper() and tokens[j + 1].text[:1].isupper()  # "Combustibles del X"
                    or tokens[j].text == "." and legal(j - 1)
                    or tokens[j].text == "," and legal(j + 1) and (legal(j - 1) or tokens[j - 1].text == "."
                                                                   and legal(j - 2) or "." in tokens[j + 1].text)
                    or tokens[j].text == "," and dotted_form(j + 1)
                    or tokens[j].text == "-" and j > 0 and not tokens[j - 1].whitespace_ and not tokens[j].whitespace_
                    and tokens[j - 1].text[:1].isupper())

        for i in range(len(tokens)):
            if self.lowers[i].rstrip(".") not in LEGAL_FORMS:
                continue  # (most words: the first test of legal(i), without a call)
            if not legal(i) or legal(i + 1) or i + 2 < len(tokens) and (
                    tokens[i + 1].text in (".", ",") or tokens[i + 1].lower_ in NAME_PARTICLES) and legal(i + 2):
                continue  # the last legal form of "Pte. Ltd." (or "Co., Ltd.", "S.A. de C.V.") ends the name
            if i + 1 < len(tokens) and tokens[i + 1].ent_iob_ == "I" and tokens[i + 1].ent_type_ == "PERSON" \
                    and tokens[i + 1].is_alpha and tokens[i + 1].text[:1].isupper():
                continue  # a word of a person's name the model read whole: "Abdoulaye Ag Mahmoud"
            form = i  # where the legal form starts: "Pesquera Bahía de Matanchén[, S. de R.L. de C.V.]"
            while form > 0 and (legal(form - 1) or dotted_form(form - 1) or tokens[form - 1].text in (".", ",")
                                or tokens[form - 1].lower_ in NAME_PARTICLES and legal(form)):
                form -= 1
            start = i
            while start > 0 and form - start < MAX_NAME_WORDS + 2 and name_word(start - 1) \
                    and not tokens[start - 1].is_sent_start:
                start -= 1
            if start > 0 and tokens[start - 1].is_sent_start and tokens[start - 1].text[:1].isupper() and (
                    start == i or tokens[start - 1].pos_ == "PROPN"):
                start -= 1  # the name opens its sentence: "Halvorsen Maritime ASA said ..."
            if start < i:
                found.append(Span(self.doc, start, i + 1, label="ORG"))
        return _overriding(spans, found)

    def _with_described_companies(self, spans: list[Span]) -> list[Span]:
        """A name the model missed right after a word for a company: "the state-owned oil company Petroval",
        "copper miner Cobres del Sur" (a lower-case particle between two capitalised words is part of it)."""
        tokens, taken = self.tokens, {i for s in spans for i in range(s.start, s.end)}
        found = []

        def capitalised(k: int) -> bool:
            return k < len(tokens) and k not in taken and tokens[k].pos_ == "PROPN" and tokens[k].text[:1].isupper()

        for i in range(1, len(tokens)):
            if self.lowers[i - 1] not in COMPANY_NOUNS or not capitalised(i):
                continue
            end = i
            while end - i < MAX_NAME_WORDS and (capitalised(end) or self.lowers[end] in NAME_PARTICLES
                                                and end + 1 < len(tokens) and capitalised(end + 1)):
                end += 1
            found.append(Span(self.doc, i, end, label="ORG"))
        return sorted([*spans, *found], key=lambda s: s.start) if found else spans

    def _with_untagged_sites(self, spans: list[Span]) -> list[Span]:
        """A site's name the model tagged as nothing: capitalised words ending in the capitalised noun of a site
        ("Tripoli's [al-Nour Square]", "[Kasarani Stadium]"), a name particle and its hyphen included."""
        tokens, taken = self.tokens, {i for s in spans for i in range(s.start, s.end)}
        found = []
        for i, token in enumerate(tokens):
            if i in taken or not token.text.istitle() or token.lower_ not in SITE_NOUNS or token.pos_ != "PROPN":
                continue
            start = i
            while start > 0 and start - 1 not in taken and not tokens[start - 1].lower_.endswith(POSSESSIVE_MARKS) \
                    and (tokens[start - 1].pos_ == "PROPN" and tokens[start - 1].text[:1].isupper()
                         or tokens[start - 1].text == "-" or tokens[start - 1].lower_ in NAME_PARTICLES):
                start -= 1
            while start < i and (tokens[start].text == "-"
                                 or tokens[start].lower_ in NAME_PARTICLES and tokens[start + 1].text != "-"):
                start += 1  # a name opens with no hyphen, and with a particle only when joined on: "al-Nour"
            if start < i:
                found.append(Span(self.doc, start, i + 1, label="FAC"))
        return sorted([*spans, *found], key=lambda s: s.start) if found else spans

    def _with_named_localities(self, spans: list[Span]) -> list[Span]:
        """The name before a word for a district, a county, a village or a camp is a place's, whether the model
        tagged it as nothing, as a people, or (all of it, with no body's word) as a person or a one-word body
        ("travelled to Kaloma district", "in the Villa Rosales district", "the Tamsa refugee camp", "reached Yakam
        village"): one to three capitalised words, with at most one lower-case word between them and the
        locality's word written in lower case (a capitalised one may end a body's name: "the Health Department");
        not a known country or people's word ("the Ghanaian district")."""
        tokens, found = self.tokens, []
        kept = {i for s in spans if s.label_ not in ("NORP", "PERSON", "ORG") for i in range(s.start, s.end)}
        for noun in tokens:
            if noun.lower_ not in LOCALITY_NOUNS or not noun.text.islower() or noun.pos_ not in ("NOUN", "PROPN") \
                    or noun.dep_ in ("compound", "amod", "nmod"):
                continue  # (not a word before a body's: "the Aït Baha commune council")
            end = noun.i - (noun.i >= 2 and tokens[noun.i - 1].text.islower() and tokens[noun.i - 1].is_alpha
                            and tokens[noun.i - 2].text[:1].isupper())  # "the Tamsa [refugee] camp"
            start = end
            while start > 0 and end - start < 3 and start - 1 not in kept and tokens[start - 1].is_alpha \
                    and tokens[start - 1].text.istitle() and tokens[start - 1].pos_ in NAME_PARTS \
                    and not tokens[start - 1].is_sent_start and self.lowers[start - 1] not in self.lexicon.title_words:
                start -= 1
            name = self.doc[start:end]
            tagged = [s for s in spans if s.start < end and s.end > start and s.label_ in ("PERSON", "ORG")]
            if tagged and (any(s.start < start or s.end > end or s.label_ == "ORG" and len(s) > 1 for s in tagged)
                           or any(self.lexicon.org_word(t.text) for t in name) or self.lexicon.organization(name.text)):
                continue  # a name the model read as a person's (or as a body's, in one word) is a place's only when
                #           it is all of it ("the Red Crescent camp" is a body's camp)
            if start < end and not self.lexicon.country(name.text) and not (
                    len(name) == 1 and self.lexicon.demonym(name.text)):
                found.append(Span(self.doc, start, end, label="GPE"))
        return _overriding(spans, found)

    def _with_countries_of_bodies(self, spans: list[Span]) -> list[Span]:
        """A body's name that goes on with its country, which the model tagged apart: "[The Law Society] of
        [Kenya]'s president" is the Law Society of Kenya's (a capitalised name, "of", then the country); not a
        portfolio after "of": "Minister of [Public Works] of [Paraguay]"."""
        out: list[Span] = []
        for span in spans:
            previous = out[-1] if out else None
            if (previous is not None and previous.label_ == "ORG"
                    and span.start == previous.end + 1 and self.lowers[previous.end] == "of"
                    and self.tokens[previous.end - 1].text[:1].isupper()
                    and not (previous.start >= 1 and self.lowers[previous.start - 1] == "of")
                    and self.lexicon.country(span.text) and not self.lexicon.organization(previous.text)):
                out[-1] = Span(self.doc, previous.start, span.end, label="ORG")
                continue
            out.append(span)
        return out

    def _with_bodies_named_again(self, spans: list[Span]) -> list[Span]:
        """A body's name of two words or more, written again where the model tagged nothing or only its last
        words: "copper miner Cobres del Sur said ... Cobres del Sur's chairman, X", "Blue Heron Marine Ltd
        ... [Heron Marine Ltd] was designated" (one pass over the words, the longest name first where two begin
        alike)."""
        words = [t.text for t in self.tokens]
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for s in spans:
            if s.label_ == "ORG" and len(s) > 1:
                by_first.setdefault(words[s.start], set()).add(tuple(words[s.start : s.end]))
        found: list[Span] = []
        for i, word in enumerate(words):
            for name in sorted(by_first.get(word, ()), key=len, reverse=True):
                end = i + len(name)
                overlapping = [s for s in [*spans, *found] if s.start < end and i < s.end]
                if tuple(words[i:end]) == name and all(
                        s.label_ == "ORG" and i <= s.start and s.end <= end and (s.start, s.end) != (i, end)
                        for s in overlapping):
                    found.append(Span(self.doc, i, end, label="ORG"))
                    break
        return _overriding(spans, found)

    def _with_employers_before_titles(self, spans: list[Span]) -> list[Span]:
        """The name right before a business title and its holder's name is the holder's company, whether the
        model tagged it as a person or not at all: "Petrobras CEO Magda Chambriard", "Gecamines chief executive
        Placide Kabange"; before a local title, the town or region: "Cedar Falls Mayor Lorraine Beaudry"; before
        a player's or coach's post, the team, also when the model read a town in its name as the place: "Arsenal
        manager X", "Real Madrid striker X"."""
        starts, size = {s.start for s in spans}, len(self.tokens)
        by_end = {s.end: s for s in spans}
        taken = {i for s in spans for i in range(s.start, s.end)}
        found = []
        for title in range(1, size):
            local = self.lowers[title] in LOCAL_TITLE_STARTS and self.tokens[title].text[:1].isupper()
            team = self.lowers[title] in TEAM_TITLE_STARTS and self.tokens[title].text.islower()
            if not (self.lowers[title] in BUSINESS_TITLE_STARTS or local or team) or title in taken:
                continue
            end = title + 1
            while end < size and end - title < BUSINESS_TITLE_LENGTH and not (local or team) and (
                    self.lowers[end] in BUSINESS_TITLE_STARTS or self.lowers[end] in BUSINESS_TITLE_WORDS):
                end += 1  # "CEO", "chief executive", "chairman and chief executive"
            if end not in starts:
                continue
            before = by_end.get(title)
            label = "GPE" if local else "ORG"
            if before is not None and before.label_ == "PERSON":
                found.append(Span(self.doc, before.start, title, label=label))
            elif before is not None and team and before.label_ == "GPE" and self._name_words_before(
                    before.start, taken) < before.start:  # "Real Madrid": a town in the team's name
                found.append(Span(self.doc, self._name_words_before(before.start, taken), title, label=label))
            elif before is None and (start := self._name_words_before(title, taken, any_part=team)) < title:
                found.append(Span(self.doc, start, title, label=label))
        return _overriding(spans, found)

    def _name_words_before(self, end: int, taken: set[int], any_part: bool = False) -> int:
        """Where the run of capitalised proper nouns (or, `any_part`, capitalised words the tagger may read as
        adjectives or nouns: "Arsenal") that no entity holds ends at `end` starts; `end` when there is none.
        Not titles, qualifiers, honorifics, nor a people's word ("English")."""
        start = end
        while start > 0 and end - start < MAX_NAME_WORDS and start - 1 not in taken \
                and (self.tokens[start - 1].pos_ == "PROPN" or any_part and self.tokens[start - 1].pos_ in NAME_PARTS) \
                and self.tokens[start - 1].text[:1].isupper() and self.lowers[start - 1] not in GROUP_ARTICLES \
                and not (any_part and self.lexicon.demonym(self.tokens[start - 1].text)) \
                and self.lowers[start - 1] not in self.lexicon.title_words | QUALIFIERS | HONORIFIC_TITLES:
            start -= 1
        return start

    def _with_places_gone_to(self, spans: list[Span]) -> list[Span]:
        """A name the model tagged as a person where a place is gone to is the place: "visited Tlacoyan", "travelled
        to Aït Baha", "arrived in Kirants"; and one it tagged as a body, with no body's word, that is flown,
        travelled or come to ("will fly into Wabag"; a body visited stays one: "visited Microsoft"); not one after
        a title ("visited President X") nor a word of another person's name ("met Lunde" after "Ivar Lunde")."""
        found: list[str] = []
        for span in spans:
            root = span.root
            if span.label_ not in ("PERSON", "ORG") or span.start == 0 \
                    or self.lowers[span.start - 1] in self.lexicon.titles_by_last:
                continue
            if span.label_ == "ORG" and (len(span) > 2 or span.text.isupper() or self.lexicon.organization(span.text)
                                         or any(self.lexicon.org_word(t.text) for t in span)):
                continue  # (a body gone to keeps its name: "visited the Ministry of Health", "arrived in NATO")
            head = root.head.head if root.dep_ == "pobj" else root.head
            if not (root.dep_ == "dobj" and root.head.lemma_.lower() in VISITING_VERBS and span.label_ == "PERSON"
                    or root.dep_ == "pobj" and (root.head.lower_, head.lemma_.lower()) in PLACE_GONE_TO):
                continue  # (most person names: read before the walk over the other names)
            words = {w.lower_ for w in span}
            longer = any(len(s) > len(span) and words & {t.lower_ for t in s} for s in spans if s.label_ == "PERSON")
            if not longer and not words & self.lexicon.titles_by_last.keys():
                found.append(span.text)
        # (the name is the place's wherever the model tagged it as a person: "in Al Haouz province" too), with
        # a capitalised word of it the model left out before it ("Aït" of "Aït Baha")
        return [Span(self.doc, self._compound_start(s), s.end, label="GPE") if s.label_ in ("PERSON", "ORG")
                and s.text in found else s for s in spans]

    def _with_bodies_headed(self, spans: list[Span]) -> list[Span]:
        """A name the model tagged as a person that a person heads, chairs, runs or founded is a body's: "X, who
        heads Terre Nouvelle," (no one is headed; but "leads" may be a poll's: "A leads B by three points")."""
        found = []
        for span in spans:
            root = span.root
            verb = root.head
            if span.label_ != "PERSON" or root.dep_ != "dobj" or verb.lemma_.lower() not in HEADING_VERBS \
                    or any(c.dep_ == "poss" for c in root.children):
                continue  # (not "runs Smith's campaign")
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.lower_ in ("who", "she", "he")
                                        or any(s.label_ == "PERSON" and s.start <= subject.i < s.end for s in spans)):
                found.append(span)
        return [Span(self.doc, s.start, s.end, label="ORG") if s in found else s for s in spans]

    def _compound_start(self, span: Span) -> int:
        """The start of a name with the capitalised words the parse compounds onto it right before it."""
        start = span.start
        while start > 0 and span.start - start < MAX_NAME_WORDS and self.tokens[start - 1].dep_ == "compound" \
                and self.tokens[start - 1].head.i in range(span.start, span.end) \
                and self.tokens[start - 1].text[:1].isupper() and not self.tokens[start - 1].ent_type_:
            start -= 1
        return start

    def _with_vessel_names(self, spans: list[Span]) -> list[Span]:
        """The name of a ship or aircraft after its noun, whole, as a body (it can be blocked property), whatever
        the model made of it: "the vessel NOUR AL HOUDA (IMO ...)", "the cargo ship Blue Heron"."""
        tokens, found = self.tokens, []
        for i, lower in enumerate(self.lowers):
            if lower not in VESSEL_NOUNS or i + 1 >= len(tokens) or tokens[i].text[:1].isupper():
                continue
            end = i + 1
            while end < len(tokens) and end - i <= MAX_NAME_WORDS and tokens[end].text[:1].isupper() \
                    and tokens[end].pos_ in ("PROPN", "NOUN", "ADJ", "NUM") \
                    and not self.lexicon.country(tokens[end].text):
                end += 1
            if end > i + 1:
                found.append(Span(self.doc, i + 1, end, label="ORG"))
        for i, token in enumerate(tokens):  # "two of its vessels, the Adria Star and the Nile Queen"
            if token.tag_ == "NNS" and token.lemma_.lower() in VESSEL_NOUNS:
                found += self._vessels_listed_after(i)
        for i, lower in enumerate(self.lowers):  # "the SEA PEARL (IMO 8812003)": a ship's name before its IMO number
            if lower == "(" and i + 1 < len(tokens) and tokens[i + 1].text.upper() == "IMO":
                start = i
                while start - 1 >= 0 and i - start < MAX_NAME_WORDS and (tokens[start - 1].text[:1].isupper()
                                                                        or tokens[start - 1].like_num):
                    start -= 1
                if start < i and not tokens[start].like_num and not any(s.start <= start < s.end for s in found):
                    found.append(Span(self.doc, start, i, label="ORG"))
        if any(span.text.isupper() for span in found):  # "the NORDIC AURORA": a vessel's name written as the
            found += self._capitalised_names(found)    # article writes its vessels' names
        return _overriding(spans, found)

    def _vessels_listed_after(self, noun: int) -> list[Span]:
        """The names listed right after a plural noun of ships or aircraft, each a vessel's name whatever the
        model made of it: "the tankers Amber Wave and Coral Sun", "three vessels: the X, the Y and the Z"."""
        tokens, found = self.tokens, []
        i = noun + 1 + (noun + 1 < len(tokens) and tokens[noun + 1].text in (",", ":"))
        while i < len(tokens):
            i += self.lowers[i] == "the"
            end = i
            while end < len(tokens) and end - i < MAX_NAME_WORDS and tokens[end].text[:1].isupper() \
                    and tokens[end].pos_ in ("PROPN", "NOUN", "ADJ", "NUM") \
                    and not self.lexicon.country(tokens[end].text) and not self.lexicon.demonym(tokens[end].text):
                end += 1
            if end == i:
                break
            found.append(Span(self.doc, i, end, label="ORG"))
            i = end + (end < len(tokens) and self.lowers[end] == ",")
            if i >= len(tokens) or self.lowers[i] != "and" and self.lowers[i - 1] != ",":
                break
            i += self.lowers[i] == "and"
        last = found[-1].end if found else 0
        if found and last < len(tokens) and tokens[last].pos_ in ("VERB", "AUX"):
            return []  # "... as well as 20 tankers, the Foreign, Commonwealth and Development Office said": a subject
        return found

    def _capitalised_names(self, taken: list[Span]) -> list[Span]:
        """Runs of words in capitals after "the", in an article that writes its vessels' names so: "the others
        are the NORDIC AURORA and the SILVER LINDEN" (not a known body or country: "the UN", "the EU")."""
        tokens, covered, found = self.tokens, {i for s in taken for i in range(s.start, s.end)}, []
        for i, lower in enumerate(self.lowers):
            if lower != "the":
                continue
            end = i + 1
            while end < len(tokens) and end - i <= MAX_NAME_WORDS and end not in covered \
                    and tokens[end].is_alpha and len(tokens[end].text) > 1 and tokens[end].text.isupper():
                end += 1
            name = self.doc[i + 1 : end]
            if end > i + 1 and not self.lexicon.organization(name.text) and not self.lexicon.country(name.text) \
                    and not (end < len(tokens) and tokens[end].text[:1].isupper()):
                found.append(Span(self.doc, i + 1, end, label="ORG"))
        return found

    def _name_set_off_after(self, title: int) -> Token | None:
        """The last word of a name set off by commas right after a capitalised title and its portfolio, read
        along the words when the parse hangs the name elsewhere: "with Peru's Minister of Foreign Affairs,
        Ana Ruiz Paz, to ..."."""
        tokens, size = self.tokens, len(self.tokens)
        if not tokens[title].text[:1].isupper():
            return None
        i = title + 1
        if i < size and self.lowers[i] in ("of", "for"):
            i += 1 + (i + 1 < size and self.lowers[i + 1] == "the")
            while i < size and (tokens[i].text[:1].isupper() or self.lowers[i] == "and"):
                i += 1
        if i >= size or tokens[i].text != ",":
            return None
        end = i + 1
        while end < size and end - i <= 4 and tokens[end].pos_ == "PROPN" and tokens[end].text[:1].isupper():
            end += 1
        return tokens[end - 1] if end - i >= 3 and end < size and tokens[end].text in (",", ".") else None

    def _with_described_people(self, spans: list[Span]) -> list[Span]:
        """A person's name the model missed or read as an organization, told by the title in apposition to it:
        "Ramesh Karki, the chief district officer of Humla,", "Fiji's Minister for Foreign Affairs, Litia
        Qaranivalu,"; two to four capitalised proper nouns that no other entity holds and no word of an
        organization's name ends; the model's place that names no known place ("the minister of economy, Ines
        Salgado,") may be such a name too."""
        def misread(s: Span) -> bool:
            return s.label_ == "ORG" or s.label_ in ("GPE", "LOC") and not (
                self.lexicon.country(s.text) or self.lexicon.city_country(s.text))
        taken = {i for s in spans if not misread(s) for i in range(s.start, s.end)}
        orgs = {i: (s.start, s.end) for s in spans if misread(s) for i in range(s.start, s.end)}
        places = {i: s.start for s in spans if s.label_ in ("GPE", "LOC") for i in range(s.start, s.end)}
        tokens, found = self.tokens, []
        for i in (i for i, lower in enumerate(self.lowers) if lower in self.lexicon.titles_by_last):
            title = tokens[i]
            if title.dep_ == "appos" and title.head.i < title.i:  # "X, the chief district officer of Y,"
                name = title.head
                if name.i + 1 >= len(tokens) or tokens[name.i + 1].text != ",":
                    continue
            else:  # "Fiji's Minister for Foreign Affairs, X,": the name in apposition after the title
                # (or hung on the place or body after it: "the resident coordinator in Peru, X,")
                heads = [title, *(o for p in title.children if p.dep_ == "prep"
                                  for o in p.children if o.dep_ == "pobj")]
                name = next((c for h in heads for c in h.children if c.dep_ == "appos" and c.i > title.i
                             and tokens[c.left_edge.i - 1].text == ","), None) or self._name_set_off_after(i)
                if name is None:
                    continue
            start = name.i
            while start - 1 >= 0 and (tokens[start - 1].dep_ == "compound"
                                      and start <= tokens[start - 1].head.i <= name.i  # ("Babajide Sanwo-Olu")
                                      or start - 2 >= 0 and glued_hyphen(tokens[start - 1])):  # "Maleno-Ruiz"
                start -= 1
            words = [w for w in tokens[start : name.i + 1] if not glued_hyphen(w)]
            if 2 <= len(words) <= 4 and words[0].lower_ not in GROUP_ARTICLES and all(
                    (w.i not in taken or places.get(w.i, start) > start)  # (a town as a surname: "Ana Soria")
                    and w.pos_ == "PROPN" and w.is_alpha and w.text[:1].isupper()
                    and w.ent_type_ in ("", "ORG", "GPE", "LOC") and w.lower_ not in self.lexicon.title_words
                    and not self.lexicon.org_word(w.text) and not self.lexicon.country(w.text) for w in words) \
                    and not self.lexicon.organization(self.doc[start : name.i + 1].text) \
                    and all(orgs.get(w.i, (start, name.i + 1)) == (start, name.i + 1) for w in words):
                found.append(Span(self.doc, start, name.i + 1, label="PERSON"))
        return _overriding(spans, found)

    def _with_appointed_people(self, spans: list[Span]) -> list[Span]:
        """A person's name the model missed or read as a work or a body, given a post by an appointing verb:
        "the board appointed Thandiwe Nkosi as chief executive", "Ana Ruiz Paz was named as its new director", "the
        appointment of Thabo Molefe as deputy governor", "the president swore in X as minister": two to four
        capitalised proper nouns, the verb's object (or its passive subject, the noun's "of", the name sworn in, or
        a name of a line-up) with "as" and a title."""
        labels = MISLABELS - {"PERSON"} | {"ORG"}  # (a body's name is left alone by the test of its words below)
        misread = {i: (s.start, s.end) for s in spans if s.label_ in labels for i in range(s.start, s.end)}
        taken = {i for s in spans if s.label_ not in labels for i in range(s.start, s.end)}
        found = []
        named = [(verb, name) for verb in self.tokens if verb.lemma_.lower() in APPOINTING_VERBS and verb.pos_ == "VERB"
                 for name in verb.children if name.dep_ in ("dobj", "nsubjpass", "oprd")]  # (head, name) pairs
        named += [(noun, name) for noun in self.tokens if noun.lemma_.lower() in APPOINTMENT_NOUNS
                  for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                  for name in of.children if name.dep_ == "pobj"]  # "the appointment of X as deputy governor"
        named += [(verb, name) for verb in self.tokens if verb.lemma_.lower() == "swear" and verb.pos_ == "VERB"
                  for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
                  for name in prep.children if name.dep_ == "pobj"]  # "swore in X as minister of justice"
        named += self._lined_up(self.tokens)
        for head, name in named:
            posts = [p for p in [*head.children, *name.children] if p.lower_ == "as" and p.dep_ == "prep"
                     and any(o.dep_ == "pobj" and o.lower_ in self.lexicon.titles_by_last for o in p.children)]
            start = name.left_edge.i
            words = list(self.tokens[start : name.i + 1])
            end = name.i + 1  # (a misread span must lie within the name: "[Marta] Nela Quiroga")
            if posts and 2 <= len(words) <= 4 and all(
                    w.pos_ == "PROPN" and w.is_alpha and w.text.istitle() and w.i not in taken
                    and w.lower_ not in self.lexicon.title_words and not self.lexicon.org_word(w.text)
                    and start <= misread.get(w.i, (start, end))[0] and misread.get(w.i, (start, end))[1] <= end
                    for w in words) and not self.lexicon.organization(self.doc[start:end].text):
                found.append(Span(self.doc, start, end, label="PERSON"))
        return _overriding(spans, found)

    def _lined_up(self, tokens: Doc) -> list[tuple[Token, Token]]:
        """The names of a line-up, as (head, name) pairs: a proper noun with "as" and a title hung on it, when its
        sentence has two or more ("the cabinet keeps A as foreign minister, B as defence minister and ...")."""
        given = [t for t in tokens if t.pos_ == "PROPN" and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(o.dep_ == "pobj" and o.lower_ in self.lexicon.titles_by_last
                                                           for o in c.children) for c in t.children)]
        per_sentence = Counter(name.sent.start for name in given)
        return [(name, name) for name in given if per_sentence[name.sent.start] > 1]

    def _with_bracketed_short_names(self, spans: list[Span]) -> list[Span]:
        """ "Levan Gelashvili (Gelashvili), a Georgian national, ...", "Nino Kapanadze (Kapanadze)": capitalised
        words followed by a short name of their own words in brackets, as designation notices introduce each
        person, are one person's name, whatever the model made of them (a body's name with a legal form or a
        body's word is left to the rules for bodies; a title before the name is no part of it)."""
        tokens, found = self.tokens, []
        for p, lower in enumerate(self.lowers):
            if lower != "(" or p == 0:
                continue
            close = next((i for i in range(p + 2, min(p + 5, len(tokens))) if tokens[i].text == ")"), None)
            if close is None:
                continue
            start = p
            while start - 1 >= 0 and p - start < MAX_NAME_WORDS + 2 and (
                    tokens[start - 1].is_alpha and tokens[start - 1].text[:1].isupper()
                    and tokens[start - 1].pos_ == "PROPN" or start - 2 >= 0 and glued_hyphen(tokens[start - 1])):
                start -= 1
                if tokens[start].is_sent_start:
                    break
            while start < p and (self.lowers[start] in self.lexicon.title_words
                                 or self.lowers[start] in HONORIFIC_TITLES or self.lowers[start] in QUALIFIERS):
                start += 1
            words = [t for t in tokens[start:p] if not glued_hyphen(t)]
            alias = {t.lower_ for t in tokens[p + 1 : close]}
            if not (alias < {t.lower_ for t in words} and len(words) >= 2) or any(
                    self.lexicon.org_word(t.text) or t.text.rstrip(".").lower() in LEGAL_FORMS
                    or self.lexicon.country(t.text) for t in words):
                continue
            found.append(Span(self.doc, start, p, label="PERSON"))
        return _overriding(spans, found)

    def _joined_at_apostrophes(self, spans: list[Span]) -> list[Span]:
        """A name written with apostrophes, which the model cuts there: "Ali Jama' Jangeli", "Sa'id Ahmad",
        "Hani 'Abd-al-Majid"."""
        tokens, out = self.tokens, []
        for span in spans:
            if span.label_ != "PERSON":
                out.append(span)
                continue
            start = span.start
            taken_until = out[-1].end if out else 0  # spans come in order: the last one kept ends here
            while start > 0:
                before, first = tokens[start - 1], tokens[start]
                glued_quote = before.text in APOSTROPHES and not before.whitespace_
                inner = before.text[:1].isupper() and any(a in before.text for a in APOSTROPHES)
                named = before.text[:1].isupper() and before.pos_ == "PROPN" and first.text in APOSTROPHES
                if not (glued_quote or inner or named) or start - 1 < taken_until:
                    break
                start -= 1
            span = Span(self.doc, start, span.end, label="PERSON")
            previous = out[-1] if out else None
            if previous is not None and previous.label_ == "PERSON" and (
                    previous.end == span.start and tokens[previous.end - 1].text in APOSTROPHES
                    or previous.end == span.start - 1 and tokens[previous.end].text in APOSTROPHES):
                out[-1] = Span(self.doc, previous.start, span.end, label="PERSON")  # "Ali Jama'" + "Jangeli"
            else:
                out.append(span)
        return out

    def _with_untagged_head(self, span: Span) -> Span:
        """ "Duran Duran", "Moscow Industrial Bank" with only the first word tagged, as a place: capitalised
        words the model left untagged, up to the word the place modifies, finish the name of an organization
        (not a title: "Moscow Mayor X")."""
        root = span.root
        head = root.head.i
        if root.dep_ != "compound" or not span.end <= head < span.end + 3 \
                or head + 1 < len(self.tokens) and self.lowers[head + 1] == "of":  # "X Department of Y"
            return span
        words = self.tokens[span.end : head + 1]
        if not all(w.pos_ == "PROPN" and w.text[:1].isupper() and not w.ent_type_ and w.is_alpha
                   and w.lower_ not in self.lexicon.title_words and w.lemma_.lower() not in self.lexicon.events
                   for w in words):
            return span
        return Span(self.doc, span.start, head + 1, label="ORG")

    def _with_group_noun(self, span: Span) -> Span:
        """ "the Ata Meken party", "the Tigray Defence Forces militia": a name written before a lower-case group
        noun names the group; the model often tags the name alone, as a person or a place."""
        head = span.end
        if head >= len(self.tokens) or span.root.dep_ != "compound" or span.root.head.i != head:
            return span
        word = self.tokens[head]
        if word.lower_ not in GROUP_NOUNS or not word.text.islower() or self.lexicon.country(span.text):
            return span  # ("the Russia bloc" is a country's)
        return Span(self.doc, span.start, head + 1, label="ORG")

    def _with_untagged_group_names(self, spans: list[Span]) -> list[Span]:
        """ "the Caminando Fronteras charity", "the Red Delta gang": capitalised words the model tagged as
        nothing, written between "the" and a lower-case group noun, are the group's name (without the noun)."""
        tokens, taken, found = self.tokens, {i for s in spans for i in range(s.start, s.end)}, []
        for noun in tokens:
            if noun.lower_ not in GROUP_NOUNS or not noun.text.islower() or noun.i in taken:
                continue
            start = noun.i
            while start - 1 >= 0 and start - 1 not in taken and self._untagged_name_word(tokens[start - 1]):
                start -= 1
            name = self.doc[start : noun.i]
            if (start < noun.i and start > 0 and self.lowers[start - 1] == "the" and not self.lexicon.country(name.text)
                    and not any(self.lexicon.demonym(t.text) for t in name)):
                found.append(Span(self.doc, start, noun.i, label="ORG"))
        return sorted(spans + found, key=lambda s: s.start)

    def _untagged_name_word(self, token: Token) -> bool:
        """A capitalised proper noun the model tagged as nothing, no title's word, not opening its sentence."""
        return (token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_
                and token.lower_ not in self.lexicon.title_words and not token.is_sent_start)

    def _with_given_names(self, spans: list[Span]) -> list[Span]:
        """ "Vania Ilkova Zhelyazkova" with "Vania" read as a place, "God Nisanov" with "God" read as nothing,
        "Ana Lucía Ferrada Soto" with two first names untagged: up to two unknown words the model gave another
        label or none, written right before a person's name and joined to it, are the person's first names; so
        is a person's span the model cut off right before it ("Karla Yolanda" + "Ferrera de Pineda")."""
        out: list[Span] = []
        for span in spans:
            before = out[-1] if out else None
            for _ in range(GIVEN_NAMES):
                if not (span.label_ == "PERSON" and span.start > 0 and (before is None or before.end < span.start)):
                    break
                word = self.tokens[span.start - 1]  # "God Nisanov" with only "Nisanov" tagged
                if not (word.pos_ == "PROPN" and word.dep_ == "compound" and word.text.istitle()
                        and not word.ent_type_
                        and word.lower_ not in self.lexicon.title_words and word.lower_ not in HONORIFIC_TITLES
                        and word.lower_ not in QUALIFIERS and word.lower_ not in PORTFOLIO_WORDS
                        and not self._coordinated_capital(word.i)  # "Minister of Ports and Waterways X"
                        and not self.lexicon.org_word(word.text)):
                    break
                span = Span(self.doc, span.start - 1, span.end, label="PERSON")
            if (before is not None and span.label_ == "PERSON" and before.end == span.start
                    and (self._unknown_name_part(before) or self._split_name(before, span))
                    and before[0].dep_ == "compound"
                    and not (before.start > 0 and self.tokens[before.start - 1].pos_ == "ADP")  # "Governor of X Y"
                    and before[0].lower_ not in self.lexicon.title_words):
                out[-1] = Span(self.doc, before.start, span.end, label="PERSON")
                continue
            out.append(span)
        return out

    def _split_name(self, before: Span, span: Span) -> bool:
        """Whether two person spans written one after the other on a line are one name the model cut in two:
        "Karla Yolanda" + "Ferrera de Pineda"."""
        return (before.label_ == "PERSON" and "\n" not in self.tokens[before.end - 1].whitespace_
                and all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in (*before, *span))
                and not any(t.lower_ in self.lexicon.title_words for t in before))

    def _unknown_name_part(self, span: Span) -> bool:
        """Whether a one-word span the model gave a place's, a body's or a people's label names nothing known
        (no country, town, organization or nationality), so it may be part of a person's name beside it."""
        return (len(span) == 1 and span.label_ in ("GPE", "LOC", "ORG", "NORP") and span[0].text.istitle()
                and not self.lexicon.country(span.text) and not self.lexicon.known_city(span.text)
                and not self.lexicon.organization(span.text) and not self.lexicon.demonym(span.text))

    def _coordinated_capital(self, i: int) -> bool:
        """Whether token `i` ends a pair of capitalised words joined by "and" ("Ports and Waterways")."""
        return (i >= 2 and self.lowers[i - 1] in ("and", "&") and self.tokens[i - 2].text[:1].isupper()
                and not self.tokens[i - 2].is_sent_start)

    def _with_last_surnames(self, spans: list[Span]) -> list[Span]:
        """ "Rolando Aguilar Mejia" with "Mejia" read as a place, or not tagged: one capitalised word the model
        gave a place's or a body's label (or none, when the parse joins the name to it), written right after a
        person's name, is the person's last surname (not a known town or country: "told Maria Lopez Lima" keeps
        Lima)."""
        out: list[Span] = []
        for span in [self._with_untagged_surname(s) if s.label_ == "PERSON" else s for s in spans]:
            before = out[-1] if out else None
            if (before is not None and before.label_ == "PERSON" and before.end == span.start
                    and self._unknown_name_part(span)
                    and span[0].dep_ in ("compound", "pobj", "appos", "dobj", "nsubj", "conj")
                    and not self.lexicon.org_word(span.text)):
                out[-1] = Span(self.doc, before.start, span.end, label="PERSON")
                continue
            out.append(span)
        return out

    def _with_untagged_surname(self, span: Span) -> Span:
        """A person's name cut short of the capitalised word its last word is joined to ("Rolando Aguilar" of
        "Rolando Aguilar Mejia", where the parse makes "Mejia" the name's head and the model tags nothing)."""
        end = span.end
        if end >= len(self.tokens):
            return span
        word = self.tokens[end]
        if (len(span) > 1 and span[-1].dep_ == "compound" and span[-1].head.i == end and word.tag_ == "NNP"
                and word.text.istitle()
                and not word.ent_type_ and not self.lexicon.org_word(word.text)
                and not self.lexicon.known_city(word.text) and word.lower_ not in self.lexicon.title_words):
            return Span(self.doc, span.start, end + 1, label="PERSON")
        return span

    def _without_body_aliases(self, spans: list[Span]) -> list[Span]:
        """ "the Customs Administration (Aduanas Honduras)": a name in brackets right after a body's name is the
        body's other name, not a person the model took it for."""
        out: list[Span] = []
        for span in spans:
            before = out[-1] if out else None
            if (before is not None and span.label_ == "PERSON" and before.label_ == "ORG"
                    and span.start == before.end + 1 and self.tokens[before.end].text == "("
                    and span.end < len(self.tokens) and self.tokens[span.end].text == ")"):
                continue
            out.append(span)
        return out

    def _with_name_particles(self, span: Span) -> Span:
        """A person's name that goes on past a particle: "Ulisses Correia e Silva", "Mohammed bin Zayed",
        "Turki bin Salman Al-Faisal" (a hyphenated word after it is whole)."""
        end, size, tokens = span.end, len(self.tokens), self.tokens
        while True:
            i = end
            while i < size and self.lowers[i] in NAME_PARTICLES and tokens[i].text.islower():
                i += 1
            if end < i < size and glued_hyphen(tokens[i]):
                i += 1  # "al-Rikabi"
            if i == end or i >= size or not (tokens[i].text[:1].isupper() and tokens[i].pos_ == "PROPN"):
                break
            end = i + 1
            while end < size and (tokens[end].text[:1].isupper() and tokens[end].pos_ == "PROPN"
                                  or glued_hyphen(tokens[end]) and tokens[end + 1].text[:1].isupper()):
                end += 1
        return span if end == span.end else Span(self.doc, span.start, end, label="PERSON")

    def _with_title_names(self, spans: list[Span]) -> list[Span]:
        """NER spans with each name after a title as a PERSON span; spans overlapping it are cut."""
        names = self._title_names()
        if not names:
            return spans
        out = []
        for span in spans:
            cut: Span | None = span
            for title_start, start, end in names:
                if cut is None or cut.end <= title_start or cut.start >= end:
                    continue
                if cut.start < title_start:  # "United States Trade" + "Representative X": keep "United States"
                    cut = Span(self.doc, cut.start, title_start, label=cut.label_)
                    cut = None if all(t.lower_ in QUALIFIERS | HONORIFIC_TITLES for t in cut) else cut  # "Majesty"
                elif cut.end <= start and (self.lexicon.organization(cut.text) or self.lexicon.country(cut.text)):
                    pass  # "Treasury" in "Treasury Secretary" names the organization
                else:
                    cut = None
            if cut is not None:
                out.append(cut)
        out += [Span(self.doc, start, end, label="PERSON") for _, start, end in names]
        return sorted(out, key=lambda s: s.start)

    def _named_of_region(self, spans: list[Span], full_names: dict[str, str]) -> list[Span]:
        """ "Rhythm of Eurasia", "Voice of Africa": one capitalised word the model took for a person, "of",
        and a region that is no known country or city, are one organization's name."""
        out: list[Span] = []
        skip = -1
        for n, span in enumerate(spans):
            if n == skip:
                continue
            after = spans[n + 1] if n + 1 < len(spans) else None
            if (after is not None and span.label_ in ("PERSON", "GPE", "LOC") and len(span) == 1
                    and after.label_ in ("GPE", "LOC") and not self.lexicon.country(span.text)
                    and not self.lexicon.known_city(span.text)
                    and after.start == span.end + 1 and self.lowers[span.end] == "of"
                    and span.text not in full_names and not self.lexicon.country(after.text)
                    and not self.lexicon.known_city(after.text)
                    and not (span.start > 0 and self.lowers[span.start - 1] in self.lexicon.title_words)):
                out.append(Span(self.doc, span.start, after.end, label="ORG"))
                skip = n + 1
            else:
                out.append(span)
        return out

    def _described_as_body(self, span: Span) -> bool:
        """A name the model read as a place or a person that an apposition calls an organization: "the assets
        of Los Lobos, a criminal gang", "Rio Verde, a shrimp exporter"; not a known place."""
        if span.label_ not in ("GPE", "LOC", "PERSON") or self.lexicon.country(span.text) \
                or self.lexicon.city_country(span.text):
            return False
        if span.start > 0 and self.tokens[span.start - 1].pos_ == "PROPN":
            return False  # a name the model cut ("Los Choneros" + "del Pacifico"): not relabelled in part
        return any(c.dep_ == "appos" and c.i >= span.end and c.lemma_.lower() in BODY_APPOSITIVES
                   and any(d.lower_ in ("a", "an") for d in c.children) for c in span.root.children)

    def _named_place(self, span: Span, placed: set[str]) -> bool:
        """A name the model took for a person or an organization that is a place: told as one here, or
        elsewhere in the article (`placed`: "near the town of Sutatausa" ... "held in Sutatausa")."""
        return (span.label_ in ("ORG", "PERSON") and not self.lexicon.organization(span.text)
                and (span.text in placed or self._told_as_place(span)))

    def _told_as_place(self, span: Span) -> bool:
        """ "the town of Izium", "the province of Halden", "Al Haouz province": a name after a place noun and "of",
        or before a region's word, is a place, and
        so is one after the post of a town or see with no organization's word ("the mayor of Quilpue"); so is a
        name written between "in" and a country."""
        i = span.start
        if i >= 2 and self.lowers[i - 1] == "of" and self.lowers[i - 2] in PLACE_NOUNS:
            return True
        if self._before_region_word(span):
            return True
        if i >= 2 and self.lowers[i - 1] == "of" and self.lowers[i - 2] in SEAT_HOLDERS and not self._shape_kind(span):
            return True
        # "met in Sal, Cabo Verde": a name between "in" and a country is a place of that country
        if not (i >= 1 and self.lowers[i - 1] in ("in", "at") and span.end < len(self.doc)
                and self.lowers[span.end] == ","):
            return False
        return any(self.lexicon.country(self.doc[span.end + 1 : span.end + 1 + size].text)
                   for size in (1, 2, 3) if span.end + size < len(self.doc))

    def _before_region_word(self, span: Span) -> bool:
        """ "the governor of Al Haouz province": a name written before a region's word names the region (not
        in "the Amazon province of X", where the region's name comes after it)."""
        end = span.end
        return (end < len(self.doc) and self.lowers[end] in REGION_NOUNS and self.tokens[end].text.islower()
                and not (end + 1 < len(self.doc) and self.lowers[end + 1] == "of"))

    def _brand_shaped(self, span: Span) -> bool:
        """A one-word place name with a capital inside ("SouthFront") that is no known place: a brand."""
        return (span.label_ in ("GPE", "LOC") and len(span) == 1 and BRAND_SHAPE.fullmatch(span.text) is not None
                and not self.lexicon.country(span.text) and not self.lexicon.known_city(span.text))

    def _full_names(self, persons: list[Span]) -> dict[str, str]:
        """Name-part and full-name forms -> canonical full name, for parts naming one person only."""
        by_part: dict[str, set[str]] = {}
        for span in persons:
            name = _person_name(span, self.lexicon)
            if name and " " in name:
                words = name.split()
                surnames = {" ".join(words[-2:])} if len(words) >= 3 else set()  # "Aguilera Centeno": two surnames
                for word in {words[-1], *words[1:-1], *surnames}:
                    by_part.setdefault(word, set()).add(name)
        table = {name: name for names in by_part.values() for name in names}
        for part, names in by_part.items():  # (after every full name: "Vega Morales" is "Carlos Vega Morales")
            if len(names) == 1:
                table[part] = next(iter(names))
        return table

    def _after_portfolio(self, span: Span) -> Span:
        """A name the model ran together with the end of a portfolio written before it, "Assistant Secretary
        for Export [Enforcement Jane Roe]", "Minister of [Health and Social Welfare Jan Berg]": the words after
        the portfolio's, when at least two are left, are a person's name."""
        if span.label_ not in ("PERSON", "ORG") or len(span) < 3:
            return span
        if span.end - span.start > 4 and self.lowers[span.start] in PORTFOLIO_HEADS \
                and self.lowers[span.start + 1] in ("for", "of"):  # "[Minister of Industry and Construction X Y]"
            return self._after_portfolio(Span(self.doc, span.start + 2, span.end, label=span.label_))
        i = span.start - 1  # back over the portfolio's words before the span to "for"/"of" after a title's head
        while i > 0 and (self.tokens[i].text[:1].isupper() and self.lowers[i] in PORTFOLIO_WORDS
                         or self.lowers[i] in ("and", "&")):
            i -= 1
        if i < 1 or self.lowers[i] not in ("for", "of") or self.lowers[i - 1] not in PORTFOLIO_HEADS:
            return span
        start = span.start + (self.lowers[span.start - 1] in ("and", "&"))  # "of Ports and [Waterways X Y]"
        while start < span.end and (self.lowers[start] in PORTFOLIO_WORDS or self.lowers[start] in ("and", "&")):
            start += 1
        name = self.doc[start : span.end]
        if start == span.start or len(name) < 2 or not all(t.text[:1].isupper() for t in name):
            return span
        return Span(self.doc, start, span.end, label="PERSON")

    def _after_title(self, span: Span) -> bool:
        """A multi-word name right after a role title ("President Alain Dumont"), or set off by commas after
        one ("the defence minister, Amadou Fall,"), names a person."""
        if span.start == 0 or len(span) < 2 or not all(t.text[:1].isupper() for t in span):
            return False
        if self.lowers[span.start - 1] in self.lexicon.titles_by_last:
            return True
        root = span.root
        if self.lowers[span.start - 1] != "," or span.start < 2:
            return False
        before = self.tokens[span.start - 2]  # the title's last word, right before the comma
        after = span.end
        while after + 1 < len(self.tokens) and self.lowers[after] == "-" and self.tokens[after + 1].text[:1].isupper():
            after += 2  # "Sophie Lavallée[-Roy]": the model stopped at the hyphen of a double surname
        set_off = after < len(self.tokens) and self.lowers[after] == ","
        if set_off and self._portfolio_title_ends(span.start - 1):
            return True  # "Canada's Minister of International Development, Sophie Tremblay-Roy, said"
        return before.lower_ in self.lexicon.titles_by_last and before.text.islower() and (
            root.dep_ == "appos" and root.head.i == span.start - 2 or set_off)  # "X's director-general, Y, said"

    def _apposed_to_title(self, span: Span) -> bool:
        """A name of two to four capitalised words the model took for a body or a place, set beside a person's
        title written in lower case: "Dragan Vukic, the speaker of the assembly, ...", "the presiding judge of
        the chamber of the X Court, Kamel Riahi," (not a known town: "Maputo, the capital of ...")."""
        if span.label_ not in ("ORG", "GPE", "LOC") or not 2 <= len(span) <= 4 or self.lexicon.known_city(span.text) \
                or not all(t.is_alpha and t.text.istitle() and not self.lexicon.org_word(t.text) for t in span) \
                or span.start > 0 and self.lowers[span.start - 1] == "the" or self.lowers[span.start] in GROUP_ARTICLES:
            return False  # ("the Eurasian Trade Monitor, whose director ...", "Los Tiburones, led by ...": bodies)
        root = span.root
        beside = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        return any(t.text.islower() and t.lower_ in self.lexicon.titles_by_last
                   and not any(c.lower_ == "whose" for c in t.children) for t in beside)  # ("X, whose director")

    def _portfolio_title_ends(self, end: int) -> bool:
        """Whether a title with its portfolio, "Minister of International Development", "Secretary for Trade and
        Industry", ends right before token `end`: a title's word, "of" or "for", then capitalised words."""
        j = end - 1
        while j > 1 and end - j <= MAX_PORTFOLIO_WORDS and (
                self.tokens[j].text[:1].isupper() or self.lowers[j] in ("and", "&", "the")):
            if self.lowers[j - 1] in ("of", "for") and self.lowers[j - 2] in self.lexicon.titles_by_last \
                    and self.tokens[j].text[:1].isupper():
                return True
            j -= 1
        return False

    def _org_short_names(self, spans: list[Span], full_names: dict[str, str]) -> dict[str, Span]:
        """The leading words of an unknown organization's multi-word name, as the article shortens it
        later ("Harbor Line" for "Harbor Line Shipping Ltd"): short form -> the full name's span; never a
        country, a people or a town of the gazetteer ("Basra" of "Basra Teaching Hospital")."""
        out: dict[str, Span] = {}
        for span in spans:
            if span.label_ != "ORG" or len(span) < 2 or self.lexicon.organization(span.text):
                continue
            words = [t for t in span]
            for n in range(1, len(words)):
                short = self.doc[span.start:span.start + n]
                if not all(t.text[:1].isupper() and t.is_alpha for t in short) or short.text in out:
                    continue
                if (self.lexicon.country(short.text) or self.lexicon.demonym(short.text)
                        or self.lexicon.city_country(short.text) or self.lexicon.organization(short.text)
                        or short.text in full_names and " " not in short.text
                        or short[-1].lower_ in COMPANY_WORDS or short[0].lower_ in LEADING_WORDS
                        or self.lexicon.org_word(short[-1].text)):
                    continue
                out[short.text] = span
            if (acronym := self._bracketed_acronym(span)) is not None:
                out.setdefault(acronym, span)
        return out

    def _bracketed_acronym(self, span: Span) -> str | None:
        """ "the Alliance for Democratic Change (ADC)": the initials of a name's capitalised words, written in
        brackets right after it, in their order or, for a name translated from another language, in another
        ("the National Office of Electoral Processes (ONPE)")."""
        tokens = self.tokens
        if span.end + 2 >= len(tokens) or tokens[span.end].text != "(" or tokens[span.end + 2].text != ")":
            return None
        acronym = tokens[span.end + 1].text
        initials = "".join(t.text[0] for t in span if t.text[:1].isupper() and t.is_alpha)
        same_letters = sorted(acronym) == sorted(initials)
        return acronym if acronym.isupper() and len(acronym) > 1 and same_letters else None

    def _short_name_of(self, span: Span) -> Span | None:
        """The organization a span names in short: its leading words, or its acronym in brackets."""
        full = self.short_names.get(span.text)
        if full is not None and full.start != span.start:
            return full
        return None

    def _register(self, span: Span, full_names: dict[str, str]) -> None:
        text = self.text_of(span.start, span.end)
        full = self._short_name_of(span)
        if full is not None:
            self._add(span.start, span.end, full.text, self._org_kind(full))
            return
        known_org = self.lexicon.organization(text)
        country = self.lexicon.country(text)
        person = _person_name(span, self.lexicon)
        if span.label_ == "PERSON" and self._media_cue(span):
            name, kind = known_org or (text, MEDIA_ORGANIZATION)
        elif known_org:
            name, kind = known_org
        elif country and (span.label_ != "PERSON" or len(span) == 1 and text not in full_names):
            name, kind = country, COUNTRY  # "Malawi" tagged PERSON is still the country
        elif person and full_names.get(person, person) != person and span.label_ == "PERSON":
            name, kind = full_names[person], PERSON  # "Kumasi" after "Prime Minister Manasseh Kumasi", not a town
        elif (self.lexicon.known_city(text) or self._gazetteer_place_at(span.start, span.end)) \
                and not self._shape_kind(span):
            name, kind = text, PLACE  # a known city the model tagged ORG or PERSON; "ambushed outside Garissa"
        elif person and person in full_names:
            name, kind = full_names[person], PERSON
        elif span.label_ == "PERSON":
            parts = [p for p in HYPHENS.split(text) if p.strip()]
            if len(parts) > 1 and all(p.strip() in full_names for p in parts):
                return  # "Putin-Trump": two people named together, not one person
            if not person:
                return
            name, kind = person, PERSON
        elif span.label_ == "ORG" and span[-1].lower_ in SITE_NOUNS and len(span) > 1:
            name, kind = text, PLACE  # "al-Tahrir Square", "Kisumu Airport": a site, not a body
        elif span.label_ == "ORG":
            name, kind = text, self._org_kind(span)
        else:  # "Zulia state" is Zulia, however the model or _before_region_word drew the span
            words = text.split()
            name, kind = " ".join(words[:-1]) if len(words) > 1 and words[-1] in REGION_NOUNS else text, PLACE
        self._add(span.start, span.end, name, kind)

    def _register_missed_places(self) -> None:
        """Known cities and countries (kg/data) the model did not tag: "a visit to Kyiv"."""
        size = len(self.tokens)
        proper = [t.text[:1].isupper() and t.pos_ == "PROPN" for t in self.tokens]
        # a capitalised proper noun that does not open its sentence continues a name
        continues = [p and not t.is_sent_start for p, t in zip(proper, self.tokens, strict=True)]
        i = 0
        while i < size:
            if not proper[i]:  # every candidate name starts with token i
                i += 1
                continue
            found = None
            for length in (3, 2, 1):
                end = i + length
                if end > size or any(k in self.token_keys for k in range(i, end)):
                    continue
                if not all(proper[i:end]):
                    continue
                if (i > 0 and continues[i - 1]) or (end < size and continues[end]):
                    continue  # part of a longer name: "Jordan" in "Michael Jordan"
                words = self.text_of(i, end)
                country = self.lexicon.country(words)
                known = self.lexicon.known_city(words) or self._gazetteer_place_at(i, end)
                city = None if country or not known else self.lexicon.city_country(words)
                if country:
                    found = (end, country, COUNTRY)
                elif city or self._named_as_place(i, end):
                    found = (end, words, PLACE)
                if found:
                    break
            if found:
                self._add(i, found[0], found[1], found[2])
                i = found[0]
            else:
                i += 1

    def _named_as_place(self, start: int, end: int) -> bool:
        """Whether tokens start..end are named as a settlement, known or not: "the village of Tegh", "the
        town of Kalemba" (not a date or number)."""
        return start >= 3 and self.lowers[start - 1] == "of" and self.lowers[start - 2] in SETTLEMENT_NOUNS \
            and self.lowers[start - 3] == "the" and not any(t.ent_type_ in NOT_NAMES for t in self.tokens[start:end])

    def _gazetteer_place_at(self, start: int, end: int) -> bool:
        """Whether tokens start..end name a city of the gazetteer where a place is expected: after "in",
        "near", "outside" ("a bridge near Dori"), after "the town of" ("the border town of Moyale"), before
        ", where", or before the common noun of a site ("a rally at the Francistown stadium")."""
        if not self.lexicon.city_country(self.text_of(start, end)) or any(
                t.ent_type_ in NOT_NAMES for t in self.tokens[start:end]):
            return False  # (not "in March")
        before = self.lowers[start - 1] if start >= 1 else ""
        if before in LOCATIVE_PREPOSITIONS or self.lowers[end : end + 2] == [",", "where"]:
            return True  # "outside Garissa", "Kasese, where a mudslide ..."
        gone_to = start >= 2 and before == "to" and self.tokens[start - 2].lemma_.lower() in GOING_VERBS
        if gone_to or start >= 1 and self.tokens[start - 1].lemma_.lower() in VISITING_VERBS:
            return True  # "flew to Jumla", "visited Korce"
        if end < len(self.tokens) and self.tokens[end].text in SITE_NOUNS:
            return True  # "the Mzuzu stadium" (a lower-case site noun: "Mzuzu Stadium" is the site's own name)
        return before == "of" and start >= 2 and self.tokens[start - 2].lemma_.lower() in PLACE_NOUNS

    def _register_places_of_countries(self) -> None:
        """A place the model missed, written before its country: "met in Sal, Cabo Verde", "at Ras Tanura,
        Saudi Arabia"."""
        tokens, size = self.tokens, len(self.tokens)
        for i in range(size - 1):
            if self.lowers[i] not in ("in", "at", "to", "from", "near"):
                continue
            end = i + 1
            while end < size and end - i <= 3 and tokens[end].pos_ == "PROPN" and tokens[end].text[:1].isupper() \
                    and end not in self.token_keys and tokens[end].ent_type_ not in NOT_NAMES:
                end += 1  # (not a date: "In February, Norway and Iceland signed ...")
            country = self.token_keys.get(end + 1) if end + 1 < size and self.lowers[end] == "," else None
            if end > i + 1 and country and self.records[country].kind == COUNTRY:
                self._add(i + 1, end, self.doc[i + 1 : end].text, PLACE)

    def _register_missed_surnames(self, full_names: dict[str, str]) -> None:
        parts = {part.lower() for part in full_names}  # (a word not one of these in lower case is none of them)
        for i, token in enumerate(self.tokens):
            if self.lowers[i] not in parts or i in self.token_keys:
                continue  # (read first: a word's text is built from the string store on each read)
            text = token.text
            if not text[:1].isupper():
                continue
            start, end = i, i + 1  # "Kamara-Sesay": the double surname, never its half ("Sesay" is another person)
            while start > 1 and glued_hyphen(self.tokens[start - 1]):
                start -= 2
            while end + 1 < len(self.tokens) and glued_hyphen(self.tokens[end]):
                end += 2
            if any(k in self.token_keys for k in range(start, end)):
                continue
            found = self._name_run_around(start, end, full_names)
            if found is not None:
                self._add(found[0], found[1], full_names[self.text_of(*found)], PERSON)

    def _name_run_around(self, start: int, end: int, full_names: dict[str, str]) -> tuple[int, int] | None:
        """The run of capitalised words the model left untagged around tokens `start`..`end` (no title's word),
        when it is a name of `full_names`: "Teresa Almeida Vaz" where the model tagged the three words as a title
        of a work, not "Almeida" alone; none when the run is longer than a known name ("Wilmer Andres Zambrano
        Vera" is not "Jhonny Alexander Zambrano Vera" named "Zambrano Vera")."""
        def free_word(k: int) -> bool:
            return (0 <= k < len(self.tokens) and k not in self.token_keys and self.tokens[k].text.istitle()
                    and self.lowers[k] not in self.lexicon.title_words and self.lowers[k] not in HONORIFIC_TITLES)
        left, right = start, end
        while start - left < MAX_NAME_WORDS and free_word(left - 1):
            left -= 1
        while right - end < MAX_NAME_WORDS and free_word(right):
            right += 1
        return (left, right) if self.text_of(left, right) in full_names else None

    def _register_missed_acronyms(self) -> None:
        """ "The National Office of Electoral Processes (ONPE) ... ONPE head X said": an acronym a body was
        given in brackets names that body wherever the model tagged nothing."""
        bodies = {short: key for short, span in self.short_names.items()
                  if short.isupper() and " " not in short and (key := self.token_keys.get(span.start)) is not None}
        for i, token in enumerate(self.tokens):
            key = bodies.get(token.text) if i not in self.token_keys else None
            if key is not None:
                self._add(i, i + 1, self.records[key].label, self.records[key].kind)

    def _add(self, start: int, end: int, name: str, kind: str) -> None:
        name = ordinary_spelling(name, self.lexicon) if kind in (PLACE, COUNTRY) else name
        key = entity_key(kind, name)
        record = self.records.setdefault(key, _Record(name, kind))
        text, first = self.text_of(start, end), self.tokens[start].idx
        record.aliases.add(text)
        record.mentions.append((first, first + len(text)))  # its characters, as `doc[start:end]` gives them
        for i in range(start, end):
            self.token_keys[i] = key
            self.mention_spans[i] = (start, end)

    def _trim(self, ent: Span) -> Span | None:
        """The entity without a leading article, trailing possessive or punctuation; None if junk."""
        start, end = ent.start, ent.end
        tokens, lowers = self.tokens, self.lowers
        while start < end and (lowers[start] in LEADING_WORDS or tokens[start].is_punct
                               or tokens[start].text in LIST_MARKS and end - start > 1):
            start += 1
        end = next((i for i in range(start + 1, end) if lowers[i] in NEARBY_WORDS and tokens[i].text.islower()
                    and tokens[i - 1].text[:1].isupper()), end)  # "the Five Hills Training Area near Ulaanbaatar"
        bracket = next((i for i in range(start, end) if tokens[i].text == "("), None)
        if bracket is not None and all(tokens[i].text != ")" for i in range(bracket, end)):
            end = bracket  # "the Union for Change (UFC": the model's span stops inside a bracket; the name is before it
        while end > start and (lowers[end - 1] in ("'s", "\u2019s", "'", "of", "the", "and")
                               or tokens[end - 1].is_punct):
            end -= 1
        if start >= end:
            return None
        span = Span(self.doc, start, end, label=ent.label_)
        text = self.text[span.start_char : span.end_char]  # span.text, without building its tokens
        if "\n" in text or not any(ch.isalpha() for ch in text):
            return None
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens[start:end]):
            return None  # "disco club": a name is written with a capital
        return span

    def _media_cue(self, span: Span) -> bool:
        window = self.doc[max(span.start - 2, span.sent.start) : span.start]
        return any(token.lower_ in MEDIA_CUES for token in window)

    def _org_kind(self, span: Span) -> str:
        words = {normalize(t.text) for t in span}
        if words & GOVERNMENT_WORDS:
            return GOVERNMENT_BODY
        if words & COMPANY_WORDS or self._shape_kind(span) == COMPANY:
            return COMPANY
        if any(t.lemma_.lower() in COMPANY_NOUNS for t in _describers(span)):
            return COMPANY
        if any(t.lower_ in MEDIA_CUES for t in self.doc[max(span.start - 2, 0) : span.start]):
            return MEDIA_ORGANIZATION
        return ORGANIZATION


def glued_hyphen(token: Token) -> bool:
    """Whether a token is a hyphen written between two words without spaces ("Asante-Boateng", "Indo-Pacific")."""
    return (token.text == "-" and 0 < token.i < len(token.doc) - 1 and not token.nbor(-1).whitespace_
            and not token.whitespace_)


def _overriding(spans: list[Span], found: list[Span]) -> list[Span]:
    """`spans` with `found` in place of every span that overlaps one of them, in order."""
    if not found:
        return spans
    covered = {t for span in found for t in range(span.start, span.end)}
    kept = [s for s in spans if not any(t in covered for t in range(s.start, s.end))]
    return sorted(kept + found, key=lambda s: s.start)


def _hyphen_part(doc: Doc, i: int) -> bool:
    """Whether tokens i, i+1 are "-" and a word glued to the name before them."""
    return (i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and doc[i + 1].is_alpha)


def _particle_hyphen_part(doc: Doc, i: int) -> bool:
    """Whether tokens i, i+1, i+2 are a lower-case name particle, "-" and a capitalised word: "al-Rikabi"."""
    return (doc[i].lower_ in NAME_PARTICLES and doc[i].text.islower() and _hyphen_part(doc, i + 1)
            and doc[i + 2].text[:1].isupper())


def _describers(span: Span) -> list[Token]:
    """Nouns describing a name: its apposition head, or the noun it is compounded to."""
    root = span.root
    found = [root.head] if root.dep_ in ("appos", "conj") else []
    if root.dep_ == "conj" and root.head.dep_ == "appos":
        found.append(root.head.head)
    found += [t for t in span.doc[max(span.start - 2, 0) : span.start]]
    return found




def _person_name(span: Span, lexicon: Lexicon) -> str | None:
    """A person's name as written, without leading titles: "President Joe R. Biden" -> "Joe R. Biden"
    (the resolver still finds "Joe Biden" by surname and first initial)."""
    words = span.text.split()
    while words and (words[0].lower().strip(".") in lexicon.title_words or words[0].lower() in HONORIFIC_TITLES
                     or lexicon.demonym(words[0]) and len(words) > 2):
        words = words[1:]  # ("Rt Hon Ana Ruiz"; "the Uruguayan Ana Ruiz": her people, no name of hers)
    while words and re.fullmatch(r"[A-Z]\.?", words[0]):
        words = words[1:]  # an initial the title words left alone
    while len(words) > 1 and words[-1].strip(",") in POST_NOMINALS:
        words = words[:-1]  # "Anil Perera PC": letters after the name
    if not words or not words[0][:1].isupper():
        return None
    return " ".join(words)


def match_title(doc: Doc, end: int, lexicon: Lexicon) -> int | None:
    """The start of the longest known title ending just before token `end`, or None."""
    if end < 1 or end > len(doc):
        return None
    offset = max(end - (len(lexicon.titles[0]) if lexicon.titles else 0), 0)  # no title is longer
    return title_ending([t.lower_ for t in doc[offset:end]], end, lexicon, offset)


def title_ending(lowers: list[str], end: int, lexicon: Lexicon, offset: int = 0) -> int | None:
    """The start of the longest known title ending just before token `end`, or None, given the
    lowercase texts of the tokens from `offset` on (`lowers[k]` is token `offset + k`)."""
    last = end - 1 - offset
    if last < 0 or last >= len(lowers):
        return None
    if last >= 1:
        for words in lexicon.titles_by_last_two.get((lowers[last - 1], lowers[last]), ()):
            start = last + 1 - len(words)
            if start >= 0 and tuple(lowers[start : last + 1]) == words:
                return start + offset
    ending = lexicon.titles_by_last.get(lowers[last], ())  # longest first: a one-word title comes last
    return last + offset if ending and ending[-1] == (lowers[last],) else None
