"""The network pages in a real browser: open, filter, search, switch names, click through, stay inert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conflictkg.rdf.namespaces import CKR, PREFIXES
from conflictkg.store import directory as storedir

from ..conftest import run_cli

pytestmark = pytest.mark.browser

READY = "() => window.ckgNetwork !== undefined && window.ckgNetwork.ready === true"
PARUKH_INCIDENT = "ckr:incident-2022-03-24-parukh-farrukh"
PARUKH = CKR + "place-parukh-farrukh"
VIEW_PATHS = {
    "allegations": "/network/allegations",
    "clause": "/network/clause?clause=6",
    "incident": f"/network/incident?incident={PARUKH_INCIDENT}",
    "whole": "/network/whole?view=full",
    "summary": "/network/whole",
    "group": "/network/whole?group=clause",
}


def open_view(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function(READY, timeout=120_000)


def visible_counts(page: Any) -> tuple[int, int]:
    nodes, edges = page.evaluate("() => [ckgNetwork.nodes.get({filter: n => !n.hidden}).length,"
                                 " ckgNetwork.edges.get({filter: e => !e.hidden}).length]")
    return nodes, edges


def shown_counts(page: Any) -> tuple[int, int]:
    return int(page.text_content("#count-nodes")), int(page.text_content("#count-edges"))


def node_point(page: Any, iri: str) -> tuple[float, float]:
    """Zoom onto the node and return its centre in page coordinates."""
    x, y = page.evaluate("""(id) => {
        const n = ckgNetwork.network;
        n.moveTo({position: n.getPosition(id), scale: 2.5, animation: false});
        const p = n.canvasToDOM(n.getPosition(id));
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", iri)
    page.wait_for_timeout(100)
    return x, y


def twin(page: Any, base: str, path: str) -> dict[str, Any]:
    path, _, query = path.partition("?")
    response = page.request.get(f"{base}{path}.json" + (f"?{query}" if query else ""))
    assert response.ok
    return response.json()  # type: ignore[no-any-return]


def expected_visible(data: dict[str, Any], *, since: str = "", until: str = "", clause: str = "",
                     claimant: str = "", stance: str = "") -> tuple[int, int]:
    """The documented filter rule, computed from the JSON twin."""
    def passes(claim: dict[str, Any], any_clause: bool = False) -> bool:
        if (since or until) and (not claim["date"] or (since and claim["date"] < since)
                                 or (until and claim["date"] > until)):
            return False
        if (claimant and claim["claimant"] != claimant) or (stance and claim["stance"] != stance):
            return False
        return any_clause or _clause_ok(claim["clauses"], clause)

    hidden = {n["id"] for n in data["nodes"] if n["claims"] and not any(passes(data["claims"][i]) for i in n["claims"])}
    shown_edges = []
    for e in data["edges"]:
        if e["keyed"]:
            live = [i for i in e["claims"] if passes(data["claims"][i], True)] if _clause_ok(
                [e["clause"]] if e["clause"] else [], clause) else []
        else:
            live = [i for i in e["claims"] if passes(data["claims"][i])]
        if not (e["claims"] and not live) and e["from"] not in hidden and e["to"] not in hidden:
            shown_edges.append(e)
    linked = {e["from"] for e in shown_edges} | {e["to"] for e in shown_edges}
    ever_linked = {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]}
    nodes = [n for n in data["nodes"] if n["id"] not in hidden and (n["id"] in linked or n["id"] not in ever_linked)]
    return len(nodes), len(shown_edges)


def _clause_ok(clauses: list[str], wanted: str) -> bool:
    return wanted == "" or (not clauses if wanted == "none" else wanted in clauses)


def test_the_list_of_views_links_every_view(page: Any, live_server: str, built_store: Path) -> None:
    store = storedir.open_store(built_store)
    incidents = store.query("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { GRAPH ?g { ?i a ck:Incident } }",
                            prefixes=PREFIXES).rows[0][0]
    page.goto(f"{live_server}/network")
    headings = page.locator("h2").all_text_contents()
    assert headings == ["Allegation network", "Clause view", "Incident view", "Whole graph"]
    assert page.locator("#view-clause li").count() == 9
    assert page.locator("#view-incident li").count() == int(incidents.value) > 30
    page.click("#view-allegations a >> nth=0")
    page.wait_for_function(READY, timeout=120_000)
    assert page.url == f"{live_server}/network/allegations"


@pytest.mark.parametrize("view", list(VIEW_PATHS))
def test_each_view_draws_its_json_twin(page: Any, live_server: str, view: str) -> None:
    data = twin(page, live_server, VIEW_PATHS[view])
    open_view(page, live_server + VIEW_PATHS[view])
    assert visible_counts(page) == (len(data["nodes"]), len(data["edges"])) == shown_counts(page)
    assert len(data["nodes"]) > 10
    legend = page.locator("#legend li[data-kind]").evaluate_all("items => items.map(i => i.dataset.kind)")
    assert sorted(legend) == sorted({n["kind"] for n in data["nodes"]})
    physics = page.evaluate("() => ckgNetwork.network.physics.options.enabled")
    assert physics is False


def test_time_range_filter(page: Any, live_server: str) -> None:
    data = twin(page, live_server, VIEW_PATHS["allegations"])
    open_view(page, live_server + VIEW_PATHS["allegations"])
    before = visible_counts(page)
    page.fill("#filter-from", "2022-03-01")
    page.fill("#filter-to", "2022-03-31")
    page.dispatch_event("#filter-to", "change")
    after = visible_counts(page)
    assert after == expected_visible(data, since="2022-03-01", until="2022-03-31") == shown_counts(page)
    assert 0 < after[1] < before[1]
    page.click("#filter-reset")
    assert visible_counts(page) == before


def test_clause_filter_keeps_the_edges_of_that_clause(page: Any, live_server: str) -> None:
    data = twin(page, live_server, VIEW_PATHS["allegations"])
    open_view(page, live_server + VIEW_PATHS["allegations"])
    point_4 = CKR + "agreement-tri2020-p4"
    page.select_option("#filter-clause", point_4)
    shown = page.evaluate("() => ckgNetwork.edges.get({filter: e => !e.hidden}).map(e => e.id)")
    expected = [e["id"] for e in data["edges"] if e["clause"] == point_4]
    assert sorted(shown) == sorted(expected) and expected
    assert visible_counts(page) == expected_visible(data, clause=point_4)


@pytest.mark.parametrize(("view", "control", "value"), [
    ("incident", "#filter-stance", "https://w3id.org/conflictkg/vocab/stance-denies"),
    ("clause", "#filter-claimant", CKR + "agent-am-mfa"),
    ("whole", "#filter-stance", "https://w3id.org/conflictkg/vocab/stance-calls-on"),
])
def test_claimant_and_stance_filters(page: Any, live_server: str, view: str, control: str, value: str) -> None:
    data = twin(page, live_server, VIEW_PATHS[view])
    open_view(page, live_server + VIEW_PATHS[view])
    before = visible_counts(page)
    page.select_option(control, value)
    after = visible_counts(page)
    kwargs = {"stance": value} if "stance" in control else {"claimant": value}
    assert after == expected_visible(data, **kwargs) == shown_counts(page)
    assert after[0] < before[0] and after[1] < before[1]


@pytest.mark.parametrize("name", ["Fərrux", "Փառուխ", "FARUKH", "ferrux"])
def test_search_by_any_name_selects_the_place(page: Any, live_server: str, name: str) -> None:
    open_view(page, live_server + VIEW_PATHS["incident"])
    page.fill("#search", name)
    assert page.evaluate("() => ckgNetwork.network.getSelectedNodes()") == [PARUKH]
    assert "match" in page.text_content("#search-status")
    assert "Parukh / Farrukh" in page.text_content("#details-body")


def test_edge_labels_box_shows_and_hides_the_labels(page: Any, live_server: str) -> None:
    """pyvis's edges carry no label; the box adds each edge's label (and its number of claims)."""
    data = twin(page, live_server, VIEW_PATHS["allegations"])
    open_view(page, live_server + VIEW_PATHS["allegations"])
    labels = "() => ckgNetwork.edges.get().map(e => e.label || '')"
    assert set(page.evaluate(labels)) == {""}
    page.check("#edge-labels")
    shown = page.evaluate(labels)
    assert len(shown) == len(data["edges"])
    for text, edge in zip(shown, data["edges"], strict=True):
        assert text.endswith(f" ({len(edge['claims'])})") and edge["label"].startswith(text.split(" (")[0].rstrip("…"))
    page.uncheck("#edge-labels")
    assert set(page.evaluate(labels)) == {""}


def test_clicking_a_node_opens_its_page(page: Any, live_server: str) -> None:
    open_view(page, live_server + VIEW_PATHS["allegations"])
    page.mouse.click(*node_point(page, CKR + "agent-azerbaijan"))
    page.wait_for_url(f"{live_server}/resource/agent-azerbaijan", timeout=60_000)
    assert page.text_content("h1") == "Azerbaijan"


def test_hovering_shows_tooltip_and_details_with_source_links(page: Any, live_server: str) -> None:
    open_view(page, live_server + VIEW_PATHS["incident"])
    claim = CKR + "claim-ru-mod-2022-03-26-bulletin"
    page.mouse.move(*node_point(page, claim))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    label = page.evaluate("(id) => ckgNetwork.nodes.get(id).title.querySelector('strong').textContent", claim)
    assert label.startswith("Russian MoD bulletin, 26 March 2022")
    assert label in tooltip.text_content()
    assert label in page.text_content("#details-body")
    links = page.locator("#details-body a").evaluate_all("links => links.map(a => a.href)")
    assert any(h.startswith(f"{live_server}/resource/claim-ru-mod-2022-03-26-bulletin") for h in links)
    assert any(h.startswith("https://") for h in links)


def test_switching_names_changes_the_place_label(page: Any, live_server: str) -> None:
    open_view(page, live_server + VIEW_PATHS["incident"])
    label = "(id) => ckgNetwork.nodes.get(id).label"
    assert page.evaluate(label, PARUKH) == "Parukh / Farrukh"
    with page.expect_navigation():
        page.select_option("#names-switch", "azerbaijani")  # the site header's switch
    page.wait_for_function(READY, timeout=120_000)
    assert "names=azerbaijani" in page.url
    assert page.evaluate(label, PARUKH) == "Farrukh"
    with page.expect_navigation():
        page.select_option("#names-switch", "armenian")  # the site header's switch
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate(label, PARUKH) == "Parukh"


HOSTILE_AGENT = CKR + "agent-hostile"
HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


def assert_inert(page: Any) -> None:
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("img, iframe, #panel svg, #panel b, #details-body a[href^=javascript]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0


@pytest.mark.parametrize("path", ["/network/allegations", "/network/whole?view=full&names=azerbaijani",
                                  "/network/incident?incident=ckr:incident-hostile", "/network/clause?clause=1"])
def test_hostile_labels_are_shown_as_text(page: Any, hostile_server: str, path: str) -> None:
    open_view(page, hostile_server + path)
    assert_inert(page)
    page.fill("#search", "window __pwned")
    assert page.locator("#search-results li").count() >= 1
    page.mouse.move(*node_point(page, HOSTILE_AGENT))
    page.locator("div.vis-tooltip").wait_for(state="visible", timeout=10_000)
    shown = page.text_content("#details-body")
    assert HOSTILE_LABEL in shown or '<b onmouseover="window.__pwned=1">bold</b>' in shown
    assert_inert(page)


def test_hostile_labels_in_the_offline_file(page: Any, hostile_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "whole.html"
    proc = run_cli("viz", "whole", "-o", str(out), store=hostile_store)
    assert proc.returncode == 0, proc.stderr
    open_view(page, out.as_uri())
    assert_inert(page)
    page.fill("#search", "img src")
    assert page.evaluate("() => ckgNetwork.network.getSelectedNodes()") == [HOSTILE_AGENT]
    assert HOSTILE_LABEL in page.text_content("#details-body")
    source = page.locator("#details-body a")
    assert source.count() == 0 or all(h.startswith("http") for h in source.evaluate_all("a => a.map(x => x.href)"))
    assert_inert(page)


def test_offline_file_opens_pages_on_the_base_url(page: Any, built_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "incident.html"
    proc = run_cli("viz", "incident", "--incident", PARUKH_INCIDENT, "--names", "russian",
                   "--base-url", "http://127.0.0.1:9", "-o", str(out), store=built_store)
    assert proc.returncode == 0, proc.stderr
    open_view(page, out.as_uri())
    assert page.evaluate("(id) => ckgNetwork.nodes.get(id).label", PARUKH) == "Farukh"
    page.route("http://127.0.0.1:9/**", lambda route: route.fulfill(body="<h1>stub</h1>", content_type="text/html"))
    page.mouse.click(*node_point(page, PARUKH))
    page.wait_for_url("http://127.0.0.1:9/resource/place-parukh-farrukh", timeout=60_000)


def test_png_button_saves_the_drawing_as_a_png_without_a_request(page: Any, live_server: str) -> None:
    open_view(page, live_server + VIEW_PATHS["clause"])
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    with page.expect_download() as info:
        page.click("#export-png")
    download = info.value
    assert download.url.startswith("data:image/png;base64,")
    assert download.suggested_filename == "network-clause-6.png"
    assert Path(download.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [url for url in asked if not url.startswith("data:")] == []


DRAWN_LABELS = "() => ckgNetwork.labels()"


def most_connected(data: dict[str, Any]) -> str:
    """The view's most connected node (ties: the smaller id), as the page ranks labels."""
    return min(data["nodes"], key=lambda node: (-node["degree"], node["id"]))["id"]  # type: ignore[no-any-return]


def assert_labels_fit(drawn: dict[str, Any]) -> None:
    """Every drawn label lies inside the canvas, no two overlap, and they read at 11 px or more."""
    assert drawn["boxes"], "no label drawn"
    assert drawn["fontPx"] >= 11
    for box in drawn["boxes"]:
        assert box["left"] >= 0 and box["top"] >= 0, box
        assert box["right"] <= drawn["width"] and box["bottom"] <= drawn["height"], (box, drawn)
    boxes = drawn["boxes"]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            side = a["right"] <= b["left"] or b["right"] <= a["left"]
            assert side or a["bottom"] <= b["top"] or b["bottom"] <= a["top"], (a, b)


@pytest.mark.parametrize("view", ["allegations", "whole"])
def test_first_view_labels_readable_and_not_cut(live_server: str, page: Any, view: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    open_view(page, live_server + VIEW_PATHS[view])
    drawn = page.evaluate(DRAWN_LABELS)
    assert_labels_fit(drawn)
    assert most_connected(twin(page, live_server, VIEW_PATHS[view])) in {box["id"] for box in drawn["boxes"]}
    assert len(drawn["boxes"]) >= 10  # a summary of names, not one or two


def test_labels_not_cut_on_a_phone(live_server: str, page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, live_server + VIEW_PATHS["allegations"])
    assert_labels_fit(page.evaluate(DRAWN_LABELS))


def test_zooming_in_draws_more_labels(live_server: str, page: Any) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    open_view(page, live_server + VIEW_PATHS["allegations"])
    before = {box["id"] for box in page.evaluate(DRAWN_LABELS)["boxes"]}
    hidden = sorted(set(page.evaluate("() => ckgNetwork.nodes.getIds()")) - before)
    assert hidden, "every label was drawn before zooming in"
    # zoom in 3x on a node whose label was hidden (about the canvas's centre, the labels there may all be drawn)
    page.evaluate("(id) => { const n = ckgNetwork.network; n.focus(id, {scale: n.getScale() * 3, animation: false});"
                  " n.emit('zoom', {}); }", hidden[0])
    page.wait_for_timeout(400)
    after = page.evaluate(DRAWN_LABELS)
    assert_labels_fit(after)
    assert {box["id"] for box in after["boxes"]} - before, "zooming in drew no label that was hidden"
