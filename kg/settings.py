"""Every setting of kg, its environment variable and its default, in one place.

Only the entry points (kg/cli.py, server.py) call `settings_from_env`; the rest
of kg receives the values it needs as arguments.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from kg.errors import InvalidInput
from kg.ontology import DEFAULT_BASE_IRI


@dataclass(frozen=True)
class Settings:
    """Settings of a kg deployment; the field docs are the README's Configuration table."""

    store: str = "kg-data"  # KG_STORE: folder of the on-disk store
    base_iri: str = DEFAULT_BASE_IRI  # KG_BASE_IRI: prefix of every entity, article and fact IRI
    model: str | None = None  # KG_MODEL: spaCy model to load (default: en_core_web_sm, else the PyPI copy)
    workers: int = os.cpu_count() or 1  # KG_WORKERS: processes that parse articles during ingest
    cluster: str | None = None  # KG_CLUSTER: Dask scheduler (tcp://host:8786) or local:N that parses instead
    max_bytes: int = 10 * 1024 * 1024  # KG_MAX_BYTES: largest article file accepted
    host: str = "127.0.0.1"  # KG_HOST: address the server listens on
    port: int = 5000  # KG_PORT: port the server listens on
    threads: int = 32  # KG_THREADS: request threads of the server process (at most as many queries at once)
    access_log: bool = True  # KG_ACCESS_LOG: log one line per request to standard output
    query_timeout: float = 10.0  # KG_QUERY_TIMEOUT: seconds a query or update may run
    query_memory: int = 1 << 30  # KG_QUERY_MEMORY: bytes of memory a query or update may take beyond the server's own
    row_limit: int = 100_000  # KG_ROW_LIMIT: most rows (or triples) a query may return
    cache_bytes: int = 64 << 20  # KG_CACHE_BYTES: bytes of query answers kept for the store's version (0: none)
    max_request_bytes: int = 16 * 1024 * 1024  # KG_MAX_REQUEST_BYTES: largest HTTP request body
    update_token: str | None = None  # KG_UPDATE_TOKEN: enables SPARQL Update and the Graph Store Protocol
    allow_federation: bool = False  # KG_ALLOW_FEDERATION: allow SERVICE and LOAD in queries and updates
    server: str | None = None  # KG_SERVER: URL of a running kg server that `kg ingest` sends articles to
    sparql: str | None = None  # KG_SPARQL: query URL of a SPARQL 1.1 server holding the graph instead of the store
    sparql_update: str | None = None  # KG_SPARQL_UPDATE: its update URL (default: the query URL)
    graph_store: str | None = None  # KG_GRAPH_STORE: its Graph Store Protocol URL (default: none; updates are used)
    sparql_user: str | None = None  # KG_SPARQL_USER: user name for that server (HTTP Basic or Digest)
    sparql_password: str | None = None  # KG_SPARQL_PASSWORD: that user's password
    map_tiles: str | None = None  # KG_MAP_TILES: tile URL template (https://…/{z}/{x}/{y}.png) under /map


def settings_from_env(environ: Mapping[str, str] = os.environ, **overrides: object) -> Settings:
    """Settings from KG_* variables, then `overrides` (command-line options that were given).

    Raises:
        InvalidInput: a variable holds a value of the wrong type.
    """
    values: dict[str, object] = {}
    for field in fields(Settings):
        name = "KG_" + field.name.upper()
        if name not in environ:
            continue
        raw = environ[name]
        kind = type(field.default) if field.default is not None else str
        try:
            values[field.name] = _parse(raw, kind)
        except ValueError:
            raise InvalidInput(f"{name}={raw!r} is not a valid {kind.__name__}.") from None
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)  # type: ignore[arg-type]


BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _parse(raw: str, kind: type) -> object:
    if kind is bool:
        if raw.strip().lower() not in BOOLEANS:
            raise ValueError(raw)
        return BOOLEANS[raw.strip().lower()]
    return kind(raw) if kind in (int, float) else raw
