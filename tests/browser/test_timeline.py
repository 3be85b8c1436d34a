"""The timeline in a real browser: the SVG bars are drawn, a bar leads to the claims behind it, and
an incident page shows its claims as dated marks."""

from __future__ import annotations

import re


def test_timeline_bars_render_and_a_bar_lists_its_claims(page, live_server):
    page.goto(live_server + "/timeline")
    assert page.locator("h1").inner_text().startswith("Timeline")
    assert page.locator("#by-point svg.tl-bars").count() >= 5 and page.locator("#by-side svg.tl-bars").count() >= 3
    bars = page.locator("#by-point a.tl-bar")
    assert bars.count() > 20
    box = page.locator("#by-point svg.tl-bars").first.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 40  # drawn at the page's width, not collapsed
    counts = bars.evaluate_all("els => els.map(e => Number(e.getAttribute('data-claims')))")
    tallest = max(range(len(counts)), key=lambda i: counts[i])
    bar = bars.nth(tallest)
    month, claims = bar.get_attribute("data-month"), int(bar.get_attribute("data-claims"))
    figure = bar.locator("xpath=ancestor::*[local-name()='figure'][1]")
    series = figure.get_attribute("data-series")
    label = figure.locator("figcaption").inner_text().rsplit(" (", 1)[0]
    bar.locator("rect.hit").click()
    page.wait_for_url(re.compile(rf"/timeline\?month={month}&point={series}"))
    assert page.locator("#claims h2").inner_text().startswith(f"Allegations in {month}: {label}")
    rows = page.locator("#claims tbody tr")
    assert rows.count() == claims
    assert all(d.startswith(month) for d in page.locator("#claims tbody tr td:first-child").all_inner_texts())
    assert page.locator("#by-point a.tl-bar.selected").count() == 1
    page.locator("#claims tbody tr td:nth-child(2) a").first.click()
    page.wait_for_url(re.compile(r"/resource/claim-"))


def test_incident_page_shows_its_claims_as_marks(page, live_server):
    page.goto(live_server + "/resource/incident-2022-03-24-parukh-farrukh")
    marks = page.locator("#claim-timeline a.mark")
    assert marks.count() > 3
    first, last = marks.first.bounding_box(), marks.last.bounding_box()
    assert first and last and last["x"] > first["x"] + 100  # spread along the row, not piled up


def test_claimant_weeks_set_the_russian_mod_beside_each_side_and_a_bar_lists_its_claims(page, live_server):
    """The per-claimant weekly series (#13): the Russian MoD's series first, the claimants by side on one
    week axis; a bar leads to the claims behind it; the weeks beside each side's fit a phone."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server + "/timeline")
    page.locator("#claimants-link").click()
    page.wait_for_url(re.compile(r"/timeline/claimants$"))
    first = page.locator("#by-claimant figure.tl-series").first
    assert first.get_attribute("data-series") == "ckr:agent-ru-mod" and "reference" in first.get_attribute("class")
    assert page.locator("#by-claimant figure.tl-series").count() > 5 and page.locator("#by-claimant h3.tl-side").count() >= 3
    box = first.locator("svg.tl-bars").bounding_box()
    assert box and box["width"] > 600 and box["height"] > 30
    bars = first.locator("a.tl-bar")
    counts = bars.evaluate_all("els => els.map(e => Number(e.getAttribute('data-claims')))")
    bar = bars.nth(max(range(len(counts)), key=lambda i: counts[i]))
    week, claims = bar.get_attribute("data-week"), int(bar.get_attribute("data-claims"))
    bar.locator("rect.hit").click()
    page.wait_for_url(re.compile(rf"week={week}&claimant=ckr%3Aagent-ru-mod"))
    assert page.locator("#claims h2").inner_text().startswith(f"Allegations in the week {week}")
    assert page.locator("#claims tbody tr").count() == claims
    assert page.locator("#by-claimant a.tl-bar.selected").count() == 1
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/timeline/claimants")
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    table = page.locator("table.beside")
    assert table.locator("tbody tr").count() >= 1 and table.locator("th").first.is_visible()
    link = table.locator("tbody td a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href.split('#')[0]}*")
    assert page.locator("#claims tbody tr").count() >= 1
