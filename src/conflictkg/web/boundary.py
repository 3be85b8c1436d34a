"""The one error boundary of the web app: every error of every route is answered here.

Typed errors (:mod:`conflictkg.errors`) map to HTTP statuses; Starlette's own (no route: 404,
wrong method: 405) keep theirs; anything else is a 500 that names no internals (the traceback
goes to the server log). The answer takes the form the client asked for:

* ``/sparql``: plain text, as the SPARQL protocol's clients expect;
* a ``.json``/``.csv`` twin, or an Accept header preferring JSON: ``{"ok": false, "status",
  "error", "hint"}``, the one JSON error shape of the site;
* otherwise the HTML error page (escaped like every page).
"""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from conflictkg.errors import ConflictKGError, Forbidden, NotAcceptable, NotFound, Preparing, QueryError, StoreError
from conflictkg.network import ViewError
from conflictkg.web.pool import EndpointError
from conflictkg.web.rendering import render, wants_json

LOG = logging.getLogger("conflictkg.web")

#: Most specific first: the first class the error is an instance of gives the status.
STATUSES: tuple[tuple[type[ConflictKGError], int], ...] = (
    (Forbidden, 403), (Preparing, 503), (NotFound, 404), (ViewError, 404), (NotAcceptable, 406), (QueryError, 400), (StoreError, 503),
    (ConflictKGError, 400),
)
TITLES = {400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Method not allowed", 406: "Not acceptable",
          413: "Request too large", 415: "Unsupported media type", 500: "Server error", 503: "Unavailable"}


def status_of(exc: ConflictKGError) -> int:
    """The HTTP status of a typed error (an endpoint error carries its own)."""
    if isinstance(exc, EndpointError):
        return exc.status
    return next(status for kind, status in STATUSES if isinstance(exc, kind))


def _described(exc: Exception) -> tuple[int, str, str, dict[str, str]]:
    """Status, message, hint and extra headers of any exception."""
    if isinstance(exc, Preparing):  # a client (and a browser's reload) may ask again then
        return status_of(exc), exc.message, exc.hint or "", {"Retry-After": str(exc.retry_after)}
    if isinstance(exc, ConflictKGError):
        return status_of(exc), exc.message, exc.hint or "", {}
    if isinstance(exc, HTTPException):
        return exc.status_code, str(exc.detail), "", dict(exc.headers or {})
    LOG.error("unexpected error on a request", exc_info=exc)
    return 500, "the server could not answer this request (an unexpected error; see the server log)", "", {}


async def error_response(request: Request, exc: Exception) -> Response:
    """The answer to ``exc`` raised by the route of ``request``, in the form the client asked for."""
    status, message, hint, headers = _described(exc)
    if request.url.path.startswith("/sparql"):
        text = message + (f"\nHint: {hint}" if hint else "")
        return PlainTextResponse(text + "\n", status, headers=headers)
    if status == 406:  # the client takes neither HTML nor JSON: say it in plain words
        return PlainTextResponse(f"{message}\nHint: {hint}\n" if hint else f"{message}\n", status, headers=headers)
    suffix = request.url.path.endswith((".json", ".csv", ".geojson"))
    try:
        as_json = wants_json(request, suffix)
    except NotAcceptable:
        as_json = False
    if as_json:
        return JSONResponse({"ok": False, "status": status, "error": message, "hint": hint}, status,
                            headers=headers)
    data = {"kind": "error", "title": TITLES.get(status, f"Error {status}"), "message": message, "hint": hint,
            "sections": [], "facts": []}
    response = render(request, "error.html", data, as_json=False, status=status)
    response.headers.update(headers)
    return response
