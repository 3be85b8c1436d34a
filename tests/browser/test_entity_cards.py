"""Entity pages on a phone (#13): every table of the page reads without sideways scrolling (a row is a
card, a cell a line headed by its column), and sorting and the pager still work; and the place-name
switch says what it changes on an incident page."""

from __future__ import annotations

import re

PHONE = {"width": 390, "height": 844}
PLACE = "/resource/place-parukh-farrukh"
PARENTS = '[data-section="parents"]'


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    widths = page.evaluate("[...document.querySelectorAll('section.table-section .scroll')]"
                           ".map(s => s.scrollWidth - s.clientWidth)")
    assert widths and max(widths) <= 0, widths  # no table scrolls inside its box either


def test_entity_tables_are_cards_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + PLACE)
    no_sideways_scroll(page)
    cell = page.locator(f"{PARENTS} tbody tr >> nth=0").locator("td >> nth=0")
    assert cell.evaluate("td => getComputedStyle(td).display") == "block"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"attribution: "'


def test_sorting_the_cards_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + PLACE)
    first_cells = f"{PARENTS} tbody tr td:first-child"
    shown = page.locator(first_cells).all_inner_texts()
    page.click(f"{PARENTS} thead th >> nth=0 >> button.sort-button")
    assert page.locator(f"{PARENTS} thead th >> nth=0").get_attribute("aria-sort") == "ascending"
    page.click(f"{PARENTS} thead th >> nth=0 >> button.sort-button")
    descending = page.locator(first_cells).all_inner_texts()
    assert sorted(descending, key=str.casefold, reverse=True) == descending and sorted(shown) == sorted(descending)
    assert descending != shown  # the order changed, on cards as in a table


def test_the_pager_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + PLACE + "?per_page=5")
    page.click('nav.pager >> nth=0 >> a[rel="next"]')
    page.wait_for_url(re.compile(r"page=2"))
    assert "page 2 of" in page.locator("nav.pager >> nth=0").inner_text()
    no_sideways_scroll(page)


def test_the_switch_says_it_changes_nothing_where_places_have_one_name(page, live_server):
    page.goto(live_server + "/resource/incident-2022-09-13-border-offensive")
    page.select_option("#names-switch", "armenian")
    page.wait_for_url(re.compile(r"names=armenian"))
    facts = page.locator('[data-section="summary"] dl.facts').inner_text()
    assert "no place here has a name in another usage, so the switch changes none of them" in facts
    assert "Place names in Armenian usage: every place, and the incident and event titles" in \
        page.locator("#names-note").inner_text()  # on every page, in the header
    page.goto(live_server + "/incidents")
    assert page.locator("#names-note").is_visible()
    page.goto(live_server + "/resource/incident-2022-03-24-parukh-farrukh")  # the cookie keeps the usage
    assert page.locator("h1").inner_text().startswith("Parukh, 24-28 March 2022")
    assert "Shown in Armenian usage" in page.locator('[data-section="summary"] dl.facts').inner_text()
    page.select_option("#names-switch", "neutral")
    page.wait_for_url(re.compile(r"names=neutral"))
    assert page.locator("#names-note").count() == 0  # neutral: nothing to say
