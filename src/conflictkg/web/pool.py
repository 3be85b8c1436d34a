"""A small pool of query worker processes, so that a query over its time or memory limit can be stopped.

pyoxigraph cannot interrupt a running query, and a thread cannot be killed, so each query runs in
a separate process (:mod:`conflictkg.web.worker`). Every worker opens the same store generation
(:class:`WorkerSpec`: resolved once when ``serve`` starts, so a replaced worker never opens a newer
one) and answers :class:`~conflictkg.web.execute.QueryRequest` values sent over a socket pair.
The parent waits at most the time limit; when it passes, the worker is killed (SIGKILL) and a
fresh one is started in its place, so the server keeps serving. A worker that dies by itself
(over its memory limit, crashed, killed from outside) is replaced too, and the death is told from
evidence (:mod:`conflictkg.web.death`); the request is retried once on the fresh worker only when
nothing says it caused the death, and otherwise answered 503 with what happened.
Workers are fresh interpreters (``python -m conflictkg.web.worker``), neither forked (the parent
runs an event loop and RocksDB threads) nor started by ``multiprocessing`` (which re-imports the
caller's main module). Their stderr goes through the parent, which keeps its last lines.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO

import anyio.to_thread

import conflictkg
from conflictkg.errors import QueryError
from conflictkg.store.directory import newer_published
from conflictkg.web.death import EVIDENCE, Death
from conflictkg.web.execute import Answer, QueryRequest
from conflictkg.web.worker import IN_MEMORY, MEMORY_MB, READY

#: Seconds a new worker may take to start and open the store (not charged to any query).
STARTUP_S = 60.0
#: Seconds to wait for a worker whose connection closed to be reaped, and for its last stderr lines.
DEATH_WAIT_S = 5.0
#: Lines of a worker's stderr kept to tell how it ended.
TAIL_LINES = 40
#: Seconds the workers are given together to exit when the server stops (a busy one is then killed):
#: well inside the 2 s a stopped ``serve`` has to exit (#14).
STOP_WAIT_S = 0.5

log = logging.getLogger("conflictkg.web")


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


class WorkerDied(Exception):
    """The worker ended while starting or serving a request (it has been replaced)."""

    def __init__(self, death: Death) -> None:
        super().__init__(death.what())
        self.death = death


@dataclass(frozen=True)
class WorkerSpec:
    """What every worker of a pool opens: one store generation (a ``db-…`` directory), in memory or
    not, with at most ``memory_mb`` MB of memory each (``None``: no limit)."""

    generation: Path
    in_memory: bool = False
    memory_mb: int | None = None

    def argv(self, fd: int) -> list[str]:
        return [sys.executable, "-m", "conflictkg.web.worker", str(fd), str(self.generation),
                *([IN_MEMORY] if self.in_memory else []),
                *([f"{MEMORY_MB}{self.memory_mb}"] if self.memory_mb else [])]


def child_env() -> dict[str, str]:
    """The environment of a worker: ours, with this conflictkg importable first."""
    here = str(Path(conflictkg.__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": here + (os.pathsep + path if path else "")}


def _pump(stream: IO[bytes], tail: deque[str], evidence: list[str]) -> None:
    """Copy a worker's stderr to ours line by line, keeping the last lines in ``tail`` and the
    lines that tell how a process ends (:data:`~conflictkg.web.death.EVIDENCE`) in ``evidence``."""
    with stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace")
            tail.append(line)
            if any(marker in line for marker in EVIDENCE) and len(evidence) < TAIL_LINES:
                evidence.append(line)
            sys.stderr.write(line)


class Worker:
    """One worker process and the parent's end of its socket; replaced in place when it ends."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.spec = spec
        self.process: subprocess.Popen[bytes] | None = None
        self.conn: Connection | None = None
        self.ready = False
        self.tail: deque[str] = deque(maxlen=TAIL_LINES)
        self.evidence: list[str] = []
        self._pump: threading.Thread | None = None
        self.start()

    def start(self) -> None:
        """Start the process (it opens the store while the parent goes on). ``ready`` is cleared first, so
        that nothing sees the new process's pid beside the old process's readiness."""
        self.ready = False
        parent, child = socket.socketpair()
        with child:
            self.process = subprocess.Popen(self.spec.argv(child.fileno()), pass_fds=[child.fileno()],
                                            stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env())
        self.tail = deque(maxlen=TAIL_LINES)
        self.evidence = []
        assert self.process.stderr is not None
        self._pump = threading.Thread(target=_pump, args=(self.process.stderr, self.tail, self.evidence),
                                      name=f"worker-{self.process.pid}-stderr", daemon=True)
        self._pump.start()
        self.conn = Connection(parent.detach())

    def _wait_ready(self) -> None:
        assert self.conn is not None
        if not self.conn.poll(STARTUP_S):
            raise WorkerDied(self._death(starting=True, wait=0))
        try:
            if self.conn.recv() == READY:
                self.ready = True
                return
        except (EOFError, OSError):
            pass
        raise WorkerDied(self._death(starting=True))

    def _death(self, *, starting: bool, wait: float = DEATH_WAIT_S) -> Death:
        """How the process ended (``returncode`` ``None`` if it is still running after ``wait`` s)."""
        assert self.process is not None
        try:
            code: int | None = self.process.wait(wait)
        except subprocess.TimeoutExpired:
            code = None
        if code is not None and self._pump is not None:
            self._pump.join(DEATH_WAIT_S)
        return Death(code, "".join(self.evidence + list(self.tail)), self.spec.memory_mb, starting)

    def kill(self) -> None:
        """Stop the process at once and release the socket."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(DEATH_WAIT_S)
        if self.conn is not None:
            self.conn.close()

    def replace(self, death: Death | None = None) -> None:
        """Kill the process (if it still runs) and start a fresh one; log how the old one ended."""
        if death is not None and self.process is not None:
            log.warning("query worker %s %s; replaced", self.process.pid, death.what())
        self.kill()
        self.start()

    def _attempt(self, request: QueryRequest, timeout: float) -> Answer:
        assert self.process is not None
        if self.process.poll() is not None:  # ended while idle (e.g. killed from outside)
            self.replace(self._death(starting=False))
        assert self.conn is not None
        try:
            if not self.ready:
                self._wait_ready()
            self.conn.send(request)
            if self.conn.poll(timeout):
                answer: Answer = self.conn.recv()
                return answer
        except WorkerDied as died:
            self.replace(died.death)
            raise
        except (EOFError, OSError):
            death = self._death(starting=False)
            self.replace(death)
            raise WorkerDied(death) from None
        self.replace()
        raise QueryTimeout(f"query exceeded the time limit of {timeout:g} s")

    def call(self, request: QueryRequest, timeout: float) -> Answer:
        """Send ``request`` and wait for the answer (blocking; run it in a thread).

        Raises:
            QueryTimeout: no answer within ``timeout`` seconds; the worker has been replaced.
            EndpointError: the worker ended (503, saying how); it has been replaced. A request whose
                worker was killed without a known cause is first retried once on the fresh worker.
        """
        try:
            return self._attempt(request, timeout)
        except WorkerDied as died:
            if not died.death.retry_safe:
                raise EndpointError(died.death.message(), 503) from None
        try:
            return self._attempt(request, timeout)
        except WorkerDied as died:
            raise EndpointError(died.death.message(retried=True), 503) from None

    def ask_to_stop(self) -> None:
        """Tell the process to exit after its current query (it reads the request between queries)."""
        try:
            if self.conn is not None:
                self.conn.send(None)
        except OSError:
            pass

    def stop(self, wait: float = STOP_WAIT_S) -> None:
        """Ask the process to exit; kill it if it has not after ``wait`` seconds."""
        self.ask_to_stop()
        if self.process is not None:
            try:
                self.process.wait(wait)
            except subprocess.TimeoutExpired:
                pass
        self.kill()


class WorkerPool:
    """``size`` workers; a request waits for an idle one (at most ``timeout`` seconds)."""

    def __init__(self, spec: WorkerSpec, size: int, timeout: float) -> None:
        self.spec = spec
        self.timeout = timeout
        self.workers = [Worker(spec) for _ in range(max(1, size))]
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._told_newer = False
        for worker in self.workers:
            self._idle.put_nowait(worker)

    async def run(self, request: QueryRequest) -> Answer:
        """Answer ``request`` in a worker, within the time limit."""
        self._tell_newer()
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except asyncio.TimeoutError:
            raise EndpointError("all query workers are busy; try again later", 503) from None
        try:
            return await anyio.to_thread.run_sync(worker.call, request, self.timeout)
        finally:
            self._idle.put_nowait(worker)

    def _tell_newer(self) -> None:
        """Log once that ``build`` published a newer generation than the one served."""
        if not self._told_newer and newer_published(self.spec.generation):
            self._told_newer = True
            log.warning("a newer store generation exists; restart serve to use it (serving %s)",
                        self.spec.generation.name)

    def pids(self) -> list[int]:
        """The process ids of the current workers (for operators and tests)."""
        return [w.process.pid for w in self.workers if w.process is not None]

    def close(self) -> None:
        """Stop every worker: all asked at once, then those still busy after ``STOP_WAIT_S`` killed."""
        for worker in self.workers:
            worker.ask_to_stop()
        deadline = time.monotonic() + STOP_WAIT_S
        for worker in self.workers:
            worker.stop(max(0.0, deadline - time.monotonic()))
