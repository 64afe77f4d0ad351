"""`kg serve --sparql`: a kg server over the graph of a real Oxigraph server (and a real Virtuoso) answers its pages,
stored queries and /sparql as a kg server over the embedded store built from the same seeds does: the same facts on
every entity and article page, the same stored-query rows, the same `kg eval` score through its endpoint; and /sparql
keeps its limits and errors (row limit, update token, SERVICE refused, time limit as the timeout of the request to
the SPARQL server)."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, SPARQLWrapper

from tests.conftest import ROOT, free_port, start_server, start_serving, stop_server
from tests.reliability.corpus import kg
from tests.reliability.sparql_servers import SERVERS, SparqlServer
from tests.reliability.test_sparql_servers import SEEDS, SEEDS_GOLD

TOKEN = "serve-sparql-token"
PAGES = 400  # most pages a crawl reads
INGESTED = "http://www.w3.org/ns/prov#generatedAtTime"


def serve_remote(server: SparqlServer, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start `kg serve --sparql` on `server` in a real process; returns it and its base URL once it answers."""
    login = ["--user", server.user, "--password", server.password] if server.user and server.password else []
    return start_serving(["--sparql", server.query_url, "--update", server.update_url, *login, "--token", TOKEN],
                         env, ready="/queries?format=json")  # a page that sends no query to the server


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    """(status, headers (names in any case), body) of one request, error statuses included."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


class _Page(HTMLParser):
    """The links of a page, and each fact on it (a `li.fact`): its own text and the sorted texts of its sources (the
    nested `li` elements). Their order, as that of facts of equal rank and of the status groups of an event, follows
    the order the store reads them in, which differs between stores."""

    def __init__(self) -> None:
        super().__init__()
        self.links: set[str] = set()
        self.facts: list[str] = []
        self._depth = 0  # open <li> elements inside the current fact, the fact's own included
        self._own: list[str] = []
        self._sources: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        href = values.get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("/static"):
            self.links.add(href.split("#")[0])
        if tag == "li" and (self._depth or "fact" in (values.get("class") or "").split()):
            self._depth += 1
            if self._depth == 2:
                self._sources.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._depth:
            self._depth -= 1
            if not self._depth:
                sources = sorted(" ".join("".join(words).split()) for words in self._sources)
                own = " ".join("".join(self._own).split())  # "Status: X" groups are in the order sources are met
                self.facts.append(" | ".join([*sorted(re.split(r" (?=Status: )", own)), *sources]))
                self._own, self._sources = [], []

    def handle_data(self, data: str) -> None:
        if self._depth == 1:
            self._own.append(data)
        elif self._depth > 1:
            self._sources[-1].append(data)


def read_page(url: str) -> _Page:
    status, _, body = fetch(url)
    assert status == 200, (url, status, body[:300])
    page = _Page()
    page.feed(body.decode("utf-8"))
    return page


def crawl(base: str) -> dict[str, tuple[set[str], list[str]]]:
    """Every page reached by links from the home page: its links and its facts (sorted: the order of facts of
    equal rank follows the order the store reads them in, which differs between stores)."""
    found: dict[str, tuple[set[str], list[str]]] = {}
    todo = ["/"]
    while todo and len(found) < PAGES:
        path = todo.pop()
        if path in found or path.startswith(("/query", "/sparql", "/search")) or "?" in path:
            continue
        page = read_page(base + path)
        found[path] = (page.links, sorted(page.facts))
        todo += sorted(page.links - set(found))
    return found


def query_rows(base: str, name: str, params: dict[str, str] | None = None) -> list[str]:
    """The rows of a stored query as sorted JSON lines, with what SPARQL leaves to the server made comparable: boolean
    literals in their canonical form, the values a SAMPLE picks left out, the items a GROUP_CONCAT joins sorted."""
    text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    sampled = set(re.findall(r"SAMPLE\([^)]*\)\s+AS\s+\?(\w+)", text, re.IGNORECASE))
    joined = set(re.findall(r"GROUP_CONCAT\(.*?\)\s+AS\s+\?(\w+)", text, re.IGNORECASE | re.DOTALL))
    query = urllib.parse.urlencode({**(params or {}), "format": "json"})
    status, _, body = fetch(f"{base}/queries/{name}?{query}")
    assert status == 200, (name, body[:300])
    rows = []
    for row in json.loads(body)["results"]["bindings"]:
        for column in joined & set(row):
            row[column]["value"] = " ".join(sorted(row[column]["value"].split()))
        kept = {column: term for column, term in row.items() if column not in sampled}
        rows.append(json.dumps(kept, sort_keys=True).replace('"value": "1", ', '"value": "true", '))
    return sorted(rows)


@pytest.fixture(params=sorted(SERVERS))
def seeded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[SparqlServer, Path]]:
    """A SPARQL server of each kind holding the seeds, and an embedded store built from the same seeds."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not present")
    folder = tmp_path / request.param
    folder.mkdir()
    with SERVERS[request.param](folder) as server:
        built = kg("ingest", SEEDS, *server.write, "--workers", "1")
        assert built.returncode == 0, built.stderr
        local = tmp_path / "local"
        assert kg("ingest", SEEDS, "--store", local, "--workers", "1").returncode == 0
        yield server, local


@pytest.mark.model
def test_serve_sparql_answers_as_the_embedded_store(seeded: tuple[SparqlServer, Path]) -> None:
    server, local = seeded
    remote_proc, remote = serve_remote(server)
    embedded_proc, embedded = start_server(local)
    try:
        pages, expected = crawl(remote), crawl(embedded)
        assert {path: pages[path] for path in pages if pages[path] != expected.get(path)} == {
            path: expected[path] for path in pages if pages[path] != expected.get(path)}
        assert pages == expected
        assert any(path.startswith("/entity/") and facts for path, (_, facts) in pages.items())
        assert any(path.startswith("/article/") and facts for path, (_, facts) in pages.items())
        linked = sorted(p for p in pages if p.startswith(("/entity/", "/article/", "/fact/")))
        for path in linked[:: max(1, len(linked) // 12)]:  # their RDF (linked data) too, a dozen of them
            graphs = [{t for t in Graph().parse(data=fetch(f"{url}{path}?format=ntriples")[2], format="nt")
                       if str(t[1]) != INGESTED} for url in (remote, embedded)]  # the two ingests ran apart
            assert graphs[0] == graphs[1] != set(), path
        status, _, catalogue = fetch(f"{remote}/queries?format=json")
        names = [q["name"] for q in json.loads(catalogue) if not q["params"]]
        assert len(names) >= 5
        for name in names:
            assert query_rows(remote, name) == query_rows(embedded, name), name
        putin = {"person": "person/vladimir-putin"}
        assert query_rows(remote, "roles_of", putin) == query_rows(embedded, "roles_of", putin) != []
        scores = [kg("eval", "--gold", SEEDS_GOLD, "--server", url) for url in (remote, embedded)]
        assert scores[0].returncode == 0, scores[0].stderr
        assert scores[0].stdout == scores[1].stdout and "all " in scores[0].stdout
        for url in (remote, embedded):  # a real SPARQL client
            client = SPARQLWrapper(f"{url}/sparql")
            client.setQuery("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }")
            client.setReturnFormat(JSON)
            assert client.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "5"
        for ask, truth in (("ASK { ?a a kg:Article }", True), ("ASK { ?a a kg:Nothing }", False)):
            answers = [json.loads(fetch(f"{url}/sparql?query={urllib.parse.quote(ask)}&format=json")[2])
                       for url in (remote, embedded)]
            assert answers[0] == answers[1] == {"head": {}, "boolean": truth}
        construct = urllib.parse.quote("CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Person ; rdfs:label ?l }")
        labels = [set(Graph().parse(data=fetch(f"{url}/sparql?query={construct}&format=turtle")[2], format="turtle"))
                  for url in (remote, embedded)]
        assert labels[0] == labels[1] and len(labels[0]) >= 5
    finally:
        stop_server(remote_proc)
        stop_server(embedded_proc)


@pytest.mark.model
def test_serve_sparql_keeps_the_endpoint_limits(tmp_path: Path) -> None:
    with SERVERS["oxigraph"](tmp_path) as server:
        proc, url = serve_remote(server, {"KG_ROW_LIMIT": "3"})
        try:
            update = urllib.parse.urlencode({"update": "INSERT DATA { GRAPH <urn:kg-test:g> { "
                                             + " ".join(f"<urn:kg-test:s{n}> rdfs:label 'n{n}' ." for n in range(5))
                                             + " } }"}).encode()
            form = {"Content-Type": "application/x-www-form-urlencoded"}
            assert fetch(f"{url}/sparql", update, form)[0] == 401
            status, _, body = fetch(f"{url}/sparql", update, {**form, "Authorization": f"Bearer {TOKEN}"})
            assert status == 204, body
            query = urllib.parse.quote("SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l")
            for fmt, rows in (("json", lambda b: len(json.loads(b)["results"]["bindings"])),
                              ("csv", lambda b: len(b.decode().strip().splitlines()) - 1),
                              ("xml", lambda b: b.count(b"<result>"))):
                status, headers, body = fetch(f"{url}/sparql?query={query}&format={fmt}")
                assert status == 200 and headers["KG-Truncated"] == "true" and headers["KG-Row-Limit"] == "3"
                assert rows(body) == 3, body
            construct = urllib.parse.quote("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }")
            status, headers, body = fetch(f"{url}/sparql?query={construct}", headers={"Accept": "text/turtle"})
            assert status == 200 and headers["Content-Type"].startswith("text/turtle")
            assert headers["KG-Truncated"] == "true" and body.count(b"rdfs:label") == 3
            service = urllib.parse.quote("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
            status, _, body = fetch(f"{url}/sparql?query={service}")
            assert status == 403 and b"KG_ALLOW_FEDERATION" in body
            status, _, body = fetch(f"{url}/sparql?query={urllib.parse.quote('SELECT ?s WHERE { ?s ')}",
                                    headers={"Accept": "application/json"})
            assert status == 400 and json.loads(body)["status"] == 400
        finally:
            stop_server(proc)
        proc, url = serve_remote(server, {"KG_QUERY_TIMEOUT": "0.05"})
        try:
            numbers = " ".join(map(str, range(60)))  # 60^4 rows to count: about a second's work for the server
            slow = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"VALUES ?{v} {{ {numbers} }}" for v in "abcd") + " }"
            status, _, body = fetch(f"{url}/sparql?query={urllib.parse.quote(slow)}",
                                    headers={"Accept": "application/json"})
            assert status == 503 and "KG_QUERY_TIMEOUT" in json.loads(body)["error"]
        finally:
            stop_server(proc)


def test_serve_sparql_unreachable_server_is_a_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    down = SparqlServer("down", url, url)
    proc, base = serve_remote(down)
    try:
        status, _, body = fetch(f"{base}/", headers={"Accept": "application/json"})
        assert status == 500
        assert re.search(r"Cannot reach the SPARQL server at http://127\.0\.0\.1:\d+/query", body.decode())
    finally:
        stop_server(proc)
