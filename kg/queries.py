"""The stored-query catalogue: queries/*.rq with their header comments, checked at startup.

A header is a block of comment lines at the top of the file:

    # title: Roles of a person
    # description: Every post a person is said to hold, with the article that says so.
    # param: person (iri) — the person, as an IRI or an entity key such as person/anna-keller

Parameter types are iri, string, date and integer (string when left out). A
parameter is bound to the variable of the same name through the store's
substitution API, so it must appear in the SELECT projection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kg.errors import InvalidInput, KGError, UnknownQuery
from kg.ontology import XSD, Namer, is_entity_key
from kg.store import Store, Term

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
PARAM_TYPES = ("iri", "string", "date", "integer")
_FIELD = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)(?:\s*\((\w+)\))?\s*(?:[—–-]+\s*(.*))?$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Param:
    """A parameter of a stored query: the variable it binds, its type, and what it means."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class StoredQuery:
    """One queries/*.rq file with its header."""

    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default=())

    def bindings(self, values: dict[str, str], namer: Namer) -> dict[str, Term]:
        """The terms to bind for the URL parameters `values` (unknown names refused, missing ones left free).

        Raises:
            InvalidInput: an unknown parameter, or a value that does not fit its parameter's type.
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            available = ", ".join(known) or "none"
            raise InvalidInput(f"Query {self.name!r} has no parameter {', '.join(unknown)}. Parameters: {available}.")
        return {name: to_term(known[name], value, namer) for name, value in values.items() if value != ""}


def to_term(param: Param, value: str, namer: Namer) -> Term:
    """The RDF term for a parameter value given as text.

    Raises:
        InvalidInput: the value does not fit the parameter's type.
    """
    if param.type == "iri":
        if is_entity_key(value):
            return namer.entity(value)
        if re.match(r"^[a-z][a-z0-9+.-]*:\S+$", value, re.IGNORECASE):
            return NamedNode(value)
        raise InvalidInput(f"Parameter {param.name!r} needs an IRI or an entity key like person/anna-keller, "
                           f"got {value!r}.")
    if param.type == "date":
        if not _DATE.match(value):
            raise InvalidInput(f"Parameter {param.name!r} needs a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}.")
        kind = {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
        return Literal(value, datatype=NamedNode(XSD + kind))
    if param.type == "integer":
        if not re.match(r"^-?\d+$", value):
            raise InvalidInput(f"Parameter {param.name!r} needs an integer, got {value!r}.")
        return Literal(value, datatype=NamedNode(XSD + "integer"))
    return Literal(value)


def parse_header(name: str, text: str) -> tuple[str, str, tuple[Param, ...]]:
    """(title, description, params) from the header comment of a query file.

    Raises:
        InvalidInput: the header lacks a title or description, or a param line is malformed.
    """
    fields: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _FIELD.match(line)
        if match is None:
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "param":
            param = _PARAM.match(value)
            if param is None or (param.group(2) or "string") not in PARAM_TYPES:
                raise InvalidInput(f"queries/{name}.rq: malformed '# param: {value}'; expected "
                                   f"'# param: name (one of {', '.join(PARAM_TYPES)}) — what it is'.")
            params.append(Param(param.group(1), param.group(2) or "string", (param.group(3) or "").strip()))
        else:
            fields[key] = value
    missing = [k for k in ("title", "description") if not fields.get(k)]
    if missing:
        raise InvalidInput(f"queries/{name}.rq: the header comment lacks '# {missing[0]}: ...'.")
    return fields["title"], fields["description"], tuple(params)


def load_queries(folder: Path = QUERIES_DIR) -> dict[str, StoredQuery]:
    """Every queries/*.rq by name, each parsed and tried (with its parameters bound) on an empty store.

    Raises:
        InvalidInput: a file has a bad header, does not parse, or has a parameter it cannot bind.
    """
    probe = Store()
    namer = Namer()
    queries = {}
    for path in sorted(folder.glob("*.rq")):
        name = path.stem
        text = path.read_text(encoding="utf-8")
        title, description, params = parse_header(name, text)
        query = StoredQuery(name, title, description, text, params)
        sample = {p.name: {"iri": "person/x", "date": "2000-01-01", "integer": "1"}.get(p.type, "x") for p in params}
        try:
            probe.query(text, bindings=query.bindings(sample, namer))
        except (KGError, RuntimeError) as err:
            raise InvalidInput(f"queries/{path.name} is not a valid stored query: {err}") from err
        queries[name] = query
    return queries


def get_query(queries: dict[str, StoredQuery], name: str) -> StoredQuery:
    """The stored query called `name`.

    Raises:
        UnknownQuery: there is none; the message lists those available.
    """
    try:
        return queries[name]
    except KeyError:
        raise UnknownQuery(f"Unknown query {name!r}. Available: {', '.join(sorted(queries))}.") from None
