"""A Graph Store upload over KG_MAX_REQUEST_BYTES is refused whole, whether sent with Content-Length or chunked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import start_server, stop_server

TOKEN = "upload-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"}
LIMIT = 16 * 1024 * 1024  # the default KG_MAX_REQUEST_BYTES
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:upload> { ?s ?p ?o } }"


def ntriples(count: int) -> bytes:
    """`count` distinct N-Triples lines of 64 bytes each, so that a cut at a power of two ends a line."""
    return b"".join(b'<urn:x:s%07d> <urn:x:p> "%032d" .\n' % (i, i) for i in range(count))


def chunked(body: bytes, size: int = 1 << 16) -> Iterator[bytes]:
    """The body as a generator, which requests sends with Transfer-Encoding: chunked."""
    for start in range(0, len(body), size):
        yield body[start:start + size]


@pytest.fixture
def server(store_path: Path) -> Iterator[str]:
    proc, url = start_server(store_path, {"KG_UPDATE_TOKEN": TOKEN})
    yield url
    stop_server(proc)


def stored(url: str) -> int:
    answer = requests.get(url + "/sparql", params={"query": COUNT}, timeout=30)
    assert answer.status_code == 200
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def test_uploads_chunked_body_over_the_limit_is_refused_whole(server: str) -> None:
    body = ntriples(330_000)
    assert len(body) == 64 * 330_000 > LIMIT
    answer = requests.put(server + "/store?graph=urn:x:upload", data=chunked(body), headers=AUTH, timeout=120)
    assert answer.status_code == 413, answer.text[:300]
    assert "KG_MAX_REQUEST_BYTES" in answer.text
    assert stored(server) == 0
    assert requests.get(server + "/store?graph=urn:x:upload", timeout=30).status_code == 404


def test_uploads_body_over_the_limit_with_content_length_is_refused(server: str) -> None:
    body = ntriples(330_000)
    answer = requests.put(server + "/store?graph=urn:x:upload", data=body, headers=AUTH, timeout=120)
    assert answer.status_code == 413
    assert "KG_MAX_REQUEST_BYTES" in answer.text
    assert stored(server) == 0


@pytest.mark.parametrize("size", [0, 1, 250_000])
def test_uploads_chunked_body_within_the_limit_is_stored_whole(server: str, size: int) -> None:
    body = ntriples(size)
    answer = requests.put(server + "/store?graph=urn:x:upload", data=chunked(body), headers=AUTH, timeout=120)
    assert answer.status_code == 201, answer.text[:300]
    assert stored(server) == size


def test_uploads_chunked_update_over_the_limit_is_refused(server: str) -> None:
    body = b"INSERT DATA { GRAPH <urn:x:upload> {\n" + ntriples(330_000) + b"} }"
    answer = requests.post(server + "/update", data=chunked(body), timeout=120,
                           headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert answer.status_code == 413
    assert stored(server) == 0
