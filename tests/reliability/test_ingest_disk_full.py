"""A full disk under `kg ingest`, for real: a small tmpfs mounted in a private mount namespace
(`unshare -rm`, which needs no root where unprivileged user namespaces are allowed; skipped where
neither is possible). The ingest stops with a "disk full" message and the summary of what it wrote;
with the disk still full the store can be read; once space is back the same command finishes the job
and the store equals a clean build."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from tests.reliability.corpus import ROOT, graphs_of, kg, store_graphs, write_articles

ARTICLES = 200
TMPFS_MB = 64  # the whole disk: room for all the articles
FILLER_MB = 56  # what other files take at first: left is room for the store and one batch (64 articles), not 200
COUNT_ARTICLES = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://w3id.org/kg-news/ns#Article> }"

SCRIPT = """
mount -t tmpfs -o size={size}m tmpfs {mount} || exit 97
dd if=/dev/zero of={mount}/filler bs=1M count={filler} 2>/dev/null || exit 98
kg() {{ {python} -m kg "$@"; }}
kg ingest {articles} --store {mount}/store --workers 1 >{out}/ingest.out 2>{out}/ingest.err; echo $? >{out}/ingest.rc
dd if=/dev/zero of={mount}/rest bs=4096 2>/dev/null  # whatever space is left: the disk is full now
ls {mount}/store >{out}/files-before
kg stats --store {mount}/store >{out}/stats.out 2>{out}/stats.err; echo $? >{out}/stats.rc
kg query {count} --store {mount}/store --format csv >{out}/query.out 2>{out}/query.err; echo $? >{out}/query.rc
ls {mount}/store >{out}/files-after
rm {mount}/filler {mount}/rest
kg ingest {articles} --store {mount}/store --workers 1 >{out}/again.out 2>{out}/again.err; echo $? >{out}/again.rc
kg export --store {mount}/store --output {out}/export.nq 2>{out}/export.err; echo $? >{out}/export.rc
"""


def can_mount_tmpfs(where: Path) -> bool:
    """Whether this process may mount a tmpfs in a private mount namespace."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


@pytest.mark.model
def test_ingest_disk_full_stops_with_a_summary_and_recovers(tmp_path: Path) -> None:
    mount, out, articles = tmp_path / "mount", tmp_path / "out", tmp_path / "articles"
    mount.mkdir()
    out.mkdir()
    if not can_mount_tmpfs(mount):
        pytest.skip("cannot mount a small tmpfs here (no `unshare -rm`: unprivileged user namespaces are off and "
                    "this is not root), so there is no real full disk to ingest into")
    write_articles(articles, ARTICLES)
    clean = kg("ingest", articles, "--store", tmp_path / "clean", "--workers", "1")
    assert clean.returncode == 0, clean.stderr

    script = SCRIPT.format(size=TMPFS_MB, filler=FILLER_MB, mount=shlex.quote(str(mount)), out=shlex.quote(str(out)),
                           python=shlex.quote(sys.executable), articles=shlex.quote(str(articles)),
                           count=shlex.quote(COUNT_ARTICLES))
    ran = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert ran.returncode == 0, ran.stderr

    def read(name: str) -> str:
        return (out / name).read_text()

    # The ingest stops with a clear message and a summary of what it wrote.
    assert read("ingest.rc").strip() == "2", read("ingest.err")
    assert read("ingest.err").startswith(f"kg ingest: disk full: no space left for the store {mount / 'store'} ("), \
        read("ingest.err")
    assert "Traceback" not in read("ingest.err")
    summary = read("ingest.out")
    written = int(summary.split(" ", 1)[0])
    assert 0 < written < ARTICLES, summary
    assert summary.startswith(f"{written} articles ingested, 0 unchanged, 0 failed, then stopped"), summary

    # With the disk still full, the store opens and shows exactly what was written.
    assert read("stats.rc").strip() == "0", read("stats.err")
    assert json.loads(read("stats.out"))["Article"] == written
    assert read("query.rc").strip() == "0", read("query.err")
    assert read("query.out").split() == ["n", str(written)]
    assert read("files-after") == read("files-before"), "reading a store on a full disk leaves no files behind"

    # Once there is space again, the same command finishes the job: the store equals a clean build.
    assert read("again.rc").strip() == "0", read("again.err")
    assert read("again.out").startswith(f"{ARTICLES - written} articles ingested, {written} unchanged, 0 failed;")
    assert read("export.rc").strip() == "0", read("export.err")
    with (out / "export.nq").open("rb") as exported:
        assert graphs_of(parse(exported, RdfFormat.N_QUADS)) == store_graphs(tmp_path / "clean")
