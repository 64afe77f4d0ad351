"""Person–role–organization facts: "Kremlin spokesman Dmitry Peskov", "X, the Kremlin's spokesman"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extractors.circumstances import REPORTING_VERBS, countries_named, country_of_place, stop_of
from kg.extractors.context import HomeContext
from kg.extractors.entities import (
    APPOINTING_VERBS,
    APPOINTMENT_NOUNS,
    COMPANY_NOUNS,
    HONORIFIC_TITLES,
    POSSESSIVE_MARKS,
    QUALIFIERS,
    REGION_NOUNS,
    EntityTable,
    glued_hyphen,
    title_ending,
)
from kg.extractors.evidence import make_evidence
from kg.extractors.lexicon import word_list
from kg.extractors.patterns import iter_matches, load_patterns
from kg.extractors.places import country_of_place as place_country
from kg.extractors.target_lists import BULLETS, bullet_line, ends_with_colon
from kg.model import (
    COMPANY,
    COUNTRY,
    GOVERNMENT_BODY,
    MEDIA_ORGANIZATION,
    ORGANIZATION,
    PERSON,
    PLACE,
    Document,
    RoleFact,
)

NOT_NAME_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
# Prepositions after a title that name its organization: "President Xi of China", "spokesperson for Y".
ORG_PREPOSITIONS_AFTER_NAME = {"of"}
ORG_PREPOSITIONS_AFTER_TITLE = {"of", "for", "at", "from", "with"}  # "a lawmaker from the X party"
PORTFOLIO_ENDS = word_list("portfolio_ends")
COUNTERPART = "counterpart"
NATIONAL_HEADS = word_list("national_heads")
SEATED_WORDS = word_list("seated_words")
COMPANION_VERBS = word_list("companion_verbs")
NOT_NATIONAL = word_list("not_national")
# Words a line of a list of people may open with before the name: "The Honorable", "His Excellency", "- ".
LINE_OPENERS = HONORIFIC_TITLES | {"the", "his", "her", "lord", "lady", "-", "*", "\u2022"}
BODY_NAME_WORDS = 8  # "United States Trade and Development Agency"
TOLD_TAGS = {"VBD", "MD"}  # a past tense or a modal: a sentence that tells something, not a list line
PRESENT_TAGS = {"VBZ", "VBP"}  # a present tense tells too, in lower case ("is visiting"; a title is capitalised)
LOCAL_HEADS = word_list("local_heads")
LOCAL_RANKS = word_list("local_ranks")
COURT_HEADS = word_list("court_heads")
COURT_WORDS = word_list("court_words")
GENERIC_BODY_NOUNS = word_list("generic_body_nouns")
PROFESSION_HEADS = word_list("profession_heads")
BEAT_WORDS = {"affairs", "politics", "issues"}  # "Pacific affairs reporter": what a reporter covers, no body
COMPANY_POSTS = word_list("company_posts")
BANK_POSTS = word_list("bank_posts")
LINE_SEPARATORS = {",", "–", "—", "-"}  # between a name and its title on a line of a list
CONSTITUENCY_POSTS = word_list("constituency_posts")
CENTRAL_BANK_WORDS = word_list("central_bank_words")
LOCAL_BODY_WORDS = ("municipality", "city", "town", "council", "commune", "county", "borough")
COUNTRY_NOUNS = word_list("country_nouns")
COUNTRY_LOOKBACK = 80  # tokens searched back for the country "the country" means
PORTFOLIO_HEADS = word_list("portfolio_heads")
PORTFOLIO_WORDS = 6  # "Senior Director for European Affairs, ...": words between a title and its comma
FUNCTION_WORDS = 3  # "head of risk and compliance at Y": the lower-case words of the work a title heads
FUNCTION_HEADS = word_list("function_heads")
OWN_POST_VERBS = {"appoint", "name", "elect", "choose", "select"}  # a body giving a post of its own, not confirming
DESCRIPTOR_WORDS = 4  # "state-owned grid operator": lower-case words between "of" and a company name
BODY_NAME_LOWER_WORDS = 3  # "Estonia's [national electoral commission] chair": a body's lower-case words
CONTEXT_SENTENCES = 2  # sentences before a title that may name its country
ACTING_BODY_SENTENCES = 3  # sentences back where "the company" may find the company a sentence tells acting
NAMED_BODY_SENTENCES = 12  # sentences back where "the agency" may find the body whose name holds the word
# a body named after these is named in passing ("a filing to the X Exchange", "analysts at Y"), not after "of" or "by"
PASSING_PREPOSITIONS = {"at", "from", "to", "with"}
BOARD_WORDS = {"board", "directorate"}  # a company's organ that names its officers
LEFT_POST_VERBS = word_list("left_post_verbs")
LEAVING_NOUNS = {"resignation", "departure"}  # "X submitted his resignation", "X announced her departure"
STORY_BODY_MENTIONS = 2  # mentions that make a company the one a story is about ("the company" far from a name)
DOMINANT_MENTIONS = 3  # mentions that make a country the one an article is about
HEADLINE_WEIGHT = 2  # mentions a country named in the headline counts for
DEPARTMENTS_COUNTRY = "United States"  # whose departments kg/data/organizations.tsv knows by short names
STATE_POST_HEADS = word_list("state_post_heads")
MILITARY_RANKS = word_list("military_ranks")
RETIRED = {"retired"}  # a word before a rank the holder no longer serves in: "retired general X"
LEADER_TITLES = (("prime", "minister"), ("president",), ("chancellor",), ("premier",))
PERSONAL_POSTS = word_list("personal_posts")
ENVOY_HEADS = word_list("envoy_heads")
MODIFIED_HEADS = word_list("modified_heads")
SPOKES_HEADS = word_list("spokes_heads")
BODY_WORDS = word_list("body_words")
STATE_NOUNS = word_list("state_nouns")
VOTERS = word_list("voters")
# Verbs and prepositions that make a titled person the other party, not a member of the home country.
LISTING_PREPOSITIONS = {"including", "among"}  # "leaders, including President X"
TAKING_PART_VERBS = word_list("taking_part_verbs")
SIDE_WORDS = 8  # words after "Participating" where "from <country>" names the side
OTHER_PARTY = word_list("other_party")
PRESENT_HOLDER_WORDS = word_list("present_holder_words")
OWNER_PRONOUNS = {"its", "their"}  # "named X its chief executive": the organization named before
POSSESSOR_WORDS = 5  # "named X the Republic of Chile's new ...": words between a name and the title it is given
RELATIVE_PRONOUNS = {"who", "whom", "that"}


def match_title(doc: Doc, end: int, table: EntityTable) -> int | None:
    """The start of the longest known title ending just before token `end`, or None; a head with any
    portfolio written after it counts: "Minister of Local Government and Rural Development"."""
    known = title_ending(table.lowers, end, table.lexicon)
    return known if known is not None else _portfolio_title_start(doc, end, table)


def _portfolio_title_start(doc: Doc, end: int, table: EntityTable) -> int | None:
    """ "Minister of Humanitarian Action", "Secretary for Trade and Industry", "Special Envoy for the Great Lakes
    Region": a head of the portfolio_heads list, "of"/"for", then capitalised words (and "and"; "the" after "for") up
    to token `end`; the start of the head's title."""
    i = end - 1
    if i < 1 or not doc[i].text[:1].isupper():
        return None
    words = 0
    while i > 0 and words < PORTFOLIO_WORDS and (doc[i].text[:1].isupper() or doc[i].lower_ in ("and", "&")
                                                 or doc[i].lower_ == "the" and doc[i + 1].text[:1].isupper()
                                                 or glued_hyphen(doc[i])) \
            and doc[i].lower_ not in ("of", "for"):
        i, words = i - 1, words + 1
    body_first = False
    if doc[i].lower_ == "for" and (body := table.span_at(i - 1)):
        of = body[0] - 1 - (body[0] >= 3 and doc[body[0] - 1].lower_ == "the")  # "of [the] Treasury for ..."
        if of >= 1 and doc[of].lower_ == "of" and doc[of - 1].lower_ in PORTFOLIO_HEADS:
            i, body_first = of, True  # "Under Secretary of Commerce for Industry and Security": the body, then
            # the portfolio
    if doc[i].lower_ not in ("of", "for") or doc[i - 1].lower_ not in PORTFOLIO_HEADS or doc[i + 1].lower_ == "and":
        return None
    if doc[i].lower_ == "of" and "the" in table.lowers[i + 1 : end] and not body_first:
        return None  # "Chief Secretary of the Tax Office": a body after "of the", not a portfolio
    if table.key_at(i + 1) and table.kind(table.key_at(i + 1)) in (COUNTRY, PLACE, PERSON):
        return None  # "President of Ghana": a country, not a portfolio
    return title_ending(table.lowers, i, table.lexicon)


def match_title_around(doc: Doc, head: int, table: EntityTable) -> tuple[int, int] | None:
    """The longest known title that contains token `head`, as a (start, end) range: of the runs of words
    around it that are titles, the one listed first in `lexicon.titles`, at its first start. Each run is
    looked up (a few dozen at most), rather than each title holding the word tried (thousands for "minister")."""
    lowers, ranks, titles = table.lowers, table.lexicon.title_ranks, table.lexicon.titles
    for size in range(len(titles[0]) if titles else 0, 0, -1):  # `titles` are longest first
        found = min(((rank, start) for start in range(max(head - size + 1, 0), min(head + 1, len(lowers) - size + 1))
                     if (rank := ranks.get(tuple(lowers[start : start + size]))) is not None), default=None)
        if found is not None:
            return found[1], found[1] + size
    return None


def _body_words_start(doc: Doc, i: int, table: EntityTable, lower: int) -> int | None:
    """Where the lower-case words naming a body around token `i` start, when a possessive comes before them:
    "Estonia's [central bank] governor", "the party's [national executive committee] chair"; else None."""
    def modifier(j: int) -> bool:
        return doc[j].is_lower and doc[j].is_alpha and doc[j].dep_ in ("amod", "compound")

    run_end = i + 1  # (words of the body the title's modifiers may already have taken: "bank" of "bank governor")
    while run_end < len(doc) and modifier(run_end):
        run_end += 1
    start = i + 1
    while start - 1 > lower and run_end - start < BODY_NAME_LOWER_WORDS and modifier(start - 1):
        start -= 1
    if start > i or doc[start - 1].text not in POSSESSIVE_MARKS:
        return None
    return start if any(table.lexicon.org_word(doc[j].text) for j in range(start, run_end)) else None


def _org_before(doc: Doc, end: int, table: EntityTable, lower: int,
                personal: bool = False) -> tuple[str | None, int]:
    """The organization written right before token `end` (possessive, demonym or name), and its start;
    with `personal`, a person too: "Sarkozy spokeswoman X" (a post held for a person)."""
    i = end - 1
    if i < lower:
        return None, end
    if doc[i].text == ")" and i - 2 >= lower and doc[i - 2].text == "(":
        i -= 3  # "the People's Republic of China (PRC) State Councilor": skip the acronym
        if i < lower:
            return None, end
    if doc[i].lower_ == "its":  # "X and its chief executive Y": the organization just named
        return _its_antecedent(doc, i, table), i
    if doc[i].lower_ == "whose":  # "the Vatican, whose secretary of state, X,": what the clause is on
        clause = next((a for a in doc[i].ancestors if a.dep_ == "relcl"), None)
        owner = _org_named_by(clause.head, table) if clause is not None else None
        if owner is None and i >= 2 and doc[i - 1].text == "," and not doc[i - 1].is_sent_start:
            named = i - 2  # the parse lost the clause: the body right before ", whose" (not "X in Peru"), past
            if named > 0 and doc[named].text == ")":  # its short name: "Araks Logistics CJSC (Araks Logistics),"
                named = next((j - 1 for j in range(named - 1, max(named - 6, 0), -1) if doc[j].text == "("), named)
            owner = table.key_at(named)
            owner = owner if owner and table.kind(owner) not in (PERSON, COUNTRY, PLACE) else None
        return owner, i
    body = _body_words_start(doc, i, table, lower)
    if body is not None:  # "Estonia's central bank governor": the body is the possessor's
        i = body - 1
    if doc[i].text in POSSESSIVE_MARKS and i - 1 >= lower:
        key = table.key_at(i - 1)
        if key:
            return key, table.span_at(i - 1)[0]  # type: ignore[index]
        if doc[i - 1].lower_ in COUNTRY_NOUNS:  # "the country's president": the country named last
            return _country_before(i - 1, table), i - 1
        if (doc[i - 1].pos_ == "NOUN" and i - 2 >= lower and doc[i - 2].lower_ == "the"
                and match_title(doc, i, table) is None):  # (not "the president's adviser")
            return _noun_antecedent(doc[i - 1], table), i - 2  # "the agency's president"
        return None, end
    key = table.key_at(i)
    if key and (table.kind(key) != PERSON or personal and key != table.key_at(end)):
        start = table.span_at(i)[0]  # type: ignore[index]
        before = doc[start - 1] if start - 1 >= lower else None
        if (table.kind(key) == COUNTRY and before is not None and before.pos_ == "PROPN"
                and before.dep_ == "compound" and before.text[:1].isupper() and table.key_at(before.i) is None
                and before.lower_ not in QUALIFIERS | HONORIFIC_TITLES):
            # "Environment Canada spokesperson", "Air France pilot": a body named with its country's name
            return table.ensure(doc[start - 1 : i + 1].text, ORGANIZATION), start - 1
        owner = _possessor_before(doc, start, table, lower)
        if table.kind(key) in (COUNTRY, PLACE) and owner and table.kind(owner) not in (COUNTRY, PLACE):
            return owner, table.span_at(start - 2)[0]  # type: ignore[index]  # "the BBC's East Africa editor"
        return key, start
    for start in (i - 2, i - 1):  # "Bissau-Guinean", "Cape Verdean", "Sierra Leonean": read whole
        words = doc[start : i + 1] if start >= lower else None
        if words is not None and all(w.text[:1].isupper() or w.text == "-" for w in words):
            country_name = table.lexicon.demonym(words.text) or table.lexicon.country(words.text)
            if country_name:
                return table.ensure(country_name, COUNTRY), start
    country = table.country_of_word(doc[i])
    if country:
        # "Nouadhibou's Senegalese coach" is the club's (a town to the model), but "A's Sudanese counterpart" is
        # Sudan's
        owner = _possessor_before(doc, i, table, lower)
        if owner:
            return owner, table.span_at(i - 2)[0]  # type: ignore[index]
        return country, i
    if doc[i].pos_ == "NOUN" and doc[i].text.islower() and table.lexicon.org_word(doc[i].text) \
            and i - 1 >= lower and doc[i - 1].lower_ in ("a", "an", "the"):
        body = _noun_antecedent(doc[i], table)  # "the Interior Ministry said. A ministry spokesman, X"
        return (body, i) if body else (None, end)
    return _untagged_name_before(doc, i, table, lower)


def _untagged_name_before(doc: Doc, i: int, table: EntityTable, lower: int) -> tuple[str | None, int]:
    """ "Gazprom chief executive X": a proper noun the model tagged as no entity, written as a modifier
    of the title, names the organization; the words before that one may hang anywhere in the parse ("ECOWAS
    Commission President X")."""
    def name_word(j: int) -> bool:
        token = doc[j]
        return (token.pos_ == "PROPN" and (token.dep_ == "compound" or j < i) and token.text[:1].isupper()
                and table.key_at(j) is None and token.lower_ not in table.lexicon.title_words
                and token.lower_ not in QUALIFIERS | HONORIFIC_TITLES and token.ent_type_ not in NOT_NAME_ENTITIES)

    if i < lower or not name_word(i):
        return None, i + 1
    start = i
    while start - 1 >= lower and (name_word(start - 1) or start - 2 >= lower and glued_hyphen(doc[start - 1])
                                                and name_word(start - 2)):
        start -= 1
    if start == i and table.lexicon.org_word(doc[i].text):
        return None, i + 1  # "Department Spokesperson": a lone word of a body names none
    return table.ensure(doc[start : i + 1].text, ORGANIZATION), start


def _country_before(i: int, table: EntityTable) -> str | None:
    """The country "the country" means at token `i`: of the countries named within a few sentences before,
    the one the article names most (a neighbour named last is seldom the one it is about), else the last."""
    named = [k for j in range(i - 1, max(i - COUNTRY_LOOKBACK, 0) - 1, -1)
             for k in [table.key_at(j)] if k and table.kind(k) == COUNTRY]
    if not named:
        return None
    return max(dict.fromkeys(named), key=lambda k: len(table.records[k].mentions))


def _its_antecedent(doc: Doc, its: int, table: EntityTable) -> str | None:
    """The nearest organization (no person, country or place) named before "its", in its sentence or the
    one before: "The Y brought the case. Its chairperson, X, said ..."; in a sentence that has just given
    another post of a possessor, that possessor, whatever it is: "the Z State's finance minister, A, and its
    health minister, B", or what a body's noun stands for: "the bank's chairman, A, and its chief executive, B"."""
    for i in range(its - 1, doc[its].sent.start, -1):
        key = table.key_at(i - 1)
        if doc[i].text not in POSSESSIVE_MARKS or not any(
                match_title(doc, j, table) == i + 1 for j in range(i + 2, min(i + 6, its))):
            continue
        if key and table.kind(key) != PERSON:
            return key
        owner = doc[i - 1]  # "the bank's chairman, A, and its chief executive, B": the bank, as "the bank's" is
        if key is None and owner.pos_ == "NOUN" and _body_word_kind(owner.lemma_.lower(), table):
            return _noun_antecedent(owner, table)
    if doc[its].is_sent_start and its > 0:  # "Its chairman, X, ..." opening a sentence: what the one before was about
        before = doc[its - 1].sent
        subjects = [table.key_at(t) for t in before if t.dep_ in ("nsubj", "nsubjpass") and table.key_at(t)]
        found = [k for k in subjects if k and table.kind(k) not in (PERSON, COUNTRY, PLACE)]
        if found:
            return found[0]
    told = _subject_body(doc[its], table)
    if told is not None:
        return told
    for i in range(its - 1, _previous_sentence_start(doc, its) - 1, -1):
        key = table.key_at(i)
        if key and table.kind(key) not in (PERSON, COUNTRY, PLACE):
            return key
    return None


def _body_word_kind(word: str, table: EntityTable) -> str | None:
    """The kind of body a common noun names ("ministry", "agency"), a company for every company noun of words.tsv
    ("the airline's", "the operator"); None for other words."""
    return table.lexicon.org_word(word) or (COMPANY if word in COMPANY_NOUNS else None)


def _subject_body(its: Token, table: EntityTable) -> str | None:
    """The body "its" stands for when the clause around it has a body told by a word of its kind as its subject:
    "The airline's board appointed its chief operating officer, X", "The company also said its
    chief financial officer, X, would ..." (not a body named in passing nearer: "in a filing to the Y Exchange")."""
    for verb in its.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not c.left_edge.i <= its.i <= c.right_edge.i), None)
        if subject is None:
            continue
        if table.key_at(subject) is not None:
            return None  # ("Treasury designated Y and its leader X": the nearest body, below)
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        noun = owner if owner is not None else subject  # "The airline's board": the airline
        if noun.pos_ == "NOUN" and _body_word_kind(noun.lemma_.lower(), table):
            return _noun_antecedent(noun, table)
        return None
    return None


def _noun_antecedent(noun: Token, table: EntityTable) -> str | None:
    """What "the company", "the agency" or "the junta" in "the agency's president" stands for: the nearest
    organization whose name holds the word (named up to twelve sentences before), or whose kind the word names
    ("company", in this sentence or the one before; "organization" or "group" names any non-government
    body); for a word of state ("the junta"), the country."""
    word = noun.lemma_.lower()
    if word in STATE_NOUNS:  # the one country named in this sentence or the one before
        doc, start = noun.doc, _previous_sentence_start(noun.doc, noun.i)
        named = _countries_in(doc[start : noun.sent.end], table)
        return table.ensure(next(iter(named)), COUNTRY) if len(named) == 1 else None
    kind = _body_word_kind(word, table)
    if word in REGION_NOUNS:  # "the province's chief minister": the region named last, here or just before
        for i in range(noun.i - 1, _previous_sentence_start(noun.doc, noun.i) - 1, -1):
            key = table.key_at(i)
            if key and table.kind(key) == PLACE:
                return key
        return None
    near = _previous_sentence_start(noun.doc, noun.i)
    acting_since = _sentence_start_back(noun.doc, noun.i, ACTING_BODY_SENTENCES)
    fitting, acting = [], []  # (token, body) the word may stand for, nearest first; the bodies told acting
    for i in range(noun.i - 1, _sentence_start_back(noun.doc, noun.i, NAMED_BODY_SENTENCES) - 1, -1):
        key = table.key_at(i)
        if not key or table.kind(key) in (PERSON, COUNTRY, PLACE):
            continue
        kind_fits = (kind is not None and table.kind(key) == kind
                     or kind == COMPANY and table.kind(key) == ORGANIZATION  # a firm not told as one
                     or word in GENERIC_BODY_NOUNS and table.kind(key) in (ORGANIZATION, COMPANY))
        if word in table.label(key).lower().split() or i >= near and kind_fits:  # "the agency" for the X Agency
            fitting.append((i, key))
        if kind_fits and i >= acting_since and _mention_root(noun.doc, i, table).dep_ in ("nsubj", "nsubjpass"):
            acting.append(key)
    by_name = [(i, key) for i, key in fitting if i >= near and word in table.label(key).lower().split()]
    if by_name and word not in table.label(fitting[0][1]).lower().split():
        # "The Authority fined Harbor Trust Bank. The Authority also fined the bank's chairman": the body whose
        # name holds the word, here or just before, over a nearer one only of a fitting kind
        fitting = by_name + [f for f in fitting if f not in by_name]
    # a body the story tells acting (a sentence's subject) before one only named in passing nearer, after a
    # preposition ("X Marine said ... Analysts at Y called the move overdue. The company's chairman, Z, ...")
    root = _mention_root(noun.doc, fitting[0][0], table) if fitting else None
    in_passing = root is not None and root.dep_ == "pobj"
    if acting and (not fitting or in_passing):
        return acting[0]
    if in_passing and root.head.lower_ in PASSING_PREPOSITIONS \
            and word not in table.label(fitting[0][1]).lower().split():
        # "... said in a filing to the Taiwan Stock Exchange. The company's board named ...": the company the
        # story is about, not a body named in passing after a preposition, when the story names one
        return _story_body(noun, kind, table, least=1) or fitting[0][1]
    return fitting[0][1] if fitting else _story_body(noun, kind, table)


def _story_body(noun: Token, kind: str | None, table: EntityTable, least: int = STORY_BODY_MENTIONS) -> str | None:
    """ "the company's chief financial officer", far from any name: the company the story is about, named at
    least twice (`least`) before, and more often than any other of its kind or as often and first ("X said on
    Tuesday it had appointed ...")."""
    if kind is None:
        return None
    # mentions in the order they are named: of equal counts, most_common gives the first named
    counts = Counter(key for _, _, key in table.mentions_in(0, noun.i) if table.kind(key) == kind)
    ranked = counts.most_common(1)
    return ranked[0][0] if ranked and ranked[0][1] >= least else None


def _mention_root(doc: Doc, i: int, table: EntityTable) -> Token:
    """The syntactic head of the mention holding token `i`."""
    span = table.span_at(i)
    return doc[span[0] : span[1]].root if span else doc[i]


def _sentence_start_back(doc: Doc, i: int, sentences: int) -> int:
    """The start of the sentence `sentences` before the one holding token `i`."""
    start = doc[i].sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _previous_sentence_start(doc: Doc, i: int) -> int:
    start = doc[i].sent.start
    return doc[start - 1].sent.start if start > 0 else start


def _qualifier_before(doc: Doc, end: int, lower: int) -> tuple[str | None, int]:
    """A qualifier written before a title ("former"), and where the words before it end; a word like
    "new" is passed over unrecorded: "Chile's new finance minister" holds the post now."""
    if end - 1 >= lower and doc[end - 1].lower_ in PRESENT_HOLDER_WORDS:
        end -= 1
    if end - 1 >= lower and doc[end - 1].lower_ in QUALIFIERS:
        return doc[end - 1].lower_, end - 1
    return None, end


def _org_after(doc: Doc, start: int, table: EntityTable, preps: set[str], limit: int) -> str | None:
    """The organization in "of/for/at [the] Y" starting at token `start`, or None."""
    if start >= limit or doc[start].lower_ not in preps:
        return None
    i = start + 1
    if i < limit and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    first, i = i, _past_descriptors(doc, i, table, limit)
    if i >= limit:
        return None
    key = table.key_at(i)
    if key and (table.kind(key) != PERSON or i != first):  # "of rail operator Y": Y is no person
        span = table.span_at(i) or (i, i + 1)
        if (doc[start].lower_ == "for" and doc[span[1] - 1].lower_ in PORTFOLIO_ENDS
                and table.lexicon.org_word(doc[span[0]].text) != GOVERNMENT_BODY):
            return None  # "Assistant Secretary for European Affairs": a portfolio (not "for the Ministry of ...")
        if (doc[start].lower_ == "for" and doc[start - 1].lower_ in PORTFOLIO_HEADS and table.kind(key) == ORGANIZATION
                and not table.lexicon.organization(table.label(key))
                and not any(table.lexicon.org_word(t.text) for t in doc[span[0] : span[1]])):
            return None  # "minister for the Indo-Pacific": a region the post is for, which the model took for a body
        if (doc[start].lower_ == "for" and _title_head(doc[start - 1].text) in ENVOY_HEADS
                and table.kind(key) in (COUNTRY, PLACE)):
            return None  # "Personal Envoy for Sudan": the country the envoy deals with, not the one sending
        if doc[start].lower_ == "for" and table.kind(key) == PLACE and doc[start - 1].lower_ not in CONSTITUENCY_POSTS:
            return None  # "deputy director for the Western Hemisphere": the region the post covers (but "the member
            #              of parliament for Chingola" holds the seat of that place)
        return key
    if doc[start].lower_ in ("of", "for") and doc[i].text[:1].isupper():  # "Director of Public Health at the Ministry
        field_end = i  # of Health": the field the post covers, then the body it is held in
        while field_end < limit and field_end - i < PORTFOLIO_WORDS and table.key_at(field_end) is None and (
                doc[field_end].text[:1].isupper() or doc[field_end].lower_ in ("and", "&")):
            field_end += 1
        if field_end > i and field_end < len(doc) and doc[field_end].lower_ == "at":  # (the parse may hang "at" on
            return _org_after(doc, field_end, table, {"at"}, doc[field_end].right_edge.i + 1)  # the person)
    country = table.country_of_word(doc[i])  # "for the Turkish presidency": a body of that country
    body = i + 1  # ("for the Indian foreign ministry": a body's name after lower-case words)
    while body < limit - 1 and body - i <= DESCRIPTOR_WORDS and doc[body].text.isalpha() and doc[body].text.islower() \
            and table.lexicon.org_word(doc[body].text) != GOVERNMENT_BODY:
        body += 1
    if country and body < limit and table.lexicon.org_word(doc[body].text) == GOVERNMENT_BODY:
        return country
    return _country_of_body(doc, i, table, limit) or _body_named_before(doc, i, table, limit)


def _country_of_body(doc: Doc, i: int, table: EntityTable, limit: int) -> str | None:
    """The country in "the army of Chad", "the national police of Peru", "the ministry of mines of Guinea"
    at token `i`: lower-case words up to a word for a body of state, then "of" a country's name (past
    the body's lower-case portfolio)."""
    def lower_word(j: int) -> bool:
        return j < limit and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ != "of"

    body = i
    while lower_word(body) and body - i < DESCRIPTOR_WORDS \
            and table.lexicon.org_word(doc[body].text) != GOVERNMENT_BODY:
        body += 1
    if not lower_word(body) or table.lexicon.org_word(doc[body].text) != GOVERNMENT_BODY:
        return None
    after = body + 1
    if after + 1 < limit and doc[after].lower_ == "of" and lower_word(after + 1):
        after += 1  # "of mines": the portfolio
        while lower_word(after) and after - body <= DESCRIPTOR_WORDS:
            after += 1
    key = table.key_at(after + 1) if after + 1 < limit and doc[after].lower_ == "of" else None
    return key if key and table.kind(key) == COUNTRY else None


def _body_named_before(doc: Doc, i: int, table: EntityTable, limit: int) -> str | None:
    """ "the chairman of the electoral commission" after "the Central Electoral Commission": lower-case
    words ending in an organization word that the end of one body named earlier in the article spells."""
    end = i
    while end < limit and end - i < DESCRIPTOR_WORDS and doc[end].text.isalpha() and doc[end].text.islower():
        end += 1
    words = [t.lower_ for t in doc[i:end]]
    if not words or not table.lexicon.org_word(words[-1]):
        return None
    found = {key for _, _, key in table.mentions_in(0, i) if table.kind(key) not in (PERSON, PLACE, COUNTRY)
             and table.label(key).lower().split()[-len(words):] == words and len(table.label(key).split()) > len(words)}
    return found.pop() if len(found) == 1 else None


def _past_descriptors(doc: Doc, i: int, table: EntityTable, limit: int) -> int:
    """The first token of a name after lower-case describing words: "of logistics firm Y",
    "of Korean battery maker Y", "of Germany's largest lender Y"; `i` itself when no organization
    name follows them."""
    j = i
    owner, span = table.key_at(j), table.span_at(j)
    if owner and span and table.kind(owner) in (COUNTRY, PLACE) and span[1] + 1 < limit \
            and doc[span[1]].text in POSSESSIVE_MARKS:
        j = span[1] + 1  # "Germany's": the country that has the organization named next
    described = j
    while j < limit and j - described < DESCRIPTOR_WORDS:
        if j + 2 < limit and glued_hyphen(doc[j + 1]) and doc[j + 2].lower_ in SEATED_WORDS:
            j += 3  # "Tashkent-based brokerage Y": where it sits describes it too
        elif table.key_at(j) is None and (doc[j].pos_ in ("NOUN", "ADJ") and doc[j].text.isalpha()
                                          and doc[j].text.islower() or table.country_of_word(doc[j]) is not None):
            j += 1
        else:
            break
    if j == i or j >= limit or not doc[j - 1].text.islower():
        return i
    key = table.key_at(j)
    return j if key and table.kind(key) not in (COUNTRY, PLACE) else i


def extract_roles(doc: Doc, table: EntityTable, document: Document, sentences: list[Span],
                  home: HomeContext | None = None) -> list[RoleFact]:
    """Role facts from every sentence in `sentences`, before any merging."""
    home = home or HomeContext()
    facts = [part for fact in _iter_roles(doc, table, document, sentences, home)
             for part in _joined_titles(fact, table)]
    return _prefer_specific(facts, table)


def _joined_titles(fact: RoleFact, table: EntityTable) -> list[RoleFact]:
    """ "president and chief executive", "Deputy Prime Minister and Foreign Minister": two posts held together,
    one fact each, when both halves are titles of their own (not "Minister of Trade and Industry")."""
    first, sep, second = fact.role.partition(" and ")
    if not sep or not _is_title(first, table) or not _is_title(second, table):
        return [fact]
    return [replace(fact, role=first), replace(fact, role=second)]


def _is_title(text: str, table: EntityTable) -> bool:
    """Whether `text` is a known title (kg/data/titles.txt), whatever its capitals."""
    words = tuple(text.lower().split())
    return bool(words) and words in table.lexicon.titles_by_last.get(words[-1], ())


def _prefer_specific(facts: list[RoleFact], table: EntityTable) -> list[RoleFact]:
    """Drop a title that a longer title of the same person and organization contains ("Secretary"; not one that
    only a qualifier makes longer: "acting Director"); an organization named with more words is the same one
    ("Washington" and "Washington State"). A title a verb gives ("Y, led by chief executive X": "leader") gives
    its body to a lower-case title told with the name, and gives way to any other title of that person with that
    body."""
    def same_body(a: str | None, b: str | None) -> bool:
        if a is None or a == b:
            return True
        words_a, words_b = set(table.label(a).lower().split()), set(table.label(b).lower().split()) if b else set()
        return bool(words_a) and (words_a <= words_b or words_b <= words_a)

    def vaguer(a: RoleFact, b: RoleFact) -> bool:
        words_a, words_b = set(a.role.lower().split()), set(b.role.lower().split())
        return (a.person == b.person and words_a < words_b and not words_b - words_a <= QUALIFIERS
                and same_body(a.org, b.org))  # ("acting Director" is another time of the post, not a longer title)

    # "Y, led by chief executive X": the title said, not "leader"
    verb_titles = ("roles.led_by", "roles.led_by_relative", "roles.led_by_passive", "roles.leads_org")
    led = {(f.person, f.evidence[0].sentence): f.org for f in facts if f.evidence[0].extractor in verb_titles}
    facts = [replace(f, org=led[(f.person, f.evidence[0].sentence)]) if f.org is None
             and (f.role.islower() or f.role.split()[-1].lower() not in STATE_POST_HEADS
                  and not _rank_only(f.role))
             and f.qualifier is None and (f.person, f.evidence[0].sentence) in led
             and f.evidence[0].extractor not in verb_titles else f
             for f in facts]  # (not a post of state, a rank or a past post: "led by former Foreign Minister X",
    #                          "led by General X"; but "the embassy, led by Ambassador X", "run by Deputy Governor X")
    guesses = GUESSED_ORG_RULES
    # a post whose organization was guessed gives way to the same post told with its organization, not to
    # another post ("Prime Minister X, who also chairs the Y party")
    explicit = {(f.person, _title_head(f.role)) for f in facts if f.org and f.evidence[0].extractor not in guesses}
    at_home = {f.person for f in facts if f.evidence[0].extractor == "roles.home"}
    by_person: dict[str, list[RoleFact]] = {}
    for fact in facts:  # compared within one person's facts only: linear in long articles
        by_person.setdefault(fact.person, []).append(fact)
    return [a for a in facts if not any(vaguer(a, b) for b in by_person[a.person])
            and not (a.evidence[0].extractor in verb_titles and any(
                b.org == a.org and b.role != a.role and b.evidence[0].extractor not in verb_titles
                for b in by_person[a.person]))
            and not (a.evidence[0].extractor in guesses and (a.person, _title_head(a.role)) in explicit)
            and not (a.evidence[0].extractor == "roles.context_country" and a.person in at_home)]


TITLE_BEFORE_NAME = "roles.title_before_name"
GUESSED_ORG_RULES = ("roles.home", "roles.context_country", "roles.article_country")
TOLD_BEFORE = "roles.told_before"
SIDE_VERBS = word_list("side_verbs")
SIDE_NOUNS = word_list("side_nouns")
NAMED_TO_POST = "roles.named_to_post"
APPOSITION = "roles.apposition"
TOLD_POST_RULES = frozenset(pattern.rule for pattern in load_patterns("role"))


def _iter_roles(doc: Doc, table: EntityTable, document: Document, sentences: list[Span],
                home: HomeContext) -> Iterator[RoleFact]:
    dominant = _dominant_country(table, document.title) if home.country is None else None
    told = _told_posts(doc, table, document, sentences)
    countries: dict[str, str] = {}  # person -> the country of a post told of them so far
    posts: dict[str, list[RoleFact]] = {}  # person -> the posts told of them so far with their body
    for number, sent in enumerate(sentences):
        found: dict[str, RoleFact] = {}
        paired = _respectively(doc, sent, table, document)
        yield from paired
        for start, end, key in table.mentions_in(sent.start, sent.end):
            if table.kind(key) != PERSON or any(f.person == key for f in paired):
                continue
            listed = _titles_of_line(doc, start, end, key, table, document, sent, home)
            fact = None if listed else (_title_before_name(doc, start, end, key, table, document, sent, found)
                                        or _title_after_name(doc, start, end, key, table, document, sent, home)
                                        or _described(doc, start, end, key, table, document, sent, home)
                                        or _one_of_plural_title(doc, start, key, table, document, sent))
            facts = listed + ([fact] if fact else [])
            if fact is not None and fact.evidence[0].extractor == "roles.title_before_name":
                # "Nigeria's army chief, Lieutenant General X": a rank before the name, a post around it
                described = _described(doc, start, end, key, table, document, sent, home)
                if described is not None and described.org and described.role.lower() != fact.role.lower():
                    facts.append(described)
                elif described is not None and described.org and fact.org is None:
                    facts = [described]  # "Ambassador X, the U.S. Ambassador to Honduras": the apposition's body
                    fact = None
            told_here = told.pop((sent.start, key), [])
            named = None if told_here else _named_to_post(doc, start, end, key, table, document, sent)
            if named is not None and end < sent.end and doc[end].lower_ == "as":
                # "appointed A as interior minister, B as foreign minister": B's post is the one after "as", not
                # the one before the comma
                facts = [f for f in facts if f.evidence[0].extractor != APPOSITION]
            facts += told_here + ([named] if named else [])
            if fact and fact.evidence[0].extractor == "roles.title_before_name":
                facts += _coordinated_titles(doc, start, fact, table, home)
                facts += _post_before_rank(doc, start, fact, table, document, sent)
            title_start = start - len(fact.role.split()) if fact else start
            for each in facts:
                each = _without_portfolio_body(each, table)
                if each.org is None and each.evidence[0].extractor == TITLE_BEFORE_NAME:
                    each = _with_represented_side(each, _name_root(doc, start, table), table) or each
                if each.org is None and (earlier := _same_post_told(each, posts.get(key, []))) is not None:
                    each = _given_org(each, earlier.org, TOLD_BEFORE, 0.8)  # "Secretary X" after "Philippine
                    #                                              Secretary of Foreign Affairs X": the same post
                if each.org is None and each.evidence[0].extractor == "roles.title_before_name":
                    each = _with_place_of_sentence(each, doc, start, sent, table) or _with_home(
                        each, doc, start, sent, table, home)
                if each.org is None and each.role[:1].isupper() and "secretary of state" not in each.role.lower() \
                        and (body := _department_of(each.role, table)) is not None \
                        and not _names_another_country(sent, table, table.ensure(DEPARTMENTS_COUNTRY, COUNTRY)):
                    # "Deputy Secretary of Commerce X": the department the title names, in a sentence set at
                    # home (not "Secretary of State", whose department is known to the reader only, nor a
                    # British "Secretary of State for Foreign Affairs")
                    each = _given_org(each, body, "roles.department_in_title", 0.7)
                if (each.org is None and each.evidence[0].extractor == "roles.title_before_name"
                        and _listed_as_object(doc, start, title_start, table)):
                    met = _listed_as_object(doc, start, title_start, table, _met_or_listed)
                    window = sentences[max(number - CONTEXT_SENTENCES, 0) if met else number : number + 1]
                    each = _with_context_country(each, window, table, home, document,
                                                 _name_root(doc, start, table))
                if each.org is None and each.evidence[0].extractor == TITLE_BEFORE_NAME:
                    each = _with_body_told_before(each, doc, title_start, sentences[max(number - 1, 0)].start, table)
                if each.org is None and each.role.lower() in PERSONAL_POSTS:
                    each = _with_pronoun_owner(each, doc, start, sentences[max(number - 1, 0) : number + 1], table)
                if each.org is None and _title_head(each.role) in NATIONAL_HEADS and bullet_line(sent):
                    country = _intro_country(sentences, number, table)  # "X's new Cabinet is as follows: - A –
                    each = _given_org(each, country, "roles.list_intro", 0.7) if country else each  # Minister for Y"
                if each.org is None and _title_head(each.role) in COURT_HEADS:
                    each = _with_court(each, title_start, sentences[max(number - 1, 0)].start, table)
                if each.org is None and _local_post(each.role):
                    each = _with_local_body(each, doc, title_start, sentences[max(number - 1, 0)].start, table)
                if each.org is None and each.role[:1].isupper():  # any side's title: "National Security Advisor"
                    side = _side_country(sent, table)
                    each = _given_org(each, side, "roles.party_country", 0.7) if side else each
                if each.org is None and _title_head(each.role) in NATIONAL_HEADS \
                        and each.role.lower() not in NOT_NATIONAL:
                    side = (_companions_country(sent, start, table, countries)
                            or _department_of(each.role, table) is None  # (not "Secretary of Commerce")
                            and _country_of_the_one_before(doc, title_start, sent, table, found))
                    each = _given_org(each, side, "roles.party_country", 0.7) if side else each
                rule = each.evidence[0].extractor
                if (each.org is None and (home.country is None or not home.release)
                        and (each.role[:1].isupper() and rule in (TITLE_BEFORE_NAME, NAMED_TO_POST)
                             or rule in TOLD_POST_RULES or rule == APPOSITION and not _names_its_body(each))):
                    window = sentences[max(number - 1, 0) : number + 1]
                    root = _name_root(doc, start, table)
                    met = _met_or_listed(root) and _stop_country(sent, table, home, document) is not None
                    each = (_with_group_country(each, root, table) or _with_reported_country(each, root, table)
                            or _with_nearby_country(each, window, table, dominant, met)
                            or _with_article_country(each, window, table, dominant))
                each = _without_lone_body_word(_without_nationality(each, sent, table), table)
                if each.org and table.kind(each.org) == COUNTRY:
                    countries.setdefault(key, each.org)
                if each.org and each.evidence[0].extractor not in GUESSED_ORG_RULES:
                    posts.setdefault(key, []).append(each)
                found.setdefault(key, each)
                yield each


def _with_pronoun_owner(fact: RoleFact, doc: Doc, start: int, window: list[Span], table: EntityTable) -> RoleFact:
    """A post held for a person written after "his" or "her" ("His spokeswoman, X, said"; "her chief of staff, Y")
    is held for the one person named before it in its sentence or the one before (the sentence's subject when
    several are), whose post it is."""
    words = fact.role.lower().split()
    sent_start = window[-1].start
    owner_at = next((i for i in range(start - 1, max(sent_start, start - len(words) - 3) - 1, -1)
                     if doc[i].lower_ in ("his", "her")
                     and [t.lower_ for t in doc[i + 1 : i + 1 + len(words)]] == words), None)
    if owner_at is None:
        return fact
    named = [(s, key) for sent in window for s, _, key in table.mentions_in(sent.start, min(sent.end, owner_at))
             if table.kind(key) == PERSON and key != fact.person]
    people = {key for _, key in named}
    if len(people) > 1:  # several named: the one a sentence is told of
        subjects = [key for s, key in named if _name_root(doc, s, table).dep_ in ("nsubj", "nsubjpass")]
        people = {subjects[-1]} if subjects else set()
    if len(people) != 1:
        return fact
    return _given_org(fact, people.pop(), "roles.pronoun_owner", 0.6)


def _intro_country(sentences: list[Span], number: int, table: EntityTable) -> str | None:
    """The one country the sentence that opens a list names, when it ends in a colon: "Tonga's new Cabinet
    line-up is as follows:" for each "- Name – Minister for X" line under it."""
    i = number - 1
    while i >= 0 and bullet_line(sentences[i]):
        i -= 1
    if i < 0 or not ends_with_colon(sentences[i]):
        return None
    named = _countries_in(sentences[i], table)
    return table.ensure(next(iter(named)), COUNTRY) if len(named) == 1 else None


def _same_post_told(fact: RoleFact, told: list[RoleFact]) -> RoleFact | None:
    """The post told before of the same person whose title holds every word of `fact`'s ("Secretary" of
    "Secretary of Foreign Affairs"), when one is; not another post of the same head word ("finance minister" is
    no word of "Prime Minister")."""
    words = set(fact.role.lower().split())
    return next((post for post in told if words <= set(post.role.lower().split())), None)


def _country_of_the_one_before(doc: Doc, title_start: int, sent: Span, table: EntityTable,
                               found: dict[str, RoleFact]) -> str | None:
    """ "Fiji's Prime Minister, A, and Minister for Foreign Affairs B": a national title joined by "and" to the
    person just named with a country's post is of that country."""
    i = title_start - 1
    if i <= sent.start or doc[i].lower_ != "and":
        return None
    i -= doc[i - 1].text == ","
    span = table.span_at(i - 1)
    key = table.key_at(i - 1) if span else None
    before = found.get(key) if key else None
    if before is None or before.org is None or table.kind(before.org) != COUNTRY \
            or _title_head(before.role) not in NATIONAL_HEADS or before.evidence[0].extractor == TOLD_BEFORE:
        return None  # (not a country told of the one before in another sentence: "Prime Minister A and President B
    return before.org  # discussed ...", two sides)


def _side_country(sent: Span, table: EntityTable) -> str | None:
    """The country whose side a sentence tells of: "On the U.S. side, the meeting was attended by ...",
    "On the Estonian side, ...", "Participating in the call from Nigeria were ..."."""
    for verb in (t for t in sent if t.lemma_.lower() in TAKING_PART_VERBS and t.tag_ == "VBG"):
        places = [o for p in verb.subtree if p.dep_ == "prep" and p.lower_ == "from" and p.i < verb.i + SIDE_WORDS
                  for o in p.children if o.dep_ == "pobj"]
        keys = [k for o in places for k in [table.key_at(o)] if k and table.kind(k) == COUNTRY]
        if keys:
            return keys[0]
    for noun in sent:
        if noun.lemma_.lower() == "side" and noun.dep_ == "pobj":
            for word in noun.children:
                key = table.key_at(word)
                if word.dep_ in ("compound", "amod", "poss") and key and table.kind(key) == COUNTRY:
                    return key
                if word.dep_ in ("compound", "amod") and (people := table.country_of_word(word)):
                    return people
    return None


def _companions_country(sent: Span, start: int, table: EntityTable, countries: dict[str, str]) -> str | None:
    """The country of a person told of before, whom the people named after "by" accompany: "Prime Minister X
    was accompanied by Foreign Minister A and Defence Minister B"."""
    for verb in sent:
        agent = next((c for c in verb.children if c.dep_ == "agent" and c.i < start), None)
        if agent is None or verb.lemma_.lower() not in COMPANION_VERBS:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
            key = table.key_at(subject)
            if key and key in countries:
                return countries[key]
    return None


def _respectively(doc: Doc, sent: Span, table: EntityTable, document: Document) -> list[RoleFact]:
    """ "In their capacities as A of X, B of Y, and C, respectively, P, Q, and R were ...": the k-th title
    is the k-th person's, read along the words (the parse of such lists seldom pairs them)."""
    words = table.lowers[sent.start : sent.end]
    if "respectively" not in words:
        return []
    after = sent.start + words.index("respectively")
    openers = [i for i in range(sent.start, after) if doc[i].lower_ == "as"]
    if not openers:
        return []
    as_at = openers[-1]  # the "as" that opens the list of titles
    titles = []
    chunk_start = as_at + 1
    for i in range(as_at + 1, after + 1):
        if doc[i].text == "," or i == after:
            first = chunk_start + (doc[chunk_start].lower_ in ("and", "the"))
            title = next(((first, j) for j in range(i, first, -1) if match_title(doc, j, table) == first), None)
            if title is not None:
                org = _org_after(doc, title[1], table, ORG_PREPOSITIONS_AFTER_TITLE, i)
                titles.append((doc[title[0] : title[1]].text, org))
            chunk_start = i + 1
    people = []
    for _, end, key in table.mentions_in(after + 1, sent.end):
        if any(t.pos_ in ("VERB", "AUX") for t in doc[after + 1 : end]):
            break
        if table.kind(key) == PERSON and key not in people:
            people.append(key)
    if len(titles) < 2 or len(people) != len(titles):
        return []
    evidence = make_evidence(sent, document, "roles.respectively", 0.8)
    return [RoleFact(person, title, org, (evidence,)) for person, (title, org) in zip(people, titles, strict=True)]


def _without_nationality(fact: RoleFact, sent: Span, table: EntityTable) -> RoleFact:
    """A trade's title whose country is only the nationality written before it ("Belarusian journalist X", "a
    Chilean economist, X") has no organization: the nationality is where the person is from; nor has one whose
    "organization" is the region or subject a reporter covers ("Latin America correspondent", "Pacific affairs
    reporter")."""
    if fact.org is None or _title_head(fact.role) not in PROFESSION_HEADS:
        return fact
    label = table.label(fact.org)
    if table.kind(fact.org) in (PLACE, COUNTRY) or label.split()[-1] in BEAT_WORDS:
        return RoleFact(fact.person, fact.role, None, fact.evidence, fact.qualifier)
    first = fact.role.split()[0].lower()
    for token in sent:
        if token.lower_ == first and token.i > sent.start:
            before = token.doc[token.i - 1]
            if table.lexicon.demonym(before.text) == table.label(fact.org):
                return RoleFact(fact.person, fact.role, None, fact.evidence, fact.qualifier)
    return fact


def _without_lone_body_word(fact: RoleFact, table: EntityTable) -> RoleFact:
    """An organization named by a lone word like "Government" or "Ministry" (the model cut "the Government
    of the Russian Federation") is none: better no organization than a word that names nothing."""
    if fact.org is None or " " in table.label(fact.org) or table.lexicon.organization(table.label(fact.org)):
        return fact
    if table.lexicon.org_word(table.label(fact.org)) is None:
        return fact
    return RoleFact(fact.person, fact.role, None, fact.evidence, fact.qualifier)


def _without_portfolio_body(fact: RoleFact, table: EntityTable) -> RoleFact:
    """The portfolio a title ends with is no body of it, when the model took it for one: "Deputy Prime Minister
    for [Cabinet Affairs] X" (not a known body, a country or a place, nor a name a body's word ends: "Minister
    for Africa" and "Minister for the Cabinet Office" stay)."""
    if fact.org is None or table.kind(fact.org) in (COUNTRY, PLACE):
        return fact
    label = table.label(fact.org)
    if table.lexicon.org_word(label.split()[-1]) or table.lexicon.organization(label) \
            or not fact.role.lower().endswith((f" of {label.lower()}", f" for {label.lower()}")):
        return fact
    return RoleFact(fact.person, fact.role, None, fact.evidence, fact.qualifier)


def _local_post(role: str) -> bool:
    """ "mayor", "deputy mayor", "councillor": a post of a town ("State Councilor" is a national one)."""
    words = role.lower().split()
    return words[-1] in LOCAL_HEADS and all(w in LOCAL_RANKS for w in words[:-1])


def _given_org(fact: RoleFact, org: str | None, extractor: str, confidence: float) -> RoleFact:
    """`fact` with the organization another rule found for it, its evidence credited to that rule."""
    evidence = replace(fact.evidence[0], extractor=extractor, confidence=confidence)
    return RoleFact(fact.person, fact.role, org, (evidence,), fact.qualifier)


def _with_local_body(fact: RoleFact, doc: Doc, title_start: int, lower: int, table: EntityTable) -> RoleFact:
    """A mayor or councillor without a stated place: the town or municipality named last, in the sentence or
    the one before ("Requests came from the Municipality of X. ... the mayor Y")."""
    def local(key: str) -> bool:
        return table.kind(key) == PLACE or table.kind(key) in (ORGANIZATION, GOVERNMENT_BODY) and any(
            w in table.label(key).lower() for w in LOCAL_BODY_WORDS)

    key = _body_named_last(title_start, lower, table, local, (COUNTRY, ORGANIZATION, GOVERNMENT_BODY, COMPANY))
    return _given_org(fact, key, "roles.local_body", 0.5) if key else fact


def _body_named_last(title_start: int, lower: int, table: EntityTable, fits: Callable[[str], bool],
                     bodies: tuple[str, ...]) -> str | None:
    """The entity named last before a title, back to token `lower`, when it `fits`; None when another of the
    kinds `bodies` is named closer (no guess)."""
    for i in range(title_start - 1, lower - 1, -1):
        key = table.key_at(i)
        if key and fits(key):
            return key
        if key and table.kind(key) in bodies:
            return None
    return None


def _with_body_told_before(fact: RoleFact, doc: Doc, title_start: int, lower: int, table: EntityTable) -> RoleFact:
    """A title before a name whose body is told just before: by a body's word ("The Foreign Ministry rejected
    it. Ministry spokesperson X"), by ", where" after it ("the Y Agency, where Commissioner X"), or, for a post
    of a company's board or management, the one company or organization named in the sentence or the one before
    ("X Holdings fired its chief. Chairman Y said"), and for a bank's governor the one bank so named."""
    word = doc[title_start - 1] if title_start - 1 >= lower else None
    key = None
    if word is not None and word.is_alpha and table.key_at(word) is None and table.lexicon.org_word(word.text):
        key = _noun_antecedent(word, table)
    elif word is not None and word.lower_ == "where" and title_start - 3 >= 0 and doc[title_start - 2].text == ",":
        # "visited the Financial Services Agency, where Commissioner X described ...": the body just before
        body = table.key_at(title_start - 3)
        key = body if body and table.kind(body) in (COMPANY, ORGANIZATION, GOVERNMENT_BODY) else None
    elif _title_head(fact.role) in COMPANY_POSTS or fact.role.lower() in COMPANY_POSTS:
        bodies = {k for _, _, k in table.mentions_in(lower, title_start) if table.kind(k) in (COMPANY, ORGANIZATION)}
        key = bodies.pop() if len(bodies) == 1 else None
    elif _title_head(fact.role) in BANK_POSTS:  # "The Bank of X kept its rate. Governor Y said": the bank's
        bodies = {k for _, _, k in table.mentions_in(lower, title_start)
                  if table.kind(k) not in (PERSON, PLACE, COUNTRY) and _central_bank(table.label(k))}
        key = bodies.pop() if len(bodies) == 1 else None
    if key is None:
        return fact
    return _given_org(fact, key, "roles.body_told_before", 0.6)


def _central_bank(name: str) -> bool:
    """Whether a body's name is a central bank's: "Bank of Ghana", "Reserve Bank of Malawi" (not "X Bank")."""
    words = name.lower().split()
    return "bank" in words and (words[:2] == ["bank", "of"] or any(w in CENTRAL_BANK_WORDS for w in words))


def _with_court(fact: RoleFact, title_start: int, lower: int, table: EntityTable) -> RoleFact:
    """A judge without a stated court: the court named last, in the sentence or the one before, when no other
    body is named closer ("The Constitutional Court struck down the law. The ruling, written by Justice X")."""
    def court(key: str) -> bool:
        words = table.label(key).lower().split()
        name = words[: words.index("of")] if "of" in words else words  # "the High Court of Zambia", "Court of Appeal"
        return table.kind(key) not in (PERSON, PLACE, COUNTRY) and bool(name) and name[-1] in COURT_WORDS

    key = _body_named_last(title_start, lower, table, court,
                           (ORGANIZATION, GOVERNMENT_BODY, COMPANY, MEDIA_ORGANIZATION))
    return _given_org(fact, key, "roles.court", 0.6) if key else fact


def _dominant_country(table: EntityTable, title: str | None = None) -> str | None:
    """The country an article is about: named (or its people: "French") at least three times, and twice as
    often as any other; a country its headline names counts twice more."""
    named = Counter({key: len(r.mentions) for key, r in table.records.items() if r.kind == COUNTRY})
    named.update(key for token in table.tokens if token.ent_type_ == "NORP" and table.key_at(token) is None
                 for key in [table.country_of_word(token)] if key)
    for country in _countries_of_headline(title or "", table):
        # (its name read inside another name counts too: "Solomon Islands Deputy Prime Minister X")
        written = len(re.findall(rf"\b{re.escape(table.label(country))}\b", table.text))
        named[country] = max(named[country], written) + HEADLINE_WEIGHT
    counts = sorted(((n, key) for key, n in named.items()), reverse=True)
    if not counts or counts[0][0] < DOMINANT_MENTIONS:
        return None
    if len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    return counts[0][1]


def _countries_of_headline(title: str, table: EntityTable) -> set[str]:
    """The countries a headline names, by name or by their people's word ("Kenyan")."""
    words = re.findall(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", title)  # ("Fiji" of "Fiji's")
    found = set()
    for phrase in words:  # each run of capitalised words, and each of its words
        for text in (phrase, *phrase.split()):
            name = table.lexicon.country(text) or table.lexicon.demonym(text)
            if name:
                found.add(table.ensure(name, COUNTRY))
    return found


def _with_represented_side(fact: RoleFact, root: Token, table: EntityTable) -> RoleFact | None:
    """ "Oman was represented by Deputy Prime Minister X", "Saudi Arabia's delegation was led by Crown Prince X",
    "the Kenyan team, headed by Minister X": the one who represents or leads a side holds the post for it."""
    if fact.qualifier is not None:
        return None  # ("led by former Minister X": a post held before)
    if root.dep_ != "pobj" or root.head.lower_ != "by" or root.head.head.lemma_.lower() not in SIDE_VERBS:
        return None
    verb = root.head.head
    side = next((c for c in verb.children if c.dep_ == "nsubjpass"), verb if verb.dep_ == "acl" else None)
    side = side.head if side is verb else side  # ("the Kenyan team, headed by X": the team)
    if side is None:
        return None
    key = table.key_at(side)
    if key is not None and table.kind(key) != COUNTRY:
        return None  # ("The X bloc, led by former Foreign Minister Y": the leader's title is of another body)
    if key is None and side.lemma_.lower() in SIDE_NOUNS:  # "Ghana's delegation", "the Kenyan delegation"
        owners = [c for c in side.children if c.dep_ in ("poss", "amod", "compound")]
        found = {k for c in owners for k in [table.key_at(c) or table.country_of_word(c)] if k}
        key = found.pop() if len(found) == 1 else None
    if key is None or table.kind(key) not in (COUNTRY, GOVERNMENT_BODY, ORGANIZATION, COMPANY):
        return None
    return _given_org(fact, key, "roles.represented_side", 0.7)


def _with_group_country(fact: RoleFact, root: Token, table: EntityTable) -> RoleFact | None:
    """ "six Russian officials, including Deputy Defence Minister X": a national title listed in a group
    that its people's word describes is that country's."""
    head = _title_head(fact.role)
    if head not in NATIONAL_HEADS or not _listed_in_group(root):
        return None
    group = _list_head(root).head.head  # the pobj of "including" hangs on the group's noun
    named = {country for c in group.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()
             for country in [table.lexicon.demonym(c.text) or table.lexicon.country(c.text)] if country}
    if len(named) != 1:
        return None
    return _given_org(fact, table.ensure(named.pop(), COUNTRY), "roles.group_country", 0.6)


def _with_nearby_country(fact: RoleFact, window: list[Span], table: EntityTable,
                         dominant: str | None, met: bool = False) -> RoleFact | None:
    """A national title without a country, given the one country its sentence, or else the sentence before,
    sets the scene with: "Ghana recalled its envoy, Foreign Minister X said"; "Chilean voters rejected the
    draft. President X called for calm"; "Uruguay's foreign minister, A, and Defence Minister X"; for one
    `met` on a trip to a stop, the one country named ("will travel to Manila, Philippines, where he will meet
    President X"; not "Trump met President X in Alaska", a meeting somewhere).
    Only when that country is the only one named there, and no other country dominates the article."""
    head = _title_head(fact.role)
    if head not in NATIONAL_HEADS or fact.role.lower() in NOT_NATIONAL:
        return None
    own, before = window[-1], window[0] if len(window) > 1 else None
    named = _countries_in(own, table)
    if named:  # its own sentence names one country: it sets the scene there, or did in the sentence before
        setting = named if met else _setting_countries(own, table)
        if setting != named and not (before is not None
                                     and _setting_countries(before, table) == named == _countries_in(before, table)):
            return None
    elif before is not None:
        named = _countries_in(before, table)
        if _setting_countries(before, table) != named:
            return None
    if len(named) != 1 or dominant not in (None, *named):
        return None
    return _given_org(fact, table.ensure(next(iter(named)), COUNTRY), "roles.nearby_country", 0.6)


def _names_its_body(fact: RoleFact) -> bool:
    """Whether an apposition's title goes on to name its body, resolved or not: "the president of the Lombardy
    region" is no post of the country the sentence names."""
    sentence, title = fact.evidence[0].sentence.lower(), fact.role.lower()
    return any(f"{title} {word} " in sentence for word in ORG_PREPOSITIONS_AFTER_TITLE)


def _with_reported_country(fact: RoleFact, root: Token, table: EntityTable) -> RoleFact | None:
    """A national title without a country, given the country that acts in what its holder says: "Australia
    imposed sanctions on firms supplying Myanmar's army, Foreign Minister X announced"; "Foreign Minister X
    said Ghana would reopen its embassy"."""
    head = _title_head(fact.role)
    if head not in NATIONAL_HEADS or fact.role.lower() in NOT_NATIONAL or root.dep_ != "nsubj" \
            or root.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    said = [c for c in root.head.children if c.dep_ == "ccomp"]
    actors = [table.key_at(s) for clause in said for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    countries = {k for k in actors if k and table.kind(k) == COUNTRY}
    if len(countries) != 1:
        return None
    return _given_org(fact, countries.pop(), "roles.reported_country", 0.6)


def _countries_in(sent: Span, table: EntityTable) -> set[str]:
    """The names of the countries a sentence names, by name, people's word or a known city; not the one a
    post is to ("its ambassador to Mali")."""
    def post_to(start: int, end: int) -> bool:
        root = sent.doc[start:end].root
        return root.dep_ == "pobj" and root.head.lower_ == "to" and match_title_around(
            sent.doc, root.head.head.i, table) is not None

    named = {table.label(key) for start, end, key in table.mentions_in(sent.start, sent.end)
             if table.kind(key) == COUNTRY and not post_to(start, end)}
    named |= {country for _, _, key in table.mentions_in(sent.start, sent.end) if table.kind(key) == PLACE
              for country in [table.lexicon.city_country(table.label(key))] if country}
    named |= {country for token in sent for country in [_people_country(token, table)] if country}
    return named


def _setting_countries(sent: Span, table: EntityTable) -> set[str]:
    """The countries a sentence is told about: a country that acts ("Ghana recalled"), or whose state,
    voters or officials it names ("the Kenyan government", "Chilean voters", "Uruguay's foreign minister")."""
    found = set()
    for start, end, key in table.mentions_in(sent.start, sent.end):
        root = sent.doc[start:end].root
        if table.kind(key) == COUNTRY and (root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "poss" and _of_state(
                root.head)):
            found.add(table.label(key))
    for token in sent:
        country = _people_country(token, table)
        if country and token.dep_ in ("amod", "compound") and _of_state(token.head):
            found.add(country)
    return found


def _of_state(noun: Token) -> bool:
    """A noun of a country's state, its voters, or a national post: "government", "voters", "minister", or
    a name with such a post ("Nigeria's President Bola Tinubu")."""
    lemma = noun.lemma_.lower()
    return lemma in STATE_NOUNS or lemma in VOTERS or lemma in NATIONAL_HEADS or noun.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lemma_.lower() in NATIONAL_HEADS for c in noun.children)


def _with_article_country(fact: RoleFact, window: list[Span], table: EntityTable, dominant: str | None) -> RoleFact:
    """A national title without a country, in an article from no government, about one country above all:
    "Prime Minister X" in a report that names Britain six times and no other country more than twice,
    unless its sentence names another country the title may be of, or the one before is told about one."""
    head = _title_head(fact.role)
    if dominant is None or head not in NATIONAL_HEADS or fact.role.lower() in NOT_NATIONAL:
        return fact
    if _names_another_country(window[-1], table, dominant) or len(window) > 1 and (
            _setting_countries(window[0], table) - {table.label(dominant)}):
        return fact
    return _given_org(fact, dominant, "roles.article_country", 0.5)


def _object_position(token: Token) -> bool:
    """A name listed or acted upon ("designating ..., including President X"), not one that acts or owns."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("pobj", "dobj")


def _listed_as_object(doc: Doc, start: int, title_start: int, table: EntityTable,
                      position: Callable[[Token], bool] = _object_position) -> bool:
    """Whether a "title Name" starting at `title_start` (the name at `start`) is in `position` (acted
    upon, by default), or listed after one that is: "meet with President X, Prime Minister Y, and
    Foreign Minister Z" (however the parse attaches Z)."""
    if position(_name_root(doc, start, table)):
        return True
    i = title_start - 1
    while i >= 0 and doc[i].text in (",", "and", ";"):
        i -= 1
    span = table.span_at(i) if 0 <= i < title_start - 1 else None
    if span is None or table.kind(table.key_at(i) or "") != PERSON:
        return False
    previous_title = match_title(doc, span[0], table)
    return previous_title is not None and _listed_as_object(doc, span[0], previous_title, table, position)


def _with_context_country(fact: RoleFact, window: list[Span], table: EntityTable, home: HomeContext,
                          document: Document, name: Token) -> RoleFact:
    """A national title without a country, for someone met or listed: the country of the stop the
    sentence describes ("travel to Riga, Latvia, to meet with President X"), else the one country the
    sentence names besides the home one and the countries of the names coordinated with `name` (the root of
    the person's name), else the one country of the sentence just before ("The trip starts in Israel.
    There, he will meet with Prime Minister X"). Not in a sentence that tells whose side it lists."""
    head = _title_head(fact.role)
    if head not in NATIONAL_HEADS or fact.role.lower() in NOT_NATIONAL or _side_country(window[-1], table):
        return fact  # ("On the U.S. side, ...": roles.party_country gives the side's country)
    country = _stop_country(window[-1], table, home, document)
    for sent in reversed(window):
        if country is not None:
            break
        countries = countries_named(sent, table, unquoted=True) - {home.country} - (
            _counterparts_countries(name, table) if sent is window[-1] else set())
        if len(countries) > 1:
            return fact
        country = countries.pop() if countries else None
    if country is None:
        return fact
    return _given_org(fact, country, "roles.context_country", 0.5)


def _counterparts_countries(name: Token, table: EntityTable) -> set[str]:
    """The countries written before the names coordinated with a name: "signed by Secretary X and Iraq's
    Minister of Electricity Y", "co-chaired by Secretary X and the Iraqi foreign minister, Y": Iraq is Y's,
    the other side's, not X's."""
    found = set()
    for other in name.conjuncts:
        for token in name.doc[other.left_edge.i : other.i]:
            key = table.key_at(token)
            country = key if key and table.kind(key) == COUNTRY else table.country_of_word(token)
            if country:
                found.add(country)
    return found


def _stop_country(sent: Span, table: EntityTable, home: HomeContext, document: Document) -> str | None:
    """The country of the stop a sentence travels to (kg.extractors.circumstances.stop_of): "will travel to
    Vilnius, Lithuania", "arrives in Rabat", "will begin her trip in Istanbul and Ankara, Turkey"."""
    place, _ = stop_of(sent, table, document)
    if place is None:
        return None
    country = place if table.kind(place) == COUNTRY else country_of_place(place, sent, table)
    return country if country != home.country else None


def _partner_or_destination(token: Token) -> bool:
    """A place or country one meets with or travels to ("coordinated with Canada", "travel to Bali,
    Indonesia"), or the country of the one met ("met with Prime Minister X of Estonia"): it says nothing of
    the subject's own country."""
    while token.dep_ in ("appos", "conj", "compound") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "PROPN" \
            and token.head.head.i != token.i:
        return _partner_or_destination(token.head.head)
    return token.dep_ == "pobj" and token.head.lower_ in ("with", "to")


def _leaders_possessive(doc: Doc, title_start: int, lower: int) -> bool:
    """ "the president's ...", "the prime minister's ...": a leader named by title only."""
    i = title_start - 1
    if i - 1 < lower or doc[i].text not in POSSESSIVE_MARKS:
        return False
    leader_start = match_title_at(doc, i, LEADER_TITLES)
    return leader_start is not None and leader_start - 1 >= lower and doc[leader_start - 1].lower_ == "the"


def match_title_at(doc: Doc, end: int, titles: tuple[tuple[str, ...], ...]) -> int | None:
    """The start of one of `titles` ending just before token `end`, or None."""
    for words in titles:
        start = end - len(words)
        if start >= 0 and all(doc[start + k].lower_ == w for k, w in enumerate(words)):
            return start
    return None


def _coordinated_titles(doc: Doc, start: int, fact: RoleFact, table: EntityTable,
                        home: HomeContext) -> list[RoleFact]:
    """ "State Councilor and Foreign Minister X": the first title too, with the organization before it; not
    a release's own principal named by a bare title ("The Secretary and Foreign Minister X will sign")."""
    title_start = start - len(fact.role.split())
    if title_start - 2 < 0 or doc[title_start - 1].lower_ != "and":
        return []
    first_start = match_title(doc, title_start - 1, table)
    if first_start is None or not doc[first_start].text[:1].isupper():
        return []
    if home.release and title_start - 1 - first_start == 1 and first_start and doc[first_start - 1].lower_ == "the":
        return []  # a one-word title after "the": the release's principal
    org, _ = _org_before(doc, first_start, table, doc[start].sent.start)
    org = org or fact.org
    first = RoleFact(fact.person, doc[first_start : title_start - 1].text, org, fact.evidence, fact.qualifier)
    second = RoleFact(fact.person, fact.role, org, fact.evidence, fact.qualifier)
    return [first, second] if org != fact.org else [first]


def _with_place_of_sentence(fact: RoleFact, doc: Doc, start: int, sent: Span,
                            table: EntityTable) -> RoleFact | None:
    """ "In Bangkok, Thailand, the Secretary will meet with Prime Minister X": X's country is where the
    sentence opens, when X is the other party of the meeting."""
    head = _title_head(fact.role)
    if head not in NATIONAL_HEADS or not _other_party(_name_root(doc, start, table)):
        return None
    if sent[0].lower_ != "in" or len(sent) < 2:
        return None
    country = None
    for _, _, key in table.mentions_in(sent.start + 1, min(sent.start + 7, sent.end)):
        kind = table.kind(key)
        if kind == COUNTRY:
            country = key
            break
        if kind == PLACE and table.lexicon.city_country(table.label(key)):
            country = table.ensure(table.lexicon.city_country(table.label(key)) or "", COUNTRY)
    if country is None:
        return None
    return _given_org(fact, country, "roles.place_of_sentence", 0.6)


def _with_home(fact: RoleFact, doc: Doc, start: int, sent: Span, table: EntityTable,
               home: HomeContext) -> RoleFact:
    """A role without a stated organization, given the publishing body or home country when safe."""
    words = fact.role.lower().split()
    title_start = start - len(words)
    before = doc[title_start - 1] if title_start - 1 >= sent.start else None
    if before is not None and before.lower_ in BODY_WORDS and before.text[:1].isupper():
        if home.body and table.kind(home.body) == GOVERNMENT_BODY:
            return RoleFact(fact.person, fact.role, home.body, fact.evidence, fact.qualifier)
        return fact
    if before is not None and before.lower_ in ("his", "her", "their", "its", "our"):
        return fact
    if words[-1] in SPOKES_HEADS and len(words) == 1 and home.body:
        return RoleFact(fact.person, fact.role, home.body, fact.evidence, fact.qualifier)
    head = _title_head(fact.role)
    if head not in NATIONAL_HEADS or fact.role.lower() in NOT_NATIONAL or home.country is None:
        return fact
    for other_start, _, key in table.mentions_in(sent.start, sent.end):
        kind = table.kind(key)
        partner = _partner_or_destination(doc[other_start])
        if key != home.country and not partner and (kind == COUNTRY or kind == PLACE and other_start < title_start):
            return fact  # "In Bangkok, ... Prime Minister X": X may well not be of the home country
    if _names_another_country(sent, table, home.country, _partner_or_destination):
        return fact  # "As long as President X wages war, the Russian government ...": X may be Russia's
    root = _name_root(doc, start, table)
    if root.dep_ not in ("nsubj", "nsubjpass") or _other_party(root):
        return fact  # only the one who acts: "Foreign Minister X told reporters", not "X's war"
    return _given_org(fact, home.country, "roles.home", 0.6)


def _names_another_country(sent: Span, table: EntityTable, country: str,
                           skip: Callable[[Token], bool] = lambda token: False) -> bool:
    """Whether a sentence names a country other than `country`, by name or as its state ("the Russian
    government"; not "Russian oligarchs"), outside the words `skip` passes over."""
    for start, _, key in table.mentions_in(sent.start, sent.end):
        if table.kind(key) == COUNTRY and key != country and not skip(sent.doc[start]):
            return True
    label = table.label(country)
    return any(not skip(token) and token.head.lemma_.lower() in STATE_NOUNS
               and (named := _people_country(token, table)) is not None and named != label for token in sent)


def _people_country(token: Token, table: EntityTable) -> str | None:
    """The name of the country a people's word the model tagged stands for: "Russian" -> "Russia"."""
    if token.ent_type_ != "NORP" or not token.text[:1].isupper():
        return None
    return table.lexicon.demonym(token.text)


def _title_head(role: str) -> str:
    """The head word of a title, lowercase: "minister" of "Foreign Minister", "secretary" of "Secretary of State",
    "minister" of "Minister for Foreign Affairs"."""
    words = role.lower().split()
    joint = next((w for w in words[1:] if w in ("of", "for")), None)
    return words[words.index(joint) - 1] if joint else words[-1]


def _name_root(doc: Doc, start: int, table: EntityTable) -> Token:
    span = table.span_at(start) or (start, start + 1)
    return doc[span[0] : span[1]].root


def _met_or_listed(token: Token) -> bool:
    """The other side of an encounter, or one of a group listed: "nine officials, including President X"."""
    return _other_party(token) or _listed_in_group(token)


def _list_head(token: Token) -> Token:
    """The first of the names listed with a name, or the phrase it is part of: "A, B and C" -> A."""
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    return token


def _listed_in_group(token: Token) -> bool:
    token = _list_head(token)
    return token.dep_ == "pobj" and token.head.lower_ in LISTING_PREPOSITIONS


def _other_party(token: Token) -> bool:
    """Whether a name is the object of "meet", "with", "welcome", ...: the other side of an encounter."""
    token = _list_head(token)
    if token.dep_ in ("dobj", "pobj", "dative", "obj") and (
            token.head.lemma_.lower() in OTHER_PARTY or token.head.lower_ in OTHER_PARTY):
        return True
    return token.dep_ == "pobj" and token.head.head.lemma_.lower() in OTHER_PARTY


def _told_posts(doc: Doc, table: EntityTable, document: Document,
                sentences: list[Span]) -> dict[tuple[int, str], list[RoleFact]]:
    """The posts the role patterns (kg/data/role_patterns.json) find, by (sentence start, person):
    "X served as Director of Y", "X was named chief executive of Y", "X, who became president of Y"."""
    by_start = {sent.start: sent for sent in sentences}
    sentence_of = {i: sent for sent in sentences for i in range(sent.start, sent.end)}
    mentions = [(start, end, key) for sent in sentences for start, end, key in table.mentions_in(sent.start, sent.end)
                if table.kind(key) == PERSON]
    roots = {_climbed_root(doc, start, end).i: key for start, end, key in mentions}
    honoured = {start - 1: key for start, _, key in mentions if start and doc[start - 1].lower_ in HONORIFIC_TITLES}
    told: dict[tuple[int, str], list[RoleFact]] = {}
    for pattern, slots in iter_matches(sentences, "role"):
        post, person_token = slots.get("post", slots.get("org")), _antecedent_of_relative(slots["person"])
        # ("the Inauguration of His Excellency X as President": the honorific stands in the parse for X)
        person, sent = roots.get(person_token.i) or honoured.get(person_token.i), sentence_of.get(post.i)
        if person is None or sent is None or sent.start not in by_start or _appointer(slots["person"]):
            continue
        found = told.setdefault((sent.start, person), [])
        if pattern.titles:  # "X, who heads the Y": the verb gives the title, its object is the organization
            org, title = _org_named_by(slots["org"], table), pattern.title_of(slots["verb"])
            if org is not None and title and org != person:
                evidence = make_evidence(sent, document, pattern.rule, pattern.confidence)
                found.append(RoleFact(person, title, org, (evidence,)))
            continue
        for noun in _with_listed(post):
            fact = _post_of(doc, noun, person, table, document, sent, pattern.rule, pattern.confidence)
            if fact is not None and fact.org is None and "org" in slots:  # "X joined Y as chief risk officer"
                fact = replace(fact, org=_org_named_by(slots["org"], table))
            verb = next((a for a in post.ancestors if a.pos_ == "VERB"), None)
            appointed = verb is not None and verb.lemma_.lower() in APPOINTING_VERBS  # "Y named X as chief
            #   executive": Y's; "Y announced the appointment of X as deputy governor": the announcer's
            announced = verb is not None and any(a.lemma_.lower() in APPOINTMENT_NOUNS and a.i > verb.i
                                                 for a in post.ancestors)
            if fact is not None and (appointed or announced) and (fact.org is None or appointed and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)):
                # "Y named X, until now at Z, as its chief executive": Y's (its own post, not its country's: "the
                # National Assembly elected X as its president")
                body = _appointing_body(verb, fact.role, table)
                if fact.org is None or body is not None and table.kind(body) != COUNTRY:
                    fact = replace(fact, org=body or fact.org)
            if fact is not None and pattern.qualifier and fact.qualifier is None:
                fact = replace(fact, qualifier=pattern.qualifier)
            if fact is not None and fact not in found:
                found.append(fact)
    for before, after in zip(sentences, sentences[1:], strict=False):
        for person, fact in _title_told_then_named(doc, before, after, table, document):
            found = told.setdefault((after.start, person), [])
            if fact not in found:
                found.append(fact)
    return told


def _title_told_then_named(doc: Doc, before: Span, after: Span, table: EntityTable,
                           document: Document) -> list[tuple[str, RoleFact]]:
    """A post whose holder leaves it, told without a name, then the one who leaves named in the next sentence:
    "Peru's interior minister resigned on Friday ... Hugo Zevallos submitted his resignation ...", "The chief
    executive of X has resigned ... Y, who had led the company since 2021, stepped down on Tuesday"."""
    posts = [subject for verb in before if verb.lemma_.lower() in LEFT_POST_VERBS and verb.pos_ == "VERB"
             for subject in verb.children if subject.dep_ == "nsubj" and subject.pos_ == "NOUN"
             and table.key_at(subject) is None]
    if len(posts) != 1:
        return []
    for start, _, key in table.mentions_in(after.start, after.end):
        root = _name_root(doc, start, table)
        if table.kind(key) != PERSON or root.dep_ != "nsubj" or " " not in table.label(key):
            continue
        verb = root.head
        leaves = verb.lemma_.lower() in LEFT_POST_VERBS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in LEAVING_NOUNS for c in verb.children)
        fact = _post_of(doc, posts[0], key, table, document, before, "roles.title_told_then_named", 0.6) \
            if leaves else None
        return [(key, replace(fact, evidence=(make_evidence(after, document, fact.evidence[0].extractor, 0.6),)))] \
            if fact is not None else []
    return []


def _appointing_body(verb: Token, role: str, table: EntityTable) -> str | None:
    """The body whose post a person is named to, told by who names them: "Rede Lusa de Energia named X as chief
    executive", "The board of Zeta Bank named X", "Y said it had appointed X" (the company); for a national
    title, the country of the body that confirms it ("Uzbekistan's lower house approved X as prime minister").
    Not a body of state confirming another's post ("The Senate confirmed X as Secretary of Energy"); a body of
    state that appoints, names or elects to a post that is no country's has given a post of its own."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ == "it" and verb.dep_ == "ccomp" \
            and verb.head.lemma_.lower() in REPORTING_VERBS:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # "Y said it had appointed X"
    if subject is None:
        return None
    key = table.key_at(subject) or next((table.key_at(c) for c in subject.children
                                         if c.dep_ == "appos" and table.key_at(c)), None)  # "the operator X"
    if key is None and subject.pos_ == "NOUN":  # "the board of Zeta Bank", "Zeta Bank's board", "the company"
        owners = [c for c in subject.children if c.dep_ == "poss"] + [o for c in subject.children if c.dep_ == "prep"
                                                                       and c.lower_ == "of" for o in c.children
                                                                       if o.dep_ == "pobj"]
        key = next((k for o in owners for k in [table.key_at(o)] if k), None)
        if key is None and _body_word_kind(subject.lemma_.lower(), table) == COMPANY:
            key = _noun_antecedent(subject, table)
    if key is not None and table.label(key).lower().split()[0] in BOARD_WORDS:
        key = _story_body(subject, COMPANY, table, least=1)  # "the Board of Directors appointed X": the company's
    if key is None:
        return None
    if table.kind(key) in (COMPANY, ORGANIZATION):
        return key
    national = _title_head(role) in NATIONAL_HEADS
    if table.kind(key) == COUNTRY and national:
        return key
    if table.kind(key) == GOVERNMENT_BODY and national:  # the country whose body it is
        owner = next((table.key_at(c) for c in subject.children if c.dep_ == "poss" and table.key_at(c)), None)
        return owner if owner is not None and table.kind(owner) == COUNTRY else None
    if table.kind(key) == GOVERNMENT_BODY and verb.lemma_.lower() in OWN_POST_VERBS:
        return key  # "the Electoral Commission named X as director of elections": a post of its own
    return None


def _org_named_by(token: Token, table: EntityTable) -> str | None:
    """The organization a noun phrase names: "the Y", "the Finnish grid operator Y", "the Oslo office of Y";
    the country for its government ("Niger's military government")."""
    key = table.key_at(token)
    if key is None and token.lemma_.lower() in STATE_NOUNS:  # "Niger's military government": the country
        key = next((table.key_at(c) for c in token.children if c.dep_ == "poss" and table.key_at(c)
                    and table.kind(table.key_at(c)) == COUNTRY), None)
    if key is None:  # "the Finnish grid operator Y": the name after the noun
        key = next((table.key_at(c) for c in token.children if c.dep_ in ("appos", "compound")
                    and c.i > token.i and table.key_at(c)), None)
    if key is None and token.pos_ == "NOUN":  # "the Caminando Fronteras charity": the name before the noun
        key = next((k for c in token.children if c.dep_ == "compound" and c.i < token.i
                    for k in [table.key_at(c)] if k and table.kind(k) not in (COUNTRY, PERSON, PLACE)), None)
    if key is None:
        first = token.left_edge.i + (token.left_edge.lower_ in ("the", "a", "an"))
        at = _past_descriptors(token.doc, first, table, token.right_edge.i + 1)
        key = table.key_at(at) if at != first else None
    if key is None:  # "the Oslo office of Y": the organization the part belongs to
        key = next((table.key_at(o) for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" and table.key_at(o)), None)
    if key is None:  # "the Public Ministry's anti-corruption unit": a body's part, the body's (not a country's)
        key = next((k for c in token.children if c.dep_ == "poss" for k in [table.key_at(c)]
                    if k and table.kind(k) not in (COUNTRY, PERSON, PLACE)), None)
    if key is None or table.kind(key) in (PERSON, PLACE):
        return None
    return key


def _climbed_root(doc: Doc, start: int, end: int) -> Token:
    """The token a name hangs on: its root, or the title phrase it is part of ("His Excellency X")."""
    root = doc[start:end].root
    while root.dep_ in ("appos", "compound") and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head
    return root


def _antecedent_of_relative(token: Token) -> Token:
    """ "X, who became ...": the relative pronoun stands for the name its clause hangs on, or for the
    name a description it hangs on belongs to ("X, a former minister who leads ...")."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        noun = token.head.head
        return noun.head if noun.dep_ == "appos" and noun.pos_ == "NOUN" else noun
    return token


def _appointer(token: Token) -> bool:
    """The subject of an active appointing verb gives the post; it does not hold it."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.lemma_.lower() in APPOINTING_VERBS and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _named_to_post(doc: Doc, start: int, end: int, person: str, table: EntityTable, document: Document,
                   sent: Span) -> RoleFact | None:
    """ "appointed X finance minister", "named X its new chief executive", read by the words alone when
    the parse lost the verb: an appointing verb, the name, then a title after at most a possessor and a
    word like "new"; a further pair after an appointing verb, "... A as minister of finance and B as minister
    of health"; and each pair of a line-up, "the cabinet keeps A as foreign minister, B as defence minister"."""
    if end + 1 < sent.end and doc[end].lower_ == "as" and (
            start - 1 >= sent.start and doc[start - 1].lower_ in ("and", ",")
            and any(t.lemma_.lower() in APPOINTING_VERBS for t in doc[sent.start : start])
            or len(_posts_given_as(doc, sent, table)) > 1):
        # "swore in A as minister of finance and B as minister of health": the second pair, read along the words;
        # "the cabinet includes A as foreign minister, B as defence minister and ...": each pair of a line-up
        span = _post_given_as(doc, end, table)
        if span is None:
            return None
        return _post_of(doc, doc[span[1] - 1], person, table, document, sent, NAMED_TO_POST, 0.75)
    if start - 1 < sent.start or doc[start - 1].lemma_.lower() not in APPOINTING_VERBS:
        return None
    i = end
    while i < min(end + POSSESSOR_WORDS, sent.end) and (doc[i].lower_ in OWNER_PRONOUNS | PRESENT_HOLDER_WORDS
                                                         or doc[i].text in POSSESSIVE_MARKS or table.key_at(i)):
        i += 1
    span = match_title_around(doc, i, table) if i < sent.end else None
    if span is None or span[0] != i:
        return None
    return _post_of(doc, doc[span[1] - 1], person, table, document, sent, NAMED_TO_POST, 0.75)


def _post_given_as(doc: Doc, as_word: int, table: EntityTable) -> tuple[int, int] | None:
    """The title right after "as" at token `as_word` ("as the foreign minister"), as a (start, end) range."""
    if as_word + 1 >= len(doc):
        return None
    first = as_word + 1 + (doc[as_word + 1].lower_ in ("the", "a", "an"))
    span = match_title_around(doc, first, table) if first < len(doc) else None
    return span if span is not None and span[0] == first else None


def _posts_given_as(doc: Doc, sent: Span, table: EntityTable) -> list[int]:
    """The people of a sentence each written with "as" and a title right after the name: "A as foreign
    minister, B as defence minister": a line-up, read pair by pair."""
    return [start for start, end, key in table.mentions_in(sent.start, sent.end)
            if table.kind(key) == PERSON and end < sent.end and doc[end].lower_ == "as"
            and _post_given_as(doc, end, table) is not None]


def _with_listed(noun: Token) -> list[Token]:
    """A noun with the ones listed after it: "as A, B and C"."""
    found: list[Token] = []
    todo = [noun]
    while todo and len(found) < 8:
        noun = todo.pop(0)
        found.append(noun)
        todo += [c for c in noun.children if c.dep_ in ("conj", "appos")]
    return found


def _post_of(doc: Doc, noun: Token, person: str, table: EntityTable, document: Document,
             sent: Span, rule: str, confidence: float) -> RoleFact | None:
    """The role a noun given as a post names: a known title, its qualifier and the organization around it."""
    if not (sent.start <= noun.i < sent.end) or table.key_at(noun):
        return None
    span = match_title_around(doc, noun.i, table)
    if span is None:
        return None
    title_start, title_end = span
    lower = noun.left_edge.i
    qualifier, i = _qualifier_before(doc, title_start, lower)
    org, i = _org_before(doc, i, table, lower)
    if org is None:
        org = _org_after(doc, title_end, table, ORG_PREPOSITIONS_AFTER_TITLE | {"to"}, noun.right_edge.i + 1)
    if org is not None and table.kind(org) == PERSON:
        return None
    evidence = make_evidence(sent, document, rule, confidence)
    return RoleFact(person, doc[title_start:title_end].text, org, (evidence,), qualifier)


def _titles_of_line(doc: Doc, start: int, end: int, person: str, table: EntityTable, document: Document,
                    sent: Span, home: HomeContext) -> list[RoleFact]:
    """A line of a list of people: "The Honorable X, Secretary of Commerce", "Ms. Y, Deputy Assistant to the
    President and Director of Z, The White House", "- Hon. X – Minister for Finance" (a dash after the name).
    Each title of the line is a post; the organization is the line's last part when it names one, else the one a
    title names ("of Z"), else, for a national post in a government's release, its country."""
    words = [t for t in doc[sent.start : start] if not t.is_space]
    if any(t.lower_ not in LINE_OPENERS for t in words) or end >= sent.end or doc[end].text not in LINE_SEPARATORS \
            or doc[end].text != "," and not (words and words[0].text in BULLETS):
        return []  # ("- Name – Title": a dash parts name and title on a list's line too)
    honoured = any(t.lower_ in HONORIFIC_TITLES for t in words)
    line_end = sent.end
    while line_end > end and (doc[line_end - 1].is_space or doc[line_end - 1].text in (".", ";")):
        line_end -= 1
    if "\n" in doc[end:line_end].text or any(t.tag_ in TOLD_TAGS or t.tag_ in PRESENT_TAGS and t.is_lower
                                             for t in doc[end:line_end]) \
            or not _ends_line(doc, sent):
        return []  # a sentence that goes on ("X, Iceland's ambassador, said ...") is no line of a list
    commas = [end] + [i for i in range(end + 1, line_end) if doc[i].text == ","]
    parts = [(a + 1, b) for a, b in zip(commas, [*commas[1:], line_end], strict=True) if b > a + 1]
    if not parts or len(parts) == 1 and not honoured and doc[end].text == ",":
        return []  # "Jane Roe, Department Spokesperson": a byline, read by _title_after_name (not "- X – Minister")
    org = None
    first = parts[-1][0] + (doc[parts[-1][0]].lower_ == "the")  # "..., The White House"
    key, span = table.key_at(first), table.span_at(first)
    if len(parts) > 1 and key and span and span[1] == parts[-1][1] and table.kind(key) not in (PERSON, PLACE):
        org, parts = key, parts[:-1]
    elif len(parts) > 1 and place_country(doc[first : parts[-1][1]].text, table.lexicon):
        parts = parts[:-1]  # "Member of the House of Representatives, Florida": the state, no part of the title
    elif len(parts) > 1 and _capitalised(doc[first : parts[-1][1]]) and not match_title_around(doc, first, table):
        org = table.add_name(first, parts[-1][1], table.shape_kind(first, parts[-1][1]) or ORGANIZATION)
        parts = parts[:-1]  # "..., Amherst College": a body the model did not tag
    facts = []
    evidence = make_evidence(sent, document, "roles.list_line", 0.8)
    # The titles run to the organization: "Senior Director for Development, Global Health, and Response".
    # A title starts anew after "and" or a comma only with a post: "Deputy Assistant to the President and
    # Director of X" is two, "Director of Policy and Projects" one.
    for part_start, part_end in [(parts[0][0], parts[-1][1])]:
        pieces, piece_start = [], part_start
        for i in range(part_start, part_end + 1):
            if i == part_end or doc[i].lower_ in ("and", ",") and i + 1 < part_end and doc[i + 1].text[:1].isupper() \
                    and match_title_around(doc, i + 1, table) is not None:
                pieces.append((piece_start, i))
                piece_start = i + 1
        for a, b in pieces:
            while b > a and (doc[b - 1].text == ")" or doc[b - 1].is_space):  # "Representative (California)"
                opening = next((i for i in range(b - 1, a, -1) if doc[i].text == "("), None)
                b = opening if opening is not None and doc[b - 1].text == ")" else b - 1
            title = doc[a:b]
            if not title.text[:1].isupper() or match_title_around(doc, a, table) is None and not any(
                    match_title_around(doc, t.i, table) for t in title):
                continue
            inner = next((k for _, _, k in table.mentions_in(a, b) if table.kind(k) not in (PERSON, PLACE)
                          and (table.kind(k) in (COUNTRY, GOVERNMENT_BODY) or table.lexicon.organization(table.label(k))
                               or " " in table.label(k) and any(table.lexicon.org_word(w)
                                                                for w in table.label(k).split()))), None)
            # (a body's name, not a portfolio the model tagged: "Assistant Secretary of State for African Affairs")
            head = title.text.lower().split(" of ")[0].split(" to ")[0].split()[-1]
            country = home.country if home.body and head in NATIONAL_HEADS else None
            facts.append(RoleFact(person, title.text, org or inner or country, (evidence,)))
    return facts


def _ends_line(doc: Doc, sent: Span) -> bool:
    """Whether a sentence is all its line holds until a line break (or the end of the text)."""
    if sent.end >= len(doc):
        return True
    return "\n" in doc.text[doc[sent.end - 1].idx : doc[sent.end].idx]


def _capitalised(span: Span) -> bool:
    """Words that could be a name: each capitalised (or a short joining word), at most eight."""
    words = [t for t in span if not t.is_punct]
    return 0 < len(words) <= BODY_NAME_WORDS and words[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "the", "de", "to") for t in words)


def _title_after_name(doc: Doc, start: int, end: int, person: str, table: EntityTable,
                      document: Document, sent: Span, home: HomeContext) -> RoleFact | None:
    """A byline or signature: "Jane Roe, Department Spokesperson" ending its line or sentence."""
    if end >= sent.end or doc[end].text != ",":
        return None
    limit = end + 1
    while limit < sent.end and not doc[limit].is_punct and not doc[limit].is_space and limit - end <= 6:
        limit += 1
    if limit < sent.end and not doc[limit].is_space:
        return None  # the title must end the line: "X, Secretary of State" as a signature
    title_start = match_title(doc, limit, table)
    if title_start is None or title_start <= end:
        return None
    org, org_start = _org_before(doc, title_start, table, end + 1)
    leading = doc[end + 1 : org_start if org else title_start]
    if any(not t.text[:1].isupper() for t in leading) or any(not t.text[:1].isupper() for t in doc[title_start:limit]):
        return None
    if org is None and len(leading) == 1 and leading[0].lower_ in BODY_WORDS and home.body:
        org = home.body
    elif org is None and not leading and home.body and doc[title_start:limit].text.lower() in SPOKES_HEADS:
        org = home.body
    elif org is None and not leading and home.country and doc[limit - 1].lower_ in NATIONAL_HEADS:
        org = home.country
    elif leading and org is None:
        return None
    evidence = make_evidence(sent, document, "roles.byline", 0.8)
    return RoleFact(person, doc[title_start:limit].text, org, (evidence,))


def _title_before_name(doc: Doc, start: int, end: int, person: str, table: EntityTable,
                       document: Document, sent: Span, found: dict[str, RoleFact]) -> RoleFact | None:
    lower = sent.start
    if start - 1 >= lower and doc[start - 1].lower_ == COUNTERPART:
        return _counterpart(doc, start, person, table, document, sent, found)
    name_start = _addressed_from(doc, start, lower)  # "Health Minister Dr. X": a word of address between
    title_start = match_title(doc, name_start, table)
    if title_start is None or title_start < lower:
        return _title_of_org_before_name(doc, start, person, table, document, sent)
    portfolio = _portfolio_before(doc, title_start, table, lower)
    if portfolio is not None:  # "Home Affairs Minister X": a portfolio the model read as an organization
        title_start = portfolio
    title = doc[title_start:name_start].text
    qualifier, i = _qualifier_before(doc, title_start, lower)
    org, i = _org_before(doc, _modifiers_start(doc, i, lower, start), table, lower,  # "Cusco regional governor"
                         personal=title.lower() in PERSONAL_POSTS)
    if qualifier is None:
        qualifier, _ = _qualifier_before(doc, i, lower)
    if org is None:
        org = _org_after(doc, end, table, ORG_PREPOSITIONS_AFTER_NAME, sent.end)
    if org is None and end + 1 < sent.end and doc[end].text == ",":  # "Opposition leader X, of the Y Party,"
        org = _org_after(doc, end + 1, table, ORG_PREPOSITIONS_AFTER_NAME, sent.end)
    if org is None:  # "Treasury Secretary": the organization named inside the title
        inside = [k for _, _, k in table.mentions_in(title_start, start) if table.kind(k) in (GOVERNMENT_BODY, COUNTRY)]
        org = inside[0] if inside else None
    evidence = make_evidence(sent, document, "roles.title_before_name", 0.9)
    return RoleFact(person, title, org, (evidence,), qualifier)


def _addressed_from(doc: Doc, start: int, lower: int) -> int:
    """Where the words of address right before a name starting at `start` begin ("H.E. Dr. X"), after `lower`."""
    while start - 1 > lower and doc[start - 1].lower_ in HONORIFIC_TITLES:
        start -= 1
    return start


def _rank_only(role: str) -> bool:
    """Whether a title is a military rank and nothing else: "Brigadier General", "Colonel"."""
    return set(role.lower().split()) <= MILITARY_RANKS


def _post_before_rank(doc: Doc, start: int, fact: RoleFact, table: EntityTable, document: Document,
                      sent: Span) -> list[RoleFact]:
    """ "Nepal Army spokesperson Brigadier General X": a post written right before the rank before a name is
    the person's too, with the body written before it."""
    if not _rank_only(fact.role):
        return []
    rank_start = start - len(fact.role.split())
    post_start = match_title(doc, rank_start, table)
    if post_start is None or post_start < sent.start:
        return []
    org, _ = _org_before(doc, post_start, table, sent.start)
    evidence = make_evidence(sent, document, "roles.post_before_rank", 0.8)
    return [RoleFact(fact.person, doc[post_start:rank_start].text, org, (evidence,))] if org else []


def _title_of_org_before_name(doc: Doc, start: int, person: str, table: EntityTable, document: Document,
                              sent: Span) -> RoleFact | None:
    """ "Governor of Washington Chris Gregoire": a title, "of [the] Y", then the name; "U.S. Ambassador to Ghana
    X": an envoy's title, "to Y", then the name, held for the country that sends the envoy when it is written."""
    span = table.span_at(start - 1) if start - 1 >= sent.start else None
    org = table.key_at(start - 1) if span else None
    if span is None or org is None or table.kind(org) == PERSON:
        return None
    i = span[0] - 1
    if i >= sent.start and doc[i].lower_ == "the":
        i -= 1
    if i < sent.start or doc[i].lower_ not in ("of", "to"):
        return None
    title_start = match_title(doc, i, table)
    if title_start is None or title_start < sent.start or not doc[title_start].text[:1].isupper():
        return None
    if doc[i].lower_ == "to":
        if _title_head(doc[title_start:i].text) not in ENVOY_HEADS:
            return None
        qualifier, before = _qualifier_before(doc, title_start, sent.start)
        sender, _ = _org_before(doc, before, table, sent.start)
        evidence = make_evidence(sent, document, "roles.title_of_org_before_name", 0.8)
        return RoleFact(person, doc[title_start:start].text, sender or org, (evidence,), qualifier)
    if any(match_title(doc, word, table) == title_start for word in range(span[0] + 1, min(span[0] + 3, span[1]))):
        # "Secretary of State for Global Affairs X": the name the model cut holds the rest of the title
        qualifier, before = _qualifier_before(doc, title_start, sent.start)
        owner, _ = _org_before(doc, before, table, sent.start)
        evidence = make_evidence(sent, document, "roles.title_before_name", 0.8)
        return RoleFact(person, doc[title_start:start].text, owner, (evidence,), qualifier)
    words = doc[span[0] : span[1]]
    cut = next((t.i for t in words if t.lower_ == "for"), None)
    if cut is not None and cut > span[0]:  # "Under Secretary of Commerce for Industry and Security X": a portfolio
        evidence = make_evidence(sent, document, "roles.title_of_org_before_name", 0.8)
        body = _department_of(f"of {doc[span[0] : cut].text}", table)
        return RoleFact(person, doc[title_start:start].text, body, (evidence,))
    evidence = make_evidence(sent, document, "roles.title_of_org_before_name", 0.8)
    return RoleFact(person, doc[title_start:i].text, org, (evidence,))


def _department_of(title: str, table: EntityTable) -> str | None:
    """The department a title with a portfolio names after "of" by its short name: "Under Secretary of Commerce
    for Industry and Security" (the Department of Commerce); None when no known body has that name."""
    words = title.split(" of ", 1)
    if len(words) < 2:
        return None
    name = words[1].removeprefix("the ").split(" for ", 1)[0]  # ("of Commerce for Industry and Security")
    if _title_head(title) == "minister":  # a minister's body is a ministry ("Minister of State" is a rank, no
        found = table.lexicon.organization(f"Ministry of {name}")  # post at the Department of State)
        return table.ensure(*found) if found else None
    found = next((b for b in (table.lexicon.organization(name), table.lexicon.organization(f"Department of {name}"),
                              table.lexicon.organization(f"Ministry of {name}")) if b), None)
    return table.ensure(*found) if found else None


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


def _conjoined_after_title(doc: Doc, start: int, root: Token) -> bool:
    """A name set off by a comma after a title that the parse reads as a second item: "with Senegal's Minister of
    Trade, Awa Diallo, the ..." (the name a conjunct of "Minister", with no "and" between them)."""
    return (root.dep_ == "conj" and start > 0 and doc[start - 1].text == "," and root.head.i < start
            and root.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "cc" for c in root.head.children
                                                                if c.i < start))


def _title_holding(noun: Token, table: EntityTable) -> Token:
    """The title an apposition belongs to when the parse hangs it on the title's organization:
    "The mayor of Lyon, X" (X attached to Lyon), "Ghana's Ambassador to Japan, X", "the UN coordinator in
    Peru, X"."""
    if table.key_at(noun) and table.kind(table.key_at(noun) or "") != PERSON and noun.dep_ == "pobj" \
            and noun.head.lower_ in ORG_PREPOSITIONS_AFTER_TITLE | {"to", "in"}:
        if noun.head.head.pos_ in ("NOUN", "PROPN"):
            return noun.head.head
        before = noun.doc[noun.head.i - 1] if noun.head.i else None  # the preposition hung on a verb
        if before is not None and before.lower_ in table.lexicon.titles_by_last:
            return before
    return noun


def _org_at(noun: Token, table: EntityTable) -> str | None:
    """The organization a post is held "at", further along the title's phrase: "curator of the exhibit at
    the University of X", "chief financial officer and treasurer at X"."""
    nouns = [noun, *noun.conjuncts, *(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                      for p in c.children if p.dep_ == "pobj")]
    for each in nouns:
        for prep in (c for c in each.children if c.dep_ == "prep" and c.lower_ == "at"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                key = table.key_at(obj)
                if key and table.kind(key) not in (PERSON, PLACE, COUNTRY):
                    return key
    return None


def _function_title_end(doc: Doc, title_end: int, table: EntityTable, limit: int) -> int:
    """The end of a title that names the work its holder heads before the body they head it at: "head of
    compliance at Harbour Bank", "director of communications for Y" (`title_end` itself when "of" and one to
    three lower-case words are not followed by "at" or "for" and a body's name)."""
    i = title_end + 1
    if i >= limit or doc[title_end].lower_ != "of" or doc[title_end - 1].lower_ not in FUNCTION_HEADS:
        return title_end
    while i < limit and i - title_end <= FUNCTION_WORDS and doc[i].is_alpha and doc[i].text.islower() \
            and doc[i].lower_ not in ("at", "for", "the") and table.key_at(i) is None:
        i += 1
    if i == title_end + 1 or i >= limit or doc[i].lower_ not in ("at", "for"):
        return title_end
    body = i + 1 + (i + 1 < limit and doc[i + 1].lower_ == "the")
    key = table.key_at(body) if body < limit else None
    return i if key is not None and table.kind(key) in (COMPANY, ORGANIZATION, GOVERNMENT_BODY) else title_end


def _body_after(doc: Doc, i: int, table: EntityTable, end: int) -> str | None:
    """The organization that closes a "Name, Title, Organization" line or sentence."""
    if i + 1 >= end or doc[i].text != ",":
        return None
    key = table.key_at(i + 1)
    span = table.span_at(i + 1)
    if key is None or span is None or table.kind(key) in (PERSON, PLACE):
        return None
    rest = [t for t in doc[span[1] : end] if not t.is_space and not t.is_punct]
    return key if not rest else None


def _titles_another(noun: Token, person: str, table: EntityTable) -> bool:
    """Whether a title the parse hung on a name is another person's, set beside it after the title: in "the
    bank's chairman, A, its chief executive, B", "its chief executive" is B's (hung on A)."""
    return any(c.dep_ == "appos" and c.i > noun.i and (key := table.key_at(c)) is not None and key != person
               and table.kind(key) == PERSON for c in noun.children)


def _described(doc: Doc, start: int, end: int, person: str, table: EntityTable,
               document: Document, sent: Span, home: HomeContext | None = None) -> RoleFact | None:
    """Appositions ("X, the Kremlin's spokesman,"), copulas ("X is a reporter at Y"), "X, who heads Y"."""
    root = doc[start:end].root
    candidates: list[tuple[Token, str, float]] = []
    candidates += [(c, "roles.apposition", 0.8) for c in root.children if (c.dep_ == "appos"
                   or c.dep_ == "conj" and end < len(doc) and doc[end].text == "," and c.left_edge.i == end + 1)
                   and not _titles_another(c, person, table)]
    # "X, a Greek national and the director of Y": the title coordinated with the describing noun
    candidates += [(c, "roles.apposition", 0.8) for a in root.children if a.dep_ == "appos" for c in a.conjuncts]
    if (root.dep_ == "appos" or _conjoined_after_title(doc, start, root)) and not (start <= root.head.i < end):
        candidates.append((_title_holding(root.head, table), "roles.apposition", 0.8))
    if root.dep_ == "conj" and end + 1 < sent.end and doc[end].text == ",":
        # "she and X, Poland's Secretary of State, will ...": the apposition the parse hung on the first of the pair
        candidates += [(c, "roles.apposition", 0.8) for c in root.head.children
                       if c.dep_ == "appos" and c.left_edge.i == end + 1]
    # "His daughter X is ...": the name set beside the subject is the subject
    subject = root.head if root.dep_ == "appos" and root.head.dep_ == "nsubj" and root.head.i < start else root
    if subject.dep_ == "nsubj" and subject.head.lemma_ == "be":
        # "X is a banker and the chairman of Y": each noun coordinated with the complement too
        candidates += [(n, "roles.copula", 0.75) for c in subject.head.children if c.dep_ == "attr"
                       for n in (c, *c.conjuncts)]
    if root.dep_ == "attr" and root.head.lemma_ == "be":  # "Harare's new deputy mayor is X": the subject is the post
        candidates += [(c, "roles.copula", 0.75) for c in root.head.children if c.dep_ == "nsubj"]
    for clause in (c for c in root.children if c.dep_ == "relcl"):
        if clause.lemma_ == "be":
            candidates += [(c, "roles.relative_clause", 0.7) for c in clause.children if c.dep_ == "attr"]
    lead = _title_worn_before(doc, start, sent.start, table)  # "the head of X, former Liberian Vice President Y"
    if lead != start and (before := table.key_at(lead - 2)) is not None and table.kind(before) == PERSON:
        lead = start  # "Minister X Y, former Vice Minister Z": titled names in a row, no title before the comma
    lead = _addressed_from(doc, lead, sent.start)  # "the Prime Minister of Ethiopia, H.E. Dr. X,": words of
    #                                                address between the comma and the name
    if lead - 1 > sent.start and doc[lead - 1].text == "," and end < sent.end and doc[end].text in (",", "."):
        # "with Peru's Minister of Foreign Affairs, X, to ...", "the governor of X state, Y,": the words read
        # along when the parse lost the apposition; the candidate is the title phrase's head, which "of X" hangs
        # on ("the Prime Minister of Ethiopia, H.E. Dr. X,")
        title_start = _portfolio_title_start(doc, lead - 1, table) or match_title(doc, lead - 1, table)
        possessed = title_start is not None and title_start - 1 > sent.start \
            and doc[title_start - 1].text in POSSESSIVE_MARKS  # "the bank's chairman, A,": a lower-case title too
        if title_start is None or not doc[title_start].text[:1].isupper() and not possessed:
            title_start = _title_of_body_before(doc, lead - 1, sent.start, table)
        if title_start is not None:
            phrase = doc[title_start : lead - 1].root
            read = (phrase if match_title_around(doc, phrase.i, table) else doc[title_start], "roles.apposition", 0.8)
            # read first when the parse hangs X on the title of another person named before: "A's Minister of X,
            # B, and the Peruvian Minister of X, C": C's is the title right before ", C,"
            earlier = any(noun.i < title_start and any(table.kind(k) == PERSON
                                                       for _, _, k in table.mentions_in(noun.i, title_start))
                          for noun, _, _ in candidates)  # (another person named between: not one's two titles)
            if earlier:
                candidates.insert(0, read)
            else:
                candidates.append(read)
    for noun, extractor, confidence in candidates:
        if not (sent.start <= noun.i < sent.end) or table.key_at(noun):
            continue
        span = match_title_around(doc, noun.i, table)
        if span is None:
            continue
        title_start, title_end = span
        title_end = _portfolio_title_end(doc, title_start, title_end, sent.end, table)
        lower = min(noun.left_edge.i, doc[title_start].left_edge.i)  # (the parse may hang the name on "Mining"
        #                                                               of "Chile's Minister of Mining, X")
        if lower == title_start and lower - 1 > sent.start and doc[lower - 1].lower_ in ("its", "their"):
            lower -= 1  # "X and its Director-General, Y, whose ...": the parse may leave "its" out of the title's words
        if title_end - title_start == 1 and doc[title_start].lower_ in MODIFIED_HEADS:
            title_start = _modifiers_start(doc, title_start, lower)  # "the chief district officer"
        qualifier, i = _qualifier_before(doc, title_start, lower)
        org, i = _org_before(doc, _modifiers_start(doc, i, lower, title_end), table, lower)  # "Bannu's district"
        if qualifier is None:
            qualifier, _ = _qualifier_before(doc, i, lower)
        worked = _function_title_end(doc, title_end, table, sent.end)  # ("head of compliance at Y")
        after = _org_after(doc, worked, table, ORG_PREPOSITIONS_AFTER_TITLE,
                           noun.right_edge.i + 1 if worked == title_end else sent.end)
        title_end = worked
        for other in (c for c in noun.conjuncts if c.i == title_end + 1 and doc[title_end].lower_ == "and"
                      and after is None and _title_head(doc[title_start:title_end].text) not in NATIONAL_HEADS
                      and match_title_around(doc, c.i, table)):  # "the director and owner of Y"
            after = _org_after(doc, other.i + 1, table, ORG_PREPOSITIONS_AFTER_TITLE,
                               max(other.right_edge.i, noun.right_edge.i) + 1)
        portfolio = _portfolio_named(doc, title_end, table) if org is not None else None
        if portfolio is not None:  # "Zambia's Minister of Mines and Minerals Development, X": a portfolio
            title_end, after = portfolio, None
        if org is None or after is not None and table.kind(org) in (COUNTRY, PLACE):
            org = after or org  # "Gabon commander of French forces": the body of the title over where it is
        if org is None:  # "curator of the exhibit at the University of X", "officer and treasurer at X"
            org = _org_at(noun, table)
        if org is None and home is not None and home.country and _leaders_possessive(doc, title_start, lower):
            org = home.country  # "the president's national security adviser, X": the home country's leader
        if org is None:  # "X, Senior Director for Europe, National Security Council": the body after the title
            comma = next((i for i in range(title_end, min(title_end + PORTFOLIO_WORDS, sent.end))
                          if doc[i].text == ","), None)
            org = _body_after(doc, comma, table, sent.end) if comma is not None else None
        if org is None:  # "X, Secretary of the Treasury,": the organization named inside the title
            inside = [k for _, _, k in table.mentions_in(title_start, title_end)
                      if table.kind(k) in (GOVERNMENT_BODY, COUNTRY)]
            org = inside[0] if inside else None
        evidence = make_evidence(sent, document, extractor, confidence)
        return RoleFact(person, doc[title_start:title_end].text, org, (evidence,), qualifier)
    return (_title_of_name_before(doc, start, person, table, document, sent)
            or _possessed_title_before(doc, start, person, table, document, sent))


def _title_worn_before(doc: Doc, start: int, lower: int, table: EntityTable) -> int:
    """Where a rank or an earlier title written right before a name begins, with its qualifier and nationality
    ("Major General X", "former Malian Prime Minister X", "retired general X"); `start` when there is none."""
    title_start = match_title(doc, start, table)
    if title_start is None or title_start <= lower:
        return start
    while title_start - 1 > lower and (doc[title_start - 1].lower_ in QUALIFIERS | RETIRED
                                       or table.lexicon.demonym(doc[title_start - 1].text)):
        title_start -= 1
    return title_start


def _one_of_plural_title(doc: Doc, start: int, person: str, table: EntityTable, document: Document,
                         sent: Span) -> RoleFact | None:
    """ "The two foreign ministers, Armenia's A and Azerbaijan's B,", "Nicaragua's co-presidents, A and B,":
    one of the people a plural title is set off before, with the country written with them, else the one
    that has the title."""
    own = _possessor_before(doc, start, table, sent.start)
    item = table.span_at(start - 2)[0] if own is not None else start  # type: ignore[index]
    i = item - 1
    while i > sent.start and (doc[i].text in (",", "and") or doc[i].text in POSSESSIVE_MARKS or table.key_at(i)):
        if doc[i].text == "," and doc[i - 1].tag_ == "NNS":
            break
        i -= 1
    comma = i
    if comma <= sent.start + 1 or doc[comma].text != "," or doc[comma - 1].tag_ != "NNS" or table.key_at(comma - 1):
        return None
    head = doc[comma - 1].lemma_.lower()
    titles = table.lexicon.titles_by_last.get(head, ())
    title_start = next((t for t in range(max(comma - 3, sent.start), comma)
                        if (*(w.lower_ for w in doc[t : comma - 1]), head) in titles), None)
    if title_start is None:
        return None
    org = own or _possessor_before(doc, title_start, table, sent.start)
    if org is None:
        return None
    written = doc[title_start:comma].text  # "co-presidents": the title in the singular, as written
    title = written[: len(written) - len(doc[comma - 1].text)] + head
    evidence = make_evidence(sent, document, "roles.plural_title", 0.7)
    return RoleFact(person, title, org, (evidence,))


def _possessor_before(doc: Doc, start: int, table: EntityTable, lower: int) -> str | None:
    """The country or body written with a possessive right before token `start` ("Armenia's [A]")."""
    if start - 2 < lower or doc[start - 1].text not in POSSESSIVE_MARKS:
        return None
    key = table.key_at(start - 2)
    return key if key is not None and table.kind(key) != PERSON else None


def _title_of_body_before(doc: Doc, comma: int, lower: int, table: EntityTable) -> int | None:
    """The start of a title written with "of" and a named body or place just before token `comma`: "the
    governor of Mato Grosso do Sul state, X", "the mayor of Y, X"; None when there is none."""
    end = comma - 1 if comma - 1 > lower and doc[comma - 1].lower_ in REGION_NOUNS else comma
    span = table.span_at(end - 1) if end - 1 > lower else None
    if span is None or span[0] - 2 < lower or doc[span[0] - 1].lower_ != "of":
        return None
    return match_title(doc, span[0] - 1, table)


def _portfolio_title_end(doc: Doc, title_start: int, title_end: int, limit: int, table: EntityTable) -> int:
    """The end of a portfolio title whose known part stops before or inside its portfolio: "Minister [of
    International Development]", "Minister of Energy [and Mines]", up to the comma, a name or `limit`;
    `title_end` when the words after it are no portfolio."""
    end = title_end + (title_end < limit and doc[title_end].lower_ in ("of", "for"))  # "Minister [of Mines]"
    end += end < limit and doc[end - 1].lower_ == "for" and doc[end].lower_ == "the"  # "minister [for the Pacific]"
    # a title written in lower case goes on in lower case: "minister of mining [and heavy industry]"
    lower_case = doc[title_start].text.islower() and doc[title_end - 1].text.islower() and title_end < limit
    while end < limit and end - title_end < PORTFOLIO_WORDS and (
            doc[end].text[:1].isupper() or doc[end].lower_ in ("and", "&") or glued_hyphen(doc[end])
            or lower_case and doc[end - 1].lower_ == "and" and doc[end].pos_ in ("NOUN", "ADJ", "PROPN")
            or lower_case and end > title_end and doc[end - 1].pos_ == "ADJ" and doc[end].pos_ == "NOUN") and not (
            (key := table.key_at(end)) and table.kind(key) == PERSON):
        end += 1
    if end < limit and not (doc[end].is_punct or doc[end].pos_ == "ADP") and not (
            (key := table.key_at(end)) and table.kind(key) == PERSON):
        return title_end  # "minister of Indigenous peoples": the portfolio goes on in words of its own
    if end > title_end + 1 and doc[title_end].lower_ in ("and", "&") and doc[end - 1].lower_ not in ("and", "&") \
            and any(t.lower_ in ("of", "for") for t in doc[title_start:title_end]):
        return end  # ("Minister of Mining [and Heavy Industry]": a known title with more of its portfolio)
    return end if end > title_end and _portfolio_title_start(doc, end, table) == title_start else title_end


def _portfolio_before(doc: Doc, title_start: int, table: EntityTable, lower: int) -> int | None:
    """The start of a portfolio written as capitalised words right before a minister's or secretary's title,
    untagged or tagged as an organization with no organization's word: "[Home Affairs] Minister X",
    "[Disaster Management and Relief] Minister X"; None for a body's or a country's name ("Treasury
    Secretary", "Interior Ministry spokesman", "Kenyan Foreign Minister")."""
    if doc[title_start].lower_ not in PORTFOLIO_HEADS:
        return None
    i = title_start
    while i - 1 >= lower and title_start - i < PORTFOLIO_WORDS and doc[i - 1].dep_ in ("compound", "cc", "conj") \
            and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in ("and", "&")):
        key = table.key_at(i - 1)
        if doc[i - 1].lower_ in ("and", "&") and (named := table.key_at(i - 2)) and table.kind(named) == PERSON:
            break  # "X and [Home Affairs] Minister Y": the "and" joins the people, no part of the portfolio
        if key is not None and table.kind(key) != ORGANIZATION or table.country_of_word(doc[i - 1]) \
                or table.lexicon.org_word(doc[i - 1].text) or doc[i - 1].lower_ in QUALIFIERS | HONORIFIC_TITLES \
                or doc[i - 1].text.isupper():  # an acronym names a body: "CARICOM Secretary-General"
            break
        i -= 1
    if i == title_start or doc[i].lower_ in ("and", "&") or table.lexicon.organization(doc[i:title_start].text):
        return None
    return i


def _portfolio_named(doc: Doc, title_end: int, table: EntityTable) -> int | None:
    """The end of a portfolio the model tagged as an organization after a minister's or secretary's title:
    "Minister of [Mines and Minerals Development]"; None for a body's name ("Secretary of the Treasury")."""
    if title_end + 1 >= len(doc) or doc[title_end].lower_ not in ("of", "for") \
            or doc[title_end - 1].lower_ not in PORTFOLIO_HEADS:
        return None
    span, key = table.span_at(title_end + 1), table.key_at(title_end + 1)
    if span is None or key is None or span[0] != title_end + 1 or table.kind(key) != ORGANIZATION:
        return None
    words = doc[span[0] : span[1]]
    if table.lexicon.organization(words.text) or any(table.lexicon.org_word(w.text) for w in words):
        return None
    return span[1]


def _modifiers_start(doc: Doc, head: int, lower: int, end: int | None = None) -> int:
    """The first of the lower-case words that modify a title right before token `head`: "chief district" of
    "the chief district officer" (the head itself); "district" of "Bannu's district police chief" (a title
    ending before `end`); `head` when there are none."""
    start = head
    heads = range(head, end) if end is not None else range(head, head + 1)
    while start - 1 >= lower and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i in heads \
            and doc[start - 1].is_alpha and doc[start - 1].text.islower() \
            and doc[start - 1].lower_ not in QUALIFIERS | BODY_WORDS:  # ("a ministry spokesman": the body's)
        start -= 1
    return start


def _possessed_title_before(doc: Doc, start: int, person: str, table: EntityTable, document: Document,
                            sent: Span) -> RoleFact | None:
    """ "EDL's director-general, X, said": read by the words when the parse loses the apposition: a body's
    (or country's) possessive, a title, a comma, then the person."""
    comma = start - 1
    if comma - 3 < sent.start or doc[comma].text != ",":
        return None
    title_start = match_title(doc, comma, table)
    org = _possessor_before(doc, title_start, table, sent.start) if title_start is not None else None
    if org is None:
        return None
    evidence = make_evidence(sent, document, "roles.possessed_title_before", 0.7)
    return RoleFact(person, doc[title_start:comma].text, org, (evidence,))


def _title_of_name_before(doc: Doc, start: int, person: str, table: EntityTable, document: Document,
                          sent: Span) -> RoleFact | None:
    """ "The mayor of Kyiv, Vitali Klitschko, said": read by the words when the parse hangs the name on
    the place: [the] title "of" [the] a capitalised name, a comma, then the person, at the start of a
    sentence or clause."""
    comma = start - 1
    if comma - 3 < sent.start or doc[comma].text != ",":
        return None
    name_start = comma
    while name_start - 1 > sent.start and doc[name_start - 1].text[:1].isupper() and doc[name_start - 1].is_alpha \
            and doc[name_start - 1].lower_ not in table.lexicon.title_words and comma - name_start < BODY_NAME_WORDS:
        name_start -= 1
    of = name_start - 1 - (doc[name_start - 1].lower_ == "the")
    if name_start == comma or of <= sent.start or doc[of].lower_ != "of":
        return None
    title_start = match_title(doc, of, table)
    if title_start is None:
        return None
    opener = title_start - (doc[title_start - 1].lower_ in ("the", "a") if title_start > sent.start else 0)
    if opener > sent.start and doc[opener - 1].text not in (",", ";", ":", "\u2014"):
        return None
    org = table.key_at(name_start) if table.span_at(name_start) == (name_start, comma) else None
    if org is None:
        name = doc[name_start:comma].text
        known = table.lexicon.country(name) or table.lexicon.city_country(name)
        kind = COUNTRY if table.lexicon.country(name) else PLACE if known else ORGANIZATION
        org = table.ensure(table.lexicon.country(name) or name, kind)
    if table.kind(org) == PERSON:
        return None
    evidence = make_evidence(sent, document, "roles.title_of_name_before", 0.7)
    return RoleFact(person, doc[title_start:of].text, org, (evidence,))
