"""The one rule of the site's paged lists (conflictkg.paging): the entity pages, search, the incidents
list and the network views' groups page with it (#13, #14)."""

from __future__ import annotations

import pytest

from conflictkg.errors import QueryError
from conflictkg.network.paging import member_page, paging_json
from conflictkg.pages.paging import window_of
from conflictkg.paging import Window, check_page, page_links, page_number, page_numbers, whole_number


@pytest.mark.parametrize(("page", "size", "total", "rows", "pages", "shown"), [
    (1, 3, 0, [], 1, 0), (1, 3, 7, [0, 1, 2], 3, 3), (3, 3, 7, [6], 3, 1), (4, 3, 7, [], 3, 0),
    (2, 100, 250, list(range(100, 200)), 3, 100),
])
def test_a_window_cuts_its_rows_and_counts_the_pages(page, size, total, rows, pages, shown):
    window = Window(page, size)
    assert window.cut(list(range(total))) == rows and window.pages(total) == pages and window.shown(total) == shown
    assert window.start == (page - 1) * size


@pytest.mark.parametrize(("number", "pages", "previous", "following"), [
    (1, 1, None, None), (1, 3, None, "?page=2"), (2, 3, "?page=1", "?page=3"), (3, 3, "?page=2", None),
])
def test_the_links_stop_at_either_end(number, pages, previous, following):
    assert page_links(number, pages, lambda n: f"?page={n}") == {"page": number, "pages": pages,
                                                                 "previous": previous, "next": following}


@pytest.mark.parametrize(("number", "pages", "text"), [
    (0, 3, "there is no page 0, this page has 3 pages"), (4, 3, "there is no page 4, this page has 3 pages"),
    (2, 1, "there is no page 2, this page has 1 page"),
])
def test_a_page_outside_the_range_is_refused_naming_it(number, pages, text):
    with pytest.raises(QueryError, match=text) as caught:
        check_page(number, pages)
    assert caught.value.hint == f"page=1 to page={pages}"


@pytest.mark.parametrize("raw", ["0", "-1", "x", "1.5", "١", "9" * 10])
def test_a_page_parameter_is_a_whole_number_from_one(raw):
    with pytest.raises(QueryError, match="parameter page must be a whole number from 1"):
        page_number(raw)


@pytest.mark.parametrize("raw", ["4", "101", "", "ten", "-5", "1e2"])
def test_a_bounded_parameter_names_its_range(raw):
    with pytest.raises(QueryError, match=f"parameter per_page needs a whole number from 5 to 100, got {raw!r}"):
        whole_number("per_page", raw, 5, 100)


def test_the_pages_and_the_network_groups_page_alike():
    """The same rows on the same page, the same number of pages, the same links: one rule, two sizes."""
    rows = [f"r{i}" for i in range(23)]
    for page in (1, 2, 3):
        window = window_of(str(page), "10")
        found = member_page(rows, page, 10)
        assert found.members == window.cut(rows) and found.pages == window.pages(len(rows)) == 3
        paged = paging_json(found, "g")
        links = page_links(page, 3, lambda n: f"?group=g&page={n}&per_page=10")
        assert (paged["previous"], paged["next"]) == (links["previous"], links["next"])


@pytest.mark.parametrize(("number", "pages", "linked"), [
    (1, 1, [1]), (2, 2, [1, 2]), (1, 12, [1, 2, 3, None, 12]), (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
    (12, 12, [1, None, 10, 11, 12]), (4, 7, [1, 2, 3, 4, 5, 6, 7]), (5, 8, [1, 2, 3, 4, 5, 6, 7, 8]),
    (5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]), (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),
])
def test_a_pager_links_the_ends_and_two_pages_either_side(number, pages, linked):
    """First, last, this page and two either side; None for an ellipsis, never for a single page (#13)."""
    assert page_numbers(number, pages) == linked


def test_a_pager_refuses_a_page_outside_the_range():
    with pytest.raises(QueryError, match="there is no page 13, this page has 12 pages"):
        page_numbers(13, 12)
