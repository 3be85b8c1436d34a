"""The clause and allegation views' pages: whole when small (the shipped data's), on their summary when large,
with groups and the full graph a click away, their JSON twins and graph files (#14)."""

from __future__ import annotations

import re

import pytest

from conflictkg.network import views
from conflictkg.settings import Settings


def make_client(staged, res, tmp_path_factory):
    from starlette.testclient import TestClient

    from conflictkg.web import create_app

    app = create_app(staged.store, Settings(store_dir=tmp_path_factory.mktemp("unused")), resources=res)
    return TestClient(app)


@pytest.fixture(scope="module")
def client(staged, res, tmp_path_factory):
    return make_client(staged, res, tmp_path_factory)


@pytest.mark.parametrize("path", ["/network/clause?clause=6", "/network/clause?clause=1", "/network/allegations"])
def test_a_small_view_opens_whole_without_scope_links(client, path):
    page = client.get(path)
    assert page.status_code == 200 and '<nav id="groups"' not in page.text and "net-scope" not in page.text
    twin = client.get(path.replace("?", ".json?") if "?" in path else path + ".json").json()
    assert twin["ok"] and "scope" not in twin and "view" not in twin["params"] and twin["claims"]


def test_a_clause_views_summary_keeps_the_clause_in_every_link(client):
    page = client.get("/network/clause", params={"clause": "6", "view": "summary"})
    assert page.status_code == 200
    assert re.search(r'<h1 id="view-title">Clause view: [^<]+: summary</h1>', page.text)
    listing = re.search(r'<nav id="groups".*?</nav>', page.text, re.S)
    assert listing is not None
    hrefs = re.findall(r'<a href="([^"]+)" title=', listing.group(0))
    twin = client.get("/network/clause.json", params={"clause": "6", "view": "summary"}).json()
    assert hrefs == [g["href"].replace("&", "&amp;") for g in twin["groups"]]
    assert all(h.startswith("?clause=6&amp;group=") for h in hrefs) and len(hrefs) > 5
    sides = [g["label"] for g in twin["groups"] if g["key"].startswith("side-")]
    assert len(sides) > 3 and not [s for s in sides if "ckr:" in s]  # a side the view does not draw is named too
    assert '<strong>Summary by group</strong> · <a class="full-graph" href="?clause=6&amp;view=full">Full graph</a>' \
        in page.text
    assert 'href="/network/clause.gexf?clause=6&amp;view=summary&amp;names=neutral"' in page.text
    full = client.get("/network/clause.json", params={"clause": "6"}).json()
    assert sum(g["members"] for g in twin["groups"]) == len(full["nodes"])
    assert twin["links"]["totals"] == f"{len(full['nodes']):,} resources and {len(full['edges']):,} links"


def test_a_clause_views_group_and_its_full_graph_link_back(client):
    twin = client.get("/network/clause.json", params={"clause": "6", "view": "summary"}).json()
    claims = next(g for g in twin["groups"] if g["kind"] == "claim")
    page = client.get("/network/clause" + claims["href"])
    assert page.status_code == 200 and 'aria-current="true"' in page.text
    assert '<a href="?clause=6&amp;view=summary">Back to the summary</a>' in page.text
    drilled = client.get("/network/clause.json" + claims["href"]).json()
    assert drilled["scope"] == "group" and drilled["params"]["clause"] == ["6"]
    assert len([n for n in drilled["nodes"] if not n.get("members")]) == min(claims["members"], 30)
    full = client.get("/network/clause", params={"clause": "6", "view": "full"})
    assert '<a href="?clause=6&amp;view=summary">Summary by group</a> · <strong>Full graph</strong>' in full.text
    assert 'href="/network/clause.gexf?clause=6&amp;view=full&amp;names=neutral"' in full.text
    graphml = client.get("/network/clause.graphml", params={"clause": "6", "group": claims["key"]})
    assert graphml.status_code == 200 and claims["key"] in graphml.headers["content-disposition"]


def test_a_large_view_opens_on_its_summary(staged, res, tmp_path_factory, monkeypatch):
    monkeypatch.setattr(views, "SUMMARY_ABOVE", 50)  # the shipped allegation view lists 277 claims
    client = make_client(staged, res, tmp_path_factory)
    page = client.get("/network/allegations")
    assert page.status_code == 200 and '<nav id="groups"' in page.text
    assert '<strong>Summary by group</strong> · <a class="full-graph" href="?view=full">Full graph</a>' in page.text
    twin = client.get("/network/allegations.json").json()
    assert twin["scope"] == "summary" and twin["params"]["view"] == ["summary"] and not twin["claims"]
    assert {g["key"] for g in twin["groups"]} >= {"side-armenia", "side-azerbaijan"}
    full = client.get("/network/allegations.json", params={"view": "full"}).json()
    assert "scope" not in full and len(full["claims"]) > 50
    gexf = client.get("/network/allegations.gexf").content.decode("utf-8")
    assert "Armenia side (" in gexf
