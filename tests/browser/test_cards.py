"""Entity pages in a browser: the summary card is the first thing in <main>, the contents lead to
their sections, and a table sorts by a click on its column heading (issue #13, part 1)."""

from __future__ import annotations

import re

import pytest

PAGES = ["/resource/agreement-tri2020-p6", "/resource/incident-2022-03-24-parukh-farrukh",
         "/resource/agent-az-mod", "/resource/claim-az-mod-2022-03-26-denial", "/resource/place-parukh-farrukh"]


@pytest.mark.parametrize("path", PAGES)
def test_the_card_comes_first_and_the_contents_lead_to_their_sections(page, live_server, path):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server + path)
    first = page.locator("main > *").first
    assert first.get_attribute("id") == "summary" and first.locator("h1").count() == 1
    assert first.locator("dl.facts dt").count() >= 3
    box = first.bounding_box()
    assert box is not None and box["y"] < 120  # right under the site header, nothing before it
    links = page.locator("nav.toc a")
    assert links.count() >= 3
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href")
    last.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    heading = page.locator(f"{target} h2")
    assert heading.is_visible() and 0 <= heading.evaluate("e => e.getBoundingClientRect().top") < 900  # scrolled into view


def test_a_table_sorts_by_its_column(page, live_server):
    page.goto(live_server + "/resource/agreement-tri2020-p6")
    table = page.locator("#norms table")
    bearers = table.locator("tbody tr td:nth-child(3)")
    before = bearers.all_inner_texts()
    table.locator("thead th:nth-child(3) button").click()
    after = bearers.all_inner_texts()
    assert after == sorted(before, key=str.casefold) and after != before
    assert table.locator("thead th:nth-child(3)").get_attribute("aria-sort") == "ascending"
    table.locator("thead th:nth-child(3) button").click()
    assert bearers.all_inner_texts() == sorted(before, key=str.casefold, reverse=True)


@pytest.mark.parametrize("width", [1366, 390])
def test_a_clause_cards_year_leads_to_as_many_incidents_as_it_says(page, live_server, width):
    """Point 6's card: the counting rule is shown under the years, and following a year lists as many
    incidents as its number (#13)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/resource/agreement-tri2020-p6")
    rule = page.locator("#summary p.fact-rule")
    assert rule.is_visible() and rule.inner_text().startswith("each incident ")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the window
    link = page.locator("#summary a[href^='/incidents?point=6&from=2022-01-01']")
    number = int(re.fullmatch(r"2022 \((\d+)\)", link.inner_text()).group(1))
    link.click()
    page.wait_for_url(re.compile(r"/incidents\?point=6&from=2022-01-01&to=2022-12-31$"))
    assert page.locator("table.incidents tbody tr").count() == number > 0
