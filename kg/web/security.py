"""What keeps the endpoint safe to expose: the update token, federation refusal, security and CORS headers,
redirects that never name the request's Host header."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, redirect, request
from werkzeug.routing import RequestRedirect
from werkzeug.wrappers import Response as BaseResponse

from kg.errors import Forbidden, Unauthorized
from kg.settings import Settings
from kg.sparql_syntax import remote_operations

# Content-Security-Policy of every HTML page: only our own scripts and styles, never framed.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# The same policy for the YASGUI query editor, which sets inline styles: those are allowed, nothing more.
EDITOR_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Content-Type, Content-Disposition, KG-Row-Limit, KG-Truncated, KG-Request-Id, "
                                     "KG-Cache, ETag",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
    "Access-Control-Max-Age": "86400",
}


def check_update_token(settings: Settings, authorization: str | None) -> None:
    """Allow a write only with `Authorization: Bearer <KG_UPDATE_TOKEN>`, compared in constant time.

    Raises:
        Forbidden: writes are disabled (no KG_UPDATE_TOKEN) or the token is wrong.
        Unauthorized: no bearer token was sent.
    """
    if not settings.update_token:
        raise Forbidden("Writes are disabled on this server: set KG_UPDATE_TOKEN to enable SPARQL Update "
                        "and the Graph Store Protocol.")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("This operation needs the header 'Authorization: Bearer <KG_UPDATE_TOKEN>'.")
    if not hmac.compare_digest(token.strip().encode(), settings.update_token.encode()):
        raise Forbidden("The bearer token is not the server's KG_UPDATE_TOKEN.")


def refuse_remote(sparql: str, allowed: bool) -> None:
    """Refuse SERVICE and LOAD, which make the server fetch other addresses, unless federation is allowed.

    Raises:
        Forbidden: the text uses SERVICE or LOAD and KG_ALLOW_FEDERATION is off.
    """
    used = remote_operations(sparql)
    if used and not allowed:
        raise Forbidden(f"{' and '.join(sorted(used))} would make this server fetch other addresses; "
                        "it is disabled (set KG_ALLOW_FEDERATION=1 to allow it).")


def _add_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.update(CORS_HEADERS)
    if request.method == "OPTIONS":
        response.headers.update(PREFLIGHT_HEADERS)
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kg"'
    return response


def _relative_redirect() -> BaseResponse | None:
    """Answer Werkzeug's routing redirects (/type//Person -> /type/Person) with a relative Location.

    Werkzeug builds them from the request's Host header, which any client can set to another site.
    """
    found = request.routing_exception
    if not isinstance(found, RequestRedirect):
        return None
    target = urlsplit(found.new_url)
    return redirect(urlunsplit(("", "", target.path, target.query, "")), code=found.code)


def register_security(app: Flask) -> None:
    """Add security and CORS headers to every response of `app`; keep its routing redirects relative."""
    app.before_request(_relative_redirect)
    app.after_request(_add_headers)
