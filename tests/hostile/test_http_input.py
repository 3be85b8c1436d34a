"""Hostile HTTP requests to ``conflictkg serve``: each case's status and message, store unchanged.

``given`` is a request: ``(method, path)`` or ``(method, path, options)`` with httpx options
(``headers``, ``content``, ``params``), or ``("RAW", bytes)`` sent as is on a socket. The server is
the real app under uvicorn (tests/serving.py)
on a loopback port. Every answer must carry the case's status and message fragment, never a
Python traceback, and the published store's fingerprint must not change.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from conflictkg.settings import MAX_REQUEST_HEAD_BYTES

from ..serving import serving
from .harness import Case, fingerprint, ids

NO_HTML = {"Accept": "text/html;q=0"}
NOT_ACCEPTABLE = "not acceptable: the Accept header refuses every format on offer"
INSERT = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
SPARQL_QUERY = {"Content-Type": "application/sparql-query"}

CASES = [
    # /resource/<name> with characters no IRI may hold (before: 500)
    Case("resource-space", ("GET", "/resource/a%20b"), 404, "no resource"),
    Case("resource-gt", ("GET", "/resource/a%3Eb"), 404, "no resource"),
    Case("resource-quote", ("GET", "/resource/a%22b"), 404, "no resource"),
    Case("resource-braces", ("GET", "/resource/%7B%7D"), 404, "no resource"),
    Case("resource-backslash", ("GET", "/resource/a%5Cb"), 404, "no resource"),
    Case("resource-nul", ("GET", "/resource/a%00b"), 404, "no resource"),
    Case("resource-script", ("GET", "/resource/%3Cscript%3Ealert(1)%3C/script%3E"), 404, "&lt;script&gt;alert(1)"),
    Case("resource-script-json", ("GET", "/resource/%3Cscript%3E.json"), 404, '"error":"no resource'),
    # /clause/N for N the statement does not have (before: 303 to a 404)
    Case("clause-0", ("GET", "/clause/0"), 404, "the 2020 statement has no point 0"),
    Case("clause-10", ("GET", "/clause/10"), 404, "has no point"),
    Case("clause-minus-1", ("GET", "/clause/-1"), 404, "has no point"),
    Case("clause-huge", ("GET", "/clause/99999999999999999999999"), 404, "has no point"),
    Case("clause-word", ("GET", "/clause/six"), 404, "has no point"),
    Case("clause-6-redirects", ("GET", "/clause/6"), 303, ""),
    # Accept headers that refuse every format on offer (before: 200 in the default format)
    Case("sparql-accept-nonsense", ("GET", "/sparql", {"params": {"query": "ASK {}"},
                                                       "headers": {"Accept": "application/x-nonsense, */*;q=0"}}),
         406, NOT_ACCEPTABLE),
    Case("sparql-describe-no-rdf", ("GET", "/sparql", {"params": {"query": "DESCRIBE ckr:agent-armenia"},
                                                       "headers": {"Accept": "application/sparql-results+json, */*;q=0"}}),
         406, "text/turtle"),
    Case("sparql-description-refused", ("GET", "/sparql", {"headers": {"Accept": "*/*;q=0"}}), 406, NOT_ACCEPTABLE),
    Case("home-no-html", ("GET", "/", {"headers": NO_HTML}), 406, "text/html, application/json"),
    Case("resource-no-html-no-json", ("GET", "/resource/agent-armenia",
                                      {"headers": {"Accept": "text/html;q=0, application/json;q=0"}}), 406, NOT_ACCEPTABLE),
    Case("query-page-no-html", ("GET", "/query", {"headers": NO_HTML}), 406, NOT_ACCEPTABLE),
    Case("network-index-no-html", ("GET", "/network", {"headers": NO_HTML}), 406, NOT_ACCEPTABLE),
    Case("sparql-json-refused-gets-xml", ("GET", "/sparql", {"params": {"query": "ASK {}"}, "headers": {
        "Accept": "*/*, application/sparql-results+json;q=0"}}), 200, "<sparql"),
    Case("unrelated-accept-gets-default", ("GET", "/sparql", {"params": {"query": "ASK {}"},
                                                              "headers": {"Accept": "image/png"}}), 200, '"boolean"'),
    # typed parameters on the query page and its twins (before: 200 with no rows)
    Case("query-json-integer", ("GET", "/query.json?id=clause-texts&clause_number=six"), 400,
         "parameter clause_number needs an integer"),
    Case("query-csv-date", ("GET", "/query.csv?id=events-in-window&from=2022-13-45&to=2023-01-01"), 400,
         "parameter from needs a date (YYYY-MM-DD)"),
    Case("query-page-integer", ("GET", "/query?id=clause-texts&clause_number=six&run=1"), 400,
         "parameter clause_number needs an integer"),
    Case("query-json-integer-injection", ("GET", "/query.json", {"params": {
        "id": "clause-texts", "clause_number": "6 } UNION { ?a ?b ?c"}}), 400, "needs an integer"),
    Case("query-json-iri-space", ("GET", "/query.json?id=claims-by-claimant&claimant=ckr:agent%20ru"), 400,
         "parameter claimant is not a valid IRI: ' ' (space) at position 10"),
    Case("query-page-iri-gt", ("GET", "/query?id=claims-by-claimant&claimant=ckr:x%3E&run=1"), 400,
         "parameter claimant is not a valid IRI: &#39;&gt;&#39; at position 6"),
    # oversized request heads (before: connection reset)
    Case("url-1mb", ("RAW", b"GET /search?q=" + b"a" * (1 << 20) + b" HTTP/1.1\r\nHost: t\r\n\r\n"), 414,
         f"longer than {MAX_REQUEST_HEAD_BYTES} bytes"),
    Case("url-100kb-is-served", ("RAW", b"GET /search?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: t\r\n"
                                        b"Connection: close\r\n\r\n"), 200, "</html>"),
    Case("header-line-200kb", ("RAW", b"GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + b"b" * 200_000 + b"\r\n\r\n"), 431,
         f"larger than {MAX_REQUEST_HEAD_BYTES} bytes"),
    Case("header-200kb", ("GET", "/", {"headers": {"X-Big": "b" * 200_000}}), 431,
         f"larger than {MAX_REQUEST_HEAD_BYTES} bytes"),
    # SPARQL errors in words
    Case("sparql-unknown-prefix", ("GET", "/sparql", {"params": {"query": "SELECT * WHERE { ?s foo:bar ?o }"}}), 400,
         "unknown prefix foo: (line 1, column 21)"),
    Case("sparql-syntax-position", ("GET", "/sparql", {"params": {"query": "SELECT * WHERE {\n ?s ?p }"}}), 400,
         "line 2, column"),
    # what held up and must stay: updates refused, limits on bodies and methods, no traversal
    Case("update-param", ("GET", "/sparql", {"params": {"update": INSERT}}), 403, "read-only"),
    Case("update-as-query", ("GET", "/sparql", {"params": {"query": INSERT}}), 403, "read-only"),
    Case("update-post", ("POST", "/sparql", {"content": "DROP ALL",
                                             "headers": {"Content-Type": "application/sparql-update"}}), 403, "read-only"),
    Case("update-direct-load", ("POST", "/sparql", {"content": "LOAD <http://127.0.0.1:9/x>", "headers": SPARQL_QUERY}),
         403, "read-only"),
    Case("body-2mb", ("POST", "/sparql", {"content": "#" * (2 << 20), "headers": SPARQL_QUERY}), 413,
         "request body larger than"),
    Case("content-type", ("POST", "/sparql", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}}), 415,
         "unsupported Content-Type 'text/plain'"),
    Case("body-not-utf8", ("POST", "/sparql", {"content": b"ASK { \xff }", "headers": SPARQL_QUERY}), 400,
         "not UTF-8"),
    Case("put-sparql", ("PUT", "/sparql", {"content": "ASK {}"}), 405, "Method Not Allowed"),
    Case("delete-sparql", ("DELETE", "/sparql"), 405, "Method Not Allowed"),
    Case("patch-home", ("PATCH", "/"), 405, "Method Not Allowed"),
    Case("traversal-resource", ("GET", "/resource/..%2F..%2F..%2Fetc%2Fpasswd"), 404, "no resource"),
    Case("traversal-static-encoded", ("GET", "/static/%2e%2e/%2e%2e/pages.py"), 404, "Not Found"),
    Case("traversal-static-slash", ("GET", "/static/..%2F..%2Fpages.py"), 404, "Not Found"),
    Case("no-route", ("GET", "/no/such/page"), 404, "Not Found"),
    Case("no-route-json", ("GET", "/no/such/page.json"), 404, '"error":"Not Found"'),
    # markup in what was asked is escaped
    Case("search-markup", ("GET", "/search", {"params": {"q": "<script>alert(1)</script>"}}), 200,
         "&lt;script&gt;alert(1)&lt;/script&gt;"),
    Case("query-id-markup", ("GET", "/query", {"params": {"id": "<script>alert(1)</script>"}}), 400,
         "&lt;script&gt;alert(1)&lt;/script&gt;"),
    Case("names-cookie-markup", ("GET", "/", {"headers": {"Cookie": 'ckg_names="<script>alert(1)</script>"'}}), 200,
         'data-names="neutral"'),
    # the list, timeline and map filters: typed, bound, escaped (before: no rows here, only tests/web)
    Case("incidents-point-injection", ("GET", "/incidents.csv", {"params": {"point": "6 } UNION { ?a ?b ?c"}}), 400,
         "parameter point"),
    Case("incidents-place-markup", ("GET", "/incidents", {"params": {"place": "<script>alert(1)</script>"}}), 400,
         "&lt;script&gt;alert(1)&lt;/script&gt;"),
    Case("timeline-month-injection", ("GET", "/timeline.json", {"params": {"month": '2022-03" } UNION {'}}), 400,
         "parameter month"),
    Case("timeline-side-markup", ("GET", "/timeline", {"params": {"month": "2022-03", "side": "<script>x</script>"}}),
         400, "&lt;script&gt;x&lt;/script&gt;"),
    Case("map-from-not-a-date", ("GET", "/map.geojson", {"params": {"from": "2022-13-01"}}), 400, "parameter from"),
    Case("map-place-markup", ("GET", "/map", {"params": {"place": "<script>alert(1)</script>"}}), 400,
         "&lt;script&gt;alert(1)&lt;/script&gt;"),
    # the page of an entity page's long lists (#14; before: ignored, every row on one page)
    Case("resource-page-minus-1", ("GET", "/resource/agreement-tri2020-p6?page=-1"), 400, "parameter page"),
    Case("resource-page-word-json", ("GET", "/resource/agent-armenia.json?page=abc"), 400,
         '"error":"parameter page must be a whole number from 1'),
    Case("resource-page-huge", ("GET", "/resource/agent-armenia?page=99999999999999999999"), 400, "parameter page"),
    Case("resource-page-past-the-last", ("GET", "/resource/agent-armenia.json?page=9999"), 400, "there is no page 9999"),
    Case("resource-per-page-zero", ("GET", "/resource/agent-armenia?per_page=0"), 400, "parameter per_page"),
    Case("resource-page-markup", ("GET", "/resource/agent-armenia", {"params": {"page": "<script>x</script>"}}), 400,
         "&lt;script&gt;x&lt;/script&gt;"),
    Case("vocab-markup", ("GET", "/vocab/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), 404, "&lt;script&gt;"),
    Case("network-unknown-view-json", ("GET", "/network/nope.json"), 404, '"error":"unknown network view'),
    Case("network-bad-clause", ("GET", "/network/clause.json?clause=x"), 400, "clause must be a whole number"),
    Case("network-incident-markup", ("GET", "/network/incident", {"params": {"incident": "<script>x</script>"}}), 404,
         "&lt;script&gt;x&lt;/script&gt;"),
]


@pytest.fixture(scope="module")
def site(built_store: Path) -> Iterator[tuple[str, Path, str]]:
    """The site over the built store: base URL, store directory, fingerprint before any case."""
    before = fingerprint(built_store)
    with serving(built_store) as base:
        yield base, built_store, before


@dataclass(frozen=True)
class RawAnswer:
    """Status and body of an answer read off a socket (httpx refuses URLs over 64 kB)."""

    status_code: int
    text: str
    headers: dict[str, str] = field(default_factory=dict)


def send_raw(base: str, request: bytes) -> RawAnswer:
    """Send ``request`` as it is on a new connection; read the answer until the server closes."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(request)
        data = b"".join(iter(lambda: sock.recv(65536), b""))
    head, _, body = data.partition(b"\r\n\r\n")
    return RawAnswer(int(head.split(b" ", 2)[1]), body.decode("utf-8", "replace"))


def send(base: str, given: Any) -> httpx.Response | RawAnswer:
    method, path, *rest = given
    if method == "RAW":
        return send_raw(base, path)
    options = dict(rest[0]) if rest else {}
    return httpx.request(method, base + path, timeout=60, follow_redirects=False, **options)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_http_input(case: Case, site: tuple[str, Path, str]) -> None:
    base, store_dir, before = site
    response = send(base, case.given)
    assert response.status_code == case.expect, response.text[:500]
    assert case.says in response.text
    assert "Traceback" not in response.text and "Internal Server Error" not in response.text
    if response.headers.get("content-type", "").startswith("application/json") and case.expect >= 400:
        assert set(response.json()) == {"ok", "status", "error", "hint"} and response.json()["status"] == case.expect
    assert fingerprint(store_dir) == before


def test_the_server_answers_after_every_case(site: tuple[str, Path, str]) -> None:
    base, _store_dir, _before = site
    for case in CASES:
        send(base, case.given)
    answer = httpx.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    assert answer.status_code == 200 and answer.json()["boolean"] is True


def test_clause_redirect_goes_to_the_point(site: tuple[str, Path, str]) -> None:
    base, _store_dir, _before = site
    response = httpx.get(base + "/clause/6", follow_redirects=False, timeout=60)
    assert response.headers["location"] == "/resource/agreement-tri2020-p6"
