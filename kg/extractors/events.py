"""Event facts: summits, meetings, phone calls, visits, talks, ... with their date, place and status."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.dates import counted_from, resolve_date
from kg.extractors.circumstances import (
    DATE_LABELS,
    PARTICIPANT_PREPOSITIONS,
    RELATIVE_DAY_WORDS,
    REPORTING_VERBS,
    carriers,
    clause_date,
    clause_verb,
    coming_month,
    countries_named,
    country_of_place,
    date_ent,
    date_of,
    future,
    governing_verbs,
    in_agent,
    in_sequence_object,
    motion_place,
    named_by_of,
    not_when,
    object_place,
    off_place,
    passed,
    place_of,
    place_within,
    round_of,
    simultaneous_head,
    status_of,
    stop_of,
    to_infinitive,
    to_place,
    upcoming,
    where_date,
)
from kg.extractors.context import HomeContext
from kg.extractors.entities import PLACE_NOUNS, SITE_NOUNS, EntityTable, doc_ents, ents_within, glued_hyphen
from kg.extractors.evidence import make_evidence
from kg.extractors.lexicon import VerbRule, word_list
from kg.model import COUNTRY, GOVERNMENT_BODY, PERSON, PLACE, DateValue, Document, EventFact

PHONE_WORDS = word_list("phone_words")
ROUNDS = {"round", "rounds"}
INVITING_VERBS = word_list("inviting_verbs")
DEMANDING_MODALS = {"must", "could", "may", "might"}  # told as owed or possible ("should" also plans)
NOT_EVENT_PARTICLES = {"out", "up", "down"}  # "ruled out", "called up", "shut down": no event told
# Prepositions that give the place of some kinds of event: "the pullout from Georgia" (the place left),
# "attacks against Erbil" (the place struck).
FAMILY_PLACE_PREPOSITIONS = {"withdrawal": "from", "attack": "against"}
ACTOR_FAMILIES = {"attack"}  # "Iran's attacks": the possessor acts; it is not the place
PARTY_FAMILIES = {"match", "meeting", "call"}  # families whose verbs take their parties as objects
# families whose types are distinct happenings even on one day: a lawsuit, an appeal and a ruling
TYPED_FAMILIES = {"court", "disaster"}
# a court's judgment told as a ruling, a conviction or a sentence: one happening ("found X guilty and sentenced him")
JUDGMENT_TYPES = {"ruling", "conviction", "sentencing"}
DEFINITE_DETERMINERS = {"the", "this", "that"}
ORDINAL_WORDS = word_list("ordinal_words")  # "her second trip", "the first visit by ...": one told again
DESTINATION_VERBS = {"travel", "fly"}  # verbs of event_verbs.tsv that tell a visit only with where it goes
PREPOSITIONAL_PARTICLES = {"on"}  # particles of event_verbs.tsv the parse reads as a preposition: "call on X"
TOLD_AGAIN_FAMILIES = {"disaster", "attack"}  # families whose happening, told again with "the", is the same one
# families whose own word, with "the", tells again the one told before ("the ceremony", "the visit"); not "the
# meeting", which an article uses for several
FAMILY_WORDS_TOLD_AGAIN = {"ceremony", "visit"}
SERIES_FAMILIES = {"match"}  # families whose plural names a series, not one happening
PARTY_PREPOSITIONS = {"with", "against"}  # the other side of a clash or a fight
MATCH_PARTY_PREPOSITIONS = {"with", "to", "by"}  # "drew with X", "lost to X", "were held by X"
INSTITUTION_FAMILIES = {"court", "election"}  # acted by a country's institutions: "a Greek court ruled"
# Happenings that, undated and placed only in a whole country, tell a war or a policy: (family, type)
COUNTRYWIDE = {("attack", "attack"), ("attack", "shelling"), ("attack", "bombing"), ("court", "arrest")}
NATIONWIDE_WORDS = {"national", "nationwide", "countrywide"}  # "a national day of mourning": the whole country's
NATIONAL_FAMILIES = {"election"}  # dated, held in the one country their sentence names when they name no place
STOP_FAMILIES = {"meeting", "visit", "conference", "ceremony"}  # events held at the stop of a trip
# happenings held nowhere in particular, which take no place from the country a report is about
UNSITED_FAMILIES = {"call", "appointment"}
STORY_SENTENCES = 2  # sentences that name a country for a report to be about it
# happenings that are held somewhere: dated without a place, they take the one place told around them
# (not a match: its sides are often named by their places, "Korea's striker was booked in the game")
PLACED_FAMILIES = {"protest", "attack", "meeting", "ceremony", "disaster", "conference", "court", "exercise", "launch",
                   "exhibition", "speech", "signing", "evacuation", "deployment", "coup", "auction", "release",
                   "seizure", "emergency", "death"}
# a place named as one who acts or is acted on, or as a modifier ("anti-Pyongyang propaganda"), is no site
NOT_SITE_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "amod", "compound", "npadvmod"}
SITE_PREPOSITIONS = {"in", "at", "near", "outside", "off"}  # "in Bannu": where something is
HEAD_HOPS = 3  # governing words searched for an event's date and place: "a stampede killed 345 in Mecca"
RECALL_VERBS = word_list("recall_verbs")
CARRIED_OUT_VERBS = word_list("carried_out_verbs")
BARRING_VERBS = word_list("barring_verbs")
BANNING_VERBS = word_list("banning_verbs")
HABITUAL_WORDS = word_list("habitual_words")
LABEL_PREPOSITIONS = {"in", "on", "at", "since", "from", "during", "until", "by"}
# words a date opening a sentence starts with, written in lower case inside a label ("evacuation the same day")
LOWER_IN_LABEL = LABEL_PREPOSITIONS | {"the", "that", "a", "last", "next", "later", "earlier", "this"}
RECALL_NOUNS = word_list("recall_nouns")
ENCOUNTER_VERBS = word_list("encounter_verbs")
NOT_HAPPENING_MODIFIERS = word_list("not_happening_modifiers")
KIND_STOP_WORDS = word_list("planned") | word_list("kind_stop_words")
EFFECT_MARKS = word_list("effect_marks")
SEQUENCE_VERBS = word_list("sequence_verbs")
KIND_WORDS = 3  # "monetary policy committee meeting": at most three words of kind before an event noun
WINNING_VERBS = word_list("winning_verbs")
NOT_DONE_VERBS = word_list("not_done_verbs")  # "demanded his resignation": asked for, not done
BRIEFING_WORDS = word_list("briefing_words")
SERVICE_NOUNS = word_list("service_nouns")
NOT_EVENT_ENTITIES = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
ARRIVAL_WORD = "arrival"  # the word of event_verbs.tsv's arrivals: the meeting held on arrival names it better
NAMED_EVENT_TYPE = "named event"  # the type of an event known only by its name ("the Paris Air Show")
SCORE = re.compile(r"\d+\s*[-\u2013\u2014]\s*\d+")  # "2-1", "3–0": a match's result
EVENT_POS = {"NOUN", "PROPN", "VERB", "AUX"}  # the parts of speech an event word can have ("is in Kyiv")
COUNTING_WORDS = {"after", "before"}  # "two days after the fire", "a day before the vote"
# a count of days from the happening told last: "the next day", "the following day", "two days later"
DAYS_LATER = re.compile(
    r"^(?:the\s+(?:next|following)\s+day|(?:\d+|a|one|two|three|four|five|six|seven)\s+days?\s+(?:later|earlier)"
    r"|(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+day|the\s+(?:previous|preceding)\s+day|the\s+day\s+before"
    r"|(?:(?:a\s+few|several|some|\d+|two|three|four|five|six)\s+)?hours\s+(?:later|earlier))$",
    re.I
)
DAY_UNITS = {"day", "week"}  # what a count of days is written in


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
    partners: int = 0  # people named as met: objects of the verb or of "with"/"between"
    word: str | None = None  # the event noun as written, which names the event better than its type
    at_stop: bool = False  # placed by the stop of a trip the sentence is part of
    guessed: bool = False  # placed by the article's dateline or the sentence before, not by its own words
    series: bool = False  # a series ("yesterday's matches"): no event, but it dates the ones told after it
    definite: bool = False  # written with "the"/"this": "the blast" refers to a blast told before


def extract_events(doc: Doc, table: EntityTable, document: Document, sentences: list[Span],
                   home: HomeContext | None = None) -> list[EventFact]:
    """Event facts of a document, mentions of one event merged into one fact."""
    home = home or HomeContext()
    found: list[_Event] = []
    tokens = table.tokens  # the tokens of `doc`, read once
    rounds = any(lower in ROUNDS and _is_event_noun(tokens[i], table) for i, lower in enumerate(table.lowers))
    stop: tuple[str | None, DateValue | None] = (None, None)
    stops: set[str] = set()  # every place the article travels to
    series_dates: dict[str, DateValue | None] = {}  # family -> the day a series of its events was dated
    for number, sent in enumerate(sentences):
        here = stop_of(sent, table, document)
        if here[0] is not None:  # a stop holds until the next one: "He will then meet with X" is still there
            stop = here
            stops.add(here[0])
        for i, token in enumerate(tokens[sent.start : sent.end], sent.start):
            if not _may_tell_event(i, table, rounds):
                continue  # (most words: the tests below read each word's head and children)
            if token.pos_ not in EVENT_POS and not _before_service(token) or token.ent_type_ in NOT_EVENT_ENTITIES:
                continue  # "March 3" is a date, not a march
            event = (_noun_event(token, table, document) or _verb_event(token, table, document)
                     or (_round_event(token, table, document) if rounds else None))
            if event is None or _negated(token) or _described_again(token, event, found, sent):
                continue
            if event.series:
                series_dates[event.family] = event.date or series_dates.get(event.family)
                continue
            event.date = event.date or series_dates.get(event.family)  # "Yesterday ... matches": each one's day
            if event.date is not None and event.date.value is None:
                event.date = None  # "this week", "in spring": a time that names no day, month or year dates nothing
            if event.date is None and (later := _days_later(token)) is not None:
                event.date = _counted_on(found, later)  # "The next day, she will tour a plant near Navoi"
            if event.date is None:
                event.date = _counted_from_told(token, found, table)  # "visited Moroto the day after the floods"
            if event.place is None and event.family in STOP_FAMILIES and stop[0] is not None and (
                    event.participants or event.partners or token.pos_ == "VERB"
                    or (event.label or event.date) and (stop[1] or len(stops) > 1)) and not (
                    event.date and stop[1] and len(event.date.value or "") < len(stop[1].value or "")):
                # (not one told for a vaguer time than the stop's day: "a summit later this year")
                # someone met, told by a verb, or named at a stop of a trip: "lead the delegation to the
                # U.S.-X Strategic Dialogue"
                event.place = stop[0]  # "will travel to Riga, Latvia, to meet with X": the meeting is in Riga
                event.date = event.date or stop[1]
                event.at_stop = True
            if event.place is None and event.date is not None and event.family in PLACED_FAMILIES:
                # "Hundreds attended funerals later Monday" after "a bomb hit a market in Bannu": the one place
                # its sentence names, else the one the sentence before names (in news, often a paragraph of
                # its own)
                event.place = _one_place(sent, table, within=clause_verb(token))
                if event.place is None and number:
                    event.place = _one_place(sentences[number - 1], table, strict=True)
                    event.guessed = event.place is not None
            if event.date is None and event.place is not None and not event.series:
                event.date = _one_date(sent, token, document, table)  # "at the X Forum in Warsaw, Poland, on October 6"
            if event.place is None and event.date is not None and event.family in NATIONAL_FAMILIES:
                countries = countries_named(sent, table)  # "Lithuania's opposition won Sunday's election"
                event.place = countries.pop() if len(countries) == 1 else None
            if event.place is None and event.date is not None and home.dateline is not None and not home.release:
                event.place = _dateline_site(event, home)  # "BANNU, Pakistan (AP) — ... on Monday"
                event.guessed = event.place is not None
            if event.place is not None and table.kind(event.place) == PLACE and _nationwide(token):
                # "a national day of mourning", "a nationwide strike": the country, not the town its sentence names
                event.place = country_of_place(event.place, sent, table) or event.place
            if event.place is None and event.date is None and not _told_encounter(token, event):
                continue
            if (event.date is None and (event.family, event.event_type) in COUNTRYWIDE and event.place is not None
                    and table.kind(event.place) == COUNTRY):
                continue  # "Russia's attack on Ukraine", "arrests in China": a war or a policy, no one happening
            event.evidence.append(make_evidence(sent, document, event.evidence.pop(), 0.7))
            if future(token) or _invited_to(token):
                event.status = event.status or "Planned"
                event.date = upcoming(event.date, document)
                if not _told_in_past(token.head if token.pos_ == "NOUN" else token):  # (not "who won the June vote")
                    event.date = coming_month(event.date, document)
            elif event.date is not None and _told_in_present(token):  # "the last flight launches June 28"
                event.date = upcoming(event.date, document)
                if event.date and event.date.value and document.published and event.date.value > document.published:
                    event.status = event.status or "Planned"
            elif _told_in_past(token):
                event.date = passed(event.date, document)
            event.sentence = sent.start
            found.append(event)
    for event in found:
        event.at_stop = event.at_stop or (event.family in STOP_FAMILIES and event.place in stops)
    _date_by_trip(found)
    found = [e for e in found if not _background_year(e, document)]
    merged = list(_merge(found, table))
    _place_in_story_country(merged, _story_country(sentences, table, home), home, document)
    return [_to_fact(e, table) for e in merged]


def _background_year(event: _Event, document: Document) -> bool:
    """A happening dated only by a year before the article's ("deadly protests last year", "the 2024
    election", "after serving a sentence in 2018"): background the article recalls, not its news; a mention of
    the same happening with a finer date still tells it."""
    return bool(event.date and event.date.datatype == "gYear" and event.date.value and document.published
                and event.date.value < document.published[:4])


def _may_tell_event(i: int, table: EntityTable, rounds: bool) -> bool:
    """Whether word i of the table's Doc may tell an event at all, by the lookups alone: a word of
    event_types.tsv by its form or lemma, the word after a hyphen ("run-off"), a verb of event_verbs.tsv,
    an event the model names, or a round once the article tells of rounds. `_noun_event`, `_verb_event`
    and `_round_event` find none in any other word, and read its head and children before they know."""
    events, lower = table.lexicon.events, table.lowers[i]
    if lower in events or rounds and lower in ROUNDS or i >= 2 and table.lowers[i - 1] == "-":
        return True
    token = table.tokens[i]
    lemma = token.lemma_
    return lemma in table.lexicon.event_verbs or lemma.lower() in events or token.ent_type_ == "EVENT"


def _place_in_story_country(events: list[_Event], country: str | None, home: HomeContext,
                            document: Document) -> None:
    """Dated happenings that no words place were held in the country the article is about: "clashes on
    Friday" in a report on a mine in Peru. Not where two sides met (told without a place, it may have been a
    call), nor a government's own doings on the day of its release."""
    if country is None:
        return
    for event in events:
        if (event.place is None and event.date is not None and event.date.value
                and event.family not in UNSITED_FAMILIES and len(event.participants) < 2
                and not (home.release and event.date.value == document.published)):
            event.place, event.guessed = country, True


def _story_country(sentences: list[Span], table: EntityTable, home: HomeContext) -> str | None:
    """The one country an article is about: named (or by its towns) in at least STORY_SENTENCES of its
    sentences and in twice as many as any other country; a government's release is not about its own."""
    counts = Counter(c for sent in sentences for c in countries_named(sent, table)
                     if not (home.release and c == home.country)).most_common(2)
    if not counts or counts[0][1] < STORY_SENTENCES or len(counts) > 1 and counts[0][1] < 2 * counts[1][1]:
        return None
    return counts[0][0]


def _dateline_site(event: _Event, home: HomeContext) -> str | None:
    """Where a dated happening that names no place was, in a news report with a dateline: the dateline's
    town for a happening held at a site on a given day (not "talks in 2028"), its country for an election."""
    if event.family in NATIONAL_FAMILIES:
        return home.country
    if event.family in PLACED_FAMILIES and event.date is not None and len(event.date.value or "") == len("2026-01-01"):
        return home.dateline
    return None


def _told_in_present(token: Token) -> bool:
    """ "launches June 28", "the exhibit opens Thursday": a present tense that tells what is to come; not a
    present that reacts to it ("condemns Saturday's bombing")."""
    if token.pos_ != "VERB" and token.dep_ == "dobj":
        return False
    if token.pos_ != "VERB" and any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBD" for c in token.children):
        return False  # "remain missing after a landslide buried the town on Saturday": told in the past
    verb = token if token.pos_ == "VERB" else token.head
    if verb.dep_ == "prep":  # "go to the polls on Friday in a general election"
        verb = verb.head
    told_with = simultaneous_head(verb)
    if told_with is not None and (_told_in_past(told_with) or told_with.tag_ == "VBN"
                                  and not any(c.dep_ == "aux" for c in told_with.children)):
        return False  # "clashed with police on Tuesday as protests spread": at the time of a past clause (which the
        #               model may tag as a participle with no auxiliary)
    return verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be"


def _told_in_past(token: Token) -> bool:
    """ "resigned on August 19", "the meeting was held on May 3": a happening told in a past tense."""
    if token.pos_ not in ("VERB", "AUX") and token.dep_ not in ("nsubj", "nsubjpass"):
        return False  # "called a strike for Thursday": a happening named as an object may still be to come
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _one_date(sent: Span, word: Token, document: Document, table: EntityTable) -> DateValue | None:
    """The one day, month or year a sentence gives, when it gives just one and not inside a clause of its own
    that does not hold the event's word ("X, who was elected in 2019, visited Maputo"), nor written on another
    happening's word ("the ruling ... said the party had failed to overturn the March 14 vote") or in what it is
    told after ("The visit came ten days after an attack on the village on 11 October")."""
    holders = {a.i for a in word.ancestors} | {word.i}
    found = [value for ent in ents_within(sent) if ent.label_ == "DATE" and not not_when(ent)
             and not any(a.i not in holders and a.dep_ in ("relcl", "acl", "advcl") for a in ent.root.ancestors)
             and not _reporting_date(ent.root)  # "has canceled the summit, his office said on Monday"
             and not (in_sequence_object(ent.root) and not in_sequence_object(word))  # "came after an attack on X"
             and not (ent.root.head.i != word.i and ent.root.dep_ in ("compound", "nmod", "npadvmod", "poss")
                      and _event_entry(ent.root.head, table))
             for value in [resolve_date(ent.text, document.published)] if value is not None and value.value]
    return found[0] if len({d.value for d in found}) == 1 else None


def _reporting_date(date: Token) -> bool:
    """Whether a date tells when something was said: it hangs on a verb of saying."""
    verb = next((a for a in date.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in REPORTING_VERBS


def _one_place(sent: Span, table: EntityTable, strict: bool = False, within: Token | None = None) -> str | None:
    """The one town or site a sentence names where something is, if it names just one: not a capital that
    speaks ("Pyongyang said") nor a side named by its place ("beat Korea"); with `strict`, only one written
    after "in", "at", "near" and the like ("in Bannu", "near the town of Kita"). Of several, the one the
    clause of the verb `within` names ("signed a deal in Oslo, and a patrol began in the Barents Sea")."""
    places = {(start, key) for start, end, key in table.mentions_in(sent.start, sent.end) if table.kind(key) == PLACE
              and _where_something_is(table.doc[start:end].root, strict)
              and not in_agent(table.doc[start:end].root)}  # ("overshadowed by a shooting near X": the shooting's)
    keys = {key for _, key in places}
    if len(keys) > 1 and within is not None:
        clause = {t.i for t in within.subtree} - {t.i for c in within.children if c.dep_ == "conj" and c.pos_ == "VERB"
                                                   for t in c.subtree}
        keys = {key for start, key in places if start in clause}
    return keys.pop() if len(keys) == 1 else None


def _where_something_is(name: Token, strict: bool) -> bool:
    """Whether a name tells where something is, not who acts or is acted on."""
    if not strict:
        return name.dep_ not in NOT_SITE_DEPS and not (name.dep_ == "conj" and name.head.dep_ in NOT_SITE_DEPS)
    head = name.head
    if name.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "pobj":
        name, head = head.head, head.head.head  # "near the town of Kita"
    return name.dep_ == "pobj" and head.lower_ in SITE_PREPOSITIONS


def _date_by_trip(events: list[_Event]) -> None:
    """Engagements at the stops of a trip without a day of their own take the day of their stop ("will
    travel to Dhaka on January 30. In Dhaka, she will meet with X"), else the trip's first day: a release on
    travel "July 6-11" that says "In Bangkok, he will meet with X" and dates no stop."""
    trip = next((e for e in events if e.family == "visit" and e.date is not None and e.date.value), None)
    if trip is None:
        return
    stop_days = {}  # the first day told for each place the trip stops at
    for event in events:
        if event.family == "visit" and event.place and event.date is not None and event.date.value:
            stop_days.setdefault(event.place, event.date)
    for event in events:
        if event.at_stop and event.date is None and event is not trip and event.family != "visit":
            event.date = stop_days.get(event.place, trip.date)  # (a "trip" told again is the trip, not a stop)


def _is_event_noun(token: Token, table: EntityTable) -> bool:
    token = round_of(token) if token.lower_ != "round" else token
    words = [token, *(c for c in token.children if c.dep_ == "prep" and c.lower_ == "of")]
    words += [g for c in words[1:] for g in c.children]
    return any(_event_entry(t, table) for t in words)


def _event_entry(token: Token, table: EntityTable) -> tuple[str, str] | None:
    """The (event type, family) of an event word as written, by its lemma, or as the end of the hyphenated
    word it closes ("the presidential run-off", "a by-election")."""
    events = table.lexicon.events
    return events.get(token.lower_) or events.get(token.lemma_.lower()) or events.get(_hyphenated(token))


def _hyphenated(token: Token) -> str:
    """The hyphenated word `token` ends ("run-off" at "off"), or "" when it ends none."""
    if token.i >= 2 and glued_hyphen(token.nbor(-1)):
        return f"{token.nbor(-2).lower_}-{token.lower_}"
    return ""


def _before_service(token: Token) -> bool:
    """Whether a word is written before a noun of a service ("a funeral mass", "a memorial service"), which
    the parse may read as an adjective."""
    return token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in SERVICE_NOUNS


def _noun_event(token: Token, table: EntityTable, document: Document) -> _Event | None:
    if token.pos_ not in ("NOUN", "PROPN") and not _before_service(token):
        return None
    entry = _event_entry(token, table)
    named = _named_event(token) if entry is None else None
    if named is not None:  # "the Paris Air Show", "Hurricane Katrina": an event the model names
        entry = (NAMED_EVENT_TYPE, f"{NAMED_EVENT_TYPE}:{named}")
    if entry is None or _remembered(token) or entry[1] == "appointment" and _only_asked_for(token) \
            or _venue_of_another(token, table):
        return None  # ("demanded the minister's resignation": no resignation)
    if any(c.dep_ == "amod" and c.lower_ in NOT_HAPPENING_MODIFIERS for c in token.children):
        return None  # "an economic collapse", "a political storm": no happening
    if token.dep_ == "compound" and token.text[:1].isupper() and token.head.pos_ == "NOUN" and token.head.is_lower:
        return None  # "the Pacific Islands Forum leaders": a name that describes the people or thing after it
    if entry[1] == "disaster" and token.dep_ == "pobj" and token.head.lower_ == "in" \
            and token.head.head.lemma_.lower() in WINNING_VERBS:
        return None  # "won the election in a landslide", "was re-elected in a landslide": how, not what
    if token.tag_ == "NNS" and entry[1] in SERIES_FAMILIES:
        return _series(token, entry, document)
    key = table.key_at(token)
    if key and table.kind(key) in (PERSON, GOVERNMENT_BODY):
        return None  # ("the National Congress" is a legislature)
    if key and table.kind(key) not in (PLACE, COUNTRY) and table.span_at(token)[1] - 1 != token.i:  # type: ignore[index]
        return None  # "the Mulungushi International Conference Centre": a building named after a word of events
    event_type, family = entry
    visited = _paid_on(token, table) if family == "call" else []
    if visited or family == "call" and _paid_on_title(token, table):
        event_type, family = "meeting", "meeting"  # "paid a courtesy call on X": a visit to X, no phone call
    participants = _participants(token, table) + visited
    if participants and (party := _other_party(token, table)) and party not in participants:
        participants.insert(0, party)  # "Trump said he canceled a planned summit with Putin": Trump too
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
    anchor = round_of(anchor)
    if _before_service(anchor):
        anchor = anchor.head  # "a funeral mass will be held on Friday": the mass is told, with the date
    event = _Event(event_type, family, label, [f"events.noun.{event_type}"], word=_kind_words(token, table),
                   definite=any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in token.children))
    event.place = (place_of(anchor, table, owner=family not in ACTOR_FAMILIES)
                   or (to_place(anchor, table) if family == "visit" else None)
                   or _family_place(anchor, family, table) or _subject_place(_agents(anchor), table, family))
    event.date = date_of(anchor, document) or _counted_day(anchor, document) or _day_after_phrase(anchor, document)
    for carrier in carriers(anchor) + (carriers(token) if anchor.i != token.i else []):
        event.place = event.place or place_of(carrier, table, with_people=False) or motion_place(carrier, table)
        if event.place is None and carrier.dep_ in ("xcomp", "advcl"):  # "travel to X to attend the forum"
            event.place = motion_place(carrier.head, table)
        event.date = event.date or date_of(carrier, document)
    if event.date is not None and event.date.datatype == "gYear":  # "the 2014 Olympics opened on February 7"
        finer = [d for v in governing_verbs(anchor, HEAD_HOPS) for d in (date_of(v, document),)
                 if d and d.value and d.datatype != "gYear" and d.value[:4] == event.date.value]
        event.date = finer[0] if finer else event.date
    for verb in governing_verbs(anchor, HEAD_HOPS):
        # "Sweden beat South Korea", "met the minister": the object takes part, it is no place
        sides = any(r.family in PARTY_FAMILIES for r in table.lexicon.event_verbs.get(verb.lemma_, ()))
        event.place = (event.place or place_of(verb, table, with_people=False)
                       or (None if sides else object_place(verb, table)) or _family_place(verb, family, table)
                       or off_place(verb, table))  # "an earthquake struck off the coast of Japan"
        if verb.lemma_.lower() in SEQUENCE_VERBS and any(c.dep_ == "dobj" and _is_event_noun(c, table)
                                                         and anchor not in c.subtree for c in verb.children):
            continue  # "Her trip followed a bombing in X on 3 May": the day is the bombing's
        event.date = event.date or date_of(verb, document) or clause_date(verb, document)
    if family == "appointment" and event.date is not None and _takes_effect(anchor, event.date):
        event.date = None  # "the appointment of X as CFO, effective 1 November": when the post begins, not the act
    if label is None and token.text[:1].isupper() and not token.is_sent_start:
        label = _written_name(token)  # "the G20 Foreign Ministers' Meeting"
    event.label = label or named
    event.participants = participants
    event.partners = sum(1 for c in token.children if c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPOSITIONS
                         for o in c.children if o.dep_ == "pobj" and _person(o, table))
    event.status = status_of(anchor)
    return event


def _takes_effect(anchor: Token, date: DateValue) -> bool:
    """Whether a day is written in its sentence as the day something takes effect: "effective 1 November", "from
    October 1", "with effect from", "as of Monday" (EFFECT_MARKS right before the date)."""
    sent = anchor.sent
    for ent in (e for e in ents_within(sent) if e.text in date.text):
        before = " ".join(t.lower_ for t in anchor.doc[max(ent.start - 2, sent.start) : ent.start])
        if any(before.endswith(mark) for mark in EFFECT_MARKS):
            return True
    return False


def _kind_words(token: Token, table: EntityTable) -> str:
    """An event noun with the words before it that tell its kind, the event's word in its label: "extraordinary
    general meeting", "cabinet meeting", "monetary policy committee meeting", "presidential election"; not a
    place's, a person's or a day's name, a number, nor a word of time or status ("the planned summit", "last
    week's talks", "the first meeting")."""
    if hyphenated := _hyphenated(token):
        return hyphenated  # ("the presidential run-off": the hyphenated word names the kind)
    start = token.i
    while start - 1 >= 0 and token.i - start < KIND_WORDS:
        left = token.doc[start - 1]
        key = table.key_at(left)
        if left.dep_ not in ("compound", "amod") or left.head.i not in range(start, token.i + 1) \
                or not left.is_alpha or left.lower_ in KIND_STOP_WORDS or date_ent(left) is not None \
                or key is not None and table.kind(key) in (PERSON, PLACE, COUNTRY) \
                or left.pos_ not in ("NOUN", "PROPN", "ADJ") or left.ent_type_ in ("DATE", "ORDINAL", "CARDINAL"):
            break
        start -= 1
    return " ".join(t.lower_ for t in token.doc[start : token.i + 1])


def _fuller(word: str, than: str | None) -> bool:
    """Whether an event's word names it more fully than another: the longer event noun ("match Sweden v South
    Korea" over "match", "meeting" over "trip"), or, for the same noun, more words of its kind ("cabinet
    meeting" over "meeting")."""
    if not than:
        return True
    noun, other = _kind_words_off(word), _kind_words_off(than)
    return len(word) > len(than) if noun == other else len(noun) > len(other)


def _kind_words_off(word: str) -> str:
    """An event's word without the words of its kind before the noun: "meeting" of "cabinet meeting" (a named
    match's sides stay: "match Sweden v South Korea")."""
    return word if " v " in word else word.split()[-1]


def _nationwide(noun: Token) -> bool:
    """Whether a happening is told as a whole country's: "a nationwide strike", "a national day of mourning"."""
    holders = [noun, noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "of" else [noun]
    return any(c.dep_ == "amod" and c.lower_ in NATIONWIDE_WORDS for h in holders for c in h.children)


def _day_after_phrase(noun: Token, document: Document) -> DateValue | None:
    """ "missile attacks against Erbil, Iraq the day prior": a day counted from another, written right
    after the event's phrase, is the event's, wherever the parse hangs it."""
    doc, after = noun.doc, noun.right_edge.i + 1
    if after + 3 > len(doc) or doc[after].lower_ != "the" or any(doc[j].is_sent_start for j in range(after, after + 3)):
        return None  # (read before noun.sent, which costs a walk over the sentence, for every event noun)
    words = [t.lower_ for t in doc[after : after + 3]]
    if words[1] == "day" and words[2] in RELATIVE_DAY_WORDS:
        return resolve_date(" ".join(words), document.published)
    return None


def _counted_day(word: Token, document: Document) -> DateValue | None:
    """A happening dated by a count of days from a dated one in its sentence: "resigned on Wednesday, a day
    after the riot" and "was dismissed on Saturday, two days after his team lost" (the riot and the match,
    counted back from the day of the clause they hang on); "visited the mine the day after the April 28
    fire" (the visit, counted on from the fire's own day)."""
    told = word.head if word.dep_ in ("nsubj", "nsubjpass") and word.head.dep_ == "advcl" else word
    if told.pos_ in ("VERB", "AUX"):  # "two days after his team lost", "a day after a defeat ended their hopes"
        mark = next((c for c in told.children if c.dep_ == "mark" and c.lower_ in COUNTING_WORDS), None)
        main = told.head if told.dep_ == "advcl" else None
    else:  # "a day after the riot"
        mark = told.head if told.dep_ == "pobj" and told.head.lower_ in COUNTING_WORDS else None
        main = mark.head if mark is not None else None
    unit = None
    if mark is not None and main is not None:  # the count hangs on the clause, its mark or the word before it
        counts = [c for n in (told, mark) for c in n.children if c.dep_ == "npadvmod" and c.lemma_.lower() in DAY_UNITS]
        unit = main if main.lemma_.lower() in DAY_UNITS else (counts[0] if counts else None)
        main = main.head if main is unit else main
    if unit is not None and main is not None:
        day = date_of(main, document) or clause_date(main, document)
        return counted_from(f"{_words_before(unit)} {mark.lower_}", day, reverse=True) if day else None
    for unit, mark in _day_counts(word):
        day = next((d for o in mark.children if o.dep_ == "pobj" for d in [date_of(o, document)] if d), None)
        if day is not None:  # "the day after the April 28 fire"
            return counted_from(f"{_words_before(unit)} {mark.lower_}", day)
    return None


def _day_counts(word: Token) -> list[tuple[Token, Token]]:
    """The (unit, "after"/"before") pairs of a count of days written on a word: "[the day] [after] the fire"."""
    return [(unit, mark) for unit in word.children if unit.dep_ == "npadvmod" and unit.lemma_.lower() in DAY_UNITS
            for mark in unit.children if mark.dep_ == "prep" and mark.lower_ in COUNTING_WORDS]


def _days_later(word: Token) -> str | None:
    """ "the next day", "two days later": a count of days, written in the clause of an event word, from the
    happening told before it."""
    verbs = [word] if word.pos_ in ("VERB", "AUX") else [a for a in word.ancestors if a.pos_ in ("VERB", "AUX")]
    verb = verbs[0] if verbs else None
    for ent in ents_within(word.sent):
        if ent.label_ in DATE_LABELS and verb is not None and clause_verb(ent.root).i == verb.i \
                and DAYS_LATER.match(ent.text):
            return ent.text
    sent = word.sent  # "The following day, ..." opening the sentence, which the model may not tag as a date
    return next((sent[:n].text for n in (2, 3, 4) if n < len(sent) and sent[n].text == ","
                 and DAYS_LATER.match(sent[:n].text)), None)


def _counted_from_told(word: Token, told: list[_Event], table: EntityTable) -> DateValue | None:
    """A day counted from a happening told before by its word alone: "visited Moroto the day after the
    floods", "two days after the blast, police arrested ..." (the floods and the blast dated where they were
    told)."""
    counts = _day_counts(word) + [  # ("Two days after the blast," hung on "after")
        (unit, mark) for mark in word.children if mark.dep_ == "prep" and mark.lower_ in COUNTING_WORDS
        for unit in mark.children if unit.dep_ == "npadvmod" and unit.lemma_.lower() in DAY_UNITS]
    for unit, mark in counts:
        for named in (o for o in mark.children if o.dep_ == "pobj"):
            entry = _event_entry(named, table)
            day = next((e.date for e in reversed(told) if entry is not None and e.event_type == entry[0]
                        and named.lower_ in (e.word, *(e.label or "").lower().split())
                        and e.date is not None and e.date.datatype == "date"), None)
            if day is not None:  # (told by the same word: not "the day after the ministerial" from another meeting)
                return counted_from(f"{_words_before(unit)} {mark.lower_}", day)
    return None


def _counted_on(told: list[_Event], later: str) -> DateValue | None:
    """The day `later` ("the next day", "two days later", "a day earlier", "later that day") names, counted
    from the last happening told with a day of its own."""
    before = next((e.date for e in reversed(told) if e.date is not None and e.date.datatype == "date"), None)
    if before is None:
        return None
    return counted_from(later, before)


def _words_before(unit: Token) -> str:
    """ "two days", "the day": a unit of days with the words that count it."""
    return unit.doc[unit.left_edge.i : unit.i + 1].text


def _partner_date(verb: Token, document: Document) -> DateValue | None:
    """ "In Suva, April 18-20, she will meet with the Prime Minister and the Foreign Minister on April 19": a
    day written after the one met, where the parse hangs it on that person, is the meeting's (over a stop's
    days written before)."""
    met = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in PARTICIPANT_PREPOSITIONS
           for o in p.children if o.dep_ == "pobj"]
    met += [c for o in met for c in o.subtree if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN")]
    for person in met:
        for prep in (c for c in person.children if c.dep_ == "prep" and c.lower_ == "on"):
            day = next((resolve_date(e.text, document.published) for o in prep.children if o.dep_ == "pobj"
                        for e in [date_ent(o)] if e is not None), None)
            if day is not None and day.value:
                return day
    return None


def _named_event(token: Token) -> str | None:
    """The name of the EVENT entity whose head `token` is ("Hurricane Katrina"), without a leading article."""
    if token.ent_type_ != "EVENT":
        return None
    ent = next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None)
    if ent is None or ent.root.i != token.i or token.lower_ in SITE_NOUNS or token.lower_ in PLACE_NOUNS:
        return None  # (not a stadium or a square the model took for a happening)
    words = ent[1:] if ent[0].lower_ == "the" else ent
    return words.text if len(words) else None


def _series(token: Token, entry: tuple[str, str], document: Document) -> _Event:
    """ "Yesterday, A, B and C won their opening matches": several happenings, none told alone; their day
    dates the ones told after it."""
    dates = [date_of(token, document), *(date_of(v, document) for v in governing_verbs(token, HEAD_HOPS))]
    return _Event(entry[0], entry[1], None, [], date=next((d for d in dates if d), None), series=True)


def _round_event(token: Token, table: EntityTable, document: Document) -> _Event | None:
    """ "The previous round, held in X": a round, once the article has told of a round of talks."""
    if token.lower_ not in ROUNDS or token.pos_ != "NOUN" or _is_event_noun(token, table):
        return None
    event = _Event("talks", "meeting", None, ["events.round"])
    event.place = place_of(token, table)
    event.date = date_of(token, document)
    for carrier in carriers(token):
        event.place = event.place or place_of(carrier, table, with_people=False)
        event.date = event.date or date_of(carrier, document)
    event.status = status_of(token)
    if event.status is None and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ == "hold" for c in token.children):
        event.status = "Happened"
    return event


def _verb_event(token: Token, table: EntityTable, document: Document) -> _Event | None:
    rules = _verb_rules(token, table) if token.pos_ in ("VERB", "AUX") else []
    if not rules:
        return None
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    told_by_head = token.dep_ in ("xcomp", "advcl") and to_infinitive(token) and token.head.pos_ == "VERB"
    if not subjects and told_by_head:  # "In Kumasi, Ghana came from behind to beat Sudan": the subject of "came"
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    objects = [_side_of_score(c) for c in token.children if c.dep_ == "dobj" or (c.dep_ == "oprd" and table.key_at(c))]
    objects += [o for c in _prepositional_particles(token, rules) for o in c.children  # "will call on X"
                if o.dep_ == "pobj"]
    people = [table.key_at(t) for t in subjects + objects]
    people += [table.key_at(m) for prep in token.children if prep.lower_ in PARTICIPANT_PREPOSITIONS
               for p in prep.children if p.dep_ == "pobj" for m in (p, *p.conjuncts)]
    participants = [k for k in people if k and table.kind(k) == PERSON]
    met = [k for k in people[len(subjects):] if k and table.kind(k) == PERSON]
    rule = next((r for r in rules if all(_holds(name, classes, token, table, participants, met)
                                         for name, classes in r.conditions)), None)
    if rule is None:
        return None
    family, word = rule.family, rule.word
    if family == "match":  # "Brazil beat Serbia", "Switzerland drew with Costa Rica", "Chile lost to Peru"
        sides = [table.label(k) for t in subjects + objects + [p for prep in token.children
                                                               if prep.lower_ in MATCH_PARTY_PREPOSITIONS
                                                               for p in prep.children if p.dep_ == "pobj"]
                 for k in [table.key_at(t)] if k]
        if len(sides) < 2:
            return None
        word = f"{word} {sides[0]} v {sides[1]}"
    if family == "publication":  # "published the questionnaire", "the study, published yesterday"
        works = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + ([token.head] if token.dep_ == "acl"
                                                                                   else [])
        if not works or works[0].pos_ != "NOUN":
            return None
        word = f"{works[0].lower_} {word}"
    event = _Event(rule.event_type, family, None, [rule.name], participants=participants, word=word)
    event.partners = len(met)
    if family == "visit" and any(
            p.dep_ == "prep" and p.lower_ == "for" and _is_event_noun(o, table)
            for p in token.children for o in p.children if o.dep_ == "pobj"):
        return None  # "travel to X for the summit": the summit is the event, read from its noun
    if rule.verb == "visit":
        places = [table.key_at(o) for o in objects]
        event.place = next((k for k in places if k and table.kind(k) in (PLACE, COUNTRY)), None)
    elif rule.verb in DESTINATION_VERBS:  # "travelled to X", "flew to X": where to, or no visit
        event.place = to_place(token, table)
        if event.place is None:
            return None
    else:
        event.place = (place_of(token, table) or (_launch_site(token, table) if family == "launch" else None)
                       or _subject_place(subjects, table, family) or off_place(token, table)
                       or _party_place(token, table) or _object_place_within(objects, table)
                       or _site_of_person(token, table))
    event.date = (_counted_day(token, document) or _partner_date(token, document) or date_of(token, document)
                  or clause_date(token, document))
    if event.date is None and family == "visit":  # "will travel to Hanoi, where on February 18 he will ..."
        event.date = where_date(token, document)
    if event.date is None and ("now", ()) in rule.conditions:
        event.date = resolve_date("today", document.published)  # "The Secretary is in Kyiv"
    if (told_with := simultaneous_head(token)) is not None:  # "were killed on Sunday when gunmen attacked"
        event.date = event.date or date_of(told_with, document) or clause_date(told_with, document)
        event.place = event.place or place_of(told_with, table, with_people=False)
    carried_out = token.dep_ == "xcomp" and token.head.lemma_.lower() in CARRIED_OUT_VERBS
    if token.dep_ == "conj" and token.head.pos_ == "VERB" or carried_out or family == "match" and told_by_head:
        # "arrived in X on Sunday and met with Y", "In May, X was forced to resign"
        event.place = event.place or place_of(token.head, table, with_people=False)
        event.date = event.date or date_of(token.head, document)
    if ("place", ()) in rule.conditions and event.place is None:
        # "attacked the budget on Tuesday": a sense of the verb that tells no happening; but a lead's
        # "Yesterday, A defeated B; C defeated D" still dates the matches told after it
        event.series = family in SERIES_FAMILIES and event.date is not None
        return event if event.series else None
    told = token.head if carried_out else token  # "was forced to resign": told by "was forced"
    aux = {c.lower_ for c in told.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "'ll"} or told.dep_ == "xcomp":
        event.status = "Planned"
    elif told.tag_ == "VBD" or aux & {"was", "were"}:
        event.status = "Happened"
    return event


def _side_of_score(word: Token) -> Token:
    """The side a score is written after, when the parse makes the score the object ("beat Togo 2-1": Togo)."""
    if SCORE.fullmatch(word.text):
        return next((c for c in word.children if c.dep_ == "compound"), word)
    return word


def _verb_rules(verb: Token, table: EntityTable) -> list[VerbRule]:
    """The rules of event_verbs.tsv a verb may be told by, in their order: the ones for its particle ("blew
    up"), else the ones for the bare verb, unless a particle gives it another sense ("ruled out", "called up").
    The first whose conditions hold tells the event ("spoke by telephone" a call, "spoke with X" talks)."""
    rules = table.lexicon.event_verbs.get(verb.lemma_)
    if not rules:
        return []
    own = {r.particle for r in rules}  # ("stepped down": the model may read a particle as an adverb)
    particles = {c.lower_ for c in verb.children
                 if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in own}
    particles |= {c.lower_ for c in _prepositional_particles(verb, rules)}
    return [r for r in rules if r.particle in particles] or [
        r for r in rules if r.particle == "-" and not particles & NOT_EVENT_PARTICLES]


def _prepositional_particles(verb: Token, rules: list[VerbRule]) -> list[Token]:
    """A rule's particle written as the preposition right after the verb, whose object is the verb's: "will call
    on President X" (a visit paid to X, not a phone call)."""
    return [c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1
            and any(r.particle == c.lower_ and r.particle in PREPOSITIONAL_PARTICLES for r in rules)]


def _holds(condition: str, classes: tuple[str, ...], verb: Token, table: EntityTable, participants: list[str],
           met: list[str]) -> bool:
    """Whether one condition of a verb rule (see kg/data/event_verbs.tsv) holds for `verb`."""
    children = list(verb.children)
    if condition == "place":
        return True  # checked once the place is read
    if condition == "subject":
        actors = [c for c in children if c.dep_ == "nsubj"]
        actors += [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return any(_of_class(t, classes, table) for t in actors + _misread_subjects(verb))
    if condition == "patient":
        return any(_of_class(c, classes, table) for c in children if c.dep_ in ("dobj", "nsubjpass"))
    if condition == "if-object":
        objects = [c for c in children if c.dep_ == "dobj"]
        return not objects or any(_of_class(o, classes, table) for o in objects)
    if condition == "alone":
        return not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prt", "nsubjpass") for c in children)
    if condition == "no-complement":
        return not any(c.dep_ in ("xcomp", "ccomp") for c in children)
    if condition == "to-post":
        return _names_to_post(verb)
    if condition == "people":
        return len(participants) >= int(classes[0])
    if condition == "partner":
        return bool(met)
    if condition == "now":
        return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "neg") for c in children)
    if condition == "no-event-patient":  # "filed an appeal": the appeal is the event told, by its noun
        return not any(_is_event_noun(c, table) for c in children if c.dep_ in ("dobj", "nsubjpass"))
    if condition == "no-event-subject":  # "Talks collapsed": the talks ended, nothing fell down
        return not any(_is_event_noun(c, table) for c in children if c.dep_ == "nsubj")
    if condition == "party-to":  # "lost 1-0 to Benin": the other side, named after "to"
        return any(c.dep_ == "prep" and c.lower_ == "to"
                   and any(o.dep_ == "pobj" and table.key_at(o) for o in c.children) for c in children)
    if condition == "by-phone":  # "spoke by telephone", "talked over the phone"
        return any(c.dep_ == "prep" and c.lower_ in ("by", "over", "on")
                   and any(o.lower_ in PHONE_WORDS for o in c.children) for c in children)
    if condition == "no-dated-event":  # "celebrated the Thursday opening": the opening is the event told
        return not any(_is_event_noun(c, table) and _own_day(c) for c in children if c.dep_ == "dobj")
    raise ValueError(f"event_verbs.tsv: unknown condition {condition!r} in the rule of {verb.lemma_!r}")


def _misread_subjects(verb: Token) -> list[Token]:
    """The subject of a verb the parse hung on a noun as a participle with no agent: "A bus overturned near X",
    "A bus carrying 40 passengers overturned ...": the noun, and the noun whose participle has it as object."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or any(c.dep_ == "agent" for c in verb.children):
        return []
    nouns = [verb.head]
    while nouns[-1].dep_ in ("dobj", "pobj") and nouns[-1].head.dep_ == "acl" and len(nouns) < 3:
        nouns.append(nouns[-1].head.head)
    return nouns


def _of_class(token: Token, classes: tuple[str, ...], table: EntityTable) -> bool:
    """Whether a word, with the words written before it and its apposition ("federal judge James Robart",
    "a salvo of missiles" by its head), belongs to one of `classes`: a word list of words.tsv,
    "person" (a named person) or "named" (any named entity, or a pronoun)."""
    key = table.key_at(token)
    words = [t.lemma_.lower() for t in token.doc[token.left_edge.i : token.i + 1]]
    words += [t.lemma_.lower() for c in token.children if c.dep_ == "appos" for t in c.subtree]
    words += [o.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
              for o in c.children if o.dep_ == "pobj"]
    for name in classes:
        if name == "person" and key and table.kind(key) == PERSON:
            return True
        if name == "named" and (key or token.pos_ == "PRON"):
            return True
        if not table.lexicon.event_words.get(name, frozenset()).isdisjoint(words):
            return True
    return False


def _family_place(token: Token, family: str, table: EntityTable) -> str | None:
    preposition = FAMILY_PLACE_PREPOSITIONS.get(family)
    return to_place(token, table, preposition) if preposition else None


def _party_place(verb: Token, table: EntityTable) -> str | None:
    """ "fought with peace-keepers and the army in Mogadishu", "lost to Benin in Yaounde": where the other party
    of the verb is."""
    return next((p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPOSITIONS | {"to"}
                 for o in prep.children if o.dep_ == "pobj" for each in (o, *o.conjuncts)
                 for p in [place_within(each, table)] if p), None)


def _object_place_within(objects: list[Token], table: EntityTable) -> str | None:
    """ "signed a memorandum of understanding in Tegucigalpa", "crossed the islands of Efate": the place written
    with what the verb acts on, or that it names."""
    nouns = objects + [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"]
    return next((p for n in nouns for p in [place_within(n, table) or named_by_of(n, table)]
                 if p and table.kind(p) in (PLACE, COUNTRY)), None)


def _subject_place(subjects: list[Token], table: EntityTable, family: str) -> str | None:
    """ "A court in Athens ruled ...": where the one who acts is; for a court or a vote, also the country
    its people's name says ("a Greek court has ruled")."""
    place = next((p for s in subjects for p in [place_within(s, table)] if p), None)
    if place is None and family in INSTITUTION_FAMILIES:
        place = next((k for s in subjects for c in s.children if c.dep_ in ("amod", "compound")
                      for k in [table.country_of_word(c)] if k), None)
    if place is None and family in INSTITUTION_FAMILIES:  # "Kenya's Supreme Court", "the Supreme Court of Kenya"
        owners = [c for s in subjects for c in s.children if c.dep_ == "poss"]
        owners += [o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]
        place = next((k for o in owners for k in [table.key_at(o)] if k and table.kind(k) in (COUNTRY, PLACE)), None)
    if place is None and family in INSTITUTION_FAMILIES:  # the court's name holds it: "the High Court of Kenya"
        place = next((c for s in subjects for k in [table.key_at(s)] if k
                      for c in [_country_ending_name(table.label(k), table)] if c), None)
    return place


def _country_ending_name(name: str, table: EntityTable) -> str | None:
    """The country a body's name ends with, after "of": "Supreme Court of Ghana" -> Ghana."""
    head, of, country = name.rpartition(" of ")
    found = table.lexicon.country(country) if of and head else None
    return table.ensure(found, COUNTRY) if found else None


def _agents(noun: Token) -> list[Token]:
    """Who acts in a happening told by its noun: "the sentencing by a court in Managua" (the court)."""
    return [o for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
            for o in p.children if o.dep_ == "pobj"]


def _site_of_person(verb: Token, table: EntityTable) -> str | None:
    """ "were sworn in by Governor-General X at Government House", "met Y at the Palace": a site written
    after "at" that the parse hangs on the person who acts or is met, not on the verb."""
    people = [o for c in verb.children if c.dep_ in ("agent", "prep") for o in c.children if o.dep_ == "pobj"]
    people += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return next((k for person in people if _person(person, table) for prep in person.children
                 if prep.dep_ == "prep" and prep.lower_ == "at" for o in prep.children if o.dep_ == "pobj"
                 for k in [table.key_at(o)] if k and table.kind(k) in (PLACE, COUNTRY, GOVERNMENT_BODY)), None)


def _launch_site(verb: Token, table: EntityTable) -> str | None:
    """Where a launch leaves from: "lifted off from the Baikonur Cosmodrome"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            key = table.key_at(obj)
            if key and table.kind(key) in (PLACE, COUNTRY):
                return key
    return None


def _person(token: Token, table: EntityTable) -> bool:
    key = table.key_at(token)
    return key is not None and table.kind(key) == PERSON


def _told_encounter(token: Token, event: _Event) -> bool:
    """A meeting with a named person, told as done or as firmly planned, needs no date or place to be
    worth reporting: "X met with Y", "X will hold a bilateral meeting with Y" (not "X may meet Y")."""
    if event.family != "meeting" or event.partners < 1:
        return False
    verb = token if token.pos_ == "VERB" else token.head
    if token.pos_ != "VERB" and not (token.dep_ == "dobj" and verb.lemma_.lower() in ENCOUNTER_VERBS):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in verb.children) or aux - {"will", "'ll", "has", "have", "had"}:
        return False
    return verb.dep_ in ("ROOT", "conj") and (verb.tag_ == "VBD" or bool(aux & {"will", "'ll"}))


def _names_to_post(verb: Token) -> bool:
    """ "designated X to serve as Director", "designated X as ambassador"."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
    return False


def _paid_on(call: Token, table: EntityTable) -> list[str]:
    """The people a call is paid on in person: "a courtesy call on Prime Minister X"."""
    people = [table.key_at(o) for c in call.children if c.dep_ == "prep" and c.lower_ == "on"
              for o in c.children if o.dep_ == "pobj"]
    return [k for k in people if k and table.kind(k) == PERSON]


def _paid_on_title(call: Token, table: EntityTable) -> bool:
    """Whether a call is paid in person on someone told by a title alone: "a courtesy call on the King of
    Bhutan", "called on the Prime Minister"."""
    return any(c.dep_ == "prep" and c.lower_ == "on" and o.dep_ == "pobj" and o.lower_ in table.lexicon.titles_by_last
               for c in call.children for o in c.children)


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


def _other_party(noun: Token, table: EntityTable) -> str | None:
    """The person who plans, holds, cancels or attends a meeting "with X" told as the object of their verb: its
    subject, or for "he"/"she" the one who says so ("Trump said he canceled a planned summit with Putin")."""
    if noun.dep_ != "dobj":
        return None
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("he", "she") and verb.dep_ == "ccomp" \
            and verb.head.lemma_.lower() in REPORTING_VERBS:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    key = table.key_at(subject) if subject is not None else None
    return key if key is not None and table.kind(key) == PERSON else None


def _venue_of_another(noun: Token, table: EntityTable) -> bool:
    """Whether a news conference is only where another happening was told: "announced her resignation at a
    news conference in Belgrade", "resigned at a press conference" (the resignation is the event), or where
    someone told something: "told a news conference in Warsaw that ..."."""
    briefing = any(c.dep_ in ("compound", "amod") and c.lower_ in BRIEFING_WORDS for c in noun.children)
    if briefing and noun.dep_ == "dobj" and noun.head.lemma_.lower() in REPORTING_VERBS:
        return True
    if noun.dep_ != "pobj" or noun.head.lower_ != "at" or not any(
            c.dep_ in ("compound", "amod") and c.lower_ in BRIEFING_WORDS for c in noun.children):
        return False
    told = noun.head.head  # the verb, or the event word, the conference hangs on ("announced her departure at
    # a news conference" tells no event of its own words: the conference stays the happening)
    lemma = told.lemma_.lower()
    return lemma in table.lexicon.event_verbs and lemma not in REPORTING_VERBS and _some_rule_holds(told, table) \
        or _event_entry(told, table) is not None \
        or any(c.dep_ == "dobj" and _event_entry(c, table) is not None for c in told.children)


def _some_rule_holds(verb: Token, table: EntityTable) -> bool:
    """Whether a verb's words (not the people it names) fit one of its rules: "presented her credentials" does,
    "presented their findings" does not."""
    return any(all(name in ("people", "partner") or _holds(name, classes, verb, table, [], [])
                   for name, classes in rule.conditions) for rule in _verb_rules(verb, table))


def _only_asked_for(noun: Token) -> bool:
    """Whether a happening is only asked for, not done: "demanded his resignation", "called for the
    appointment of X", "urged her resignation"."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in NOT_DONE_VERBS


def _remembered(token: Token) -> bool:
    """ "celebrated the launch", "the anniversary of the summit": a past event recalled, dated elsewhere
    (not "celebrated the Thursday opening": an event with its own day is the one told)."""
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in RECALL_VERBS:
        return not _own_day(token)
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in RECALL_NOUNS


def _own_day(noun: Token) -> bool:
    """Whether a noun is written with a day of its own before it: "the Thursday opening", "Tuesday's launch"."""
    return any(c.dep_ in ("compound", "nmod", "poss") and c.i < noun.i and date_ent(c) is not None
               for c in noun.children)


def _written_name(token: Token) -> str | None:
    """The capitalised name an event is written with, or None when it has no capitalised modifier."""
    start = token.left_edge.i
    doc = token.doc
    while start < token.i and (doc[start].dep_ == "det" or doc[start].ent_type_ == "ORDINAL"):
        start += 1  # ("the third U.S.-Senegal Strategic Dialogue")
    words = doc[start : token.i + 1]
    if len(words) < 2 or not all(t.text[:1].isupper() or t.text[:1].isdigit() or t.text in ("'", "'s", "\u2019s",
                                                                                          "\u2019")
                                 or glued_hyphen(t) for t in words):
        return None
    return words.text


def _invited_to(noun: Token) -> bool:
    """A happening someone is invited to or calls for is still to come: "invited the organisers to a meeting on
    Friday", "called for protests on Saturday"."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return False
    verb = noun.head.head
    return (noun.head.lower_ == "to" and verb.lemma_.lower() in INVITING_VERBS
            or noun.head.lower_ == "for" and verb.lemma_.lower() == "call")


def _negated(token: Token) -> bool:
    """ "did not meet", "no talks", "barred from travelling to X", "must release", "banned protests", "has
    visited X many times": told as not happening, or as no one happening."""
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children):
        return True
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in DEMANDING_MODALS for c in token.children):
        return True  # "Hamas must release the hostages by Saturday": a demand, no happening
    if token.pos_ == "VERB" and token.dep_ == "xcomp" and token.head.lemma_.lower() in INVITING_VERBS:
        return True  # "invited the President to visit Fiji": an invitation, no visit yet
    if token.dep_ == "pcomp" and token.head.lower_ == "from" and token.head.head.lemma_.lower() in BARRING_VERBS:
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in BANNING_VERBS:
        return True  # "the government banned protests in the capital": no protest told
    told = [token, token.head] if token.dep_ in ("nsubj", "nsubjpass", "dobj") else [token]
    if any(c.dep_ in ("advmod", "npadvmod") and (c.lemma_.lower() in HABITUAL_WORDS or c.lower_ == "times"
                                                  or any(d.lower_ == "every" for d in c.children))
           for word in told for c in word.children):
        return True  # "has visited Paris many times", "the summit is held every year": a habit, no one happening
    return token.dep_ in ("dobj", "xcomp") and any(c.dep_ == "neg" for c in token.head.children)


def _merge(events: list[_Event], table: EntityTable) -> Iterator[_Event]:
    """Mentions of one family with the same place (or a city of the country named), or the same resolved
    date, are one event; it keeps the finer place."""
    merged: list[_Event] = []
    for event in events:
        again = [m for m in merged if _told_again(m, event)]  # the latest one told: "the blast"
        same = again[-1] if again else next((m for m in merged if (m.family == event.family or _one_stop(m, event))
                                             and (m.family not in TYPED_FAMILIES or m.event_type == event.event_type
                                                  or {m.event_type, event.event_type} <= JUDGMENT_TYPES)
                                             and _same(m, event, table)), None)
        if same is None:
            merged.append(event)
            continue
        same.evidence += event.evidence
        if same.place is None or event.place and (_inside(event.place, same.place, table)
                                                  or same.guessed and not event.guessed):
            if event.place:
                same.place, same.guessed = event.place, event.guessed
        same.label = same.label or event.label
        if same.word == ARRIVAL_WORD and event.family == "meeting":  # "arrived in X on Sunday and met with Y"
            same.word = event.word
        elif event.word and _fuller(event.word, same.word):
            same.word = event.word  # the fuller name: "match Sweden v South Korea" over "match"
        if same.date is None or (same.date.value is None and event.date and event.date.value):
            same.date = event.date or same.date
        elif _finer(event.date, same.date):
            same.date = event.date  # "an election this year" ... "the vote will take place on June 21": the day
        same.status = same.status or event.status
        same.participants += [p for p in event.participants if p not in same.participants]
    yield from merged


def _one_stop(a: _Event, b: _Event) -> bool:
    """A stop of a trip and the meeting held there, told in one sentence: "will travel to Riga on March 7
    to meet with X" is one happening (a named meeting, "to attend the G20 Meeting", stays its own)."""
    families = {a.family, b.family}
    return (families == {"visit", "meeting"} and a.place is not None and a.place == b.place
            and a.sentence == b.sentence and not (a.label or b.label))


def _same(a: _Event, b: _Event, table: EntityTable) -> bool:
    if a.place and b.place:
        if a.place == b.place:  # (two days in one place are two happenings: a meeting on Monday, another on Wednesday)
            return not (_day(a.date) and _day(b.date) and _day(a.date) != _day(b.date))
        if a.guessed != b.guessed and a.date and b.date and a.date.value:
            return a.date.value == b.date.value  # the dateline's town yields to the place the article names
        # "flooding in northern Peru" ... "the floods struck Piura on Sunday": a place and a city of it (not
        # for a trip, whose country is the whole trip and whose cities are its stops)
        within = _inside(a.place, b.place, table) or _inside(b.place, a.place, table)
        return (within and a.family not in STOP_FAMILIES
                and not (a.date and b.date and a.date.value != b.date.value))
    if a.date and b.date and a.date.value and b.date.value:
        coarse, fine = sorted((a.date.value, b.date.value), key=len)
        # "this month's presidential election" ... "the April 12 election": one happening, its day told later
        return coarse == fine or a.event_type == b.event_type and fine.startswith(coarse + "-")
    # "has crashed off the coast of X" ... "crashed Saturday night": one told with its place, then with
    # its day; neither says it is another one
    return (a.event_type == b.event_type and (a.place is None) != (b.place is None) and not (a.date and b.date)
            and bool(a.place or a.date) and bool(b.place or b.date))  # (not one told with neither)


def _described_again(token: Token, event: _Event, found: list[_Event], sent: Span) -> bool:
    """ "will travel to Ulaanbaatar, the first visit by a Deputy Secretary to Mongolia in a decade", "This will be
    her second trip to the region": a happening told before, said again to tell what it is (counted, in
    apposition or after "to be"), when one of its kind was told before or another one in its sentence; not one
    gone to or held ("arrived on Tuesday for the first state visit to X" tells the visit)."""
    if token.pos_ != "NOUN" or token.dep_ not in ("appos", "attr") or not any(
            c.dep_ == "amod" and c.lower_ in ORDINAL_WORDS for c in token.children):
        return False
    return any(e.family == event.family or e.sentence == sent.start for e in found)


def _told_again(before: _Event, after: _Event) -> bool:
    """ "A methane explosion killed 12 miners in X on Saturday. The blast occurred in the Y mine": a disaster
    or an attack told again with "the" and no day of its own is the one told before, wherever its sentence
    places it; and so is a happening told again by its family's own word ("the inauguration on Saturday ... will
    hand over power at the ceremony in Z")."""
    same_kind = (before.family in TOLD_AGAIN_FAMILIES and after.event_type == before.event_type
                 or before.family == after.family and after.event_type == after.family
                 and after.family in FAMILY_WORDS_TOLD_AGAIN)
    return (same_kind and after.definite and not (after.date and after.date.value)
            and bool(before.date and before.date.value))


def _finer(date: DateValue | None, than: DateValue | None) -> bool:
    """Whether `date` is a day or month within the month or year `than` names."""
    if date is None or than is None or not date.value or not than.value or date.value.startswith("--"):
        return False
    return len(date.value) > len(than.value) and date.value.startswith(than.value)


def _day(date: DateValue | None) -> str | None:
    """The day a date names, None for a month, a year or no date."""
    return date.value if date is not None and date.value and len(date.value) == len("2026-01-01") else None


def _inside(place: str, country: str, table: EntityTable) -> bool:
    """Whether `place` is a city of `country` (by the gazetteer)."""
    return (table.kind(country) == COUNTRY and table.kind(place) == PLACE
            and table.lexicon.city_country(table.label(place)) == table.label(country))


def _to_fact(event: _Event, table: EntityTable) -> EventFact:
    label = event.label
    name = event.word or event.event_type
    if label is None:
        if event.place:
            label = f"{name} in {table.label(event.place)}"
        elif len(event.participants) >= 2:
            names = [table.label(p) for p in event.participants[:2]]
            label = f"{name} between {names[0]} and {names[1]}"
        elif event.date:  # "resignation in May": a sentence's opening capital is no part of the label
            first, _, rest = event.date.text.partition(" ")
            label = f"{name} {first.lower() if rest and first.lower() in LOWER_IN_LABEL else first} {rest}".strip()
        elif event.participants:
            label = f"{name} with {table.label(event.participants[-1])}"
        else:
            label = name
    fact = EventFact(label, event.event_type, tuple(event.evidence), event.date, event.place,
                     tuple(event.participants), event.status)
    return replace(fact)
