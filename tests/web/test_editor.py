"""The query editor at ``/sparql`` (for a browser) and on ``/query``: the library's questions as its
examples, opened on their body; the project's prefixes served locally; the vendored YASGUI with its
licence; nothing on the pages pointing off the site. Protocol answers: tests/web/test_endpoint*.py.

A real uvicorn server on a loopback port over the session's built store (tests/serving.py).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conflictkg.pages.query_page import body_of
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library
from tests.serving import serving

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
VENDOR = Path(__file__).resolve().parents[2] / "src" / "conflictkg" / "web" / "static" / "vendor" / "yasgui"


@pytest.fixture(scope="module")
def site(built_store: Path) -> Iterator[str]:
    with serving(built_store, workers=1) as base:
        yield base


def editor_config(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="editor-config">(.*?)</script>', page, re.S)
    assert found, "the page carries no editor configuration"
    return json.loads(found.group(1))


def test_the_editor_offers_every_library_question_on_its_body(site: str, res: Resources) -> None:
    page = httpx.get(f"{site}/sparql", headers={"Accept": BROWSER}, timeout=30).text
    config = editor_config(page)
    assert config["endpoint"] == "/sparql" and config["prefixes"] == "/query/prefixes.json"
    library = load_library(res.queries_dir)
    examples = {q["id"]: q for q in config["examples"]}
    assert sorted(examples) == sorted(library)
    for query_id, query in library.items():
        body = examples[query_id]["body"]
        assert body == body_of(query.text) and "#+" not in body and body.strip(), query_id
        assert f'<option value="{query_id}">' in page
    assert config["prefixMap"] == dict(sorted(PREFIXES.items()))


def test_the_prefixes_are_the_projects_own(site: str) -> None:
    response = httpx.get(f"{site}/query/prefixes.json", timeout=30)
    assert response.status_code == 200 and response.json() == PREFIXES
    assert list(response.json()) == sorted(PREFIXES)


def test_the_query_page_opens_on_the_body_in_the_editor(site: str, res: Resources) -> None:
    query = load_library(res.queries_dir)["claims-about-place"]
    page = httpx.get(f"{site}/query?id=claims-about-place", timeout=30).text
    text = re.search(r'<textarea name="sparql" id="sparql-editor"[^>]*>(.*?)</textarea>', page, re.S)
    assert text and html.unescape(text.group(1)) == body_of(query.text)
    assert text.group(1).startswith("PREFIX ck:") and query.text.startswith("#+ title:")
    assert '<script src="/static/editor.js"></script>' in page and "editor-config" in page


@pytest.mark.parametrize("path", ["/sparql", "/query", "/query?id=clause-norms"])
def test_the_editor_pages_point_nowhere_off_the_site(site: str, path: str) -> None:
    page = httpx.get(f"{site}{path}", headers={"Accept": BROWSER}, timeout=30).text
    loaded = re.findall(r'<(?:script|link|img|iframe)[^>]*(?:src|href)="([^"]*)"', page)
    assert "/static/vendor/yasgui/yasgui.min.js" in loaded and "/static/editor.js" in loaded
    assert [url for url in loaded if not url.startswith("/")] == []
    assert re.findall(r'<(?:script|link)[^>]*(?:src|href)="(?:https?:)?//', page) == []
    assert httpx.get(f"{site}/static/vendor/yasgui/yasgui.min.js", timeout=30).status_code == 200
    assert httpx.get(f"{site}/static/vendor/yasgui/yasgui.min.css", timeout=30).status_code == 200


def test_the_vendored_editor_carries_its_licence() -> None:
    assert sorted(p.name for p in VENDOR.iterdir()) == ["LICENSE", "README.md", "yasgui.min.css", "yasgui.min.js"]
    assert (VENDOR / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "4.6.2" in (VENDOR / "README.md").read_text(encoding="utf-8")
    assert b"sourceMappingURL" not in (VENDOR / "yasgui.min.js").read_bytes()  # no request for a map not shipped
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", (VENDOR / "yasgui.min.css").read_text(encoding="utf-8"))
