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
from collections.abc import Iterator, Mapping
from functools import lru_cache

from pyoxigraph import NamedNode
from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import Query, UpdateUnit
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import InvalidInput

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


# The tokens of an update that matter to its dataset: braces, and the keywords outside them. Strings,
# IRIs and comments are read whole so that a brace or a keyword inside one is not taken for one.
_UPDATE_TOKENS = re.compile(
    r'(?P<skip>#[^\n\r]*|"""(?:[^"\\]|\\.|"(?!""))*"""|' r"'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"|' r"'(?:[^'\\\n\r]|\\.)*'" r'|<[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<brace>[{}])|(?P<word>[A-Za-z_:][\w.:%-]*)|(?P<other>\S)",
    re.DOTALL,
)


def with_using(update: str, graphs: list[NamedNode], named_graphs: list[NamedNode]) -> str:
    """The update with `USING <graph>` and `USING NAMED <graph>` clauses in each of its DELETE/INSERT ... WHERE
    operations: what the protocol's using-graph-uri and using-named-graph-uri parameters mean.

    The graphs are NamedNodes (valid IRIs, written in their own `<...>` syntax), never raw request text.

    Raises:
        InvalidInput: the update has its own USING or WITH clauses, which the parameters may not override.
    """
    clauses = "".join(f" USING {g}" for g in graphs) + "".join(f" USING NAMED {g}" for g in named_graphs)
    depth, previous, cuts = 0, "", []
    for token in _UPDATE_TOKENS.finditer(update):
        if token.lastgroup == "brace":
            depth += 1 if token.group() == "{" else -1
        elif token.lastgroup == "word" and depth == 0:
            word = token.group().upper()
            if word in ("USING", "WITH"):
                raise InvalidInput(f"The update has its own {word} clause; it cannot be combined with the "
                                   "using-graph-uri or using-named-graph-uri parameters (SPARQL 1.1 Protocol §2.2.3).")
            if word == "WHERE" and previous != "DELETE":  # DELETE WHERE {...} takes no dataset
                cuts.append(token.start())
        if token.lastgroup != "skip" and depth == 0:
            previous = token.group().upper()
    for cut in reversed(cuts):
        update = f"{update[:cut]}{clauses.strip()} {update[cut:]}"
    return update


QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of a query; None when it does not parse as one."""
    tree = _parse(sparql)
    return next((QUERY_FORMS[node.name] for node in tree or () if node.name in QUERY_FORMS), None)


def with_values(query: str, bindings: Mapping[str, object]) -> str:
    """The query with `bindings` (variable name -> pyoxigraph term) given as a VALUES block that opens its WHERE
    clause, so that every pattern of the clause sees the variables bound: how a query is bound on a server that has
    no substitution API. The terms are written in their own syntax (str(term)), never as raw request text. A query
    without a WHERE clause (DESCRIBE <iri>) gets the VALUES block at its end.
    """
    if not bindings:
        return query
    names = sorted(bindings)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(bindings[n]) for n in names)}) }} "
    depth, after_where, braces = 0, False, []
    for token in _UPDATE_TOKENS.finditer(query):
        if token.lastgroup == "brace":
            if token.group() == "{" and depth == 0:
                braces.append(token.end())
                if after_where:
                    return query[: token.end()] + block + query[token.end():]
            depth += 1 if token.group() == "{" else -1
        elif token.lastgroup == "word" and depth == 0 and token.group().upper() == "WHERE":
            after_where = True
    if braces and query_form(query) in ("SELECT", "ASK"):  # SELECT * { ... }: the first group is the WHERE clause
        return query[: braces[0]] + block + query[braces[0]:]
    return f"{query}\n{block.strip()}"


_PROLOGUE = re.compile(r"(?:\s|#[^\n\r]*|BASE\s*<[^<>\s]*>|PREFIX\s+[\w.-]*:\s*<[^<>\s]*>)*", re.IGNORECASE)


def split_prologue(query: str) -> tuple[str, str]:
    """(the BASE and PREFIX declarations and comments that open a query, the rest): the rest can go in a subquery."""
    cut = _PROLOGUE.match(query)
    end = cut.end() if cut else 0
    return query[:end], query[end:]
