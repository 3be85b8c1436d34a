"""The incidents list in a real browser: filter it with the form, page on, follow a row."""

from __future__ import annotations

import re


def test_filter_the_incidents_list_and_follow_a_row(page, live_server):
    page.goto(live_server + "/incidents")
    assert page.locator("h1").inner_text() == "Incidents"
    assert page.locator("table.incidents tbody tr").count() == 50
    page.fill('input[name="from"]', "2022-03-01")
    page.fill('input[name="to"]', "2022-03-31")
    page.select_option('select[name="point"]', "4")
    page.select_option('select[name="accused"]', "ckr:agent-azerbaijan")
    page.click('#incident-filters button[type="submit"]')
    page.wait_for_url(re.compile(r"/incidents\?.*point=4"))
    assert "accused=ckr%3Aagent-azerbaijan" in page.url and "from=2022-03-01" in page.url
    rows = page.locator("table.incidents tbody tr")
    assert 1 <= rows.count() < 50
    assert page.locator('select[name="point"]').input_value() == "4"  # the form shows the filters in force
    page.click('table.incidents a[href="/resource/incident-2022-03-24-parukh-farrukh"]')
    page.wait_for_url(re.compile(r"/resource/incident-2022-03-24-parukh-farrukh$"))
    assert page.locator("h1").inner_text().startswith("Parukh / Farrukh, 24-28 March 2022")
    assert "incident-2022-03-24-parukh-farrukh" in page.locator("#cite-this").inner_text()


def test_paging_and_sorting_links_keep_the_filters(page, live_server):
    page.goto(live_server + "/incidents?per_page=10&stance=ckv:stance-denies")
    page.click('a.sort >> text=claims')
    page.wait_for_url(re.compile(r"sort=claims"))
    assert "stance=ckv%3Astance-denies" in page.url and "order=desc" in page.url
    first = page.locator("table.incidents tbody tr td.c-claims").first.inner_text()
    page.click('nav.pager a[rel="next"]')
    page.wait_for_url(re.compile(r"page=2"))
    assert "stance=ckv%3Astance-denies" in page.url and "sort=claims" in page.url
    assert int(page.locator("table.incidents tbody tr td.c-claims").first.inner_text()) <= int(first)
