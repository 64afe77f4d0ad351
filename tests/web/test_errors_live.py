"""Every error in one shape, in the format the client accepts, with a request id that the log carries too:
seen with curl against a real `kg serve`, and a 500 against the real app served on 127.0.0.1."""

from __future__ import annotations

import json
import logging
import subprocess
import threading
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from flask import Blueprint
from werkzeug.serving import make_server

from kg.settings import Settings
from kg.web.app import create_app
from tests.conftest import free_port


def _curl(*args: str) -> tuple[int, dict[str, str], str]:
    """(status, headers with lower-case names, body) of one curl request."""
    out = subprocess.run(["curl", "-sS", "-D", "-", *args], capture_output=True, text=True, check=True).stdout
    head, _, body = out.partition("\n\n")  # text mode reads CRLF as LF
    status_line, *lines = head.split("\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize(("accept", "path", "status"), [
    ("application/sparql-results+json", "/sparql?query=SELECT+%3Fx+WHERE+%7B", 400),
    ("application/json", "/entity/person/nobody-here", 404),
    ("application/json", "/no/such/page", 404),
])
def test_errors_json_clients_get_the_json_shape(live_server: str, accept: str, path: str, status: int) -> None:
    code, headers, body = _curl("-H", f"Accept: {accept}", live_server + path)
    assert code == status
    assert headers["content-type"] == "application/json"
    answer = json.loads(body)
    assert answer["ok"] is False and answer["status"] == status and answer["error"]
    assert answer["request_id"] == headers["kg-request-id"]


def test_errors_browsers_get_the_error_page(live_server: str) -> None:
    code, headers, body = _curl("-H", "Accept: text/html,*/*;q=0.8", live_server + "/no/such/page")
    assert code == 404 and headers["content-type"].startswith("text/html")
    page = _Text()
    page.feed(body)
    assert headers["kg-request-id"] in "".join(page.text)


def test_errors_protocol_clients_get_text_and_405_keeps_allow(live_server: str) -> None:
    code, headers, body = _curl(live_server + "/update")
    assert code == 405 and "POST" in headers["allow"]
    assert headers["content-type"].startswith("text/plain")
    assert body.startswith("405 Method Not Allowed:") and headers["kg-request-id"] in body


@pytest.fixture
def failing_server(settings: Settings) -> Iterator[str]:
    """The real app on 127.0.0.1, with one extra route that fails the way a bug does."""
    app = create_app(settings)
    broken = Blueprint("broken", __name__)

    @broken.route("/sparql/broken")
    def fail() -> str:
        raise RuntimeError("a bug in a handler")

    app.register_blueprint(broken)
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/plain"])
def test_errors_a_bug_is_a_500_in_the_shape_and_logged_with_its_id(
        failing_server: str, accept: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="kg.server"):
        code, headers, body = _curl("-H", f"Accept: {accept}", failing_server + "/sparql/broken")
    assert code == 500
    request_id = headers["kg-request-id"]
    if accept == "text/plain":
        assert body.startswith("500 Internal Server Error:") and request_id in body
    else:
        assert json.loads(body)["request_id"] == request_id
    assert "a bug in a handler" not in body  # the details are for the log, not the client
    logged = [r for r in caplog.records if request_id in r.getMessage()]
    assert logged and logged[0].exc_info is not None and "a bug in a handler" in str(logged[0].exc_info[1])
