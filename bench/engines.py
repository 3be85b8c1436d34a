"""The library's questions on each engine: the embedded store and SPARQL servers as the store.

    python bench/engines.py                               # shipped size: embedded, Oxigraph (both modes), Virtuoso
    python bench/engines.py --scale 10 --repeat 1         # 10x: bench/scale.py's product-shaped copies
    python bench/engines.py --scale 40 --repeat 1 --cap 30   # 1,046,972 quads
    python bench/engines.py --engines embedded virtuoso   # some engines only
    python bench/engines.py --server other=http://127.0.0.1:8890/sparql   # also a server loaded already

Per engine, every question of the library (``queries/*.rq``, example parameters) runs ``--repeat``
times through the Store protocol (``conflictkg.store``) in a worker process of its own, one question
at a time: a question that has not answered within ``--cap`` seconds is a timeout (the worker is
killed and a new one started; the servers are given the same cap for their own query timeout, so a
stopped question does not go on competing with the next). The worker's start (imports, opening the
store) is not timed.

Engines: ``embedded`` (the store on disk, read-only), ``oxigraph-server`` (``oxigraph serve`` on a
free 127.0.0.1 port with ``--union-default-graph``), ``oxigraph-dataset`` (the same without it: every
request names the graphs; the request grows with the graphs, so only at scale 1 by default) and
``virtuoso`` (Debian's ``virtuoso-t``, a new database as ``tests/sparql_servers.py`` starts it, with
more buffers). Each server is started in a temporary directory, loaded with ``conflictkg publish``
(its load time is the publish's), asked, and stopped before the next starts.

Prints the per-question table (median ms, ``≠`` where the answer differs from the embedded store's as
a sorted multiset, ``T`` for a timeout, ``E`` for an error) and a summary per engine: load seconds,
median, p90 and max question seconds (over the questions answered), questions over 1 s, timeouts,
answers that agree, the ratio of its sum and median to the embedded store's over the questions both
answered, and the load average of the machine around its run. Writes ``bench/out/engines-<scale>-STAMP.{json,md}``.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import serving

TIMEOUT = "timeout"
ENGINES = ("embedded", "oxigraph-server", "oxigraph-dataset", "virtuoso")
#: Virtuoso's settings for the bench: the tests' (``tests/sparql_servers.VIRTUOSO_INI``) with more
#: buffers (8 KB each: 1.6 GB, Virtuoso's advice for ~4 GB of memory) and the cap as its own timeout.
VIRTUOSO_BUFFERS = {"NumberOfBuffers = 20000": "NumberOfBuffers = 200000",
                    "MaxDirtyBuffers = 15000": "MaxDirtyBuffers = 150000"}
Outcome = tuple[float, object]  # seconds, answer (TIMEOUT, "error: …" or the sorted rows)


@dataclass
class EngineRun:
    """One engine's outcomes per question, its load seconds and the load average before and after."""

    name: str
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    load_s: float | None = None
    loadavg: tuple[float, float] = (0.0, 0.0)


def answers(result: object) -> object:
    """A result as a comparable sorted multiset (blank nodes anonymous)."""
    import pyoxigraph as ox

    if result.kind == "ask":  # type: ignore[attr-defined]
        return result.boolean  # type: ignore[attr-defined]
    rows = result.rows if result.kind == "select" else [tuple(t) for t in result.triples]  # type: ignore[attr-defined]
    return sorted(repr(tuple("_:" if isinstance(t, ox.BlankNode) else t and str(t) for t in row)) for row in rows)


def _library() -> dict:
    from conflictkg.resources import default_resources
    from conflictkg.sparql.queries import load_library

    return load_library(default_resources().queries_dir)


def _open(spec: tuple) -> object:
    """The store a worker asks: ``("dir", path)`` or ``("url", endpoint, union mode, timeout)``."""
    if spec[0] == "dir":
        from conflictkg.store.directory import open_store

        return open_store(Path(spec[1]))
    from conflictkg.store.remote import RemoteStore

    return RemoteStore(spec[1], union=spec[2], timeout_s=spec[3])


def _worker(spec: tuple, conn: object) -> None:
    """Answer question ids sent on ``conn`` with (seconds, answer) until ``None`` comes."""
    from conflictkg.sparql.queries import example_params, run

    store, library = _open(spec), _library()
    conn.send("ready")  # type: ignore[attr-defined]
    while (qid := conn.recv()) is not None:  # type: ignore[attr-defined]
        query = library[qid]
        start = time.perf_counter()
        try:
            answer = answers(run(store, query, example_params(query)))  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - a failed question is a row of the table
            answer = f"error: {exc}".splitlines()[0]
        conn.send((time.perf_counter() - start, answer))  # type: ignore[attr-defined]


class Asker:
    """A worker process over one store, restarted after a question it did not answer within ``cap``."""

    def __init__(self, spec: tuple, cap: float) -> None:
        self.spec, self.cap = spec, cap
        self.proc: multiprocessing.process.BaseProcess | None = None

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(self.spec, child), daemon=True)
        self.proc.start()
        if not self.conn.poll(300) or self.conn.recv() != "ready":
            raise RuntimeError(f"the worker over {self.spec[1]} did not start")

    def ask(self, qid: str) -> Outcome:
        if self.proc is None:
            self._start()
        self.conn.send(qid)
        if self.conn.poll(self.cap):
            return self.conn.recv()
        self.stop()
        return self.cap, TIMEOUT

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.proc = None


def time_questions(spec: tuple, repeat: int, cap: float, only: list[str] | None = None) -> dict[str, Outcome]:
    """Median seconds and answer of every library question on the store of ``spec`` (a timeout or
    an error is not repeated)."""
    asker, out = Asker(spec, cap), {}
    try:
        for qid in _library():
            if only and qid not in only:
                continue
            runs = [asker.ask(qid)]
            while len(runs) < repeat and runs[-1][1] != TIMEOUT and not str(runs[-1][1]).startswith("error:"):
                runs.append(asker.ask(qid))
            out[qid] = (statistics.median(s for s, _ in runs), runs[-1][1])
            print(f"[engines] {spec[1]} {qid}: {out[qid][0]:.3f}s"
                  f"{' TIMEOUT' if out[qid][1] == TIMEOUT else ''}", file=sys.stderr, flush=True)
    finally:
        if asker.proc is not None:
            asker.conn.send(None)
            asker.stop()
    return out


def agreement(answer: object, reference: object) -> str:
    """``yes``, ``no`` or ``timeout`` (this engine's), ``—`` when the reference itself timed out."""
    if answer == TIMEOUT:
        return "timeout"
    if reference == TIMEOUT:
        return "—"
    return "yes" if answer == reference and not str(answer).startswith("error:") else "no"


def _cell(outcome: Outcome | None, reference: object) -> str:
    if outcome is None:
        return ""
    seconds, answer = outcome
    if answer == TIMEOUT:
        return f"> {seconds:g} s T"
    mark = {"yes": "", "—": "", "no": " E" if str(answer).startswith("error:") else " ≠"}[agreement(answer, reference)]
    return f"{seconds * 1000:.0f}{mark}"


def table(engines: dict[str, dict[str, Outcome]]) -> str:
    """The per-question table (ms), a total row and the questions an engine answers differently."""
    names = list(engines)
    reference = engines[names[0]]
    lines = ["| question | " + " | ".join(f"{n} ms" for n in names) + " |",
             "|---|" + "---:|" * len(names)]
    for qid in reference:
        cells = [_cell(engines[name].get(qid), reference[qid][1]) for name in names]
        lines.append(f"| {qid} | " + " | ".join(cells) + " |")
    totals = [sum(s for s, _ in engines[n].values()) for n in names]
    lines.append("| **all** | " + " | ".join(f"**{t * 1000:.0f}**" for t in totals) + " |")
    differ = {n: sum(agreement(engines[n][q][1], reference[q][1]) == "no" for q in reference if q in engines[n])
              for n in names[1:]}
    lines.append("")
    lines.append("≠: answer differs from " + names[0] + "'s (E: an error; T: stopped at the cap). " +
                 "; ".join(f"{n}: {d} of {len(reference)} differ" for n, d in differ.items()))
    return "\n".join(lines)


def p90(values: list[float]) -> float:
    """The 90th percentile, linear between closest ranks (the value itself for one value)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=10, method="inclusive")[8]


def summary_row(run: EngineRun, reference: dict[str, Outcome]) -> dict[str, object]:
    """One engine's figures: seconds over the questions it answered, agreement with ``reference``."""
    answered = {q: s for q, (s, a) in run.outcomes.items() if a != TIMEOUT}
    seconds = list(answered.values()) or [float("nan")]
    agree = [agreement(a, reference[q][1]) for q, (_, a) in run.outcomes.items() if q in reference]
    both = [q for q in answered if q in reference and reference[q][1] != TIMEOUT]
    ref_sum = sum(reference[q][0] for q in both)
    return {"engine": run.name, "load_s": run.load_s, "questions": len(run.outcomes),
            "median_s": statistics.median(seconds), "p90_s": p90(seconds), "max_s": max(seconds),
            "over_1s": sum(s > 1 for s in seconds), "timeouts": sum(a == "timeout" for a in agree),
            "agree": sum(a == "yes" for a in agree), "differ": sum(a == "no" for a in agree),
            "sum_ratio": sum(answered[q] for q in both) / ref_sum if ref_sum else float("nan"),
            "median_ratio": (statistics.median(answered[q] for q in both) /
                             statistics.median(reference[q][0] for q in both)) if both else float("nan"),
            "loadavg": run.loadavg}


def summary(runs: list[EngineRun]) -> str:
    """The summary table: one row per engine, ratios to the first engine (the embedded store)."""
    reference = runs[0].outcomes
    lines = ["| engine | load s | median s | p90 s | max s | > 1 s | timeouts | agree | sum / embedded "
             "| median / embedded | load avg (before → after) |", "|---|" + "---:|" * 10]
    for run in runs:
        r = summary_row(run, reference)
        load = "—" if r["load_s"] is None else f"{r['load_s']:.0f}"
        lines.append(f"| {r['engine']} | {load} | {r['median_s']:.3f} | {r['p90_s']:.3f} | {r['max_s']:.2f} | "
                     f"{r['over_1s']} | {r['timeouts']} | {r['agree']} of {r['questions']} | "
                     f"{r['sum_ratio']:.2f} | {r['median_ratio']:.2f} | "
                     f"{r['loadavg'][0]:.1f} → {r['loadavg'][1]:.1f} |")
    return "\n".join(lines)


@contextmanager
def _oxigraph(work: Path, union: bool, cap: float) -> Iterator[str]:
    """Oxigraph's server over a new directory (its own query timeout ``cap``): its base URL."""
    port = serving.free_port()
    name = f"ox-{'server' if union else 'dataset'}"
    cmd = [serving.venv_tool("oxigraph"), "serve", "--location", str(work / name), "--bind", f"127.0.0.1:{port}",
           "--timeout-s", str(int(cap))] + (["--union-default-graph"] if union else [])
    url = f"http://127.0.0.1:{port}"
    with serving.server(cmd, f"{url}/query", work / f"{name}.log"):
        yield url


@contextmanager
def _virtuoso(work: Path, cap: float) -> Iterator[object]:
    """Virtuoso as the server tests start it, with the bench's buffers and ``cap`` as its query timeout."""
    sys.path.insert(0, str(serving.ROOT))
    from tests import sparql_servers

    ini = sparql_servers.VIRTUOSO_INI.replace("MaxQueryExecutionTime = 300", f"MaxQueryExecutionTime = {int(cap)}")
    for old, new in VIRTUOSO_BUFFERS.items():
        ini = ini.replace(old, new)
    with sparql_servers.virtuoso_server(work / "virtuoso", ini=ini) as server:
        yield server


@contextmanager
def _served(name: str, work: Path, cap: float) -> Iterator[tuple[str, str, str]]:
    """The named server engine, running: its query endpoint, Graph Store URL and union mode."""
    if name == "virtuoso":
        with _virtuoso(work, cap) as server:
            yield server.query, server.graph_store, "server"  # type: ignore[attr-defined]
    else:
        union = name == "oxigraph-server"
        with _oxigraph(work, union, cap) as url:
            yield f"{url}/query", f"{url}/store", "server" if union else "dataset"


def run_engine(name: str, store_dir: Path, quads: list, work: Path, args: argparse.Namespace) -> EngineRun:
    """Load (servers: ``publish``) and ask one engine; the load average around it."""
    from conflictkg.store.publish import publish

    result = EngineRun(name)
    before = os.getloadavg()[0]
    if name == "embedded":
        result.outcomes = time_questions(("dir", str(store_dir)), args.repeat, args.cap, args.only)
    else:
        with _served(name, work, args.cap) as (endpoint, graph_store, union):
            done = publish(quads, graph_store, timeout_s=3600)
            result.load_s = done.seconds
            print(f"[engines] published {done.quads:,} quads in {done.seconds:.1f}s to {name}", file=sys.stderr)
            spec = ("url", endpoint, union, args.cap + 30)
            result.outcomes = time_questions(spec, args.repeat, args.cap, args.only)
    result.loadavg = (before, os.getloadavg()[0])
    return result


def _store(scale: int) -> Path:
    if scale == 1:
        return serving.shipped_store()
    import scale as scaling

    return scaling.scaled_store(scale)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="1: the shipped data; N: bench/scale.py's N× store")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cap", type=float, default=60.0, help="seconds a question may take on an engine")
    parser.add_argument("--engines", nargs="+", choices=ENGINES,
                        help="default: all, oxigraph-dataset only at scale 1 (embedded always first)")
    parser.add_argument("--only", nargs="+", metavar="ID", help="these questions only")
    parser.add_argument("--server", action="append", default=[], metavar="NAME=URL",
                        help="also a server already loaded with the same data (its query endpoint)")
    return parser


def main(argv: list[str] | None = None) -> None:
    import pyoxigraph as ox

    from conflictkg.store import directory as storedir

    args = _parser().parse_args(argv)
    names = args.engines or [n for n in ENGINES if n != "oxigraph-dataset" or args.scale == 1]
    names = ["embedded", *(n for n in names if n != "embedded")]
    store_dir = _store(args.scale)
    quads = list(ox.Store.read_only(str(storedir.current_path(store_dir).resolve())))
    runs = []
    with tempfile.TemporaryDirectory(prefix="ckg-engines-") as tmp:
        for name in names:
            runs.append(run_engine(name, store_dir, quads, Path(tmp), args))
    for spec in args.server:
        name, _, url = spec.partition("=")
        before = os.getloadavg()[0]
        outcomes = time_questions(("url", url, "auto", args.cap + 30), args.repeat, args.cap, args.only)
        runs.append(EngineRun(name, outcomes, None, (before, os.getloadavg()[0])))
    head = (f"{len(quads):,} quads (scale {args.scale}), median of {args.repeat}, cap {args.cap:g} s per "
            f"question, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M')}\n")
    report = "\n\n".join([head, summary(runs), table({r.name: r.outcomes for r in runs})]) + "\n"
    serving.OUT.mkdir(parents=True, exist_ok=True)
    serving.save_report(f"engines-{args.scale}", {"quads": len(quads), "scale": args.scale, "cap": args.cap,
                                                  "repeat": args.repeat,
                                                  "runs": [summary_row(r, runs[0].outcomes) | {"outcomes": {
                                                      q: [s, a if isinstance(a, (str, bool)) else len(a)]
                                                      for q, (s, a) in r.outcomes.items()}} for r in runs]},
                        report)


if __name__ == "__main__":
    main()
