"""``/downloads``: the flat files of :mod:`conflictkg.exports`, listed (HTML and JSON twin) and served.

The files are built from the app's store on first request, once, in memory (:class:`DownloadFiles`,
held on ``app.state``): nothing is written to disk. GEXF files carry the data's build date, so a
generation always serves the same bytes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from conflictkg import exports
from conflictkg.errors import NotFound
from conflictkg.pages.downloads import downloads_page
from conflictkg.resources import Resources
from conflictkg.store import Store
from conflictkg.web.rendering import render, wants_json


class DownloadFiles:
    """Every download's bytes, built once on first use (one build at a time)."""

    def __init__(self, store: Callable[[], Store], resources: Resources, date: str | None) -> None:
        self._store, self._resources, self._date = store, resources, date
        self._files: dict[str, bytes] | None = None
        self._lock = threading.Lock()

    def files(self) -> dict[str, bytes]:
        with self._lock:
            if self._files is None:
                self._files = exports.build_all(self._store(), self._resources, self._date)
            return self._files


async def listing(request: Request) -> Response:
    as_json = wants_json(request, request.url.path.endswith(".json"))
    files = await anyio.to_thread.run_sync(request.app.state.downloads.files)
    listed = [(name, info.description, files[name]) for name, info in exports.DOWNLOADS.items()]
    return render(request, "downloads.html", downloads_page(listed).to_json(), as_json=as_json)


async def one_file(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in exports.DOWNLOADS:
        raise NotFound(f"no download called {name!r}", hint="the list of downloads is at /downloads")
    files = await anyio.to_thread.run_sync(request.app.state.downloads.files)
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "public, max-age=3600"}
    return Response(files[name], media_type=exports.DOWNLOADS[name].media_type, headers=headers)


ROUTES = [Route("/downloads", listing), Route("/downloads.json", listing), Route("/downloads/{name}", one_file)]
