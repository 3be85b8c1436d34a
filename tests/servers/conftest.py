"""Fixtures of the server tests: the shipped data built once, and Oxigraph's server loaded with it by
``conflictkg publish`` (one server that unites the named graphs itself, one that does not)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictkg.store.directory import open_store
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.store.publish import publish
from tests.sparql_servers import Server, oxigraph_server


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
