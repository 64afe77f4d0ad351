"""In headless Chromium: the map draws places with coordinates offline, and over tiles when KG_MAP_TILES is set."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By

from kg import ontology
from kg.model import Document, Entity, EventFact, Evidence, Extraction
from kg.store import Store
from tests.conftest import start_server, stop_server
from tests.graph_fixture import fill_store

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
TEXT = "Chancellor Anna Keller flew from Vienna to Lisbon for the harbour summit in Lisbon."
# a 1x1 PNG: what the tile server answers for every tile
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082")


def _store_with_coordinates(path: Path) -> Path:
    namer = ontology.Namer()
    store = Store(path)
    fill_store(store, namer)
    vienna = Entity("place/vienna", "Vienna", "Place", (), ((33, 39),), coordinates=(48.20849, 16.37208))
    lisbon = Entity("place/lisbon", "Lisbon", "Place", (), ((43, 49),), coordinates=(38.71667, -9.13333))
    keller = Entity("person/anna-keller", "Anna Keller", "Person", (), ((11, 22),))
    summit = EventFact("harbour summit in Lisbon", "summit", (Evidence(TEXT, 0, len(TEXT), "events.noun", 0.8),),
                       place=lisbon.key, participants=(keller.key,))
    doc = Document(id="keller-lisbon", text=TEXT, source="test", title="Keller flies to Lisbon",
                   published="2025-04-01", content_hash="hash-lisbon")
    extraction = Extraction(doc, (keller, vienna, replace(lisbon, mentions=((43, 49), (76, 82)))), (summit,))
    store.replace_graph(namer.article(doc.id), ontology.to_quads(extraction, namer))
    store.flush()
    del store
    return path


class _Tiles(http.server.BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        _Tiles.asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(PIXEL)))
        self.end_headers()
        self.wfile.write(PIXEL)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def tile_server() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 answering every tile with a 1-pixel PNG, remembering what was asked."""
    _Tiles.asked = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_map_draws_places_offline_and_lists_their_events(browser: Any, tmp_path: Path) -> None:
    proc, url = start_server(_store_with_coordinates(tmp_path / "store"))
    try:
        browser.get(url + "/map")
        places = {a.find_element(By.TAG_NAME, "text").text: a for a in browser.find_elements(By.CSS_SELECTOR,
                                                                                             "svg.map a.place")}
        assert set(places) == {"Vienna", "Lisbon"}
        assert "has-events" in places["Lisbon"].get_attribute("class")
        west, east = (float(places[n].find_element(By.TAG_NAME, "circle").get_attribute("cx"))
                      for n in ("Lisbon", "Vienna"))
        assert west < east  # projected: Lisbon lies west of Vienna
        assert browser.find_elements(By.CSS_SELECTOR, "svg.map line.graticule")
        assert browser.find_elements(By.CSS_SELECTOR, "svg.map image") == []  # nothing fetched
        assert "Harbour summit in Lisbon" in browser.find_element(By.CSS_SELECTOR, "ol.map-places").text
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.set_window_size(1280, 1200)
        browser.save_screenshot(str(SCREENSHOTS / "map-desktop.png"))
        browser.set_window_size(375, 1200)
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        browser.save_screenshot(str(SCREENSHOTS / "map-phone.png"))
    finally:
        stop_server(proc)


@pytest.mark.browser
def test_map_lays_the_configured_tiles_under_the_places(browser: Any, tmp_path: Path, tile_server: str) -> None:
    store = _store_with_coordinates(tmp_path / "store")
    proc, url = start_server(store, env={"KG_MAP_TILES": tile_server + "/tiles/{z}/{x}/{y}.png"})
    try:
        browser.get(url + "/map")
        assert browser.find_elements(By.CSS_SELECTOR, "svg.map image")
        assert any(path.startswith("/tiles/") and path.endswith(".png") for path in _Tiles.asked)  # CSP let them in
    finally:
        stop_server(proc)


def test_map_refuses_a_tile_setting_that_is_no_template(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match=r"KG_MAP_TILES='tiles.example/osm' is not a tile URL template"):
        start_server(_store_with_coordinates(tmp_path / "store"), env={"KG_MAP_TILES": "tiles.example/osm"})
