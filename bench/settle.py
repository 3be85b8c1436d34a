"""Time for a network view of the shipped graph to load and settle in headless Chromium.

Readiness contract of the network pages (``conflictkg viz VIEW -o FILE.html`` and the served
``/network/{view}``): after vis-network's first ``afterDrawing`` the page sets
``window.ckgNetwork = {network, nodes, edges, ready: true, readyMs: performance.now()}``.
Measured per run, each in a fresh browser context (cold cache): ``readyMs`` (from navigation
start, the page's own clock) and the wall time from ``page.goto`` to ready as Playwright sees it.
Target: under 2 s.

    pip install playwright                  # the Python package only; never `playwright install`
    apt-get install -y chromium             # Debian's Chromium at /usr/bin/chromium
    python bench/settle.py                  # views whole and allegations, file and served page, 5 runs
    python bench/settle.py --fixture        # the hand-made contract page in bench/fixtures/ only

Prints a Markdown table and writes ``bench/out/settle-<stamp>.{json,md}`` and
``bench/out/latest-settle.json``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import serving
from serving import OUT, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
FIXTURE = ROOT / "bench" / "fixtures" / "settle-contract.html"
TARGET_S = 2.0
READY_JS = "() => window.ckgNetwork !== undefined && window.ckgNetwork.ready === true"
INFO_JS = """() => {
  const g = window.ckgNetwork;
  const size = x => x == null ? null : typeof x.length === "number" ? x.length : x.getIds ? x.getIds().length : null;
  return {readyMs: g.readyMs, nodes: size(g.nodes), edges: size(g.edges)};
}"""


# --------------------------------------------------------------------------------------------
# statistics (pure; tested in tests/bench/test_bench_load.py)
# --------------------------------------------------------------------------------------------

def summarize_runs(runs: list[dict]) -> dict:
    """Medians over the runs that reached ready; failures counted; target judged on the slower
    of the two medians (page clock and wall clock). The first run is also given alone: for a served
    page it includes whatever the server computes on a view's first request."""
    done = [r for r in runs if r.get("error") is None]
    if not done:
        return {"runs": len(runs), "ready": 0, "errors": sorted({r["error"] for r in runs})}
    ready_s = statistics.median(r["ready_ms"] / 1e3 for r in done)
    wall_s = statistics.median(r["wall_s"] for r in done)
    return {"runs": len(runs), "ready": len(done), "errors": sorted({r["error"] for r in runs if r.get("error")}),
            "ready_ms_median_s": ready_s, "wall_median_s": wall_s,
            "wall_min_s": min(r["wall_s"] for r in done), "wall_max_s": max(r["wall_s"] for r in done),
            "first_wall_s": runs[0].get("wall_s"),
            "nodes": done[-1]["nodes"], "edges": done[-1]["edges"], "meets_target": max(ready_s, wall_s) < TARGET_S}


def outside(url: str) -> bool:
    """True for a request leaving the machine (anything but file:, data:, blob: and loopback)."""
    parts = urlsplit(url)
    return parts.scheme not in ("file", "data", "blob", "about") and parts.hostname not in ("127.0.0.1", "localhost")


# --------------------------------------------------------------------------------------------
# the browser
# --------------------------------------------------------------------------------------------

def launch(playwright):  # a playwright.sync_api.Playwright
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"{CHROMIUM} not found: apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def measure_once(browser, url: str, timeout_s: float) -> dict:
    """One cold load of ``url`` in a fresh context, up to ``ckgNetwork.ready``."""
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("request", lambda req: problems.append(f"outside request: {req.url}") if outside(req.url) else None)
    try:
        t0 = time.perf_counter()
        response = page.goto(url, wait_until="commit", timeout=timeout_s * 1e3)
        if response is not None and not response.ok:
            return {"error": f"HTTP {response.status}", "problems": problems}
        page.wait_for_function(READY_JS, timeout=timeout_s * 1e3, polling="raf")
        wall = time.perf_counter() - t0
        info = page.evaluate(INFO_JS)
        return {"error": None, "wall_s": wall, "ready_ms": info["readyMs"], "nodes": info["nodes"],
                "edges": info["edges"], "problems": problems}
    except PlaywrightError as exc:
        return {"error": f"not ready: {str(exc).splitlines()[0][:160]}", "problems": problems}
    finally:
        context.close()


def measure(browser, url: str, runs: int, timeout_s: float) -> dict:
    """``runs`` cold loads; stops early when a load fails with page errors (a broken page stays broken)."""
    results: list[dict] = []
    for _ in range(runs):
        results.append(measure_once(browser, url, timeout_s))
        if results[-1].get("error") and results[-1].get("problems"):
            break
    return {"url": url, "samples": results, **summarize_runs(results),
            "problems": sorted({p for r in results for p in r.get("problems", [])})}


# --------------------------------------------------------------------------------------------
# the pages
# --------------------------------------------------------------------------------------------

def viz_available() -> bool:
    cmd = [serving.venv_tool("conflictkg"), "viz", "--help"]
    return subprocess.run(cmd, capture_output=True).returncode == 0


def viz_file(store_dir: Path, view: str) -> Path:
    """``conflictkg viz VIEW -o FILE.html`` over ``store_dir``."""
    path = OUT / f"viz-{view}.html"
    subprocess.run([serving.venv_tool("conflictkg"), "--store", str(store_dir), "viz", view, "-o", str(path)],
                   check=True, stdout=subprocess.DEVNULL)
    return path


def measure_files(browser, store_dir: Path, args: argparse.Namespace) -> list[dict]:
    out = []
    for view in args.views:
        path = viz_file(store_dir, view)
        row = measure(browser, path.as_uri(), args.runs, args.timeout)
        out.append({"view": view, "source": "file (`conflictkg viz`)", "bytes": path.stat().st_size, **row})
        print(f"[settle] {view} file: {row.get('wall_median_s')}", file=sys.stderr)
    return out


def measure_served(browser, store_dir: Path, args: argparse.Namespace) -> list[dict]:
    port = serving.free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = serving.conflictkg_cmd(store_dir, port, 30.0, 10_000)
    out = []
    with serving.server(cmd, f"{base}/sparql", OUT / "settle-serve.log"):
        for view in args.views:
            row = measure(browser, f"{base}/network/{view}", args.runs, args.timeout)
            out.append({"view": view, "source": "served (`/network/{view}`)", **row})
            print(f"[settle] {view} served: {row.get('wall_median_s')}", file=sys.stderr)
    return out


def measure_fixture(browser, args: argparse.Namespace) -> list[dict]:
    row = measure(browser, FIXTURE.as_uri(), args.runs, args.timeout)
    return [{"view": "fixture", "source": f"file ({FIXTURE.relative_to(ROOT)})", **row}]


# --------------------------------------------------------------------------------------------
# report and main
# --------------------------------------------------------------------------------------------

def fmt(s: float | None) -> str:
    return "–" if s is None else f"{s * 1e3:.0f} ms"


def markdown(res: dict) -> str:
    m = res["meta"]
    lines = [f"# Network view settle time — {m['date']}\n",
             f"`{m['command']}` · {m['browser']} (headless) · Playwright {m['playwright']} · {m['cpus']} CPUs, "
             f"load average {m['loadavg']} at start · {m['runs']} runs each, fresh context per run (cold cache)\n",
             "| view | page | nodes | edges | readyMs (median) | goto → ready (median) | min–max | first run "
             "| < 2 s | runs ok |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|---:|"]
    for r in res["rows"]:
        if not r["ready"]:
            errors = "; ".join(r["errors"])
            lines.append(f"| {r['view']} | {r['source']} | | | {errors} | | | | **no** | 0/{r['runs']} |")
            continue
        lines.append(f"| {r['view']} | {r['source']} | {r['nodes']} | {r['edges']} | {fmt(r['ready_ms_median_s'])} | "
                     f"{fmt(r['wall_median_s'])} | {fmt(r['wall_min_s'])}–{fmt(r['wall_max_s'])} | "
                     f"{fmt(r['first_wall_s'])} | "
                     f"{'yes' if r['meets_target'] else '**no**'} | {r['ready']}/{r['runs']} |")
    problems = sorted({p for r in res["rows"] for p in r["problems"]})
    lines.append("\n" + ("Page errors / requests leaving the machine: none." if not problems else
                         "Problems seen: " + "; ".join(problems[:10])))
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="network view settle time in headless Chromium (bench/README.md)")
    ap.add_argument("--views", default="whole,allegations", help="views, comma-separated (default whole,allegations)")
    ap.add_argument("--runs", type=int, default=5, help="cold loads per page (default 5; medians)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for ready per load")
    ap.add_argument("--fixture", action="store_true", help="only the hand-made contract page (no viz needed)")
    ap.add_argument("--no-serve", action="store_true", help="skip the served /network/{view} pages")
    args = ap.parse_args(argv)
    args.views = args.views.split(",")
    return args


def collect(browser, args: argparse.Namespace) -> list[dict]:
    if args.fixture:
        return measure_fixture(browser, args)
    if not viz_available():
        raise SystemExit("`conflictkg viz` is not available in this checkout; try --fixture")
    store_dir = serving.shipped_store()
    rows = measure_files(browser, store_dir, args)
    return rows if args.no_serve else rows + measure_served(browser, store_dir, args)


def main(argv: list[str] | None = None) -> None:
    from importlib.metadata import version

    from playwright.sync_api import sync_playwright

    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    meta = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "command": "python bench/settle.py " + " ".join(argv),
            "python": platform.python_version(), "playwright": version("playwright"), "cpus": os.cpu_count(),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()), "runs": args.runs, "target_s": TARGET_S}
    with sync_playwright() as p:
        browser = launch(p)
        meta["browser"] = f"Chromium {browser.version}"
        try:
            res = {"meta": meta, "rows": collect(browser, args)}
        finally:
            browser.close()
    serving.save_report("settle", res, markdown(res))


if __name__ == "__main__":
    main()
