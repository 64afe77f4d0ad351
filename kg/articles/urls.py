"""Article files named by fsspec URLs (`file://`, `memory://`, and `s3://`, `gs://`, ... where the matching fsspec
driver is installed): the only module that imports fsspec.

A URL names a file, a folder (walked recursively in name order, without hidden entries, like a local folder)
or a glob (`s3://bucket/2026-12-*/*.jsonl`). Every problem names the URL it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath, PurePosixPath

import fsspec
from fsspec.spec import AbstractFileSystem

from kg.articles.problems import ReadProblem, too_large

SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
GLOB = re.compile(r"[*?\[]")

UrlFile = tuple[str, PurePath, bytes]  # (its URL, its path (extension and stem), its bytes)


def is_url(name: str) -> bool:
    """Whether an input is named by a URL (it has a scheme) rather than a local path."""
    return SCHEME.match(name) is not None


def iter_url_files(url: str, suffixes: tuple[str, ...], max_bytes: int) -> Iterator[UrlFile | ReadProblem]:
    """The files a URL names (itself, the article files under it, or those its glob matches), each read whole,
    or the problem with each; files of a folder or a glob are those with one of `suffixes`."""
    try:
        fs, root = fsspec.core.url_to_fs(url)
        if GLOB.search(root):
            matched = sorted(fs.glob(root))
            files = [path for found in matched for path in _files_under(fs, found, suffixes)]
            if not matched:
                yield ReadProblem(url, "no file matches this pattern")
        elif fs.isdir(root):
            files = _files_under(fs, root, suffixes)
        elif fs.exists(root):
            files = [root]
        else:
            yield ReadProblem(url, "no such file or folder; expected an article file or a folder")
            return
    except (OSError, ValueError, ImportError) as err:  # unreachable, refused, an unknown scheme or a missing driver
        yield ReadProblem(url, f"cannot read the URL: {err}")
        return
    for path in files:
        yield _read(fs, path, max_bytes)


def _files_under(fs: AbstractFileSystem, path: str, suffixes: tuple[str, ...]) -> list[str]:
    """`path` if it is a file, else the files with one of `suffixes` under it, sorted, without hidden entries."""
    if not fs.isdir(path):
        return [path]
    found = []
    for name in sorted(fs.find(path)):
        inside = PurePosixPath(name).relative_to(PurePosixPath(path)).parts
        if not any(part.startswith(".") for part in inside) and PurePosixPath(name).suffix.lower() in suffixes:
            found.append(name)
    return found


def _read(fs: AbstractFileSystem, path: str, max_bytes: int) -> UrlFile | ReadProblem:
    """One file's URL, path and bytes after a size check, or the problem reading it."""
    source = fs.unstrip_protocol(path)
    try:
        problem = too_large(source, int(fs.size(path) or 0), max_bytes)
        if problem:
            return problem
        with fs.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, ValueError) as err:
        return ReadProblem(source, f"cannot read the URL: {err}")
    return too_large(source, len(data), max_bytes) or (source, PurePosixPath(path), data)
