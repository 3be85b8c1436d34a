"""Network views without a browser: what each view holds, measures, layout, HTML, errors, CLI, web routes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conflictkg.build import stage
from conflictkg.naming import Perspective
from conflictkg.network import ViewError, ViewRequest, network_view
from conflictkg.network.graphs import measures, to_graph
from conflictkg.network.data import Statement
from conflictkg.network.model import Network
from conflictkg.network.views import centred_context
from conflictkg.network.render import to_html
from conflictkg.rdf.io import SourceFile
from conflictkg.rdf.namespaces import CKR, GRAPH_ONTOLOGY, GRAPH_VOCAB, PREFIXES
from conflictkg.settings import Settings
from conflictkg.store import Store

from tests.conftest import REPO, run_cli

PARUKH_INCIDENT = CKR + "incident-2022-03-24-parukh-farrukh"
PARUKH = CKR + "place-parukh-farrukh"
HOSTILE_TRIG = REPO / "tests" / "fixtures" / "network" / "hostile.trig"
HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


def count(store: Store, sparql: str) -> int:
    return int(store.query(sparql, prefixes=PREFIXES).rows[0][0].value)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def views(staged, res) -> dict[str, Network]:
    requests = {"allegations": ViewRequest("allegations"), "clause": ViewRequest("clause", (6,)),
                "incident": ViewRequest("incident", incident="ckr:incident-2022-03-24-parukh-farrukh"),
                "whole": ViewRequest("whole")}
    return {name: network_view(staged.store, res, request) for name, request in requests.items()}


@pytest.fixture(scope="module")
def hostile(res) -> Store:
    files = [SourceFile(p, GRAPH_ONTOLOGY) for p in res.ontology_files()]
    files += [SourceFile(p, GRAPH_VOCAB) for p in res.vocab_files()]
    return stage([*files, SourceFile(HOSTILE_TRIG)]).store


def test_allegation_edges_are_claimant_accused_clause_weighted_by_claims(views, staged):
    network = views["allegations"]
    keys = [(e.source, e.target, e.clause or e.relation) for e in network.edges]
    assert len(keys) == len(set(keys))
    assert {network.nodes[e.source].kind for e in network.edges} == {"agent"}
    point_4 = CKR + "agreement-tri2020-p4"
    (edge,) = [e for e in network.edges if (e.source, e.target, e.clause) == (
        CKR + "agent-az-mod", CKR + "agent-armenia", point_4)]
    expected = count(staged.store, """SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ckg:claims {
        ?c ck:claimant ckr:agent-az-mod ; ck:accusedParty ckr:agent-armenia ; ck:allegesBreachOf|ck:impliedBreachOf ?p }
        GRAPH ckg:reference { ckr:agreement-tri2020-p4 ck:imposes? ?p } }""")
    assert edge.weight == len(edge.claims) == expected > 1
    assert all(network.claims[i].claimant == CKR + "agent-az-mod" for i in edge.claims)


def test_clause_view_holds_the_clause_its_norms_and_the_claims_alleging_its_breach(views, staged):
    network = views["clause"]
    norms = {r[0].value for r in staged.store.query(
        "SELECT ?n WHERE { GRAPH ckg:reference { ckr:agreement-tri2020-p6 ck:imposes ?n } }", prefixes=PREFIXES).rows}
    claims = {r[0].value for r in staged.store.query("""SELECT DISTINCT ?c WHERE {
        GRAPH ckg:reference { ckr:agreement-tri2020-p6 ck:imposes? ?p }
        GRAPH ckg:claims { ?c ck:allegesBreachOf|ck:impliedBreachOf ?p } }""",
        prefixes=PREFIXES).rows}
    assert norms and claims
    assert {CKR + "agreement-tri2020-p6", *norms, *claims} <= set(network.nodes)
    assert {c.iri for c in network.claims} == claims
    assert {n.kind for n in network.nodes.values()} == {"agreement", "clause", "norm", "claim", "agent", "incident"}
    assert network.title.startswith("Clause view: Point 6")


def test_incident_view_holds_claims_events_places_and_sources(views, staged):
    network = views["incident"]
    claims = count(staged.store, "SELECT (COUNT(?c) AS ?n) WHERE { GRAPH ckg:claims { ?c ck:aboutIncident "
                                 "ckr:incident-2022-03-24-parukh-farrukh } }")
    assert len(network.claims) == claims > 10
    assert {n.kind for n in network.nodes.values()} == {"incident", "claim", "agent", "source", "event", "place"}
    assert PARUKH in network.nodes
    place = network.nodes[PARUKH]
    assert {"Fərrux", "Փառուխ", "Farukh"} <= set(place.names)
    assert {"ferrux", "farrux", "փառուխ", "farukh"} <= set(place.keys)


def test_whole_view_is_bounded_and_keeps_claim_content_out(views, staged):
    network = views["whole"]
    kinds = {n.kind for n in network.nodes.values()}
    assert kinds == {"agreement", "clause", "norm", "agent", "place", "incident", "claim", "source"}
    assert 300 < len(network.nodes) < 5000
    claims = count(staged.store, "SELECT (COUNT(?c) AS ?n) WHERE { GRAPH ckg:claims { ?c a ck:Claim } }")
    assert len(network.claims) == claims


def test_perspective_changes_the_place_label(staged, res):
    labels = {p: network_view(staged.store, res, ViewRequest("incident", incident=PARUKH_INCIDENT, perspective=p))
              .nodes[PARUKH].label for p in Perspective}
    assert labels == {Perspective.NEUTRAL: "Parukh / Farrukh", Perspective.ARMENIAN: "Parukh",
                      Perspective.AZERBAIJANI: "Farrukh", Perspective.RUSSIAN: "Farukh"}


@pytest.mark.parametrize("view", ["allegations", "clause", "incident", "whole"])
def test_degree_and_betweenness(views, view):
    network = views[view]
    for iri, node in network.nodes.items():
        assert node.degree == sum((e.source == iri) + (e.target == iri) for e in network.edges)
        assert 0.0 <= node.betweenness <= 1.0
        if node.degree == 1:
            assert node.betweenness == 0.0
    assert max(n.betweenness for n in network.nodes.values()) > 0.1


def test_measures_on_a_known_graph():
    network = Network("whole", "t", "d", "neutral", {}, {}, [], [], [], {}, {})
    from conflictkg.network.model import Edge, Node

    for iri in "abcd":
        network.nodes[iri] = Node(iri, "agent", iri)
    network.edges = [Edge("a", "b", "x", "x"), Edge("b", "c", "x", "x"), Edge("c", "d", "x", "x"),
                     Edge("a", "b", "y", "y")]
    degree, between = measures(to_graph(network))
    assert degree == {"a": 2, "b": 3, "c": 2, "d": 1}
    assert between == {"a": 0.0, "b": pytest.approx(2 / 3, abs=1e-4), "c": pytest.approx(2 / 3, abs=1e-4), "d": 0.0}


def test_same_data_same_html(staged, res):
    request = ViewRequest("clause", (6, 8))
    first = to_html(network_view(staged.store, res, request), base_url="http://127.0.0.1:8000")
    second = to_html(network_view(staged.store, res, request), base_url="http://127.0.0.1:8000")
    assert first == second
    positions = {n["id"]: (n["x"], n["y"]) for n in _data(first)["nodes"]}
    assert len(set(positions.values())) == len(positions) > 20


def _block(html: str) -> dict[str, Any]:
    """The page's one JSON block: ``{"view": <the JSON twin's data>, "drawing": <pyvis's nodes, edges, options>}``."""
    match = re.search(r'<script id="ckg-data" type="application/json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def _data(html: str) -> dict[str, Any]:
    return _block(html)["view"]  # type: ignore[no-any-return]


def _without_data_and_vis(html: str) -> str:
    html = re.sub(r'<script id="ckg-data" type="application/json">.*?</script>', "", html, flags=re.S)
    html = re.sub(r"<script>/\*\*\s*\* vis-network.*?</script>", "", html, flags=re.S)
    return re.sub(r' value="[^"]*"', "", html)  # filter choices are IRIs: identifiers, not references


@pytest.mark.parametrize("view", ["allegations", "incident"])
def test_html_is_self_contained(views, view):
    html = to_html(views[view], base_url="http://127.0.0.1:8000")
    assert not re.search(r"<script[^>]*\bsrc=|<link\b|@import|url\(\s*['\"]?(https?:)?//", html, re.I)
    assert html.count("\n<script") == html.count("</script>") == 3
    assert "sourceMappingURL" not in html
    rest = _without_data_and_vis(html)
    assert "@license" not in rest and 'id="ckg-data"' not in rest and "vis-overlay" in rest  # vis CSS stays
    assert "http://" not in rest and "https://" not in rest
    assert "@license" in html and "vis.js is dual licensed" in html and "@version 9.1.2" in html
    data = _data(html)
    assert all(n["href"] is None or n["href"].startswith("http://127.0.0.1:8000/resource/") for n in data["nodes"])


@pytest.mark.parametrize("view", ["allegations", "clause", "incident", "whole"])
def test_html_draws_with_pyvis_what_the_json_twin_holds(views, view):
    """The drawing in the page is pyvis's: one node per node of the twin at its position, physics
    off, one edge per edge of the twin with the same id and ends."""
    network = views[view]
    block = _block(to_html(network))
    twin = network.to_json()
    drawing = block["drawing"]
    assert block["view"] == json.loads(json.dumps(twin))
    assert [(n["id"], n["x"], n["y"]) for n in drawing["nodes"]] == [(n["id"], n["x"], n["y"]) for n in twin["nodes"]]
    assert all(n["physics"] is False and n["group"] == t["kind"] for n, t in zip(drawing["nodes"], twin["nodes"]))
    assert [(e["id"], e["from"], e["to"]) for e in drawing["edges"]] == [(e["id"], e["from"], e["to"])
                                                                         for e in twin["edges"]]
    options = json.loads(drawing["options"])
    assert options["physics"] == {"enabled": False}
    assert {n["kind"] for n in twin["nodes"]} <= set(options["groups"])


def test_hostile_labels_are_escaped(hostile, res):
    network = network_view(hostile, res, ViewRequest("whole"))
    assert network.nodes[CKR + "agent-hostile"].label == HOSTILE_LABEL
    html = to_html(network)
    assert HOSTILE_LABEL not in html and "<img" not in html and "<iframe" not in html and "<svg" not in html
    assert html.count("\n<script") == html.count("</script>") == 3
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1" in html  # the clause's label in the filter's options
    data = _data(html)
    assert HOSTILE_LABEL in {n["label"] for n in data["nodes"]}
    drawn = next(n for n in _block(html)["drawing"]["nodes"] if n["id"] == CKR + "agent-hostile")
    assert drawn["label"] == HOSTILE_LABEL[:39] + "\u2026" and "title" not in drawn  # text; the page adds titles
    source = next(n for n in data["nodes"] if n["id"] == CKR + "source-hostile")
    assert source["url"] is None
    assert data["claims"][0]["sources"] == ["https://example.org/news/1"]


HOSTILE_NORM = "Norm <svg onload=window.__pwned=1> & </script><script>window.__pwned=1</script>"


def test_a_status_claim_is_named_from_its_claimant_and_norm_and_escaped(hostile, res):
    """A status assessment is named "claimant, date: status — norm" from the labels of its claimant and
    norm (#13), never its curator's label; hostile labels in that name stay text in the page."""
    network = network_view(hostile, res, ViewRequest("whole"))
    named = network.nodes[CKR + "claim-status-hostile"]
    assert named.label == f"{HOSTILE_LABEL}, 27 March 2022: not fulfilled — {HOSTILE_NORM}"
    assert "Status of norm-hostile according to agent-hostile" not in named.names
    html = to_html(network)
    assert "Status of norm-hostile" not in html and "<svg" not in html and HOSTILE_NORM not in html
    assert html.count("\n<script") == html.count("</script>") == 3
    assert named.label in {n["label"] for n in _data(html)["nodes"]}
    azerbaijani = network_view(hostile, res, ViewRequest("whole", perspective=Perspective.AZERBAIJANI))
    claimant = azerbaijani.nodes[CKR + "agent-hostile"].label  # the claimant as this perspective names it
    assert azerbaijani.nodes[CKR + "claim-status-hostile"].label.startswith(f"{claimant}, 27 March 2022: ")


def test_a_status_claim_in_a_part_of_the_graph_is_named_as_in_the_whole(hostile, res):
    """A clause or incident view reads its tables for its part alone (``centred_context``); a status claim
    among them is named there as in the whole view (#13), not by its curator's label."""
    claim, claimant = CKR + "claim-status-hostile", CKR + "agent-hostile"
    found = [Statement(claim, "https://w3id.org/conflictkg/ontology#claimant", claimant, "claimant")]
    ctx = centred_context(hostile, res, ViewRequest("incident"), None, found, ())
    assert ctx.label(claim) == f"{HOSTILE_LABEL}, 27 March 2022: not fulfilled — {HOSTILE_NORM}"
    assert ctx.named == frozenset({claim})


@pytest.mark.parametrize(("request_", "message", "hint"), [
    (ViewRequest("nope"), "unknown network view 'nope'", "views: allegations, clause, incident, whole"),
    (ViewRequest("clause", (12,)), "the statement has no clause 12", "6 (Point 6 — Kalbajar/Kelbajar"),
    (ViewRequest("clause"), "needs at least one clause number", "1 (Point 1 — ceasefire)"),
    (ViewRequest("incident", incident="ckr:incident-nowhere"), "no incident 'ckr:incident-nowhere'",
     "ckr:incident-2022-03-24-parukh-farrukh"),
    (ViewRequest("allegations", (6,)), "clause numbers apply to the clause view", None),
])
def test_unknown_views_clauses_and_incidents(staged, res, request_, message, hint):
    with pytest.raises(ViewError) as caught:
        network_view(staged.store, res, request_)
    assert message in caught.value.message
    if hint:
        assert hint in (caught.value.hint or "")


def test_viz_writes_one_offline_file(built_store: Path, tmp_path: Path):
    out = tmp_path / "clause.html"
    proc = run_cli("viz", "clause", "--clause", "6", "--clause", "8", "--names", "armenian", "-o", str(out),
                   store=built_store, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["clause.html"]  # no lib/ folder, nothing else written
    assert f"to {out}" in proc.stderr
    html = out.read_text(encoding="utf-8")
    data = _data(html)
    assert data["params"] == {"clause": ["6", "8"], "names": ["armenian"]}
    assert "Point 6" in data["title"] and "Point 8" in data["title"]
    assert {n["href"] for n in data["nodes"]} >= {"http://127.0.0.1:8000/resource/agreement-tri2020-p8"}


@pytest.mark.parametrize(("args", "expected"), [
    (("viz", "galaxy", "-o", "x.html"), "unknown network view 'galaxy'"),
    (("viz", "clause", "--clause", "10", "-o", "x.html"), "the statement has no clause 10"),
    (("viz", "incident", "--incident", "ckr:nothing", "-o", "x.html"), "no incident 'ckr:nothing'"),
])
def test_viz_errors_say_what_exists(built_store: Path, tmp_path: Path, args, expected):
    proc = run_cli(*args, store=built_store, cwd=tmp_path)
    assert proc.returncode == 1
    assert expected in proc.stderr
    assert "Hint:" in proc.stderr
    assert not (tmp_path / "x.html").exists()


@pytest.fixture(scope="module")
def client(staged, res, tmp_path_factory):
    from starlette.testclient import TestClient

    from conflictkg.web import create_app

    app = create_app(staged.store, Settings(store_dir=tmp_path_factory.mktemp("unused")), resources=res)
    return TestClient(app)


def test_web_views_and_json_twins(client):
    index = client.get("/network")
    assert index.status_code == 200
    assert index.text.count('href="/network/clause?clause=') == 9
    twin = client.get("/network/incident.json", params={"incident": "ckr:incident-2022-03-24-parukh-farrukh",
                                                        "names": "russian"})
    assert twin.status_code == 200 and twin.json()["ok"] is True
    nodes = {n["id"]: n for n in twin.json()["nodes"]}
    assert nodes[PARUKH]["label"] == "Farukh"
    assert nodes[PARUKH]["href"] == "/resource/place-parukh-farrukh"
    page = client.get("/network/clause", params=[("clause", "6"), ("clause", "9")])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    # the site's naming switch keeps the view's clauses (a form with them as hidden fields)
    assert '<select name="names" id="names-switch"' in page.text
    assert page.text.count('<input type="hidden" name="clause" value="6">') == 1
    assert page.text.count('<input type="hidden" name="clause" value="9">') == 1


@pytest.mark.parametrize(("path", "status", "text"), [
    ("/network/nope.json", 404, "unknown network view 'nope'"),
    ("/network/clause.json?clause=x", 400, "clause must be a whole number"),
    ("/network/clause.json?clause=99", 404, "the statement has no clause 99"),
])
def test_web_errors_as_json(client, path, status, text):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["ok"] is False and text in response.json()["error"]


def test_web_error_pages_escape_what_was_asked(client):
    response = client.get("/network/incident", params={"incident": "<script>alert(1)</script>"})
    assert response.status_code == 404
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text


def test_vis_network_is_inlined_as_shipped_by_pyvis():
    import importlib.util

    from conflictkg.network.render import vis_assets

    script, style = vis_assets()
    spec = importlib.util.find_spec("pyvis")
    assert spec is not None and spec.origin is not None
    lib = Path(spec.origin).parent / "templates" / "lib" / "vis-9.1.2"
    shipped = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    assert script.rstrip() == shipped.replace("//# sourceMappingURL=vis-network.min.js.map", "").rstrip()
    assert style == (lib / "vis-network.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted((REPO / "queries" / "views").glob("*.rq")), ids=lambda p: p.stem)
def test_view_queries_are_documented_and_answer_their_examples(staged, path):
    from conflictkg.sparql.queries import example_params, load_query, run

    query = load_query(path)
    assert query.title and query.description and "network" in query.tags
    assert all(p.example for p in query.params.values())
    columns = query.description.split("Columns:")[1].strip().rstrip(".").split(", ")
    result = run(staged.store, query, example_params(query))
    assert result.variables == columns
    assert len(result.rows) > 0
