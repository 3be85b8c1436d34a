"""Fixtures of the server tests: the shipped data built once, and the servers loaded with it by
``conflictkg publish``: Oxigraph's (one that unites the named graphs itself, one that does not) and
Virtuoso's (Debian's ``virtuoso-opensource-7``, a new database in a temporary directory).
``uniting`` is each engine whose default graph is the union, for the tests that apply to both."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictkg.store.directory import open_store
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.store.publish import publish
from tests.conftest import run_cli
from tests.sparql_servers import Server, oxigraph_server, virtuoso_server

#: the engines whose default graph is the union of the named graphs, as ``uniting`` gives them
ENGINES = ("oxigraph", "virtuoso")


@pytest.fixture(scope="session")
def shipped_dir(shipped_store_dir: Path) -> Path:
    """The shipped data in a store directory (only read)."""
    return shipped_store_dir


@pytest.fixture(scope="session")
def embedded(shipped_dir: Path) -> Iterator[OxigraphStore]:
    store = open_store(shipped_dir)
    yield store
    store.close()


def _published(tmp_path_factory: pytest.TempPathFactory, embedded: OxigraphStore, union: bool) -> Iterator[Server]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), union=union) as server:
        publish(embedded.quads(), server.graph_store)
        yield server


@pytest.fixture(scope="session")
def oxigraph_union(tmp_path_factory: pytest.TempPathFactory, embedded: OxigraphStore) -> Iterator[Server]:
    """Oxigraph's server with ``--union-default-graph``, holding the shipped data."""
    yield from _published(tmp_path_factory, embedded, union=True)


@pytest.fixture(scope="session")
def oxigraph_plain(tmp_path_factory: pytest.TempPathFactory, embedded: OxigraphStore) -> Iterator[Server]:
    """Oxigraph's server as it starts by default (an empty default graph), holding the shipped data."""
    yield from _published(tmp_path_factory, embedded, union=False)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory, shipped_dir: Path) -> Iterator[Server]:
    """Virtuoso over a new database, holding the shipped data (``conflictkg publish --to``, as a user
    would after the GRANT); its start and the publish are timed in the test output (``-s``)."""
    started = time.monotonic()
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso") / "db") as server:
        up = time.monotonic() - started
        loaded = run_cli("publish", "--to", server.graph_store, store=shipped_dir)
        assert loaded.returncode == 0, loaded.stderr
        print(f"\nVirtuoso: started in {up:.1f} s, published in {time.monotonic() - started - up:.1f} s")
        yield server


@pytest.fixture(scope="session", params=ENGINES)
def uniting(request: pytest.FixtureRequest) -> tuple[str, Server]:
    """Each engine (its name and server) whose default graph is the union of the named graphs."""
    name = request.param
    return name, request.getfixturevalue("oxigraph_union" if name == "oxigraph" else name)
