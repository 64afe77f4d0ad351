"""The floor of our stack: the smallest Flask app answering SPARQL GETs over pyoxigraph, for comparison.

No content negotiation, timeouts, row limits, logging or error pages: one route that runs the
query and serializes it natively as SPARQL JSON. Run under gunicorn like `kg serve`:

    BENCH_STORE=/tmp/kgb/store-1000000 .venv/bin/gunicorn -k gthread -w 1 --threads 8 'bench.minimal_app:create()'
"""

from __future__ import annotations

import os

from flask import Flask, Response, request
from pyoxigraph import QueryResultsFormat, Store


def create() -> Flask:
    """The app over the store at $BENCH_STORE (opened read-only)."""
    store = Store.read_only(os.environ["BENCH_STORE"])
    app = Flask(__name__)

    @app.get("/sparql")
    def sparql() -> Response:
        result = store.query(request.args["query"], use_default_graph_as_union=True)
        body = result.serialize(format=QueryResultsFormat.JSON)
        return Response(body, mimetype="application/sparql-results+json")

    return app
