"""Values worked out once per store version (home counts, the timeline), shared by every request.

The version is the label index object of kg.search.IndexCache: it is rebuilt exactly when the
store's version (articles, latest ingest time) changes, and that is checked at most once a second.
So a page view does not recount a million quads, and an ingest is seen as soon as search sees it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class VersionCache:
    """Named values computed once per version; a new version drops them all. Safe across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: object = None
        self._values: dict[str, Any] = {}
        self.computed = 0

    def get(self, version: object, name: str, compute: Callable[[], T]) -> T:
        """The value called `name` for `version`, computed (outside the lock) when missing."""
        with self._lock:
            if self._version is not version:
                self._version, self._values = version, {}
            if name in self._values:
                return self._values[name]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self.computed += 1
            if self._version is version:
                self._values[name] = value
        return value
