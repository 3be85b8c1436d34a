"""The incidents list (filters, sorting, paging, JSON and CSV twins), the about page and the "cite
this" line, over a live loopback server on the real data."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import httpx
import pytest

from conflictkg.naming import Perspective
from conflictkg.pages.context import Site
from conflictkg.pages.incidents import incidents_page
from conflictkg.rdf.namespaces import CKR
from conflictkg.rdf.terms import term_to_str
from conflictkg.sparql.queries import load_library, run
from conflictkg.store.directory import current_path, generation_date

from tests.conftest import REPO

PARUKH = CKR + "incident-2022-03-24-parukh-farrukh"
LIBRARY = load_library(REPO / "queries")


def get(url: str, path: str, **kw: object) -> httpx.Response:
    return httpx.get(url + path, timeout=60, **kw)  # type: ignore[arg-type]


def rows(data: dict) -> list[dict]:
    return data["sections"][0]["rows"]


def iris(data: dict) -> list[str]:
    return [r["incident"]["iri"] for r in rows(data)]


def every_page(url: str, path: str, query: str) -> list[dict]:
    """All rows, following ``next`` from the first page (bounded: at most 50 pages)."""
    found, current = [], query
    for _ in range(50):
        data = get(url, f"{path}?{current}").json()
        assert data["extra"]["page"] == len(found) // data["extra"]["filters"]["per_page"] + 1
        found += rows(data)
        if data["extra"]["next"] is None:
            return found
        current = data["extra"]["next"]
    raise AssertionError("more than 50 pages")


def test_default_page_is_the_first_fifty_by_begin_date(site_url, staged):
    overview = run(staged.store, LIBRARY["incidents-overview"]).dicts()
    data = get(site_url, "/incidents.json").json()
    assert data["kind"] == "incidents" and data["extra"]["total"] == len(overview) > 50
    assert len(rows(data)) == 50 and data["extra"]["pages"] == -(-len(overview) // 50)
    begins = [r["earliest_begin"]["text"] for r in rows(data)]
    assert begins == sorted(begins) and begins[0] == min(term_to_str(d["earliest_begin"]) for d in overview)
    assert data["extra"]["previous"] is None and data["extra"]["next"] == "page=2"
    parukh = next(r for r in every_page(site_url, "/incidents.json", "") if r["incident"]["iri"] == PARUKH)
    assert parukh["incident"]["href"] == "/resource/incident-2022-03-24-parukh-farrukh"
    # point 6: +1 in session 21, the Azerbaijani MFA's counter-allegation of 28 March 2022 names articles 4 and 6
    assert [c["text"] for c in parukh["points_named"]] == ["4", "6"]
    assert [c["text"] for c in parukh["points_implied"]] == ["1", "3", "4"]
    assert {c["text"] for c in parukh["accused"]} == {"Armenia", "Azerbaijan"}
    assert "none (no state or authority)" in {c["text"] for c in parukh["sides"]}


def test_incident_rows_are_made_once_per_perspective_and_every_request_pages_them(staged, res):
    """#14: a request filters, sorts and pages the kept rows; it does not label every incident again."""
    site = Site.load(staged.store, res)
    neutral = site.view(Perspective.NEUTRAL)
    first = incidents_page(neutral, {})
    kept = site.derived[("incident-rows", Perspective.NEUTRAL)]
    later = [incidents_page(neutral, params) for params in ({"page": "2"}, {"sort": "claims", "order": "desc"},
                                                             {"point": "6", "per_page": "500"})]
    assert [k for k in site.derived if k[0] == "incident-rows"] == [("incident-rows", Perspective.NEUTRAL)]
    assert site.derived[("incident-rows", Perspective.NEUTRAL)] is kept and len(kept) == first.extra["total"] > 50
    cells = {id(row.cells) for row in kept}
    assert all(id(shown) in cells for page in (first, *later) for shown in page.sections[0].rows)
    assert {r["incident"]["iri"] for r in later[2].sections[0].rows} < {row.iri for row in kept}
    armenian = incidents_page(site.view(Perspective.ARMENIAN), {})  # labelled in its own perspective, kept apart
    assert ("incident-rows", Perspective.ARMENIAN) in site.derived
    assert [r["incident"]["iri"] for r in armenian.sections[0].rows] == [r["incident"]["iri"]
                                                                         for r in first.sections[0].rows]


def test_paging_visits_every_incident_once_and_keeps_the_filters(site_url, staged):
    everything = {term_to_str(d["incident"]) for d in run(staged.store, LIBRARY["incidents-overview"]).dicts()}
    seen = [r["incident"]["iri"] for r in every_page(site_url, "/incidents.json", "per_page=7")]
    assert len(seen) == len(set(seen)) and set(seen) == everything
    html = get(site_url, "/incidents?stance=ckv:stance-denies&per_page=5&sort=claims&order=desc").text
    nxt = re.search(r'<a rel="next" href="([^"]+)"', html)
    assert nxt and unescape(nxt.group(1)) == "/incidents?stance=ckv%3Astance-denies&sort=claims&order=desc&page=2&per_page=5"
    second = get(site_url, unescape(nxt.group(1))).text
    assert 'rel="prev" href="/incidents?stance=ckv%3Astance-denies&amp;sort=claims&amp;order=desc&amp;per_page=5"' in second
    link = get(site_url, "/incidents.csv?per_page=5&page=2").headers["link"]
    assert link == '</incidents.csv?per_page=5>; rel="previous", </incidents.csv?page=3&per_page=5>; rel="next"'


def test_sorting_by_claims_and_by_begin_date_descending(site_url):
    by_claims = get(site_url, "/incidents.json?sort=claims&order=desc&per_page=500").json()
    counts = [int(r["claims"]["text"]) for r in rows(by_claims)]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    ascending = [int(r["claims"]["text"]) for r in rows(get(site_url, "/incidents.json?sort=claims&per_page=500").json())]
    assert ascending == sorted(ascending)
    newest = rows(get(site_url, "/incidents.json?order=desc&per_page=500").json())
    begins = [r["earliest_begin"]["text"] for r in newest if r["earliest_begin"]["text"]]
    assert begins == sorted(begins, reverse=True)


def test_filters_agree_with_the_library_questions(site_url, staged):
    claims = run(staged.store, LIBRARY["all-claims"]).dicts()
    denied = {term_to_str(d["incident"]) for d in claims
              if d["incident"] is not None and term_to_str(d["stance"]).endswith("stance-denies")}
    got = set(iris(get(site_url, "/incidents.json?stance=ckv:stance-denies&per_page=500").json()))
    assert got == denied and PARUKH in got
    at_parukh = run(staged.store, LIBRARY["incidents-at-place-by-name"], {"name": "Parukh"}).dicts()
    expected = {term_to_str(d["incident"]) for d in at_parukh if term_to_str(d["place"]) == CKR + "place-parukh-farrukh"}
    assert set(iris(get(site_url, "/incidents.json?place=ckr:place-parukh-farrukh").json())) == expected
    named4 = set(iris(get(site_url, "/incidents.json?point=4&basis=named").json()))
    implied4 = set(iris(get(site_url, "/incidents.json?point=4&basis=implied").json()))
    any4 = set(iris(get(site_url, "/incidents.json?point=4&per_page=500").json()))
    assert PARUKH in named4 & implied4 and any4 == named4 | implied4 and named4 != any4
    assert iris(get(site_url, "/incidents.json?point=2").json()) == []  # a point no claim links to: none, no error


def test_time_window_accused_and_side_filters(site_url):
    window = rows(get(site_url, "/incidents.json?from=2022-03-01&to=2022-03-31").json())
    assert PARUKH in [r["incident"]["iri"] for r in window]
    for r in window:
        assert r["earliest_begin"]["text"] <= "2022-03-31"
        assert (r["latest_end"]["text"] or r["earliest_begin"]["text"]) >= "2022-03-01"
    accused = rows(get(site_url, "/incidents.json?accused=ckr:agent-armenia&per_page=500").json())
    assert accused and all("Armenia" in {c["text"] for c in r["accused"]} for r in accused)
    none = rows(get(site_url, "/incidents.json?side=none&per_page=500").json())
    assert none and all(any(c.get("value") == "none" for c in r["sides"]) for r in none)
    both = iris(get(site_url, "/incidents.json?side=ckr:agent-russia&accused=ckr:agent-azerbaijan"
                              "&from=2022-01-01&to=2022-12-31&per_page=500").json())
    assert PARUKH in both and len(both) < len(accused) + len(none)


def html_rows(html: str) -> list[list[str]]:
    """Each body row of the incidents table as the text of its cells."""
    body = html.split('<table class="incidents">', 1)[1].split("</tbody>", 1)[0].split("<tbody>", 1)[1]
    return [[re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", cell))).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
            for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_twins_hold_the_rows_of_the_html_page(site_url):
    query = "from=2021-01-01&to=2023-12-31&sort=claims&order=desc&per_page=20&page=2"
    data = get(site_url, f"/incidents.json?{query}").json()
    html = get(site_url, f"/incidents?{query}").text
    columns = ("earliest_begin", "latest_end", "incident", "claims", "allegations", "denials")
    lists = ("points_named", "points_implied", "accused", "sides", "places")
    expected = [[r[c]["text"] for c in columns] + [", ".join(x["text"] for x in r[c]) for c in lists] for r in rows(data)]
    assert len(expected) == 20 and html_rows(html) == expected
    response = get(site_url, f"/incidents.csv?{query}")
    assert response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["incident"] for r in table] == iris(data)
    assert [r["incident_label"] for r in table] == [r["incident"]["text"] for r in rows(data)]
    assert [r["claims"] for r in table] == [r["claims"]["text"] for r in rows(data)]
    assert [r["accused_labels"] for r in table] == ["; ".join(x["text"] for x in r["accused"]) for r in rows(data)]
    assert response.headers["x-total-count"] == str(data["extra"]["total"])


@pytest.mark.parametrize(("query", "parameter"), [
    ("from=2022-13-01", "from"), ("to=yesterday", "to"), ("from=2023-01-01&to=2022-01-01", "from"),
    ("point=99", "point"), ("point=six", "point"), ("basis=both", "basis"), ("accused=ckr:agent-nobody", "accused"),
    ("side=ckr:agent-armenia%3E", "side"), ("stance=alleges", "stance"), ("place=ckr:place-atlantis", "place"),
    ("sort=date", "sort"), ("order=up", "order"), ("page=0", "page"), ("page=999", "page"), ("per_page=501", "per_page"),
])
def test_a_bad_filter_is_a_400_naming_the_parameter(site_url, query, parameter):
    for path in ("/incidents.json", "/incidents.csv"):
        response = get(site_url, f"{path}?{query}")
        assert response.status_code == 400, (path, query)
        body = response.json()
        assert body["ok"] is False and body["status"] == 400 and f"parameter {parameter}" in body["error"]
        assert body["hint"]
    page = get(site_url, f"/incidents?{query}")
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert f"parameter {parameter}" in unescape(page.text)


def test_hostile_filter_values_are_escaped(site_url):
    hostile = "<script>alert(1)</script>"
    response = get(site_url, "/incidents", params={"place": hostile})
    assert response.status_code == 400 and "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text


def test_navigation_links_to_incidents_and_about(site_url):
    home = get(site_url, "/").text
    assert 'href="/incidents">Incidents</a>' in home and 'href="/about">About</a>' in home
    assert 'id="all-incidents"' in home and get(site_url, "/index.json").json()["extra"]["incidents_href"].startswith("/incidents")
    first = get(site_url, "/incidents").text
    assert 'href="/incidents.csv"' in first and 'href="/incidents.json"' in first


def test_about_page_states_curation_licences_and_citation(site_url):
    response = get(site_url, "/about")
    assert response.status_code == 200
    text = unescape(response.text)
    for phrase in ("never settled", "own words", "statedIn", "citedIn", "named", "implied", "CC BY 4.0", "MIT",
                   "CITATION.cff", "report an error", 'href="/coverage"'):
        assert phrase in text or phrase.lower() in text.lower(), phrase
    facts = {f["name"]: f for f in get(site_url, "/about.json").json()["facts"]}
    assert facts["data and ontology licence"]["text"] == "CC BY 4.0"
    assert facts["code licence"]["text"] == "MIT"


def test_every_page_ends_with_a_cite_this_line(site_url, store_dir):
    from conflictkg import __version__

    built = generation_date(current_path(store_dir).resolve())
    assert built and re.fullmatch(r"\d{4}-\d{2}-\d{2}", built)
    for path in ("/", "/incidents", "/about", "/coverage", "/search?q=parukh"):
        line = re.search(r'<p class="cite" id="cite-this">(.*?)</p>', get(site_url, path).text, re.S)
        assert line, path
        assert f"version {__version__}" in line.group(1) and f"data built {built}" in line.group(1)
    resource = get(site_url, "/resource/incident-2022-03-24-parukh-farrukh").text
    cite = re.search(r'<p class="cite" id="cite-this">(.*?)</p>', resource, re.S).group(1)  # type: ignore[union-attr]
    assert f"&lt;{PARUKH}&gt;" in cite and "Parukh" in cite


def test_the_build_date_is_read_from_the_generation_never_invented(tmp_path):
    assert generation_date(tmp_path / "db-20261202T074512-123-4") == "2026-12-02"
    assert generation_date(tmp_path / "somewhere-else") is None
