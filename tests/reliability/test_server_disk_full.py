"""A full disk under `kg serve`, for real: the store on a small tmpfs in a private mount namespace (as in
test_ingest_disk_full.py), filled while the server runs. Writes get 507 naming the problem, reads keep
working, and once space is freed writes succeed again, without a restart."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import DiskFull
from kg.remote import RemoteSink
from tests.conftest import ROOT, free_port
from tests.reliability.test_ingest_disk_full import can_mount_tmpfs

TOKEN = "disk-full-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TMPFS_MB = 32

# The server runs inside the namespace; files in `out` (outside the tmpfs) tell the script when to fill the
# disk, when to free it and when to stop.
SCRIPT = """
mount -t tmpfs -o size={size}m tmpfs {mount} || exit 97
cp -r {store} {mount}/store
{python} -m kg serve --store {mount}/store --port {port} >{out}/serve.out 2>{out}/serve.err &
server=$!
until [ -e {out}/fill ]; do sleep 0.05; done
dd if=/dev/zero of={mount}/filler bs=4096 2>/dev/null  # all the space there is: the disk is full now
touch {out}/filled
until [ -e {out}/free ]; do sleep 0.05; done
rm {mount}/filler
touch {out}/freed
until [ -e {out}/stop ]; do sleep 0.05; done
kill -TERM $server
wait $server
"""


def ntriples(count: int, tag: str) -> bytes:
    return b"".join(b'<urn:x:%s%07d> <urn:x:p> "%064d" .\n' % (tag.encode(), i, i) for i in range(count))


def wait_for(path: Path, proc: subprocess.Popen[str]) -> None:
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)


def put(url: str, graph: str, body: bytes) -> requests.Response:
    return requests.put(f"{url}/store?graph={graph}", data=body, timeout=60,
                        headers={**AUTH, "Content-Type": "application/n-triples"})


def count(url: str, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    answer = requests.get(url + "/sparql", params={"query": query}, timeout=30)
    assert answer.status_code == 200, answer.text
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def test_server_disk_full_writes_get_507_reads_work_and_writes_recover(store_path: Path, tmp_path: Path) -> None:
    mount, out = tmp_path / "mount", tmp_path / "out"
    mount.mkdir()
    out.mkdir()
    if not can_mount_tmpfs(mount):
        pytest.skip("cannot mount a small tmpfs here (no `unshare -rm`: unprivileged user namespaces are off and "
                    "this is not root), so there is no real full disk to serve from")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    script = SCRIPT.format(size=TMPFS_MB, mount=shlex.quote(str(mount)), out=shlex.quote(str(out)),
                           store=shlex.quote(str(store_path)), python=shlex.quote(sys.executable), port=port)
    env = {"KG_UPDATE_TOKEN": TOKEN, "KG_ACCESS_LOG": "0", "PATH": os.environ["PATH"]}
    proc = subprocess.Popen(["unshare", "-rm", "sh", "-c", script], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        while True:
            assert proc.poll() is None, proc.communicate()
            try:
                requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert put(url, "urn:x:before", ntriples(10, "b")).status_code == 201

        (out / "fill").touch()
        wait_for(out / "filled", proc)
        answer = put(url, "urn:x:full", ntriples(40_000, "f"))  # 4 MB: more than any space left
        assert answer.status_code == 507, answer.text
        assert answer.json()["error"].startswith("disk full: no space left for the store"), answer.text
        update = requests.post(url + "/sparql", data=b"INSERT DATA { GRAPH <urn:x:u> { <urn:x:u> <urn:x:p> 1 } }",
                               timeout=60, headers={**AUTH, "Content-Type": "application/sparql-update"})
        assert update.status_code == 507, update.text
        assert "disk full" in update.text
        # `kg ingest --server` writes through RemoteSink: it stops on DiskFull, as a local ingest does.
        quads = [Quad(NamedNode(f"urn:x:r{i}"), NamedNode("urn:x:p"), Literal("x" * 64), NamedNode("urn:x:remote"))
                 for i in range(40_000)]
        with pytest.raises(DiskFull, match=r"^disk full: no space left for the store .* \(507 on PUT "):
            RemoteSink(url, TOKEN).write_graphs([(NamedNode("urn:x:remote"), quads)])
        # Reads keep working, and nothing of the refused writes is there.
        assert count(url, "urn:x:before") == 10
        assert count(url, "urn:x:full") == 0
        assert count(url, "urn:x:remote") == 0
        assert count(url, "urn:x:u") == 0
        assert requests.get(url + "/", timeout=30).status_code == 200

        (out / "free").touch()
        wait_for(out / "freed", proc)
        update = requests.post(url + "/sparql", data=b"INSERT DATA { GRAPH <urn:x:u> { <urn:x:u> <urn:x:p> 1 } }",
                               timeout=60, headers={**AUTH, "Content-Type": "application/sparql-update"})
        assert update.status_code == 204, update.text
        assert count(url, "urn:x:u") == 1
        assert put(url, "urn:x:full", ntriples(40_000, "f")).status_code == 201
        assert count(url, "urn:x:full") == 40_000
        assert count(url, "urn:x:before") == 10
    finally:
        for step in ("fill", "free", "stop"):  # whatever step the script waits for
            (out / step).touch()
        proc.communicate(timeout=60)
    assert "Traceback" not in (out / "serve.err").read_text(), (out / "serve.err").read_text()
