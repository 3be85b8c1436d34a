"""The coverage page shows the one-sided incidents with the searches for the other side that the
coverage logs record (data/coverage/YYYY-MM.yaml, ``other_side``), in the HTML and its JSON twin."""

from __future__ import annotations

import html as htmllib
from datetime import date
from pathlib import Path

import httpx

from conflictkg.pages.coverage import other_side_rows
from conflictkg.rdf.namespaces import CKR, compact_iri
from conflictkg.record.logs import OtherSideSearch, read_month_logs
from conflictkg.sparql.queries import load_library, run


def get(url: str, path: str) -> httpx.Response:
    return httpx.get(url + path, timeout=60)


def other_side(site_url: str) -> dict:
    return next(s for s in get(site_url, "/coverage.json").json()["sections"] if s["id"] == "other-side")


def test_every_one_sided_incident_is_listed_with_each_logged_search(site_url, staged, res):
    one_sided = [compact_iri(r["incident"].value).removeprefix("ckr:")
                 for r in run(staged.store, load_library(res.queries_dir)["one-sided-incidents"]).dicts()]
    searches = [s for log in read_month_logs(res.data_dir) for s in log.other_side]
    section = other_side(site_url)
    assert section["query"] == "one-sided-incidents"
    rows = section["rows"]
    listed = list(dict.fromkeys(r["incident"]["iri"] for r in rows))
    assert listed == [CKR + i for i in one_sided] and len(listed) >= 13  # in the question's order, each once
    assert all(r["incident"]["href"] == "/resource/" + r["incident"]["iri"].removeprefix(CKR) for r in rows)
    shown = {(r["incident"]["iri"], r["searched_on"]["text"], r["log"]["text"]) for r in rows}
    for s in searches:  # every logged search of a one-sided incident, with its file and line
        if s.incident in one_sided:
            log = f"data/coverage/{Path(s.path).name}:{s.line}"
            assert (CKR + s.incident, s.on.isoformat(), log) in shown
            row = next(r for r in rows if r["log"]["text"] == log)
            assert row["queries"]["items"] == list(s.queries) and row["found"]["text"] == str(s.found)
            assert row["note"]["text"] == s.note
    assert not [r for r in rows if r["searched_on"]["text"] == "no logged search"]  # `conflictkg coverage`: 13 of 13


def test_the_page_lists_them_linked_with_their_queries(site_url, res):
    section = other_side(site_url)
    page = get(site_url, "/coverage").text
    part = page[page.index('<section class="table-section other-side" id="other-side"'):]
    part = part[:part.index("</section>")]
    incidents = {r["incident"]["iri"] for r in section["rows"]}
    assert f"<small>({len(incidents)})</small>" in part and part.count('<li data-incident="') == len(incidents)
    first = section["rows"][0]
    assert f'<a href="{first["incident"]["href"]}">' in part
    assert f"<q>{htmllib.escape(first['queries']['items'][0], quote=False)}</q>" in part.replace("&#39;", "'")
    pages = "page" if first["found"]["text"] == "1" else "pages"
    assert f"searched {first['searched_on']['text']}</span>, {first['found']['text']} {pages} found" in part
    assert f'all from <a href="{first["side"]["href"]}">' in part
    assert 'href="/query?id=one-sided-incidents' in part


def search(incident: str, on: str, line: int, data_dir: Path) -> OtherSideSearch:
    return OtherSideSearch(incident, str(data_dir / "coverage" / "2022-09.yaml"), line, date.fromisoformat(on),
                           ("q1", "q2"), 1, "a note")


def test_rows_say_when_no_search_is_logged_and_order_searches_by_day(tmp_path):
    def incident(local: str) -> dict:
        return {"incident": {"text": local, "iri": CKR + local}, "side": {"text": "Armenia"}, "claims": {"text": "2"}}

    rows = other_side_rows([incident("incident-a"), incident("incident-b")],
                           [search("incident-b", "2026-12-03", 40, tmp_path), search("incident-b", "2026-12-01", 9, tmp_path),
                            search("incident-zzz", "2026-12-01", 3, tmp_path)], tmp_path)
    assert [(r["incident"]["text"], r["searched_on"]["text"], r["log"]["text"]) for r in rows] == [
        ("incident-a", "no logged search", ""),
        ("incident-b", "2026-12-01", "data/coverage/2022-09.yaml:9"),
        ("incident-b", "2026-12-03", "data/coverage/2022-09.yaml:40")]  # a search of no one-sided incident: not listed
    assert rows[1]["queries"] == {"text": "q1 | q2", "items": ["q1", "q2"]}
