"""See it at a glance (issue #13, the rest): the site header, the list of network views in the site's
layout, a point's versions side by side with their differences, the cards of norm, source and
agreement pages, and search paged through all its hits."""

from __future__ import annotations

import re

import httpx
import pytest

from conflictkg.pages.search import LIMIT
from conflictkg.pages.versions import word_diff
from conflictkg.rdf.namespaces import CKR
from conflictkg.templating import environment
from conflictkg.web.pages import TEMPLATES

P6 = "/resource/agreement-tri2020-p6"
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


def get(url: str, path: str, **kw: object) -> httpx.Response:
    return httpx.get(url + path, timeout=60, **kw)  # type: ignore[arg-type]


def facts(site_url: str, path: str) -> dict[str, dict]:
    return {f["name"]: f for f in get(site_url, f"{path}.json").json()["facts"]}


def entries(fact: dict) -> list[dict]:
    return fact.get("entries", [fact])


def test_the_header_keeps_every_link_and_folds_the_rarer_ones(site_url):
    html = get(site_url, "/").text
    header = html[html.index('<header class="site">'):html.index("</header>")]
    more = header[header.index('<details class="nav-more">'):header.index("</details>")]
    for href in ("/coverage", "/sparql", "/about"):
        assert f'href="{href}"' in more and header.count(f'href="{href}"') == 1
    for href in ("/incidents", "/timeline", "/map", "/network", "/query"):  # on the line, and in the phone's menu
        assert header.count(f'href="{href}"') == 2 and f'class="primary" href="{href}"' in header


def test_the_list_of_network_views_is_in_the_site_layout(site_url):
    html = get(site_url, "/network").text
    assert '<header class="site">' in html and '<footer>' in html and 'id="names-switch"' in html
    assert html.count('href="/network/clause?clause=') == 9 and '<nav class="toc" aria-label="Views">' in html
    assert '<body data-kind="network-index"' in html


def test_versions_side_by_side_line_up_differences_and_mark_words(site_url):
    versions = get(site_url, f"{P6}.json").json()["extra"]["versions"]
    columns = [c["expression"]["iri"] for c in versions["columns"]]
    assert len(columns) == len(set(columns)) >= 6
    assert [c["language"] for c in versions["columns"]][0] == "en"  # the most common language first
    rows = {r["difference"]["iri"] if r["difference"] else "other": r for r in versions["rows"]}
    d6 = rows[CKR + "difference-tri2020-d6-kalbajar-spelling"]
    cells = dict(zip(columns, d6["cells"], strict=True))
    am = cells[CKR + "agreement-tri2020-en-am-pm"]
    az = cells[CKR + "agreement-tri2020-en-az-mfa"]
    de = cells[CKR + "agreement-tri2020-de-voltaire"]
    assert am["base"] and [s["diff"] for s in am["texts"][0]["segments"]] == [""]  # the English base: unmarked
    marked = {(s["text"], s["base_text"]) for s in az["texts"][0]["segments"] if s["diff"] == "changed"}
    assert ("Kalbajar", "Kelbajar") in marked and az["texts"][0]["compared_with"].startswith("English text of the Armenian")
    assert de["texts"][0]["compared_with"] == "" and de["texts"][0]["segments"][0]["text"] == "Kelbadschar"  # not diffed
    html = get(site_url, P6).text
    table = html[html.index('<table class="versions">'):]
    assert re.search(r'<ins class="diff" title="English text of the Armenian[^"]*: Kelbajar">Kalbajar</ins>', table)
    assert '<tr><th scope="col">difference</th>' in table and 'data-version="' in table


def test_word_diff_marks_changed_and_missing_words():
    assert [(s["text"], s["diff"]) for s in word_diff("will circumvent the city of Shushi", "will not affect the city of Shusha")] == [
        ("will ", ""), ("not affect", "changed"), (" the city of ", ""), ("Shusha", "changed")]
    gap = word_diff("Aghdam region and Gazakh region", "Aghdam region")
    assert [s["diff"] for s in gap] == ["", "gap"] and gap[1]["base_text"] == "and Gazakh region"


def test_the_versions_table_escapes_what_the_data_says():
    macros = environment(TEMPLATES).get_template("resource_parts.html").module
    segment = {"text": HOSTILE, "diff": "changed", "base_text": HOSTILE}
    versions = {"columns": [{"expression": {"text": HOSTILE}, "language": HOSTILE, "coverage": HOSTILE}],
                "rows": [{"difference": {"text": HOSTILE}, "topic": HOSTILE,
                          "cells": [{"texts": [{"segments": [segment], "compared_with": HOSTILE}], "base": False}]}]}
    html = str(macros.versions_table(versions))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_norm_card(site_url):
    card = facts(site_url, "/resource/norm-tri2020-p6-kelbajar")
    assert card["point"]["iri"] == CKR + "agreement-tri2020-p6"
    assert card["who must act"]["iri"] == CKR + "agent-armenia" and card["who must act"]["note"] == "bearer basis: explicit"
    assert card["for the benefit of"]["iri"] == CKR + "agent-azerbaijan"
    assert (card["deadline"]["text"], card["deadline"]["note"]) == ("2020-11-15", "moved to 2020-11-25 at the request of Armenia")
    status = {e["text"] for e in entries(card["status now, as each side asserts it"])}
    assert "Azerbaijan: fulfilled (as of 2020-11-25)" in status
    corridor = facts(site_url, "/resource/norm-tri2020-p6-corridor-control")
    assert "Armenia: not fulfilled (as of 2023-04-23)" in corridor["status now, as each side asserts it"]["text"]
    assert "deadline" not in corridor  # none written, none amended


def test_source_card(site_url):
    card = facts(site_url, "/resource/source-armenpress-1079016")
    assert card["publisher"]["text"] == "Armenpress" and card["date"]["text"] == "2022-03-26"
    assert card["read it at"]["href"] == "https://armenpress.am/eng/news/1079016/"
    assert card["claims it carries"]["text"] == "states 0 claims (its claimant's own outlet), relays 3 claims"
    by = {e["text"]: e["note"] for e in entries(card["by claimant"])}
    assert by["Ministry of Foreign Affairs of the Russian Federation"] == "2 claims"
    html = get(site_url, "/resource/source-armenpress-1079016").text
    assert re.search(r'<a href="https://armenpress\.am/eng/news/1079016/" class="external"[^>]*>armenpress\.am</a>', html)


def test_agreement_card(site_url):
    card = facts(site_url, "/resource/agreement-tri2020")
    parties = {e["iri"]: e["note"] for e in entries(card["parties"])}
    assert parties[CKR + "agent-armenia"] == "signed by Nikol Pashinyan" and len(parties) == 3
    assert card["points"]["text"] == "9 points, 8 language versions"
    assert re.fullmatch(r"named by the claimant in \d+ claims, implied .* in \d+; about \d+ incidents", card["alleged breaches"]["text"])
    later = facts(site_url, "/resource/agreement-2021-01-11")
    assert later["date"]["text"] == "2021-01-11" and later["points"]["text"] == "4 points"
    assert {e["iri"] for e in entries(later["parties"])} == {CKR + "agent-armenia", CKR + "agent-azerbaijan", CKR + "agent-russia"}


def test_search_pages_through_every_hit(site_url):
    first = get(site_url, "/search.json", params={"q": "a"}).json()["extra"]
    total, pages = first["total"], first["pages"]
    assert total > LIMIT and pages == -(-total // LIMIT) and first["previous"] is None
    seen: list[str] = []
    query = "?q=a"
    for number in range(1, pages + 1):
        data = get(site_url, "/search.json" + query).json()
        assert data["extra"]["page"] == number and data["extra"]["total"] == total
        seen += [r["resource"]["iri"] for s in data["sections"] for r in s["rows"]]
        query = data["extra"]["next"]
    assert query is None and len(seen) == len(set(seen)) == total
    html = get(site_url, "/search", params={"q": "a", "page": "2"}).text
    assert '<a rel="prev" href="/search?q=a">' in html and f"hits {LIMIT + 1}–{min(2 * LIMIT, total)} of {total}" in html


@pytest.mark.parametrize(("page", "message"), [("0", "whole number from 1"), ("x", "whole number from 1"),
                                              ("999", "there is no page 999")])
def test_search_paging_errors_say_what_exists(site_url, page, message):
    response = get(site_url, "/search.json", params={"q": "a", "page": page})
    assert response.status_code == 400 and message in response.json()["error"]


def test_a_clause_pages_status_tables_fold_past_three_rows(site_url):
    """Point 6 has a status table per norm, of tall rows: the longer ones fold, the short stay open; a table
    longer than its preview says so and links to the norm's page (#14)."""
    sections = [s for s in get(site_url, f"{P6}.json").json()["sections"] if s["id"].startswith("status-")]
    assert len(sections) >= 5 and any(len(s["rows"]) > 3 for s in sections) and any(len(s["rows"]) <= 3 for s in sections)
    assert any(s["total"] > len(s["rows"]) for s in sections)  # some norm's table is a preview
    html = get(site_url, P6).text
    for s in sections:
        part = html[html.index(f'id="{s["id"]}"'):]
        part = part[:part.index("</section>")]
        rows, previewed = len(s["rows"]), s["total"] > len(s["rows"])  # a preview: every row on the norm's page
        summary = f"Show rows 1–{rows}" if previewed else f"Show all {rows} rows"
        folded = f'<details class="long"><summary>{summary}</summary>' in part
        assert folded == (rows > 3) and part.count("<tr>") == rows + 1  # every row sent is there
        assert (f"The first {rows} of {s['total']} rows: " in part) == previewed
        assert not previewed or f'href="{s["more"]["href"]}"' in part
    claims = html[html.index('id="claims"'):]  # other tables keep folding past 12 rows
    rows = len(next(s for s in get(site_url, f"{P6}.json").json()["sections"] if s["id"] == "claims")["rows"])
    assert ('<details class="long">' in claims[:claims.index("</section>")]) == (rows > 12)


def test_a_clause_card_links_its_incidents_year_by_year_to_the_filtered_list(site_url):
    """Home -> point 6 -> its 2022 incidents -> one incident: "what happened around point 6 in 2022" in three clicks."""
    assert 'href="/resource/agreement-tri2020-p6"' in get(site_url, "/").text
    years = entries(facts(site_url, P6)["incidents by year"])
    assert [e["text"][:4] for e in years] == sorted(e["text"][:4] for e in years) and any(e["text"].startswith("2022 (") for e in years)
    for e in years:
        year = e["text"][:4]
        assert e["href"] == f"/incidents?point=6&from={year}-01-01&to={year}-12-31"
        listed = get(site_url, e["href"].replace("/incidents?", "/incidents.json?")).json()
        assert e["text"] == f"{year} ({listed['extra']['total']})" and listed["extra"]["total"] > 0
    html = get(site_url, P6).text
    assert 'href="/incidents?point=6&amp;from=2022-01-01&amp;to=2022-12-31"' in html


def test_a_clause_cards_incidents_by_year_say_how_they_are_counted(site_url):
    """An incident lasting into two years counts in both: the card says so and how many do, and its
    numbers add up (#13)."""
    fact = facts(site_url, P6)["incidents by year"]
    counts = [int(e["text"][6:-1]) for e in entries(fact)]
    found = re.fullmatch(r"each incident (?:in every year it lasts into: (\d+) of the (\d+) dated incidents spans? two "
                         r"years or more and counts? in each|once, in the year it happened \((\d+) dated incidents?\))"
                         r"(?:; (\d+) undated incidents? (?:is|are) in no year)?", fact["note"])
    assert found, fact["note"]
    spanning = int(found.group(1) or 0)
    dated = int(found.group(2) or found.group(3))
    undated = int(found.group(4) or 0)
    total = get(site_url, "/incidents.json", params={"point": "6"}).json()["extra"]["total"]
    assert dated + undated == total
    assert (sum(counts) == dated) == (spanning == 0) and sum(counts) >= dated + spanning
    assert f'<p class="note fact-rule">{fact["note"]}</p>' in get(site_url, P6).text
