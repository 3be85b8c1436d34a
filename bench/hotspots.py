"""The slowest pages of #14's 100x table built in process (no HTTP, no rendering), on the stores of ``scale.py``
on disk: the incident page, search for "a" (pages 1 and 2) and clause 6's network view as the site opens it
(``summary_view``, scope ``auto``: its summary when large), each built once (*first*) and then twice more
(*repeat*: the median), after ``Site.load``. One fresh process per scale. Nothing is asserted.

    python bench/hotspots.py --scales 100                 # this checkout
    python bench/hotspots.py --scales 100 --src DIR/src   # another checkout's src/ (before/after)
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
from pathlib import Path
from conflictkg.naming import Perspective
from conflictkg.network import ViewRequest, summary
from conflictkg.pages.context import Site
from conflictkg.pages.resource import resource_page
from conflictkg.pages.search import search_page
from conflictkg.resources import default_resources
from conflictkg.store.directory import open_store
store, res = open_store(Path(sys.argv[1])), default_resources()
start = time.perf_counter()
site = Site.load(store, res)
ctx = site.view(Perspective.NEUTRAL)
out = {"Site.load": {"first": time.perf_counter() - start}}
jobs = {"incident": lambda: resource_page(ctx, "ckr:incident-2022-03-24-parukh-farrukh", ""),
        "search a": lambda: search_page(ctx, "a"), "search a, page 2": lambda: search_page(ctx, "a", "2"),
        "clause 6 view": lambda: summary.summary_view(store, res, ViewRequest("clause", (6,), scope="auto"),
                                                      site.gazetteer)}
for name, job in jobs.items():
    times = []
    for _ in range(3):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    out[name] = {"first": times[0], "repeat": statistics.median(times[1:])}
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[10])
    parser.add_argument("--src", help="run from this src/ directory (PYTHONPATH)")
    args = parser.parse_args()
    env = dict(os.environ, **({"PYTHONPATH": args.src} if args.src else {}))
    for n in args.scales:
        out = json.loads(subprocess.run([sys.executable, "-c", CHILD, str(scale.scaled_store(n))], env=env,
                                        check=True, stdout=subprocess.PIPE, text=True).stdout)
        print(f"{n}x, seconds (repeat: median of 2); load average {os.getloadavg()[0]:.1f} at the end")
        print("| page | first | repeat |\n|---|---|---|")
        for name, row in out.items():
            repeat = f"{row['repeat']:.2f}" if "repeat" in row else "-"
            print(f"| {name} | {row['first']:.2f} | {repeat} |", flush=True)


if __name__ == "__main__":
    main()
