"""Hostile queries: no outgoing request for SERVICE (SSRF), no parser crash for deep nesting.

A loopback HTTP server records every request it receives; each hostile query is sent through one
entry point (the ``/sparql`` endpoint by GET, form POST and direct POST; the query page and its
downloads; ``conflictkg sparql`` and ``conflictkg query FILE.rq``) and must get its documented
refusal while the recorder receives nothing. Queries that only mention "service" in strings,
comments or names must still run. Every case on the command line also checks that the published
store is unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from conflictkg.errors import FederationRefused, QueryRefused, QueryTooDeep
from conflictkg.settings import MAX_QUERY_DEPTH
from conflictkg.sparql.guard import check_query

from ..conftest import REPO, run_cli
from ..serving import serving
from .harness import Case, fingerprint, ids

LIMIT = MAX_QUERY_DEPTH
REFUSED = "SERVICE is not allowed on this endpoint"
TOO_DEEP = f"query nested too deeply (limit {LIMIT})"
#: an answer that would come back to the caller if a request ever got through
SECRET = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"SECRET"}}]}}'


class Recorder:
    """A loopback HTTP server that answers every request with SECRET and remembers it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        lock = threading.Lock()
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def _record(self) -> None:
                with lock:
                    requests.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(SECRET)))
                self.end_headers()
                self.wfile.write(SECRET)

            do_GET = do_POST = _record

            def log_message(self, *args: object) -> None:
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.timeout = 5
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                       name="recorder", daemon=True)

    def __enter__(self) -> Recorder:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


@pytest.fixture(scope="module")
def store_dir(shipped_store_dir: Path) -> Path:
    """A store built by the real pipeline (no OWL check: no Java needed)."""
    return shipped_store_dir


@pytest.fixture(scope="module")
def site(store_dir: Path) -> Iterator[str]:
    with serving(store_dir, workers=1, query_timeout_s=20.0) as base:
        yield base


def test_the_recorder_sees_what_oxigraph_would_send(recorder: Recorder) -> None:
    """The trap works: without the guard, pyoxigraph itself would POST to it (so 'none received' means something)."""
    import pyoxigraph as ox

    before = len(recorder.requests)
    list(ox.Store().query(f"SELECT ?x WHERE {{ SERVICE <{recorder.url}> {{ ?x ?p ?o }} }}"))
    assert len(recorder.requests) == before + 1 and recorder.requests[-1].startswith("POST /sparql")


# --- the guard itself: SERVICE in every place, and what must not trigger it ----------------------

SVC = "<http://127.0.0.1:9/sparql>"
SERVICE_PLACES = [
    Case("top", f"SELECT * WHERE {{ SERVICE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("lowercase", f"select * where {{ service {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("mixed-case", f"SELECT * WHERE {{ SeRvIcE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("silent", f"SELECT * WHERE {{ SERVICE SILENT {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("variable-iri", "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?x) SERVICE ?x { ?s ?p ?o } }", 1, REFUSED),
    Case("prefixed-iri", "PREFIX r: <http://127.0.0.1:9/>\nSELECT * WHERE { SERVICE r:sparql { ?s ?p ?o } }", 1,
         REFUSED),
    Case("subquery", f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE {SVC} {{ ?s ?p ?o }} }} }} }}", 1, REFUSED),
    Case("optional", f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE {SVC} {{ ?s ?q ?v }} }} }}", 1, REFUSED),
    Case("union", f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE {SVC} {{ ?s ?p ?o }} }} }}", 1, REFUSED),
    Case("minus", f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE {SVC} {{ ?s ?p ?o }} }} }}", 1, REFUSED),
    Case("exists", f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE {SVC} {{ ?s ?p ?o }} }} }}", 1, REFUSED),
    Case("not-exists", f"ASK {{ ?s ?p ?o FILTER(NOT EXISTS {{ SERVICE {SVC} {{ ?s ?p ?o }} }}) }}", 1, REFUSED),
    Case("graph", f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE {SVC} {{ ?s ?p ?o }} }} }}", 1, REFUSED),
    Case("construct-where", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("no-spaces", f"SELECT*WHERE{{SERVICE{SVC}{{?s ?p ?o}}}}", 1, REFUSED),
    Case("after-comment-line", f"SELECT * WHERE {{ # a comment\nSERVICE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("after-var-dot", f"SELECT * WHERE {{ ?s ?p ?o.SERVICE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("glued-to-true", f"SELECT * WHERE {{ ?s ?p trueSERVICE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("glued-to-number", f"SELECT * WHERE {{ ?s ?p 1SERVICE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("glued-to-pname", f"SELECT * WHERE {{ SERVICEex:x {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("after-escaped-hash", f"SELECT * WHERE {{ ?s ex:p\\#x ?o . SERVICE {SVC} {{ ?s ?p ?o }} }}", 1, REFUSED),
    Case("after-string-with-quote", f"SELECT * WHERE {{ ?s ?p 'it\\'s' . SERVICE {SVC} {{ ?s ?p ?o }} }}", 1,
         REFUSED),
    # '<' as 'less than' followed by a quote: Oxigraph reads a string where a naive lexer reads an IRI
    Case("less-than-hiding", f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s<x:o)'>' ?p ?o . SERVICE {SVC} {{}} '' ?p ?o }}",
         1, "ambiguous '<'"),
]
HARMLESS = [
    Case("string", 'SELECT * WHERE { ?s ?p ?o FILTER(?o != "SERVICE <http://127.0.0.1:9/> { }") }', 0, ""),
    Case("long-string", "SELECT * WHERE { ?s ?p ?o FILTER(?o != '''\nSERVICE <x> {}\n''') }", 0, ""),
    Case("comment", "SELECT * WHERE { ?s ?p ?o # SERVICE <http://127.0.0.1:9/> { }\n}", 0, ""),
    Case("prefixed-name", "SELECT * WHERE { ?s ex:service ?o . ?s ex:my-service ?o . ?s ex:Service1 ?o }", 0, ""),
    Case("variable", "SELECT ?service WHERE { ?service ?p ?o }", 0, ""),
    Case("name-in-the-data", "ASK { ckr:agent-az-state-border-service ?p ?o FILTER(CONTAINS(?o, 'servicemen')) }", 0,
         ""),
    Case("iri", "SELECT * WHERE { ?s <http://example.org/service#x> <http://example.org/SERVICE> }", 0, ""),
    Case("less-than-no-space", "SELECT * WHERE { ?s ?p ?o FILTER(?a<?b&&?b>?a && ?p != <http://x#y>) }", 0, ""),
    Case("iri-in-filter", "SELECT * WHERE { ?s ?p ?o FILTER(?p IN (<http://x#a>, <http://x#b>)) }", 0, ""),
    Case("brackets-in-strings", 'SELECT * WHERE { ?s ?p ?o FILTER(?o != "' + "{([" * 500 + '") }', 0, ""),
]


@pytest.mark.parametrize("case", SERVICE_PLACES + HARMLESS, ids=ids(SERVICE_PLACES + HARMLESS))
def test_guard_finds_every_service_keyword(case: Case) -> None:
    if case.expect == 0:
        check_query(str(case.given))
        return
    with pytest.raises(QueryRefused) as caught:
        check_query(str(case.given))
    assert case.says in caught.value.message
    assert caught.value.hint


def _nested(kind: str, depth: int) -> str:
    """A query whose deepest point is ``depth`` levels of ``kind`` (counting the WHERE group)."""
    if kind == "{":
        return "SELECT * WHERE { " + "{ " * (depth - 1) + "?s ?p ?o" + " }" * (depth - 1) + " } LIMIT 1"
    if kind == "(":
        return "SELECT * WHERE { ?s ?p ?o FILTER" + "(" * (depth - 1) + "true" + ")" * (depth - 1) + " } LIMIT 1"
    if kind == "[":
        return "SELECT * WHERE { ?s ?p " + "[ ?p " * (depth - 1) + "?o" + " ]" * (depth - 1) + " } LIMIT 1"
    return "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * (depth - 2) + "false) } LIMIT 1"


@pytest.mark.parametrize("kind", ["{", "(", "[", "!"])
def test_nesting_at_the_limit_passes_and_one_more_is_refused(kind: str) -> None:
    check_query(_nested(kind, LIMIT))
    with pytest.raises(QueryTooDeep) as caught:
        check_query(_nested(kind, LIMIT + 1))
    assert TOO_DEEP in caught.value.message


def test_too_deep_names_the_place_where_the_limit_is_passed() -> None:
    with pytest.raises(QueryTooDeep) as caught:
        check_query("SELECT * WHERE {\n  {{{ ?s ?p ?o }}}\n}", max_depth=3)
    assert "line 2, column 5" in caught.value.message
    with pytest.raises(FederationRefused) as service:
        check_query("SELECT * WHERE {\n  ?s ?p ?o\n   SERVICE <http://x/> {} }")
    assert "line 3, column 4" in service.value.message


def test_the_library_queries_stay_well_under_the_limit() -> None:
    paths = sorted((REPO / "queries").rglob("*.rq"))
    assert len(paths) > 30
    for path in paths:
        check_query(path.read_text(encoding="utf-8"), max_depth=LIMIT // 8)


# --- through every entry point: the refusal, and not one request to the recorder -----------------

def _web(site: str, how: str, query: str) -> tuple[int, str]:
    url = site + "/sparql"
    if how == "get":
        response = httpx.get(url, params={"query": query}, timeout=60)
    elif how == "post-form":
        response = httpx.post(url, data={"query": query}, timeout=60)
    elif how == "post-direct":
        response = httpx.post(url, content=query.encode(), headers={"Content-Type": "application/sparql-query"},
                              timeout=60)
    else:
        path = {"page": "/query", "page-json": "/query.json", "page-csv": "/query.csv"}[how]
        response = httpx.get(site + path, params={"sparql": query}, timeout=60)
    return response.status_code, response.text


def _cli(store_dir: Path, tmp_path: Path, how: str, query: str) -> tuple[int, str]:
    if how == "cli-sparql":
        done = run_cli("sparql", query, store=store_dir)
    else:
        path = tmp_path / "hostile.rq"
        path.write_text(f"#+ title: A hostile query\n#+ description: From the hostile-input table.\n{query}\n",
                        encoding="utf-8")
        done = run_cli("query", str(path), store=store_dir)
    return done.returncode, done.stderr + done.stdout


R = "{recorder}"  # replaced by the recorder's URL
ENTRY_CASES = [
    Case("get-top", ("get", f"SELECT ?x WHERE {{ SERVICE <{R}> {{ ?x ?p ?o }} }}"), 400, REFUSED),
    Case("post-form-silent", ("post-form", f"SELECT ?x WHERE {{ SERVICE SILENT <{R}> {{ ?x ?p ?o }} }}"), 400,
         REFUSED),
    Case("post-direct-optional",
         ("post-direct", f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{R}> {{ ?s ?q ?x }} }} }}"),
         400, REFUSED),
    Case("get-subquery", ("get", f"SELECT * WHERE {{ {{ SELECT ?x WHERE {{ SERVICE <{R}> {{ ?x ?p ?o }} }} }} }}"),
         400, REFUSED),
    Case("post-form-exists", ("post-form", f"ASK {{ FILTER EXISTS {{ SERVICE <{R}> {{ ?x ?p ?o }} }} }}"), 400,
         REFUSED),
    Case("get-union-lowercase",
         ("get", f"select * where {{ {{ ?s ?p ?o }} union {{ service <{R}> {{ ?s ?p ?o }} }} }}"),
         400, REFUSED),
    Case("get-variable", ("get", f"SELECT * WHERE {{ BIND(<{R}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}"), 400, REFUSED),
    Case("page-graph", ("page", f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{R}> {{ ?s ?p ?o }} }} }}"), 400, REFUSED),
    Case("page-json-minus", ("page-json", f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{R}> {{ ?s ?p ?o }} }} }}"),
         400, REFUSED),
    Case("page-csv-top", ("page-csv", f"SELECT ?x WHERE {{ SERVICE <{R}> {{ ?x ?p ?o }} }}"), 400, REFUSED),
    Case("cli-sparql-top", ("cli-sparql", f"SELECT ?x WHERE {{ SERVICE <{R}> {{ ?x ?p ?o }} }}"), 1,
         f"Error: {REFUSED}"),
    Case("cli-sparql-not-exists",
         ("cli-sparql", f"ASK {{ FILTER NOT EXISTS {{ SERVICE SILENT <{R}> {{ ?x ?p ?o }} }} }}"),
         1, "Hint: "),
    Case("cli-file-union",
         ("cli-file", f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{R}> {{ ?s ?p ?o }} }} }}"),
         1, f"Error: {REFUSED}"),
    # FROM / FROM NAMED / the protocol's dataset parameters name graphs; they never fetch
    Case("get-from", ("get", f"SELECT * FROM <{R}> WHERE {{ ?s ?p ?o }}"), 200, '"bindings"'),
    Case("page-from-named", ("page-json", f"SELECT * FROM NAMED <{R}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"), 200,
         '"bindings"'),
    Case("cli-from", ("cli-sparql", f"SELECT * FROM <{R}> FROM NAMED <{R}/n> WHERE {{ ?s ?p ?o }}"), 0, " rows)"),
    # nesting: at the limit it runs, over it (and at the depth that used to crash) it is refused
    Case("get-braces-at-limit", ("get", _nested("{", LIMIT)), 200, '"bindings"'),
    Case("get-braces-over", ("get", _nested("{", LIMIT + 1)), 400, TOO_DEEP),
    Case("post-direct-braces-crash", ("post-direct", _nested("{", 3000)), 400, TOO_DEEP),
    Case("post-form-parens-crash", ("post-form", _nested("(", 10_000)), 400, TOO_DEEP),
    Case("page-brackets-over", ("page", _nested("[", LIMIT + 1)), 400, TOO_DEEP),
    Case("page-json-nots-crash", ("page-json", _nested("!", 20_000)), 400, TOO_DEEP),
    Case("cli-braces-at-limit", ("cli-sparql", _nested("{", LIMIT)), 0, "(1 row)"),
    Case("cli-braces-crash", ("cli-sparql", _nested("{", 3000)), 1, f"Error: {TOO_DEEP}"),
    Case("cli-file-parens-crash", ("cli-file", _nested("(", 10_000)), 1, f"Error: {TOO_DEEP}"),
    Case("cli-file-brackets-over", ("cli-file", _nested("[", LIMIT + 1)), 1, "max_query_depth"),
    # legitimate queries that mention "service" still run
    Case("get-service-in-string", ("get", 'SELECT ?x WHERE { BIND("SERVICE <http://x/> {}" AS ?x) }'), 200,
         "SERVICE <http://x/>"),
    Case("page-service-in-comment", ("page-json", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 # SERVICE <x> {}"), 200,
         '"bindings"'),
    Case("cli-service-names", ("cli-sparql", "SELECT ?service WHERE { ?service ck:service ?o }"), 0, "(0 rows)"),
    Case("cli-file-service-literal", ("cli-file", "ASK { FILTER(\"service\" = 'service') }"), 0, "true"),
]


@pytest.mark.parametrize("case", ENTRY_CASES, ids=ids(ENTRY_CASES))
def test_entry_points(case: Case, recorder: Recorder, site: str, store_dir: Path, tmp_path: Path) -> None:
    how, template = case.given  # type: ignore[misc]
    query = template.replace(R, recorder.url)
    before, seen = fingerprint(store_dir), len(recorder.requests)
    if how.startswith("cli"):
        code, message = _cli(store_dir, tmp_path, how, query)
    else:
        code, message = _web(site, how, query)
    assert (code, case.says in message) == (case.expect, True), message[-2000:]
    assert "Traceback" not in message and "SECRET" not in message
    assert recorder.requests[seen:] == []
    assert fingerprint(store_dir) == before


def test_the_server_still_answers_after_the_hostile_queries(site: str) -> None:
    """No worker died: a query that used to crash one is refused, the next query is answered."""
    assert _web(site, "post-direct", _nested("{", 5000))[0] == 400
    code, body = _web(site, "get", "ASK { ?s ?p ?o }")
    assert code == 200 and "true" in body
