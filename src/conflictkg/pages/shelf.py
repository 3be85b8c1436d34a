"""The sorted keys of the entity pages' paged lists (``window: keys`` questions), kept for the pages asked
for most recently, in a bounded amount of memory (#14).

A list's keys (:func:`~conflictkg.sparql.keys.sorted_keys`: e.g. the 2,216 statements that point to
``agent-azerbaijan`` at 10x the shipped data) are asked and sorted once; every page of that list, in every
naming perspective, is then a slice of them. The store is one published generation for the site's life,
so kept keys never go stale. Unlike the site's whole-store answers (one per question), there is one list
per resource: the shelf holds at most :data:`KEY_BUDGET` keys in all and lets the least recently asked
lists go first (measured 0.4-0.7 kB a key: at most ~280 MB). The background warm-up fills at most half of it
(:func:`~conflictkg.pages.warm.warm`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from conflictkg.sparql.keys import Keys

#: Most keys the shelf holds, over all its lists. At 37x the shipped data (1.2M quads) the warm-up's lists (the nine
#: points' and the twenty most mentioned resources': Azerbaijan's two hold 16,110) hold 84,720 keys; with 100,000 it
#: stopped at half of that, after seven of the twenty (session 20, measured in process).
KEY_BUDGET = 400_000


class KeyShelf:
    """Lists of sorted keys by (question, parameters), least recently asked dropped first past ``budget``
    keys. A list that cannot be sorted here (None) is kept too (as one key), so it is not asked again."""

    def __init__(self, budget: int = KEY_BUDGET) -> None:
        self.budget = budget
        self._kept: OrderedDict[Hashable, Keys | None] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, make: Callable[[], Keys | None]) -> Keys | None:
        """The list kept under ``key``, made by ``make`` if it is not (one maker per key at a time)."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:
                if key in self._kept:
                    return self._kept[key]
            keys = make()
            with self._lock:
                self._keep(key, keys)
                self._making.pop(key, None)
            return keys

    def _keep(self, key: Hashable, keys: Keys | None) -> None:
        self._kept[key] = keys
        self._held += _size(keys)
        while self._held > self.budget and len(self._kept) > 1:
            _, dropped = self._kept.popitem(last=False)
            self._held -= _size(dropped)

    def lists(self) -> list[Hashable]:
        """The keys of the lists held, least recently asked first."""
        with self._lock:
            return list(self._kept)

    @property
    def held(self) -> int:
        """How many keys the shelf holds now."""
        return self._held


def _size(keys: Keys | None) -> int:
    return 1 if keys is None else max(1, len(keys.rows))
