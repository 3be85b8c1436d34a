"""The allegation view's summary and groups read for what they show (#14), not claim by claim.

The allegation view draws agents and the links between them, and lists the claims on its links: thousands
as the record grows (2,770 at 10x the shipped data, 28,000 at 100x). Its summary draws its agents in groups
and counts its links; it needs neither the claims' rows nor their filter values. So the summary reads the
links counted by the store (``queries/views/allegation-links.rq``: one row per claimant, accused party,
clause and relation, with its number of claims), the tables of its agents and clauses alone, and, only to
decide whether the view opens on its summary (the scope ``auto``), the number of its claims
(``allegation-claims.rq``). A group drilled down into reads the claims of its own members
(``agent-allegations.rq``: the claims whose claimant or accused party is a member) and the tables of those
claims: every link of a member, with all its claims, so its page is what the full view's answers gave. A
clause view's summary reads its resources and links and their table, not its claims' filter values (at 100x
clause 6 lists 4,200 claims); a group of it, and the whole view, read their full answers
(:func:`conflictkg.network.views.view_part`).
"""

from __future__ import annotations

from conflictkg.naming import Gazetteer
from conflictkg.network import data
from conflictkg.network.model import Edge
from conflictkg.network.views import (ViewContext, ViewPart, ViewRequest, allegation_context, allegation_graph,
                                      centred_context, clause_statements, statement_graph, view_info, view_part)
from conflictkg.resources import Resources
from conflictkg.store import Store


def outline(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None = None,
            counted: bool = False, drilled: bool = False) -> ViewPart:
    """What the summary of ``request``'s view is made from: the allegation view's agents and links without
    its claims (:func:`allegation_outline`), a clause view's resources and links without its claims' filter
    values (:func:`clause_outline`; ``drilled``: a group is drilled down into, which lists its claims: the full
    answers), the whole view's full answers. ``counted``: the allegation view's number of claims is asked too
    (what :attr:`ViewPart.large` decides by)."""
    if request.view == "allegations":
        return allegation_outline(store, resources, request, gazetteer, counted)
    if request.view == "clause" and not drilled:
        return clause_outline(store, resources, request, gazetteer, whole_if_small=counted)
    return view_part(store, resources, request, gazetteer)


def clause_outline(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None = None,
                   whole_if_small: bool = False) -> ViewPart:
    """A clause view's resources and links, with the table of those resources alone: not its claims' filter
    values, their clauses or the names of its status claims, which its summary does not show (at 100x the
    shipped data, clause 6's 4,200 claims' filter values were most of its summary's time, #14). ``claims``
    is empty, ``claim_count`` the number of claims it draws. Its nodes and links are the full view's
    (:func:`view_part`): a statement's two ends have the same rows in both tables. ``whole_if_small``: the
    full view's part (:func:`view_part`) when it is not :attr:`~ViewPart.large` (it opens whole)."""
    info = view_info("clause")
    found, title, params = clause_statements(store, resources, request, info)
    gazetteer = gazetteer or Gazetteer.load(store, resources)
    table = data.drawable_nodes(store, resources, {iri for s in found for iri in (s.subject, s.object)})
    ctx = ViewContext(table, {}, gazetteer, gazetteer.names, request.perspective)
    nodes, edges, _none = statement_graph(ctx, found, exclude_kinds=set())
    part = ViewPart(ctx, info, title, params, nodes, edges, [], sum(table[n].kind == "claim" for n in nodes))
    if whole_if_small and not part.large:
        ctx = centred_context(store, resources, request, gazetteer, found, ())
        return ViewPart(ctx, info, title, params, *statement_graph(ctx, found, exclude_kinds=set()))
    return part


def allegation_outline(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None = None,
                       counted: bool = False) -> ViewPart:
    """The allegation view's agents and links (each as its first relation names it, without its claims'
    numbers), with the tables of those agents and of the links' clauses; ``claims`` empty, ``claim_count``
    the number of claims if ``counted``. Its nodes and links are the full view's (:func:`view_part`)."""
    gazetteer = gazetteer or Gazetteer.load(store, resources)
    grouped: dict[tuple[str, str, str], Edge] = {}
    for link in data.allegation_links(store, resources):
        key = (link.claimant, link.accused, link.clause or link.relation)
        grouped.setdefault(key, Edge(link.claimant, link.accused, link.relation, link.relation, clause=link.clause,
                                     keyed=True))
    edges = [grouped[k] for k in sorted(grouped)]
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    clauses = {e.clause for e in edges if e.clause}
    ctx = ViewContext(data.drawable_nodes(store, resources, set(nodes) | clauses), {}, gazetteer, gazetteer.names,
                      request.perspective)
    info = view_info("allegations")
    count = data.allegation_claim_count(store, resources) if counted else None
    return ViewPart(ctx, info, info.title, {}, nodes, edges, [], count)


def allegation_group_part(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None,
                          members: list[str]) -> ViewPart:
    """The part of the allegation view a group of agents ``members`` needs drilled down into: every link of a
    member with all its claims, the claims and the tables read for them alone (the links between two other
    agents are left out: a drilled-down group neither draws nor counts them)."""
    rows = data.allegation_rows(store, resources, members)
    ctx = allegation_context(store, resources, request, gazetteer, rows)
    nodes, edges, claims = allegation_graph(ctx, rows)
    info = view_info("allegations")
    return ViewPart(ctx, info, info.title, {}, nodes, edges, claims)
