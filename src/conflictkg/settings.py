"""Every setting in one place, with its default, environment variable and help text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

STORE_ENV = "CONFLICTKG_STORE"
#: ``serve``: query worker processes (each holds the store open read-only; one query at a time each).
DEFAULT_WORKERS = 2
#: ``serve``: stores of at most this many quads are served from memory unless told otherwise (a copy
#: per process, ~0.5 kB per quad; at 100,000 quads each copy takes ~1.5 s to make).
IN_MEMORY_UP_TO = 200_000
#: Deepest nesting of ``{``, ``(``, ``[`` (and runs of prefix ``!``) a query may have. Oxigraph's
#: parser recurses per level and crashes the process (SIGSEGV) at about 2,200 nested ``{`` and
#: 4,700 nested ``(`` on an 8 MB stack (the usual ``ulimit -s``); 128 stays far below that even
#: on a 1 MB stack, and the library's own queries nest at most 10 (a test keeps them well under).
MAX_QUERY_DEPTH = 128


def default_store_dir() -> Path:
    """``$CONFLICTKG_STORE``, else ``$XDG_DATA_HOME/conflictkg/store`` (``~/.local/share/...``)."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "conflictkg" / "store"


@dataclass(frozen=True)
class Settings:
    """Options shared by the command line and the web skin."""

    store_dir: Path
    reason: bool = True
    query_timeout_s: float = 30.0
    max_rows: int = 10_000
    max_query_depth: int = MAX_QUERY_DEPTH


SETTINGS_HELP: dict[str, str] = {
    "store_dir": f"Directory of the embedded Oxigraph store (flag --store, env {STORE_ENV}).",
    "reason": "Check OWL consistency with HermiT during build (needs Java); --no-reason skips it.",
    "query_timeout_s": "Seconds a SPARQL query may run in the web endpoint before it is stopped.",
    "max_rows": "Most result rows the web endpoint returns for one query.",
    "max_query_depth": "Deepest nesting of { ( [ a query may have (CLI and web); deeper ones are refused "
                       "before they reach the parser, which would crash.",
}
