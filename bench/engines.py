"""The library's questions on each engine: the embedded store and SPARQL servers as the store.

    python bench/engines.py                       # shipped size: embedded, Oxigraph server (both modes)
    python bench/engines.py --scale 40            # ~1M quads (bench/scale.py's product-shaped copies)
    python bench/engines.py --server virtuoso=http://127.0.0.1:8890/sparql   # a server loaded already

Per engine, every question of the library (``queries/*.rq``, example parameters) runs ``--repeat``
times through the Store protocol (``conflictkg.store``); the table gives the median seconds per
question and the sum, and rows where an engine's answer differs from the embedded store's (as a
sorted multiset) or failed. Oxigraph's server (``oxigraph serve``, the ``test`` extra) is started on
a free 127.0.0.1 port over a temporary directory and loaded with ``conflictkg publish``; ``server``
mode has ``--union-default-graph``, ``dataset`` mode names the graphs in every request (only at
scale 1: the request grows with the graphs). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import serving

Row = dict[str, object]


def answers(result: object) -> object:
    """A result as a comparable sorted multiset (blank nodes anonymous)."""
    import pyoxigraph as ox

    if result.kind == "ask":  # type: ignore[attr-defined]
        return result.boolean  # type: ignore[attr-defined]
    rows = result.rows if result.kind == "select" else [tuple(t) for t in result.triples]  # type: ignore[attr-defined]
    return sorted(repr(tuple("_:" if isinstance(t, ox.BlankNode) else t and str(t) for t in row)) for row in rows)


def time_questions(store: object, repeat: int) -> dict[str, tuple[float, object]]:
    """Median seconds and answer of every library question on ``store`` (an error's text as the answer)."""
    from conflictkg.resources import default_resources
    from conflictkg.sparql.queries import example_params, load_library, run

    out: dict[str, tuple[float, object]] = {}
    for qid, query in load_library(default_resources().queries_dir).items():
        times, answer = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            try:
                answer = answers(run(store, query, example_params(query)))  # type: ignore[arg-type]
            except Exception as exc:  # noqa: BLE001 - a failed question is a row of the table
                answer = f"error: {exc}".splitlines()[0]
            times.append(time.perf_counter() - start)
        out[qid] = (statistics.median(times), answer)
    return out


def table(engines: dict[str, dict[str, tuple[float, object]]]) -> str:
    """The per-question table (ms), a total row and the questions an engine answers differently."""
    names = list(engines)
    reference = engines[names[0]]
    lines = ["| question | " + " | ".join(f"{n} ms" for n in names) + " |",
             "|---|" + "---:|" * len(names)]
    for qid in reference:
        cells = []
        for name in names:
            seconds, answer = engines[name].get(qid, (float("nan"), None))
            mark = "" if answer == reference[qid][1] else " ≠"
            cells.append(f"{seconds * 1000:.0f}{mark}")
        lines.append(f"| {qid} | " + " | ".join(cells) + " |")
    totals = [sum(s for s, _ in engines[n].values()) for n in names]
    lines.append("| **all** | " + " | ".join(f"**{t * 1000:.0f}**" for t in totals) + " |")
    differ = {n: sum(engines[n].get(q, (0, None))[1] != reference[q][1] for q in reference) for n in names[1:]}
    lines.append("")
    lines.append("≠: answer differs from " + names[0] + "'s. " +
                 "; ".join(f"{n}: {d} of {len(reference)} differ" for n, d in differ.items()))
    return "\n".join(lines)


def _oxigraph(quads: list, union: bool, work: Path, run: Callable[[object], None]) -> None:
    from conflictkg.store.publish import publish
    from conflictkg.store.remote import RemoteStore

    port = serving.free_port()
    cmd = [serving.venv_tool("oxigraph"), "serve", "--location", str(work / f"ox-{union}"),
           "--bind", f"127.0.0.1:{port}"] + (["--union-default-graph"] if union else [])
    url = f"http://127.0.0.1:{port}"
    with serving.server(cmd, f"{url}/query", work / f"ox-{union}.log"):
        done = publish(quads, f"{url}/store")
        print(f"[engines] published {done.quads:,} quads in {done.seconds:.1f}s to oxigraph "
              f"({'server' if union else 'dataset'} mode)", file=sys.stderr)
        run(RemoteStore(f"{url}/query", timeout_s=600, union="server" if union else "dataset"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="1: the shipped data; N: bench/scale.py's N× store")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--server", action="append", default=[], metavar="NAME=URL",
                        help="also a server already loaded with the same data (its query endpoint)")
    args = parser.parse_args(argv)
    from conflictkg.store.directory import open_store
    from conflictkg.store.remote import RemoteStore

    if args.scale == 1:
        store_dir = serving.shipped_store()
    else:
        import scale

        store_dir = scale.scaled_store(args.scale)
    embedded = open_store(store_dir)
    quads = list(embedded.quads())
    engines = {"embedded": time_questions(embedded, args.repeat)}
    with tempfile.TemporaryDirectory(prefix="ckg-engines-") as tmp:
        def record(name: str) -> Callable[[object], None]:
            return lambda store: engines.__setitem__(name, time_questions(store, args.repeat))
        _oxigraph(quads, True, Path(tmp), record("oxigraph-server"))
        if args.scale == 1:
            _oxigraph(quads, False, Path(tmp), record("oxigraph-dataset"))
    for spec in args.server:
        name, _, url = spec.partition("=")
        engines[name] = time_questions(RemoteStore(url, timeout_s=600), args.repeat)
    print(f"{len(quads):,} quads (scale {args.scale}), median of {args.repeat}\n")
    print(table(engines))


if __name__ == "__main__":
    main()
