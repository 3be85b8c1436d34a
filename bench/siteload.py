"""``Site.load`` at 1x/10x (the stores of ``scale.py``), on the embedded on-disk store: one fresh process per
run, timed whole (start to exit) by this script, and the seconds of ``Site.load`` inside it; medians.

    python bench/siteload.py --scales 1 10 --runs 3           # the installed conflictkg
    python bench/siteload.py --scales 10 --src DIR/src        # another checkout's src/ (e.g. main)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import scale

CHILD = """
import json, sys, time
from pathlib import Path
from conflictkg.pages.context import Site
from conflictkg.resources import default_resources
from conflictkg.store.directory import open_store
store = open_store(Path(sys.argv[1]))
start = time.perf_counter()
site = Site.load(store, default_resources())
print(json.dumps({"site_load_s": time.perf_counter() - start, "labels": len(site.labels)}))
"""


def run_once(store: str, env: dict[str, str]) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, store], env=env, check=True, capture_output=True,
                         text=True).stdout
    return {**json.loads(out), "process_s": time.perf_counter() - start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--src", help="run from this src/ directory (PYTHONPATH)")
    args = parser.parse_args()
    env = dict(os.environ, **({"PYTHONPATH": args.src} if args.src else {}))
    for n in args.scales:
        store = str(scale.scaled_store(n))
        runs = [run_once(store, env) for _ in range(args.runs)]
        cells = {k: statistics.median(r[k] for r in runs) for k in ("process_s", "site_load_s")}
        each = ", ".join(f"{r['site_load_s']:.2f}" for r in runs)
        print(f"{n}x: process {cells['process_s']:.2f} s, Site.load {cells['site_load_s']:.2f} s "
              f"(medians of {args.runs}; {int(runs[0]['labels']):,} labels; "
              f"Site.load runs {each})", flush=True)


if __name__ == "__main__":
    main()
