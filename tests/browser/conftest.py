"""The live server for browser tests, with its stderr pipe closed on teardown.

tests/conftest.py's `live_server` leaves `proc.stderr` open; under `-W error` the
ResourceWarning raised when it is collected can fail an unrelated test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import start_server


@pytest.fixture
def live_server(store_path: Path) -> Iterator[str]:
    """The base URL of a real `kg serve` process over the sample store."""
    proc, url = start_server(store_path)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    if proc.stderr is not None:
        proc.stderr.close()
