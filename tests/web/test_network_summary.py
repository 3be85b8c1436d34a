"""The whole view's pages: the summary it opens on, a group drilled down into, the full graph, their
JSON twins and graph files (#13, #14)."""

from __future__ import annotations

import json
import re

import pytest

from conflictkg.rdf.namespaces import CKR
from conflictkg.settings import Settings

PARUKH = "ckr:incident-2022-03-24-parukh-farrukh"


@pytest.fixture(scope="module")
def client(staged, res, tmp_path_factory):
    from starlette.testclient import TestClient

    from conflictkg.web import create_app

    app = create_app(staged.store, Settings(store_dir=tmp_path_factory.mktemp("unused")), resources=res)
    return TestClient(app)


def group_members(client, key: str) -> list[str]:
    """Every member of group ``key``, following its JSON twin's pages (#13)."""
    members, query = [], f"?group={key}"
    while query:
        answer = client.get("/network/whole.json" + query).json()
        members += [n["id"] for n in answer["nodes"] if not n["id"].startswith("urn:")]
        query = answer["paging"]["next"]
    return members


def test_the_whole_view_opens_on_its_summary_with_groups_linked_without_scripts(client):
    page = client.get("/network/whole")
    assert page.status_code == 200
    assert "<h1 id=\"view-title\">Whole graph: summary</h1>" in page.text
    listing = re.search(r'<nav id="groups".*?</nav>', page.text, re.S)
    assert listing is not None  # plain links: drilling down works without JavaScript
    groups = re.findall(r'<li value="\d+" data-kind="[a-z]+"><a href="\?group=([a-z0-9-]+)" title="[^"]+">([^<]+)</a>',
                        listing.group(0))
    twin = client.get("/network/whole.json").json()
    assert [key for key, _label in groups] == [g["key"] for g in twin["groups"]]
    assert groups[1] == ("clause", next(g["label"] for g in twin["groups"] if g["key"] == "clause"))
    assert page.text.count('class="full-graph" href="?view=full"') == 2  # beside the tools and above the groups
    files = re.findall(r'href="(/network/whole[^"]*)" data-format="([a-z-]+)"', page.text)
    assert files == [("/network/whole.gexf?view=summary&amp;names=neutral", "gexf"),
                     ("/network/whole.graphml?view=summary&amp;names=neutral", "graphml"),
                     ("/network/whole.node-link.json?view=summary&amp;names=neutral", "node-link")]


def test_the_summary_json_twin_adds_up_to_the_full_one(client):
    summary = client.get("/network/whole.json").json()
    full = client.get("/network/whole.json", params={"view": "full"}).json()
    assert summary["ok"] and summary["scope"] == "summary" and summary["params"]["view"] == ["summary"]
    assert "scope" not in full and full["params"]["view"] == ["full"]
    assert sum(g["members"] for g in summary["groups"]) == len(full["nodes"])
    assert sum(e["count"] for e in summary["edges"]) + sum(g["inside"] for g in summary["groups"]) == len(full["edges"])
    assert len(summary["nodes"]) == len(summary["groups"])
    assert summary["links"]["totals"] == f"{len(full['nodes']):,} resources and {len(full['edges']):,} links"
    assert client.get("/network/whole.json", params={"view": "summary"}).json() == summary


def test_a_group_drilled_down_into_and_its_twin(client):
    page = client.get("/network/whole", params={"group": "side-armenia"})
    assert page.status_code == 200
    assert re.search(r'<li value="\d+" data-kind="agent" aria-current="true"(?: data-drawn)?><a href="\?group=side-armenia" title="[^"]+">'
                     'Armenia side', page.text)
    assert '<a href="?view=summary">Back to the summary</a>' in page.text
    twin = client.get("/network/whole.json", params={"group": "side-armenia"}).json()
    assert twin["scope"] == "group" and twin["params"]["group"] == ["side-armenia"]
    ids = set(group_members(client, "side-armenia"))  # every page of members (#13)
    assert "https://w3id.org/conflictkg/resource/agent-armenia" in ids
    group = next(g for g in twin["groups"] if g["key"] == "side-armenia")
    assert len(ids) == group["members"]
    graphml = client.get("/network/whole.graphml", params={"group": "norm"})
    assert graphml.status_code == 200 and "network-whole-norm.graphml" in graphml.headers["content-disposition"]


def test_the_full_graph_is_one_click_away_and_links_back(client):
    page = client.get("/network/whole", params={"view": "full"})
    assert page.status_code == 200 and '<nav id="groups"' not in page.text
    assert '<a href="?view=summary">Summary by group</a> · <strong>Full graph</strong>' in page.text
    assert 'href="/network/whole.gexf?view=full&amp;names=neutral"' in page.text
    index = client.get("/network").text
    assert 'href="/network/whole"' in index and 'href="/network/whole?view=full"' in index


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "node-link.json"])
def test_the_summary_files_are_the_summary(client, fmt):
    body = client.get(f"/network/whole.{fmt}").content.decode("utf-8")
    assert body == client.get(f"/network/whole.{fmt}", params={"view": "summary"}).content.decode("utf-8")
    assert "news outlets (" in body and "members" in body
    full = client.get(f"/network/whole.{fmt}", params={"view": "full"}).content.decode("utf-8")
    assert "news outlets (" not in full and len(full) > 5 * len(body)
    if fmt == "node-link.json":
        data = json.loads(body)
        assert data["graph"]["scope"] == "summary" and all(n["members"] > 0 for n in data["nodes"])


@pytest.mark.parametrize(("path", "status", "text"), [
    ("/network/whole.json?view=sideways", 400, "view must be 'full' or 'summary'"),
    ("/network/whole.json?group=nope", 404, "the whole view has no group 'nope'"),
    ("/network/allegations.json?group=clause", 404, "the allegations view has no group 'clause'"),
    ("/network/clause.json?clause=6&group=nope", 404, "the clause view has no group 'nope'"),
    (f"/network/incident.json?incident={PARUKH}&view=full", 400, "apply to the whole, clause and allegation views"),
    (f"/network/incident.json?incident={PARUKH}&group=claim-2022", 400, "apply to the whole, clause and allegation"),
    ("/network/whole.json?group=clause&page=2", 400, "there is no page 2, this group's list of members has 1 page"),
    ("/network/whole.json?group=clause&page=x", 400, "parameter page must be a whole number from 1"),
    ("/network/whole.json?page=2", 400, "page= applies to a group of the whole view"),
    ("/network/whole.json?per_page=10", 400, "per_page= applies to a group of the whole view"),
    ("/network/whole.json?group=clause&per_page=4", 400, "parameter per_page needs a whole number from 5 to 100, got '4'"),
    ("/network/whole.json?group=clause&per_page=101", 400, "parameter per_page needs a whole number from 5 to 100"),
    ("/network/whole.json?group=clause&per_page=ten", 400, "parameter per_page needs a whole number from 5 to 100"),
    ("/network/whole.json?group=clause&per_page=-5", 400, "parameter per_page needs a whole number from 5 to 100"),
])
def test_bad_scopes_answer_in_the_error_shape(client, path, status, text):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["ok"] is False and text in response.json()["error"]


def test_a_hostile_group_name_is_escaped(client):
    response = client.get("/network/whole", params={"group": "<script>x</script>"})
    assert response.status_code == 404
    assert "<script>x" not in response.text and "&lt;script&gt;" in response.text


def test_the_summary_shows_no_filters_it_cannot_apply_and_the_others_keep_them(client):
    summary = client.get("/network/whole").text
    assert 'id="filters" class="summary-filters"' in summary and 'id="edge-labels"' in summary
    for control in ("filter-from", "filter-to", "filter-clause", "filter-claimant", "filter-stance", "filter-reset"):
        assert f'id="{control}"' not in summary
        for params in ({"view": "full"}, {"group": "norm"}):
            assert f'id="{control}"' in client.get("/network/whole", params=params).text


def test_claims_without_a_date_are_grouped_by_their_incidents_year_never_dated(client, staged, res):
    from conflictkg.sparql.queries import load_library, run

    twin = client.get("/network/whole.json").json()
    groups = {g["key"]: g for g in twin["groups"]}
    split = {k: g for k, g in groups.items() if k.startswith("claim-undated-")}
    assert len(split) >= 3  # the incidents' years of 2020 to 2023
    for key, group in split.items():
        assert group["label"] == f"undated claims, incidents of {key[-4:]} ({group['members']})"
    # the claims of such a group: none has a date, each is about an incident that begins that year
    library = load_library(res.queries_dir)
    claims = {r["claim"].value: r for r in run(staged.store, library["all-claims"]).dicts()}
    begins = {r["incident"].value: r["earliest_begin"].value
              for r in run(staged.store, library["incidents-overview"]).dicts() if r["earliest_begin"] is not None}
    key = sorted(split)[0]
    members = group_members(client, key)
    assert len(members) == split[key]["members"]
    for iri in members:
        assert claims[iri]["claim_date"] is None and begins[claims[iri]["incident"].value][:4] == key[-4:]
    dated = {k: g["members"] for k, g in groups.items() if re.fullmatch(r"claim-\d{4}", k)}
    assert sum(dated.values()) == sum(1 for r in claims.values() if r["claim_date"] is not None)
    keys = list(groups)
    assert keys.index(max(dated)) < keys.index(sorted(split)[0])  # after the dated claims
    if "claim-undated" in groups:  # the claims of no dated incident: last, named so
        assert keys.index("claim-undated") == keys.index(max(split)) + 1
        assert groups["claim-undated"]["label"].startswith("undated claims, no dated incident (")


def test_sources_without_a_date_are_grouped_by_the_year_of_the_claims_they_carry(client, staged, res):
    """No bucket of "undated sources" (#13): such a source falls in the year of the earliest claim it
    carries (a claim without a date: its incident's), named so; the page says what each group holds."""
    from conflictkg.sparql.queries import load_library, run

    twin = client.get("/network/whole.json").json()
    groups = {g["key"]: g for g in twin["groups"]}
    split = {k: g for k, g in groups.items() if re.fullmatch(r"source-undated-\d{4}", k)}
    assert len(split) >= 3
    assert all(g["label"] == f"undated sources, claims of {k[-4:]} ({g['members']})" for k, g in split.items())
    library = load_library(res.queries_dir)
    rows = [r for r in run(staged.store, library["sources"]).dicts()]
    claims = {r["claim"].value: r for r in run(staged.store, library["all-claims"]).dicts()}
    begins = {r["incident"].value: r["earliest_begin"].value
              for r in run(staged.store, library["incidents-overview"]).dicts() if r["earliest_begin"] is not None}

    def claim_year(iri: str) -> str | None:
        row = claims[iri]
        if row["claim_date"] is not None:
            return row["claim_date"].value[:4]
        incident = row["incident"].value if row["incident"] is not None else None
        return begins[incident][:4] if incident in begins else None

    for key, group in split.items():
        members = group_members(client, key)
        assert len(members) == group["members"]
        for iri in members:
            carried = [r for r in rows if r["source"].value == iri]
            assert all(r["published"] is None for r in carried)  # never dated by its claims
            years = {claim_year(r["claim"].value) for r in carried if r["claim"] is not None} - {None}
            assert min(years) == key[-4:], iri
    assert groups["source-undated"]["label"].startswith("undated sources, no dated claim or event (")
    assert not any(g["label"].startswith("sources, undated") for g in twin["groups"])
    page = client.get("/network/whole").text
    first = min(split)
    assert f'title="{split[first]["meaning"]}"' in page.replace("&#39;", "'")
    assert "sources without a publication date, cited by claims of that year" in page  # the rule, said once
    assert page.count('class="group-meaning"') == len({g.get("rule") for g in twin["groups"]} - {None})


def test_a_large_group_pages_its_members_in_the_page_and_its_twin(client):
    """A group larger than a page (#13): the page lists its window of members under "Members 41–80 of N"
    with a link to every page, and the JSON twin says the same, so a client follows next to every member."""
    from conflictkg.network.paging import MEMBERS_PER_PAGE

    groups = client.get("/network/whole.json").json()["groups"]
    largest = max(groups, key=lambda g: g["members"])
    key, total = largest["key"], largest["members"]
    twin = client.get("/network/whole.json", params={"group": key, "page": 2}).json()
    paging = twin["paging"]
    assert (paging["page"], paging["first"], paging["last"], paging["total"]) == (2, MEMBERS_PER_PAGE + 1,
                                                                                   2 * MEMBERS_PER_PAGE, total)
    assert twin["params"]["page"] == ["2"] and twin["title"].endswith(f"members {MEMBERS_PER_PAGE + 1}–{2 * MEMBERS_PER_PAGE}")
    page = client.get("/network/whole", params={"group": key, "page": 2}).text
    assert f"Members {MEMBERS_PER_PAGE + 1}–{2 * MEMBERS_PER_PAGE} of {total}" in page
    pager = re.search(r'<nav class="member-pages".*?</nav>', page, re.S)
    assert pager is not None
    assert re.findall(r'href="([^"]+)"', pager.group(0)) == [
        paging["previous"].replace("&", "&amp;"),
        *[link["href"].replace("&", "&amp;") for link in paging["links"] if link and link["page"] != 2],
        paging["next"].replace("&", "&amp;")]
    assert '<strong aria-current="page">2</strong>' in pager.group(0)
    listed = re.findall(r'<li value="(\d+)"><a href="/resource/', page)
    assert listed == [str(n) for n in range(MEMBERS_PER_PAGE + 1, 2 * MEMBERS_PER_PAGE + 1)]
    members = group_members(client, key)
    assert len(members) == len(set(members)) == total
    graphml = client.get("/network/whole.graphml", params={"group": key, "page": 2})
    assert f"network-whole-{key}-2.graphml" in graphml.headers["content-disposition"]


def test_a_groups_page_offers_its_page_sizes_as_plain_links(client):
    """Beside the pager (#13): the other page sizes as links a page without scripts follows, each on the page
    that holds the first member shown, the current one marked; the JSON twin says the same (``sizes``)."""
    from conflictkg.network.paging import MEMBERS_PER_PAGE, PHONE_PER_PAGE

    groups = client.get("/network/whole.json").json()["groups"]
    key, total = max(((g["key"], g["members"]) for g in groups if g["kind"] == "claim"), key=lambda g: g[1])
    assert total > 100
    sizes = client.get("/network/whole.json", params={"group": key, "page": 3}).json()["paging"]["sizes"]
    first_page_of = {size: 2 * MEMBERS_PER_PAGE // size + 1 for size in (PHONE_PER_PAGE, 100)}  # member 61
    assert sizes == [
        {"per_page": PHONE_PER_PAGE, "text": "10", "href": f"?group={key}&page={first_page_of[10]}&per_page=10"},
        {"per_page": MEMBERS_PER_PAGE, "text": "30", "href": None},
        {"per_page": 100, "text": "100", "href": f"?group={key}&page={first_page_of[100]}&per_page=100"}]
    page = client.get("/network/whole", params={"group": key, "page": 3}).text
    choice = re.search(r'<p class="note member-sizes">(.*?)</p>', page, re.S)
    assert choice is not None
    assert re.findall(r'href="([^"]+)"', choice.group(1)) == [s["href"].replace("&", "&amp;") for s in sizes if s["href"]]
    assert '<strong aria-current="true">30</strong>' in choice.group(1)
    ten = client.get("/network/whole.json" + sizes[0]["href"]).json()["paging"]
    assert (ten["per_page"], ten["first"], ten["last"]) == (10, 61, 70)  # the member the page began with
    small = next(g for g in groups if MEMBERS_PER_PAGE < g["members"] <= 100)
    whole = client.get("/network/whole.json", params={"group": small["key"]}).json()["paging"]["sizes"]
    assert [s["text"] for s in whole] == ["10", "30", "all"]
    tiny = next(g for g in groups if g["members"] <= PHONE_PER_PAGE)
    assert client.get("/network/whole.json", params={"group": tiny["key"]}).json()["paging"]["sizes"] == []
    assert 'class="note member-sizes"' not in client.get("/network/whole", params={"group": tiny["key"]}).text


def test_per_page_sizes_a_groups_pages_and_its_links_keep_it(client):
    """``per_page`` (#13: a phone asks for 10): the same members in the same order, fewer a page, numbered
    across pages; every link of the pager and the JSON twin keeps the size, so following next reaches every
    member once."""
    groups = client.get("/network/whole.json").json()["groups"]
    key = max((g for g in groups if g["kind"] == "claim"), key=lambda g: g["members"])["key"]  # claims link claims
    default = group_members(client, key)
    twin = client.get("/network/whole.json", params={"group": key, "page": 2, "per_page": 10}).json()
    paging = twin["paging"]
    assert (paging["per_page"], paging["first"], paging["last"]) == (10, 11, 20)
    assert paging["pages"] == -(-len(default) // 10) and twin["params"]["per_page"] == ["10"]
    assert all(link.endswith("&per_page=10")
               for link in [paging["previous"], paging["next"], *[link["href"] for link in paging["links"] if link]])
    shown = [n for n in twin["nodes"] if not n["id"].startswith("urn:")]
    assert [n["id"] for n in shown] == default[10:20] and [n["short"] for n in shown] == [str(n) for n in range(11, 21)]
    own = next(n for n in twin["nodes"] if n["id"] == f"urn:conflictkg:group:{key}")
    assert own["href"] == paging["next"]  # the group's own node opens the next page, of the same size
    page = client.get("/network/whole", params={"group": key, "page": 2, "per_page": 10}).text
    assert "Members 11–20 of" in page and "10 members a page" in page
    members, query = [], f"?group={key}&per_page=10"
    while query:
        answer = client.get("/network/whole.json" + query).json()
        members += [n["id"] for n in answer["nodes"] if not n["id"].startswith("urn:")]
        query = answer["paging"]["next"]
    assert members == default


def test_a_claim_group_lists_its_claims_by_claimant_then_date(client):
    """Claims in a group are in the order a reader looks them up (#13): by their claimant's name, then date,
    the undated last, so a status claim sits among its claimant's claims whatever its name; the numbers
    follow that order across pages."""
    twin = client.get("/network/whole.json", params={"group": "claim-2021", "per_page": 100}).json()
    claims = twin["claims"]
    members = [n for n in twin["nodes"] if not n["id"].startswith("urn:")]
    keys = [(claims[n["claims"][0]]["claimant_label"].casefold(), claims[n["claims"][0]]["date"] or "~") for n in members]
    assert keys == sorted(keys) and len(set(k[0] for k in keys)) > 10
    status = [i for i, n in enumerate(members) if n["id"].startswith(f"{CKR}claim-status-")]
    assert len(status) > 3 and status != list(range(status[0], status[0] + len(status)))  # not one block under "S"
    for i in status:  # beside a claim of the same claimant where it has others
        same = [j for j, k in enumerate(keys) if k[0] == keys[i][0]]
        assert same == list(range(same[0], same[-1] + 1))
    assert [n["short"] for n in members] == [str(n) for n in range(1, len(members) + 1)]
    second = client.get("/network/whole.json", params={"group": "claim-2021", "page": 2, "per_page": 50}).json()
    assert [n["id"] for n in second["nodes"] if not n["id"].startswith("urn:")] == [n["id"] for n in members[50:100]]


def test_status_claims_are_named_by_their_claimant_date_status_and_norm(client):
    """A status assessment's curator's label ("Status of p1-ceasefire according to am-mfa, 2021-11-08") is
    not shown (#13): the views name it as the other claims, "claimant, date: status — norm", from the
    claimant's and the norm's names, in the page's list of members and its JSON twin alike."""
    twin = client.get("/network/whole.json", params={"group": "claim-2021", "per_page": 100}).json()
    labels = {n["id"]: n["label"] for n in twin["nodes"]}
    status = {iri: label for iri, label in labels.items() if iri.startswith(f"{CKR}claim-status-")}
    assert len(status) > 3
    iri = f"{CKR}claim-status-p1-ceasefire-am-mfa-2021-11-08"
    assert status[iri] == ("Ministry of Foreign Affairs of Armenia, 8 November 2021: not fulfilled — "
                           "Point 1: observe a complete ceasefire from 00:00 Moscow time, 10 November 2020")
    for label in status.values():
        assert not label.startswith("Status of ") and " according to " not in label
    named = next(n for n in twin["nodes"] if n["id"] == iri)
    assert all(not name.startswith("Status of ") for name in named["names"])  # not in the tooltip's other names
    assert [c["label"] for c in twin["claims"] if c["id"] == iri] == [status[iri]]
    page = client.get("/network/whole", params={"group": "claim-2021", "per_page": 100}).text
    assert "Status of " not in page and "Ministry of Foreign Affairs of Armenia, 8 November 2021: not fulfilled" in page
