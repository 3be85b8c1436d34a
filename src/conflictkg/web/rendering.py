"""What every page route needs: the naming perspective, HTML-or-JSON negotiation and rendering.

The pages, the query page and the network views import this module (and it imports none of
them): before it, ``web.pages`` and ``web.query_routes`` needed each other. Templates come from
the app's one Jinja2 environment (``app.state.templates``, built by ``web.app.create_app``).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from conflictkg import __version__
from conflictkg.naming import Perspective
from conflictkg.web.formats import Format, choose, parse_accept

COOKIE = "ckg_names"
#: What a page can be: HTML (the default) or its JSON twin.
PAGE_FORMATS = {"html": Format("html", "text/html", ("application/xhtml+xml",)),
                "json": Format("json", "application/json")}
HTML_ONLY = {"html": PAGE_FORMATS["html"]}


def perspective_of(request: Request) -> Perspective:
    """The ``names`` parameter, else the cookie, else neutral."""
    return Perspective.parse(request.query_params.get("names") or request.cookies.get(COOKIE))


def wants_json(request: Request, path_suffix: bool) -> bool:
    """JSON when the path asks for the twin (``.json``), else what the Accept header prefers.

    Raises:
        NotAcceptable: the Accept header refuses both HTML and JSON (``q=0``).
    """
    if path_suffix:
        return True
    return choose(PAGE_FORMATS, parse_accept(request.headers.get("accept"))).key == "json"


def require_html(request: Request) -> None:
    """Refuse (406) a client whose Accept header rules out HTML, for routes that only have HTML."""
    choose(HTML_ONLY, parse_accept(request.headers.get("accept")))


def remember_perspective(request: Request, response: Response, perspective: Perspective) -> Response:
    """Set the naming cookie when the request chose a perspective explicitly."""
    if "names" in request.query_params:
        response.set_cookie(COOKIE, perspective.value, max_age=365 * 86400, samesite="lax")
    return response


def render(request: Request, template: str, data: dict[str, Any], *, as_json: bool, status: int = 200,
           **context: Any) -> Response:
    """HTML from ``template`` or the JSON twin of ``data``; remembers an explicit perspective."""
    perspective = perspective_of(request)
    if as_json:
        response: Response = JSONResponse({**data, "names": perspective.value}, status)
    else:
        html = request.app.state.templates.get_template(template).render(
            page=data, request=request, perspective=perspective, perspectives=list(Perspective),
            version=__version__, json_href=_json_href(request),
            built=getattr(request.app.state, "built", None), **context)
        response = HTMLResponse(html, status)
    return remember_perspective(request, response, perspective)


def _json_href(request: Request) -> str:
    path = request.url.path
    path = "/index" if path == "/" else path
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"
