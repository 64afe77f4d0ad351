"""In headless Chromium, on the graph of the five seed articles: each kind of page as a reader meets it.

Each test checks what the page says (the mentioned-in list, co-mentions, an event's reports, the sanctions
and timeline filters), and saves a screenshot at 1280 px and at 375 px into artifacts/screenshots/.
Skipped when ../shared/seeds is absent.
"""

from __future__ import annotations

import csv
import io
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from kg.ingest import ingest
from kg.ontology import Namer
from kg.store import Store
from tests.conftest import start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 375}

pytestmark = [pytest.mark.browser, pytest.mark.model,
              pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not present")]


@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `kg serve` over a store on disk holding the five seed articles."""
    path = tmp_path_factory.mktemp("seeds") / "store"
    store = Store(path)
    report = ingest([SEEDS], store, Namer(), workers=1)
    assert report.articles == 5 and not report.problems
    store.flush()
    del store
    proc, url = start_server(path)
    yield url
    stop_server(proc)


def _open(driver: Any, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _shoot(driver: Any, name: str) -> None:
    """Screenshots of the page at desktop and phone width; at phone width nothing is wider than the screen."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        driver.set_window_size(width, 1600)
        driver.execute_script("window.scrollTo(0, 0)")
        if label == "phone":
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name}: the page is {overflow} px wider than a 375 px screen"
        driver.save_screenshot(str(SCREENSHOTS / f"seeds-{name}-{label}.png"))
    driver.set_window_size(1280, 1600)


def _texts(driver: Any, css: str) -> list[str]:
    return [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, css)]


def test_seeds_entity_page_says_what_peskov_is_where_he_is_named_and_with_whom(browser: Any,
                                                                               seeds_server: str) -> None:
    _open(browser, seeds_server + "/entity/person/dmitry-peskov")
    assert browser.title.startswith("Dmitry Peskov")
    assert "spokes" in browser.find_element(By.CSS_SELECTOR, "meta[name=description]").get_attribute("content")
    description = browser.find_element(By.CSS_SELECTOR, "p.description").text
    assert description.startswith("Person · spokesman of Kremlin") and description.endswith("5 articles")
    articles = browser.find_elements(By.CSS_SELECTOR, "#articles ol.articles li")
    assert len(articles) == 5  # Peskov is named in all five seeds
    titles = [a.find_element(By.TAG_NAME, "a").text for a in articles]
    assert "Kremlin says Putin-Trump summit requires ‘a great deal of homework’" in titles
    assert not [t for t in titles if t.startswith(("000_", "001_", "002_", "003_", "004_"))]  # no raw ids
    assert any("2025-11-07" in a.text for a in articles)
    assert browser.find_element(By.CSS_SELECTOR, "dd.first-seen").text == "2025-10-26"
    assert browser.find_element(By.CSS_SELECTOR, "dd.last-seen").text == "2025-11-07"
    co = _texts(browser, "ol.co-mentions li")
    assert co[0].startswith("Kremlin") and "5 shared articles" in co[0]
    assert any(c.startswith("Vladimir Putin") for c in co)
    assert "Posts held" in browser.find_element(By.ID, "roles").text
    sources = browser.find_elements(By.CSS_SELECTOR, "#roles li.source")
    assert len(sources) == 5  # the post with every report
    _picture_fits(browser, minimum_neighbours=5)
    _shoot(browser, "entity-peskov")


def _picture_fits(driver: Any, minimum_neighbours: int) -> None:
    """Every label of the picture lies inside it, and at 375 px its text is drawn at least 10 px high."""
    nodes = driver.find_elements(By.CSS_SELECTOR, "svg.graph a.node")
    assert len(nodes) >= minimum_neighbours
    overflowing = driver.execute_script("""
        const svg = document.querySelector('svg.graph'); const box = svg.viewBox.baseVal;
        return [...svg.querySelectorAll('text')].filter(t => { const b = t.getBBox();
            return b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height; })
          .map(t => t.textContent);""")
    assert overflowing == []
    driver.set_window_size(375, 1600)
    heights = driver.execute_script("""return [...document.querySelectorAll('svg.graph a.node tspan')]
        .map(t => t.getBoundingClientRect().height);""")
    assert heights and min(heights) >= 10, heights
    driver.set_window_size(1280, 1600)


def test_seeds_putin_page_names_his_envoy_and_its_picture_labels_are_whole(browser: Any, seeds_server: str) -> None:
    _open(browser, seeds_server + "/entity/person/vladimir-putin")
    envoys = browser.find_element(By.ID, "post-holders")  # his envoy's post is his, not held "here"
    assert envoys.find_element(By.TAG_NAME, "h2").text.startswith("People in posts for Vladimir Putin")
    assert "Kirill Dmitriev, special envoy" in envoys.text
    assert "People holding posts here" not in browser.find_element(By.TAG_NAME, "main").text
    labels = " ".join(_texts(browser, "svg.graph a.node tspan"))
    assert "Phone call between Vladimir Putin and" in labels  # wrapped on two lines, not cut at 26 characters
    _picture_fits(browser, minimum_neighbours=8)
    _shoot(browser, "entity-putin")


def test_seeds_event_page_lists_each_report_and_says_they_disagree(browser: Any, seeds_server: str) -> None:
    _open(browser, seeds_server + "/entity/place/budapest")
    browser.find_element(By.CSS_SELECTOR, "#events-here a.entity.event").click()
    WebDriverWait(browser, 10).until(lambda d: "/entity/event/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Meeting in Budapest"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.reports tbody tr")
    assert len(rows) == 3  # one event, reported by three articles
    statuses = sorted(r.find_elements(By.TAG_NAME, "td")[2].text for r in rows)
    assert statuses == ["Cancelled", "Cancelled", "Planned"]
    assert "disagree on its status" in browser.find_element(By.CSS_SELECTOR, "p.conflict").text
    facts = browser.find_element(By.CSS_SELECTOR, "section.event-facts dl").text
    assert "Budapest" in facts and "Vladimir Putin" in facts
    _shoot(browser, "event-budapest")


def test_seeds_sanctions_filter_by_authority_and_target_type_then_csv(browser: Any, seeds_server: str) -> None:
    _open(browser, seeds_server + "/")
    browser.find_element(By.LINK_TEXT, "Sanctions").click()  # the home page's count links to the list
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/sanctions"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.sanction")) == 4
    Select(browser.find_element(By.ID, "f-authority")).select_by_visible_text("United States (2)")
    Select(browser.find_element(By.ID, "f-target")).select_by_value("company")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, 10).until(lambda d: "authority=" in d.current_url)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)
    assert query["authority"] == ["place/united-states"]
    assert query["target_type"] == ["company"]
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.sanction")
    assert sorted(r.find_element(By.CSS_SELECTOR, "td.target").text for r in rows) == ["Lukoil", "Rosneft"]
    assert {r.find_element(By.CSS_SELECTOR, "td.authority").text for r in rows} == {  # the country, and the
        "United States through U.S. Department of the Treasury"}                     # body that acted for it
    assert all("2 Oct 2025" in r.text or "22 Oct 2025" in r.text for r in rows)
    _shoot(browser, "sanctions-filtered")
    href = browser.find_element(By.CSS_SELECTOR, "a.csv").get_attribute("href")
    with urllib.request.urlopen(href, timeout=10) as answer:
        assert answer.headers["Content-Type"].startswith("text/csv")
        table = list(csv.DictReader(io.StringIO(answer.read().decode())))
    assert sorted(r["target"] for r in table) == ["Lukoil", "Rosneft"]
    assert {r["date"] for r in table} == {"2025-10-22"}
    _open(browser, seeds_server + "/sanctions?target_type=person")
    assert browser.find_elements(By.CSS_SELECTOR, "tr.sanction") == []
    assert "No sanction matches" in browser.find_element(By.TAG_NAME, "main").text


def test_seeds_timeline_filters_live_in_the_url_and_year_less_dates_stand_apart(browser: Any,
                                                                                seeds_server: str) -> None:
    _open(browser, seeds_server + "/timeline")
    dated = _texts(browser, "main > ol.timeline > li")
    apart = _texts(browser, "section.undated-year li")
    assert dated and apart
    assert all(item.split(" Event")[0].split(" Sanction")[0].endswith(" 2025") for item in dated), dated
    assert any(item.startswith("16 Oct Event Phone call between Vladimir Putin and Donald Trump") for item in apart)
    shouted = [w for item in dated + apart for w in item.split() if len(w) > 3 and w.isalpha() and w.isupper()]
    assert shouted == ["ASEAN"]  # ordinary capitals: only the acronym
    _shoot(browser, "timeline")
    Select(browser.find_element(By.ID, "f-type")).select_by_value("sanction")
    browser.find_element(By.ID, "f-from").send_keys("2025-10")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, 10).until(lambda d: "type=sanction" in d.current_url)
    assert "from=2025-10" in browser.current_url
    items = _texts(browser, "main ol.timeline li")
    assert len(items) == 2 and all("Sanction" in i and "22 Oct 2025" in i for i in items)
    _open(browser, seeds_server + "/timeline?place=place/malaysia")
    assert [i for i in _texts(browser, "main ol.timeline li")] == [
        "25 Oct 2025 Event 47th ASEAN Summit · in Malaysia (1 article)"]


def test_seeds_home_counts_link_to_pages_and_search_hits_say_what_they_are(browser: Any, seeds_server: str) -> None:
    _open(browser, seeds_server + "/")
    recent = _texts(browser, "ul.recent li a")
    assert len(recent) == 5 and not [t for t in recent if t[:3].isdigit()]  # titles, not ids
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "dl.counts dt a")]
    assert len(links) == 7  # every count is a link
    _shoot(browser, "home")
    for href in links:
        with urllib.request.urlopen(href, timeout=10) as answer:
            assert answer.status == 200
    _open(browser, seeds_server + "/type/Role?sort=articles")
    assert _texts(browser, "ul.type-list li")[0].startswith("Dmitry Peskov — spokesman of Kremlin 5 articles")
    _open(browser, seeds_server + "/type/GovernmentBody")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Government bodies")
    assert any("Kremlin" in i and "facts" in i for i in _texts(browser, "ul.type-list li"))
    _shoot(browser, "type-government-bodies")
    _open(browser, seeds_server + "/search?q=peskov")
    hit = browser.find_element(By.CSS_SELECTOR, "ol.results li.hit")
    assert hit.find_element(By.CSS_SELECTOR, ".description").text == "Person · spokesman of Kremlin · 5 articles"
    _shoot(browser, "search")


def test_seeds_pages_work_with_javascript_off(browser_without_javascript: Any, seeds_server: str) -> None:
    driver = browser_without_javascript
    _open(driver, seeds_server + "/sanctions")
    assert driver.find_element(By.ID, "site-q").get_attribute("role") is None  # search.js did not run
    Select(driver.find_element(By.ID, "f-target")).select_by_value("company")
    driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(driver, 10).until(lambda d: "target_type=company" in d.current_url)
    assert len(driver.find_elements(By.CSS_SELECTOR, "tr.sanction")) == 4
    _open(driver, seeds_server + "/entity/person/dmitry-peskov")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#articles ol.articles li")) == 5
    assert driver.find_elements(By.CSS_SELECTOR, "svg.graph a.node")  # the picture is drawn by the server
    _open(driver, seeds_server + "/search?q=kreml")
    assert "Government body" in driver.find_element(By.CSS_SELECTOR, "ol.results").text
