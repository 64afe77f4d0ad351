"""Malformed SPARQL, random bytes and odd headers sent to /sparql: always an answer, never a 500 or a traceback."""

from __future__ import annotations

import http.client
import urllib.parse

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

VALID = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
    "ASK { ?s a kg:Person }",
    "SELECT ?e (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e ?p ?o } } GROUP BY ?e ORDER BY DESC(?n) LIMIT 5",
    "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } LIMIT 5",
    'SELECT ?s WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(?l), "a")) } LIMIT 5',
    "DESCRIBE <http://127.0.0.1:5000/entity/person/nobody>",
]
SPARQL_WORDS = ["SELECT", "ASK", "CONSTRUCT", "WHERE", "{", "}", "?s", "?p", "?o", "FILTER", "(", ")", "GRAPH",
                "UNION", "OPTIONAL", "<http://x/y>", '"lit"', "LIMIT", "-1", "99999999999999999999", "*", ".",
                "PREFIX", "p:", "SERVICE", "LOAD", "INSERT", "DATA", "BIND", "AS", "\\u0000", "\x00", "#", "'''"]
CONTENT_TYPES = ["application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
                 "application/json", "text/plain", "multipart/form-data; boundary=x", "", "a/b; charset=nope",
                 "application/sparql-query; charset=latin-1", "*/*"]
ACCEPTS = ["*/*", "application/sparql-results+json", "text/csv", "text/turtle", "image/png", "",
           "application/sparql-results+json;q=0", "text/*;q=0.5, */*;q=0.1", ";;;", "a/b/c", "text/html"]

broken_queries = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(SPARQL_WORDS), max_size=25).map(" ".join),
    st.tuples(st.sampled_from(VALID), st.integers(0, 200)).map(lambda vq: vq[0][: vq[1]]),
    st.tuples(st.sampled_from(VALID), st.integers(0, 200), st.text(min_size=1, max_size=3)).map(
        lambda v: v[0][: v[1]] + v[2] + v[0][v[1]:]
    ),
)


def assert_answered(status: int, body: bytes, allowed: tuple[int, ...] = (200,)) -> None:
    """A client error (4xx) or an allowed success, and no traceback in the body."""
    assert status in allowed or 400 <= status < 500, (status, body[:500])
    assert b"Traceback" not in body and b'File "' not in body, body[:500]


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(query=broken_queries, accept=st.sampled_from(ACCEPTS))
def test_fuzz_endpoint_get_malformed_queries(client: FlaskClient, query: str, accept: str) -> None:
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert_answered(response.status_code, response.data)


@FUZZ
@given(query=broken_queries, as_form=st.booleans())
def test_fuzz_endpoint_post_malformed_queries(client: FlaskClient, query: str, as_form: bool) -> None:
    if as_form:
        response = client.post("/sparql", data={"query": query})
    else:
        response = client.post("/sparql", data=query.encode("utf-8", "surrogatepass"),
                               content_type="application/sparql-query")
    assert_answered(response.status_code, response.data)


@FUZZ
@given(body=st.binary(max_size=2000), content_type=st.one_of(st.sampled_from(CONTENT_TYPES), st.text(max_size=40)),
       accept=st.sampled_from(ACCEPTS))
def test_fuzz_endpoint_random_bytes_and_content_types(
    client: FlaskClient, body: bytes, content_type: str, accept: str
) -> None:
    headers = {"Accept": accept}
    try:
        headers["Content-Type"] = content_type
        response = client.post("/sparql", data=body, headers=headers)
    except ValueError:  # the test client itself refuses header values with line breaks
        return
    assert_answered(response.status_code, response.data, allowed=(200, 204))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=broken_queries, body=st.binary(max_size=500), content_type=st.sampled_from(CONTENT_TYPES))
def test_fuzz_endpoint_live_server(live_server: str, query: str, body: bytes, content_type: str) -> None:
    host, port = urllib.parse.urlsplit(live_server).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
        answer = connection.getresponse()
        assert_answered(answer.status, answer.read())
        connection.request("POST", "/sparql", body=body, headers={"Content-Type": content_type})
        answer = connection.getresponse()
        assert_answered(answer.status, answer.read(), allowed=(200, 204))
    finally:
        connection.close()
