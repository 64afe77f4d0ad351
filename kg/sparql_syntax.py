"""What a SPARQL text asks for, read by a parser rather than by patterns: remote operations and FROM clauses.

rdflib's SPARQL grammar reads the text after it is brought to Oxigraph's lexical rules, so that both
parsers cut it into the same tokens. Oxigraph decodes \\u and \\U escapes only inside strings and IRIs,
where a decoded character (even a quote or `>`) never ends the token, while rdflib decodes them in the
whole text first; so every such escape becomes a plain letter. Oxigraph ends a comment at a carriage
return, rdflib only at a line feed; so carriage returns become line feeds.

A text that rdflib cannot parse is judged by its words alone: it may use SERVICE or LOAD if those words
appear in it, escapes decoded and case folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import Query, UpdateUnit
from rdflib.plugins.sparql.parserutils import CompValue

# A backslash pair stays (it is an escaped backslash, and what follows is not an escape).
_ESCAPE = re.compile(r"\\\\|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")
REMOTE_NODES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


def _neutral(sparql: str) -> str:
    """The text with Oxigraph's tokens and rdflib's grammar in agreement (see the module doc)."""
    text = _ESCAPE.sub(lambda m: m.group(0) if m.group(0) == "\\\\" else "x", sparql)
    return text.replace("\r", "\n")


def _decoded_words(sparql: str) -> str:
    """The text with every \\u and \\U escape decoded, case folded: what any keyword would be spelled in."""
    decoded = re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                     lambda m: chr(min(int(m.group(1) or m.group(2), 16), 0x10FFFF)), sparql)
    return (sparql + "\n" + decoded).casefold()


@lru_cache(maxsize=512)
def _parse(sparql: str) -> list[CompValue] | None:
    """The parse tree's top-level nodes as a query, else as an update; None when neither grammar accepts it."""
    text = _neutral(sparql)
    for grammar in (Query, UpdateUnit):
        try:
            return list(grammar.parse_string(text, parse_all=True))
        except (ParseBaseException, ValueError, RecursionError):
            continue
    return None


def _nodes(tree: object) -> Iterator[CompValue]:
    """Every CompValue in a parse tree, depth first."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(node)


def remote_operations(sparql: str) -> set[str]:
    """SERVICE and LOAD (upper case) as far as a query or update may use them; empty when it cannot."""
    words = _decoded_words(sparql)
    mentioned = {keyword for keyword in REMOTE_NODES.values() if keyword.casefold() in words}
    if not mentioned:
        return set()
    tree = _parse(sparql)
    if tree is None:  # no parse to decide from: the words are all there is
        return mentioned
    return {REMOTE_NODES[node.name] for node in _nodes(tree) if node.name in REMOTE_NODES}


def declares_dataset(sparql: str) -> bool:
    """Whether a query has FROM or FROM NAMED clauses (False when it does not parse as a query)."""
    if "from" not in _decoded_words(sparql):
        return False
    tree = _parse(sparql)
    return tree is not None and any(node.name == "DatasetClause" for node in _nodes(tree))
