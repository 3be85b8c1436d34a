"""networkx over a view: the graph, its measures and a deterministic layout (the only networkx importer).

Positions are computed here, once, with a seeded spring layout, so that the browser draws the
view with physics off: it is ready after one frame instead of simulating for tens of seconds,
and the same data always gives the same picture.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from conflictkg.network.model import Network, node_size, wrap_label

if TYPE_CHECKING:  # networkx is imported when a view is laid out, not when serve starts (#14)
    import networkx as nx

#: Seed of the spring layout (and of sampled betweenness on large graphs).
SEED = 20201110
#: Above this many nodes, betweenness is estimated from ``BETWEENNESS_SAMPLE`` seeded sample sources (its cost
#: is one breadth-first search per source: exact on a 670-node clause view it took 1.2 s of CPU, #14).
EXACT_BETWEENNESS_LIMIT = 500
BETWEENNESS_SAMPLE = 250
#: Spring layout iterations, and the part sizes laid out by :func:`dense_layout` (from networkx's own
#: switch to its per-node loop, 3x slower, up to where the dense matrices take ~200 MB).
ITERATIONS = 50
DENSE_LAYOUT = (500, 2000)
#: Canvas units per unit of the layout, per square root of the node count.
SPREAD = 140.0
#: The summary's columns: canvas units between two columns, and between two nodes of a column.
COLUMN_GAP = 420.0
ROW_GAP = 110.0
#: The summary's extra room below a node for each further line of its wrapped label.
LINE_GAP = 30.0
#: A drilled-down group's grid (#13): at most this many columns, each this wide (canvas units: at scale 1
#: a label's wrapped line of 22 characters is about 150 px), a label line this high, and room between rows.
GRID_COLUMNS = 5
CELL_WIDTH = 190.0
LABEL_LINE = 16.0
ROW_MARGIN = 22.0


def to_graph(network: Network) -> nx.MultiDiGraph:
    """A directed multigraph: one node per resource (with its kind), one edge per drawn link."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for iri, node in network.nodes.items():
        graph.add_node(iri, kind=node.kind, label=node.label)
    for i, edge in enumerate(network.edges):
        graph.add_edge(edge.source, edge.target, key=i, label=edge.label, weight=edge.weight)
    return graph


def measures(graph: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, float]]:
    """Degree (links in and out) and normalised betweenness on the undirected simple graph.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "b")])
    >>> measures(g)
    ({'a': 2, 'b': 3, 'c': 1}, {'a': 0.0, 'b': 1.0, 'c': 0.0})
    """
    import networkx as nx

    simple = nx.Graph(graph)
    sample = None if len(simple) <= EXACT_BETWEENNESS_LIMIT else BETWEENNESS_SAMPLE
    between = nx.betweenness_centrality(simple, k=sample, seed=SEED if sample else None, normalized=True)
    degree = {n: int(d) for n, d in graph.degree()}
    return degree, {n: round(float(between[n]), 4) for n in graph}


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Seeded Fruchterman-Reingold positions (networkx spring layout, :func:`dense_layout` for parts of
    ``DENSE_LAYOUT`` nodes) in canvas units, rounded.

    Each connected part is laid out on its own, the largest in the middle and the others in rows
    beneath it (one layout for all would fling the small parts far away and shrink the rest).
    """
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges() if u != v))
    parts = sorted((sorted(part) for part in nx.connected_components(simple)), key=lambda p: (-len(p), p[0]))
    if not parts:
        return {}
    positions = _part_layout(simple.subgraph(parts[0]))
    half = max(SPREAD, *(max(abs(x), abs(y)) for x, y in positions.values()))
    x, y, row = -half, half + SPREAD, 0.0
    for part in parts[1:]:
        placed = _part_layout(simple.subgraph(part))
        radius = max(SPREAD / 2, *(max(abs(px), abs(py)) for px, py in placed.values()))
        if x + 2 * radius > half and x > -half:
            x, y, row = -half, y + row + SPREAD / 2, 0.0
        positions.update({n: (round(px + x + radius, 1), round(py + y + radius, 1)) for n, (px, py) in placed.items()})
        x, row = x + 2 * radius + SPREAD / 2, max(row, 2 * radius)
    return positions


def _part_layout(part: nx.Graph) -> dict[str, tuple[float, float]]:
    if len(part) == 1:
        return {next(iter(part)): (0.0, 0.0)}
    import networkx as nx

    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(part))
    ordered.add_edges_from(sorted(part.edges()))
    if DENSE_LAYOUT[0] <= len(ordered) <= DENSE_LAYOUT[1]:
        found = dict(zip(ordered, dense_layout(ordered), strict=True))
    else:
        found = nx.spring_layout(ordered, seed=SEED, iterations=ITERATIONS, method="force")
    scale = SPREAD * math.sqrt(len(ordered))
    return {n: (round(float(px) * scale, 1), round(float(py) * scale, 1)) for n, (px, py) in found.items()}


def dense_layout(part: nx.Graph) -> Any:
    """Seeded Fruchterman-Reingold positions of ``part``'s nodes (in its order, an n x 2 array scaled to
    [-1, 1]), each iteration a few NumPy operations over the dense n x n matrices: networkx's own force
    solver below 500 nodes, which above 500 loops over the nodes in Python (#14: 2.9 s against 1.0 s of
    CPU for a 670-node clause view)."""
    import networkx as nx
    import numpy as np

    adjacency = nx.to_numpy_array(part, weight=None)
    pos = np.random.RandomState(SEED).rand(len(adjacency), 2)
    k = math.sqrt(1.0 / len(adjacency))  # the optimal distance between nodes
    step = float(max(np.ptp(pos, axis=0))) * 0.1  # the temperature, cooled linearly
    cooling = step / (ITERATIONS + 1)
    for _ in range(ITERATIONS):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.sqrt((delta**2).sum(axis=-1)), 0.01)
        force = k * k / distance**2 - adjacency * distance / k  # repulsion between all, attraction along links
        displacement = np.einsum("ijk,ij->ik", delta, force)
        length = np.maximum(np.sqrt((displacement**2).sum(axis=-1)), 0.01)
        pos += displacement * (step / length)[:, None]
        step -= cooling
    return nx.rescale_layout(pos, scale=1)


def in_columns(network: Network) -> dict[str, tuple[float, float]]:
    """The positions of nodes given a column (the whole view's summary): columns left to right, each
    node under the previous one of its column (lower by ``LINE_GAP`` per further line of its wrapped
    label), in the view's order, both centred on the origin.

    >>> from conflictkg.network.model import Node
    >>> net = Network("whole", "t", "d", "neutral", {}, {"a": Node("a", "agent", "a", column=0),
    ...               "b": Node("b", "claim", "b", column=1), "c": Node("c", "claim", "c", column=1)},
    ...               [], [], [], {}, {})
    >>> in_columns(net)
    {'a': (-210.0, 0.0), 'b': (210.0, -55.0), 'c': (210.0, 55.0)}
    """
    columns: dict[int, list[str]] = {}
    for iri, node in network.nodes.items():
        columns.setdefault(node.column, []).append(iri)
    order = sorted(columns)
    positions = {}
    for i, column in enumerate(order):
        members = columns[column]
        ys, y = [], 0.0
        for iri in members:
            ys.append(y)
            y += ROW_GAP + LINE_GAP * wrap_label(network.nodes[iri].label).count("\n")
        middle = ys[-1] / 2
        for iri, top in zip(members, ys, strict=True):
            positions[iri] = ((i - (len(order) - 1) / 2) * COLUMN_GAP, top - middle)
    return positions


def on_grid(network: Network, spring: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """A drilled-down group's positions (#13): the spring layout ``spring`` snapped to a grid of at most
    ``GRID_COLUMNS`` columns, each node to the free cell nearest its place (the most connected first, ties
    by id), so that neighbours stay near; each row as high as its nodes and wrapped labels need. Every
    full label fits its cell at scale 1, so none overlaps another (the degrees must be set).

    >>> from conflictkg.network.model import Node
    >>> net = Network("whole", "t", "d", "neutral", {}, {k: Node(k, "clause", k) for k in "abcd"}, [], [], [], {}, {})
    >>> on_grid(net, {"a": (0, 0), "b": (10, 0), "c": (0, 10), "d": (10, 10)})
    {'a': (-95.0, -44.0), 'b': (95.0, -44.0), 'c': (-95.0, 6.0), 'd': (95.0, 6.0)}
    """
    ids = list(network.nodes)
    columns = max(1, min(GRID_COLUMNS, math.ceil(math.sqrt(len(ids)))))
    rows = math.ceil(len(ids) / columns)
    cell = _snap(ids, spring, columns, rows, {iri: network.nodes[iri].degree for iri in ids})
    tops, y = [], 0.0
    for row in range(rows):
        members = [network.nodes[iri] for iri in ids if cell[iri][0] == row]
        above = max((node_size(n) for n in members), default=0.0)
        below = max((node_size(n) + LABEL_LINE * (wrap_label(n.label).count("\n") + 1) for n in members), default=0.0)
        tops.append(y + above)
        y += above + below + ROW_MARGIN
    return {iri: (round((cell[iri][1] - (columns - 1) / 2) * CELL_WIDTH, 1), round(tops[cell[iri][0]] - y / 2, 1))
            for iri in ids}


def _snap(ids: list[str], spring: dict[str, tuple[float, float]], columns: int, rows: int,
          degree: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Each node's (row, column), the nearest free one to its spring position scaled onto the grid."""
    xs, ys = [spring[i][0] for i in ids], [spring[i][1] for i in ids]
    def scaled(value: float, low: float, high: float, cells: int) -> float:
        return (value - low) / (high - low) * (cells - 1) if high > low else (cells - 1) / 2
    free = {(r, c) for r in range(rows) for c in range(columns)}
    cell = {}
    for iri in sorted(ids, key=lambda i: (-degree[i], i)):
        gx = scaled(spring[iri][0], min(xs), max(xs), columns)
        gy = scaled(spring[iri][1], min(ys), max(ys), rows)
        cell[iri] = min(free, key=lambda rc: ((rc[1] - gx) ** 2 + (rc[0] - gy) ** 2, rc))
        free.discard(cell[iri])
    return cell


def measure_and_lay_out(network: Network) -> Network:
    """Fill in every node's degree, betweenness and position; returns ``network``. Nodes that all have
    a column (the whole view's summary) are placed in their columns, a drilled-down group on a grid
    (:func:`on_grid`), the others by :func:`layout`."""
    graph = to_graph(network)
    degree, between = measures(graph)
    for iri, node in network.nodes.items():
        node.degree, node.betweenness = degree[iri], between[iri]
    placed = bool(network.nodes) and all(node.column >= 0 for node in network.nodes.values())
    positions = in_columns(network) if placed else layout(graph)
    if network.scope == "group":
        positions = on_grid(network, positions)
    for iri, node in network.nodes.items():
        node.x, node.y = positions[iri]
    return network
