"""The home page, /incidents, /coverage and the query page's answer on a phone (#13): a row of a table is a
compact card (its cells side by side as "column: value", the incident or clause it is about on a line of its
own at the top), so nothing scrolls sideways; at 1366 px the tables are tables; sorting still works."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1366, "height": 900}
PAGES = {"/": "clauses", "/incidents": "incidents", "/coverage": "points", "/query?id=clause-breach-counts&run=1": "answer"}


def sideways(page) -> list[int]:
    """How far the page and each table's box scroll sideways (0: not at all)."""
    boxes = page.evaluate("[...document.querySelectorAll('section.table-section .scroll')]"
                          ".map(s => s.scrollWidth - s.clientWidth)")
    return [page.evaluate("document.documentElement.scrollWidth - window.innerWidth"), *boxes]


def first_row(page, section: str):
    return page.locator(f'[data-section="{section}"] tbody tr >> nth=0')


@pytest.mark.parametrize("path", PAGES)
def test_tables_are_compact_cards_on_a_phone(page, live_server, path):
    page.set_viewport_size(PHONE)
    page.goto(live_server + path)
    assert max(sideways(page)) <= 0, sideways(page)
    row = first_row(page, PAGES[path])
    assert row.evaluate("tr => getComputedStyle(tr).display") == "flex"
    lead = row.locator("td").evaluate_all("tds => tds.filter(td => getComputedStyle(td).order === '-1')"
                                          ".map(td => [td.textContent.trim(), getComputedStyle(td, '::before').content])")
    # the row's subject (the clause; on /coverage the clause and the side), unlabelled, on top
    assert lead and all(text and before == "none" for text, before in lead), lead
    labelled = row.locator("td >> nth=-1").evaluate("td => getComputedStyle(td, '::before').content")
    assert labelled.startswith('"') and labelled.endswith(': "')


@pytest.mark.parametrize("path", PAGES)
def test_tables_stay_tables_on_a_wide_screen(page, live_server, path):
    page.set_viewport_size(WIDE)
    page.goto(live_server + path)
    assert first_row(page, PAGES[path]).evaluate("tr => getComputedStyle(tr).display") == "table-row"


def test_sorting_the_home_pages_cards_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/")
    claims = '[data-section="clauses"] td[data-label="claims"]'
    page.click('[data-section="clauses"] thead th:has-text("claims") >> button.sort-button')
    page.click('[data-section="clauses"] thead th:has-text("claims") >> button.sort-button')
    counts = [int(t) for t in page.locator(claims).all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and len(counts) == 9
