"""rdflib's side of the library-query benchmark: a worker process that holds the synthetic data in
conflictkg's ``MemoryStore`` and runs one capped query run per request, so that ``run.py`` can
interleave rdflib runs with embedded runs made in its own process (each engine in a process of its
own: a few GB of rdflib objects next to Oxigraph slowed Oxigraph's runs by up to 2x).

Protocol (JSON lines): the worker prints ``{"load_s": …}`` once loaded; then for each request
line ``{"qid": ID, "timeout": S}`` it prints ``{"seconds", "timed_out", "rows", "error"}``; for
``{"qid": null}`` it prints ``{"max_rss_mb": …}`` and exits.

    python bench/rdflib_server.py SYNTHETIC.nq     # started by run.py, not by hand
"""

from __future__ import annotations

import gc
import json
import select
import signal
import subprocess
import sys
import time
from pathlib import Path


class _Timeout(Exception):
    pass


def _on_alarm(_sig, _frame):  # type: ignore[no-untyped-def]
    raise _Timeout


def one_run(store, query, params: dict, timeout: float) -> dict:  # type: ignore[no-untyped-def]
    """One rdflib run of ``query``, stopped after ``timeout`` seconds (SIGALRM)."""
    from conflictkg.errors import QueryError
    from conflictkg.sparql.queries import run

    import workload

    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        rows = workload.result_size(run(store, query, params))
    except (_Timeout, QueryError) as exc:  # MemoryStore wraps whatever rdflib raises
        timed_out = isinstance(exc, _Timeout) or isinstance(exc.__cause__, _Timeout)
        return {"seconds": None, "timed_out": timed_out, "rows": None,
                "error": None if timed_out else str(exc)[:500]}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {"seconds": time.perf_counter() - t0, "timed_out": False, "rows": rows, "error": None}


def serve(path: Path) -> None:
    """The worker: load ``path``, then answer requests on stdin until ``{"qid": null}`` or EOF."""
    from conflictkg.sparql.queries import example_params
    from conflictkg.store.memory import MemoryStore

    import workload

    t0 = time.perf_counter()
    store = MemoryStore(workload.build_quads(path))
    print(json.dumps({"load_s": time.perf_counter() - t0}), flush=True)
    gc.freeze()  # the loaded graph lives to the end: no full-heap collections over it
    signal.signal(signal.SIGALRM, _on_alarm)
    library = workload.library()
    for line in sys.stdin:
        request = json.loads(line)
        if request["qid"] is None:
            break
        query = library[request["qid"]]
        print(json.dumps(one_run(store, query, example_params(query), request["timeout"])), flush=True)
    print(json.dumps({"max_rss_mb": workload.rss_mb()}), flush=True)


class RdflibWorker:
    """The parent's handle on a worker: started and loaded by the constructor, stopped by :meth:`close`."""

    def __init__(self, path: Path, load_timeout: float) -> None:
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), str(path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     start_new_session=True)
        self.load_s = self._answer(load_timeout)["load_s"]

    def run(self, qid: str, timeout: float) -> dict:
        """One capped rdflib run of library query ``qid``."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"qid": qid, "timeout": timeout}) + "\n")
        self.proc.stdin.flush()
        return self._answer(timeout + 60)  # the worker stops itself at the cap; this is a guard

    def close(self) -> float | None:
        """Stop the worker; its peak memory in MB (None if it could not say)."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps({"qid": None}) + "\n")
            self.proc.stdin.flush()
            return self._answer(60)["max_rss_mb"]
        except (OSError, RuntimeError):
            return None
        finally:
            self.proc.kill()
            self.proc.wait()

    def _answer(self, timeout: float) -> dict:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.proc.kill()
            raise RuntimeError(f"the rdflib worker did not answer within {timeout:.0f} s")
        return json.loads(line)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
