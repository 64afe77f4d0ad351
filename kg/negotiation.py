"""HTTP content negotiation by the rules of RFC 9110 §12.5.1 (Accept, q-values, wildcards).

The most specific media range that matches a type gives that type its quality
(`text/turtle` beats `text/*` beats `*/*`); q=0 excludes a type. Among the types
of highest quality, the one whose matching range comes first in the header wins,
then the server's own order of preference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import NotAcceptable

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_RANGE = re.compile(rf"^\s*({_TOKEN})/({_TOKEN})\s*$")
_QVALUE = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")
CACHED_HEADER_CHARS = 1024  # longer Accept headers are negotiated afresh each time, not remembered


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header: `type/subtype` (either may be `*`) with its quality."""

    type: str
    subtype: str
    q: float
    position: int

    @property
    def specificity(self) -> int:
        """2 for type/subtype, 1 for type/*, 0 for */*."""
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        """Whether this range covers `media_type` (a concrete type/subtype)."""
        kind, _, sub = media_type.lower().partition("/")
        return self.type in ("*", kind) and self.subtype in ("*", sub)


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed entries are skipped, a missing header means */*."""
    if header is None or not header.strip():
        return [MediaRange("*", "*", 1.0, 0)]
    ranges = []
    for position, entry in enumerate(header.split(",")):
        media, *params = entry.split(";")
        match = _RANGE.match(media)
        if match is None:
            continue
        kind, sub = match.group(1).lower(), match.group(2).lower()
        if kind == "*" and sub != "*":
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                value = value.strip()
                q = float(value) if _QVALUE.match(value) else -1.0
                break  # parameters after q are accept-extensions
        if q >= 0:
            ranges.append(MediaRange(kind, sub, q, position))
    return ranges


def quality(ranges: Sequence[MediaRange], media_type: str) -> tuple[float, int, int]:
    """(q, specificity, -position) of the most specific ranges covering `media_type`; q=0 if none.

    When a header repeats the same range, the lowest q counts, so q=0 always excludes.
    """
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return (0.0, -1, 0)
    specificity = max(r.specificity for r in matching)
    best = [r for r in matching if r.specificity == specificity]
    return (min(r.q for r in best), specificity, -min(r.position for r in best))


def negotiate(header: str | None, supported: Sequence[str]) -> str:
    """The supported media type the client prefers, `supported` being in the server's order of preference.

    Raises:
        NotAcceptable: the header accepts none of `supported` (or gives each q=0).
    """
    if header is None or len(header) <= CACHED_HEADER_CHARS:
        chosen = _cached_choice(header, tuple(supported))
    else:
        chosen = _choice(header, supported)
    if chosen is None:
        raise NotAcceptable(
            f"None of the media types in Accept: {header!r} can be produced here. Available: {', '.join(supported)}."
        )
    return chosen


def _choice(header: str | None, supported: Sequence[str]) -> str | None:
    ranges = parse_accept(header)
    best: tuple[float, int] | None = None
    chosen = None
    for media_type in supported:
        q, _, neg_position = quality(ranges, media_type)
        if q <= 0:
            continue
        key = (q, neg_position)
        if best is None or key > best:
            best, chosen = key, media_type
    return chosen


# Clients send the same few Accept headers again and again: their choices are remembered.
_cached_choice = lru_cache(maxsize=512)(_choice)
