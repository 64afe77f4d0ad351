"""SHACL checks of article graphs against ontology/shapes.ttl, with rdflib and pyshacl.

The quads of one article (entity types and labels included) live in one named
graph, so each article graph can be validated on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pyoxigraph
import rdflib
from pyshacl import validate

from kg.errors import KGError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"


@lru_cache(maxsize=8)
def load_turtle(path: Path) -> rdflib.Graph:
    """The Turtle file at `path` as an rdflib graph (cached; do not modify it).

    Raises:
        KGError: the file is missing or is not valid Turtle.
    """
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except FileNotFoundError as err:
        raise KGError(f"Turtle file {path} not found; expected it next to the kg package.") from err
    except SyntaxError as err:  # rdflib's Turtle parser raises BadSyntax, a SyntaxError
        raise KGError(f"Turtle file {path} does not parse: {err}") from err


def to_graph(quads: Iterable[pyoxigraph.Quad]) -> rdflib.Graph:
    """The triples of pyoxigraph quads (e.g. from kg.ontology.to_quads) as one rdflib graph (their union)."""
    triples = [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads]
    text = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""
    return rdflib.Graph().parse(data=text.decode("utf-8"), format="nt")


def validate_graph(
    graph: rdflib.Graph, shapes_path: Path = SHAPES_PATH, ontology_path: Path = ONTOLOGY_PATH
) -> tuple[bool, str]:
    """Validate one graph (an article graph, or a union) against the shapes: (conforms, report text).

    Raises:
        KGError: the shapes or the ontology file is missing or malformed.
    """
    conforms, _report_graph, report_text = validate(
        graph,
        shacl_graph=load_turtle(shapes_path),
        ont_graph=load_turtle(ontology_path),
        inference="none",
        advanced=False,
        allow_warnings=False,
    )
    return bool(conforms), str(report_text)


def validate_quads(
    quads: Iterable[pyoxigraph.Quad], shapes_path: Path = SHAPES_PATH, ontology_path: Path = ONTOLOGY_PATH
) -> tuple[bool, str]:
    """Validate each named graph of `quads` on its own: (all conform, reports of those that do not).

    Raises:
        KGError: the shapes or the ontology file is missing or malformed.
    """
    by_graph: dict[str, list[pyoxigraph.Quad]] = defaultdict(list)
    for quad in quads:
        by_graph[str(quad.graph_name)].append(quad)
    reports = []
    for name in sorted(by_graph):
        conforms, text = validate_graph(to_graph(by_graph[name]), shapes_path, ontology_path)
        if not conforms:
            reports.append(f"Graph {name}:\n{text}")
    return not reports, "\n".join(reports)
