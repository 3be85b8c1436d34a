"""The pages in a real browser (Debian's Chromium driven by Playwright): every page type loads,
a library question runs from the query page, the naming switch changes place names, links lead
on, and a hostile label is shown as text, never executed."""

from __future__ import annotations

import re

import pytest

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'

PAGES = [
    ("/", "conflictkg: claims about the 9/10 November 2020 statement", "clauses"),
    ("/resource/agreement-tri2020-p6", "Point 6", "allegations"),
    ("/resource/incident-2022-03-24-parukh-farrukh", "Parukh / Farrukh, 24-28 March 2022", "claim-thread"),
    ("/resource/agent-az-mod", "Ministry of Defence of Azerbaijan", "claims"),
    ("/resource/place-parukh-farrukh", "Parukh / Farrukh", "names"),
    ("/resource/source-armenpress-1079016", "Armenpress, 2022-03-26", "claims"),
    ("/resource/claim-az-mod-2022-03-26-denial", "Azerbaijani MoD, 26 March 2022", "sources"),
    ("/resource/norm-tri2020-p6-traffic-guarantee", "Point 6", "status"),
    ("/query", "Query the graph", None),
    ("/search?q=f%C9%99rrux", "Search: fərrux", "results-place"),
    ("/search?q=%D0%A4%D0%B0%D1%80%D1%83%D1%85", "Search: Фарух", "results-place"),
]


@pytest.mark.parametrize(("path", "heading", "section"), PAGES)
def test_every_page_type_loads(page, live_server, path, heading, section):
    page.goto(live_server + path)
    assert page.locator("h1").inner_text().startswith(heading)
    if section:
        assert page.locator(f'[data-section="{section}"]').count() == 1
        assert page.locator(f'[data-section="{section}"] a').count() > 0
    assert page.locator('link[rel="alternate"][type="application/json"]').count() == 1


def test_run_a_library_question_from_the_query_page_and_follow_a_link(page, live_server):
    page.goto(live_server + "/query")
    page.select_option("#query-id", "place-by-name")
    page.wait_for_url(re.compile(r"/query\?id=place-by-name$"))
    page.fill('input[data-param="name"]', "Փառուխ")
    page.click("#run-query")
    page.wait_for_selector("#results table")
    assert "name=%D5%" in page.url  # the URL reproduces the query with its parameter
    assert "Փառուխ" in page.locator("#results").inner_text()
    page.click('#results a[href="/resource/place-parukh-farrukh"] >> nth=0')
    page.wait_for_url(re.compile(r"/resource/place-parukh-farrukh$"))
    assert page.locator("h1").inner_text() == "Parukh / Farrukh"


def test_naming_switch_changes_place_names_everywhere(page, live_server):
    page.goto(live_server + "/resource/place-parukh-farrukh")
    page.select_option("#names-switch", "azerbaijani")
    page.wait_for_url(re.compile(r"names=azerbaijani"))
    assert page.locator("h1").inner_text() == "Farrukh"
    page.goto(live_server + "/resource/incident-2022-03-24-parukh-farrukh")  # no parameter: the cookie
    events = page.locator('[data-section="events"]').text_content()  # folded: the rows are hidden
    assert "Farrukh" in events and "Parukh / Farrukh" not in events
    assert page.locator("h1").inner_text().startswith("Farrukh, 24-28 March 2022")  # a title composed with the name
    page.select_option("#names-switch", "armenian")
    page.wait_for_url(re.compile(r"names=armenian"))
    assert "Parukh" in page.locator('[data-section="events"]').text_content()
    page.select_option("#names-switch", "neutral")


def test_from_home_to_clause_to_claim_to_source(page, live_server):
    page.goto(live_server + "/")
    page.click('[data-section="clauses"] a[href="/resource/agreement-tri2020-p4"]')
    page.wait_for_url(re.compile(r"agreement-tri2020-p4$"))
    page.click('[data-section="allegations"] li.claim a[href^="/resource/claim-"] >> nth=0')
    page.wait_for_url(re.compile(r"/resource/claim-"))
    assert page.locator('[data-section="sources"] a.external').count() > 0


@pytest.mark.parametrize("path", ["/", "/resource/agent-hostile", "/resource/incident-hostile",
                                  "/resource/claim-hostile", "/resource/agreement-tri2020-p1",
                                  "/resource/source-hostile", "/search?q=pwned", "/query?id=sources&run=1"])
def test_hostile_labels_are_shown_as_text(page, hostile_server, path):
    """tests/fixtures/network/hostile.trig: labels with script, event handlers and javascript: URLs."""
    page.goto(hostile_server + path)
    page.wait_for_load_state("load")
    page.mouse.move(300, 300)
    assert page.evaluate("window.__pwned") is None
    ours = "".join(f":not({s})" for s in ("#editor-config", '[src="/static/query.js"]',
                                          '[src="/static/editor.js"]', '[src="/static/vendor/yasgui/yasgui.min.js"]'))
    assert page.locator(f"main img, main iframe, main svg, main b, main script{ours}").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    if path == "/resource/agent-hostile":
        assert page.locator("h1").inner_text() == HOSTILE


def test_a_clause_page_pages_its_long_lists(page, live_server):
    """The pager leads through the long lists page by page; the card and the headings keep counting every row."""
    page.goto(live_server + "/resource/agreement-tri2020-p6?per_page=5")
    heading = page.locator('[data-section="allegations"] h2').inner_text()
    card = page.locator("#summary").inner_text()
    assert page.locator("nav.pager").count() == 2 and page.locator('nav.pager a[rel="prev"]').count() == 0
    assert page.locator('[data-section="allegations"] li.claim').count() == 5
    page.locator('nav.pager a[rel="next"]').first.click()
    page.wait_for_url(re.compile(r"page=2&per_page=5$"))
    assert page.locator("nav.pager span").first.inner_text().startswith("page 2 of ")
    assert page.locator('[data-section="allegations"] h2').inner_text() == heading
    assert page.locator("#summary").inner_text() == card
    assert "Claims 6–10 of" in page.locator('[data-section="allegations"]').inner_text()
    assert page.locator('[data-section="allegations"] ol.thread').first.get_attribute("start") == "6"
    assert re.search(r"Rows 6–10 of \d+", page.locator('[data-section="claims"]').inner_text())
    page.locator('nav.pager a[rel="prev"]').last.click()
    page.wait_for_url(re.compile(r"agreement-tri2020-p6\?per_page=5$"))
    assert page.locator('[data-section="allegations"] li.claim').count() == 5
