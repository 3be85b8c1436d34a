"""The entity pages' sorted keys (#14, :mod:`conflictkg.pages.shelf`): a list is made once and then read
from the shelf, the least recently asked lists are dropped past the budget, and a list that cannot be
sorted here (None) is kept too, so it is not asked again."""

from __future__ import annotations

import pyoxigraph as ox

from conflictkg.pages.shelf import KeyShelf
from conflictkg.sparql.keys import Keys


def keys(n: int) -> Keys:
    return Keys(("x",), tuple((ox.NamedNode(f"https://e.org/{i}"),) for i in range(n)))


def test_a_list_is_made_once_then_read() -> None:
    shelf, made = KeyShelf(budget=10), []
    first = shelf.get("a", lambda: made.append("a") or keys(3))
    assert shelf.get("a", lambda: made.append("a") or keys(3)) is first and made == ["a"] and shelf.held == 3


def test_the_least_recently_asked_lists_go_first_past_the_budget() -> None:
    shelf, made = KeyShelf(budget=10), []
    for name, n in (("a", 4), ("b", 4)):
        shelf.get(name, lambda n=n, name=name: made.append(name) or keys(n))
    shelf.get("a", lambda: made.append("a again") or keys(4))  # read: "a" is now the most recent
    shelf.get("c", lambda: made.append("c") or keys(4))  # 12 > 10: "b" goes
    assert shelf.held == 8
    shelf.get("a", lambda: made.append("a again") or keys(4))
    shelf.get("b", lambda: made.append("b again") or keys(4))
    assert made == ["a", "b", "c", "b again"]


def test_a_list_larger_than_the_budget_is_kept_alone_and_none_is_kept() -> None:
    shelf, made = KeyShelf(budget=5), []
    shelf.get("small", lambda: made.append("small") or keys(2))
    assert len(shelf.get("big", lambda: keys(9)).rows) == 9 and shelf.held == 9  # the small one went
    assert shelf.get("unsorted", lambda: made.append("unsorted")) is None
    assert shelf.get("unsorted", lambda: made.append("unsorted again")) is None
    assert made == ["small", "unsorted"]
