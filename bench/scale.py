"""g. `conflictkg serve` at 1x, 10x and 100x the shipped data: start-up, shutdown, page times and sizes.

    python bench/scale.py --scales 1 10            # the table, for the installed conflictkg
    python bench/scale.py --scales 1 --src DIR     # the same for another checkout's src/ (e.g. main)
    python bench/scale.py --scales 1 10 --startup  # start-up, memory and shutdown only (no pages)
    python bench/scale.py --scales 10 --on-disk    # serve --on-disk: the pages on the store on disk (as at 100x)
    python bench/scale.py --scales 37 --chromium   # and the network views' ready time in headless Chromium

Each store is product-shaped: the shipped graph built by the project's own pipeline
(``serving.shipped_store``), plus ``scale - 1`` copies of its incidents, claims, sources, events
and casualty reports under new IRIs (``…/resource/incident-x3-…``, claim graphs likewise); agents,
places, the agreement and the vocabularies are shared, as they would be in a larger record.
Stores are cached in ``bench/out/scale-<N>``.

Per scale, one ``conflictkg serve`` on a free 127.0.0.1 port: seconds from start until ``/sparql``
answers an ASK and until ``/`` answers 200, and the resident memory (RSS) of the server and its query
workers then; the first ``/downloads`` (its time and status) and when it is ready; then the seconds
from start until the server has settled (``settled_s``: its processes idle, i.e. the background
warm-up of the site, the pages' answers, the network views and the workers' copies is over) and its
RSS then. Only then the pages, so their times are theirs alone: first and repeat time (whole response
on loopback, i.e. the server's time plus a fraction of a millisecond) and bytes of ``/``, an incident
page, the whole network view, the clause, actor and place pages with the most claims, a search, the
incidents list, and three network views (the allegations view, warmed at start; an incident's and
clause 6's, whose first request builds them). Then the seconds from SIGTERM to exit (with
``--startup``: SIGTERM as soon as ``/`` answers, i.e. during the warm-up). ``--page-limit N``: a page
slower than N seconds is shown as ``>N`` and not asked again; ``--stop-during PAGE``: SIGTERM 2 s after a
request for PAGE (one in progress when the server is told to stop); each page's first time is printed to
stderr as it is measured. ``--chromium``: then the four views opened twice in headless Chromium
(``chromium.py``: seconds until the view is drawn and says it is ready). Server log:
``bench/out/scale-<N>[-<checkout>]-serve.log``. Nothing here is asserted: it is measured and printed
as two tables (the server's figures, then the pages one line each).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import chromium
import httpx
import serving

OUT = serving.OUT
COPIED = re.compile(r"^(https://w3id\.org/conflictkg/(?:resource|graph)/)(incident|claim|source|event|casualty)-")
INCIDENT = "incident-2022-03-24-parukh-farrukh"
PAGES = {"home": "/", "incident": f"/resource/{INCIDENT}", "network": "/network/whole",
         "clause": "/resource/agreement-tri2020-p6", "actor": "/resource/agent-azerbaijan",
         "place": "/resource/place-armenia-azerbaijan-border", "search": "/search?q=a", "incidents": "/incidents",
         "allegations": "/network/allegations", "incidentview": f"/network/incident?incident=ckr:{INCIDENT}",
         "clauseview": "/network/clause?clause=6"}
START_LIMIT_S = 900.0
STOP_LIMIT_S = 60.0
#: The server has settled (its background warm-up is over) when its processes used at most this share of
#: one CPU over SETTLE_WINDOW_S seconds.
SETTLE_SHARE = 0.05
SETTLE_WINDOW_S = 3.0
#: ``--stop-during PAGE``: seconds between the request for PAGE and SIGTERM.
STOP_DURING_DELAY_S = 2.0
#: The network views ``--chromium`` opens in a browser (names of :data:`PAGES`).
VIEWS = ("network", "allegations", "incidentview", "clauseview")


def scaled_store(scale: int) -> Path:
    """The shipped store plus ``scale - 1`` renamed copies of its incident records (cached)."""
    import pyoxigraph as ox

    from conflictkg.store import directory as storedir

    store_dir = OUT / f"scale-{scale}"
    if storedir.store_exists(store_dir):
        return store_dir
    shipped = serving.shipped_store()
    quads = list(ox.Store.read_only(str(storedir.current_path(shipped).resolve())))
    storedir.claim(store_dir)
    storedir.publish(store_dir, storedir.write_generation(store_dir, scaled(quads, scale)))
    return store_dir


def _renamed(term: object, k: int) -> object:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode) and COPIED.match(term.value):
        return ox.NamedNode(COPIED.sub(rf"\g<1>\g<2>-x{k}-", term.value))
    return term


def scaled(quads: list, scale: int) -> Iterator:
    """``quads``, then ``scale - 1`` copies of those that mention an incident record (renamed ``-xK-``)."""
    import pyoxigraph as ox

    yield from quads
    copied = [q for q in quads if any(isinstance(t, ox.NamedNode) and COPIED.match(t.value)
                                      for t in (q.subject, q.object, q.graph_name))]
    for k in range(1, scale):
        for q in copied:
            yield ox.Quad(_renamed(q.subject, k), q.predicate, _renamed(q.object, k), _renamed(q.graph_name, k))


def _serve_cmd(store_dir: Path, port: int, on_disk: bool = False) -> list[str]:
    return [sys.executable, "-m", "conflictkg", "--store", str(store_dir), "serve", "--host", "127.0.0.1",
            "--port", str(port), *(["--on-disk"] if on_disk else [])]


def _until(url: str, proc: subprocess.Popen, start: float, **params: str) -> float:
    """Seconds from ``start`` until ``url`` answers 200 (polling every 0.1 s)."""
    while time.monotonic() - start < START_LIMIT_S:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited {proc.returncode} before {url} answered")
        try:
            if httpx.get(url, params=params, timeout=START_LIMIT_S).status_code == 200:
                return time.monotonic() - start
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {START_LIMIT_S:.0f} s")


def _fetch(url: str, limit: float = START_LIMIT_S) -> tuple[float, int]:
    """Seconds until ``url``'s whole answer, and its bytes; ``(inf, 0)`` when it took over ``limit`` s."""
    start = time.monotonic()
    try:
        response = httpx.get(url, timeout=limit)
    except httpx.TimeoutException:
        return math.inf, 0
    response.raise_for_status()
    return time.monotonic() - start, len(response.content)


def _ask(url: str) -> None:
    """Ask for ``url`` and drop the answer, or the error of a server that stopped meanwhile."""
    try:
        httpx.get(url, timeout=STOP_LIMIT_S)
    except httpx.HTTPError:
        pass


def _tree(pid: int) -> list[int]:
    """``pid`` and its children (the query workers)."""
    return [pid, *(int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its children, from /proc."""
    ticks = 0
    for one in _tree(pid):
        fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    return ticks / os.sysconf("SC_CLK_TCK")


def settled(pid: int, start: float, share: float = SETTLE_SHARE, window: float = SETTLE_WINDOW_S,
            limit: float = START_LIMIT_S) -> float | None:
    """Seconds from ``start`` until the server is idle: its processes used at most ``share`` of a CPU over
    ``window`` seconds, i.e. its background work (the site, the pages' answers, the warm network views, the
    downloads, the workers' in-memory copies) is done and page timings measure the pages alone. None: still
    busy ``limit`` seconds after ``start`` (the pages are then measured during the warm-up, and so labelled)."""
    used = cpu_s(pid)
    while time.monotonic() - start < limit:
        time.sleep(window)
        now = cpu_s(pid)
        if now - used <= share * window:
            return time.monotonic() - start - window
        used = now
    return None


def rss_mb(pid: int) -> int:
    """Resident memory in MB of process ``pid`` and its children (the query workers), from /proc."""
    kb = 0
    for one in _tree(pid):
        status = Path(f"/proc/{one}/status").read_text()
        kb += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    return kb // 1024


def _first_downloads(base: str, start: float, limit: float = START_LIMIT_S) -> dict[str, float | int]:
    """The first ``/downloads`` request: its seconds and status (200 after building, or 503 at once
    while the downloads are prepared), then seconds from start until the list answers 200 (left out:
    not within ``limit`` seconds of start)."""
    asked = time.monotonic()
    status = httpx.get(base + "/downloads", timeout=START_LIMIT_S).status_code
    row: dict[str, float | int] = {"downloads_first_s": time.monotonic() - asked, "downloads_first_status": status}
    while httpx.get(base + "/downloads", timeout=START_LIMIT_S).status_code != 200:
        if time.monotonic() - start > limit:
            return row
        time.sleep(0.5)
    row["downloads_ready_s"] = time.monotonic() - start
    return row


def measure(scale: int, src: Path | None, pages: bool = True, names: list[str] | None = None,
            settle_limit: float = START_LIMIT_S, page_limit: float = START_LIMIT_S,
            stop_during: str | None = None, on_disk: bool = False, browser: bool = False) -> dict[str, float | int]:
    """Start-up, page times and bytes, and shutdown of one ``serve`` over the store of ``scale`` (with
    ``stop_during``, SIGTERM :data:`STOP_DURING_DELAY_S` after a request for that page was sent;
    ``on_disk``: ``serve --on-disk``, the pages and workers on the store on disk whatever its size; ``browser``:
    then the network views' ready time in Chromium, :mod:`chromium`)."""
    store_dir = scaled_store(scale)
    port = serving.free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, **({"PYTHONPATH": str(src)} if src else {}))
    log = OUT / f"scale-{scale}{'-' + src.parent.name if src else ''}-serve.log"
    with log.open("w") as sink:
        start = time.monotonic()
        proc = subprocess.Popen(_serve_cmd(store_dir, port, on_disk), stdout=sink, stderr=subprocess.STDOUT,
                                start_new_session=True, env=env)
    row: dict[str, float | int] = {"scale": scale, "page_limit_s": page_limit}
    try:
        row["sparql_s"] = _until(f"{base}/sparql", proc, start, query="ASK {}")
        row["home_ready_s"] = _until(f"{base}/", proc, start)
        row["rss_mb"] = rss_mb(proc.pid)
        if pages and (names is None or "downloads" in names):
            row.update(_first_downloads(base, start, settle_limit))
        if pages:  # pages measured alone, not while the background warm-up competes for the CPU
            quiet = settled(proc.pid, start, limit=settle_limit)
            row["settled_s" if quiet is not None else "busy_at_pages_s"] = quiet or time.monotonic() - start
            row["settled_rss_mb"] = rss_mb(proc.pid)
        if pages:
            row.update(_pages(base, scale, names, page_limit))
        if browser:
            row.update(chromium.ready_times(base, [(name, PAGES[name]) for name in VIEWS], page_limit))
        if stop_during is not None:  # a request in progress at SIGTERM: the server's grace is spent on it
            threading.Thread(target=_ask, args=(base + PAGES[stop_during],), daemon=True).start()
            time.sleep(STOP_DURING_DELAY_S)
        stopped = time.monotonic()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(STOP_LIMIT_S)
        row["stop_s"] = time.monotonic() - stopped
    finally:
        serving.stop(proc)
    row["quads"] = _quads(log)
    return row


def _pages(base: str, scale: int, names: list[str] | None, page_limit: float) -> dict[str, float | int]:
    """Each page's first and repeat seconds and bytes (a page past ``page_limit`` is not asked again)."""
    row: dict[str, float | int] = {}
    for name, path in PAGES.items():
        if names is not None and name not in names:
            continue
        row[f"{name}_first_s"], row[f"{name}_bytes"] = _fetch(base + path, page_limit)
        if row[f"{name}_bytes"]:  # not past the limit: asked again
            row[f"{name}_repeat_s"], _ = _fetch(base + path, page_limit)
        print(f"[scale {scale}] {name}: {row[f'{name}_first_s']:.2f} s", file=sys.stderr, flush=True)
    return row


def _quads(log: Path) -> int:
    found = re.search(r"Serving ([\d,]+) quads", log.read_text())
    return int(found.group(1).replace(",", "")) if found else 0


PAGE_COLUMNS = [f"{name}_{what}" for name in PAGES
                for what in ("first_s", "repeat_s", "bytes", "chromium_first_s", "chromium_repeat_s")]
COLUMNS = ["scale", "quads", "sparql_s", "home_ready_s", "rss_mb", "downloads_first_s", "downloads_first_status",
           "downloads_ready_s", "settled_s", "busy_at_pages_s", "settled_rss_mb", *PAGE_COLUMNS, "stop_s"]


def table(rows: list[dict[str, float | int]]) -> str:
    def cell(v: float | int) -> str:
        return f"{v:,}" if isinstance(v, int) else f"{v:.2f}"

    columns = [c for c in COLUMNS if any(c in r for r in rows)]  # --startup measures no pages
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r[c]) if c in r else "" for c in columns) + " |" for r in rows]  # blank: not measured
    return "\n".join(lines)


def chromium_table(rows: list[dict[str, float | int]]) -> str:
    """The network views' ready time in Chromium, one line each (``>N``: not ready within --page-limit)."""
    head = ["view", "path"] + [f"{r['scale']}x {w}" for r in rows for w in ("ready first s", "ready repeat s")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in VIEWS:
        cells = [name, f"`{PAGES[name]}`"]
        for r in rows:
            for when in ("first", "repeat"):
                v = r.get(f"{name}_chromium_{when}_s")
                cells.append("" if v is None else f">{r['page_limit_s']:.0f}" if v == math.inf else f"{v:.2f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def pages_table(rows: list[dict[str, float | int]]) -> str:
    """The pages, one line each: first and repeat seconds and kB at every scale measured (blank: not measured)."""
    head = ["page", "path"] + [f"{r['scale']}x {w}" for r in rows for w in ("first s", "repeat s", "kB")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, path in PAGES.items():
        cells = [name, f"`{path}`"]
        for r in rows:
            over = r.get(f"{name}_first_s") == math.inf  # past --page-limit: not repeated, no bytes
            cells += [f">{r['page_limit_s']:.0f}" if over else f"{r[f'{name}_first_s']:.2f}" if f"{name}_first_s" in r else "",
                      f"{r[f'{name}_repeat_s']:.2f}" if f"{name}_repeat_s" in r else "",
                      "" if over else f"{r[f'{name}_bytes'] / 1000:,.0f}" if f"{name}_bytes" in r else ""]
        if any(cells[2:]):
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--src", type=Path, help="run serve from this src/ directory (PYTHONPATH)")
    parser.add_argument("--startup", action="store_true", help="start-up, memory and shutdown only (no pages)")
    parser.add_argument("--settle-limit", type=float, default=START_LIMIT_S,
                        help="seconds to wait for the server to settle before measuring the pages anyway "
                             "(then busy_at_pages_s says since when: the pages were measured during the warm-up)")
    parser.add_argument("--page-limit", type=float, default=START_LIMIT_S,
                        help="seconds a page may take; one that takes longer is shown as over it (>N) and not repeated")
    parser.add_argument("--stop-during", choices=list(PAGES),
                        help="send SIGTERM 2 s after a request for this page (e.g. clauseview, laid out on its "
                             "first request): stop_s then includes the server's grace for a request in progress")
    parser.add_argument("--pages", nargs="+", choices=[*PAGES, "downloads"],
                        help="measure only these pages (default: all, and the first /downloads)")
    parser.add_argument("--chromium", action="store_true",
                        help="after the pages, the network views' ready time in headless Chromium (bench/chromium.py)")
    parser.add_argument("--on-disk", action="store_true",
                        help="serve --on-disk: the pages answer from the store on disk, as above the in-memory size")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for scale in args.scales:
        rows.append(measure(scale, args.src, pages=not args.startup, names=args.pages, settle_limit=args.settle_limit,
                            page_limit=args.page_limit, stop_during=args.stop_during, on_disk=args.on_disk,
                            browser=args.chromium))
        print(rows[-1], flush=True)  # each scale as soon as it is measured; the table at the end
    print(table([{c: v for c, v in r.items() if c not in PAGE_COLUMNS} for r in rows]))  # the pages: one line each
    print(pages_table(rows))
    if args.chromium:
        print(chromium_table(rows))


if __name__ == "__main__":
    main()
