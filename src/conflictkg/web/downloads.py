"""``/downloads``: the flat files of :mod:`conflictkg.exports`, listed (HTML and JSON twin) and served.

The files are built once per served generation, right after start-up, never by a request (#14):
the app's lifespan starts :meth:`DownloadFiles.start` once the pages' site is loaded. The build
(:func:`conflictkg.exports.build_all`, ~20 s for the shipped data) runs in a child process,
``python -m conflictkg.web.downloads GENERATION ROOT [DATE]``, which opens the generation read-only
and writes the files to its stdout: the server's pages keep their share of the interpreter meanwhile,
and a stopping server kills the child. Over a SPARQL server (``serve --store URL``: no generation) they
are built in a daemon thread. The files are held in memory; nothing is written to disk. A request
before they are ready is answered 503 with ``Retry-After`` (:class:`~conflictkg.errors.Preparing`),
at once, and starts a build when none runs (one that failed is tried again). GEXF files carry the
data's build date, so a generation always serves the same bytes.
"""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from conflictkg import exports
from conflictkg.errors import NotFound, Preparing
from conflictkg.pages.downloads import downloads_page
from conflictkg.resources import Resources
from conflictkg.web.rendering import render, wants_json

LOG = logging.getLogger("conflictkg.web")
#: What a client waiting for the downloads is told to wait before asking again (``Retry-After``, s).
RETRY_AFTER_S = 10


class ChildBuild:
    """Build the downloads of one generation in a child process (killed by :meth:`stop`)."""

    def __init__(self, generation: Path, resources: Resources, date: str | None) -> None:
        self.argv = [sys.executable, "-m", "conflictkg.web.downloads", str(generation), str(resources.root),
                     *([date] if date else [])]
        self._process: subprocess.Popen[bytes] | None = None
        self._stopped = False

    def __call__(self) -> dict[str, bytes]:
        from conflictkg.web.pool import child_env  # the workers' environment: this conflictkg importable

        if self._stopped:
            raise RuntimeError("the server is stopping")
        self._process = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, env=child_env())
        out, err = self._process.communicate()
        if self._process.returncode != 0:
            raise RuntimeError(f"the downloads' build exited with {self._process.returncode}: "
                               f"{err.decode('utf-8', 'replace')[-2000:]}")
        files: dict[str, bytes] = pickle.loads(out)  # noqa: S301 (our own child's answer)
        return files

    def stop(self) -> None:
        self._stopped = True
        if self._process is not None and self._process.poll() is None:
            self._process.kill()


class DownloadFiles:
    """Every download's bytes, built once by ``make`` in a daemon thread; ``stop`` ends a build in progress."""

    def __init__(self, make: Callable[[], dict[str, bytes]], stop: Callable[[], None] | None = None) -> None:
        self._make, self._stop = make, stop
        self._files: dict[str, bytes] | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._files is not None

    @property
    def building(self) -> bool:
        """Whether a build runs now."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Build the files in a daemon thread, unless they are built or being built."""
        with self._lock:
            if self._files is not None or (self._thread is not None and self._thread.is_alive()):
                return
            self._thread = threading.Thread(target=self._build, name="conflictkg-downloads", daemon=True)
            self._thread.start()

    def _build(self) -> None:
        try:
            files = self._make()
        except Exception as exc:  # the next request starts another build
            LOG.error("the downloads could not be prepared: %s", exc)
            return
        with self._lock:
            self._files = files

    def files(self) -> dict[str, bytes]:
        """The files; :class:`Preparing` (a build started when none runs) while they are not ready."""
        files = self._files
        if files is not None:
            return files
        self.start()
        raise Preparing("the downloads are being prepared from the served data; they are ready within a minute "
                        "of the server's start", hint=f"try again in {RETRY_AFTER_S} seconds", retry_after=RETRY_AFTER_S)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a build in progress (at most ``timeout`` s); whether the files are ready."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.ready

    def stop(self) -> None:
        if self._stop is not None:
            self._stop()


async def listing(request: Request) -> Response:
    as_json = wants_json(request, request.url.path.endswith(".json"))
    files = request.app.state.downloads.files()
    listed = [(name, info.description, files[name]) for name, info in exports.DOWNLOADS.items()]
    page = await anyio.to_thread.run_sync(downloads_page, listed)
    return render(request, "downloads.html", page.to_json(), as_json=as_json)


async def one_file(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in exports.DOWNLOADS:
        raise NotFound(f"no download called {name!r}", hint="the list of downloads is at /downloads")
    files = request.app.state.downloads.files()
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "public, max-age=3600"}
    return Response(files[name], media_type=exports.DOWNLOADS[name].media_type, headers=headers)


ROUTES = [Route("/downloads", listing), Route("/downloads.json", listing), Route("/downloads/{name}", one_file)]


def main(argv: list[str]) -> int:
    """The child: build the downloads of generation ``argv[0]`` with the resources at ``argv[1]``."""
    from conflictkg.store.oxigraph import OxigraphStore

    store = OxigraphStore.open_read_only(Path(argv[0]))
    try:
        files = exports.build_all(store, Resources(Path(argv[1])), argv[2] if len(argv) > 2 else None)
    finally:
        store.close()
    sys.stdout.buffer.write(pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
