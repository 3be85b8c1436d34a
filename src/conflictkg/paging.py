"""Long lists a page at a time: the page arithmetic and the links between pages, one rule for every paged
list of the site (#13, #14).

The pages (:mod:`conflictkg.pages.paging`: search, the incidents list, the entity pages' long lists) and the
network views (:mod:`conflictkg.network.paging`: a drilled-down group's members) page their lists the same
way, each with its own page size: a ``page`` parameter is a whole number from 1, a page is a
:class:`Window` of ``size`` rows, a page past the last is a 400 (:class:`~conflictkg.errors.QueryError`)
that names the range, and a paged answer says ``page``, ``pages``, ``previous`` and ``next`` (query
strings, None at either end), so a client follows ``next`` through every row. A pager that links pages
by number links a few (:func:`page_numbers`: the first, the last and two either side of this one), never
every page: a group of 40 pages made a pager of 40 links, six lines on a phone (#13).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from conflictkg.errors import QueryError

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


@dataclass(frozen=True)
class Window:
    """Which rows of a long list one page shows: page ``page`` (from 1) of ``size`` rows."""

    page: int
    size: int

    @property
    def start(self) -> int:
        """How many rows come before this page's."""
        return (self.page - 1) * self.size

    def cut(self, rows: Sequence[T]) -> list[T]:
        """The rows of this page.

        >>> Window(2, 3).cut(list(range(8)))
        [3, 4, 5]
        """
        return list(rows[self.start:self.start + self.size])

    def pages(self, total: int) -> int:
        """How many pages ``total`` rows take (at least one, even for none).

        >>> Window(1, 3).pages(7), Window(1, 3).pages(0)
        (3, 1)
        """
        return max(1, -(-total // self.size))

    def shown(self, total: int) -> int:
        """How many of ``total`` rows this page shows (none past the last page).

        >>> Window(3, 3).shown(7), Window(4, 3).shown(7)
        (1, 0)
        """
        return max(0, min(self.size, total - self.start))


def check_page(number: int, pages: int, whole: str = "this page") -> int:
    """``number`` if it is a page of the ``pages`` of ``whole`` (what has the pages), else a QueryError
    naming the range (a 400: a page past the last is a page the client made up).

    >>> check_page(2, 3)
    2
    """
    if not 1 <= number <= pages:
        raise QueryError(f"parameter page: there is no page {number}, {whole} has {pages} page{'s' if pages != 1 else ''}",
                         hint=f"page=1 to page={pages}")
    return number


def page_links(number: int, pages: int, query: Callable[[int], str], whole: str = "this page") -> dict[str, Any]:
    """``page``, ``pages`` and the ``previous``/``next`` query strings (``query(n)``) of page ``number``
    (:func:`check_page` refuses a page outside 1 to ``pages``).

    >>> page_links(2, 3, lambda n: f"?page={n}")
    {'page': 2, 'pages': 3, 'previous': '?page=1', 'next': '?page=3'}
    """
    check_page(number, pages, whole)
    return {"page": number, "pages": pages, "previous": query(number - 1) if number > 1 else None,
            "next": query(number + 1) if number < pages else None}


#: Pages linked either side of the current one by a pager that lists page numbers.
AROUND = 2


def page_numbers(number: int, pages: int, around: int = AROUND) -> list[int | None]:
    """The page numbers a pager links on page ``number`` of ``pages``: the first, the last and ``around``
    either side of ``number``, in order, None where pages are left out (an ellipsis); a single page left
    out is linked instead, as it takes no more room than the ellipsis.

    >>> page_numbers(6, 12)
    [1, None, 4, 5, 6, 7, 8, None, 12]
    >>> page_numbers(1, 12), page_numbers(4, 7)
    ([1, 2, 3, None, 12], [1, 2, 3, 4, 5, 6, 7])
    """
    check_page(number, pages)
    shown = sorted({1, pages, *range(max(1, number - around), min(pages, number + around) + 1)})
    out: list[int | None] = [shown[0]]
    for before, n in zip(shown, shown[1:]):
        if n - before > 1:
            out.append(n - 1 if n - before == 2 else None)
        out.append(n)
    return out
