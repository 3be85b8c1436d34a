"""``/ontology`` (HTML, JSON twin, Turtle), ``/vocab`` (HTML, JSON twin) and ``/.well-known/void``.

``/ontology`` answers by content negotiation: HTML by default, JSON for ``.json`` or
``Accept: application/json``, and the store's ontology graph as Turtle for ``/ontology.ttl`` or
``Accept: text/turtle``. The VoID description is :func:`conflictkg.release.void` over the served
store, dated by the store's build (today when the build date is unknown), with no data dumps: the
site's downloads are listed at ``/downloads``. It is made once, on the first request (``app.state.void``,
a :class:`~conflictkg.web.deferred.Deferred`): the store is one generation for the app's life.
"""

from __future__ import annotations

import datetime

import anyio.to_thread
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from conflictkg import release
from conflictkg.pages.context import PageContext, Site
from conflictkg.pages.ontology import ontology_page, vocab_page
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.web.formats import Format, choose, parse_accept
from conflictkg.web.rendering import perspective_of, render, wants_json

TURTLE = "text/turtle; charset=utf-8"
#: What ``/ontology`` can be: the page (default), its JSON twin, or the ontology graph as Turtle.
ONTOLOGY_FORMATS = {"html": Format("html", "text/html", ("application/xhtml+xml",)),
                    "json": Format("json", "application/json"),
                    "turtle": Format("turtle", "text/turtle", ("application/x-turtle",))}


async def _site(request: Request) -> Site:
    """The served site, made in the background at start-up (a deferred value: wait for it)."""
    site: Site = await request.app.state.site.wait()
    return site


async def _context(request: Request) -> PageContext:
    return (await _site(request)).view(perspective_of(request))


def ontology_turtle(ctx: PageContext) -> bytes:
    """The ontology graph as Turtle, triples sorted (the same bytes for the same store)."""
    triples = sorted(ctx.run("ontology-graph").triples, key=lambda t: (str(t.subject), str(t.predicate),
                                                                       str(t.object)))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


async def ontology(request: Request) -> Response:
    path = request.url.path
    if path.endswith(".ttl"):
        key = "turtle"
    elif path.endswith(".json"):
        key = "json"
    else:
        key = choose(ONTOLOGY_FORMATS, parse_accept(request.headers.get("accept"))).key
    ctx = await _context(request)
    if key == "turtle":
        body = await anyio.to_thread.run_sync(ontology_turtle, ctx)
        return Response(body, media_type=TURTLE, headers={"Vary": "Accept"})
    page = await anyio.to_thread.run_sync(ontology_page, ctx)
    response = render(request, "ontology.html", page.to_json(), as_json=key == "json")
    response.headers["Vary"] = "Accept"
    return response


async def vocab(request: Request) -> Response:
    as_json = wants_json(request, request.url.path.endswith(".json"))
    page = await anyio.to_thread.run_sync(vocab_page, await _context(request))
    return render(request, "vocab.html", page.to_json(), as_json=as_json)


def void_turtle(site: Site, built: str | None) -> bytes:
    """The VoID description of the served store (release.void's, without dumps)."""
    date = built or datetime.datetime.now(datetime.UTC).date().isoformat()
    return release.void(site.store, site.resources, list(site.store.quads()), date, [])


async def void(request: Request) -> Response:
    return Response(await request.app.state.void.wait(), media_type=TURTLE)


ROUTES = [Route("/ontology", ontology), Route("/ontology.json", ontology), Route("/ontology.ttl", ontology),
          Route("/vocab", vocab), Route("/vocab.json", vocab), Route("/.well-known/void", void)]
