"""ViewBuilds: one build per view however many wait, daemon threads, failures not kept, bounded cache."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

import pytest

from conflictkg.network import ViewRequest
from conflictkg.network.views import ViewError
from conflictkg.web.builds import ViewBuilds

WAIT_S = 30  # a hang guard, not a speed assertion


class Builder:
    """Builds a "view" (its name) once ``release`` is set; records every call and its thread."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls: list[str] = []
        self.daemon: list[bool] = []

    def __call__(self, wanted: ViewRequest) -> str:
        self.calls.append(wanted.view)
        self.daemon.append(threading.current_thread().daemon)
        if not self.release.wait(WAIT_S):
            raise TimeoutError("never released")
        if wanted.view == "nope":
            raise ViewError("no view nope")
        return f"built {wanted.view}"


def run(coro):  # noqa: ANN001, ANN201
    """Run ``coro`` on a fresh event loop in its own thread (as the server's loop would be), so a
    loop left running in the main thread by another test cannot interfere."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(coro, WAIT_S)).result()


def test_waiters_share_one_build_in_a_daemon_thread():
    builder = Builder()
    builds = ViewBuilds(builder, 4)  # type: ignore[arg-type]

    async def scenario() -> list[object]:
        first = asyncio.ensure_future(builds.get(ViewRequest("whole")))
        second = asyncio.ensure_future(builds.get(ViewRequest("whole")))
        await asyncio.sleep(0.05)
        assert builds.building() == [ViewRequest("whole")] and ViewRequest("whole") not in builds
        builder.release.set()
        results = await asyncio.gather(first, second)
        return [*results, await builds.get(ViewRequest("whole"))]

    assert run(scenario()) == ["built whole"] * 3
    assert builder.calls == ["whole"] and builder.daemon == [True]
    assert ViewRequest("whole") in builds and builds.building() == []


def test_a_cancelled_waiter_leaves_the_build_to_the_others():
    builder = Builder()
    builds = ViewBuilds(builder, 4)  # type: ignore[arg-type]

    async def scenario() -> object:
        gone = asyncio.ensure_future(builds.get(ViewRequest("whole")))
        await asyncio.sleep(0.05)
        gone.cancel()
        staying = asyncio.ensure_future(builds.get(ViewRequest("whole")))
        await asyncio.sleep(0.05)
        builder.release.set()
        result = await staying
        assert gone.cancelled()
        return result

    assert run(scenario()) == "built whole"
    assert builder.calls == ["whole"]


def test_a_failed_build_raises_for_its_waiters_and_is_not_kept():
    builder = Builder()
    builder.release.set()
    builds = ViewBuilds(builder, 4)  # type: ignore[arg-type]
    for _ in range(2):
        with pytest.raises(ViewError, match="no view nope"):
            run(builds.get(ViewRequest("nope")))
    assert builder.calls == ["nope", "nope"] and ViewRequest("nope") not in builds


def test_warm_skips_a_view_that_fails_and_builds_the_rest():
    builder = Builder()
    builder.release.set()
    builds = ViewBuilds(builder, 4)  # type: ignore[arg-type]
    run(builds.warm([ViewRequest("nope"), ViewRequest("whole")]))
    assert ViewRequest("whole") in builds and ViewRequest("nope") not in builds


def test_the_least_recently_used_view_is_dropped():
    builder = Builder()
    builder.release.set()
    builds = ViewBuilds(builder, 2)  # type: ignore[arg-type]

    async def scenario() -> None:
        for view in ("a", "b", "a", "c"):
            await builds.get(ViewRequest(view))

    run(scenario())
    assert ViewRequest("a") in builds and ViewRequest("c") in builds and ViewRequest("b") not in builds
    assert builder.calls == ["a", "b", "c"]
