"""Start-up does no expensive work (#14): the Site and the service description are made on first use (or
in the background once the server listens), once; the pages' in-memory copy of the store only in the
background, the pages answering from the store on disk until it is made. Counted, not timed."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from conflictkg import release
from conflictkg.pages.context import Site
from conflictkg.resources import Resources
from conflictkg.settings import Settings
from conflictkg.store.directory import open_store
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.web import create_app
from conflictkg.web.deferred import Deferred
from conflictkg.web.service_description import ServiceDescription

from tests.conftest import REPO

DEFERRED = {"copy": (OxigraphStore, "in_memory_copy"), "site": (Site, "load"),
            "description": (ServiceDescription, "of"), "void": (release, "void")}


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each deferred step ran (the real step runs: answers are unchanged)."""
    counted: Counter[str] = Counter()
    for name, (owner, attr) in DEFERRED.items():
        original = getattr(owner, attr)

        def counting(*args: Any, _name: str = name, _original: Callable[..., Any] = original, **kw: Any) -> Any:
            counted[_name] += 1
            return _original(*args, **kw)

        is_class = isinstance(owner.__dict__[attr], classmethod)
        monkeypatch.setattr(owner, attr, classmethod(lambda cls, *a, _c=counting, **k: _c(*a, **k))
                            if is_class else counting)
    return counted


@pytest.fixture()
def client(built_store: Path, calls: Counter[str]) -> Iterator[TestClient]:
    store = open_store(built_store)
    try:
        app = create_app(store, Settings(built_store, reason=False), workers=1, resources=Resources(REPO),
                         in_memory=True)
        yield TestClient(app)  # not entered: no lifespan, so no background warm-up either
    finally:
        store.close()


def test_create_app_runs_none_of_the_deferred_work(client: TestClient, calls: Counter[str]) -> None:
    state = client.app.state  # type: ignore[attr-defined]
    assert calls == Counter()
    assert not (state.pages_copy.made or state.site.made or state.description.made or state.void.made)
    assert not state.store.in_memory


def test_the_first_page_makes_the_site_once_and_waits_for_no_copy(client: TestClient, calls: Counter[str]) -> None:
    for _ in range(2):
        home = client.get("/index.json")
        assert home.status_code == 200 and home.json()["title"]
    # the description waits for its own first request, the copy for the lifespan (not entered here)
    assert calls == Counter({"site": 1})
    assert not client.app.state.store.in_memory  # type: ignore[attr-defined]  # answered from disk


@pytest.mark.parametrize(("workers_copy", "pages_copy"), [(False, True), (True, False)])
def test_the_pages_copy_is_decided_apart_from_the_workers(built_store: Path, calls: Counter[str],
                                                          workers_copy: bool, pages_copy: bool) -> None:
    store = open_store(built_store)
    try:
        app = create_app(store, Settings(built_store, reason=False), workers=1, resources=Resources(REPO),
                         in_memory=workers_copy, pages_in_memory=pages_copy)
        assert TestClient(app).get("/index.json").status_code == 200
        assert app.state.store.current is store and calls["copy"] == 0  # the page answered from disk
        app.state.pages_copy.get()  # what the lifespan does in the background
        assert app.state.store.in_memory is pages_copy  # the pages' own copy, or the disk store
        assert (app.state.store.current is not store) is pages_copy
        assert calls["copy"] == int(pages_copy)  # the workers make theirs in their own processes
    finally:
        store.close()


def test_the_service_description_is_made_on_its_first_request(client: TestClient, calls: Counter[str]) -> None:
    for _ in range(2):
        described = client.get("/sparql", headers={"Accept": "text/turtle"})
        assert described.status_code == 200 and "sd:UnionDefaultGraph" in described.text
    assert calls == Counter({"description": 1})


def test_the_void_description_is_made_on_its_first_request_once(client: TestClient, calls: Counter[str]) -> None:
    answers = [client.get("/.well-known/void") for _ in range(2)]
    assert all(a.status_code == 200 and "void:Dataset" in a.text for a in answers)
    assert answers[0].content == answers[1].content
    assert calls == Counter({"site": 1, "void": 1})


def test_a_deferred_value_is_made_once_however_many_ask_at_once() -> None:
    made: list[int] = []
    release = threading.Event()

    def make() -> int:
        release.wait(60)
        made.append(1)
        return 42

    deferred = Deferred(make)
    answers: list[int] = []
    askers = [threading.Thread(target=lambda: answers.append(deferred.get())) for _ in range(4)]
    for asker in askers:
        asker.start()
    assert not deferred.made
    release.set()
    for asker in askers:
        asker.join(60)
    assert answers == [42] * 4 and made == [1] and deferred.made


def test_serving_imports_neither_networkx_nor_pyvis_before_a_view_is_asked_for() -> None:
    """They take seconds to import (pyvis brings IPython); a view being laid out imports them."""
    code = ("import sys; import conflictkg.cli; from conflictkg.web import create_app; "
            "from conflictkg.web.server import run; "
            "print(sorted(m for m in ('networkx', 'pyvis', 'IPython') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.strip() == "[]"
