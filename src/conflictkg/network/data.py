"""The answers behind the network views, read with the queries in ``queries/views/``.

Each function runs one query (parameters bound by :func:`conflictkg.sparql.queries.run`, never pasted
into the text) and returns plain Python values, sorted for deterministic output. The tables of drawable
resources and of claims are read whole for the views that draw everything (the whole view, the allegation
view), and for the resources or claims given for a view that draws a part (a clause or an incident, #14):
one question over those values (:func:`conflictkg.sparql.queries.run_over`; a few hundred at a time,
:func:`~conflictkg.sparql.queries.run_over_sorted`), not a scan of the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from conflictkg.rdf.terms import Term, term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.queries import Query, load_query, run, run_over, run_over_sorted
from conflictkg.sparql.windows import unordered
from conflictkg.store import Store

#: When a resource has several drawable kinds, the first in this order wins.
KIND_ORDER = ("agreement", "clause", "norm", "incident", "claim", "event", "source", "place", "agent")


@dataclass(frozen=True)
class NodeRow:
    """A drawable resource: its kind (with the ontology's label for it), label and web address."""

    iri: str
    kind: str
    kind_label: str
    label: str
    url: str | None


@dataclass(frozen=True)
class Statement:
    """One link of a statement view, with the predicate's label (or its local name)."""

    subject: str
    predicate: str
    object: str
    label: str


@dataclass(frozen=True)
class AllegationRow:
    claimant: str
    accused: str
    clause: str | None
    relation: str
    basis: str | None
    claim: str


@dataclass
class ClaimRow:
    """A claim's filter values, gathered from several rows."""

    date: str | None
    stance: str
    stance_label: str
    claimant: str
    clauses: set[str]
    sources: set[str]


def view_query(resources: Resources, name: str) -> Query:
    """The query ``queries/views/{name}.rq``."""
    return load_query(resources.views_queries_dir / f"{name}.rq")


def _opt(term: Term | None) -> str | None:
    return None if term is None else term_to_str(term)


def drawable_nodes(store: Store, resources: Resources, iris: Iterable[str] | None = None) -> dict[str, NodeRow]:
    """Every drawable resource by IRI (query ``nodes``), or only those of ``iris`` (query ``resources``;
    the others have no kind the views draw); one kind each, by :data:`KIND_ORDER`."""
    best: dict[str, NodeRow] = {}
    for row in _rows(store, resources, ("nodes", "resources", "node"), iris):
        iri, kind = term_to_str(row["node"]), term_to_str(row["kind"])
        candidate = NodeRow(iri, kind, term_to_str(row["kind_label"]) or kind, term_to_str(row["label"]),
                            _opt(row["url"]))
        current = best.get(iri)
        if current is None or (KIND_ORDER.index(kind), candidate.label) < (KIND_ORDER.index(current.kind),
                                                                             current.label):
            best[iri] = candidate
    return dict(sorted(best.items()))


def claim_rows(store: Store, resources: Resources, iris: Iterable[str] | None = None) -> dict[str, ClaimRow]:
    """Filter values of every claim (query ``claims``), or of the claims ``iris`` (query ``claim-filters``)."""
    claims: dict[str, ClaimRow] = {}
    for row in _rows(store, resources, ("claims", "claim-filters", "claim"), iris):
        iri = term_to_str(row["claim"])
        claim = claims.setdefault(iri, ClaimRow(_opt(row["claim_date"]), term_to_str(row["stance"]),
                                                term_to_str(row["stance_label"]), term_to_str(row["claimant"]),
                                                set(), set()))
        if row["clause"] is not None:
            claim.clauses.add(term_to_str(row["clause"]))
        if row["source_url"] is not None:
            claim.sources.add(term_to_str(row["source_url"]))
    return dict(sorted(claims.items()))


def _rows(store: Store, resources: Resources, names: tuple[str, str, str],
          iris: Iterable[str] | None) -> list[dict[str, Term | None]]:
    """The rows of the whole question ``names[0]``, or of ``names[1]`` with its parameter ``names[2]``
    bound to each of ``iris`` (none when ``iris`` is empty), a few hundred at a time (:func:`run_over_sorted`)."""
    whole, bounded, param = names
    if iris is None:
        return run(store, view_query(resources, whole)).dicts()
    values = sorted(set(iris))
    return run_over_sorted(store, view_query(resources, bounded), param, values).dicts() if values else []


def statements(store: Store, resources: Resources, name: str, params: dict[str, str] | None = None) -> list[Statement]:
    """The links of a statement view (queries ``clause``, ``incident``, ``whole``), asked without their ORDER BY
    and sorted here in its order (subject, predicate, object; IRIs in code point order, as SPARQL's), then by
    label: on the store on disk the engine's sort was three quarters of clause 6's question (1.6 of 2.1 s at
    10x the shipped data, #14)."""
    query = view_query(resources, name)
    out = []
    for row in run(store, replace(query, text=unordered(query.text)), params).dicts():
        predicate = term_to_str(row["predicate"])
        label = term_to_str(row["predicate_label"]) or _local_name(predicate)
        out.append(Statement(term_to_str(row["subject"]), predicate, term_to_str(row["object"]), label))
    return sorted(out, key=lambda s: (s.subject, s.predicate, s.object, s.label))


def _local_name(iri: str) -> str:
    """The part of ``iri`` after its last ``#`` or ``/``.

    >>> _local_name("http://purl.org/dc/terms/spatial")
    'spatial'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def allegation_rows(store: Store, resources: Resources, agents: Iterable[str] | None = None) -> list[AllegationRow]:
    """Claim by claim: who accused whom of breaching which clause (query ``allegations``); of the claims whose
    claimant or accused party is one of ``agents`` alone (query ``agent-allegations``, #14), if given."""
    if agents is None:
        rows = run(store, view_query(resources, "allegations")).dicts()
    else:  # one question: a claim joins two agents, so its answer is not the parts' (:func:`run_over_sorted`)
        values = sorted(set(agents))
        rows = run_over(store, view_query(resources, "agent-allegations"), "agent", values).dicts() if values else []
    return [AllegationRow(term_to_str(r["claimant"]), term_to_str(r["accused"]), _opt(r["clause"]),
                          term_to_str(r["relation"]), _opt(r["basis"]), term_to_str(r["claim"])) for r in rows]


@dataclass(frozen=True)
class AllegationLink:
    """The allegation network counted: a claimant, accused party, clause and relation, and its claims' number."""

    claimant: str
    accused: str
    clause: str | None
    relation: str
    claims: int


def allegation_links(store: Store, resources: Resources) -> list[AllegationLink]:
    """The allegation network's links with the number of claims each carries (query ``allegation-links``: the
    claims counted by the store, not read, #14)."""
    return [AllegationLink(term_to_str(r["claimant"]), term_to_str(r["accused"]), _opt(r["clause"]),
                           term_to_str(r["relation"]), int(term_to_str(r["claims"])))
            for r in run(store, view_query(resources, "allegation-links")).dicts()]


def allegation_claim_count(store: Store, resources: Resources) -> int:
    """How many claims the allegation view lists (query ``allegation-claims``)."""
    rows = run(store, view_query(resources, "allegation-claims")).dicts()
    return int(term_to_str(rows[0]["claims"])) if rows and rows[0]["claims"] is not None else 0


def clause_numbers(store: Store, resources: Resources) -> dict[int, tuple[str, str]]:
    """The statement's clauses: number → (IRI, label) (query ``clauses``)."""
    return {int(term_to_str(r["clause_number"])): (term_to_str(r["clause"]), term_to_str(r["label"]))
            for r in run(store, view_query(resources, "clauses")).dicts()}


def incident_choices(store: Store, resources: Resources) -> list[tuple[str, str]]:
    """Every incident (IRI) with its label, by IRI (query ``incident-choices``: the incidents alone, not every
    drawable resource, #14); an incident with several labels keeps the first, as :func:`drawable_nodes` does."""
    found: dict[str, str] = {}
    for row in run(store, view_query(resources, "incident-choices")).dicts():
        found.setdefault(term_to_str(row["incident"]), term_to_str(row["label"]))
    return sorted(found.items())


@dataclass
class Facets:
    """What the whole view's summary groups one resource by: its side, outlet flag and first date."""

    side: str | None = None
    side_label: str = ""
    outlet: bool = False
    date: str | None = None
    #: A claim without a date: the earliest beginning of the incident it is about (never its date).
    incident_date: str | None = None
    #: A source: the earliest date of the claims citing it (a claim's date, else its incident's beginning).
    claims_date: str | None = None
    #: A source: the earliest beginning of the incidents and events it is the source of.
    sourced_date: str | None = None


def group_facets(store: Store, resources: Resources, iris: Iterable[str] | None = None) -> dict[str, Facets]:
    """Per resource: the side and dates that sort first, whether it is an outlet, for a claim without a
    date its incident's first beginning, and for a source the dates of what it documents (query ``groups``;
    of the resources ``iris`` alone: queries ``group-sides`` and ``group-dates``, asked apart, #14)."""
    if iris is None:
        rows = run(store, view_query(resources, "groups")).dicts()
    else:
        rows = [row for name in ("group-sides", "group-dates") for row in _rows(store, resources, ("", name, "node"), iris)]
    facets: dict[str, Facets] = {}
    for row in rows:
        found = facets.setdefault(term_to_str(row["node"]), Facets())
        side, date = _opt(row.get("side")), _opt(row.get("date"))
        if side and (found.side is None or (_opt(row["side_label"]) or side, side) < (found.side_label, found.side)):
            found.side, found.side_label = side, _opt(row["side_label"]) or side
        if row.get("outlet") is not None and term_to_str(row["outlet"]) == "true":
            found.outlet = True
        if date and (found.date is None or date < found.date):
            found.date = date
        for name in ("incident_date", "claims_date", "sourced_date"):
            value, kept = _opt(row.get(name)), getattr(found, name)
            if value and (kept is None or value < kept):
                setattr(found, name, value)
    return dict(sorted(facets.items()))
