"""Network views built once per application, off the event loop, in threads that never keep it alive.

Laying out a view takes seconds (the whole view of the shipped data) to minutes (ten times the
data), in Python code no signal can interrupt. :class:`ViewBuilds` runs each build in its own
*daemon* thread: the server answers every other request meanwhile, a second request for a view
being built waits for that build instead of starting another, and a server told to stop
(SIGTERM, Ctrl-C) abandons the build and exits at once. anyio's worker threads would not do:
the interpreter joins them at exit, so a stopped server would linger until the layout ended.

The built views are kept in a small least-recently-used cache (the store is read-only while the
app runs). A build that fails (an unknown clause, say) is not kept: the next request tries again
and gets the same typed error. Runs on the asyncio event loop (uvicorn's, and the test client's).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TypeVar

from conflictkg.network import Network, ViewRequest

log = logging.getLogger("conflictkg.web")
T = TypeVar("T")


def in_daemon_thread(fn: Callable[[], T], name: str = "conflictkg-view-build") -> asyncio.Future[T]:
    """A future of ``fn()`` run in a new daemon thread (the process may exit while it runs)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: Exception | None) -> None:
        if future.done():  # cancelled: nobody waits for it any more
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        try:
            result, error = fn(), None
        except Exception as exc:  # handed to the waiters, who raise it
            result, error = None, exc
        try:
            loop.call_soon_threadsafe(settle, result, error)
        except RuntimeError:  # the loop is closed: the server stopped while this ran
            pass

    threading.Thread(target=work, name=name, daemon=True).start()
    return future


class ViewBuilds:
    """The views built so far (at most ``size``, least recently used dropped) and those being built."""

    def __init__(self, build: Callable[[ViewRequest], Network], size: int) -> None:
        self._build = build
        self._size = size
        self._done: OrderedDict[ViewRequest, Network] = OrderedDict()
        self._running: dict[ViewRequest, asyncio.Future[Network]] = {}

    def __contains__(self, wanted: object) -> bool:
        return wanted in self._done

    def building(self) -> list[ViewRequest]:
        """The views being built now (for tests and operators)."""
        return list(self._running)

    async def get(self, wanted: ViewRequest) -> Network:
        """The view ``wanted``: kept, being built (wait for it), or built now in a daemon thread.

        Cancelling the caller (a client gone, the server stopping) does not cancel the build
        another caller may be waiting for; it is dropped only with the process.
        """
        if wanted in self._done:
            self._done.move_to_end(wanted)
            return self._done[wanted]
        future = self._running.get(wanted)
        if future is None:
            future = in_daemon_thread(lambda: self._build(wanted))
            self._running[wanted] = future
            future.add_done_callback(lambda done: self._finish(wanted, done))
        return await asyncio.shield(future)

    def _finish(self, wanted: ViewRequest, future: asyncio.Future[Network]) -> None:
        self._running.pop(wanted, None)
        if future.cancelled() or future.exception() is not None:
            return
        self._done[wanted] = future.result()
        while len(self._done) > self._size:
            self._done.popitem(last=False)

    async def warm(self, views: Iterable[ViewRequest]) -> None:
        """Build ``views`` one after the other; a view that cannot be built is logged and skipped."""
        for wanted in views:
            try:
                await self.get(wanted)
            except Exception as exc:  # its request raises it again, through the error boundary
                log.warning("network view %s not prepared: %s", wanted.view, exc)
