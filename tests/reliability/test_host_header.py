"""A client's Host header never reaches a URL the server gives out: the service description names the
endpoint from KG_BASE_IRI, and redirects carry a relative Location."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import start_server, stop_server

BASE_IRI = "https://kg.example/graph/"
HOSTS = ["evil.example:666", "evil.example"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `kg serve` whose public URL (KG_BASE_IRI) is https://kg.example/graph/."""
    proc, url = start_server(Path(tmp_path_factory.mktemp("host")) / "store", {"KG_BASE_IRI": BASE_IRI})
    yield url
    stop_server(proc)


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples"])
def test_host_header_service_description_names_the_base_iri(server: str, host: str, accept: str) -> None:
    response = requests.get(server + "/sparql", headers={"Host": host, "Accept": accept}, timeout=10)

    assert response.status_code == 200
    assert "evil.example" not in response.text
    assert f"<{BASE_IRI}sparql>" in response.text


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize(("method", "path", "accept", "location"), [
    ("GET", "/type//Person", "text/html", "/type/Person"),
    ("GET", "/type//Person?page=2", "text/html", "/type/Person?page=2"),
    ("HEAD", "/entity//person/anna-keller", "text/html", "/entity/person/anna-keller"),
    ("POST", "/queries//roles", "application/json", "/queries/roles"),
    ("GET", "/sparql", "text/html", "/query"),
])
def test_host_header_redirects_are_relative(server: str, host: str, method: str, path: str, accept: str,
                                            location: str) -> None:
    response = requests.request(method, server + path, headers={"Host": host, "Accept": accept},
                                allow_redirects=False, timeout=10)

    assert response.is_redirect, response.status_code
    assert response.headers["Location"] == location


def test_host_header_relative_redirect_leads_to_the_page(server: str) -> None:
    response = requests.get(server + "/type//Person", headers={"Host": "evil.example:666"}, timeout=10)

    assert response.status_code == 200
    assert response.url == server + "/type/Person"
