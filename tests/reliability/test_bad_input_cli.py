"""Bad input through `kg ingest`: each problem named on stderr, exit code 1, good articles stored, store untouched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.reliability.corpus import article_text, kg, store_graphs, store_nquads, write_articles

MAX_BYTES = 4000
EXPECTED = "expected .txt, .html, .htm or .jsonl"


def make_bad_folder(folder: Path) -> dict[str, str]:
    """A folder of good and bad inputs; returns {source as kg reports it: the exact problem message}.

    Two inputs are read with a warning, not a failure: latin1.txt (not UTF-8) and two/same-name.txt
    (its id is taken by one/same-name.txt); `warnings_of` lists them.
    """
    write_articles(folder, 2)  # article-000.txt, article-001.txt: good
    latin1 = article_text(7).replace("Lindqvist", "Müllerström").replace("—", "-")
    (folder / "latin1.txt").write_bytes(latin1.encode("latin-1"))
    (folder / "empty.txt").write_text("")
    (folder / "blank.txt").write_text("  \n\n \t\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    big = folder / "huge.txt"
    big.write_text(article_text(3) + "More words follow here. " * 400)
    (folder / "nobody.html").write_text("<html><head><title>Only a title</title></head></html>")
    good_line = {"id": "brief-one", "title": "A brief", "text": article_text(4)}
    (folder / "briefs.jsonl").write_text(
        json.dumps(good_line) + "\n" + '{"id": "brief-two", "text": "unterminated\n' + json.dumps(
            {"id": "brief-three", "text": article_text(5)}) + "\n"
    )
    (folder / "broken-link.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "one").mkdir()
    (folder / "two").mkdir()
    (folder / "one" / "same-name.txt").write_text(article_text(8))
    (folder / "two" / "same-name.txt").write_text(article_text(9))
    return {
        str(folder / "empty.txt"): "the file is empty or only whitespace; expected article text",
        str(folder / "blank.txt"): "the file is empty or only whitespace; expected article text",
        str(folder / "binary.txt"): "binary file (contains NUL bytes); expected UTF-8 text",
        str(big): f"file is {big.stat().st_size} bytes, larger than the limit of {MAX_BYTES} bytes; "
        "raise it with --max-bytes or KG_MAX_BYTES",
        str(folder / "nobody.html"): "no main text found in the HTML; expected an article body with sentences",
        str(folder / "broken-link.txt"): "cannot read the file: No such file or directory",
    }


def warnings_of(folder: Path) -> dict[str, str]:
    """{source: the exact warning} for the inputs of `make_bad_folder` that are read with a warning."""
    later = folder / "two" / "same-name.txt"
    suffix = hashlib.sha256(str(later).encode()).hexdigest()[:8]
    return {
        str(folder / "latin1.txt"): "not UTF-8; decoded as cp1252, the encoding detected",
        str(later): f"article id 'same-name' is taken by {folder / 'one' / 'same-name.txt'}; "
        f"stored as 'same-name-{suffix}'",
    }


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str], str, str, int]:
    """`kg ingest` of the bad folder plus an unknown extension and a missing path named explicitly."""
    base = tmp_path_factory.mktemp("bad")
    folder, store = base / "articles", base / "store"
    problems = make_bad_folder(folder)
    (base / "report.pdf").write_bytes(b"%PDF-1.4")
    problems[str(base / "report.pdf")] = f"unsupported file type '.pdf'; {EXPECTED}"
    problems[str(base / "missing")] = "no such file or directory; expected an article file or a folder"
    result = kg("ingest", folder, base / "report.pdf", base / "missing", "--store", store, "--workers", "1",
                "--max-bytes", str(MAX_BYTES))
    return folder, store, problems, result.stdout, result.stderr, result.returncode


@pytest.mark.model
def test_bad_input_cli_exits_1_and_names_each_file_and_problem(bad_run: tuple) -> None:
    folder, _, problems, stdout, stderr, code = bad_run
    assert code == 1
    lines = stderr.splitlines()
    for source, message in problems.items():
        assert f"kg ingest: {source}: {message}" in lines, f"{source}: {message}\n--- stderr:\n{stderr}"
    for source, message in warnings_of(folder).items():
        assert f"kg ingest: {source}: warning: {message}" in lines, f"{source}: {message}\n--- stderr:\n{stderr}"
    broken = [line for line in lines if line.startswith(f"kg ingest: {folder / 'briefs.jsonl'}:2: not valid JSON (")]
    assert len(broken) == 1 and broken[0].endswith("; expected one JSON object per line"), stderr
    failed, warned = len(problems) + 1, len(warnings_of(folder))
    assert len([line for line in lines if line.startswith("kg ingest: ")]) == failed + warned, stderr
    assert stdout.startswith(f"7 articles ingested, 0 unchanged, {failed} failed, {warned} warnings;"), stdout


@pytest.mark.model
def test_bad_input_cli_stores_the_good_articles(bad_run: tuple) -> None:
    folder, store, _, _, _, _ = bad_run
    graphs = store_graphs(store)
    names = sorted(graph.rsplit("/", 1)[-1].rstrip(">") for graph in graphs)
    suffix = hashlib.sha256(str(folder / "two" / "same-name.txt").encode()).hexdigest()[:8]
    assert names == ["article-000", "article-001", "brief-one", "brief-three", "latin1", "same-name",
                     f"same-name-{suffix}"]
    latin1 = next(triples for graph, triples in graphs.items() if graph.endswith("/latin1>"))
    assert any("Müllerström" in triple for triple in latin1), "latin-1 text is decoded, not mangled"


@pytest.mark.model
def test_bad_input_cli_failed_article_leaves_store_as_before(tmp_path: Path) -> None:
    folder, store = tmp_path / "articles", tmp_path / "store"
    paths = write_articles(folder, 3)
    assert kg("ingest", folder, "--store", store, "--workers", "1").returncode == 0
    before = store_nquads(store)
    paths[1].write_bytes(b"\x00\x01 now a binary file")  # a stored article, changed into garbage
    paths[2].write_text("")
    (folder / "article-003.txt").write_text(article_text(3) + "Padding sentence here. " * 300)
    result = kg("ingest", folder, "--store", store, "--workers", "1", "--max-bytes", str(MAX_BYTES))
    assert result.returncode == 1
    assert result.stdout.startswith("0 articles ingested, 1 unchanged, 3 failed"), result.stdout
    assert store_nquads(store) == before
