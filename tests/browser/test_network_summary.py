"""The whole view's summary in a real browser: it opens readable, a group drills down, the full graph is
one click away, and on a phone the drawing fills the content width (#13, #14)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from conflictkg.network.paging import MEMBERS_PER_PAGE, PHONE_PER_PAGE

from .test_network import DRAWN_LABELS, READY, assert_labels_fit, open_view, twin, visible_counts

pytestmark = pytest.mark.browser

#: The share of the canvas width the first view's drawing spans on a phone, at least.
PHONE_FILL = 0.9

#: The drawn nodes' horizontal extent (their shapes, edge to edge) in canvas pixels, and the canvas's and its column's widths.
EXTENT = """() => {
    const n = ckgNetwork.network;
    const boxes = ckgNetwork.nodes.getIds().map(id => n.getBoundingBox(id));  /* each node's shape */
    const xs = boxes.flatMap(b => [n.canvasToDOM({x: b.left, y: b.top}).x, n.canvasToDOM({x: b.right, y: b.top}).x]);
    const canvas = document.querySelector('#network canvas').getBoundingClientRect();
    const column = document.querySelector('main').getBoundingClientRect();  /* the site's, around the view */
    const style = getComputedStyle(document.querySelector('main'));
    const content = column.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {span: Math.max(...xs) - Math.min(...xs), canvas: canvas.width, content: content,
            page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth};
}"""


def test_the_summary_opens_readable(page: Any, live_server: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    data = twin(page, live_server, "/network/whole")
    open_view(page, f"{live_server}/network/whole")
    assert visible_counts(page) == (len(data["nodes"]), len(data["edges"]))
    drawn = page.evaluate(DRAWN_LABELS)
    assert_labels_fit(drawn)
    assert len(drawn["boxes"]) == len(data["nodes"])  # every group is named at first sight
    assert page.locator("#groups li a").count() == len(data["groups"])


@pytest.mark.parametrize("width", [1366, 390])
def test_every_group_label_is_drawn_in_full_or_numbered(page: Any, live_server: str, width: int) -> None:
    """No label of the summary is cut (#13): wide, each group's full name is drawn (wrapped between
    words); on a phone, its number in the list of groups, which names it in full, as does its tooltip."""
    page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    data = twin(page, live_server, "/network/whole")
    open_view(page, f"{live_server}/network/whole")
    drawn = page.evaluate(DRAWN_LABELS)
    assert_labels_fit(drawn)  # inside the canvas, none over another, 11 px or more
    texts = {box["id"]: box["text"] for box in drawn["boxes"]}
    assert set(texts) == {node["id"] for node in data["nodes"]}
    listed = {group["id"]: group for group in data["groups"]}
    for node in data["nodes"]:
        group = listed[node["id"]]
        if width > 600:
            assert texts[node["id"]].replace("\n", " ") == node["label"] == group["label"]
        else:
            assert texts[node["id"]] == node["short"] == str(group["number"])
            item = page.locator(f'#groups li[value="{group["number"]}"]')
            assert item.locator("a").text_content() == group["label"]
        tip = page.evaluate("(id) => ckgNetwork.nodes.get(id).title.textContent", node["id"])
        assert group["label"] in tip
    assert any(len(node["label"]) > 40 for node in data["nodes"])  # the long side names are among them


def test_clicking_a_group_drills_down_and_the_full_graph_is_one_click_away(page: Any, live_server: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    open_view(page, f"{live_server}/network/whole")
    group = "urn:conflictkg:group:clause"
    x, y = page.evaluate("""(id) => {
        const n = ckgNetwork.network;
        const p = n.canvasToDOM(n.getPosition(id));
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", group)
    page.mouse.click(x, y)
    page.wait_for_url(f"{live_server}/network/whole?group=clause", timeout=30_000)
    page.wait_for_function(READY, timeout=120_000)
    members = [n for n in twin(page, live_server, "/network/whole?group=clause")["nodes"] if n["kind"] == "clause"]
    assert len(members) > 5 and page.title().startswith("Whole graph: clauses (")
    page.click("#groups a:text('norms')")  # the list beside the drawing: plain links
    page.wait_for_url(f"{live_server}/network/whole?group=norm", timeout=30_000)
    page.click("#net-tools a.full-graph")
    page.wait_for_url(f"{live_server}/network/whole?view=full", timeout=30_000)
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate("() => ckgNetwork.nodes.length") > 20 * len(members)


@pytest.mark.parametrize("path", ["/network/whole", "/network/whole?view=full", "/network/allegations"])
def test_on_a_phone_the_drawing_fills_the_content_width(page: Any, live_server: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, live_server + path)
    extent = page.evaluate(EXTENT)
    assert extent["page"] == extent["viewport"] == 390  # nothing wider than the phone
    assert extent["canvas"] >= extent["content"] - 2  # the canvas takes the column (its border aside)
    assert extent["span"] >= PHONE_FILL * extent["canvas"], extent  # and the drawing the canvas
    assert_labels_fit(page.evaluate(DRAWN_LABELS))


def shown_path(page: Any, base: str) -> str:
    """The path and query of the page as shown (a phone may have opened it again at its page size)."""
    parts = urlsplit(page.url)
    assert page.url.startswith(base)
    return parts.path + (f"?{parts.query}" if parts.query else "")


#: The canvas width the page last chose its labels for equals the canvas's width now (after a resize).
LABELS_CHOSEN = """() => { const layout = document.getElementById('layout');
    return layout.dataset.labelsWidth === String(document.getElementById('network').clientWidth); }"""


def assert_every_label_drawn(page: Any, data: dict[str, Any], mode: str) -> None:
    """Every node of the view has its label drawn, inside the canvas, none over another (bounding boxes),
    in full (wrapped) when ``mode`` is "full", else its number, which the lists beside the drawing name."""
    assert page.get_attribute("#layout", "data-labels") == mode
    drawn = page.evaluate(DRAWN_LABELS)
    assert_labels_fit(drawn)
    texts = {box["id"]: box["text"] for box in drawn["boxes"]}
    assert set(texts) == {node["id"] for node in data["nodes"]}  # as many labels as nodes: none missing
    for node in data["nodes"]:
        if mode == "full":
            assert texts[node["id"]].replace("\n", " ") == node["label"]  # wrapped, never cut
        else:
            assert texts[node["id"]] == node["short"]


@pytest.mark.parametrize("width", [1366, 390])
def test_every_label_of_a_drilled_down_group_is_drawn(page: Any, live_server: str, width: int) -> None:
    """A drilled-down group (#13): wide, every member's and group's full name is drawn, wrapped, none cut,
    none missing; on a phone each is drawn by its number: a member's in the list of members, a group's (G
    and its number) in the list of groups, each list naming it in full."""
    page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    open_view(page, live_server + "/network/whole?group=clause")
    data = twin(page, live_server, shown_path(page, live_server))  # a phone shows it PHONE_PER_PAGE a page
    assert_every_label_drawn(page, data, "full" if width > 600 else "numbers")
    members = [node for node in data["nodes"] if "members" not in node]
    assert any(len(node["label"]) > 40 for node in members)  # the long clause labels are among them
    assert page.locator("#members li").count() == len(members)
    for node in members:
        assert page.locator(f'#members li[value="{node["short"]}"] a').text_content() == node["label"]
    for node in data["nodes"]:
        if "members" in node:
            number = node["short"].removeprefix("G")
            assert page.locator(f'#groups li[value="{number}"] a').text_content() == node["label"]
    assert page.evaluate("() => document.documentElement.scrollWidth") == width  # nothing wider than the window


@pytest.mark.parametrize("path", ["/network/whole?group=clause", "/network/whole"])
def test_labels_are_chosen_again_when_the_viewport_changes(page: Any, live_server: str, path: str) -> None:
    """A phone turned to landscape, a window resized (#13): the labels are chosen again for the new
    canvas, numbers on a narrow one and full names on a wide one, and every one is still drawn."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, live_server + path)
    data = twin(page, live_server, shown_path(page, live_server))
    assert_every_label_drawn(page, data, "numbers")
    for size, mode in (({"width": 1366, "height": 900}, "full"), ({"width": 844, "height": 390}, None),
                       ({"width": 390, "height": 844}, "numbers")):
        page.set_viewport_size(size)
        page.wait_for_function(LABELS_CHOSEN, timeout=10_000)
        page.wait_for_timeout(150)  # the drawing's own redraw after its resize
        chosen = page.get_attribute("#layout", "data-labels")
        assert_every_label_drawn(page, data, mode or chosen)


#: The tallest a drilled-down group's page may be, by window width, however many members the group has
#: (#13: the claims of 2023 drawn and listed at once made a page of 7,000 px at 1366 px, 21,000 px at 390).
PAGE_HEIGHT_MAX = {1366: 2400, 390: 7000}
#: The page's height, the members listed and their links.
LISTED = """() => ({height: document.documentElement.scrollHeight,
    members: [...document.querySelectorAll('#members li')].map(li => [li.value, li.querySelector('a').getAttribute('href')])})"""


@pytest.mark.parametrize("width", [1366, 390])
def test_a_large_group_stays_a_few_screens_tall_and_every_member_is_reachable(page: Any, live_server: str,
                                                                              width: int) -> None:
    """The largest group is drawn and listed a page at a time (network.paging): each page stays within
    PAGE_HEIGHT_MAX, its labels drawn, and following "Next" from the first page lists every member once,
    numbered 1 to N in the order of their names."""
    page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    groups = twin(page, live_server, "/network/whole")["groups"]
    largest = max(groups, key=lambda g: g["members"])
    assert largest["members"] > 150
    open_view(page, f"{live_server}/network/whole?group={largest['key']}")  # a phone: PHONE_PER_PAGE a page
    size = MEMBERS_PER_PAGE if width > 600 else PHONE_PER_PAGE
    seen: dict[int, str] = {}
    while True:
        listed = page.evaluate(LISTED)
        assert listed["height"] <= PAGE_HEIGHT_MAX[width], (page.url, listed["height"])
        assert page.locator("#members-title").text_content().startswith(f"Members {len(seen) + 1}–")
        seen.update({number: href for number, href in listed["members"]})
        assert page.get_attribute("#layout", "data-labels") == ("full" if width > 600 else "numbers")
        assert_labels_fit(page.evaluate(DRAWN_LABELS))
        following = page.locator('.member-pages a[rel="next"]').first
        if not following.count():
            break
        following.click()
        page.wait_for_url(re.compile(rf"[?&]page={len(seen) // size + 1}(&|$)"), timeout=30_000)
        page.wait_for_function(READY, timeout=120_000)
    assert sorted(seen) == list(range(1, largest["members"] + 1))
    assert len(set(seen.values())) == largest["members"] and all(h.startswith("/resource/") for h in seen.values())


def test_a_paged_groups_own_node_says_a_click_opens_another_page(page: Any, live_server: str) -> None:
    """Claims answer claims, so the largest claim group's first page links to members on its other pages:
    the group's own node stands for them, and its card says a click opens another page (not "see its N
    members"); every other group's card still offers its members."""
    groups = twin(page, live_server, "/network/whole")["groups"]
    largest = max((g for g in groups if g["kind"] == "claim"), key=lambda g: g["members"])
    assert largest["members"] > MEMBERS_PER_PAGE
    open_view(page, f"{live_server}/network/whole?group={largest['key']}")
    cards = page.evaluate("() => ckgNetwork.nodes.get().filter(n => n.title).map(n => n.title.textContent)")
    own = [card for card in cards if "open another page of this group" in card]
    assert len(own) == 1 and "members are on other pages" in own[0]
    assert any("Click the group to see its" in card for card in cards)


def test_a_landscape_phone_draws_a_group_by_its_names(page: Any, live_server: str) -> None:
    """On a phone turned to landscape (844×390) a drilled-down group's drawing takes the full width, its lists
    below, and every member's and group's name is drawn in full: beside the panel the canvas was 454 px wide
    and the names did not fit (#13)."""
    page.set_viewport_size({"width": 844, "height": 390})
    path = "/network/whole?group=clause"
    data = twin(page, live_server, path)
    open_view(page, live_server + path)
    assert page.evaluate("() => document.getElementById('network').clientWidth") > 780
    assert_every_label_drawn(page, data, "full")
    assert page.evaluate("() => document.documentElement.scrollWidth") == 844


#: The tallest a drilled-down claim group's page may be on a phone (390×844) when opened from the summary, which
#: asks for PHONE_PER_PAGE members a page and lists only the groups drawn: five screens (30 members a page and
#: every group listed made 6,500 px, #13).
PHONE_PAGE_MAX = 5 * 844


@pytest.mark.parametrize("width", [1366, 390])
def test_a_phone_opens_a_group_a_few_members_a_page(page: Any, live_server: str, width: int) -> None:
    """On a phone the summary's link to a group asks for PHONE_PER_PAGE members a page, and the page stays
    within five screens, its members listed and drawn by their numbers, the groups drawn listed, the others
    not; wide, the link is the plain one (30 a page)."""
    page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    groups = twin(page, live_server, "/network/whole")["groups"]
    largest = max((g for g in groups if g["kind"] == "claim"), key=lambda g: g["members"])
    open_view(page, f"{live_server}/network/whole")
    link = page.locator(f'#groups li[value="{largest["number"]}"] a')
    expected = f"?group={largest['key']}" + (f"&per_page={PHONE_PER_PAGE}" if width < 600 else "")
    assert link.get_attribute("href") == expected
    link.click()
    page.wait_for_url(f"{live_server}/network/whole{expected}", timeout=30_000)
    page.wait_for_function(READY, timeout=120_000)
    listed = page.evaluate(LISTED)
    assert len(listed["members"]) == (PHONE_PER_PAGE if width < 600 else MEMBERS_PER_PAGE)
    if width < 600:
        assert listed["height"] <= PHONE_PAGE_MAX, listed["height"]
        data = twin(page, live_server, f"/network/whole{expected}")
        drawn = {node["id"] for node in data["nodes"]}
        shown = page.evaluate("""() => [...document.querySelectorAll('#groups li')]
            .filter(li => li.offsetParent !== null).map(li => li.value)""")
        assert sorted(shown) == sorted(g["number"] for g in data["groups"] if g["id"] in drawn)
        assert len(shown) < len(data["groups"])
        assert page.locator('.member-pages a[rel="next"]').first.get_attribute("href").endswith(f"per_page={PHONE_PER_PAGE}")
    assert_labels_fit(page.evaluate(DRAWN_LABELS))


def test_a_landscape_phone_draws_the_summary_by_its_names(page: Any, live_server: str) -> None:
    """On a phone turned to landscape (844×390) the summary's drawing takes the full width, its lists below, and
    every group's label is drawn, none cut or over another: beside the panel the canvas was 470 px wide (#13).
    With the record's 45 groups every name was drawn in full; since session 19's 46th (Norway's side) the
    canvas's 390 px no longer hold them all, and the groups are drawn by their numbers, which the list below
    names (the page's own rule, `network.js` chooseLabels)."""
    page.set_viewport_size({"width": 844, "height": 390})
    data = twin(page, live_server, "/network/whole")
    open_view(page, f"{live_server}/network/whole")
    assert page.evaluate("() => document.getElementById('network').clientWidth") > 780
    assert_every_label_drawn(page, data, "full" if len(data["groups"]) <= 45 else "numbers")
    assert page.evaluate("() => document.documentElement.scrollWidth") == 844


def test_a_group_opened_by_its_url_on_a_phone_shows_a_phones_page(page: Any, live_server: str, browser: Any) -> None:
    """A group opened on a phone by a URL without per_page (typed, shared, bookmarked; #13) is opened again,
    once, at PHONE_PER_PAGE members a page, on the page holding the first member the URL's page shows, and
    Back leaves it; a URL that gives per_page, a wide window, a group of a phone's page or fewer, the JSON
    twin and a phone without scripts get the page as asked; the latter chooses a phone's page by a link beside
    the pager."""
    groups = twin(page, live_server, "/network/whole")["groups"]
    key = max((g for g in groups if g["kind"] == "claim"), key=lambda g: g["members"])["key"]
    small = next(g for g in groups if g["members"] <= PHONE_PER_PAGE)["key"]
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, f"{live_server}/network/whole")
    open_view(page, f"{live_server}/network/whole?group={key}&page=3&names=neutral")
    first = 2 * MEMBERS_PER_PAGE + 1  # the URL's page 3 begins with member 61: the phone's page 7 holds it
    page_of_first = (first - 1) // PHONE_PER_PAGE + 1
    assert shown_path(page, live_server) == f"/network/whole?group={key}&page={page_of_first}&names=neutral&per_page={PHONE_PER_PAGE}"
    listed = page.evaluate(LISTED)["members"]
    assert [number for number, _href in listed] == list(range(first, first + PHONE_PER_PAGE))
    page.go_back()  # opened again in its place: Back returns to the summary
    page.wait_for_url(f"{live_server}/network/whole", timeout=30_000)
    for path in (f"?group={key}&per_page={MEMBERS_PER_PAGE}", f"?group={small}"):
        open_view(page, f"{live_server}/network/whole{path}")
        assert shown_path(page, live_server) == f"/network/whole{path}"
    assert len(twin(page, live_server, f"/network/whole?group={key}")["nodes"]) > MEMBERS_PER_PAGE  # the twin as asked
    page.set_viewport_size({"width": 1366, "height": 900})
    open_view(page, f"{live_server}/network/whole?group={key}")
    assert shown_path(page, live_server) == f"/network/whole?group={key}"
    assert len(page.evaluate(LISTED)["members"]) == MEMBERS_PER_PAGE
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(f"{live_server}/network/whole?group={key}")
        assert plain.url == f"{live_server}/network/whole?group={key}"  # without scripts: the page as served
        assert plain.locator("#members li").count() == MEMBERS_PER_PAGE
        assert plain.locator('.member-pages a[rel="next"]').first.get_attribute("href") == f"?group={key}&page=2"
        ten = plain.locator(".member-sizes").get_by_role("link", name=str(PHONE_PER_PAGE), exact=True)  # a phone's page, chosen without scripts
        assert ten.is_visible() and ten.bounding_box()["y"] < 844 * 3  # near the top of the list, not below it
        ten.click()
        plain.wait_for_url(f"{live_server}/network/whole?group={key}&page=1&per_page={PHONE_PER_PAGE}")
        assert plain.locator("#members li").count() == PHONE_PER_PAGE
    finally:
        context.close()
