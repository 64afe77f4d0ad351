"""Writes query results for the command line: a table, or a SPARQL results format (JSON, XML, CSV, TSV)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from pyoxigraph import QueryBoolean, QuerySolutions, RdfFormat, Triple, serialize

from kg.store import RESULTS_FORMATS


def write_results(result: QuerySolutions | QueryBoolean | Iterable[Triple], fmt: str, out: TextIO) -> None:
    """Write SELECT/ASK results in `fmt` (an ASK answer as "true"/"false" in a table, else in that results
    format); CONSTRUCT/DESCRIBE results (triples) are written as Turtle.

    Every output ends with a newline.
    """
    if isinstance(result, QueryBoolean) and fmt == "table":
        out.write(("true" if bool(result) else "false") + "\n")
        return
    if isinstance(result, QueryBoolean):
        text = result.serialize(format=RESULTS_FORMATS[fmt]).decode()
    elif not isinstance(result, QuerySolutions):
        text = serialize(result, format=RdfFormat.TURTLE).decode()
    elif fmt != "table":
        text = result.serialize(format=RESULTS_FORMATS[fmt]).decode()
    else:
        _write_table(result, out)
        return
    out.write(text if text.endswith("\n") or not text else text + "\n")


def _write_table(result: QuerySolutions, out: TextIO) -> None:
    names = [v.value for v in result.variables]
    rows = [[_cell(row[name]) for name in names] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    out.write("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n")


def _cell(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))
