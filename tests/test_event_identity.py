"""One event, many reports: the rule of kg.event_identity, on records built by hand and on articles of our own."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kg.event_identity import EventIndex, EventReport
from kg.ingest import ingest, remove
from kg.model import DateValue, Document, EventFact, Evidence, Extraction
from kg.ontology import Namer
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "fixtures" / "event_reports"
NAMER = Namer()
EVIDENCE = (Evidence("s", 0, 1, "events.noun", 0.8),)
LEADERS = frozenset({"person/anna-kovac", "person/tomas-rebane"})


def _report(event_type: str, date: tuple[int | None, int | None, int | None] | None = None, place: str | None = None,
            people: frozenset[str] = LEADERS, status: str | None = None, published: str | None = None,
            key: str = "event/old-1") -> EventReport:
    return EventReport(key, event_type, date, place, people, status, published)


@pytest.mark.parametrize(("known", "new", "same"), [
    # the two reports the issue names: a summit cancelled, a meeting planned, at one place, undated
    (_report("summit", place="place/lisbon", status="Cancelled"),
     _report("meeting", place="place/lisbon", status="Planned"), True),
    # a call dated by day and month, and the same call with its year
    (_report("phone call", (None, 10, 14)), _report("phone call", (2026, 10, 14), people=frozenset()), True),
    # an undated report and a dated one of the same people
    (_report("talks", (2026, 8, None)), _report("talks"), True),
    # the same two leaders: a phone call in October and a meeting in August stay apart
    (_report("phone call", (2026, 10, 14)), _report("meeting", (2026, 8, 3)), False),
    # ... and so do two meetings of theirs, in August and in October
    (_report("meeting", (2026, 8, 3)), _report("meeting", (2026, 10, 2)), False),
    # two places
    (_report("summit", place="place/lisbon"), _report("summit", place="place/geneva"), False),
    # other people at each (two named at each, none shared)
    (_report("meeting", (2026, 8, 3)), _report("meeting", (2026, 8, 3), people=frozenset({"person/x", "person/y"})),
     False),
    # the same place only, one of them undated and told as past: any meeting there
    (_report("meeting", (2026, 3, 8), "place/rabat", frozenset()), _report("meeting", None, "place/rabat"), False),
    # a trip announced after the day of the known one
    (_report("visit", (2026, 3, 8), "place/rabat", status="Planned"),
     _report("visit", None, "place/rabat", status="Planned", published="2026-03-24"), False),
])
def test_event_index_matches_reports_of_one_event(known: EventReport, new: EventReport, same: bool) -> None:
    assert EventIndex([known]).match(new)[0] == ("event/old-1" if same else None)


def test_event_index_leaves_a_report_fitting_two_events_equally_alone() -> None:
    index = EventIndex([_report("meeting", (2026, 8, None), key="event/a"),
                        _report("meeting", (2026, 9, None), key="event/b")])
    assert index.match(_report("meeting"))[0] is None


def test_event_index_gives_a_known_event_to_one_report_of_an_article() -> None:
    index = EventIndex([_report("summit", place="place/lisbon", status="Planned", key="event/lisbon")])
    facts = tuple(EventFact(label, "summit", EVIDENCE, place="place/lisbon", participants=tuple(LEADERS),
                            status="Cancelled", date=date)
                  for label, date in (("summit", None), ("summit in Lisbon", DateValue("in May"))))
    extraction = index.reconcile(Extraction(Document(id="new", text="x", source="new.txt"), (), facts))
    keys = [fact.event for fact in extraction.facts if isinstance(fact, EventFact)]
    assert keys[0] == "event/lisbon" and keys[1] not in (None, "event/lisbon")


def _events(store: Store) -> dict[str, set[str]]:
    """Event IRI -> the ids of the articles reporting it."""
    rows = store.select("SELECT ?e ?g WHERE { GRAPH ?g { ?e a kg:Event } }")
    events: dict[str, set[str]] = {}
    for row in rows:
        events.setdefault(row["e"].value, set()).add(row["g"].value.rsplit("/", 1)[-1])
    return events


def _query(store: Store, name: str) -> list[dict[str, str]]:
    rows = store.select((ROOT / "queries" / f"{name}.rq").read_text())
    return [{name: term.value for name, term in row.items()} for row in rows]


@pytest.mark.model
def test_ingest_reports_of_one_event_share_its_iri(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    try:
        report = ingest([REPORTS], store, NAMER, workers=1)
        assert report.articles == 2 and not report.problems
        events = _events(store)
        by_articles = sorted(sorted(articles) for articles in events.values())
        # the call of 14 October and the Lisbon summit are told by both articles; the meeting in Geneva
        # in August, the same two leaders' other happening, is told by one and stays apart
        assert by_articles.count(["call-and-plans", "summit-called-off"]) == 2
        geneva = [row["e"].value for row in store.select(
            "SELECT DISTINCT ?e WHERE { ?e a kg:Event ; schema:location/rdfs:label 'Geneva' }")]
        assert len(geneva) == 1 and events[geneva[0]] == {"call-and-plans"}
        contradictions = _query(store, "contradictions")
        assert [(row["statusA"].rsplit("#")[-1], row["statusB"].rsplit("#")[-1]) for row in contradictions] == [
            ("Planned", "Cancelled")]
        summit = contradictions[0]["event"]
        corroborated = {row["example"]: int(row["sources"]) for row in _query(store, "corroborated_facts")
                        if row["kind"] == "Event"}
        assert len(corroborated) == 2 and set(corroborated.values()) == {2}

        assert remove(["summit-called-off"], store, NAMER) == []
        assert _events(store)[summit] == {"call-and-plans"}
        status = store.select(f"SELECT ?s WHERE {{ <{summit}> kg:status ?s }}")
        assert [row["s"].value.rsplit("#")[-1] for row in status] == ["Planned"]
    finally:
        del store
        gc.collect()
