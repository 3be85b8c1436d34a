"""The SPARQL 1.1 Protocol at ``/sparql``: query operation only (read-only).

* ``GET /sparql?query=…``, ``POST`` form (``query=…``) and ``POST`` direct
  (``Content-Type: application/sparql-query``), with ``default-graph-uri`` / ``named-graph-uri``;
  without them the default graph is the union of all named graphs (unless the query has FROM).
* Answers are negotiated from ``Accept``; a ``format`` or ``output`` parameter (json, xml, csv, tsv,
  turtle, ntriples, jsonld, rdfxml; Fuseki's and Virtuoso's habit) overrides it, so that a bare URL
  (``pandas.read_csv(".../sparql?query=...&output=csv")``, a browser) gets the format it names.
* Relative IRIs in a query resolve against the endpoint's own URL (``<s>`` is
  ``http://host:port/s``), as the SPARQL 1.1 Protocol tests expect.
* ``GET /sparql`` without a query answers the service description, except to a browser (it prefers
  HTML to every RDF format, and names no format): that gets the query editor (``web.editor``), which
  sends its queries back here.
* Updates (``application/sparql-update``, an ``update`` field, or an update sent as a query) get
  403; malformed queries 400 with line and column; queries over the time limit 503.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response

from conflictkg.web.editor import editor_page
from conflictkg.web.execute import READ_ONLY, QueryRequest
from conflictkg.web.formats import GRAPH_FORMATS, GRAPH_OX, choose, parse_accept, wants_page
from conflictkg.web.pool import EndpointError, WorkerPool
from conflictkg.web.service_description import ServiceDescription

MAX_BODY = 1 << 20  # bytes of a POSTed query
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
ALLOW = "GET, HEAD, POST, OPTIONS"
#: Parameters naming the answer's format: ours and SPARQLWrapper's (``format``), Fuseki's and
#: Virtuoso's (``output``).
FORMAT_PARAMS = ("format", "output")

Params = dict[str, list[str]]


async def sparql_endpoint(request: Request) -> Response:
    """The ``/sparql`` route: dispatch on method and content type. Errors are raised as
    :class:`EndpointError` with their status; the app's error boundary answers them as plain text."""
    if request.method == "OPTIONS":
        return Response(status_code=204, headers={"Allow": ALLOW})
    params = await _params(request)
    if "query" not in params:
        if "update" in params:
            raise EndpointError(READ_ONLY, 403)
        if request.method in ("GET", "HEAD") and not _format(params) and wants_page(_accept(request)):
            return editor_page(request, await request.app.state.site.wait(), {"Vary": "Accept"})
        return _service_description(request, await request.app.state.description.wait(), params)
    pool: WorkerPool = request.app.state.pool
    answer = await pool.run(_query_request(request, params))
    headers = {"Vary": "Accept", **answer.headers}
    return Response(answer.body, answer.status, headers=headers, media_type=answer.content_type)


async def _params(request: Request) -> Params:
    """The protocol parameters: the URL's, plus the form fields or the direct query of a POST."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method != "POST":
        return params
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == UPDATE:
        raise EndpointError(READ_ONLY, 403)
    body = await _body(request)
    if media == FORM:
        for name, values in parse_qs(body, keep_blank_values=True).items():
            params.setdefault(name, []).extend(values)
    elif media == DIRECT:
        if "query" in params:
            raise EndpointError("a direct POST carries the query in its body, not in the URL")
        params["query"] = [body]
    else:
        raise EndpointError(f"unsupported Content-Type {media or '(none)'!r}: use {FORM} or {DIRECT}", 415)
    return params


async def _body(request: Request) -> str:
    if int(request.headers.get("content-length") or 0) > MAX_BODY:
        raise EndpointError(f"request body larger than {MAX_BODY} bytes", 413)
    data = await request.body()
    if len(data) > MAX_BODY:
        raise EndpointError(f"request body larger than {MAX_BODY} bytes", 413)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EndpointError(f"the request body is not UTF-8: {exc}") from exc


def _query_request(request: Request, params: Params) -> QueryRequest:
    """Check the parameters (one query, valid graph IRIs, known format) into a QueryRequest."""
    if "update" in params:
        raise EndpointError(READ_ONLY, 403)
    if len(params["query"]) != 1:
        raise EndpointError("give exactly one query parameter")
    default, named = _graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri")
    if default is not None or named is not None:
        default, named = default or (), named or ()
    settings = request.app.state.settings
    return QueryRequest(params["query"][0], default, named, _accept(request), _format(params), settings.max_rows,
                        settings.max_query_depth, base_iri=_own_url(request))


def _accept(request: Request) -> tuple[str, ...]:
    return tuple(parse_accept(request.headers.get("accept")))


def _own_url(request: Request) -> str:
    """The endpoint's URL without query or fragment: the service description's ``sd:endpoint``
    and the base IRI of every query sent here."""
    return str(request.url.replace(query=None, fragment=None))


def _graphs(params: Params, name: str) -> tuple[str, ...] | None:
    values = params.get(name)
    if values is None:
        return None
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise EndpointError(f"{name}: not an absolute IRI: {value!r} ({exc})") from exc
    return tuple(values)


def _format(params: Params) -> tuple[str, ...]:
    """The ``format`` and ``output`` parameters' values (keys, aliases or media types; see
    formats.choose), ``format`` first."""
    return tuple(value for name in FORMAT_PARAMS for value in params.get(name, ()))


def _service_description(request: Request, description: ServiceDescription, params: Params) -> Response:
    fmt = choose(GRAPH_FORMATS, _accept(request), _format(params))
    return Response(description.serialize(_own_url(request), GRAPH_OX[fmt.key]), 200,
                    headers={"Vary": "Accept"}, media_type=fmt.content_type)
