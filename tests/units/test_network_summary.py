"""The whole view's summary (one node per group) and its drill-downs, without a browser (#13, #14)."""

from __future__ import annotations

import json

import pytest

from conflictkg.network import ViewError, ViewRequest, build_network, network_view
from conflictkg.network.files import file_graph, write_graph
from conflictkg.network.model import Network
from conflictkg.network.summary import GROUP_ID, summary_view
from conflictkg.rdf.namespaces import CKR

SUMMARY = ViewRequest("whole", scope="summary")


@pytest.fixture(scope="module")
def full(staged, res) -> Network:
    return build_network(staged.store, res, ViewRequest("whole"))


@pytest.fixture(scope="module")
def summary(staged, res) -> Network:
    return network_view(staged.store, res, SUMMARY)


def test_group_counts_add_up_to_the_full_view(full, summary):
    groups = summary.groups
    assert sum(g["members"] for g in groups) == len(full.nodes)
    assert sum(e.count for e in summary.edges) + sum(g["inside"] for g in groups) == len(full.edges)
    assert len(summary.nodes) == len(groups) < 60 < len(full.nodes)
    assert all(node.members > 0 and node.iri.startswith(GROUP_ID) for node in summary.nodes.values())
    assert {(e.source, e.target) for e in summary.edges} == {(e.source, e.target) for e in summary.edges
                                                            if e.source != e.target}
    assert len({(e.source, e.target) for e in summary.edges}) == len(summary.edges)


def test_groups_by_kind_side_and_year(summary):
    keys = [g["key"] for g in summary.groups]
    assert keys[:3] == ["agreement", "clause", "norm"]
    assert {"side-armenia", "side-azerbaijan", "side-russia", "agent-outlets", "place"} <= set(keys)
    assert any(k.startswith("incident-20") for k in keys) and any(k.startswith("claim-20") for k in keys)
    labels = {g["key"]: g["label"] for g in summary.groups}
    assert labels["side-armenia"].startswith("Armenia side (")
    assert labels["agent-outlets"].startswith("news outlets (")
    clauses = next(g for g in summary.groups if g["key"] == "clause")
    assert clauses["label"] == f"clauses ({clauses['members']})" and clauses["href"] == "?group=clause"


def test_each_resource_is_in_the_group_it_belongs_to(staged, res, full):
    armenia = network_view(staged.store, res, ViewRequest("whole", scope="group", group="side-armenia"))
    azerbaijan = network_view(staged.store, res, ViewRequest("whole", scope="group", group="side-azerbaijan"))
    assert CKR + "agent-armenia" in armenia.nodes and CKR + "agent-az-mod" in azerbaijan.nodes
    def members(view: Network) -> set[str]:
        return {n for n in view.nodes if not n.startswith(GROUP_ID)}
    assert not members(armenia) & members(azerbaijan)


def test_the_summary_is_deterministic(staged, res, summary):
    again = network_view(staged.store, res, SUMMARY)
    assert json.dumps(again.to_json(), sort_keys=True) == json.dumps(summary.to_json(), sort_keys=True)
    assert write_graph(file_graph(again), "gexf") == write_graph(file_graph(summary), "gexf")


def test_the_summary_is_laid_out_in_columns(summary):
    columns = {node.kind: set() for node in summary.nodes.values()}
    for node in summary.nodes.values():
        if not node.iri.startswith(GROUP_ID + "source-undated"):  # the undated sources: a column of their own
            columns[node.kind].add(node.x)
    assert all(len(xs) == 1 for kind, xs in columns.items() if kind != "agent")  # one column per kind
    undated = {n.x for n in summary.nodes.values() if n.iri.startswith(GROUP_ID + "source-undated")}
    assert len(undated) == 1 and min(undated) > max(columns["source"])  # right of the dated sources
    assert len({node.x for node in summary.nodes.values()}) == 6


def test_a_long_name_is_wrapped_never_cut_and_the_rows_make_room_for_it(summary):
    from conflictkg.network.drawing import node_options

    nodes = list(summary.nodes.values())
    artsakh = next(n for n in nodes if n.iri == GROUP_ID + "side-artsakh")
    drawn = node_options(artsakh, "dot")["label"]
    assert len(artsakh.label) > 40 and drawn.replace("\n", " ") == artsakh.label and drawn.count("\n") >= 2
    column = sorted((n for n in nodes if n.x == artsakh.x), key=lambda n: n.y)
    below = column[column.index(artsakh) + 1]
    above = column[column.index(artsakh) - 1]
    assert below.y - artsakh.y > artsakh.y - above.y  # more room below a three-line label
    assert [n.short for n in nodes] == [str(g["number"]) for g in summary.groups]  # a phone's labels: the numbers


def test_drilling_down_keeps_the_members_links_and_counts_the_rest(staged, res, full, summary):
    clauses = next(g for g in summary.groups if g["key"] == "clause")
    view = network_view(staged.store, res, ViewRequest("whole", scope="group", group="clause"))
    members = {iri for iri in view.nodes if not iri.startswith(GROUP_ID)}
    assert len(members) == clauses["members"] and all(full.nodes[m].kind == "clause" for m in members)
    inner = [e for e in full.edges if e.source in members and e.target in members]
    crossing = [e for e in full.edges if (e.source in members) != (e.target in members)]
    assert len([e for e in view.edges if not e.count]) == len(inner) == clauses["inside"]
    assert sum(e.count for e in view.edges) == len(crossing) == clauses["links"] - clauses["inside"]
    assert view.params["group"] == ["clause"] and view.scope == "group"
    hrefs = {n["id"]: n["href"] for n in view.to_json()["nodes"]}
    assert all(hrefs[m].startswith("/resource/") for m in members)
    assert {hrefs[g] for g in view.nodes if g.startswith(GROUP_ID)} >= {"?group=norm"}


@pytest.mark.parametrize(("request_", "message"), [
    (ViewRequest("whole", scope="group", group="nope"), "the whole view has no group 'nope'"),
    (ViewRequest("incident", incident="ckr:incident-2022-03-24-parukh-farrukh", scope="summary"),
     "a summary applies to the whole, clause and allegation views"),
    (ViewRequest("whole", scope="group"), "a group is drilled down into"),
    (ViewRequest("whole", scope="sideways"), "unknown scope 'sideways'"),
])
def test_bad_scopes_and_groups_are_view_errors(staged, res, request_, message):
    with pytest.raises(ViewError, match=message) as caught:
        network_view(staged.store, res, request_)
    if request_.group == "nope":
        assert "side-armenia" in (caught.value.hint or "")


def test_summary_files_carry_members_and_weights(summary, full):
    graph = file_graph(summary)
    assert graph.graph["scope"] == "summary"
    assert sum(graph.nodes[n]["members"] for n in graph) == len(full.nodes)
    assert sum(d["weight"] for _u, _v, d in graph.edges(data=True)) == sum(e.count for e in summary.edges)
    for fmt in ("gexf", "graphml", "node-link"):
        body = write_graph(graph, fmt).decode("utf-8")
        assert "news outlets (" in body and "members" in body


def test_summary_view_refuses_the_full_scope_in_build_network(staged, res):
    with pytest.raises(ViewError, match="built by conflictkg.network.network_view"):
        build_network(staged.store, res, SUMMARY)
    assert summary_view(staged.store, res, SUMMARY).nodes  # not yet laid out, but grouped


def test_a_drilled_down_group_of_claims_numbers_its_links_claims_in_its_own_list(staged, res, summary):
    """A link between two members carries its claim by its place in the group's list of claims (it kept the
    whole view's: the page of a group of claims read past the end of its list and drew nothing, #13)."""
    key = max((g for g in summary.groups if g["kind"] == "claim"), key=lambda g: g["inside"])["key"]
    pages = summary_view(staged.store, res, ViewRequest("whole", scope="group", group=key)).paging["pages"]
    for page in range(1, pages + 1):  # a page of members with links between them (#13: a page at a time)
        view = network_view(staged.store, res, ViewRequest("whole", scope="group", group=key, page=page))
        carried = [(e, i) for e in view.edges for i in e.claims]
        if carried:
            break
    assert carried  # links between claims of one group, each carrying a claim
    for edge, i in carried:
        assert view.claims[i].iri in (edge.source, edge.target)
    members = {iri for iri, node in view.nodes.items() if not node.members}
    assert {c.iri for c in view.claims} == {iri for iri in members if view.nodes[iri].kind == "claim"}
    assert all(view.nodes[iri].claims and view.claims[view.nodes[iri].claims[0]].iri == iri
               for iri in members if view.nodes[iri].kind == "claim")


def test_a_drilled_down_group_is_numbered_and_laid_out_on_a_grid_with_room_for_its_labels(staged, res):
    """Members numbered 1, 2, … in the order of their labels, the other groups G and their number; on the
    grid no two nodes share a place, and each row leaves room for the wrapped labels above it (#13)."""
    from conflictkg.network.graphs import CELL_WIDTH, GRID_COLUMNS, LABEL_LINE
    from conflictkg.network.model import node_size, wrap_label

    view = network_view(staged.store, res, ViewRequest("whole", scope="group", group="clause"))
    members = [node for node in view.nodes.values() if not node.members]
    assert [m.short for m in members] == [str(n) for n in range(1, len(members) + 1)]
    assert [m.label.casefold() for m in members] == sorted(m.label.casefold() for m in members)
    groups = [node for node in view.nodes.values() if node.members]
    assert groups and all(g.short and g.short.startswith("G") for g in groups)
    places = {(n.x, n.y) for n in view.nodes.values()}
    assert len(places) == len(view.nodes)
    columns = sorted({n.x for n in view.nodes.values()})
    assert len(columns) == GRID_COLUMNS and {b - a for a, b in zip(columns, columns[1:])} == {CELL_WIDTH}
    rows = sorted({n.y for n in view.nodes.values()})
    for upper, lower in zip(rows, rows[1:]):
        above = [n for n in view.nodes.values() if n.y == upper]
        below = [n for n in view.nodes.values() if n.y == lower]
        label_bottom = max(upper + node_size(n) + LABEL_LINE * (wrap_label(n.label).count("\n") + 1) for n in above)
        assert label_bottom <= lower - max(node_size(n) for n in below), (upper, lower)
