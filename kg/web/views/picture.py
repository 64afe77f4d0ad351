"""The neighbourhood picture of an entity page: the entity on the left, its neighbours in a column on the right.

A column rather than a circle: the picture is as tall as its neighbours need and no wider than a phone,
so at 375 px its 13-unit labels are drawn at about 12 px, and every label has the width of the column
(two lines of LINE_CHARS, then "…"). Drawn by the server as SVG: no script, no library.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

WIDTH = 360  # viewBox width
CENTRE_X = 58
COLUMN_X = 150  # where the neighbours' dots sit
LINE_CHARS = 27  # characters of a 13-unit label line that fit between COLUMN_X and WIDTH
CENTRE_CHARS = 12  # characters of a centre label line (bold, a little larger)
LINE_HEIGHT = 14
ROW_GAP = 12
PAD = 16


@dataclass(frozen=True)
class Neighbour:
    """An entity linked to the page's entity: by shared facts, or only by being named in the same articles."""

    label: str
    href: str
    general: str
    facts: int
    shared_articles: int


@dataclass(frozen=True)
class Row:
    """A neighbour placed in the picture."""

    neighbour: Neighbour
    y: float  # of the dot
    lines: tuple[str, ...]

    @property
    def linked_by_fact(self) -> bool:
        return self.neighbour.facts > 0

    @property
    def stroke(self) -> int:
        """Edge width: 1 to 5 with the number of shared facts (or 1 for a co-mention)."""
        return min(1 + self.neighbour.facts, 5)

    @property
    def why(self) -> str:
        """What links it, for the tooltip."""
        n = self.neighbour
        parts = []
        if n.facts:
            parts.append(f"{n.facts} shared fact{'' if n.facts == 1 else 's'}")
        if n.shared_articles:
            parts.append(f"named together in {n.shared_articles} article{'' if n.shared_articles == 1 else 's'}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Picture:
    """The laid-out picture: its height, the centre's label lines and y, and the rows."""

    width: int
    height: int
    centre_x: int
    centre_y: float
    centre_lines: tuple[str, ...]
    column_x: int
    rows: tuple[Row, ...]


def wrap(label: str, width: int, lines: int = 2) -> tuple[str, ...]:
    """`label` in at most `lines` lines of `width` characters, the last cut with "…" when it does not fit."""
    parts = textwrap.wrap(label, width, break_long_words=True) or [""]
    if len(parts) > lines:
        last = " ".join(parts[lines - 1:])
        parts = [*parts[: lines - 1], last[: width - 1].rstrip() + "…"]
    return tuple(parts)


def lay_out(centre_label: str, neighbours: list[Neighbour]) -> Picture | None:
    """The picture of `neighbours` around the entity called `centre_label`; None when there is none."""
    if not neighbours:
        return None
    rows = []
    y = PAD
    for neighbour in neighbours:
        lines = wrap(neighbour.label, LINE_CHARS)
        height = LINE_HEIGHT * len(lines)
        rows.append(Row(neighbour, y + LINE_HEIGHT / 2, lines))
        y += height + ROW_GAP
    centre_lines = wrap(centre_label, CENTRE_CHARS, 3)
    height = max(round(y - ROW_GAP + PAD), 40 + LINE_HEIGHT * (len(centre_lines) + 1))
    centre_y = min(max(height / 2 - LINE_HEIGHT, 20.0), height - 20 - LINE_HEIGHT * len(centre_lines))
    return Picture(WIDTH, height, CENTRE_X, round(centre_y, 1), centre_lines, COLUMN_X, tuple(rows))
