"""rdflib's in-memory store behind the :class:`conflictkg.store.Store` protocol (for tests).

Kept apart from :mod:`conflictkg.store.oxigraph` so that the embedded query path never imports rdflib.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from conflictkg.errors import QueryError
from conflictkg.rdf.terms import Term
from conflictkg.sparql.guard import check_query
from conflictkg.store import Result


def to_rdflib(term: Term) -> Node:
    """Convert a neutral term to rdflib."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def from_rdflib(node: Node) -> Term:
    """Convert an rdflib term to a neutral term."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"unsupported term {node!r}")


class MemoryStore:
    """An rdflib ``Dataset`` whose default graph is the union of its named graphs."""

    def __init__(self, quads: Iterable[ox.Quad] = ()) -> None:
        self._ds = Dataset(default_union=True)
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph):
                raise ValueError("conflictkg data lives in named graphs; got a default-graph quad")
            self._ds.add(
                (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), URIRef(q.graph_name.value))
            )

    @property
    def dataset(self) -> Dataset:
        return self._ds

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None,
              prefixes: Mapping[str, str] | None = None) -> Result:
        check_query(sparql)  # rdflib would fetch SERVICE URLs too
        init = {k: to_rdflib(v) for k, v in (bindings or {}).items()}
        try:
            answer = self._ds.query(sparql, initBindings=init, initNs=dict(prefixes or {}))
        except Exception as exc:  # pyparsing and rdflib raise many types
            line = getattr(exc, "lineno", None)
            col = getattr(exc, "col", None)
            where = f" at line {line}, column {col}" if line else ""
            raise QueryError(f"SPARQL error{where}: {exc}") from exc
        if answer.type == "ASK":
            return Result("ask", boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            triples = [ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o in answer.graph]
            return Result("graph", triples=triples)
        names = [str(v) for v in answer.vars or []]
        rows = [tuple(None if r[i] is None else from_rdflib(r[i]) for i in range(len(names))) for r in answer]
        return Result("select", names, rows)

    def quads(self) -> Iterator[ox.Quad]:
        for s, p, o, g in self._ds.quads((None, None, None, None)):
            if g is None:
                continue
            gname = g.identifier if hasattr(g, "identifier") else g
            yield ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), ox.NamedNode(str(gname)))

    def graph_names(self) -> list[str]:
        return sorted(str(g.identifier) for g in self._ds.graphs() if isinstance(g.identifier, URIRef)
                      and str(g.identifier) != "urn:x-rdflib:default")

    def close(self) -> None:
        pass
