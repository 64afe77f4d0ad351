"""Shared fixtures: a real on-disk store holding a small graph, the app over it, a live server."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.ontology import Namer
from kg.settings import Settings
from kg.store import Store
from kg.web.app import create_app
from tests.graph_fixture import fill_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store folder on disk holding the sample graph (closed again, free to open)."""
    path = tmp_path / "store"
    store = Store(path)
    fill_store(store, Namer())
    store.flush()
    del store
    gc.collect()
    return path


@pytest.fixture
def settings(store_path: Path) -> Settings:
    """Settings for a test app over the sample store."""
    return Settings(store=str(store_path))


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    """A fresh app over the sample store."""
    app = create_app(settings, TESTING=True)
    yield app
    del app.extensions["kg"]
    gc.collect()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the app."""
    return app.test_client()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(store: Path, env: dict[str, str] | None = None,
                 log_path: Path | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start `kg serve` over `store` in a real process on a free port; returns it and its base URL once it answers.

    Its standard error (the server's log) goes to `log_path`, or to a temporary file.
    """
    return start_serving(["--store", str(store)], env, log_path)


def start_serving(options: list[str], env: dict[str, str] | None = None, log_path: Path | None = None,
                  ready: str = "/sparql?query=ASK%7B%7D") -> tuple[subprocess.Popen[bytes], str]:
    """Start `kg serve OPTIONS` in a real process on a free port; returns it and its base URL once the path
    `ready` answers (within 30 s). Its standard error goes to `log_path`, or to a temporary file."""
    port = free_port()
    log = open(log_path, "wb") if log_path else tempfile.NamedTemporaryFile(  # noqa: SIM115
        prefix="kg-serve-", suffix=".log", delete=False)
    with log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", *options, "--port", str(port)],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kg serve exited: {Path(log.name).read_text()}")
        try:
            with urllib.request.urlopen(url + ready, timeout=1) as answer:
                answer.read()
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"kg serve did not answer within 30 s: {Path(log.name).read_text()}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started by start_server and wait until it has closed its store."""
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def live_server(store_path: Path) -> Iterator[str]:
    """The base URL of a real `kg serve` process over the sample store."""
    proc, url = start_server(store_path)
    yield url
    stop_server(proc)


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def _chromium(javascript: bool) -> Any:
    """Headless Chromium (Debian's chromium + chromium-driver), offline apart from 127.0.0.1.

    Skipped when Chromium is not installed, unless KG_REQUIRE_BROWSER=1 (as in CI), where that fails.
    """
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        message = f"{CHROMIUM} and {CHROMEDRIVER} are needed (Debian packages chromium, chromium-driver)"
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--window-size=1100,1400"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def browser() -> Iterator[Any]:
    """Headless Chromium with JavaScript on (see _chromium)."""
    driver = _chromium(javascript=True)
    yield driver
    driver.quit()


@pytest.fixture
def browser_without_javascript() -> Iterator[Any]:
    """Headless Chromium with JavaScript turned off, as some readers browse."""
    driver = _chromium(javascript=False)
    yield driver
    driver.quit()
