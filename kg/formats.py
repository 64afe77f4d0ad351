"""The one table of formats kg answers in: SPARQL results formats and RDF formats.

Each format has a name (what `?format=` and `kg export --format` take), the media types it is
asked for by (the first is the one answered with) and other names clients give it in `?format=`,
`?output=` or `?results=` (SPARQLWrapper sends `xml`, `json-ld`, `n3`, `rdf+xml` or a media type).
A name means a results format for SELECT and ASK and an RDF format for CONSTRUCT and DESCRIBE:
`xml` is SPARQL XML results for the first and RDF/XML for the second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.errors import NotAcceptable
from kg.negotiation import negotiate


@dataclass(frozen=True)
class Format:
    """One format: its name, its media types (the first is answered with) and its other names."""

    name: str
    title: str
    media_types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    datasets: bool = False  # holds named graphs (N-Quads, TriG)

    @property
    def media_type(self) -> str:
        """The media type a response in this format carries."""
        return self.media_types[0]

    def is_called(self, value: str) -> bool:
        """Whether `value` (a ?format= value, any case) names this format."""
        value = value.strip().lower()
        return value == self.name or value in self.aliases or value in self.media_types


# Formats of SELECT and ASK results; the order is the server's preference.
RESULTS = (
    Format("json", "SPARQL JSON", ("application/sparql-results+json", "application/json"), ("srj",)),
    Format("xml", "SPARQL XML", ("application/sparql-results+xml", "application/xml", "text/xml"), ("srx",)),
    Format("csv", "CSV", ("text/csv",)),
    Format("tsv", "TSV", ("text/tab-separated-values",)),
)
# Formats of RDF: CONSTRUCT and DESCRIBE results, linked data pages, the graph store and `kg export`.
# Turtle is valid N3, so a client asking for N3 gets Turtle.
RDF = (
    Format("turtle", "Turtle", ("text/turtle", "application/x-turtle", "application/turtle", "text/n3",
                                "text/rdf+n3", "application/n3"), ("ttl", "n3")),
    Format("ntriples", "N-Triples", ("application/n-triples",), ("nt", "n-triples")),
    Format("nquads", "N-Quads", ("application/n-quads",), ("nq", "n-quads"), datasets=True),
    Format("trig", "TriG", ("application/trig",), datasets=True),
    Format("rdfxml", "RDF/XML", ("application/rdf+xml",), ("rdf+xml", "rdf", "xml", "owl")),
    Format("jsonld", "JSON-LD", ("application/ld+json", "application/x-json+ld", "application/json"),
           ("json-ld", "json")),
)
GRAPH_FORMATS = tuple(f for f in RDF if not f.datasets)  # formats of one graph (no named graphs)
HTML = Format("html", "HTML", ("text/html", "application/xhtml+xml"))  # pages, for browsers
JSON_DOCUMENT = Format("json", "JSON", ("application/json",))  # a JSON document of our own (a list, an error)
BY_NAME = {f.name: f for f in (*RESULTS, *RDF)}
RDF_NAMES = tuple(f.name for f in RDF)


def format_named(name: str) -> Format:
    """The format called `name` (a name of the table, not an alias).

    Raises:
        KeyError: there is no such format.
    """
    return BY_NAME[name]


def choose_format(formats: Sequence[Format], requested: Sequence[str], accept: str | None) -> Format:
    """The format to answer in: the first `requested` value (?format=, ?output=) naming one of `formats`,
    else the one the Accept header prefers.

    Raises:
        NotAcceptable: values were requested and none names one of `formats`, or Accept allows none of them.
    """
    values = [v for v in requested if v.strip()]
    if values:
        for value in values:
            for fmt in formats:
                if fmt.is_called(value):
                    return fmt
        shown = ", ".join(repr(v[:40]) for v in values[:3])
        raise NotAcceptable(f"format={shown} cannot be produced for this result. "
                            f"Available: {', '.join(f.name for f in formats)}.")
    by_type: dict[str, Format] = {}
    for fmt in formats:
        for media in fmt.media_types:
            by_type.setdefault(media, fmt)
    return by_type[negotiate(accept, list(by_type))]
