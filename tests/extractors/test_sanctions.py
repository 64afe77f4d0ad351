"""Sanction patterns: coordinated targets, pronoun authorities, anaphoric dates."""

from __future__ import annotations

import pytest

from kg.model import SanctionFact

pytestmark = pytest.mark.model


def sanctions(extraction) -> set[tuple[str, str, str | None]]:
    names = {e.key: e.label for e in extraction.entities}
    return {
        (names[f.authority], names[f.target], f.date.value if f.date else None)
        for f in extraction.facts
        if isinstance(f, SanctionFact)
    }


def test_sanctions_coordinated_targets_one_fact_each(run) -> None:
    text = "The US Treasury Department sanctioned Iran's two biggest banks, Bank Melli and Bank Sepah, on Tuesday."
    found = sanctions(run(text, published="2024-05-09"))
    assert {t for _, t, _ in found} == {"Bank Melli", "Bank Sepah"}
    assert all(a == "US Treasury Department" for a, _, _ in found)


def test_sanctions_pronoun_authority(run) -> None:
    text = "Sarah Johnson acted quickly on June 4, when she imposed sanctions on Northwind Shipping Company."
    assert {(a, t) for a, t, _ in sanctions(run(text))} == {("Sarah Johnson", "Northwind Shipping Company")}


def test_sanctions_later_sentence_gives_specific_authority_and_date(run) -> None:
    text = ("New US sanctions targeting Kestrel Mining Corporation and Volga Freight Company hurt exports. "
            "The US Treasury Department imposed the sanctions on Friday.")
    found = sanctions(run(text, published="2024-05-13"))
    assert found == {
        ("US Treasury Department", "Kestrel Mining Corporation", "2024-05-10"),
        ("US Treasury Department", "Volga Freight Company", "2024-05-10"),
    }
