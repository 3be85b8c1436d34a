"""A summary of the claim nodes for HermiT: nodes of the same shape merged into one (#14).

HermiT's time grows steeply with individuals, and the claims graph grows with the record. The
summary maps every node that only the claims graph mentions (claims, their content graphs' names,
casualty reports…) to a representative shared by the nodes of the same shape, and states of the
representative everything its nodes state (every triple ``s p o`` becomes ``h(s) p h(o)``). The
ontology, vocabularies and reference data are kept as they are.

Why it is enough when it is consistent: the summary is a homomorphic image of the data (no owl:
assertion about a merged node is allowed: no sameAs, differentFrom or negative assertion), so
from any model of the ontology with the summary, interpreting each node as its representative gives
a model of the ontology with the data. A consistent summary means consistent data. An inconsistent
summary may come from the merge itself (two nodes' values of a functional property on one
representative): then the whole projection is checked, which decides and explains.

The shape of a node: its types, the values of its functional properties (a representative keeps
one value of each, so that the merge makes no clash of its own), and the other properties it uses.
The summary's size grows with the distinct shapes and literal values, not with the number of claims.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
OWL = "http://www.w3.org/2002/07/owl#"
FUNCTIONAL = ox.NamedNode(OWL + "FunctionalProperty")
SUMMARY = "https://w3id.org/conflictkg/projection/summary-"

Node = ox.NamedNode | ox.BlankNode


@dataclass(frozen=True)
class Summary:
    """The triples HermiT is given, and how many the claims graph had before the merge."""

    triples: list[ox.Triple]
    #: each merged node's representative
    representative: dict[Node, ox.NamedNode]

    @property
    def merged_nodes(self) -> int:
        return len(self.representative)

    @property
    def representatives(self) -> int:
        return len(set(self.representative.values()))


def summarise(fixed: list[ox.Triple], claims: list[ox.Triple]) -> Summary:
    """``fixed`` (ontology, vocabularies, reference data) as it is, and ``claims`` with the nodes only it
    mentions merged by shape (module docstring)."""
    mergeable = _mergeable(fixed, claims)
    functional = {t.subject for t in fixed if t.predicate == RDF_TYPE and t.object == FUNCTIONAL}
    types: dict[Node, set[str]] = {}
    for t in claims:
        if t.predicate == RDF_TYPE and t.subject in mergeable:
            types.setdefault(t.subject, set()).add(t.object.value)  # type: ignore[union-attr]
    shape: dict[Node, tuple[set[str], set[str]]] = {n: (set(), set()) for n in mergeable}
    for t in claims:
        if t.subject in mergeable and t.predicate != RDF_TYPE:
            values, uses = shape[t.subject]  # type: ignore[index]
            if t.predicate in functional:
                values.add(f"{t.predicate.value} {_value_key(t.object, mergeable, types)}")
            else:
                uses.add(t.predicate.value)
    rep = {n: _representative(sorted(types.get(n, ())), sorted(v), sorted(u)) for n, (v, u) in shape.items()}
    merged = {h(t, rep) for t in claims}
    return Summary(fixed + sorted(merged - set(fixed), key=str), rep)


def _mergeable(fixed: list[ox.Triple], claims: list[ox.Triple]) -> set[Node]:
    """The subjects and objects of ``claims`` that ``fixed`` never mentions, are never a type or a
    property, and are in no owl: assertion."""
    kept: set[object] = set()
    for t in fixed:
        kept.update((t.subject, t.predicate, t.object))
    nodes: set[Node] = set()
    for t in claims:
        kept.add(t.predicate)
        if t.predicate == RDF_TYPE:
            kept.add(t.object)
        if t.predicate.value.startswith(OWL):
            kept.update((t.subject, t.object))
        for term in (t.subject, t.object):
            if isinstance(term, (ox.NamedNode, ox.BlankNode)):
                nodes.add(term)
    return {n for n in nodes if n not in kept}


def _value_key(value: object, mergeable: set[Node], types: dict[Node, set[str]]) -> str:
    if value in mergeable:
        return "node of " + " ".join(sorted(types.get(value, ())))  # type: ignore[arg-type]
    return str(value)


def _representative(types: list[str], values: list[str], uses: list[str]) -> ox.NamedNode:
    digest = hashlib.sha256("\n".join(["types", *types, "values", *values, "uses", *uses]).encode()).hexdigest()
    return ox.NamedNode(SUMMARY + digest[:20])


def h(t: ox.Triple, rep: dict[Node, ox.NamedNode]) -> ox.Triple:
    """The triple with each merged node replaced by its representative."""
    return ox.Triple(rep.get(t.subject, t.subject), t.predicate,  # type: ignore[arg-type]
                     rep.get(t.object, t.object))  # type: ignore[arg-type]


def split(quads: Iterable[ox.Quad], claims_graph: str) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """The triples of the other graphs, and those of ``claims_graph``."""
    fixed: list[ox.Triple] = []
    claims: list[ox.Triple] = []
    for q in quads:
        (claims if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == claims_graph
         else fixed).append(q.triple)
    return fixed, claims
