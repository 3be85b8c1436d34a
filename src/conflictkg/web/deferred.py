"""Work the site needs but start-up does not: done once, on first use or in the background (#14).

``create_app`` only records *how* to make the in-memory copy of the store, the :class:`~conflictkg.pages.context.Site`
(labels, gazetteer, search keys) and the service description; the server listens at once and
``/sparql`` answers from its workers while they are made. The first request that needs one waits
for it (in a daemon thread, so the event loop keeps answering and a stopping server does not
wait for it: see :mod:`conflictkg.web.builds`); the app's lifespan starts making them
right after start-up, so usually nobody waits. Every answer is the same as when they were made
up front: the store is one published generation for the app's life.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from conflictkg.web.builds import in_daemon_thread

T = TypeVar("T")


class Deferred(Generic[T]):
    """``make()``'s value, made on the first :meth:`get` and kept (one maker at a time)."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._value: T | None = None
        self._made = False
        self._lock = threading.Lock()

    @property
    def made(self) -> bool:
        """Whether the value has been made (no waiting)."""
        return self._made

    def get(self) -> T:
        """The value, made now if no one has yet (blocks: call it from a thread in async code)."""
        if not self._made:
            with self._lock:
                if not self._made:
                    self._value = self._make()
                    self._made = True
        return self._value  # type: ignore[return-value]

    async def wait(self) -> T:
        """The value, from async code: made in a daemon thread, the event loop keeps answering."""
        if self._made:
            return self._value  # type: ignore[return-value]
        return await asyncio.shield(in_daemon_thread(self.get, "conflictkg-deferred"))
