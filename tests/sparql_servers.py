"""SPARQL servers of other engines for the tests, on free loopback ports in temporary directories.

``oxigraph_server`` runs Oxigraph's own server (the ``oxigraph`` package of the ``test`` extra): its
query endpoint is ``/query``, its Graph Store Protocol endpoint ``/store``.

``virtuoso_server`` runs Debian's Virtuoso 7.2 (``virtuoso-opensource-7``; ``.ci/run`` installs it)
from a new database in a temporary directory, with its own ``virtuoso.ini``: both its ports (SQL
and HTTP) on 127.0.0.1 only, free ones. Its query endpoint is ``/sparql``, its Graph Store Protocol
endpoint ``/sparql-graph-crud``, writable once ``GRANT SPARQL_UPDATE TO "SPARQL"`` is run (isql-vt).
"""

from __future__ import annotations

import os
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


VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
#: Virtuoso's own settings: a new database in the directory, loopback ports, answers large enough for
#: every quad (``RemoteStore.quads`` is one SELECT), no time limit below the tests' own.
VIRTUOSO_INI = """[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
Striping = 0
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = .
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
ServerThreads = 4
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""


def virtuoso_binaries() -> tuple[str, str]:
    """``virtuoso-t`` and ``isql-vt`` on PATH, or a failure that says how to get them (never a skip)."""
    found = shutil.which(VIRTUOSO), shutil.which(ISQL)
    assert all(found), (f"{VIRTUOSO} or {ISQL} is missing: apt-get install virtuoso-opensource-7 "
                        "(.ci/run does); the Virtuoso tests must run")
    return found  # type: ignore[return-value]


@contextmanager
def virtuoso_server(location: Path, *, ini: str = VIRTUOSO_INI) -> Iterator[Server]:
    """Virtuoso over a new database in ``location`` (its SPARQL endpoint writable through the Graph
    Store Protocol) until the block ends; ``ini`` its settings, with ``{sql_port}`` and ``{http_port}``
    to fill (``bench/engines.py`` gives it more buffers)."""
    virtuoso, isql = virtuoso_binaries()
    sql_port, http_port = free_port(), free_port()
    location.mkdir(parents=True, exist_ok=True)
    (location / "virtuoso.ini").write_text(ini.format(sql_port=sql_port, http_port=http_port))
    log = (location / "stdout.log").open("wb")
    process = subprocess.Popen([virtuoso, "+foreground", "+configfile", "virtuoso.ini"], cwd=location,
                               stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, HOME=str(location)))
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_up(f"{base}/sparql", process)
        grant = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                                'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], capture_output=True, text=True,
                               timeout=60, check=False)
        assert grant.returncode == 0 and "Error" not in grant.stdout, f"the GRANT failed: {grant.stdout}{grant.stderr}"
        yield Server(f"{base}/sparql", f"{base}/sparql-graph-crud")
    finally:
        _stop(process)
        log.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
