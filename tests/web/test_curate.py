"""The curate pages (``serve --curate``) over a live loopback server: every POST is refused
without this process's token, from another origin or to another host name (403, the site's
one error shape); without --curate the pages do not exist; a save never overwrites unasked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conflictkg.curating import Workbench
from conflictkg.resources import Resources

from tests.conftest import REPO, run_cli
from tests.serving import serving

ARTICLE = REPO / "tests" / "fixtures" / "drafting" / "farrukh-report.txt"


@pytest.fixture(scope="module")
def incidents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("incidents")


@pytest.fixture(scope="module")
def curate_url(built_store: Path, res: Resources, incidents: Path) -> Iterator[str]:
    with serving(built_store, workers=1, resources=res, curate=Workbench(res, incidents)) as url:
        yield url


@pytest.fixture(scope="module")
def token(curate_url: str) -> str:
    page = httpx.get(curate_url + "/curate", timeout=120)
    assert page.status_code == 200
    return re.search(r'name="csrf" value="([^"]+)"', page.text)[1]  # type: ignore[index]


def post(url: str, path: str, data: dict[str, str], **headers: str) -> httpx.Response:
    return httpx.post(url + path, data=data, timeout=120, headers={"accept": "application/json", **headers})


def draft_data(token: str) -> dict[str, str]:
    return {"csrf": token, "article": ARTICLE.read_text(encoding="utf-8"), "kind": "text",
            "url": "https://example.org/news/farrukh-standoff", "published": "2022-03-26", "publisher": "", "title": ""}


def assert_refused(answer: httpx.Response, words: str) -> None:
    assert answer.status_code == 403
    body = answer.json()
    assert body["ok"] is False and body["status"] == 403 and words in body["error"] and body["hint"]


@pytest.mark.parametrize("sent", [None, "", "wrong-token"])
def test_a_post_without_the_token_is_refused(curate_url: str, token: str, incidents: Path, sent: str | None) -> None:
    data = draft_data(token)
    if sent is None:
        del data["csrf"]
    else:
        data["csrf"] = sent
    assert_refused(post(curate_url, "/curate/draft", data), "security token")
    assert list(incidents.iterdir()) == []


def test_a_post_from_another_origin_or_to_another_host_is_refused(curate_url: str, token: str) -> None:
    data = draft_data(token)
    assert_refused(post(curate_url, "/curate/draft", data, origin="http://evil.example"), "another site")
    assert_refused(post(curate_url, "/curate/draft", data, referer="http://evil.example/page"), "another site")
    assert_refused(post(curate_url, "/curate/draft", data, origin="null"), "another site")
    assert_refused(post(curate_url, "/curate/draft", data, host="evil.example"), "only at 127.0.0.1")
    assert post(curate_url, "/curate/draft", data, origin=curate_url).status_code == 303  # its own page: accepted


def test_the_review_page_escapes_and_shows_the_evidence(curate_url: str, token: str) -> None:
    answer = post(curate_url, "/curate/draft", draft_data(token))
    page = httpx.get(curate_url + answer.headers["location"], timeout=120)
    assert page.status_code == 200 and page.headers["x-frame-options"] == "DENY"
    assert page.text.count('<article class="claim"') == 5
    assert '<mark data-sentence="2">The Russian Defence Ministry on Saturday accused Azerbaijan' in page.text
    assert "&#34;Azerbaijani troops crossed" in page.text  # the quotation mark of the article, escaped
    assert '<option value="https://w3id.org/conflictkg/resource/agent-ru-mod" selected>' in page.text


def test_saving_twice_needs_the_overwrite_box(curate_url: str, token: str, incidents: Path) -> None:
    location = post(curate_url, "/curate/draft", draft_data(token)).headers["location"]
    page = httpx.get(curate_url + location, timeout=120).text
    fields = dict(re.findall(r'<input type="hidden" name="(c0-[a-z_]+)" value="([^"]*)"', page))
    form = {"csrf": token, "file_name": "2022-03-26-twice.trig", "c0-keep": "on", "c0-stance": "alleges",
            "c0-claimant": "https://w3id.org/conflictkg/resource/agent-ru-mod", **fields}
    unexplained = httpx.post(curate_url + location, data={**form, "file_name": "unexplained.trig"}, timeout=300)
    assert 'data-conforms="no"' in unexplained.text and "needs a ck:curatorNote saying why" in unexplained.text
    form["c0-curator_note"] = "The ministry names no point of the statement."
    first = httpx.post(curate_url + location, data=form, timeout=300)
    assert first.status_code == 200 and 'data-conforms="yes"' in first.text
    assert 'ck:curatorNote "The ministry names no point of the statement."@en' in (
        incidents / "2022-03-26-twice.trig").read_text(encoding="utf-8")
    before = (incidents / "2022-03-26-twice.trig").read_text(encoding="utf-8")
    again = httpx.post(curate_url + location, data={**form, "c0-stance": "reports"}, timeout=300)
    assert again.status_code == 400 and "already exists" in again.text
    assert (incidents / "2022-03-26-twice.trig").read_text(encoding="utf-8") == before
    out = httpx.post(curate_url + location, data={**form, "file_name": "../out.trig"}, timeout=300)
    assert out.status_code == 400 and "not a file name" in out.text
    assert not (incidents.parent / "out.trig").exists()


def test_without_curate_there_are_no_curate_pages(built_store: Path, res: Resources) -> None:
    with serving(built_store, workers=1, resources=res) as url:
        assert httpx.get(url + "/curate", timeout=60).status_code == 404
        assert httpx.post(url + "/curate/draft", data={"article": "x"}, timeout=60).status_code == 404


def test_serve_curate_refuses_any_host_but_loopback(tmp_path: Path) -> None:
    proc = run_cli("serve", "--curate", "--host", "0.0.0.0", store=tmp_path / "store")
    assert proc.returncode == 2
    assert "127.0.0.1 only" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "store").exists()  # refused before anything was built


def test_a_saved_draft_opens_again_for_review(curate_url: str, token: str, incidents: Path) -> None:
    location = post(curate_url, "/curate/draft", draft_data(token)).headers["location"]
    form = {"csrf": token, "file_name": "2022-03-26-reopen.trig", "c2-keep": "on", "c2-stance": "counter-alleges",
            "c2-claimant": "https://w3id.org/conflictkg/resource/agent-az-mod", "c2-sentence": "4", "c2-named": "4"}
    assert httpx.post(curate_url + location, data=form, timeout=300).status_code == 200
    assert "2022-03-26-reopen.trig" in httpx.get(curate_url + "/curate", timeout=60).text
    opened = post(curate_url, "/curate/open", {"csrf": token, "file": "2022-03-26-reopen.trig",
                                              "article": ARTICLE.read_text(encoding="utf-8")})
    assert opened.status_code == 303
    page = httpx.get(curate_url + opened.headers["location"], timeout=60).text
    assert page.count('<article class="claim"') == 1
    assert '<mark data-sentence="5">It said that the withdrawal of Armenian armed units' in page
    # saved alone, the counter-allegation answers no claim of the file: it was written (and so reopens) as an allegation
    assert '<option value="alleges" selected>' in page and '<option value="counter-alleges" selected>' not in page
    saved = (incidents / "2022-03-26-reopen.trig").read_text(encoding="utf-8")
    assert "proposed as a counter-allegation, but it answers no claim of this draft" in saved
    refused = post(curate_url, "/curate/open", {"csrf": token, "file": "../../etc/passwd.trig"})
    assert refused.status_code == 400 and "not a file name" in refused.json()["error"]
