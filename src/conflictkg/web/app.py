"""The web application: the SPARQL 1.1 endpoint, the HTML pages and their JSON twins over the embedded store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from conflictkg import exports
from conflictkg.errors import ConflictKGError
from conflictkg.network.render import TEMPLATES as NETWORK_TEMPLATES
from conflictkg.pages.context import Site
from conflictkg.pages.warm import warm, warm_home
from conflictkg.resources import Resources, default_resources
from conflictkg.settings import DEFAULT_WORKER_MEMORY_MB, DEFAULT_WORKERS, Settings
from conflictkg.store.directory import current_path, generation_date
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.store.remote import RemoteStore
from conflictkg.templating import environment
from conflictkg.web.boundary import error_response
from conflictkg.web.deferred import Deferred
from conflictkg.web.downloads import ROUTES as download_routes
from conflictkg.web.downloads import ChildBuild, DownloadFiles
from conflictkg.web.network import ROUTES as network_routes
from conflictkg.web.network import view_builds
from conflictkg.web.network import warm as warm_network_views
from conflictkg.web.ontology import ROUTES as ontology_routes
from conflictkg.web.ontology import void_turtle
from conflictkg.web.pages import TEMPLATES as PAGE_TEMPLATES
from conflictkg.web import sizing
from conflictkg.web.pages import routes as page_routes
from conflictkg.web.pagestore import PagesStore
from conflictkg.web.pool import WorkerPool, WorkerSpec
from conflictkg.web.query_routes import query_routes
from conflictkg.web.remote import RemoteQueries
from conflictkg.web.service_description import ServiceDescription
from conflictkg.web.sparql import sparql_endpoint

if TYPE_CHECKING:
    from conflictkg.curating import Workbench


def serve_in_memory(store: OxigraphStore, choice: bool | None, *, workers: int = DEFAULT_WORKERS,
                    worker_memory_mb: int = DEFAULT_WORKER_MEMORY_MB, available: int | None = None) -> sizing.Placement:
    """``choice`` for the workers and the pages alike, or when it is ``None``, where copies of ``store`` fit
    this machine's memory (:func:`conflictkg.web.sizing.placement`; ``available`` defaults to what it has now)."""
    if choice is not None:
        return sizing.Placement(workers=choice, pages=choice)
    room = sizing.available_bytes() if available is None else available
    return sizing.placement(len(store), workers=workers, worker_memory_mb=worker_memory_mb, available=room)


def create_app(store: OxigraphStore | RemoteStore, settings: Settings, *, workers: int = DEFAULT_WORKERS,
               resources: Resources | None = None, in_memory: bool = False, pages_in_memory: bool | None = None,
               generation: Path | None = None, curate: Workbench | None = None) -> Starlette:
    """The site over ``store``, the published store at ``settings.store_dir``.

    ``store`` is read once for the service description (on first use); queries run in ``workers`` processes
    that open ``settings.store_dir`` read-only, each query stopped after
    ``settings.query_timeout_s`` seconds and cut to ``settings.max_rows`` rows. With
    ``in_memory``, the workers query copies of the store held in memory, and so do the pages with
    ``pages_in_memory`` (``None``: as the workers; :mod:`conflictkg.web.sizing` sizes the two apart); until
    that copy is made the pages answer from ``store`` (:class:`~conflictkg.web.pagestore.PagesStore`). Nothing
    expensive runs here: the pages' copy, the :class:`Site` and the service description are
    :class:`~conflictkg.web.deferred.Deferred` (made after start-up or on first use; the copy only after
    start-up, by the lifespan).

    Every worker opens ``generation`` (the ``db-…`` directory ``store`` was opened from; by default
    the one ``current`` points at now), also when it is replaced after a later ``build``: the site
    answers from one dataset. ``conflictkg serve`` pins it (:func:`~conflictkg.store.directory.pinned_generation`).
    Each worker may use ``settings.worker_memory_mb`` MB of memory (0: no limit).
    When ``store`` is a :class:`~conflictkg.store.remote.RemoteStore` (``serve --store URL``), that
    server answers the pages and ``/sparql`` (:class:`~conflictkg.web.remote.RemoteQueries`): no
    worker, no in-memory copy, no build date.
    With ``curate`` (``serve --curate``), the curator's pages under ``/curate`` review drafts on
    that workbench; without it the site has no POST route but ``/sparql``.
    """
    if isinstance(store, RemoteStore):  # a SPARQL server answers: no workers, no generation, no copy
        spec, in_memory, pages_in_memory = None, False, False
    else:
        spec = WorkerSpec(generation or current_path(settings.store_dir).resolve(), in_memory,
                          settings.worker_memory_mb or None)
    # the one error boundary: typed errors, Starlette's 404/405 and anything unexpected (500)
    handlers = {ConflictKGError: error_response, HTTPException: error_response, Exception: error_response}
    app = Starlette(routes=site_routes(curate is not None), middleware=[CORS],
                    lifespan=lifespan_of(store, spec, workers, settings.query_timeout_s),
                    exception_handlers=handlers)  # type: ignore[arg-type]
    app.state.templates = environment(PAGE_TEMPLATES, NETWORK_TEMPLATES)  # the app's one Jinja2 environment
    app.state.settings = settings
    if curate is not None:
        from conflictkg.web.curate import Desk
        app.state.curate = Desk.open(curate)
    app.state.built = generation_date(spec.generation) if spec else None  # the "cite this" line's build date
    app.state.resources = resources or default_resources()
    defer_state(app, store, in_memory if pages_in_memory is None else pages_in_memory)
    app.state.network_views = view_builds(app)
    app.state.downloads = downloads_of(spec, app.state.store, app.state.resources, app.state.built)
    return app


CORS = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                  allow_headers=["*"], expose_headers=["X-Conflictkg-Truncated", "X-Conflictkg-Max-Rows"],
                  max_age=86400)


def site_routes(curating: bool) -> list[Route]:
    """Every route of the site; the curator's pages only when ``curating``."""
    curate: list[Route] = []
    if curating:  # the curate pages import the drafter and the validator: only when asked for
        from conflictkg.web.curate import curate_routes
        curate = curate_routes()
    return [Route("/sparql", sparql_endpoint, methods=["GET", "POST", "OPTIONS"]), *page_routes(),
            *query_routes(), *network_routes, *download_routes, *ontology_routes, *curate]


def defer_state(app: Starlette, store: OxigraphStore | RemoteStore, pages_copy: bool) -> None:
    """The app's expensive state, made on first use or in the background after start-up, never before the
    server listens (#14): the :class:`Site` over the pages' store (the served store itself, read-only; with
    ``pages_copy`` replaced by its in-memory copy once that is made, :mod:`conflictkg.web.pagestore`), the
    home page's answers, the service description, VoID and the busiest pages' answers."""
    copy = store.in_memory_copy if pages_copy and isinstance(store, OxigraphStore) else None
    pages_store = app.state.store = PagesStore(store, copy)
    app.state.pages_copy = Deferred(pages_store.copy)  # in the background, after the home page's answers
    app.state.site = Deferred(lambda: Site.load(pages_store, app.state.resources))
    app.state.description = Deferred(lambda: ServiceDescription.of(store, app.state.settings))
    app.state.void = Deferred(lambda: void_turtle(app.state.site.get(), app.state.built))  # made on first request
    app.state.home = Deferred(lambda: warm_home(app.state.site.get()))  # the first visitor's page, first
    app.state.warm_pages = Deferred(lambda: warm(app.state.site.get()))  # in the background after start-up


def lifespan_of(store: OxigraphStore | RemoteStore, spec: WorkerSpec | None, workers: int, timeout_s: float):
    """The app's lifespan: the query pool (worker processes over ``spec``, or the SPARQL server that is
    ``store``), and after start-up, in the background, the site, the network views and the downloads."""
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = RemoteQueries(store) if spec is None else WorkerPool(spec, workers, timeout_s)
        app.state.pool = pool
        try:
            async with anyio.create_task_group() as background:
                # after start-up: the app answers while the site is loaded and the views laid out;
                # stopping abandons them
                background.start_soon(warm_up, app)
                if app.state.settings.prepare_downloads:
                    background.start_soon(prepare_downloads, app)
                yield
                background.cancel_scope.cancel()
        finally:
            app.state.downloads.stop()
            await anyio.to_thread.run_sync(pool.close)
    return lifespan


async def warm_up(app: Starlette) -> None:
    """The background work after start-up, the first visitor's first: the site and the home page's answers
    (from disk when the copy is still to be made), then the pages' in-memory copy, then the service
    description, the busiest pages' answers and the network views side by side (over the copy, if any)."""
    await app.state.home.wait()
    await app.state.pages_copy.wait()
    async with anyio.create_task_group() as after:
        after.start_soon(app.state.description.wait)
        after.start_soon(app.state.warm_pages.wait)
        after.start_soon(warm_network_views, app)


async def prepare_downloads(app: Starlette) -> None:
    """Once the home page's answers are made, build the downloads (in the background: requests are answered
    meanwhile; the child process would otherwise compete with the first page for the machine)."""
    await app.state.home.wait()
    app.state.downloads.start()


def downloads_of(spec: WorkerSpec | None, store: PagesStore, resources: Resources,
                 built: str | None) -> DownloadFiles:
    """The downloads of the served generation, built by a child process (in a thread over a SPARQL server)."""
    if spec is None:
        return DownloadFiles(lambda: exports.build_all(store, resources, built))
    child = ChildBuild(spec.generation, resources, built)
    return DownloadFiles(child, child.stop)
