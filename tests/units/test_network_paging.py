"""A drilled-down group's members a page at a time (#13): the window, its links, and every member of the
largest group reached once by following the pages."""

from __future__ import annotations

import pytest

from conflictkg.errors import QueryError
from conflictkg.network import ViewError, ViewRequest, network_view
from conflictkg.network.paging import MEMBERS_PER_PAGE, member_page, paging_json
from conflictkg.network.summary import GROUP_ID, summary_view

SUMMARY = ViewRequest("whole", scope="summary")


@pytest.mark.parametrize(("total", "page", "members", "pages"), [
    (0, 1, [], 1), (1, 1, [0], 1), (5, 1, [0, 1, 2, 3, 4], 1), (6, 2, [5], 2), (10, 2, [5, 6, 7, 8, 9], 2),
])
def test_a_page_holds_its_window_of_members(total, page, members, pages):
    found = member_page(list(range(total)), page, 5)  # type: ignore[arg-type]
    assert found.members == members and found.pages == pages and found.total == total
    assert found.start == (page - 1) * 5 and found.paged == (pages > 1)


@pytest.mark.parametrize("page", [0, -1, 3, 99])
def test_a_page_outside_the_group_is_refused_naming_the_range(page):
    with pytest.raises(QueryError, match=f"there is no page {page}, this group's list of members has 2 pages") as caught:
        member_page(list(range(7)), page, 5)  # type: ignore[arg-type]
    assert not isinstance(caught.value, ViewError)  # a 400, as the site's other paged lists
    assert caught.value.hint == "page=1 to page=2"


def test_the_links_reach_every_page_and_stop_at_either_end():
    first = paging_json(member_page(list("abcdefghijk"), 1, 5), "claim-2023")
    last = paging_json(member_page(list("abcdefghijk"), 3, 5), "claim-2023")
    assert first["previous"] is None and first["next"] == "?group=claim-2023&page=2&per_page=5"  # not the default size
    assert last["next"] is None and last["previous"] == "?group=claim-2023&page=2&per_page=5"
    assert first["links"] == [{"page": n, "href": f"?group=claim-2023&page={n}&per_page=5"} for n in (1, 2, 3)]
    assert first["links"] == last["links"]
    default = paging_json(member_page(list(range(40)), 1), "claim-2023")  # type: ignore[arg-type]
    assert default["next"] == "?group=claim-2023&page=2" and default["per_page"] == MEMBERS_PER_PAGE
    assert (first["first"], first["last"], last["first"], last["last"], last["total"]) == (1, 5, 11, 11, 11)
    assert paging_json(member_page([], 1, 5), "x")["first"] == 0


def test_following_the_pages_reaches_every_member_of_the_largest_group_once(staged, res):
    """Each page draws at most MEMBERS_PER_PAGE members, numbered across pages in the order of their names;
    together the pages hold every member once, and the group's own node stands for the other pages' members."""
    groups = summary_view(staged.store, res, SUMMARY).groups
    largest = max(groups, key=lambda g: g["members"])
    assert largest["members"] > 2 * MEMBERS_PER_PAGE
    seen: dict[str, str] = {}
    labels: list[str] = []
    page, pages = 1, None
    while page:
        view = summary_view(staged.store, res, ViewRequest("whole", scope="group", group=largest["key"], page=page))
        members = [node for node in view.nodes.values() if not node.iri.startswith(GROUP_ID)]
        assert 0 < len(members) <= MEMBERS_PER_PAGE
        assert view.paging["first"] == len(seen) + 1 and view.paging["last"] == len(seen) + len(members)
        for node in members:
            assert node.iri not in seen
            seen[node.iri] = node.short or ""
            labels.append(node.label.casefold())
        own = view.nodes.get(GROUP_ID + largest["key"])
        if own is not None:  # the page's links to the other pages' members
            assert own.members == largest["members"] - len(members) and "members on other pages" in own.label
            assert own.href == (view.paging["next"] or view.paging["previous"])  # clicked: another page
        pages = view.paging["pages"]
        assert view.params.get("page") == [str(page)]
        page = page + 1 if view.paging["next"] else 0
    assert len(seen) == largest["members"] and pages == -(-largest["members"] // MEMBERS_PER_PAGE)
    assert sorted(int(n) for n in seen.values()) == list(range(1, len(seen) + 1))
    assert labels == sorted(labels)


def test_a_small_group_is_one_page_and_a_page_past_the_last_is_refused(staged, res):
    view = network_view(staged.store, res, ViewRequest("whole", scope="group", group="clause"))
    assert view.paging["pages"] == 1 and "page" not in view.params
    assert GROUP_ID + "clause" not in view.nodes  # no other pages: the group is not drawn in itself
    with pytest.raises(QueryError, match="there is no page 2, this group's list of members has 1 page"):
        summary_view(staged.store, res, ViewRequest("whole", scope="group", group="clause", page=2))
    with pytest.raises(ViewError, match="a page of members applies to a drilled-down group"):
        network_view(staged.store, res, ViewRequest("whole", scope="summary", page=2))


def test_a_long_groups_pager_links_the_ends_and_the_pages_near_this_one():
    """A group of 40 pages linked every one of them: six lines of numbers on a phone (#13). The pager links
    the first, the last and two either side of this page, an ellipsis (None) for the others; previous and
    next stay."""
    members = [f"m{i:03}" for i in range(200)]
    paged = paging_json(member_page(members, 20, 5), "claim-2023")
    assert [link and link["page"] for link in paged["links"]] == [1, None, 18, 19, 20, 21, 22, None, 40]
    assert all(link["href"] == f"?group=claim-2023&page={link['page']}&per_page=5" for link in paged["links"] if link)
    assert (paged["previous"], paged["next"]) == ("?group=claim-2023&page=19&per_page=5", "?group=claim-2023&page=21&per_page=5")
    assert [link and link["page"] for link in paging_json(member_page(members, 1, 5), "g")["links"]] == [1, 2, 3, None, 40]


def test_a_views_links_and_its_pages_links_have_one_builder():
    """The summary's links, its groups' and their pages' are built by one function (``paging.href``): a group of
    a clause view keeps its clause first, a page of it its group, page and size after (#14)."""
    from conflictkg.network import paging, summary
    from conflictkg.web import network as web_network

    assert summary.href is paging.href is web_network.href  # type: ignore[attr-defined]
    found = paging_json(member_page(list(range(40)), 2, 10), "claim-2023", {"clause": ["6", "7"]})
    assert found["previous"] == paging.href({"clause": ["6", "7"]}, group="claim-2023", page=1, per_page=10)
    assert found["previous"] == "?clause=6&clause=7&group=claim-2023&page=1&per_page=10"
    assert paging.href({"clause": ["6"]}, view="summary") == "?clause=6&view=summary"
