"""``/downloads``: the list (HTML and JSON twin) and every file, served read-only over a live server."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import threading
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import httpx
import networkx as nx
import pytest

from conflictkg import exports
from conflictkg.build import build_store
from conflictkg.errors import Preparing
from conflictkg.resources import Resources
from conflictkg.settings import Settings
from conflictkg.store.directory import open_store
from conflictkg.web import create_app
from conflictkg.web.downloads import RETRY_AFTER_S, DownloadFiles

from tests.conftest import REPO
from tests.serving import serve_app, serving


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store_dir = tmp_path_factory.mktemp("downloads-store")
    build_store(store_dir, Resources(REPO), reason=False)
    return store_dir


@pytest.fixture(scope="module")
def served(store_dir: Path) -> Iterator[tuple[str, Path]]:
    with serving(store_dir) as url:
        ready(url)
        yield url, store_dir


def ready(url: str, limit_s: float = 600) -> None:
    """Wait until the downloads prepared after start-up are served (503 with Retry-After until then)."""
    deadline = time.monotonic() + limit_s
    while (answer := httpx.get(url + "/downloads.json", timeout=60)).status_code == 503:
        assert answer.headers["retry-after"] == str(RETRY_AFTER_S) and time.monotonic() < deadline
        time.sleep(0.5)
    assert answer.status_code == 200, answer.text[:300]


def test_downloads_are_prepared_after_start_without_a_request(store_dir):
    app = create_app(open_store(store_dir), Settings(store_dir, reason=False), workers=1, resources=Resources(REPO))
    with serve_app(app) as url:
        assert httpx.get(url + "/about", timeout=60).status_code == 200  # no request for a download
        deadline = time.monotonic() + 600  # the build starts once the home page's answers are made (#14)
        while not (app.state.downloads.building or app.state.downloads.ready):
            assert time.monotonic() < deadline, "the downloads were never started"
            time.sleep(0.05)
        assert app.state.downloads.wait(600)
        started = time.monotonic()
        answer = httpx.get(url + "/downloads/claims.csv", timeout=60)
        assert answer.status_code == 200 and time.monotonic() - started < 2 and answer.text.startswith("claim")


def test_a_site_told_not_to_prepare_them_builds_them_on_their_first_request(store_dir):
    settings = Settings(store_dir, reason=False, prepare_downloads=False)
    app = create_app(open_store(store_dir), settings, workers=1, resources=Resources(REPO))
    with serve_app(app) as url:
        assert httpx.get(url + "/about", timeout=60).status_code == 200
        assert not app.state.downloads.building and not app.state.downloads.ready
        assert httpx.get(url + "/downloads", timeout=60).status_code == 503
        assert app.state.downloads.wait(600)
        assert httpx.get(url + "/downloads/claims.csv", timeout=60).status_code == 200


def test_a_request_while_they_are_prepared_is_answered_at_once_with_retry_after():
    release = threading.Event()
    files = DownloadFiles(lambda: {"claims.csv": b"x"} if release.wait(60) else {})
    for _ in range(2):  # one build, however many requests
        with pytest.raises(Preparing) as refused:
            files.files()
        assert refused.value.retry_after == RETRY_AFTER_S and "being prepared" in refused.value.message
    release.set()
    assert files.wait(60) and files.files() == {"claims.csv": b"x"}


def test_a_failed_build_is_tried_again_by_the_next_request():
    attempts: list[int] = []

    def make() -> dict[str, bytes]:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("the store went away")
        return {"claims.csv": b"x"}

    files = DownloadFiles(make)
    files.start()
    assert not files.wait(60)
    with pytest.raises(Preparing):
        files.files()
    assert files.wait(60) and files.files() == {"claims.csv": b"x"} and len(attempts) == 2


def test_503_while_preparing_has_the_sites_error_shape(store_dir):
    app = create_app(open_store(store_dir), Settings(store_dir, reason=False), workers=1, resources=Resources(REPO))
    release = threading.Event()
    app.state.downloads = DownloadFiles(lambda: {} if release.wait(120) else {})
    with serve_app(app) as url:
        try:
            started = time.monotonic()
            answer = httpx.get(url + "/downloads.json", timeout=60)
            page = httpx.get(url + "/downloads/claims.csv", timeout=60)
            assert time.monotonic() - started < 5  # answered at once, not after the build
        finally:
            release.set()
    assert answer.status_code == 503 and answer.headers["retry-after"] == str(RETRY_AFTER_S)
    assert answer.json() == {"ok": False, "status": 503, "error": answer.json()["error"],
                             "hint": f"try again in {RETRY_AFTER_S} seconds"}
    assert "being prepared" in answer.json()["error"]
    assert page.status_code == 503 and page.headers["retry-after"] == str(RETRY_AFTER_S)


def tree(path: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(path)), p.stat().st_size) for p in path.rglob("*") if p.is_file())


def test_downloads_page_lists_every_file_with_size_and_checksum(served):
    url, _store = served
    data = httpx.get(url + "/downloads.json", timeout=300).json()
    rows = [r for section in data["sections"] for r in section["rows"]]
    assert [r["file"]["text"] for r in rows] == list(exports.DOWNLOADS)
    assert [s["id"] for s in data["sections"]] == ["files", "network-files"]
    assert all(r["file"]["text"].startswith("network-") for r in data["sections"][1]["rows"])
    for row in rows:
        name = row["file"]["text"]
        assert row["file"]["href"] == f"/downloads/{name}" and row["description"]["text"]
        body = httpx.get(url + row["file"]["href"], timeout=120)
        assert body.status_code == 200
        assert data["extra"]["bytes"][name] == len(body.content) > 0
        assert row["sha256"]["text"] == hashlib.sha256(body.content).hexdigest()
        assert body.headers["content-type"].startswith(exports.DOWNLOADS[name].media_type.split(";")[0])
        assert f'filename="{name}"' in body.headers["content-disposition"]
    html = httpx.get(url + "/downloads", timeout=60).text
    assert "<h1>Downloads</h1>" in html and 'href="/downloads/claims.csv"' in html and " kB" in html
    assert '<details class="long">' not in html  # every file in view, none folded away


def test_downloaded_files_parse(served):
    url, _store = served
    claims = httpx.get(url + "/downloads/claims.csv", timeout=60).text
    assert len(list(csv.DictReader(io.StringIO(claims, newline="")))) > 100
    places = httpx.get(url + "/downloads/places.geojson", timeout=60).json()
    assert places["type"] == "FeatureCollection" and places["features"]
    gexf = nx.read_gexf(io.BytesIO(httpx.get(url + "/downloads/network-allegations.gexf", timeout=60).content))
    assert gexf.number_of_edges() > 0
    link = json.loads(httpx.get(url + "/downloads/network-whole.json", timeout=60).content)
    assert {"nodes", "edges", "directed", "multigraph"} <= link.keys()


def test_served_csv_tables_match_their_served_csvw_metadata(served):
    url, _store = served
    listed = {r["file"]["text"]: r["format"]["text"]
              for section in httpx.get(url + "/downloads.json", timeout=300).json()["sections"]
              for r in section["rows"]}
    assert listed["csv-metadata.json"] == "CSVW metadata" and listed["norms.csv"] == "CSV"
    metadata = httpx.get(url + "/downloads/csv-metadata.json", timeout=60).json()
    assert sorted(t["url"] for t in metadata["tables"]) == sorted(n for n in listed if n.endswith(".csv"))
    for table in metadata["tables"]:
        body = httpx.get(url + "/downloads/" + table["url"], timeout=60).text
        header = next(csv.reader(io.StringIO(body, newline="")))
        assert header == [c["titles"] for c in table["tableSchema"]["columns"]], table["url"]


def test_downloads_write_nothing_and_refuse_unknown_files(served):
    url, store_dir = served
    before = tree(store_dir)
    httpx.get(url + "/downloads/claims.csv", timeout=60)
    assert tree(store_dir) == before
    missing = httpx.get(url + "/downloads/../../etc/passwd", timeout=60)
    assert missing.status_code == 404
    unknown = httpx.get(url + "/downloads/secrets.csv", timeout=60)
    assert unknown.status_code == 404 and "no download called" in unknown.text
    assert httpx.post(url + "/downloads/claims.csv", timeout=60).status_code == 405


def test_footer_and_about_link_to_downloads(served):
    url, _store = served
    about = httpx.get(url + "/about", timeout=60).text
    assert about.count('href="/downloads"') == 2  # the about text and the footer
    assert 'href="/downloads"' in httpx.get(url + "/coverage", timeout=60).text


NETWORK_FILES = {"gexf": ("application/gexf+xml", ".gexf"), "graphml": ("application/graphml+xml", ".graphml"),
                 "node-link": ("application/json", ".json")}


def read_graph(fmt: str, body: bytes) -> nx.Graph:
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(body))
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(body))
    return nx.node_link_graph(json.loads(body), edges="edges")


@pytest.mark.parametrize("path", ["/network/allegations", "/network/clause?clause=6"])
def test_every_view_page_links_its_graph_files_and_each_reads_back_as_the_view(served, path):
    url, _store = served
    html = httpx.get(url + path, timeout=600).text
    assert 'id="export-png"' in html and '<header class="site">' in html and "<footer>" in html
    twin = httpx.get(url + path.replace("?", ".json?") if "?" in path else url + path + ".json", timeout=600).json()
    links = dict(re.findall(r'<a href="([^"]+)" data-format="([^"]+)" download>', html))
    assert sorted(links.values()) == sorted(NETWORK_FILES)
    for href, fmt in links.items():
        response = httpx.get(url + unescape(href), timeout=120)
        media, suffix = NETWORK_FILES[fmt]
        assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media
        name = re.search(r'filename="([^"]+)"', response.headers["content-disposition"]).group(1)
        assert name.startswith(f"network-{twin['view']}") and name.endswith(suffix)
        graph = read_graph(fmt, response.content)
        assert set(graph.nodes) == {node["id"] for node in twin["nodes"]}
        assert graph.number_of_edges() == len(twin["edges"])
        assert httpx.get(url + unescape(href), timeout=120).content == response.content  # deterministic
