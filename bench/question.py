"""Ask one question of the package of a store (a directory or a server's query endpoint), timed.

    python bench/question.py STORE checks/dangling-reference [--file ALTERNATIVE.rq] [--union dataset]

Prints the rows, the seconds the question took and the mode of the default graph; time the whole
process with ``/usr/bin/time -v``. ``--union dataset`` makes a server store name the graphs in the
protocol even when the server unites them (the slow mode of docs/servers.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conflictkg.sparql.queries import example_params, load_library, run  # noqa: E402
from conflictkg.store.directory import open_store  # noqa: E402
from conflictkg.store.remote import RemoteStore  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("question", help="folder/id under queries/, e.g. checks/dangling-reference")
    parser.add_argument("--file", type=Path, help="ask this text instead of the question's own")
    parser.add_argument("--union", default="auto", choices=("auto", "server", "dataset"))
    args = parser.parse_args(argv)
    folder, _, name = args.question.rpartition("/")
    query = load_library(ROOT / "queries" / folder)[name]
    if args.file:
        query = dataclasses.replace(query, text=args.file.read_text(encoding="utf-8"))
    remote = args.store.startswith(("http://", "https://"))
    store = RemoteStore(args.store, timeout_s=900, union=args.union) if remote else open_store(Path(args.store))
    started = time.monotonic()
    result = run(store, query, example_params(query))
    seconds = time.monotonic() - started
    rows = result.rows if result.kind == "select" else []
    print(f"{args.question}: {len(rows)} rows in {seconds:.1f} s"
          + (f" (default graph: {store.union_mode})" if remote else ""))


if __name__ == "__main__":
    main()
