"""Where and when an event is written to take place: its place, date and status, and the verbs that carry them.

"a summit in Budapest", "his October 16 call", "had a call on Tuesday", "a round of talks that was due
to open in X on Y", "is scheduled to travel on Saturday": the event word itself, or a verb it hangs on.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from kg.dates import MONTHS, WEEKDAYS, parse_published, resolve_date
from kg.extractors.entities import LOCALITY_NOUNS, PLACE_NOUNS, EntityTable, doc_ents, ents_within
from kg.extractors.lexicon import load_lexicon, word_list
from kg.model import COUNTRY, GOVERNMENT_BODY, PERSON, PLACE, DateValue, Document

PLACE_PREPOSITIONS = {"in", "at"}
BUILDINGS = {GOVERNMENT_BODY}  # bodies named by their seat: "met at the White House", "talks at the Kremlin"
# Places a happening was close to or moved through: "sank near Lampedusa", "marched through Madrid".
NEAR_PREPOSITIONS = {"off", "near", "outside", "through", "across"}
ROUTE_PREPOSITIONS = {"from", "to"}  # the ends of a march's route: "marched from X to the parliament in Y"
ROUTE_VERBS = word_list("route_verbs")
TARGET_PREPOSITIONS = {"on", "against"}  # "an attack on a market in Kandahar": the place of what is hit
MOURNED_PREPOSITIONS = {"for"}  # "funerals for the victims in Bannu": the place of those it is held for
MODIFIER_DEPS = ("compound", "nmod", "amod")  # the words before a noun that may name where it is
SIDE_EVENT_NOUNS = word_list("side_event_nouns")  # "on the margins of the Assembly in New York"
EDGE_NOUNS = word_list("edge_nouns")
TRIP_NOUNS = word_list("trip_nouns")
DATE_LABELS = {"DATE", "TIME"}  # a TIME is read only when it resolves to a day: "10 p.m." does not
DATE_PREPOSITIONS = {"on", "in", "during", "from"}  # ("the first election since 1990" was not held in 1990)
# Words before a date that make it no time of a happening: "since 2021" (a start), "by 2028" (a deadline).
NOT_WHEN_WORDS = {"since", "by"}
GOVERNED_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr"}
PARTICIPANT_PREPOSITIONS = {"with", "between"}
# marks that open and close a quotation (not single quotes, which are also apostrophes: entities.OPENING_QUOTES
# reads those for nicknames)
QUOTATION_OPENERS = {"\u201c", "``"}
QUOTATION_CLOSERS = {"\u201d", "''"}
HYPHENS = {"-", "\u2013", "\u2014"}
PLANNED = word_list("planned")
HYPOTHETICAL = word_list("hypothetical")
CANCEL_VERBS = word_list("cancel_verbs")
POSTPONE_VERBS = word_list("postpone_verbs")
HAPPENED_VERBS = word_list("happened_verbs")
MOTION_VERBS = word_list("motion_verbs")
STOP_WORDS = MOTION_VERBS | TRIP_NOUNS  # the lemmas of the words that tell a stop of a trip
ARRIVAL_VERBS = {"arrive"}  # verbs of going whose "in X" is where they go
LIGHT_VERBS = word_list("light_verbs")
OPENING_VERBS = word_list("opening_verbs")
RELATIVE_DAY_WORDS = {"prior", "before"}  # heads of "the day prior", "the day before"
DAY_PART_WORDS = {"night", "morning", "afternoon", "evening"}  # heads of "last night", "this morning" (often no DATE)
FUTURE_AUXILIARIES = {"will", "would", "'ll", "shall", "to"}
PRECISION = ("date", "gMonthDay", "gYearMonth", "gYear")  # datatypes of dates, most precise first
LATE_DAYS = 30  # a future event dated up to this many days before publication keeps the publication year
REPORTING_VERBS = word_list("reporting_verbs")
FUTURE_WORDS = word_list("future_words")
SEQUENCE_PREPOSITIONS = word_list("sequence_prepositions")
SAME_TIME_MARKS = word_list("same_time_marks")
BARE_WEEKDAY = re.compile(r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)
# "July 6-11, 2022" -> "July 6, 2022": a range is dated by its first day.


def future(token: Token) -> bool:
    """Whether an event is told as still to come: "will travel", "is scheduled to meet", "due to open"."""
    for node in [token, *list(token.ancestors)[:4]]:
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "'ll", "shall"} or "would" in aux and _reported(node):
            return True  # "will meet", and "said troops would start their pullout on Monday"
        if node.lemma_.lower() in FUTURE_WORDS and any(c.dep_ == "xcomp" for c in node.children):
            return True
        if node.lemma_.lower() in FUTURE_WORDS and node.tag_ == "VBN" and aux & {"is", "are", "had", "been"}:
            return True  # "is scheduled for Sunday", "had been scheduled for April 16": the day planned
        if node.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                       for c in node.children):
            return True  # "is to be held"
        if node.pos_ == "VERB" and node.dep_ not in ("xcomp", "conj", "advcl", "relcl", "acl", "pcomp"):
            return False
    return False


def _reported(verb: Token) -> bool:
    """A clause of reported speech: "X said / declared / announced that troops would ..."."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS


def upcoming(date: DateValue | None, document: Document) -> DateValue | None:
    """A bare weekday of a future event is the coming one: "will meet on Saturday", or the day of
    publication when it is that weekday ("is due to meet on Thursday" in a Thursday article is today); a
    month and day without a year well past at publication is next year's (a few days past, it is this
    year's: a release on a trip under way, published late)."""
    if date is None:
        return None
    published = parse_published(document.published)
    if (date.datatype == "date" and date.value and published
            and dt.date.fromisoformat(date.value) < published - dt.timedelta(days=LATE_DAYS)
            and not re.search(r"\b\d{4}\b", date.text) and not BARE_WEEKDAY.match(date.text)):
        year = int(date.value[:4]) + 1
        value = f"{year}{date.value[4:]}"
        if year <= int(document.published[:4]) + 1 and valid_day(value):
            return DateValue(date.text, value, date.datatype)
    weekday = BARE_WEEKDAY.match(date.text)
    if weekday is None or published is None:
        return date
    coming = published + dt.timedelta(days=(WEEKDAYS[weekday.group(1).lower()] - published.weekday()) % 7)
    return DateValue(date.text, coming.isoformat(), "date")


def coming_month(date: DateValue | None, document: Document) -> DateValue | None:
    """A month named alone, of an event still to come, that is before the month of publication is next
    year's: "will travel to Apia in February" in a November article."""
    if (date is not None and date.datatype == "gYearMonth" and date.value and document.published
            and date.value < document.published[:7] and _month_alone(date.text)):
        return _years_moved(date, 1)
    return date


def _years_moved(date: DateValue, years: int) -> DateValue:
    """A month, `years` years later (earlier when negative)."""
    return DateValue(date.text, f"{int(date.value[:4]) + years}{date.value[4:]}", date.datatype)  # type: ignore[index]


def _month_alone(text: str) -> bool:
    """ "February", "in February": a month's name without a year or a word that counts from now ("last month")."""
    words = text.lower().split()
    return 0 < len(words) <= 2 and words[-1] in MONTHS and (len(words) == 1 or words[0] == "in")


def passed(date: DateValue | None, document: Document) -> DateValue | None:
    """A month and day (or a month) without a year, of a happening told as past, that falls after publication
    is last year's: "resigned on August 19" in a January article, "was held in September" in April."""
    published = parse_published(document.published)
    if (date is not None and date.datatype == "gYearMonth" and date.value and published
            and date.value > document.published[:7] and _month_alone(date.text)):
        return _years_moved(date, -1)
    if (date is None or date.datatype != "date" or not date.value or published is None
            or dt.date.fromisoformat(date.value) <= published or re.search(r"\b\d{4}\b", date.text)):
        return date
    value = f"{int(date.value[:4]) - 1}{date.value[4:]}"
    return DateValue(date.text, value, date.datatype) if valid_day(value) else date


def place_of(token: Token, table: EntityTable, with_people: bool = True, owner: bool = True) -> str | None:
    """A place written with the event: "summit in Budapest", "the Alaska summit", "to X for the summit",
    and with `owner` the place that has it: "Mozambique's elections"."""
    # the places written after the event word first: "the Pacific Islands Forum in Apia" is held in Apia
    for child in sorted(token.children, key=lambda c: c.i < token.i):
        if "\n" in token.doc[min(child.i, token.i) : max(child.i, token.i) + 1].text:
            continue  # a dateline or heading on its own line, not a modifier
        if child.dep_ in ("compound", "nmod", "amod", "npadvmod"):
            # "the Budapest meeting" names a place; "US-China talks" name the parties.
            key = table.key_at(child)
            if key and table.kind(key) == PLACE and not hyphen_joined(child):
                return key
        if child.dep_ == "poss" and owner:  # "Mozambique's general elections", "Lagos's floods"
            key = table.key_at(child)
            if key and table.kind(key) in (PLACE, COUNTRY):
                return key
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            for obj in child.children:
                key = table.key_at(obj) if obj.dep_ == "pobj" else None
                key = key or (named_by_of(obj, table) if obj.dep_ == "pobj" else None)
                seat = child.lower_ == "at" and key is not None and table.kind(key) in BUILDINGS
                if key and (table.kind(key) in (PLACE, COUNTRY) or seat):
                    return key  # "in Budapest", "at the White House"
                if obj.dep_ == "pobj" and (inner := place_within(obj, table)):
                    return inner  # "at a mine in Bolivia", "at the Cathedral of St Mary in Lima"
                if key is None and obj.dep_ == "pobj" and (named := _place_named_in(obj, table)):
                    return named  # "a strike at the company's Limpopo operations"
        if child.dep_ == "prep" and child.lower_ == "on":  # "met X on the sidelines of the Assembly in New York"
            for obj in (c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in SIDE_EVENT_NOUNS):
                key = next((k for t in obj.subtree for k in [table.key_at(t)]
                            if k and table.kind(k) in (PLACE, COUNTRY)), None)
                if key:
                    return key
        if child.dep_ == "prep" and child.lower_ in ROUTE_PREPOSITIONS and token.lemma_.lower() in ROUTE_VERBS:
            for obj in (c for c in child.children if c.dep_ == "pobj"):  # "marched from the town hall in X"
                key = table.key_at(obj) or place_within(obj, table)
                if key and table.kind(key) in (PLACE, COUNTRY):
                    return key
        if child.dep_ == "prep" and child.lower_ in NEAR_PREPOSITIONS | TARGET_PREPOSITIONS | MOURNED_PREPOSITIONS:
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                key = (table.key_at(obj) or named_by_of(obj, table)) if child.lower_ in NEAR_PREPOSITIONS else None
                key = key or place_within(obj, table)  # "the ambush on a convoy near Dori"
                if key and table.kind(key) in (PLACE, COUNTRY):
                    return key
    if (where := where_place(token, table)) is not None:
        return where
    for holder in attached_people(token) if with_people else []:  # "a summit with X in Vienna", "meet X in Lisbon"
        key = place_within(holder, table)
        if key:
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


def stop_of(sent: Span, table: EntityTable, document: Document) -> tuple[str | None, DateValue | None]:
    """The place a sentence travels to or opens in, and the date it gives that stop: "will travel to Riga
    on March 7", "In Rabat, the Secretary ..."."""
    for token in table.tokens[sent.start : sent.end]:
        if token.lemma_.lower() not in STOP_WORDS:
            continue
        place = motion_place(token, table)
        if place is None and token.lemma_.lower() in TRIP_NOUNS:  # "will start his trip in Israel"
            place = place_of(token, table, with_people=False)
        if place is None and token.lemma_.lower() in TRIP_NOUNS:  # "her final stop will be Dushanbe"
            named = _stop_named(token, table, document)
            if named[0] is not None:
                return named
        if place is not None:
            date = date_of(token, document) or (clause_date(token, document) if token.pos_ == "VERB" else None)
            date = date or where_date(token, document)  # "travel to Hanoi, where on February 18 he will ..."
            if date is None and token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj") and token.head.pos_ == "VERB":
                date = date_of(token.head, document)  # "will conclude her travel in Kigali from March 15 to 16"
            return place, date
    opener = next((t for t in table.tokens[sent.start : sent.end] if not t.is_space), None)
    if opener is not None and opener.lower_ in PLACE_PREPOSITIONS:
        for obj in (c for c in opener.children if c.dep_ == "pobj"):
            key = table.key_at(obj)
            if key and table.kind(key) in (PLACE, COUNTRY):
                return key, _opening_date(sent, document)  # "In Astana on October 7 and 8, the Secretary ..."
    return None, None


def _opening_date(sent: Span, document: Document) -> DateValue | None:
    """The date written in a sentence's opening phrase, before its first comma."""
    comma = next((t.i for t in sent if t.text == ","), None)
    return _first_date(sent.doc[sent.start : comma], document) if comma is not None else None


def _first_date(words: Span, document: Document) -> DateValue | None:
    """The first date written in some words that resolves to a day, month or year, read along the words (the
    parse may hang it on an auxiliary)."""
    for ent in ents_within(words):
        value = resolve_date(ent.text, document.published) if ent.label_ in DATE_LABELS else None
        if value is not None and value.value:
            return value
    return None


def where_date(verb: Token, document: Document) -> DateValue | None:
    """The date of a "where" clause on the place a verb of going goes to: "will travel to Hanoi, where on
    February 18 he will co-chair the Dialogue"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in")):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            found = _date_where(place, document)
            if found is not None:
                return found
    return None


def _date_where(place: Token, document: Document) -> DateValue | None:
    """The date of a "where" clause on a place: "Hanoi, where on February 18 he will ..."."""
    doc = place.doc
    for clause in (c for c in place.children if c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children)):
        found = _first_date(doc[clause.left_edge.i : clause.right_edge.i + 1], document)
        if found is not None:
            return found
    after = place.i + 1 + (place.i + 1 < len(doc) and doc[place.i + 1].text == ",")
    if after < place.sent.end and doc[after].lower_ == "where":  # read along the words when the parse
        return _first_date(doc[after : place.sent.end], document)  # hangs "where" elsewhere
    return None


def _stop_named(noun: Token, table: EntityTable, document: Document) -> tuple[str | None, DateValue | None]:
    """The place a trip noun is said to be, and its date: "Her final stop will be Dushanbe, where on April
    26 she will ...", "The first stop is Lima on May 3"."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return None, None
    for attr in (c for c in noun.head.children if c.dep_ == "attr"):
        key = table.key_at(attr)
        if key and table.kind(key) in (PLACE, COUNTRY):
            return key, date_of(noun.head, document) or _date_where(attr, document)
    return None, None


def where_place(token: Token, table: EntityTable) -> str | None:
    """ "Bajhang, where a landslide buried a bus": the place a "where" clause hangs on."""
    for node in [token, *list(token.ancestors)[:3]]:
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            key, city = table.key_at(node.head), table.key_at(node.head.head)
            if key and table.kind(key) == COUNTRY and city and table.kind(city) == PLACE:
                return city  # "in Brussels, Belgium where ...": the city
            return key if key and table.kind(key) in (PLACE, COUNTRY) else None
    return None


def place_within(noun: Token, table: EntityTable, depth: int = 1) -> str | None:
    """The named place a common noun lies in, or is near: "a mine in Bolivia", "a hotel in the city of
    Mina", "a bridge near Gori", "supporters at the Mzuzu stadium", and once through "of": "the government of
    Kiribati in Tarawa"."""
    for prep in (c for c in noun.children if c.dep_ == "prep"
                 and (c.lower_ in PLACE_PREPOSITIONS or c.lower_ in NEAR_PREPOSITIONS)):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            key = table.key_at(obj) or named_by_of(obj, table) or _place_named_in(obj, table)
            if key and table.kind(key) in (PLACE, COUNTRY):
                return key
    if depth > 0:
        owners = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj"]
        return next((k for o in owners for k in [place_within(o, table, depth - 1)] if k), None)
    return None


def _place_named_in(noun: Token, table: EntityTable) -> str | None:
    """A place named as a modifier of a common noun, or of the noun modifying it: "the company's Limpopo
    operations", "the Tamsa camp", "the Tamsa refugee camp"."""
    modifiers = [c for c in noun.children if c.dep_ in MODIFIER_DEPS]
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ in MODIFIER_DEPS]
    return next((k for c in modifiers for k in [table.key_at(c)] if k and table.kind(k) == PLACE), None)


def off_place(verb: Token, table: EntityTable) -> str | None:
    """ "crashed off the coast of Gabon", "sank near Lampedusa": the place a happening was close to."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in NEAR_PREPOSITIONS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            key = table.key_at(obj)
            if key is None and obj.lemma_.lower() in EDGE_NOUNS:  # "the coast of X", "the outskirts of X"
                key = next((table.key_at(p) for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"), None)
            key = key or place_within(obj, table)  # "near a market in Kandahar"
            if key and table.kind(key) in (PLACE, COUNTRY):
                return key
    return None


def object_place(verb: Token, table: EntityTable) -> str | None:
    """The place a verb's object is, or is in: "floods hit Genoa", "killed dozens of fans in Lagos"."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        key = table.key_at(obj) or named_by_of(obj, table)
        if key and table.kind(key) in (PLACE, COUNTRY):
            return key
        for noun in (obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj")):
            place = place_within(noun, table)
            if place:
                return place
    return None


def named_by_of(noun: Token, table: EntityTable) -> str | None:
    """ "the town of Izium", "the city of Lviv", "Baghdad's Sadr City district": the place a common noun
    is named by (of several names before it, the nearest)."""
    if noun.lemma_.lower() not in PLACE_NOUNS:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            return table.key_at(obj)
    for child in sorted((c for c in noun.children if c.dep_ in ("compound", "poss")), key=lambda c: -c.i):
        key = table.key_at(child)
        if key and table.kind(key) in (PLACE, COUNTRY):
            return key
    return None


def round_of(token: Token) -> Token:
    """ "a round of talks": the round is what is held, cancelled or dated."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("round", "series", "day"):
        return head.head
    return token


def carriers(token: Token) -> list[Token]:
    """Verbs that carry an event noun's date and place: "had a call on Tuesday", "welcomed X to Nairobi for
    two days of talks", "a round of talks that was due to open in Tromso", "the round, held in Reykjavik", "the
    meeting is due to be held in X"."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
            found += clause_verbs(child)
    for noun in token.subtree:  # "talks on fishing quotas that were due to open in X": a late relative clause
        if noun.i > token.i and noun.dep_ == "pobj":
            for clause in (c for c in noun.children if c.dep_ == "relcl"):
                verbs = clause_verbs(clause)
                if any(v.lemma_.lower() in OPENING_VERBS for v in verbs):
                    found += verbs
    node = token
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
        node = node.head.head  # "two days of talks"
    head = node.head
    if node.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in LIGHT_VERBS:
        found.append(head)
    elif node.dep_ in ("nsubj", "nsubjpass"):  # "the referendum is to be held from X", "the summit is set to be
        #                                            held in X", "the meeting is due to take place in X"
        held = [c for c in head.children if c.dep_ == "xcomp"]
        held += [v for a in head.children if a.dep_ == "acomp" for v in a.children if v.dep_ == "xcomp"]
        found += [v for v in held if v.lemma_.lower() in LIGHT_VERBS and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in v.children)]
    elif node.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ in ("VERB", "AUX"):
        found.append(head.head)
    return found


def governing_verbs(token: Token, hops: int) -> list[Token]:
    """The verbs an event word is the subject, object or prepositional object of, nearest first:
    "a stampede killed 345 pilgrims in Mecca" (killed), "died in a collapse on Thursday" (died)."""
    found: list[Token] = []
    node = token
    for _ in range(hops):
        if node.head.i == node.i or node.dep_ not in GOVERNED_DEPS:
            break
        node = node.head
        if node.lower_ in SEQUENCE_PREPOSITIONS:
            break  # "After the funeral, X will meet Y on April 13": the meeting's day, not the funeral's
        if node.pos_ in ("VERB", "AUX"):
            found.append(node)
            if (told_with := simultaneous_head(node)) is not None:
                found.append(told_with)  # "detained 100 people on Saturday as they broke up a rally"
                break
        elif node.pos_ != "ADP":
            break  # "plans for a meeting were shelved on X": the date is the plans', not the meeting's
    return found


def simultaneous_head(verb: Token) -> Token | None:
    """The verb of the clause a "when"/"as"/"while" clause is told at the time of: "five soldiers were killed
    last Tuesday when their convoy was ambushed" (killed), or None."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    marked = any(c.dep_ in ("mark", "advmod") and c.lower_ in SAME_TIME_MARKS and c.i < verb.i for c in verb.children)
    earlier = any(c.dep_ == "aux" and (c.lemma_ == "have" and c.tag_ == "VBD" or c.tag_ == "MD") for c in verb.children)
    return verb.head if marked and not earlier else None  # (not "fell, as analysts had expected a loss")


def clause_verbs(verb: Token) -> list[Token]:
    """A clause's verb with its complements: "was due to open" -> was, due, open."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "acomp") or to_infinitive(c)]
    found = [verb, *complements]
    found += [g for c in complements for g in c.children if g.dep_ == "xcomp" or to_infinitive(g)]
    return found


def to_infinitive(token: Token) -> bool:
    """ "set to take place": an adverbial clause with "to", read as the verb's complement."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def to_place(token: Token, table: EntityTable, preposition: str = "to") -> str | None:
    """The place in "to X" (or another preposition): "a visit to Kyiv", "will travel to Bali"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            for obj in child.children:
                key = table.key_at(obj) if obj.dep_ == "pobj" else None
                if key and table.kind(key) in (PLACE, COUNTRY):
                    return key
                if key is None and obj.dep_ == "pobj" and (
                        inner := place_within(obj, table, depth=0) or named_by_of(obj, table)
                        or obj.lemma_.lower() in LOCALITY_NOUNS and _place_named_in(obj, table)):
                    return inner  # "a visit to the Coast Guard's headquarters in Manila", "to the Atlantic port of
                    #               Tema" (the port's name, not the ocean's), "to Kaloma district"
    return None


def motion_place(verb: Token, table: EntityTable) -> str | None:
    """Where a verb of going goes: "travel to X", "travel on to X", "visit X"."""
    if verb.lemma_.lower() not in MOTION_VERBS:
        return None
    place = to_place(verb, table)
    if place is None and verb.lemma_.lower() == "visit":  # "will visit Warsaw for talks", "the Tamsa camp"
        objects = [table.key_at(c) or _place_named_in(c, table) or place_within(c, table, depth=0)
                   for c in verb.children if c.dep_ == "dobj"]
        place = next((k for k in objects if k and table.kind(k) in (PLACE, COUNTRY)), None)
    if place is None and verb.lemma_.lower() in ARRIVAL_VERBS:  # "will arrive in Manila on February 19"
        place = to_place(verb, table, "in")
    if place is None:  # "travel on to X": the particle sits between
        for child in verb.children:
            if child.dep_ in ("prt", "advmod") and child.lower_ == "on":
                place = to_place(child, table)
    return place


def attached_people(token: Token) -> list[Token]:
    """The people an event is with: its objects and "with"/"between" objects."""
    found = [c for c in token.children if c.dep_ in ("dobj", "oprd")]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in PARTICIPANT_PREPOSITIONS:
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def hyphen_joined(token: Token) -> bool:
    """Whether a token is joined to a neighbour by a hyphen: "US-China talks"."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return before in HYPHENS or after in HYPHENS


WEEK_AFTER_DAY = re.compile(r"(?:next|last|this|coming|past|previous) week", re.I)  # "Thursday [next week]"


def date_ent(token: Token) -> Span | None:
    """The DATE entity holding a token, or the TIME entity of a day ("Saturday night", "yesterday morning"),
    or None (by an index of the Doc's dates, built once per Doc)."""
    global _date_index
    if _date_index[0] is not token.doc:
        index = {i: ent for ent in _joined_weeks(token.doc) for i in range(ent.start, ent.end)}
        _date_index = (token.doc, index)
    return _date_index[1].get(token.i)


def _joined_weeks(doc: Doc) -> list[Span]:
    """The DATE (and day TIME) entities of a Doc, a weekday and the week after it joined as one: the model reads
    "on Thursday next week" as two dates, "Thursday" and "next week", the day of that week."""
    dates = [ent for ent in doc_ents(doc) if ent.label_ in DATE_LABELS]
    joined: list[Span] = []
    for ent in dates:
        before = joined[-1] if joined else None
        if before is not None and before.end == ent.start and WEEK_AFTER_DAY.fullmatch(ent.text) \
                and before.text.lower() in WEEKDAYS:
            joined[-1] = Span(doc, before.start, ent.end, label=before.label_)
        else:
            joined.append(ent)
    return joined


_date_index: tuple[object, dict[int, Span]] = (None, {})  # the Doc last read, and its token -> DATE entity


def date_of(token: Token, document: Document) -> DateValue | None:
    """A date written with the event: "on Oct. 16", "his October 16 call", "in August"."""
    scheduled = token.lemma_.lower() in FUTURE_WORDS and token.tag_ == "VBN"  # "scheduled for May 3", "set for"
    for child in token.children:
        phrase = None
        if child.dep_ == "prep" and (child.lower_ in DATE_PREPOSITIONS or scheduled and child.lower_ == "for"):
            objects = [o for o in child.children if o.dep_ == "pobj"]
            ent = date_ent(objects[0]) if objects else None
            phrase = f"{child.text} {ent.text}" if ent else None
        elif child.dep_ in ("compound", "nmod", "npadvmod", "nummod", "tmod") or child.i < token.i:
            ent = date_ent(child)
            phrase = ent.text if ent else None
        if phrase is None and child.dep_ in ("advmod", "npadvmod") and (
                child.lower_ in RELATIVE_DAY_WORDS or child.lower_ in DAY_PART_WORDS):
            phrase = child.doc[child.left_edge.i : child.right_edge.i + 1].text  # "the day prior": no DATE
        if not phrase:
            continue
        if scheduled and child.lower_ == "for":  # "scheduled for Sunday": the coming one
            value = upcoming(resolve_date(ent.text, document.published), document)
        else:
            value = resolve_date(phrase, document.published)
        if value is not None:
            return value
    return None


def valid_day(value: str) -> bool:
    """Whether an ISO date string names a real day."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def clause_date(verb: Token, document: Document) -> DateValue | None:
    """A date written anywhere in a verb's own clause: "will travel to Lima, Peru, March 6-9"; the most
    precise one when there are several ("Yesterday, day five of the 2018 World Cup, A defeated B")."""
    found: list[DateValue] = []
    for ent in ents_within(verb.sent):
        if ent.label_ not in DATE_LABELS or not_when(ent):
            continue
        if clause_verb(ent.root).i == verb.i and not in_agent(ent.root) and not in_sequence_object(ent.root):
            value = resolve_date(ent.text, document.published)
            if value is not None and ent.start > 0 and verb.doc[ent.start - 1].lower_ == "for" \
                    and BARE_WEEKDAY.match(ent.text):  # "called a strike for Thursday": the coming one
                value = upcoming(value, document)
            if value is not None and value.value:
                found.append(value)
    return min(found, key=lambda d: PRECISION.index(d.datatype or "gYear")) if found else None


def in_agent(token: Token) -> bool:
    """Whether a word lies in the agent of a passive ("was overshadowed by a shooting on Monday near X"):
    its date and place are the agent's."""
    return any(a.dep_ == "agent" for a in token.ancestors)


def in_sequence_object(token: Token) -> bool:
    """Whether a word lies in another happening something is told after or before ("came ten days after an
    attack on the village on 11 October"): its date is that happening's (not "shortly after 2am on Thursday")."""
    events = load_lexicon().events
    return any(a.dep_ == "pobj" and a.head.lower_ in SEQUENCE_PREPOSITIONS and a.pos_ == "NOUN"
               and (a.lower_ in events or a.lemma_.lower() in events) for a in [token, *token.ancestors])


def clause_verb(token: Token) -> Token:
    """The verb whose clause holds a token: the token itself or its nearest verb above (the root when none)."""
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def not_when(date: Span) -> bool:
    """Whether a date is written as a start or a deadline, not as the time of a happening: "since 2021",
    "conclude the talks by 2028"; or as part of a name: "the region's 2050 Strategy", "the 2030 Agenda", "the
    Appropriations Act, 2026"."""
    root = date.root
    named = root.dep_ in ("compound", "nummod", "nmod", "amod") and root.head.i >= date.end \
        and root.head.pos_ == "PROPN" and root.head.text[:1].isupper() and root.head.ent_type_ not in DATE_LABELS \
        and root.head.lemma_.lower() not in load_lexicon().events  # (not "the 2019 Summit": the summit's year)
    return named or law_year(date) or date.start > 0 and date.doc[date.start - 1].lower_ in NOT_WHEN_WORDS


def law_year(date: Span) -> bool:
    """Whether a date is the year in a law's name: "the ... Appropriations Act, 2026"."""
    return date.start >= 2 and date.doc[date.start - 1].text == "," and date.doc[date.start - 2].lower_ == "act"


def status_of(token: Token) -> str | None:
    """The status an event word is written with: cancelled, postponed, planned, hypothetical, happened."""
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
    if (verb is not None and verb.lemma_ in HAPPENED_VERBS and verb.tag_ in ("VBD", "VBN")
            and not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children)):
        return "Happened"  # "was held", not "will be held"
    return None


def countries_named(sent: Span, table: EntityTable, unquoted: bool = False) -> set[str]:
    """The countries a sentence names, by name or demonym, and the countries of the cities it names; with
    `unquoted`, not the ones named in a quotation ("... a life saved in Ukraine," the Under Secretary said)."""
    skipped = quoted_tokens(sent) if unquoted else set()
    found = set()
    for start, _, key in table.mentions_in(sent.start, sent.end):
        if start in skipped:
            continue
        if table.kind(key) == COUNTRY:
            found.add(key)
        elif table.kind(key) == PLACE and (country := country_of_place(key, sent, table)):
            found.add(country)
    # (a word written in lower case, or that is no country's name or demonym, names no country: that is read
    # first, before the walk up the tree)
    lexicon = table.lexicon
    found |= {c for t in table.tokens[sent.start : sent.end] if t.pos_ in ("ADJ", "PROPN", "NOUN")
              and t.i not in skipped and (text := t.text)[:1].isupper() and not table.key_at(t)
              and (lexicon.demonym(text) or lexicon.country(text)) and not describes_person(t, table)
              for c in [table.country_of_word(t)] if c}
    return found


def quoted_tokens(sent: Span) -> set[int]:
    """The tokens of a sentence inside quotation marks, the marks included; a closing mark with no opening one
    before it closes a quotation the sentence began inside."""
    inside, found = False, set()
    for token in sent:
        text = token.text
        if text == '"':
            inside = not inside
            found.add(token.i)
        elif text in QUOTATION_OPENERS:
            inside = True
            found.add(token.i)
        elif text in QUOTATION_CLOSERS:
            found |= set(range(sent.start, token.i + 1)) if not inside else {token.i}
            inside = False
        elif inside:
            found.add(token.i)
    return found


def describes_person(token: Token, table: EntityTable) -> bool:
    """A demonym that describes someone named: "Russian journalist X", "the Polish minister, X"."""
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if table.key_at(node) and table.kind(table.key_at(node) or "") == PERSON:
            return True
        if node.pos_ not in ("NOUN", "PROPN"):
            return False
    return False


def country_of_place(place: str, sent: Span, table: EntityTable) -> str | None:
    """The country of a place: written after it ("Riga, Latvia"), else known for the city."""
    for _, end, key in table.mentions_in(sent.start, sent.end):
        after = table.key_at(end + 1) if end + 1 < sent.end and sent.doc[end].text == "," else None
        if key == place and after and table.kind(after) == COUNTRY:
            return after
    city_country = table.lexicon.city_country(table.label(place))
    return table.ensure(city_country, COUNTRY) if city_country else None
