"""Search at 1x/10x (the stores of ``scale.py``), in one process per scale: ``Site.load``, then the first and a
repeat ``search_page`` for a few texts, on the embedded on-disk store (what ``serve`` pages do, without HTTP).

    python bench/search.py --scales 1 10                 # the installed conflictkg
    python bench/search.py --scales 1 10 --src DIR/src   # another checkout's src/ (e.g. main)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import scale

TEXTS = ("a", "Parukh", "Şuşa", "Shushi")
CHILD = """
import json, sys, time
from pathlib import Path
from conflictkg.naming import Perspective
from conflictkg.pages.context import Site
from conflictkg.pages.search import search_page
from conflictkg.resources import default_resources
from conflictkg.store.directory import open_store
start = time.perf_counter()
ctx = Site.load(open_store(Path(sys.argv[1])), default_resources()).view(Perspective.NEUTRAL)
row = {"site_load_s": time.perf_counter() - start}
for text in json.loads(sys.argv[2]):
    for when in ("first", "repeat"):
        start = time.perf_counter()
        search_page(ctx, text)
        row[f"{text}_{when}_s"] = time.perf_counter() - start
print(json.dumps(row))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--src", help="run from this src/ directory (PYTHONPATH)")
    args = parser.parse_args()
    env = dict(os.environ, **({"PYTHONPATH": args.src} if args.src else {}))
    for n in args.scales:
        out = subprocess.run([sys.executable, "-c", CHILD, str(scale.scaled_store(n)), json.dumps(TEXTS)],
                             env=env, check=True, capture_output=True, text=True).stdout
        row = json.loads(out)
        print(f"{n}x: " + ", ".join(f"{k} {v:.3f}" for k, v in row.items()), flush=True)


if __name__ == "__main__":
    main()
