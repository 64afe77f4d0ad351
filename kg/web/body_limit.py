"""Refuses a request body over KG_MAX_REQUEST_BYTES whole, however it is sent.

Flask refuses a Content-Length over the limit, but reads a chunked body (Transfer-Encoding: chunked)
only up to the limit and then stops, as if the body had ended there: a large upload would be cut and
stored in part. So a chunked body is read here first, before the app sees it. A body within the limit
is handed on with its length; a larger one is refused with 413 after the rest of it (up to a few times the
limit) has been read and dropped, so that a client that is still sending sees the answer.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request

from kg.errors import PayloadTooLarge

TOO_LARGE = "kg.body_too_large"
DRAIN_FACTOR = 4  # at most this many times the limit of a refused body is read and dropped
CHUNK = 1 << 16

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _ChunkedBodyLimit:
    """WSGI middleware that reads chunked bodies within `limit` bytes and marks larger ones."""

    def __init__(self, app: WSGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked and not environ.get("CONTENT_LENGTH"):
            stream = environ["wsgi.input"]
            body = _read(stream, self.limit + 1)
            if len(body) > self.limit:
                _drain(stream, DRAIN_FACTOR * self.limit)
                environ[TOO_LARGE] = True
                body = b""
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)


def _read(stream: Any, size: int) -> bytes:
    """Up to `size` bytes of `stream` (fewer only at its end)."""
    parts, left = [], size
    while left > 0:
        part = stream.read(min(CHUNK, left))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _drain(stream: Any, most: int) -> None:
    """Read and drop the rest of `stream`, at most `most` bytes."""
    while most > 0:
        part = stream.read(CHUNK)
        if not part:
            return
        most -= len(part)


def _refuse_marked() -> None:
    if request.environ.get(TOO_LARGE):
        raise PayloadTooLarge(f"The request body is larger than KG_MAX_REQUEST_BYTES={request.max_content_length} "
                              "bytes; nothing of it was used. Send less, or raise KG_MAX_REQUEST_BYTES.")


def register_body_limit(app: Flask, limit: int) -> None:
    """Refuse chunked bodies over `limit` bytes on every route of `app`, as Flask refuses long Content-Lengths."""
    app.wsgi_app = _ChunkedBodyLimit(app.wsgi_app, limit)  # type: ignore[method-assign]
    app.before_request(_refuse_marked)
