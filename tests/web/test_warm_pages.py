"""A fresh server makes the busiest pages' whole-store answers in the background (#14): its first
request of /incidents and of /clause/6 computes no answer or total, it finds them made. Counted (the
site's answers and totals before and after the request), not timed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from conflictkg.naming import Perspective
from conflictkg.network import ViewRequest
from conflictkg.pages.context import Site
from conflictkg.resources import Resources
from conflictkg.settings import Settings
from conflictkg.store.directory import open_store
from conflictkg.web import create_app
from conflictkg.web.network import WARM_VIEWS

from tests.conftest import REPO

FIRST = ("/incidents", "/clause/6", "/", "/resource/agent-azerbaijan")
#: The resource most statements point to (``pages/most-mentioned``): its page's long lists are sorted by the warm-up.
MOST = "https://w3id.org/conflictkg/resource/agent-azerbaijan"


@pytest.fixture()
def app(shipped_store_dir: Path) -> Iterator[object]:
    store = open_store(shipped_store_dir)
    try:
        yield create_app(store, Settings(shipped_store_dir, reason=False, prepare_downloads=False), workers=1,
                         resources=Resources(REPO), in_memory=True)
    finally:
        store.close()


def made(site: Site) -> set[tuple]:
    """Which answers, totals and derived values the site holds."""
    return ({("answer", *key) for key in site.answers} | {("count", *key) for key in site.counts}
            | {("derived", *key) for key in site.derived})


def test_the_first_requests_find_the_answers_made(app) -> None:  # noqa: ANN001
    with TestClient(app) as client:  # entered: the lifespan runs, and so does the background warm-up
        waited = time.monotonic()
        while not app.state.warm_pages.made:  # made by the lifespan's background task, not by this test
            assert time.monotonic() - waited < 300, "the background warm-up did not finish"
            time.sleep(0.05)
        warmed = app.state.warm_pages.get()
        site = app.state.site.get()
        before = made(site)
        assert warmed == len(before) and ("answer", "incidents-overview", ()) in before
        assert any(key[:2] == ("answer", "claims-alleging-breach-of-clause") for key in before)
        assert ("derived", "incident-facets") in before and ("derived", "incidents-by-year", "6") in before
        assert ("answer", "place-coordinates", ()) in before  # every place page's small map reads it
        assert ("answer", "most-mentioned", ()) in before
        shelved = site.shelf.lists()
        assert any(MOST in str(key) for key in shelved)  # its "What points here" and "Claims accusing it"
        for path in FIRST:
            assert client.get(path).status_code == 200, path
        assert made(site) == before  # nothing was computed for those first requests
        assert set(site.shelf.lists()) == set(shelved)  # and no list was sorted for them


def test_without_the_warm_up_the_first_request_computes_them(app) -> None:  # noqa: ANN001
    client = TestClient(app)  # not entered: no lifespan, no warm-up (the control of the test above)
    site = app.state.site.get()
    before = made(site)
    assert not any(MOST in str(key) for key in site.shelf.lists())
    for path in FIRST:
        assert client.get(path).status_code == 200, path
    assert not app.state.warm_pages.made and made(site) > before
    assert any(MOST in str(key) for key in site.shelf.lists())
    assert ("answer", "incidents-overview", ()) in made(site) - before
    assert ("derived", "incidents-by-year", "6") in made(site) - before


def test_the_points_network_views_are_laid_out_before_anyone_asks(app) -> None:  # noqa: ANN001
    """Each point's network view (the link on a point's page) is built by the background warm-up: its first
    request waits for no build and gets the view the warm-up kept."""
    views = app.state.network_views
    with TestClient(app) as client:
        waited = time.monotonic()
        while not all(wanted in views for wanted in WARM_VIEWS):
            assert time.monotonic() - waited < 300, "the background warm-up did not lay out every view"
            time.sleep(0.05)
        clause6 = ViewRequest("clause", (6,), scope="auto")
        assert clause6 in WARM_VIEWS
        assert [r.clauses for r in WARM_VIEWS if r.view == "clause"] == [(n,) for n in range(1, 10)]
        built = []
        build = views._build
        views._build = lambda wanted: built.append(wanted) or build(wanted)  # counts the builds from now on
        answer = client.get("/network/clause.json", params={"clause": "6"})
        assert answer.status_code == 200 and answer.json()["view"] == "clause"
        assert built == []  # the page's link asks for the view the warm-up laid out: nothing was built for it
        assert client.get("/network/clause.json", params={"clause": "6", "view": "full"}).status_code == 200
        assert built == [ViewRequest("clause", (6,), scope="full")]  # the control: a view not warmed is built


def test_the_warm_up_leaves_half_the_shelf_for_visitors(shipped_store_dir: Path) -> None:
    """The most mentioned resources' pages are warmed while the shelf holds at most half its budget of keys."""
    from conflictkg.pages.shelf import KeyShelf
    from conflictkg.pages.warm import most_mentioned, warm

    store = open_store(shipped_store_dir)
    try:
        site = Site.load(store, Resources(REPO))
        ranked = most_mentioned(site.view(Perspective.NEUTRAL))
        assert ranked[0] == MOST and len(ranked) == 20
        roomy = site.shelf.budget
        warm(site)
        full = {key for key in site.shelf.lists() if any(iri in str(key) for iri in ranked)}
        tight = replace(Site.load(store, Resources(REPO)), shelf=KeyShelf(budget=1))  # full after one list
        warm(tight)
        few = {key for key in tight.shelf.lists() if any(iri in str(key) for iri in ranked)}
        assert roomy > 1 and len(few) < len(full)
    finally:
        store.close()
