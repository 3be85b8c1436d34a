"""Entity pages page their long lists (#14): ``page`` and ``per_page`` pick the rows of every paged
list, the JSON twin carries the totals and the next and previous pages, the HTML links them, and the
summary card and the contents count every row, not the page's."""

from __future__ import annotations

import re
from html import unescape

import httpx

CLAUSE = "/resource/agreement-tri2020-p6"
AGENT = "/resource/agent-azerbaijan"


def get(url: str, path: str, **kwargs) -> httpx.Response:
    return httpx.get(url + path, timeout=120, **kwargs)


def every_page(url: str, path: str, per_page: int) -> list[dict]:
    """The JSON twin of every page of ``path``, following ``next`` from the first."""
    pages, query = [], f"?per_page={per_page}"
    while query is not None:
        data = get(url, path + ".json" + query).json()
        pages.append(data)
        query = data["extra"]["next"]
    return pages


def section(data: dict, section_id: str) -> dict:
    return next(s for s in data["sections"] if s["id"] == section_id)


def test_following_next_lists_every_row_once(site_url):
    whole = get(site_url, CLAUSE + ".json?per_page=500").json()
    pages = every_page(site_url, CLAUSE, 7)
    assert len(pages) == pages[0]["extra"]["pages"] == -(-max(pages[0]["extra"]["totals"].values()) // 7) > 2
    assert [p["extra"]["page"] for p in pages] == list(range(1, len(pages) + 1))
    claims = [c["claim"]["iri"] for p in pages for c in p["extra"]["allegations"]]
    assert claims == [c["claim"]["iri"] for c in whole["extra"]["allegations"]]
    assert len(claims) == len(set(claims)) == whole["extra"]["totals"]["allegations"] > 7
    for sid in ("claims", "mentions"):
        rows = [r for p in pages for r in section(p, sid)["rows"]]
        assert rows == section(whole, sid)["rows"] and len(rows) == section(whole, sid)["total"]
        assert all(len(section(p, sid)["rows"]) <= 7 for p in pages)
    assert pages[0]["extra"]["previous"] is None and pages[1]["extra"]["previous"] == "?per_page=7"
    assert pages[-1]["extra"]["next"] is None


def test_card_and_contents_count_every_row_on_every_page(site_url):
    first = get(site_url, AGENT + ".json?per_page=5").json()
    second = get(site_url, AGENT + ".json?per_page=5&page=2").json()
    whole = get(site_url, AGENT + ".json?per_page=500").json()
    assert first["facts"] == second["facts"] == whole["facts"]
    assert first["extra"]["contents"] == second["extra"]["contents"] == whole["extra"]["contents"]
    accused = section(second, "accused")  # paged by claims (window: keys), each claim with all its rows
    claims = list(dict.fromkeys(r["claim"]["iri"] for r in section(whole, "accused")["rows"]))
    assert accused["total"] == len(claims) > 10 and accused["offset"] == 5 and accused["unit"] == "claims"
    assert accused["shown"] == 5 and [r for r in section(whole, "accused")["rows"]
                                      if r["claim"]["iri"] in claims[5:10]] == accused["rows"]
    obligations = section(second, "obligations")  # a short list is not paged: whole on every page
    assert obligations["total"] is None and obligations["rows"] == section(whole, "obligations")["rows"]


def test_html_links_the_pages_and_says_which_rows(site_url):
    response = get(site_url, AGENT + "?per_page=5&page=2")
    html = response.text
    assert response.status_code == 200
    nxt = re.search(r'<a rel="next" href="([^"]+)"', html)
    prev = re.search(r'<a rel="prev" href="([^"]+)"', html)
    assert nxt and unescape(nxt.group(1)) == AGENT + "?page=3&per_page=5"
    assert prev and unescape(prev.group(1)) == AGENT + "?per_page=5"
    total = get(site_url, AGENT + ".json").json()["extra"]["totals"]["accused"]
    assert f"Claims 6–10 of {total}" in html and html.count('class="pager"') == 2
    assert response.headers["link"] == (f'<{AGENT}?per_page=5>; rel="previous", '
                                        f'<{AGENT}?page=3&per_page=5>; rel="next"')


def test_the_default_page_is_bounded(site_url):
    html = get(site_url, CLAUSE).text
    data = get(site_url, CLAUSE + ".json").json()
    assert data["extra"]["page"] == 1 and data["extra"]["per_page"] == 100
    assert all(len(s["rows"]) <= 100 for s in data["sections"] if s["total"] is not None)
    assert len(html.encode()) < 500_000


def test_a_short_page_has_no_pager(site_url):
    data = get(site_url, "/resource/agent-armenia.json?per_page=500").json()
    assert data["extra"]["pages"] == 1 and data["extra"]["next"] is None and data["extra"]["previous"] is None
    assert 'class="pager"' not in get(site_url, "/resource/agent-armenia?per_page=500").text


def test_clause_redirect_keeps_the_page(site_url):
    response = get(site_url, "/clause/6?page=2&per_page=5", follow_redirects=False)
    assert response.headers["location"] == CLAUSE + "?page=2&per_page=5"


def test_bad_pages_are_400_naming_the_parameter(site_url):
    for query, says in (("page=0", "parameter page"), ("page=-1", "parameter page"), ("page=abc", "parameter page"),
                        ("page=99999999999", "parameter page"), ("page=999", "there is no page 999"),
                        ("per_page=0", "parameter per_page"), ("per_page=501", "parameter per_page")):
        answer = get(site_url, f"{CLAUSE}.json?{query}")
        assert answer.status_code == 400 and says in answer.json()["error"], (query, answer.text[:300])
        assert set(answer.json()) == {"ok", "status", "error", "hint"}
        page = get(site_url, f"{CLAUSE}?{query}")
        assert page.status_code == 400 and says in page.text and "Traceback" not in page.text


def test_a_clause_page_previews_each_norms_status_and_the_norm_page_pages_it(site_url):
    """A point's page shows the first rows of each norm's status, counts them all and links the norm's page,
    which pages them (#14): the point's page stays the same size however many statuses are recorded."""
    first = get(site_url, CLAUSE + ".json?per_page=5").json()
    second = get(site_url, CLAUSE + ".json?per_page=5&page=2").json()
    previews = [s for s in first["sections"] if s["id"].startswith("status-")]
    assert len(previews) > 3 and not any(k.startswith("status-") for k in first["extra"]["totals"])
    cut = 0
    for preview in previews:
        assert preview == section(second, preview["id"])  # not paged with the point's own lists
        norm = preview["more"]["href"].removesuffix("#status")
        pages = every_page(site_url, norm, 3)
        rows = [r for p in pages for r in section(p, "status")["rows"]]
        assert preview["more"]["href"] == f"{norm}#status" and preview["total"] == len(rows) == \
            section(pages[0], "status")["total"]
        assert preview["rows"] == rows[:5] and len(preview["rows"]) == min(5, len(rows))
        assert all(len(section(p, "status")["rows"]) <= 3 for p in pages)
        cut += len(rows) > 5
    assert cut  # some norm has more rows than its preview
    big = max(previews, key=lambda s: s["total"])
    html = get(site_url, CLAUSE).text
    assert f"The first 5 of {big['total']} rows: <a href=\"{big['more']['href']}\">every row on the norm&#39;s page</a>" \
        in html
