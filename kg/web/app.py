"""The kg Flask app: the SPARQL endpoint and the HTML pages over one store."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, render_template, request

from kg.errors import KGError
from kg.ontology import Namer
from kg.settings import Settings
from kg.store import Store
from kg.web.context import AppContext
from kg.web.pages import bp as pages_bp
from kg.web.sparql import register_endpoint

HERE = Path(__file__).resolve().parent
log = logging.getLogger("kg.server")


def create_app(settings: Settings | None = None, *, store: Store | None = None, **config: Any) -> Flask:
    """The Flask app over `store` (opened from settings.store when not given)."""
    settings = settings or Settings()
    app = Flask(__name__, template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"))
    app.config.update(MAX_CONTENT_LENGTH=settings.max_request_bytes, **config)
    app.extensions["kg"] = AppContext(
        store=store if store is not None else Store(settings.store),
        namer=Namer(settings.base_iri),
        settings=settings,
    )
    register_endpoint(app)
    app.register_blueprint(pages_bp)
    app.register_error_handler(KGError, _kg_error)
    return app


def _error_format() -> str:
    """How to answer an error: "text" on the endpoint or to RDF clients, "json" to JSON clients, else "html"."""
    if request.path.startswith(("/sparql", "/update")):
        return "text"
    if request.path.startswith(("/store", "/queries/")):
        return "json"
    if not request.accept_mimetypes:
        return "html"
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "text/plain"])
    return {"text/html": "html", "application/json": "json"}.get(best or "", "text")


def _kg_error(err: KGError) -> tuple[Response | str, int]:
    if err.status >= 500:
        log.error("%s %s failed: %s", request.method, request.path, err)
    answer = _error_format()
    if answer == "text":
        return Response(str(err) + "\n", mimetype="text/plain"), err.status
    if answer == "json":
        return jsonify(ok=False, status=err.status, error=str(err)), err.status
    return render_template("error.html", status=err.status, message=str(err)), err.status
