"""The timeline (/timeline, its JSON and CSV twins, the claims behind a bar) and an incident's claims
as dated marks, over a live loopback server on the real data, checked against the library question
and against a count made here independently of it."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from html import unescape

import httpx
import pytest

from conflictkg.rdf.namespaces import compact_iri
from conflictkg.rdf.terms import term_to_str
from conflictkg.sparql.queries import load_library, run

from tests.conftest import REPO

LIBRARY = load_library(REPO / "queries")
PARUKH = "incident-2022-03-24-parukh-farrukh"
#: Counted here without the library question: distinct dated allegations about incidents.
DIRECT_COUNT = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
PREFIX ckg: <https://w3id.org/conflictkg/graph/>
PREFIX ckv: <https://w3id.org/conflictkg/vocab/>
SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE {
  GRAPH ckg:claims { ?claim ck:aboutIncident ?i ; ck:claimDate ?d ; ck:stance ?s
                     FILTER(?s = ckv:stance-alleges || ?s = ckv:stance-counter-alleges) } }
"""


@pytest.fixture(scope="module")
def truth(staged) -> dict[str, dict]:
    """From the library question's rows: per (month, point) and (month, side) the claim IRIs."""
    by_point: dict[tuple[str, str], set[str]] = defaultdict(set)
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_side: dict[tuple[str, str], set[str]] = defaultdict(set)
    linked: set[str] = set()
    rows = run(staged.store, LIBRARY["dated-allegations"], {"agreement": "ckr:agreement-tri2020"}).dicts()
    for row in rows:
        month, claim = term_to_str(row["month"]), term_to_str(row["claim"])
        side = term_to_str(row["side"])
        by_side[(month, side if side == "none" else compact_iri(side))].add(claim)
        if row["clause_number"] is not None:
            key = (month, term_to_str(row["clause_number"]))
            by_point[key].add(claim)
            linked.add(claim)
            if term_to_str(row["basis"]) == "named":
                named[key].add(claim)
    for row in rows:
        claim = term_to_str(row["claim"])
        if claim not in linked:
            by_point[(term_to_str(row["month"]), "none")].add(claim)
    return {"point": by_point, "named": named, "side": by_side,
            "claims": {term_to_str(r["claim"]) for r in rows}}


def get(url: str, path: str, **kw: object) -> httpx.Response:
    return httpx.get(url + path, timeout=120, **kw)  # type: ignore[arg-type]


def bars(series: list[dict]) -> list[tuple[str, dict]]:
    return [(s["key"], b) for s in series for b in s["bars"]]


def test_every_dated_allegation_is_counted_once(site_url, staged):
    data = get(site_url, "/timeline.json").json()
    direct = int(term_to_str(staged.store.query(DIRECT_COUNT).dicts()[0]["n"]))
    assert data["kind"] == "timeline" and data["extra"]["allegations"] == direct > 100
    months = data["extra"]["months"]
    assert months == sorted(months) and len(months) == len(set(months)) and months[0] <= "2021-01"
    for chart in ("points", "sides"):
        for s in data["extra"][chart]:
            assert [b["month"] for b in s["bars"]] == months  # one axis for every series
            assert s["total"] == sum(b["claims"] for b in s["bars"])


def test_point_bars_agree_with_the_library_question(site_url, truth):
    extra = get(site_url, "/timeline.json").json()["extra"]
    keys = [s["key"] for s in extra["points"]]
    assert "6" in keys and "4" in keys and keys[-1] == "none"
    assert keys[:-1] == sorted(keys[:-1], key=int)
    for key, bar in bars(extra["points"]):
        expected = truth["point"].get((bar["month"], key), set())
        assert bar["claims"] == len(expected), (key, bar)
        assert bar["named"] == len(truth["named"].get((bar["month"], key), set()))
        assert bar["named"] + bar["implied"] == bar["claims"]
    assert extra["peaks"]["points"] == max(b["claims"] for _, b in bars(extra["points"]))


def test_side_series_sit_side_by_side_on_the_same_months(site_url, truth):
    extra = get(site_url, "/timeline.json").json()["extra"]
    sides = {s["key"]: s for s in extra["sides"]}
    assert {"ckr:agent-armenia", "ckr:agent-azerbaijan", "ckr:agent-russia"} <= set(sides)
    for key, bar in bars(extra["sides"]):
        assert bar["claims"] == len(truth["side"].get((bar["month"], key), set())), (key, bar)
    totals = [s["total"] for s in extra["sides"]]
    assert totals == sorted(totals, reverse=True)


def test_a_bar_lists_exactly_the_claims_behind_it(site_url, truth):
    extra = get(site_url, "/timeline.json").json()["extra"]
    key, bar = max(bars(extra["points"]), key=lambda kb: (kb[1]["claims"], kb[1]["month"]))
    assert bar["href"] == f"/timeline?month={bar['month']}&point={key}#claims"
    listed = get(site_url, bar["href"].replace("/timeline?", "/timeline.json?").split("#")[0]).json()
    section = listed["sections"][0]
    assert section["id"] == "claims" and section["query"] == "dated-allegations"
    assert {r["claim"]["iri"] for r in section["rows"]} == truth["point"][(bar["month"], key)]
    assert all(r["claim_date"]["text"].startswith(bar["month"]) for r in section["rows"])
    assert listed["extra"]["incidents_href"].startswith(f"/incidents?from={bar['month']}-01&to=")
    html = unescape(get(site_url, bar["href"].split("#")[0]).text)
    label = next(s["label"] for s in extra["points"] if s["key"] == key)
    assert f"Allegations in {bar['month']}: {label}" in html
    assert html.count('class="tl-bar selected"') == 1 and 'id="incidents-of-month"' in html
    side_key, side_bar = max(bars(extra["sides"]), key=lambda kb: kb[1]["claims"])
    by_side = get(site_url, "/timeline.json", params={"month": side_bar["month"], "side": side_key}).json()
    assert {r["claim"]["iri"] for r in by_side["sections"][0]["rows"]} == truth["side"][(side_bar["month"], side_key)]


def test_the_html_page_draws_every_bar_as_a_link_with_a_table_fallback(site_url):
    extra = get(site_url, "/timeline.json").json()["extra"]
    html = get(site_url, "/timeline").text
    nonzero = [b for _, b in bars(extra["points"]) + bars(extra["sides"]) if b["claims"]]
    assert html.count('<svg class="tl-bars"') == len(extra["points"]) + len(extra["sides"])
    hrefs = re.findall(r'<a href="([^"]+)" class="tl-bar', html)
    assert [unescape(h) for h in hrefs] == [b["href"] for b in nonzero]
    assert html.count("<details class=\"tl-table\">") == 2
    assert html.count("<tr><td>") == 2 * len(extra["months"])  # one table row per month, per chart
    assert 'href="/timeline">Timeline</a>' in html and 'href="/timeline.csv"' in html
    assert 'id="timeline-link"' in get(site_url, "/").text


def test_csv_twin_has_one_line_per_non_empty_bar(site_url):
    extra = get(site_url, "/timeline.json").json()["extra"]
    response = get(site_url, "/timeline.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    expected = [(chart, key, b["month"], str(b["claims"])) for chart in ("points", "sides")
                for key, b in bars(extra[chart]) if b["claims"]]
    assert [(r["chart"], r["series"], r["month"], r["claims"]) for r in table] == expected
    first = next(r for r in table if r["chart"] == "points")
    assert int(first["named"]) + int(first["implied"]) == int(first["claims"])


@pytest.mark.parametrize(("query", "parameter"), [
    ("month=2022-13", "month"), ("month=March", "month"), ("month=2022-03&point=99", "point"),
    ("month=2022-03&side=ckr:agent-nobody", "side"), ("point=4", "month"),
])
def test_a_bad_parameter_is_a_400_naming_it(site_url, query, parameter):
    for path in ("/timeline.json", "/timeline.csv"):
        response = get(site_url, f"{path}?{query}")
        assert response.status_code == 400, (path, query)
        assert f"parameter {parameter}" in response.json()["error"]
    page = get(site_url, f"/timeline?{query}")
    assert page.status_code == 400 and f"parameter {parameter}" in unescape(page.text)


def test_an_incident_page_shows_its_claims_as_dated_marks(site_url, staged):
    thread = run(staged.store, LIBRARY["incident-thread"], {"incident": f"ckr:{PARUKH}"}).dicts()
    dated = {term_to_str(r["claim"]) for r in thread if r["claim_date"] is not None}
    data = get(site_url, f"/resource/{PARUKH}.json").json()
    marks = data["extra"]["claim_marks"]
    assert len(marks["marks"]) == len(dated) > 3
    assert [m["date"] for m in marks["marks"]] == sorted(m["date"] for m in marks["marks"])
    assert marks["marks"][0]["pos"] == 0 and marks["marks"][-1]["pos"] == 100
    html = get(site_url, f"/resource/{PARUKH}").text
    assert 'id="claim-timeline"' in html and html.count('class="mark stance-') == len(dated)


def test_a_hostile_side_is_refused_and_shown_as_text(site_url):
    response = get(site_url, "/timeline", params={"month": "2022-03", "side": "<script>alert(1)</script>"})
    assert response.status_code == 400 and "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text


# ------------------------------------------------------------------ per claimant, per week (#13)

WEEKS = "/timeline/claimants"


def test_claimant_weeks_agree_with_a_count_made_here(site_url, staged):
    """Every bar of a year counts the distinct allegations of its claimant (or side) in its week (Monday to
    Sunday), counted here from ``dated-allegations``; the Russian MoD's series comes first."""
    import datetime
    data = get(site_url, WEEKS + ".json", params={"year": "2022"}).json()["extra"]
    assert data["year"] == 2022 and data["weeks"][0] == "2022-01-03" and len(data["weeks"]) == 52
    expected: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in run(staged.store, LIBRARY["dated-allegations"], {"agreement": "ckr:agreement-tri2020"}).dicts():
        day = datetime.date.fromisoformat(term_to_str(row["claim_date"])[:10])
        week = (day - datetime.timedelta(days=day.weekday())).isoformat()
        if week in data["weeks"]:
            expected[(compact_iri(term_to_str(row["claimant"])), week)].add(term_to_str(row["claim"]))
    assert data["claimants"][0]["key"] == "ckr:agent-ru-mod" and data["claimants"][0]["reference"]
    got = {(s["key"], b["week"]): b["claims"] for s in data["claimants"] for b in s["bars"] if b["claims"]}
    assert got == {k: len(v) for k, v in expected.items()}
    assert data["allegations"] == len({c for v in expected.values() for c in v})


def test_the_russian_mods_weeks_sit_beside_each_sides(site_url):
    data = get(site_url, WEEKS + ".json", params={"year": "2022"}).json()["extra"]
    ru = data["claimants"][0]
    weeks = [b["week"] for b in ru["bars"] if b["claims"]]
    assert [r["week"] for r in data["beside"]["weeks"]] == weeks and weeks
    keys = [s["key"] for s in data["beside"]["sides"]]
    at = [data["weeks"].index(w) for w in weeks]
    assert keys == [s["key"] for s in data["sides"] if any(s["bars"][i]["claims"] for i in at)]  # in the sides' order
    assert {"ckr:agent-armenia", "ckr:agent-azerbaijan", "ckr:agent-russia"} <= set(keys) and "ckr:agent-turkey" not in keys
    series = {s["key"]: s for s in data["sides"]}
    for row in data["beside"]["weeks"]:
        i = data["weeks"].index(row["week"])
        assert row["reference"] == ru["bars"][i] and row["sides"] == [series[k]["bars"][i] for k in keys]
    html = get(site_url, WEEKS + "?year=2022").text
    assert html.count("<tr><th scope=\"row\">") == len(weeks) and 'id="by-claimant"' in html


def test_a_weekly_bar_lists_exactly_its_claims(site_url):
    data = get(site_url, WEEKS + ".json", params={"year": "2022"}).json()["extra"]
    ru = data["claimants"][0]
    bar = max(ru["bars"], key=lambda b: (b["claims"], b["week"]))
    assert bar["href"] == f"{WEEKS}?year=2022&week={bar['week']}&claimant=ckr%3Aagent-ru-mod#claims"
    listed = get(site_url, bar["href"].replace(WEEKS + "?", WEEKS + ".json?").split("#")[0]).json()
    section = listed["sections"][0]
    assert section["query"] == "claimant-allegations-in-window" and len(section["rows"]) == bar["claims"]
    assert {r["claimant"]["iri"] for r in section["rows"]} == {"https://w3id.org/conflictkg/resource/agent-ru-mod"}
    assert all(bar["week"] <= r["claim_date"]["text"] for r in section["rows"])
    html = get(site_url, bar["href"].split("#")[0]).text
    assert html.count('class="tl-bar selected"') == 1
    side = get(site_url, WEEKS + ".json", params={"year": "2022", "week": bar["week"], "side": "ckr:agent-armenia"}).json()
    column = next(s for s in data["sides"] if s["key"] == "ckr:agent-armenia")
    assert len(side["sections"][0]["rows"]) == column["bars"][data["weeks"].index(bar["week"])]["claims"]


def test_claimant_weeks_default_year_csv_and_links(site_url):
    data = get(site_url, WEEKS + ".json").json()["extra"]
    assert data["year"] in data["years"] and data["years"] == sorted(data["years"])
    table = list(csv.DictReader(io.StringIO(get(site_url, WEEKS + ".csv", params={"year": "2022"}).text)))
    extra = get(site_url, WEEKS + ".json", params={"year": "2022"}).json()["extra"]
    assert [(r["chart"], r["series"], r["week"], r["claims"]) for r in table] == [
        (chart, s["key"], b["week"], str(b["claims"])) for chart in ("claimants", "sides")
        for s in extra[chart] for b in s["bars"] if b["claims"]]
    assert 'id="claimants-link"' in get(site_url, "/timeline").text


@pytest.mark.parametrize(("query", "parameter"), [
    ("year=1999", "year"), ("year=20x2", "year"), ("year=2022&week=2022-03-22", "week"),
    ("year=2022&week=2022-03-21&claimant=ckr:agent-nobody", "claimant"),
    ("year=2022&week=2022-03-21&side=<b>x</b>", "side"), ("year=2022&claimant=ckr:agent-ru-mod", "week"),
])
def test_a_bad_weekly_parameter_is_a_400_naming_it(site_url, query, parameter):
    for path in (WEEKS + ".json", WEEKS + ".csv"):
        response = get(site_url, f"{path}?{query}")
        assert response.status_code == 400 and f"parameter {parameter}" in response.json()["error"], (path, query)
    page = get(site_url, f"{WEEKS}?{query}")
    assert page.status_code == 400 and "<b>x</b>" not in page.text


def test_the_claims_behind_the_tallest_bar_are_shown_unfolded(site_url, truth):
    """A reader who chose a bar sees its claims at once: the table is not folded behind "Show all N rows", even for
    the tallest bar (13 claims of point 1 in December 2020 since session 20, past the 12 rows other tables show)."""
    extra = get(site_url, "/timeline.json").json()["extra"]
    bars = [(bar["claims"], series["key"], bar["month"]) for series in extra["points"] for bar in series["bars"]]
    claims, point, month = max(bars)
    html = get(site_url, "/timeline", params={"month": month, "point": point}).text
    table = html[html.index('id="claims"'):]
    table = table[:table.index("</section>")]
    assert claims > 12 and '<details class="long">' not in table
    assert len(re.findall(r"<tr[ >]", table)) == claims + 1  # the header and a row a claim
