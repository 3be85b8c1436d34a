"""The curator's pages under ``/curate`` (only with ``conflictkg serve --curate``): draft an
article, review its claims, save the incident file and see its validation.

A thin skin over :mod:`conflictkg.curating`. These are the site's only POST routes besides
``/sparql``, and every one of them is guarded (:func:`guard`): the request must come to a
loopback Host (a DNS-rebinding page reaches the server under its own name), from the same
Origin (or Referer) when the browser names one, and carry the process's secret token in the
``csrf`` field, compared with :func:`hmac.compare_digest`. Bodies are URL-encoded forms read
here with a size limit (an article's file is read into the form by the page's script).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio.to_thread
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from conflictkg import __version__
from conflictkg.curating import ClaimForm, Review, Workbench, read_form
from conflictkg.drafting import ArticleMeta
from conflictkg.errors import Forbidden, InputError
from conflictkg.naming import Perspective
from conflictkg.settings import DRAFT_MAX_CHARS

#: Largest form body accepted: an article of the longest size, URL-encoded, plus the fields.
MAX_FORM_BYTES = 3 * DRAFT_MAX_CHARS + 256 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
KINDS = {"text": ".txt", "markdown": ".md", "html": ".html"}


@dataclass(frozen=True)
class Desk:
    """What the curate pages need: the workbench and this process's CSRF token."""

    workbench: Workbench
    token: str

    @classmethod
    def open(cls, workbench: Workbench) -> Desk:
        return cls(workbench, secrets.token_urlsafe(32))


def _host_of(value: str) -> str:
    return (urlsplit(f"//{value}").hostname or "") if value else ""


def guard(request: Request, fields: dict[str, list[str]]) -> None:
    """Refuse (403) a POST that did not come from this site's own page (see the module docstring)."""
    host = request.headers.get("host", "")
    if _host_of(host) not in LOOPBACK_HOSTS:
        raise Forbidden(f"the curate pages answer only at 127.0.0.1, not at {host or 'no host'}",
                        hint="open http://127.0.0.1:PORT/curate")
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and urlsplit(origin).netloc != host:  # "null" (a sandboxed page) is another site too
        raise Forbidden("the form was sent from another site", hint="use the form on this site's /curate page")
    sent = (fields.get("csrf") or [""])[0]
    desk: Desk = request.app.state.curate
    if not hmac.compare_digest(sent.encode(), desk.token.encode()):
        raise Forbidden("the form's security token is missing or wrong (is the page from an earlier run of the server?)",
                        hint="reload the page and send the form again")


async def read_fields(request: Request) -> dict[str, list[str]]:
    """The URL-encoded form of ``request``, at most :data:`MAX_FORM_BYTES` bytes, then :func:`guard`."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form URL-encoded (application/x-www-form-urlencoded)")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, f"the form is larger than {MAX_FORM_BYTES:,} bytes")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=5000)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"cannot read the form: {exc}") from None
    guard(request, fields)
    return fields


def page(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    """A curate page from the app's one Jinja2 environment (autoescaped), with the CSRF token."""
    desk: Desk = request.app.state.curate
    html = request.app.state.templates.get_template(template).render(
        page=data, request=request, perspective=Perspective("neutral"), perspectives=list(Perspective),
        version=__version__, json_href="", csrf=desk.token)
    return HTMLResponse(html, status, headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})


async def start(request: Request) -> Response:
    desk: Desk = request.app.state.curate
    _lexicon, choices = await anyio.to_thread.run_sync(desk.workbench.tables)
    drafts = await anyio.to_thread.run_sync(desk.workbench.draft_files)
    return page(request, "curate_start.html", {"title": "Curate: draft an article", "kind": "curate",
                                               "outlets": choices.outlets, "drafts": drafts,
                                               "folder": str(desk.workbench.incidents_dir)})


def _meta(fields: dict[str, list[str]]) -> ArticleMeta:
    def one(name: str) -> str:
        return (fields.get(name) or [""])[0].strip()

    published = None
    if one("published"):
        try:
            published = date.fromisoformat(one("published"))
        except ValueError:
            raise InputError(f"{one('published')!r} is not a date", hint="write the publication date as YYYY-MM-DD") from None
    return ArticleMeta(one("url"), one("publisher"), published, one("title"))


async def draft(request: Request) -> Response:
    fields = await read_fields(request)
    desk: Desk = request.app.state.curate
    kind = KINDS.get((fields.get("kind") or ["text"])[0], ".txt")
    review = await anyio.to_thread.run_sync(desk.workbench.start, (fields.get("article") or [""])[0], kind,
                                            _meta(fields))
    return RedirectResponse(f"/curate/review/{review.id}", 303)


async def open_draft(request: Request) -> Response:
    """Review a draft file of the incidents folder again (optionally with its article's text)."""
    fields = await read_fields(request)
    desk: Desk = request.app.state.curate
    kind = KINDS.get((fields.get("kind") or ["text"])[0], ".txt")
    review = await anyio.to_thread.run_sync(desk.workbench.open, (fields.get("file") or [""])[0],
                                            (fields.get("article") or [""])[0], kind)
    return RedirectResponse(f"/curate/review/{review.id}", 303)


def _review_page(request: Request, review: Review, forms: list[ClaimForm], problem: InputError | None = None,
                 status: int = 200) -> Response:
    desk: Desk = request.app.state.curate
    choices = desk.workbench.choices_for(review)
    data = {"title": "Curate: review the drafted claims", "kind": "curate-review", "review": review, "forms": forms,
            "choices": choices, "place_labels": {o.value: o.label for o in choices.places},
            "sentences": review.draft.sentences,
            "message": problem.message if problem else "", "hint": (problem.hint or "") if problem else "",
            "folder": str(desk.workbench.incidents_dir)}
    return page(request, "curate_review.html", data, status)


async def review_get(request: Request) -> Response:
    desk: Desk = request.app.state.curate
    review = desk.workbench.review(request.path_params["id"])
    await anyio.to_thread.run_sync(desk.workbench.tables)
    return _review_page(request, review, review.forms)


async def review_save(request: Request) -> Response:
    fields = await read_fields(request)
    desk: Desk = request.app.state.curate
    review = desk.workbench.review(request.path_params["id"])
    forms = [read_form(fields, i) for i in range(len(review.draft.claims))]
    name = (fields.get("file_name") or [""])[0].strip()
    overwrite = (fields.get("overwrite") or [""])[0] == "on"
    try:
        saved = await anyio.to_thread.run_sync(lambda: desk.workbench.save(review, forms, name, overwrite=overwrite))
    except InputError as exc:  # shown on the form, with what the curator typed kept
        review.file_name = name or review.file_name
        return _review_page(request, review, forms, exc, status=400)
    data = {"title": "Curate: saved and validated", "kind": "curate-saved", "saved": saved, "review": review}
    return page(request, "curate_saved.html", data)


def curate_routes() -> list[Route]:
    """The curate pages; :func:`conflictkg.web.app.create_app` adds them only with ``curate``."""
    return [Route("/curate", start, methods=["GET"]), Route("/curate/draft", draft, methods=["POST"]),
            Route("/curate/open", open_draft, methods=["POST"]),
            Route("/curate/review/{id}", review_get, methods=["GET"]),
            Route("/curate/review/{id}", review_save, methods=["POST"])]
