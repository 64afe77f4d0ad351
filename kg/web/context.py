"""What every request handler needs: the store, the IRI namer and the settings."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from kg.ontology import Namer
from kg.remote import RemoteStore
from kg.settings import Settings
from kg.store import Store


@dataclass(frozen=True)
class AppContext:
    """The long-lived objects of one app, kept in `app.extensions["kg"]`."""

    store: Store | RemoteStore  # RemoteStore: `kg serve --sparql`, the graph on a SPARQL server
    namer: Namer
    settings: Settings


def kg_context() -> AppContext:
    """The AppContext of the app handling the current request."""
    context: AppContext = current_app.extensions["kg"]
    return context
