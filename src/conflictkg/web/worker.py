"""A query worker process: ``python -m conflictkg.web.worker FD GENERATION [--in-memory] [--memory-mb=N]``.

It opens the store generation ``GENERATION`` (a ``db-…`` directory, never ``current``: every
worker of one ``serve`` answers from the generation resolved at start-up) read-only, and with
``--in-memory`` copies it into memory: a small store (:data:`COPY_BEFORE_READY_UP_TO`) before the
worker says it is ready, a larger one in a background thread while the worker answers from disk (a
copy of a million quads takes tens of seconds; the worker is ready at once). It says
:data:`READY` on the connection inherited as file descriptor ``FD``, then answers :class:`~conflictkg.web.execute.QueryRequest` values with
:class:`~conflictkg.web.execute.Answer` values until the connection closes (the parent stopped or
died) or it receives ``None``. Started by :mod:`conflictkg.web.pool`; it never imports Starlette.

Memory limit: with ``--memory-mb=N`` the process caps its private writable memory (heap and
anonymous mappings, ``RLIMIT_DATA``) at N MB before it opens the store. ``RLIMIT_AS`` is not
used: it also counts address space that is only reserved (glibc's per-thread malloc arenas,
RocksDB's thread stacks: ~380 MB at idle, growing with the core count), so a limit low enough to
matter stops the worker from starting. When Oxigraph (Rust) cannot allocate under the limit it
prints ``memory allocation of N bytes failed`` and aborts (SIGABRT); the pool recognises that.
A Python ``MemoryError`` is answered here, with the same message.
"""

from __future__ import annotations

import resource
import signal
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from conflictkg.errors import StoreError
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.web.execute import Answer, QueryRequest, execute, text_answer

READY = "ready"
IN_MEMORY = "--in-memory"
MEMORY_MB = "--memory-mb="
#: Stores of at most this many quads are copied into memory before the worker says it is ready
#: (~1.5 s per 100,000 quads on this 2-core machine): its first answers are then as fast as the
#: rest. A larger store is copied in the background while the worker answers from disk.
COPY_BEFORE_READY_UP_TO = 100_000


def memory_exceeded(memory_mb: int | None) -> str:
    """The message for a query stopped at the worker's memory limit."""
    return f"query exceeded the memory limit of {memory_mb} MB per query worker"


def limit_memory(memory_mb: int) -> None:
    """Cap this process's heap and anonymous mappings (soft and hard ``RLIMIT_DATA``) at ``memory_mb``."""
    size = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_DATA, (size, size))


class Current:
    """The store a worker answers from: the generation on disk (or why it cannot be opened) at
    first, replaced by its in-memory copy once :meth:`copy_in_background` has made it."""

    def __init__(self, generation: Path) -> None:
        self.disk: OxigraphStore | None = None
        try:
            self.disk = OxigraphStore.open_read_only(generation)
            self.store: ox.Store | Answer = self.disk.native
        except (StoreError, OSError) as exc:
            self.store = text_answer(500, f"the query worker cannot open the store at {generation}: {exc}")
        self.copied = threading.Event()

    def copy_in_background(self) -> threading.Thread | None:
        """Copy the disk store into memory in a daemon thread; queries go on from disk meanwhile."""
        disk = self.disk
        if disk is None:
            return None

        def copy() -> None:
            try:
                self.store = disk.in_memory_copy().native  # one assignment: a request sees old or new
            except (StoreError, OSError, MemoryError):
                pass  # answering from disk is slower, not wrong
            finally:
                self.copied.set()

        thread = threading.Thread(target=copy, name="in-memory-copy", daemon=True)
        thread.start()
        return thread


def _answer(store: ox.Store | Answer, request: QueryRequest, memory_mb: int | None) -> Answer:
    if isinstance(store, Answer):
        return store
    try:
        return execute(store, request)
    except MemoryError:  # Python ran out under the limit (Rust aborts instead; see the module doc)
        return text_answer(503, memory_exceeded(memory_mb))


def prepare(generation: Path, in_memory: bool, copy_before_ready_up_to: int = COPY_BEFORE_READY_UP_TO) -> Current:
    """The store to answer from when the worker says it is ready: with ``in_memory``, a store of
    at most ``copy_before_ready_up_to`` quads already copied, a larger one being copied."""
    current = Current(generation)
    copying = current.copy_in_background() if in_memory else None
    if copying is not None and current.disk is not None and len(current.disk) <= copy_before_ready_up_to:
        copying.join()
    return current


def serve(conn: Connection, generation: Path, in_memory: bool = False, memory_mb: int | None = None) -> None:
    """Answer requests on ``conn`` until it closes or sends ``None``; with ``in_memory``, from a
    copy of the store in this process's memory once it is made (from disk until then)."""
    current = prepare(generation, in_memory)
    conn.send(READY)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        conn.send(_answer(current.store, request, memory_mb))


def main(argv: list[str]) -> None:
    """Entry point: ``argv`` is ``[prog, FD, GENERATION, *options]`` (see the module doc)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent stops us
    options = argv[3:]
    memory = [int(o[len(MEMORY_MB):]) for o in options if o.startswith(MEMORY_MB)]
    if memory:
        limit_memory(memory[0])
    serve(Connection(int(argv[1])), Path(argv[2]), IN_MEMORY in options, memory[0] if memory else None)


if __name__ == "__main__":
    main(sys.argv)
