"""The network pages: ``/network`` (the list), ``/network/{view}`` (HTML) and ``/network/{view}.json``.

Query parameters: ``clause`` (repeatable, clause view), ``incident`` (a prefixed or full IRI,
incident view), ``view`` (``full`` or ``summary``) and ``group`` with ``page`` and ``per_page`` (a group of
the whole view drilled down into, a page of its members at a time, 30 by default) and ``names`` (the naming
perspective; else the site's cookie, as on every page).
Views are built from ``app.state.store`` (the pages' store, :class:`~conflictkg.web.pagestore.PagesStore`) in
daemon threads and kept in a small per-application cache (:mod:`conflictkg.web.builds`); the most visited are built in the background at start.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from conflictkg import __version__
from conflictkg.errors import NotFound, QueryError, StoreError
from conflictkg.naming import Perspective
from conflictkg.network import VIEWS, Network, ViewRequest, network_view, view_choices
from conflictkg.network.files import GRAPH_MEDIA_TYPES, file_graph, view_file_name, write_graph
from conflictkg.network.paging import MAX_PER_PAGE, MEMBERS_PER_PAGE, MIN_PER_PAGE, href
from conflictkg.network.render import VIS_FILES, to_html, vis_assets, views_index_html
from conflictkg.network.views import AGGREGABLE
from conflictkg.pages.warm import POINTS
from conflictkg.paging import page_number, whole_number
from conflictkg.settings import VIS_CACHE_CONTROL
from conflictkg.web.builds import ViewBuilds
from conflictkg.web.rendering import perspective_of, remember_perspective, require_html, wants_json

#: Views kept per application (each a few hundred kB).
CACHE_SIZE = 32


def _request_of(request: Request, view: str) -> ViewRequest:
    try:
        clauses = tuple(int(c) for c in request.query_params.getlist("clause"))
    except ValueError:
        raise QueryError("clause must be a whole number, e.g. ?clause=6") from None
    scope, group = _scope_of(request, view)
    page = page_number(request.query_params.get("page", ""))
    per_page = request.query_params.get("per_page", "").strip()
    for name, given, example in (("page", page != 1, 2), ("per_page", bool(per_page), 10)):
        if given and not group:
            raise QueryError(f"{name}= applies to a group of the whole view",
                             hint=f"e.g. /network/whole?group=claim-2023&{name}={example}")
    size = whole_number("per_page", per_page, MIN_PER_PAGE, MAX_PER_PAGE) if per_page else MEMBERS_PER_PAGE
    return ViewRequest(view, clauses, request.query_params.get("incident") or None, perspective_of(request),
                       scope, group, page, size)


def _scope_of(request: Request, view: str) -> tuple[str, str | None]:
    """``?view=full|summary`` and ``?group=KEY`` of the whole, clause and allegation views: the whole view opens
    on its summary (#13), the others on theirs when they are large (``auto``, #14)."""
    group = request.query_params.get("group") or None
    wanted = request.query_params.get("view")
    if wanted not in (None, "full", "summary"):
        raise QueryError(f"view must be 'full' or 'summary', not {wanted!r}", hint="e.g. /network/whole?view=full")
    if view not in AGGREGABLE:
        if group or wanted:
            raise QueryError(f"view= and group= apply to the whole, clause and allegation views, not to {view!r}",
                             hint="e.g. /network/whole?group=clause")
        return "full", None
    if group:
        return "group", group
    return wanted or ("summary" if view == "whole" else "auto"), None


def view_builds(app: Any) -> ViewBuilds:
    """The application's views, built and being built (see :mod:`conflictkg.web.builds`)."""
    state = app.state

    def build(wanted: ViewRequest) -> Network:
        return network_view(state.store, state.resources, wanted, state.site.get().gazetteer)

    return ViewBuilds(build, CACHE_SIZE)


#: Views built in the background as soon as the app serves, so few visitors wait for their layout: the
#: whole view's summary (what ``/network/whole`` opens on), the allegation view, then each point's view as a
#: point's page links to it (``/network/clause?clause=N``; at 100x the shipped data one took 21-31 s, #14).
WARM_VIEWS = (ViewRequest("whole", scope="summary"), ViewRequest("allegations", scope="auto"),
              *(ViewRequest("clause", (number,), scope="auto") for number in POINTS))


async def warm(app: Any) -> None:
    """Build the views of ``WARM_VIEWS`` in the neutral perspective (the app answers meanwhile)."""
    await app.state.network_views.warm(WARM_VIEWS)


#: The graph files of every view, by format: the URL suffix after ``/network/{view}`` and the link text.
FILE_ROUTES: dict[str, tuple[str, str]] = {"gexf": (".gexf", "GEXF"), "graphml": (".graphml", "GraphML"),
                                           "node-link": (".node-link.json", "node-link JSON")}


async def _network_of(request: Request, wanted: ViewRequest) -> Network:
    try:
        return await request.app.state.network_views.get(wanted)
    except asyncio.CancelledError:  # uvicorn cancels what still runs once a stop's grace is over
        raise StoreError("the server stopped before this view was laid out",
                         hint="ask again once it is back") from None


def _file_route(fmt: str) -> Any:
    async def graph_file(request: Request) -> Response:
        """``/network/{view}.gexf`` (``.graphml``, ``.node-link.json``): the view as a graph file."""
        view = request.path_params["view"]
        wanted = _request_of(request, view)
        network = await _network_of(request, wanted)
        date = getattr(request.app.state, "built", None)
        body = await anyio.to_thread.run_sync(lambda: write_graph(file_graph(network), fmt, date))
        name = view_file_name(view, network.params, fmt)
        headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "public, max-age=3600"}
        return Response(body, media_type=GRAPH_MEDIA_TYPES[fmt], headers=headers)
    return graph_file


def file_links(view: str, params: dict[str, list[str]], names: str) -> list[dict[str, str]]:
    """The view's graph file links (``text``, ``href``, ``format``) for its page, in its perspective."""
    return [{"format": fmt, "text": text, "href": _view_href(view, params, names, suffix)}
            for fmt, (suffix, text) in FILE_ROUTES.items()]


async def network_page(request: Request) -> Response:
    """``/network/{view}`` and ``/network/{view}.json`` (errors: the app's error boundary)."""
    view = request.path_params["view"]
    as_json = wants_json(request, request.url.path.endswith(".json"))
    wanted = _request_of(request, view)
    network = await _network_of(request, wanted)
    if as_json:
        response: Response = JSONResponse({"ok": True, **network.to_json()})
    else:
        # the naming switch is the site header's (base.html), which keeps the view's parameters
        params = _shown_params(network, wanted)
        response = HTMLResponse(to_html(network, views_href="/network",
                                        env=request.app.state.templates, assets_href=ASSETS_HREF,
                                        files=file_links(view, params, network.perspective),
                                        site={**_site_values(request, network, wanted.perspective, params),
                                              "scopes": _scope_links(network, wanted, params)}))
    return remember_perspective(request, response, wanted.perspective)


def _shown_params(network: Network, wanted: ViewRequest) -> dict[str, list[str]]:
    """The view's parameters for its links (files, JSON twin): a clause or allegation view's full graph asked
    for (``view=full``) says so, else its links would open on its summary when it is large."""
    if wanted.scope == "full" and wanted.view != "whole" and wanted.view in AGGREGABLE:
        return {**network.params, "view": ["full"]}
    return network.params


def _scope_links(network: Network, wanted: ViewRequest, params: dict[str, list[str]]) -> dict[str, str] | None:
    """The links between a view's summary and its full graph (``summary``, ``full``), beside its tools: for the
    whole view always, for a clause or allegation view when it opened on its summary or was asked for by
    ``view=`` or ``group=`` (a small one, opened whole, has none: it has nothing to summarise)."""
    if wanted.view not in AGGREGABLE or (wanted.scope == "auto" and network.scope == "full"):
        return None
    base = {k: v for k, v in params.items() if k not in ("view", "group", "page", "per_page", "names")}
    return {"summary": href(base, view="summary"), "full": href(base, view="full")}


def _site_values(request: Request, network: Network, perspective: Perspective,
                 params: dict[str, list[str]]) -> dict[str, Any]:
    """What ``base.html`` (the site's header, naming switch and footer) needs around the view."""
    return {**_layout_values(request, network.title, "network", perspective),
            "json_href": _view_href(network.view, params, perspective.value, ".json")}


def _layout_values(request: Request, title: str, kind: str, perspective: Perspective) -> dict[str, Any]:
    """``base.html``'s values for a network page (``title`` and ``kind`` of the page)."""
    return {"page": {"title": title, "kind": kind}, "request": request, "perspective": perspective,
            "perspectives": list(Perspective), "version": __version__,
            "built": getattr(request.app.state, "built", None), "json_href": None}


def _view_href(view: str, params: dict[str, list[str]], names: str | None, suffix: str = "") -> str:
    query = [(k, v) for k, values in params.items() if k != "names" for v in values]
    if names:
        query.append(("names", names))
    return f"/network/{view}{suffix}" + (f"?{urlencode(query)}" if query else "")


async def network_index(request: Request) -> Response:
    """``/network``: every view with links (one per clause and per incident for those views)."""
    require_html(request)
    state = request.app.state
    choices = await anyio.to_thread.run_sync(view_choices, state.store, state.resources)
    site = _layout_values(request, "Network views", "network-index", perspective_of(request))
    return HTMLResponse(views_index_html(_index_entries(choices), state.templates, site))


def _index_entries(choices: dict[str, list[tuple[str, str]]]) -> list[dict[str, Any]]:
    entries = []
    for name, info in VIEWS.items():
        values = choices.get(name)
        pairs = [({name: [value]}, text) for value, text in values] if values else [({}, info.title)]
        if name == "whole":  # it opens on its summary; the full graph one click away
            pairs = [({}, f"{info.title}: summary by group"), ({"view": ["full"]}, f"{info.title}: every resource")]
        links = [{"text": text, "href": _view_href(name, params, None),
                  "json": _view_href(name, params, None, ".json")} for params, text in pairs]
        entries.append({"name": name, "title": info.title, "description": info.description, "links": links})
    return entries


#: Where the view pages find vis-network (:data:`~conflictkg.network.render.VIS_FILES`).
ASSETS_HREF = "/network/assets"


async def vis_asset(request: Request) -> Response:
    """vis-network's script or style sheet, read from pyvis (versioned name: cached for a year)."""
    name = request.path_params["name"]
    kind = next((k for k, file in VIS_FILES.items() if file == name), None)
    if kind is None:
        raise NotFound(f"no asset {name}", hint="the network pages link the assets they use")
    script, style = vis_assets()
    media = "text/javascript" if kind == "js" else "text/css"
    return Response(script if kind == "js" else style, media_type=f"{media}; charset=utf-8",
                    headers={"Cache-Control": VIS_CACHE_CONTROL})


#: The routes to add to the application (graph files, then the ``.json`` twin: ``{view}`` would match
#: them too, and ``{view}.json`` would match ``….node-link.json``).
ROUTES = [
    Route(ASSETS_HREF + "/{name}", vis_asset, methods=["GET"]),
    Route("/network", network_index, methods=["GET"]),
    *[Route(f"/network/{{view}}{suffix}", _file_route(fmt), methods=["GET"])
      for fmt, (suffix, _text) in FILE_ROUTES.items()],
    Route("/network/{view}.json", network_page, methods=["GET"]),
    Route("/network/{view}", network_page, methods=["GET"]),
]
