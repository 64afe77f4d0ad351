"""Dates at their precision and their order on a timeline."""

from __future__ import annotations

import pytest

from kg.timeline import When, format_date, parse_date, sort_key, year_of

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    ("value", "datatype", "shown"),
    [
        ("2025-10-22", "date", "22 Oct 2025"),
        ("2025-08", "gYearMonth", "Aug 2025"),
        ("2025", "gYear", "2025"),
        ("--10-16", "gMonthDay", "16 Oct"),
        ("2025-08", XSD + "gYearMonth", "Aug 2025"),
        ("2025-13", "gYearMonth", "2025-13"),  # malformed: shown as stored
        ("soon", "date", "soon"),
    ],
)
def test_timeline_format_date_keeps_precision(value: str, datatype: str, shown: str) -> None:
    assert format_date(value, datatype) == shown


def test_timeline_sort_key_orders_precisions_and_borrows_the_year() -> None:
    dates = [("2025-10-22", "date"), ("2025", "gYear"), ("--03-01", "gMonthDay"), ("2025-08", "gYearMonth")]
    whens = [parse_date(v, t) for v, t in dates]
    assert all(whens)
    ordered = sorted(whens, key=lambda w: sort_key(w, 2025))  # type: ignore[arg-type,return-value]
    assert ordered == [When(2025), When(None, 3, 1), When(2025, 8), When(2025, 10, 22)]
    assert sort_key(When(None, 3, 1)) == (9999, 3, 1)


def test_timeline_year_of_publication_date() -> None:
    assert year_of("2024-12-31") == 2024 and year_of(None) is None and year_of("") is None
