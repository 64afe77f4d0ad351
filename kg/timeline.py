"""Dates as people read them, at the precision they were written, and their order on a timeline."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNKNOWN_YEAR = 9999  # a month-day without a year, and no publication year to lend one, sorts last

_DATE = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})")
_YEAR_MONTH = re.compile(r"^(-?\d{4,})-(\d{2})")
_YEAR = re.compile(r"^(-?\d{4,})")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})")


@dataclass(frozen=True, order=True)
class When:
    """A date at its precision: year, month and day, each None when not stated."""

    year: int | None
    month: int | None = None
    day: int | None = None


def parse_date(value: str, datatype: str) -> When | None:
    """The parts of an XML Schema date literal ("2025-08" as gYearMonth -> When(2025, 8)); None if malformed."""
    kind = datatype.rsplit("#", 1)[-1]
    patterns = {"date": _DATE, "dateTime": _DATE, "gYearMonth": _YEAR_MONTH, "gYear": _YEAR, "gMonthDay": _MONTH_DAY}
    pattern = patterns.get(kind)
    match = pattern.match(value) if pattern else None
    if match is None:
        return None
    parts = [int(p) for p in match.groups()]
    if kind == "gMonthDay":
        when = When(None, parts[0], parts[1])
    else:
        when = When(parts[0], *parts[1:])
    if when.month is not None and not 1 <= when.month <= 12:
        return None
    return when


def format_when(when: When) -> str:
    """"22 Oct 2025", "Aug 2025", "2025" or "16 Oct": only the parts that are known."""
    parts = []
    if when.day is not None:
        parts.append(str(when.day))
    if when.month is not None:
        parts.append(MONTHS[when.month - 1])
    if when.year is not None:
        parts.append(str(when.year))
    return " ".join(parts)


def format_date(value: str, datatype: str) -> str:
    """A typed date for display at its precision; the raw value when it cannot be parsed."""
    when = parse_date(value, datatype)
    return format_when(when) if when else value


def sort_key(when: When, fallback_year: int | None = None) -> tuple[int, int, int]:
    """Order on a timeline: a missing year borrows `fallback_year` (e.g. the publication year)."""
    year = when.year if when.year is not None else (fallback_year if fallback_year is not None else UNKNOWN_YEAR)
    return year, when.month or 0, when.day or 0


def year_of(iso_date: str | None) -> int | None:
    """The year of an ISO date such as a publication date, or None."""
    match = _YEAR.match(iso_date or "")
    return int(match.group(1)) if match else None
