"""A clause view's summary in a real browser (#14): a large clause view opens on it (the shipped data's are
small, so it is asked for with ``view=summary``); a group drills down keeping the clause, the summary and the
full graph are a click away, and on a phone a group opens a phone's page of members."""

from __future__ import annotations

from typing import Any

import pytest

from conflictkg.network.paging import PHONE_PER_PAGE

from .test_network import DRAWN_LABELS, READY, assert_labels_fit, node_point, open_view, twin, visible_counts

pytestmark = pytest.mark.browser

SUMMARY = "/network/clause?clause=6&view=summary"


def test_the_clause_summary_drills_down_and_back(page: Any, live_server: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    data = twin(page, live_server, SUMMARY)
    open_view(page, live_server + SUMMARY)
    assert visible_counts(page) == (len(data["nodes"]), len(data["edges"]))
    assert_labels_fit(page.evaluate(DRAWN_LABELS))
    assert page.locator("#groups li a").count() == len(data["groups"])
    group = max((g for g in data["groups"] if g["kind"] == "claim"), key=lambda g: g["members"])
    page.mouse.click(*node_point(page, group["id"]))
    page.wait_for_url(f"{live_server}/network/clause{group['href']}", timeout=30_000)
    page.wait_for_function(READY, timeout=120_000)
    drilled = twin(page, live_server, f"/network/clause{group['href']}")
    members = [n for n in drilled["nodes"] if not n.get("members")]
    assert len(members) == min(group["members"], 30) and drilled["params"]["clause"] == ["6"]
    assert visible_counts(page) == (len(drilled["nodes"]), len(drilled["edges"]))
    assert_labels_fit(page.evaluate(DRAWN_LABELS))
    assert page.locator("#members li").count() == len(members)
    page.click("#groups a:text('Back to the summary')")
    page.wait_for_url(live_server + SUMMARY, timeout=30_000)
    page.click("#net-tools a.full-graph")
    page.wait_for_url(f"{live_server}/network/clause?clause=6&view=full", timeout=30_000)
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate("() => ckgNetwork.nodes.length") == len(twin(page, live_server, "/network/clause?clause=6")["nodes"])


def test_on_a_phone_the_clause_summary_is_numbered_and_opens_a_phones_page(page: Any, live_server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    data = twin(page, live_server, SUMMARY)
    open_view(page, live_server + SUMMARY)
    drawn = page.evaluate(DRAWN_LABELS)
    assert_labels_fit(drawn)
    assert page.evaluate("() => document.documentElement.scrollWidth") == 390
    large = next(g for g in data["groups"] if g["members"] > PHONE_PER_PAGE)
    link = page.locator(f'#groups li[value="{large["number"]}"] a')
    assert link.get_attribute("href") == f"{large['href']}&per_page={PHONE_PER_PAGE}"
    link.click()
    page.wait_for_url(f"{live_server}/network/clause{large['href']}&per_page={PHONE_PER_PAGE}", timeout=30_000)
    page.wait_for_function(READY, timeout=120_000)
    assert page.locator("#members li").count() == PHONE_PER_PAGE
