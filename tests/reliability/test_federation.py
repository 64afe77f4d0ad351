"""SERVICE and LOAD never make the server fetch another address, however the text hides them.

A second HTTP server on 127.0.0.1 (the canary) records every request it gets. A real `kg serve` is sent
queries and updates that point SERVICE or LOAD at the canary, wrapped in the string escapes, long strings,
comments and escaped IRIs that SPARQL allows; the canary must never be contacted. With
KG_ALLOW_FEDERATION=1 the same texts do reach it, which shows the canary would notice.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import start_server, stop_server

TOKEN = "federation-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EMPTY_RESULTS = b'{"head":{"vars":["s","p"]},"results":{"bindings":[]}}'


class Canary:
    """An HTTP server on 127.0.0.1 that answers every request with empty results and remembers it."""

    def __init__(self) -> None:
        requests_seen = self.requests = []  # type: list[str]

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                requests_seen.append(f"{self.command} {self.path} {self.headers.get('User-Agent')}")
                self.send_response(200)
                is_load = "data.ttl" in self.path
                self.send_header("Content-Type", "text/turtle" if is_load else "application/sparql-results+json")
                body = b"<urn:canary:s> <urn:canary:p> <urn:canary:o> ." if is_load else EMPTY_RESULTS
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


def _serve(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Iterator[str]:
    from kg.ontology import Namer
    from kg.store import Store
    from tests.graph_fixture import fill_store

    path = tmp_path_factory.mktemp("federation") / "store"
    store = Store(path)
    fill_store(store, Namer())
    store.flush()
    del store
    proc, url = start_server(path, {"KG_UPDATE_TOKEN": TOKEN, **env})
    yield url
    stop_server(proc)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server with the default (federation refused) and an update token."""
    yield from _serve(tmp_path_factory, {})


@pytest.fixture(scope="module")
def federating_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server with KG_ALLOW_FEDERATION=1: the control that shows the canary notices."""
    yield from _serve(tmp_path_factory, {"KG_ALLOW_FEDERATION": "1"})


def send(url: str, text: str, update: bool) -> requests.Response:
    if update:
        return requests.post(url + "/update", data=text.encode(), headers={
            **AUTH, "Content-Type": "application/sparql-update"}, timeout=30)
    return requests.get(url + "/sparql", params={"query": text}, timeout=30)


# The reproductions from the issue, and the same shapes for LOAD.
HIDDEN = [
    ('SELECT * WHERE {{ BIND("\\u0022" AS ?x) SERVICE <{canary}/sparql> {{ ?s ?p "y" }} }}', False),
    ("SELECT * WHERE {{ BIND('\\u0027' AS ?x) SERVICE <{canary}/sparql> {{ ?s ?p 'y' }} }}", False),
    ('SELECT * WHERE {{ BIND("\\U00000022" AS ?x) SERVICE <{canary}/sparql> {{ ?s ?p "y" }} }}', False),
    ('SELECT * WHERE {{ # a comment that ends at a carriage return\r SERVICE <{canary}/sparql> {{ ?s ?p ?o }} }}',
     False),
    ('INSERT DATA {{ <urn:x:a> <urn:x:b> "\\u0022" }} ; LOAD <{canary}/data.ttl>', True),
    ("INSERT DATA {{ <urn:x:a> <urn:x:b> '\\u0027' }} ; LOAD <{canary}/data.ttl>", True),
    ("# a comment\r LOAD <{canary}/data.ttl>", True),
]


@pytest.mark.parametrize(("template", "update"), HIDDEN)
def test_federation_hidden_remote_operations_never_reach_the_canary(
    server: str, canary: Canary, template: str, update: bool
) -> None:
    canary.requests.clear()
    answer = send(server, template.format(canary=canary.url), update)
    assert answer.status_code == 403, answer.text
    assert "KG_ALLOW_FEDERATION" in answer.text
    assert canary.requests == []


@pytest.mark.parametrize(("template", "update"), HIDDEN)
def test_federation_allowed_reaches_the_canary(
    federating_server: str, canary: Canary, template: str, update: bool
) -> None:
    canary.requests.clear()
    answer = send(federating_server, template.format(canary=canary.url), update)
    assert answer.status_code in (200, 204), answer.text
    assert canary.requests, "the control query did not contact the canary"


# Hypothesis: SERVICE or LOAD in every disguise SPARQL allows, between strings and comments that hide quotes.
NOISE = [
    '"\\u0022"', "'\\u0027'", '"\\U00000022"', "'\\U00000027'", '"\\""', "'\\''", '"\\\\"', "'\\\\'",
    '"""a "quoted" ""word"" """', "'''it's '' here'''", '"""\\u0022\\u0022\\u0022"""', "'''\\u0027\\u0027\\u0027'''",
    '"\\\\u0022"', '"#"', "'<'", '"\\t\\n\\r"', "<http://x.example/\\u0062>", "<http://x.example/a\\u0022b>",
    "<urn:x:\\u003E>", "3", '"x"@en', '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
]
COMMENTS = ["# plain\n", "# quote \" and ' here\n", "# carriage return\r", "# escape \\u000A ", "#\n", "# \\\n"]
SPACE = ["", " ", "\n", "\t", "\r\n", " \r "]


def _variants(word: str) -> st.SearchStrategy[str]:
    escaped = "".join(f"\\u{ord(c):04X}" for c in word)
    return st.sampled_from([word, word.lower(), word.title(), word[:3].lower() + word[3:], escaped])


@st.composite
def disguises(draw: st.DrawFn, canary: str) -> tuple[str, bool]:
    """A query or update that reaches the canary if its SERVICE or LOAD is evaluated."""
    parts = draw(st.lists(st.one_of(st.sampled_from(NOISE), st.sampled_from(COMMENTS)), max_size=4))
    noise = [part if part.startswith("#") else f"BIND({part} AS ?v{i})" for i, part in enumerate(parts)]
    before, after = " ".join(noise[: len(noise) // 2]), " ".join(noise[len(noise) // 2:])
    space = draw(st.sampled_from(SPACE))
    if draw(st.booleans()):
        keyword = draw(_variants("SERVICE")) + draw(st.sampled_from(["", " SILENT", " silent"]))
        target = draw(st.sampled_from([f"<{canary}/sparql>", f"<{canary}/\\u0073parql>"]))
        return f"SELECT * WHERE {{{space}{before}{space}{keyword} {target} {{ ?s ?p ?o }}{space}{after} }}", False
    keyword = draw(_variants("LOAD")) + draw(st.sampled_from(["", " SILENT"]))
    literal = draw(st.sampled_from(NOISE))
    comment = draw(st.sampled_from(["", *COMMENTS]))
    return f"INSERT DATA {{ <urn:x:a> <urn:x:b> {literal} }} ;{space}{comment}{keyword} <{canary}/data.ttl>", True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_federation_fuzzed_disguises_never_reach_the_canary(server: str, canary: Canary, data: st.DataObject) -> None:
    text, update = data.draw(disguises(canary.url))
    canary.requests.clear()
    answer = send(server, text, update)
    assert canary.requests == [], f"{text!r} reached the canary ({answer.status_code})"
    assert answer.status_code < 500, (text, answer.status_code, answer.text)  # 403 or 400, or 2xx if commented out


def test_federation_fuzzed_disguises_do_federate_where_allowed(federating_server: str, canary: Canary) -> None:
    """Many generated texts reach the canary when federation is allowed: the fuzz test sends real attempts."""
    reached: list[bool] = []

    @settings(max_examples=40, deadline=None, database=None, derandomize=True)
    @given(data=st.data())
    def probe(data: st.DataObject) -> None:
        text, update = data.draw(disguises(canary.url))
        canary.requests.clear()
        send(federating_server, text, update)
        reached.append(bool(canary.requests))

    probe()
    assert sum(reached) >= len(reached) // 3, f"only {sum(reached)} of {len(reached)} texts federated"
