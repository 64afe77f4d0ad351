"""Read article files (.txt, .html, .jsonl) into Documents, reporting unreadable inputs as ReadProblems."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any

from kg.articles.decoding import decode_article, normalise
from kg.articles.folders import iter_folder
from kg.articles.plaintext import find_boilerplate, is_body_line, parse_plain_text, to_published
from kg.articles.problems import ReadProblem, ReadWarning, too_large
from kg.articles.urls import is_url, iter_url_files
from kg.model import Document
from kg.ontology import MAX_ID_CHARS, is_id_char

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".json")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
EXPECTED = "expected .txt, .html, .htm or .jsonl"

Item = Document | ReadProblem | ReadWarning


def iter_articles(paths: Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Yield a Document or a ReadProblem for every article in the given files, folders and URLs, and ReadWarnings.

    Folders are walked recursively in sorted order (kg.articles.folders), skipping hidden entries and
    files with other extensions; a file named explicitly with an unknown extension is a ReadProblem.
    A name with a scheme (`file://`, `memory://`, `s3://`) is read with fsspec (kg.articles.urls).
    Ids are not deduplicated: two articles with the same id are both yielded and the caller decides.
    """
    for given in paths:
        if is_url(str(given)):
            for found in iter_url_files(str(given), SUFFIXES, max_bytes):
                yield from [found] if isinstance(found, ReadProblem) else read_article_bytes(*found)
            continue
        path = Path(given)
        if path.is_dir():
            for found in iter_folder(path, SUFFIXES):
                yield from read_article_file(found, max_bytes) if isinstance(found, Path) else [found]
        elif path.exists() or path.is_symlink():
            yield from read_article_file(path, max_bytes)
        else:
            yield ReadProblem(str(given), "no such file or directory; expected an article file or a folder")


def read_article_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """Read one article file into Documents (one, or one per JSON line), ReadProblems and ReadWarnings."""
    problem = unsupported(str(path), path)
    if problem:
        return [problem]
    data = _read_bytes(path, max_bytes)
    return [data] if isinstance(data, ReadProblem) else read_article_bytes(str(path), path, data)


def unsupported(source: str, name: PurePath) -> ReadProblem | None:
    """The problem of a file whose extension is not an article's, or None."""
    if name.suffix.lower() in SUFFIXES:
        return None
    shown = f"'{name.suffix}'" if name.suffix else "no extension"
    return ReadProblem(source, f"unsupported file type {shown}; {EXPECTED}")


def read_article_bytes(source: str, name: PurePath, data: bytes) -> list[Item]:
    """The Documents (one, or one per JSON line), ReadProblems and ReadWarnings of an article file's bytes, read
    from `source`; `name` gives the format (its extension) and the id (its stem)."""
    problem = unsupported(source, name)
    if problem:
        return [problem]
    decoded = decode_article(source, data)
    if isinstance(decoded, ReadProblem):
        return [decoded]
    text, warning = decoded
    if not text.strip():
        return [ReadProblem(source, "the file is empty or only whitespace; expected article text")]
    items: list[Item] = [warning] if warning else []
    suffix = name.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        items += _read_jsonl(source, name.stem, text)
    elif suffix in HTML_SUFFIXES:
        items.append(_read_html(source, name.stem, text))
    else:
        items.append(_read_plain(source, name.stem, text))
    return items


def slugify(name: str) -> str:
    """A document id from a name: lowercase letters, marks and digits of any script, '_' and '-'.

    Other characters become '-' (one for a run). ASCII names keep the ids they always had
    ("Harbour News 01" -> "harbour-news-01"); other scripts are kept, not dropped ("Café" -> "café",
    in NFC). A hash when nothing is left; an id too long for a page URL is cut and a hash appended.
    """
    text = unicodedata.normalize("NFC", name.lower())
    slug = "".join(char if is_id_char(char) and char != "." else "-" for char in text)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if len(slug) > MAX_ID_CHARS:  # longer than any file name: only a JSON Lines "id" can be
        return f"{slug[: MAX_ID_CHARS - 13].rstrip('-')}-{digest}"
    return slug or f"article-{digest}"


def make_document(source: str, doc_id: str, text: str, **meta: Any) -> Document:
    """A Document with its content hash (sha256 of text, title, url and published)."""
    title, url, published = meta.get("title"), meta.get("url"), meta.get("published")
    parts = [text, title or "", url or "", published or ""]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return Document(id=doc_id, text=text, source=source, content_hash=digest, **meta)


def _read_bytes(path: Path, max_bytes: int) -> bytes | ReadProblem:
    """The file's bytes after a size check."""
    source = str(path)
    try:
        problem = too_large(source, path.stat().st_size, max_bytes)
        if problem:
            return problem
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        return ReadProblem(source, "is a directory inside a file list; expected an article file")
    except OSError as err:
        return ReadProblem(source, f"cannot read the file: {err.strerror or err}")
    if len(data) > max_bytes:
        return ReadProblem(
            source, f"file is larger than the limit of {max_bytes} bytes; raise it with --max-bytes or KG_MAX_BYTES"
        )
    return data


def _read_plain(source: str, stem: str, raw: str) -> Document | ReadProblem:
    parsed = parse_plain_text(raw)
    if not parsed.text.strip():
        return ReadProblem(source, "no article text after the header; expected a body after a blank line")
    return make_document(
        source,
        slugify(stem),
        parsed.text,
        title=parsed.title,
        url=parsed.url,
        published=parsed.published,
        publisher=parsed.publisher,
        boilerplate_from=parsed.boilerplate_from,
    )


def _read_html(source: str, stem: str, raw: str) -> Document | ReadProblem:
    import trafilatura

    result = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    extracted: dict[str, Any] = {}
    if isinstance(result, dict):
        extracted = result
    elif result is not None:
        extracted = result.as_dict()
    body = normalise(extracted.get("text") or "").strip()
    if not any(is_body_line(line) for line in body.split("\n")):
        return ReadProblem(source, "no main text found in the HTML; expected an article body with sentences")
    title = extracted.get("title") or None
    first, _, rest = body.partition("\n")
    text = rest.strip() if title and first.strip() == title.strip() and rest.strip() else body
    date = extracted.get("date")
    return make_document(
        source,
        slugify(stem),
        text,
        title=title,
        url=extracted.get("url") or None,
        published=to_published(date) if isinstance(date, str) else None,
        publisher=extracted.get("sitename") or None,
        boilerplate_from=find_boilerplate(text),
    )


def _read_jsonl(source: str, stem: str, raw: str) -> Iterator[Document | ReadProblem]:
    stripped = raw.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n" in raw.strip() and _is_one_json(raw)):
        yield ReadProblem(source, "a single JSON document, not JSON Lines; expected one JSON object per line")
        return
    for number, line in enumerate(raw.split("\n"), start=1):
        if line.strip():
            yield _read_json_line(source, stem, number, line)


def _is_one_json(raw: str) -> bool:
    try:
        json.loads(raw)
    except ValueError:
        return False
    return True


def _read_json_line(file: str, stem: str, number: int, line: str) -> Document | ReadProblem:
    source = f"{file}:{number}"
    try:
        record = json.loads(line)
    except ValueError as err:
        return ReadProblem(source, f"not valid JSON ({err}); expected one JSON object per line")
    if not isinstance(record, dict):
        return ReadProblem(source, f'a JSON {type(record).__name__}, not an object; expected an object with "text"')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadProblem(source, 'no "text" field with article text; expected {"text": "...", ...}')
    meta = {key: record.get(key) if isinstance(record.get(key), str) else None for key in ("title", "url")}
    raw_date = record.get("date", record.get("published"))
    published = to_published(raw_date) if isinstance(raw_date, str) else None
    publisher = record.get("publisher")
    raw_id = record.get("id")
    doc_id = slugify(str(raw_id)) if isinstance(raw_id, str | int) and str(raw_id).strip() else None
    text = normalise(text)
    return make_document(
        source,
        doc_id or slugify(f"{stem}-{number}"),
        text,
        title=meta["title"] or None,
        url=meta["url"] or None,
        published=published,
        publisher=publisher if isinstance(publisher, str) and publisher else None,
        boilerplate_from=find_boilerplate(text),
    )
