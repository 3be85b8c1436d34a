"""Long lists a page at a time (#14): the ``page`` parameter, the rows one page shows, the links.

Search, the entity pages (clause, actor, place, incident, ...) and their JSON twins share these:
a page parameter is a whole number from 1, a page past the last is a 400 that names the range,
and a paged page says ``page``, ``pages``, ``previous`` and ``next`` in its ``extra`` (query
strings, None at either end), so a client follows ``next`` through every row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from conflictkg.errors import QueryError

#: Rows of one long list on one page of an entity page (``per_page``: 1 to :data:`MAX_PER_PAGE`).
PER_PAGE = 100
MAX_PER_PAGE = 500

T = TypeVar("T")


def page_number(raw: str) -> int:
    """The ``page`` parameter: a whole number from 1 (QueryError otherwise); blank is page 1.

    >>> page_number(""), page_number("3")
    (1, 3)
    """
    text = raw.strip()
    if not text:
        return 1
    if not text.isascii() or not text.isdigit() or len(text) > 9 or int(text) < 1:
        raise QueryError(f"parameter page must be a whole number from 1, got {raw!r}", hint="e.g. page=2, or leave it out")
    return int(text)


def whole_number(name: str, raw: str, low: int, high: int) -> int:
    """Parameter ``name``: a whole number from ``low`` to ``high`` (QueryError naming it otherwise).

    >>> whole_number("per_page", "20", 1, 500)
    20
    """
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise QueryError(f"parameter {name} needs a whole number from {low} to {high}, got {raw!r}",
                         hint=f"e.g. {name}={low}")
    return int(raw)


def window_of(page_param: str, per_page_param: str) -> Window:
    """The window of the ``page`` and ``per_page`` parameters (blank: page 1 of :data:`PER_PAGE` rows)."""
    size = per_page_param.strip()
    return Window(page_number(page_param), whole_number("per_page", size, 1, MAX_PER_PAGE) if size else PER_PAGE)


@dataclass(frozen=True)
class Window:
    """Which rows of a long list one page shows: page ``page`` (from 1) of ``size`` rows."""

    page: int = 1
    size: int = PER_PAGE

    @property
    def start(self) -> int:
        return (self.page - 1) * self.size

    def cut(self, rows: Sequence[T]) -> list[T]:
        """The rows of this page.

        >>> Window(2, 3).cut(list(range(8)))
        [3, 4, 5]
        """
        return list(rows[self.start:self.start + self.size])

    def pages(self, total: int) -> int:
        """How many pages ``total`` rows take (at least one, even for none)."""
        return max(1, -(-total // self.size))


def page_links(number: int, pages: int, query: Callable[[int], str]) -> dict[str, Any]:
    """``page``, ``pages`` and the ``previous``/``next`` query strings (``query(n)``) of page ``number``;
    a page past the last is a QueryError naming the range."""
    if number > pages:
        raise QueryError(f"parameter page: there is no page {number}, this page has {pages}",
                         hint=f"page=1 to page={pages}")
    return {"page": number, "pages": pages, "previous": query(number - 1) if number > 1 else None,
            "next": query(number + 1) if number < pages else None}
