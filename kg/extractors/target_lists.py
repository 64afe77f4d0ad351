"""Who a sanction targets, as articles list them: coordinated names, "including" phrases, lists after a
colon or in bullet lines, relatives named after the person they are tied to, and names the model missed."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extractors.circumstances import REPORTING_VERBS
from kg.extractors.entities import COMPANY_NOUNS, PORTFOLIO_WORDS, EntityTable, glued_hyphen
from kg.extractors.lexicon import Lexicon, word_list
from kg.model import COMPANY, COUNTRY, GOVERNMENT_BODY, ORGANIZATION, PERSON, PLACE

NAME_NUMBER = re.compile(r"[A-Z][A-Za-z]+-\d+")  # "Russia-1": a channel or a product, not the place
TARGET_KINDS = {PERSON, COMPANY, ORGANIZATION, GOVERNMENT_BODY}
BULLETS = {"-", "*", "\u2022", "\u2013", "\u2014"}
# Target nouns naming people by their tie to someone: "the adult children of X, A and B".
KIN_NOUNS = {"child", "children", "son", "daughter", "wife", "husband", "spouse", "relative", "family",
             "member", "members", "sibling", "brother", "sister", "parent", "associate"}
TARGET_PREPOSITIONS = {"on", "against"}
DESCRIBING_POS = {"ADJ", "NOUN", "PROPN", "NUM", "DET"}
RELATIVE_WORDS = {"who", "whom", "whose", "which", "that"}
INCLUDING = {"including"}
ARTICLES = {"the", "a", "an"}  # "- The fishing vessel X": describing words before the name
MEMBER_OPENERS = sorted(word_list("member_openers"), key=len, reverse=True)
LIST_DEPS = {"appos", "conj"}  # how a parse links the members of a list
LIST_SEPARATORS = {",", ";", "and"}
LIST_ITEM_WORDS = 5  # words before a listed name: "Brigadier General (Retired)"
MAX_ITEM_NAME = 5  # words of a capitalised list item read as a name
SANCTION_NOUNS = word_list("sanction_nouns")
DESIGNATION_NOUNS = word_list("designation_nouns")  # "the designation of X": its target after "of"
VESSEL_NOUNS = word_list("vessel")  # "the tanker X": a named ship or aircraft that can be blocked property


def ends_with_colon(sent: Span) -> bool:
    """Whether a sentence announces a list: "Full blocking sanctions on these elites:"."""
    doc = sent.doc
    for i in range(sent.end - 1, sent.start - 1, -1):  # the last token that is not white space
        if not doc[i].is_space:
            return doc[i].text == ":"
    return False


def bullet_line(sent: Span) -> bool:
    """Whether a sentence is a bullet line: "- Jane Roe, ..."."""
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and first.text in BULLETS


def bullet_targets(sent: Span, table: EntityTable) -> list[str]:
    """The targets a bullet line names: the name it opens with, after a few describing words ("- Russian
    elite Jane Roe, ..."), and the names it lists after "including"."""
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 2 or not bullet_line(sent):
        return []
    first = 1
    while first < min(len(tokens) - 1, 1 + LIST_ITEM_WORDS) and (
            table.key_at(tokens[first]) is None
            and (tokens[first].text[:1].islower() or tokens[first].lower_ in ARTICLES)
            or tokens[first].ent_type_ == "NORP" or table.lexicon.demonym(tokens[first].text)):
        first += 1  # "- Russian elite X": describing words before the name
    opening = _opening_name(tokens if first == 1 else [tokens[0], *tokens[first:]], table)
    keys = [opening] if opening else []
    for token in tokens:
        if token.lower_ in INCLUDING and token.dep_ == "prep":
            keys += [k for t in listed_names(token, table) for k in [table.key_at(t)]
                     if k and k not in keys and table.kind(k) in TARGET_KINDS]
    return keys


def _opening_name(tokens: list[Token], table: EntityTable) -> str | None:
    """The name a bullet line opens with: "- Jane Roe, a businesswoman who ..."; a person's rank or title
    before it is no part of it ("- Major General Jane Roe (also known as ...)")."""
    titled = 1
    while titled + 1 < len(tokens) and tokens[titled].lower_ in table.lexicon.title_words \
            and tokens[titled].text[:1].isupper():
        titled += 1
    person = table.key_at(tokens[titled]) if titled > 1 else None
    span = table.span_at(tokens[titled])
    if person is not None and table.kind(person) == PERSON and span is not None and span[0] == tokens[titled].i:
        return person
    key = table.key_at(tokens[1])
    end = hyphens = 1  # the capitalised words up to the first comma or parenthesis ("Al-Waha Gold Company")
    while end < len(tokens) and (_name_word(tokens[end]) or _inner_hyphen(tokens, end)
                                 or end > 1 and tokens[end].like_num):  # "SEA HAWK 7"
        hyphens += _inner_hyphen(tokens, end)
        end += 1
    closed = end == len(tokens) or tokens[end].text in (",", "(", ":", ";")
    capitals = end == 2 and tokens[1].text.isupper() and len(tokens[1].text) > 2  # "- NURANA (IMO ...)"
    whole = (2 < end - hyphens + 1 <= 6 or capitals) and closed
    span = table.span_at(tokens[1])
    partial = key is not None and span is not None and (table.kind(key) not in TARGET_KINDS
                                                        or span[1] < tokens[end - 1].i + 1)
    if key is None or partial and whole:  # a name the model missed or cut short: "- A B LLC (Russia)"
        if not whole:
            return None
        start_i, end_i = tokens[1].i, tokens[end - 1].i + 1
        key = table.add_name(start_i, end_i, table.shape_kind(start_i, end_i) or PERSON)
    return key if table.kind(key) in TARGET_KINDS else None


def _after_a_title(token: Token, table: EntityTable) -> bool:
    """Whether the name holding `token` is written right after a title, its portfolio, or a comma that sets it
    off as the title's apposition ("Vice Minister of Finance Jane Roe", "the Director General, Jane Roe")."""
    span = table.span_at(token)
    if span is None or span[0] != token.i or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return (before.lower_ in table.lexicon.title_words or before.lower_ in PORTFOLIO_WORDS
            or before.text == "," and token.head.dep_ == "appos")


def _inner_hyphen(tokens: list[Token], i: int) -> bool:
    """Whether token `i` of a line is a hyphen joining two of its words ("Al-Waha"), not its last token."""
    return i < len(tokens) - 1 and glued_hyphen(tokens[i])


def _name_word(token: Token) -> bool:
    """A capitalised word of a name: a proper noun, or any word in capitals ("SILVER TIDE", a vessel)."""
    return token.text[:1].isupper() and (token.pos_ == "PROPN" or token.is_alpha and token.text.isupper())


def target_keys(targets: list[Token], table: EntityTable, authority: str | None) -> list[str]:
    """The entities named by target tokens: names, members of "including" phrases and colon lists."""
    keys: list[str] = []
    kin = [t for t in targets if t.lemma_.lower() in KIN_NOUNS or t.lower_ in KIN_NOUNS]
    targets = [*targets, *(n for k in kin for n in _kin_named_along(k, table) if n not in targets)]  # "X's wife, A,
    listed = expand([_antecedent(t) for t in targets])  # and his son, B": the parse may keep A alone
    named = [n for t in listed for n in [_named_after_title(t, table)] if n is not None and n not in listed]
    for target in sorted({*listed, *expand(named)}, key=lambda t: t.i):
        key = table.key_at(target) or name_by_shape(target, table) or described_company(target, table)
        if key is None and target.text[:1].isupper() and target.lower_ in table.lexicon.titles_by_last:
            # "designating former Minister of X Jane Roe, former Vice Minister Y": the people its titles name
            keys += [k for t in target.subtree for k in [table.key_at(t)]
                     if k and table.kind(k) == PERSON and k != authority and k not in keys and _after_a_title(t, table)]
            continue
        if key is None and target.pos_ == "NOUN" and (told := _companies_told_before(target, table)):
            keys += [k for k in told if k != authority and k not in keys]  # "The company itself was also sanctioned"
            continue
        if key is None and target.pos_ == "NOUN":
            found = [table.key_at(t) or name_by_shape(t, table) for t in group_members(target, table)]
            for member in found:
                if member and member != authority and member not in keys and table.kind(member) in TARGET_KINDS:
                    keys.append(member)
            continue
        titled = _titled_people_after(target, table) if key and table.kind(key) in (GOVERNMENT_BODY, ORGANIZATION) \
            else []
        if titled:  # "designating the X Police Deputy Director Y and Z": Y and Z, not the police
            keys += [k for k in titled if k != authority and k not in keys]
            continue
        if key and table.kind(key) == PERSON:
            keys += [k for k in _titled_people_joined_before(target, table)
                     if k != authority and k not in keys and k != key]
        if key and key != authority and key not in keys and table.kind(key) not in (PLACE,) \
                and not (table.kind(key) == COUNTRY and _where_located(target)):
            keys.append(key)  # (not "entities located in Iran and the UAE")
    return keys


def _named_after_title(target: Token, table: EntityTable) -> Token | None:
    """The person named after a title told by a common noun and its body or place, which the parse may hang
    on the body: "sanctions on the chairman of X Shipping, A B, and ...", "designating the mayor of Y, C D"
    (the name's last word, so that the names listed with it are read too)."""
    if target.pos_ != "NOUN" or target.lower_ not in table.lexicon.titles_by_last:
        return None
    bodies = [p for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj"]
    body = (table.span_at(bodies[0]) or (bodies[0].i, bodies[0].i + 1)) if bodies else None  # ("of the X region")
    end = body[1] if body is not None else target.i + 1
    if end + 1 >= target.sent.end or target.doc[end].text != ",":
        return None
    key, name = table.key_at(end + 1), table.span_at(end + 1)
    if key is None or name is None or table.kind(key) != PERSON:
        return None
    return target.doc[name[1] - 1]


def _companies_told_before(noun: Token, table: EntityTable) -> list[str]:
    """The companies a company noun refers back to: "The company itself was also sanctioned" (the one named
    last, in its sentence or the one before), "... along with both companies" (the two named last)."""
    words = {c.lower_ for c in noun.children}
    if noun.lemma_.lower() not in COMPANY_NOUNS:
        return []
    if noun.tag_ == "NN" and words & {"the", "itself"}:
        wanted = 1
    elif noun.tag_ == "NNS" and "both" in words:
        wanted = 2
    else:
        return []
    start = noun.sent.start
    start = noun.doc[start - 1].sent.start if start > 0 and wanted == 1 else start
    found: list[str] = []
    for i in range(noun.i - 1, start - 1, -1):
        key = table.key_at(i)
        if key and table.kind(key) in (COMPANY, ORGANIZATION) and key not in found:
            found.append(key)
        if len(found) == wanted:
            return found
    return []


def _titled_people_joined_before(target: Token, table: EntityTable) -> list[str]:
    """ "Supreme Court Justice A and Appeals Judge B": the titled people the parse hung on the last one's name,
    joined to it by "and"."""
    span = table.span_at(target)
    lefts = [t for t in target.subtree if span is not None and t.i < span[0]]
    if not any(t.lower_ == "and" for t in lefts):
        return []
    return [k for t in lefts for k in [table.key_at(t)] if k and table.kind(k) == PERSON and _after_a_title(t, table)]


def _titled_people_after(token: Token, table: EntityTable) -> list[str]:
    """The person named right after a body and a title of that body, which the parse may take for the
    target, and the people listed with that person: "the National Civil Police (PNC) Deputy Director Hugo
    Ruiz and former governor Ana Paz"."""
    span = table.span_at(token)
    if span is None:
        return []
    i, doc = span[1], token.doc
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # the body's acronym
    start = i
    while i < len(doc) and i - start < LIST_ITEM_WORDS and table.key_at(i) is None \
            and doc[i].text[:1].isupper() and doc[i].lower_ in table.lexicon.title_words:
        i += 1
    key = table.key_at(i) if i > start and i < len(doc) else None
    if key is None or table.kind(key) != PERSON:
        return []
    name = doc[table.span_at(i)[1] - 1]  # type: ignore[index]
    listed = [table.key_at(c) for c in name.conjuncts]
    return [key, *(k for k in listed if k is not None and table.kind(k) == PERSON)]


def _antecedent(token: Token) -> Token:
    """ "X, who was placed on the sanctions list": the name a relative pronoun stands for."""
    if token.lower_ in RELATIVE_WORDS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def named_only_as_kin(key: str, table: EntityTable) -> bool:
    """Whether a person is named by one word only, as someone's relative: "(and his son, Vladimir)"."""
    if table.kind(key) != PERSON or " " in table.label(key):
        return False
    tokens = [table.tokens[i] for i, k in table.token_keys.items() if k == key]
    return bool(tokens) and all(t.head.lemma_.lower() in KIN_NOUNS or t.head.lower_ in KIN_NOUNS for t in tokens)


def _where_located(token: Token) -> bool:
    """Whether a name is where targets are: "entities located in Iran, Hong Kong, and the UAE" (read along
    the words back to the preposition, as the parse may hang the last names elsewhere)."""
    doc = token.doc
    i = token.i - 1
    while i > token.sent.start and token.i - i < LIST_ITEM_WORDS * 4 and (
            doc[i].text in (",", "(", ")") or doc[i].lower_ in ("and", "the") or doc[i].ent_type_ in ("GPE", "LOC")):
        i -= 1
    return doc[i].lower_ in ("in", "from", "at")


def group_members(noun: Token, table: EntityTable | None = None) -> list[Token]:
    """ "three firms, including A and B", "two banks: A and B", "banks A and B"."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "including":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            found += expand(objects)
        elif child.dep_ == "appos":
            found += expand([child])
    for conj in noun.conjuncts:
        for child in conj.children:
            if child.dep_ == "prep" and child.lower_ == "including":
                found += expand([c for c in child.children if c.dep_ == "pobj"])
    if table is not None:
        for prep in (c for n in (noun, *noun.conjuncts) for c in n.children
                     if c.dep_ == "prep" and c.lower_ == "including"):
            found += [t for t in listed_names(prep, table) if t not in found]
    if noun.lemma_.lower() in KIN_NOUNS or noun.lower_ in KIN_NOUNS:  # "the children of X, A and B"
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for anchor in (c for c in prep.children if c.dep_ == "pobj"):
                for member in anchor.conjuncts:
                    found.append(member)
                    for apposition in (c for c in member.children if c.dep_ == "appos"):
                        found += [m for m in apposition.conjuncts if m.pos_ == "PROPN"]
    doc = noun.doc
    after = noun.right_edge.i + 1
    if table is not None and not found:  # "11 officials, among them X and Y", read along the words
        found += members_named_after(noun, table)
    if not found and after < noun.sent.end and doc[after].text == ":":
        found += [t for t in doc[after + 1 : noun.sent.end] if t.pos_ == "PROPN" and t.dep_ != "compound"]
    if not found and table is not None and (noun.lemma_.lower() in KIN_NOUNS or noun.lower_ in KIN_NOUNS):
        found += _kin_named_along(noun, table)
    return found


def _kin_named_along(noun: Token, table: EntityTable) -> list[Token]:
    """ "X's spouse, A, and Y's adult son, B", read along the words when the parse loses the appositions:
    each word of kin followed by a comma and a person's name."""
    doc, found = noun.doc, []
    for i in range(noun.i, noun.sent.end - 2):
        word = doc[i]
        if (word.lemma_.lower() in KIN_NOUNS or word.lower_ in KIN_NOUNS) and doc[i + 1].text == ",":
            key = table.key_at(i + 2)
            if key is not None and table.kind(key) == PERSON:
                span = table.span_at(i + 2)
                found.append(doc[span[1] - 1])  # type: ignore[index]
    return found


def members_named_after(phrase: Token, table: EntityTable) -> list[Token]:
    """The names a member opener brings in right after a phrase: "11 officials, among them X and Y", "added
    nine people to its sanctions list, among them X"."""
    opener = _member_opener(phrase.doc, phrase.right_edge.i + 1, phrase.sent.end)
    return names_listed_from(phrase.doc, opener, table) if opener is not None else []


def _member_opener(doc: Doc, comma: int, end: int) -> int | None:
    """The token after ", among them" (or another opener of member_openers) at token `comma`, or None."""
    if comma >= end or doc[comma].text != ",":
        return None
    for opener in MEMBER_OPENERS:
        words = opener.split()
        if [t.lower_ for t in doc[comma + 1 : min(comma + 1 + len(words), end)]] == words:
            start = comma + 1 + len(words)
            return start + (doc[start].lower_ == "the") if start < end else None
    return None


def listed_names(prep: Token, table: EntityTable) -> list[Token]:
    """The names listed after "including", read along the words when the parse breaks the list:
    "including President A, General (Retired) B, and businessman C, pursuant to ..."."""
    return names_listed_from(prep.doc, prep.i + 1, table)


def names_listed_from(doc: Doc, i: int, table: EntityTable) -> list[Token]:
    """The names of a list that starts at token `i`, read along the words (each name may follow a few
    words of title or description), up to the first item that is no name."""
    end = doc[i].sent.end
    found: list[Token] = []
    while i < end:
        j = i
        while j < end and j - i < LIST_ITEM_WORDS and doc[j].text not in LIST_SEPARATORS and _describing_word(doc[j]) \
                and (table.key_at(j) is None or doc[j].ent_type_ == "NORP"):  # "Bulgarian oligarch X"
            j += 1  # titles and descriptions before the name: "Vice President", "businessman"
        key = table.key_at(j) if j < end else None
        if key is None:  # an item of capitalised words the model missed: "Russian Helicopters"
            key, j = _unnamed_item(doc, i, end, table), i
        if key is None or table.kind(key) not in TARGET_KINDS:
            break
        span = table.span_at(j) or (j, j + 1)
        last = doc[span[1] - 1]
        if last.dep_ == "nsubj" and last.head.lemma_.lower() in REPORTING_VERBS:
            break  # "sanctioned A and B, the Foreign Office said": the teller, no item
        found.append(last)
        i = span[1]
        if i >= end or doc[i].text not in LIST_SEPARATORS:
            break
        while i < end and doc[i].text in LIST_SEPARATORS:
            i += 1
    return found


def _unnamed_item(doc: Doc, i: int, end: int, table: EntityTable) -> str | None:
    """A list item of two to five capitalised words and nothing else, registered as an organization."""
    j = i
    while j < end and doc[j].text[:1].isupper() and doc[j].is_alpha and table.key_at(j) is None:
        j += 1
    if not 2 <= j - i <= MAX_ITEM_NAME or j < end and doc[j].text not in LIST_SEPARATORS | {"."}:
        return None
    return table.add_name(i, j, table.shape_kind(i, j) or ORGANIZATION)


def _describing_word(token: Token) -> bool:
    """A word of a title or description before a listed name: "Bulgarian oligarch", "General (Retired)"."""
    describing = token.pos_ in DESCRIBING_POS or token.tag_ == "VB"  # a noun the tagger took for a verb
    return describing and token.lower_ not in RELATIVE_WORDS or token.text in ("(", ")")


def described_company(token: Token, table: EntityTable) -> str | None:
    """A one-word name the model missed, which an apposition says is a company: "Fertoing, a marine
    engineering company"."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or table.key_at(token):
        return None
    if not any(c.dep_ == "appos" and c.lemma_.lower() in COMPANY_NOUNS for c in token.children):
        return None
    return table.add_name(token.i, token.i + 1, COMPANY)


def name_by_shape(token: Token, table: EntityTable) -> str | None:
    """A capitalised name the model missed, in a target position: "Sever Aero Components"."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    start = token.i
    while start > token.sent.start and token.doc[start - 1].dep_ in ("compound", "nmod", "amod") \
            and token.doc[start - 1].head.i in range(start, token.i + 1) and token.doc[start - 1].text[:1].isupper() \
            and table.key_at(start - 1) is None:
        start -= 1
    if start >= 1 and token.doc[start - 1].lower_ in VESSEL_NOUNS:
        return table.add_name(start, token.i + 1, ORGANIZATION)  # "the tanker OCEAN PEARL": a vessel, held as a body
    if start == token.i:  # one word: a name joined to a number, "Russia-1", or a word the model tagged as
        #                   nothing, "sanctions on Rostec", read as an organization
        lone = NAME_NUMBER.fullmatch(token.text) or _untagged_lone_name(token, table)
        return table.add_name(token.i, token.i + 1, ORGANIZATION) if lone else None
    kind = table.shape_kind(start, token.i + 1)
    if kind is None and _person_shaped(token.doc[start : token.i + 1], table):
        kind = PERSON  # "we are designating God Nisanov": a name of two or three plain words
    if kind not in (COMPANY, GOVERNMENT_BODY, ORGANIZATION, PERSON):
        return None
    return table.add_name(start, token.i + 1, kind)


MISREAD_NAMES = ("", "NORP", "WORK_OF_ART", "PRODUCT", "LAW")  # what the model tags a company's one-word name as


def _untagged_lone_name(token: Token, table: EntityTable) -> bool:
    """A capitalised word the model tagged as nothing (or as a people or a work), in a target's place, alone
    (no capitalised word beside it), that is no word of a name the article tells, no known country, town,
    people, title or word of a body's name, and does not open its sentence: "sanctions on Rostec"."""
    doc = token.doc
    if any(0 <= i < len(doc) and doc[i].is_alpha and doc[i].text[0].isupper() for i in (token.i - 1, token.i + 1)):
        return False  # a word of a longer name ("Gazprom Neft" parsed apart)
    if any(token.text in record.label.split() for record in table.records.values()):
        return False  # a word of a name told in full ("Ruiz" of "Ana Ruiz Mendez", "Kestrel" of a firm's name)
    return (token.is_alpha and len(token.text) > 2 and token.text[0].isupper() and token.ent_type_ in MISREAD_NAMES
            and not token.is_sent_start and _plain_word(token, table.lexicon))


def _person_shaped(words: Span, table: EntityTable) -> bool:
    """Two or three capitalised words none of which is a title, an organization word or a known place."""
    return 2 <= len(words) <= 3 and all(word.text.istitle() and word.is_alpha and _plain_word(word, table.lexicon)
                                        for word in words)


def _plain_word(word: Token, lexicon: Lexicon) -> bool:
    """A capitalised word that is no title's word, no word of a body's name, and no known country, town or people."""
    return (word.lower_ not in lexicon.title_words and not lexicon.org_word(word.text)
            and not lexicon.country(word.text) and not lexicon.known_city(word.text) and not lexicon.demonym(word.text))


def targets_of_noun(noun: Token) -> list[Token]:
    """ "sanctions on X", "sanctions against X", "sanctions targeting X"."""
    found = []
    designation = noun.lemma_.lower() in DESIGNATION_NOUNS or noun.lower_ in DESIGNATION_NOUNS
    prepositions = TARGET_PREPOSITIONS | ({"of"} if designation else set())
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:  # "on X and on Y": the second "on" too
            found += [c for p in (child, *child.conjuncts) if p.lower_ in prepositions
                      for c in p.children if c.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.lemma_ in ("target", "hit"):
            found += [c for c in child.children if c.dep_ == "dobj"]
    # "sanctions against X, a businessman, and two companies he owns, A and B": a counted group the parse
    # joins to the noun itself
    found += [c for c in noun.conjuncts if c.tag_ == "NNS" and any(n.dep_ == "nummod" for n in c.children)]
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass"):  # "imposed sanctions on X", "bans were imposed on X" hung on the
        # verb, and "..., and on Y" after a first one; "slapped visa restrictions and asset freezes on X", with
        # "freezes" read as a second verb
        frozen = [c for c in head.children if c.dep_ == "conj" and c.lemma_.lower() in SANCTION_NOUNS]
        for child in [*head.children, *(c for verb in frozen for c in verb.children)]:
            if child.dep_ in ("prep", "conj") and child.lower_ in TARGET_PREPOSITIONS:
                found += [c for p in (child, *child.conjuncts) if p.lower_ in TARGET_PREPOSITIONS
                          for c in p.children if c.dep_ == "pobj" and c not in found]
    return found


def _another_name(token: Token, member: Token) -> bool:
    """A second name of the same target: "Brigade X or "Y"", "Y (Z)" after a name."""
    doc = token.doc
    between = doc[min(token.i, member.i) + 1 : member.left_edge.i]
    if member.dep_ == "conj":
        return any(t.lower_ == "or" for t in between)
    return token.pos_ == "PROPN" and member.left_edge.i > 0 and doc[member.left_edge.i - 1].text == "("


def semicolon_items(verb: Token, objects: list[Token]) -> list[Token]:
    """Further items of an object list split by semicolons, which the parse hangs on the verb:
    "designating A's wife, B; C's son, D; and E's daughters F and G"."""
    if not objects:
        return []
    doc = verb.doc
    # the verb, and the verbs it hangs from: "is taking actions by designating A; a bank, B; ..." hangs
    # "a bank" on "taking"
    holders = [verb] + [h for h in verb.ancestors if h.pos_ in ("VERB", "AUX") and h.i < verb.i]
    return [c for holder in holders for c in holder.children
            if c.dep_ in ("dep", "conj", "appos", "dobj") and c.pos_ in ("NOUN", "PROPN")
            and c.i > objects[0].i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text in (";", "and")
            and any(t.text == ";" for t in doc[objects[0].i : c.left_edge.i])]


def expand(tokens: list[Token]) -> list[Token]:
    """Targets with the names listed with them, however the parse chains the list: "companies, Rosneft
    and Lukoil", "officials A, B, C and D, as well as E" (appositions of appositions, conjuncts of
    appositions)."""
    out: list[Token] = []
    seen: set[int] = set()
    todo = list(tokens)
    while todo:
        token = todo.pop(0)
        if token.i in seen:
            continue
        seen.add(token.i)
        listed = [c for c in token.children if c.dep_ in LIST_DEPS and not _another_name(token, c)
                  and c.lower_ not in ("itself", "themselves")]  # ("the company itself": no member named)
        if token.pos_ == "PROPN" or token.pos_ == "NOUN" and not any(c.dep_ == "appos" for c in listed):
            out.append(token)
        todo += listed
    return sorted(out, key=lambda t: t.i)


def introduced_names(sent: Span, table: EntityTable) -> list[str]:
    """The parties a designation notice introduces one by one, each with a short name of its own words in
    brackets: "Golden Reed Trading Co., Ltd. (Golden Reed), a holding company ...", "Ana Ruiz Paz (Ruiz), ...";
    not a body with an acronym ("the Federal Bureau of Investigation (FBI)")."""
    doc, found = sent.doc, []
    for start, end, key in table.mentions_in(sent.start, sent.end):
        if table.kind(key) not in (PERSON, COMPANY, ORGANIZATION) or end + 2 >= sent.end or doc[end].text != "(":
            continue
        close = next((i for i in range(end + 1, min(end + 6, sent.end)) if doc[i].text == ")"), None)
        alias = {t.lower_ for t in doc[end + 1 : close or end + 1]}
        words = {t.lower_ for t in doc[start:end]}
        if alias and alias < words and key not in found:
            found.append(key)
    return found
