"""The HTML pages and their JSON twins, over a live loopback server on the real data."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest

from conflictkg.build import build_store, stage
from conflictkg.naming import Perspective
from conflictkg.pages.context import Site
from conflictkg.pages.home import latest
from conflictkg.pages.query_page import body_of
from conflictkg.pages.resource import resource_page
from conflictkg.pages.threads import mark_segments
from conflictkg.rdf.io import SourceFile
from conflictkg.rdf.namespaces import CKR, GRAPH_ONTOLOGY, GRAPH_VOCAB
from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library, run
from conflictkg.store import Result
from conflictkg.store.oxigraph import OxigraphStore

from tests.conftest import REPO
from tests.serving import render_offline, serving

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store_dir = tmp_path_factory.mktemp("pages-store")
    build_store(store_dir, Resources(REPO), reason=False)
    with serving(store_dir) as url:
        yield url


def get(url: str, path: str, **kw: object) -> httpx.Response:
    return httpx.get(url + path, timeout=60, **kw)  # type: ignore[arg-type]


def section(data: dict, section_id: str) -> dict:
    return next(s for s in data["sections"] if s["id"] == section_id)


def test_home_lists_the_nine_points_with_breach_counts(site_url, staged):
    data = get(site_url, "/index.json").json()
    clauses = section(data, "clauses")
    assert [r["clause_number"]["text"] for r in clauses["rows"]] == [str(n) for n in range(1, 10)]
    # Cross-check with the library question the clause page uses: distinct claims per point.
    library = load_library(REPO / "queries")
    for row in clauses["rows"]:
        answer = run(staged.store, library["claims-alleging-breach-of-clause"],
                     {"clause_number": row["clause_number"]["text"]})
        assert int(row["claims"]["text"]) == len({term_to_str(d["claim"]) for d in answer.dicts()})
    assert row["clause"]["href"] == "/resource/agreement-tri2020-p9"
    recent = section(data, "incidents")["rows"]
    begins = sorted((term_to_str(d["earliest_begin"]) if d["earliest_begin"] is not None else ""
                     for d in run(staged.store, library["incidents-overview"]).dicts()), reverse=True)
    assert len(recent) == 10 and [r["earliest_begin"]["text"] for r in recent] == begins[:10]
    html = get(site_url, "/").text
    assert "How to query" in html and "/sparql" in html and 'href="/resource/agreement-tri2020-p4"' in html


def test_clause_page_marks_differences_and_pairs_denials_with_allegations(site_url):
    data = get(site_url, "/resource/agreement-tri2020-p6.json").json()
    assert data["kind"] == "clause"
    marked = {seg["text"] for t in data["extra"]["texts"] for seg in t["segments"] if seg["mark"]}
    for form in ("Kelbajar", "Kalbajar", "Shushi", "Shusha"):  # §3 differences D6/D7
        assert any(form in text for text in marked), form
    norms = section(data, "norms")["rows"]
    assert norms and all(r["norm"]["iri"].startswith(CKR + "norm-tri2020-p6-") for r in norms)
    assert any(s["id"].startswith("status-") and s["rows"] for s in data["sections"])
    p4 = get(site_url, "/resource/agreement-tri2020-p4.json").json()
    answered = {a["claim"]["iri"]: a for a in p4["extra"]["allegations"]}
    # session 18: Mayilyan answers the MFA's reply to the Armenian MFA (sia.az, naming Article 4), recorded since
    entry = answered[CKR + "claim-az-mfa-2022-08-article4-reply"]
    assert [r["claim"]["iri"] for r in entry["responses"]] == [CKR + "claim-mayilyan-2022-08-point4-reading"]
    assert answered[CKR + "claim-az-mfa-2022-08-03-units-not-withdrawn"]["responses"] == []
    assert entry["responses"][0]["stance"] == "denies"
    assert all(a["sources"] for a in p4["extra"]["allegations"])
    html = get(site_url, "/resource/agreement-tri2020-p6").text
    assert re.search(r'<mark title="[^"]+">Kelbajar region</mark>', html)
    assert get(site_url, "/clause/6", follow_redirects=False).headers["location"] == "/resource/agreement-tri2020-p6"


def test_incident_page_thread_casualties_and_sources(site_url):
    data = get(site_url, "/resource/incident-2022-03-24-parukh-farrukh.json").json()
    thread = {c["claim"]["iri"]: c for c in data["extra"]["thread"]}
    denial = thread[CKR + "claim-az-mod-2022-03-26-denial"]
    assert denial["depth"] == 1 and denial["responds_to"] == [CKR + "claim-ru-mod-2022-03-26-bulletin"]
    order = list(thread)
    assert order.index(CKR + "claim-ru-mod-2022-03-26-bulletin") < order.index(CKR + "claim-az-mod-2022-03-26-denial")
    casualties = data["extra"]["casualties"]
    column = [c["iri"] for c in casualties["claimants"]].index(CKR + "agent-artsakh-defence-army")
    figures = {(r["kind"], r["figures"][column]) for r in casualties["rows"] if r["figures"][column]}
    assert ("killed", "3 (2022-03-26)") in figures and ("wounded", "15 (2022-03-26)") in figures
    urls = {r["source_url"]["text"] for r in section(data, "sources")["rows"]}
    assert "https://armenpress.am/eng/news/1079016/" in urls
    assert section(data, "events")["rows"]


@pytest.mark.parametrize(("names", "title"), [
    ("neutral", "Parukh / Farrukh"), ("armenian", "Parukh"), ("azerbaijani", "Farrukh"), ("russian", "Farukh")])
def test_place_page_in_each_naming_perspective(site_url, names, title):
    data = get(site_url, f"/resource/place-parukh-farrukh.json?names={names}").json()
    assert data["title"] == title and data["names"] == names
    names_rows = section(data, "names")["rows"]
    assert {"Fərrux", "Փառուխ", "Farukh"} <= {r["name"]["text"] for r in names_rows}


def test_the_perspective_is_remembered_and_changes_names_on_other_pages(site_url):
    with httpx.Client(base_url=site_url, timeout=60) as client:
        client.get("/resource/place-parukh-farrukh?names=azerbaijani")
        incident = client.get("/resource/incident-2022-03-24-parukh-farrukh.json").json()
        assert incident["names"] == "azerbaijani"
        places = {r["place"]["text"] for r in section(incident, "events")["rows"] if r["place"].get("iri")}
        assert "Farrukh" in places and "Parukh / Farrukh" not in places
        client.get("/?names=armenian")
        incident = client.get("/resource/incident-2022-03-24-parukh-farrukh.json").json()
        assert "Parukh" in {r["place"]["text"] for r in section(incident, "events")["rows"]}


@pytest.mark.parametrize(("path", "titles"), [
    ("/resource/incident-2021-11-08-shushi-waterworks.json",  # neutral label "Shusha / Shushi", title "Shushi / Shusha"
     {"neutral": "Shushi / Shusha, 8 November", "azerbaijani": "Shusha, 8 November", "armenian": "Shoushi, 8 November"}),
    ("/resource/incident-2023-09-21-stepanakert-ceasefire-violation.json",  # written "Stepanakert/Khankendi"
     {"neutral": "Stepanakert/Khankendi, 21", "azerbaijani": "Khankendi, 21", "armenian": "Stepanakert, 21"}),
])
def test_a_title_naming_its_place_as_a_compound_in_either_order_follows_the_switch(site_url, path, titles):
    """A title that writes its place's two-name label in the other order or without spaces (#13) is composed
    from the place's name in the chosen usage, as one that writes the label as it is."""
    for names, start in titles.items():
        assert get(site_url, path, params={"names": names}).json()["title"].startswith(start)


def test_actor_and_source_pages(site_url):
    agent = get(site_url, "/resource/agent-az-mod.json").json()
    assert agent["kind"] == "agent" and agent["title"] == "Ministry of Defence of Azerbaijan"
    assert CKR + "claim-az-mod-2022-03-26-denial" in {r["claim"]["iri"] for r in section(agent, "claims")["rows"]}
    source = get(site_url, "/resource/source-armenpress-1079016.json").json()
    assert source["kind"] == "sourcedocument" and source["title"] == "Armenpress, 2022-03-26"
    assert CKR + "claim-ru-mfa-2022-03-26-concern" in {r["claim"]["iri"] for r in section(source, "claims")["rows"]}
    statements = section(source, "statements")["rows"]
    assert any(r["value"].get("href") == "https://armenpress.am/eng/news/1079016/" for r in statements)


STATUS_CLAIM = CKR + "claim-status-p1-ceasefire-am-mfa-2021-11-08"
STATUS_NAME = ("Ministry of Foreign Affairs of Armenia, 8 November 2021: not fulfilled — "
               "Point 1: observe a complete ceasefire from 00:00 Moscow time, 10 November 2020")


def test_status_claims_are_named_by_claimant_date_status_and_norm(site_url):
    """A status assessment is named as in the network views (#13, ``conflictkg.claim_names``), never by its
    curator's label ("Status of p1-ceasefire according to am-mfa, 2021-11-08"): in the lists of the pages
    that name it, their JSON twins, its own page's title and search."""
    agent = get(site_url, "/resource/agent-am-mfa.json").json()
    named = {r["claim"]["iri"]: r["claim"]["text"] for r in section(agent, "claims")["rows"]}
    assert named[STATUS_CLAIM] == STATUS_NAME
    assert sum(iri.startswith(CKR + "claim-status-") for iri in named) > 2
    assert not [t for t in named.values() if t.startswith("Status of ") or " according to " in t]
    html = get(site_url, "/resource/agent-am-mfa").text
    assert STATUS_NAME in html and "Status of p1-ceasefire" not in html
    norm = get(site_url, "/resource/norm-tri2020-p1-ceasefire").text
    assert STATUS_NAME in norm and "Status of p1-ceasefire" not in norm
    own = get(site_url, "/resource/claim-status-p1-ceasefire-am-mfa-2021-11-08.json").json()
    assert own["title"] == STATUS_NAME and "neutral label" not in {f["name"] for f in own["facts"]}
    hits = [r["resource"] for s in get(site_url, "/search.json", params={"q": "p1-ceasefire according"}).json()["sections"]
            for r in s["rows"]]
    assert {h["iri"]: h["text"] for h in hits}[STATUS_CLAIM] == STATUS_NAME  # found by its label, shown by its name


def test_a_status_claims_name_is_made_of_escaped_labels(res):
    """The name uses the claimant's and norm's labels (never IRIs) and stays text in the page."""
    files = [SourceFile(p, GRAPH_ONTOLOGY) for p in res.ontology_files()]
    files += [SourceFile(p, GRAPH_VOCAB) for p in res.vocab_files()]
    store = stage([*files, SourceFile(REPO / "tests" / "fixtures" / "network" / "hostile.trig")]).store
    site = Site.load(store, res)
    page = resource_page(site.view(Perspective.NEUTRAL), "ckr:agent-hostile")
    claimant, norm = site.labels[CKR + "agent-hostile"], site.labels[CKR + "norm-hostile"]
    name = f"{claimant}, 27 March 2022: not fulfilled — {norm}"
    rows = {r["claim"]["iri"]: r["claim"]["text"] for s in page.sections if s.id == "claims" for r in s.rows}
    assert rows[CKR + "claim-status-hostile"] == name
    html = render_offline("resource.html", page, "/resource/agent-hostile")
    assert "<svg onload" not in html and "<script>window.__pwned" not in html
    assert "not fulfilled — Norm &lt;svg onload=window.__pwned=1&gt; &amp; &lt;/script&gt;" in html


def test_unknown_resource_is_a_404_in_html_and_json(site_url):
    page = get(site_url, "/resource/place-atlantis")
    assert page.status_code == 404 and "no resource ckr:place-atlantis" in page.text
    data = get(site_url, "/resource/place-atlantis.json")
    assert data.status_code == 404 and data.json()["error"].startswith("no resource")


def test_query_page_runs_a_library_question_and_downloads(site_url):
    path = "/query?id=place-by-name&name=F%C9%99rrux&run=1"
    html = get(site_url, path).text
    assert 'href="/resource/place-parukh-farrukh"' in html
    assert 'id="download-csv" href="/query.csv?id=place-by-name&amp;name=F%C9%99rrux&amp;run=1"' in html
    csv = get(site_url, "/query.csv?id=place-by-name&name=F%C9%99rrux")
    assert csv.headers["content-type"].startswith("text/csv") and CKR + "place-parukh-farrukh" in csv.text
    answer = get(site_url, "/query.json?id=place-by-name&name=F%C9%99rrux").json()
    assert {b["place"]["value"] for b in answer["results"]["bindings"]} == {CKR + "place-parukh-farrukh"}


def test_a_long_answer_is_shown_a_page_at_a_time_and_downloaded_whole(site_url):
    """sources has more than a thousand rows: 100 a page, sorted over every row, the CSV whole (#13)."""
    rows = len(get(site_url, "/query.json?id=sources&page=2").json()["results"]["bindings"])
    first = get(site_url, "/query?id=sources").text
    assert first.count('<td data-label="source">') == 100 and f"Rows 1–100 of {rows}" in first
    assert f"page 1 of {-(-rows // 100)}" in first and 'rel="next" href="/query?id=sources&amp;page=2"' in first
    newest = get(site_url, "/query?id=sources&sort=claim_date&order=desc&page=1").text
    dates = re.findall(r'data-label="claim date">([^<]*)<', newest)
    assert dates == sorted(dates, reverse=True) and 'rel="next" href="/query?id=sources&amp;sort=claim_date&amp;order=desc&amp;page=2"' in newest
    assert get(site_url, f"/query?id=sources&page={-(-rows // 100) + 1}").status_code == 400
    wrong = get(site_url, "/query?id=sources&sort=nothing")
    assert wrong.status_code == 400 and "no column 'nothing'" in wrong.text.replace("&#39;", "'")


def test_the_query_page_without_a_question_holds_no_question_texts(site_url, res):
    html = get(site_url, "/query").text
    assert 'id="results"' not in html and "query-catalogue" not in html
    lines = [line for line in body_of(load_library(res.queries_dir)["sources"].text).splitlines()
             if "PREFIX" not in line and not set("<>&'\"") & set(line)]
    assert 'value="sources"' in html and max(lines, key=len).strip() not in html  # in the page it was picked on:
    assert max(lines, key=len).strip() in get(site_url, "/query?id=sources").text.replace("&gt;", ">")


def test_query_page_shows_errors_with_position_and_keeps_the_text(site_url):
    page = get(site_url, "/query?sparql=SELECT+%3Fx+WHERE+%7B+%3Fx+%7D&run=1")
    assert page.status_code == 400
    assert "line 1, column" in page.text and "SELECT ?x WHERE { ?x }" in page.text
    missing = get(site_url, "/query?id=place-by-name&name=&run=1")
    assert missing.status_code == 400 and "needs parameter" in missing.text


def search_rows(site_url: str, q: str) -> list[dict]:
    """Every hit of ``/search.json?q=``, in page order (sections are the type groups)."""
    data = get(site_url, "/search.json", params={"q": q}).json()
    return [row for s in data["sections"] if s["id"].startswith("results") for row in s["rows"]]


def test_search_finds_a_place_by_any_name_in_any_script(site_url):
    for name in ("Fərrux", "FARUKH", "Փառուխ", "Фарух", "parukh", "Farrukh"):
        rows = search_rows(site_url, name)
        assert rows[0]["resource"]["iri"] == CKR + "place-parukh-farrukh", name
        assert (rows[0]["type"]["text"], rows[0]["rank"]["text"]) == ("place", "exact"), name


def test_search_shows_the_name_that_matched_unless_it_is_the_label(site_url):
    def matched(q: str) -> dict[str, str]:
        return {r["resource"]["iri"]: r["matched"]["text"] for r in search_rows(site_url, q)}

    assert matched("parukh / farr")[CKR + "place-parukh-farrukh"] == ""  # the label: not repeated
    assert matched("parukh")[CKR + "place-parukh-farrukh"] == "Parukh"  # an exact name beats a prefix label
    assert matched("Fərrux")[CKR + "place-parukh-farrukh"] == "Fərrux"  # an attested name
    found = matched("claim")
    assert found and all(iri.startswith(CKR) for iri in found), "only resources, not ontology terms"


def test_search_ranks_exact_then_prefix_then_the_rest_grouped_by_type(site_url):
    data = get(site_url, "/search.json", params={"q": "Lachin"}).json()
    groups = [s for s in data["sections"] if s["id"].startswith("results-")]
    types = [g["rows"][0]["type"]["text"] for g in groups]
    assert types[0] == "place" and {"incident", "event", "claim"} <= set(types)
    assert len(types) == len(set(types)), "one section per type"
    # 124 hits: the norms' names contain it as a word, after the first page's 100 hits (since session 18, event
    # titles are found by every spelling of the place their claim puts them at: "Berdzor corridor" by "Lachin")
    # session 19: the record's new events and claims named by "Lachin" filled the first page and point 6 (its text
    # names the corridor as a word) came on page 2 with the norms. Session 20: within a rank the named things come
    # first (places, points, norms, actors; then incidents, events, claims): point 6 and the norms are on page 1
    assert {"norm", "clause"} <= set(types)
    later = get(site_url, "/search.json", params={"q": "Lachin", "page": "2"}).json()["sections"]
    assert {g["rows"][0]["type"]["text"] for g in later if g["id"].startswith("results-")} == {"claim"}
    order = ["exact", "prefix", "word", "contains"]
    for group in groups:
        assert {r["type"]["text"] for r in group["rows"]} == {group["rows"][0]["type"]["text"]}
        ranks = [order.index(r["rank"]["text"]) for r in group["rows"]]
        assert ranks == sorted(ranks), group["id"]
    places = groups[0]["rows"]
    assert places[0]["resource"]["iri"] == CKR + "place-lachin-berdzor" and places[0]["rank"]["text"] == "exact"
    assert places[1]["rank"]["text"] == "prefix" and places[1]["resource"]["text"].startswith("Lachin")
    assert [g["id"] for g in groups][:2] == ["results-place", "results-incident"]  # best hit first
    assert "grouped by type" in data["subtitle"]
    html = get(site_url, "/search", params={"q": "Lachin"}).text
    assert html.index('data-section="results-place"') < html.index('data-section="results-claim"')


def test_search_without_a_hit_says_so(site_url):
    data = get(site_url, "/search.json", params={"q": "zzqx no such name"}).json()
    assert [s["id"] for s in data["sections"]] == ["results"] and data["sections"][0]["rows"] == []
    assert "No resource has that name." in get(site_url, "/search", params={"q": "zzqx"}).text


def test_the_naming_switch_composes_titles_that_name_a_place(site_url):
    path = "/resource/incident-2022-03-24-parukh-farrukh.json"
    titles = {n: get(site_url, path, params={"names": n}).json()["title"] for n in ("neutral", "azerbaijani", "armenian")}
    assert titles["neutral"].startswith("Parukh / Farrukh, 24-28 March 2022")
    assert titles["azerbaijani"].startswith("Farrukh, 24-28 March 2022") and "Parukh" not in titles["azerbaijani"]
    assert titles["armenian"].startswith("Parukh, 24-28 March 2022") and "Farrukh" not in titles["armenian"]
    assert titles["azerbaijani"].split(", 24-28")[1] == titles["neutral"].split(", 24-28")[1]  # only the name changes
    page = get(site_url, path, params={"names": "azerbaijani"}).json()
    assert ("neutral label", titles["neutral"]) in [(f["name"], f["text"]) for f in page["facts"]]
    listed = get(site_url, "/incidents.json", params={"names": "armenian", "place": "ckr:place-parukh-farrukh"}).json()
    texts = {r["incident"]["iri"]: r["incident"]["text"] for r in section(listed, "incidents")["rows"]}
    assert texts.get(CKR + "incident-2022-03-24-parukh-farrukh", "").startswith("Parukh, 24-28 March 2022")
    assert "including in\n    the titles of incidents" in get(site_url, "/about").text


def test_every_link_from_the_main_pages_resolves(site_url):
    pages = ["/", "/resource/agreement-tri2020-p4", "/resource/incident-2022-03-24-parukh-farrukh"]
    links = set()
    for path in pages:
        links |= set(re.findall(r'href="(/(?:resource|query)[^"#]*)"', get(site_url, path).text))
    assert len(links) > 50
    with httpx.Client(base_url=site_url, timeout=60) as client:
        broken = [link for link in sorted(links) if client.get(link.replace("&amp;", "&")).status_code != 200]
    assert broken == []


def test_hostile_labels_are_escaped(staged, res):
    quads = list(staged.store.quads())
    hostile = ox.NamedNode(CKR + "agent-hostile")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    graph = ox.NamedNode("https://w3id.org/conflictkg/graph/reference")
    quads += [ox.Quad(hostile, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode("https://w3id.org/conflictkg/ontology#State"), graph),
              ox.Quad(hostile, label, ox.Literal(HOSTILE, language="en"), graph)]
    store = OxigraphStore.create(None, quads)
    page = resource_page(Site.load(store, res).view(Perspective.NEUTRAL), "ckr:agent-hostile")
    assert page.title == HOSTILE
    html = render_offline("resource.html", page, "/resource/agent-hostile")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_the_site_holds_labels_and_titled_places_in_their_queries_order(staged, res):
    """Site.load sorts these answers itself (#14: the engine's sort is slow on disk): the same rows, the same order."""
    site, internal = Site.load(staged.store, res), load_library(res.pages_queries_dir)
    labels = [(term_to_str(r["resource"]), term_to_str(r["label"])) for r in run(staged.store, internal["labels"]).dicts()]
    assert len(labels) > 1000 and list(site.labels.items()) == labels
    titled = [(term_to_str(r["resource"]), term_to_str(r["place"]))
              for r in run(staged.store, internal["titled-places"]).dicts()]
    assert titled and [(iri, place) for iri, places in site.titled_places.items() for place in places] == titled


def test_a_points_incidents_by_year_are_counted_once_per_site_in_every_perspective(staged, res):
    site = Site.load(staged.store, res)
    made: list[str] = []
    assert site.derive_once(("k",), lambda: made.append("k") or ["v"]) == ["v"]
    assert site.derive_once(("k",), lambda: made.append("again") or ["w"]) == ["v"] and made == ["k"]
    facts = [dict(resource_page(site.view(p), "ckr:agreement-tri2020-p6").facts)["incidents by year"]
             for p in Perspective]
    assert facts[0]["entries"] and all(f == facts[0] for f in facts)
    assert [k for k in site.derived if k[0] == "incidents-by-year"] == [("incidents-by-year", "6")]


def test_the_recent_incidents_are_chosen_before_they_are_labelled():
    """#14: ten rows of the whole answer, the latest begin first (undated last, ties in the answer's order)."""
    begin = [ox.Literal(d, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
             for d in ("2021-05-01", "2023-01-02", "2022-07-07")]
    rows = [(ox.NamedNode(CKR + f"incident-{i}"), b) for i, b in enumerate([begin[0], None, begin[1], begin[2], begin[1]])]
    overview = Result("select", ["incident", "earliest_begin"], rows)
    picked = latest(overview, 3)
    assert [term_to_str(r[0]).removeprefix(CKR) for r in picked.rows] == ["incident-2", "incident-4", "incident-3"]
    assert picked.variables == overview.variables and latest(overview, 10).rows[-1] == rows[1]


def test_mark_segments_prefers_the_longest_form():
    assert mark_segments("Shushi and Shusha", {"Shushi": "D7", "Shusha": "D7", "": "x"}) == [
        {"text": "Shushi", "mark": "D7"}, {"text": " and ", "mark": ""}, {"text": "Shusha", "mark": "D7"}]


def test_every_page_query_answers_its_example(staged, res):
    library = load_library(res.pages_queries_dir)
    assert {"resource-summary", "labels", "attested-names", "clause-breach-counts"} <= set(library)
    for query in library.values():
        assert query.title and query.description, query.id
        params = {n: p.example or p.default or "" for n, p in query.params.items()}
        result = run(staged.store, query, params)
        assert result.rows or result.triples, query.id  # a CONSTRUCT (ontology-graph) answers triples


def test_coverage_page_shows_every_month_and_the_record_counts(site_url):
    data = get(site_url, "/coverage.json").json()
    months = section(data, "months")["rows"]
    assert months[0]["month"]["text"] == "2020-11" and months[-1]["month"]["text"] >= "2024-01"
    assert len({r["month"]["text"] for r in months}) == len(months) >= 39
    facts = {f["name"]: f["text"] for f in data["facts"]}
    counts = {f["name"]: f["text"] for f in get(site_url, "/index.json").json()["facts"]}
    assert counts["the record"].startswith(f"{facts['incidents']} incidents, {facts['claims about incidents']} claims")
    assert {s["id"] for s in data["sections"]} == {"months", "sides", "points", "sourcing", "other-side"}
    assert sum(int(r["claims"]["text"]) for r in section(data, "sourcing")["rows"]) > int(facts["claims about incidents"])
    html = get(site_url, "/coverage").text
    assert 'class="bar"' in html and 'href="/coverage"' in get(site_url, "/").text
