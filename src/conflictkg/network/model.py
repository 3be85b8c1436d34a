"""A network view as plain data: nodes, edges and the claims they carry.

The HTML page and the JSON twin are two renderings of one :class:`Network`. Every label in it
comes from the data (``rdfs:label``, attested names, the ontology's own labels); the page
escapes them all. Edges and claim nodes refer to claims by their index in ``Network.claims``
so that the page can filter by date, clause, claimant and stance without another request.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from typing import Any

from conflictkg.rdf.links import page_href, web_href
from conflictkg.rdf.namespaces import compact_iri

#: Edge colours of the allegation view, one per clause (in the order of the clauses' labels).
CLAUSE_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
                 "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354")


@dataclass(frozen=True)
class Style:
    """How one kind of node is drawn (vis-network shape and colour) and named in the legend."""

    kind: str
    label: str
    color: str
    shape: str


@dataclass
class Claim:
    """What the page filters a claim by."""

    iri: str
    label: str
    date: str | None
    stance: str
    stance_label: str
    claimant: str
    clauses: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class Node:
    """One resource of the view."""

    iri: str
    kind: str
    label: str
    names: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    url: str | None = None
    claims: list[int] = field(default_factory=list)
    degree: int = 0
    betweenness: float = 0.0
    x: float = 0.0
    y: float = 0.0
    #: A group of the whole view's summary: how many resources it stands for, and the page that
    #: drills down into it (relative to the view's page, e.g. ``?group=clause``).
    members: int = 0
    href: str | None = None
    #: The summary's column of this group (left to right); -1: laid out by the spring layout.
    column: int = -1
    #: A group's label on a narrow canvas (a phone): its number in the list of groups, which names it in full.
    short: str | None = None


@dataclass
class Edge:
    """One drawn link: a statement, or (allegation view) the claims of one claimant, accused and clause."""

    source: str
    target: str
    label: str
    relation: str
    claims: list[int] = field(default_factory=list)
    clause: str | None = None
    keyed: bool = False
    bases: list[str] = field(default_factory=list)
    #: An edge of the whole view's summary: how many links of the full view it stands for.
    count: int = 0

    @property
    def weight(self) -> int:
        return self.count or max(len(self.claims), 1)


@dataclass
class Network:
    """One view, ready to lay out and render."""

    view: str
    title: str
    description: str
    perspective: str
    params: dict[str, list[str]]
    nodes: dict[str, Node]
    edges: list[Edge]
    claims: list[Claim]
    styles: list[Style]
    clause_labels: dict[str, str]
    labels: dict[str, str]
    #: ``full``, or for the whole view ``summary`` (one node per group) or ``group`` (one group drilled
    #: down into), with the groups listed beside the drawing (see :mod:`conflictkg.network.summary`).
    scope: str = "full"
    groups: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    #: A drilled-down group's page of members (:func:`conflictkg.network.paging.paging_json`).
    paging: dict[str, Any] = field(default_factory=dict)

    def to_json(self, base_url: str = "") -> dict[str, Any]:
        """The view as JSON-ready data; ``href`` of a resource page is ``{base_url}/resource/{local}``."""
        kinds = {node.kind for node in self.nodes.values()}
        return {
            "view": self.view, "title": self.title, "description": self.description,
            "perspective": self.perspective, "params": self.params,
            "legend": [vars(s) for s in self.styles if s.kind in kinds],
            "nodes": [_node_json(n, base_url) for n in self.nodes.values()],
            "edges": [_edge_json(i, e, curve)
                      for i, (e, curve) in enumerate(zip(self.edges, self.curves(), strict=True))],
            "claims": [_claim_json(c, base_url, self.labels) for c in self.claims],
            "clauses": self._clauses(),
            **({"scope": self.scope, "groups": self.groups, "links": self.links} if self.scope != "full" else {}),
            **({"paging": self.paging} if self.paging else {}),
        }

    def _clauses(self) -> list[dict[str, str]]:
        """The clauses the view's claims concern, by label, each with the colour of its edges."""
        ordered = sorted(self.clause_labels.items(), key=lambda item: (item[1], item[0]))
        return [{"id": iri, "label": label, "color": CLAUSE_COLORS[i % len(CLAUSE_COLORS)]}
                for i, (iri, label) in enumerate(ordered)]

    def curves(self) -> list[int]:
        """0 for the first edge between two nodes in one direction, 1, 2, … for the parallel ones."""
        seen: dict[tuple[str, str], int] = {}
        out = []
        for edge in self.edges:
            key = (edge.source, edge.target)
            out.append(seen.get(key, 0))
            seen[key] = out[-1] + 1
        return out


def _node_json(node: Node, base_url: str) -> dict[str, Any]:
    return {"id": node.iri, "curie": compact_iri(node.iri), "kind": node.kind, "label": node.label,
            "names": node.names, "keys": node.keys, "url": web_href(node.url),
            "href": node.href or page_href(node.iri, base_url), "claims": node.claims, "degree": node.degree,
            "betweenness": node.betweenness, "x": node.x, "y": node.y, **({"members": node.members} if node.members else {}),
            **({"short": node.short} if node.short else {})}


def _edge_json(index: int, edge: Edge, curve: int) -> dict[str, Any]:
    return {"id": f"e{index}", "from": edge.source, "to": edge.target, "label": edge.label,
            "relation": edge.relation, "claims": edge.claims, "clause": edge.clause, "keyed": edge.keyed,
            "bases": edge.bases, "weight": edge.weight, "curve": curve, **({"count": edge.count} if edge.count else {})}


def _claim_json(claim: Claim, base_url: str, labels: dict[str, str]) -> dict[str, Any]:
    return {"id": claim.iri, "label": claim.label, "date": claim.date, "stance": claim.stance,
            "stance_label": claim.stance_label, "claimant": claim.claimant,
            "claimant_label": labels.get(claim.claimant, compact_iri(claim.claimant)),
            "clauses": claim.clauses, "sources": [u for u in claim.sources if web_href(u)],
            "href": page_href(claim.iri, base_url)}


#: A group's drawn label is wrapped to lines of at most this many characters (never cut).
WRAP_WIDTH = 22


def wrap_label(text: str, width: int = WRAP_WIDTH) -> str:
    """``text`` in lines of at most ``width`` characters, broken between words only (a longer word
    keeps its own line): every word of a long name is drawn.

    >>> wrap_label("Republic of Artsakh (Nagorno-Karabakh authorities) side (28)")
    'Republic of Artsakh\\n(Nagorno-Karabakh\\nauthorities) side (28)'
    >>> wrap_label("claims 2021 (113)")
    'claims 2021 (113)'
    """
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def node_size(node: Node) -> float:
    """A node's drawn size (its radius): by its number of links, a group's by its number of members.

    >>> node_size(Node("a", "agent", "a", degree=4)), node_size(Node("g", "claim", "g", members=16))
    (10.0, 20.0)
    """
    return min(10 + 2.5 * math.sqrt(node.members), 40) if node.members else min(6 + 2 * math.sqrt(node.degree), 28)
