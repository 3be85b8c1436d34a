"""Browser tests: the site served by uvicorn on a free loopback port, driven by Playwright.

Playwright drives Debian's Chromium (``/usr/bin/chromium``; ``.ci/run`` installs it), never a
browser of its own (no ``playwright install``). Without Chromium these tests are skipped on a
developer's machine and fail in CI (``CI`` set). Every request to anything but the loopback
interface is blocked and fails the test: the pages must work offline.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conflictkg.build import stage
from conflictkg.rdf.io import SourceFile
from conflictkg.rdf.namespaces import GRAPH_ONTOLOGY, GRAPH_VOCAB
from conflictkg.resources import Resources
from conflictkg.store import directory as storedir

from ..serving import serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]  # containers often have a small /dev/shm
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
HOSTILE_TRIG = Path(__file__).resolve().parents[1] / "fixtures" / "network" / "hostile.trig"

pytestmark = pytest.mark.browser




@pytest.fixture(scope="package")
def live_server(built_store: Path, res: Resources) -> Iterator[str]:
    """The whole site over the real data (a store built by the real pipeline); yields its base URL."""
    with serving(built_store, workers=1, resources=res) as base:
        views_laid_out(base)
        yield base


def views_laid_out(base: str) -> None:
    """Wait until the background warm-up has laid out the views the tests open first (a hang guard,
    not a timing: the page tests' own 30 s request timeouts are not meant to cover a layout)."""
    import httpx

    for view in ("whole", "whole.json?view=full", "allegations"):
        path = view if "." in view else f"{view}.json"
        httpx.get(f"{base}/network/{path}", timeout=900).raise_for_status()


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory: pytest.TempPathFactory, res: Resources) -> Path:
    """A tiny store: the ontology and vocabularies plus ``tests/fixtures/network/hostile.trig``."""
    files = [SourceFile(p, GRAPH_ONTOLOGY) for p in res.ontology_files()]
    files += [SourceFile(p, GRAPH_VOCAB) for p in res.vocab_files()]
    staged = stage([*files, SourceFile(HOSTILE_TRIG)])
    store_dir = tmp_path_factory.mktemp("hostile-store")
    storedir.publish(store_dir, storedir.write_generation(store_dir, staged.quads))
    return store_dir


@pytest.fixture(scope="package")
def hostile_server(hostile_store: Path, res: Resources) -> Iterator[str]:
    """The site over the hostile store; yields its base URL."""
    with serving(hostile_store, workers=1, resources=res) as base:
        yield base


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright (skipped without it, except in CI).

    Package scope: Playwright's sync API keeps an event loop running in the main thread while it is
    open, so it is closed when the browser tests end, before tests that call ``asyncio.run``."""
    if not CHROMIUM.is_file():
        message = f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message + ": browser tests must run in CI")
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright is not installed (pip install '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def is_loopback(url: str) -> bool:
    """True for loopback http(s) URLs and for in-page URLs (data:, blob:, about:, file:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True
    return parts.scheme in ("http", "https", "ws") and (parts.hostname or "") in LOOPBACK


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that refuses every non-loopback request; the test fails if one was tried,
    or if a script error occurred on the page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
    attempted: list[str] = []
    errors: list[str] = []

    def guard(route: Any) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield tab
    finally:
        context.close()
    assert not attempted, f"the page tried to reach beyond the loopback interface: {attempted}"
    assert not errors, f"script errors on the page: {errors}"
