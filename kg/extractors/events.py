"""Event facts: summits, meetings, phone calls, visits, talks, ... with their date, place and status."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.dates import resolve_date
from kg.extractors.entities import EntityTable
from kg.extractors.evidence import make_evidence
from kg.model import COUNTRY, PERSON, PLACE, DateValue, Document, EventFact

PLACE_PREPOSITIONS = {"in", "at"}
DATE_PREPOSITIONS = {"on", "in", "during", "since", "from"}
PARTICIPANT_PREPOSITIONS = {"with", "between"}
HYPHENS = {"-", "\u2013", "\u2014"}
PHONE_WORDS = {"phone", "telephone", "video"}
PLANNED = {"planned", "proposed", "upcoming", "forthcoming", "scheduled", "expected", "next", "future"}
HYPOTHETICAL = {"possible", "potential", "hypothetical", "prospective"}
CANCEL_VERBS = {"cancel", "scrap", "scrub", "abandon", "call"}  # "call off" is checked for its particle
POSTPONE_VERBS = {"postpone", "delay", "shelve", "defer", "reschedule", "put"}  # "put off"
HAPPENED_VERBS = {"hold", "attend", "have", "host", "conclude", "end", "wrap"}
# Verbs that are events themselves: "X met Y in Z", "X called Y on Oct. 16", "X visited Z",
# "X will travel to Z", "X spoke with Y on Monday" (talks: only with a named person).
VERB_EVENTS = {"meet": ("meeting", "meeting"), "call": ("phone call", "call"), "visit": ("visit", "visit"),
               "travel": ("visit", "visit"), "speak": ("talks", "meeting"),
               "fire": ("artillery fire", "attack"), "exchange": ("exchange of fire", "attack"),
               "shell": ("shelling", "attack"), "bomb": ("bombing", "attack"),
               "evacuate": ("evacuation", "evacuation"),
               "appoint": ("appointment", "appointment"), "nominate": ("nomination", "appointment"),
               "designate": ("appointment", "appointment")}
# What is fired or exchanged in an armed exchange: "fired artillery rounds", "exchanged fire".
PROJECTILES = {"shell", "round", "artillery", "missile", "rocket", "fire", "gunfire", "mortar", "drone", "salvo"}
# Verbs of going somewhere: their "to X" is where the event they are for takes place.
MOTION_VERBS = {"travel", "go", "come", "fly", "arrive", "welcome", "head", "return", "visit", "invite", "host"}
# Verbs that carry an event noun's date or place: "had a call on Tuesday", "the launch took place on X".
LIGHT_VERBS = {"have", "hold", "make", "conduct", "host", "attend", "join", "take", "begin", "open", "start",
               "end", "conclude", "wrap", "plan", "schedule", "announce", "cancel", "postpone"}
ROUNDS = {"round", "rounds"}
PLACE_NOUNS = {"town", "city", "village", "region", "province", "port", "island", "capital", "district"}
# Common nouns one meets as people: "met officials", "met his counterpart".
MEETING_OBJECTS = {"official", "leader", "counterpart", "minister", "president", "delegation", "representative",
                   "envoy", "ambassador", "diplomat", "lawmaker", "executive", "chancellor", "premier", "king"}
RECALL_VERBS = {"celebrate", "commemorate", "mark", "remember", "recall", "honor", "honour"}
RECALL_NOUNS = {"anniversary", "commemoration", "memory", "legacy"}
OPENING_VERBS = {"open", "begin", "start", "hold", "take", "convene", "due", "schedule", "set", "plan"}
FUTURE_WORDS = {"schedule", "plan", "due", "expect", "set", "intend", "hope", "aim"}
RANGE_END = re.compile(r"\s+(?:to|until|through|till)\s+\S.*$", re.I)
BARE_WEEKDAY = re.compile(r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)
# "July 6-11, 2022" -> "July 6, 2022": a range is dated by its first day.
DAY_RANGE = re.compile(r"\b([A-Z][a-z]+\.?\s+\d{1,2})\s*[-\u2013]\s*\d{1,2}\b")


@dataclass
class _Event:
    event_type: str
    family: str
    label: str | None
    evidence: list = field(default_factory=list)
    date: DateValue | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    status: str | None = None
    sentence: int = -1  # start token of the sentence it was read in


def extract_events(doc: Doc, table: EntityTable, document: Document, sentences: list[Span]) -> list[EventFact]:
    """Event facts of a document, mentions of one event merged into one fact."""
    found: list[_Event] = []
    rounds = any(t.lower_ in ROUNDS and _is_event_noun(t, table) for t in doc)
    for sent in sentences:
        for token in sent:
            event = (_noun_event(token, table, document) or _verb_event(token, table, document)
                     or (_round_event(token, table, document) if rounds else None))
            if event is None or (event.place is None and event.date is None) or _negated(token):
                continue
            event.evidence.append(make_evidence(sent, document, event.evidence.pop(), 0.7))
            if _future(token):
                event.status = event.status or "Planned"
                event.date = _upcoming(event.date, document)
            event.sentence = sent.start
            found.append(event)
    return [_to_fact(e, table) for e in _merge(found)]


def _is_event_noun(token: Token, table: EntityTable) -> bool:
    token = _round_of(token) if token.lower_ != "round" else token
    words = [token, *(c for c in token.children if c.dep_ == "prep" and c.lower_ == "of")]
    words += [g for c in words[1:] for g in c.children]
    return any(table.lexicon.events.get(t.lemma_.lower()) or table.lexicon.events.get(t.lower_) for t in words)


def _future(token: Token) -> bool:
    """Whether an event is told as still to come: "will travel", "is scheduled to meet", "due to open"."""
    for node in [token, *list(token.ancestors)[:4]]:
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "'ll", "shall"}:
            return True
        if node.lemma_.lower() in FUTURE_WORDS and any(c.dep_ == "xcomp" for c in node.children):
            return True
        if node.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                       for c in node.children):
            return True  # "is to be held"
        if node.pos_ == "VERB" and node.dep_ not in ("xcomp", "conj", "advcl", "relcl", "acl", "pcomp"):
            return False
    return False


def _upcoming(date: DateValue | None, document: Document) -> DateValue | None:
    """A bare weekday of a future event is the coming one: "will meet on Saturday"; a month and day
    without a year already past at publication is next year's."""
    if date is None:
        return None
    if (date.datatype == "date" and date.value and document.published and date.value < document.published[:10]
            and not re.search(r"\b\d{4}\b", date.text) and not BARE_WEEKDAY.match(date.text)):
        year = int(date.value[:4]) + 1
        value = f"{year}{date.value[4:]}"
        if year <= int(document.published[:4]) + 1 and _valid_day(value):
            return DateValue(date.text, value, date.datatype)
    if not BARE_WEEKDAY.match(date.text):
        return date
    weekday = BARE_WEEKDAY.match(date.text).group(1)  # type: ignore[union-attr]
    value = resolve_date(f"coming {weekday}", document.published)
    return DateValue(date.text, value.value, value.datatype) if value and value.value else date


def _noun_event(token: Token, table: EntityTable, document: Document) -> _Event | None:
    if token.pos_ not in ("NOUN", "PROPN") or _remembered(token):
        return None
    entry = table.lexicon.events.get(token.lower_) or table.lexicon.events.get(token.lemma_.lower())
    key = table.key_at(token)
    if entry is None or (key and table.kind(key) == PERSON):
        return None
    event_type, family = entry
    participants = _participants(token, table)
    lefts = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    possessed = any(c.dep_ == "poss" for c in token.children)
    if family == "call" and not (lefts & PHONE_WORDS or participants or possessed):
        return None
    label = None
    anchor = token
    if key and table.kind(key) not in (PLACE, COUNTRY):
        start, end = table.span_at(token)  # type: ignore[misc]
        label = table.label(key)  # a named event: "47th ASEAN Summit"
        anchor = token.doc[start:end].root
    anchor = _round_of(anchor)
    event = _Event(event_type, family, label, ["events.noun"])
    event.place = _place_of(anchor, table) or (_to_place(anchor, table) if family == "visit" else None)
    event.date = _date_of(anchor, document)
    for carrier in _carriers(anchor) + (_carriers(token) if anchor.i != token.i else []):
        event.place = event.place or _place_of(carrier, table, with_people=False) or _motion_place(carrier, table)
        if event.place is None and carrier.dep_ in ("xcomp", "advcl"):  # "travel to X to attend the forum"
            event.place = _motion_place(carrier.head, table)
        event.date = event.date or _date_of(carrier, document)
    if label is None and token.text[:1].isupper() and not token.is_sent_start:
        label = _written_name(token)  # "the G20 Foreign Ministers' Meeting"
    event.participants = participants
    event.status = _status_of(anchor)
    return event


def _round_event(token: Token, table: EntityTable, document: Document) -> _Event | None:
    """ "The previous round, held in X": a round, once the article has told of a round of talks."""
    if token.lower_ not in ROUNDS or token.pos_ != "NOUN" or _is_event_noun(token, table):
        return None
    event = _Event("talks", "meeting", None, ["events.round"])
    event.place = _place_of(token, table)
    event.date = _date_of(token, document)
    for carrier in _carriers(token):
        event.place = event.place or _place_of(carrier, table, with_people=False)
        event.date = event.date or _date_of(carrier, document)
    event.status = _status_of(token)
    if event.status is None and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ == "hold" for c in token.children):
        event.status = "Happened"
    return event


def _verb_event(token: Token, table: EntityTable, document: Document) -> _Event | None:
    if token.pos_ != "VERB" or token.lemma_ not in VERB_EVENTS:
        return None
    event_type, family = VERB_EVENTS[token.lemma_]
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in token.children if c.dep_ == "dobj" or (c.dep_ == "oprd" and table.key_at(c))]
    complements = any(c.dep_ in ("xcomp", "ccomp", "prt") for c in token.children)
    if token.lemma_ == "call" and (not objects or complements):
        return None
    if token.lemma_ in ("fire", "exchange") and not any(
            t.lemma_.lower() in PROJECTILES for o in objects for t in list(o.subtree)[:8]):
        return None  # "fired the manager", "exchanged views": no arms
    if token.lemma_ in ("appoint", "nominate", "designate") and not (
            any(table.key_at(o) and table.kind(table.key_at(o)) == PERSON for o in objects)  # type: ignore[arg-type]
            and (token.lemma_ != "designate" or _names_to_post(token))):
        return None  # an appointment names a person to a post; "designate" alone is a sanction
    if token.lemma_ == "meet" and objects and not any(
            table.key_at(o) or o.pos_ == "PRON" or o.lemma_.lower() in MEETING_OBJECTS for o in objects):
        return None  # "met the deadline", "met resistance": no one was met
    people = [table.key_at(t) for t in subjects + objects]
    people += [table.key_at(p) for prep in token.children if prep.lower_ in PARTICIPANT_PREPOSITIONS
               for p in prep.children if p.dep_ == "pobj"]
    participants = [k for k in people if k and table.kind(k) == PERSON]
    event = _Event(event_type, family, None, ["events.verb"], participants=participants)
    if token.lemma_ == "speak" and not [k for k in people[len(subjects):] if k and table.kind(k) == PERSON]:
        return None  # "spoke with reporters", "spoke to the press": no encounter with a named person
    if token.lemma_ in ("travel", "visit") and any(
            p.dep_ == "prep" and p.lower_ == "for" and _is_event_noun(o, table)
            for p in token.children for o in p.children if o.dep_ == "pobj"):
        return None  # "travel to X for the summit": the summit is the event, read from its noun
    if token.lemma_ == "visit":
        places = [table.key_at(o) for o in objects]
        event.place = next((k for k in places if k and table.kind(k) in (PLACE, COUNTRY)), None)
    elif token.lemma_ == "travel":
        event.place = _to_place(token, table)
        if event.place is None:
            return None
    else:
        if len(participants) < 2 and token.lemma_ == "call":
            return None
        event.place = _place_of(token, table)
    event.date = _date_of(token, document) or _clause_date(token, document)
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if aux & {"will", "would", "'ll"} or token.dep_ == "xcomp":
        event.status = "Planned"
    elif token.tag_ == "VBD":
        event.status = "Happened"
    return event


def _names_to_post(verb: Token) -> bool:
    """ "designated X to serve as Director", "designated X as ambassador"."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
    return False


def _participants(token: Token, table: EntityTable) -> list[str]:
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PARTICIPANT_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found += [obj, *obj.conjuncts]
        elif child.dep_ == "poss":
            found.append(child)
    keys = [table.key_at(t) for t in found]
    return [k for k in keys if k and table.kind(k) == PERSON]


def _place_of(token: Token, table: EntityTable, with_people: bool = True) -> str | None:
    """A place written with the event: "summit in Budapest", "the Alaska summit", "to X for the summit"."""
    for child in token.children:
        if "\n" in token.doc[min(child.i, token.i) : max(child.i, token.i) + 1].text:
            continue  # a dateline or heading on its own line, not a modifier
        if child.dep_ in ("compound", "nmod", "amod", "npadvmod"):
            # "the Budapest meeting" names a place; "US-China talks" name the parties.
            key = table.key_at(child)
            if key and table.kind(key) == PLACE and not _hyphen_joined(child):
                return key
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            for obj in child.children:
                key = table.key_at(obj) if obj.dep_ == "pobj" else None
                key = key or (_named_by_of(obj, table) if obj.dep_ == "pobj" else None)
                if key and table.kind(key) in (PLACE, COUNTRY):
                    return key
    for holder in _attached_people(token) if with_people else []:  # "a summit with X in Vienna", "meet X in Lisbon"
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS:
                for obj in prep.children:
                    key = table.key_at(obj) if obj.dep_ == "pobj" else None
                    if key and table.kind(key) in (PLACE, COUNTRY):
                        return key
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "for":
        destination = head.head
        key = table.key_at(destination)
        if key and table.kind(key) in (PLACE, COUNTRY):
            return key
        for prep in destination.subtree:
            if prep.i < head.i and prep.dep_ == "prep" and prep.lower_ == "to":
                for obj in prep.children:
                    key = table.key_at(obj) if obj.dep_ == "pobj" else None
                    if key and table.kind(key) in (PLACE, COUNTRY):
                        return key
    return None


def _remembered(token: Token) -> bool:
    """ "celebrated the launch", "the anniversary of the summit": a past event recalled, dated elsewhere."""
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in RECALL_VERBS:
        return True
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in RECALL_NOUNS


def _written_name(token: Token) -> str | None:
    """The capitalised name an event is written with, or None when it has no capitalised modifier."""
    start = token.left_edge.i
    doc = token.doc
    while start < token.i and doc[start].dep_ == "det":
        start += 1
    words = doc[start : token.i + 1]
    if len(words) < 2 or not all(t.text[:1].isupper() or t.text[:1].isdigit() or t.text in ("'", "'s", "\u2019s",
                                                                                          "\u2019")
                                 for t in words):
        return None
    return words.text


def _named_by_of(noun: Token, table: EntityTable) -> str | None:
    """ "the town of Izium", "the city of Lviv": the place a common noun is named by."""
    if noun.lemma_.lower() not in PLACE_NOUNS:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            return table.key_at(obj)
    return None


def _round_of(token: Token) -> Token:
    """ "a round of talks": the round is what is held, cancelled or dated."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("round", "series", "day"):
        return head.head
    return token


def _carriers(token: Token) -> list[Token]:
    """Verbs that carry an event noun's date and place: "had a call on Tuesday", "welcomed X to Nairobi for
    two days of talks", "a round of talks that was due to open in Tromso", "the round, held in Reykjavik"."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
            found += _clause_verbs(child)
    for noun in token.subtree:  # "talks on fishing quotas that were due to open in X": a late relative clause
        if noun.i > token.i and noun.dep_ == "pobj":
            for clause in (c for c in noun.children if c.dep_ == "relcl"):
                verbs = _clause_verbs(clause)
                if any(v.lemma_.lower() in OPENING_VERBS for v in verbs):
                    found += verbs
    node = token
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
        node = node.head.head  # "two days of talks"
    head = node.head
    if node.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in LIGHT_VERBS:
        found.append(head)
    elif node.dep_ == "nsubj" and head.lemma_ == "be":  # "the referendum is to be held from X"
        found += [c for c in head.children if c.dep_ == "xcomp" and c.lemma_.lower() in LIGHT_VERBS]
    elif node.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ in ("VERB", "AUX"):
        found.append(head.head)
    return found


def _clause_verbs(verb: Token) -> list[Token]:
    """A clause's verb with its complements: "was due to open" -> was, due, open."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "acomp") or _to_infinitive(c)]
    found = [verb, *complements]
    found += [g for c in complements for g in c.children if g.dep_ == "xcomp" or _to_infinitive(g)]
    return found


def _to_infinitive(token: Token) -> bool:
    """ "set to take place": an adverbial clause with "to", read as the verb's complement."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _to_place(token: Token, table: EntityTable) -> str | None:
    """The place in "to X": "a visit to Kyiv", "will travel to Bali"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                key = table.key_at(obj) if obj.dep_ == "pobj" else None
                if key and table.kind(key) in (PLACE, COUNTRY):
                    return key
    return None


def _motion_place(verb: Token, table: EntityTable) -> str | None:
    if verb.lemma_.lower() not in MOTION_VERBS:
        return None
    place = _to_place(verb, table)
    if place is None and verb.lemma_.lower() == "visit":  # "will visit Warsaw for talks"
        objects = [table.key_at(c) for c in verb.children if c.dep_ == "dobj"]
        place = next((k for k in objects if k and table.kind(k) in (PLACE, COUNTRY)), None)
    if place is None:  # "travel on to X": the particle sits between
        for child in verb.children:
            if child.dep_ in ("prt", "advmod") and child.lower_ == "on":
                place = _to_place(child, table)
    return place


def _attached_people(token: Token) -> list[Token]:
    found = [c for c in token.children if c.dep_ in ("dobj", "oprd")]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in PARTICIPANT_PREPOSITIONS:
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _hyphen_joined(token: Token) -> bool:
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return before in HYPHENS or after in HYPHENS


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children):
        return True
    return token.dep_ in ("dobj", "xcomp") and any(c.dep_ == "neg" for c in token.head.children)


def _date_ent(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.label_ == "DATE" and ent.start <= token.i < ent.end:
            return ent
    return None


def _date_of(token: Token, document: Document) -> DateValue | None:
    """A date written with the event: "on Oct. 16", "his October 16 call", "in August"."""
    for child in token.children:
        phrase = None
        if child.dep_ == "prep" and child.lower_ in DATE_PREPOSITIONS:
            objects = [o for o in child.children if o.dep_ == "pobj"]
            ent = _date_ent(objects[0]) if objects else None
            phrase = f"{child.text} {ent.text}" if ent else None
        elif child.dep_ in ("compound", "nmod", "npadvmod", "nummod", "tmod") or child.i < token.i:
            ent = _date_ent(child)
            phrase = ent.text if ent else None
        if phrase:
            value = resolve_date(_first_of_range(phrase), document.published)
            if value is not None:
                return value
    return None


def _valid_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _first_of_range(phrase: str) -> str:
    """ "July 6-11, 2022" -> "July 6, 2022"; "from May 2 to May 9" -> "from May 2": a range by its first day."""
    phrase = DAY_RANGE.sub(r"\1", phrase)
    return RANGE_END.sub("", phrase)


def _clause_date(verb: Token, document: Document) -> DateValue | None:
    """A date written anywhere in a verb's own clause: "will travel to Lima, Peru, March 6-9"."""
    for ent in verb.sent.ents:
        if ent.label_ != "DATE":
            continue
        node = ent.root
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node.i == verb.i:
            value = resolve_date(_first_of_range(ent.text), document.published)
            if value is not None and value.value:
                return value
    return None


def _status_of(token: Token) -> str | None:
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    verb = token.head if token.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj") else None
    if verb is not None and token.dep_ == "pobj":
        verb = verb.head
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        lemma = verb.lemma_.lower()
        if lemma in CANCEL_VERBS and (lemma != "call" or "off" in particles):
            return "Cancelled"
        if lemma in POSTPONE_VERBS and (lemma != "put" or "off" in particles):
            return "Postponed"
    if modifiers & HYPOTHETICAL:
        return "Hypothetical"
    if modifiers & PLANNED:
        return "Planned"
    if verb is not None and verb.lemma_ in HAPPENED_VERBS and verb.tag_ in ("VBD", "VBN"):
        return "Happened"
    return None


def _merge(events: list[_Event]) -> Iterator[_Event]:
    """Mentions of one family with the same place, or the same resolved date, are one event."""
    merged: list[_Event] = []
    for event in events:
        same = next((m for m in merged if (m.family == event.family or _together(m, event)) and _same(m, event)),
                    None)
        if same is None:
            merged.append(event)
            continue
        same.evidence += event.evidence
        if same.family == "visit" and event.family != "visit":  # the meeting a trip is for names the event
            same.event_type, same.family, same.label = event.event_type, event.family, event.label
        same.place = same.place or event.place
        same.label = same.label or event.label
        if same.date is None or (same.date.value is None and event.date and event.date.value):
            same.date = event.date or same.date
        same.status = same.status or event.status
        same.participants += [p for p in event.participants if p not in same.participants]
    yield from merged


def _together(a: _Event, b: _Event) -> bool:
    """A trip and the meeting it is for: same place, and told in one sentence or on the same day."""
    if not (a.place and a.place == b.place):
        return False
    same_day = a.date is not None and b.date is not None and a.date.value is not None and a.date.value == b.date.value
    return a.sentence == b.sentence or same_day


def _same(a: _Event, b: _Event) -> bool:
    if a.place and b.place:
        return a.place == b.place
    if a.date and b.date and a.date.value and b.date.value:
        return a.date.value == b.date.value
    return False


def _to_fact(event: _Event, table: EntityTable) -> EventFact:
    label = event.label
    if label is None:
        if event.place:
            label = f"{event.event_type} in {table.label(event.place)}"
        elif len(event.participants) >= 2:
            names = [table.label(p) for p in event.participants[:2]]
            label = f"{event.event_type} between {names[0]} and {names[1]}"
        elif event.date:
            label = f"{event.event_type} {event.date.text}"
        else:
            label = event.event_type
    fact = EventFact(label, event.event_type, tuple(event.evidence), event.date, event.place,
                     tuple(event.participants), event.status)
    return replace(fact)
