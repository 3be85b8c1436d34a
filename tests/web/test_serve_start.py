"""Start and stop of the served site (#14): it answers while the network views are laid out in the
background, stops on SIGTERM at any moment without a traceback, answers the home page's aggregates
once per generation and serves vis-network as a cached static file. No timings are asserted: the
bounds below are hang guards (speed is measured by ``bench/scale.py``)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from conflictkg.build import build_store
from conflictkg.network import Network, ViewRequest, network_view
from conflictkg.network.render import VIS_FILES, vis_assets
from conflictkg.resources import Resources
from conflictkg.settings import VIS_CACHE_CONTROL, Settings
from conflictkg.store import Result
from conflictkg.store.directory import open_store
from conflictkg.web import create_app
from conflictkg.web.builds import ViewBuilds

from tests.conftest import REPO
from tests.serving import serve_app

GUARD_S = 600  # hang guard for starting, answering, laying out and exiting (a loaded machine is slow)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("start-store")
    build_store(path, Resources(REPO), reason=False)
    return path


@pytest.fixture()
def app_over(store_dir: Path) -> Iterator[object]:
    store = open_store(store_dir)
    try:
        yield create_app(store, Settings(store_dir, reason=False), workers=1, resources=Resources(REPO))
    finally:
        store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(store_dir: Path, port: int) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "conflictkg", "--root", str(REPO), "--store", str(store_dir), "serve",
           "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            start_new_session=True)


def _terminate(proc: subprocess.Popen[str]) -> str:
    """SIGTERM ``proc``; its output once it has exited (killed, and the test failed, if it hangs)."""
    os.kill(proc.pid, signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=GUARD_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("serve did not exit after SIGTERM")
    assert proc.returncode in (0, -signal.SIGTERM), err
    return err


def test_sigterm_right_after_start_exits_without_traceback(store_dir):
    err = _terminate(_serve(store_dir, _free_port()))
    assert "Traceback" not in err


def test_sigterm_while_the_views_are_laid_out_exits_without_traceback(store_dir):
    port = _free_port()
    proc = _serve(store_dir, port)
    deadline = time.monotonic() + GUARD_S
    answered = False
    while not answered and time.monotonic() < deadline and proc.poll() is None:
        try:
            answered = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}).status_code == 200
        except httpx.TransportError:
            time.sleep(0.1)
    assert answered, "serve never answered"
    # a visitor waiting for a view being built does not keep the server from stopping
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(httpx.get, f"http://127.0.0.1:{port}/network/whole", timeout=GUARD_S)
        time.sleep(0.2)
        err = _terminate(proc)
        try:
            waiting.result(GUARD_S)
        except httpx.HTTPError:
            pass  # the connection closed: what a stopped server does
    assert "Traceback" not in err and "Started server process" in err


def test_the_site_answers_while_a_view_is_still_being_built(app_over):
    app = app_over
    release = threading.Event()

    def slow_build(wanted: ViewRequest) -> Network:
        release.wait(GUARD_S)
        return network_view(app.state.store, app.state.resources, wanted, app.state.site.get().gazetteer)

    app.state.network_views = ViewBuilds(slow_build, 4)
    with serve_app(app) as url:
        home = httpx.get(url + "/index.json", timeout=GUARD_S)
        sparql = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=GUARD_S)
        assert home.status_code == 200 and sparql.status_code == 200
        assert app.state.network_views.building() == [ViewRequest("whole", scope="summary")]  # the warm-up started it
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(httpx.get, url + "/network/whole.json", timeout=GUARD_S)
            time.sleep(0.2)
            assert not waiting.done()  # the request waits for the warm-up's build
            release.set()
            view = waiting.result(GUARD_S)
        assert view.status_code == 200 and view.json()["view"] == "whole"
        assert ViewRequest("whole", scope="summary") in app.state.network_views


def test_the_home_page_aggregates_are_answered_once(app_over):
    app = app_over
    with serve_app(app) as url:
        first = httpx.get(url + "/index.json", timeout=GUARD_S).json()
        site = app.state.site.get()
        # (the background warm-up may have answered more: the incidents list's and the points' pages')
        assert {"clause-breach-counts", "incidents-overview", "record-counts"} <= {key[0] for key in site.answers}
        assert len({key for key in site.answers if key[0] == "record-counts"}) == 1
        # a kept answer is what the next request shows (here, one changed to tell it apart)
        key = next(k for k in site.answers if k[0] == "record-counts")
        kept = site.answers[key]
        site.answers[key] = Result(kept.kind, kept.variables,
                                   [tuple(ox.Literal("424242") if v == "incidents" else t
                                          for v, t in zip(kept.variables, kept.rows[0], strict=True))])
        second = httpx.get(url + "/index.json", timeout=GUARD_S).json()
    facts = {fact["name"]: fact for fact in second["facts"]}
    assert facts["the record"]["text"].startswith("424242 incidents")
    assert first["sections"] == second["sections"]


def test_vis_network_is_a_cached_static_file_linked_by_the_view_pages(app_over):
    script, style = vis_assets()
    with serve_app(app_over) as url:
        js = httpx.get(f"{url}/network/assets/{VIS_FILES['js']}", timeout=GUARD_S)
        css = httpx.get(f"{url}/network/assets/{VIS_FILES['css']}", timeout=GUARD_S)
        page = httpx.get(url + "/network/allegations", timeout=GUARD_S).text
        missing = httpx.get(url + "/network/assets/vis-network-0.0.0.min.js", timeout=GUARD_S)
    assert js.text == script and js.headers["content-type"].startswith("text/javascript")
    assert css.text == style and css.headers["content-type"].startswith("text/css")
    assert js.headers["cache-control"] == css.headers["cache-control"] == VIS_CACHE_CONTROL
    assert f'<script src="/network/assets/{VIS_FILES["js"]}"></script>' in page
    assert f'<link rel="stylesheet" href="/network/assets/{VIS_FILES["css"]}">' in page
    # not inlined any more (the page's own size grows with the record: the allegations view reached 515 kB in
    # session 21, more than the library's 468 kB, so the check is on the library's text, not on sizes)
    banner = "A dynamic, browser-based visualization library"
    assert banner in script and "@license" not in page and banner not in page
    assert missing.status_code == 404
