"""The query page (``/query``) and its downloads (``/query.json``, ``/query.csv``).

The page URL reproduces the query: ``/query?id=place-by-name&name=Fərrux`` runs the library
question with its parameter bound; ``sparql=`` carries edited text. Queries run in the endpoint's
worker processes, so the time limit and row cap of ``/sparql`` apply here too. A long answer is
shown a page at a time, sorted on the server if ``sort`` names a column (``pages.query_page``); the
downloads are the whole answer. Without a question the page is the menu and the editor only: the
library's texts load with the question picked.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from conflictkg.errors import QueryError
from conflictkg.pages import query_page as qp
from conflictkg.pages.context import Site
from conflictkg.paging import Window, page_links, page_number
from conflictkg.web.editor import editor_config, prefixes
from conflictkg.web.execute import QueryRequest
from conflictkg.web.rendering import perspective_of, render, require_html
from conflictkg.web.pool import EndpointError, WorkerPool

JSON_OR_TURTLE = ("application/sparql-results+json", "text/turtle")
DOWNLOADS = {"json": "application/sparql-results+json", "csv": "text/csv"}


async def _answer(request: Request, text: str, accept: tuple[str, ...]) -> Any:
    pool: WorkerPool = request.app.state.pool
    settings = request.app.state.settings
    answer = await pool.run(QueryRequest(text, accept=accept, max_rows=settings.max_rows,
                                         max_depth=settings.max_query_depth))
    if answer.status != 200:  # the endpoint's status carries over (400 bad query, 503 over a limit)
        raise EndpointError(answer.body.decode("utf-8", "replace").strip(), answer.status)
    return answer


async def query_page(request: Request) -> Response:
    require_html(request)
    site: Site = await request.app.state.site.wait()
    form = qp.QueryForm.from_args(dict(request.query_params))
    query = qp.find(site, form.query_id) if form.query_id else None
    data: dict[str, Any] = {"kind": "query", "title": "Query the graph", "sections": [], "facts": [],
                            "form": {"id": form.query_id, "params": form.params,
                                     "text": form.text or (qp.body_of(query.text) if query else ""),
                                     "body": qp.body_of(query.text) if query else ""}}
    ran = bool(form.text.strip() or (query and ("run" in request.query_params or form.params
                                                or not query.params)))
    status = 200
    if ran:
        try:
            answer = await _answer(request, qp.prepared_text(site, form), JSON_OR_TURTLE)
            data.update(_answer_data(site, request, answer))
        except QueryError as exc:  # shown above the editor, which keeps the text
            data.update(error=exc.message, hint=exc.hint or "")
            status = exc.status if isinstance(exc, EndpointError) else 400
    return render(request, "query.html", data, as_json=False, status=status, catalogue=qp.catalogue(site),
                  selected=query, query_string=request.url.query, editor=editor_config(site, examples=False))


def _answer_data(site: Site, request: Request, answer: Any) -> dict[str, Any]:
    truncated = answer.headers.get("X-Conflictkg-Truncated") == "true"
    if not answer.content_type.startswith("application/sparql-results+json"):
        return {"graph": answer.body.decode("utf-8"), "truncated": truncated}
    result = qp.result_from_json(answer.body)
    if result.kind == "ask":
        return {"boolean": result.boolean}
    section = qp.answer_section(result, site.view(perspective_of(request)).labeller)
    args = request.query_params
    window = Window(page_number(args.get("page", "")), qp.PER_PAGE)
    shown = qp.answer_window(section, window, args.get("sort", ""), args.get("order", ""))
    links = page_links(window.page, window.pages(len(result.rows)), lambda n: _with(request, page=str(n)), "this answer")
    sorts = {c: _with(request, sort=c, order="desc" if args.get("sort") == c and args.get("order") != "desc" else "asc",
                      page="1") for c in section.columns}
    return {"sections": [asdict(shown)], "truncated": truncated, "rows": len(result.rows), "paging": links,
            "sorts": sorts, "sort": args.get("sort", ""), "order": args.get("order", "") or "asc"}


def _with(request: Request, **changed: str) -> str:
    """The request's query string (``?…``) with parameters ``changed``, in the request's order."""
    args = [(k, v) for k, v in request.query_params.multi_items() if k not in changed]
    return "?" + urlencode(args + sorted(changed.items()))


async def download(request: Request) -> Response:
    """The answer in SPARQL JSON or CSV (Oxigraph's serializers), for the same URL parameters."""
    site: Site = await request.app.state.site.wait()
    fmt = request.url.path.rsplit(".", 1)[-1]
    form = qp.QueryForm.from_args(dict(request.query_params))
    answer = await _answer(request, qp.prepared_text(site, form), (DOWNLOADS[fmt], "text/turtle"))
    headers = {k: v for k, v in answer.headers.items()}
    if fmt == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{form.query_id or "query"}.csv"'
    return Response(answer.body, answer.status, headers=headers, media_type=answer.content_type)


def query_routes() -> list[Route]:
    return [Route("/query", query_page), Route("/query.json", download), Route("/query.csv", download),
            Route("/query/prefixes.json", prefixes)]
