"""The whole view's summary: one node per group of resources, and one group drilled down into.

The full whole view draws every curated resource and claim (about 1,500 nodes for the shipped data,
growing with the record): a tangle. Its summary draws the same resources and links grouped, so it
reads at once and stays small however large the record grows:

* by kind where a kind is small or has no natural split: the agreement, its clauses, its norms, places;
* agents by side: the state or de facto authority an agent is, belongs to, is a force of or holds a
  post in (the grouping the site's "by side" tables use), then news outlets, then the other agents;
* incidents, claims and sources by year (an incident's earliest beginning, a claim's date, a
  source's publication), the undated apart: the record grows by years, so these groups stay readable.
  Claims without a date are grouped by their incident's year (its earliest beginning), named so
  ("undated claims, incidents of 2022"; those of no dated incident apart): no claim is given a date.
  Sources without a date likewise, by the earliest year of the claims citing them ("undated sources,
  claims of 2022"), else of the incidents and events they are the source of ("undated sources, events
  of 2020"); sources published before the record's first year are one group. :func:`meaning` says
  what each group holds, in words the page shows beside the group.

Edges are directed and weighted by the number of links of the full view between two groups; links
inside a group are counted on the group. The groups are computed from the same answers as the full
view (:func:`conflictkg.network.views.whole_graph`) without laying it out; networkx lays out only the
groups. Every group count adds up to the full view's: members to its nodes, links to its edges.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from conflictkg.names import name_keys
from conflictkg.naming import Gazetteer
from conflictkg.network import data
from conflictkg.network.data import Facets, NodeRow
from conflictkg.network.model import Edge, Network, Node
from conflictkg.network.paging import MEMBERS_PER_PAGE, member_page, paging_json
from conflictkg.network.views import (ViewError, ViewContext, ViewRequest, assemble_network, context, view_info,
                                      whole_graph)
from conflictkg.resources import Resources
from conflictkg.store import Store

#: How a group of one kind is named (the agents' groups are named by side).
PLURALS = {"agreement": "agreement", "clause": "clauses", "norm": "norms", "place": "places",
           "incident": "incidents", "claim": "claims", "source": "sources", "event": "events"}
#: Kinds grouped by year.
BY_YEAR = ("incident", "claim", "source")
#: The record's first year (the trilateral statement of 9/10 November 2020): sources published before it
#: (background: maps, laws, earlier reports, a handful a year) are one group.
RECORD_START = "2020"
#: The groups' order: the statement, the agents by side, the record by year, the places.
GROUP_ORDER = ("agreement", "clause", "norm", "agent", "incident", "claim", "source", "event", "place")
#: The summary's columns, left to right: the statement, the agents, the claims, what they are about
#: (incidents, places) and where they were read (sources, news outlets).
COLUMNS = {"agreement": 0, "clause": 0, "norm": 0, "agent": 1, "claim": 2, "event": 2, "incident": 3, "place": 3,
           "source": 4, "agent-outlets": 4}
#: The sources without a date: a column of their own, right of the dated ones.
UNDATED_SOURCES_COLUMN = 5
#: Shapes drawn around their label, replaced in the summary and its groups by shapes with the label
#: below: a group's label is long, and a box as wide as its label crowds a column.
LABEL_BELOW = {"box": "square", "ellipse": "dot"}
#: Prefix of a group node's id (never an IRI of the data).
GROUP_ID = "urn:conflictkg:group:"
#: Prefix of a group's number in a drilled-down group, where its members are numbered 1, 2, ….
GROUP_NUMBER = "G"


@dataclass
class Group:
    """One group: its key (in URLs), kind, name and members (IRIs, sorted)."""

    key: str
    kind: str
    name: str
    members: list[str] = field(default_factory=list)

    @property
    def node_id(self) -> str:
        return GROUP_ID + self.key

    @property
    def label(self) -> str:
        return f"{self.name} ({len(self.members)})"


@dataclass
class Grouping:
    """The groups in display order, each resource's group, and the links counted by pair of groups."""

    groups: dict[str, Group]
    of: dict[str, str]
    links: Counter[tuple[str, str]]

    def inside(self, key: str) -> int:
        return self.links[(key, key)]

    def touching(self, key: str) -> int:
        return sum(n for (a, b), n in self.links.items() if key in (a, b))


def group_of(row: NodeRow, facets: Facets | None, side_name: dict[str, str]) -> tuple[str, str]:
    """The key and name of the group of one resource (``side_name``: a side's label by IRI).

    >>> group_of(NodeRow("x", "incident", "incident", "", None), Facets(date="2022-03-24"), {})
    ('incident-2022', 'incidents 2022')
    >>> group_of(NodeRow("x", "agent", "agent", "", None), Facets(outlet=True), {})
    ('agent-outlets', 'news outlets')
    >>> group_of(NodeRow("x", "claim", "claim", "", None), Facets(incident_date="2021-05-12"), {})
    ('claim-undated-2021', 'undated claims, incidents of 2021')
    """
    facets = facets or Facets()
    if row.kind == "agent":
        if facets.outlet:
            return "agent-outlets", "news outlets"
        if facets.side:
            local = facets.side.rsplit("/", 1)[-1].removeprefix("agent-")
            return f"side-{local}", f"{side_name.get(facets.side, facets.side_label)} side"
        return "agent-other", "other agents"
    if row.kind == "source":
        return _source_group(facets)
    if row.kind in BY_YEAR:
        year = _year(facets.date)
        if year:
            return f"{row.kind}-{year}", f"{PLURALS[row.kind]} {year}"
        if row.kind == "claim" and (incident_year := _year(facets.incident_date)):
            return f"claim-undated-{incident_year}", f"undated claims, incidents of {incident_year}"
        if row.kind == "claim":
            return "claim-undated", "undated claims, no dated incident"
        return f"{row.kind}-undated", f"{PLURALS[row.kind]}, undated"
    return row.kind, PLURALS.get(row.kind, row.kind)


def _source_group(facets: Facets) -> tuple[str, str]:
    """A source's group: its publication year (those before the record's first year together), else the
    year of what it documents, named so: the claims citing it, else the incidents and events it is the
    source of (#13).

    >>> _source_group(Facets(date="2014-05-01")), _source_group(Facets(date="2021-05-01"))
    (('source-before-2020', 'sources before 2020'), ('source-2021', 'sources 2021'))
    >>> _source_group(Facets(claims_date="2022-01-02", sourced_date="2020-11-10"))
    ('source-undated-2022', 'undated sources, claims of 2022')
    >>> _source_group(Facets(sourced_date="2020-11-10")), _source_group(Facets())
    (('source-undated-events-2020', 'undated sources, events of 2020'), ('source-undated', 'undated sources, no dated claim or event'))
    """
    if year := _year(facets.date):
        if year < RECORD_START:
            return f"source-before-{RECORD_START}", f"sources before {RECORD_START}"
        return f"source-{year}", f"sources {year}"
    if year := _year(facets.claims_date):
        return f"source-undated-{year}", f"undated sources, claims of {year}"
    if year := _year(facets.sourced_date):
        return f"source-undated-events-{year}", f"undated sources, events of {year}"
    return "source-undated", "undated sources, no dated claim or event"


#: What a group holds, by the pattern of its key ({year}: the group's year).
MEANINGS = (
    (r"agreement", "the agreements of the record"),
    (r"clause", "the points (clauses) of the agreements"),
    (r"norm", "the obligations and rights the points state"),
    (r"side-.+", "agents that are this state or de facto authority, belong to it, are its forces or hold a post in it"),
    (r"agent-outlets", "news outlets (the publishers of sources)"),
    (r"agent-other", "agents on no state's or authority's side"),
    (r"incident-(\d{4})", "incidents that began in {year} (their earliest beginning)"),
    (r"claim-(\d{4})", "claims dated in {year}"),
    (r"claim-undated-(\d{4})", "claims without a date, about an incident that began in {year} (the claims are not dated by it)"),
    (r"claim-undated", "claims without a date, about no dated incident"),
    (r"source-before-\d{4}", f"sources published before {RECORD_START}"),
    (r"source-(\d{4})", "sources published in {year}"),
    (r"source-undated-(\d{4})", "sources without a publication date, cited by claims of {year} (a claim's date, else its "
                                "incident's beginning; the earliest), never dated by them"),
    (r"source-undated-events-(\d{4})", "sources without a publication date, cited by no dated claim, the source of incidents "
                                       "or events that began in {year}"),
    (r"source-undated", "sources without a publication date, cited by no dated claim and the source of no dated incident "
                        "or event (mostly of places, names, agents and the agreements' texts)"),
    (r"place", "the places of the record"),
    (r"event", "events"),
)


def meaning(key: str, year: str | None = None) -> tuple[int, str]:
    """The rule the group ``key`` follows (its index in ``MEANINGS``) and what the group holds, in words
    (``year``: in place of the group's year).

    >>> meaning("claim-undated-2022")
    (8, 'claims without a date, about an incident that began in 2022 (the claims are not dated by it)')
    >>> meaning("claim-2021", "that year")
    (7, 'claims dated in that year')
    """
    for index, (pattern, text) in enumerate(MEANINGS):
        if found := re.fullmatch(pattern, key):
            return index, text.format(year=year or (found.group(1) if found.groups() else ""))
    return len(MEANINGS), key


def _stage(key: str) -> int:
    """Where a group of years comes among its kind's: before the record, dated, undated by a year (claims, then
    events), undated with no year."""
    if "-before-" in key:
        return 0
    if key.endswith("-undated"):
        return 4
    return 3 if "-undated-events-" in key else 2 if "-undated-" in key else 1


def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


def aggregate(nodes: list[str], edges: list[Edge], table: dict[str, NodeRow], facets: dict[str, Facets],
              side_name: dict[str, str]) -> Grouping:
    """The groups of ``nodes`` and the number of ``edges`` between each pair of groups (deterministic)."""
    found: dict[str, Group] = {}
    of: dict[str, str] = {}
    for iri in sorted(nodes):
        row = table[iri]
        key, name = group_of(row, facets.get(iri), side_name)
        found.setdefault(key, Group(key, row.kind, name)).members.append(iri)
        of[iri] = key
    order = sorted(found.values(), key=lambda g: (GROUP_ORDER.index(g.kind), g.key.startswith("agent-"),
                                                  _stage(g.key), g.key))
    links = Counter((of[e.source], of[e.target]) for e in edges)
    return Grouping({g.key: g for g in order}, of, Counter(dict(sorted(links.items()))))


def summary_view(store: Store, resources: Resources, request: ViewRequest,
                 gazetteer: Gazetteer | None = None) -> Network:
    """The summary (``request.scope == "summary"``) or one group drilled down into (``"group"``), not
    yet laid out.

    Raises:
        ViewError: a group the summary does not have (the message lists them).
    """
    ctx = context(store, resources, request, gazetteer)
    nodes, edges, claims = whole_graph(store, resources, ctx)
    facets = data.group_facets(store, resources)
    sides = {f.side for f in facets.values() if f.side}
    grouping = aggregate(nodes, edges, ctx.table, facets, {s: ctx.label(s) for s in sorted(sides)})
    info = view_info("whole")
    names = {"names": [request.perspective.value]}
    totals = f"{len(nodes):,} resources and {len(edges):,} links"
    if request.scope == "summary":
        title = f"{info.title}: summary"
        network = assemble_network(ctx, request, info, title, {"view": ["summary"], **names}, ([], [], []))
        network.description = (f"The whole graph ({totals}) in {len(grouping.groups)} groups: agents by side, "
                               "incidents, claims and sources by year (claims without a date by their incident's "
                               "year, sources without a date by the year of the claims citing them; each group's "
                               "meaning is given beside it), the others by kind. An edge is as wide as the "
                               "number of links between two groups (hover over it for the number). Click a group to "
                               "see its members.")
        _add_groups(network, grouping, list(grouping.groups), None)
    else:
        network = _group_network(ctx, request, grouping, (edges, claims), totals)
    network.scope = request.scope
    network.styles = [replace(s, shape=LABEL_BELOW.get(s.shape, s.shape)) for s in network.styles]
    network.groups = _groups_json(grouping)
    network.links = {"summary": "?view=summary", "full": "?view=full", "totals": totals}
    return network


def _group_network(ctx: ViewContext, request: ViewRequest, grouping: Grouping, whole: tuple[list[Edge], list[str]],
                   totals: str) -> Network:
    """One group drilled down into: one page of its members (in :func:`member_order`, numbered across
    pages), their links, and the other groups they link to; the group itself stands for its members on the
    other pages, where this page's members link to them (#13)."""
    edges, claims = whole
    group = _checked_group(request.group, grouping)
    found = member_page(member_order(ctx, group.members), request.page, request.per_page)
    shown = replace(group, members=found.members)
    params = {"group": [group.key], **({"page": [str(found.page)]} if found.paged else {}),
              **({"per_page": [str(found.size)]} if found.size != MEMBERS_PER_PAGE else {}),
              "names": [request.perspective.value]}
    pages = f", members {found.start + 1:,}–{found.start + len(found.members):,}" if found.paged else ""
    network = assemble_network(ctx, request, view_info("whole"), f"{view_info('whole').title}: {group.label}{pages}",
                               params, group_parts(shown, edges, claims))
    network.description = (f"The {group.label} of the whole graph ({totals}) with the links between them, "
                           "and the other groups they link to, each edge as wide as its number of links.")
    if found.paged:
        network.description += (f" {found.size} members a page, in the order of their names (claims: of their "
                                f"claimants, then by date): this is page {found.page} of {found.pages}; the group's "
                                "own node stands for its members on the other pages.")
    _number_members(network, found.members, found.start)
    keys = [k for k in grouping.groups if k != group.key or found.paged]
    _add_groups(network, grouping, keys, shown, edges)
    if (own := network.nodes.get(group.node_id)) is not None:
        own.label = f"{group.name}: {found.total - len(found.members):,} members on other pages"
        own.names = [own.label]
        own.members = found.total - len(found.members)
    network.paging = paging_json(found, group.key)
    if own is not None:  # clicked: the next page of members (the last page: the one before)
        own.href = network.paging["next"] or network.paging["previous"]
    return network


def _groups_json(grouping: Grouping) -> list[dict[str, object]]:
    """The numbered list of groups beside the drawing, each group's rule said once, at its first group."""
    groups = [_group_json(g, n, grouping) for n, g in enumerate(grouping.groups.values(), start=1)]
    rules = [meaning(g["key"])[0] for g in groups]
    for i, group in enumerate(groups):
        if i == 0 or rules[i] != rules[i - 1]:
            group["rule"] = meaning(str(group["key"]), "that year")[1]
    return groups


def group_parts(group: Group, edges: list[Edge], claims: list[str]) -> tuple[list[str], list[Edge], list[str]]:
    """A drilled-down group's members, the links between them and the claims they carry, each link's claims
    numbered in the group's list of claims, not the whole view's (a link kept the whole view's numbers: the
    page of a group of claims read past the end of its list and drew nothing, #13).

    >>> parts = group_parts(Group("g", "claim", "g", ["c2", "x"]), [Edge("c2", "x", "l", "r", [2])], ["c0", "c1", "c2"])
    >>> parts[0], parts[1][0].claims, parts[2]
    (['c2', 'x'], [0], ['c2'])
    """
    members = set(group.members)
    inner = [e for e in edges if e.source in members and e.target in members]
    carried = sorted({i for e in inner for i in e.claims} | {i for i, iri in enumerate(claims) if iri in members})
    renumbered = {old: new for new, old in enumerate(carried)}
    inner = [replace(e, claims=[renumbered[i] for i in e.claims]) for e in inner]
    return group.members, inner, [claims[i] for i in carried]


def _checked_group(key: str | None, grouping: Grouping) -> Group:
    if key not in grouping.groups:
        raise ViewError(f"the whole view has no group {key!r}", hint=f"groups: {', '.join(grouping.groups)}")
    return grouping.groups[key]


def _column(group: Group) -> int:
    if group.key.startswith("source-undated"):
        return UNDATED_SOURCES_COLUMN
    return COLUMNS.get(group.key, COLUMNS[group.kind])


def _group_node(group: Group, number: int, summary: bool) -> Node:
    """A group as a node: labelled in full (wrapped), and on a phone by ``number``, its place in the list of
    groups beside the drawing, which names it in full (#13); in a drilled-down group ``G`` and the number,
    the members being numbered 1, 2, …."""
    keys = sorted({k for k in name_keys(group.name) if k})
    return Node(group.node_id, group.kind, group.label, [group.name], keys, members=len(group.members),
                href=f"?group={quote(group.key)}", column=_column(group) if summary else -1,
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
                edges: list[Edge] | None = None) -> None:
    """Add the groups ``keys`` as nodes and the counted links: between groups (the summary) or between
    the members of ``opened`` and the other groups (drilled down)."""
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
    linked = {end for pair in counted for end in pair}
    numbers = {key: n for n, key in enumerate(grouping.groups, start=1)}
    for key in keys:
        group = grouping.groups[key]
        if opened is None or group.node_id in linked:
            network.nodes[group.node_id] = _group_node(group, numbers[key], opened is None)
    for (source, target), n in sorted(counted.items()):
        network.edges.append(Edge(source, target, f"{n:,}", "links", count=n))


def _group_json(group: Group, number: int, grouping: Grouping) -> dict[str, object]:
    return {"number": number, "key": group.key, "kind": group.kind, "label": group.label, "meaning": meaning(group.key)[1],
            "members": len(group.members),
            "inside": grouping.inside(group.key), "links": grouping.touching(group.key),
            "href": f"?group={quote(group.key)}", "id": group.node_id}
