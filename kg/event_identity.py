"""Which reports, in different articles, are of the same event: one event IRI for all of them.

Each article's report of an event stays its own claim, in the article's named graph, with the
status, date, place, participants and evidence that article gives. What is shared is the node: a
new report takes the key of a known event when they are the same happening by this rule
(ontology/README.md, "One event, many reports"):

- their types are of one family (kg/data/event_types.tsv: a "summit" and a "meeting" are both
  meetings; a phone call is not);
- their dates are compatible: equal in every part both give (year, month, day), or one of them
  undated ("planned" and "cancelled" are statuses of one event, not two events);
- neither is told as to come (planned, postponed) in an article published after the other's day: a
  trip announced on 24 March is not the dialogue held on 8 March;
- they do not disagree on the place (two different places), nor on the people (each names two
  participants or more, and none is shared: a report naming one party often leaves out the other);
- and they agree on something: the same day (weighs 2), the same place (2), a shared participant (1).
  The same place counts only when both reports are dated, or both tell of an event to come or called
  off: a trip to Rabat announced without a date is not the dialogue held there two weeks before.

A new report is compared with every report of a known event and must fit all of them. When it
fits several known events equally well, or another report of the same article fits the same
event better, it keeps an event of its own: a wrong merge is worse than a missed one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.model import DateValue, EventFact, Extraction
from kg.ontology import event_key

PROSPECTIVE = ("Planned", "Cancelled", "Postponed")  # statuses of an event told before it was to happen
UPCOMING = ("Planned", "Postponed")  # ... and still to happen
DateParts = tuple[int | None, int | None, int | None]  # (year, month, day), None where not given


@dataclass(frozen=True)
class EventReport:
    """What one article says of one event, as far as identity goes."""

    key: str  # the event's key: "event/<first reporting article>-<digest>"
    event_type: str
    date: DateParts | None  # None: undated, or a date that could not be resolved
    place: str | None
    participants: frozenset[str]
    status: str | None = None  # one of kg.model.EVENT_STATUSES
    published: str | None = None  # publication date ("2025-10-22") of the article making the report

    @classmethod
    def of(cls, key: str, fact: EventFact, published: str | None) -> EventReport:
        """The report an event fact of an article published on `published` makes of the event `key`."""
        return cls(key, fact.event_type, date_parts(fact.date), fact.place, frozenset(fact.participants),
                   fact.status, published)

    @classmethod
    def from_values(cls, key: str, event_type: str, date: tuple[str, str] | None, place: str | None,
                    participants: Iterable[str], status: str | None, published: str | None) -> EventReport:
        """A report read back from a store: `date` is (lexical form, XML Schema datatype local name)."""
        value = DateValue(date[0], date[0], date[1]) if date else None
        return cls(key, event_type, date_parts(value), place, frozenset(participants), status, published)


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    from kg.extractors.lexicon import load_lexicon  # here, not above: the store reads reports without spaCy

    lexicon = load_lexicon()
    families = {event_type: family for event_type, family in lexicon.events.values()}
    for rules in lexicon.event_verbs.values():
        for rule in rules:
            families.setdefault(rule.event_type, rule.family)
    return families


def family_of(event_type: str) -> str:
    """The family of an event type ("summit" -> "meeting"); a type of no listed family is its own."""
    return _families().get(event_type, event_type)


def date_parts(date: DateValue | None) -> DateParts | None:
    """(year, month, day) of a resolved date at its precision ("--10-16" -> (None, 10, 16)), else None."""
    if date is None or date.value is None:
        return None
    value = date.value
    if date.datatype == "gMonthDay":
        month, day = value.removeprefix("--").split("-")[:2]
        return None, int(month), int(day)
    parts = [int(part) for part in value.split("-")[:3]]
    return (parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)


def _dates_fit(a: DateParts | None, b: DateParts | None) -> bool:
    if a is None or b is None:
        return True
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _same_day(a: DateParts | None, b: DateParts | None) -> bool:
    return a is not None and b is not None and a[1:] == b[1:] and None not in a[1:] and _dates_fit(a, b)


def _announced_after(report: EventReport, other: EventReport) -> bool:
    """Whether `report` tells of an event to come in an article published after `other`'s full date."""
    if report.status not in UPCOMING or not report.published or other.date is None or None in other.date:
        return False
    year, month, day = other.date
    return report.published > f"{year:04d}-{month:02d}-{day:02d}"


def fits(new: EventReport, known: EventReport) -> bool:
    """Whether two reports may be of one event: same family, and no disagreement on date, place or people."""
    return (family_of(new.event_type) == family_of(known.event_type)
            and _dates_fit(new.date, known.date)
            and not _announced_after(new, known) and not _announced_after(known, new)
            and not (new.place and known.place and new.place != known.place)
            and not (len(new.participants) > 1 and len(known.participants) > 1
                     and not new.participants & known.participants))


def agreement(new: EventReport, known: EventReport) -> int:
    """How much two fitting reports agree: the same day 2, the same place 2, a shared participant 1."""
    people = bool(new.participants & known.participants)
    day = _same_day(new.date, known.date)
    place = bool(new.place and new.place == known.place) and (
        (new.date is not None and known.date is not None)
        or (new.status in PROSPECTIVE and known.status in PROSPECTIVE))
    return 2 * day + 2 * place + people


def _clues(report: EventReport) -> set[tuple[str, str]]:
    """What another report must share with this one to agree with it: a participant, the place, the day."""
    family = family_of(report.event_type)
    clues = {(family, f"who:{person}") for person in report.participants}
    if report.place:
        clues.add((family, f"where:{report.place}"))
    if report.date is not None and None not in report.date[1:]:
        clues.add((family, f"day:{report.date[1]}-{report.date[2]}"))
    return clues


class EventIndex:
    """The reports of events known so far, by event key, and the events by the clues that can join a report to
    them (family of type with a participant, the place or the day), so that a report is compared only with
    the events it could agree with."""

    def __init__(self, reports: Iterable[EventReport] = ()) -> None:
        self.reports: dict[str, list[EventReport]] = {}
        self.by_clue: dict[tuple[str, str], set[str]] = {}
        self.add(reports)

    def add(self, reports: Iterable[EventReport]) -> None:
        """Remember `reports` (e.g. those of an article just stored)."""
        for report in reports:
            self.reports.setdefault(report.key, []).append(report)
            for clue in _clues(report):
                self.by_clue.setdefault(clue, set()).add(report.key)

    def match(self, new: EventReport) -> tuple[str | None, int]:
        """The key of the one known event `new` is clearly a report of (or None), and how well it agrees."""
        scores: dict[str, int] = {}
        candidates = set().union(*(self.by_clue.get(clue, set()) for clue in _clues(new)))
        for key in sorted(candidates):
            known = self.reports[key]
            if all(fits(new, report) for report in known):
                score = max(agreement(new, report) for report in known)
                if score:
                    scores[key] = score
        if not scores:
            return None, 0
        best = max(scores.values())
        keys = [key for key, score in scores.items() if score == best]
        return (keys[0], best) if len(keys) == 1 else (None, 0)

    def reconcile(self, extraction: Extraction) -> Extraction:
        """The extraction with each event fact keyed: the known event it reports, else one of its own.

        Two reports of one article never share a known event: the one agreeing best takes it (the
        first of equals), the other keeps its own.
        """
        facts = list(extraction.facts)
        chosen: dict[str, tuple[int, int]] = {}  # known key -> (score, index of the fact taking it)
        for index, fact in enumerate(facts):
            if not isinstance(fact, EventFact):
                continue
            own = event_key(extraction.document.id, fact)
            key, score = self.match(EventReport.of(own, fact, extraction.document.published))
            if key is not None and (key not in chosen or chosen[key][0] < score):
                chosen[key] = (score, index)
            facts[index] = replace(fact, event=own)
        for key, (_, index) in chosen.items():
            facts[index] = replace(facts[index], event=key)  # type: ignore[arg-type]
        return replace(extraction, facts=tuple(facts))

    def reports_of(self, extraction: Extraction) -> list[EventReport]:
        """The reports a reconciled extraction makes, to `add` once it is stored."""
        published = extraction.document.published
        return [EventReport.of(fact.event, fact, published) for fact in extraction.facts
                if isinstance(fact, EventFact) and fact.event]
