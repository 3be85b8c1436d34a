"""Network views as files for Gephi, Cytoscape and networkx: GEXF, GraphML and node-link JSON.

Written by networkx's own writers from a directed multigraph whose nodes and edges are added in
sorted order, with scalar attributes only (GEXF and GraphML have no list type: a list is joined by
``" | "``), so that the same view always gives the same bytes. GEXF's ``lastmodifieddate`` is the
date given (a release's date), or left out.
"""

from __future__ import annotations

import io
import json
import re
from typing import TYPE_CHECKING

from conflictkg.network.model import Network

if TYPE_CHECKING:  # networkx is imported when a file is written, not when serve starts (#14)
    import networkx as nx

#: The file formats of a network view, by name, with their file name suffix.
GRAPH_FORMATS: dict[str, str] = {"gexf": ".gexf", "graphml": ".graphml", "node-link": ".json"}
#: The media type each format is served with.
GRAPH_MEDIA_TYPES: dict[str, str] = {"gexf": "application/gexf+xml", "graphml": "application/graphml+xml",
                                     "node-link": "application/json"}
SEPARATOR = " | "


def file_graph(network: Network) -> nx.MultiDiGraph:
    """The view as a networkx graph with file-safe attributes: nodes (kind, label, url, degree) and
    edges (label, relation, clause, weight, claims, bases) in sorted order. Betweenness is left to
    the reader's tools: on the whole graph it takes longer than everything else together. In the whole
    view's summary (``scope``), a group's node carries its number of ``members`` (0: a resource of the
    group drilled down into) and an edge's ``weight`` is the number of links it stands for."""
    import networkx as nx

    graph = nx.MultiDiGraph(name=network.title, view=network.view, scope=network.scope)
    claims = [c.iri for c in network.claims]
    for iri in sorted(network.nodes):
        node = network.nodes[iri]
        graph.add_node(iri, kind=node.kind, label=node.label, url=node.url or "")
        if network.scope != "full":  # the summary's groups: how many resources each stands for
            graph.nodes[iri]["members"] = node.members
    edges = sorted(network.edges, key=lambda e: (e.source, e.target, e.relation, e.clause or ""))
    for i, edge in enumerate(edges):
        graph.add_edge(edge.source, edge.target, key=i, label=edge.label, relation=edge.relation,
                       clause=edge.clause or "", weight=edge.weight,
                       claims=SEPARATOR.join(sorted(claims[c] for c in edge.claims)),
                       bases=SEPARATOR.join(edge.bases))
    for iri, degree in graph.degree():
        graph.nodes[iri]["degree"] = int(degree)
    return graph


def write_graph(graph: nx.MultiDiGraph, fmt: str, date: str | None = None) -> bytes:
    """``graph`` in ``fmt`` (a key of :data:`GRAPH_FORMATS`) as UTF-8 bytes."""
    import networkx as nx

    if fmt == "gexf":
        text = "\n".join(nx.generate_gexf(graph, encoding="utf-8", prettyprint=True)) + "\n"
        stamp = f' lastmodifieddate="{date}"' if date else ""
        return re.sub(r' lastmodifieddate="[^"]*"', stamp, text, count=1).encode("utf-8")
    if fmt == "graphml":
        out = io.BytesIO()
        nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True, named_key_ids=True)
        return out.getvalue()
    if fmt == "node-link":
        data = nx.node_link_data(graph, edges="edges")
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    raise ValueError(f"unknown graph format {fmt!r}")


def view_file_name(view: str, params: dict[str, list[str]], fmt: str) -> str:
    """The download name of one view in ``fmt``: ``network-{view}`` plus its parameters (not the naming
    perspective), e.g. ``network-clause-6-8.gexf`` or ``network-incident-incident-2022-03-24-x.json``.

    >>> view_file_name("clause", {"clause": ["6", "8"], "names": ["az"]}, "graphml")
    'network-clause-6-8.graphml'
    """
    values = [v.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k, vs in sorted(params.items()) if k != "names" for v in vs]
    stem = "-".join(["network", view, *values])
    return re.sub(r"[^A-Za-z0-9._-]", "_", stem) + GRAPH_FORMATS[fmt]
