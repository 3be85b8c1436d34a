"""``/downloads``: the list (HTML and JSON twin) and every file, served read-only over a live server."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import httpx
import networkx as nx
import pytest

from conflictkg import exports
from conflictkg.build import build_store
from conflictkg.resources import Resources

from tests.conftest import REPO
from tests.serving import serving


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    store_dir = tmp_path_factory.mktemp("downloads-store")
    build_store(store_dir, Resources(REPO), reason=False)
    with serving(store_dir) as url:
        yield url, store_dir


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
