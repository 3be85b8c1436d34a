"""The spring layout of parts too large for networkx's vectorised solver (#14): seeded, and it keeps
linked nodes together."""

from __future__ import annotations

import networkx as nx
import numpy as np

from conflictkg.network.graphs import DENSE_LAYOUT, dense_layout, layout


def _clusters(size: int) -> nx.Graph:
    """Two cliques of ``size`` nodes, ``a0…`` and ``b0…``, joined by one link."""
    graph = nx.Graph()
    for side in "ab":
        graph.add_edges_from((f"{side}{i}", f"{side}{j}") for i in range(size) for j in range(i + 1, size))
    graph.add_edge("a0", "b0")
    return graph


def test_dense_layout_is_seeded_and_keeps_each_cluster_together():
    graph = _clusters(12)
    pos = dense_layout(graph)
    assert np.array_equal(pos, dense_layout(graph))
    assert pos.shape == (24, 2) and np.abs(pos).max() <= 1.0 + 1e-9
    side = np.array([n.startswith("a") for n in graph])
    within = np.linalg.norm(pos[side] - pos[side].mean(axis=0), axis=1).mean()
    between = np.linalg.norm(pos[side].mean(axis=0) - pos[~side].mean(axis=0))
    assert between > 2 * within


def test_a_part_of_hundreds_of_nodes_is_laid_out_densely_and_the_same_each_time():
    graph = nx.MultiDiGraph(nx.barabasi_albert_graph(DENSE_LAYOUT[0] + 20, 2, seed=1))
    graph = nx.relabel_nodes(graph, {n: f"n{n:04d}" for n in graph})
    first = layout(graph)
    assert first == layout(graph)
    assert len(first) == len(graph) and len(set(first.values())) == len(first)
    spread = max(max(abs(x), abs(y)) for x, y in first.values())
    assert 1000 < spread < 10000  # SPREAD per square root of the node count: ~3,200 canvas units
