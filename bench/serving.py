"""Servers and data for the serving benchmarks (``load.py``, ``settle.py``): real subprocesses on
127.0.0.1, each in its own process group, stopped when the ``with`` block ends; bench stores built
through the project's own pipeline; the reference copy for the raw Oxigraph server.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

READY_TIMEOUT_S = 60.0
ACCEPT = "application/sparql-results+json"


# --------------------------------------------------------------------------------------------
# servers
# --------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def venv_tool(name: str) -> str:
    """``name`` next to this interpreter (the venv's console script), else from PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.is_file() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install {'oxigraph' if name == 'oxigraph' else '-e .'}")
    return found


def conflictkg_cmd(store_dir: Path, port: int, timeout: float, max_rows: int, mode: str = "auto") -> list[str]:
    """``conflictkg serve``; ``mode`` "memory" or "disk" forces where its workers query the store."""
    flag = {"auto": [], "memory": ["--in-memory"], "disk": ["--on-disk"]}[mode]
    return [venv_tool("conflictkg"), "--store", str(store_dir), "serve", "--host", "127.0.0.1",
            "--port", str(port), "--timeout", str(timeout), "--max-rows", str(max_rows), *flag]


def oxigraph_cmd(location: Path, port: int, timeout: float) -> list[str]:
    return [venv_tool("oxigraph"), "serve-read-only", "--location", str(location),
            "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", str(int(timeout))]


def wait_ready(url: str, proc: subprocess.Popen, log: Path) -> None:
    """Poll ``url`` with an ASK query until it answers 200 (or the server dies)."""
    import httpx

    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, headers={"Accept": ACCEPT}).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} not ready after {READY_TIMEOUT_S:.0f} s: {log.read_text()[-2000:]}")


@contextmanager
def server(cmd: list[str], url: str, log: Path) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` (its own process group) until the block ends; stop it and its children then."""
    with log.open("w") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_ready(url, proc, log)
        yield proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue


# --------------------------------------------------------------------------------------------
# data: stores built through the project's pipeline, and the reference copy
# --------------------------------------------------------------------------------------------

def shipped_store() -> Path:
    """A store of the shipped graph, built by conflictkg's own build (parse, derive ``ckg:index``,
    SHACL and check queries; no HermiT). Data that does not conform (work in progress) is still
    staged and written by the same pipeline, without validation, and a warning is printed."""
    from conflictkg.build import build_store, sources, stage
    from conflictkg.errors import DataNotConformant
    from conflictkg.resources import default_resources
    from conflictkg.store import directory as storedir

    store_dir = OUT / "serve-shipped"
    shutil.rmtree(store_dir, ignore_errors=True)
    try:
        build_store(store_dir, default_resources(), reason=False)
    except DataNotConformant as exc:
        print(f"[serving] shipped data does not conform ({exc}); store written without validation", file=sys.stderr)
        staged = stage(sources(default_resources()))
        storedir.publish(store_dir, storedir.write_generation(store_dir, staged.quads))
    return store_dir


def synthetic_store(size: int) -> Path:
    """The synthetic store of ``size`` quads that ``run.py --only queries`` uses (cached)."""
    import run

    run.ensure_store(size)
    return OUT / f"store-{size}"


def reference_copy(store_dir: Path, name: str) -> tuple[Path, int]:
    """The same data for the raw server: ``conflictkg export --format nquads`` → ``oxigraph load``."""
    dump = OUT / f"ref-{name}.nq"
    location = OUT / f"ref-{name}"
    subprocess.run([venv_tool("conflictkg"), "--store", str(store_dir), "export", "--format", "nquads",
                    "-o", str(dump)], check=True)
    shutil.rmtree(location, ignore_errors=True)
    subprocess.run([venv_tool("oxigraph"), "load", "--location", str(location), "--file", str(dump)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with dump.open("rb") as f:
        quads = sum(1 for line in f if line.strip())
    return location, quads


def save_report(kind: str, results: dict, report: str) -> None:
    """Write ``bench/out/{kind}-STAMP.json`` and ``.md`` and ``latest-{kind}.json``; print the report."""
    import json
    import time

    stamp = time.strftime("%Y%m%dT%H%M%S")
    text = json.dumps(results, indent=2, default=str)
    (OUT / f"{kind}-{stamp}.json").write_text(text)
    (OUT / f"latest-{kind}.json").write_text(text)
    (OUT / f"{kind}-{stamp}.md").write_text(report)
    print(report)
