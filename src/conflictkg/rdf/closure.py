"""What a relation between nodes reaches: the one graph walk of the subclass (and subproperty)
closures, used by search (``pages.search``, a type's page-layout classes) and by the clash finder
(``owl.clashes``, classes and properties with everything above them)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def reachable(start: N, edges: Mapping[N, Iterable[N]]) -> set[N]:
    """``start`` and every node reached from it along ``edges`` (node -> its next nodes), cycles allowed.

    >>> sorted(reachable("c", {"c": {"b"}, "b": {"a", "c"}}))
    ['a', 'b', 'c']
    >>> reachable("x", {})
    {'x'}
    """
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def closure(edges: Mapping[N, Iterable[N]]) -> dict[N, set[N]]:
    """Each node that has edges, with everything reachable from it (itself included).

    >>> {node: sorted(reached) for node, reached in closure({"a": {"b"}, "b": {"c"}}).items()}
    {'a': ['a', 'b', 'c'], 'b': ['b', 'c']}
    """
    return {start: reachable(start, edges) for start in list(edges)}
