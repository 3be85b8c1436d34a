"""h. `conflictkg build` on product-shaped input at 1x, 10x and ~27x the shipped incidents (27x ≈ 1M quads).

    python bench/buildscale.py --scales 1 10 27
    python bench/buildscale.py --scales 27 --no-reason     # without the OWL check (HermiT)
    python bench/buildscale.py --scales 37 --shacl-engine pyshacl   # SHACL by pyshacl (the reference)

Per scale, a root in ``bench/out/buildscale-<N>``: this checkout's ``ontology/``, ``queries/`` and
``data/``, plus ``data/incidents/zz-copy-x<K>.trig`` for K = 1 … N-1: the quads of the shipped
``data/**/*.trig`` files that mention an incident, claim, source, event or casualty report,
renamed as ``bench/scale.py`` renames them (``…/resource/claim-x3-…``); agents, places, the agreement
and the vocabularies are shared. Then one ``conflictkg --root R --store R/store build`` as a
subprocess, its output piped, so that it prints one plain ``build: STAGE: …`` line as each stage
begins: each line is timestamped as it arrives, and the table gives the seconds until the first
stage's line (``start_s``: interpreter and imports), from one stage's line to the next, the whole
wall time, the CPU seconds of the build and its children (``cpu_s``: less sensitive than wall time to
a shared machine's load), the peak resident memory of the build's process tree (the build and its
HermiT JVM, summed, sampled every 0.1 s from /proc) and the quads it published.
Nothing is asserted. Targets (#14): ≤ 120 s wall and ≤ 1.5 GB peak at ≈ 1M quads.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
from scale import COPIED, _renamed

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
STAGE = re.compile(r"^build: ([^:]+):")
BUILT = re.compile(r"Built ([\d,]+) quads")


def incident_quads() -> list[ox.Quad]:
    """The quads of the shipped data files that a copy renames (the incident records, and the sources
    that reference files define for them: a copy that referred to sources it lacks would not validate)."""
    quads = []
    for path in sorted((ROOT / "data").rglob("*.trig")):
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
            if any(isinstance(t, ox.NamedNode) and COPIED.match(t.value) for t in (q.subject, q.object, q.graph_name)):
                quads.append(q)
    return quads


def make_root(scale: int, out: Path = OUT) -> Path:
    """``<out>/buildscale-<scale>``, made afresh: the checkout's inputs plus ``scale - 1`` copies."""
    root = out / f"buildscale-{scale}"
    shutil.rmtree(root, ignore_errors=True)
    for part in ("ontology", "queries", "data"):
        shutil.copytree(ROOT / part, root / part)
    quads = incident_quads() if scale > 1 else []
    for k in range(1, scale):
        copy = (ox.Quad(_renamed(q.subject, k), q.predicate, _renamed(q.object, k), _renamed(q.graph_name, k))
                for q in quads)
        ox.serialize(copy, output=str(root / "data" / "incidents" / f"zz-copy-x{k}.trig"), format=ox.RdfFormat.TRIG)
    return root


def tree_rss_kb(pid: int) -> tuple[int, int]:
    """Resident memory (kB) of ``pid`` itself and of all its descendants together (HermiT's JVM), from
    /proc (0 for those already gone)."""
    own, total, todo = 0, 0, [pid]
    while todo:
        one = todo.pop()
        try:
            status = Path(f"/proc/{one}/status").read_text()
            todo += [int(c) for c in Path(f"/proc/{one}/task/{one}/children").read_text().split()]
        except OSError:
            continue
        found = re.search(r"VmRSS:\s+(\d+)", status)
        rss = int(found.group(1)) if found else 0
        own, total = (rss, total) if one == pid else (own, total + rss)
    return own, total


class Peaks:
    """The highest resident memory seen, overall and per stage: of the build's own process and of its
    children (HermiT's JVM), each sampled together, so ``tree`` is the highest sum at one moment."""

    def __init__(self) -> None:
        self.stage = "start"
        self.tree = 0
        self.per_stage: dict[str, tuple[int, int]] = {}

    def sample(self, own_kb: int, children_kb: int) -> None:
        self.tree = max(self.tree, own_kb + children_kb)
        was = self.per_stage.get(self.stage, (0, 0))
        self.per_stage[self.stage] = (max(was[0], own_kb), max(was[1], children_kb))

    def columns(self) -> dict[str, int]:
        """``peak_mb`` (the tree), then per stage ``<stage>_mb`` (the build's process) and, where a stage had
        children, ``<stage>_jvm_mb``."""
        out = {"peak_mb": self.tree // 1024}
        for name, (own, children) in self.per_stage.items():
            out[f"{name}_mb"] = own // 1024
            if children:
                out[f"{name}_jvm_mb"] = children // 1024
        return out


def run_build(root: Path, reason: bool, shacl: str = "sparql") -> dict[str, float | int | str]:
    """One build of ``root``: stage seconds, wall seconds, peak tree RSS (MB), quads published."""
    cmd = [sys.executable, "-m", "conflictkg", "--root", str(root), "--store", str(root / "store"), "build",
           "--shacl-engine", shacl, *([] if reason else ["--no-reason"])]
    start, used, load = time.monotonic(), _children_cpu_s(), os.getloadavg()[0]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peaks = Peaks()

    def sample() -> None:
        while proc.poll() is None:
            peaks.sample(*tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    marks: list[tuple[str, float]] = []
    row: dict[str, float | int | str] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        stage, built = STAGE.match(line), BUILT.search(line)
        if stage:
            marks.append((stage.group(1).strip(), time.monotonic() - start))
            peaks.stage = marks[-1][0]
        if built:
            row["quads"] = int(built.group(1).replace(",", ""))
    code = proc.wait()
    wall = time.monotonic() - start
    sampler.join()
    row.update(stage_seconds(marks, wall))
    row.update(wall_s=round(wall, 2), cpu_s=round(_children_cpu_s() - used, 2), exit=code,
               load=f"{load:.1f}-{os.getloadavg()[0]:.1f}", **peaks.columns())
    return row


def _children_cpu_s() -> float:
    """User plus system CPU seconds of every finished child process of this one (and theirs: HermiT's JVM)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stage_seconds(marks: list[tuple[str, float]], wall: float) -> dict[str, float]:
    """Seconds before the first stage (``start_s``: interpreter and imports) and from each stage's line to
    the next (the last stage to the end); a stage named twice adds up."""
    out = {"start_s": round(marks[0][1] if marks else wall, 2)}
    for (name, at), (_, until) in zip(marks, [*marks[1:], ("end", wall)]):
        out[f"{name}_s"] = round(out.get(f"{name}_s", 0.0) + until - at, 2)
    return out


def table(rows: list[dict[str, float | int | str]]) -> str:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for r in rows:
        lines.append("| " + " | ".join(f"{r[k]:,}" if isinstance(r.get(k), int) else str(r.get(k, ""))
                                       for k in keys) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 10, 27])
    ap.add_argument("--no-reason", action="store_true", help="build --no-reason (no HermiT)")
    ap.add_argument("--shacl-engine", choices=("sparql", "pyshacl"), default="sparql",
                    help="build --shacl-engine (the shapes compiled to SPARQL, or pyshacl)")
    args = ap.parse_args(argv)
    rows = []
    for scale in args.scales:
        root = make_root(scale)
        row = {"scale": scale, "shacl": args.shacl_engine,
               **run_build(root, reason=not args.no_reason, shacl=args.shacl_engine)}
        print(row, file=sys.stderr, flush=True)
        rows.append(row)
    print(table(rows))


if __name__ == "__main__":
    main()
