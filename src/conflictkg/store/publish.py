"""Load a release (or the embedded store) into a SPARQL server: the SPARQL 1.1 Graph Store Protocol.

Every named graph is sent with one ``PUT GRAPH-STORE?graph=IRI`` (N-Triples), which replaces that
graph on the server in one request. How atomic that is, is the protocol's limit: each graph is
replaced whole or not at all, but the dataset is not one transaction. Graphs are sent in sorted
order; when one is refused, the graphs before it are new, the rest are still the old ones, and the
error names the graph and says so: publishing again (PUT replaces) completes it. Only after every
graph is loaded are conflictkg's graphs that the release no longer has removed (``DELETE``, when the
server's query endpoint is given to list them), so a reader never misses a graph the release keeps.

Blank nodes are scoped to one request: one shared by two graphs would become two on the server.
conflictkg's data has none shared between graphs (the comparison tests would show it).
"""

from __future__ import annotations

import time
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from conflictkg.errors import ConflictKGError, StoreError
from conflictkg.store.remote import RemoteStore, is_url, send


@dataclass
class Published:
    """What a publish did: quads per graph loaded, graphs removed, seconds taken."""

    target: str
    graphs: dict[str, int] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def quads(self) -> int:
        return sum(self.graphs.values())


def by_graph(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Triple]]:
    """Triples per named graph IRI (sorted by IRI); a default-graph quad is refused."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in quads:
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise StoreError("conflictkg publishes named graphs only; the source has a default-graph quad",
                             hint="publish a release written by `conflictkg release` or a store made by `conflictkg build`")
        graphs[quad.graph_name.value].append(quad.triple)
    return dict(sorted(graphs.items()))


def publish(quads: Iterable[ox.Quad], graph_store: str, *, endpoint: str | None = None, timeout_s: float = 300.0,
            progress: Callable[[str, int], None] | None = None) -> Published:
    """PUT every named graph of ``quads`` to ``graph_store``; then, with ``endpoint`` (the server's
    query endpoint), DELETE conflictkg's graphs there that ``quads`` does not have.

    Raises:
        StoreError: a graph was refused or the server cannot be reached (the message says what was loaded).
    """
    if not is_url(graph_store):
        raise StoreError(f"{graph_store!r} is not an http(s) URL",
                         hint="give the server's Graph Store Protocol URL, e.g. --to http://127.0.0.1:7878/store")
    started = time.monotonic()
    done = Published(graph_store)
    graphs = by_graph(quads)
    for iri, triples in graphs.items():
        try:
            _put(graph_store, iri, triples, timeout_s)
        except ConflictKGError as exc:
            raise StoreError(f"publishing to {graph_store} stopped at graph {iri} ({len(done.graphs)} of "
                             f"{len(graphs)} graphs loaded): {exc.message}",
                             hint="the graphs before it are new, the others unchanged; publish again to complete it"
                             ) from exc
        done.graphs[iri] = len(triples)
        if progress:
            progress(iri, len(triples))
    if endpoint:
        stale = sorted(set(RemoteStore(endpoint, timeout_s=timeout_s, union="server").graph_names()) - set(graphs))
        for iri in stale:
            _request("DELETE", graph_store, iri, None, timeout_s)
            done.removed.append(iri)
    done.seconds = time.monotonic() - started
    return done


def _put(graph_store: str, iri: str, triples: list[ox.Triple], timeout_s: float) -> None:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    _request("PUT", graph_store, iri, body, timeout_s)


def _request(method: str, graph_store: str, iri: str, body: bytes | None, timeout_s: float) -> None:
    joiner = "&" if "?" in graph_store else "?"
    url = f"{graph_store}{joiner}{urllib.parse.urlencode({'graph': iri})}"
    headers = {"Content-Type": "application/n-triples"} if body is not None else {}
    send(urllib.request.Request(url, data=body, method=method, headers=headers), graph_store, timeout_s,
         what=f"graph {iri}")
