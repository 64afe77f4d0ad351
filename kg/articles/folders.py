"""Article files under a folder, each reported or read once: unreadable folders are failures, and
symlinked folders are followed once (a link back into folders already read is skipped, with a warning).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from kg.articles.problems import ReadProblem, ReadWarning


def iter_folder(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path | ReadProblem | ReadWarning]:
    """Files with one of `suffixes` under `folder`, recursively and sorted, without hidden files or folders.

    A folder that cannot be listed is a ReadProblem. A symlinked folder is walked like any other unless
    it leads to a folder already walked (a loop, or a second way to the same files): that is a ReadWarning.
    A file reached a second time through a symlink is a ReadWarning too, so nothing is read twice.
    """
    seen_folders: dict[str, Path] = {}
    seen_files: dict[str, Path] = {}
    stack = [folder]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in seen_folders:
            first = seen_folders[real]
            yield ReadWarning(str(current), f"symlinked folder leads to {first}, which is already read; skipped")
            continue
        seen_folders[real] = current
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError as err:
            yield ReadProblem(str(current), f"cannot read the folder: {err.strerror or err}")
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if _is_folder(entry):
                folders.append(path)
            elif path.suffix.lower() in suffixes:
                file_real = os.path.realpath(path)
                if file_real in seen_files:
                    yield ReadWarning(str(path), f"the same file as {seen_files[file_real]} (a symlink); read once")
                    continue
                seen_files[file_real] = path
                yield path
        stack.extend(reversed(folders))  # depth first, in name order


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:  # a link we may not follow: read it as a file, which reports why it cannot be read
        return False
