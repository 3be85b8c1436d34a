"""The four network views: which resources and links each one draws.

* ``allegations``: claimants → accused parties, one edge per clause, weighted by claims;
* ``clause``: one or more points of the 9/10 November 2020 statement, their norms, the claims
  alleging their breach, the claimants, accused parties and incidents;
* ``incident``: one incident's claims, claimants, accused parties, sources, events and places;
* ``whole``: every curated resource and claim node with the links between them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from conflictkg.claim_names import StatusClaim, status_claims, status_names
from conflictkg.errors import QueryError
from conflictkg.names import name_keys
from conflictkg.naming import Gazetteer, Perspective
from conflictkg.network import data
from conflictkg.network.data import NodeRow, Statement
from conflictkg.network.model import Claim, Edge, Network, Node, Style
from conflictkg.network.paging import MAX_PER_PAGE, MEMBERS_PER_PAGE, MIN_PER_PAGE
from conflictkg.paging import whole_number
from conflictkg.rdf.namespaces import compact_iri, expand_curie
from conflictkg.resources import Resources
from conflictkg.store import Store


class ViewError(QueryError):
    """An unknown view, or a clause or incident the graph does not hold."""


@dataclass(frozen=True)
class ViewInfo:
    name: str
    title: str
    description: str


VIEWS: dict[str, ViewInfo] = {v.name: v for v in (
    ViewInfo("allegations", "Allegation network",
             "Who accused whom of breaching which point: one edge per claimant, accused party and clause, "
             "as wide as the number of claims."),
    ViewInfo("clause", "Clause view",
             "One or more points of the 9/10 November 2020 statement, the norms they impose and on whom, the "
             "claims alleging their breach, and those claims' claimants, accused parties and incidents."),
    ViewInfo("incident", "Incident view",
             "One incident: its claims, claimants, accused parties and sources, the events the claims describe "
             "and where each claim places them."),
    ViewInfo("whole", "Whole graph",
             "Every curated resource (agreements, clauses, norms, agents, places, incidents, sources) and every "
             "claim node, with the links between them."),
)}

#: Colour and vis-network shape per kind (the legend's label comes from the ontology).
DRAWING: dict[str, tuple[str, str]] = {
    "agreement": ("#6a3d9a", "star"), "clause": ("#1f78b4", "square"), "norm": ("#8fb9d6", "triangle"),
    "agent": ("#d62728", "dot"), "place": ("#2ca02c", "diamond"), "incident": ("#ff7f0e", "hexagon"),
    "claim": ("#e6b422", "triangleDown"), "source": ("#8c564b", "box"), "event": ("#9467bd", "ellipse"),
}


@dataclass(frozen=True)
class ViewRequest:
    """What to draw: a view name and its parameters."""

    view: str
    clauses: tuple[int, ...] = ()
    incident: str | None = None
    perspective: Perspective = Perspective.NEUTRAL
    #: ``full`` (every resource), or for the whole, clause and allegation views (:data:`AGGREGABLE`)
    #: ``summary`` (one node per group), ``group`` (the members of ``group`` and the other groups;
    #: :mod:`conflictkg.network.summary`) or ``auto``: the summary when the view is large
    #: (:meth:`ViewPart.large`), else the full view (what the site's clause and allegation views open on, #14).
    scope: str = "full"
    group: str | None = None
    #: A drilled-down group's page of members (from 1) and its size (:mod:`conflictkg.network.paging`).
    page: int = 1
    per_page: int = MEMBERS_PER_PAGE


@dataclass
class _Context:
    """The tables every view needs, read once per build."""

    table: dict[str, NodeRow]
    claims: dict[str, data.ClaimRow]
    gazetteer: Gazetteer
    names: dict[str, list[str]]
    perspective: Perspective
    labels: dict[str, str] = field(default_factory=dict)
    #: Resources the view names itself (:mod:`conflictkg.claim_names`): their curator's label is not shown.
    named: frozenset[str] = frozenset()

    def label(self, iri: str) -> str:
        if iri not in self.labels:
            row = self.table.get(iri)
            fallback = row.label if row and row.label else compact_iri(iri)
            self.labels[iri] = self.gazetteer.name(iri, self.perspective, fallback) or fallback
        return self.labels[iri]


#: The tables a view is built from, read once per build (what :func:`context` returns).
ViewContext = _Context


def view_info(name: str) -> ViewInfo:
    """The view called ``name``; :class:`ViewError` listing the views otherwise."""
    try:
        return VIEWS[name]
    except KeyError:
        raise ViewError(f"unknown network view {name!r}", hint=f"views: {', '.join(VIEWS)}") from None


def build_network(store: Store, resources: Resources, request: ViewRequest,
                  gazetteer: Gazetteer | None = None) -> Network:
    """The nodes, edges and claims of one view (not yet measured or laid out).

    Raises:
        ViewError: an unknown view, clause number or incident (the message lists what exists).
    """
    info = view_info(request.view)
    if request.clauses and request.view != "clause":
        raise ViewError(f"clause numbers apply to the clause view, not to {request.view!r}")
    if request.incident and request.view != "incident":
        raise ViewError(f"an incident applies to the incident view, not to {request.view!r}")
    check_scope(request)
    if request.scope != "full":
        raise ViewError("the summaries and groups of views are built by conflictkg.network.network_view")
    return view_part(store, resources, request, gazetteer).network(request)


#: A view opens on its summary when it would draw more nodes than this, or list more claims (the scope
#: ``auto``): past it a drawing is a tangle, its layout and measures take seconds (500 is also where the
#: layout leaves networkx's own solver, :mod:`conflictkg.network.graphs`) and its page passes 500 kB (#14).
SUMMARY_ABOVE = 500


@dataclass
class ViewPart:
    """A view's resources, links and claims (IRIs), not yet assembled into a :class:`Network`, with the
    tables read for them, its title and its parameters (without the naming perspective)."""

    ctx: _Context
    info: ViewInfo
    title: str
    params: dict[str, list[str]]
    nodes: list[str]
    edges: list[Edge]
    claims: list[str]
    #: The number of claims the full view lists, where ``claims`` does not hold them (an outline of the view
    #: for its summary, :mod:`conflictkg.network.outline`).
    claim_count: int | None = None

    @property
    def large(self) -> bool:
        """Whether the view opens on its summary (:data:`SUMMARY_ABOVE`)."""
        claims = len(self.claims) if self.claim_count is None else self.claim_count
        return len(self.nodes) > SUMMARY_ABOVE or claims > SUMMARY_ABOVE

    def network(self, request: ViewRequest) -> Network:
        """The full view, assembled (not yet measured or laid out)."""
        params = {**self.params, "names": [request.perspective.value]}
        return assemble_network(self.ctx, request, self.info, self.title, params, (self.nodes, self.edges, self.claims))


def view_part(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None = None) -> ViewPart:
    """What the full view of ``request`` draws, read from the store (the scope is not looked at)."""
    info = view_info(request.view)
    if request.view == "allegations":
        rows = data.allegation_rows(store, resources)
        ctx = allegation_context(store, resources, request, gazetteer, rows)
        nodes, edges, claims = allegation_graph(ctx, rows)
        return ViewPart(ctx, info, info.title, {}, nodes, edges, claims)
    if request.view == "whole":
        ctx = context(store, resources, request, gazetteer)
        return ViewPart(ctx, info, info.title, {"view": ["full"]}, *whole_graph(store, resources, ctx))
    found, ctx, title, params = _centred(store, resources, request, gazetteer, info)
    return ViewPart(ctx, info, title, params, *statement_graph(ctx, found, exclude_kinds=set()))


SCOPES = ("full", "summary", "group", "auto")
#: The views that have a summary (and groups to drill down into).
AGGREGABLE = ("whole", "clause", "allegations")


def check_scope(request: ViewRequest) -> None:
    """:class:`ViewError` unless the request's scope (and group) fit its view."""
    if request.scope not in SCOPES:
        raise ViewError(f"unknown scope {request.scope!r}", hint=f"scopes: {', '.join(SCOPES)}")
    if request.scope != "full" and request.view not in AGGREGABLE:
        raise ViewError(f"a summary applies to the whole, clause and allegation views, not to {request.view!r}")
    if (request.scope == "group") != bool(request.group):
        raise ViewError("a group is drilled down into with scope 'group' and a group name",
                        hint="the summary of the whole view lists its groups")
    if request.page != 1 and request.scope != "group":
        raise ViewError("a page of members applies to a drilled-down group", hint="e.g. ?group=claim-2023&page=2")
    if request.per_page != MEMBERS_PER_PAGE:
        if request.scope != "group":
            raise ViewError("members per page apply to a drilled-down group", hint="e.g. ?group=claim-2023&per_page=10")
        whole_number("per_page", str(request.per_page), MIN_PER_PAGE, MAX_PER_PAGE)


def context(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None) -> _Context:
    """The tables every view needs (drawable resources, claims, names), read once per build."""
    gazetteer = gazetteer or Gazetteer.load(store, resources)
    ctx = _Context(data.drawable_nodes(store, resources), data.claim_rows(store, resources),
                   gazetteer, gazetteer.names, request.perspective)
    return _named(ctx, status_claims(store, resources))


def _named(ctx: _Context, statuses: dict[str, StatusClaim]) -> _Context:
    """``ctx`` with its status claims named as the other claims (:mod:`conflictkg.claim_names`), from
    ``statuses`` (every status assessment)."""
    named = status_names(statuses, ctx.label, among=ctx.claims)
    ctx.labels.update(named)
    ctx.named = frozenset(named)
    return ctx


def allegation_context(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None,
                       rows: list[data.AllegationRow]) -> _Context:
    """The allegation view's tables, read for its claimants, accused parties, clauses and claims alone (#14):
    what :func:`context` would give it."""
    return centred_context(store, resources, request, gazetteer, [],
                           {iri for r in rows for iri in (r.claimant, r.accused, r.clause, r.claim) if iri})


def whole_graph(store: Store, resources: Resources, ctx: _Context) -> tuple[list[str], list[Edge], list[str]]:
    """The whole view's resources, links and claims (events, what claims assert, stay out)."""
    return statement_graph(ctx, data.statements(store, resources, "whole"), exclude_kinds={"event"})


def _centred(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None,
             info: ViewInfo) -> tuple[list[Statement], _Context, str, dict[str, list[str]]]:
    """A clause or incident view's statements, the tables read for them alone (:func:`centred_context`),
    its title and parameters."""
    if request.view == "clause":
        found, title, params = clause_statements(store, resources, request, info)
        return found, centred_context(store, resources, request, gazetteer, found, ()), title, params
    incident = _checked_incident(store, resources, request.incident)
    found = data.statements(store, resources, "incident", {"incident": incident})
    ctx = centred_context(store, resources, request, gazetteer, found, (incident,))
    return found, ctx, f"{info.title}: {ctx.label(incident)}", {"incident": [compact_iri(incident)]}


def clause_statements(store: Store, resources: Resources, request: ViewRequest,
                      info: ViewInfo) -> tuple[list[Statement], str, dict[str, list[str]]]:
    """A clause view's statements (its clauses checked), its title and its parameters."""
    known = data.clause_numbers(store, resources)
    numbers = _checked_clauses(request.clauses, known)
    found = [s for n in numbers for s in data.statements(store, resources, "clause", {"clause": str(n)})]
    title = f"{info.title}: {'; '.join(known[n][1] for n in numbers)}"
    return found, title, {"clause": [str(n) for n in numbers]}


def centred_context(store: Store, resources: Resources, request: ViewRequest, gazetteer: Gazetteer | None,
                    found: list[Statement], also: Iterable[str]) -> _Context:
    """The tables of a view that draws a part of the graph (a clause's, an incident's), read for that part
    alone (#14), not for the whole store: the resources its statements ``found`` link and ``also`` (e.g.
    its incident), the claims among them, the clauses those claims concern (the clause filter names them)
    and the claimants and norms its status claims are named from (:mod:`conflictkg.claim_names`). What the
    view draws is what :func:`context` would give it."""
    gazetteer = gazetteer or Gazetteer.load(store, resources)
    table = data.drawable_nodes(store, resources, {iri for s in found for iri in (s.subject, s.object)} | set(also))
    claims = data.claim_rows(store, resources, [iri for iri, row in table.items() if row.kind == "claim"])
    statuses = status_claims(store, resources)
    named_by = {iri for claim in claims if claim in statuses for iri in (statuses[claim].claimant, statuses[claim].norm)}
    clauses = {c for claim in claims.values() for c in claim.clauses}
    table = dict(sorted({**table, **data.drawable_nodes(store, resources, (clauses | named_by) - set(table))}.items()))
    return _named(_Context(table, claims, gazetteer, gazetteer.names, request.perspective), statuses)


def _checked_clauses(requested: Iterable[int], known: dict[int, tuple[str, str]]) -> list[int]:
    numbers = sorted(set(requested))
    listing = ", ".join(f"{n} ({label})" for n, (_iri, label) in sorted(known.items()))
    if not numbers:
        raise ViewError("the clause view needs at least one clause number (--clause N)", hint=f"clauses: {listing}")
    unknown = [n for n in numbers if n not in known]
    if unknown:
        raise ViewError(f"the statement has no clause {', '.join(map(str, unknown))}", hint=f"clauses: {listing}")
    return numbers


def _checked_incident(store: Store, resources: Resources, raw: str | None) -> str:
    """The incident ``raw`` names (prefixed or full IRI), looked up alone; every incident is listed (read
    whole) only when there is none such."""
    iri = expand_curie(raw) if raw else None
    try:
        found = data.drawable_nodes(store, resources, [iri]).get(iri) if iri else None
    except QueryError:  # not an IRI at all: no incident either
        found = None
    if found is not None and found.kind == "incident":
        return iri  # type: ignore[return-value]
    incidents = sorted(i for i, row in data.drawable_nodes(store, resources).items() if row.kind == "incident")
    listing = ", ".join(compact_iri(i) for i in incidents)
    if not raw:
        raise ViewError("the incident view needs an incident (--incident IRI)", hint=f"incidents: {listing}")
    raise ViewError(f"no incident {raw!r} in the graph", hint=f"incidents: {listing}")


def allegation_graph(ctx: _Context, rows: list[data.AllegationRow]) -> tuple[list[str], list[Edge], list[str]]:
    """The allegation view's agents, links (one per claimant, accused party and clause, carrying its claims'
    numbers) and claims, from its ``rows`` (claims without a filter row in ``ctx`` left out)."""
    claims = sorted({r.claim for r in rows if r.claim in ctx.claims})
    index = {iri: i for i, iri in enumerate(claims)}
    grouped: dict[tuple[str, str, str], Edge] = {}
    for r in rows:
        if r.claim not in index:
            continue
        key = (r.claimant, r.accused, r.clause or r.relation)
        edge = grouped.setdefault(key, Edge(r.claimant, r.accused, r.relation, r.relation, clause=r.clause, keyed=True))
        if index[r.claim] not in edge.claims:
            edge.claims.append(index[r.claim])
        if r.basis and r.basis not in edge.bases:
            edge.bases.append(r.basis)
    edges = [grouped[k] for k in sorted(grouped)]
    for edge in edges:
        edge.claims.sort()
        edge.bases.sort()
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    return nodes, edges, claims


def statement_graph(ctx: _Context, found: list[Statement],
                    exclude_kinds: set[str]) -> tuple[list[str], list[Edge], list[str]]:
    """The resources, links and claims a statement view draws of its statements ``found``: those whose both
    ends ``ctx.table`` holds, of a kind not in ``exclude_kinds`` (its claims: those ``ctx.claims`` holds)."""
    def drawable(iri: str) -> bool:
        return iri in ctx.table and ctx.table[iri].kind not in exclude_kinds

    kept = sorted({s for s in found if drawable(s.subject) and drawable(s.object) and s.subject != s.object},
                  key=lambda s: (s.subject, s.object, s.predicate))
    nodes = sorted({s.subject for s in kept} | {s.object for s in kept})
    claims = [iri for iri in nodes if ctx.table[iri].kind == "claim" and iri in ctx.claims]
    index = {iri: i for i, iri in enumerate(claims)}
    merged: dict[tuple[str, str], Edge] = {}
    for s in kept:  # parallel statements (e.g. cited in + quote source) share one edge
        edge = merged.get((s.subject, s.object))
        if edge is None:
            carried = [index[i] for i in (s.subject, s.object) if i in index][:1]
            merged[(s.subject, s.object)] = Edge(s.subject, s.object, s.label, s.predicate, carried)
        elif s.label not in edge.label.split("; "):
            edge.label, edge.relation = f"{edge.label}; {s.label}", f"{edge.relation} {s.predicate}"
    return nodes, list(merged.values()), claims


def assemble_network(ctx: _Context, request: ViewRequest, info: ViewInfo, title: str, params: dict[str, list[str]],
             parts: tuple[list[str], list[Edge], list[str]]) -> Network:
    node_iris, edges, claim_iris = parts
    claims = [_claim(ctx, iri) for iri in claim_iris]
    index = {iri: i for i, iri in enumerate(claim_iris)}
    nodes = {iri: resource_node(ctx, iri, index) for iri in node_iris}
    clauses = {c for claim in claims for c in claim.clauses} | {e.clause for e in edges if e.clause}
    labels = {iri: ctx.label(iri) for iri in sorted({c.claimant for c in claims})}
    kinds = {}
    for row in ctx.table.values():
        kinds.setdefault(row.kind, row.kind_label)
    styles = [Style(kind, kinds.get(kind, kind), *DRAWING[kind]) for kind in DRAWING]
    return Network(request.view, title, info.description, request.perspective.value, params, nodes, edges, claims,
                   styles, {c: ctx.label(c) for c in sorted(clauses)}, labels)


def _claim(ctx: _Context, iri: str) -> Claim:
    row = ctx.claims[iri]
    return Claim(iri, ctx.label(iri), row.date, row.stance, row.stance_label or compact_iri(row.stance),
                 row.claimant, sorted(row.clauses), sorted(row.sources))


def resource_node(ctx: _Context, iri: str, claim_index: dict[str, int]) -> Node:
    row = ctx.table[iri]
    label = ctx.label(iri)
    own = [row.label] if row.label and iri not in ctx.named else []
    names = sorted({label, *own, *ctx.names.get(iri, [])})
    keys = sorted({key for name in names for key in name_keys(name) if key})
    claims = [claim_index[iri]] if iri in claim_index else []
    return Node(iri, row.kind, label, names, keys, row.url, claims)


def view_choices(store: Store, resources: Resources) -> dict[str, list[tuple[str, str]]]:
    """The values the parametrised views take, with labels: clause numbers and incidents (prefixed IRIs)."""
    clauses = [(str(n), label) for n, (_iri, label) in sorted(data.clause_numbers(store, resources).items())]
    incidents = [(compact_iri(iri), label) for iri, label in data.incident_choices(store, resources)]
    return {"clause": clauses, "incident": incidents}
