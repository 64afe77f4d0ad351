"""The kg Flask app: the SPARQL endpoint, the Graph Store Protocol, stored queries, the query editor and the HTML
pages over one store, assembled here and nowhere else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from kg.memory import release_free_memory
from kg.ontology import Namer
from kg.queries import load_queries
from kg.remote import Endpoints, RemoteStore
from kg.settings import Settings
from kg.store import Store
from kg.web.catalogue import bp as catalogue_bp
from kg.web.context import AppContext
from kg.web.editor import bp as editor_bp
from kg.web.errors import register_errors
from kg.web.graph_store import bp as graph_store_bp
from kg.web.pages import bp as pages_bp
from kg.web.query_runner import QueryRunner
from kg.web.remote_runner import RemoteQueryRunner
from kg.web.security import register_security
from kg.web.sparql import bp as sparql_bp

HERE = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None, *, store: Store | None = None, **config: Any) -> Flask:
    """The Flask app over `store`, else over the graph of the SPARQL server settings.sparql names, else over the
    store opened from settings.store.

    Over a SPARQL server, the pages read through SPARQL, /sparql passes queries and updates on to it, and there is
    no /store: the Graph Store Protocol is the server's own.
    """
    settings = settings or Settings()
    app = Flask(__name__, template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"))
    app.config.update(MAX_CONTENT_LENGTH=settings.max_request_bytes, **config)
    graph: Store | RemoteStore
    if store is None and settings.sparql:
        graph = RemoteStore(Endpoints.sparql(settings.sparql, settings.sparql_update), user=settings.sparql_user,
                            password=settings.sparql_password, timeout=settings.query_timeout)
        runner: QueryRunner = RemoteQueryRunner(graph, settings)
    else:
        graph = store if store is not None else Store(settings.store)
        runner = QueryRunner(graph, settings)
    context = AppContext(store=graph, namer=Namer(settings.base_iri), settings=settings)
    app.extensions["kg"] = context
    app.extensions["kg_queries"] = load_queries()  # every queries/*.rq parsed now: a bad one stops the start
    app.extensions["kg_sparql"] = runner
    blueprints = [sparql_bp, catalogue_bp, editor_bp, pages_bp] + ([graph_store_bp] if isinstance(graph, Store) else [])
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    register_security(app)
    register_errors(app)
    return app


def give_back_memory(app: Flask) -> None:
    """Between requests (kg.serving calls it every few seconds): flush the store once writes stop coming, which frees
    the memory RocksDB held them in, and hand the allocator's free pages back to the system."""
    store = app.extensions["kg"].store
    if isinstance(store, Store):
        store.flush_when_idle()
    release_free_memory()
