"""A small pool of query worker processes, so that a query over its time limit can be stopped.

pyoxigraph cannot interrupt a running query, and a thread cannot be killed, so each query runs in
a separate process (:mod:`conflictkg.web.worker`). Every worker opens the published store
read-only and answers :class:`~conflictkg.web.execute.QueryRequest` values sent over a socket pair.
The parent waits at most the time limit; when it passes, the worker is killed (SIGKILL) and a
fresh one is started in its place, so the server keeps serving. Workers are fresh interpreters
(``python -m conflictkg.web.worker``), neither forked (the parent runs an event loop and RocksDB
threads) nor started by ``multiprocessing`` (which re-imports the caller's main module).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path

import anyio.to_thread

import conflictkg
from conflictkg.errors import QueryError
from conflictkg.web.execute import Answer, QueryRequest
from conflictkg.web.worker import IN_MEMORY, READY

#: Seconds a new worker may take to start and open the store (not charged to any query).
STARTUP_S = 60.0


class EndpointError(QueryError):
    """A query the endpoint could not answer; ``status`` is the HTTP status to send."""

    status = 400

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


class QueryTimeout(EndpointError):
    """The query ran past the time limit and its worker was stopped."""

    status = 503


def _child_env() -> dict[str, str]:
    """The environment of a worker: ours, with this conflictkg importable first."""
    here = str(Path(conflictkg.__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": here + (os.pathsep + path if path else "")}


class Worker:
    """One worker process and the parent's end of its socket; replaced in place when killed."""

    def __init__(self, store_dir: Path, in_memory: bool = False) -> None:
        self.store_dir = store_dir
        self.in_memory = in_memory
        self.process: subprocess.Popen[bytes] | None = None
        self.conn: Connection | None = None
        self.ready = False
        self.start()

    def start(self) -> None:
        """Start the process (it opens the store while the parent goes on)."""
        parent, child = socket.socketpair()
        with child:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "conflictkg.web.worker", str(child.fileno()), str(self.store_dir),
                 *([IN_MEMORY] if self.in_memory else [])],
                pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=_child_env())
        self.conn = Connection(parent.detach())
        self.ready = False

    def _wait_ready(self) -> None:
        assert self.conn is not None
        if not self.conn.poll(STARTUP_S) or self.conn.recv() != READY:
            raise OSError("the query worker did not start")
        self.ready = True

    def kill(self) -> None:
        """Stop the process at once and release the socket."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(5)
        if self.conn is not None:
            self.conn.close()

    def call(self, request: QueryRequest, timeout: float) -> Answer:
        """Send ``request`` and wait for the answer (blocking; run it in a thread).

        Raises:
            QueryTimeout: no answer within ``timeout`` seconds; the worker has been replaced.
        """
        assert self.conn is not None
        try:
            if not self.ready:
                self._wait_ready()
            self.conn.send(request)
            if self.conn.poll(timeout):
                answer: Answer = self.conn.recv()
                return answer
        except (EOFError, OSError):
            self.kill()
            self.start()
            raise EndpointError("the query worker stopped unexpectedly (out of memory?)", 500) from None
        self.kill()
        self.start()
        raise QueryTimeout(f"query exceeded the time limit of {timeout:g} s")

    def stop(self) -> None:
        """Ask the process to exit; kill it if it does not."""
        try:
            if self.conn is not None:
                self.conn.send(None)
        except OSError:
            pass
        if self.process is not None:
            try:
                self.process.wait(2)
            except subprocess.TimeoutExpired:
                pass
        self.kill()


class WorkerPool:
    """``size`` workers; a request waits for an idle one (at most ``timeout`` seconds)."""

    def __init__(self, store_dir: Path, size: int, timeout: float, *, in_memory: bool = False) -> None:
        self.timeout = timeout
        self.workers = [Worker(store_dir, in_memory) for _ in range(max(1, size))]
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        for worker in self.workers:
            self._idle.put_nowait(worker)

    async def run(self, request: QueryRequest) -> Answer:
        """Answer ``request`` in a worker, within the time limit."""
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except asyncio.TimeoutError:
            raise EndpointError("all query workers are busy; try again later", 503) from None
        try:
            return await anyio.to_thread.run_sync(worker.call, request, self.timeout)
        finally:
            self._idle.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker."""
        for worker in self.workers:
            worker.stop()
