"""Accept-header negotiation by RFC 9110: q-values, wildcards, specificity, order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import NotAcceptable
from kg.negotiation import negotiate, parse_accept

SUPPORTED = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
             "text/tab-separated-values"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*", "text/csv"),
        ("text/*;q=0.9, text/tab-separated-values", "text/tab-separated-values"),
        ("text/tab-separated-values, text/csv", "text/tab-separated-values"),
        ("text/csv, text/tab-separated-values", "text/csv"),
        ("*/*;q=0.1, text/csv;q=0", "application/sparql-results+json"),
        ("application/*;q=0.2, text/csv;q=0.3", "text/csv"),
        ("TEXT/CSV", "text/csv"),
        ("text/csv;charset=utf-8;q=0.8, garbage, application/sparql-results+json;q=0.7", "text/csv"),
        ("text/csv;q=2, application/sparql-results+xml;q=0.1", "application/sparql-results+xml"),
    ],
)
def test_negotiate_picks_by_rfc9110(accept: str | None, expected: str) -> None:
    assert negotiate(accept, SUPPORTED) == expected


@pytest.mark.parametrize("accept", ["text/html", "text/csv;q=0, text/html", "*/*;q=0", "image/*", "nonsense"])
def test_negotiate_refuses_unacceptable(accept: str) -> None:
    with pytest.raises(NotAcceptable, match="Available: application/sparql-results"):
        negotiate(accept, SUPPORTED)


def test_negotiate_specific_range_overrides_wildcard_q() -> None:
    assert negotiate("*/*, text/csv;q=0", ["text/csv", "text/turtle"]) == "text/turtle"


_types = st.sampled_from([*SUPPORTED, "text/html", "application/json", "text/*", "application/*", "*/*", "x/y"])
_q = st.one_of(st.none(), st.sampled_from(["0", "0.0", "0.1", "0.5", "0.999", "1", "1.000", "2", "-1", "abc"]))
_entry = st.builds(lambda t, q: t if q is None else f"{t};q={q}", _types, _q)


@given(st.lists(_entry, max_size=6).map(", ".join) | st.text(max_size=40))
def test_negotiate_returns_supported_or_raises(accept: str) -> None:
    try:
        chosen = negotiate(accept, SUPPORTED)
    except NotAcceptable:
        return
    assert chosen in SUPPORTED
    for media_range in parse_accept(accept):
        if media_range.matches(chosen) and media_range.specificity == 2:
            assert media_range.q > 0
