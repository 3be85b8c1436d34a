"""The entity pages (clause, actor, place, incident) built in process at 1x/10x (the stores of ``scale.py``), on
the embedded on-disk store, without HTTP or rendering: one fresh process per scale, ``Site.load``, then each
page's first build and the median of ``--runs`` repeats, page 1 and page 2 of its long lists (``-``: it has
one page).

    python bench/entity.py --scales 10 --runs 5              # this checkout's conflictkg
    python bench/entity.py --scales 10 --src DIR/src         # another checkout's src/ (e.g. main), before/after

With this checkout it also prints the sorted keys of the pages' ``window: keys`` lists (``Site.keys_once``,
#14): how many, the seconds to ask and sort them, and the memory they hold (tracemalloc, on a fresh shelf).
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import scale

CHILD = """
import json, statistics, sys, time, tracemalloc
from pathlib import Path
from conflictkg.errors import QueryError
from conflictkg.naming import Perspective
from conflictkg.pages.context import Site
from conflictkg.pages.resource import resource_page
from conflictkg.resources import default_resources
from conflictkg.store.directory import open_store
pages, runs = json.loads(sys.argv[2]), int(sys.argv[3])
site = Site.load(open_store(Path(sys.argv[1])), default_resources())
ctx = site.view(Perspective.NEUTRAL)
def timed(iri, page):
    start = time.perf_counter()
    try:
        resource_page(ctx, iri, page)
    except QueryError:  # no page 2
        return None
    return time.perf_counter() - start
out = {}
for name, iri in pages.items():
    first = timed(iri, "")
    second = [timed(iri, "2") for _ in range(runs)]
    out[name] = {"first": first, "repeat": statistics.median(timed(iri, "") for _ in range(runs)),
                 "page2": None if None in second else statistics.median(second)}
if hasattr(site, "keys_once"):
    lists = site.shelf.lists()
    fresh = Site(site.store, site.resources, site.library, site.internal, site.gazetteer, site.labels)
    tracemalloc.start()
    start = time.perf_counter()
    for query_id, params in lists:
        fresh.keys_once(query_id, fresh.internal.get(query_id) or fresh.library[query_id], dict(params))
    seconds = time.perf_counter() - start
    out["_keys"] = {"lists": len(lists), "keys": fresh.shelf.held, "seconds": seconds,
                    "mb": tracemalloc.get_traced_memory()[0] / 1e6}
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[10])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", help="run from this src/ directory (PYTHONPATH)")
    args = parser.parse_args()
    env = dict(os.environ, **({"PYTHONPATH": args.src} if args.src else {}))
    pages = {name: "ckr:" + path.removeprefix("/resource/") for name, path in scale.PAGES.items()
             if name in ("clause", "actor", "place", "incident")}
    for n in args.scales:
        store = str(scale.scaled_store(n))
        out = json.loads(subprocess.run([sys.executable, "-c", CHILD, store, json.dumps(pages), str(args.runs)],
                                        env=env, check=True, stdout=subprocess.PIPE, text=True).stdout)
        print(f"{n}x, seconds (repeat and page 2: medians of {args.runs})")
        print("| page | first | repeat | page 2 |\n|---|---|---|---|")
        for name in pages:
            row = out[name]
            second = "-" if row["page2"] is None else f"{row['page2']:.3f}"
            print(f"| {name} | {row['first']:.3f} | {row['repeat']:.3f} | {second} |")
        if "_keys" in out:
            k = out["_keys"]
            print(f"sorted keys of these pages' keyed lists: {k['lists']} lists, {k['keys']:,} keys, "
                  f"{k['seconds']:.2f} s to ask and sort, {k['mb']:.1f} MB")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
