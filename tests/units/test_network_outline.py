"""The allegation view's summary reads its links counted, not its claims, and a drilled-down group reads its own
members' claims; a clause view's summary reads no claim's filter values (#14): the same agents, links and claims as
the full view, on a product-shaped store (the shipped incident records copied under new IRIs, as ``bench/scale.py``
grows the record)."""

from __future__ import annotations

import re
from dataclasses import replace

import pyoxigraph as ox
import pytest

from conflictkg.naming import Gazetteer
from conflictkg.network import ViewRequest, build_network, network_view, views
from conflictkg.network.data import allegation_rows, claim_rows
from conflictkg.network import outline as outline_module
from conflictkg.network.outline import allegation_outline, clause_outline
from conflictkg.network.summary import GROUP_ID
from conflictkg.store.oxigraph import OxigraphStore

from .test_network_bounded import Recording

#: The IRIs of an incident's record (incident, claims and their graphs, sources, events, casualty reports), as
#: ``bench/scale.py`` copies them; agents, places and the agreement stay shared.
COPIED = re.compile(r"^(https://w3id\.org/conflictkg/(?:resource|graph)/)(incident|claim|source|event|casualty)-")
#: The first lines of the questions that read the allegation view claim by claim, or every claim's filters.
CLAIM_BY_CLAIM = ("#+ title: Who accused whom of breaching which clause, claim by claim?",
                  "#+ title: What can a network view filter each claim by?",
                  "#+ title: What can a network view filter these claims by?")
ALLEGATIONS = ViewRequest("allegations")


def _renamed(term: object, k: int) -> object:
    if isinstance(term, ox.NamedNode) and COPIED.match(term.value):
        return ox.NamedNode(COPIED.sub(rf"\g<1>\g<2>-x{k}-", term.value))
    return term


@pytest.fixture(scope="module")
def tripled(staged) -> OxigraphStore:
    """The shipped graph and two renamed copies of its incident records, in memory."""
    copied = [q for q in staged.quads if any(isinstance(t, ox.NamedNode) and COPIED.match(t.value)
                                             for t in (q.subject, q.object, q.graph_name))]
    copies = [ox.Quad(_renamed(q.subject, k), q.predicate, _renamed(q.object, k), _renamed(q.graph_name, k))
              for k in (1, 2) for q in copied]
    return OxigraphStore.create(None, [*staged.quads, *copies])


@pytest.fixture(scope="module")
def gazetteer(tripled, res) -> Gazetteer:
    return Gazetteer.load(tripled, res)


@pytest.fixture(scope="module")
def full(tripled, res, gazetteer):
    return build_network(tripled, res, ALLEGATIONS, gazetteer)


def test_the_outline_has_the_full_views_agents_links_and_number_of_claims(tripled, res, gazetteer, full):
    part = views.view_part(tripled, res, ALLEGATIONS, gazetteer)
    outline = allegation_outline(tripled, res, ALLEGATIONS, gazetteer, counted=True)
    assert len(part.claims) > 500 and len(full.claims) == len(part.claims)  # three times the shipped record's
    assert outline.nodes == part.nodes
    assert [(e.source, e.target, e.relation, e.clause) for e in outline.edges] == \
        [(e.source, e.target, e.relation, e.clause) for e in part.edges]
    assert outline.claim_count == len(part.claims) and outline.claims == [] and outline.large
    assert allegation_outline(tripled, res, ALLEGATIONS, gazetteer).claim_count is None  # asked only if wanted


def test_the_summary_reads_no_claim_and_its_counts_are_the_full_views(tripled, res, gazetteer, full):
    store = Recording(tripled)
    summary = network_view(store, res, replace(ALLEGATIONS, scope="auto"), gazetteer)  # type: ignore[arg-type]
    assert summary.scope == "summary" and not summary.claims
    assert store.asked and not [q for q in store.asked if q.startswith(CLAIM_BY_CLAIM)]
    assert sum(g["members"] for g in summary.groups) == len(full.nodes)
    assert sum(e.count for e in summary.edges) + sum(g["inside"] for g in summary.groups) == len(full.edges)


def test_a_drilled_down_group_lists_its_members_with_every_claim_of_their_links(tripled, res, gazetteer, full):
    summary = network_view(tripled, res, replace(ALLEGATIONS, scope="summary"), gazetteer)
    claims = {c.iri: c for c in full.claims}
    members: list[str] = []
    for group in summary.groups:
        store = Recording(tripled)
        drilled = network_view(store, res, replace(ALLEGATIONS, scope="group", group=str(group["key"]),  # type: ignore[arg-type]
                                                   per_page=100), gazetteer)
        assert not [q for q in store.asked if q.startswith(CLAIM_BY_CLAIM[:2])]  # its members' claims alone
        own = [iri for iri in drilled.nodes if not iri.startswith(GROUP_ID)]
        assert len(own) == group["members"] and drilled.paging["pages"] == 1
        members += own
        theirs = sorted({full.claims[i].iri for e in full.edges if {e.source, e.target} & set(own) for i in e.claims})
        assert [c.iri for c in drilled.claims] == theirs
        assert all(claims[c.iri] == c for c in drilled.claims)  # the same filter values and names
        inner = {(e.source, e.target, e.relation): sorted(drilled.claims[i].iri for i in e.claims)
                 for e in drilled.edges if not (e.source.startswith(GROUP_ID) or e.target.startswith(GROUP_ID))}
        assert inner == {(e.source, e.target, e.relation): sorted(full.claims[i].iri for i in e.claims)
                         for e in full.edges if e.source in own and e.target in own}
    assert sorted(members) == sorted(full.nodes)


def test_agents_allegations_are_the_full_questions_rows_of_their_claims(tripled, res):
    every = allegation_rows(tripled, res)
    listed = claim_rows(tripled, res, {r.claim for r in every})
    agents = ["https://w3id.org/conflictkg/resource/agent-az-mod", "https://w3id.org/conflictkg/resource/agent-armenia"]
    theirs = {r.claim for r in every if {r.claimant, r.accused} & set(agents)}  # every row of those claims
    mine = allegation_rows(tripled, res, agents)
    assert mine and mine == [r for r in every if r.claim in theirs and r.claim in listed]
    assert {(r.claimant, r.accused) for r in mine if not {r.claimant, r.accused} & set(agents)}  # a claim accusing two
    assert allegation_rows(tripled, res, []) == []


CLAUSE = ViewRequest("clause", (6,))


def test_a_clause_summary_reads_no_claims_filters_and_is_the_one_the_full_answers_give(tripled, res, gazetteer,
                                                                                       monkeypatch):
    """A large clause view's summary reads its resources and links, not its claims' filter values (at 100x the
    shipped data those were most of its time, #14): the same nodes, links, groups and counts."""
    monkeypatch.setattr(views, "SUMMARY_ABOVE", 50)  # clause 6 of the tripled record: a few hundred resources
    part = views.view_part(tripled, res, CLAUSE, gazetteer)
    outline = clause_outline(tripled, res, CLAUSE, gazetteer)
    assert outline.nodes == part.nodes and len(part.claims) > 50
    assert [(e.source, e.target, e.label, e.relation) for e in outline.edges] == \
        [(e.source, e.target, e.label, e.relation) for e in part.edges]
    assert outline.claim_count == len(part.claims) and outline.claims == [] and outline.large
    store = Recording(tripled)
    summary = network_view(store, res, replace(CLAUSE, scope="auto"), gazetteer)  # type: ignore[arg-type]
    assert summary.scope == "summary" and store.asked
    assert not [q for q in store.asked if q.startswith(CLAIM_BY_CLAIM)]
    monkeypatch.setattr(outline_module, "clause_outline", lambda store, res, request, gazetteer, whole_if_small:
                        views.view_part(store, res, request, gazetteer))
    assert network_view(tripled, res, replace(CLAUSE, scope="auto"), gazetteer).to_json() == summary.to_json()


def test_a_small_clause_view_opens_whole_with_its_claims(tripled, res, gazetteer):
    full = build_network(tripled, res, CLAUSE, gazetteer)
    auto = network_view(tripled, res, replace(CLAUSE, scope="auto"), gazetteer)
    assert auto.scope == "full" and auto.claims == full.claims and list(auto.nodes) == list(full.nodes)
