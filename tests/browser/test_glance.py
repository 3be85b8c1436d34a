"""See it at a glance, in a browser (issue #13): the site header on one line at 1366 px and usable
at 390 px, the list of network views in the site's layout, a point's versions side by side (stacked
on a phone), and search paged with next and previous links."""

from __future__ import annotations

import re

import pytest

P6 = "/resource/agreement-tri2020-p6"
WIDE, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}
#: Every link the header offers (on the line or under "More" / "Menu").
LINKS = ["/resource/agreement-tri2020", "/incidents", "/timeline", "/map", "/network", "/query",
         "/coverage", "/sparql", "/about"]


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("path", ["/", P6, "/network", "/search?q=lachin", "/incidents"])
def test_the_header_is_one_line_at_1366(page, live_server, path):
    page.set_viewport_size(WIDE)
    page.goto(live_server + path)
    items = page.locator("header.site nav > *").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect()).map(r => [r.top, r.bottom])")
    assert len(items) >= 9
    line_top, line_bottom = max(t for t, _ in items), min(b for _, b in items)
    assert line_top < line_bottom, f"the header's items are on more than one line: {items}"
    header = page.locator("header.site").evaluate("h => h.getBoundingClientRect().height")
    tallest = max(b - t for t, b in items)
    assert header <= tallest + 24  # one line and its padding
    assert no_sideways_scroll(page)


def test_more_opens_the_rarer_links_without_moving_the_page(page, live_server):
    page.set_viewport_size(WIDE)
    page.goto(live_server + "/")
    before = page.locator("main").evaluate("m => m.getBoundingClientRect().top")
    assert not page.locator('details.nav-more a[href="/about"]').is_visible()
    page.click("details.nav-more > summary")
    visible = [a for a in LINKS if page.locator(f'header.site a[href="{a}"]:visible').count() == 1]
    assert visible == LINKS
    assert page.locator("main").evaluate("m => m.getBoundingClientRect().top") == before  # the menu floats
    page.click('details.nav-more a[href="/about"]')
    page.wait_for_url(re.compile(r"/about$"))


def test_the_header_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/")
    assert no_sideways_scroll(page)
    header = page.locator("header.site").evaluate("h => h.getBoundingClientRect().height")
    assert header < 140, "brand and menu, then search, then the naming switch"
    assert page.locator("header.site input[type=search]").evaluate("i => i.getBoundingClientRect().width") > 300
    assert page.locator("header.site a.primary:visible").count() == 0
    page.click("details.nav-more > summary")
    visible = [a for a in LINKS if page.locator(f'header.site a[href="{a}"]:visible').count() == 1]
    assert visible == LINKS
    for box in page.locator("details.nav-more a").evaluate_all("els => els.map(e => e.getBoundingClientRect())"):
        assert box["left"] >= 0 and box["right"] <= 390 and box["height"] >= 24  # on screen, big enough to tap


def test_the_list_of_network_views_has_the_site_header_and_footer(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/network")
    assert page.locator("header.site").count() == 1 and page.locator("footer").count() == 1
    assert page.locator("main h1").inner_text() == "Network views"
    assert no_sideways_scroll(page)
    page.click('nav.toc a[href="#view-clause"]')
    assert page.locator("#view-clause h2").evaluate("h => h.getBoundingClientRect().top") < 100


def test_versions_side_by_side_then_stacked_on_a_phone(page, live_server):
    page.set_viewport_size(WIDE)
    page.goto(live_server + P6)
    table = page.locator("table.versions")
    row = table.locator("tbody tr").first
    tops = row.locator("td").evaluate_all("tds => tds.map(td => Math.round(td.getBoundingClientRect().top))")
    assert len(tops) >= 6 and len(set(tops)) == 1  # one column per version
    assert table.locator("ins.diff").count() >= 4 and no_sideways_scroll(page)
    assert table.locator("ins.diff", has_text="Kalbajar").first.get_attribute("title").endswith(": Kelbajar")
    page.set_viewport_size(PHONE)
    page.goto(live_server + P6)
    cells = page.locator("table.versions tbody tr").first.locator("td:visible")
    boxes = cells.evaluate_all("tds => tds.map(td => td.getBoundingClientRect())")
    assert len(boxes) >= 2
    assert all(a["bottom"] <= b["top"] + 1 for a, b in zip(boxes, boxes[1:], strict=False))  # stacked
    assert len({round(b["left"]) for b in boxes}) == 1 and all(b["right"] <= 390 for b in boxes)
    label = cells.first.evaluate("td => getComputedStyle(td, '::before').content")
    assert "English text" in label  # each stacked cell names its version
    assert no_sideways_scroll(page)


def test_search_pages_with_next_and_previous(page, live_server):
    page.set_viewport_size(WIDE)
    page.goto(live_server + "/search?q=a")
    first = page.locator("tbody td a").first.text_content()
    page.locator('nav.pager a[rel="next"]').first.click()
    page.wait_for_url(re.compile(r"page=2"))
    assert page.locator("nav.pager span").first.inner_text().startswith("hits 101–")
    assert page.locator("tbody td a").first.text_content() != first
    page.locator('nav.pager a[rel="prev"]').first.click()
    page.wait_for_url(re.compile(r"/search\?q=a$"))
    assert page.locator("tbody td a").first.text_content() == first


@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_the_coverage_page_lists_the_other_side_searches_readably(page, live_server, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server + "/coverage")
    section = page.locator("#other-side")
    section.scroll_into_view_if_needed()
    incidents = section.locator("ol.searches > li")
    assert incidents.count() >= 13 and section.locator("ul.queries q").count() >= incidents.count()
    box = section.locator("ol.searches").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert no_sideways_scroll(page)
    first = incidents.first.locator("p.searched-incident a").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(f"**{href}")
    assert page.locator("h1").first.inner_text().strip()


def test_on_a_phone_the_list_of_network_views_folds_and_the_timeline_stays_in_the_window(page, live_server):
    """A first visit on a phone (#13): /network was 11,500 px tall with a link per incident; the
    timeline's last year label pushed the page 2 px wider than the window."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/network")
    incidents = page.locator("#view-incident")
    total = incidents.locator("li a:not(small a)").count()
    assert total > 50 and incidents.locator("details.long").count() == 1  # every view is still listed, folded
    assert page.evaluate("document.documentElement.scrollHeight") < 5000
    incidents.locator("details.long summary").click()
    assert incidents.locator("details.long li").first.is_visible()
    page.goto(live_server + "/timeline")
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    last = page.locator(".tl-axis span.end").first
    box, axis = last.bounding_box(), page.locator(".tl-axis").first.bounding_box()
    assert box is not None and axis is not None and box["x"] + box["width"] <= axis["x"] + axis["width"] + 0.5


def test_search_hits_fit_a_phone_and_stay_a_table_at_1366(page, live_server):
    """Search on a phone (#13): the hits' table scrolled sideways (four columns of at least 8em); now each
    hit is a row of its own, its name then the name matched and how, the type said by the group's heading."""
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/search?q=Lachin")
    places = page.locator("#results-place")
    first = places.locator("tbody tr").first
    assert first.locator("td").first.locator("a").is_visible() and not first.locator("td").nth(1).is_visible()
    assert not places.locator("thead").is_visible()
    scroll = places.locator(".scroll")
    assert scroll.evaluate("e => e.scrollWidth <= e.clientWidth")  # the table no longer scrolls in its box
    rows = places.locator("tbody tr").evaluate_all("rs => rs.map(r => r.getBoundingClientRect().right)")
    assert rows and max(rows) <= 390 and no_sideways_scroll(page)
    page.evaluate("document.querySelectorAll('details.long').forEach(d => d.open = true)")  # the folded groups too
    boxes = page.locator(".table-section .scroll").evaluate_all("es => es.map(e => e.scrollWidth - e.clientWidth)")
    assert len(boxes) >= 4 and max(boxes) <= 0
    matched = first.locator("td").nth(2)
    assert "matched: " in matched.evaluate("td => getComputedStyle(td, '::before').content")
    page.set_viewport_size(WIDE)
    page.goto(live_server + "/search?q=Lachin")
    assert places.locator("thead").is_visible() and first.locator("td").nth(1).inner_text() == "place"
