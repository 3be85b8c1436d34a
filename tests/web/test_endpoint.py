"""The SPARQL 1.1 endpoint (``conflictkg serve``) over HTTP, as real clients use it.

A real uvicorn server runs in a background thread on a loopback port, over a store built by the
project's pipeline (without HermiT). A second server with a 1 s time limit and a 3-row cap checks
that an over-long query is stopped while other queries are answered, and that the server then
still answers.
"""

from __future__ import annotations

import csv
import io
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.query import Result
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, RDFXML, SPARQLWrapper

from conflictkg.build import build_store
from conflictkg.rdf.namespaces import CK, GRAPH_REFERENCE, GRAPH_VOCAB
from conflictkg.rdf.terms import XSD
from conflictkg.resources import Resources
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.web.execute import has_dataset_clause, looks_like_update

from tests.conftest import REPO
from tests.serving import serving as site_serving

GRAPHS = "SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"
CLAUSES = "SELECT ?c ?n WHERE { GRAPH ckg:reference { ?c ck:clauseNumber ?n } } ORDER BY ?n"
RDFLIB_RESULTS = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
                  "text/csv": "csv", "text/tab-separated-values": "tsv"}
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by the real pipeline (no OWL check: no Java needed)."""
    path = tmp_path_factory.mktemp("endpoint-store")
    build_store(path, Resources(REPO), reason=False)
    return path


@contextmanager
def serving(store_dir: Path, workers: int, **settings: float) -> Iterator[str]:
    """The site on a loopback port (tests/serving.py); yield its endpoint URL."""
    with site_serving(store_dir, workers, **settings) as base:
        yield base + "/sparql"


@pytest.fixture(scope="module")
def endpoint(store_dir: Path) -> Iterator[str]:
    with serving(store_dir, workers=2, query_timeout_s=30.0, max_rows=100_000) as url:
        yield url


@pytest.fixture(scope="module")
def tight(store_dir: Path) -> Iterator[str]:
    """Two workers, a 1 s time limit, at most 3 rows."""
    with serving(store_dir, workers=2, query_timeout_s=1.0, max_rows=3) as url:
        yield url


def get(url: str, query: str, accept: str | None = None, **params: str | list[str]) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.get(url, params={"query": query, **params}, headers=headers, timeout=30)


def timed_post(url: str, query: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = httpx.post(url, data={"query": query}, timeout=30)
    return response, time.monotonic() - started


def bindings(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    doc = response.json()
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


# --- real clients -------------------------------------------------------------------------------

def test_sparqlwrapper_select_ask_construct(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setReturnFormat(JSON)
    client.setQuery(CLAUSES)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert len(rows) >= 10 and rows[0]["n"]["datatype"].endswith("#integer")
    client.setQuery(f"ASK {{ GRAPH <{GRAPH_VOCAB}> {{ ?s ?p ?o }} }}")
    assert client.query().convert()["boolean"] is True  # type: ignore[index]
    client.setMethod("POST")
    client.setReturnFormat(RDFXML)
    client.setQuery("CONSTRUCT { ?c ck:clauseNumber ?n } WHERE { GRAPH ckg:reference { ?c ck:clauseNumber ?n } }")
    graph = client.query().convert()
    assert isinstance(graph, rdflib.Graph) and len(graph) == len(rows)


def test_rdflib_sparqlstore(endpoint: str) -> None:
    graph = rdflib.Graph(SPARQLStore(endpoint))
    rows = list(graph.query(f"SELECT ?n WHERE {{ ?c <{CK}clauseNumber> ?n }} ORDER BY ?n"))
    assert len(rows) >= 10 and int(rows[0][0]) == 1  # type: ignore[index,arg-type]


# --- protocol -----------------------------------------------------------------------------------

def test_get_post_form_and_post_direct_agree(endpoint: str) -> None:
    by_get = get(endpoint, CLAUSES)
    by_form = httpx.post(endpoint, data={"query": CLAUSES}, timeout=30)
    by_direct = httpx.post(endpoint, content=CLAUSES.encode(), timeout=30,
                           headers={"Content-Type": "application/sparql-query"})
    assert by_get.content == by_form.content == by_direct.content
    assert by_get.headers["content-type"] == "application/sparql-results+json"


@pytest.mark.parametrize("accept,content_type", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv; charset=utf-8"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
    ("text/html,application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+xml"),
    ("image/png", "application/sparql-results+json"),
])
def test_select_content_negotiation(endpoint: str, accept: str, content_type: str) -> None:
    response = get(endpoint, CLAUSES, accept)
    assert response.status_code == 200 and response.headers["content-type"] == content_type
    parsed = Result.parse(io.BytesIO(response.content), format=RDFLIB_RESULTS[content_type.split(";")[0]])
    assert parsed.vars is not None and [str(v) for v in parsed.vars] == ["c", "n"]
    assert len(list(parsed)) >= 10  # parsed by rdflib, an independent implementation


@pytest.mark.parametrize("accept,fmt", [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    (None, ox.RdfFormat.TURTLE),
])
def test_construct_content_negotiation(endpoint: str, accept: str | None, fmt: ox.RdfFormat) -> None:
    response = get(endpoint, "DESCRIBE ckr:agent-armenia", accept)
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == fmt.media_type
    triples = list(ox.parse(response.content, fmt))
    assert len(triples) >= 3
    assert rdflib.Graph().parse(data=response.content, format=fmt.media_type)


def test_csv_quotes_a_field_holding_a_comma_a_quote_or_a_line_break(endpoint: str) -> None:
    """RFC 4180 (Oxigraph's own CSV writer left such an IRI bare: a source's URL "…Pashinyan21,04,21" came out as
    three fields). The CLI's `--format csv` writes with the same function (`sparql.results.solutions_bytes`)."""
    query = 'SELECT ?u ?l WHERE { VALUES (?u ?l) { (<https://regionpress.am/a/x21,04,21> "say \\"no\\",\\ntwice") } }'
    response = get(endpoint, query, "text/csv")
    assert response.content == b'u,l\r\n"https://regionpress.am/a/x21,04,21","say ""no"",\ntwice"\r\n'
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows == [["u", "l"], ["https://regionpress.am/a/x21,04,21", 'say "no",\ntwice']]


def test_format_parameter_overrides_accept(endpoint: str) -> None:
    response = get(endpoint, CLAUSES, "application/sparql-results+json", format="csv")
    assert response.headers["content-type"].startswith("text/csv")
    response = get(endpoint, "CONSTRUCT WHERE { ?s ck:clauseNumber ?n }", "text/turtle", format="ntriples")
    assert response.headers["content-type"] == "application/n-triples"
    assert get(endpoint, "ASK {}", format="xml").headers["content-type"] == "application/sparql-results+xml"


def test_default_graph_is_union_of_named_graphs(endpoint: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = int(bindings(get(endpoint, count))[0]["n"])
    per_graph = bindings(get(endpoint, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
    assert union == sum(int(r["n"]) for r in per_graph) and union > 1000


def test_default_and_named_graph_uri(endpoint: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    vocab = int(bindings(get(endpoint, count, **{"default-graph-uri": GRAPH_VOCAB}))[0]["n"])
    both = int(bindings(get(endpoint, count, **{"default-graph-uri": [GRAPH_VOCAB, GRAPH_REFERENCE]}))[0]["n"])
    assert 0 < vocab < both
    # Only named-graph-uri: the default graph is empty, GRAPH sees only the named graph.
    named = {"named-graph-uri": GRAPH_REFERENCE}
    assert bindings(get(endpoint, count, **named))[0]["n"] == "0"
    assert bindings(get(endpoint, GRAPHS, **named)) == [{"g": GRAPH_REFERENCE}]
    # A query's own FROM is honoured when the protocol gives no dataset.
    from_vocab = get(endpoint, f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH_VOCAB}> WHERE {{ ?s ?p ?o }}")
    assert int(bindings(from_vocab)[0]["n"]) == vocab
    assert get(endpoint, count, **{"default-graph-uri": "not an iri"}).status_code == 400


@pytest.mark.parametrize("query,expected", [
    ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED ckg:vocab WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("SELECT ?from WHERE { ?from ?p ?o }", False),
    ('SELECT * WHERE { ?s ?p "FROM <x>" } # FROM <y>', False),
    ("SELECT * WHERE { ?s <http://x/FROM> ex:FROM }", False),
])
def test_dataset_clause_detection(query: str, expected: bool) -> None:
    assert has_dataset_clause(query) is expected


@pytest.mark.parametrize("text,expected", [
    ("PREFIX ex: <http://e/#>\n# a comment\nBASE <http://b/>\nDELETE WHERE { ?s ?p ?o }", True),
    ("clear all", True), ("LOAD <http://x>", True), ("SELECT * { ?insert ?p ?o }", False),
    ("# INSERT\nASK {}", False),
])
def test_update_detection(text: str, expected: bool) -> None:
    assert looks_like_update(text) is expected


# --- browsers: CORS -----------------------------------------------------------------------------

def test_cors_headers_and_preflight(endpoint: str) -> None:
    origin = {"Origin": "https://yasgui.example"}
    response = httpx.get(endpoint, params={"query": "ASK {}"}, headers=origin, timeout=30)
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(endpoint, timeout=30, headers={
        **origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    error = httpx.post(endpoint, data={"update": "CLEAR ALL"}, headers=origin, timeout=30)
    assert error.headers["access-control-allow-origin"] == "*"


# --- refusals and errors ------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["update-content-type", "update-field", "as-query"])
def test_update_is_refused(endpoint: str, how: str) -> None:
    update = "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }"
    if how == "update-content-type":
        response = httpx.post(endpoint, content=update, headers={"Content-Type": "application/sparql-update"})
    elif how == "update-field":
        response = httpx.post(endpoint, data={"update": update})
    else:
        response = httpx.post(endpoint, data={"query": update})
    assert response.status_code == 403 and "read-only" in response.text
    assert response.headers["content-type"].startswith("text/plain")
    assert bindings(get(endpoint, "SELECT * WHERE { <http://example.org/a> ?p ?o }")) == []


def test_malformed_query_is_400_with_position(endpoint: str) -> None:
    response = get(endpoint, "SELECT * WHERE {\n  ?s ?p }")
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/plain")
    assert "line 2, column" in response.text


def test_bad_requests(endpoint: str) -> None:
    assert httpx.post(endpoint, content="x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert httpx.post(endpoint, params={"query": "ASK {}"}, content="ASK {}",
                      headers={"Content-Type": "application/sparql-query"}).status_code == 400
    assert httpx.get(endpoint, params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400


# --- service description ------------------------------------------------------------------------

@pytest.mark.parametrize("accept,fmt", [("text/turtle", ox.RdfFormat.TURTLE), (None, ox.RdfFormat.TURTLE),
                                        ("application/ld+json", ox.RdfFormat.JSON_LD),
                                        ("application/rdf+xml", ox.RdfFormat.RDF_XML)])
def test_service_description(endpoint: str, accept: str | None, fmt: ox.RdfFormat) -> None:
    response = httpx.get(endpoint, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == fmt.media_type
    sd = rdflib.Graph().parse(data=response.content, format=fmt.media_type)
    answer = sd.query("""
        PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
        SELECT ?endpoint (COUNT(DISTINCT ?name) AS ?graphs) WHERE {
          ?s a sd:Service ; sd:endpoint ?endpoint ; sd:supportedLanguage sd:SPARQL11Query ;
             sd:feature sd:UnionDefaultGraph ;
             sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON> ;
             sd:defaultDataset/sd:namedGraph/sd:name ?name } GROUP BY ?endpoint""")
    row = next(iter(answer))
    assert str(row[0]) == endpoint  # type: ignore[index]
    assert int(row[1]) == len(bindings(get(endpoint, GRAPHS)))  # type: ignore[index,arg-type]


# --- limits -------------------------------------------------------------------------------------

def test_timeout_stops_the_query_and_the_server_goes_on(tight: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert get(tight, count).status_code == 200  # the workers are up
    with ThreadPoolExecutor(2) as executor:
        slow = executor.submit(timed_post, tight, EXPENSIVE)
        time.sleep(0.2)
        # the other worker answers while the slow query still runs (a question that reads nothing: on a loaded
        # machine the store-wide count took longer than the slow query's 1 s limit, CI of session 17)
        quick, _ = timed_post(tight, "SELECT ?x WHERE { VALUES ?x { 1 } }")
        assert quick.status_code == 200 and not slow.done()
        response, elapsed = slow.result()
        assert response.status_code == 503 and "query exceeded the time limit of 1 s" in response.text
        assert 1 <= elapsed < 5
        # Both workers stopped at once: both are replaced, and the server answers right after.
        both = [executor.submit(timed_post, tight, EXPENSIVE) for _ in range(2)]
        assert [f.result()[0].status_code for f in both] == [503, 503]
    after, after_s = timed_post(tight, count)
    assert after.status_code == 200 and int(bindings(after)[0]["n"]) > 1000 and after_s < 5


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_row_cap_truncates_and_says_so(tight: str, accept: str) -> None:
    response = get(tight, GRAPHS, accept)
    assert response.status_code == 200 and response.headers["x-conflictkg-truncated"] == "true"
    lines = response.text.strip().splitlines()
    if accept.startswith("text/"):
        assert len(lines) == 1 + 3
    else:
        fmt = ox.QueryResultsFormat.from_media_type(accept)
        assert len(list(ox.parse_query_results(response.content, fmt))) == 3  # type: ignore[arg-type]
    assert "x-conflictkg-truncated" not in get(tight, "SELECT * WHERE { VALUES ?x { 1 2 3 } }").headers


def test_row_cap_applies_to_graphs(tight: str) -> None:
    response = get(tight, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert response.headers["x-conflictkg-truncated"] == "true"
    assert len(response.text.strip().splitlines()) == 3


def test_truncation_keeps_terms_intact(endpoint: str) -> None:
    """The row cap path re-parses Oxigraph's TSV: escapes, languages, blank nodes, types survive."""
    query = ('SELECT ?x WHERE { { VALUES ?x { "a\\tb\\n\\"c\\""@en-gb 1.5e0 "2020-11-10"^^xsd:date } }'
             ' UNION { BIND(BNODE() AS ?x) } }')
    values = [b["x"] for b in get(endpoint, query).json()["results"]["bindings"]]
    assert {"type": "literal", "value": 'a\tb\n"c"', "xml:lang": "en-gb"} in values
    assert {"type": "literal", "value": "2020-11-10", "datatype": XSD + "date"} in values
    assert sorted(v["type"] for v in values) == ["bnode", "literal", "literal", "literal"]
    assert {"type": "literal", "value": "1.5", "datatype": XSD + "double"} in values  # as Oxigraph writes it


# --- the command ----------------------------------------------------------------------------------

def test_conflictkg_serve_command(store_dir: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [sys.executable, "-m", "conflictkg", "--root", str(REPO), "--store", str(store_dir),
           "serve", "--port", str(port), "--timeout", "5", "--max-rows", "2", "--workers", "3"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        response = None
        deadline = time.monotonic() + 30
        while response is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                response = get(url, GRAPHS, "text/csv")
            except httpx.TransportError:
                time.sleep(0.1)
        assert response is not None and response.status_code == 200, proc.stderr
        assert response.headers["x-conflictkg-truncated"] == "true" and len(response.text.splitlines()) == 3
        assert len(_query_workers(proc.pid)) == 3
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and f"http://127.0.0.1:{port}/sparql" in err
    assert "from memory (3 query workers, at most 1,024 MB each)" in err, "a store this small is served from memory"


def _query_workers(parent: int) -> list[int]:
    """Process ids of the query workers started by ``parent`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) != parent:
                continue
            if b"conflictkg.web.worker" in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except (OSError, IndexError, ValueError):  # the process ended meanwhile
            continue
    return found


def test_serving_from_memory_is_sized_to_the_memory_available() -> None:
    from conflictkg.web.app import serve_in_memory
    from conflictkg.web.sizing import BYTES_PER_QUAD, Placement

    small = OxigraphStore.create(None, [])
    assert serve_in_memory(small, None) == Placement(True, True)
    assert serve_in_memory(small, False) == Placement(False, False)

    class Big:  # only its size is read
        def __len__(self) -> int:
            return 1_000_000

    copies = 1_000_000 * BYTES_PER_QUAD * 3  # two workers and the pages
    assert serve_in_memory(Big(), None, workers=2, worker_memory_mb=0, available=2 * copies) == Placement(True, True)
    assert serve_in_memory(Big(), None, workers=2, worker_memory_mb=0, available=2 * copies - 2) == \
        Placement(False, True)  # the workers' copies do not fit; the pages' copy alone does
    assert serve_in_memory(Big(), None, workers=2, worker_memory_mb=1024, available=2 * copies) == \
        Placement(False, True)  # a copy over a quarter of a worker's limit: the pages, unlimited, copy
    assert serve_in_memory(Big(), None, workers=2, worker_memory_mb=0, available=BYTES_PER_QUAD) == \
        Placement(False, False)
    assert serve_in_memory(Big(), True, available=0) == Placement(True, True)


def test_serve_refuses_zero_workers(store_dir: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "conflictkg", "--root", str(REPO), "--store", str(store_dir),
                           "serve", "--workers", "0"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "--workers" in proc.stderr
