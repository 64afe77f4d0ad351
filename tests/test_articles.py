"""Tests for kg.articles: reading .txt, .html and .jsonl files into Documents or ReadProblems."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.articles import DEFAULT_MAX_BYTES, ReadProblem, ReadWarning, iter_articles, read_article_file, slugify
from kg.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def read_one(path: Path, **kwargs: int) -> Document | ReadProblem:
    items = read_article_file(path, **kwargs)
    assert len(items) == 1
    return items[0]


def read_doc(path: Path) -> Document:
    item = read_one(path)
    assert isinstance(item, Document), item
    return item


def test_articles_header_layout_metadata() -> None:
    doc = read_doc(FIXTURES / "header-layout.txt")
    assert doc.id == "header-layout"
    assert doc.title == "Harbour council names a new chair"
    assert doc.published == "2024-05-14"
    assert doc.url == "https://news.example.org/harbour-council-chair"
    assert doc.publisher == "Example Coast News"
    assert doc.text.startswith("PORTVILLE — The Portville Harbour Council")  # header and date line dropped
    assert doc.boilerplate_from is None
    assert doc.source == str(FIXTURES / "header-layout.txt")


def test_articles_freeform_layout_metadata_and_furniture() -> None:
    doc = read_doc(FIXTURES / "freeform-layout.txt")
    assert doc.title == "River bridge reopens after two years of repairs"
    assert doc.url == "https://daily.example.com/2025/03/river-bridge-reopens"
    assert doc.published == "2025-03-08"
    assert doc.text.startswith("The mayor of Eastbrook, Tomas Weir, opened")
    assert doc.boilerplate_from is not None
    body, furniture = doc.text[: doc.boilerplate_from], doc.text[doc.boilerplate_from :]
    assert body.rstrip().endswith("found cracks in two supports.")
    assert furniture.startswith("March 8, 2025\n1,204 views\nHIGHLIGHTS")


def test_articles_timestamp_near_top_is_publication_date() -> None:
    doc = read_doc(FIXTURES / "timestamp-layout.txt")
    assert doc.title == "Lighthouse museum opens its doors to visitors"
    assert doc.published == "2024-09-21"
    assert doc.boilerplate_from is not None
    assert doc.text[doc.boilerplate_from :].startswith("2024-09-21T09:45+0000")


def test_articles_date_in_body_is_not_publication_date() -> None:
    doc = read_doc(FIXTURES / "no-date.txt")
    assert doc.published is None
    assert doc.title is None
    assert doc.text.startswith("SOUTHBAY\nThe city library")  # a dateline is kept, never a sentence dropped


def test_articles_html_main_text_without_navigation() -> None:
    doc = read_doc(FIXTURES / "page.html")
    assert doc.id == "page"
    assert doc.title == "Orchard growers form a cooperative"
    assert doc.published == "2023-10-02"
    assert doc.publisher == "Valley Ledger"
    assert doc.url == "https://ledger.example.net/orchard-cooperative"
    assert doc.text.startswith("Forty apple and pear growers")
    assert "Hanna Berg" in doc.text
    for furniture in ("Home", "Weather", "Storm closes", "desk@ledger", "All rights reserved"):
        assert furniture not in doc.text


def test_articles_html_without_body_is_a_problem() -> None:
    assert read_one(FIXTURES / "no-body.html") == ReadProblem(
        str(FIXTURES / "no-body.html"), "no main text found in the HTML; expected an article body with sentences"
    )


def test_articles_jsonl_broken_lines_reported_others_read() -> None:
    path = FIXTURES / "batch.jsonl"
    items = read_article_file(path)
    assert [type(item).__name__ for item in items] == [
        "Document",
        "ReadProblem",
        "ReadProblem",
        "ReadProblem",
        "Document",
    ]
    first, last = items[0], items[4]
    assert isinstance(first, Document) and isinstance(last, Document)
    assert first.id == "grain-port-1"
    assert first.source == f"{path}:1"
    assert (first.title, first.url, first.published, first.publisher) == (
        "Grain port sets a record",
        "https://port.example.com/record",
        "2024-11-03",
        "Port Gazette",
    )
    assert last.id == "batch-5" and last.published == "2024-06-12"
    problems = [item for item in items if isinstance(item, ReadProblem)]
    assert [p.source for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert problems[0].message.startswith("not valid JSON (")
    assert problems[0].message.endswith("); expected one JSON object per line")
    assert problems[1].message == 'a JSON list, not an object; expected an object with "text"'
    assert problems[2].message == 'no "text" field with article text; expected {"text": "...", ...}'


def test_articles_jsonl_single_json_document_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{\n  "text": "A whole document."\n}\n', encoding="utf-8")
    assert read_one(path) == ReadProblem(
        str(path), "a single JSON document, not JSON Lines; expected one JSON object per line"
    )


def test_articles_content_hash_covers_text_and_metadata() -> None:
    doc = read_doc(FIXTURES / "header-layout.txt")
    parts = [doc.text, doc.title or "", doc.url or "", doc.published or ""]
    assert doc.content_hash == hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty or only whitespace; expected article text"),
        ("blank.txt", b"  \n\t\n", "the file is empty or only whitespace; expected article text"),
        ("blank.jsonl", b"\n\n", "the file is empty or only whitespace; expected article text"),
        ("binary.txt", b"GIF89a\x00\x01\x02text", "binary file (contains NUL bytes); expected UTF-8 text"),
        ("mess.txt", bytes(range(128, 256)) * 4, "not UTF-8 text and no encoding detected; expected UTF-8 text"),
        ("report.pdf", b"%PDF-1.4", "unsupported file type '.pdf'; expected .txt, .html, .htm or .jsonl"),
        ("README", b"text", "unsupported file type no extension; expected .txt, .html, .htm or .jsonl"),
    ],
)
def test_articles_bad_input_is_a_problem(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert read_one(path) == ReadProblem(str(path), message)


def test_articles_too_large_names_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("A long sentence about the harbour repeats here. " * 10, encoding="utf-8")
    assert read_one(path, max_bytes=100) == ReadProblem(
        str(path), "file is 480 bytes, larger than the limit of 100 bytes; raise it with --max-bytes or KG_MAX_BYTES"
    )
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024


def test_articles_legacy_encoding_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Le café du port était fermé à Genève, selon le maire du village.".encode("cp1252"))
    warning, doc = read_article_file(path)
    assert isinstance(doc, Document)
    assert "café" in doc.text and "Genève" in doc.text
    assert warning == ReadWarning(str(path), "not UTF-8; decoded as cp1252, the encoding detected")


def test_articles_crlf_and_bom_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffThe mill reopened on Monday after a long winter break.\r\nWorkers returned.\r\n".encode())
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.text == "The mill reopened on Monday after a long winter break.\nWorkers returned.\n".rstrip("\n")


def test_articles_walk_folder_sorted_skipping_hidden_and_other_types(tmp_path: Path) -> None:
    sentence = "The committee met on Friday and agreed to publish its report next week."
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "second.txt").write_text(sentence, encoding="utf-8")
    (tmp_path / "a.txt").write_text(sentence, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".draft.txt").write_text(sentence, encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text(sentence, encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert [item.source for item in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "second.txt")]


def test_articles_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    assert list(iter_articles([missing])) == [
        ReadProblem(missing, "no such file or directory; expected an article file or a folder")
    ]


def test_articles_duplicate_ids_are_all_yielded(tmp_path: Path) -> None:
    sentence = "The ferry company added a second boat on Tuesday to meet demand."
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ferry.txt").write_text(sentence, encoding="utf-8")
    ids = [item.id for item in iter_articles([tmp_path]) if isinstance(item, Document)]
    assert ids == ["ferry", "ferry"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Harbour News 01", "harbour-news-01"), ("a__b--c", "a__b-c"), ("2022-03-02-blinken-travel-europe-baltics",
      "2022-03-02-blinken-travel-europe-baltics"), ("000_22f819bb5bdec224", "000_22f819bb5bdec224"),
     ("v1.2 draft", "v1-2-draft"), ("Ünïcode!", "ünïcode"), ("ünïcödé-名前", "ünïcödé-名前"), ("CAF", "caf"),
     ("Cafe\u0301", "café"), ("नमस्ते दुनिया", "नमस्ते-दुनिया")],
)
def test_articles_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["!!!", "🎉", "\u200f"])
def test_articles_slugify_never_empty(name: str) -> None:
    assert slugify(name).startswith("article-")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_articles_never_raise_on_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    for item in read_article_file(path):
        assert isinstance(item, Document | ReadProblem | ReadWarning)
        if isinstance(item, Document):
            assert item.text.strip()
            assert item.boilerplate_from is None or 0 <= item.boilerplate_from <= len(item.text)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_articles_never_raise_on_arbitrary_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    for item in read_article_file(path):
        assert isinstance(item, Document | ReadProblem | ReadWarning)
