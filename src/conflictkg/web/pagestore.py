"""The pages' store: the served generation on disk (read-only) until its in-memory copy is made, then the copy (#14).

A published generation never changes, so the pages may answer from its files or from a copy of its quads
held in memory (:mod:`conflictkg.web.sizing` decides whether the copy fits): the answers are the same, the
copy only faster. Making the copy takes a while (about a minute for 2.6 million quads on this machine), and
the pages used to wait for it; now they answer from disk meanwhile. :class:`PagesStore` stands for the store
in the :class:`~conflictkg.pages.context.Site` and the network views: every call goes to the store it holds
*now*, and :meth:`PagesStore.copy` replaces it with the copy in one assignment, so each query runs wholly on
one of the two, never half on each. The query workers do the same in their own processes
(:class:`conflictkg.web.worker.Current`).

Whatever the pages keep (the site's labels, its once-per-generation answers and counts) stays valid across
the switch: it is read from the same quads. Only the row order of ties a question's ``ORDER BY`` leaves open
could differ between the two stores; the pages sort what they show on their own keys.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping

import pyoxigraph as ox

from conflictkg.errors import StoreError
from conflictkg.rdf.terms import Term
from conflictkg.store import Result, Store

log = logging.getLogger("conflictkg.web")


class PagesStore:
    """``disk`` until :meth:`copy` has made ``make_copy()`` (when given), then that copy; a :class:`Store`."""

    def __init__(self, disk: Store, make_copy: Callable[[], Store] | None = None) -> None:
        self.disk = disk
        #: The store the pages answer from now: ``disk``, then the copy (one assignment).
        self.current: Store = disk
        self._make_copy = make_copy
        self._lock = threading.Lock()

    @property
    def in_memory(self) -> bool:
        """Whether the pages answer from the in-memory copy (it has been made)."""
        return self.current is not self.disk

    def copy(self) -> Store:
        """Make the copy (once; blocks: call it in a thread) and answer from it from now on; the store answered
        from then. A copy that cannot be made (no memory, a damaged file) leaves the pages on disk: slower,
        not wrong."""
        with self._lock:
            make, self._make_copy = self._make_copy, None
            if make is not None:
                try:
                    self.current = make()
                except (StoreError, OSError, MemoryError) as exc:
                    log.warning("the pages answer from disk: their in-memory copy failed (%s)", exc)
        return self.current

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None,
              prefixes: Mapping[str, str] | None = None) -> Result:
        return self.current.query(sparql, bindings, prefixes)

    def quads(self) -> Iterator[ox.Quad]:
        return self.current.quads()

    def graph_names(self) -> list[str]:
        return self.current.graph_names()

    def close(self) -> None:
        """Nothing to close here: the disk store is its opener's to close, the copy is dropped with this."""
