"""Every setting in one place, with its default, environment variable and help text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

STORE_ENV = "CONFLICTKG_STORE"
#: A checkout whose ontology/, queries/ and data/ replace the shipped copies (``--root``).
ROOT_ENV = "CONFLICTKG_ROOT"
#: ``serve``: query worker processes (each holds the store open read-only; one query at a time each).
DEFAULT_WORKERS = 2
#: ``serve``: most bytes of one request's line and headers; past it the answer is 414 (a longer
#: URL) or 431 (larger headers). Long SPARQL queries go in a POST body (up to 1 MiB).
MAX_REQUEST_HEAD_BYTES = 128 * 1024
#: ``serve``: megabytes of private memory (heap and anonymous mappings, ``RLIMIT_DATA``) each query
#: worker may use; a query that needs more is stopped (503) and its worker replaced. Measured with
#: the shipped store of the time (~12,000 quads): an idle worker holds ~90 MB of such memory (38 MB
#: RSS); an in-memory copy costs ~0.5 kB per quad (13 MB for today's ~25,000). The largest store served from memory by default
#: (web.sizing: a copy at most a quarter of this limit) leaves three quarters to sort and group;
#: 1 GB leaves that room while two default workers stay under 2 GB, which any machine that can
#: run ``build`` (HermiT) has. A fixed figure, not a fraction of this machine's memory: the same
#: query gets the same answer on every machine. 0 turns the limit off.
DEFAULT_WORKER_MEMORY_MB = 1024
#: Deepest nesting of ``{``, ``(``, ``[`` (and runs of prefix ``!``) a query may have. Oxigraph's
#: parser recurses per level and crashes the process (SIGSEGV) at about 2,200 nested ``{`` and
#: 4,700 nested ``(`` on an 8 MB stack (the usual ``ulimit -s``); 128 stays far below that even
#: on a 1 MB stack, and the library's own queries nest at most 10 (a test keeps them well under).
MAX_QUERY_DEPTH = 128
#: ``serve``: seconds a stopped server (SIGTERM, Ctrl-C) waits for requests in progress before cancelling
#: them; with uvicorn's own 0.1-0.2 s and the workers' half second (``web.pool.STOP_WAIT_S``) it exits
#: within 2 s also on a loaded machine (#14: with 1 s, 1.4-1.8 s at 10x while a view was laid out, load 9-11,
#: and 2.5-2.8 s at 100x; with 0.5 s, 0.9-1.5 s at 10x, ``bench/scale.py --stop-during``). A request
#: still running then (a page over half a second, a long ``/sparql`` query, a view being laid out) is cut:
#: a view answers 503, a query's worker is stopped.
SHUTDOWN_GRACE_S = 0.5
#: ``serve``: the Cache-Control of vis-network's script and style sheet (``/network/assets/…``): their
#: names carry the version, so a browser keeps them a year and never asks again (~0.7 MB per view saved).
VIS_CACHE_CONTROL = "public, max-age=31536000, immutable"

#: The longest article `conflictkg draft` reads, in characters (a long news article is ~30,000;
#: past this the input is not an article, and the name scan would take minutes).
DRAFT_MAX_CHARS = 300_000


def default_store_dir() -> Path:
    """``$CONFLICTKG_STORE`` (unless it is a server's URL), else ``$XDG_DATA_HOME/conflictkg/store``
    (``~/.local/share/...``)."""
    return split_store(None)[0]


def split_store(value: str | None) -> tuple[Path, str | None]:
    """A ``--store`` value (or ``$CONFLICTKG_STORE``) as (store directory, server URL or None).

    ``http://…`` and ``https://…`` name a SPARQL server (:mod:`conflictkg.store.remote`); anything
    else is the directory of the embedded store.

    >>> split_store("http://127.0.0.1:7878/query")[1]
    'http://127.0.0.1:7878/query'
    >>> split_store("/tmp/store")
    (PosixPath('/tmp/store'), None)
    """
    value = value if value is not None else os.environ.get(STORE_ENV)
    if value and value.strip().lower().startswith(("http://", "https://")):
        return _default_dir(), value.strip()
    return (Path(value).expanduser() if value else _default_dir()), None


def _default_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "conflictkg" / "store"


#: the SHACL engines a build can run: the shapes compiled to SPARQL and run on the staged store (the
#: default, ``conflictkg.shacl``), or pyshacl on an rdflib copy of the data (the reference the compiled
#: shapes are tested against)
SHACL_ENGINES = ("sparql", "pyshacl")


@dataclass(frozen=True)
class Settings:
    """Options shared by the command line and the web skin."""

    store_dir: Path
    reason: bool = True
    #: the SHACL engine a build runs (:data:`SHACL_ENGINES`)
    shacl_engine: str = "sparql"
    #: a SPARQL 1.1 query endpoint (``--store http(s)://…``) used instead of the embedded store
    store_url: str | None = None
    query_timeout_s: float = 30.0
    max_rows: int = 10_000
    worker_memory_mb: int = DEFAULT_WORKER_MEMORY_MB
    max_query_depth: int = MAX_QUERY_DEPTH
    #: build the downloads in the background right after start-up (else on their first request)
    prepare_downloads: bool = True

