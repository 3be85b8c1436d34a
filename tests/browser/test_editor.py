"""The query editor (vendored YASGUI) in a real browser: ``/sparql`` opens it, a library question is
loaded as an example and runs against the site's own endpoint, the answer is a sortable, paginated
table, prefix completion offers the project's prefixes, and every request stays on the loopback
interface (recorded here; the ``page`` fixture also blocks and reports any other). The query page
edits its text in the same editor, opened on the question's body."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

import pytest

from conflictkg.pages.query_page import body_of
from conflictkg.sparql.queries import load_library

from .conftest import is_loopback

pytestmark = pytest.mark.browser

YASQE = "window.conflictkgEditor.getTab().getYasqe()"
WORDS = [f"w{(i * 37) % 67:02d}" for i in range(67)]  # w00..w66, shuffled: more than one page of 50


def record(page: Any) -> list[tuple[str, str]]:
    requests: list[tuple[str, str]] = []
    page.on("request", lambda r: requests.append((r.method, r.url)))
    return requests


def run(page: Any, text: str) -> None:
    page.evaluate(f"text => {YASQE}.setValue(text)", text)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr td")


def column(page: Any, n: int) -> list[str]:
    return page.eval_on_selector_all(f".yasr table.dataTable tbody tr td:nth-child({n})",
                                     "cells => cells.map(c => c.innerText.trim())")


def settled(page: Any, n: int, expected: list[str], seconds: float = 10) -> list[str]:
    """Column ``n`` once it shows ``expected`` (quotes stripped), or as it stands after ``seconds``:
    DataTables sorts and redraws in a timer after the click, so a busy machine reads the old rows."""
    deadline = time.monotonic() + seconds
    cells = [c.strip('"') for c in column(page, n)]
    while cells != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        cells = [c.strip('"') for c in column(page, n)]
    return cells


def test_the_editor_runs_an_example_against_the_sites_endpoint(page, live_server, res):
    requests = record(page)
    page.goto(live_server + "/sparql")
    page.wait_for_selector("#yasgui .CodeMirror")
    page.select_option("#example-pick", "clause-norms")
    body = body_of(load_library(res.queries_dir)["clause-norms"].text)
    assert page.evaluate(f"{YASQE}.getValue()") == body
    assert page.locator("#yasgui .CodeMirror-foldmarker").count() == 1  # the PREFIX lines folded
    assert page.locator(".CodeMirror .cm-keyword").count() > 0  # highlighted, not plain text
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr td")
    assert len(column(page, 2)) > 9 and "ckr:agreement-tri2020-p1" in column(page, 3)  # prefixed, not whole IRIs
    assert ("POST", live_server + "/sparql") in requests  # the site's own endpoint, under its limits
    assert requests and all(is_loopback(url) for _, url in requests), [u for _, u in requests if not is_loopback(u)]


def test_the_answer_sorts_and_pages(page, live_server):
    page.goto(live_server + "/sparql")
    page.wait_for_selector("#yasgui .CodeMirror")
    run(page, "SELECT ?word WHERE { VALUES ?word { %s } }" % " ".join(f'"{w}"' for w in WORDS))
    assert column(page, 2)[:3] == WORDS[:3]  # the endpoint's order first
    assert page.inner_text(".dt-info") == "Showing 1 to 50 of 67 entries"
    page.click(".yasr table.dataTable thead th:nth-child(2)")
    assert settled(page, 2, sorted(WORDS)[:50]) == sorted(WORDS)[:50]
    page.click(".yasr table.dataTable thead th:nth-child(2)")
    assert settled(page, 2, sorted(WORDS, reverse=True)[:50]) == sorted(WORDS, reverse=True)[:50]
    page.click(".dt-paging button.next")
    assert page.inner_text(".dt-info") == "Showing 51 to 67 of 67 entries"
    assert settled(page, 2, sorted(WORDS, reverse=True)[50:]) == sorted(WORDS, reverse=True)[50:]


#: (id, number, date-time): ids in value order differ from the text order of both columns.
TYPED = [("a", "9", "2021-03-01T10:00:00+05:00"), ("b", "10", "2021-03-01T06:00:00Z"),
         ("c", "100", "2021-02-28T23:00:00-08:00"), ("d", "2", "2020-12-31T00:00:00Z"),
         ("e", "-3", "2021-03-01T08:00:00+00:00"), ("f", "1.5E1", "2021-01-09T00:00:00Z")]


def test_typed_numbers_and_dates_sort_by_value_not_text(page, live_server):
    page.goto(live_server + "/sparql")
    page.wait_for_selector("#yasgui .CodeMirror")
    rows = " ".join(f'("{i}" {n} "{d}"^^xsd:dateTime)' for i, n, d in TYPED)
    run(page, "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
              f"SELECT ?id ?n ?d WHERE {{ VALUES (?id ?n ?d) {{ {rows} }} }}")
    page.click(".yasr table.dataTable thead th:nth-child(3)")  # ?n: integers and a double
    assert settled(page, 2, ["e", "d", "a", "b", "f", "c"]) == ["e", "d", "a", "b", "f", "c"]  # -3 2 9 10 15 100
    page.click(".yasr table.dataTable thead th:nth-child(3)")
    assert settled(page, 2, ["c", "f", "b", "a", "d", "e"]) == ["c", "f", "b", "a", "d", "e"]
    page.click(".yasr table.dataTable thead th:nth-child(4)")  # ?d: instants, whatever their time zone
    assert settled(page, 2, ["d", "f", "a", "b", "c", "e"]) == ["d", "f", "a", "b", "c", "e"]


def test_prefix_completion_offers_the_projects_prefixes(page, live_server):
    requests = record(page)
    page.goto(live_server + "/sparql")
    page.wait_for_selector("#yasgui .CodeMirror")
    page.evaluate(f"{YASQE}.setValue(''); {YASQE}.focus()")
    page.keyboard.type("PREFIX ck")
    page.wait_for_selector(".CodeMirror-hints li")
    hints = page.eval_on_selector_all(".CodeMirror-hints li", "items => items.map(i => i.innerText)")
    assert "ck: <https://w3id.org/conflictkg/ontology#>" in hints and "ckr: <https://w3id.org/conflictkg/resource/>" in hints
    assert ("GET", live_server + "/query/prefixes.json") in requests  # not prefix.cc
    assert all(is_loopback(url) for _, url in requests)


def test_the_query_page_edits_the_body_in_the_same_editor(page, live_server, res):
    page.goto(live_server + "/query?id=clause-norms")
    page.wait_for_selector("form.query .CodeMirror")
    body = body_of(load_library(res.queries_dir)["clause-norms"].text)
    assert page.evaluate("window.conflictkgEditor.getValue()") == body and not body.startswith("#")
    assert page.locator("#sparql-editor").is_hidden()
    assert page.locator("form.query .CodeMirror-foldmarker").count() == 1  # the PREFIX lines folded
    lines = page.eval_on_selector_all("form.query .CodeMirror-line", "ls => ls.map(l => l.innerText)")
    assert lines[0].startswith("PREFIX") and lines[1].startswith("SELECT")
    page.evaluate("window.conflictkgEditor.setValue('SELECT ?n WHERE { VALUES ?n { 7 } }')")
    page.click("#run-query")
    page.wait_for_selector("#results table")
    assert "sparql=SELECT" in page.url and "7" in page.locator("#results table").inner_text()


def test_a_shared_link_opens_the_query_page_on_the_text(page, live_server):
    page.goto(live_server + "/sparql")
    page.wait_for_selector("#yasgui .CodeMirror")
    text = "SELECT ?n WHERE { VALUES ?n { 42 } }"
    page.evaluate(f"text => {YASQE}.setValue(text)", text)
    page.click("#yasgui .yasqe_share")
    link = page.input_value(".yasqe_sharePopup input")
    assert link.startswith(live_server + "/query?sparql=SELECT")
    page.goto(link)
    page.wait_for_selector("form.query .CodeMirror")
    assert page.evaluate("window.conflictkgEditor.getValue()") == text


def test_the_query_pages_table_sorts_typed_numbers_and_dates_by_value(page, live_server):
    rows = " ".join(f'("{i}" {n} "{d}"^^xsd:dateTime)' for i, n, d in TYPED)
    text = f"SELECT ?id ?n ?d WHERE {{ VALUES (?id ?n ?d) {{ {rows} }} }}"
    page.goto(live_server + "/query?" + urlencode({"sparql": text, "run": "1"}))
    table = '[data-section="answer"] table.sortable'
    ids = "cells => cells.map(c => c.innerText.trim())"
    page.click(f"{table} thead th:nth-child(2) button")
    assert page.eval_on_selector_all(f"{table} tbody td:nth-child(1)", ids) == ["e", "d", "a", "b", "f", "c"]
    page.click(f"{table} thead th:nth-child(3) button")
    assert page.eval_on_selector_all(f"{table} tbody td:nth-child(1)", ids) == ["d", "f", "a", "b", "c", "e"]


def test_a_long_answer_is_paged_and_sorted_on_the_server(page, live_server):
    """250 rows: 100 a page; "Sort all rows by" sorts every row before the page is cut, the pager keeps the order."""
    numbers = [(i * 97) % 250 for i in range(250)]  # 0..249, shuffled
    text = "SELECT ?n WHERE { VALUES ?n { " + " ".join(map(str, numbers)) + " } }"
    page.goto(live_server + "/query?" + urlencode({"sparql": text, "run": "1"}))
    cells = "cells => cells.map(c => Number(c.innerText.trim()))"
    shown = '[data-section="answer"] tbody td'
    assert page.eval_on_selector_all(shown, cells) == numbers[:100]
    assert page.locator("nav.pager span").first.inner_text() == "page 1 of 3"
    follow(page, "#sort-all a >> text=n")
    assert page.eval_on_selector_all(shown, cells) == list(range(100))
    follow(page, 'nav.pager a[rel="next"] >> nth=0')
    assert page.eval_on_selector_all(shown, cells) == list(range(100, 200))
    follow(page, "#sort-all a >> text=n")  # again: the other way, from page 1
    assert page.eval_on_selector_all(shown, cells) == list(range(249, 149, -1))
    assert "↓" in page.locator("#sort-all a[aria-current]").inner_text()


def test_running_an_unedited_question_sends_its_id_not_its_text(page, live_server):
    page.goto(live_server + "/query?id=clause-norms")
    page.wait_for_selector("form.query .CodeMirror")
    follow(page, "#run-query")
    page.wait_for_selector("#results table", state="attached")
    assert "id=clause-norms" in page.url and "sparql=" not in page.url


def follow(page: Any, selector: str) -> None:
    """Click the link (or button) ``selector`` and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(selector)
