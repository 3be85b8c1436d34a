"""Loopback load test of the SPARQL endpoint: ``conflictkg serve`` against a raw Oxigraph server.

Both servers run as real subprocesses on 127.0.0.1 over the same data (the reference gets an
``conflictkg export --format nquads`` of the conflictkg store, loaded with ``oxigraph load``).
N concurrent clients (threads, one keep-alive ``httpx.Client`` each) send every library query,
with its example parameters bound once by conflictkg's own binding code, for a fixed duration.

    pip install oxigraph httpx               # the reference server's CLI (benchmark only)
    python bench/load.py                     # shipped graph + 100,000 synthetic quads; 1, 4, 8 clients
    python bench/load.py --synthetic-size 0 --clients 1,4 --duration 10
    python bench/load.py --repeat 3 --duration 20  # three rounds; tables show the median round

Prints Markdown tables and writes ``bench/out/load-<stamp>.{json,md}`` and
``bench/out/latest-load.json``. See bench/README.md for what the figures mean.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import serving
from serving import ACCEPT, OUT


# --------------------------------------------------------------------------------------------
# query text and statistics (pure; tested in tests/bench/test_bench_load.py)
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PreparedQuery:
    """One library query as sent over the wire: parameters bound, every prefix declared."""

    id: str
    text: str


_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*|):", re.I | re.M)


def prologue(text: str) -> str:
    """``PREFIX`` lines for the project prefixes ``text`` does not declare itself.

    conflictkg's endpoint predeclares them; a raw server does not, so both get them in the text.
    """
    from conflictkg.rdf.namespaces import PREFIXES

    declared = {m.group(1) for m in _DECLARED.finditer(text)}
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)


def prepare(query) -> PreparedQuery:  # a conflictkg.sparql.queries.Query
    """The final text of ``query`` with its example parameters, as conflictkg would run it."""
    from conflictkg.sparql.binding import bind_values
    from conflictkg.sparql.queries import bind, example_params

    bindings = bind(query, example_params(query))
    text = bind_values(query.text, bindings) if bindings else query.text
    return PreparedQuery(query.id, prologue(text) + text)


def prepared_library() -> list[PreparedQuery]:
    """Every query of the library (``queries/*.rq``), prepared, in id order."""
    from conflictkg.resources import default_resources
    from conflictkg.sparql.queries import load_library

    return [prepare(q) for q in load_library(default_resources().queries_dir).values()]


def percentile(xs: list[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by linear interpolation between closest ranks; NaN if empty."""
    if not xs:
        return math.nan
    s = sorted(xs)
    k = (len(s) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


@dataclass(frozen=True)
class Sample:
    """One request: which query, how long it took, its HTTP status (0 = no answer), and when it
    ended (``time.monotonic``)."""

    query: str
    seconds: float
    status: int
    end: float = 0.0


def summarize(samples: list[Sample], duration: float, cutoff: float = math.inf) -> dict:
    """Throughput (successful requests ended by ``cutoff``, per second of ``duration``) and latency
    of every successful request (those still running at the cutoff included); failures counted apart."""
    good = [s.seconds for s in samples if s.status == 200]
    in_window = sum(1 for s in samples if s.status == 200 and s.end <= cutoff)
    return {"requests": len(samples), "ok": len(good), "errors": len(samples) - len(good),
            "duration_s": duration, "qps": in_window / duration if duration > 0 else math.nan,
            "p50_s": percentile(good, 50), "p95_s": percentile(good, 95),
            "max_s": max(good, default=math.nan)}


def per_query(samples: list[Sample]) -> dict[str, float]:
    """Median latency of each query's successful requests."""
    by: dict[str, list[float]] = {}
    for s in samples:
        if s.status == 200:
            by.setdefault(s.query, []).append(s.seconds)
    return {q: percentile(v, 50) for q, v in sorted(by.items())}


# --------------------------------------------------------------------------------------------
# clients
# --------------------------------------------------------------------------------------------

def post(client, url: str, query: PreparedQuery) -> tuple[Sample, object]:
    """Send ``query`` as a SPARQL protocol POST (direct body); the sample and the response (or None)."""
    import httpx

    t0 = time.perf_counter()
    try:
        response = client.post(url, content=query.text.encode("utf-8"),
                               headers={"Content-Type": "application/sparql-query", "Accept": ACCEPT})
        status = response.status_code
    except httpx.HTTPError:
        response, status = None, 0
    return Sample(query.id, time.perf_counter() - t0, status, time.monotonic()), response


def client_loop(url: str, queries: list[PreparedQuery], offset: int, stop_at: float, out: list[Sample],
                timeout: float) -> None:
    """One client: the library in a loop from ``offset``, one request at a time, until ``stop_at``."""
    import httpx

    with httpx.Client(timeout=timeout) as client:
        i = offset
        while time.monotonic() < stop_at:
            out.append(post(client, url, queries[i % len(queries)])[0])
            i += 1


def drive(url: str, queries: list[PreparedQuery], clients: int, duration: float, timeout: float) -> dict:
    """``clients`` concurrent clients for ``duration`` seconds; summary, per-query medians, client CPU."""
    lists: list[list[Sample]] = [[] for _ in range(clients)]
    t0, cpu0 = time.monotonic(), time.process_time()
    threads = [threading.Thread(target=client_loop, daemon=True,
                                args=(url, queries, k * len(queries) // clients, t0 + duration, lists[k], timeout))
               for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    drain = time.monotonic() - t0 - duration  # requests still running when the window closed
    samples = [s for part in lists for s in part]
    return {**summarize(samples, duration, t0 + duration), "clients": clients, "drain_s": drain,
            "client_cpu_s": time.process_time() - cpu0,
            "per_query_p50_s": per_query(samples),
            "statuses": {str(k): v for k, v in sorted(_count(s.status for s in samples).items())}}


def _count(items) -> dict:
    out: dict = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


def answers(url: str, queries: list[PreparedQuery], timeout: float) -> dict[str, int | str]:
    """One sequential pass (also the warm-up): rows per query, or the error, to compare the servers."""
    import httpx

    out: dict[str, int | str] = {}
    with httpx.Client(timeout=timeout) as client:
        for q in queries:
            sample, response = post(client, url, q)
            if sample.status != 200:
                out[q.id] = f"HTTP {sample.status}" + (f": {response.text[:200]}" if response is not None else "")
                continue
            out[q.id] = len(response.json()["results"]["bindings"])  # type: ignore[union-attr]
    return out


# --------------------------------------------------------------------------------------------
# one dataset: both servers, every concurrency level
# --------------------------------------------------------------------------------------------

def endpoints(label: str, store_dir: Path, reference: Path, args: argparse.Namespace) -> dict[str, tuple]:
    """Server name → (command, query URL, log file), on fresh loopback ports."""
    p1, p2 = serving.free_port(), serving.free_port()
    return {
        "conflictkg": (serving.conflictkg_cmd(store_dir, p1, args.timeout, args.max_rows, args.conflictkg_store),
                       f"http://127.0.0.1:{p1}/sparql", OUT / f"load-{label}-conflictkg.log"),
        "oxigraph": (serving.oxigraph_cmd(reference, p2, args.timeout),
                     f"http://127.0.0.1:{p2}/query", OUT / f"load-{label}-oxigraph.log"),
    }


def bench_dataset(label: str, store_dir: Path, args: argparse.Namespace) -> dict:
    """Rows per query from each server, then every concurrency level, servers taking turns."""
    queries = prepared_library()
    reference, quads = serving.reference_copy(store_dir, label)
    result: dict = {"label": label, "store": str(store_dir), "quads": quads, "queries": len(queries),
                    "answers": {}, "runs": []}
    with ExitStack() as stack:
        urls = {}
        for name, (cmd, url, log) in endpoints(label, store_dir, reference, args).items():
            stack.enter_context(serving.server(cmd, url, log))
            urls[name] = url
        for name, url in urls.items():
            result["answers"][name] = answers(url, queries, args.timeout)
        for rep in range(args.repeat):
            result["runs"] += measure_levels(label, urls, queries, args, rep)
    return result


def measure_levels(label: str, urls: dict[str, str], queries: list[PreparedQuery], args: argparse.Namespace,
                   rep: int) -> list[dict]:
    """One round: every concurrency level, each server in turn (who goes first alternates)."""
    runs = []
    for level, clients in enumerate(args.clients):
        order = list(urls.items())
        for name, url in order if (level + rep) % 2 == 0 else order[::-1]:
            run = {"server": name, "repeat": rep, **drive(url, queries, clients, args.duration, args.timeout)}
            runs.append(run)
            print(f"[load] {label} {name} x{clients}: {run['qps']:.1f} q/s, p50 {fmt_ms(run['p50_s'])}, "
                  f"p95 {fmt_ms(run['p95_s'])}, errors {run['errors']}", file=sys.stderr)
    return runs


def representative(runs: list[dict]) -> list[dict]:
    """Per server and level, the repeat with the median throughput (the lower middle one for an even
    count), with the range of throughputs over the repeats; ordered by level, then server."""
    groups: dict[tuple, list[dict]] = {}
    for r in runs:
        groups.setdefault((r["clients"], r["server"]), []).append(r)
    out = []
    for key in sorted(groups):
        ranked = sorted(groups[key], key=lambda r: r["qps"])
        out.append({**ranked[(len(ranked) - 1) // 2], "repeats": len(ranked),
                    "qps_min": ranked[0]["qps"], "qps_max": ranked[-1]["qps"]})
    return out


# --------------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------------

def fmt_ms(s: float) -> str:
    return "–" if s != s else f"{s * 1e3:.1f} ms" if s < 1 else f"{s:.2f} s"


def disagreements(answers: dict[str, dict]) -> list[str]:
    ck, ox_ = answers.get("conflictkg", {}), answers.get("oxigraph", {})
    return [f"{q} (conflictkg {ck.get(q)}, oxigraph {ox_.get(q)})" for q in sorted(ck) if ck.get(q) != ox_.get(q)]


def dataset_markdown(d: dict) -> list[str]:
    lines = [f"## {d['label']}: {d['quads']:,} quads, {d['queries']} library queries\n",
             "| server | clients | queries/s | vs raw | p50 | p95 | max | ok | errors | client CPU |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    runs = representative(d["runs"])
    raw = {r["clients"]: r["qps"] for r in runs if r["server"] == "oxigraph"}
    for r in runs:
        ratio = r["qps"] / raw[r["clients"]] if raw.get(r["clients"]) else math.nan
        spread = f" ({r['qps_min']:.0f}–{r['qps_max']:.0f})" if r["repeats"] > 1 else ""
        lines.append(f"| {r['server']} | {r['clients']} | {r['qps']:.1f}{spread} | {ratio:.2f}x | "
                     f"{fmt_ms(r['p50_s'])} | "
                     f"{fmt_ms(r['p95_s'])} | {fmt_ms(r['max_s'])} | {r['ok']} | {r['errors']} | "
                     f"{r['client_cpu_s'] / (r['duration_s'] + r['drain_s']):.0%} |")
    bad = disagreements(d["answers"])
    lines.append("\nRows per query: " + ("the same from both servers." if not bad else "**differ**: " + "; ".join(bad)))
    return lines + [""] + per_query_markdown(d)


def per_query_markdown(d: dict) -> list[str]:
    runs = representative(d["runs"])
    least = min(r["clients"] for r in runs)
    p50 = {r["server"]: r["per_query_p50_s"] for r in runs if r["clients"] == least}
    lines = [f"Median latency per query at {least} client(s):\n",
             "| query | rows | conflictkg | oxigraph | ratio |", "|---|---:|---:|---:|---:|"]
    for qid, rows in d["answers"]["conflictkg"].items():
        a, b = p50.get("conflictkg", {}).get(qid, math.nan), p50.get("oxigraph", {}).get(qid, math.nan)
        lines.append(f"| {qid} | {rows} | {fmt_ms(a)} | {fmt_ms(b)} | {a / b:.2f}x |")
    return lines + [""]


def markdown(res: dict) -> str:
    m = res["meta"]
    lines = [f"# conflictkg endpoint load test — {m['date']}\n",
             f"`{m['command']}` · Python {m['python']} · pyoxigraph {m['pyoxigraph']} · {m['oxigraph_cli']} · "
             f"{m['cpus']} CPUs, load average {m['loadavg']} at start · {m['duration_s']:.0f} s per run, "
             f"{m.get('repeat', 1)} round(s) · "
             f"conflictkg: {m['conflictkg_workers']} query worker processes, store {m.get('conflictkg_store', 'auto')}, `--max-rows {m['max_rows']}` · "
             f"oxigraph: `serve-read-only --union-default-graph`\n"]
    for d in res["datasets"]:
        lines += dataset_markdown(d)
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="loopback load test of /sparql (see bench/README.md)")
    ap.add_argument("--clients", default="1,4,8", help="concurrency levels, comma-separated (default 1,4,8)")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds per server and level (default 30)")
    ap.add_argument("--synthetic-size", type=int, default=100_000,
                    help="quads of the synthetic store (bench/generate.py); 0 = shipped graph only")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds over all levels; the table shows the median-throughput round (default 1)")
    ap.add_argument("--timeout", type=float, default=60.0, help="per-query time limit, both servers (s)")
    ap.add_argument("--max-rows", type=int, default=1_000_000,
                    help="conflictkg's row cap (default high: the raw server has none)")
    ap.add_argument("--conflictkg-store", choices=["auto", "memory", "disk"], default="auto",
                    help="where conflictkg's workers query the store: its default (auto: in memory up to "
                         "200,000 quads), --in-memory or --on-disk")
    args = ap.parse_args(argv)
    args.clients = [int(c) for c in args.clients.split(",")]
    return args


def meta(args: argparse.Namespace, argv: list[str]) -> dict:
    import pyoxigraph

    from conflictkg.settings import DEFAULT_WORKERS

    version = subprocess.run([serving.venv_tool("oxigraph"), "--version"], capture_output=True, text=True)
    return {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "command": "python bench/load.py " + " ".join(argv),
            "python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__,
            "oxigraph_cli": version.stdout.strip(), "cpus": os.cpu_count(),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()), "duration_s": args.duration,
            "clients": args.clients, "repeat": args.repeat, "max_rows": args.max_rows, "timeout_s": args.timeout,
            "conflictkg_workers": DEFAULT_WORKERS, "conflictkg_store": args.conflictkg_store}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    res: dict = {"meta": meta(args, argv), "datasets": []}
    res["datasets"].append(bench_dataset("shipped", serving.shipped_store(), args))
    if args.synthetic_size:
        size = args.synthetic_size
        res["datasets"].append(bench_dataset(f"synthetic-{size}", serving.synthetic_store(size), args))
    serving.save_report("load", res, markdown(res))


if __name__ == "__main__":
    main()
