"""How each library question's time grows with the store, beside its input and its output (#14).

    python bench/growth.py --scales 1 10 37            # the stores of scale.py (bench/out/scale-N, cached)
    python bench/growth.py --scales 1 37 --runs 5 --src DIR/src   # another checkout's code
    python bench/growth.py --scales 1 37 --without-order --only sources all-claims   # each without its ORDER BY

Every question of ``queries/*.rq`` is asked with its example parameters on each product-shaped store of
``scale.py`` (the shipped graph plus ``N - 1`` renamed copies of its incident records), copied into memory as
``serve`` holds it; one untimed run, then the median of ``--runs``. One fresh process per store. The table gives
each question's rows and seconds at each scale and, for the largest, *growth*: its time's growth over the
smallest scale divided by the larger of its input's growth (quads) and its output's (rows). Above 1 the
question grows faster than its input plus output; times under 5 ms at the smallest scale are mostly fixed cost,
so their growth is shown but not judged. Beside it, the *engine floor*: the same growth for the plainest read of
the questions' main input (every triple of the claims graph, returned as rows), which touches nothing but the
engine; a question's growth divided by it says how much faster than the engine's own reading of its input the
question grows. Nothing is asserted: it is measured and printed.

``--without-order`` asks each question twice, as written and with its final ``ORDER BY`` line removed (rows in
the engine's order, the same rows), and gives both growths: how much of a question's growth is its sort.
``--only`` names the questions to ask.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import scale

CHILD = """
import json, statistics, sys, time
from dataclasses import replace
from pathlib import Path
from conflictkg.resources import default_resources
from conflictkg.sparql.queries import Query, example_params, load_library, run
from conflictkg.store.directory import open_store
store = open_store(Path(sys.argv[1])).in_memory_copy()
runs, unordered, only = int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4:]
out = {"quads": len(store), "questions": {}}

def timed(query, params):
    rows = len(run(store, query, params).rows)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(store, query, params)
        times.append(time.perf_counter() - start)
    return {"rows": rows, "s": statistics.median(times)}

# the engine's own cost of reading the questions' main input: every triple of the claims graph, as rows
floor = Query(id="floor", title="", description="", path=Path("floor"), text=(
    "PREFIX ckg: <https://w3id.org/conflictkg/graph/>\\nSELECT ?s ?p ?o WHERE { GRAPH ckg:claims { ?s ?p ?o } }"))
out["floor"] = timed(floor, {})
for qid, query in sorted(load_library(default_resources().queries_dir).items()):
    if only and qid not in only:
        continue
    params = example_params(query)
    out["questions"][qid] = timed(query, params)
    if unordered:
        lines = query.text.rstrip().splitlines()
        assert lines[-1].startswith("ORDER BY"), qid
        unsorted = replace(query, text="\\n".join(lines[:-1]) + "\\n")
        out["questions"][qid + " (no ORDER BY)"] = timed(unsorted, params)
print(json.dumps(out))
"""
#: Below this many seconds at the smallest scale a question's time is mostly fixed cost: not judged.
JUDGED_FROM_S = 0.005


def measure(n: int, runs: int, src: str | None, unordered: bool = False, only: list[str] | None = None) -> dict:
    env = dict(os.environ, **({"PYTHONPATH": src} if src else {}))
    argv = [str(scale.scaled_store(n)), str(runs), "1" if unordered else "0", *(only or [])]
    done = subprocess.run([sys.executable, "-c", CHILD, *argv], env=env,
                          check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout)


def growth(small: dict, large: dict, q_small: int, q_large: int) -> float:
    """Time's growth over the larger of the input's and the output's growth."""
    bound = max(q_large / q_small, large["rows"] / max(small["rows"], 1))
    return (large["s"] / small["s"]) / bound if small["s"] > 0 else float("nan")


def floor_growth(found: list[dict]) -> float:
    """The engine's own growth per row read: every claims-graph triple, its time's growth over its rows'."""
    first, last = found[0]["floor"], found[-1]["floor"]
    return growth(first, last, first["rows"], last["rows"])  # its input is its output: the rows it reads


def table(scales: list[int], found: list[dict]) -> str:
    head = (["question"] + [f"{n}x rows / ms" for n in scales]
            + [f"growth {scales[0]}x→{scales[-1]}x", "÷ engine floor"])
    base = floor_growth(found)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
             "| (quads) | " + " | ".join(f"{f['quads']:,}" for f in found) + " | | |",
             "| (engine floor: every claims-graph triple) | "
             + " | ".join(f"{f['floor']['rows']:,} / {1000 * f['floor']['s']:.1f}" for f in found)
             + f" | {base:.2f} | 1.00 |"]
    for qid in found[0]["questions"]:
        cells = [f"{f['questions'][qid]['rows']:,} / {1000 * f['questions'][qid]['s']:.1f}" for f in found]
        first, last = found[0]["questions"][qid], found[-1]["questions"][qid]
        g = growth(first, last, found[0]["quads"], found[-1]["quads"])
        judged = first["s"] >= JUDGED_FROM_S
        mark = " **over**" if judged and g > 1 else ""
        over_floor = " **over**" if judged and g / base > 1 else ""
        lines.append(f"| `{qid}` | " + " | ".join(cells) + f" | {g:.2f}{mark} | {g / base:.2f}{over_floor} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 37])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--src", help="run from this src/ directory (PYTHONPATH)")
    parser.add_argument("--without-order", action="store_true",
                        help="also ask each question with its final ORDER BY line removed")
    parser.add_argument("--only", nargs="+", metavar="ID", help="ask only these questions")
    args = parser.parse_args()
    found = [measure(n, args.runs, args.src, args.without_order, args.only) for n in args.scales]
    print(f"load average {os.getloadavg()[0]:.1f} at the end; seconds: median of {args.runs} after one untimed run")
    print(table(args.scales, found))


if __name__ == "__main__":
    main()
