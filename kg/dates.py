"""Normalise date phrases found in articles ("on Wednesday", "Oct. 16", "in August") to typed values.

Resolution is relative to the article's publication date and keeps the precision of the phrase:
a month stays a gYearMonth, a year a gYear, a month and day without a year and without a
publication date a gMonthDay. A phrase that names a time but no single day, month or year
("earlier this week") is returned unresolved (value None), and a phrase that is not a date at
all ("two weeks", "hours") gives None.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.model import DateValue

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

# A month-day or month without a year is in the year of publication ("on October 2" in an article of
# August 14 is this October), unless it would lie this many days after publication or more: then
# it is the most recent past one ("on December 28" in an article of January 5).
FORWARD_DAYS = 270

# Lexical patterns of the XML Schema datatypes we produce (timezone-free forms).
LEXICAL = {
    "date": re.compile(r"^-?\d{4,}-\d{2}-\d{2}$"),
    "gYearMonth": re.compile(r"^-?\d{4,}-\d{2}$"),
    "gYear": re.compile(r"^-?\d{4,}$"),
    "gMonthDay": re.compile(r"^--\d{2}-\d{2}$"),
}

_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|since|from|until|till|to|during|over|of|for|before|after|as\s+of|"
    r"around|about|early|earlier|late|later|mid|the|end|beginning|start|middle)\b[\s-]*)+",
    re.I,
)
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# A range is read as its first day, with the year written after its last: "July 6-11, 2022",
# "from March 3 to 8, 2022", "March 30 to April 2, 2022", "6-11 July 2022".
_RANGE_TO = r"(?:\s*(?:-|\u2013|\u2014|to|through|until|till|and)\s*)"
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_RE})\.?\s+{_DAY_RE}\b(?:{_RANGE_TO}(?:(?:{_MONTH_RE})\.?\s+)?\d{{1,2}}\b)?"
    rf"(?:\s*,?\s*(\d{{4}})\b)?",
    re.I,
)
_DAY_MONTH = re.compile(
    rf"\b{_DAY_RE}(?:{_RANGE_TO}\d{{1,2}})?\s+(?:of\s+)?({_MONTH_RE})\.?(?:\s*,?\s*(\d{{4}})\b)?", re.I
)
_RANGE_END = re.compile(rf"{_RANGE_TO}\S.*$", re.I)
# Feasts that name a day of the year.
_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
             "new year's eve": (12, 31), "new year's day": (1, 1)}  # fmt: skip
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s*,?\s+(\d{{4}})\b", re.I)
_MONTH_ONLY = re.compile(rf"^({_MONTH_RE})\.?(?:\s*,?\s*(?:of\s+)?(this|last|next)\s+year)?$", re.I)
_NAMED_MONTH = re.compile(rf"^(this|last|next|past|coming)\s+({_MONTH_RE})$", re.I)  # "this November"
_YEAR = re.compile(r"^(?:the\s+year\s+)?(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")  # 10/26/2025 or 26.10.2025
_SEASON_YEAR = re.compile(r"^(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})$", re.I)
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$", re.I)
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WEEKDAY = re.compile(
    rf"^(last|this|next|past|previous|coming)?\s*({_WEEKDAY_RE})\.?"
    r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?"
    r"(?:,?\s+(?:of\s+)?(last|this|next|past|previous|coming)\s+week)?$",  # "Thursday next week": that week's
    re.I,
)
_AGO = re.compile(r"^(\d+|a|an|one|two|three|four|five|six|seven)\s+(day|week|month|year)s?\s+ago$", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "this morning": 0, "this evening": 0, "this afternoon": 0, "this day": 0,
    "yesterday": -1, "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2,
    "last night": -1, "yesterday morning": -1, "yesterday evening": -1, "yesterday afternoon": -1,
    "day prior": -1, "day before": -1, "previous day": -1,
}  # fmt: skip
_MONTH_OFFSETS = {
    "month": 0, "this month": 0, "last month": -1, "past month": -1, "previous month": -1, "next month": 1,
}  # fmt: skip
_YEAR_OFFSETS = {
    "year": 0, "this year": 0, "last year": -1, "past year": -1, "previous year": -1, "next year": 1,
}  # fmt: skip
_LAST_WEEK = {"last week", "past week", "previous week"}
_NEXT_WEEK = {"next week", "coming week"}
_LAST_WEEKEND = {"weekend", "last weekend", "past weekend", "previous weekend"}  # "over the weekend"
# Names of a time span with no single day, month or year: a date, but unresolved.
_VAGUE = re.compile(
    r"^(?:(?:this|last|next|past|previous|coming)\s+)?(?:week|weekend|spring|summer|autumn|fall|winter)$"
    r"|^(?:\d{4}|\d0)'?s$",
    re.I,
)


_CENTURY = re.compile(r"\bcentur(?:y|ies)\b", re.IGNORECASE)
# "Monday after weeks [of pressure]", "Friday after two days": a day the model ran on into a stretch of time
_STRETCH_AFTER = re.compile(
    r"\s+(?:after|before)\s+(?:(?:\d+|a|an|several|few|many|two|three|four|five|six)\s+)?(?:hours|days|weeks|months|years)\b.*$",
    re.I)


def resolve_date(phrase: str, published: str | None) -> DateValue | None:
    """Resolve a date phrase against the publication date ("YYYY-MM-DD" or None); None if not a date."""
    if not isinstance(phrase, str) or len(phrase) > 200:
        return None
    anchor = parse_published(published)
    core = _strip(phrase)
    if not core or _CENTURY.search(core):
        return None  # "the 17th-century church": an age, no day
    # "from Monday to Wednesday": its first day; "Yesterday, day five": the day before the comma
    # "last week's talks": the week; "shortly before midnight on Sunday": the day it names last;
    # "Monday after weeks": the day before a stretch of time
    tails = [_strip(core.removesuffix("'s")), *([core.rsplit(" on ", 1)[1]] if " on " in core else [])]
    for text in dict.fromkeys((core, _RANGE_END.sub("", core), _strip(core.split(",")[0]), *tails,
                               _STRETCH_AFTER.sub("", core))):
        for step in (_absolute, _relative):
            found = step(text, anchor)
            if found is not None:
                value, datatype = found
                if value is None:
                    return DateValue(phrase, None, None)
                return DateValue(phrase, value, datatype)
    return None


_COUNTED = re.compile(
    r"^(\d+|a|an|the|one|two|three|four|five|six|seven)\s+(day|week)s?\s+(after|before|later|earlier)$", re.I
)
# a day counted from another without a number: "the next day" is "a day later"
_NAMED_COUNTS = {"the next day": "a day later", "the following day": "a day later",
                 "the previous day": "a day earlier", "the preceding day": "a day earlier",
                 "the day before": "a day earlier"}
# "later that day", "the same day", "a few hours later": no whole day counted
_SAME_DAY = re.compile(r"(?:(?:that|the\s+same)\s+day|hours\s+(?:later|earlier))$", re.I)


def counted_from(phrase: str, day: DateValue, reverse: bool = False) -> DateValue | None:
    """The day a phrase counts from another day: "two days after" Saturday 2026-01-17 is Monday
    2026-01-19, "a day before" it is Friday 2026-01-16, "a week later" is 2026-01-24, "the next day" is
    Sunday, "later that day" is Saturday itself. With `reverse`, the day counted from: in "dismissed on
    Saturday, two days after the defeat" the defeat is two days before Saturday, 2026-01-15. None when the
    phrase counts no whole days or `day` is no single day."""
    if day.datatype != "date" or not day.value:
        return None
    words = " ".join(phrase.split())
    if _SAME_DAY.search(words):
        return DateValue(phrase, day.value, "date")
    match = _COUNTED.match(_NAMED_COUNTS.get(words.lower(), words))
    if match is None:
        return None
    count = int(match[1]) if match[1].isdigit() else _NUMBERS.get(match[1].lower(), 1)
    days = count * (7 if match[2].lower() == "week" else 1)
    backwards = (match[3].lower() in ("before", "earlier")) != reverse
    counted = dt.date.fromisoformat(day.value) + dt.timedelta(days=-days if backwards else days)
    written = f"{match[1].lower()} {match[2].lower()}{'s' if count > 1 else ''}"  # (not a sentence's capital)
    return DateValue(f"{written} {'before' if backwards else 'after'} {_strip(day.text)}", counted.isoformat(), "date")


def parse_published(published: str | None) -> dt.date | None:
    """Parse a "YYYY-MM-DD" (or ISO datetime) publication date; None when absent or malformed."""
    if not published:
        return None
    match = _ISO.match(published.strip())
    if not match:
        return None
    return _make_date(int(match[1]), int(match[2]), int(match[3]))


def _strip(phrase: str) -> str:
    text = " ".join(phrase.replace("\u2019", "'").split()).strip(" ,.;:()[]\"'")
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text).strip(" ,.;:-")
    return text


_Found = tuple[str | None, str | None]


def _absolute(core: str, anchor: dt.date | None) -> _Found | None:
    """Explicit calendar dates: ISO, month-day(-year), day-month(-year), month-year, year, month."""
    if match := _ISO.match(core):
        day = _make_date(int(match[1]), int(match[2]), int(match[3]))
        return (day.isoformat(), "date") if day else None
    if match := _ISO_MONTH.match(core):
        year, month = int(match[1]), int(match[2])
        return (f"{year:04d}-{month:02d}", "gYearMonth") if 1 <= month <= 12 else None
    if match := _NUMERIC.match(core):
        return _numeric(int(match[1]), int(match[2]), int(match[3]))
    if match := _SEASON_YEAR.match(core):
        return f"{int(match[1]):04d}", "gYear"
    if match := _MONTH_DAY.search(core):
        return _month_day(MONTHS[match[1].lower()], int(match[2]), match[3], anchor)
    if match := _DAY_MONTH.search(core):
        return _month_day(MONTHS[match[2].lower()], int(match[1]), match[3], anchor)
    if match := _MONTH_YEAR.search(core):
        return f"{int(match[2]):04d}-{MONTHS[match[1].lower()]:02d}", "gYearMonth"
    if match := _YEAR.match(core):
        year = int(match[1])
        return (f"{year:04d}", "gYear") if 1000 <= year <= 2999 else None
    if (match := _MONTH_ONLY.match(core)) and not match[1].islower():  # "may", "march": verbs
        if anchor is None:
            return None, None
        month = MONTHS[match[1].lower()]
        year = anchor.year
        if match[2]:
            year += {"this": 0, "last": -1, "next": 1}[match[2].lower()]
        elif dt.date(year, month, 1) > anchor + dt.timedelta(days=FORWARD_DAYS):
            year -= 1
        return f"{year:04d}-{month:02d}", "gYearMonth"
    if (match := _NAMED_MONTH.match(core)) and not match[2].islower():
        if anchor is None:
            return None, None
        return _named_month(match[1].lower(), MONTHS[match[2].lower()], anchor), "gYearMonth"
    if core.lower() in _HOLIDAYS:
        month, day_number = _HOLIDAYS[core.lower()]
        return _month_day(month, day_number, None, anchor)
    if match := _ORDINAL_DAY.match(core):
        if anchor is None:
            return None, None
        day_number = int(match[1])
        day = _make_date(anchor.year, anchor.month, day_number)
        if day is None or day > anchor:
            previous = anchor.replace(day=1) - dt.timedelta(days=1)
            day = _make_date(previous.year, previous.month, day_number)
        return (day.isoformat(), "date") if day else None
    return None


def _named_month(word: str, month: int, anchor: dt.date) -> str:
    """ "this November": that month of the year of `anchor`; "next September", "coming March": the first one
    after `anchor`'s month; "last November", "past March": the last one before it."""
    year = anchor.year
    if word in ("next", "coming") and month <= anchor.month:
        year += 1
    elif word in ("last", "past") and month >= anchor.month:
        year -= 1
    return f"{year:04d}-{month:02d}"


def _numeric(first: int, second: int, year: int) -> _Found | None:
    """A numeric date: month/day (US) or day.month; unresolved when both readings are valid and differ."""
    readings = {day for day in (_make_date(year, first, second), _make_date(year, second, first)) if day}
    if not readings:
        return None
    if len(readings) > 1:
        return None, None
    return readings.pop().isoformat(), "date"


def _month_day(month: int, day_number: int, year_text: str | None, anchor: dt.date | None) -> _Found | None:
    if year_text:
        day = _make_date(int(year_text), month, day_number)
        return (day.isoformat(), "date") if day else None
    if _make_date(2000, month, day_number) is None:  # 2000 is a leap year: accepts Feb 29
        return None
    if anchor is None:
        return f"--{month:02d}-{day_number:02d}", "gMonthDay"
    for year in (anchor.year, anchor.year - 1, anchor.year - 2):
        day = _make_date(year, month, day_number)
        if day is not None and day <= anchor + dt.timedelta(days=FORWARD_DAYS):
            return day.isoformat(), "date"
    return None


def _relative(core: str, anchor: dt.date | None) -> _Found | None:
    """Phrases relative to publication: weekdays, yesterday, last month, this year, N days ago."""
    lowered = core.lower()
    if match := _WEEKDAY.match(lowered):
        if anchor is None:
            return None, None
        target = WEEKDAYS[match[2]]
        if match[3]:  # "Thursday next week", "Monday last week": that day of the week named
            weeks = {"next": 1, "coming": 1, "this": 0}.get(match[3], -1)
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7 * weeks)
            return (monday + dt.timedelta(days=target)).isoformat(), "date"
        if match[1] in ("next", "coming"):
            offset = (target - anchor.weekday()) % 7 or 7
        else:
            offset = -((anchor.weekday() - target) % 7)
            if match[1] in ("last", "past", "previous") and offset == 0:
                offset = -7
        return (anchor + dt.timedelta(days=offset)).isoformat(), "date"
    offset_words = _relative_words(lowered)
    if offset_words is not None:
        unit, offset = offset_words
        if anchor is None:
            return None, None
        if unit == "day":
            return (anchor + dt.timedelta(days=offset)).isoformat(), "date"
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + offset
            return f"{index // 12:04d}-{index % 12 + 1:02d}", "gYearMonth"
        return f"{anchor.year + offset:04d}", "gYear"
    if lowered in _LAST_WEEK | _NEXT_WEEK | _LAST_WEEKEND:  # a week names no day; its month does
        if anchor is None:
            return None, None
        if lowered in _LAST_WEEKEND:  # the Saturday of the weekend just gone (or under way)
            day = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        else:  # the Monday of that week
            day = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7 if lowered in _NEXT_WEEK else -7)
        return f"{day.year:04d}-{day.month:02d}", "gYearMonth"
    if _VAGUE.match(lowered):
        return None, None
    if match := _AGO.match(lowered):
        if anchor is None:
            return None, None
        count = int(match[1]) if match[1].isdigit() else _NUMBERS[match[1]]
        if match[2] == "day":
            return (anchor - dt.timedelta(days=count)).isoformat(), "date"
        return None, None
    return None


def _relative_words(lowered: str) -> tuple[str, int] | None:
    """Map "yesterday", "last month", "year" (after "this" was stripped) to (unit, offset)."""
    words = lowered
    if words in _DAY_OFFSETS:
        return "day", _DAY_OFFSETS[words]
    if words in _MONTH_OFFSETS:
        return "month", _MONTH_OFFSETS[words]
    if words in _YEAR_OFFSETS:
        return "year", _YEAR_OFFSETS[words]
    return None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
