"""Hostile inputs against the query workers: memory bombs, killed and crashed workers, timeouts.

The real site runs on a loopback port over a store built by the pipeline, with 2 workers capped at
300 MB each (the shipped store needs ~90 MB at idle and a 200 MB buffer once while copying itself
into memory; the memory bomb reaches 300 MB in a second or two). Every case must get its status
and message, never a 500, and afterwards the server must answer an ASK with every worker alive and
the published store unchanged. Workers are found through the pool and signalled by pid; a worker
counts as running a query once it uses CPU time after the request was sent (idle workers use none).
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from conflictkg.build import build_store
from conflictkg.resources import Resources
from conflictkg.settings import Settings
from conflictkg.store.directory import current_path, pin_file, pinned_generation, remove_unless_pinned
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.web import create_app
from conflictkg.web.death import Death
from conflictkg.web.pool import WorkerPool

from ..conftest import REPO
from ..serving import serve_app
from .harness import Case, fingerprint, ids

MEMORY_MB = 300
#: ORDER BY materialises all ~140 M solutions: past 8 GB within 17 s without a limit.
BOMB = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c"
#: Grouping builds one group per pair of objects: a memory bomb without ORDER BY.
GROUP_BOMB = "SELECT ?c ?f (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ?f"
#: A few seconds of counting (6.3 M pairs of the reference data's typed resources): long enough to be
#: killed while it runs. One graph, not the default graph: with the inferred facts (ckg:inferred) the
#: union holds four times as many types, and the pairs took longer than the 30 s limit.
MEDIUM = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ckg:reference { ?a a ?c } GRAPH ckg:reference { ?d a ?f } }")
#: Minutes of counting: it runs until killed or stopped at the time limit.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?c . ?d a ?f . ?g a ?h }"
ASK = "ASK { ?s ?p ?o }"
MEMORY = "query exceeded the memory limit"
TICKS = 5  # CPU clock ticks (1/100 s) a worker must spend before it counts as running a query


@dataclass
class Live:
    """A running site: its base URL, its worker pool and the store directory it serves."""

    url: str
    pool: WorkerPool
    store_dir: Path


@contextmanager
def live_site(store_dir: Path, resources: Resources, **settings: Any) -> Iterator[Live]:
    """``conflictkg serve`` in a thread: the generation pinned, pages and workers opened from it."""
    with pinned_generation(store_dir) as generation:
        store = OxigraphStore.open_read_only(generation)
        app = create_app(store, Settings(store_dir, reason=False, **settings), workers=2, resources=resources,
                         in_memory=True, generation=generation)
        try:
            with serve_app(app) as url:
                live = Live(url, app.state.pool, store_dir)
                settle(live)
                yield live
        finally:
            store.close()


@pytest.fixture(scope="module")
def store_dir(shipped_store_dir: Path) -> Path:
    return shipped_store_dir


@pytest.fixture(scope="module")
def bounded(store_dir: Path) -> Iterator[Live]:
    """2 workers of at most 300 MB each, a 30 s time limit (memory bombs stop well before)."""
    with live_site(store_dir, Resources(REPO), worker_memory_mb=MEMORY_MB, query_timeout_s=30.0) as live:
        yield live


@pytest.fixture(scope="module")
def hurried(store_dir: Path) -> Iterator[Live]:
    """2 workers of at most 300 MB each and a 2 s time limit."""
    with live_site(store_dir, Resources(REPO), worker_memory_mb=MEMORY_MB, query_timeout_s=2.0) as live:
        yield live


# --- reaching the workers -----------------------------------------------------------------------------

def cpu_ticks(pid: int) -> int:
    """User plus system CPU time of ``pid`` in clock ticks (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def busy_worker(pool: WorkerPool, before: dict[int, int], deadline_s: float = 60.0) -> int:
    """The pid of the worker that started using CPU after ``before`` was taken (bounded wait)."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        for pid, ticks in before.items():
            if cpu_ticks(pid) - ticks >= TICKS:
                return pid
        time.sleep(0.02)
    raise AssertionError("no worker started the query")


def new_worker(pool: WorkerPool, old: set[int], deadline_s: float = 30.0) -> int:
    """The pid of a worker that is not in ``old`` (a replacement), once one exists."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        fresh = set(pool.pids()) - old
        if fresh:
            return fresh.pop()
        time.sleep(0.01)
    raise AssertionError("no worker was replaced")


def readied(pool: WorkerPool, pid: int, deadline_s: float = 60.0) -> int:
    """``pid`` once the parent has seen that worker ready, i.e. is about to send it, or has sent it, the
    request it waits with (bounded wait). Killing a fresh worker before that would let the pool replace
    it as one that "ended while idle" and run the request on a third worker."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if any(w.ready and w.process is not None and w.process.pid == pid for w in pool.workers):
            return pid
        time.sleep(0.005)
    raise AssertionError(f"worker {pid} never became ready")


def settle(live: Live) -> None:
    """Send one ASK to each worker at once, so that every worker has started, then wait until every worker is
    idle: a fresh worker answers from disk while it copies the store into memory in the background, and a
    worker busy copying would be taken by :func:`busy_worker` for the one running the next case's query."""
    with ThreadPoolExecutor(len(live.pool.workers)) as pool:
        answers = list(pool.map(lambda _: sparql(live.url, ASK), live.pool.workers))
    assert [a.status_code for a in answers] == [200] * len(answers)
    quiet(live.pool)


def quiet(pool: WorkerPool, still_s: float = 0.3, deadline_s: float = 120.0) -> None:
    """Return once no worker has used CPU for ``still_s`` (bounded wait)."""
    deadline = time.monotonic() + deadline_s
    last = {pid: cpu_ticks(pid) for pid in pool.pids()}
    while time.monotonic() < deadline:
        time.sleep(still_s)
        now = {pid: cpu_ticks(pid) for pid in pool.pids()}
        if now == last:
            return
        last = now
    raise AssertionError("the workers never went idle")


def all_alive(pool: WorkerPool) -> bool:
    return all(w.process is not None and w.process.poll() is None for w in pool.workers)


def sparql(url: str, query: str) -> httpx.Response:
    return httpx.get(url + "/sparql", params={"query": query}, timeout=120)


def while_running(live: Live, send: Callable[[], httpx.Response], act: Callable[[int], None]) -> httpx.Response:
    """Send a request in a thread; once a worker runs it, ``act`` on that worker's pid."""
    before = {pid: cpu_ticks(pid) for pid in live.pool.pids()}
    with ThreadPoolExecutor(1) as pool:
        answer = pool.submit(send)
        act(busy_worker(live.pool, before))
        return answer.result(timeout=180)


# --- the table ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Attack:
    """How a case is sent: ``how`` names a function of :data:`ATTACKS`; ``query`` is its SPARQL."""

    how: str
    query: str = ASK
    sig: int = signal.SIGKILL


def _get(live: Live, a: Attack) -> httpx.Response:
    return sparql(live.url, a.query)


def _post_form(live: Live, a: Attack) -> httpx.Response:
    return httpx.post(live.url + "/sparql", data={"query": a.query}, timeout=120)


def _post_direct(live: Live, a: Attack) -> httpx.Response:
    return httpx.post(live.url + "/sparql", content=a.query.encode(), timeout=120,
                      headers={"Content-Type": "application/sparql-query"})


def _page(live: Live, a: Attack) -> httpx.Response:
    return httpx.get(live.url + "/query", params={"sparql": a.query, "run": "1"}, timeout=120)


def _page_json(live: Live, a: Attack) -> httpx.Response:
    return httpx.get(live.url + "/query.json", params={"sparql": a.query}, timeout=120)


def _kill_idle(live: Live, a: Attack) -> httpx.Response:
    """Signal every idle worker, then send the query (to a dead worker: it must be replaced first)."""
    for pid in live.pool.pids():
        os.kill(pid, a.sig)
    return sparql(live.url, a.query)


def _signal_running(live: Live, a: Attack) -> httpx.Response:
    return while_running(live, lambda: sparql(live.url, a.query), lambda pid: os.kill(pid, a.sig))


def _kill_twice(live: Live, a: Attack) -> httpx.Response:
    """Kill the worker running the query, then the fresh worker it is retried on, once the retry reached it."""
    def act(pid: int) -> None:
        old = set(live.pool.pids())
        os.kill(pid, signal.SIGKILL)
        os.kill(readied(live.pool, new_worker(live.pool, old)), signal.SIGKILL)

    return while_running(live, lambda: sparql(live.url, a.query), act)


ATTACKS: dict[str, Callable[[Live, Attack], httpx.Response]] = {
    "get": _get, "post-form": _post_form, "post-direct": _post_direct, "page": _page, "page-json": _page_json,
    "kill-idle": _kill_idle, "signal-running": _signal_running, "kill-twice": _kill_twice,
}

BOUNDED = [
    Case("bomb-get", Attack("get", BOMB), 503, MEMORY),
    Case("bomb-post-form", Attack("post-form", BOMB), 503, MEMORY),
    Case("bomb-post-direct", Attack("post-direct", BOMB), 503, MEMORY),
    Case("bomb-group-by", Attack("get", GROUP_BOMB), 503, MEMORY),
    Case("bomb-query-page", Attack("page", BOMB), 503, MEMORY),
    Case("bomb-query-json", Attack("page-json", BOMB), 503, MEMORY),
    Case("kill9-idle-workers", Attack("kill-idle"), 200, "true"),
    Case("sigterm-idle-workers", Attack("kill-idle", sig=signal.SIGTERM), 200, "true"),
    Case("kill9-while-running-is-retried", Attack("signal-running", MEDIUM), 200, "#integer"),
    Case("sigterm-while-running-is-retried", Attack("signal-running", MEDIUM, signal.SIGTERM), 200, "#integer"),
    Case("kill9-twice", Attack("kill-twice", SLOW), 503, "(signal 9, SIGKILL)"),
    Case("segv-while-running", Attack("signal-running", SLOW, signal.SIGSEGV), 503,
         "the query worker crashed (signal 11, SIGSEGV) while running this query"),
    Case("bus-while-running", Attack("signal-running", SLOW, signal.SIGBUS), 503, "crashed (signal 7, SIGBUS)"),
    Case("abort-without-allocation-failure", Attack("signal-running", SLOW, signal.SIGABRT), 503,
         "crashed (signal 6, SIGABRT)"),
]

HURRIED = [
    Case("timeout-get", Attack("get", SLOW), 503, "query exceeded the time limit of 2 s"),
    Case("timeout-post-direct", Attack("post-direct", SLOW), 503, "query exceeded the time limit of 2 s"),
    Case("timeout-query-page", Attack("page", SLOW), 503, "query exceeded the time limit of 2 s"),
    Case("bomb-under-short-timeout", Attack("get", BOMB), 503, "query exceeded the"),
]


def check_case(live: Live, case: Case) -> None:
    attack = case.given
    assert isinstance(attack, Attack)
    before = fingerprint(live.store_dir)
    response = ATTACKS[attack.how](live, attack)
    assert (response.status_code, case.says in response.text) == (case.expect, True), response.text[:500]
    settle(live)  # the server still serves, and every worker is alive again
    assert all_alive(live.pool)
    assert fingerprint(live.store_dir) == before


@pytest.mark.parametrize("case", BOUNDED, ids=ids(BOUNDED))
def test_bounded_workers(bounded: Live, case: Case) -> None:
    check_case(bounded, case)


@pytest.mark.parametrize("case", HURRIED, ids=ids(HURRIED))
def test_hurried_workers(hurried: Live, case: Case) -> None:
    check_case(hurried, case)


# --- the scenarios of the issue -----------------------------------------------------------------------

def test_two_memory_bombs_at_once_leave_the_server_answering(bounded: Live) -> None:
    old = set(bounded.pool.pids())
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: sparql(bounded.url, BOMB), range(2)))
    assert [(a.status_code, MEMORY in a.text) for a in answers] == [(503, True), (503, True)]
    assert not old & set(bounded.pool.pids()), "both workers were replaced"
    with ThreadPoolExecutor(2) as pool:  # both fresh workers answer
        asks = list(pool.map(lambda _: sparql(bounded.url, ASK), range(2)))
    assert [a.status_code for a in asks] == [200, 200]
    assert all_alive(bounded.pool)


def test_killed_workers_lose_no_request(bounded: Live) -> None:
    """kill -9 between and during requests: every request is answered, 200 or a clear 503, never 500."""
    statuses = []
    for _round in range(3):
        for pid in bounded.pool.pids():
            os.kill(pid, signal.SIGKILL)
        statuses += [sparql(bounded.url, ASK).status_code for _ in range(4)]
        settle(bounded)
        running = while_running(bounded, lambda: sparql(bounded.url, MEDIUM),
                                lambda pid: os.kill(pid, signal.SIGKILL))
        statuses.append(running.status_code)
    assert statuses == [200] * 15
    assert all_alive(bounded.pool)


# --- how deaths are told ------------------------------------------------------------------------------

RUST_ABORT = "memory allocation of 240 bytes failed\nstack backtrace:\n"


@pytest.mark.parametrize(("death", "retry", "says"), [
    (Death(-signal.SIGABRT, RUST_ABORT, 300), False, "query exceeded the memory limit of 300 MB"),
    (Death(-signal.SIGABRT, "", 300), False, "crashed (signal 6, SIGABRT)"),
    (Death(-signal.SIGABRT, RUST_ABORT, None), False, "crashed (signal 6, SIGABRT)"),
    (Death(-signal.SIGABRT, "what():  Resource temporarily unavailable\n", 80, starting=True), False,
     "cannot hold the store within the memory limit of 80 MB"),
    (Death(1, "Traceback...\nMemoryError\n", 300), False, MEMORY),
    (Death(1, "Traceback...\nRuntimeError: boom\n", 300), False, "exited with status 1 (RuntimeError: boom)"),
    (Death(-signal.SIGKILL, "", 300), True, "was killed (signal 9, SIGKILL) while running this query"),
    (Death(-signal.SIGTERM, "", 300, starting=True), True, "was killed (signal 15, SIGTERM) while starting"),
    (Death(-signal.SIGSEGV, "", 300), False, "crashed (signal 11, SIGSEGV)"),
    (Death(None, "", 300, starting=True), False, "stopped answering while starting"),
], ids=["rust-oom", "abort", "abort-no-limit", "no-thread-at-start", "python-oom", "python-error", "kill9",
        "sigterm-starting", "segv", "hung-start"])
def test_deaths_are_told_from_evidence(death: Death, retry: bool, says: str) -> None:
    assert death.retry_safe is retry
    assert says in death.message()


# --- one generation per serve -------------------------------------------------------------------------

INCIDENT = "ckr:incident-2020-11-26-sur"
HAS_INCIDENT = f"ASK {{ GRAPH ?g {{ {INCIDENT} ?p ?o }} }}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def with_incident_renamed(tmp: Path) -> Resources:
    """A copy of the checkout's resources where the Sur incident has another IRI (a different
    dataset that still conforms: no other file refers to it)."""
    root = tmp / "root"
    for part in ("ontology", "queries", "data"):
        shutil.copytree(REPO / part, root / part)
    sur = root / "data" / "incidents" / "2020-11-26-sur.trig"
    sur.write_text(sur.read_text(encoding="utf-8").replace("incident-2020-11-26-sur", "incident-renamed"),
                   encoding="utf-8")
    return Resources(root)


def test_serve_keeps_its_generation_through_a_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store_dir, resources = tmp_path / "store", Resources(REPO)
    build_store(store_dir, resources, reason=False)
    first = current_path(store_dir).resolve()
    with live_site(store_dir, resources, worker_memory_mb=MEMORY_MB) as live:
        count = sparql(live.url, COUNT).text
        assert "true" in sparql(live.url, HAS_INCIDENT).text
        build_store(store_dir, with_incident_renamed(tmp_path), reason=False)
        assert current_path(store_dir).resolve() != first and first.is_dir(), "the pinned generation stays"
        old = set(live.pool.pids())
        for pid in old:
            os.kill(pid, signal.SIGKILL)
        answers = [sparql(live.url, COUNT).text, sparql(live.url, COUNT).text]
        assert not old & set(live.pool.pids()), "every worker was replaced"
        assert answers == [count, count] and "true" in sparql(live.url, HAS_INCIDENT).text
        page = httpx.get(live.url + "/resource/incident-2020-11-26-sur", timeout=60)
        on_query_page = httpx.get(live.url + "/query.json", params={"sparql": HAS_INCIDENT}, timeout=60)
        assert page.status_code == 200 and on_query_page.json()["boolean"] is True
    assert [r.getMessage() for r in caplog.records].count(
        f"a newer store generation exists; restart serve to use it (serving {first.name})") == 1
    build_store(store_dir, resources, reason=False)  # serve ended: its generation is removed now
    assert not first.exists() and not pin_file(first).exists()


def test_a_pinned_generation_is_not_removed(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    build_store(store_dir, Resources(REPO), reason=False)
    with pinned_generation(store_dir) as gen:
        assert remove_unless_pinned(gen) is False and gen.is_dir()
    assert remove_unless_pinned(gen) is True and not gen.exists()
