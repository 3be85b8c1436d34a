"""A site's once-per-generation answers (#14): each made once, and a kept one is read at once while
another is still being made (the background warm-up must not hold up the pages it has warmed).
Counted and ordered by events, not timed: the joins are hang guards."""

from __future__ import annotations

import threading
from pathlib import Path

from conflictkg.pages.context import Site
from conflictkg.sparql.queries import Query
from conflictkg.store import Result

GUARD_S = 60


class GatedStore:
    """Answers every query with one row; a query whose text says ``slow`` waits for ``gate``."""

    def __init__(self) -> None:
        self.gate, self.asked = threading.Event(), []

    def query(self, sparql: str, bindings: object = None, prefixes: object = None) -> Result:
        self.asked.append(sparql)
        if "slow" in sparql:
            self.gate.wait(GUARD_S)
        return Result("SELECT", ["x"], [(None,)])


def question(name: str) -> Query:
    return Query(name, name, name, f"SELECT ?x WHERE {{}} # {name}", Path(f"{name}.rq"))


def test_a_kept_answer_is_read_while_another_is_made_and_each_is_made_once() -> None:
    store = GatedStore()
    site = Site(store, None, {}, {}, None, {})  # type: ignore[arg-type]
    fast = site.answer_once("fast", question("fast"), {})
    slow = threading.Thread(target=site.answer_once, args=("slow", question("slow"), {}))
    slow.start()
    while not any("slow" in q for q in store.asked):
        slow.join(0.01)
    reader = threading.Thread(target=lambda: site.answer_once("fast", question("fast"), {}))
    reader.start()
    reader.join(GUARD_S)
    assert not reader.is_alive() and slow.is_alive()  # read while "slow" is still being made
    store.gate.set()
    slow.join(GUARD_S)
    assert site.answer_once("slow", question("slow"), {}) is site.answers[("slow", ())]
    assert fast is site.answers[("fast", ())] and len(store.asked) == 2  # each made once
