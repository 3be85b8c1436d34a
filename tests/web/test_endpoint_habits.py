"""What clients other than SPARQL libraries expect of ``/sparql``: relative IRIs resolved against the
endpoint's URL, an ``output=`` parameter (Fuseki, Virtuoso) so that a bare URL gets CSV, and a browser
given the query editor instead of the service description. The guards stay as they were.

A real uvicorn server on a loopback port over the session's built store (tests/serving.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pandas as pd
import pyoxigraph as ox
import pytest

from tests.serving import serving

CLAUSES = ("SELECT ?n ?c WHERE { GRAPH ckg:reference { ckr:agreement-tri2020 ck:hasClause ?c . "
           "?c ck:clauseNumber ?n } } ORDER BY ?n")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.fixture(scope="module")
def site(built_store: Path) -> Iterator[str]:
    with serving(built_store, workers=1, query_timeout_s=30.0, max_rows=10_000) as base:
        yield base


def sparql_url(site: str, query: str, **params: str) -> str:
    return f"{site}/sparql?{urlencode({'query': query, **params})}"


# --- relative IRIs ------------------------------------------------------------------------------

def test_relative_iris_resolve_against_the_endpoint(site: str) -> None:
    """The SPARQL 1.1 Protocol test ``SELECT * WHERE { <s> ?p ?o }``: a relative IRI is not a syntax
    error; it names ``<http://host:port/s>``, resolved against the endpoint's URL."""
    response = httpx.get(sparql_url(site, "SELECT * WHERE { <s> ?p ?o }"), timeout=30)
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"] == []
    resolved = "SELECT ?iri WHERE { BIND(<s> AS ?iri) }"
    for answer in (httpx.get(sparql_url(site, resolved), timeout=30),
                   httpx.post(f"{site}/sparql", data={"query": resolved}, timeout=30),
                   httpx.post(f"{site}/sparql", content=resolved.encode(), timeout=30,
                              headers={"Content-Type": "application/sparql-query"})):
        assert answer.json()["results"]["bindings"] == [{"iri": {"type": "uri", "value": f"{site}/s"}}]


def test_a_base_in_the_query_wins(site: str) -> None:
    query = "BASE <https://w3id.org/conflictkg/resource/> SELECT ?iri WHERE { BIND(<s> AS ?iri) }"
    rows = httpx.get(sparql_url(site, query), timeout=30).json()["results"]["bindings"]
    assert rows == [{"iri": {"type": "uri", "value": "https://w3id.org/conflictkg/resource/s"}}]


def test_a_relative_service_is_still_refused(site: str) -> None:
    """Resolving IRIs must not turn ``SERVICE <sparql>`` into a call of the endpoint to itself."""
    for query in ("SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }", "SELECT * WHERE { SERVICE <> { ?s ?p ?o } }"):
        response = httpx.get(sparql_url(site, query, output="csv"), timeout=30)
        assert response.status_code == 400 and "SERVICE is not allowed" in response.text


# --- output= and format= ------------------------------------------------------------------------

def test_pandas_reads_csv_from_a_bare_url(site: str) -> None:
    """``pandas.read_csv`` sends no Accept of its own: ``output=csv`` is how it asks for CSV."""
    df = pd.read_csv(sparql_url(site, CLAUSES, output="csv"))
    assert df["n"].tolist() == list(range(1, 10))
    assert df["c"][0] == "https://w3id.org/conflictkg/resource/agreement-tri2020-p1"


@pytest.mark.parametrize("param", ["output", "format"])
@pytest.mark.parametrize("value,content_type", [
    ("csv", "text/csv; charset=utf-8"), ("tsv", "text/tab-separated-values; charset=utf-8"),
    ("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
])
def test_the_format_parameters_win_over_accept(site: str, param: str, value: str, content_type: str) -> None:
    response = httpx.get(sparql_url(site, CLAUSES, **{param: value}), timeout=30,
                         headers={"Accept": "application/sparql-results+json" if value != "json" else "text/csv"})
    assert response.status_code == 200 and response.headers["content-type"] == content_type
    assert clause_numbers(response.content, value) == [str(n) for n in range(1, 10)]


def clause_numbers(body: bytes, fmt: str) -> list[str]:
    """The ``n`` column of an answer (CSV by the csv module: Oxigraph does not read lossy CSV)."""
    if fmt == "csv":
        return [row["n"] for row in csv.DictReader(io.StringIO(body.decode("utf-8")))]
    found = ox.QueryResultsFormat.from_extension(fmt)
    return [s["n"].value for s in ox.parse_query_results(body, found)]  # type: ignore[union-attr,arg-type]


def test_output_by_post_form_and_for_graphs(site: str) -> None:
    by_form = httpx.post(f"{site}/sparql", data={"query": CLAUSES, "output": "tsv"}, timeout=30)
    assert by_form.headers["content-type"].startswith("text/tab-separated-values")
    assert len(list(csv.reader(io.StringIO(by_form.text), delimiter="\t"))) == 10
    graph = httpx.get(sparql_url(site, "CONSTRUCT WHERE { ?c ck:clauseNumber ?n }", output="ntriples"), timeout=30)
    assert graph.headers["content-type"] == "application/n-triples"


# --- browsers and protocol clients at /sparql without a query -----------------------------------

@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_browser_gets_the_query_editor(site: str, method: str) -> None:
    response = httpx.request(method, f"{site}/sparql", headers={"Accept": BROWSER}, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Accept" in response.headers["vary"]
    if method == "GET":
        assert 'id="yasgui"' in response.text and "/static/vendor/yasgui/yasgui.min.js" in response.text
        assert b"sparql-service-description" not in response.content


@pytest.mark.parametrize("accept,media_type", [
    (None, "text/turtle"), ("*/*", "text/turtle"), ("text/turtle", "text/turtle"),
    ("application/rdf+xml", "application/rdf+xml"), ("application/ld+json", "application/ld+json"),
    ("text/turtle, text/html;q=0.5", "text/turtle"),
])
def test_protocol_clients_keep_the_service_description(site: str, accept: str | None, media_type: str) -> None:
    response = httpx.get(f"{site}/sparql", headers={"Accept": accept} if accept else {}, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media_type
    assert b"sparql-service-description" in response.content


def test_a_browser_naming_a_format_gets_the_description(site: str) -> None:
    response = httpx.get(f"{site}/sparql?format=turtle", headers={"Accept": BROWSER}, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")


def test_a_browser_with_a_query_gets_the_answer(site: str) -> None:
    response = httpx.get(sparql_url(site, CLAUSES), headers={"Accept": BROWSER}, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+xml"  # application/xml;q=0.9
