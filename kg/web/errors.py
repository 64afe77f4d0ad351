"""Every error the app answers, in one shape: our errors, HTTP errors and our bugs (500).

The body says the status, what was wrong and a request id, in the format the client accepts: JSON
`{"ok": false, "status": 404, "error": "...", "request_id": "..."}`, the error page, or plain text.
Each error is logged with the same request id (a 500 with its traceback), and the response carries it
in the `KG-Request-Id` header, so a user's report can be matched with the log.
"""

from __future__ import annotations

import logging
import uuid
from http import HTTPStatus

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from kg.errors import KGError, NotAcceptable
from kg.formats import HTML, JSON_DOCUMENT, Format, choose_format

log = logging.getLogger("kg.server")

# JSON clients: those asking for JSON results or JSON-LD read the JSON error too.
JSON = Format("json", "JSON", (*JSON_DOCUMENT.media_types, "application/sparql-results+json", "application/ld+json",
                               "application/problem+json"))
TEXT = Format("text", "plain text", ("text/plain",))
# The server's preference when the client accepts anything: SPARQL clients print a plain-text body.
PROTOCOL_PATHS = ("/sparql", "/update")
DATA_PATHS = ("/store", "/queries/", "/search.json")
REQUEST_ID_HEADER = "KG-Request-Id"


def _error_format() -> Format:
    """The error format the client accepts best; plain text when it accepts none of them."""
    if request.path.startswith(PROTOCOL_PATHS):
        formats = (TEXT, JSON, HTML)
    elif request.path.startswith(DATA_PATHS):
        formats = (JSON, HTML, TEXT)
    else:
        formats = (HTML, JSON, TEXT)
    try:
        return choose_format(formats, (), request.headers.get("Accept"))
    except NotAcceptable:  # an error must be answered even to a client that accepts only Turtle
        return TEXT


def error_response(status: int, message: str, request_id: str, headers: dict[str, str] | None = None) -> Response:
    """The response for an error with `status` and `message`, in the format the client accepts."""
    fmt = _error_format()
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    if fmt is JSON:
        response = jsonify(ok=False, status=status, error=message, request_id=request_id)
    elif fmt is HTML:
        response = Response(render_template("error.html", status=status, phrase=phrase, message=message,
                                            request_id=request_id), mimetype="text/html")
    else:
        response = Response(f"{status} {phrase}: {message}\nrequest id: {request_id}\n", mimetype="text/plain")
    response.status_code = status
    response.headers.update(headers or {})
    response.headers[REQUEST_ID_HEADER] = request_id
    response.vary.add("Accept")
    return response


def _new_request_id() -> str:
    return uuid.uuid4().hex[:16]


def _kg_error(err: KGError) -> Response:
    request_id = _new_request_id()
    if err.status >= 500:
        # A failure (500) is logged with the traceback of its cause; a stopped query (503) or a full disk (507)
        # is a state of the server that its message tells whole.
        log.error("%s %s failed [request %s]: %s", request.method, request.path, request_id, err,
                  exc_info=err.status == 500 and err.__cause__ is not None)
    else:
        log.info("%s %s -> %d [request %s]: %s", request.method, request.path, err.status, request_id, err)
    return error_response(err.status, str(err), request_id)


def _http_error(err: HTTPException) -> Response:
    """Werkzeug's errors (unknown route, wrong method, body too large) in our shape; 405 keeps its Allow."""
    request_id = _new_request_id()
    status = err.code or 500
    message = err.description or err.name
    if status == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        message = f"The request body is larger than KG_MAX_REQUEST_BYTES={limit} bytes."
    headers = {name: value for name, value in err.get_headers() if name.lower() != "content-type"}
    log.info("%s %s -> %d [request %s]: %s", request.method, request.path, status, request_id, message)
    return error_response(status, message, request_id, headers)


def _unexpected(err: Exception) -> Response:
    """A bug: logged with its traceback; the client learns only that it happened and the request id."""
    request_id = _new_request_id()
    log.error("%s %s failed [request %s]", request.method, request.path, request_id, exc_info=err)
    return error_response(500, f"The server failed to answer ({type(err).__name__}); the log has the details "
                          f"under request id {request_id}.", request_id)


def register_errors(app: Flask) -> None:
    """Answer every error of `app` in the one shape."""
    app.register_error_handler(KGError, _kg_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
