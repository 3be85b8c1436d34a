"""A view as a pyvis network: what vis-network draws, decided in Python.

Every node gets its precomputed position (networkx's layout, :mod:`conflictkg.network.graphs`)
and ``physics: false``, and the options switch physics off too: vis-network draws once and the
page is ready after its first frame. Titles are left out on purpose: pyvis would carry them as
strings of HTML; the page script builds each tooltip as DOM nodes with ``textContent`` instead.
This is the only module that imports pyvis.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from conflictkg.network.model import Edge, Network, Node, Style, node_size, wrap_label

if TYPE_CHECKING:
    from pyvis.network import Network as PyvisNetwork

#: Shapes that draw their label inside them (white text); the others draw it below (dark text).
LABEL_INSIDE = frozenset({"box", "ellipse"})
NODE_LABEL_MAX = 40
#: Above this many edges, edges are hidden while the view is dragged (keeps dragging smooth).
HIDE_EDGES_ON_DRAG_ABOVE = 1000


def to_pyvis(network: Network, clause_colors: dict[str, str]) -> PyvisNetwork:
    """The view as a directed pyvis network (``clause_colors``: edge colour per clause IRI).

    Node order and edge order are the view's; edge ``id`` is ``e{index}`` as in the JSON twin.
    Each kind of node is a vis-network group (colour, shape and font given once, in the options).
    """
    from pyvis.network import Network as PyvisNetwork  # with IPython ~1 s: imported when a view is drawn (#14)

    net = PyvisNetwork(directed=True, heading=network.title, cdn_resources="in_line")
    shapes = {style.kind: style.shape for style in network.styles}
    for node in network.nodes.values():
        net.add_node(node.iri, **node_options(node, shapes.get(node.kind, "dot")))
    for index, (edge, curve) in enumerate(zip(network.edges, network.curves(), strict=True)):
        net.add_edge(edge.source, edge.target, **edge_options(index, edge, curve, clause_colors))
    # set_options parses JSON text after deleting every space (none in our options; a test checks)
    net.set_options(json.dumps(view_options(network.styles, len(network.edges)), separators=(",", ":")))
    return net


def node_options(node: Node, shape: str) -> dict[str, Any]:
    """``add_node`` keywords: position fixed (physics off), size by degree (a summary's group: by its number
    of members), group (and shape) by kind. A resource's label is cut at ``NODE_LABEL_MAX`` (its full name
    shows on hover); a numbered node's (a group, a drilled-down group's member) is wrapped, never cut (#13)."""
    size = node_size(node)
    label = wrap_label(node.label) if node.short else shorten(node.label, NODE_LABEL_MAX)
    return {"label": label, "group": node.kind, "shape": shape,
            "x": node.x, "y": node.y, "physics": False, "size": size}


def edge_options(index: int, edge: Edge, curve: int, clause_colors: dict[str, str]) -> dict[str, Any]:
    """``add_edge`` keywords: width by number of claims (allegation edges), colour by clause, parallel
    edges bent apart. No label: the page's "edge labels" box adds them."""
    options: dict[str, Any] = {
        "id": f"e{index}", "width": edge_width(edge),
        "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15 * curve} if curve else False,
    }
    if edge.keyed and edge.clause in clause_colors:
        options["color"] = {"color": clause_colors[edge.clause], "highlight": "#222222", "hover": "#222222"}
    return options


def edge_width(edge: Edge) -> float:
    """1, or for an allegation edge, growing with the square root of its number of claims; for an edge of
    the whole view's summary, with the logarithm of the number of links it stands for.

    >>> edge_width(Edge("a", "b", "7", "links", count=7))
    5.5
    """
    if edge.count:
        return round(1 + 1.5 * math.log2(1 + edge.count), 2)
    return 1 + 1.5 * math.sqrt(len(edge.claims)) if edge.keyed else 1


def view_options(styles: list[Style], edges: int) -> dict[str, Any]:
    """vis-network's options: no physics and no layout pass (positions are given), hover tooltips,
    and one group per kind of node (``styles``) with its colour, shape and label font."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": edges > HIDE_EDGES_ON_DRAG_ABOVE},
        "nodes": {"borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10, "align": "middle"},
                  "color": {"color": "#9a9a9a", "highlight": "#222222", "hover": "#222222"}},
        "groups": {style.kind: group_options(style) for style in styles},
    }


def group_options(style: Style) -> dict[str, Any]:
    """How nodes of one kind are drawn: label inside the box and ellipse shapes in white, else below."""
    inside = style.shape in LABEL_INSIDE
    return {"shape": style.shape,
            "color": {"background": style.color, "border": "#333333",
                      "highlight": {"background": style.color, "border": "#000000"}},
            "font": {"color": "#ffffff" if inside else "#1d1d1f", "size": 12}}


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when cut.

    >>> shorten("Parukh / Farrukh", 40)
    'Parukh / Farrukh'
    >>> shorten("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
