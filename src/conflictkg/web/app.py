"""The web application: a Starlette app serving the SPARQL 1.1 endpoint over the embedded store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from conflictkg.settings import Settings
from conflictkg.store import OxigraphStore
from conflictkg.web.pool import WorkerPool
from conflictkg.web.service_description import ServiceDescription
from conflictkg.web.sparql import sparql_endpoint

#: Query worker processes (each holds the store open read-only; one query at a time each).
DEFAULT_WORKERS = 2


def create_app(store: OxigraphStore, settings: Settings, *, workers: int = DEFAULT_WORKERS) -> Starlette:
    """The site over ``store``, the published store at ``settings.store_dir``.

    ``store`` is read once for the service description; queries run in ``workers`` processes
    that open ``settings.store_dir`` read-only, each query stopped after
    ``settings.query_timeout_s`` seconds and cut to ``settings.max_rows`` rows.
    """

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = WorkerPool(settings.store_dir, workers, settings.query_timeout_s)
        app.state.pool = pool
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(pool.close)

    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                      allow_headers=["*"], expose_headers=["X-Conflictkg-Truncated", "X-Conflictkg-Max-Rows"],
                      max_age=86400)
    app = Starlette(routes=[Route("/sparql", sparql_endpoint, methods=["GET", "POST", "OPTIONS"])],
                    middleware=[cors], lifespan=lifespan)
    app.state.settings = settings
    app.state.description = ServiceDescription.of(store, settings)
    return app
