"""A network view's summary: one node per group of resources, and one group drilled down into.

The full whole view draws every curated resource and claim (about 1,500 nodes for the shipped data,
growing with the record): a tangle. Its summary draws the same resources and links grouped, so it
reads at once and stays small however large the record grows; a clause or allegation view opens on its
summary too when it is large (more than :data:`~conflictkg.network.views.SUMMARY_ABOVE` nodes or claims,
the scope ``auto``, #14), with its groups' links keeping its parameters (``?clause=6&group=…``). The groups
follow :mod:`conflictkg.network.grouping`'s rules: the statement's parts by kind, agents by side,
incidents, claims and sources by year.

Edges are directed and weighted by the number of links of the full view between two groups; links
inside a group are counted on the group. The groups are computed from the same answers as the full
view (:func:`conflictkg.network.views.view_part`) without laying it out, the allegation view's from its links
counted by the store and a group of it from its members' claims (:mod:`conflictkg.network.outline`); networkx
lays out only the groups. Every group count adds up to the full view's: members to its nodes, links to its edges.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from conflictkg.names import name_keys
from conflictkg.naming import Gazetteer
from conflictkg.network import data
from conflictkg.network.data import Facets
from conflictkg.network.grouping import (COLUMNS, GROUP_ID, GROUP_NUMBER, LABEL_BELOW, UNDATED_SOURCES_COLUMN, Group,
                                         Grouping, aggregate, meaning)
from conflictkg.network.model import Edge, Network, Node
from conflictkg.network.outline import allegation_group_part, outline
from conflictkg.network.paging import MEMBERS_PER_PAGE, href, member_page, paging_json
from conflictkg.network.views import ViewContext, ViewError, ViewPart, ViewRequest, assemble_network, view_part
from conflictkg.resources import Resources
from conflictkg.store import Store

__all__ = ["GROUP_ID", "group_parts", "member_order", "summary_view"]


def summary_view(store: Store, resources: Resources, request: ViewRequest,
                 gazetteer: Gazetteer | None = None) -> Network:
    """The summary (``request.scope == "summary"``) or one group drilled down into (``"group"``) of the
    whole, clause or allegation view, not yet laid out; ``"auto"``: the summary when the view is large
    (:attr:`ViewPart.large`), else the full view. The groups' facets are read for what the view draws
    alone (the whole view: for every resource); the allegation view's summary is made from its links counted,
    not its claims, and a group of it from its members' claims (:mod:`conflictkg.network.outline`).

    Raises:
        ViewError: a group the summary does not have (the message lists them).
    """
    full = replace(request, scope="full", group=None, page=1, per_page=MEMBERS_PER_PAGE)
    part = outline(store, resources, full, gazetteer, counted=request.scope == "auto", drilled=request.scope == "group")
    if request.scope == "auto" and not part.large and request.view != "whole":
        whole = part if request.view != "allegations" else view_part(store, resources, full, gazetteer)
        return whole.network(full)
    facets = data.group_facets(store, resources, None if request.view == "whole" else part.nodes)
    grouping = aggregate(part.nodes, part.edges, part.ctx.table, facets, _side_names(part.ctx, facets))
    base = {k: v for k, v in part.params.items() if k != "view"}
    totals = f"{len(part.nodes):,} resources and {len(part.edges):,} links"
    if request.scope == "group":
        group = _checked_group(request, grouping)
        if request.view == "allegations":  # the claims of the group's own members alone (#14)
            part = allegation_group_part(store, resources, full, gazetteer, group.members)
        network = _group_network(part, request, grouping, base, totals)
    else:
        network = _summary_network(part, request, grouping, base, totals)
    network.scope = "group" if request.scope == "group" else "summary"
    network.styles = [replace(s, shape=LABEL_BELOW.get(s.shape, s.shape)) for s in network.styles]
    network.groups = _groups_json(grouping, base)
    network.links = {"summary": href(base, view="summary"), "full": href(base, view="full"), "totals": totals}
    return network


def _side_names(ctx: ViewContext, facets: dict[str, Facets]) -> dict[str, str]:
    """Each side's name in the view's perspective: a side the view does not draw (a clause view's tables hold
    only what it draws) is named by the gazetteer, else by its English label (not its IRI, #14)."""
    labels = {f.side: f.side_label for f in facets.values() if f.side}
    return {side: ctx.label(side) if side in ctx.table else ctx.gazetteer.name(side, ctx.perspective, label) or label
            for side, label in sorted(labels.items())}


def _summary_network(part: ViewPart, request: ViewRequest, grouping: Grouping, base: dict[str, list[str]],
                     totals: str) -> Network:
    """One node per group, and the links between groups counted."""
    params = {**base, "view": ["summary"], "names": [request.perspective.value]}
    network = assemble_network(part.ctx, request, part.info, f"{part.title}: summary", params, ([], [], []))
    if request.view == "whole":
        network.description = (f"The whole graph ({totals}) in {len(grouping.groups)} groups: agents by side, "
                                "incidents, claims and sources by year (claims without a date by their incident's "
                                "year, sources without a date by the year of the claims citing them; each group's "
                                "meaning is given beside it), the others by kind. An edge is as wide as the "
                                "number of links between two groups (hover over it for the number). Click a group to "
                                "see its members.")
    else:
        network.description = (f"{part.info.description} Too large to draw at once ({totals}): shown in "
                                f"{len(grouping.groups)} groups, agents by side, incidents and claims by year (claims "
                                "without a date by their incident's year; each group's meaning is given beside it), "
                                "the others by kind. An edge is as wide as the number of links between two groups "
                                "(hover over it for the number). Click a group to see its members, or open the full "
                                "graph.")
    _add_groups(network, grouping, list(grouping.groups), None, base=base)
    return network


def _group_network(part: ViewPart, request: ViewRequest, grouping: Grouping, base: dict[str, list[str]],
                   totals: str) -> Network:
    """One group drilled down into: one page of its members (in :func:`member_order`, numbered across
    pages), their links, and the other groups they link to; the group itself stands for its members on the
    other pages, where this page's members link to them (#13)."""
    ctx, edges = part.ctx, part.edges
    group = _checked_group(request, grouping)
    found = member_page(member_order(ctx, group.members), request.page, request.per_page)
    shown = replace(group, members=found.members)
    params = {**base, "group": [group.key], **({"page": [str(found.page)]} if found.paged else {}),
              **({"per_page": [str(found.size)]} if found.size != MEMBERS_PER_PAGE else {}),
              "names": [request.perspective.value]}
    pages = f", members {found.start + 1:,}–{found.start + len(found.members):,}" if found.paged else ""
    touching = request.view == "allegations"
    parts = group_parts(shown, edges, part.claims, touching)
    network = assemble_network(ctx, request, part.info, f"{part.title}: {group.label}{pages}", params, parts)
    of = "the whole graph" if request.view == "whole" else f"the {part.title}"
    network.description = (f"The {group.label} of {of} ({totals}) with the links between them, "
                           "and the other groups they link to, each edge as wide as its number of links.")
    if found.paged:
        network.description += (f" {found.size} members a page, in the order of their names (claims: of their "
                                f"claimants, then by date): this is page {found.page} of {found.pages}; the group's "
                                "own node stands for its members on the other pages.")
    _number_members(network, found.members, found.start)
    keys = [k for k in grouping.groups if k != group.key or found.paged]
    numbers = {iri: i for i, iri in enumerate(parts[2])} if touching else {}
    _add_groups(network, grouping, keys, shown, edges, base, {i: numbers[c] for i, c in enumerate(part.claims)
                                                               if c in numbers})
    if (own := network.nodes.get(group.node_id)) is not None:
        own.label = f"{group.name}: {found.total - len(found.members):,} members on other pages"
        own.names = [own.label]
        own.members = found.total - len(found.members)
    network.paging = paging_json(found, group.key, base)
    if own is not None:  # clicked: the next page of members (the last page: the one before)
        own.href = network.paging["next"] or network.paging["previous"]
    return network


def _groups_json(grouping: Grouping, base: dict[str, list[str]]) -> list[dict[str, object]]:
    """The numbered list of groups beside the drawing, each group's rule said once, at its first group."""
    groups = [_group_json(g, n, grouping, base) for n, g in enumerate(grouping.groups.values(), start=1)]
    rules = [meaning(g["key"])[0] for g in groups]
    for i, group in enumerate(groups):
        if i == 0 or rules[i] != rules[i - 1]:
            group["rule"] = meaning(str(group["key"]), "that year")[1]
    return groups


def group_parts(group: Group, edges: list[Edge], claims: list[str],
                touching: bool = False) -> tuple[list[str], list[Edge], list[str]]:
    """A drilled-down group's members, the links between them and the claims they carry, each link's claims
    numbered in the group's list of claims, not the whole view's (a link kept the whole view's numbers: the
    page of a group of claims read past the end of its list and drew nothing, #13). ``touching``: the claims
    of every link of a member, to another group's too (the allegation view's claims are on its links, which
    mostly join two sides, #14); :func:`_add_groups` puts them on the counted links.

    >>> parts = group_parts(Group("g", "claim", "g", ["c2", "x"]), [Edge("c2", "x", "l", "r", [2])], ["c0", "c1", "c2"])
    >>> parts[0], parts[1][0].claims, parts[2]
    (['c2', 'x'], [0], ['c2'])
    """
    members = set(group.members)
    inner = [e for e in edges if e.source in members and e.target in members]
    reach = [e for e in edges if e.source in members or e.target in members] if touching else inner
    carried = sorted({i for e in reach for i in e.claims} | {i for i, iri in enumerate(claims) if iri in members})
    renumbered = {old: new for new, old in enumerate(carried)}
    inner = [replace(e, claims=[renumbered[i] for i in e.claims]) for e in inner]
    return group.members, inner, [claims[i] for i in carried]


def _checked_group(request: ViewRequest, grouping: Grouping) -> Group:
    key = request.group
    if key not in grouping.groups:
        raise ViewError(f"the {request.view} view has no group {key!r}", hint=f"groups: {', '.join(grouping.groups)}")
    return grouping.groups[key]


def _column(group: Group) -> int:
    if group.key.startswith("source-undated"):
        return UNDATED_SOURCES_COLUMN
    return COLUMNS.get(group.key, COLUMNS[group.kind])


def _group_node(group: Group, number: int, summary: bool, base: dict[str, list[str]]) -> Node:
    """A group as a node: labelled in full (wrapped), and on a phone by ``number``, its place in the list of
    groups beside the drawing, which names it in full (#13); in a drilled-down group ``G`` and the number,
    the members being numbered 1, 2, …."""
    keys = sorted({k for k in name_keys(group.name) if k})
    return Node(group.node_id, group.kind, group.label, [group.name], keys, members=len(group.members),
                href=href(base, group=group.key), column=_column(group) if summary else -1,
                short=str(number) if summary else f"{GROUP_NUMBER}{number}")


def member_order(ctx: ViewContext, members: list[str]) -> list[str]:
    """A group's members in the order a reader looks them up: by name (then IRI); claims by their claimant's
    name, then date (the undated last), then label, so that a status claim (named "Ministry of Defence of
    Azerbaijan: not fulfilled — Point 1: …", :mod:`conflictkg.claim_names`) sits among its claimant's claims
    whatever its name (#13)."""
    def key(iri: str) -> tuple[str, str, str, str]:
        label = ctx.label(iri).casefold()
        claim = ctx.claims.get(iri)
        if claim is None or not claim.claimant:
            return label, "", label, iri
        return ctx.label(claim.claimant).casefold(), claim.date or "~", label, iri
    return sorted(members, key=key)


def _number_members(network: Network, ordered: list[str], start: int = 0) -> None:
    """Number a drilled-down group's members ``ordered`` (this page's, in :func:`member_order`) ``start`` + 1,
    + 2, …: the list of members beside the drawing, and on a narrow canvas the drawing's labels, which that
    list names (#13)."""
    for number, iri in enumerate(ordered, start=start + 1):
        network.nodes[iri].short = str(number)
    network.nodes = {iri: network.nodes[iri] for iri in ordered}  # the JSON twin lists them in that order


def _add_groups(network: Network, grouping: Grouping, keys: list[str], opened: Group | None,
                edges: list[Edge] | None = None, base: dict[str, list[str]] | None = None,
                claims: dict[int, int] | None = None) -> None:
    """Add the groups ``keys`` as nodes and the counted links: between groups (the summary) or between
    the members of ``opened`` and the other groups (drilled down), carrying the claims of the links they
    count that ``claims`` numbers (the view's number of a claim → the group's)."""
    carried: dict[tuple[str, str], set[int]] = {}
    if opened is None:
        counted = Counter({(grouping.groups[a].node_id, grouping.groups[b].node_id): n
                           for (a, b), n in grouping.links.items() if a != b})
    else:
        members = set(opened.members)
        counted = Counter()
        for e in edges or []:
            if (e.source in members) != (e.target in members):
                source = e.source if e.source in members else grouping.groups[grouping.of[e.source]].node_id
                target = e.target if e.target in members else grouping.groups[grouping.of[e.target]].node_id
                counted[(source, target)] += 1
                carried.setdefault((source, target), set()).update((claims or {})[i] for i in e.claims
                                                                   if i in (claims or {}))
    linked = {end for pair in counted for end in pair}
    numbers = {key: n for n, key in enumerate(grouping.groups, start=1)}
    for key in keys:
        group = grouping.groups[key]
        if opened is None or group.node_id in linked:
            network.nodes[group.node_id] = _group_node(group, numbers[key], opened is None, base or {})
    for (source, target), n in sorted(counted.items()):
        network.edges.append(Edge(source, target, f"{n:,}", "links", sorted(carried.get((source, target), ())),
                                  count=n))


def _group_json(group: Group, number: int, grouping: Grouping, base: dict[str, list[str]]) -> dict[str, object]:
    return {"number": number, "key": group.key, "kind": group.kind, "label": group.label, "meaning": meaning(group.key)[1],
            "members": len(group.members),
            "inside": grouping.inside(group.key), "links": grouping.touching(group.key),
            "href": href(base, group=group.key), "id": group.node_id}
