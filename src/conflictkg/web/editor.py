"""The query editor a browser gets at ``/sparql`` (YASGUI, vendored under ``static/vendor/yasgui``)
and the project's prefixes it completes from (``/query/prefixes.json``).

The editor sends its queries to the site's own ``/sparql`` (so the endpoint's time limit, row cap
and memory limit apply) and reaches nothing else: prefix completion reads ``/query/prefixes.json``
(``conflictkg.rdf.namespaces.PREFIXES``), never prefix.cc, and the completers that ask LOV for
classes and properties are off. The library's questions are its examples, each opening on its
body (the ``#+`` header folded away: its title and description are shown beside the editor).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from conflictkg.pages import query_page as qp
from conflictkg.pages.context import Site
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.web.rendering import render

PREFIXES_URL = "/query/prefixes.json"
ENDPOINT = "/sparql"


def editor_config(site: Site, examples: bool = True) -> dict[str, Any]:
    """What ``static/editor.js`` needs: the endpoint, the prefix list's URL (completion), the
    prefixes (results show ``ckr:…``, not whole IRIs) and, for the workbench (the query page has its
    own menu), the examples."""
    config: dict[str, Any] = {"endpoint": ENDPOINT, "prefixes": PREFIXES_URL, "prefixMap": dict(sorted(PREFIXES.items()))}
    if not examples:
        return config
    chosen = [{"id": q["id"], "title": q["title"], "description": q["description"], "body": q["body"]}
              for q in qp.catalogue(site) if q["group"] == "library"]
    return {**config, "examples": chosen}


def editor_page(request: Request, site: Site, headers: dict[str, str]) -> Response:
    """The editor page (HTML) of ``site``'s library, with ``headers`` (the endpoint's ``Vary``)."""
    data = {"kind": "sparql", "title": "SPARQL endpoint", "sections": [], "facts": []}
    response = render(request, "sparql.html", data, as_json=False, editor=editor_config(site))
    response.headers.update(headers)
    return response


async def prefixes(request: Request) -> Response:
    """The project's prefixes as ``{prefix: namespace}`` (the shape prefix.cc answers), sorted."""
    return JSONResponse(dict(sorted(PREFIXES.items())), headers={"Cache-Control": "max-age=3600"})
