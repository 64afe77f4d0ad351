"""`kg serve` stops cleanly: on SIGTERM and SIGINT the server (waitress) stops by itself and logs no signal."""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, start_server


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_serve_stop_logs_no_signal(store_path: Path, tmp_path: Path, stop: signal.Signals) -> None:
    log = tmp_path / "serve.log"
    proc, url = start_server(store_path, log_path=log)
    for path in ("/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%203", "/entity/person/anna-keller"):
        with urllib.request.urlopen(url + path) as answer:
            answer.read()
    proc.send_signal(stop)
    assert proc.wait(timeout=30) == 0
    text = log.read_text()
    assert f"Stopping on {stop.name}" in text and "Server stopped" in text, text
    assert "was sent" not in text and "SIGSEGV" not in text and "SIGKILL" not in text, text


def test_serve_refuses_a_store_another_server_holds(store_path: Path) -> None:
    proc, _ = start_server(store_path)
    try:
        second = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(store_path), "--port", "1"],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert second.returncode == 2
    assert f"The store {store_path} is open for writing in another process" in second.stderr
