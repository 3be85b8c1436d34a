"""A query worker process: ``python -m conflictkg.web.worker FD STORE_DIR``.

It opens ``STORE_DIR/current`` read-only, says :data:`READY` on the connection inherited as file
descriptor ``FD``, then answers :class:`~conflictkg.web.execute.QueryRequest` values with
:class:`~conflictkg.web.execute.Answer` values until the connection closes (the parent stopped or
died) or it receives ``None``. Started by :mod:`conflictkg.web.pool`; it never imports Starlette.
"""

from __future__ import annotations

import signal
import sys
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from conflictkg.storedir import current_path
from conflictkg.web.execute import Answer, execute, text_answer

READY = "ready"


def _open(store_dir: Path) -> ox.Store | Answer:
    try:
        return ox.Store.read_only(str(current_path(store_dir).resolve()))
    except OSError as exc:
        return text_answer(500, f"the query worker cannot open the store at {store_dir}: {exc}")


def serve(conn: Connection, store_dir: Path) -> None:
    """Answer requests on ``conn`` until it closes or sends ``None``."""
    store = _open(store_dir)
    conn.send(READY)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        conn.send(store if isinstance(store, Answer) else execute(store, request))


def main(argv: list[str]) -> None:
    """Entry point: ``argv`` is ``[prog, FD, STORE_DIR]``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent stops us
    serve(Connection(int(argv[1])), Path(argv[2]))


if __name__ == "__main__":
    main(sys.argv)
