"""Serialized query answers kept for one store version: bounded in bytes, least recently used out first.

Between two writes the answer to a query cannot change, so the bytes sent for a request (query text or
stored query, bound parameters, dataset parameters, and the format that ?format= and Accept choose) are kept
and sent again. The version is the store's write counter (`Store.generation`), which every write made through the
server raises; `kg serve` holds the store for writing, so no other process can change it meanwhile. An
answer is kept for the version that was current when its query started; the first request that finds a
newer version drops every answer kept.

When the same request arrives again while its query is still running, it waits for that query's answer
instead of running it a second time (single flight). An answer too large to keep (over an eighth of the
budget) is not shared: each waiting request then runs the query itself.

ETags name an answer without its bytes: a digest of a secret of this server process, the version and the
request. The secret makes them differ from one server start to the next (the version counter starts again
at 0), and means that a client can only send back an ETag this server gave for a successful answer, so an
`If-None-Match` that matches may be answered 304 without running the query, with the cache on or off.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

ENTRY_OVERHEAD = 200  # bytes counted for an answer beyond its body: its key, headers and bookkeeping
LARGEST_SHARE = 8  # an answer over 1/LARGEST_SHARE of the budget is not kept
# Functions whose value changes from one evaluation to the next, and SERVICE, whose answer depends on
# another server: queries naming them are neither cached nor given an ETag (a word inside a string or a
# comment counts too, which only costs that query its caching).
VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b", re.IGNORECASE)
VOLATILE_WORDS = ("NOW", "RAND", "UUID", "BNODE", "SERVICE")  # what VOLATILE can match at all (STRUUID has UUID)


@dataclass(frozen=True, slots=True)
class Answer:
    """A query's answer as sent: body, media type, whether it was cut at the row limit."""

    body: bytes
    mimetype: str
    truncated: bool


def is_volatile(sparql: str) -> bool:
    """Whether a query's answer may change without a write (NOW(), RAND(), UUID(), BNODE(), SERVICE)."""
    upper = sparql.upper()  # a quick look first: the pattern costs ten times more, and seldom matches
    return any(word in upper for word in VOLATILE_WORDS) and VOLATILE.search(sparql) is not None


def request_key(*parts: object) -> bytes:
    """A digest naming a request by `parts` (texts, tuples of texts, None)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class _Flight:
    """A query being answered for the first request of one key; identical requests meanwhile wait for it."""

    __slots__ = ("answer", "error", "done")

    def __init__(self) -> None:
        self.answer: Answer | None = None  # None: the answer is too large to share, or the query failed
        self.error: BaseException | None = None
        self.done = False


class AnswerCache:
    """Answers by request key for the current store version, at most `max_bytes` bytes; 0 keeps nothing.

    Safe across threads.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max(0, max_bytes)
        self.largest = self.max_bytes // LARGEST_SHARE
        self._secret = os.urandom(16)
        self._lock = threading.Lock()
        self._landed = threading.Condition(self._lock)  # a flight is done (one condition for all: they seldom wait)
        self._version = 0
        self._entries: OrderedDict[bytes, Answer] = OrderedDict()
        self._flights: dict[bytes, _Flight] = {}
        self.size = 0

    def etag(self, version: int, key: bytes) -> str:
        """The entity tag of the answer to request `key` at store `version` (unquoted)."""
        return hashlib.blake2b(self._secret + version.to_bytes(8, "big") + key, digest_size=12).hexdigest()

    def answer(self, version: int, key: bytes, compute: Callable[[], Answer | None]) -> tuple[Answer | None, bool]:
        """(answer, whether it came from the cache) for request `key` at store `version`.

        `compute()` runs the query; it returns None for an answer that must not be kept (too large: the caller
        sends it from its file). Raises what `compute` raises, also to requests that waited for it.
        """
        if not self.max_bytes:
            return compute(), False
        with self._lock:
            self._move_to(version)
            found = self._entries.get(key)
            if found is not None and version == self._version:
                self._entries.move_to_end(key)
                return found, True
            flight = self._flights.get(key) if version == self._version else None
            leader = flight is None
            if flight is None:
                flight = _Flight()
                if version == self._version:
                    self._flights[key] = flight
        if not leader:
            with self._landed:
                while not flight.done:
                    self._landed.wait()
            if flight.error is not None:
                raise flight.error
            if flight.answer is not None:
                return flight.answer, True
            return compute(), False
        try:
            answer = compute()
            flight.answer = answer if answer is not None and self._fits(answer) else None
        except BaseException as err:
            flight.error = err
            raise
        finally:
            with self._landed:
                if self._flights.get(key) is flight:
                    del self._flights[key]
                if flight.answer is not None:
                    self._keep(version, key, flight.answer)
                flight.done = True
                self._landed.notify_all()
        return answer, False

    def _fits(self, answer: Answer) -> bool:
        return len(answer.body) + ENTRY_OVERHEAD <= self.largest

    def _move_to(self, version: int) -> None:
        """Drop every answer (under the lock) once a request sees a newer version."""
        if version > self._version:
            self._version = version
            self._entries.clear()
            self._flights.clear()  # their leaders finish, and keep nothing: their version is past
            self.size = 0

    def _keep(self, version: int, key: bytes, answer: Answer) -> None:
        """Keep an answer of the current version (under the lock), dropping the least recently used to fit."""
        self._move_to(version)
        if version != self._version or key in self._entries:
            return
        self._entries[key] = answer
        self.size += len(answer.body) + ENTRY_OVERHEAD
        while self.size > self.max_bytes:
            _, old = self._entries.popitem(last=False)
            self.size -= len(old.body) + ENTRY_OVERHEAD
