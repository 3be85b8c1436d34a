"""conflictkg.network.drawing and render on a small hand-made view: pyvis builds the drawing, our
template renders it, nothing is fetched or written, labels stay text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyvis.network import Network as PyvisNetwork

from conflictkg.network.drawing import to_pyvis, view_options
from conflictkg.network.model import Claim, Edge, Network, Node, Style
from conflictkg.network.render import to_html

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
CLAUSE = "https://w3id.org/conflictkg/resource/agreement-tri2020-p4"


@pytest.fixture
def network() -> Network:
    nodes = {
        "a": Node("a", "agent", "Armenia", x=-10.5, y=3.0, degree=3),
        "b": Node("b", "agent", HOSTILE, x=20.0, y=-4.25, degree=3),
        "s": Node("s", "source", "A report", x=0.0, y=30.0, degree=0),
    }
    edges = [Edge("a", "b", "alleges breach", "ck:allegesBreachOf", [0, 1], CLAUSE, keyed=True),
             Edge("a", "b", "accuses", "ck:accusedParty"),
             Edge("b", "a", "accuses", "ck:accusedParty", [1])]
    claims = [Claim("c0", "claim 0", "2021-01-01", "st", "states", "a", [CLAUSE]),
              Claim("c1", "claim 1", None, "st", "states", "a")]
    styles = [Style("agent", "agent", "#d62728", "dot"), Style("source", "source document", "#8c564b", "box")]
    return Network("allegations", "Test view", "A view for tests", "neutral", {}, nodes, edges, claims, styles,
                   {CLAUSE: "Point 4"}, {"a": "Armenia"})


def _block(html: str) -> dict:
    match = re.search(r'<script id="ckg-data" type="application/json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_pyvis_holds_the_nodes_at_their_positions_with_physics_off(network):
    net = to_pyvis(network, {CLAUSE: "#1f77b4"})
    assert isinstance(net, PyvisNetwork) and net.directed and net.cdn_resources == "in_line"
    assert net.node_ids == ["a", "b", "s"]
    assert [(n["x"], n["y"]) for n in net.nodes] == [(-10.5, 3.0), (20.0, -4.25), (0.0, 30.0)]
    assert all(n["physics"] is False for n in net.nodes)
    assert [n["group"] for n in net.nodes] == ["agent", "agent", "source"]
    assert [n["shape"] for n in net.nodes] == ["dot", "dot", "box"]
    assert net.nodes[0]["size"] == pytest.approx(6 + 2 * 3 ** 0.5) and net.nodes[2]["size"] == 6
    assert net.nodes[1]["label"] == HOSTILE[:39] + "\u2026"  # cut to 40 characters, still plain text
    assert not any("title" in n for n in net.nodes)  # tooltips are built by the page, as DOM nodes
    assert net.heading == "Test view"


def test_pyvis_holds_the_edges_in_order_with_ids_widths_colours_and_bends(network):
    edges = to_pyvis(network, {CLAUSE: "#1f77b4"}).edges
    assert [(e["id"], e["from"], e["to"]) for e in edges] == [("e0", "a", "b"), ("e1", "a", "b"), ("e2", "b", "a")]
    assert [e["width"] for e in edges] == [pytest.approx(1 + 1.5 * 2 ** 0.5), 1, 1]
    assert edges[0]["color"]["color"] == "#1f77b4" and "color" not in edges[1]
    assert edges[0]["smooth"] is False and edges[1]["smooth"]["roundness"] == pytest.approx(0.15)
    assert edges[2]["smooth"] is False  # the other direction is not parallel
    assert all(e["arrows"] == "to" for e in edges)  # pyvis's directed network


def test_options_turn_physics_off_and_give_one_group_per_kind(network):
    net = to_pyvis(network, {CLAUSE: "#1f77b4"})
    assert net.options == view_options(network.styles, 3)  # set_options kept them as given
    assert net.options["physics"] == {"enabled": False}
    assert net.options["layout"] == {"improvedLayout": False}
    assert net.options["interaction"]["hideEdgesOnDrag"] is False
    assert view_options(network.styles, 1001)["interaction"]["hideEdgesOnDrag"] is True
    assert net.options["groups"]["source"]["font"]["color"] == "#ffffff"  # inside the box
    assert net.options["groups"]["agent"]["font"]["color"] == "#1d1d1f"  # under the dot


def test_page_carries_what_pyvis_generated_and_the_view(network):
    html = to_html(network, base_url="http://127.0.0.1:8000")
    block = _block(html)
    net = to_pyvis(network, {CLAUSE: "#1f77b4"})
    assert block["drawing"]["nodes"] == net.nodes and block["drawing"]["edges"] == net.edges
    assert json.loads(block["drawing"]["options"]) == net.options
    assert block["view"] == json.loads(json.dumps(network.to_json("http://127.0.0.1:8000")))
    assert "<h1 id=\"view-title\">Test view</h1>" in html  # pyvis's heading


def test_page_fetches_nothing_and_keeps_labels_text(network):
    html = to_html(network)
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", html, re.I)
    rest = re.sub(r'<script id="ckg-data".*?</script>|<script>/\*\*\s*\* vis-network.*?</script>', "", html, flags=re.S)
    assert not re.search(r"https?://", re.sub(r' value="[^"]*"', "", rest))  # filter choices are IRIs
    assert "bootstrap" not in html and "tom-select" not in html and "cdnjs" not in html
    assert HOSTILE not in html and "<img" not in html
    assert html.count("\n<script") == html.count("</script>") == 3
    assert HOSTILE in {n["label"] for n in _block(html)["view"]["nodes"]}


def test_rendering_writes_no_file(network, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """pyvis's write_html writes into the current directory (and a lib/ folder for local assets):
    the page is only generated, so nothing appears beside it."""
    monkeypatch.chdir(tmp_path)
    to_html(network)
    assert list(tmp_path.iterdir()) == []
