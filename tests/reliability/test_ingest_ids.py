"""Article ids through `kg ingest`: they keep non-ASCII letters, never merge two files, and a stored
article replaced from another file is reported. ASCII file stems stay the ids they always were."""

from __future__ import annotations

import gc
import hashlib
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from kg.articles import slugify
from kg.ontology import SOURCE_FILE, Namer, is_local_id
from kg.settings import Settings
from kg.store import Store
from kg.web.app import create_app
from tests.reliability.corpus import article_text, kg

BASE = "http://127.0.0.1:5000/"
EVENTS = "SELECT ?e WHERE { ?e a <https://w3id.org/kg-news/ns#Event> }"
STEMS = ["CAF", "café", "ünïcödé-名前", "2022-03-02-blinken-travel-europe-baltics", "000_22f819bb5bdec224"]


def stored_sources(store_path: Path) -> dict[str, str]:
    """{article id: the source file recorded for it} of every article in the store."""
    store = Store(store_path)
    try:
        return {quad.subject.value.removeprefix(BASE + "article/"): quad.object.value
                for quad in store.quads_of_predicate(SOURCE_FILE)}
    finally:
        del store
        gc.collect()


@pytest.mark.model
def test_ingest_ids_keep_letters_and_never_merge_two_files(tmp_path: Path) -> None:
    folder, store = tmp_path / "articles", tmp_path / "store"
    (folder / "more").mkdir(parents=True)
    for n, stem in enumerate(STEMS):
        (folder / f"{stem}.txt").write_text(article_text(n), encoding="utf-8")
    later = folder / "more" / "caf.txt"  # walked after CAF.txt, and would get its id
    later.write_text(article_text(9), encoding="utf-8")

    result = kg("ingest", folder, "--store", store, "--workers", "1")

    assert result.returncode == 0, result.stderr
    suffix = hashlib.sha256(str(later).encode()).hexdigest()[:8]
    assert stored_sources(store) == {
        "caf": str(folder / "CAF.txt"),
        "café": str(folder / "café.txt"),
        "ünïcödé-名前": str(folder / "ünïcödé-名前.txt"),
        "2022-03-02-blinken-travel-europe-baltics": str(folder / "2022-03-02-blinken-travel-europe-baltics.txt"),
        "000_22f819bb5bdec224": str(folder / "000_22f819bb5bdec224.txt"),
        f"caf-{suffix}": str(later),
    }
    assert f"kg ingest: {later}: warning: article id 'caf' is taken by {folder / 'CAF.txt'}; " \
           f"stored as 'caf-{suffix}'" in result.stderr.splitlines()
    assert result.stdout.startswith("6 articles ingested, 0 unchanged, 0 failed, 1 warnings;"), result.stdout


@pytest.mark.model
def test_ingest_replacing_an_article_read_from_another_file_is_reported(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first, second = tmp_path / "one" / "CAF.txt", tmp_path / "two" / "caf.txt"
    for n, path in enumerate((first, second)):
        path.parent.mkdir()
        path.write_text(article_text(n), encoding="utf-8")
    assert kg("ingest", first, "--store", store, "--workers", "1").returncode == 0

    result = kg("ingest", second, "--store", store, "--workers", "1")

    assert result.returncode == 0, result.stderr
    assert f"kg ingest: {second}: warning: replaces the stored article 'caf', which was read from {first}" \
        in result.stderr.splitlines(), result.stderr
    assert stored_sources(store) == {"caf": str(second)}
    again = kg("ingest", second, "--store", store, "--workers", "1")  # the same file again: nothing to report
    assert again.returncode == 0 and "warning" not in again.stderr, again.stderr


@pytest.mark.model
def test_ingest_non_ascii_article_page_round_trips(tmp_path: Path) -> None:
    folder, store = tmp_path / "articles", tmp_path / "store"
    folder.mkdir()
    (folder / "ünïcödé-名前.txt").write_text(article_text(2), encoding="utf-8")
    assert kg("ingest", folder, "--store", store, "--workers", "1").returncode == 0
    app = create_app(Settings(store=str(store)), TESTING=True)
    try:
        client = app.test_client()
        listing = client.get("/type/Article").get_data(as_text=True)
        href = "/article/ünïcödé-名前"
        assert f'href="{href}"' in listing
        page = client.get(urllib.parse.quote(href))
        assert page.status_code == 200
        assert "ünïcödé-名前" in page.get_data(as_text=True)
        turtle = client.get(urllib.parse.quote(href) + "?format=turtle")
        assert turtle.status_code == 200 and f"<{BASE}article/ünïcödé-名前>" in turtle.get_data(as_text=True)
        store = app.extensions["kg"].store
        events = [row["e"].value.removeprefix(BASE + "entity/") for row in store.select(EVENTS)]
        assert events and all(key.startswith("event/ünïcödé-名前-") for key in events), events
        for key in events:
            assert client.get(urllib.parse.quote(f"/entity/{key}")).status_code == 200
    finally:
        del app.extensions["kg"]
        gc.collect()


@given(st.text(min_size=1, max_size=80) | st.text(min_size=290, max_size=400))
def test_ingest_ids_are_valid_iri_segments_that_parse_back(name: str) -> None:
    doc_id = slugify(name)
    assert is_local_id(doc_id)
    iri = Namer(BASE).article(doc_id)
    assert isinstance(iri, NamedNode) and iri.value.rsplit("/", 1)[-1] == doc_id
    assert slugify(doc_id) == doc_id  # an id read back as a name is the same id
