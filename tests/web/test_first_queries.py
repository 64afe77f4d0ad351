"""The first queries a user meets, the README's curl and the query editor's default, give each row once."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import urllib.request
from pathlib import Path

from SPARQLWrapper import JSON, SPARQLWrapper

ROOT = Path(__file__).resolve().parent.parent.parent


def _readme_first_curl() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(curl .*?)\n```", text, re.DOTALL)
    assert block is not None
    return shlex.split(block.group(1).replace("\\\n", " "))


def test_readme_first_query_gives_each_row_once(live_server: str) -> None:
    command = [live_server + "/sparql" if arg == "http://127.0.0.1:5000/sparql" else arg
               for arg in _readme_first_curl()]
    out = subprocess.run([*command, "-sS", "--fail"], capture_output=True, text=True, check=True).stdout
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert ["Anna Keller", "Chancellor", "Germany"] in rows  # stated by both sample articles
    assert len(rows) == len({tuple(row) for row in rows})


def test_editor_default_query_gives_each_row_once(live_server: str) -> None:
    with urllib.request.urlopen(live_server + "/query") as page:
        html = page.read().decode()
    config = json.loads(re.search(r'<script type="application/json" id="kg-config">(.*?)</script>', html,
                                  re.DOTALL).group(1))  # type: ignore[union-attr]
    client = SPARQLWrapper(live_server + "/sparql")
    client.setQuery(config["query"])
    client.setReturnFormat(JSON)
    rows = [tuple(sorted((k, v["value"]) for k, v in row.items()))
            for row in client.query().convert()["results"]["bindings"]]
    assert rows and len(rows) == len(set(rows))
    assert "union" in config["query"]  # where the user first meets the repeated rows, the reason is given
