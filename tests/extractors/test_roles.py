"""Role patterns on sentences written for these tests, parsed by the real model."""

from __future__ import annotations

import pytest

from kg.model import RoleFact
from tests.extractors.conftest import labels

pytestmark = pytest.mark.model


def roles(extraction) -> set[tuple[str, str, str | None, str | None]]:
    names = labels(extraction)
    return {
        (names[f.person], f.role, names.get(f.org) if f.org else None, f.qualifier)
        for f in extraction.facts
        if isinstance(f, RoleFact)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kremlin spokesman Oleg Marchenko told journalists the talks were useful.",
         ("Oleg Marchenko", "spokesman", "Kremlin", None)),
        ("German Foreign Minister Anna Keller arrived in Oslo on Monday.",
         ("Anna Keller", "Foreign Minister", "Germany", None)),
        ("US Secretary of State Paul Henderson spoke to the press.",
         ("Paul Henderson", "Secretary of State", "United States", None)),
        ("White House Press Secretary Laura Benton answered questions.",
         ("Laura Benton", "Press Secretary", "White House", None)),
        ("Former French President Alain Dumont wrote a new book.",
         ("Alain Dumont", "President", "France", "former")),
        ("President Li Wenbo of the People's Republic of China welcomed the guests.",
         ("Li Wenbo", "President", "China", None)),
        ("Lindqvist's special envoy Marta Olsen flew to Cairo.",
         ("Marta Olsen", "special envoy", None, None)),
    ],
)
def test_roles_title_before_name(run, text, expected) -> None:
    found = roles(run(text))
    person, role, org, qualifier = expected
    hits = [f for f in found if f[0] == person and f[1] == role and f[3] == qualifier]
    assert any(org is None or f[2] == org for f in hits), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomas Berg, the Kremlin's spokesman, declined to comment.", ("Tomas Berg", "spokesman", "Kremlin")),
        ("Erin Walsh is a reporter at Reuters.", ("Erin Walsh", "reporter", "Reuters")),
    ],
)
def test_roles_apposition_and_copula(run, text, expected) -> None:
    found = {f[:3] for f in roles(run(text))}
    assert expected in found, found


def test_roles_counterpart_inherits_title(run) -> None:
    text = "Talks between Brazilian President Carlos Mendes and his Argentine counterpart Diego Ruiz ended early."
    found = {f[:3] for f in roles(run(text))}
    assert ("Carlos Mendes", "President", "Brazil") in found
    assert ("Diego Ruiz", "President", "Argentina") in found


def test_roles_repeated_claim_is_one_fact_with_two_evidences(run) -> None:
    text = ("Kremlin spokesman Oleg Marchenko spoke on Monday. Later, Kremlin spokesman Oleg Marchenko "
            "spoke again. Marchenko said nothing new.")
    facts = [f for f in run(text).facts if isinstance(f, RoleFact)]
    assert len(facts) == 1
    assert len(facts[0].evidence) == 2


def test_roles_none_in_boilerplate(nlp) -> None:
    from kg.extractors import extract
    from kg.model import Document

    body = "The weather was calm. "
    tail = "Kremlin spokesman Oleg Marchenko said more."
    doc = Document(id="b", text=body + tail, source="b.txt", boilerplate_from=len(body))
    assert not [f for f in extract(doc, nlp).facts if isinstance(f, RoleFact)]
