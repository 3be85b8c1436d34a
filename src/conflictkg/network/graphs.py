"""networkx over a view: the graph, its measures and a deterministic layout (the only networkx importer).

Positions are computed here, once, with a seeded spring layout, so that the browser draws the
view with physics off: it is ready after one frame instead of simulating for tens of seconds,
and the same data always gives the same picture.
"""

from __future__ import annotations

import math

import networkx as nx

from conflictkg.network.model import Network

#: Seed of the spring layout (and of sampled betweenness on very large graphs).
SEED = 20201110
#: Above this many nodes, betweenness is estimated from this many seeded sample sources.
EXACT_BETWEENNESS_LIMIT = 1500
#: Canvas units per unit of the layout, per square root of the node count.
SPREAD = 140.0


def to_graph(network: Network) -> nx.MultiDiGraph:
    """A directed multigraph: one node per resource (with its kind), one edge per drawn link."""
    graph = nx.MultiDiGraph()
    for iri, node in network.nodes.items():
        graph.add_node(iri, kind=node.kind, label=node.label)
    for i, edge in enumerate(network.edges):
        graph.add_edge(edge.source, edge.target, key=i, label=edge.label, weight=edge.weight)
    return graph


def measures(graph: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, float]]:
    """Degree (links in and out) and normalised betweenness on the undirected simple graph.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "b")])
    >>> measures(g)
    ({'a': 2, 'b': 3, 'c': 1}, {'a': 0.0, 'b': 1.0, 'c': 0.0})
    """
    simple = nx.Graph(graph)
    sample = None if len(simple) <= EXACT_BETWEENNESS_LIMIT else min(500, len(simple))
    between = nx.betweenness_centrality(simple, k=sample, seed=SEED if sample else None, normalized=True)
    degree = {n: int(d) for n, d in graph.degree()}
    return degree, {n: round(float(between[n]), 4) for n in graph}


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Seeded spring-layout positions in canvas units, rounded (same graph, same positions)."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges() if u != v))
    if len(simple) == 0:
        return {}
    if len(simple) == 1:
        return {next(iter(simple)): (0.0, 0.0)}
    positions = nx.spring_layout(simple, seed=SEED, iterations=100)
    scale = SPREAD * math.sqrt(len(simple))
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in positions.items()}


def measure_and_lay_out(network: Network) -> Network:
    """Fill in every node's degree, betweenness and position; returns ``network``."""
    graph = to_graph(network)
    degree, between = measures(graph)
    positions = layout(graph)
    for iri, node in network.nodes.items():
        node.degree, node.betweenness = degree[iri], between[iri]
        node.x, node.y = positions[iri]
    return network
