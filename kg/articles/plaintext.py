"""Plain-text article layouts: recognise header metadata, leading furniture and trailing page furniture.

Two layouts are supported:

(a) a header block of ``key: value`` lines (title, date, source/url, publisher, ...) and a blank line;
(b) free-form leading lines: a URL, a title (maybe repeated), a date or timestamp line, section labels,
    "2 min read" lines, before the first sentence of the body.

Lines are classified by their shape, never by site: a standalone date, a count of views, a run of
short lowercase tag lines, "Read more", a contact or copyright line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.dates import resolve_date

HEADER_KEYS = {
    "title": "title", "headline": "title", "date": "date", "published": "date", "pubdate": "date",
    "source": "url", "url": "url", "link": "url", "publisher": "publisher", "site": "publisher",
    "sitename": "publisher", "license": None, "licence": None, "author": None, "byline": None,
    "section": None, "tags": None, "language": None, "lang": None, "id": None,
}  # fmt: skip
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_ -]{0,20}):\s*(.*)$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$")
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_LINE = re.compile(
    rf"^{_WEEKDAY}(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.I,
)
_DATELINE = re.compile(  # "KYIV, October 3, 2025 —" / "LONDON, 3 Oct 2025 (Agency) -"
    rf"^[A-Z][A-Z .'-]{{2,40}},\s*({_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}})\b",
    re.I,
)
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|mins?)\.?\s+read$", re.I)
_STRONG_FURNITURE = re.compile(
    r"^(?:[\d.,]+\s*[km]?\s+(?:views?|comments?|shares?|likes?|reads?)"
    r"|highlights|read more|read next|read also|news feed|show more|load more|see also|more stories"
    r"|related(?:\s+(?:articles?|stories|news|content|coverage))?|most (?:read|popular|viewed)|trending(?: now)?"
    r"|sources?|categories\s*:.*|tags?\s*:.*|topics?\s*:.*|share(?: this(?: article| story)?)?|advertisement"
    r"|subscribe\b.{0,60}|sign up\b.{0,60}|follow us\b.{0,60}|editor['\u2019]s note\s*:.*|avatar"
    r"|(?:\u00a9|copyright\b|\(c\)\s*\d{4}).*|.{0,80}all rights reserved.{0,40}"
    r"|(?:an?|\d+) (?:hours?|minutes?|days?) ago"
    r"|hour ago|minute ago|[a-z]{2}_[A-Z]{2}|(?:\d+\s+){1,3}(?:true|false))$",
    re.I,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d ()-]{7,}")
_TERMINAL = tuple(".!?\"'\u201d\u2019)\u2026:;")
_SENTENCE_END = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class PlainText:
    """The kept text of a plain-text article and what was recognised about it."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    boilerplate_from: int | None = None


def parse_plain_text(raw: str) -> PlainText:
    """Split a plain-text article into metadata, body text and the offset of trailing furniture."""
    lines = raw.split("\n")
    meta, start = _read_header(lines)
    if start:
        start = _skip_date_lines(lines, start, meta)
    else:
        start = _read_leading_lines(lines, meta)
    if not meta.get("date"):
        meta["date"] = _date_near_top(lines[start:])
    text = "\n".join(lines[start:]).strip("\n")
    if not text.strip():  # everything looked like a header: keep it all rather than lose the text
        meta.pop("title", None)
        text = raw.strip("\n")
    return PlainText(
        text=text,
        title=meta.get("title") or None,
        url=meta.get("url") or None,
        published=meta.get("date") or None,
        publisher=meta.get("publisher") or None,
        boilerplate_from=find_boilerplate(text),
    )


def to_published(value: str) -> str | None:
    """A "YYYY-MM-DD" date from a date or timestamp string, only when it names a full day."""
    found = resolve_date(value.strip(), None)
    if found is not None and found.datatype == "date":
        return found.value
    return None


def is_body_line(line: str) -> bool:
    """True for a line that reads as prose: several words ending like a sentence, or a long line."""
    words = line.split()
    return (len(words) >= 6 and bool(_SENTENCE_END.search(line.rstrip()))) or len(words) > 25


def _read_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Layout (a): leading `key: value` lines with a known first key; returns (metadata, body start)."""
    meta: dict[str, str] = {}
    index = 0
    while index < len(lines) and lines[index].strip():
        match = _HEADER_LINE.match(lines[index].strip())
        key = match[1].strip().lower() if match else ""
        if not match or key not in HEADER_KEYS:
            return {}, 0
        field = HEADER_KEYS[key]
        value = match[2].strip()
        if field == "date":
            value = to_published(value) or ""
        elif field == "url" and not _URL.match(value):
            field = "publisher" if key in ("source", "site") else field
        if field and value and field not in meta:
            meta[field] = value
        index += 1
    if index == 0 or not meta:
        return {}, 0
    return meta, index


def _skip_date_lines(lines: list[str], index: int, meta: dict[str, str]) -> int:
    """After a header, skip blank lines and standalone date lines that open the body."""
    while index < len(lines):
        line = lines[index].strip()
        if line and (_DATE_LINE.match(line) or _TIMESTAMP.match(line)):
            meta.setdefault("date", to_published(line) or "")
        elif line:
            break
        index += 1
    return index


def _read_leading_lines(lines: list[str], meta: dict[str, str]) -> int:
    """Layout (b): consume URL, title, date, label and reading-time lines before the body."""
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if _URL.match(line):
            meta.setdefault("url", line)
        elif _DATE_LINE.match(line) or _TIMESTAMP.match(line):
            if published := to_published(line):
                meta.setdefault("date", published)
        elif _READING_TIME.match(line) or _STRONG_FURNITURE.match(line):
            pass
        elif is_body_line(line) or line.isupper():
            return index
        elif line == meta.get("title"):
            pass
        elif len(line.split()) >= 4 and "title" not in meta:
            meta["title"] = line
        elif len(line.split()) > 3:
            return index
    return len(lines)


def _date_near_top(lines: list[str], window: int = 12) -> str:
    """A standalone date or timestamp line, or a dated dateline, among the first non-blank lines."""
    seen = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if _DATE_LINE.match(line) or _TIMESTAMP.match(line):
            return to_published(line) or ""
        if match := _DATELINE.match(line):
            return to_published(match[1]) or ""
        seen += 1
        if seen >= window:
            break
    return ""


def is_furniture_line(line: str) -> bool:
    """A line that is page furniture on its own: counts, 'Read more', contacts, timestamps, locale tags."""
    line = line.strip()
    if _STRONG_FURNITURE.match(line) or _READING_TIME.match(line) or _TIMESTAMP.match(line):
        return True
    return bool(_CONTACT.search(line)) and len(line.split()) <= 15


def _is_weak_furniture(line: str) -> bool:
    """A line that may be furniture next to a strong marker: a date, a label, a teaser headline, a URL."""
    line = line.strip()
    if not line or _DATE_LINE.match(line) or _URL.match(line) or line.isdigit():
        return True
    return len(line.split()) <= 20 and not line.endswith(_TERMINAL)


def _is_tag_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 4 and line[:1].islower() and not line.endswith(_TERMINAL)


def find_boilerplate(text: str) -> int | None:
    """Offset where the first clear block of trailing page furniture starts after the body, or None."""
    lines = text.split("\n")
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    seen_body = False
    starts_tag_run = _tag_run_finder(lines)
    for index, line in enumerate(lines):
        if not seen_body:
            seen_body = is_body_line(line)
            continue
        if is_furniture_line(line) or starts_tag_run(index):
            first = index
            while first > 0 and _is_weak_furniture(lines[first - 1]) and not is_body_line(lines[first - 1]):
                first -= 1
            while first < index and not lines[first].strip():
                first += 1
            return offsets[first]
    return None


def _tag_run_finder(lines: list[str]) -> Callable[[int], bool]:
    """`_starts_tag_run(lines, index)` in linear time over all indices: a blank line answers as the next
    line with text does, so a long run of blank lines is scanned once, not once per blank line."""
    following = [len(lines)] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        following[index] = index if lines[index].strip() else following[index + 1]

    @functools.cache
    def starts(index: int) -> bool:
        return following[index] < len(lines) and _starts_tag_run(lines, following[index])

    return starts


def _starts_tag_run(lines: list[str], index: int, length: int = 3) -> bool:
    """True when `length` tag-like lines (blank lines between allowed) start at `index`."""
    count = 0
    for line in lines[index:]:
        if not line.strip():
            continue
        if not _is_tag_line(line.strip()):
            return False
        count += 1
        if count >= length:
            return True
    return False
