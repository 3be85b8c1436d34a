"""SPARQL servers of other engines for the tests, on free loopback ports in temporary directories.

``oxigraph_server`` runs Oxigraph's own server (the ``oxigraph`` package of the ``test`` extra): its
query endpoint is ``/query``, its Graph Store Protocol endpoint ``/store``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_LIMIT_S = 60.0


@dataclass(frozen=True)
class Server:
    """A running SPARQL server: its query endpoint and its Graph Store Protocol URL."""

    query: str
    graph_store: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str:
    """The ``oxigraph`` command beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    assert found, "the oxigraph server is missing: pip install -e '.[test]'"
    return found


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_LIMIT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server exited with {process.returncode}"
        try:
            with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise AssertionError(f"the server at {url} did not start within {START_LIMIT_S:g} s")


@contextmanager
def oxigraph_server(location: Path, *, union: bool) -> Iterator[Server]:
    """``oxigraph serve`` over ``location`` (``--union-default-graph`` with ``union``) until the block ends."""
    port = free_port()
    argv = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(argv + (["--union-default-graph"] if union else []),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/query", process)
        yield Server(f"{base}/query", f"{base}/store")
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
