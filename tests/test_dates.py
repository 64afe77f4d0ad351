"""Tests for kg.dates: resolving date phrases against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.dates import LEXICAL, WEEKDAYS, counted_from, resolve_date
from kg.model import DATE_DATATYPES, DateValue

SUNDAY = "2025-10-26"  # a Sunday


@pytest.mark.parametrize(
    ("phrase", "published", "value", "datatype"),
    [
        ("on Wednesday", SUNDAY, "2025-10-22", "date"),
        ("Wednesday", SUNDAY, "2025-10-22", "date"),
        ("on Sunday", SUNDAY, "2025-10-26", "date"),
        ("last Sunday", SUNDAY, "2025-10-19", "date"),
        ("next Monday", SUNDAY, "2025-10-27", "date"),
        ("Thursday evening", SUNDAY, "2025-10-23", "date"),
        ("Oct. 16", SUNDAY, "2025-10-16", "date"),
        ("October 16", SUNDAY, "2025-10-16", "date"),
        ("on Oct. 21", SUNDAY, "2025-10-21", "date"),
        ("October 16th", SUNDAY, "2025-10-16", "date"),
        ("16 October", SUNDAY, "2025-10-16", "date"),
        ("Oct. 16", None, "--10-16", "gMonthDay"),
        ("Dec. 20", SUNDAY, "2025-12-20", "date"),  # a month and day take the year of publication
        ("Dec. 28", "2025-01-05", "2024-12-28", "date"),  # ... unless that is most of a year ahead
        ("on October 2", "2025-08-14", "2025-10-02", "date"),
        # a range is its first day, with the year written after its last
        ("on July 6-11, 2022", SUNDAY, "2022-07-06", "date"),
        ("from March 3 to 8, 2022", SUNDAY, "2022-03-03", "date"),
        ("March 30 to April 2, 2022", SUNDAY, "2022-03-30", "date"),
        ("6-11 July 2022", SUNDAY, "2022-07-06", "date"),
        ("March 26-30", "2022-03-24", "2022-03-26", "date"),
        ("Christmas Eve", "2006-01-12", "2005-12-24", "date"),
        ("the day prior", "2024-01-16", "2024-01-15", "date"),
        ("last week", "2006-01-12", "2006-01", "gYearMonth"),  # a week names no day, but its month
        ("next week", "2026-04-29", "2026-05", "gYearMonth"),  # the month of its Monday
        # a weekday of a week named after it: that week's day (published on a Wednesday)
        ("Thursday next week", "2026-08-05", "2026-08-13", "date"),
        ("on Monday last week", "2026-08-05", "2026-07-27", "date"),
        ("Friday this week", "2026-08-05", "2026-08-07", "date"),
        ("over the weekend", "2026-05-04", "2026-05", "gYearMonth"),  # the weekend just gone: May 2-3
        ("last weekend", "2026-06-01", "2026-05", "gYearMonth"),  # May 30-31
        ("Yesterday, day five", "2018-06-19", "2018-06-18", "date"),  # the day before a comma's description
        ("Nov. 2", SUNDAY, "2025-11-02", "date"),
        ("October 26, 2025", None, "2025-10-26", "date"),
        ("Wednesday, March 4, 2020", SUNDAY, "2020-03-04", "date"),
        ("4 March 2020", None, "2020-03-04", "date"),
        ("2025-11-07T12:20+0000", None, "2025-11-07", "date"),
        ("2025-11-07", SUNDAY, "2025-11-07", "date"),
        ("in August", SUNDAY, "2025-08", "gYearMonth"),
        ("mid-August", SUNDAY, "2025-08", "gYearMonth"),
        ("in March", "2025-01-10", "2025-03", "gYearMonth"),
        ("in November", "2025-01-10", "2024-11", "gYearMonth"),
        ("in August last year", SUNDAY, "2024-08", "gYearMonth"),
        ("August 2025", None, "2025-08", "gYearMonth"),
        ("2025", None, "2025", "gYear"),
        ("in 1998", SUNDAY, "1998", "gYear"),
        ("last month", SUNDAY, "2025-09", "gYearMonth"),
        ("last month", "2025-01-05", "2024-12", "gYearMonth"),
        ("this year", SUNDAY, "2025", "gYear"),
        ("late last year", SUNDAY, "2024", "gYear"),
        ("yesterday", SUNDAY, "2025-10-25", "date"),
        ("today", SUNDAY, "2025-10-26", "date"),
        ("three days ago", SUNDAY, "2025-10-23", "date"),
        ("the 16th", SUNDAY, "2025-10-16", "date"),
        ("the 30th", SUNDAY, "2025-09-30", "date"),
        ("10/26/2025", None, "2025-10-26", "date"),
        ("26.10.2025", None, "2025-10-26", "date"),
        ("spring 2024", SUNDAY, "2024", "gYear"),
        # a possessive date, and a time of day that ends on the day it names
        ("last month's", SUNDAY, "2025-09", "gYearMonth"),
        ("Friday's", SUNDAY, "2025-10-24", "date"),
        ("shortly after noon on Friday", SUNDAY, "2025-10-24", "date"),
        # a day the model ran on into a stretch of time: "resigned on Monday after weeks of pressure"
        ("Monday after weeks", SUNDAY, "2025-10-20", "date"),
        ("Friday after two days", SUNDAY, "2025-10-24", "date"),
    ],
)
def test_resolve_date_resolves(phrase: str, published: str | None, value: str, datatype: str) -> None:
    assert resolve_date(phrase, published) == DateValue(phrase, value, datatype)


@pytest.mark.parametrize(
    ("phrase", "published"),
    [
        ("on Wednesday", None),
        ("in August", None),
        ("yesterday", None),
        ("last month", None),
        ("earlier this week", SUNDAY),
        ("this summer", SUNDAY),
        ("the 1990s", SUNDAY),
        ("two weeks ago", SUNDAY),
        ("03/04/2025", SUNDAY),
    ],
)
def test_resolve_date_keeps_unresolvable_phrase(phrase: str, published: str | None) -> None:
    assert resolve_date(phrase, published) == DateValue(phrase, None, None)


@pytest.mark.parametrize(
    "phrase",
    ["three-and-a-half-year", "two weeks", "hours", "a year", "", "   ", "the summit", "may", "Feb. 30"],
)
def test_resolve_date_rejects_non_dates(phrase: str) -> None:
    assert resolve_date(phrase, SUNDAY) is None


def test_resolve_date_ignores_malformed_published() -> None:
    assert resolve_date("Oct. 16", "not a date") == DateValue("Oct. 16", "--10-16", "gMonthDay")


published_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(dt.date.isoformat)


@given(st.text(max_size=80), st.one_of(st.none(), published_dates, st.text(max_size=20)))
def test_resolve_date_never_raises_and_values_are_lexical(phrase: str, published: str | None) -> None:
    result = resolve_date(phrase, published)
    if result is not None and result.value is not None:
        assert result.datatype in DATE_DATATYPES
        assert LEXICAL[result.datatype].match(result.value)
        if result.datatype == "date":
            dt.date.fromisoformat(result.value)


@given(st.sampled_from(sorted(WEEKDAYS)), published_dates, st.sampled_from(["", "on ", "On "]))
def test_resolve_date_weekday_is_recent_past(day: str, published: str, prefix: str) -> None:
    result = resolve_date(prefix + day.capitalize(), published)
    assert result is not None and result.value is not None
    gap = dt.date.fromisoformat(published) - dt.date.fromisoformat(result.value)
    assert 0 <= gap.days <= 6
    assert dt.date.fromisoformat(result.value).weekday() == WEEKDAYS[day]


def test_a_century_is_no_date() -> None:
    assert resolve_date("17th-century", "2026-04-08") is None


SATURDAY = DateValue("on Saturday", "2026-01-17", "date")


@pytest.mark.parametrize(
    ("phrase", "reverse", "value"),
    [
        ("two days after", False, "2026-01-19"),  # "the visit, two days after Saturday"
        ("a day before", False, "2026-01-16"),
        ("a week later", False, "2026-01-24"),
        ("two days after", True, "2026-01-15"),  # "on Saturday, two days after the defeat": the defeat
        ("three days before", True, "2026-01-20"),  # "on Saturday, three days before the vote": the vote
        ("The next day", False, "2026-01-18"),  # counts told without a number
        ("the previous day", False, "2026-01-16"),
        ("Later that day", False, "2026-01-17"),  # the same day
        ("A few hours later", False, "2026-01-17"),
    ],
)
def test_counted_from_counts_whole_days(phrase: str, reverse: bool, value: str) -> None:
    counted = counted_from(phrase, SATURDAY, reverse=reverse)
    assert counted is not None and counted.value == value and counted.datatype == "date"


def test_counted_from_needs_whole_days_from_one_day() -> None:
    assert counted_from("two hours after", SATURDAY) is None
    assert counted_from("a day after", DateValue("in May", "2026-05", "gYearMonth")) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("this November", "2025-11"),  # the month of the year of publication
        ("last November", "2024-11"),  # the last one before the month of publication
        ("last September", "2025-09"),
        ("last March", "2025-03"),
        ("past October", "2024-10"),
        ("next February", "2026-02"),  # the first one after it
        ("coming December", "2025-12"),
    ],
)
def test_a_month_named_with_this_last_or_next_is_counted_from_the_month_of_publication(phrase, value) -> None:
    assert resolve_date(phrase, SUNDAY) == DateValue(phrase, value, "gYearMonth")
