"""The HTML pages and their JSON twins: home, resource pages, ``/clause/N``, search, coverage,
incidents, timeline, the map (and its GeoJSON), about.

Every page is built by :mod:`conflictkg.pages` (plain data) and rendered either by a Jinja2
template (autoescaped: every label from the data is shown as text) or as JSON, chosen by a
``.json`` suffix or ``Accept: application/json``. The naming perspective comes from the
``names`` parameter (remembered in a cookie) and changes the place names on every page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from conflictkg.errors import NotFound
from conflictkg.exports import CSV_MEDIA_TYPE
from conflictkg.exports.tables import to_csv
from conflictkg.pages.about import about_page
from conflictkg.pages.claimant_weeks import claimant_weeks_page
from conflictkg.pages.claimant_weeks import csv_table as claimant_weeks_csv
from conflictkg.pages.context import PageContext, Site
from conflictkg.pages.coverage import coverage_page
from conflictkg.pages.home import home_page
from conflictkg.pages.incidents import csv_table, incidents_page
from conflictkg.pages.model import Page
from conflictkg.pages.placemap import map_page
from conflictkg.pages.resource import resource_page
from conflictkg.pages.search import search_page
from conflictkg.pages.timeline import csv_table as timeline_csv
from conflictkg.pages.timeline import timeline_page
from conflictkg.rdf.namespaces import CKR
from conflictkg.web.rendering import perspective_of, render, wants_json

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
#: The 2020 statement's points: ``/clause/N`` redirects to the resource page of point N.
CLAUSE_IRI = CKR + "agreement-tri2020-p{}"


async def _context(request: Request) -> PageContext:
    site: Site = await request.app.state.site.wait()
    return site.view(perspective_of(request))


def _whole_page(builder: Callable[[PageContext], Page], template: str) -> Callable[[Request], Awaitable[Response]]:
    """A route for a page that takes no parameters: HTML, or its JSON twin (``.json`` or Accept)."""
    async def route(request: Request) -> Response:
        as_json = wants_json(request, request.url.path.endswith(".json"))
        ctx = await _context(request)
        page = await anyio.to_thread.run_sync(builder, ctx)
        return render(request, template, page.to_json(), as_json=as_json)
    return route


home = _whole_page(home_page, "home.html")
coverage = _whole_page(coverage_page, "coverage.html")
about = _whole_page(about_page, "about.html")


async def resource(request: Request) -> Response:
    local = request.path_params["local"]
    as_json = wants_json(request, local.endswith(".json"))
    local = local.removesuffix(".json")
    ctx = await _context(request)
    page = await anyio.to_thread.run_sync(resource_page, ctx, CKR + local,
                                          request.query_params.get("page", ""), request.query_params.get("per_page", ""))
    response = render(request, "resource.html", page.to_json(), as_json=as_json)
    base = request.url.path
    links = [f'<{base}{page.extra[rel] or ""}>; rel="{rel}"' for rel in ("previous", "next") if page.extra[rel] is not None]
    if links:
        response.headers["Link"] = ", ".join(links)
    return response


async def clause(request: Request) -> Response:
    """Redirect to point N of the statement; a number the statement has no point for is not found."""
    number = request.path_params["number"]
    site: Site = await request.app.state.site.wait()
    known = number.isascii() and number.isdigit() and len(number) < 6
    if not known or CLAUSE_IRI.format(int(number)) not in site.labels:
        raise NotFound(f"the 2020 statement has no point {number}", hint="its points are numbered 1 to 9")
    query = f"?{request.url.query}" if request.url.query else ""  # ?page=2 (names=...) goes along
    return RedirectResponse(f"/resource/agreement-tri2020-p{int(number)}{query}", 303)


async def incidents(request: Request) -> Response:
    """The incidents list, its JSON twin (``.json``) and its CSV twin (``.csv``): one page of rows each,
    from the same parameters; ``Link`` headers name the previous and next pages."""
    path = request.url.path
    as_csv = path.endswith(".csv")
    as_json = not as_csv and wants_json(request, path.endswith(".json"))
    ctx = await _context(request)
    page = await anyio.to_thread.run_sync(incidents_page, ctx, dict(request.query_params))
    base = path if path != "/incidents" or not as_json else "/incidents.json"
    links = [f'<{base}?{page.extra[rel]}>; rel="{rel}"' if page.extra[rel] else f'<{base}>; rel="{rel}"'
             for rel in ("previous", "next") if page.extra[rel] is not None]
    if as_csv:
        response: Response = _csv(*csv_table(page))
    else:
        response = render(request, "incidents.html", page.to_json(), as_json=as_json)
    if links:
        response.headers["Link"] = ", ".join(links)
    response.headers["X-Total-Count"] = str(page.extra["total"])
    return response


def _csv(header: list[str], rows: list[list[str]]) -> Response:
    """A CSV twin, written as the downloads are (:func:`conflictkg.exports.tables.to_csv`)."""
    return Response(to_csv(header, rows), media_type=CSV_MEDIA_TYPE)


async def _chart(request: Request, build, csv_of, template: str) -> Response:  # noqa: ANN001 - page makers
    """A chart page from ``build(ctx, params)``, its JSON twin (``.json``) and its CSV twin (``.csv``)."""
    path = request.url.path
    as_csv = path.endswith(".csv")
    as_json = not as_csv and wants_json(request, path.endswith(".json"))
    ctx = await _context(request)
    page = await anyio.to_thread.run_sync(build, ctx, dict(request.query_params))
    if as_csv:
        return _csv(*csv_of(page))
    return render(request, template, page.to_json(), as_json=as_json)


async def timeline(request: Request) -> Response:
    """The timeline, its JSON twin (``.json``) and its CSV twin (``.csv``, one line per bar); ``month``
    with ``point`` or ``side`` lists the claims behind one bar."""
    return await _chart(request, timeline_page, timeline_csv, "timeline.html")


async def timeline_claimants(request: Request) -> Response:
    """Allegations per claimant per week of one year (``year``), its JSON and CSV twins; ``week`` with
    ``claimant`` or ``side`` lists the claims behind one bar."""
    return await _chart(request, claimant_weeks_page, claimant_weeks_csv, "timeline_claimants.html")


async def map_view(request: Request) -> Response:
    """The map, its JSON twin (``.json``) and its GeoJSON download (``.geojson``), from the same filters."""
    path = request.url.path
    ctx = await _context(request)
    page = await anyio.to_thread.run_sync(map_page, ctx, dict(request.query_params))
    if path.endswith(".geojson"):
        return JSONResponse(page.extra["geojson"], media_type="application/geo+json")
    return render(request, "map.html", page.to_json(), as_json=wants_json(request, path.endswith(".json")))


async def search(request: Request) -> Response:
    as_json = wants_json(request, request.url.path.endswith(".json"))
    ctx = await _context(request)
    params = request.query_params
    page = await anyio.to_thread.run_sync(search_page, ctx, params.get("q", ""), params.get("page", ""))
    return render(request, "search.html", page.to_json(), as_json=as_json)


def routes() -> list[Route | Mount]:
    return [Route("/", home), Route("/index.json", home),
            Route("/resource/{local:path}", resource), Route("/clause/{number}", clause),
            Route("/search", search), Route("/search.json", search),
            Route("/coverage", coverage), Route("/coverage.json", coverage),
            Route("/incidents", incidents), Route("/incidents.json", incidents), Route("/incidents.csv", incidents),
            Route("/timeline", timeline), Route("/timeline.json", timeline), Route("/timeline.csv", timeline),
            Route("/timeline/claimants", timeline_claimants), Route("/timeline/claimants.json", timeline_claimants),
            Route("/timeline/claimants.csv", timeline_claimants),
            Route("/map", map_view), Route("/map.json", map_view), Route("/map.geojson", map_view),
            Route("/about", about), Route("/about.json", about),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
