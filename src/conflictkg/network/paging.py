"""A drilled-down group's members a page at a time (#13).

A group of the whole view can hold hundreds of resources (the claims of a year, the news outlets): drawn
all at once on the grid of :func:`conflictkg.network.graphs.on_grid`, with every label in full, and listed
beside the drawing, its page ran to thousands of pixels (the claims of 2023: 7,000 px at 1366 px wide,
21,000 px on a phone). So a group shows :data:`MEMBERS_PER_PAGE` members at a time (``per_page``:
:data:`MIN_PER_PAGE` to :data:`MAX_PER_PAGE`; a phone's page asks for :data:`PHONE_PER_PAGE`), in the
order of their names (a claim's: its claimant's, then its date) and numbered across pages (31, 32, … on
page 2), with links to a few pages (the first, the last and two either side of this one:
:func:`conflictkg.paging.page_numbers`); the JSON twin says the same (``paging``: ``page``, ``pages``,
``per_page``, ``total``, ``first``, ``last``, ``previous``, ``next`` and ``links``, those pages' numbers and
query strings, None where pages are left out), so a client follows ``next`` through every member. Beside
the pager the page offers the other page sizes as plain links (``sizes``: 10, 30, 100 or "all"), so a phone
without scripts, which is not reopened at :data:`PHONE_PER_PAGE`, can choose the short page itself. A page
is laid out on its own: with the groups it links to, a dozen rows of the grid at most, however large the
group grows.

The page arithmetic, the parameters' checks and the previous and next links are :mod:`conflictkg.paging`'s,
which the site's other paged lists share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from conflictkg.paging import Window, check_page, page_links, page_numbers

#: Members drawn and listed on one page of a drilled-down group: six rows of the grid's five columns.
MEMBERS_PER_PAGE = 30
#: The members a page may hold (``per_page``): a page of fewer is all pager, one of more a long scroll.
MIN_PER_PAGE, MAX_PER_PAGE = 5, 100
#: The members a page holds on a phone (``network.js`` asks for it when it opens a group on a narrow
#: screen): two rows of the grid and a list that fits a screen or two, not 30 claims of five lines each.
PHONE_PER_PAGE = 10
#: The screens that count as a phone's (the page's narrow layout, ``network.css``): there a group opened by
#: a URL without ``per_page`` (typed, shared, bookmarked) is opened again, once, at :data:`PHONE_PER_PAGE`
#: members a page (``network_site.html``).
PHONE_MEDIA = "(max-width: 760px)"


@dataclass(frozen=True)
class MemberPage:
    """The ``window`` of a group's ``total`` members this page shows: ``members`` (IRIs, in the group's
    order)."""

    window: Window
    total: int
    members: list[str]

    @property
    def page(self) -> int:
        return self.window.page

    @property
    def size(self) -> int:
        return self.window.size

    @property
    def start(self) -> int:
        return self.window.start

    @property
    def pages(self) -> int:
        return self.window.pages(self.total)

    @property
    def paged(self) -> bool:
        return self.pages > 1


#: What has the pages, in the message refusing a page outside them.
WHOLE = "this group's list of members"


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
    window = Window(page, size)
    check_page(page, window.pages(len(ordered)), WHOLE)
    return MemberPage(window, len(ordered), window.cut(ordered))


def paging_json(found: MemberPage, key: str, base: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """What the page and its JSON twin say of the paging of group ``key``: the numbers of the first and
    last members shown, the query strings of the previous and next pages (None at either end), and the
    pages the pager links (``links``: ``{"page", "href"}`` of the first, the last and two either side of
    this one, None where pages are left out) and the other page sizes (``sizes``, :func:`size_links`); a page
    size other than :data:`MEMBERS_PER_PAGE` is kept in every query string, after the view's own parameters
    ``base`` (a clause view's ``clause``, #14).

    >>> paged = paging_json(member_page(list("abcdefg"), 3, 3), "claim-2023")
    >>> paged["first"], paged["last"], paged["previous"], paged["next"], paged["links"][0]
    (7, 7, '?group=claim-2023&page=2&per_page=3', None, {'page': 1, 'href': '?group=claim-2023&page=1&per_page=3'})
    >>> [link and link["page"] for link in paging_json(member_page(list(range(40)), 7, 5), "g")["links"]]
    [1, None, 5, 6, 7, 8]
    >>> paging_json(member_page(list("abcdefg"), 1, 3), "claim-2023", {"clause": ["6"]})["next"]
    '?clause=6&group=claim-2023&page=2&per_page=3'
    """
    def query(number: int) -> str:
        return _query(key, number, found.size, base)

    links = page_links(found.page, found.pages, query, WHOLE)
    shown = found.window.shown(found.total)
    return {"page": found.page, "pages": found.pages, "per_page": found.size, "total": found.total,
            "first": found.start + 1 if shown else 0, "last": found.start + shown,
            "previous": links["previous"], "next": links["next"],
            "links": [None if n is None else {"page": n, "href": query(n)}
                      for n in page_numbers(found.page, found.pages)],
            "sizes": size_links(found, key, base)}


def href(base: dict[str, list[str]] | None = None, **extra: str | int) -> str:
    """The query string of a link to the same view: its own parameters ``base`` (e.g. a clause view's
    ``clause``, every value), then ``extra`` in the order given; the one builder of a view's links (its
    summary's, its groups', their pages').

    >>> href({}, view="summary"), href({"clause": ["6", "7"]}, group="side-armenia", page=2)
    ('?view=summary', '?clause=6&clause=7&group=side-armenia&page=2')
    >>> href({"clause": ["6"]}, group="a b/c")  # encoded as a form's values are
    '?clause=6&group=a+b%2Fc'
    """
    own = [(name, value) for name, values in (base or {}).items() for value in values]
    return "?" + urlencode([*own, *extra.items()])


def _query(key: str, page: int, size: int, base: dict[str, list[str]] | None = None) -> str:
    """The query string of page ``page`` of group ``key`` at ``size`` members a page (the default size unsaid),
    after the view's own parameters ``base``."""
    return href(base, group=key, page=page, **({"per_page": size} if size != MEMBERS_PER_PAGE else {}))


#: The page sizes a group's page offers, smallest first: a phone's, the default, the largest.
SIZES = (PHONE_PER_PAGE, MEMBERS_PER_PAGE, MAX_PER_PAGE)


def size_links(found: MemberPage, key: str, base: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """The other page sizes a reader may choose, as links a page without scripts follows (a phone opening a
    large group by a plain URL gets :data:`MEMBERS_PER_PAGE` members unless its script reopens it): each of
    :data:`SIZES` up to the first that holds every member (named ``"all"``), on
    the page that holds the first member this one shows; ``href`` is None for the current size. None when
    the group fits a phone's page.

    >>> [(s["text"], s["href"]) for s in size_links(member_page(list(range(47)), 2), "g")]
    [('10', '?group=g&page=4&per_page=10'), ('30', None), ('all', '?group=g&page=1&per_page=100')]
    >>> [s["text"] for s in size_links(member_page(list(range(400)), 3, 10), "g")]
    ['10', '30', '100']
    >>> size_links(member_page(list(range(9))), "g")
    []
    """
    if found.total <= PHONE_PER_PAGE:
        return []
    sizes = [size for size in SIZES if size < found.total] + [next((s for s in SIZES if s >= found.total), MAX_PER_PAGE)]
    links = []
    for size in dict.fromkeys(sizes):
        links.append({"per_page": size, "text": "all" if size >= found.total else str(size),
                      "href": None if size == found.size else _query(key, found.start // size + 1, size, base)})
    return links
