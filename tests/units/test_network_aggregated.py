"""A large clause or allegation view opens on its summary, with groups to drill down into, as the whole view
does; a small one opens whole, as before (#14)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from conflictkg.naming import Gazetteer
from conflictkg.network import ViewError, ViewRequest, build_network, network_view, view_choices, views
from conflictkg.network.data import drawable_nodes
from conflictkg.network.summary import GROUP_ID
from conflictkg.rdf.namespaces import compact_iri

from .test_network_bounded import WHOLE_QUESTIONS, Recording

#: The shipped data's clause views (all of them) and its allegation view.
SMALL = [ViewRequest("allegations")] + [ViewRequest("clause", (n,)) for n in range(1, 10)]
#: The whole-store question of the groups' facets (the whole view's summary asks it).
WHOLE_GROUPS = "#+ title: Which group of the whole-graph summary does each resource fall in?"


@pytest.fixture(scope="module")
def gazetteer(staged, res) -> Gazetteer:
    return Gazetteer.load(staged.store, res)


def as_json(network) -> str:
    return json.dumps(network.to_json(), sort_keys=True)


@pytest.mark.parametrize("request_", SMALL, ids=repr)
def test_a_small_view_opens_whole_as_before(staged, res, gazetteer, request_):
    opened = network_view(staged.store, res, replace(request_, scope="auto"), gazetteer)
    assert opened.scope == "full" and not opened.groups
    assert as_json(opened) == as_json(network_view(staged.store, res, request_, gazetteer))


@pytest.mark.parametrize("request_", [ViewRequest("clause", (1,)), ViewRequest("allegations")], ids=repr)
def test_a_large_view_opens_on_its_summary_whose_counts_add_up(staged, res, gazetteer, request_, monkeypatch):
    full = build_network(staged.store, res, request_, gazetteer)
    monkeypatch.setattr(views, "SUMMARY_ABOVE", max(len(full.nodes), len(full.claims)) - 1)  # just passed
    opened = network_view(staged.store, res, replace(request_, scope="auto"), gazetteer)
    assert opened.scope == "summary"
    assert opened.params.get("view") == ["summary"] and not opened.claims
    assert sum(g["members"] for g in opened.groups) == len(full.nodes)
    assert sum(e.count for e in opened.edges) + sum(g["inside"] for g in opened.groups) == len(full.edges)
    assert all(node.iri.startswith(GROUP_ID) for node in opened.nodes.values())
    base = "?clause=1&" if request_.view == "clause" else "?"
    assert all(g["href"] == f"{base}group={g['key']}" for g in opened.groups)
    assert opened.links["full"] == f"{base}view=full" and opened.links["summary"] == f"{base}view=summary"
    asked = network_view(staged.store, res, replace(request_, scope="summary"), gazetteer)
    assert as_json(asked) == as_json(opened)


def test_a_clause_views_group_holds_its_members_with_their_claims(staged, res, gazetteer):
    full = build_network(staged.store, res, ViewRequest("clause", (6,)), gazetteer)
    summary = network_view(staged.store, res, ViewRequest("clause", (6,), scope="summary"), gazetteer)
    members: set[str] = set()
    for group in summary.groups:
        query: str | None = str(group["href"])
        while query:
            page = int(query.split("page=")[1].split("&")[0]) if "page=" in query else 1
            drilled = network_view(staged.store, res, ViewRequest("clause", (6,), scope="group", group=group["key"],
                                                                  page=page), gazetteer)
            assert drilled.params["clause"] == ["6"] and drilled.scope == "group"
            own = [iri for iri in drilled.nodes if not iri.startswith(GROUP_ID)]
            members |= set(own)
            assert {c.iri for c in drilled.claims} >= {iri for iri in own if iri in {c.iri for c in full.claims}}
            query = drilled.paging["next"]
            assert query is None or query.startswith("?clause=6&group=")
    assert members == set(full.nodes)


def test_an_allegation_group_carries_the_claims_of_its_links(staged, res, gazetteer):
    drilled = network_view(staged.store, res, ViewRequest("allegations", scope="group", group="side-azerbaijan"),
                           gazetteer)
    counted = [e for e in drilled.edges if e.source.startswith(GROUP_ID) or e.target.startswith(GROUP_ID)]
    assert counted and drilled.claims  # Azerbaijan's agents accuse the other sides' mostly
    assert sorted({i for e in drilled.edges for i in e.claims}) == list(range(len(drilled.claims)))
    members = {iri for iri in drilled.nodes if not iri.startswith(GROUP_ID)}
    full = build_network(staged.store, res, ViewRequest("allegations"), gazetteer)
    theirs = {full.claims[i].iri for e in full.edges if {e.source, e.target} & members for i in e.claims}
    assert {c.iri for c in drilled.claims} == theirs


def test_a_clause_views_summary_asks_no_whole_store_question(staged, res, gazetteer):
    store = Recording(staged.store)
    network_view(store, res, ViewRequest("clause", (6,), scope="summary"), gazetteer)  # type: ignore[arg-type]
    network_view(store, res, ViewRequest("allegations", scope="summary"), gazetteer)  # type: ignore[arg-type]
    assert len(store.asked) >= 6
    assert not [q for q in store.asked if q.startswith((*WHOLE_QUESTIONS, WHOLE_GROUPS))]
    whole = Recording(staged.store)
    network_view(whole, res, ViewRequest("whole", scope="summary"), gazetteer)  # type: ignore[arg-type]
    assert [q for q in whole.asked if q.startswith(WHOLE_GROUPS)]  # the recording sees it


@pytest.mark.parametrize(("request_", "text"), [
    (ViewRequest("incident", incident="ckr:incident-2022-03-24-parukh-farrukh", scope="summary"),
     "a summary applies to the whole, clause and allegation views"),
    (ViewRequest("clause", (6,), scope="group", group="nope"), "the clause view has no group 'nope'"),
])
def test_what_has_no_summary_or_group_is_refused(staged, res, gazetteer, request_, text):
    with pytest.raises(ViewError) as caught:
        network_view(staged.store, res, request_, gazetteer)
    assert text in caught.value.message


def test_the_list_of_views_reads_the_incidents_alone(staged, res):
    store = Recording(staged.store)
    choices = view_choices(store, res)  # type: ignore[arg-type]
    assert not [q for q in store.asked if q.startswith(WHOLE_QUESTIONS)]
    every = drawable_nodes(staged.store, res)  # what the list read before (#14): the same incidents and labels
    assert choices["incident"] == [(compact_iri(iri), row.label) for iri, row in every.items() if row.kind == "incident"]
    assert len(choices["incident"]) > 30 and [n for n, _label in choices["clause"]] == [str(n) for n in range(1, 10)]
