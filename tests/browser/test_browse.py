"""In headless Chromium: search with the box, reach an entity and its sources; hostile text runs no script."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def _wait(driver: webdriver.Chrome) -> WebDriverWait:
    return WebDriverWait(driver, 10)


def test_browser_search_pick_entity_see_source_follow_article(browser: webdriver.Chrome, live_server: str) -> None:
    browser.get(live_server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys("kel")
    choice = _wait(browser).until(ec.element_to_be_clickable((By.CSS_SELECTOR, ".suggestions a.suggestion")))
    assert choice.text.startswith("Anna Keller")
    choice.click()
    _wait(browser).until(ec.url_contains("/entity/person/anna-keller"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Anna Keller"
    role = browser.find_element(By.CSS_SELECTOR, "#roles li.fact-role")
    assert "Chancellor" in role.find_element(By.CSS_SELECTOR, ".claim").text
    sentences = [q.text for q in role.find_elements(By.CSS_SELECTOR, "blockquote.sentence")]
    assert any("Chancellor Anna Keller met Finance Minister" in s for s in sentences)
    marks = role.find_elements(By.CSS_SELECTOR, "mark.self")
    assert marks and marks[0].text == "Anna Keller"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / "entity.png"))
    browser.set_window_size(390, 1200)  # a phone: nothing wider than the screen
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    browser.save_screenshot(str(SCREENSHOTS / "entity-phone.png"))
    browser.set_window_size(1100, 1400)
    role.find_element(By.CSS_SELECTOR, "a.article-link[href='/article/keller-vienna']").click()
    _wait(browser).until(ec.url_contains("/article/keller-vienna"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Keller meets Berg in Vienna"
    linked = browser.find_elements(By.CSS_SELECTOR, ".article-text a.mention")
    assert "Anna Keller" in [a.text for a in linked]


def test_browser_autocomplete_is_keyboard_navigable(browser: webdriver.Chrome, live_server: str) -> None:
    browser.get(live_server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys("nord")
    _wait(browser).until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".suggestions a")))
    box.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element.text.startswith("Nordlicht Energy")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    _wait(browser).until(ec.url_contains("/entity/organization/nordlicht-energy"))


def test_browser_hostile_article_runs_no_script(browser: webdriver.Chrome, live_server: str) -> None:
    for path in ("/article/keller-speech", "/entity/person/anna-keller", "/search?q=%3Cscript%3Ewindow.__xss%3D3"):
        browser.get(live_server + path)
        _wait(browser).until(lambda d: d.execute_script("return document.readyState") == "complete")
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018 - reading it is the check
        assert browser.execute_script("return typeof window.__xss") == "undefined"
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "<script>window.__xss=3" in text
    browser.get(live_server + "/article/keller-speech")
    body = browser.find_element(By.CSS_SELECTOR, ".article-text").text
    assert "<script>alert(1)</script>" in body and '<img src=x onerror="window.__xss=1">' in body
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
