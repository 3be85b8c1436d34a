"""Why library questions grow faster than their input plus output (#14): a row's cost against the store's size
and against the rows a question touches.

    python bench/rowcost.py                       # the scale.py stores of 1x and 37x (bench/out/scale-N, cached)
    python bench/rowcost.py --only sources all-claims

Two measurements, each in memory as ``serve`` holds the store, the best of ``--runs`` after one untimed run:

* *rows touched*: one triple pattern (every claim of the claims graph) on the 37x store, asked with a growing
  LIMIT; the store is the same, only the rows differ. Microseconds per row for counting them in the engine
  (``COUNT``), for the engine's solutions dropped as they come, and for the rows as ``run`` returns them.
* *store size*: each question (``--only``, default all) on the 1x store, then on the same store padded with
  unrelated quads (one graph no question reads) up to the 37x store's size: the same rows, a store as large.

Nothing is asserted: it is measured and printed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import scale

PREFIXES = "PREFIX ck: <https://w3id.org/conflictkg/ontology#> PREFIX ckg: <https://w3id.org/conflictkg/graph/>\n"
CLAIMS = PREFIXES + "SELECT ?claim WHERE { GRAPH ckg:claims { ?claim a ck:Claim } } LIMIT %d"
COUNTED = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { { %s } }"
LIMITS = (735, 2000, 5000, 10000, 27195)


def best(ask, runs: int) -> float:
    """The fastest of ``runs`` timed calls after one untimed."""
    ask()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        ask()
        times.append(time.perf_counter() - start)
    return min(times)


def rows_touched(store, runs: int) -> list[str]:
    """Microseconds per row of one pattern as its LIMIT grows, on one store."""
    lines = ["| rows (LIMIT) | engine COUNT µs/row | engine solutions µs/row | run() rows µs/row |", "|---|---|---|---|"]
    for limit in LIMITS:
        query = CLAIMS % limit
        counted = COUNTED % query.split("\n", 1)[1]
        cells = [best(lambda: store.query(counted), runs),
                 best(lambda: sum(1 for _ in store._inner.query(query, use_default_graph_as_union=True)), runs),
                 best(lambda: store.query(query), runs)]
        lines.append(f"| {limit:,} | " + " | ".join(f"{1e6 * s / limit:.2f}" for s in cells) + " |")
    return lines


def padded(store, quads: int) -> None:
    """Add unrelated quads (20 per subject, one graph of their own) until ``store`` holds ``quads``."""
    import pyoxigraph as ox

    graph = ox.NamedNode("urn:x-padding:graph")
    preds = [ox.NamedNode(f"urn:x-padding:p{i}") for i in range(20)]
    more = quads - len(store)
    store._inner.bulk_extend(ox.Quad(ox.NamedNode(f"urn:x-padding:s{i // 20}"), preds[i % 20],
                                     ox.Literal(f"padding {i}"), graph) for i in range(more))


def store_size(small, large_quads: int, only: list[str] | None, runs: int) -> list[str]:
    """Each question's time on the small store, then on it padded to ``large_quads``."""
    from conflictkg.resources import default_resources
    from conflictkg.sparql.queries import example_params, load_library, run

    library = {k: q for k, q in sorted(load_library(default_resources().queries_dir).items()) if not only or k in only}
    before = {k: best(lambda: run(small, q, example_params(q)), runs) for k, q in library.items()}
    rows = {k: len(run(small, q, example_params(q)).rows) for k, q in library.items()}
    quads = len(small)
    padded(small, large_quads)
    lines = [f"| question | rows | ms at {quads:,} quads | ms at {len(small):,} (padded) | ratio |", "|---|---|---|---|---|"]
    for k, q in library.items():
        after = best(lambda: run(small, q, example_params(q)), runs)
        assert len(run(small, q, example_params(q)).rows) == rows[k], k
        lines.append(f"| `{k}` | {rows[k]:,} | {1000 * before[k]:.1f} | {1000 * after:.1f} | {after / before[k]:.2f} |")
    return lines


def main() -> None:
    from conflictkg.store.directory import open_store

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="+", metavar="ID", help="the questions of the store-size table")
    args = parser.parse_args()
    large = open_store(scale.scaled_store(37)).in_memory_copy()
    print("\n".join(rows_touched(large, args.runs)), "\n")
    large_quads = len(large)
    del large
    small = open_store(scale.scaled_store(1)).in_memory_copy()
    print("\n".join(store_size(small, large_quads, args.only, args.runs)))


if __name__ == "__main__":
    main()
