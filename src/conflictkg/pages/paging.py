"""The pages' long lists a page at a time (#14): their page size and its bounds, and the window of the
``page`` and ``per_page`` parameters.

Search, the entity pages (clause, actor, place, incident, ...) and their JSON twins share these; the page
arithmetic, the parameters' checks and the links between pages are :mod:`conflictkg.paging`'s, which the
network views' paged groups use too: a page parameter is a whole number from 1, a page past the last is a
400 that names the range, and a paged page says ``page``, ``pages``, ``previous`` and ``next`` in its
``extra`` (query strings, None at either end), so a client follows ``next`` through every row.
"""

from __future__ import annotations

from conflictkg.paging import Window, page_number, whole_number

#: Rows of one long list on one page of an entity page (``per_page``: 1 to :data:`MAX_PER_PAGE`).
PER_PAGE = 100
MAX_PER_PAGE = 500


def window_of(page_param: str, per_page_param: str) -> Window:
    """The window of the ``page`` and ``per_page`` parameters (blank: page 1 of :data:`PER_PAGE` rows).

    >>> window_of("", ""), window_of("2", "20")
    (Window(page=1, size=100), Window(page=2, size=20))
    """
    size = per_page_param.strip()
    return Window(page_number(page_param), whole_number("per_page", size, 1, MAX_PER_PAGE) if size else PER_PAGE)
