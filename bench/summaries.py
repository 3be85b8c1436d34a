"""The large network views' summaries and drill-downs built in process (no HTTP, no layout, no rendering), on
the stores of ``scale.py``, on disk or in an in-memory copy: seconds per view and per question asked.

    python bench/summaries.py --scales 10 --runs 3                  # this checkout, the store on disk
    python bench/summaries.py --scales 10 --runs 3 --memory         # the same on an in-memory copy
    python bench/summaries.py --scales 10 --runs 3 --src DIR/src    # another checkout's src/ (before/after)

One fresh process per scale: ``open_store`` (``--memory``: its ``in_memory_copy()``), ``Gazetteer.load``,
then per view (the allegation view's and clause 6's summaries, and one group of each drilled down into)
``summary.summary_view`` once (*first*) and the median of ``--runs`` more; then, for the first build, the
seconds spent in each question of ``queries/views/`` (by title, summed over its calls). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import scale

CHILD = """
import json, statistics, sys, time
from collections import defaultdict
from pathlib import Path
from conflictkg.naming import Gazetteer
from conflictkg.network import ViewRequest
from conflictkg.network import summary
from conflictkg.resources import default_resources
from conflictkg.sparql import queries
from conflictkg.store.directory import open_store
store = open_store(Path(sys.argv[1]))
if sys.argv[3] == "memory":
    store = store.in_memory_copy()
runs, res = int(sys.argv[2]), default_resources()
spent = defaultdict(float)
def timed(real):
    def wrapper(store, query, *args, **kwargs):
        start = time.perf_counter()
        try:
            return real(store, query, *args, **kwargs)
        finally:
            spent[query.path.stem] += time.perf_counter() - start
    return wrapper
queries.run, queries.run_over = timed(queries.run), timed(queries.run_over)
from conflictkg.network import data
data.run, data.run_over = queries.run, queries.run_over
gazetteer = Gazetteer.load(store, res)
views = {"allegations summary": ViewRequest("allegations", scope="summary"),
         "allegations group": ViewRequest("allegations", scope="group", group="side-armenia"),
         "clause 6 summary": ViewRequest("clause", (6,), scope="summary"),
         "clause 6 group": ViewRequest("clause", (6,), scope="group", group="claim-2022")}
out = {}
for name, request in views.items():
    spent.clear()
    start = time.perf_counter()
    network = summary.summary_view(store, res, request, gazetteer)
    first = time.perf_counter() - start
    asked = dict(sorted(spent.items(), key=lambda kv: -kv[1]))
    repeats = []
    for _ in range(runs):
        start = time.perf_counter()
        summary.summary_view(store, res, request, gazetteer)
        repeats.append(time.perf_counter() - start)
    out[name] = {"first": first, "repeat": statistics.median(repeats), "queries": asked,
                 "nodes": len(network.nodes), "edges": len(network.edges), "claims": len(network.claims)}
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[10])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="on an in-memory copy of the store")
    parser.add_argument("--src", help="run from this src/ directory (PYTHONPATH)")
    args = parser.parse_args()
    env = dict(os.environ, **({"PYTHONPATH": args.src} if args.src else {}))
    where = "memory" if args.memory else "disk"
    for n in args.scales:
        store = str(scale.scaled_store(n))
        out = json.loads(subprocess.run([sys.executable, "-c", CHILD, store, str(args.runs), where], env=env,
                                        check=True, stdout=subprocess.PIPE, text=True).stdout)
        print(f"{n}x on {where}, seconds (repeat: median of {args.runs})")
        print("| view | first | repeat | nodes / edges / claims | questions (first build, s) |\n|---|---|---|---|---|")
        for name, row in out.items():
            asked = ", ".join(f"{q} {s:.2f}" for q, s in row["queries"].items() if s >= 0.005)
            print(f"| {name} | {row['first']:.2f} | {row['repeat']:.2f} | {row['nodes']} / {row['edges']} / "
                  f"{row['claims']} | {asked} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
