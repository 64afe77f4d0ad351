"""Text with marked spans, built as escaped HTML one piece at a time (never trusting the text)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: [start, end), an optional link and a CSS class."""

    start: int
    end: int
    href: str | None = None
    css: str = "mention"
    title: str | None = None


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """`text` escaped, with each span wrapped in <mark> (or <a>); overlapping or out-of-range spans are skipped."""
    pieces: list[str] = []
    at = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < at or span.end > len(text) or span.start >= span.end:
            continue
        pieces.append(escape(text[at : span.start]))
        inner = escape(text[span.start : span.end])
        title = Markup(' title="{}"').format(span.title) if span.title else Markup("")
        if span.href:
            pieces.append(Markup('<a class="{}" href="{}"{}>{}</a>').format(span.css, span.href, title, inner))
        else:
            pieces.append(Markup('<mark class="{}"{}>{}</mark>').format(span.css, title, inner))
        at = span.end
    pieces.append(escape(text[at:]))
    return Markup("").join(pieces)


def find_names(text: str, names: Iterable[str], css: str = "mention self") -> list[Span]:
    """Spans where any of `names` occurs in `text` as a whole word, ignoring case."""
    spans = []
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE):
            spans.append(Span(match.start(), match.end(), css=css))
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of `text`."""
    spans = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans
