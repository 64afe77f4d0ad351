"""Damaged UTF-8 through `kg ingest`: a few bad bytes are replaced and reported with their byte offsets,
and the rest of the text stays UTF-8; a file in a legacy code page is still decoded, with a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.corpus import article_text, kg, store_graphs


def article_of(store: Path) -> str:
    """The stored text (schema:text) of the one article in the store."""
    (triples,) = store_graphs(store).values()
    (text,) = [triple for triple in triples if "<https://schema.org/text>" in triple]
    return text


@pytest.mark.model
def test_ingest_utf8_with_a_stray_byte_stays_utf8_and_names_the_offset(tmp_path: Path) -> None:
    good = article_text(1).replace("Jonas Lindqvist", "Jürgen Müller").encode("utf-8")
    offset = good.index("Müller".encode()) + len("Müller".encode())
    path = tmp_path / "stray.txt"
    path.write_bytes(good[:offset] + b"\xff" + good[offset:])

    result = kg("ingest", path, "--store", tmp_path / "store", "--workers", "1")

    assert result.returncode == 0, result.stderr
    assert f"kg ingest: {path}: warning: 1 byte that is not valid UTF-8 replaced by U+FFFD: 0xff at byte offset " \
           f"{offset}; the rest of the file is UTF-8" in result.stderr.splitlines(), result.stderr
    text = article_of(tmp_path / "store")
    assert "Jürgen Müller\ufffd" in text and "Ă" not in text


@pytest.mark.model
def test_ingest_utf8_with_many_bad_bytes_names_the_first_offsets(tmp_path: Path) -> None:
    accents = "\nZoë and Renée wrote from Malmö, Göteborg and Zürich to the café in Évora about the fjörd.\n"
    good = (article_text(3) + accents).encode("utf-8")
    damaged = bytearray(good)
    spaces = [i for i, byte in enumerate(good) if byte == ord(" ")][:7]
    for i in spaces:
        damaged[i] = 0x80  # a continuation byte with nothing to continue
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(damaged))

    result = kg("ingest", path, "--store", tmp_path / "store", "--workers", "1")

    assert result.returncode == 0, result.stderr
    shown = ", ".join(f"0x80 at byte offset {i}" for i in spaces[:5])
    assert f"kg ingest: {path}: warning: 7 bytes that are not valid UTF-8 replaced by U+FFFD: {shown} and 2 more; " \
           "the rest of the file is UTF-8" in result.stderr.splitlines(), result.stderr
    assert "Göteborg and Zürich" in article_of(tmp_path / "store")


@pytest.mark.model
def test_ingest_legacy_code_page_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(article_text(1).replace("Jonas Lindqvist", "Jürgen Müller").replace("—", "-").encode("latin-1"))

    result = kg("ingest", path, "--store", tmp_path / "store", "--workers", "1")

    assert result.returncode == 0, result.stderr
    assert f"kg ingest: {path}: warning: not UTF-8; decoded as cp1252, the encoding detected" \
        in result.stderr.splitlines(), result.stderr
    assert "Jürgen Müller" in article_of(tmp_path / "store")
