"""The pages answer from the store on disk until their in-memory copy is made, then from the copy (#14):
a fresh server's home page does not wait for the copy. Counted and compared, not timed (the bounds are
hang guards; ``bench/scale.py`` measures how soon the home page answers)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conflictkg.resources import Resources
from conflictkg.settings import Settings
from conflictkg.store.directory import open_store
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.web import create_app
from conflictkg.web.pagestore import PagesStore

from tests.conftest import REPO
from tests.serving import serve_app

GUARD_S = 300
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture()
def disk(shipped_store_dir: Path) -> Iterator[OxigraphStore]:
    store = open_store(shipped_store_dir)
    try:
        yield store  # type: ignore[misc]
    finally:
        store.close()


def test_the_store_answers_from_disk_then_from_its_copy_the_same(disk: OxigraphStore) -> None:
    pages = PagesStore(disk, disk.in_memory_copy)
    before = pages.query(COUNT).rows
    assert pages.current is disk and not pages.in_memory
    copy = pages.copy()
    assert copy is not disk and pages.current is copy and pages.in_memory
    assert pages.query(COUNT).rows == before and int(before[0][0].value) > 0
    assert pages.graph_names() == disk.graph_names()
    assert pages.copy() is copy  # made once


def test_without_a_copy_it_stays_on_disk(disk: OxigraphStore) -> None:
    pages = PagesStore(disk)
    assert pages.copy() is disk and not pages.in_memory


def test_a_copy_that_cannot_be_made_leaves_the_pages_on_disk(disk: OxigraphStore,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    def no_room() -> OxigraphStore:
        raise MemoryError

    pages = PagesStore(disk, no_room)
    with caplog.at_level(logging.WARNING, logger="conflictkg.web"):
        assert pages.copy() is disk
    assert not pages.in_memory and "answer from disk" in caplog.text
    assert pages.query(COUNT).rows == disk.query(COUNT).rows


def test_the_home_page_answers_while_the_copy_is_being_made(shipped_store_dir: Path, disk: OxigraphStore,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The lifespan makes the home page's answers first, then the copy; the home page is the same from both."""
    release, started = threading.Event(), threading.Event()
    seen: dict[str, bool] = {}
    original = OxigraphStore.in_memory_copy

    def held_copy(self: OxigraphStore) -> OxigraphStore:
        seen["home made before the copy began"] = app.state.home.made
        started.set()
        release.wait(GUARD_S)
        return original(self)

    monkeypatch.setattr(OxigraphStore, "in_memory_copy", held_copy)
    app = create_app(disk, Settings(shipped_store_dir, reason=False, prepare_downloads=False), workers=1,
                     resources=Resources(REPO), in_memory=True)
    try:
        with serve_app(app) as url:
            assert started.wait(GUARD_S), "the background warm-up never began the copy"
            home = httpx.get(url + "/index.json", timeout=GUARD_S)
            assert home.status_code == 200 and not app.state.store.in_memory  # answered from disk
            release.set()
            waited = time.monotonic()
            while not app.state.pages_copy.made:
                assert time.monotonic() - waited < GUARD_S, "the copy was never made"
                time.sleep(0.05)
            assert app.state.store.in_memory
            again = httpx.get(url + "/index.json", timeout=GUARD_S)
            search = httpx.get(url + "/search.json", params={"q": "Parukh"}, timeout=GUARD_S)
    finally:
        release.set()
    assert seen == {"home made before the copy began": True}
    assert again.json() == home.json() and search.status_code == 200
