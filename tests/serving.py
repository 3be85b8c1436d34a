"""Run the real app with uvicorn in a background thread on a free loopback port (tests only)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import uvicorn

from conflictkg.naming import Perspective
from conflictkg.resources import Resources
from conflictkg.settings import Settings
from conflictkg.store.directory import open_store
from conflictkg.templating import environment
from conflictkg.web import create_app
from conflictkg.web.pages import TEMPLATES
from conflictkg.web.server import uvicorn_config

from .conftest import REPO


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread on 127.0.0.1 and a free port; yield its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn_config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the test server did not start"
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(60)
        sock.close()


@contextmanager
def serving(store_dir: Path, workers: int = 2, resources: Resources | None = None, curate: Any = None,
            **settings: Any) -> Iterator[str]:
    """Serve the site over ``store_dir``; yield its base URL (``http://127.0.0.1:PORT``). ``curate``:
    a :class:`conflictkg.curating.Workbench` for the curate pages (``serve --curate``)."""
    settings.setdefault("prepare_downloads", False)  # each test server would build them (20 s of CPU at 1x)
    store = open_store(store_dir)
    app = create_app(store, Settings(store_dir, reason=False, **settings), workers=workers,  # type: ignore[arg-type]
                     resources=resources or Resources(REPO), curate=curate)
    try:
        with serve_app(app) as url:
            yield url
    finally:
        store.close()


def render_offline(template: str, page: Any, path: str, json_href: str = "/x.json") -> str:
    """``page`` rendered by ``template`` without a server, as the site renders it in neutral naming: the templates
    read only a request's ``url.path``, ``base_url`` and ``query_params.multi_items()``."""
    request = SimpleNamespace(url=SimpleNamespace(path=path), base_url="http://127.0.0.1:8000/",
                              query_params=SimpleNamespace(multi_items=lambda: []))
    return environment(TEMPLATES).get_template(template).render(
        page=page.to_json(), request=request, perspective=Perspective.NEUTRAL, perspectives=list(Perspective),
        version="t", json_href=json_href)
