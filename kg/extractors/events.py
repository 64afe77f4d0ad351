"""Event facts: summits, meetings, phone calls, visits, talks, ... with their date, place and status."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.dates import resolve_date
from kg.extractors.entities import EntityTable
from kg.extractors.evidence import make_evidence
from kg.model import COUNTRY, PERSON, PLACE, DateValue, Document, EventFact

PLACE_PREPOSITIONS = {"in", "at"}
DATE_PREPOSITIONS = {"on", "in", "during", "since"}
PARTICIPANT_PREPOSITIONS = {"with", "between"}
HYPHENS = {"-", "\u2013", "\u2014"}
PHONE_WORDS = {"phone", "telephone", "video"}
PLANNED = {"planned", "proposed", "upcoming", "forthcoming", "scheduled", "expected", "next", "future"}
HYPOTHETICAL = {"possible", "potential", "hypothetical", "prospective"}
CANCEL_VERBS = {"cancel", "scrap", "scrub", "abandon", "call"}  # "call off" is checked for its particle
POSTPONE_VERBS = {"postpone", "delay", "shelve", "defer", "reschedule", "put"}  # "put off"
HAPPENED_VERBS = {"hold", "attend", "have", "host", "conclude", "end", "wrap"}
# Verbs that are events themselves: "X met Y in Z", "X called Y on Oct. 16", "X visited Z".
VERB_EVENTS = {"meet": ("meeting", "meeting"), "call": ("phone call", "call"), "visit": ("visit", "visit")}


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


def extract_events(doc: Doc, table: EntityTable, document: Document, sentences: list[Span]) -> list[EventFact]:
    """Event facts of a document, mentions of one event merged into one fact."""
    found: list[_Event] = []
    for sent in sentences:
        for token in sent:
            event = _noun_event(token, table, document) or _verb_event(token, table, document)
            if event is None or (event.place is None and event.date is None) or _negated(token):
                continue
            event.evidence.append(make_evidence(sent, document, event.evidence.pop(), 0.7))
            found.append(event)
    return [_to_fact(e, table) for e in _merge(found)]


def _noun_event(token: Token, table: EntityTable, document: Document) -> _Event | None:
    if token.pos_ not in ("NOUN", "PROPN"):
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
    event = _Event(event_type, family, label, ["events.noun"])
    event.place = _place_of(anchor, table)
    event.date = _date_of(anchor, document)
    event.participants = participants
    event.status = _status_of(anchor)
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
    people = [table.key_at(t) for t in subjects + objects]
    people += [table.key_at(p) for prep in token.children if prep.lower_ in PARTICIPANT_PREPOSITIONS
               for p in prep.children if p.dep_ == "pobj"]
    participants = [k for k in people if k and table.kind(k) == PERSON]
    event = _Event(event_type, family, None, ["events.verb"], participants=participants)
    if token.lemma_ == "visit":
        places = [table.key_at(o) for o in objects]
        event.place = next((k for k in places if k and table.kind(k) in (PLACE, COUNTRY)), None)
    else:
        if len(participants) < 2 and token.lemma_ == "call":
            return None
        event.place = _place_of(token, table)
    event.date = _date_of(token, document)
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if aux & {"will", "would", "'ll"} or token.dep_ == "xcomp":
        event.status = "Planned"
    elif token.tag_ == "VBD":
        event.status = "Happened"
    return event


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


def _place_of(token: Token, table: EntityTable) -> str | None:
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
                if key and table.kind(key) in (PLACE, COUNTRY):
                    return key
    for holder in _attached_people(token):  # "a summit with X in Vienna", "meet X in Lisbon"
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
            value = resolve_date(phrase, document.published)
            if value is not None:
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
        same = next((m for m in merged if m.family == event.family and _same(m, event)), None)
        if same is None:
            merged.append(event)
            continue
        same.evidence += event.evidence
        same.place = same.place or event.place
        same.label = same.label or event.label
        if same.date is None or (same.date.value is None and event.date and event.date.value):
            same.date = event.date or same.date
        same.status = same.status or event.status
        same.participants += [p for p in event.participants if p not in same.participants]
    yield from merged


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
