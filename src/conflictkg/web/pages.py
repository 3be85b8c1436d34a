"""The HTML pages and their JSON twins: home, resource pages, the query page and search.

Every page is built by :mod:`conflictkg.pages` (plain data) and rendered either by a Jinja2
template (autoescaped: every label from the data is shown as text) or as JSON, chosen by a
``.json`` suffix or ``Accept: application/json``. The naming perspective comes from the
``names`` parameter (remembered in a cookie) and changes the place names on every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio.to_thread
import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from conflictkg import __version__
from conflictkg.errors import ConflictKGError, NotFound
from conflictkg.naming import Perspective
from conflictkg.namespaces import CKR
from conflictkg.pages.context import PageContext, Site
from conflictkg.pages.home import home_page
from conflictkg.pages.resource import resource_page
from conflictkg.pages.search import search_page

HERE = Path(__file__).parent
COOKIE = "ckg_names"
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def perspective_of(request: Request) -> Perspective:
    """The ``names`` parameter, else the cookie, else neutral."""
    return Perspective.parse(request.query_params.get("names") or request.cookies.get(COOKIE))


def wants_json(request: Request, path_suffix: bool) -> bool:
    accept = request.headers.get("accept", "")
    return path_suffix or ("application/json" in accept and "text/html" not in accept)


def render(request: Request, template: str, data: dict[str, Any], *, as_json: bool, status: int = 200,
           **context: Any) -> Response:
    """HTML from ``template`` or the JSON twin of ``data``; remembers an explicit perspective."""
    perspective = perspective_of(request)
    if as_json:
        response: Response = JSONResponse({**data, "names": perspective.value}, status)
    else:
        html = ENV.get_template(template).render(page=data, request=request, perspective=perspective,
                                                 perspectives=list(Perspective), version=__version__,
                                                 json_href=_json_href(request), **context)
        response = HTMLResponse(html, status)
    if "names" in request.query_params:
        response.set_cookie(COOKIE, perspective.value, max_age=365 * 86400, samesite="lax")
    return response


def _json_href(request: Request) -> str:
    path = request.url.path
    path = "/index" if path == "/" else path
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"


async def _context(request: Request) -> PageContext:
    site: Site = request.app.state.site
    return site.view(perspective_of(request))


async def home(request: Request) -> Response:
    ctx = await _context(request)
    page = await anyio.to_thread.run_sync(home_page, ctx)
    return render(request, "home.html", page.to_json(), as_json=request.url.path.endswith(".json")
                  or wants_json(request, False))


async def resource(request: Request) -> Response:
    local = request.path_params["local"]
    as_json = local.endswith(".json")
    local = local.removesuffix(".json")
    ctx = await _context(request)
    page = await anyio.to_thread.run_sync(resource_page, ctx, CKR + local)
    return render(request, "resource.html", page.to_json(), as_json=wants_json(request, as_json))


async def clause(request: Request) -> Response:
    return RedirectResponse(f"/resource/agreement-tri2020-p{request.path_params['number']}", 303)


async def search(request: Request) -> Response:
    ctx = await _context(request)
    page = await anyio.to_thread.run_sync(search_page, ctx, request.query_params.get("q", ""))
    return render(request, "search.html", page.to_json(),
                  as_json=wants_json(request, request.url.path.endswith(".json")))


TITLES = {404: "Not found", 503: "Service unavailable"}


async def error_page(request: Request, exc: Exception) -> Response:
    """The one error boundary of the web pages: typed errors become 404/400 pages (or JSON)."""
    status = 404 if isinstance(exc, NotFound) else int(getattr(exc, "status", 400))  # EndpointError: 503...
    assert isinstance(exc, ConflictKGError)
    data = {"kind": "error", "title": TITLES.get(status, "Bad request"),
            "message": exc.message, "hint": exc.hint or "", "sections": [], "facts": []}
    as_json = request.url.path.endswith((".json", ".csv")) or wants_json(request, False)
    return render(request, "error.html", data, as_json=as_json, status=status)


def routes() -> list[Route | Mount]:
    from conflictkg.web.query_routes import query_routes

    return [Route("/", home), Route("/index.json", home),
            Route("/resource/{local:path}", resource), Route("/clause/{number:int}", clause),
            Route("/search", search), Route("/search.json", search), *query_routes(),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
