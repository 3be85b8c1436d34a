"""The store backends behind one small interface: embedded Oxigraph (default) and rdflib in memory.

Every backend answers :meth:`Store.query` with a :class:`Result` made of neutral terms
(:mod:`conflictkg.rdf.terms`), so that callers never depend on which engine ran the query.
The backends live beside this module: :mod:`.oxigraph` (embedded, on disk or in memory),
:mod:`.memory` (rdflib's in-memory ``Dataset``, for tests and cross-checks) and
:mod:`.directory` (the store directory: atomic on-disk generations of the Oxigraph store).
A remote SPARQL 1.1 endpoint backend only has to implement the same protocol, in its own module.

Query semantics shared by all backends: the default graph is the union of all named graphs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

import pyoxigraph as ox

from conflictkg.rdf.terms import Term

ResultKind = Literal["select", "ask", "graph"]


@dataclass
class Result:
    """The answer to one SPARQL query, independent of the backend."""

    kind: ResultKind
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Term | None]]:
        """Rows as ``{variable: term}`` dicts (SELECT only)."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


class Store(Protocol):
    """What conflictkg needs from an RDF store."""

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None,
              prefixes: Mapping[str, str] | None = None) -> Result: ...

    def quads(self) -> Iterator[ox.Quad]: ...

    def graph_names(self) -> list[str]: ...

    def close(self) -> None: ...

