"""The query editors in headless Chromium: type a query, run it, see rows, follow a link to an entity page."""

from __future__ import annotations

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

QUERY = "SELECT DISTINCT ?person ?name WHERE { ?person a kg:Person ; rdfs:label ?name } ORDER BY ?name"


def _no_console_errors(browser: webdriver.Chrome) -> None:
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    # e.g. a script or style blocked by the Content-Security-Policy, or a fetch to another host
    assert not severe, [e["message"] for e in severe]


def test_editor_yasgui_runs_query_and_links_to_entity(live_server: str, browser: webdriver.Chrome) -> None:
    browser.get(live_server + "/query")
    wait = WebDriverWait(browser, 15)
    editor = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".CodeMirror")))
    assert "PREFIX kg: <https://w3id.org/kg-news/ns#>" in editor.text
    editor.click()
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).perform()
    ActionChains(browser).send_keys(QUERY).perform()
    typed = browser.execute_script("return window.kgYasgui.getTab().getYasqe().getValue()")
    assert typed.endswith(QUERY)  # YASGUI may add PREFIX lines it knows, such as rdfs:
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".yasr"), "Jonas Berg"))
    links = browser.find_elements(By.CSS_SELECTOR, ".yasr a[href*='/entity/person/anna-keller']")
    assert links
    assert "Anna Keller" in browser.find_element(By.CSS_SELECTOR, ".yasr").text
    _no_console_errors(browser)
    links[0].click()
    wait.until(expected_conditions.url_contains("/entity/person/anna-keller"))
    assert browser.current_url.startswith(live_server)
    assert "Anna Keller" in browser.find_element(By.TAG_NAME, "h1").text


def test_editor_simple_runs_query_and_links_to_entity(live_server: str, browser: webdriver.Chrome) -> None:
    browser.get(live_server + "/query/simple")
    editor = browser.find_element(By.ID, "kg-query")
    assert "PREFIX kg: <https://w3id.org/kg-news/ns#>" in editor.get_attribute("value")
    editor.clear()
    editor.send_keys(QUERY)
    browser.find_element(By.ID, "kg-run").click()
    wait = WebDriverWait(browser, 15)
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.kg-results tbody tr")))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.kg-results tbody tr")
    assert [row.find_elements(By.TAG_NAME, "td")[1].text for row in rows] == ["Anna Keller", "Jonas Berg"]
    assert "2 rows" in browser.find_element(By.ID, "kg-status").text
    csv_link = browser.find_element(By.CSS_SELECTOR, "a.kg-download[data-format=csv]")
    assert "/sparql?format=csv&query=" in csv_link.get_attribute("href")
    _no_console_errors(browser)
    rows[0].find_element(By.TAG_NAME, "a").click()
    wait.until(expected_conditions.url_contains("/entity/person/anna-keller"))
    assert "Anna Keller" in browser.find_element(By.TAG_NAME, "h1").text


@pytest.mark.parametrize(("query", "shown"), [
    ("SELECT ?x WHERE { ?x", "syntax error"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "KG_ALLOW_FEDERATION"),
])
def test_editor_yasgui_shows_the_server_error(live_server: str, browser: webdriver.Chrome, query: str,
                                              shown: str) -> None:
    browser.get(live_server + "/query")
    wait = WebDriverWait(browser, 15)
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".CodeMirror")))
    browser.execute_script("window.kgYasgui.getTab().getYasqe().setValue(arguments[0])", query)
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".yasr"), shown))
    # the browser logs the error status it got; nothing else may fail (YASGUI used to throw on the relative URL)
    severe = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in
              e["message"] and not (e["source"] == "network" and "/sparql - Failed to load resource" in e["message"])]
    assert not severe, severe


def test_stored_query_run_shows_a_table_with_linked_entities(live_server: str, browser: webdriver.Chrome) -> None:
    browser.get(live_server + "/queries/roles_of")
    menu = browser.find_element(By.NAME, "format")
    offered = [option.get_attribute("value") for option in menu.find_elements(By.TAG_NAME, "option")]
    assert offered == ["html", "json", "xml", "csv", "tsv"]  # a SELECT: no RDF format, which would answer 406
    browser.find_element(By.NAME, "person").send_keys("person/anna-keller")
    browser.find_element(By.CSS_SELECTOR, "form[action='/queries/roles_of'] button").click()
    wait = WebDriverWait(browser, 15)
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.kg-results tbody tr")))
    cells = browser.find_elements(By.CSS_SELECTOR, "table.kg-results td")
    assert "Chancellor" in [cell.text for cell in cells]
    links = browser.find_elements(By.CSS_SELECTOR, "table.kg-results a[href='/entity/place/germany']")
    assert links and links[0].text == "Germany"
    _no_console_errors(browser)
