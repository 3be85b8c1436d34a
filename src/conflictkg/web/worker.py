"""A query worker process: ``python -m conflictkg.web.worker FD STORE_DIR [--in-memory]``.

It opens ``STORE_DIR/current`` read-only (and with ``--in-memory`` copies it into memory), says :data:`READY` on the connection inherited as file
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

from conflictkg.errors import StoreError
from conflictkg.store import OxigraphStore
from conflictkg.storedir import current_path
from conflictkg.web.execute import Answer, execute, text_answer

READY = "ready"
IN_MEMORY = "--in-memory"


def _open(store_dir: Path, in_memory: bool) -> ox.Store | Answer:
    try:
        store = OxigraphStore.open_read_only(current_path(store_dir).resolve())
        return (store.in_memory_copy() if in_memory else store).native
    except (StoreError, OSError) as exc:
        return text_answer(500, f"the query worker cannot open the store at {store_dir}: {exc}")


def serve(conn: Connection, store_dir: Path, in_memory: bool = False) -> None:
    """Answer requests on ``conn`` until it closes or sends ``None``; with ``in_memory``, from a
    copy of the store in this process's memory."""
    store = _open(store_dir, in_memory)
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
    """Entry point: ``argv`` is ``[prog, FD, STORE_DIR]`` or ``[prog, FD, STORE_DIR, "--in-memory"]``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent stops us
    serve(Connection(int(argv[1])), Path(argv[2]), argv[3:] == [IN_MEMORY])


if __name__ == "__main__":
    main(sys.argv)
