"""The site over a SPARQL server (``serve --store URL``): pages, network views and ``/sparql`` answer
as they do over the embedded store."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conflictkg.resources import Resources
from conflictkg.settings import Settings
from conflictkg.store.remote import RemoteStore
from conflictkg.web import create_app
from tests.conftest import REPO
from tests.serving import serve_app, serving
from tests.sparql_servers import Server, free_port

JSON_TWINS = ["/index.json", "/incidents.json", "/timeline.json", "/map.json", "/coverage.json",
              "/resource/incident-2022-03-24-parukh-farrukh?format=json", "/network/allegations.json",
              "/network/clause.json?clause=6", "/search.json?q=parukh"]
PAGES = ["/", "/incidents", "/resource/incident-2022-03-24-parukh-farrukh", "/network/whole", "/map",
         "/timeline", "/clause/6", "/ontology", "/query?id=clause-texts&clause_number=6", "/downloads"]


def _site(url: str) -> Iterator[str]:
    app = create_app(RemoteStore(url), Settings(Path("/nonexistent"), reason=False, store_url=url),
                     resources=Resources(REPO))
    with serve_app(app) as base:
        yield base


@pytest.fixture(scope="module")
def remote_site(oxigraph_union: Server) -> Iterator[str]:
    yield from _site(oxigraph_union.query)


@pytest.fixture(scope="module")
def embedded_site(shipped_dir: Path) -> Iterator[str]:
    with serving(shipped_dir) as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_from_the_server(remote_site: str, path: str) -> None:
    page = httpx.get(remote_site + path, timeout=300, follow_redirects=True)
    for _ in range(600):  # /downloads answers 503 with Retry-After while its files are being built
        if page.status_code != 503 or "Retry-After" not in page.headers:
            break
        time.sleep(min(int(page.headers["Retry-After"]), 2))
        page = httpx.get(remote_site + path, timeout=300, follow_redirects=True)
    assert page.status_code == 200, page.text[:500]
    assert "text/html" in page.headers["content-type"]


@pytest.mark.parametrize("path", JSON_TWINS)
def test_json_twins_are_the_embedded_sites(remote_site: str, embedded_site: str, path: str) -> None:
    there = httpx.get(remote_site + path, timeout=300, headers={"Accept": "application/json"})
    here = httpx.get(embedded_site + path, timeout=300, headers={"Accept": "application/json"})
    assert there.status_code == here.status_code == 200, there.text[:500]
    assert there.json() == here.json()


def test_the_endpoint_forwards_with_the_row_cap_and_refuses_updates(oxigraph_union: Server) -> None:
    app = create_app(RemoteStore(oxigraph_union.query),
                     Settings(Path("/nonexistent"), reason=False, store_url=oxigraph_union.query, max_rows=5),
                     resources=Resources(REPO))
    with serve_app(app) as base:
        rows = httpx.post(base + "/sparql", data={"query": "SELECT ?c WHERE { ?c a ck:Claim }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
        assert rows.status_code == 200 and len(rows.json()["results"]["bindings"]) == 5
        assert rows.headers["X-Conflictkg-Truncated"] == "true"
        named = httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                                    "default-graph-uri": "https://w3id.org/conflictkg/graph/index"},
                          headers={"Accept": "text/csv"}, timeout=60)
        direct = httpx.get(oxigraph_union.query, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                                          "default-graph-uri": "https://w3id.org/conflictkg/graph/index"},
                           headers={"Accept": "text/csv"}, timeout=60)
        index = int(direct.text.split()[-1])
        assert named.status_code == 200 and int(named.text.split()[-1]) == index
        assert 100 < index < int(httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                                           headers={"Accept": "text/csv"}, timeout=60).text.split()[-1])
        refused = httpx.post(base + "/sparql", data={"query": "DELETE WHERE { ?s ?p ?o }"}, timeout=60)
        assert refused.status_code == 403
        bad = httpx.post(base + "/sparql", data={"query": "SELECT ?x WHERE { ?x ?y }"}, timeout=60)
        assert bad.status_code == 400 and oxigraph_union.query in bad.text


def test_a_server_that_is_down_is_a_502_naming_it() -> None:
    down = f"http://127.0.0.1:{free_port()}/query"
    app = create_app(RemoteStore(down, timeout_s=5), Settings(Path("/nonexistent"), reason=False, store_url=down),
                     resources=Resources(REPO))
    with serve_app(app) as base:
        answer = httpx.post(base + "/sparql", data={"query": "ASK {}"}, timeout=60)
    assert answer.status_code == 502 and f"cannot reach the server at {down}" in answer.text
