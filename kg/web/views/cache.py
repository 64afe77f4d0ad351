"""Values worked out once per store version (home counts, the timeline), shared by every request; and
values rebuilt in the background when the version changes (the whole-graph tables of kg.web.views.tables).

The version is the label index object of kg.search.IndexCache: it is rebuilt exactly when the
store's version (articles, latest ingest time) changes, and that is checked at most once a second.
So a page view does not recount a million quads, and an ingest is seen as soon as search sees it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

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


class Rebuilt(Generic[T]):
    """One value built from the whole store, rebuilt in a background thread when the version changes.

    The first value is built in the request that asks for it; after that a new version is built by one
    thread at a time while requests go on getting the value of the version before (a few seconds stale
    after an ingest at a million quads, rather than every request of those seconds building it again).
    """

    def __init__(self, build: Callable[[], T], name: str) -> None:
        self._build = build
        self._name = name
        self._lock = threading.Lock()
        self._first = threading.Lock()  # one first build, however many requests arrive together
        self._value: T | None = None
        self._version: object = None
        self._building: object = None
        self.builds = 0

    def get(self, version: object) -> T:
        """The value of `version` if built, else the latest value while `version` is built in the background."""
        with self._lock:
            if self._value is not None:
                if self._version is not version and self._building is not version:
                    self._building = version
                    threading.Thread(target=self._rebuild, args=(version,), name=f"rebuild-{self._name}",
                                     daemon=True).start()
                return self._value
        with self._first:
            with self._lock:
                if self._value is not None:
                    return self._value
            value = self._build()
            with self._lock:
                self._value, self._version = value, version
                self.builds += 1
            return value

    def _rebuild(self, version: object) -> None:
        try:
            value = self._build()
        except Exception:
            with self._lock:
                self._building = None  # the next request tries again
            raise  # the thread's error is logged by threading.excepthook
        with self._lock:
            self._value, self._version = value, version
            self._building = None if self._building is version else self._building
            self.builds += 1
