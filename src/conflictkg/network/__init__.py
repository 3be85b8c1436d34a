"""Interactive network views of the graph (networkx for structure and layout, pyvis to build the
drawing, vis-network to draw it).

Build a view with :func:`network_view`, then render it with :func:`conflictkg.network.render.to_html`
(one self-contained offline HTML file) or take :meth:`Network.to_json` (the JSON twin).
"""

from __future__ import annotations

from conflictkg.naming import Gazetteer
from conflictkg.network.graphs import measure_and_lay_out
from conflictkg.network.model import Network
from conflictkg.network.views import VIEWS, ViewError, ViewRequest, build_network, check_scope, view_choices, view_info
from conflictkg.resources import Resources
from conflictkg.store import Store

__all__ = ["VIEWS", "Network", "ViewError", "ViewRequest", "network_view", "view_choices", "view_info"]


def network_view(store: Store, resources: Resources, request: ViewRequest,
                 gazetteer: Gazetteer | None = None) -> Network:
    """The view ``request`` asks for, with degree, betweenness and positions of every node.

    The whole view's ``summary`` and ``group`` scopes are built by
    :func:`conflictkg.network.summary.summary_view` (groups counted, only they laid out).

    Raises:
        ViewError: an unknown view, clause, incident or group (the message lists what exists).
    """
    if request.scope != "full":
        from conflictkg.network.summary import summary_view

        check_scope(request)
        return measure_and_lay_out(summary_view(store, resources, request, gazetteer))
    return measure_and_lay_out(build_network(store, resources, request, gazetteer))
