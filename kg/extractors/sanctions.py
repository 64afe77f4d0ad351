"""Sanction facts: who imposed sanctions on (or designated) whom, and when."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.dates import resolve_date
from kg.extractors.circumstances import REPORTING_VERBS, clause_date, future, law_year
from kg.extractors.context import HomeContext
from kg.extractors.entities import COMPANY_NOUNS, EntityTable, ents_within
from kg.extractors.evidence import make_evidence
from kg.extractors.lexicon import word_list
from kg.extractors.patterns import DependencyPattern, iter_matches, load_patterns
from kg.extractors.target_lists import (
    BULLETS,
    INCLUDING,
    SANCTION_NOUNS,
    bullet_line,
    bullet_targets,
    ends_with_colon,
    expand,
    introduced_names,
    members_named_after,
    named_only_as_kin,
    names_listed_from,
    semicolon_items,
    target_keys,
    targets_of_noun,
)
from kg.model import (
    COUNTRY,
    GOVERNMENT_BODY,
    ORGANIZATION,
    PERSON,
    PLACE,
    DateValue,
    Document,
    Evidence,
    SanctionFact,
)

BACKGROUND_ADVERBS = word_list("background_adverbs")
ASSET_NOUNS = word_list("asset_nouns")
LIST_NOUNS = word_list("list_nouns")
SANCTIONS_LIST_WORDS = word_list("sanctions_list_words")
STATE_NOUNS = word_list("state_nouns")
ENVOY_NOUNS = word_list("envoy_nouns")
BLOC = "bloc"  # "the bloc": the union of states named before
SEQUENCE_WORDS = {"after", "before", "until"}  # clauses of another time: "adopted it after X met last week"
# "designated X to serve as Director": an appointment, not a sanction.
APPOINTMENT_PREPOSITIONS = {"as"}
APPOINTED_GROUPS = word_list("appointed_groups")
SANCTION_CATEGORIES = word_list("sanction_categories")
# A later sentence that names the members of a group just sanctioned: "The companies named were A, B and C."
LIST_ROOTS = {"be", "include"}
MODAL_DOUBT = {"could", "may", "might", "would", "should", "can"}
NOT_DONE_VERBS = word_list("not_done_verbs")
LIST_SUBJECTS = {"they", "target", "those", "list", "other"}  # "The targets include A, B and C."
FOLLOW_SENTENCES = 3
# a group sanctioned ("four companies") has its members named up to this many sentences after it ("The fourth
#   company is X")
MEMBER_SENTENCES = 5
LISTING_WORDS = word_list("listing_words")
SANCTION_VERBS = word_list("sanction_verbs")
HEADING_WORDS = 3
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they"}
MEMBER_PRONOUNS = {"they"}  # "Among them are X and Y" ("them" by its lemma): the members of the group told before
RELATIVE_PRONOUNS = {"which", "who", "that"}  # "the United Kingdom, which today sanctioned X": the body before
PROGRAM_WORDS = ("Executive Order", "E.O.")
# a body of the European Union, which acts for it: "the Council of the European Union", "the EU Council"
BLOC_NAME = re.compile(r"\b(?:European Union|EU)\b")
EUROPEAN_UNION = "European Union"


@dataclass
class _Action:
    authority: str | None
    targets: list[str]
    evidence: Evidence
    date: DateValue | None
    program: str | None = None
    refers_back: bool = False  # "imposed the sanctions": the action told about before
    people_told_before: bool | None = None  # "the same two officers": the people among the targets told before
    extra: list[str] = field(default_factory=list)
    group: str | None = None  # "companies" in "sanctions on four companies": members may be named later
    extra_groups: tuple[str, ...] = ()  # "and two businessmen": the other groups named with it
    sentence: int = 0
    anaphoric: bool = False  # told without its authority ("X was designated", "the measures target X")
    co_authorities: tuple[str, ...] = ()  # "The United Kingdom and Canada sanctioned X": Canada
    done: bool = False  # told as done by a verb ("froze"): not by a noun ("US sanctions on X"), not as to come
    dated_by_context: bool = False  # its date was not written with it but carried from the text around it
    # told in a government's release as another body's, undated, in the present perfect: "The Treasury also has
    # designated X" in a State Department release (no date is carried to it)
    reported_undated: bool = False


def extract_sanctions(
    doc: Doc, table: EntityTable, document: Document, sentences: list[Span], home: HomeContext | None = None
) -> tuple[list[SanctionFact], int]:
    """Sanction facts, one per (authority, target), and the count of sentences that could not be read."""
    home = home or HomeContext()
    actions: list[_Action] = []
    skipped = 0
    listing: _Action | None = None  # an action whose sentence ends with ":" before bullet lines
    matched = _matched_actions(sentences)
    for number, sent in enumerate(sentences):
        if not table.text[sent.start_char : sent.end_char].strip():  # (`sent.text` builds a Token a word)
            continue
        bullets = bullet_targets(sent, table) if listing is not None else []
        if listing is not None and bullets:
            evidence = make_evidence(sent, document, "sanctions.bullet_list", 0.7)
            actions.append(_Action(listing.authority, bullets, evidence, listing.date, listing.program,
                                   sentence=number))
            continue
        if listing is not None and _heading(sent):
            continue  # "Individuals", "Entities": a sub-heading between the list's bullet lines
        # a bullet naming no one ("- 17 board members of X") keeps the list open, and so does the rest of a
        # bullet line the parse split off ("(a.k.a. X; DOB 11 Mar. 1982; ...), the leader")
        if listing is None or not (bullet_line(sent) or number and _same_line(sentences[number - 1], sent)):
            listing = None
        members = _members_of_group(sent, number, actions, table, document)
        if members is not None:  # (the sentence may tell more: "X and Y were also hit, as were the vessels A, B")
            actions.append(members)
        introduced = _introduced_members(sent, number, actions, table, document)
        if introduced is not None:
            actions.append(introduced)
        tokens = table.tokens[sent.start : sent.end]
        matches = [matched[t.i] for t in tokens if t.i in matched]
        if ends_with_colon(sent):
            read = [a for m in matches for a in [_read_action(*m, sent, table, document, home, True)] if a is not None]
            listing = next((a for a in read if a.authority), None)
            if listing is None and any(t.lemma_.lower() in LISTING_WORDS for t in tokens):
                # "... are now listed:", "Those sanctioned today include:" after a quote of the minister
                listing = _announced_before(sentences[:number], matched, table, document, home)
            before = next((a for a in reversed(actions) if a.authority), None)
            if listing is None and before is not None:  # "Travel bans were also imposed on 3 associates:"
                listing = next((a for a in read if a.anaphoric), None)
                if listing is not None:
                    listing.authority, listing.date = before.authority, listing.date or before.date
            if listing is not None:
                listing.sentence = number
        for match in matches:
            if match[0].name in FOLLOWING_PATTERNS and all(number - a.sentence > FOLLOW_SENTENCES for a in actions):
                continue
            action = _read_action(*match, sent, table, document, home)
            if action is None:
                continue
            action.sentence = number
            if action.authority is None and action.anaphoric:
                action.authority = next((a.authority for a in reversed(actions) if a.authority), None)
            if action.authority is None and not action.targets:
                skipped += 1
                continue
            actions.append(action)
    _carry_dates(actions, document)
    authorities = {a.authority for a in actions} | {home.body}
    for action in actions:  # who imposes sanctions in this article is not their target, nor a first name
        action.targets = [t for t in action.targets if t not in authorities and not named_only_as_kin(t, table)]
    return _to_facts([a for a in actions if a.targets or a.refers_back], table, home), skipped


def _announced_before(before: list[Span], matched: dict[int, tuple[DependencyPattern, dict[str, Token]]],
                      table: EntityTable, document: Document, home: HomeContext) -> _Action | None:
    """The latest action with an authority told in the sentences before a list's opening line:
    "Canada is imposing sanctions on 3 individuals ...", then "The following are now listed:"."""
    for sent in reversed(before):
        for i in range(sent.start, sent.end):
            action = _read_action(*matched[i], sent, table, document, home, True) if i in matched else None
            if action is not None and action.authority:
                return action
    return None


def _same_line(before: Span, sent: Span) -> bool:
    """Whether a sentence goes on the line of the one before it."""
    return "\n" not in sent.doc.text[before.end_char : sent.start_char] and "\n" not in before.text.strip()


def _heading(sent: Span) -> bool:
    """A short line of capitalised words without a verb: "Individuals", "Entities"."""
    words = [t for t in sent if not t.is_space]
    return 0 < len(words) <= HEADING_WORDS and words[0].text[:1].isupper() and words[0].text not in BULLETS \
        and all(t.is_alpha and t.pos_ not in ("VERB", "AUX") for t in words)


def _members_of_group(sent: Span, number: int, actions: list[_Action], table: EntityTable,
                      document: Document) -> _Action | None:
    """ "The companies named were A, B and C", "The judges, A and B, were ...", "The trader, X, ...": the members
    of a group (or the one person) sanctioned just before."""
    recent = [a for a in actions if a.group and a.authority and number - a.sentence <= MEMBER_SENTENCES]
    tokens = table.tokens[sent.start : sent.end]  # read three times: iterating `sent` builds a Token a word
    told = _told_as_sanctioned(tokens)
    if not recent and told:  # "The companies designated are A, B and C": the group says it was sanctioned, by
        recent = [a for a in actions if a.authority][-1:]  # whoever the article last told of sanctioning
    if not recent:
        return None
    groups = {recent[-1].group or "", *recent[-1].extra_groups, *told} | LIST_SUBJECTS
    keys: list[str] = []
    for root in tokens:  # "The companies are A and B; the men are C and D": each clause names members
        if root.lemma_.lower() not in LIST_ROOTS or root.pos_ not in ("AUX", "VERB"):
            continue
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or not any(g.endswith(w) for s in subjects for w in (s.lemma_.lower(), s.lower_)
                                   if len(w) > 2 for g in groups):  # "the men": the businessmen
            continue
        listed = [c for c in root.children if c.dep_ in ("attr", "dobj")]
        # ("The entities are the X Foundation and Y Company": the parse may hang the first name inside the last's
        #  phrase; every name of the phrase is a member, but not a place or a country written in it)
        listed += [table.tokens[end - 1] for c in list(listed)
                   for _, end, key in table.mentions_in(c.left_edge.i, c.right_edge.i + 1)
                   if table.kind(key) not in (PLACE, COUNTRY) and table.tokens[end - 1] not in listed
                   and _run_on_into(table.tokens[end - 1], c)]
        keys += [k for k in target_keys(listed, table, recent[-1].authority) if k not in keys]
    for root in tokens:  # "The tanker X is among the four vessels designated today", "Among them are X and Y"
        among = [o.lemma_.lower() for p in root.children if p.dep_ == "prep" and p.lower_ == "among"
                 for o in p.children if o.dep_ == "pobj"]
        # ("them" only just after the group: "The prisoners freed ... Among them was X" is about others)
        pronoun = set(among) & MEMBER_PRONOUNS and number - recent[-1].sentence == 1
        if root.lemma_.lower() == "be" and (set(among) & told or pronoun):
            named = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] + _objects_joined_to_verb(root)
            keys += [k for k in target_keys(named, table, recent[-1].authority) if k not in keys]
    for subject in tokens:  # "The judges, X and Y, were accused of ...": the group's members in apposition
        if subject.dep_ in ("nsubj", "nsubjpass", "ROOT") and subject.tag_ in ("NNS", "NN") and any(
                g.endswith(w) for w in (subject.lemma_.lower(), subject.lower_) if len(w) > 2 for g in groups):
            named = [c for c in subject.children if c.dep_ == "appos"]
            keys += [k for k in target_keys(named, table, recent[-1].authority) if k not in keys]
    if not keys:
        return None
    evidence = make_evidence(sent, document, "sanctions.group_members", 0.7)
    return _Action(recent[-1].authority, keys, evidence, recent[-1].date, recent[-1].program, sentence=number,
                   group=next(iter(sorted(told)), None))  # ("The others are ...": more of the group told)


def _run_on_into(name: Token, noun: Token) -> bool:
    """Whether a name is one the parse ran on into a listed noun's phrase (by "nmod", "compound" or "conj" all
    the way up), not one of its describing words ("X, a judge of the Revolutionary Court")."""
    node = name
    while node.i != noun.i:
        if node.dep_ not in ("nmod", "compound", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _introduced_members(sent: Span, number: int, actions: list[_Action], table: EntityTable,
                        document: Document) -> _Action | None:
    """After "OFAC sanctioned three individuals and four entities" names none of them, the parties a later
    sentence introduces with a bracketed short name ("Jane Roe Diaz (Roe), a ...") are those designated."""
    group = next((a for a in reversed(actions) if a.group and a.authority and a.done and not a.targets), None)
    named = [k for k in introduced_names(sent, table) if k != group.authority] if group is not None else []
    if group is None or not named:
        return None
    evidence = make_evidence(sent, document, "sanctions.introduced_member", 0.6)
    return _Action(group.authority, named, evidence, group.date, group.program, sentence=number)


def _told_as_sanctioned(words: list[Token]) -> set[str]:
    """The plural nouns among a sentence's words that a sanctioning participle describes: "The companies
    designated are ...", "The individuals sanctioned today include ...", "X is among the vessels designated"
    ({"company", "individual", "vessel"})."""
    return {noun.lemma_.lower() for noun in words if noun.tag_ == "NNS"
            and any(c.dep_ == "acl" and c.lemma_.lower() in SANCTION_VERBS for c in noun.children)}


def _group_noun(target: Token) -> bool:
    """Whether a target is a group or one person told by a common noun, whose names may come later: "two
    judges", "a Lubumbashi-based trader" (then "The trader, X, ...")."""
    return target.pos_ == "NOUN" and (target.tag_ == "NNS" or target.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in target.children))


def _carry_dates(actions: list[_Action], document: Document) -> None:
    """An undated action takes the date of the dated action of its authority just before; one told by a verb
    of doing, else of any authority's just before ("The EU froze X's assets on Monday. Britain also
    sanctioned Y"), else the day of publication, as news tells the day's actions undated after the lead
    (not a mention by a noun: "the latest US sanctions on X")."""
    written = [a.date is not None and bool(a.date.value) for a in actions]  # (not a day carried or filled in)
    for number, action in enumerate(actions):
        if action.date is not None or action.reported_undated:
            continue  # (a day written but not resolved, without a publication date, stays as written)
        near = [e for e, dated in zip(reversed(actions[:number]), reversed(written[:number]), strict=True)
                if dated and action.sentence - e.sentence <= FOLLOW_SENTENCES]
        carried = next((e.date for e in near if e.authority == action.authority), None)
        today = resolve_date("today", document.published) if action.done else None
        found = carried or (near[0].date if near and action.done else None) or today
        if found is not None and found.value:
            action.date, action.dated_by_context = found, True


def _background(token: Token) -> bool:
    """An earlier action recalled, not the one reported: "the EU previously designated X"."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS for c in verb.children)


def _negated(token: Token) -> bool:
    """Not done: negated ("has not sanctioned"), only possible ("could impose") or only threatened,
    proposed or weighed ("threatened to impose", "urged the EU to sanction")."""
    verbs = [token, token.head] if token.dep_ in ("dobj", "pobj", "attr") else [token]
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODAL_DOUBT) for v in verbs for c in v.children):
        return True
    verb = verbs[-1]
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in NOT_DONE_VERBS


# What a pattern's reader finds: (the subject that acts, the target tokens, the sanctions noun), or None
# when the words matched tell no sanction after all.
_Read = tuple[Token | None, list[Token], Token | None] | None


def _sanctioned_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "sanctioned X", "X was designated", "N companies are designated, including: A; B"; "The Council also
    listed X", "The Treasury said it had targeted X": an authority that goes on listing targets."""
    if _appointment(token):
        return None
    targets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += _inverted_subjects(token)  # "Also sanctioned are X and Y"
    # "is designating X pursuant to E.O. 13441", parsed as a clause "X [is] pursuant to ...": its subject
    targets += [s for c in token.children if c.dep_ == "ccomp" and c.lower_ == "pursuant"
                for s in c.children if s.dep_ == "nsubj"]
    if token.dep_ == "acl" and table.key_at(token.head) is None:
        targets = [c for c in token.children if c.dep_ == "dobj"]
    targets += semicolon_items(token, targets)
    targets += [o for c in token.children if c.dep_ == "prep" and c.lower_ in INCLUDING
                for o in c.children if o.dep_ == "pobj"]
    # "sanctioned A, a director of X, and B, the owner of Y, along with both companies", wherever the parse
    # hangs "along with"
    targets += [o for w in token.subtree if w.lower_ == "with" and w.head.lower_ in ("along", "together")
                for o in w.children if o.dep_ == "pobj"]
    targets += _objects_joined_to_verb(token)
    named = [t for t in targets if t.dep_ == "dobj" and table.span_at(t)]
    targets += names_listed_from(token.doc, table.span_at(named[0])[0], table) if named else []  # type: ignore[index]
    return _subject(token), targets + _apposition_hung_on_verb(token, targets, table), None


def _apposition_hung_on_verb(verb: Token, objects: list[Token], table: EntityTable) -> list[Token]:
    """ "designated the group's commander in the north, X, as ...": the name the parse hangs on the verb
    after a comma, in apposition to an object told by a common noun."""
    told = [o for o in objects if o.dep_ == "dobj" and o.pos_ == "NOUN" and table.key_at(o) is None]
    if not told:
        return []
    spans = [(c, table.span_at(c)) for c in verb.children if c.dep_ in ("npadvmod", "appos") and c.i > told[0].i]
    return [c for c, span in spans if span is not None and table.tokens[span[0] - 1].text == ","]


def _measures_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "The measures target A, B and C": told without its authority; "Canada announced measures targeting
    X": the one who brings the measures in."""
    measures = slots.get("measures")
    holder = measures.head if measures is not None and measures.dep_ in ("dobj", "nsubjpass") else None
    subject = _subject(holder) if holder is not None and holder.pos_ == "VERB" else None
    return subject, [c for c in token.children if c.dep_ == "dobj"], None


def _applied_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "The sanctions also apply to A and B": told without its authority."""
    return None, [p for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                  for p in c.children if p.dep_ == "pobj"], None


def _hit_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "X and Y were also hit with asset freezes" (by the authority told before), "X was hit with sanctions by
    Japan", "X was hit with U.S. sanctions"; not a target recalled without either ("Iran, which was hit with
    sanctions in 2012")."""
    agents = [o for c in (*token.children, *slots["noun"].children) if c.dep_ == "agent" or c.lower_ == "by"
              for o in c.children if o.dep_ == "pobj"]
    agents += [m for m in slots["noun"].children if m.dep_ in ("compound", "amod", "nmod", "poss")
               and (table.key_at(m) or table.country_of_word(m))]
    if not agents and not _told_as_more(token):
        return None
    return (agents[0] if agents else None), [c for c in token.children if c.dep_ == "nsubjpass"], None


def _told_as_more(verb: Token) -> bool:
    """Whether an action is told as one more, after the one told before: "X was also hit", "... as well"."""
    return any(c.dep_ == "advmod" and (c.lower_ == "also" or c.lower_ == "well" and any(
        a.lower_ == "as" for a in c.children)) for c in verb.children)


def _identified_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "identified the vessel X as blocked property", "the tankers A and B were identified as blocked property":
    the authority that identifies it, and the vessels; only where "as" comes just before the property ("as
    property", "as blocked property")."""
    noun = slots["property"]
    if "as" not in (t.lower_ for t in noun.doc[max(noun.i - 2, 0) : noun.i]):
        return None
    return _subject(token), [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.i != noun.i], None


def _freezes_on_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "announced asset freezes on X", parsed as the verb "freezes" under "announced": the one who announces."""
    holder = token.head if token.dep_ in ("ccomp", "xcomp", "dobj") and token.head.pos_ == "VERB" else None
    return (_subject(holder) if holder is not None else None), [
        p for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for p in c.children if p.dep_ == "pobj"], None


def _frozen_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "froze the assets of X", "froze X's assets"."""
    assets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ASSET_NOUNS]
    targets = [c for a in assets for c in a.children if c.dep_ == "poss"]
    targets += [p for a in assets for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in (c, *c.conjuncts) for p in o.children if p.dep_ == "pobj"]  # ("of A and of B")
    # "... the assets of judge X, and of Y and Z": the second "of" hung on the verb (as a conjunct or a preposition)
    targets += [p for c in token.children if c.dep_ in ("conj", "prep") and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj"]
    return _subject(token), targets + _objects_joined_to_verb(token), None


def _objects_joined_to_verb(verb: Token) -> list[Token]:
    """More targets the parse joins to the verb itself: "froze the assets of A and B, as well as the firms C
    and D" (a noun can be no conjunct of a verb; a second object after "as well as" is one more target)."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return joined + [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in ASSET_NOUNS
                     and any(w.lower_ == "well" for w in verb.doc[max(c.left_edge.i - 3, 0) : c.left_edge.i])]


def _imposed_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "imposed sanctions on X", "imposed an asset freeze and a travel ban on X": the targets of the
    sanctions noun, or of the ones listed with it or set off after it."""
    noun = slots["noun"]
    told = [*noun.conjuncts, *(a for a in noun.children if a.dep_ == "appos")]  # ("measures — an asset freeze
    told += [c for a in told if a.dep_ == "appos" for c in a.conjuncts]      #   and a travel ban — against X")
    targets = [t for n in (noun, *told) for t in targets_of_noun(n)]
    # "an asset freeze on A and a travel ban on B": the second measure hung on the first one's target
    targets += [t for m in expand(targets) if m.lemma_.lower() in SANCTION_NOUNS for t in targets_of_noun(m)]
    return _subject(token), targets, noun


def _listed_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "added X to the sanctions list", "listed X under the sanctions regime": only a list or regime of
    sanctions (or a blacklist) counts."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    lists = [p for c in [*token.children, *(c for o in objects for n in (o, *o.conjuncts) for c in n.children)]
             if c.dep_ == "prep" and c.lower_ in ("to", "on", "under")  # (the parse may hang "to the list" on one
             for p in c.children if p.dep_ == "pobj" and _is_sanctions_list(p)]  # of the objects)
    if not lists:
        return None
    # "added 14 people to its sanctions list, including X": the ones named, hung on the list by the parse
    named = [o for p in lists for c in p.children if c.dep_ == "prep" and c.lower_ == "including"
             for o in c.children if o.dep_ == "pobj"]
    named += [n for p in lists for n in members_named_after(p, table)]  # "..., among them X"
    return _subject(token), objects + named, None


def _passive_listed_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "A and B were also listed", "Also targeted were A and B": the subjects (hung on "were" when they
    follow it), with the authority of the action told before; not a listing on an exchange or as something
    ("listed on the Nasdaq", "listed as missing")."""
    if any(c.dep_ == "prep" and c.lower_ in ("on", "in", "as", "at") for c in token.children):
        return None
    return None, [c for c in token.children if c.dep_ == "nsubjpass"] + _inverted_subjects(token), None


def _among_listed_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "Among those listed is X": the subject of the "be" the phrase hangs on, with the authority of the
    action told before."""
    be = token.head.head.head
    return None, [c for c in be.children if c.dep_ in ("nsubj", "attr") and c.i > token.i], None


def _facing_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "X and its founder, Y, face an asset freeze": the subjects, with the authority of the sanction told
    before."""
    return None, [c for c in token.children if c.dep_ == "nsubj"], None


def _included_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "Those sanctioned include X and Y": the objects of "include", with the authority of the action told
    before."""
    include = token.head.head
    return None, [c for c in include.children if c.dep_ == "dobj"], None


def _inverted_subjects(verb: Token) -> list[Token]:
    """The subjects a passive told inverted hangs on its auxiliary: "Also sanctioned are X and Y", "Also
    targeted were its founder, X, ..."."""
    return [s for aux in verb.children if aux.dep_ == "auxpass" for s in aux.children if s.dep_ in ("nsubj", "attr")]


def _noun_targets(token: Token, slots: dict[str, Token], table: EntityTable) -> _Read:
    """ "U.S. sanctions on X", "OFAC's designation of X": the one named before the noun imposes them; "the
    blacklisting of X by the EU": the one named after "by"; "the EU adopted sanctions on X", "the EU's package
    includes sanctions on X": the one who brings them in."""
    modifiers = [m for m in token.children if m.dep_ in ("compound", "amod", "poss", "nmod")]
    modifiers += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
                  if o.dep_ == "pobj"]
    subject = next((m for m in modifiers if table.key_at(m) or table.country_of_word(m)), None)
    if subject is None and "verb" in slots:
        subject = _subject(slots["verb"])
        owner = next((c for c in subject.children if c.dep_ == "poss" and (table.key_at(c) or table.country_of_word(c))
                      ), None) if subject is not None and table.key_at(subject) is None else None
        subject = owner or subject  # ("the EU's new package includes ...": the EU)
    if subject is not None and token.dep_ == "compound" and token.head.lemma_.lower() in REGIME_NOUNS:
        named = table.key_at(subject)  # "under the Global Human Rights sanctions regime": the regime's name
        if not (table.country_of_word(subject) or named and table.kind(named) in (COUNTRY, GOVERNMENT_BODY)):
            subject = None
    return subject, targets_of_noun(token), None


TARGET_READERS: dict[str, Callable[[Token, dict[str, Token], EntityTable], _Read]] = {
    "sanctioned": _sanctioned_targets,
    "measures_target": _measures_targets,
    "measures_targeting": _measures_targets,
    "measures_apply": _applied_targets,
    "hit_with_sanctions": _hit_targets,
    "also_listed": _sanctioned_targets,
    "asset_freezes_on": _freezes_on_targets,
    "froze_assets": _frozen_targets,
    "identified_as_property": _identified_targets,
    "imposed_sanctions": _imposed_targets,
    "imposed_package": _imposed_targets,
    "restrictive_measures": _imposed_targets,
    "added_to_list": _listed_targets,
    "added_to_list_after_object": _listed_targets,
    "added_to_list_after_conjunct": _listed_targets,
    "were_listed": _passive_listed_targets,
    "also_targeted": _passive_listed_targets,
    "targeted_after_sanction": _sanctioned_targets,
    "among_those_listed": _among_listed_targets,
    "those_listed_include": _included_targets,
    "sanctions_on": _noun_targets,
    "designation_of": _noun_targets,
    "face_sanctions": _facing_targets,
    "sanctions_on_adopted": _noun_targets,
}
REGIME_NOUNS = {"regime", "programme", "program"}  # "the X sanctions regime": X names the regime, not who imposes it
# the noun alone tells an action only with targets
NOUN_PATTERNS = {"sanctions_on", "sanctions_on_adopted", "designation_of"}
# Actions told with an authority and no target yet, kept so that "The measures target X" after them has one
ANNOUNCING_PATTERNS = {"imposed_sanctions", "imposed_package", "restrictive_measures"}
# actions told only within FOLLOW_SENTENCES of a sanction
FOLLOWING_PATTERNS = {"targeted_after_sanction", "face_sanctions"}
if set(TARGET_READERS) != {p.name for p in load_patterns("sanction")}:
    raise ValueError("kg/data/sanction_patterns.json and sanctions.TARGET_READERS name different patterns")


def _matched_actions(sentences: list[Span]) -> dict[int, tuple[DependencyPattern, dict[str, Token]]]:
    """Each token a sanction pattern matched, with the first pattern of the registry that did."""
    order = {p.name: n for n, p in enumerate(load_patterns("sanction"))}
    found: dict[int, tuple[DependencyPattern, dict[str, Token]]] = {}
    for pattern, slots in iter_matches(sentences, "sanction"):
        i = slots["action"].i
        if i not in found or order[pattern.name] < order[found[i][0].name]:
            found[i] = (pattern, slots)
    return found


def _read_action(pattern: DependencyPattern, slots: dict[str, Token], sent: Span, table: EntityTable,
                 document: Document, home: HomeContext, listing: bool = False) -> _Action | None:
    """The action a sanction pattern (kg/data/sanction_patterns.json) matched: its authority, targets and date."""
    token = slots["action"]
    read = TARGET_READERS[pattern.name](token, slots, table)
    if read is None:
        return None
    subject, targets, noun = read
    if pattern.name in NOUN_PATTERNS and not targets and not listing:
        return None
    refers_back = noun is not None and any(c.lower_ in ("the", "these", "those") for c in noun.children)
    # "Britain sanctioned the same three judges": the people (or bodies) told before, by another authority
    same = next((t for t in targets if any(c.lower_ == "same" for c in t.children)), None)
    refers_back = refers_back or same is not None
    if _negated(token) or (noun is not None and _negated(noun)) or _background(token):
        return None
    authority = _authority(subject, sent, table, home) if subject is not None else None
    if authority is not None and table.kind(authority) == PLACE:
        # "Washington has blacklisted X": a capital acts for its country's government
        body = table.lexicon.capital_of(table.label(authority))
        known = table.lexicon.organization(body) if body else None
        authority = table.ensure(*known) if known else table.ensure(body, COUNTRY) if body else None
    if authority is None and subject is None and pattern.name == "added_to_list":  # "was added to the UN's list"
        owners = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
                  for p in c.children if p.dep_ == "pobj" for o in p.children if o.dep_ == "poss"]
        authority = next((table.key_at(o) for o in owners if table.key_at(o)), None)
    if authority is None and subject is None and home.body and home.country and (
            token.pos_ == "NOUN" or any(c.dep_ == "auxpass" for c in token.children)):
        authority = home.country  # a government's own release: "Full blocking sanctions on X"
    targets = [t for t in targets if t.lemma_.lower() not in APPOINTED_GROUPS]  # "the designation of a delegation"
    keys = target_keys(targets, table, authority)
    # the group whose members may be named later, also when it follows another target ("on the police chief and
    # two judges")
    group = next((t.lemma_.lower() for t in expand(targets) if _group_noun(t)), None)
    refers_back = refers_back and not keys
    announced = authority is not None and pattern.name in ANNOUNCING_PATTERNS  # "Japan imposed new sanctions."
    # told without its authority, or by a body's bare noun no body before it names ("the Council further
    # listed X" after "the European Union imposed sanctions"): the authority of the action before
    bare = subject is not None and table.lexicon.org_word(subject.text) == GOVERNMENT_BODY and not any(
        c.dep_ in ("compound", "amod", "poss", "nmod", "prep") for c in subject.children)
    # ("The designation of X cuts him off ...": the designation just told, by its authority)
    told_before = pattern.name == "designation_of" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                            for c in token.children)
    anaphoric = authority is None and (subject is None or bare) and (token.pos_ == "VERB" or told_before)
    if not keys and not refers_back and not (group and authority) and not (listing and (authority or anaphoric)) \
            and not announced:
        return None
    evidence = make_evidence(sent, document, pattern.rule, pattern.confidence if keys else 0.6)
    own = clause_date(token, document) if token.pos_ == "VERB" else None  # "and Britain froze X's assets last month"
    date = own or _sentence_date(sent, document, token)
    if (date is not None and _told_as_now(token) and _before_publication_year(date, document)
            and not date.text.lower().startswith("since")):  # "has blacklisted X since 2021" is dated
        date = None  # "has designated X for ... a disappearance in 1999": the year of the deeds, not the action
    if token.dep_ == "relcl" and date is not None and date.datatype == "gYear" \
            and _before_publication_year(date, document) and not _told_as_now(token):
        return None  # "The United States, which blacklisted X in 2023, ...": recalled in passing, not reported
    # (another body's action told in a release, "Treasury also has designated X", is not the release's own)
    own = home.body is None or authority in (None, home.body) or table.kind(authority) != GOVERNMENT_BODY
    date = date or _date_by_tense(token, document, home, own)
    extra_groups = tuple(w for t in targets for c in t.conjuncts if _group_noun(c)
                         for w in (c.lemma_.lower(), c.lower_))
    # the other counted groups of the action, however the parse hangs them ("sanctions on three individuals,
    # [four companies] and 20 vessels" with the companies taken for a second object)
    extra_groups += tuple(w for t in token.subtree if t.tag_ == "NNS" and _group_noun(t) and t not in targets
                          and any(c.dep_ == "nummod" for c in t.children) for w in (t.lemma_.lower(), t.lower_))
    co_authorities = tuple(dict.fromkeys(
        key for c in (subject.conjuncts if subject is not None and authority else ())
        for key in [_authority(c, sent, table, home)] if key and key != authority and table.kind(key) != PERSON))
    people_told_before = None if same is None else same.lemma_.lower() not in COMPANY_NOUNS | {"entity"}
    return _Action(authority, keys, evidence, date, _program(sent), refers_back, people_told_before=people_told_before,
                   group=None if keys else group, anaphoric=anaphoric,
                   extra_groups=() if keys else extra_groups, co_authorities=co_authorities,
                   done=token.pos_ == "VERB" and pattern.name not in NOUN_PATTERNS and not future(token),
                   reported_undated=home.release and not own and date is None and _perfect(token))


def _date_by_tense(token: Token, document: Document, home: HomeContext, own: bool = True) -> DateValue | None:
    """An action told in the present ("is designating", "are imposing", "are designated") happens on the day
    of publication; in a government's own release, so does its own action told in the future ("will impose")
    or the present perfect ("has frozen"), not another body's ("the Treasury also has designated X")."""
    if document.published is None:
        return None
    if token.pos_ == "NOUN" and home.release and _verbless(token.sent):
        return resolve_date("today", document.published)  # a release's own list: "Full blocking sanctions on X"
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ in ("VBG", "VBN") or "being" in aux) and bool(
        aux & {"is", "are", "am"})  # "is designating", "are designated", "are being designated"
    future = "will" in aux and home.release
    perfect = _perfect(verb) and home.release and own  # "The UK has frozen the assets of X"
    if not (present or future or perfect):
        return None
    return resolve_date("today", document.published)


def _perfect(token: Token) -> bool:
    """Whether an action is told in the present perfect: "has designated", "have been listed"."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in token.children)


def _verbless(sent: Span) -> bool:
    """A heading or list item without a finite verb: "Full blocking sanctions on X:"."""
    root = sent.root
    return root.tag_ not in ("VBD", "VBZ", "VBP", "MD") and not any(c.dep_ in ("aux", "auxpass")
                                                                     for c in root.children)


def _appointment(verb: Token) -> bool:
    """ "designated X to serve as ...", "designated X as its representative": naming to a post."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ in APPOINTMENT_PREPOSITIONS and not any(
                t.lower_ in SANCTION_CATEGORIES for t in child.subtree):  # not "as a Global Terrorist"
            return True
    return False


def _is_sanctions_list(token: Token) -> bool:
    """ "its sanctions list", "the Entity List", "a blacklist", "under sanctions" (placed under them)."""
    if token.lemma_.lower() == "blacklist" or token.lemma_.lower() == "sanction" and token.head.lower_ == "under":
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_ == "sanctions" and following is not None and following.lower_ in LIST_NOUNS:
        return True  # "to its sanctions register", the list noun read as a verb
    if token.lemma_.lower() not in LIST_NOUNS:
        return False
    named = any(c.lemma_.lower() in SANCTIONS_LIST_WORDS for c in token.children
                if c.dep_ in ("compound", "amod", "nmod"))
    # "its list of people facing restrictive measures", "the list of those subject to sanctions"
    return named or any(_names_sanctions(w) for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                        for w in p.subtree)


def _names_sanctions(word: Token) -> bool:
    """ "sanctions", "restrictive measures"."""
    lemma = word.lemma_.lower()
    return lemma == "sanction" or lemma == "measure" and any(a.lower_ == "restrictive" for a in word.children)


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _dateline(c)]
    if subjects:
        return subjects[-1]  # the one nearest the verb: "LONDON — The Foreign Office added ..."
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)  # "the United States is taking actions by designating X"
    return None


def _authority(subject: Token, sent: Span, table: EntityTable, home: HomeContext) -> str | None:
    key = table.key_at(subject)
    if key and home.body and _bare_word_of(subject, home.body, table):
        return home.body  # "The Council also listed X" in the Council's own release, whatever other council is named
    if key and " " not in table.label(key) and table.lexicon.org_word(table.label(key)) == GOVERNMENT_BODY:
        key = None  # "the Department" alone: the body it refers back to, below
    possessor = next((table.key_at(c) for c in subject.children if c.dep_ == "poss" and table.key_at(c)), None)
    if key and table.kind(key) == GOVERNMENT_BODY and possessor and table.kind(possessor) == COUNTRY \
            and not table.lexicon.organization(table.label(key)):
        return possessor  # "Australia's Department of Foreign Affairs and Trade sanctioned X": Australia acts
    if key and table.kind(key) == GOVERNMENT_BODY and subject.lemma_.lower() == "government":
        country = next((table.country_of_word(p) for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj" and table.country_of_word(p)), None)
        if country:
            return country  # "the Government of Japan decided to freeze ...": Japan acts
    if key and table.kind(key) == GOVERNMENT_BODY:  # "the Department of the Treasury's Office of X": the office
        inner = [table.key_at(p) for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        inner = [k for k in inner if k and k != key and table.kind(k) == GOVERNMENT_BODY]
        return inner[0] if inner else key
    if key:
        return key
    country = table.country_of_word(subject)
    if country:
        return country
    if subject.lemma_.lower() in STATE_NOUNS | ENVOY_NOUNS:  # "the Canadian government", "EU ambassadors"
        owner = next((c for c in subject.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                      and (table.country_of_word(c)
                           or table.key_at(c) and table.kind(table.key_at(c)) in (COUNTRY, ORGANIZATION))), None)
        if owner is not None:
            return table.key_at(owner) or table.country_of_word(owner)
        led = any(c.dep_ == "compound" and (k := table.key_at(c)) and table.kind(k) == PERSON for c in subject.children)
        if led and home.country:  # "the Biden administration" in a report from Washington: the home country
            return home.country
    for prep in subject.children:  # "the Secretary of the Treasury": the office named by the title
        if prep.dep_ == "prep" and prep.lower_ == "of":  # "the Council of the European Union": the bloc
            owner = next((table.key_at(c) for c in prep.children if c.dep_ == "pobj" and table.key_at(c)), None)
            if owner and (table.kind(owner) in (GOVERNMENT_BODY, COUNTRY) or table.kind(owner) == ORGANIZATION
                          and table.lexicon.org_word(subject.text) == GOVERNMENT_BODY):
                return owner
    if subject.pos_ in ("NOUN", "PROPN") and table.lexicon.org_word(subject.text) == GOVERNMENT_BODY:
        if home.body and subject.lower_ in table.label(home.body).lower():
            return home.body  # "the Department" in the Department's own release
        owner = next((k for c in subject.children if c.dep_ in ("compound", "nmod") for k in [table.key_at(c)]
                      if k and table.kind(k) in (ORGANIZATION, COUNTRY)), None)
        if owner is not None:
            return owner  # "the EU Council listed X": the bloc whose council it is
        # "the department", "the ministry"; "the Government" in a release of a government that names no body
        return _body_antecedent(subject, table) or home.body or (home.country if home.release else None)
    if subject.lemma_.lower() == BLOC and key is None:  # "the bloc also placed X under sanctions"
        return _bloc_antecedent(subject, table)
    if subject.lower_ in ("we", "i") and (home.body or home.release and home.country):
        return home.body or home.country  # a release's own voice: "Today, I am publicly designating X"
    if home.release and home.country and key is None and subject.lower_ in table.lexicon.titles_by_last and not any(
            c.dep_ in ("compound", "amod", "poss", "nmod") and (table.country_of_word(c) or table.key_at(c))
            for c in subject.children):
        return home.country  # "The Foreign Secretary has today sanctioned X" in the government's own release
    pronoun = subject.lower_
    if pronoun in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl" and subject.head.head.i < subject.i:
        return _authority(subject.head.head, sent, table, home)  # "the United Kingdom, which today sanctioned X"
    if pronoun in GROUP_PRONOUNS and (teller := _teller(subject.head)) is not None:
        found = _authority(teller, sent, table, home)  # "The Council of the EU said it had added X": the Council
        if found is not None:
            return found
    if pronoun in PERSON_PRONOUNS | GROUP_PRONOUNS:
        wanted = {PERSON} if pronoun in PERSON_PRONOUNS else None
        return _antecedent(subject, table, wanted)
    return None


def _bare_word_of(subject: Token, body: str, table: EntityTable) -> bool:
    """Whether a one-word mention ("the Council", "the Department") is a word of the name of `body`."""
    span = table.span_at(subject.i)
    return span is not None and span[1] - span[0] == 1 and subject.lower_ in table.label(body).lower().split()


def _teller(clause: Token) -> Token | None:
    """The subject of the verb of saying a clause is told by ("X said [it had added Y]"), unless a pronoun."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def _dateline(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.text.isupper() and following is not None and following.text in ("—", "–", "-", "--")


def _bloc_antecedent(noun: Token, table: EntityTable) -> str | None:
    """The union of states "the bloc" refers back to: the nearest organization (not a government body or a
    company) named before it that is known or named by an acronym: the European Union, ASEAN, ECOWAS."""
    for i in range(noun.i - 1, -1, -1):
        key = table.key_at(i)
        if key and table.kind(key) == ORGANIZATION and (
                table.lexicon.organization(table.label(key)) or table.label(key).isupper()):
            return key
    return None


def _body_antecedent(noun: Token, table: EntityTable) -> str | None:
    """The government body a noun like "the department" refers back to: the nearest one named so."""
    fallback = None
    for i in range(noun.i - 1, -1, -1):
        key = table.key_at(i)
        if key and table.kind(key) == GOVERNMENT_BODY:
            if noun.lower_ in table.label(key).lower() or noun.lower_ in table.doc[i].text.lower():
                return key
            fallback = fallback or key
    return fallback


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


def _told_as_now(token: Token) -> bool:
    """Whether an action is told in the present or present perfect: "is designating", "has designated"."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ in ("VBZ", "VBP", "VBG") or bool(aux & {"has", "have", "is", "are"})


def _before_publication_year(date: DateValue, document: Document) -> bool:
    return bool(date.value and document.published and date.value[:4] < document.published[:4])


def _sentence_date(sent: Span, document: Document, action: Token | None = None) -> DateValue | None:
    """The date a sentence gives an action: the first date written in it, not one inside a clause that tells
    of something else ("froze the assets of a group that attacked hospitals in June")."""
    for ent in ents_within(sent):
        if ent.label_ != "DATE" or action is not None and _in_other_clause(ent.root, action) or law_year(ent):
            continue  # (not "designating X under Section 7031(c) of the ... Act, 2026")
        if ent.start - sent.start <= 3 and any(t.text in ("\u2014", "\u2013", "--")
                                               for t in sent.doc[ent.end:min(ent.end + 6, sent.end)]):
            continue  # a dateline ("CITY, June 24 (Agency) —") dates the report, not the action
        before = sent.doc[ent.start - 1] if ent.start > sent.start else None
        prefixed = before is not None and before.lower_ in ("on", "in", "since")
        phrase = f"{before.text} {ent.text}" if prefixed else ent.text  # type: ignore[union-attr]
        value = resolve_date(phrase, document.published)
        if value is not None:
            return value
    return None


def _in_other_clause(token: Token, action: Token) -> bool:
    """Whether a word lies in a relative or adjectival clause, or a clause of what came before or after,
    that does not hold the action: "adopted the measures after a meeting of ambassadors last week"."""
    holders = {a.i for a in action.ancestors} | {action.i}
    return any(a.i not in holders and (a.dep_ in ("relcl", "acl") or a.dep_ in ("advcl", "prep")
                                       and a.lower_ in SEQUENCE_WORDS
                                       or a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SEQUENCE_WORDS
                                                                    for m in a.children))
               for a in (token, *token.ancestors))


def _program(sent: Span) -> str | None:
    text = sent.text
    for word in PROGRAM_WORDS:
        at = text.find(word)
        if at >= 0:
            rest = text[at + len(word) :].split()
            number = rest[0].strip(".,;()") if rest else ""
            return f"Executive Order {number}" if number.isdigit() else None
    return None


def _to_facts(actions: list[_Action], table: EntityTable, home: HomeContext) -> list[SanctionFact]:
    by_target: dict[str, list[tuple[str, _Action]]] = {}
    for number, action in enumerate(actions):
        targets = action.targets
        if action.people_told_before is not None:  # "the same three judges": those of the last action naming any
            told = ([t for t in earlier.targets if (table.kind(t) == PERSON) == action.people_told_before]
                    for earlier in reversed(actions[:number]))
            targets = [*targets, *next((kind for kind in told if kind), [])]
        elif action.refers_back:  # the sanctions told about before, now with their authority or date
            targets = [t for earlier in actions[:number] for t in earlier.targets]
        for target in targets:
            for authority in (action.authority, *action.co_authorities) if action.authority else ():
                by_target.setdefault(target, []).append((authority, action))
    facts = []
    for target, claims in by_target.items():
        # a government body acts for its country or bloc, the authority, and is kept as the issuer ("OFAC" and
        # "the United States" for one action are one sanction; the State Department's and Treasury's are two);
        # an officer acts for a country not named: the country's claims beside an officer's are the officer's
        acting = [(_sovereign(a, table, home), a, act) for a, act in claims]
        officer = any(table.kind(a) == PERSON for a, _ in claims)
        acting = [(s, a, act) for s, a, act in acting if not (officer and table.kind(s) == COUNTRY and s == a)]
        for authority in dict.fromkeys(s for s, _, _ in acting):
            issuers = list(dict.fromkeys(a for s, a, _ in acting if s == authority and a != authority))
            for issuer in issuers or [None]:
                # the date and programme of one body's action, told by it or (for the first body told) by its country
                told = (issuer, authority) if issuer in (None, *issuers[:1]) else (issuer,)
                related = [act for s, a, act in acting if s == authority and a in told]
                related.sort(key=lambda act: act.dated_by_context)  # a date written with the action first
                date = next((act.date for act in related if act.date and act.date.value), None)
                date = date or next((act.date for act in related if act.date), None)
                program = next((act.program for act in related if act.program), None)
                evidence = tuple(dict.fromkeys(act.evidence for act in related))
                facts.append(SanctionFact(authority, target, evidence, date, program, issuer=issuer))
    return facts


def _sovereign(authority: str, table: EntityTable, home: HomeContext) -> str:
    """The country or bloc a government body acts for: the one kg/data/organizations.tsv gives it, the
    publisher's country for the publishing body, or the one its name tells ("the Council of the European Union",
    "the Japanese Ministry of Finance", "Global Affairs Canada"); the authority itself for a country, a bloc, an
    officer or a body of no known country."""
    label = table.label(authority)
    named_for = table.kind(authority) == ORGANIZATION and table.lexicon.country(label.split()[-1])
    if table.kind(authority) != GOVERNMENT_BODY and not named_for:  # ("Global Affairs Canada" may be tagged so)
        return authority
    owner = table.lexicon.body_countries.get(label)
    if owner is None and authority == home.body and home.country:
        return home.country
    if owner is None and BLOC_NAME.search(label):
        owner = EUROPEAN_UNION
    words = [word.strip(",'’") for word in label.split()]
    owner = owner or next((c for word in words for c in [table.lexicon.country(word) or table.lexicon.demonym(word)]
                           if c), None)
    if owner is None:
        return authority
    known = table.lexicon.organization(owner)
    return table.ensure(*known) if known else table.ensure(owner, COUNTRY)
