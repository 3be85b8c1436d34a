"""A drilled-down group's members a page at a time (#13).

A group of the whole view can hold hundreds of resources (the claims of a year, the news outlets): drawn
all at once on the grid of :func:`conflictkg.network.graphs.on_grid`, with every label in full, and listed
beside the drawing, its page ran to thousands of pixels (the claims of 2023: 7,000 px at 1366 px wide,
21,000 px on a phone). So a group shows :data:`MEMBERS_PER_PAGE` members at a time, in the order of their
labels and numbered across pages (41, 42, … on page 2), with links to every page; the JSON twin says the
same (``paging``: ``page``, ``pages``, ``total``, ``first``, ``last``, ``previous``, ``next`` and the
query string of every page), so a client follows ``next`` through every member. A page is laid out on
its own: with the groups it links to, a dozen rows of the grid at most, however large the group grows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from conflictkg.errors import QueryError

#: Members drawn and listed on one page of a drilled-down group: six rows of the grid's five columns.
MEMBERS_PER_PAGE = 30


@dataclass(frozen=True)
class MemberPage:
    """Page ``page`` of ``pages``: ``members`` (IRIs, in the group's order), the ``start`` members before
    them, of ``total``, ``size`` a page."""

    page: int
    pages: int
    total: int
    start: int
    members: list[str]
    size: int = MEMBERS_PER_PAGE

    @property
    def paged(self) -> bool:
        return self.pages > 1


def member_page(ordered: list[str], page: int = 1, size: int = MEMBERS_PER_PAGE) -> MemberPage:
    """Page ``page`` (from 1) of the members ``ordered``, ``size`` a page.

    >>> p = member_page([f"m{i}" for i in range(1, 8)], 2, 3)
    >>> p.members, p.start, p.pages, p.total
    (['m4', 'm5', 'm6'], 3, 3, 7)
    >>> member_page([], 1, 3).pages
    1

    Raises:
        QueryError: a page before the first or past the last (the message names the range; a 400, as
            the site's other paged lists answer).
    """
    pages = max(1, -(-len(ordered) // size))
    if not 1 <= page <= pages:
        raise QueryError(f"this group has {pages} page{'s' if pages > 1 else ''} of members, not page {page}",
                        hint=f"page=1 to page={pages}")
    start = (page - 1) * size
    return MemberPage(page, pages, len(ordered), start, ordered[start:start + size], size)


def paging_json(found: MemberPage, key: str) -> dict[str, Any]:
    """What the page and its JSON twin say of the paging of group ``key``: the numbers of the first and
    last members shown, and the query strings of the previous, next and every page (None at either end).

    >>> paged = paging_json(member_page(list("abcdefg"), 3, 3), "claim-2023")
    >>> paged["first"], paged["last"], paged["previous"], paged["next"], paged["links"][0]
    (7, 7, '?group=claim-2023&page=2', None, '?group=claim-2023&page=1')
    """
    def query(number: int) -> str:
        return "?" + urlencode({"group": key, "page": number})

    return {"page": found.page, "pages": found.pages, "per_page": found.size, "total": found.total,
            "first": found.start + 1 if found.members else 0, "last": found.start + len(found.members),
            "previous": query(found.page - 1) if found.page > 1 else None,
            "next": query(found.page + 1) if found.page < found.pages else None,
            "links": [query(n) for n in range(1, found.pages + 1)]}
