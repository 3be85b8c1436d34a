"""Benchmarks for conflictkg: build throughput, query latency against raw pyoxigraph and rdflib,
and cold start of the command line. Prints Markdown tables and writes JSON to ``bench/out/``.

    python bench/run.py                       # everything, 1,000,000 synthetic quads, 5 runs
    python bench/run.py --size 100000 --runs 3
    python bench/run.py --only queries --rdflib-size 200000 --rdflib-timeout 60
    python bench/run.py --only cold

See bench/README.md for what each figure means and the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

import pyoxigraph as ox
from workload import build_quads, derived, library, result_size, rss_mb

TARGETS = {
    "load_triples_per_s": 300_000,
    "rdflib_over_embedded": 15.0,
    "embedded_over_raw": 1.25,
    "cold_start_s": 0.6,
}


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------

def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def timed(fn: Callable[[], object], runs: int, warmup: int = 0) -> tuple[list[float], object]:
    """Wall times of ``runs`` calls of ``fn`` (after ``warmup`` untimed calls) and the last result."""
    out = None
    for _ in range(warmup):
        out = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return times, out


def timed_pair(fa: Callable[[], object], fb: Callable[[], object], runs: int,
               warmup: int = 0) -> tuple[list[float], list[float], object, object]:
    """Paired wall times of ``fa`` and ``fb``, interleaved (a b, b a, a b, ...) so that drift in the
    machine's speed (shared CPUs) hits both alike; the last result of each."""
    ra = rb = None
    for _ in range(warmup):
        ra, rb = fa(), fb()
    ta: list[float] = []
    tb: list[float] = []
    for i in range(runs):
        for fn, times in ((fa, ta), (fb, tb)) if i % 2 == 0 else ((fb, tb), (fa, ta)):
            t0 = time.perf_counter()
            r = fn()
            times.append(time.perf_counter() - t0)
            ra, rb = (r, rb) if fn is fa else (ra, r)
    return ta, tb, ra, rb


def fmt_s(s: float | None) -> str:
    if s is None or s != s:
        return "–"
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def fmt_rate(n: float) -> str:
    return f"{n / 1e3:,.0f}k/s" if n < 1e6 else f"{n / 1e6:.2f}M/s"


def ensure_synth(size: int) -> tuple[Path, int, float | None]:
    """The synthetic N-Quads file of ``size`` quads (generated once, cached in bench/out)."""
    if size in _PINNED:  # one file per size for the whole run, even if data/ or queries/ change meanwhile
        return _PINNED[size]
    import generate

    path = OUT / f"synth-{size}.nq"
    meta = path.with_suffix(".meta.json")
    stamp = fingerprint()
    if path.is_file() and meta.is_file():
        known = json.loads(meta.read_text())
        if known.get("fingerprint") == stamp:
            _PINNED[size] = (path, int(known["quads"]), None)
            return _PINNED[size]
    t0 = time.perf_counter()
    data, count = generate.generate(size)
    generate.write(path, data)
    meta.write_text(json.dumps({"quads": count, "fingerprint": stamp}))
    _PINNED[size] = (path, count, time.perf_counter() - t0)
    return _PINNED[size]


_PINNED: dict[int, tuple[Path, int, float | None]] = {}


def fingerprint() -> str:
    """What the synthetic data depends on: the generator, the shipped input and the library examples."""
    import hashlib

    import generate
    from conflictkg.build import sources
    from conflictkg.resources import default_resources

    h = hashlib.sha1(Path(generate.__file__).read_bytes())
    for f in sources(default_resources()):
        h.update(f.path.read_bytes())
    h.update("\n".join(generate.library_examples(default_resources().queries_dir)).encode())
    return h.hexdigest()


def run_worker(args: list[str], timeout: float) -> dict | None:
    """Run this script as a worker subprocess (own process group); its JSON answer, or None on timeout."""
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None
    if proc.returncode != 0:
        raise RuntimeError(f"worker {args} failed ({proc.returncode}):\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# a. build throughput
# --------------------------------------------------------------------------------------------

def bench_build(size: int, runs: int, validate_size: int, reason_size: int, stage_timeout: float) -> dict:
    """a. Build throughput: raw pyoxigraph loads and conflictkg's stages on the synthetic file, the
    whole build of the shipped data, and SHACL and HermiT on synthetic data under a time cap."""
    result: dict = {"size": size}
    path, count, gen_s = ensure_synth(size)
    result["synthetic"] = {"file": str(path.relative_to(ROOT)), "quads": count, "bytes": path.stat().st_size,
                           "generate_s": gen_s}
    print(f"[build] synthetic file {path.name}: {count:,} quads", file=sys.stderr)
    result.update(build_raw(path, count, runs))
    result["synthetic_stages"] = build_stages(path, count, runs)
    result["shipped_build"] = build_shipped(runs)
    result["synthetic_heavy"] = build_heavy(size, validate_size, reason_size, stage_timeout)
    return result


def build_raw(path: Path, count: int, runs: int) -> dict:
    """(i) raw pyoxigraph: parse + bulk load into an on-disk store, in one thread and in one per core."""
    def raw_load() -> int:
        with tempfile.TemporaryDirectory(dir=OUT) as d:
            st = ox.Store(d)
            st.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            st.flush()
            n = len(st)
            del st
            return n

    result = {}
    times, n = timed(raw_load, runs)
    result["raw_bulk_load"] = {"times": times, "median_s": median(times), "quads": n,
                               "triples_per_s": count / median(times)}
    print(f"[build] raw bulk_load: {fmt_s(median(times))}", file=sys.stderr)
    with tempfile.TemporaryDirectory(dir=OUT) as d:  # the on-disk ceiling with every core loading
        slices = slice_nquads(path, Path(d), os.cpu_count() or 1)
        times = timed(lambda: raw_parallel_load(slices), runs)[0]
    result["raw_bulk_load_parallel"] = {"times": times, "median_s": median(times), "threads": os.cpu_count(),
                                        "triples_per_s": count / median(times)}
    return result


def build_stages(path: Path, count: int, runs: int) -> dict:
    """(ii) conflictkg's stages on the synthetic file, as build_store runs them: parse (read_all),
    derive, stage in a new on-disk generation (validation would run there), seal it."""
    from conflictkg.rdf.io import SourceFile, read_all
    from conflictkg.store import directory as storedir
    from conflictkg.store.oxigraph import OxigraphStore

    syn: dict[str, list[float]] = {"parse": [], "derive": [], "stage": [], "seal": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        quads, _origin = read_all([SourceFile(path)])
        td = time.perf_counter()
        quads += derived(quads)
        t1 = time.perf_counter()
        syn["derive"].append(t1 - td)
        with tempfile.TemporaryDirectory(dir=OUT) as d, storedir.new_generation(Path(d)) as gen:
            staged_store = OxigraphStore.create(gen, quads)
            t2 = time.perf_counter()
            storedir.seal(staged_store)
            t3 = time.perf_counter()
        syn["parse"].append(td - t0)
        syn["stage"].append(t2 - t1)
        syn["seal"].append(t3 - t2)
        del quads, _origin
    stages = {k: {"times": v, "median_s": median(v), "triples_per_s": count / median(v)} for k, v in syn.items()}
    total = sum(median(v) for v in syn.values())
    stages["parse+stage+write"] = {"median_s": total, "triples_per_s": count / total}
    print(f"[build] conflictkg parse/stage/write: {fmt_s(total)}", file=sys.stderr)
    return stages


def build_shipped(runs: int) -> dict:
    """(iii) the full build on the shipped data, stage by stage (HermiT's failure is noted, not fatal)."""
    from conflictkg.build import reason_staged, sources, stage, validate_staged
    from conflictkg.resources import default_resources
    from conflictkg.store import directory as storedir

    res = default_resources()
    shipped: dict[str, list[float]] = {"stage": [], "validate": [], "reason": [], "write": []}
    reason_note = None
    n_shipped = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory(dir=OUT) as d:
            with storedir.new_generation(Path(d)) as gen:  # as build_store: staged in the new generation
                t0 = time.perf_counter()
                staged = stage(sources(res), gen)
                t1 = time.perf_counter()
                report = validate_staged(staged, res)
                t2 = time.perf_counter()
                shipped["stage"].append(t1 - t0)
                shipped["validate"].append(t2 - t1)
                try:
                    t2 = time.perf_counter()
                    reason_staged(staged)
                    shipped["reason"].append(time.perf_counter() - t2)
                except Exception as exc:  # no Java, or inconsistent data: say so, keep going
                    reason_note = f"{type(exc).__name__}: {exc}"
                t3 = time.perf_counter()
                storedir.seal(staged.store)
            storedir.publish(Path(d), gen)
            shipped["write"].append(time.perf_counter() - t3)
        n_shipped = len(staged.quads)
    result: dict = {k: {"times": v, "median_s": median(v), "triples_per_s": n_shipped / median(v) if v else None}
                    for k, v in shipped.items()}
    result.update(quads=n_shipped, conforms=report.conforms, violations=len(report.violations),
                  reason_note=reason_note)
    print(f"[build] shipped build: {n_shipped:,} quads", file=sys.stderr)
    return result


def build_heavy(size: int, validate_size: int, reason_size: int, stage_timeout: float) -> dict:
    """(iv) SHACL and HermiT on synthetic data, each in a worker with a time cap."""
    heavy = {}
    for what, hsize in (("validate", validate_size), ("reason", reason_size)):
        vpath, vcount, _ = ensure_synth(min(hsize, size))
        t0 = time.perf_counter()
        ans = run_worker(["--_worker", what, str(vpath)], stage_timeout)
        wall = time.perf_counter() - t0
        if ans is None:
            heavy[what] = {"quads": vcount, "timeout_s": stage_timeout, "wall_s": wall}
        else:
            ans["quads"] = vcount
            heavy[what] = ans
        print(f"[build] synthetic {what} at {vcount:,}: {heavy[what]}", file=sys.stderr)
    return heavy


def slice_nquads(path: Path, into: Path, k: int) -> list[Path]:
    """``path`` cut at line ends into ``k`` files of about the same size."""
    data = path.read_bytes()
    cuts = [0] + [data.index(b"\n", len(data) * i // k) + 1 for i in range(1, k)] + [len(data)]
    for i in range(k):
        (into / f"{i}.nq").write_bytes(data[cuts[i]:cuts[i + 1]])
    return [into / f"{i}.nq" for i in range(k)]


def raw_parallel_load(slices: list[Path]) -> int:
    """One on-disk store loaded by concurrent ``bulk_load`` calls, one thread per slice."""
    import threading

    with tempfile.TemporaryDirectory(dir=OUT) as d:
        st = ox.Store(d)
        threads = [threading.Thread(target=st.bulk_load, kwargs={"path": str(p), "format": ox.RdfFormat.N_QUADS})
                   for p in slices]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        st.flush()
        n = len(st)
        del st
        return n


def heavy_worker(what: str, path: str) -> dict:
    """(worker) time SHACL validation or HermiT reasoning of conflictkg's build on a synthetic file."""
    from conflictkg.build import REASONED_GRAPHS, reason_staged, stage, validate_staged
    from conflictkg.rdf.io import SourceFile
    from conflictkg.resources import default_resources

    staged = stage([SourceFile(Path(path))])
    if what == "validate":
        t0 = time.perf_counter()
        report = validate_staged(staged, default_resources())
        s = time.perf_counter() - t0
        return {"seconds": s, "triples_per_s": len(staged.quads) / s, "violations": len(report.violations),
                "max_rss_mb": rss_mb()}
    projected = sum(1 for q in staged.quads
                    if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in REASONED_GRAPHS)
    t0 = time.perf_counter()
    try:
        reason_staged(staged)
        note = "consistent"
    except Exception as exc:
        note = f"{type(exc).__name__}: {exc}"
    s = time.perf_counter() - t0
    return {"seconds": s, "projected_triples": projected, "triples_per_s": projected / s, "note": note,
            "max_rss_mb": rss_mb()}


# --------------------------------------------------------------------------------------------
# b. queries: embedded (conflictkg) vs raw pyoxigraph vs rdflib
# --------------------------------------------------------------------------------------------

def ensure_store(size: int) -> tuple[Path, int]:
    """An on-disk store (a conflictkg generation) of the synthetic data, built once."""
    from conflictkg.store import directory as storedir

    path, count, _ = ensure_synth(size)
    store_dir = OUT / f"store-{size}"
    stamp = store_dir / ".source-mtime"
    key = f"{path.stat().st_mtime}:{Path(__file__).stat().st_mtime}"  # data file and this script
    if storedir.store_exists(store_dir) and stamp.is_file() and stamp.read_text() == key:
        return storedir.current_path(store_dir).resolve(), count
    shutil.rmtree(store_dir, ignore_errors=True)
    store_dir.mkdir(parents=True)
    gen = storedir.write_generation(store_dir, build_quads(path))
    storedir.publish(store_dir, gen)
    stamp.write_text(key)
    return gen, count


def probe_worker(gen: str, qid: str) -> dict:
    """(worker) one run of one library query on the embedded store (to find queries over the cap)."""
    from conflictkg.sparql.queries import example_params, run
    from conflictkg.store.oxigraph import OxigraphStore

    q = library()[qid]
    t0 = time.perf_counter()
    res = run(OxigraphStore.open_read_only(Path(gen)), q, example_params(q))
    return {"seconds": time.perf_counter() - t0, "rows": result_size(res)}


def bound_text(text: str, bindings: dict) -> str:
    """The query text exactly as conflictkg sends it to Oxigraph (parameters as a VALUES block)."""
    from conflictkg.sparql.binding import bind_values

    return bind_values(text, bindings)


def time_embedded_and_raw(gen: Path, runs: int, with_raw: bool, cap: float) -> dict[str, dict]:
    from conflictkg.sparql.queries import bind, example_params, run
    from conflictkg.store.oxigraph import OxigraphStore

    emb = OxigraphStore.open_read_only(gen)
    raw = ox.Store.read_only(str(gen)) if with_raw else None
    out: dict[str, dict] = {}
    for qid, q in library().items():
        params = example_params(q)
        probe = run_worker(["--_worker", "probe", str(gen), qid], cap)
        if probe is None:  # Oxigraph cannot be interrupted in-process: skip queries over the cap
            out[qid] = {"embedded_s": None, "raw_s": None, "embedded_times": [], "rows": None, "raw_rows": None,
                        "timed_out": True}
            print(f"[queries] {qid}: over the {cap:.0f} s cap", file=sys.stderr)
            continue
        slow = probe["seconds"] >= 5  # the probe warmed the OS cache; fewer runs for slow queries
        n = min(runs, 3) if slow else runs

        def embedded_query():  # type: ignore[no-untyped-def]
            return run(emb, q, params)

        warm = 0 if slow else 1
        if raw is None:
            times, res = timed(embedded_query, n, warmup=warm)
        else:
            text = bound_text(q.text, bind(q, params))

            def raw_query() -> int:
                answer = raw.query(text, use_default_graph_as_union=True)
                if isinstance(answer, ox.QueryBoolean):
                    return int(bool(answer))
                return len(list(answer))

            times, rtimes, res, rrows = timed_pair(embedded_query, raw_query, n, warmup=warm)
        row = {"embedded_s": median(times), "embedded_times": times, "rows": result_size(res), "timed_out": False}
        if raw is not None:
            row.update({"raw_s": median(rtimes), "raw_times": rtimes, "raw_rows": rrows})
        out[qid] = row
        print(f"[queries] {qid}: embedded {fmt_s(row['embedded_s'])}"
              + (f", raw {fmt_s(row['raw_s'])}" if raw is not None else ""), file=sys.stderr)
    return out


def time_rdflib_paired(rpath: Path, rgen: Path, emb_same: dict, runs: int, timeout: float,
                       load_timeout: float) -> tuple[dict[str, dict], dict]:
    """Every query on rdflib (in a worker process, each run capped), each run right after a run of
    the same query on the embedded store ``rgen`` here; per query, and the worker's load time and memory."""
    from conflictkg.store.oxigraph import OxigraphStore
    from rdflib_server import RdflibWorker

    emb = OxigraphStore.open_read_only(rgen)
    worker = RdflibWorker(rpath, load_timeout)
    out: dict[str, dict] = {}
    try:
        for qid, q in library().items():
            out[qid] = _paired_runs(worker, None if emb_same[qid]["timed_out"] else emb, qid, q, runs, timeout)
            print(f"[rdflib] {qid}: {'> ' + str(timeout) + ' s' if out[qid]['timed_out'] else fmt_s(out[qid]['rdflib_s'])}"
                  f" (embedded alongside {fmt_s(out[qid]['embedded_s'])})", file=sys.stderr, flush=True)
    finally:
        rss = worker.close()
    return out, {"load_s": worker.load_s, "max_rss_mb": rss}


def _paired_runs(worker, emb, qid: str, q, runs: int, timeout: float) -> dict:  # type: ignore[no-untyped-def]
    """Up to ``runs`` pairs (embedded run on ``emb`` if given, then a capped rdflib run)."""
    from conflictkg.sparql.queries import example_params, run

    params = example_params(q)
    times: list[float] = []
    etimes: list[float] = []
    ans: dict = {"timed_out": False, "error": None, "rows": None}
    if emb is not None:
        run(emb, q, params)  # warm-up, as in the embedded-vs-raw timings
    for _ in range(runs):
        if emb is not None:
            etimes.append(timed(lambda: run(emb, q, params), 1)[0][0])
        ans = worker.run(qid, timeout)
        if ans["timed_out"] or ans["error"]:
            break
        times.append(ans["seconds"])
        if sum(times) > 3 * timeout:  # slow but under the cap: fewer runs
            break
    failed = ans["timed_out"] or ans["error"]
    return {"rdflib_s": None if failed else median(times), "rdflib_times": times,
            "embedded_s": median(etimes) if etimes else None, "embedded_times": etimes,
            "timed_out": ans["timed_out"], "rows": None if ans["error"] else ans["rows"], "error": ans["error"]}


def bench_queries(size: int, runs: int, rdflib_size: int, rdflib_timeout: float, rdflib_runs: int,
                  cap: float) -> dict:
    gen, count = ensure_store(size)
    print(f"[queries] store of {count:,} quads at {gen}", file=sys.stderr)
    result: dict = {"size": size, "quads": count, "runs": runs, "embedded_cap_s": cap}
    result["by_query"] = time_embedded_and_raw(gen, runs, with_raw=True, cap=cap)
    # rdflib on rdflib_size (possibly smaller), compared with the embedded store on the same data
    rsize = min(rdflib_size, size)
    rpath, rcount, _ = ensure_synth(rsize)
    if rsize == size:
        rgen, emb_same = gen, result["by_query"]
    else:
        rgen, _ = ensure_store(rsize)
        emb_same = time_embedded_and_raw(rgen, runs, with_raw=False, cap=cap)
    queries, worker = time_rdflib_paired(rpath, rgen, emb_same, rdflib_runs, rdflib_timeout, 600 + rcount / 5_000)
    result["rdflib"] = {"size": rsize, "quads": rcount, "timeout_s": rdflib_timeout, "runs": rdflib_runs, **worker}
    for qid, row in result["by_query"].items():
        rd = queries[qid]
        same = emb_same.get(qid, {"embedded_s": None, "rows": None})
        e = rd.get("embedded_s") or same["embedded_s"]  # paired with the rdflib runs where there were any
        row["embedded_at_rdflib_size_s"] = e
        row["embedded_at_rdflib_size_paired"] = rd.get("embedded_s") is not None
        row["embedded_rows_at_rdflib_size"] = same["rows"]
        row["rdflib_s"] = rd["rdflib_s"]
        row["rdflib_timed_out"] = rd["timed_out"]
        row["rdflib_error"] = rd.get("error")
        row["rdflib_rows"] = rd["rows"]
        row["rdflib_over_embedded"] = ((rd["rdflib_s"] if rd["rdflib_s"] is not None else rdflib_timeout) / e
                                       if e and not rd.get("error") else None)
        row["rdflib_ratio_is_lower_bound"] = rd["rdflib_s"] is None
        row["embedded_over_raw"] = row["embedded_s"] / row["raw_s"] if row["embedded_s"] else None
        row["rows_agree"] = (row["rows"] == row["raw_rows"]
                             and (rd["rows"] is None or rd["rows"] == same["rows"]))
    rows = list(result["by_query"].values())
    result["median_rdflib_over_embedded"] = median([r["rdflib_over_embedded"] for r in rows
                                                    if r["rdflib_over_embedded"] is not None])
    result["median_embedded_over_raw"] = median([r["embedded_over_raw"] for r in rows
                                                 if r["embedded_over_raw"] is not None])
    result["total_embedded_s"] = sum(r["embedded_s"] for r in rows if r["embedded_s"])
    result["total_raw_s"] = sum(r["raw_s"] for r in rows if r["raw_s"])
    return result


# --------------------------------------------------------------------------------------------
# c. cold start of the command line
# --------------------------------------------------------------------------------------------

def cli_command() -> list[str]:
    script = Path(sys.executable).parent / "conflictkg"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "conflictkg"]


def wall(cmd: list[str], runs: int) -> tuple[list[float], int]:
    times = []
    rc = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        rc = proc.returncode
        if rc != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {rc}: {proc.stderr.decode()[-2000:]}")
    return times, rc


def importtime(cmd: list[str]) -> dict:
    """``-X importtime`` of a command: total, and the costliest top-level imports (cumulative)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *cmd], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    top: list[tuple[int, str]] = []
    packages: dict[str, int] = {}  # a package's own import (cumulative), wherever it happened first
    total = 0
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _self_us, cum_us, name = line[len("import time:"):].split("|", 2)
        depth = (len(name) - len(name.lstrip(" "))) // 2
        module, us = name.strip(), int(cum_us.strip())
        if depth == 0:
            top.append((us, module))
            total += us
        if "." not in module and not module.startswith("_"):
            packages[module] = max(us, packages.get(module, 0))
    top.sort(reverse=True)
    heavy = sorted(((us, m) for m, us in packages.items()), reverse=True)
    return {"total_s": total / 1e6, "top": [{"module": n, "cumulative_s": us / 1e6} for us, n in top[:12]],
            "packages": [{"module": n, "cumulative_s": us / 1e6} for us, n in heavy[:12]]}


def bench_cold(runs: int) -> dict:
    from conflictkg.build import build_store
    from conflictkg.sparql.queries import example_params

    from conflictkg.resources import default_resources

    from conflictkg.build import sources, stage
    from conflictkg.errors import DataNotConformant
    from conflictkg.store import directory as storedir

    store_dir = OUT / "cold-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    note = None
    try:
        n_quads = build_store(store_dir, default_resources(), reason=False).quads
    except DataNotConformant as exc:  # the data is work in progress: time the query path anyway
        note = f"shipped data does not conform yet ({exc}); store written without validation"
        staged = stage(sources(default_resources()))
        storedir.publish(store_dir, storedir.write_generation(store_dir, staged.quads))
        n_quads = len(staged.quads)
    cmd = cli_command()
    result: dict = {"command": cmd, "store_quads": n_quads, "runs": runs, "by_query": {}, "note": note}
    base, _ = wall([sys.executable, "-c", "pass"], runs)
    imp, _ = wall([sys.executable, "-c", "import conflictkg.cli"], runs)
    result["python_startup_s"] = median(base)
    result["import_cli_s"] = median(imp)
    for qid, q in library().items():
        args = [f"{k}={v}" for k, v in example_params(q).items()]
        full = [*cmd, "--store", str(store_dir), "query", qid] + [x for a in args for x in ("-p", a)]
        times, _ = wall(full, runs)
        result["by_query"][qid] = {"median_s": median(times), "times": times}
        print(f"[cold] {qid}: {fmt_s(median(times))}", file=sys.stderr)
    result["median_s"] = median([r["median_s"] for r in result["by_query"].values()])
    result["max_s"] = max((r["median_s"] for r in result["by_query"].values()), default=float("nan"))
    first = next(iter(library()), None)
    result["importtime_cli"] = importtime(["-c", "import conflictkg.cli"])
    if first:
        q = library()[first]
        args = [x for k, v in example_params(q).items() for x in ("-p", f"{k}={v}")]
        result["importtime_query_path"] = importtime(["-m", "conflictkg", "--store", str(store_dir), "query", first,
                                                      *args])
        result["importtime_query_path"]["query"] = first
    return result


# --------------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------------

def ok(flag: bool) -> str:
    return "yes" if flag else "**no**"


def markdown(res: dict) -> str:
    """The Markdown report of one run: a section per part that ran."""
    lines: list[str] = []
    meta = res["meta"]
    lines.append(f"# conflictkg benchmark — {meta['date']}\n")
    lines.append(f"`{meta['command']}` · Python {meta['python']} · pyoxigraph {meta['pyoxigraph']} · "
                 f"rdflib {meta['rdflib']} · {meta['cpus']} CPUs · runs {meta['runs']} (medians)\n")
    if res.get("build"):
        lines += md_build(res["build"])
    if res.get("queries"):
        lines += md_queries(res["queries"])
    if res.get("cold"):
        lines += md_cold(res["cold"]) + md_importtime(res["cold"])
    return "\n".join(lines)


def md_build(b: dict) -> list[str]:
    """a. Build throughput: raw loads, conflictkg's stages, SHACL and HermiT, the shipped build."""
    lines: list[str] = []
    n = b["synthetic"]["quads"]
    lines.append(f"## a. Build throughput (synthetic: {n:,} quads, {b['synthetic']['bytes'] / 1e6:.0f} MB N-Quads)\n")
    lines.append("| stage | data | median | triples/s | target 300k/s |")
    lines.append("|---|---|---:|---:|---|")
    rl = b["raw_bulk_load"]
    lines.append(f"| raw pyoxigraph `bulk_load` (parse + on-disk load) | synthetic | {fmt_s(rl['median_s'])} | "
                 f"{fmt_rate(rl['triples_per_s'])} | {ok(rl['triples_per_s'] >= 3e5)} |")
    rp = b.get("raw_bulk_load_parallel")
    if rp:
        lines.append(f"| raw pyoxigraph `bulk_load`, {rp['threads']} slices loaded concurrently | synthetic | "
                     f"{fmt_s(rp['median_s'])} | {fmt_rate(rp['triples_per_s'])} | {ok(rp['triples_per_s'] >= 3e5)} |")
    labels = {"parse": "conflictkg parse (`rdfio.read_all`, Python quads)",
              "derive": "conflictkg derive (`names.name_index`: `ckg:index`)",
              "stage": "conflictkg stage (`OxigraphStore.create` in a new on-disk generation)",
              "seal": "conflictkg seal (`storedir.seal`: optimize + close)",
              "parse+stage+write": "conflictkg parse + stage + seal (no validate/reason)"}
    for k, label in labels.items():
        s = b["synthetic_stages"][k]
        lines.append(f"| {label} | synthetic | {fmt_s(s['median_s'])} | {fmt_rate(s['triples_per_s'])} | "
                     f"{ok(s['triples_per_s'] >= 3e5)} |")
    lines += md_synthetic_heavy(b["synthetic_heavy"]) + md_shipped_build(b["shipped_build"])
    lines.append("")
    return lines


def md_synthetic_heavy(heavy: dict) -> list[str]:
    """Rows of SHACL and HermiT on the synthetic data (or how long they ran before being stopped)."""
    lines: list[str] = []
    for what, label in (("validate", "SHACL + check queries (`validate_staged`)"),
                        ("reason", "HermiT (`reason_staged`, projection)")):
        h = heavy[what]
        if "timeout_s" in h:
            lines.append(f"| {label} | synthetic {h['quads']:,} | > {h['timeout_s']:.0f} s (stopped) | "
                         f"< {fmt_rate(h['quads'] / h['timeout_s'])} | **no** |")
        else:
            extra = (f" ({h['projected_triples']:,} projected; {h['note'].splitlines()[0]})"
                     if what == "reason" else "")
            lines.append(f"| {label} | synthetic {h['quads']:,}{extra} | {fmt_s(h['seconds'])} | "
                         f"{fmt_rate(h['triples_per_s'])} | {ok(h['triples_per_s'] >= 3e5)} |")
    return lines


def md_shipped_build(sb: dict) -> list[str]:
    """Rows of each step of the build of the shipped data, and their total."""
    lines: list[str] = []
    for k, label in (("stage", "stage (parse + new on-disk generation)"), ("validate", "validate (SHACL + checks)"),
                     ("reason", "reason (HermiT)"), ("write", "seal generation + publish")):
        s = sb[k]
        if not s["times"]:
            note = str(sb["reason_note"]).splitlines()[0]
            lines.append(f"| build: {label} | shipped {sb['quads']:,} | not run: {note} | – | – |")
            continue
        lines.append(f"| build: {label} | shipped {sb['quads']:,} | {fmt_s(s['median_s'])} | "
                     f"{fmt_rate(s['triples_per_s'])} | – |")
    total = sum(sb[k]["median_s"] for k in ("stage", "validate", "reason", "write") if sb[k]["times"])
    lines.append(f"| build: total | shipped {sb['quads']:,} | {fmt_s(total)} | {fmt_rate(sb['quads'] / total)} | – |")
    return lines


def md_queries(q: dict) -> list[str]:
    """b. Library queries: embedded vs raw pyoxigraph vs rdflib, one row per query."""
    lines: list[str] = []
    rd = q["rdflib"]
    lines.append(f"## b. Library queries (embedded/raw on {q['quads']:,} quads; rdflib vs embedded on "
                 f"{rd['quads']:,} quads, cap {rd['timeout_s']:.0f} s, rdflib load {fmt_s(rd['load_s'])})\n")
    lines.append("| query | rows | embedded (conflictkg) | raw pyoxigraph | embedded/raw (≤1.25) | "
                 "embedded alongside rdflib | rdflib | rdflib/embedded (≥15) |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    lines += [md_query_row(qid, r, q) for qid, r in q["by_query"].items()]
    done = [r for r in q["by_query"].values() if not r["timed_out"]]
    lines.append(f"| **median over {len(done)} queries** | | {fmt_s(median([r['embedded_s'] for r in done]))} | "
                 f"{fmt_s(median([r['raw_s'] for r in done]))} | "
                 f"**{q['median_embedded_over_raw']:.2f}x** | | | **{q['median_rdflib_over_embedded']:.1f}x** |")
    lines.append("")
    return lines


def md_query_row(qid: str, r: dict, q: dict) -> str:
    """One query's row: its times on each engine and their ratios (or where it was stopped)."""
    rd = q["rdflib"]
    rdl = (f"> {rd['timeout_s']:.0f} s" if r["rdflib_timed_out"] else
           "error" if r.get("rdflib_error") else fmt_s(r["rdflib_s"]))
    if r["timed_out"]:
        return (f"| {qid} | ? | > {q['embedded_cap_s']:.0f} s (stopped) | not run | – | "
                f"{fmt_s(r['embedded_at_rdflib_size_s'])} | {rdl} | – |")
    ratio = ("–" if r["rdflib_over_embedded"] is None else
             ("≥ " if r["rdflib_ratio_is_lower_bound"] else "") + f"{r['rdflib_over_embedded']:.1f}x")
    rows = f"{r['rows']}" + ("" if r["rows_agree"] else
                             f" (raw {r['raw_rows']}, rdflib {r['rdflib_rows']} vs {r['embedded_rows_at_rdflib_size']})")
    return (f"| {qid} | {rows} | {fmt_s(r['embedded_s'])} | {fmt_s(r['raw_s'])} | "
            f"{r['embedded_over_raw']:.2f}x | {fmt_s(r['embedded_at_rdflib_size_s'])} | {rdl} | {ratio} |")


def md_cold(c: dict) -> list[str]:
    """c. Cold start of the command line, per query."""
    lines: list[str] = []
    lines.append(f"## c. Cold start: `conflictkg --store DIR query <id>` on the shipped graph "
                 f"({c['store_quads']:,} quads), target < 0.6 s\n")
    lines.append("| command | median wall |")
    lines.append("|---|---:|")
    lines.append(f"| `python -c pass` (interpreter alone) | {fmt_s(c['python_startup_s'])} |")
    lines.append(f"| `python -c 'import conflictkg.cli'` | {fmt_s(c['import_cli_s'])} |")
    for qid, r in c["by_query"].items():
        lines.append(f"| `query {qid}` | {fmt_s(r['median_s'])} {'' if r['median_s'] < 0.6 else '**(over)**'} |")
    lines.append(f"| **median over queries** | **{fmt_s(c['median_s'])}** |")
    lines.append("")
    return lines


def md_importtime(c: dict) -> list[str]:
    """c. Where the cold start's import time goes (``-X importtime``)."""
    lines: list[str] = []
    for key, title in (("importtime_cli", "`import conflictkg.cli`"),
                       ("importtime_query_path", "the whole `query` command (lazy imports included)")):
        it = c.get(key)
        if not it:
            continue
        lines.append(f"`-X importtime` of {title}: top-level imports {fmt_s(it['total_s'])} in all\n")
        lines.append("| module (top level, cumulative) | time |")
        lines.append("|---|---:|")
        for m in it["top"][:4]:
            lines.append(f"| {m['module']} | {fmt_s(m['cumulative_s'])} |")
        lines.append("| *heaviest packages inside (cumulative, nested):* | |")
        for m in it["packages"][:8]:
            lines.append(f"| {m['module']} | {fmt_s(m['cumulative_s'])} |")
        lines.append("")
    return lines

def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--_worker":
        kind = sys.argv[2]
        if kind == "probe":
            ans = probe_worker(sys.argv[3], sys.argv[4])
        else:
            ans = heavy_worker(kind, sys.argv[3])
        print(json.dumps(ans))
        return
    ap = argparse.ArgumentParser(description="conflictkg benchmarks (see bench/README.md)")
    ap.add_argument("--size", type=int, default=1_000_000, help="synthetic quads (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per measurement (default 5)")
    ap.add_argument("--only", choices=["build", "queries", "cold"], help="run one part only")
    ap.add_argument("--rdflib-size", type=int, default=None,
                    help="synthetic quads for the rdflib comparison (default: --size)")
    ap.add_argument("--rdflib-timeout", type=float, default=60.0, help="cap per rdflib query run, seconds")
    ap.add_argument("--rdflib-runs", type=int, default=None, help="rdflib runs per query (default: --runs)")
    ap.add_argument("--validate-size", type=int, default=100_000,
                    help="synthetic quads for SHACL/HermiT timing (default 100,000; capped at --size)")
    ap.add_argument("--reason-size", type=int, default=100_000,
                    help="synthetic quads for HermiT timing (default 100,000; capped at --size)")
    ap.add_argument("--query-timeout", type=float, default=120.0,
                    help="cap for one embedded query run (checked in a probe subprocess first)")
    ap.add_argument("--stage-timeout", type=float, default=900.0, help="cap for SHACL/HermiT on synthetic data")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    import rdflib

    results: dict = {"meta": {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"), "command": "python bench/run.py " + " ".join(sys.argv[1:]),
        "python": platform.python_version(), "pyoxigraph": ox.__version__, "rdflib": rdflib.__version__,
        "cpus": os.cpu_count(), "machine": platform.machine(), "runs": args.runs, "size": args.size,
        "targets": TARGETS,
    }}
    if args.only in (None, "build"):
        results["build"] = bench_build(args.size, args.runs, args.validate_size, args.reason_size, args.stage_timeout)
    if args.only in (None, "queries"):
        results["queries"] = bench_queries(args.size, args.runs, args.rdflib_size or args.size, args.rdflib_timeout,
                                           args.rdflib_runs or args.runs, args.query_timeout)
    if args.only in (None, "cold"):
        results["cold"] = bench_cold(args.runs)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    name = f"results-{args.only or 'all'}-{args.size}-{stamp}.json"
    (OUT / name).write_text(json.dumps(results, indent=2, default=str))
    (OUT / "latest.json").write_text(json.dumps(results, indent=2, default=str))
    report = markdown(results)
    (OUT / name.replace(".json", ".md")).write_text(report)
    print(report)
    print(f"\nJSON: {OUT / name}", file=sys.stderr)


if __name__ == "__main__":
    main()
