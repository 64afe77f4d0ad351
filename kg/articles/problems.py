"""What reading articles can report besides Documents: inputs that failed, and inputs read with a caveat."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read; yielded, never raised, by iter_articles. Counts as a failure."""

    source: str  # path, or "path:line" for JSON Lines
    message: str  # what was wrong and what was expected


@dataclass(frozen=True)
class ReadWarning:
    """An input that was read, but not exactly as it stands (bytes replaced, a folder skipped, an id changed)."""

    source: str  # path, or "path:line" for JSON Lines
    message: str  # what was changed or skipped, and why


def too_large(source: str, size: int, max_bytes: int) -> ReadProblem | None:
    """The problem of a file of `size` bytes over the limit, or None."""
    if size <= max_bytes:
        return None
    return ReadProblem(source, f"file is {size} bytes, larger than the limit of {max_bytes} bytes; "
                       "raise it with --max-bytes or KG_MAX_BYTES")
