"""Folders through `kg ingest`: an unreadable folder is a failure named with its path, a symlinked folder
is followed once, and a link back into folders already read is skipped with a word, never silently."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.corpus import ROOT, kg, store_graphs, write_articles

# Root reads a folder whatever its mode; without these two capabilities it is held to the mode like anyone.
SETPRIV = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


def kg_held_to_modes(*args: str | Path) -> tuple[int, str, str]:
    """Run `kg ARGS` as a process that file modes apply to: as this user, or as root without DAC overrides."""
    if os.geteuid() != 0:
        result = kg(*args)
    elif shutil.which("setpriv"):
        result = subprocess.run([*SETPRIV, sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT,
                                capture_output=True, text=True, timeout=300)
    else:
        pytest.skip("running as root, where chmod 000 does not stop reads, and setpriv (util-linux) is not "
                    "installed to drop the capabilities that let root read any folder")
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder holding an article that its mode (000) forbids to list; the mode is restored afterwards."""
    folder = tmp_path / "locked"
    write_articles(folder, 1)
    folder.chmod(0)
    yield folder
    folder.chmod(0o755)


@pytest.mark.model
def test_ingest_unreadable_folder_named_is_a_failure(tmp_path: Path, locked: Path) -> None:
    code, stdout, stderr = kg_held_to_modes("ingest", locked, "--store", tmp_path / "store", "--workers", "1")
    assert code == 1
    assert f"kg ingest: {locked}: cannot read the folder: Permission denied" in stderr.splitlines(), stderr
    assert stdout.startswith("0 articles ingested, 0 unchanged, 1 failed"), stdout


@pytest.mark.model
def test_ingest_unreadable_subfolder_is_a_failure_and_the_rest_is_read(tmp_path: Path, locked: Path) -> None:
    write_articles(tmp_path, 2, start=5)
    store = tmp_path / "store"
    code, stdout, stderr = kg_held_to_modes("ingest", tmp_path, "--store", store, "--workers", "1")
    assert code == 1
    assert f"kg ingest: {locked}: cannot read the folder: Permission denied" in stderr.splitlines(), stderr
    assert stdout.startswith("2 articles ingested, 0 unchanged, 1 failed"), stdout


@pytest.mark.model
def test_ingest_symlinked_folder_is_followed_once(tmp_path: Path) -> None:
    corpus, elsewhere, store = tmp_path / "corpus", tmp_path / "elsewhere", tmp_path / "store"
    write_articles(corpus, 1)
    write_articles(elsewhere / "wire", 2, start=1)
    (corpus / "wire").symlink_to(elsewhere / "wire", target_is_directory=True)
    (corpus / "wire-again").symlink_to(elsewhere / "wire", target_is_directory=True)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)

    result = kg("ingest", corpus, "--store", store, "--workers", "1")

    assert result.returncode == 0, result.stderr
    assert sorted(g.rsplit("/", 1)[-1].rstrip(">") for g in store_graphs(store)) == \
        ["article-000", "article-001", "article-002"]
    lines = result.stderr.splitlines()
    assert f"kg ingest: {corpus / 'loop'}: warning: symlinked folder leads to {corpus}, which is already read; " \
           "skipped" in lines, result.stderr
    assert f"kg ingest: {corpus / 'wire-again'}: warning: symlinked folder leads to {corpus / 'wire'}, which is " \
           "already read; skipped" in lines, result.stderr
    assert result.stdout.startswith("3 articles ingested, 0 unchanged, 0 failed, 2 warnings;"), result.stdout
