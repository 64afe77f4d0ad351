"""The answer cache through a real `kg serve`: hits, versions moved by every kind of write, ETags and 304,
the row limit, the token check and the CORS headers on cached answers, one evaluation for identical queries
at once, and eviction within KG_CACHE_BYTES. Driven by urllib, curl and SPARQLWrapper."""

from __future__ import annotations

import json
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.web.answer_cache import ENTRY_OVERHEAD
from tests.conftest import start_server, stop_server

TOKEN = "cache-token-17"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PERSONS = "SELECT DISTINCT ?p WHERE { ?p a kg:Person } ORDER BY ?p"
GRAPHS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# A few seconds of work on the sample graph (three-way join filtered late), well within the server's limit.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?h = ?b) }"
EXTRA = "http://reference.example/cache-graph"


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def cache(self) -> str | None:
        return self.headers.get("KG-Cache")


def _send(url: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None) -> Answer:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as err:
        with err:
            return Answer(err.code, err.headers, err.read())


def _query(base: str, sparql: str, headers: dict[str, str] | None = None, **params: str) -> Answer:
    return _send(base + "/sparql?" + urllib.parse.urlencode({"query": sparql, **params}), headers=headers)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server over a store of its own that accepts writes, with a generous query time limit."""
    from kg.ontology import Namer
    from kg.store import Store
    from tests.graph_fixture import fill_store

    path = tmp_path_factory.mktemp("cache") / "store"
    store = Store(path)
    fill_store(store, Namer())
    store.flush()
    del store
    proc, url = start_server(path, {"KG_UPDATE_TOKEN": TOKEN, "KG_QUERY_TIMEOUT": "120", "KG_ROW_LIMIT": "5"})
    yield url
    stop_server(proc)


def test_answer_cache_live_repeat_is_a_hit_with_the_same_answer_and_headers(server: str) -> None:
    first = _query(server, PERSONS + " # repeat")
    second = _query(server, PERSONS + " # repeat")
    assert (first.status, first.cache, second.status, second.cache) == (200, "miss", 200, "hit")
    assert second.body == first.body
    assert len(json.loads(second.body)["results"]["bindings"]) == 2
    for name in ("ETag", "Content-Type", "KG-Row-Limit", "Vary", "Cache-Control", "Access-Control-Allow-Origin",
                 "Access-Control-Expose-Headers", "X-Content-Type-Options"):
        assert second.headers[name] == first.headers[name], name
    assert first.headers["Cache-Control"] == "public, no-cache"
    assert first.headers["ETag"].startswith('W/"')


def test_answer_cache_live_key_holds_format_dataset_and_accept(server: str) -> None:
    base = PERSONS + " # key"
    assert _query(server, base).cache == "miss"
    csv = _query(server, base, format="csv")
    assert (csv.cache, csv.headers["Content-Type"].split(";")[0]) == ("miss", "text/csv")
    xml = _query(server, base, headers={"Accept": "application/sparql-results+xml"})
    assert xml.cache == "miss" and xml.body.startswith(b"<?xml")
    scoped = _query(server, base, **{"default-graph-uri": "http://reference.example/nothing-here"})
    assert scoped.cache == "miss"
    assert json.loads(scoped.body)["results"]["bindings"] == []
    assert _query(server, base, format="csv").body == csv.body


def test_answer_cache_live_sparqlwrapper_gets_the_cached_answer(server: str) -> None:
    def ask() -> list[str]:
        client = SPARQLWrapper(server + "/sparql")
        client.setQuery(PERSONS + " # sparqlwrapper")
        client.setReturnFormat(JSON)
        return [row["p"]["value"] for row in client.query().convert()["results"]["bindings"]]

    first, second = ask(), ask()
    assert len(first) == 2 and second == first


def test_answer_cache_live_stored_query_by_name_and_parameters(server: str) -> None:
    def run(person: str, fmt: str = "json") -> Answer:
        return _send(server + "/queries/roles_of?" + urllib.parse.urlencode({"person": person, "format": fmt}))

    anna = run("person/anna-keller")
    assert anna.status == 200 and anna.cache == "miss"
    assert json.loads(anna.body)["results"]["bindings"]
    again = run("person/anna-keller")
    assert (again.cache, again.body) == ("hit", anna.body)
    assert run("person/jonas-berg").cache == "miss"
    assert run("person/anna-keller", "csv").cache == "miss"


def _put(server: str, graph: str, turtle: bytes, method: str = "PUT") -> int:
    url = server + "/store?" + urllib.parse.urlencode({"graph": graph})
    return _send(url, method, turtle, {**AUTH, "Content-Type": "text/turtle"}).status


def _write(server: str, kind: str) -> None:
    """One write of `kind` that adds triples to the store or takes them away."""
    triple = f'<http://reference.example/{kind}> <http://www.w3.org/2000/01/rdf-schema#label> "{kind}" .\n'
    if kind == "update":
        body = urllib.parse.urlencode({"update": f"INSERT DATA {{ GRAPH <{EXTRA}-u> {{ {triple} }} }}"}).encode()
        status = _send(server + "/update", "POST", body,
                       {**AUTH, "Content-Type": "application/x-www-form-urlencoded"}).status
    elif kind in ("PUT", "POST"):
        status = _put(server, f"{EXTRA}-{kind}", triple.encode(), kind)
    else:
        status = _send(server + "/store?" + urllib.parse.urlencode({"graph": f"{EXTRA}-PUT"}), "DELETE",
                       headers=AUTH).status
    assert status in (201, 204)


@pytest.mark.parametrize("kind", ["update", "PUT", "POST", "DELETE"])
def test_answer_cache_live_every_write_moves_the_version(server: str, kind: str) -> None:
    if kind == "DELETE":
        _write(server, "PUT")
    before = _query(server, GRAPHS)
    assert _query(server, GRAPHS).cache == "hit"
    _write(server, kind)
    after = _query(server, GRAPHS)
    assert after.cache == "miss"
    assert after.body != before.body  # the new count, not the kept one
    assert after.headers["ETag"] != before.headers["ETag"]
    stale = _query(server, GRAPHS, headers={"If-None-Match": before.headers["ETag"]})
    assert (stale.status, stale.body) == (200, after.body)


def test_answer_cache_live_if_none_match_gets_304_with_cors_headers_from_curl(server: str) -> None:
    first = _query(server, PERSONS + " # curl")
    url = server + "/sparql?" + urllib.parse.urlencode({"query": PERSONS + " # curl"})
    out = subprocess.run(["curl", "-sS", "-D", "-", "-o", "/dev/null", "-H", f"If-None-Match: {first.headers['ETag']}",
                          url], check=True, capture_output=True, text=True, timeout=60).stdout
    status_line, *lines = out.strip().splitlines()
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    assert status_line.split()[1] == "304"
    assert headers["etag"] == first.headers["ETag"]
    assert headers["access-control-allow-origin"] == "*"
    assert headers["cache-control"] == "public, no-cache"
    other = _query(server, PERSONS + " # curl", headers={"If-None-Match": 'W/"not-ours"'})
    assert (other.status, other.body) == (200, first.body)
    posted = _send(server + "/sparql", "POST", urllib.parse.urlencode({"query": PERSONS + " # curl"}).encode(),
                   {"Content-Type": "application/x-www-form-urlencoded", "If-None-Match": first.headers["ETag"]})
    assert (posted.status, posted.body) == (200, first.body)


def test_answer_cache_live_hit_keeps_the_row_limit(server: str) -> None:
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } # limit"
    first, second = _query(server, everything), _query(server, everything)
    assert (first.cache, second.cache) == ("miss", "hit")
    for answer in (first, second):
        assert answer.headers["KG-Truncated"] == "true"
        assert answer.headers["KG-Row-Limit"] == "5"
        assert len(json.loads(answer.body)["results"]["bindings"]) == 5


def test_answer_cache_live_hit_does_not_skip_the_token_check(server: str) -> None:
    assert _query(server, PERSONS + " # token").cache == "miss"
    update = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert _send(server + "/sparql", "POST", update, form).status == 401
    assert _send(server + "/sparql", "POST", update, {**form, "Authorization": "Bearer wrong"}).status == 403
    kept = _query(server, PERSONS + " # token")
    assert kept.cache == "hit"
    assert len(json.loads(kept.body)["results"]["bindings"]) == 2


def test_answer_cache_live_volatile_queries_are_never_kept(server: str) -> None:
    first, second = (_query(server, "SELECT (RAND() AS ?r) WHERE {}") for _ in range(2))
    assert first.body != second.body
    assert first.cache is None and "ETag" not in first.headers
    assert first.headers["Cache-Control"] == "no-store"


def test_answer_cache_live_same_query_at_once_runs_once(server: str) -> None:
    answers: list[Answer] = []
    lock = threading.Lock()

    def ask() -> None:
        answer = _query(server, SLOW)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [a.status for a in answers] == [200] * 6
    assert sorted(a.cache or "" for a in answers) == ["hit"] * 5 + ["miss"]
    assert len({a.body for a in answers}) == 1


def _tag_query(n: int) -> str:
    return f"SELECT ?x WHERE {{ BIND(<urn:kg:test:{n:03d}> AS ?x) }}"


@pytest.mark.parametrize("cache_bytes", ["0", None])
def test_answer_cache_live_etag_with_the_cache_on_or_off_and_not_across_restarts(store_path: Path,
                                                                                cache_bytes: str | None) -> None:
    env = {"KG_CACHE_BYTES": cache_bytes} if cache_bytes is not None else {}
    proc, url = start_server(store_path, env)
    try:
        first = _query(url, PERSONS)
        assert _query(url, PERSONS).cache == ("miss" if cache_bytes == "0" else "hit")
        assert _query(url, PERSONS, headers={"If-None-Match": first.headers["ETag"]}).status == 304
    finally:
        stop_server(proc)
    proc, url = start_server(store_path, env)
    try:  # the store may have been changed while no server held it: an ETag of the last run never matches
        again = _query(url, PERSONS, headers={"If-None-Match": first.headers["ETag"]})
        assert (again.status, again.body) == (200, first.body)
    finally:
        stop_server(proc)


def test_answer_cache_live_keeps_the_most_recently_used_within_kg_cache_bytes(store_path: Path) -> None:
    import io

    from kg.store import Store, write_result

    output = io.BytesIO()
    write_result(Store().query(_tag_query(0)), output, "json")  # as the server writes it
    size = len(output.getvalue())
    budget = 10 * (size + ENTRY_OVERHEAD)  # room for 10 answers of this size
    proc, url = start_server(store_path, {"KG_CACHE_BYTES": str(budget)})
    try:
        assert [_query(url, _tag_query(n)).cache for n in range(10)] == ["miss"] * 10
        assert _query(url, _tag_query(0)).cache == "hit"  # now the most recently used
        assert _query(url, _tag_query(10)).cache == "miss"  # in, and the least recently used (1) out
        assert [_query(url, _tag_query(n)).cache for n in (0, 10, 1)] == ["hit", "hit", "miss"]
        large = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # over an eighth of the budget: never kept
        assert [_query(url, large).cache for _ in range(2)] == ["miss", "miss"]
    finally:
        stop_server(proc)
