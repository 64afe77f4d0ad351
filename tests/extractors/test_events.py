"""Event patterns with place, date and status, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.model import EventFact

pytestmark = pytest.mark.model


def events(extraction) -> list[EventFact]:
    return [f for f in extraction.facts if isinstance(f, EventFact)]


@pytest.mark.parametrize(
    ("text", "event_type", "place", "status"),
    [
        ("The chancellor cancelled a planned summit with John Miller in Vienna.", "summit", "Vienna", "Cancelled"),
        ("Officials postponed the Geneva conference until spring.", "conference", "Geneva", "Postponed"),
        ("Sarah Johnson will meet David Brown in Lisbon next month.", "meeting", "Lisbon", "Planned"),
    ],
)
def test_events_type_place_status(run, text, event_type, place, status) -> None:
    extraction = run(text)
    names = {e.key: e.label for e in extraction.entities}
    found = [(f.event_type, names.get(f.place), f.status) for f in events(extraction)]
    assert (event_type, place, status) in found, found


def test_events_phone_call_with_date(run) -> None:
    extraction = run("Sarah Johnson called David Brown on March 3 to discuss trade.", published="2024-03-10")
    calls = [f for f in events(extraction) if f.event_type == "phone call"]
    assert len(calls) == 1
    assert calls[0].date is not None and calls[0].date.value == "2024-03-03"
    assert "phone call" in calls[0].label


def test_events_mentions_of_one_event_merge(run) -> None:
    text = "Leaders gathered for a summit in Vienna. The Vienna summit ended with a joint statement."
    assert len([f for f in events(run(text)) if f.place]) == 1


def test_events_need_date_or_place(run) -> None:
    assert events(run("A meeting between the two ministers is possible, the spokesman said.")) == []
