"""How a query worker process ended, told from its exit status and the last lines it wrote.

Never guessed: each cause is recognised from evidence the process leaves behind.

* **Over the memory limit.** Oxigraph is Rust; when an allocation fails under the worker's
  ``RLIMIT_DATA``, Rust's allocation-error handler writes ``memory allocation of N bytes failed``
  to stderr and aborts the process (SIGABRT). Measured with ``SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }
  ORDER BY ?f ?c`` and a 300 MB limit: the worker aborts after ~2.5 s at ~250 MB RSS. A Python
  ``MemoryError`` that escapes (exit status 1, ``MemoryError`` in the traceback) counts too.
  While the worker is still opening the store, RocksDB (C++) failing to start a thread under the
  limit (``std::system_error``: ``Resource temporarily unavailable``) counts as well: below ~300 MB
  the worker cannot start (copying the store into memory allocates a 200 MB buffer at once).
* **Crashed.** A signal that a fault raises (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, ...):
  the query most likely caused it, so it is not run again.
* **Killed.** Any other signal (``kill -9`` from outside, the kernel's OOM killer, SIGTERM): no
  known cause, so the request is safe to retry once on a fresh worker.
* **Exited** with a status (a Python error in the worker, shown with its last line).

Being stopped at the time limit is not a death the pool discovers: the pool kills the worker itself
(:class:`~conflictkg.web.pool.QueryTimeout`).
"""

from __future__ import annotations

import signal
from dataclasses import dataclass

from conflictkg.web.worker import memory_exceeded

#: Signals raised by a fault inside the process rather than sent from outside.
CRASH_SIGNALS = frozenset({signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGFPE, signal.SIGABRT,
                           signal.SIGSYS, signal.SIGTRAP})
#: What Rust's default allocation-error handler prints before it aborts.
ALLOCATION_FAILED = "memory allocation of "
#: What C++ (RocksDB) prints before it aborts when an allocation or a new thread's stack fails.
CPP_BAD_ALLOC = "std::bad_alloc"
THREAD_FAILED = "Resource temporarily unavailable"
#: stderr lines kept as evidence however much follows them (``RUST_BACKTRACE`` adds dozens of lines).
EVIDENCE = (ALLOCATION_FAILED, CPP_BAD_ALLOC, THREAD_FAILED, "MemoryError")


@dataclass(frozen=True)
class Death:
    """A worker's end: ``returncode`` as :class:`subprocess.Popen` reports it (``-N`` for signal N,
    ``None`` when it did not end), the tail of its stderr, its memory limit, and whether it was
    still starting (opening the store) rather than running a query."""

    returncode: int | None
    stderr: str = ""
    memory_mb: int | None = None
    starting: bool = False

    @property
    def signal(self) -> signal.Signals | None:
        """The signal that ended the process, if one did."""
        if self.returncode is None or self.returncode >= 0:
            return None
        try:
            return signal.Signals(-self.returncode)
        except ValueError:
            return None

    @property
    def over_memory(self) -> bool:
        """True when the process ran out of memory under its limit (see the module doc)."""
        if self.memory_mb is None:
            return False
        failed = ALLOCATION_FAILED in self.stderr or CPP_BAD_ALLOC in self.stderr
        no_thread = self.starting and THREAD_FAILED in self.stderr  # RocksDB's threads, while opening
        native = self.signal == signal.SIGABRT and (failed or no_thread)
        python = self.returncode == 1 and "MemoryError" in self.stderr
        return native or python

    @property
    def retry_safe(self) -> bool:
        """True when nothing says the request caused the death (killed from outside)."""
        return not self.over_memory and self.signal is not None and self.signal not in CRASH_SIGNALS

    def what(self) -> str:
        """What happened, e.g. ``crashed (signal 11, SIGSEGV)``."""
        sig = self.signal
        if self.over_memory:
            return f"went over the memory limit of {self.memory_mb} MB"
        if sig is not None:
            return f"{'crashed' if sig in CRASH_SIGNALS else 'was killed'} (signal {sig.value}, {sig.name})"
        if self.returncode is None:
            return "stopped answering"
        lines = self.stderr.strip().splitlines()
        return f"exited with status {self.returncode}" + (f" ({lines[-1].strip()})" if lines else "")

    def message(self, retried: bool = False) -> str:
        """The answer to the client whose request the worker was serving."""
        if self.over_memory and not self.starting:
            return memory_exceeded(self.memory_mb)
        if self.over_memory:
            return (f"the query worker cannot hold the store within the memory limit of {self.memory_mb} MB; "
                    "raise `conflictkg serve --worker-memory`")
        during = "while starting" if self.starting else "while running this query"
        again = ", the second time for this request (it was retried once on a fresh worker)" if retried else ""
        return f"the query worker {self.what()} {during}{again}; try again later"
