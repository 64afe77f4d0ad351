"""The kg Flask app: the SPARQL endpoint and the HTML pages over one store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from kg.ontology import Namer
from kg.settings import Settings
from kg.store import Store
from kg.web.body_limit import register_body_limit
from kg.web.context import AppContext
from kg.web.errors import register_errors
from kg.web.pages import bp as pages_bp
from kg.web.sparql import register_endpoint

HERE = Path(__file__).resolve().parent


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
    register_body_limit(app, settings.max_request_bytes)
    register_endpoint(app)
    app.register_blueprint(pages_bp)
    register_errors(app)
    return app
